/*===- module_abi.h - Entry points of a compiled Tessera model ------*- C
 *-*-===*
 *
 * A model compiled by `tessera compile model.onnx -o model.so` is a shared
 * library that exports exactly the three functions declared here. Plain C with
 * no dependencies, so that the compiler, the runtime and hand-written models
 * (tests) agree on one definition.
 *
 * Memref descriptors. A tensor of rank R crosses the ABI as an array of
 * 3 + 2 * R eight-byte words, the layout of MLIR's memref descriptor:
 *
 *   struct {
 *     void *allocated;      -- the pointer to free(), for model-owned buffers
 *     void *aligned;        -- the base the elements are addressed from
 *     int64_t offset;       -- in elements: element 0 is aligned[offset]
 *     int64_t sizes[R];     -- the shape
 *     int64_t strides[R];   -- in elements
 *   };
 *
 * - inputs[i] points to the descriptor of input i (graph input order), filled
 *   by the caller: allocated = aligned = the data, offset = 0, compact
 *   row-major strides.
 * - outputs[j] points to caller storage of 3 + 2 * R words that the model
 *   fills. The buffer was malloc'ed by the model; the caller owns it and
 *   releases it with free(allocated).
 * - workspace points to metadata.workspace_bytes bytes, 64-byte aligned,
 *   reused across runs of one module instance and never used by two runs at
 *   the same time; NULL when workspace_bytes is 0.
 *
 * tessera_model_run returns 0 on success. A non-zero value k means run-time
 * check k failed; its message is metadata.checks[k - 1] and no output is set.
 *
 * Metadata: one JSON object in static storage, e.g.
 *   {"abi_version": 1, "name": "main", "target": "x86_64-unknown-linux-gnu",
 *    "workspace_bytes": 1234,
 *    "inputs":  [{"name": "x", "dtype": "float32", "shape": [-1, 3]}],
 *    "outputs": [{"name": "y", "dtype": "float32", "shape": [-1, 1000]}],
 *    "checks":  ["input 'x' dim 0 must equal input 'y' dim 0"]}
 * A shape entry of -1 is a dynamic dim. dtype is one of float16 bfloat16
 * float32 float64 int8 int16 int32 int64 uint8 uint16 uint32 uint64 bool
 * (bool is stored as one byte).
 *
 *===----------------------------------------------------------------------===*/

#ifndef TESSERA_RUNTIME_MODULE_ABI_H
#define TESSERA_RUNTIME_MODULE_ABI_H

#include <stdint.h>

#define TESSERA_MODULE_ABI_VERSION 1

#ifdef __cplusplus
extern "C" {
#endif

/* The metadata JSON described above, in static storage. */
const char *tessera_model_metadata(void);
/* Runs the model once; 0 on success, k when run-time check k failed. */
int32_t tessera_model_run(void **inputs, void **outputs, void *workspace);
/* The OpenMP thread count of later runs; a no-op in a serial build. */
void tessera_model_set_num_threads(int32_t threads);

typedef const char *(*TesseraModelMetadataFn)(void);
typedef int32_t (*TesseraModelRunFn)(void **inputs, void **outputs,
                                     void *workspace);
typedef void (*TesseraModelSetNumThreadsFn)(int32_t threads);

#ifdef __cplusplus
}
#endif

#endif /* TESSERA_RUNTIME_MODULE_ABI_H */
