//===- Commands.h - The tessera subcommands -------------------------------===//
//
// Each takes the arguments after its name and returns the exit code: 0 on
// success, 1 after printing an error.
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_TOOLS_TESSERA_COMMANDS_H
#define TESSERA_TOOLS_TESSERA_COMMANDS_H

#include "llvm/ADT/ArrayRef.h"

namespace tessera::tools {

/// `tessera compile model.onnx -o model.so ...`
int runCompileCommand(llvm::ArrayRef<const char *> args);
/// `tessera run model.so|model.onnx ...`
int runRunCommand(llvm::ArrayRef<const char *> args);
/// `tessera bench model.so|model.onnx ...`
int runBenchCommand(llvm::ArrayRef<const char *> args);

} // namespace tessera::tools

#endif // TESSERA_TOOLS_TESSERA_COMMANDS_H
