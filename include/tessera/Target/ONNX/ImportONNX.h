//===- ImportONNX.h - ONNX models into the graph dialect ------------------===//
//
// Loads an ONNX model with protobuf and libonnx (checker, version conversion
// to one canonical opset, shape inference) and builds a module with one
// `func.func` of graph-dialect operators. Errors are emitted through the
// context's diagnostic engine; an unsupported model gives one error listing
// every unsupported (domain, op type, opset) with its nodes.
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_TARGET_ONNX_IMPORTONNX_H
#define TESSERA_TARGET_ONNX_IMPORTONNX_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <map>
#include <string>

namespace tessera {

struct ONNXImportOptions {
  /// Shapes to use instead of the model's, by input name; -1 is a dynamic dim.
  std::map<std::string, llvm::SmallVector<int64_t>> inputShapes;
  /// Make dimension 0 of every input dynamic (the batch).
  bool dynamicBatch = false;
  /// Initializers with more elements than this become `dense_resource` blobs;
  /// smaller ones stay `dense` so that folders see their values.
  int64_t denseElementLimit = 256;
  /// The name of the imported function.
  std::string functionName = "main";
};

/// Parses "name:1x3x224x224" (a `?` or -1 dim is dynamic) into `options`.
/// Returns an error message, empty on success.
std::string addInputShapeOverride(llvm::StringRef spec,
                                  ONNXImportOptions &options);

/// Imports the model in `path` (external data files are found next to it).
mlir::OwningOpRef<mlir::ModuleOp>
importONNXFile(llvm::StringRef path, mlir::MLIRContext *context,
               const ONNXImportOptions &options = {});

/// Imports a model held in memory. `modelDir` is where external data files
/// live; `modelName` names the model in diagnostics.
mlir::OwningOpRef<mlir::ModuleOp>
importONNXBuffer(llvm::StringRef bytes, llvm::StringRef modelDir,
                 llvm::StringRef modelName, mlir::MLIRContext *context,
                 const ONNXImportOptions &options = {});

/// Registers `--import-onnx` (with `--input-shape` and `--dynamic-batch`) for
/// tensor-translate.
void registerONNXImportTranslation();

} // namespace tessera

#endif // TESSERA_TARGET_ONNX_IMPORTONNX_H
