//===- Compiler.h - Compile ONNX models ahead of time or in process -------===//
//
// The driver behind `tessera compile/run/bench`: imports a model, runs the
// CPU pipeline up to the requested stage and writes it, or JIT-compiles it
// into the current process.
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_COMPILER_COMPILER_H
#define TESSERA_COMPILER_COMPILER_H

#include "tessera/Target/LLVM/Codegen.h"
#include "tessera/Target/ONNX/ImportONNX.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mlir {
class ExecutionEngine;
} // namespace mlir

namespace tessera {

enum class CompileStage {
  Graph,
  TE,
  Linalg,
  LLVMIR,
  Assembly,
  Object,
  SharedLibrary
};

struct CompileOptions {
  ONNXImportOptions import;
  TargetOptions target;
  /// 0-3.
  unsigned optLevel = 3;
  /// A transform-dialect schedule library; empty: default schedules.
  std::string schedFile;
  /// Print the model's peak intermediate memory, weight size and compile
  /// time to stderr.
  bool printStats = false;
};

/// Parses an --emit value: graph, te, linalg, llvm, asm, obj or so.
std::optional<CompileStage> parseCompileStage(llvm::StringRef name);

/// Imports the ONNX model and compiles it to `stage`, writing `outputPath`
/// ("-" is stdout for the text stages). Diagnostics come back in the error.
llvm::Error compileONNXFile(llvm::StringRef modelPath,
                            llvm::StringRef outputPath, CompileStage stage,
                            const CompileOptions &options);

/// A model compiled into this process by MLIR's ExecutionEngine, exposing
/// the model ABI's three entry points (module_abi.h).
class JITModel {
public:
  static llvm::Expected<std::unique_ptr<JITModel>>
  compileONNXFile(llvm::StringRef modelPath, const CompileOptions &options);
  ~JITModel();

  const char *(*metadata)(void) = nullptr;
  int32_t (*run)(void **, void **, void *) = nullptr;
  void (*setNumThreads)(int32_t) = nullptr;

private:
  struct FreeDeleter {
    void operator()(char *bytes) const { std::free(bytes); }
  };
  using AlignedBytes = std::unique_ptr<char[], FreeDeleter>;

  JITModel() = default;
  /// The weights the JIT-compiled code refers to by symbol.
  std::vector<std::pair<std::string, AlignedBytes>> constants;
  std::unique_ptr<mlir::ExecutionEngine> engine;
};

} // namespace tessera

#endif // TESSERA_COMPILER_COMPILER_H
