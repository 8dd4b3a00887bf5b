//===- Tensor.cpp - DLPack tensors that own a malloc'ed buffer ------------===//

#include "Tensor.h"

#include <cstdlib>

namespace tessera::runtime {
namespace {

/// The DLManagedTensor comes first so that the deleter's argument is also a
/// pointer to the whole object; manager_ctx points to it as well.
struct OwnedTensor {
  DLManagedTensor managed;
  void *buffer;
  std::vector<int64_t> shape;
  std::vector<int64_t> strides;
};

void deleteOwnedTensor(DLManagedTensor *self) {
  auto *owned = static_cast<OwnedTensor *>(self->manager_ctx);
  std::free(owned->buffer);
  delete owned;
}

} // namespace

DLManagedTensor *createOwnedTensor(void *buffer, void *data,
                                   uint64_t byteOffset, DLDataType dtype,
                                   std::vector<int64_t> shape,
                                   std::vector<int64_t> strides) {
  auto *owned =
      new OwnedTensor{{}, buffer, std::move(shape), std::move(strides)};
  DLTensor &tensor = owned->managed.dl_tensor;
  tensor.data = data;
  tensor.device = {kDLCPU, 0};
  tensor.ndim = static_cast<int>(owned->shape.size());
  tensor.dtype = dtype;
  tensor.shape = owned->shape.data();
  tensor.strides = owned->strides.data();
  tensor.byte_offset = byteOffset;
  owned->managed.manager_ctx = owned;
  owned->managed.deleter = deleteOwnedTensor;
  return &owned->managed;
}

std::vector<int64_t> getCompactStrides(const int64_t *shape, int32_t rank) {
  std::vector<int64_t> strides(rank);
  int64_t stride = 1;
  for (int32_t dim = rank - 1; dim >= 0; --dim) {
    strides[dim] = stride;
    stride *= shape[dim];
  }
  return strides;
}

std::optional<uint64_t> getNumElements(const int64_t *shape, int32_t rank) {
  uint64_t count = 1;
  for (int32_t dim = 0; dim < rank; ++dim)
    if (__builtin_mul_overflow(count, static_cast<uint64_t>(shape[dim]),
                               &count))
      return std::nullopt;
  return count;
}

} // namespace tessera::runtime
