//===- RunCommand.cpp - tessera run ---------------------------------------===//

#include "Commands.h"
#include "ModelSession.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <cmath>
#include <limits>
#include <numeric>

using namespace llvm;

namespace tessera::tools {

namespace {

/// Output j of a finished run with its metadata.
struct Output {
  std::string name;
  TensorPtr tensor;
  const DLTensor &get() const { return tensor->dl_tensor; }
  std::string describe() const {
    return "output '" + name + "' (" + getDTypeName(get().dtype) + ", " +
           formatShape(getShape(get())) + ")";
  }
};

constexpr int64_t kPreviewCount = 10;

void printPreview(const Output &output, raw_ostream &os) {
  int64_t count = getNumElements(output.get());
  os << output.describe() << ":";
  int64_t shown = std::min(count, kPreviewCount);
  for (int64_t i = 0; i < shown; ++i)
    os << " " << formatElement(output.get(), i);
  if (shown < count)
    os << " ... (" << count << " values)";
  os << "\n";
}

/// The `top` largest values of the last axis of batch 0 (the first row),
/// with the class names in `labels` when there are any.
void printTop(const Output &output, int64_t top, ArrayRef<std::string> labels,
              raw_ostream &os) {
  ArrayRef<int64_t> shape = getShape(output.get());
  int64_t rowSize = shape.empty() ? 1 : shape.back();
  if (getNumElements(output.get()) == 0)
    rowSize = 0;
  std::vector<int64_t> indices(rowSize);
  std::iota(indices.begin(), indices.end(), 0);
  std::vector<double> values;
  for (int64_t i = 0; i < rowSize; ++i) {
    double value = getElementAsDouble(output.get(), i);
    values.push_back(
        std::isnan(value) ? -std::numeric_limits<double>::infinity() : value);
  }
  int64_t shown = std::min(top, rowSize);
  std::partial_sort(indices.begin(), indices.begin() + shown, indices.end(),
                    [&](int64_t a, int64_t b) {
                      return values[a] > values[b] ||
                             (values[a] == values[b] && a < b);
                    });
  os << output.describe() << ": top " << shown
     << " of the last axis, batch 0\n";
  for (int64_t i = 0; i < shown; ++i) {
    os << "  " << indices[i];
    if (indices[i] < int64_t(labels.size()))
      os << " (" << labels[indices[i]] << ")";
    os << ": " << formatElement(output.get(), indices[i]) << "\n";
  }
}

/// One class name per line.
Expected<std::vector<std::string>> readLabels(StringRef path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> buffer = MemoryBuffer::getFile(path);
  if (!buffer)
    return makeError("--labels " + path + ": " + buffer.getError().message());
  std::vector<std::string> labels;
  SmallVector<StringRef> lines;
  (*buffer)->getBuffer().rtrim("\n").split(lines, '\n');
  for (StringRef line : lines)
    labels.push_back(line.rtrim("\r").str());
  return labels;
}

Error writeOutputs(ArrayRef<Output> outputs, StringRef dir) {
  if (std::error_code error = sys::fs::create_directories(dir))
    return makeError("--output-dir " + dir + ": " + error.message());
  for (auto [index, output] : enumerate(outputs)) {
    SmallString<128> path(dir);
    sys::path::append(path, "output_" + Twine(index) + ".pb");
    if (Error error = writeTensorProtoFile(output.get(), output.name, path))
      return error;
  }
  return Error::success();
}

} // namespace

int runRunCommand(ArrayRef<const char *> args) {
  std::string model;
  std::optional<std::string> outputDir, printTopCount, labelsPath, threads;
  CompilerFlags compilerFlags;
  InputFlags inputFlags;

  ArgParser parser(
      "tessera run", "MODEL.so|MODEL.onnx [options]",
      "Runs a compiled model, or compiles an ONNX model in process and runs "
      "it, once.\nInputs not given get random values. Without --output-dir "
      "and --print-top, prints\neach output's name, type, shape and first "
      "values.");
  parser.addPositional("MODEL",
                       "a model compiled by 'tessera compile', or "
                       "an ONNX model",
                       model);
  inputFlags.addTo(parser);
  parser.addOption("output-dir", "", "DIR",
                   "write output_0.pb, output_1.pb, ... (ONNX TensorProto) "
                   "in the model's output order",
                   outputDir);
  parser.addOption("print-top", "", "N",
                   "print the N largest values (and indices) of each "
                   "output's last axis for batch 0",
                   printTopCount);
  parser.addOption("labels", "", "FILE",
                   "class names for --print-top, one per line in index order",
                   labelsPath);
  parser.addOption("threads", "", "N", "threads to run with", threads);
  compilerFlags.addTo(parser);
  if (Error error = parser.parse(args))
    return reportError(std::move(error));
  if (parser.helpRequested())
    return 0;

  std::optional<int64_t> top;
  if (printTopCount) {
    Expected<int64_t> count = parseIntegerOption(
        "print-top", *printTopCount, 1, std::numeric_limits<int32_t>::max());
    if (!count)
      return reportError(count.takeError());
    top = *count;
  }
  std::vector<std::string> labels;
  if (labelsPath) {
    if (!top)
      return reportError(makeError("--labels needs --print-top"));
    Expected<std::vector<std::string>> read = readLabels(*labelsPath);
    if (!read)
      return reportError(read.takeError());
    labels = std::move(*read);
  }

  Expected<PreparedModel> prepared =
      prepareModel(model, compilerFlags, inputFlags, threads);
  if (!prepared)
    return reportError(prepared.takeError());
  TesseraModule *module = prepared->get();
  if (tessera_module_run(module) != 0)
    return reportError(makeError(model + ": " + tessera_last_error()));

  std::vector<Output> outputs;
  for (int32_t j = 0, e = tessera_module_num_outputs(module); j < e; ++j) {
    DLManagedTensor *tensor = nullptr;
    if (tessera_module_get_output(module, j, &tensor) != 0)
      return reportError(makeError(model + ": " + tessera_last_error()));
    outputs.push_back(
        {tessera_module_output_name(module, j), TensorPtr(tensor)});
  }

  if (outputDir)
    if (Error error = writeOutputs(outputs, *outputDir))
      return reportError(std::move(error));
  for (const Output &output : outputs) {
    if (top)
      printTop(output, *top, labels, outs());
    else if (!outputDir)
      printPreview(output, outs());
  }
  return 0;
}

} // namespace tessera::tools
