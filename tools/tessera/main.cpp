//===- main.cpp - The tessera command-line tool ---------------------------===//
//
// `tessera compile|run|bench ...`: compiles ONNX models to shared libraries
// (or any intermediate stage), runs them on files or random inputs, and
// measures their latency.
//
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace tessera::tools;

static void printUsage(raw_ostream &os) {
  os << "usage: tessera <command> [options]\n"
        "\n"
        "Tessera's deep learning compiler driver.\n"
        "\n"
        "commands:\n"
        "  compile   compile an ONNX model to a shared library (or an "
        "intermediate stage)\n"
        "  run       run a compiled model (.so) or an ONNX model on input "
        "files or random inputs\n"
        "  bench     measure a model's latency\n"
        "\n"
        "'tessera <command> --help' describes a command's options.\n";
}

int main(int argc, char **argv) {
  InitLLVM initLLVM(argc, argv);
  if (argc < 2) {
    printUsage(errs());
    return 1;
  }
  StringRef command = argv[1];
  ArrayRef<const char *> args(argv + 2, argv + argc);
  if (command == "--help" || command == "-h" || command == "help") {
    printUsage(outs());
    return 0;
  }
  if (command == "compile")
    return runCompileCommand(args);
  if (command == "run")
    return runRunCommand(args);
  if (command == "bench")
    return runBenchCommand(args);
  WithColor::error(errs(), "tessera")
      << "unknown command '" << command
      << "' (commands: compile, run, bench; see 'tessera --help')\n";
  return 1;
}
