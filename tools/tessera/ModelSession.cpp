//===- ModelSession.cpp - Options and steps shared by the subcommands -----===//

#include "ModelSession.h"

#include "tessera/Target/ONNX/ImportONNX.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"

#include <limits>

using namespace llvm;

namespace tessera::tools {

Error makeError(const Twine &message) {
  return createStringError(inconvertibleErrorCode(), message);
}

int reportError(Error error) {
  handleAllErrors(std::move(error), [](const ErrorInfoBase &info) {
    WithColor::error(errs(), "tessera") << info.message() << "\n";
  });
  return 1;
}

Error checkInputFile(StringRef path) {
  sys::fs::file_status status;
  if (std::error_code error = sys::fs::status(path, status))
    return makeError(path + ": " + error.message());
  if (sys::fs::is_directory(status))
    return makeError(path + ": is a directory, not a file");
  Expected<sys::fs::file_t> file = sys::fs::openNativeFileForRead(path);
  if (!file)
    return makeError(path + ": cannot read: " + toString(file.takeError()));
  sys::fs::closeFile(*file);
  return Error::success();
}

//===----------------------------------------------------------------------===//
// CompilerFlags
//===----------------------------------------------------------------------===//

void CompilerFlags::addTo(ArgParser &parser) {
  parser.addListOption("input-shape", "NAME:SHAPE",
                       "the shape of an input, e.g. x:1x3x224x224 ('?' for "
                       "a dynamic dim); repeatable",
                       inputShapes);
  parser.addFlag("dynamic-batch", "make dim 0 of every input dynamic",
                 dynamicBatch);
  parser.addOption("opt-level", "", "N", "optimization level 0-3 (default 3)",
                   optLevel);
  parser.addOption("sched-file", "", "FILE",
                   "schedules to use instead of the default ones", schedFile);
}

Error CompilerFlags::apply(CompileOptions &options) const {
  for (const std::string &spec : inputShapes) {
    std::string message = addInputShapeOverride(spec, options.import);
    if (!message.empty())
      return makeError("invalid --input-shape '" + spec + "': " + message);
  }
  options.import.dynamicBatch = dynamicBatch;
  if (optLevel) {
    Expected<int64_t> level = parseIntegerOption("opt-level", *optLevel, 0, 3);
    if (!level)
      return level.takeError();
    options.optLevel = *level;
  }
  if (schedFile) {
    if (Error error = checkInputFile(*schedFile))
      return error;
    options.schedFile = *schedFile;
  }
  return Error::success();
}

//===----------------------------------------------------------------------===//
// LoadedModule
//===----------------------------------------------------------------------===//

Expected<std::unique_ptr<LoadedModule>>
LoadedModule::load(StringRef path, const CompilerFlags &flags) {
  if (Error error = checkInputFile(path))
    return std::move(error);
  std::unique_ptr<LoadedModule> loaded(new LoadedModule());
  if (sys::path::extension(path) == ".onnx") {
    CompileOptions options;
    if (Error error = flags.apply(options))
      return std::move(error);
    Expected<std::unique_ptr<JITModel>> jit =
        JITModel::compileONNXFile(path, options);
    if (!jit)
      return jit.takeError();
    loaded->jit = std::move(*jit);
    if (tessera_module_create(loaded->jit->metadata, loaded->jit->run,
                              loaded->jit->setNumThreads, &loaded->module) != 0)
      return makeError(path + ": " + tessera_last_error());
    return loaded;
  }
  if (flags.anyCompileOnlyFlag())
    return makeError("--dynamic-batch, --opt-level and --sched-file apply "
                     "only to .onnx models, '" +
                     path + "' is compiled already");
  // dlopen searches the library path for a name without a slash.
  SmallString<256> absolutePath(path);
  if (std::error_code error = sys::fs::make_absolute(absolutePath))
    return makeError(path + ": " + error.message());
  if (tessera_module_load(absolutePath.c_str(), &loaded->module) != 0)
    return makeError(tessera_last_error());
  return loaded;
}

LoadedModule::~LoadedModule() { tessera_module_free(module); }

//===----------------------------------------------------------------------===//
// Inputs
//===----------------------------------------------------------------------===//

void InputFlags::addTo(ArgParser &parser) {
  parser.addListOption(
      "input", "SPEC",
      "an input: NAME=FILE.npy, NAME=FILE.pb, FILE.npz (arrays named after "
      "inputs), FILE.pb (named by the TensorProto) or FILE.npy (a model with "
      "one input); repeatable",
      inputs);
  parser.addOption("input-dir", "", "DIR",
                   "read input_0.pb, input_1.pb, ... (ONNX test data) in the "
                   "model's input order",
                   inputDir);
  parser.addOption("seed", "", "S",
                   "seed of the random inputs made for inputs not given "
                   "(default 0)",
                   seed);
}

namespace {

/// The module's inputs by name, and which file gave each one.
class InputBinder {
public:
  explicit InputBinder(TesseraModule *module)
      : module(module), tensors(tessera_module_num_inputs(module)),
        sources(tensors.size()) {}

  int32_t size() const { return tensors.size(); }
  std::string name(int32_t i) const {
    return tessera_module_input_name(module, i);
  }
  std::string listNames() const {
    std::vector<std::string> names;
    for (int32_t i = 0; i < size(); ++i)
      names.push_back("'" + name(i) + "'");
    return names.empty() ? "none" : join(names, ", ");
  }
  SmallVector<int64_t> shape(int32_t i) const {
    const int64_t *dims = tessera_module_input_shape(module, i);
    return SmallVector<int64_t>(dims,
                                dims + tessera_module_input_ndim(module, i));
  }

  Expected<int32_t> findInput(StringRef inputName, const Twine &source) const {
    int32_t index = tessera_module_input_index(module, inputName.str().c_str());
    if (index < 0)
      return makeError(
          source + ": '" + inputName +
          "' is not an input of the model (inputs: " + listNames() + ")");
    return index;
  }

  Error give(int32_t index, TensorPtr tensor, StringRef source) {
    if (tensors[index])
      return makeError("input '" + name(index) + "' is given twice: by " +
                       sources[index] + " and by " + source);
    tensors[index] = std::move(tensor);
    sources[index] = source.str();
    return Error::success();
  }

  Error readInputDir(StringRef dir);
  Error readSpec(StringRef spec);
  Error makeRandomInputs(ArrayRef<std::string> inputShapes, uint64_t seed);
  Expected<std::vector<TensorPtr>> bind();

private:
  TesseraModule *module;
  std::vector<TensorPtr> tensors;
  std::vector<std::string> sources;
};

Error InputBinder::readInputDir(StringRef dir) {
  if (!sys::fs::is_directory(dir))
    return makeError("--input-dir " + dir + ": not a directory");
  // The ONNX test-data layout: input_<i>.pb for every graph input, in order.
  int32_t fileCount = 0;
  std::error_code error;
  for (sys::fs::directory_iterator it(dir, error), end; it != end && !error;
       it.increment(error)) {
    StringRef fileName = sys::path::filename(it->path());
    unsigned index;
    if (fileName.consume_front("input_") && fileName.consume_back(".pb") &&
        !fileName.getAsInteger(10, index))
      ++fileCount;
  }
  if (error)
    return makeError("--input-dir " + dir + ": " + error.message());
  if (fileCount != size())
    return makeError(formatv("--input-dir {0}: has {1} input_<i>.pb files, "
                             "the model has {2} inputs ({3})",
                             dir, fileCount, size(), listNames())
                         .str());
  for (int32_t i = 0; i < size(); ++i) {
    SmallString<128> path(dir);
    sys::path::append(path, "input_" + Twine(i) + ".pb");
    if (!sys::fs::exists(path))
      return makeError(path + ": missing (the model has " + Twine(size()) +
                       " inputs, read as input_0.pb ... input_" +
                       Twine(size() - 1) + ".pb)");
    Expected<NamedTensor> tensor = readTensorProtoFile(path);
    if (!tensor)
      return tensor.takeError();
    if (Error error = give(i, std::move(tensor->tensor), path))
      return error;
  }
  return Error::success();
}

Error InputBinder::readSpec(StringRef spec) {
  // NAME=FILE, unless NAME is no input and the whole spec is a file.
  auto [inputName, path] = spec.split('=');
  bool named =
      spec.contains('=') &&
      (tessera_module_input_index(module, inputName.str().c_str()) >= 0 ||
       !sys::fs::exists(spec));
  if (!named)
    path = spec;
  StringRef extension = sys::path::extension(path);
  if (extension != ".npy" && extension != ".pb" && extension != ".npz")
    return makeError("--input " + spec + ": unknown file type '" + extension +
                     "' (expected .npy, .pb or .npz)");
  if (named && extension == ".npz")
    return makeError("--input " + spec +
                     ": an .npz file names its arrays, "
                     "give it as --input " +
                     path);
  if (Error error = checkInputFile(path))
    return error;

  if (extension == ".npz") {
    Expected<std::vector<NamedTensor>> arrays = readNpzFile(path);
    if (!arrays)
      return arrays.takeError();
    for (NamedTensor &array : *arrays) {
      std::string source = (path + ":" + array.name).str();
      Expected<int32_t> index = findInput(array.name, path);
      if (!index)
        return index.takeError();
      if (Error error = give(*index, std::move(array.tensor), source))
        return error;
    }
    return Error::success();
  }

  TensorPtr tensor;
  std::string fileName;
  if (extension == ".npy") {
    Expected<TensorPtr> array = readNpyFile(path);
    if (!array)
      return array.takeError();
    tensor = std::move(*array);
  } else {
    Expected<NamedTensor> proto = readTensorProtoFile(path);
    if (!proto)
      return proto.takeError();
    tensor = std::move(proto->tensor);
    fileName = proto->name;
  }
  int32_t index;
  if (named) {
    Expected<int32_t> found = findInput(inputName, "--input " + spec);
    if (!found)
      return found.takeError();
    index = *found;
  } else if (!fileName.empty()) {
    Expected<int32_t> found =
        findInput(fileName, path + " (its TensorProto name)");
    if (!found)
      return found.takeError();
    index = *found;
  } else if (size() == 1) {
    index = 0;
  } else {
    return makeError("--input " + spec +
                     ": name the input it is for, as NAME=" + path +
                     " (inputs: " + listNames() + ")");
  }
  return give(index, std::move(tensor), path);
}

Error InputBinder::makeRandomInputs(ArrayRef<std::string> inputShapes,
                                    uint64_t seed) {
  ONNXImportOptions shapes;
  for (const std::string &spec : inputShapes) {
    std::string message = addInputShapeOverride(spec, shapes);
    if (!message.empty())
      return makeError("invalid --input-shape '" + spec + "': " + message);
  }
  for (const auto &[inputName, dims] : shapes.inputShapes)
    if (Expected<int32_t> index = findInput(inputName, "--input-shape"); !index)
      return index.takeError();

  std::mt19937_64 generator(seed);
  for (int32_t i = 0; i < size(); ++i) {
    if (tensors[i])
      continue;
    SmallVector<int64_t> modelShape = shape(i);
    SmallVector<int64_t> randomShape = modelShape;
    auto given = shapes.inputShapes.find(name(i));
    if (given != shapes.inputShapes.end()) {
      if (given->second.size() != modelShape.size())
        return makeError(formatv("--input-shape for '{0}' has rank {1}, the "
                                 "model's input has shape {2}",
                                 name(i), given->second.size(),
                                 formatShape(modelShape))
                             .str());
      randomShape = given->second;
    }
    if (is_contained(randomShape, -1))
      return makeError("input '" + name(i) + "' has the dynamic shape " +
                       formatShape(randomShape) +
                       ": give it with --input, or its size with "
                       "--input-shape " +
                       name(i) + ":DIMS for a random input");
    DLDataType dtype = tessera_module_input_dtype(module, i);
    Expected<TensorPtr> tensor = allocateTensor(dtype, randomShape);
    if (!tensor)
      return makeError("input '" + name(i) +
                       "': " + toString(tensor.takeError()));
    fillRandom((*tensor)->dl_tensor, generator);
    tensors[i] = std::move(*tensor);
    sources[i] = "random values";
  }
  return Error::success();
}

Expected<std::vector<TensorPtr>> InputBinder::bind() {
  for (int32_t i = 0; i < size(); ++i)
    if (tessera_module_set_input(module, i, &tensors[i]->dl_tensor) != 0)
      return makeError(sources[i] + ": " + tessera_last_error());
  return std::move(tensors);
}

} // namespace

Expected<std::vector<TensorPtr>> bindInputs(TesseraModule *module,
                                            const InputFlags &flags,
                                            ArrayRef<std::string> inputShapes) {
  uint64_t seed = 0;
  if (flags.seed) {
    Expected<int64_t> value = parseIntegerOption(
        "seed", *flags.seed, 0, std::numeric_limits<int64_t>::max());
    if (!value)
      return value.takeError();
    seed = *value;
  }
  InputBinder binder(module);
  if (flags.inputDir)
    if (Error error = binder.readInputDir(*flags.inputDir))
      return std::move(error);
  for (const std::string &spec : flags.inputs)
    if (Error error = binder.readSpec(spec))
      return std::move(error);
  if (Error error = binder.makeRandomInputs(inputShapes, seed))
    return std::move(error);
  return binder.bind();
}

Error applyThreads(TesseraModule *module,
                   const std::optional<std::string> &threads) {
  if (!threads)
    return Error::success();
  Expected<int64_t> count = parseIntegerOption("threads", *threads, 1, 4096);
  if (!count)
    return count.takeError();
  if (tessera_module_set_num_threads(module, *count) != 0)
    return makeError(tessera_last_error());
  return Error::success();
}

Expected<PreparedModel>
prepareModel(StringRef path, const CompilerFlags &compilerFlags,
             const InputFlags &inputFlags,
             const std::optional<std::string> &threads) {
  Expected<std::unique_ptr<LoadedModule>> loaded =
      LoadedModule::load(path, compilerFlags);
  if (!loaded)
    return loaded.takeError();
  if (Error error = applyThreads((*loaded)->get(), threads))
    return std::move(error);
  Expected<std::vector<TensorPtr>> inputs =
      bindInputs((*loaded)->get(), inputFlags, compilerFlags.inputShapes);
  if (!inputs)
    return inputs.takeError();
  return PreparedModel{std::move(*loaded), std::move(*inputs)};
}

} // namespace tessera::tools
