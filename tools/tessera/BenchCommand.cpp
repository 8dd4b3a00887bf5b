//===- BenchCommand.cpp - tessera bench -----------------------------------===//

#include "Commands.h"
#include "ModelSession.h"

#include "llvm/Support/Format.h"

#include <algorithm>
#include <chrono>
#include <numeric>

using namespace llvm;

namespace tessera::tools {

namespace {

/// The median of `values` (not empty). A copy: the callers pair the rounds
/// of several models by position, so their values keep their order.
double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  size_t middle = values.size() / 2;
  return values.size() % 2 ? values[middle]
                           : (values[middle - 1] + values[middle]) / 2;
}

} // namespace

int runBenchCommand(ArrayRef<const char *> args) {
  std::vector<std::string> models;
  std::optional<std::string> threads, repeatText, warmupText, roundsText;
  CompilerFlags compilerFlags;
  InputFlags inputFlags;

  ArgParser parser(
      "tessera bench", "MODEL.so|MODEL.onnx... [options]",
      "Measures a model's latency: runs it --warmup times, then --repeat "
      "timed runs,\nand prints their min, median, max and mean in "
      "milliseconds. Inputs as in 'tessera run'.\n\n"
      "Several models are compared in one process: after their warm-up, "
      "each round runs\neach model --repeat times in turn, so that a slow "
      "spell of the machine slows\nthem alike. Each model's line gives the "
      "min and the median over the rounds of\nits fastest run per round, "
      "and the median over the rounds of its ratio to the\nfirst model.");
  parser.addPositionalList("MODEL",
                           "a model compiled by 'tessera compile', or an ONNX "
                           "model; several are compared",
                           models);
  parser.addOption("repeat", "", "N",
                   "timed runs (per round with several models; default 20, "
                   "5 with several)",
                   repeatText);
  parser.addOption("warmup", "", "N", "untimed runs first (default 3)",
                   warmupText);
  parser.addOption("rounds", "", "N",
                   "rounds of timed runs (default 1, 10 with several models)",
                   roundsText);
  parser.addOption("threads", "", "N", "threads to run with", threads);
  inputFlags.addTo(parser);
  compilerFlags.addTo(parser);
  if (Error error = parser.parse(args))
    return reportError(std::move(error));
  if (parser.helpRequested())
    return 0;

  bool compare = models.size() > 1;
  int64_t repeat = compare ? 5 : 20, warmup = 3, rounds = compare ? 10 : 1;
  for (auto [name, text, value, min] :
       {std::make_tuple("repeat", &repeatText, &repeat, 1),
        std::make_tuple("warmup", &warmupText, &warmup, 0),
        std::make_tuple("rounds", &roundsText, &rounds, 1)}) {
    if (!*text)
      continue;
    Expected<int64_t> parsed =
        parseIntegerOption(name, **text, min, 1000000000);
    if (!parsed)
      return reportError(parsed.takeError());
    *value = *parsed;
  }

  std::vector<PreparedModel> prepared;
  for (const std::string &model : models) {
    Expected<PreparedModel> loaded =
        prepareModel(model, compilerFlags, inputFlags, threads);
    if (!loaded)
      return reportError(loaded.takeError());
    prepared.push_back(std::move(*loaded));
  }
  // Milliseconds of each timed run, per model. The runtime frees each run's
  // outputs at the next run.
  std::vector<std::vector<double>> milliseconds(models.size());
  auto run = [&](size_t index, int64_t times, bool timed) -> Error {
    for (int64_t i = 0; i < times; ++i) {
      auto start = std::chrono::steady_clock::now();
      if (tessera_module_run(prepared[index].get()) != 0)
        return makeError(models[index] + ": " + tessera_last_error());
      std::chrono::duration<double, std::milli> elapsed =
          std::chrono::steady_clock::now() - start;
      if (timed)
        milliseconds[index].push_back(elapsed.count());
    }
    return Error::success();
  };
  for (size_t index = 0; index < models.size(); ++index)
    if (Error error = run(index, warmup, /*timed=*/false))
      return reportError(std::move(error));
  for (int64_t round = 0; round < rounds; ++round)
    for (size_t index = 0; index < models.size(); ++index)
      if (Error error = run(index, repeat, /*timed=*/true))
        return reportError(std::move(error));

  if (!compare) {
    const std::vector<double> &times = milliseconds.front();
    auto [fastest, slowest] = std::minmax_element(times.begin(), times.end());
    double mean =
        std::accumulate(times.begin(), times.end(), 0.0) / times.size();
    outs() << "latency over " << times.size() << " runs (ms): min "
           << format("%.4f", *fastest) << "  median "
           << format("%.4f", median(times)) << "  max "
           << format("%.4f", *slowest) << "  mean " << format("%.4f", mean)
           << "\n";
    return 0;
  }
  // The fastest run of each model in each round.
  std::vector<std::vector<double>> roundMinima(models.size());
  for (size_t index = 0; index < models.size(); ++index)
    for (int64_t round = 0; round < rounds; ++round) {
      auto first = milliseconds[index].begin() + round * repeat;
      roundMinima[index].push_back(*std::min_element(first, first + repeat));
    }
  outs() << "latency over " << rounds << " rounds of " << repeat
         << " runs per model (ms, fastest run per round):\n";
  for (size_t index = 0; index < models.size(); ++index) {
    std::vector<double> ratios;
    for (int64_t round = 0; round < rounds; ++round)
      ratios.push_back(roundMinima[index][round] / roundMinima[0][round]);
    const std::vector<double> &minima = roundMinima[index];
    outs() << models[index] << ": min "
           << format("%.4f", *std::min_element(minima.begin(), minima.end()))
           << "  median " << format("%.4f", median(minima)) << "  ratio "
           << format("%.3f", median(ratios)) << "\n";
  }
  return 0;
}

} // namespace tessera::tools
