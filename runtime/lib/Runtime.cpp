//===- Runtime.cpp - The C API of libtessera_runtime ----------------------===//
//
// Loads a compiled model (module_abi.h), binds DLPack inputs as memref
// descriptors, runs the model and hands its malloc'ed outputs to the caller as
// DLManagedTensors.
//
//===----------------------------------------------------------------------===//

#include "tessera/runtime/runtime.h"

#include "DType.h"
#include "Metadata.h"
#include "Tensor.h"

#include "tessera/runtime/module_abi.h"

#include <dlfcn.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

using namespace tessera::runtime;

namespace {

thread_local std::string lastError;

TesseraStatus fail(std::string message) {
  lastError = std::move(message);
  return 1;
}

/// The workspace contract promises 64-byte alignment (cache line, AVX-512).
constexpr size_t kAlignment = 64;

/// A memref descriptor (module_abi.h): 3 + 2 * rank eight-byte words.
class MemRefDescriptor {
  static_assert(sizeof(void *) == sizeof(int64_t),
                "the ABI's descriptors hold pointers in 8-byte words");

public:
  explicit MemRefDescriptor(size_t rank) : rank(rank), words(3 + 2 * rank) {}

  /// A compact row-major descriptor of input data.
  MemRefDescriptor(void *data, const std::vector<int64_t> &shape)
      : MemRefDescriptor(shape.size()) {
    words[0] = words[1] =
        static_cast<int64_t>(reinterpret_cast<intptr_t>(data));
    std::vector<int64_t> strides =
        getCompactStrides(shape.data(), static_cast<int32_t>(rank));
    for (size_t dim = 0; dim < rank; ++dim) {
      words[3 + dim] = shape[dim];
      words[3 + rank + dim] = strides[dim];
    }
  }

  void *getAllocated() const { return toPointer(words[0]); }
  void *getAligned() const { return toPointer(words[1]); }
  int64_t getOffset() const { return words[2]; }
  std::vector<int64_t> getSizes() const {
    return {words.begin() + 3, words.begin() + 3 + rank};
  }
  std::vector<int64_t> getStrides() const {
    return {words.begin() + 3 + rank, words.end()};
  }
  void *getWords() { return words.data(); }

private:
  static void *toPointer(int64_t word) {
    return reinterpret_cast<void *>(static_cast<intptr_t>(word));
  }

  size_t rank;
  std::vector<int64_t> words;
};

/// An input bound by tessera_module_set_input (the data is borrowed).
struct BoundInput {
  bool isSet = false;
  void *data = nullptr;
  std::vector<int64_t> shape;
};

enum class RunState { NeverRun, Failed, Succeeded };

} // namespace

struct TesseraModule {
  ~TesseraModule() {
    releaseOutputs();
    std::free(workspace);
    if (library)
      dlclose(library);
  }

  /// Frees the buffers of the last run's outputs that were never taken.
  void releaseOutputs() {
    for (size_t j = 0; j < outputs.size(); ++j)
      if (!outputTaken[j])
        std::free(outputs[j].getAllocated());
    outputs.clear();
    outputTaken.clear();
  }

  /// "model 'path'" or "in-process model", for messages.
  std::string source;
  void *library = nullptr;
  TesseraModelRunFn run = nullptr;
  TesseraModelSetNumThreadsFn setNumThreads = nullptr;
  const char *metadataText = nullptr;
  ModelMetadata metadata;

  std::vector<BoundInput> inputs;
  void *workspace = nullptr;
  RunState state = RunState::NeverRun;
  /// The output descriptors of the last successful run.
  std::vector<MemRefDescriptor> outputs;
  std::vector<bool> outputTaken;
};

namespace {

/// Parses the metadata and finishes the module, or reports why not.
TesseraStatus initModule(std::unique_ptr<TesseraModule> module,
                         TesseraModelMetadataFn metadataFn,
                         TesseraModule **out) {
  module->metadataText = metadataFn();
  std::string error;
  if (!parseMetadata(module->metadataText, module->metadata, error))
    return fail(module->source + ": " + error);
  module->inputs.resize(module->metadata.inputs.size());
  *out = module.release();
  return 0;
}

/// dlerror()'s message; it is NULL only when dlsym found a NULL symbol.
std::string getDlError() {
  const char *message = dlerror();
  return message ? message : "the symbol is NULL";
}

bool checkModule(const TesseraModule *m, const char *function) {
  if (m)
    return true;
  fail(std::string(function) + ": module is NULL");
  return false;
}

/// The metadata of input or output `index`, or nullptr after reporting a bad
/// module or index.
const TensorInfo *getTensorInfo(const TesseraModule *m, int32_t index,
                                bool isOutput, const char *function) {
  if (!checkModule(m, function))
    return nullptr;
  const std::vector<TensorInfo> &infos =
      isOutput ? m->metadata.outputs : m->metadata.inputs;
  if (index < 0 || static_cast<size_t>(index) >= infos.size()) {
    fail(std::string(function) + ": " + (isOutput ? "output" : "input") +
         " index " + std::to_string(index) +
         " is out of range (the model has " + std::to_string(infos.size()) +
         ")");
    return nullptr;
  }
  return &infos[index];
}

int32_t findTensor(const std::vector<TensorInfo> &infos, const char *name) {
  for (size_t i = 0; i < infos.size(); ++i)
    if (infos[i].name == name)
      return static_cast<int32_t>(i);
  return -1;
}

/// Checks tensor `t` against input `info` (see tessera_module_set_input);
/// returns the message for the first mismatch, or "" if it fits.
std::string checkInputTensor(const TensorInfo &info, const DLTensor &t) {
  if (t.device.device_type != kDLCPU)
    return "device type is " + std::to_string(t.device.device_type) +
           ", the model expects CPU (" + std::to_string(kDLCPU) + ")";
  if (t.dtype != info.dtype)
    return "dtype is " + describeDType(t.dtype) + ", the model expects " +
           getDTypeName(info.dtype);
  int32_t rank = static_cast<int32_t>(info.shape.size());
  if (t.ndim != rank)
    return "rank is " + std::to_string(t.ndim) + ", the model expects " +
           std::to_string(rank);
  if (rank > 0 && !t.shape)
    return "shape is NULL";
  for (int32_t dim = 0; dim < rank; ++dim) {
    std::string prefix =
        "dim " + std::to_string(dim) + " is " + std::to_string(t.shape[dim]);
    if (t.shape[dim] < 0)
      return prefix + ", which is negative";
    if (info.shape[dim] >= 0 && t.shape[dim] != info.shape[dim])
      return prefix + ", the model expects " + std::to_string(info.shape[dim]);
  }
  std::optional<uint64_t> numElements = getNumElements(t.shape, rank);
  if (!numElements || *numElements > UINT64_MAX / getElementBytes(info.dtype))
    return "the number of elements overflows";
  // The layout of an empty tensor is irrelevant, and so is the stride of a
  // dim of size 1 (frameworks put arbitrary values there).
  if (t.strides && *numElements > 0) {
    std::vector<int64_t> compact = getCompactStrides(t.shape, rank);
    for (int32_t dim = 0; dim < rank; ++dim)
      if (t.shape[dim] != 1 && t.strides[dim] != compact[dim])
        return "stride " + std::to_string(dim) + " is " +
               std::to_string(t.strides[dim]) +
               ", a compact row-major tensor has " +
               std::to_string(compact[dim]);
  }
  if (*numElements > 0 && !t.data)
    return "data is NULL";
  uintptr_t address = reinterpret_cast<uintptr_t>(t.data) + t.byte_offset;
  if (address % getElementBytes(info.dtype) != 0)
    return "data + byte_offset (" + std::to_string(address) +
           ") is not aligned to the element size (" +
           std::to_string(getElementBytes(info.dtype)) + " bytes)";
  return "";
}

/// Checks the output descriptors the model filled against the metadata;
/// returns the message for the first inconsistency, or "". The model, not the
/// caller, is then at fault.
std::string checkModelOutputs(const TesseraModule &m,
                              const std::vector<MemRefDescriptor> &outputs) {
  std::vector<void *> foreign = {m.workspace};
  for (const BoundInput &input : m.inputs)
    foreign.push_back(input.data);
  for (size_t j = 0; j < outputs.size(); ++j) {
    const TensorInfo &info = m.metadata.outputs[j];
    std::vector<int64_t> sizes = outputs[j].getSizes();
    for (size_t dim = 0; dim < sizes.size(); ++dim)
      if (sizes[dim] < 0 ||
          (info.shape[dim] >= 0 && sizes[dim] != info.shape[dim]))
        return "output '" + info.name + "' dim " + std::to_string(dim) +
               " is " + std::to_string(sizes[dim]) + ", the metadata says " +
               std::to_string(info.shape[dim]);
    // Each output buffer must be the model's own malloc: handing out an
    // input, the workspace or another output would free them twice.
    void *buffer = outputs[j].getAllocated();
    if (!buffer)
      continue;
    for (void *other : foreign)
      if (buffer == other)
        return "output '" + info.name +
               "' is not a buffer of its own (it is an input, the workspace or "
               "another output)";
    foreign.push_back(buffer);
  }
  return "";
}

} // namespace

extern "C" {

const char *tessera_last_error(void) { return lastError.c_str(); }

TesseraStatus tessera_module_load(const char *path, TesseraModule **out) {
  if (!path || !out)
    return fail("tessera_module_load: path and out must not be NULL");
  auto module = std::make_unique<TesseraModule>();
  module->source = "model '" + std::string(path) + "'";
  module->library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!module->library)
    return fail("cannot load " + module->source + ": " + getDlError());

  // The ABI's symbols are functions, never NULL: NULL means dlsym failed.
  auto lookUp = [&](const char *symbol) -> void * {
    dlerror();
    void *address = dlsym(module->library, symbol);
    if (!address)
      fail(module->source + " does not export '" + symbol +
           "': " + getDlError());
    return address;
  };
  void *metadataFn = lookUp("tessera_model_metadata");
  void *runFn = metadataFn ? lookUp("tessera_model_run") : nullptr;
  void *setNumThreadsFn =
      runFn ? lookUp("tessera_model_set_num_threads") : nullptr;
  if (!setNumThreadsFn)
    return 1;
  module->run = reinterpret_cast<TesseraModelRunFn>(runFn);
  module->setNumThreads =
      reinterpret_cast<TesseraModelSetNumThreadsFn>(setNumThreadsFn);
  return initModule(std::move(module),
                    reinterpret_cast<TesseraModelMetadataFn>(metadataFn), out);
}

TesseraStatus tessera_module_create(const char *(*metadata)(void),
                                    int32_t (*run)(void **, void **, void *),
                                    void (*set_num_threads)(int32_t),
                                    TesseraModule **out) {
  if (!metadata || !run || !set_num_threads || !out)
    return fail("tessera_module_create: metadata, run, set_num_threads and "
                "out must not be NULL");
  auto module = std::make_unique<TesseraModule>();
  module->source = "in-process model";
  module->run = run;
  module->setNumThreads = set_num_threads;
  return initModule(std::move(module), metadata, out);
}

void tessera_module_free(TesseraModule *m) { delete m; }

int32_t tessera_module_num_inputs(const TesseraModule *m) {
  if (!checkModule(m, __func__))
    return -1;
  return static_cast<int32_t>(m->metadata.inputs.size());
}

int32_t tessera_module_num_outputs(const TesseraModule *m) {
  if (!checkModule(m, __func__))
    return -1;
  return static_cast<int32_t>(m->metadata.outputs.size());
}

int32_t tessera_module_input_index(const TesseraModule *m, const char *name) {
  if (!checkModule(m, __func__))
    return -1;
  return name ? findTensor(m->metadata.inputs, name) : -1;
}

int32_t tessera_module_output_index(const TesseraModule *m, const char *name) {
  if (!checkModule(m, __func__))
    return -1;
  return name ? findTensor(m->metadata.outputs, name) : -1;
}

const char *tessera_module_input_name(const TesseraModule *m, int32_t i) {
  const TensorInfo *info = getTensorInfo(m, i, /*isOutput=*/false, __func__);
  return info ? info->name.c_str() : nullptr;
}

const char *tessera_module_output_name(const TesseraModule *m, int32_t j) {
  const TensorInfo *info = getTensorInfo(m, j, /*isOutput=*/true, __func__);
  return info ? info->name.c_str() : nullptr;
}

DLDataType tessera_module_input_dtype(const TesseraModule *m, int32_t i) {
  const TensorInfo *info = getTensorInfo(m, i, /*isOutput=*/false, __func__);
  return info ? info->dtype : DLDataType{0, 0, 0};
}

DLDataType tessera_module_output_dtype(const TesseraModule *m, int32_t j) {
  const TensorInfo *info = getTensorInfo(m, j, /*isOutput=*/true, __func__);
  return info ? info->dtype : DLDataType{0, 0, 0};
}

int32_t tessera_module_input_ndim(const TesseraModule *m, int32_t i) {
  const TensorInfo *info = getTensorInfo(m, i, /*isOutput=*/false, __func__);
  return info ? static_cast<int32_t>(info->shape.size()) : -1;
}

int32_t tessera_module_output_ndim(const TesseraModule *m, int32_t j) {
  const TensorInfo *info = getTensorInfo(m, j, /*isOutput=*/true, __func__);
  return info ? static_cast<int32_t>(info->shape.size()) : -1;
}

const int64_t *tessera_module_input_shape(const TesseraModule *m, int32_t i) {
  const TensorInfo *info = getTensorInfo(m, i, /*isOutput=*/false, __func__);
  return info ? info->shape.data() : nullptr;
}

const int64_t *tessera_module_output_shape(const TesseraModule *m, int32_t j) {
  const TensorInfo *info = getTensorInfo(m, j, /*isOutput=*/true, __func__);
  return info ? info->shape.data() : nullptr;
}

const char *tessera_module_metadata(const TesseraModule *m) {
  return checkModule(m, __func__) ? m->metadataText : nullptr;
}

const char *tessera_dtype_name(DLDataType dtype) {
  return getDTypeName(dtype);
}

TesseraStatus tessera_dtype_from_name(const char *name, DLDataType *out) {
  if (!name || !out)
    return fail("tessera_dtype_from_name: NULL argument");
  std::optional<DLDataType> dtype = parseDType(name);
  if (!dtype)
    return fail(std::string("unknown dtype '") + name + "'");
  *out = *dtype;
  return 0;
}

TesseraStatus tessera_tensor_alloc(DLDataType dtype, int32_t ndim,
                                   const int64_t *shape,
                                   DLManagedTensor **out) {
  std::string prefix = "tessera_tensor_alloc: ";
  if (!out)
    return fail(prefix + "out is NULL");
  if (!getDTypeName(dtype))
    return fail(prefix + "unsupported dtype " + describeDType(dtype));
  if (ndim < 0)
    return fail(prefix + "rank " + std::to_string(ndim) + " is negative");
  if (ndim > 0 && !shape)
    return fail(prefix + "shape is NULL");
  for (int32_t dim = 0; dim < ndim; ++dim)
    if (shape[dim] < 0)
      return fail(prefix + "dim " + std::to_string(dim) + " is " +
                  std::to_string(shape[dim]) + ", which is negative");
  std::optional<uint64_t> numElements = getNumElements(shape, ndim);
  uint64_t bytes;
  if (!numElements ||
      __builtin_mul_overflow(*numElements, getElementBytes(dtype), &bytes) ||
      bytes > SIZE_MAX - kAlignment)
    return fail(prefix + "the tensor size overflows");
  // aligned_alloc needs a non-zero multiple of the alignment.
  size_t allocation = (bytes + kAlignment - 1) / kAlignment * kAlignment;
  void *buffer =
      std::aligned_alloc(kAlignment, allocation ? allocation : kAlignment);
  if (!buffer)
    return fail(prefix + "cannot allocate " + std::to_string(bytes) + " bytes");
  std::memset(buffer, 0, bytes);
  *out = createOwnedTensor(buffer, buffer, 0, dtype,
                           std::vector<int64_t>(shape, shape + ndim),
                           getCompactStrides(shape, ndim));
  return 0;
}

TesseraStatus tessera_module_set_input(TesseraModule *m, int32_t i,
                                       const DLTensor *t) {
  const TensorInfo *info = getTensorInfo(m, i, /*isOutput=*/false, __func__);
  if (!info)
    return 1;
  std::string prefix = "input '" + info->name + "': ";
  if (!t)
    return fail(prefix + "tensor is NULL");
  std::string mismatch = checkInputTensor(*info, *t);
  if (!mismatch.empty())
    return fail(prefix + mismatch);
  BoundInput &input = m->inputs[i];
  input.isSet = true;
  input.data =
      t->data ? static_cast<char *>(t->data) + t->byte_offset : nullptr;
  input.shape.assign(t->shape, t->shape + t->ndim);
  return 0;
}

TesseraStatus tessera_module_run(TesseraModule *m) {
  if (!checkModule(m, __func__))
    return 1;
  for (size_t i = 0; i < m->inputs.size(); ++i)
    if (!m->inputs[i].isSet)
      return fail("input '" + m->metadata.inputs[i].name + "' is not set");

  uint64_t workspaceBytes = m->metadata.workspaceBytes;
  if (!m->workspace && workspaceBytes > 0) {
    if (workspaceBytes > SIZE_MAX - kAlignment)
      return fail(m->source + ": the workspace size " +
                  std::to_string(workspaceBytes) + " overflows");
    size_t allocation =
        (workspaceBytes + kAlignment - 1) / kAlignment * kAlignment;
    m->workspace = std::aligned_alloc(kAlignment, allocation);
    if (!m->workspace)
      return fail(m->source + ": cannot allocate the " +
                  std::to_string(workspaceBytes) + "-byte workspace");
  }

  m->releaseOutputs();
  std::vector<MemRefDescriptor> inputs;
  std::vector<void *> inputWords;
  inputs.reserve(m->inputs.size());
  for (const BoundInput &input : m->inputs) {
    inputs.emplace_back(input.data, input.shape);
    inputWords.push_back(inputs.back().getWords());
  }
  std::vector<MemRefDescriptor> outputs;
  std::vector<void *> outputWords;
  outputs.reserve(m->metadata.outputs.size());
  for (const TensorInfo &info : m->metadata.outputs) {
    outputs.emplace_back(info.shape.size());
    outputWords.push_back(outputs.back().getWords());
  }

  int32_t status = m->run(inputWords.data(), outputWords.data(), m->workspace);
  if (status != 0) {
    m->state = RunState::Failed;
    if (status > 0 && static_cast<size_t>(status) <= m->metadata.checks.size())
      return fail("run-time check failed: " + m->metadata.checks[status - 1]);
    return fail(m->source + " returned status " + std::to_string(status) +
                ", which names no run-time check");
  }
  std::string inconsistency = checkModelOutputs(*m, outputs);
  if (!inconsistency.empty()) {
    // Which of the buffers the model owns is unknown, so none is freed.
    m->state = RunState::Failed;
    return fail(m->source +
                " is inconsistent with its metadata: " + inconsistency);
  }
  m->outputs = std::move(outputs);
  m->outputTaken.assign(m->outputs.size(), false);
  m->state = RunState::Succeeded;
  return 0;
}

TesseraStatus tessera_module_get_output(TesseraModule *m, int32_t j,
                                        DLManagedTensor **out) {
  const TensorInfo *info = getTensorInfo(m, j, /*isOutput=*/true, __func__);
  if (!info)
    return 1;
  std::string prefix = "output '" + info->name + "': ";
  if (!out)
    return fail(prefix + "out is NULL");
  if (m->state == RunState::NeverRun)
    return fail(prefix + "the model has not run yet");
  if (m->state == RunState::Failed)
    return fail(prefix + "the last run failed");
  if (m->outputTaken[j])
    return fail(prefix + "already taken from the last run");
  const MemRefDescriptor &descriptor = m->outputs[j];
  *out = createOwnedTensor(descriptor.getAllocated(), descriptor.getAligned(),
                           static_cast<uint64_t>(descriptor.getOffset()) *
                               getElementBytes(info->dtype),
                           info->dtype, descriptor.getSizes(),
                           descriptor.getStrides());
  m->outputTaken[j] = true;
  return 0;
}

TesseraStatus tessera_module_set_num_threads(TesseraModule *m,
                                             int32_t threads) {
  if (!checkModule(m, __func__))
    return 1;
  if (threads < 1)
    return fail(std::string(__func__) +
                ": the thread count must be >= 1, got " +
                std::to_string(threads));
  m->setNumThreads(threads);
  return 0;
}

} // extern "C"
