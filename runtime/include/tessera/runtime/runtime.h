/*===- runtime.h - Load and run compiled Tessera models -------------*- C
 *-*-===*
 *
 * The C API of libtessera_runtime.so: loads a compiled model (see
 * module_abi.h), describes its inputs and outputs, checks and binds DLPack
 * input tensors, runs the model and hands its outputs back as
 * DLManagedTensors.
 *
 * Every function checks its arguments and reports failure through its result
 * (a non-zero TesseraStatus, NULL, -1, or a zero DLDataType) with the reason in
 * tessera_last_error(). A module must not be used by two threads at the same
 * time; distinct modules are independent.
 *
 *===----------------------------------------------------------------------===*/

#ifndef TESSERA_RUNTIME_RUNTIME_H
#define TESSERA_RUNTIME_RUNTIME_H

#include <dlpack/dlpack.h>
#include <stdint.h>

#if defined(__GNUC__)
#define TESSERA_RUNTIME_API __attribute__((visibility("default")))
#else
#define TESSERA_RUNTIME_API
#endif

/* DLPack 0.6 (Debian's) predates kDLBool; this is its value in DLPack 0.8+. */
#define TESSERA_DL_BOOL 6

#ifdef __cplusplus
extern "C" {
#endif

typedef struct TesseraModule TesseraModule;
/* 0 = ok, non-zero = error (see tessera_last_error). */
typedef int TesseraStatus;

/* The message of the calling thread's last failure ("" if none). */
TESSERA_RUNTIME_API const char *tessera_last_error(void);

/* dlopen()s a model shared library and parses its metadata. */
TESSERA_RUNTIME_API TesseraStatus tessera_module_load(const char *path,
                                                      TesseraModule **out);
/* A module whose three entry points are already in this process (e.g.
   JIT-compiled); none may be NULL. */
TESSERA_RUNTIME_API TesseraStatus tessera_module_create(
    const char *(*metadata)(void), int32_t (*run)(void **, void **, void *),
    void (*set_num_threads)(int32_t), TesseraModule **out);
/* Frees the module and the outputs of its last run that were never taken.
   A NULL module is ignored. */
TESSERA_RUNTIME_API void tessera_module_free(TesseraModule *m);

TESSERA_RUNTIME_API int32_t tessera_module_num_inputs(const TesseraModule *m);
TESSERA_RUNTIME_API int32_t tessera_module_num_outputs(const TesseraModule *m);

/* Index of the input with this name, or -1. */
TESSERA_RUNTIME_API int32_t tessera_module_input_index(const TesseraModule *m,
                                                       const char *name);
TESSERA_RUNTIME_API const char *
tessera_module_input_name(const TesseraModule *m, int32_t i);
TESSERA_RUNTIME_API DLDataType
tessera_module_input_dtype(const TesseraModule *m, int32_t i);
TESSERA_RUNTIME_API int32_t tessera_module_input_ndim(const TesseraModule *m,
                                                      int32_t i);
/* ndim entries; -1 = dynamic. Valid as long as the module. */
TESSERA_RUNTIME_API const int64_t *
tessera_module_input_shape(const TesseraModule *m, int32_t i);

/* Index of the output with this name, or -1. */
TESSERA_RUNTIME_API int32_t tessera_module_output_index(const TesseraModule *m,
                                                        const char *name);
TESSERA_RUNTIME_API const char *
tessera_module_output_name(const TesseraModule *m, int32_t j);
TESSERA_RUNTIME_API DLDataType
tessera_module_output_dtype(const TesseraModule *m, int32_t j);
TESSERA_RUNTIME_API int32_t tessera_module_output_ndim(const TesseraModule *m,
                                                       int32_t j);
/* ndim entries; -1 = dynamic. Valid as long as the module. */
TESSERA_RUNTIME_API const int64_t *
tessera_module_output_shape(const TesseraModule *m, int32_t j);

/* The model's raw metadata JSON. */
TESSERA_RUNTIME_API const char *tessera_module_metadata(const TesseraModule *m);

/* The ABI's name of a dtype ("float32", "uint8", "bool", ...), or NULL for
   a DLDataType outside the ABI. */
TESSERA_RUNTIME_API const char *tessera_dtype_name(DLDataType dtype);

/* The DLDataType of an ABI dtype name; an error for any other name. */
TESSERA_RUNTIME_API TesseraStatus tessera_dtype_from_name(const char *name,
                                                          DLDataType *out);

/* Allocates a compact CPU tensor (64-byte aligned, zeroed); free it with
   out->deleter(out). */
TESSERA_RUNTIME_API TesseraStatus tessera_tensor_alloc(DLDataType dtype,
                                                       int32_t ndim,
                                                       const int64_t *shape,
                                                       DLManagedTensor **out);

/* Binds input i after checking device (CPU), dtype, rank, every static dim,
   compact row-major layout (strides NULL or compact), data + byte_offset
   aligned to the element size, and non-NULL data when the tensor has
   elements. The error names the input: "input 'x': dim 1 is 4, the model
   expects 3". Borrows the data, which must stay valid while runs use it: the
   binding holds until the input is set again or the module is freed. */
TESSERA_RUNTIME_API TesseraStatus tessera_module_set_input(TesseraModule *m,
                                                           int32_t i,
                                                           const DLTensor *t);
/* Runs the model on the bound inputs; fails if an input was never set
   ("input 'x' is not set") or a run-time check fails. Allocates the
   workspace on the first run. Frees the untaken outputs of the previous
   run. */
TESSERA_RUNTIME_API TesseraStatus tessera_module_run(TesseraModule *m);
/* Output j of the last run as a new DLManagedTensor the caller owns (its
   deleter frees the model's buffer). May be taken once per output per run;
   an error before the first successful run. */
TESSERA_RUNTIME_API TesseraStatus
tessera_module_get_output(TesseraModule *m, int32_t j, DLManagedTensor **out);
/* The thread count of later runs; threads >= 1. */
TESSERA_RUNTIME_API TesseraStatus
tessera_module_set_num_threads(TesseraModule *m, int32_t threads);

#ifdef __cplusplus
}
#endif

#endif /* TESSERA_RUNTIME_RUNTIME_H */
