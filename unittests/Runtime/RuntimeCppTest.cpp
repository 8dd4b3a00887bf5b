//===- RuntimeCppTest.cpp - The C++ wrapper of the runtime ----------------===//

#include "tessera/runtime/runtime.hpp"

#include "RuntimeTestUtils.h"

#include <cstdlib>
#include <string>
#include <vector>

using namespace tessera::runtime;
using namespace tessera::runtime::test;

namespace {

/// Runs `statement`, which must throw tessera::runtime::Error with a message
/// containing `expected`.
template <typename Statement>
::testing::AssertionResult throwsError(Statement statement,
                                       const std::string &expected) {
  try {
    statement();
  } catch (const Error &error) {
    if (std::string(error.what()).find(expected) != std::string::npos)
      return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure()
           << "error \"" << error.what() << "\" does not contain \"" << expected
           << "\"";
  }
  return ::testing::AssertionFailure() << "nothing thrown";
}

TEST(RuntimeCppTest, LoadsRunsAndReturnsOutputs) {
  Module model = Module::load(FAKE_ADD_MODEL);
  ASSERT_EQ(model.inputs().size(), 2u);
  EXPECT_EQ(model.inputs()[0].name, "x");
  EXPECT_EQ(model.inputs()[0].shape, (std::vector<int64_t>{-1, 3}));
  EXPECT_EQ(model.inputs()[1].dtype.bits, 32);
  ASSERT_EQ(model.outputs().size(), 2u);
  EXPECT_EQ(model.outputs()[1].name, "shape");
  EXPECT_EQ(model.outputs()[1].dtype.code, kDLInt);
  EXPECT_EQ(model.inputIndex("b"), 1);
  EXPECT_EQ(model.outputIndex("y"), 0);
  EXPECT_NE(std::string(model.metadata()).find("\"abi_version\": 1"),
            std::string::npos);

  Tensor x = Tensor::alloc(kFloat32, {4, 3});
  EXPECT_EQ(x.shape(), (std::vector<int64_t>{4, 3}));
  EXPECT_EQ(x.numElements(), 12);
  for (int i = 0; i < 12; ++i)
    x.data<float>()[i] = static_cast<float>(i);
  Tensor b = Tensor::alloc(kFloat32, {3});
  b.data<float>()[1] = 100;
  model.setInput("x", x);
  model.setInput(1, b);
  model.setNumThreads(2);
  model.run();

  Tensor y = model.output("y");
  EXPECT_EQ(y.dtype().code, kDLFloat);
  EXPECT_EQ(y.shape(), (std::vector<int64_t>{4, 3}));
  EXPECT_EQ(y.strides(), (std::vector<int64_t>{3, 1}));
  EXPECT_EQ(y.data<float>()[0], 0);
  EXPECT_EQ(y.data<float>()[1], 101);
  EXPECT_EQ(y.data<float>()[11], 11);
  Tensor shape = model.output(1);
  EXPECT_EQ(shape.data<int64_t>()[0], 4);
}

TEST(RuntimeCppTest, TensorsAreMoveOnlyOwners) {
  Tensor first = Tensor::alloc(kInt32, {2});
  first.data<int32_t>()[1] = 7;
  Tensor second = std::move(first);
  EXPECT_FALSE(first);
  ASSERT_TRUE(second);
  EXPECT_EQ(second.data<int32_t>()[1], 7);
  // NULL strides mean compact.
  DLManagedTensor *released = second.release();
  released->dl_tensor.strides = nullptr;
  Tensor adopted(released);
  EXPECT_EQ(adopted.strides(), (std::vector<int64_t>{1}));
  EXPECT_TRUE(throwsError([&] { first.shape(); }, "the tensor is empty"));
}

TEST(RuntimeCppTest, ThrowsTheCApiMessages) {
  EXPECT_TRUE(throwsError([] { Module::load("/nonexistent/model.so"); },
                          "cannot load model '/nonexistent/model.so'"));
  EXPECT_TRUE(throwsError([] { Module::load(FAKE_ABI_VERSION_MODEL); },
                          "ABI version 2"));
  Module model = Module::load(FAKE_ADD_MODEL);
  Tensor wrongType = Tensor::alloc(kInt32, {1, 3});
  EXPECT_TRUE(throwsError([&] { model.setInput("x", wrongType); },
                          "input 'x': dtype is int32, the model expects "
                          "float32"));
  EXPECT_TRUE(throwsError([&] { model.setInput("z", wrongType); },
                          "the model has no input named 'z'"));
  EXPECT_TRUE(throwsError([&] { model.output("z"); },
                          "the model has no output named 'z'"));
  EXPECT_TRUE(throwsError([&] { model.run(); }, "input 'x' is not set"));
  EXPECT_TRUE(throwsError([&] { model.output(0); },
                          "output 'y': the model has not run yet"));
  EXPECT_TRUE(throwsError([&] { model.setNumThreads(-2); },
                          "the thread count must be >= 1, got -2"));
  EXPECT_TRUE(throwsError([&] { wrongType.data<double>(); },
                          "a 8-byte type does not match the tensor's 4-byte "
                          "elements"));
  EXPECT_TRUE(throwsError(
      [] {
        Tensor::alloc({kDLFloat, 32, 2}, {1});
      },
      "unsupported dtype"));
}

const char *getAnswerMetadata() {
  return R"({"abi_version": 1, "name": "main", "target": "t",
             "workspace_bytes": 0, "inputs": [], "checks": [],
             "outputs": [{"name": "answer", "dtype": "int32", "shape": []}]})";
}

int32_t runAnswer(void **, void **outputs, void *) {
  auto *answer = static_cast<int32_t *>(std::malloc(sizeof(int32_t)));
  *answer = 42;
  void **descriptor = static_cast<void **>(outputs[0]);
  descriptor[0] = descriptor[1] = answer;
  descriptor[2] = nullptr;
  return 0;
}

void ignoreNumThreads(int32_t) {}

TEST(RuntimeCppTest, WrapsInProcessFunctions) {
  Module model =
      Module::fromFunctions(getAnswerMetadata, runAnswer, ignoreNumThreads);
  EXPECT_TRUE(model.inputs().empty());
  ASSERT_EQ(model.outputs().size(), 1u);
  EXPECT_TRUE(model.outputs()[0].shape.empty());
  model.run();
  Tensor answer = model.output("answer");
  EXPECT_TRUE(answer.shape().empty());
  EXPECT_EQ(answer.numElements(), 1);
  EXPECT_EQ(*answer.data<int32_t>(), 42);
}

} // namespace
