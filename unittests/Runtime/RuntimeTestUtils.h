//===- RuntimeTestUtils.h - Helpers of the runtime tests --------*- C++ -*-===//

#ifndef TESSERA_UNITTESTS_RUNTIME_RUNTIMETESTUTILS_H
#define TESSERA_UNITTESTS_RUNTIME_RUNTIMETESTUTILS_H

#include "tessera/runtime/runtime.h"

#include "gtest/gtest.h"

#include <memory>
#include <string>
#include <vector>

namespace tessera::runtime::test {

constexpr DLDataType kFloat32 = {kDLFloat, 32, 1};
constexpr DLDataType kInt32 = {kDLInt, 32, 1};
constexpr DLDataType kInt64 = {kDLInt, 64, 1};

/// Checks that tessera_last_error() contains `expected`.
inline ::testing::AssertionResult
lastErrorContains(const std::string &expected) {
  std::string message = tessera_last_error();
  if (message.find(expected) == std::string::npos)
    return ::testing::AssertionFailure()
           << "error \"" << message << "\" does not contain \"" << expected
           << "\"";
  return ::testing::AssertionSuccess();
}

/// Checks that a C API call failed with a message containing `expected`.
inline ::testing::AssertionResult failsWith(TesseraStatus status,
                                            const std::string &expected) {
  if (status == 0)
    return ::testing::AssertionFailure()
           << "succeeded; expected an error containing \"" << expected << "\"";
  return lastErrorContains(expected);
}

struct ManagedTensorDeleter {
  void operator()(DLManagedTensor *tensor) const { tensor->deleter(tensor); }
};
using ManagedTensorPtr = std::unique_ptr<DLManagedTensor, ManagedTensorDeleter>;

/// A CPU DLTensor over borrowed data and shape, with NULL strides.
inline DLTensor makeTensor(void *data, std::vector<int64_t> &shape,
                           DLDataType dtype = kFloat32) {
  DLTensor tensor = {};
  tensor.data = data;
  tensor.device = {kDLCPU, 0};
  tensor.ndim = static_cast<int>(shape.size());
  tensor.dtype = dtype;
  tensor.shape = shape.data();
  return tensor;
}

} // namespace tessera::runtime::test

#endif // TESSERA_UNITTESTS_RUNTIME_RUNTIMETESTUTILS_H
