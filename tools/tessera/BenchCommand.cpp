//===- BenchCommand.cpp - tessera bench -----------------------------------===//

#include "Commands.h"
#include "ModelSession.h"

#include "llvm/Support/Format.h"

#include <algorithm>
#include <chrono>
#include <numeric>

using namespace llvm;

namespace tessera::tools {

int runBenchCommand(ArrayRef<const char *> args) {
  std::string model;
  std::optional<std::string> threads, repeatText, warmupText;
  CompilerFlags compilerFlags;
  InputFlags inputFlags;

  ArgParser parser(
      "tessera bench", "MODEL.so|MODEL.onnx [options]",
      "Measures a model's latency: runs it --warmup times, then --repeat "
      "timed runs,\nand prints their min, median, max and mean in "
      "milliseconds. Inputs as in 'tessera run'.");
  parser.addPositional("MODEL",
                       "a model compiled by 'tessera compile', or "
                       "an ONNX model",
                       model);
  parser.addOption("repeat", "", "N", "timed runs (default 20)", repeatText);
  parser.addOption("warmup", "", "N", "untimed runs first (default 3)",
                   warmupText);
  parser.addOption("threads", "", "N", "threads to run with", threads);
  inputFlags.addTo(parser);
  compilerFlags.addTo(parser);
  if (Error error = parser.parse(args))
    return reportError(std::move(error));
  if (parser.helpRequested())
    return 0;

  int64_t repeat = 20, warmup = 3;
  if (repeatText) {
    Expected<int64_t> value =
        parseIntegerOption("repeat", *repeatText, 1, 1000000000);
    if (!value)
      return reportError(value.takeError());
    repeat = *value;
  }
  if (warmupText) {
    Expected<int64_t> value =
        parseIntegerOption("warmup", *warmupText, 0, 1000000000);
    if (!value)
      return reportError(value.takeError());
    warmup = *value;
  }

  Expected<PreparedModel> prepared =
      prepareModel(model, compilerFlags, inputFlags, threads);
  if (!prepared)
    return reportError(prepared.takeError());
  TesseraModule *module = prepared->get();

  // The runtime frees each run's outputs at the next run.
  std::vector<double> milliseconds;
  for (int64_t i = 0; i < warmup + repeat; ++i) {
    auto start = std::chrono::steady_clock::now();
    if (tessera_module_run(module) != 0)
      return reportError(makeError(model + ": " + tessera_last_error()));
    std::chrono::duration<double, std::milli> elapsed =
        std::chrono::steady_clock::now() - start;
    if (i >= warmup)
      milliseconds.push_back(elapsed.count());
  }

  std::sort(milliseconds.begin(), milliseconds.end());
  size_t middle = milliseconds.size() / 2;
  double median = milliseconds.size() % 2
                      ? milliseconds[middle]
                      : (milliseconds[middle - 1] + milliseconds[middle]) / 2;
  double mean = std::accumulate(milliseconds.begin(), milliseconds.end(), 0.0) /
                milliseconds.size();
  outs() << "latency over " << repeat << " runs (ms): min "
         << format("%.4f", milliseconds.front()) << "  median "
         << format("%.4f", median) << "  max "
         << format("%.4f", milliseconds.back()) << "  mean "
         << format("%.4f", mean) << "\n";
  return 0;
}

} // namespace tessera::tools
