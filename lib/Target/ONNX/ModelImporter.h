//===- ModelImporter.h - Imports one ONNX graph into a func.func ----------===//

#ifndef TESSERA_LIB_TARGET_ONNX_MODELIMPORTER_H
#define TESSERA_LIB_TARGET_ONNX_MODELIMPORTER_H

#include "NodeImporter.h"

#include "tessera/Target/ONNX/ImportONNX.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/StringMap.h"

namespace onnx {
class GraphProto;
class ModelProto;
class TensorProto;
class TypeProto;
} // namespace onnx

namespace tessera::onnx_import {

class ModelImporter {
public:
  ModelImporter(mlir::MLIRContext *context, const ONNXImportOptions &options,
                llvm::StringRef modelName);

  /// Builds the module of a checked, converted and shape-inferred model.
  mlir::OwningOpRef<mlir::ModuleOp> importModel(const onnx::ModelProto &model,
                                                int64_t opsetVersion);

  /// The value an ONNX name stands for; null when unknown.
  mlir::Value lookupValue(llvm::StringRef name) const {
    return values.lookup(name);
  }
  /// The type ONNX shape inference gives a name; null when unknown.
  mlir::Type lookupInferredType(llvm::StringRef name) const {
    return inferredTypes.lookup(name);
  }
  void mapValue(llvm::StringRef name, mlir::Value value) {
    values[name] = value;
  }

  /// The MLIR tensor type of an ONNX type; null (after an error at `loc`)
  /// when it is not a tensor of a supported element type.
  mlir::Type convertType(const onnx::TypeProto &type, mlir::Location loc);
  /// The graph.constant value of a TensorProto; null after an error.
  mlir::ElementsAttr convertTensor(const onnx::TensorProto &tensor,
                                   mlir::Location loc);

private:
  mlir::Location nodeLocation(llvm::StringRef name, llvm::StringRef opType);

  mlir::MLIRContext *context;
  const ONNXImportOptions &options;
  std::string modelName;
  llvm::StringMap<mlir::Value> values;
  llvm::StringMap<mlir::Type> inferredTypes;
};

} // namespace tessera::onnx_import

#endif // TESSERA_LIB_TARGET_ONNX_MODELIMPORTER_H
