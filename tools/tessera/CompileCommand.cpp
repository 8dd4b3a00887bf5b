//===- CompileCommand.cpp - tessera compile -------------------------------===//

#include "Commands.h"
#include "ModelSession.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace tessera::tools {

/// The stage an output file's extension asks for: .so so, .o obj, .ll llvm,
/// .s asm, .mlir linalg; anything else a shared library.
static CompileStage getStageOfOutput(StringRef path) {
  return StringSwitch<CompileStage>(sys::path::extension(path))
      .Case(".o", CompileStage::Object)
      .Case(".ll", CompileStage::LLVMIR)
      .Case(".s", CompileStage::Assembly)
      .Case(".mlir", CompileStage::Linalg)
      .Default(CompileStage::SharedLibrary);
}

static bool isBinaryStage(CompileStage stage) {
  return stage == CompileStage::Object || stage == CompileStage::SharedLibrary;
}

int runCompileCommand(ArrayRef<const char *> args) {
  std::string model;
  std::optional<std::string> output, emit, triple, cpu, features;
  CompilerFlags compilerFlags;
  bool stats = false;

  ArgParser parser(
      "tessera compile", "MODEL.onnx [-o OUTPUT] [options]",
      "Compiles an ONNX model. The stage written is --emit's, else the one "
      "-o's\nextension names (.so shared library, .o object, .ll LLVM IR, "
      ".s assembly,\n.mlir Linalg), else a shared library. Text stages go to "
      "stdout without -o.");
  parser.addPositional("MODEL.onnx", "the ONNX model", model);
  parser.addOption("output", "o", "OUTPUT", "the output file ('-': stdout)",
                   output);
  parser.addOption("emit", "", "STAGE",
                   "graph, te, linalg, llvm, asm, obj or so", emit);
  parser.addOption("target", "", "TRIPLE",
                   "target triple (default: the host's)", triple);
  parser.addOption("mcpu", "", "CPU",
                   "target CPU (default: the host's for the host triple, "
                   "else generic)",
                   cpu);
  parser.addOption("mattr", "", "FEATURES",
                   "extra target features, e.g. +avx2,-fma", features);
  compilerFlags.addTo(parser);
  parser.addFlag("stats", "print statistics such as peak intermediate memory",
                 stats);
  if (Error error = parser.parse(args))
    return reportError(std::move(error));
  if (parser.helpRequested())
    return 0;

  CompileStage stage =
      output ? getStageOfOutput(*output) : CompileStage::SharedLibrary;
  if (emit) {
    std::optional<CompileStage> parsed = parseCompileStage(*emit);
    if (!parsed)
      return reportError(makeError("invalid value '" + *emit +
                                   "' for --emit: expected graph, te, "
                                   "linalg, llvm, asm, obj or so"));
    stage = *parsed;
  }
  if (isBinaryStage(stage) && (!output || *output == "-"))
    return reportError(makeError("missing -o OUTPUT: objects and shared "
                                 "libraries are not written to stdout"));
  if (!output)
    output = "-";

  CompileOptions options;
  if (triple)
    options.target.triple = *triple;
  if (cpu)
    options.target.cpu = *cpu;
  if (features)
    options.target.features = *features;
  options.printStats = stats;
  if (Error error = compilerFlags.apply(options))
    return reportError(std::move(error));
  if (Error error = checkInputFile(model))
    return reportError(std::move(error));
  if (Error error = compileONNXFile(model, *output, stage, options))
    return reportError(std::move(error));
  return 0;
}

} // namespace tessera::tools
