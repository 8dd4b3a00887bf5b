//===- ModelSession.h - Options and steps shared by the subcommands -------===//
//
// The compiler options of `compile`, `run` and `bench` (--input-shape,
// --dynamic-batch, --opt-level, --sched-file), loading a model into the
// runtime (a .so with tessera_module_load, an .onnx compiled in process), and
// the inputs of `run` and `bench` (--input, --input-dir, random ones).
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_TOOLS_TESSERA_MODELSESSION_H
#define TESSERA_TOOLS_TESSERA_MODELSESSION_H

#include "ArgParser.h"
#include "TensorIO.h"

#include "tessera/Compiler/Compiler.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tessera::tools {

/// Options that shape how an ONNX model is compiled.
struct CompilerFlags {
  std::vector<std::string> inputShapes;
  bool dynamicBatch = false;
  std::optional<std::string> optLevel;
  std::optional<std::string> schedFile;

  void addTo(ArgParser &parser);
  /// Whether any option that only compiling an .onnx model uses was given.
  bool anyCompileOnlyFlag() const {
    return dynamicBatch || optLevel || schedFile;
  }
  /// Fills options.import, optLevel and schedFile.
  llvm::Error apply(CompileOptions &options) const;
};

/// Errors unless `path` names a readable regular file.
llvm::Error checkInputFile(llvm::StringRef path);

/// A plain error with `message`.
llvm::Error makeError(const llvm::Twine &message);

/// Writes `error` as "tessera: error: ..." and returns exit code 1.
int reportError(llvm::Error error);

/// A model in the runtime; compiled models stay alive with it.
class LoadedModule {
public:
  /// `path` ending in .onnx is compiled in process with `flags`; anything
  /// else is loaded as a compiled model library (where `flags` may only hold
  /// input shapes, used for random inputs).
  static llvm::Expected<std::unique_ptr<LoadedModule>>
  load(llvm::StringRef path, const CompilerFlags &flags);
  ~LoadedModule();

  TesseraModule *get() const { return module; }

private:
  LoadedModule() = default;
  std::unique_ptr<JITModel> jit;
  TesseraModule *module = nullptr;
};

/// Where the inputs of `run` and `bench` come from.
struct InputFlags {
  std::vector<std::string> inputs;
  std::optional<std::string> inputDir;
  std::optional<std::string> seed;

  void addTo(ArgParser &parser);
};

/// Reads the given inputs, generates random ones for the rest (dynamic dims
/// from `inputShapes`, "name:1x3x224x224") and binds them all to `module`.
/// The returned tensors back the bindings: keep them while running.
llvm::Expected<std::vector<TensorPtr>>
bindInputs(TesseraModule *module, const InputFlags &flags,
           llvm::ArrayRef<std::string> inputShapes);

/// Sets --threads when given (>= 1).
llvm::Error applyThreads(TesseraModule *module,
                         const std::optional<std::string> &threads);

/// A model ready to run: loaded, its thread count set, its inputs bound.
struct PreparedModel {
  std::unique_ptr<LoadedModule> loaded;
  /// Back the input bindings: keep them while running.
  std::vector<TensorPtr> inputs;
  TesseraModule *get() const { return loaded->get(); }
};

/// LoadedModule::load, applyThreads and bindInputs, the steps `run` and
/// `bench` share.
llvm::Expected<PreparedModel>
prepareModel(llvm::StringRef path, const CompilerFlags &compilerFlags,
             const InputFlags &inputFlags,
             const std::optional<std::string> &threads);

} // namespace tessera::tools

#endif // TESSERA_TOOLS_TESSERA_MODELSESSION_H
