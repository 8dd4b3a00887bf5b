/*===- run_model_main.c - Run a compiled model through the C runtime -------===*
 *
 * tessera-run-model MODEL.so
 *
 * Loads a compiled model with libtessera_runtime (and nothing else: this is
 * C and links only the runtime, as an application would), feeds every input
 * with ones (dynamic dims get size 1), runs it once and prints each output's
 * dtype, shape and first values:
 *
 *   output 0 'y': float32 [1, 3]: 2 2 2
 *
 *===----------------------------------------------------------------------===*/

#include "tessera/runtime/runtime.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { kMaxPrintedValues = 8 };

static const char *getDTypeName(DLDataType dtype) {
  switch (dtype.code) {
  case kDLFloat:
    return dtype.bits == 16   ? "float16"
           : dtype.bits == 32 ? "float32"
                              : "float64";
  case kDLBfloat:
    return "bfloat16";
  case kDLInt:
    return dtype.bits == 8    ? "int8"
           : dtype.bits == 16 ? "int16"
           : dtype.bits == 32 ? "int32"
                              : "int64";
  case kDLUInt:
    return dtype.bits == 8    ? "uint8"
           : dtype.bits == 16 ? "uint16"
           : dtype.bits == 32 ? "uint32"
                              : "uint64";
  case TESSERA_DL_BOOL:
    return "bool";
  default:
    return "unknown";
  }
}

static float halfToFloat(uint16_t half) {
  uint32_t sign = (uint32_t)(half >> 15) << 31;
  uint32_t exponent = (half >> 10) & 0x1f;
  uint32_t mantissa = half & 0x3ff;
  uint32_t bits;
  if (exponent == 0x1f) {
    bits = sign | 0x7f800000u | (mantissa << 13);
  } else if (exponent != 0) {
    bits = sign | ((exponent + 112) << 23) | (mantissa << 13);
  } else if (mantissa == 0) {
    bits = sign;
  } else {
    /* A subnormal half is a normal float: shift the mantissa up. */
    exponent = 113;
    while (!(mantissa & 0x400)) {
      mantissa <<= 1;
      --exponent;
    }
    bits = sign | (exponent << 23) | ((mantissa & 0x3ff) << 13);
  }
  float value;
  memcpy(&value, &bits, sizeof(value));
  return value;
}

/* Writes the value 1 in `dtype` to `element`. */
static void storeOne(DLDataType dtype, void *element) {
  size_t bytes = dtype.bits / 8;
  if (dtype.code == kDLFloat && dtype.bits == 16) {
    uint16_t one = 0x3c00;
    memcpy(element, &one, bytes);
  } else if (dtype.code == kDLBfloat) {
    uint16_t one = 0x3f80;
    memcpy(element, &one, bytes);
  } else if (dtype.code == kDLFloat && dtype.bits == 32) {
    float one = 1.0f;
    memcpy(element, &one, bytes);
  } else if (dtype.code == kDLFloat) {
    double one = 1.0;
    memcpy(element, &one, bytes);
  } else {
    /* Integers and bool: 1 in the lowest byte (little-endian hosts). */
    memset(element, 0, bytes);
    *(uint8_t *)element = 1;
  }
}

static void printValue(DLDataType dtype, const void *element) {
  uint16_t bits16;
  switch (dtype.code) {
  case kDLFloat:
    if (dtype.bits == 16) {
      memcpy(&bits16, element, 2);
      printf(" %g", halfToFloat(bits16));
    } else if (dtype.bits == 32) {
      printf(" %g", *(const float *)element);
    } else {
      printf(" %g", *(const double *)element);
    }
    return;
  case kDLBfloat: {
    uint32_t bits32;
    float value;
    memcpy(&bits16, element, 2);
    bits32 = (uint32_t)bits16 << 16;
    memcpy(&value, &bits32, sizeof(value));
    printf(" %g", value);
    return;
  }
  case kDLInt:
    printf(" %" PRId64, dtype.bits == 8    ? *(const int8_t *)element
                        : dtype.bits == 16 ? *(const int16_t *)element
                        : dtype.bits == 32 ? *(const int32_t *)element
                                           : *(const int64_t *)element);
    return;
  default: /* kDLUInt and bool */
    printf(" %" PRIu64, dtype.bits == 8    ? *(const uint8_t *)element
                        : dtype.bits == 16 ? *(const uint16_t *)element
                        : dtype.bits == 32 ? *(const uint32_t *)element
                                           : *(const uint64_t *)element);
    return;
  }
}

/* Prints the first values in row-major order, following the strides. */
static void printOutput(int32_t j, const char *name, const DLTensor *t) {
  int64_t count = 1;
  printf("output %d '%s': %s [", j, name, getDTypeName(t->dtype));
  for (int dim = 0; dim < t->ndim; ++dim) {
    printf(dim ? ", %" PRId64 : "%" PRId64, t->shape[dim]);
    count *= t->shape[dim];
  }
  printf("]:");
  for (int64_t index = 0; index < count && index < kMaxPrintedValues; ++index) {
    int64_t remainder = index, elementOffset = 0;
    for (int dim = t->ndim - 1; dim >= 0; --dim) {
      elementOffset += remainder % t->shape[dim] * t->strides[dim];
      remainder /= t->shape[dim];
    }
    printValue(t->dtype, (const char *)t->data + t->byte_offset +
                             elementOffset * (t->dtype.bits / 8));
  }
  printf("\n");
}

static int reportFailure(void) {
  fprintf(stderr, "tessera-run-model: %s\n", tessera_last_error());
  return 1;
}

int main(int argc, char **argv) {
  TesseraModule *module;
  DLManagedTensor **inputs;
  int32_t numInputs, i, j, status = 0;
  if (argc != 2) {
    fprintf(stderr, "usage: %s MODEL.so\n", argv[0]);
    return 2;
  }
  if (tessera_module_load(argv[1], &module) != 0)
    return reportFailure();

  numInputs = tessera_module_num_inputs(module);
  inputs = calloc(numInputs ? numInputs : 1, sizeof(*inputs));
  for (i = 0; i < numInputs && status == 0; ++i) {
    int32_t ndim = tessera_module_input_ndim(module, i), dim;
    const int64_t *declared = tessera_module_input_shape(module, i);
    int64_t shape[ndim ? ndim : 1];
    DLTensor *t;
    int64_t count = 1, index;
    for (dim = 0; dim < ndim; ++dim) {
      shape[dim] = declared[dim] < 0 ? 1 : declared[dim];
      count *= shape[dim];
    }
    status = tessera_tensor_alloc(tessera_module_input_dtype(module, i), ndim,
                                  shape, &inputs[i]);
    if (status != 0)
      break;
    t = &inputs[i]->dl_tensor;
    for (index = 0; index < count; ++index)
      storeOne(t->dtype, (char *)t->data + index * (t->dtype.bits / 8));
    status = tessera_module_set_input(module, i, t);
  }
  if (status == 0)
    status = tessera_module_run(module);
  for (j = 0; status == 0 && j < tessera_module_num_outputs(module); ++j) {
    DLManagedTensor *output;
    status = tessera_module_get_output(module, j, &output);
    if (status != 0)
      break;
    printOutput(j, tessera_module_output_name(module, j), &output->dl_tensor);
    output->deleter(output);
  }
  if (status != 0)
    reportFailure();

  for (i = 0; i < numInputs; ++i)
    if (inputs[i])
      inputs[i]->deleter(inputs[i]);
  free(inputs);
  tessera_module_free(module);
  return status == 0 ? 0 : 1;
}
