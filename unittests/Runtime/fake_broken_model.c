/*===- fake_broken_model.c - Models the runtime must refuse to load --------===*
 *
 * Built three times: with BROKEN_BAD_JSON (metadata that is not JSON),
 * BROKEN_ABI_VERSION (abi_version 2) and BROKEN_MISSING_RUN (no
 * tessera_model_run symbol).
 *
 *===----------------------------------------------------------------------===*/

#include "tessera/runtime/module_abi.h"

#if defined(BROKEN_BAD_JSON)
#define METADATA "{\"abi_version\": 1, \"inputs\": ["
#elif defined(BROKEN_ABI_VERSION)
#define METADATA                                                               \
  "{\"abi_version\": 2, \"name\": \"main\", \"target\": \"x86_64\", "          \
  "\"workspace_bytes\": 0, \"inputs\": [], \"outputs\": [], \"checks\": []}"
#elif defined(BROKEN_MISSING_RUN)
#define METADATA                                                               \
  "{\"abi_version\": 1, \"name\": \"main\", \"target\": \"x86_64\", "          \
  "\"workspace_bytes\": 0, \"inputs\": [], \"outputs\": [], \"checks\": []}"
#else
#error "define BROKEN_BAD_JSON, BROKEN_ABI_VERSION or BROKEN_MISSING_RUN"
#endif

const char *tessera_model_metadata(void) { return METADATA; }

#ifndef BROKEN_MISSING_RUN
int32_t tessera_model_run(void **inputs, void **outputs, void *workspace) {
  (void)inputs;
  (void)outputs;
  (void)workspace;
  return 0;
}
#endif

void tessera_model_set_num_threads(int32_t threads) { (void)threads; }
