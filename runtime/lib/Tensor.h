//===- Tensor.h - DLPack tensors that own a malloc'ed buffer ----*- C++ -*-===//

#ifndef TESSERA_RUNTIME_LIB_TENSOR_H
#define TESSERA_RUNTIME_LIB_TENSOR_H

#include <dlpack/dlpack.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace tessera::runtime {

/// A CPU DLManagedTensor whose deleter calls free(buffer) and then frees the
/// tensor, which owns its copies of `shape` and `strides`.
DLManagedTensor *createOwnedTensor(void *buffer, void *data,
                                   uint64_t byteOffset, DLDataType dtype,
                                   std::vector<int64_t> shape,
                                   std::vector<int64_t> strides);

/// Row-major strides, in elements, of a compact tensor of this shape.
std::vector<int64_t> getCompactStrides(const int64_t *shape, int32_t rank);

/// The product of the (non-negative) dims, or nothing when it overflows.
std::optional<uint64_t> getNumElements(const int64_t *shape, int32_t rank);

} // namespace tessera::runtime

#endif // TESSERA_RUNTIME_LIB_TENSOR_H
