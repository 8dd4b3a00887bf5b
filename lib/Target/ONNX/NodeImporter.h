//===- NodeImporter.h - What an ONNX node converter sees ------------------===//
//
// Each ONNX operator type has one converter, a function that turns one node
// into graph-dialect operations. Converters live in one file per operator
// family (ElementwiseConverters.cpp, NNConverters.cpp, ...) and see the node
// only through NodeImporter, so they need no protobuf or libonnx headers.
//
// The importer has already run libonnx's version converter (every node is at
// the model's canonical opset, kCanonicalOpset unless conversion failed: check
// opsetVersion() when semantics changed between versions) and shape inference
// (outputType()).
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_LIB_TARGET_ONNX_NODEIMPORTER_H
#define TESSERA_LIB_TARGET_ONNX_NODEIMPORTER_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

#include <optional>
#include <string>

namespace onnx {
class NodeProto;
class AttributeProto;
} // namespace onnx

namespace tessera::onnx_import {

class ModelImporter;

/// The opset every model is converted to before import.
inline constexpr int64_t kCanonicalOpset = 17;

/// The element type of an ONNX TensorProto.DataType number (FLOAT, UINT8,
/// ...); null for those the graph dialect has no type for (strings, complex
/// numbers).
mlir::Type convertDataType(int64_t dataType, mlir::MLIRContext *context);

class NodeImporter {
public:
  /// Converters build with `builder`; everything they create is folded
  /// before setResults maps the outputs, so that later converters see
  /// constants (shape arithmetic) through getConstantInput.
  NodeImporter(ModelImporter &model, const onnx::NodeProto &node,
               mlir::OpBuilder &builder, mlir::Location loc,
               int64_t opsetVersion);
  ~NodeImporter();

  mlir::OpBuilder &getBuilder() { return builder; }
  mlir::MLIRContext *getContext() { return builder.getContext(); }
  /// The node's location: its name and op type, so that every later error
  /// points at the model's node.
  mlir::Location getLoc() const { return loc; }
  llvm::StringRef getOpType() const;
  llvm::StringRef getName() const;
  /// The ai.onnx opset version this node follows.
  int64_t getOpsetVersion() const { return opsetVersion; }

  // Inputs. Optional inputs may be missing or given as "".
  unsigned getNumInputs() const;
  bool hasInput(unsigned index) const;
  /// The value of input `index`; null when absent.
  mlir::Value getInput(unsigned index) const;
  /// The constant value of input `index` when it is an initializer or comes
  /// from a Constant node (a graph.constant); null otherwise.
  mlir::ElementsAttr getConstantInput(unsigned index) const;

  // Outputs. Optional outputs may be missing or given as "".
  unsigned getNumOutputs() const;
  bool hasOutput(unsigned index) const;
  /// The type ONNX shape inference gives output `index` (a ranked tensor
  /// with `?` for unknown dims); null when ONNX does not know its rank.
  mlir::Type getOutputType(unsigned index) const;

  // Attributes.
  bool hasAttr(llvm::StringRef name) const;
  int64_t getIntAttr(llvm::StringRef name, int64_t defaultValue) const;
  float getFloatAttr(llvm::StringRef name, float defaultValue) const;
  std::string getStringAttr(llvm::StringRef name,
                            llvm::StringRef defaultValue) const;
  /// String attribute `name` (`defaultValue` when absent); an error
  /// ("attribute 'NAME' value \"V\" is not supported") and failure unless it
  /// is one of `supported`.
  llvm::FailureOr<std::string>
  getStringAttrChoice(llvm::StringRef name, llvm::StringRef defaultValue,
                      llvm::ArrayRef<llvm::StringRef> supported) const;
  /// An INTS attribute; `defaultValue` when the node does not have it.
  llvm::SmallVector<int64_t>
  getIntsAttr(llvm::StringRef name,
              llvm::ArrayRef<int64_t> defaultValue = {}) const;
  llvm::SmallVector<float>
  getFloatsAttr(llvm::StringRef name,
                llvm::ArrayRef<float> defaultValue = {}) const;
  llvm::SmallVector<std::string>
  getStringsAttr(llvm::StringRef name,
                 llvm::ArrayRef<llvm::StringRef> defaultValue = {}) const;
  /// A TENSOR attribute as an elements attribute; null (after an error) when
  /// absent or of an unsupported element type.
  mlir::ElementsAttr getTensorAttr(llvm::StringRef name) const;

  /// Maps the node's outputs, in order, to `values` (a null value for an
  /// absent optional output). Where ONNX shape inference knows more about an
  /// output than the operation inferred (a static size for a `?`), the
  /// result's type is refined; where the two disagree, this is an error.
  llvm::LogicalResult setResults(mlir::ValueRange values);
  llvm::LogicalResult setResults(mlir::Operation *op) {
    return setResults(op->getResults());
  }

  /// An error at the node: "node 'NAME' (OP_TYPE): ...".
  mlir::InFlightDiagnostic emitError() const;

private:
  /// Records the operations the converter creates.
  struct CreatedOps : mlir::OpBuilder::Listener {
    void notifyOperationInserted(mlir::Operation *op,
                                 mlir::OpBuilder::InsertPoint) override {
      ops.push_back(op);
    }
    llvm::SmallVector<mlir::Operation *> ops;
  };

  const onnx::AttributeProto *findAttr(llvm::StringRef name) const;
  /// Folds the created operations in order; returns what each folded
  /// result became.
  llvm::DenseMap<mlir::Value, mlir::Value> foldCreatedOps();

  CreatedOps created;
  ModelImporter &model;
  const onnx::NodeProto &node;
  mlir::OpBuilder &builder;
  mlir::Location loc;
  int64_t opsetVersion;
};

/// Converts one node; returns failure after emitting an error.
using NodeConverter = llvm::LogicalResult (*)(NodeImporter &node);

/// The converters of the ai.onnx domain, by op type.
class ConverterRegistry {
public:
  ConverterRegistry();
  void add(llvm::StringRef opType, NodeConverter converter) {
    converters[opType] = converter;
  }
  NodeConverter lookup(llvm::StringRef opType) const {
    return converters.lookup(opType);
  }

private:
  llvm::StringMap<NodeConverter> converters;
};

/// Every converter, built once.
const ConverterRegistry &getConverterRegistry();

// One populate function per operator family (one file each).
void populateCoreConverters(ConverterRegistry &registry);
void populateElementwiseConverters(ConverterRegistry &registry);
void populateNNConverters(ConverterRegistry &registry);
void populateDataMovementConverters(ConverterRegistry &registry);
void populateIndexingConverters(ConverterRegistry &registry);
void populateReductionConverters(ConverterRegistry &registry);
void populateRecurrentConverters(ConverterRegistry &registry);
void populateVisionConverters(ConverterRegistry &registry);
void populateSignalConverters(ConverterRegistry &registry);

} // namespace tessera::onnx_import

#endif // TESSERA_LIB_TARGET_ONNX_NODEIMPORTER_H
