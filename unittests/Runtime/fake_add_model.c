/*===- fake_add_model.c - A hand-written model for the runtime tests -------===*
 *
 * Implements the ABI of module_abi.h by hand: y = x + b with x of shape
 * [-1, 3] and b of shape [3], plus an int64 output "shape" holding y's sizes.
 * Run-time check 1 rejects more than 64 rows; check 2 fails when the runtime
 * passes a workspace that is not 64-byte aligned. y lies two elements into
 * its buffer so that the runtime must honour descriptor offsets.
 *
 *===----------------------------------------------------------------------===*/

#include "tessera/runtime/module_abi.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
  void *allocated;
  void *aligned;
  int64_t offset;
  int64_t sizes[1];
  int64_t strides[1];
} MemRef1D;

typedef struct {
  void *allocated;
  void *aligned;
  int64_t offset;
  int64_t sizes[2];
  int64_t strides[2];
} MemRef2D;

enum { kMaxRows = 64, kWorkspaceBytes = 100, kOutputOffset = 2 };

static int32_t numThreads = 1;

const char *tessera_model_metadata(void) {
  return "{\"abi_version\": 1, \"name\": \"add\", "
         "\"target\": \"x86_64-unknown-linux-gnu\", \"workspace_bytes\": 100, "
         "\"inputs\": [{\"name\": \"x\", \"dtype\": \"float32\", "
         "\"shape\": [-1, 3]}, "
         "{\"name\": \"b\", \"dtype\": \"float32\", \"shape\": [3]}], "
         "\"outputs\": [{\"name\": \"y\", \"dtype\": \"float32\", "
         "\"shape\": [-1, 3]}, "
         "{\"name\": \"shape\", \"dtype\": \"int64\", \"shape\": [2]}], "
         "\"checks\": [\"input 'x' dim 0 must be at most 64\", "
         "\"the workspace must be 64-byte aligned\"]}";
}

int32_t tessera_model_run(void **inputs, void **outputs, void *workspace) {
  const MemRef2D *x = (const MemRef2D *)inputs[0];
  const MemRef1D *b = (const MemRef1D *)inputs[1];
  int64_t rows = x->sizes[0];
  if (rows > kMaxRows)
    return 1;
  if (!workspace || (uintptr_t)workspace % 64 != 0)
    return 2;
  /* Touches all of it, so that a short workspace shows under sanitizers. */
  memset(workspace, 0, kWorkspaceBytes);

  const float *xData = (const float *)x->aligned + x->offset;
  const float *bData = (const float *)b->aligned + b->offset;
  float *y = malloc((kOutputOffset + rows * 3) * sizeof(float));
  for (int64_t row = 0; row < rows; ++row)
    for (int64_t col = 0; col < 3; ++col)
      y[kOutputOffset + row * 3 + col] =
          xData[row * x->strides[0] + col * x->strides[1]] +
          bData[col * b->strides[0]];
  MemRef2D *yDesc = (MemRef2D *)outputs[0];
  yDesc->allocated = yDesc->aligned = y;
  yDesc->offset = kOutputOffset;
  yDesc->sizes[0] = rows;
  yDesc->sizes[1] = 3;
  yDesc->strides[0] = 3;
  yDesc->strides[1] = 1;

  int64_t *shape = malloc(2 * sizeof(int64_t));
  shape[0] = rows;
  shape[1] = 3;
  MemRef1D *shapeDesc = (MemRef1D *)outputs[1];
  shapeDesc->allocated = shapeDesc->aligned = shape;
  shapeDesc->offset = 0;
  shapeDesc->sizes[0] = 2;
  shapeDesc->strides[0] = 1;
  return 0;
}

void tessera_model_set_num_threads(int32_t threads) { numThreads = threads; }

/* Not part of the ABI: lets the tests see what the runtime passed on. */
int32_t fake_model_num_threads(void) { return numThreads; }
