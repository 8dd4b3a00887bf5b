//===- RuntimeTest.cpp - The C API of libtessera_runtime ------------------===//
//
// Runs the hand-written models of fake_add_model.c and fake_broken_model.c,
// and in-process models defined here, through the C API.
//
//===----------------------------------------------------------------------===//

#include "RuntimeTestUtils.h"

#include <dlfcn.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace tessera::runtime::test;

namespace {

//===----------------------------------------------------------------------===//
// The fake add model: y = x + b, x: [-1, 3], b: [3]; shape = y's sizes.
//===----------------------------------------------------------------------===//

class RuntimeTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_EQ(tessera_module_load(FAKE_ADD_MODEL, &module), 0)
        << tessera_last_error();
  }
  void TearDown() override { tessera_module_free(module); }

  /// Binds x = [[0, 1, 2], [3, 4, 5], ...] with `rows` rows and b = [10, 20,
  /// 30].
  void setInputs(int64_t rows) {
    xValues.resize(rows * 3);
    for (size_t i = 0; i < xValues.size(); ++i)
      xValues[i] = static_cast<float>(i);
    xShape = {rows, 3};
    DLTensor x = makeTensor(xValues.data(), xShape);
    DLTensor b = makeTensor(bValues.data(), bShape);
    ASSERT_EQ(tessera_module_set_input(module, 0, &x), 0)
        << tessera_last_error();
    ASSERT_EQ(tessera_module_set_input(module, 1, &b), 0)
        << tessera_last_error();
  }

  ManagedTensorPtr takeOutput(int32_t j) {
    DLManagedTensor *output = nullptr;
    EXPECT_EQ(tessera_module_get_output(module, j, &output), 0)
        << tessera_last_error();
    return ManagedTensorPtr(output);
  }

  TesseraModule *module = nullptr;
  std::vector<float> xValues;
  std::vector<int64_t> xShape;
  std::vector<float> bValues = {10, 20, 30};
  std::vector<int64_t> bShape = {3};
};

TEST_F(RuntimeTest, DescribesInputsAndOutputs) {
  ASSERT_EQ(tessera_module_num_inputs(module), 2);
  ASSERT_EQ(tessera_module_num_outputs(module), 2);
  EXPECT_STREQ(tessera_module_input_name(module, 0), "x");
  EXPECT_STREQ(tessera_module_input_name(module, 1), "b");
  DLDataType xType = tessera_module_input_dtype(module, 0);
  EXPECT_EQ(xType.code, kDLFloat);
  EXPECT_EQ(xType.bits, 32);
  EXPECT_EQ(xType.lanes, 1);
  ASSERT_EQ(tessera_module_input_ndim(module, 0), 2);
  const int64_t *xShape = tessera_module_input_shape(module, 0);
  EXPECT_EQ(xShape[0], -1);
  EXPECT_EQ(xShape[1], 3);
  ASSERT_EQ(tessera_module_input_ndim(module, 1), 1);
  EXPECT_EQ(tessera_module_input_shape(module, 1)[0], 3);

  EXPECT_STREQ(tessera_module_output_name(module, 0), "y");
  EXPECT_STREQ(tessera_module_output_name(module, 1), "shape");
  DLDataType shapeType = tessera_module_output_dtype(module, 1);
  EXPECT_EQ(shapeType.code, kDLInt);
  EXPECT_EQ(shapeType.bits, 64);
  ASSERT_EQ(tessera_module_output_ndim(module, 0), 2);
  EXPECT_EQ(tessera_module_output_shape(module, 0)[0], -1);
  EXPECT_EQ(tessera_module_output_shape(module, 1)[0], 2);
  EXPECT_NE(
      std::string(tessera_module_metadata(module)).find("\"name\": \"add\""),
      std::string::npos);
}

TEST_F(RuntimeTest, FindsInputsAndOutputsByName) {
  EXPECT_EQ(tessera_module_input_index(module, "x"), 0);
  EXPECT_EQ(tessera_module_input_index(module, "b"), 1);
  EXPECT_EQ(tessera_module_input_index(module, "y"), -1);
  EXPECT_EQ(tessera_module_input_index(module, nullptr), -1);
  EXPECT_EQ(tessera_module_output_index(module, "shape"), 1);
  EXPECT_EQ(tessera_module_output_index(module, "x"), -1);
}

TEST_F(RuntimeTest, AccessorsRejectBadIndicesAndNullModules) {
  EXPECT_EQ(tessera_module_input_name(module, 2), nullptr);
  EXPECT_TRUE(lastErrorContains(
      "tessera_module_input_name: input index 2 is out of range (the model "
      "has 2)"));
  EXPECT_EQ(tessera_module_output_dtype(module, -1).bits, 0);
  EXPECT_TRUE(lastErrorContains("output index -1 is out of range"));
  EXPECT_EQ(tessera_module_output_ndim(module, 2), -1);
  EXPECT_EQ(tessera_module_input_shape(module, 5), nullptr);
  EXPECT_TRUE(lastErrorContains("tessera_module_input_shape: input index 5"));
  EXPECT_EQ(tessera_module_num_inputs(nullptr), -1);
  EXPECT_TRUE(lastErrorContains("tessera_module_num_inputs: module is NULL"));
  EXPECT_EQ(tessera_module_metadata(nullptr), nullptr);
  EXPECT_TRUE(failsWith(tessera_module_run(nullptr), "module is NULL"));
  tessera_module_free(nullptr);
}

TEST_F(RuntimeTest, RunsAndReturnsOutputs) {
  setInputs(2);
  ASSERT_EQ(tessera_module_run(module), 0) << tessera_last_error();

  ManagedTensorPtr y = takeOutput(0);
  ASSERT_TRUE(y);
  const DLTensor &yTensor = y->dl_tensor;
  EXPECT_EQ(yTensor.device.device_type, kDLCPU);
  EXPECT_EQ(yTensor.dtype.code, kDLFloat);
  ASSERT_EQ(yTensor.ndim, 2);
  EXPECT_EQ(yTensor.shape[0], 2);
  EXPECT_EQ(yTensor.shape[1], 3);
  EXPECT_EQ(yTensor.strides[0], 3);
  EXPECT_EQ(yTensor.strides[1], 1);
  // The model puts y two elements into its buffer.
  EXPECT_EQ(yTensor.byte_offset, 2 * sizeof(float));
  const float *yValues = reinterpret_cast<const float *>(
      static_cast<const char *>(yTensor.data) + yTensor.byte_offset);
  std::vector<float> expected = {10, 21, 32, 13, 24, 35};
  EXPECT_EQ(std::vector<float>(yValues, yValues + 6), expected);

  ManagedTensorPtr shape = takeOutput(1);
  ASSERT_TRUE(shape);
  EXPECT_EQ(shape->dl_tensor.dtype.code, kDLInt);
  EXPECT_EQ(shape->dl_tensor.dtype.bits, 64);
  ASSERT_EQ(shape->dl_tensor.ndim, 1);
  EXPECT_EQ(shape->dl_tensor.shape[0], 2);
  const int64_t *sizes = static_cast<const int64_t *>(shape->dl_tensor.data);
  EXPECT_EQ(sizes[0], 2);
  EXPECT_EQ(sizes[1], 3);
}

TEST_F(RuntimeTest, OutputsOutliveTheModuleAndTheNextRun) {
  setInputs(1);
  ASSERT_EQ(tessera_module_run(module), 0) << tessera_last_error();
  ManagedTensorPtr y = takeOutput(0);
  // Output 1 is never taken: the next run frees it.
  ASSERT_EQ(tessera_module_run(module), 0) << tessera_last_error();
  tessera_module_free(module);
  module = nullptr;
  const float *values = reinterpret_cast<const float *>(
      static_cast<const char *>(y->dl_tensor.data) + y->dl_tensor.byte_offset);
  EXPECT_EQ(values[2], 32);
}

TEST_F(RuntimeTest, HandlesEveryDynamicDimSize) {
  for (int64_t rows : {5, 1, 64, 0}) {
    SCOPED_TRACE("rows = " + std::to_string(rows));
    setInputs(rows);
    ASSERT_EQ(tessera_module_run(module), 0) << tessera_last_error();
    ManagedTensorPtr y = takeOutput(0);
    ManagedTensorPtr shape = takeOutput(1);
    ASSERT_TRUE(y && shape);
    EXPECT_EQ(y->dl_tensor.shape[0], rows);
    EXPECT_EQ(static_cast<const int64_t *>(shape->dl_tensor.data)[0], rows);
    if (rows > 0) {
      const float *last = reinterpret_cast<const float *>(
          static_cast<const char *>(y->dl_tensor.data) +
          y->dl_tensor.byte_offset);
      EXPECT_EQ(last[rows * 3 - 1], 3 * rows - 1 + 30);
    }
  }
}

TEST_F(RuntimeTest, AcceptsNullDataForEmptyInputs) {
  xShape = {0, 3};
  DLTensor x = makeTensor(nullptr, xShape);
  EXPECT_EQ(tessera_module_set_input(module, 0, &x), 0) << tessera_last_error();
}

TEST_F(RuntimeTest, GetOutputTwiceFails) {
  setInputs(1);
  ASSERT_EQ(tessera_module_run(module), 0) << tessera_last_error();
  ManagedTensorPtr y = takeOutput(0);
  DLManagedTensor *again = nullptr;
  EXPECT_TRUE(failsWith(tessera_module_get_output(module, 0, &again),
                        "output 'y': already taken from the last run"));
  EXPECT_EQ(again, nullptr);
  // A new run produces a new output.
  ASSERT_EQ(tessera_module_run(module), 0) << tessera_last_error();
  EXPECT_TRUE(takeOutput(0));
}

TEST_F(RuntimeTest, GetOutputChecksItsArguments) {
  DLManagedTensor *output = nullptr;
  EXPECT_TRUE(failsWith(tessera_module_get_output(module, 0, &output),
                        "output 'y': the model has not run yet"));
  EXPECT_TRUE(failsWith(tessera_module_get_output(module, 2, &output),
                        "output index 2 is out of range"));
  setInputs(1);
  ASSERT_EQ(tessera_module_run(module), 0) << tessera_last_error();
  EXPECT_TRUE(failsWith(tessera_module_get_output(module, 1, nullptr),
                        "output 'shape': out is NULL"));
}

TEST_F(RuntimeTest, RunBeforeInputsAreSetFails) {
  EXPECT_TRUE(failsWith(tessera_module_run(module), "input 'x' is not set"));
  xShape = {1, 3};
  xValues = {1, 2, 3};
  DLTensor x = makeTensor(xValues.data(), xShape);
  ASSERT_EQ(tessera_module_set_input(module, 0, &x), 0);
  EXPECT_TRUE(failsWith(tessera_module_run(module), "input 'b' is not set"));
}

TEST_F(RuntimeTest, ReportsRunTimeCheckFailures) {
  setInputs(65);
  EXPECT_TRUE(failsWith(tessera_module_run(module),
                        "run-time check failed: input 'x' dim 0 must be at "
                        "most 64"));
  DLManagedTensor *output = nullptr;
  EXPECT_TRUE(failsWith(tessera_module_get_output(module, 0, &output),
                        "output 'y': the last run failed"));
  // The module stays usable; this also shows the workspace is 64-byte aligned
  // (check 2 of the model).
  setInputs(3);
  ASSERT_EQ(tessera_module_run(module), 0) << tessera_last_error();
  EXPECT_TRUE(takeOutput(0));
}

TEST_F(RuntimeTest, SetInputRejectsWrongDtype) {
  std::vector<int32_t> values(6);
  xShape = {2, 3};
  DLTensor x = makeTensor(values.data(), xShape, kInt32);
  EXPECT_TRUE(
      failsWith(tessera_module_set_input(module, 0, &x),
                "input 'x': dtype is int32, the model expects float32"));
  x.dtype = {kDLFloat, 32, 4};
  EXPECT_TRUE(failsWith(tessera_module_set_input(module, 0, &x),
                        "input 'x': dtype is (code 2, bits 32, lanes 4)"));
}

TEST_F(RuntimeTest, SetInputRejectsWrongRank) {
  std::vector<float> values(3);
  std::vector<int64_t> shape = {3};
  DLTensor x = makeTensor(values.data(), shape);
  EXPECT_TRUE(failsWith(tessera_module_set_input(module, 0, &x),
                        "input 'x': rank is 1, the model expects 2"));
  x.ndim = 1;
  x.shape = nullptr;
  EXPECT_TRUE(failsWith(tessera_module_set_input(module, 1, &x),
                        "input 'b': shape is NULL"));
}

TEST_F(RuntimeTest, SetInputRejectsWrongStaticDims) {
  std::vector<float> values(8);
  xShape = {2, 4};
  DLTensor x = makeTensor(values.data(), xShape);
  EXPECT_TRUE(failsWith(tessera_module_set_input(module, 0, &x),
                        "input 'x': dim 1 is 4, the model expects 3"));
  std::vector<int64_t> bShape = {2};
  DLTensor b = makeTensor(values.data(), bShape);
  EXPECT_TRUE(failsWith(tessera_module_set_input(module, 1, &b),
                        "input 'b': dim 0 is 2, the model expects 3"));
  xShape = {-1, 3};
  x = makeTensor(values.data(), xShape);
  EXPECT_TRUE(failsWith(tessera_module_set_input(module, 0, &x),
                        "input 'x': dim 0 is -1, which is negative"));
}

TEST_F(RuntimeTest, SetInputRejectsNonCompactStrides) {
  std::vector<float> values(6);
  xShape = {2, 3};
  std::vector<int64_t> transposed = {1, 2};
  DLTensor x = makeTensor(values.data(), xShape);
  x.strides = transposed.data();
  EXPECT_TRUE(
      failsWith(tessera_module_set_input(module, 0, &x),
                "input 'x': stride 0 is 1, a compact row-major tensor has 3"));
  std::vector<int64_t> compact = {3, 1};
  x.strides = compact.data();
  EXPECT_EQ(tessera_module_set_input(module, 0, &x), 0) << tessera_last_error();
  // The stride of a dim of size 1 does not matter.
  xShape = {1, 3};
  std::vector<int64_t> anyRowStride = {999, 1};
  x = makeTensor(values.data(), xShape);
  x.strides = anyRowStride.data();
  EXPECT_EQ(tessera_module_set_input(module, 0, &x), 0) << tessera_last_error();
}

TEST_F(RuntimeTest, SetInputRejectsOtherDevices) {
  std::vector<float> values(3);
  DLTensor b = makeTensor(values.data(), bShape);
  b.device = {kDLCUDA, 0};
  EXPECT_TRUE(failsWith(tessera_module_set_input(module, 1, &b),
                        "input 'b': device type is 2, the model expects CPU"));
}

TEST_F(RuntimeTest, SetInputRejectsBadIndicesAndNulls) {
  std::vector<float> values(3);
  DLTensor b = makeTensor(values.data(), bShape);
  EXPECT_TRUE(failsWith(tessera_module_set_input(module, 2, &b),
                        "tessera_module_set_input: input index 2 is out of "
                        "range (the model has 2)"));
  EXPECT_TRUE(failsWith(tessera_module_set_input(module, -1, &b),
                        "input index -1 is out of range"));
  EXPECT_TRUE(failsWith(tessera_module_set_input(nullptr, 0, &b),
                        "tessera_module_set_input: module is NULL"));
  EXPECT_TRUE(failsWith(tessera_module_set_input(module, 1, nullptr),
                        "input 'b': tensor is NULL"));
  b.data = nullptr;
  EXPECT_TRUE(failsWith(tessera_module_set_input(module, 1, &b),
                        "input 'b': data is NULL"));
}

TEST_F(RuntimeTest, SetInputHonoursByteOffset) {
  std::vector<float> values = {-1, 10, 20, 30};
  DLTensor b = makeTensor(values.data(), bShape);
  b.byte_offset = 2;
  EXPECT_TRUE(failsWith(tessera_module_set_input(module, 1, &b),
                        "input 'b': data + byte_offset"));
  EXPECT_TRUE(
      lastErrorContains("is not aligned to the element size (4 bytes)"));

  xShape = {1, 3};
  xValues = {1, 2, 3};
  DLTensor x = makeTensor(xValues.data(), xShape);
  ASSERT_EQ(tessera_module_set_input(module, 0, &x), 0);
  b.byte_offset = sizeof(float);
  ASSERT_EQ(tessera_module_set_input(module, 1, &b), 0) << tessera_last_error();
  ASSERT_EQ(tessera_module_run(module), 0) << tessera_last_error();
  ManagedTensorPtr y = takeOutput(0);
  const float *yValues = reinterpret_cast<const float *>(
      static_cast<const char *>(y->dl_tensor.data) + y->dl_tensor.byte_offset);
  EXPECT_EQ(std::vector<float>(yValues, yValues + 3),
            (std::vector<float>{11, 22, 33}));
}

TEST_F(RuntimeTest, SetNumThreadsReachesTheModel) {
  EXPECT_TRUE(failsWith(tessera_module_set_num_threads(module, 0),
                        "the thread count must be >= 1, got 0"));
  EXPECT_TRUE(
      failsWith(tessera_module_set_num_threads(nullptr, 2), "module is NULL"));
  ASSERT_EQ(tessera_module_set_num_threads(module, 3), 0);
  // The runtime's dlopen of the same path shares the library instance.
  void *library = dlopen(FAKE_ADD_MODEL, RTLD_NOW | RTLD_NOLOAD);
  ASSERT_NE(library, nullptr) << dlerror();
  auto numThreads = reinterpret_cast<int32_t (*)(void)>(
      dlsym(library, "fake_model_num_threads"));
  ASSERT_NE(numThreads, nullptr) << dlerror();
  EXPECT_EQ(numThreads(), 3);
  dlclose(library);
}

//===----------------------------------------------------------------------===//
// Tensor allocation
//===----------------------------------------------------------------------===//

TEST(RuntimeTensorTest, AllocatesZeroedAlignedCompactTensors) {
  std::vector<int64_t> shape = {2, 3, 5};
  DLManagedTensor *raw = nullptr;
  ASSERT_EQ(tessera_tensor_alloc(kInt64, 3, shape.data(), &raw), 0)
      << tessera_last_error();
  ManagedTensorPtr tensor(raw);
  const DLTensor &t = tensor->dl_tensor;
  EXPECT_EQ(reinterpret_cast<uintptr_t>(t.data) % 64, 0u);
  EXPECT_EQ(t.device.device_type, kDLCPU);
  EXPECT_EQ(t.byte_offset, 0u);
  ASSERT_EQ(t.ndim, 3);
  EXPECT_EQ(std::vector<int64_t>(t.shape, t.shape + 3), shape);
  EXPECT_EQ(std::vector<int64_t>(t.strides, t.strides + 3),
            (std::vector<int64_t>{15, 5, 1}));
  const int64_t *values = static_cast<const int64_t *>(t.data);
  for (int i = 0; i < 30; ++i)
    EXPECT_EQ(values[i], 0);
}

TEST(RuntimeTensorTest, AllocatesScalarsAndEmptyTensors) {
  DLManagedTensor *raw = nullptr;
  ASSERT_EQ(tessera_tensor_alloc({TESSERA_DL_BOOL, 8, 1}, 0, nullptr, &raw), 0)
      << tessera_last_error();
  ManagedTensorPtr scalar(raw);
  EXPECT_EQ(scalar->dl_tensor.ndim, 0);
  EXPECT_EQ(*static_cast<const uint8_t *>(scalar->dl_tensor.data), 0);

  std::vector<int64_t> shape = {4, 0};
  ASSERT_EQ(tessera_tensor_alloc(kFloat32, 2, shape.data(), &raw), 0)
      << tessera_last_error();
  ManagedTensorPtr empty(raw);
  EXPECT_EQ(empty->dl_tensor.shape[1], 0);
}

TEST(RuntimeTensorTest, AllocRejectsBadArguments) {
  DLManagedTensor *raw = nullptr;
  std::vector<int64_t> shape = {2, -3};
  EXPECT_TRUE(
      failsWith(tessera_tensor_alloc(kFloat32, 2, shape.data(), &raw),
                "tessera_tensor_alloc: dim 1 is -3, which is negative"));
  shape = {2, 3};
  EXPECT_TRUE(
      failsWith(tessera_tensor_alloc({kDLFloat, 32, 4}, 2, shape.data(), &raw),
                "unsupported dtype (code 2, bits 32, lanes 4)"));
  EXPECT_TRUE(failsWith(tessera_tensor_alloc(kFloat32, 2, nullptr, &raw),
                        "shape is NULL"));
  EXPECT_TRUE(failsWith(tessera_tensor_alloc(kFloat32, -1, shape.data(), &raw),
                        "rank -1 is negative"));
  EXPECT_TRUE(failsWith(
      tessera_tensor_alloc(kFloat32, 2, shape.data(), nullptr), "out is NULL"));
  shape = {INT64_MAX / 2, 4};
  EXPECT_TRUE(failsWith(tessera_tensor_alloc(kFloat32, 2, shape.data(), &raw),
                        "the tensor size overflows"));
  EXPECT_EQ(raw, nullptr);
}

//===----------------------------------------------------------------------===//
// Loading
//===----------------------------------------------------------------------===//

TEST(RuntimeLoadTest, ReportsMissingFiles) {
  TesseraModule *module = nullptr;
  EXPECT_TRUE(failsWith(tessera_module_load("/nonexistent/model.so", &module),
                        "cannot load model '/nonexistent/model.so': "));
  EXPECT_TRUE(lastErrorContains("No such file"));
  EXPECT_EQ(module, nullptr);
  EXPECT_TRUE(failsWith(tessera_module_load(nullptr, &module),
                        "path and out must not be NULL"));
}

TEST(RuntimeLoadTest, ReportsMissingSymbols) {
  TesseraModule *module = nullptr;
  EXPECT_TRUE(failsWith(tessera_module_load(FAKE_MISSING_RUN_MODEL, &module),
                        std::string("model '") + FAKE_MISSING_RUN_MODEL +
                            "' does not export 'tessera_model_run': "));
  EXPECT_EQ(module, nullptr);
}

TEST(RuntimeLoadTest, ReportsMalformedMetadata) {
  TesseraModule *module = nullptr;
  EXPECT_TRUE(failsWith(tessera_module_load(FAKE_BAD_JSON_MODEL, &module),
                        std::string("model '") + FAKE_BAD_JSON_MODEL +
                            "': metadata is not valid JSON"));
  EXPECT_EQ(module, nullptr);
}

TEST(RuntimeLoadTest, ReportsOtherAbiVersions) {
  TesseraModule *module = nullptr;
  EXPECT_TRUE(failsWith(tessera_module_load(FAKE_ABI_VERSION_MODEL, &module),
                        std::string("model '") + FAKE_ABI_VERSION_MODEL +
                            "': ABI version 2, this runtime supports "
                            "version 1"));
  EXPECT_EQ(module, nullptr);
}

//===----------------------------------------------------------------------===//
// In-process models (tessera_module_create)
//===----------------------------------------------------------------------===//

const char *metadataText = nullptr;
int32_t runStatus = 0;

const char *getMetadata() { return metadataText; }
int32_t runWithStatus(void **, void **, void *) { return runStatus; }
void ignoreNumThreads(int32_t) {}

constexpr const char *kOneInputMetadata =
    R"({"abi_version": 1, "name": "main", "target": "x86_64",
        "workspace_bytes": 0,
        "inputs": [{"name": "x", "dtype": "float32", "shape": [2]}],
        "outputs": [{"name": "y", "dtype": "float32", "shape": [2]}],
        "checks": ["input 'x' must be positive"]})";

class RuntimeInProcessTest : public ::testing::Test {
protected:
  void TearDown() override { tessera_module_free(module); }

  /// Creates the module from kOneInputMetadata and binds x.
  void createWithInput(int32_t (*run)(void **, void **, void *)) {
    metadataText = kOneInputMetadata;
    ASSERT_EQ(
        tessera_module_create(getMetadata, run, ignoreNumThreads, &module), 0)
        << tessera_last_error();
    DLTensor x = makeTensor(xValues.data(), xShape);
    ASSERT_EQ(tessera_module_set_input(module, 0, &x), 0)
        << tessera_last_error();
  }

  TesseraModule *module = nullptr;
  std::vector<float> xValues = {1, 2};
  std::vector<int64_t> xShape = {2};
};

TEST_F(RuntimeInProcessTest, MapsStatusesToChecks) {
  createWithInput(runWithStatus);
  runStatus = 1;
  EXPECT_TRUE(failsWith(tessera_module_run(module),
                        "run-time check failed: input 'x' must be positive"));
  runStatus = 5;
  EXPECT_TRUE(failsWith(tessera_module_run(module),
                        "in-process model returned status 5, which names no "
                        "run-time check"));
  runStatus = -1;
  EXPECT_TRUE(failsWith(tessera_module_run(module), "returned status -1"));
}

int32_t returnInputAsOutput(void **inputs, void **outputs, void *) {
  std::memcpy(outputs[0], inputs[0], 5 * sizeof(int64_t));
  return 0;
}

TEST_F(RuntimeInProcessTest, RejectsOutputsThatAliasInputs) {
  createWithInput(returnInputAsOutput);
  EXPECT_TRUE(failsWith(tessera_module_run(module),
                        "in-process model is inconsistent with its metadata: "
                        "output 'y' is not a buffer of its own"));
}

void *wrongSizeBuffer = nullptr;

int32_t returnWrongSize(void **, void **outputs, void *) {
  wrongSizeBuffer = std::malloc(3 * sizeof(float));
  int64_t descriptor[5] = {0, 0, 0, 3, 1};
  std::memcpy(&descriptor[0], &wrongSizeBuffer, sizeof(void *));
  std::memcpy(&descriptor[1], &wrongSizeBuffer, sizeof(void *));
  std::memcpy(outputs[0], descriptor, sizeof(descriptor));
  return 0;
}

TEST_F(RuntimeInProcessTest, RejectsOutputsThatContradictTheMetadata) {
  createWithInput(returnWrongSize);
  EXPECT_TRUE(failsWith(tessera_module_run(module),
                        "output 'y' dim 0 is 3, the metadata says 2"));
  // The runtime does not free buffers of a model it no longer trusts.
  std::free(wrongSizeBuffer);
}

TEST(RuntimeCreateTest, RejectsNullFunctions) {
  TesseraModule *module = nullptr;
  EXPECT_TRUE(failsWith(
      tessera_module_create(getMetadata, nullptr, ignoreNumThreads, &module),
      "tessera_module_create: metadata, run, set_num_threads and out must "
      "not be NULL"));
  EXPECT_EQ(module, nullptr);
}

TEST(RuntimeDTypeTest, NamesRoundTrip) {
  for (const char *name : {"float16", "bfloat16", "float32", "float64", "int8",
                           "int16", "int32", "int64", "uint8", "uint16",
                           "uint32", "uint64", "bool"}) {
    DLDataType dtype;
    ASSERT_EQ(tessera_dtype_from_name(name, &dtype), 0) << name;
    EXPECT_STREQ(tessera_dtype_name(dtype), name);
  }
  DLDataType dtype;
  EXPECT_TRUE(failsWith(tessera_dtype_from_name("float8", &dtype),
                        "unknown dtype 'float8'"));
  EXPECT_EQ(tessera_dtype_name(DLDataType{kDLFloat, 32, 4}), nullptr);
}

TEST(RuntimeCreateTest, MapsEveryDtype) {
  const std::vector<std::pair<const char *, DLDataType>> dtypes = {
      {"float16", {kDLFloat, 16, 1}},   {"bfloat16", {kDLBfloat, 16, 1}},
      {"float32", {kDLFloat, 32, 1}},   {"float64", {kDLFloat, 64, 1}},
      {"int8", {kDLInt, 8, 1}},         {"int16", {kDLInt, 16, 1}},
      {"int32", {kDLInt, 32, 1}},       {"int64", {kDLInt, 64, 1}},
      {"uint8", {kDLUInt, 8, 1}},       {"uint16", {kDLUInt, 16, 1}},
      {"uint32", {kDLUInt, 32, 1}},     {"uint64", {kDLUInt, 64, 1}},
      {"bool", {TESSERA_DL_BOOL, 8, 1}}};
  std::string inputs;
  for (const auto &[name, dtype] : dtypes)
    inputs += std::string(inputs.empty() ? "" : ", ") + "{\"name\": \"" + name +
              "\", \"dtype\": \"" + name + "\", \"shape\": []}";
  std::string metadata = R"({"abi_version": 1, "name": "main", "target": "t",
      "workspace_bytes": 0, "outputs": [], "checks": [], "inputs": [)" +
                         inputs + "]}";
  metadataText = metadata.c_str();
  TesseraModule *module = nullptr;
  ASSERT_EQ(tessera_module_create(getMetadata, runWithStatus, ignoreNumThreads,
                                  &module),
            0)
      << tessera_last_error();
  for (size_t i = 0; i < dtypes.size(); ++i) {
    SCOPED_TRACE(dtypes[i].first);
    DLDataType dtype = tessera_module_input_dtype(module, i);
    EXPECT_EQ(dtype.code, dtypes[i].second.code);
    EXPECT_EQ(dtype.bits, dtypes[i].second.bits);
    EXPECT_EQ(dtype.lanes, 1);
    EXPECT_EQ(tessera_module_input_ndim(module, i), 0);
  }
  tessera_module_free(module);
}

TEST(RuntimeCreateTest, RejectsInvalidMetadata) {
  const std::string tensors =
      R"("inputs": [{"name": "x", "dtype": "float32", "shape": [-1, 3]}],
         "outputs": [{"name": "y", "dtype": "float32", "shape": [3]}])";
  const std::string header =
      R"({"abi_version": 1, "name": "main", "target": "t", )";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"[1, 2]", "metadata is not a JSON object"},
      {R"({"abi_version": "1"})", "'abi_version' must be an integer"},
      {R"({"name": "main"})", "metadata lacks 'abi_version'"},
      {R"({"abi_version": 1, "target": "t"})", "metadata lacks 'name'"},
      {header + R"("workspace_bytes": -4, )" + tensors + R"(, "checks": []})",
       "'workspace_bytes' must be a non-negative integer"},
      {header + R"("workspace_bytes": 0, )" + tensors + "}",
       "metadata lacks 'checks'"},
      {header + R"("workspace_bytes": 0, )" + tensors + R"(, "checks": [1]})",
       "'checks' entries must be strings"},
      {header + R"("workspace_bytes": 0, "inputs": {}, "outputs": [],
                   "checks": []})",
       "'inputs' must be an array"},
      {header + R"("workspace_bytes": 0, "inputs": [{"dtype": "float32"}],
                   "outputs": [], "checks": []})",
       "inputs[0]: 'name' must be a string"},
      {header + R"("workspace_bytes": 0, "outputs": [],
                   "inputs": [{"name": "x", "dtype": "float8", "shape": []}],
                   "checks": []})",
       "inputs[0] ('x'): unknown dtype 'float8'"},
      {header + R"("workspace_bytes": 0, "inputs": [],
                   "outputs": [{"name": "y", "dtype": "int8", "shape": [-2]}],
                   "checks": []})",
       "outputs[0] ('y'): shape entries must be integers >= -1, got -2"},
      {header + R"("workspace_bytes": 0, "outputs": [], "checks": [],
                   "inputs": [{"name": "x", "dtype": "int8", "shape": []},
                              {"name": "x", "dtype": "int8", "shape": []}]})",
       "inputs[1]: duplicate name 'x'"},
  };
  for (const auto &[metadata, expected] : cases) {
    SCOPED_TRACE(metadata);
    metadataText = metadata.c_str();
    TesseraModule *module = nullptr;
    EXPECT_TRUE(failsWith(tessera_module_create(getMetadata, runWithStatus,
                                                ignoreNumThreads, &module),
                          "in-process model: " + expected));
    EXPECT_EQ(module, nullptr);
  }
  metadataText = nullptr;
  TesseraModule *module = nullptr;
  EXPECT_TRUE(failsWith(tessera_module_create(getMetadata, runWithStatus,
                                              ignoreNumThreads, &module),
                        "in-process model: metadata is NULL"));
}

} // namespace
