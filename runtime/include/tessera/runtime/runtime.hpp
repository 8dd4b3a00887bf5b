//===- runtime.hpp - C++ wrapper of the Tessera runtime ---------*- C++ -*-===//
//
// Header-only RAII classes over the C API of runtime.h. Every failure throws
// tessera::runtime::Error with the C API's message.
//
//   auto model = tessera::runtime::Module::load("model.so");
//   auto x = tessera::runtime::Tensor::alloc(model.inputs()[0].dtype, {1, 3});
//   model.setInput("x", x);
//   model.run();
//   tessera::runtime::Tensor y = model.output(0);
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_RUNTIME_RUNTIME_HPP
#define TESSERA_RUNTIME_RUNTIME_HPP

#include "tessera/runtime/runtime.h"

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace tessera::runtime {

class Error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

namespace detail {
inline void check(TesseraStatus status) {
  if (status != 0)
    throw Error(tessera_last_error());
}
} // namespace detail

/// Owns a DLManagedTensor: a tensor from Tensor::alloc or a model output.
class Tensor {
public:
  Tensor() = default;
  /// Takes ownership of `managed`.
  explicit Tensor(DLManagedTensor *managed) noexcept : managed(managed) {}
  Tensor(Tensor &&other) noexcept : managed(other.release()) {}
  Tensor &operator=(Tensor &&other) noexcept {
    if (this != &other) {
      reset();
      managed = other.release();
    }
    return *this;
  }
  Tensor(const Tensor &) = delete;
  Tensor &operator=(const Tensor &) = delete;
  ~Tensor() { reset(); }

  /// A compact, zeroed, 64-byte aligned CPU tensor.
  static Tensor alloc(DLDataType dtype, const std::vector<int64_t> &shape) {
    DLManagedTensor *managed = nullptr;
    detail::check(tessera_tensor_alloc(
        dtype, static_cast<int32_t>(shape.size()), shape.data(), &managed));
    return Tensor(managed);
  }

  explicit operator bool() const { return managed != nullptr; }
  const DLTensor &dlTensor() const { return get().dl_tensor; }
  DLDataType dtype() const { return dlTensor().dtype; }
  std::vector<int64_t> shape() const {
    const DLTensor &tensor = dlTensor();
    return {tensor.shape, tensor.shape + tensor.ndim};
  }
  /// Strides in elements; NULL strides in the DLTensor mean compact.
  std::vector<int64_t> strides() const {
    const DLTensor &tensor = dlTensor();
    if (tensor.strides)
      return {tensor.strides, tensor.strides + tensor.ndim};
    std::vector<int64_t> compact(tensor.ndim);
    int64_t stride = 1;
    for (int dim = tensor.ndim - 1; dim >= 0; --dim) {
      compact[dim] = stride;
      stride *= tensor.shape[dim];
    }
    return compact;
  }
  int64_t numElements() const {
    int64_t count = 1;
    for (int64_t size : shape())
      count *= size;
    return count;
  }

  /// The first element (data + byte_offset), viewed as T, which must have
  /// the dtype's size (uint16_t for float16 and bfloat16, bool for bool).
  template <typename T> T *data() const {
    const DLTensor &tensor = dlTensor();
    if (sizeof(T) * 8 != tensor.dtype.bits * tensor.dtype.lanes)
      throw Error("Tensor::data: a " + std::to_string(sizeof(T)) +
                  "-byte type does not match the tensor's " +
                  std::to_string(tensor.dtype.bits / 8) + "-byte elements");
    return reinterpret_cast<T *>(static_cast<char *>(tensor.data) +
                                 tensor.byte_offset);
  }

  /// Gives up ownership; the caller must call the result's deleter.
  DLManagedTensor *release() noexcept {
    DLManagedTensor *released = managed;
    managed = nullptr;
    return released;
  }

private:
  const DLManagedTensor &get() const {
    if (!managed)
      throw Error("Tensor: the tensor is empty");
    return *managed;
  }
  void reset() noexcept {
    if (managed && managed->deleter)
      managed->deleter(managed);
    managed = nullptr;
  }

  DLManagedTensor *managed = nullptr;
};

/// A model input or output as the metadata declares it.
struct TensorInfo {
  std::string name;
  DLDataType dtype;
  /// -1 marks a dynamic dim.
  std::vector<int64_t> shape;
};

/// A loaded model. Not to be used by two threads at the same time.
class Module {
public:
  /// dlopen()s a compiled model shared library.
  static Module load(const std::string &path) {
    TesseraModule *module = nullptr;
    detail::check(tessera_module_load(path.c_str(), &module));
    return Module(module);
  }
  /// A model whose entry points are already in this process.
  static Module fromFunctions(const char *(*metadata)(void),
                              int32_t (*run)(void **, void **, void *),
                              void (*setNumThreads)(int32_t)) {
    TesseraModule *module = nullptr;
    detail::check(tessera_module_create(metadata, run, setNumThreads, &module));
    return Module(module);
  }

  const std::vector<TensorInfo> &inputs() const { return inputInfos; }
  const std::vector<TensorInfo> &outputs() const { return outputInfos; }
  const char *metadata() const { return tessera_module_metadata(get()); }

  int32_t inputIndex(const std::string &name) const {
    int32_t index = tessera_module_input_index(get(), name.c_str());
    if (index < 0)
      throw Error("the model has no input named '" + name + "'");
    return index;
  }
  int32_t outputIndex(const std::string &name) const {
    int32_t index = tessera_module_output_index(get(), name.c_str());
    if (index < 0)
      throw Error("the model has no output named '" + name + "'");
    return index;
  }

  /// Binds input i; the data is borrowed while runs may use it.
  void setInput(int32_t i, const DLTensor &tensor) {
    detail::check(tessera_module_set_input(get(), i, &tensor));
  }
  void setInput(int32_t i, const Tensor &tensor) {
    setInput(i, tensor.dlTensor());
  }
  void setInput(const std::string &name, const DLTensor &tensor) {
    setInput(inputIndex(name), tensor);
  }
  void setInput(const std::string &name, const Tensor &tensor) {
    setInput(inputIndex(name), tensor.dlTensor());
  }

  void run() { detail::check(tessera_module_run(get())); }

  /// Output j of the last run; each output can be taken once per run.
  Tensor output(int32_t j) {
    DLManagedTensor *managed = nullptr;
    detail::check(tessera_module_get_output(get(), j, &managed));
    return Tensor(managed);
  }
  Tensor output(const std::string &name) { return output(outputIndex(name)); }

  void setNumThreads(int32_t threads) {
    detail::check(tessera_module_set_num_threads(get(), threads));
  }

  TesseraModule *get() const { return module.get(); }

private:
  explicit Module(TesseraModule *module)
      : module(module, tessera_module_free),
        inputInfos(describe(module, /*isOutput=*/false)),
        outputInfos(describe(module, /*isOutput=*/true)) {}

  static std::vector<TensorInfo> describe(const TesseraModule *module,
                                          bool isOutput) {
    int32_t count = isOutput ? tessera_module_num_outputs(module)
                             : tessera_module_num_inputs(module);
    std::vector<TensorInfo> infos;
    for (int32_t i = 0; i < count; ++i) {
      int32_t ndim = isOutput ? tessera_module_output_ndim(module, i)
                              : tessera_module_input_ndim(module, i);
      const int64_t *shape = isOutput ? tessera_module_output_shape(module, i)
                                      : tessera_module_input_shape(module, i);
      infos.push_back({isOutput ? tessera_module_output_name(module, i)
                                : tessera_module_input_name(module, i),
                       isOutput ? tessera_module_output_dtype(module, i)
                                : tessera_module_input_dtype(module, i),
                       std::vector<int64_t>(shape, shape + ndim)});
    }
    return infos;
  }

  std::unique_ptr<TesseraModule, void (*)(TesseraModule *)> module;
  std::vector<TensorInfo> inputInfos;
  std::vector<TensorInfo> outputInfos;
};

} // namespace tessera::runtime

#endif // TESSERA_RUNTIME_RUNTIME_HPP
