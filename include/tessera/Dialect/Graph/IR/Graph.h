//===- Graph.h - The graph dialect ----------------------------------------===//

#ifndef TESSERA_DIALECT_GRAPH_IR_GRAPH_H
#define TESSERA_DIALECT_GRAPH_IR_GRAPH_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "tessera/Dialect/Graph/IR/GraphDialect.h.inc"

namespace tessera::graph {

/// Whether `actual` result types may stand for `inferred` ones: same element
/// types and ranks, and every inferred static dimension kept (a `?` may be
/// refined to a static size and vice versa).
bool areCompatibleTensorTypes(mlir::TypeRange inferred,
                              mlir::TypeRange actual);

/// The numpy-broadcast shape of two shapes. Never fails: a pair of static
/// sizes that cannot broadcast gives `?` (verifyBroadcastable reports it).
llvm::SmallVector<int64_t> broadcastShapes(llvm::ArrayRef<int64_t> lhs,
                                           llvm::ArrayRef<int64_t> rhs);

/// Infers the numpy-broadcast result of two ranked tensors. The element type
/// is `elementType` when given (comparisons give i1), `lhs`'s otherwise.
void inferBroadcastResult(mlir::Type lhs, mlir::Type rhs,
                          mlir::Type elementType,
                          llvm::SmallVectorImpl<mlir::Type> &inferred);

/// Emits "operands of types ... do not broadcast" on `op` when the shapes of
/// `lhs` and `rhs` cannot broadcast.
llvm::LogicalResult verifyBroadcastable(mlir::Operation *op, mlir::Type lhs,
                                        mlir::Type rhs);

/// The integer values of `value` when it is a constant (graph.constant or any
/// op that folds to one), e.g. the `shape` operand of reshape; std::nullopt
/// otherwise.
std::optional<llvm::SmallVector<int64_t>> getConstantIntValues(mlir::Value value);

/// The single value of a constant one-element integer tensor (e.g. topk's
/// `k`); std::nullopt when `value` is not such a constant.
std::optional<int64_t> getConstantIntScalar(mlir::Value value);

/// The values of a constant float tensor (or of an integer one, converted),
/// e.g. resize's `scales`; std::nullopt when `value` is not a constant.
std::optional<llvm::SmallVector<double>>
getConstantFloatValues(mlir::Value value);

/// The type of `value`, which the op's ODS constraints make a ranked tensor.
inline mlir::RankedTensorType getRankedTensorType(mlir::Value value) {
  return mlir::cast<mlir::RankedTensorType>(value.getType());
}

/// `axis` in [-rank, rank) made non-negative; std::nullopt when out of range.
std::optional<int64_t> normalizeAxis(int64_t axis, int64_t rank);

} // namespace tessera::graph

#define GET_OP_CLASSES
#include "tessera/Dialect/Graph/IR/GraphOps.h.inc"
#define GET_OP_CLASSES
#include "tessera/Dialect/Graph/IR/GraphElementwiseOps.h.inc"
#define GET_OP_CLASSES
#include "tessera/Dialect/Graph/IR/GraphNNOps.h.inc"
#define GET_OP_CLASSES
#include "tessera/Dialect/Graph/IR/GraphDataMovementOps.h.inc"
#define GET_OP_CLASSES
#include "tessera/Dialect/Graph/IR/GraphIndexingOps.h.inc"
#define GET_OP_CLASSES
#include "tessera/Dialect/Graph/IR/GraphReductionOps.h.inc"
#define GET_OP_CLASSES
#include "tessera/Dialect/Graph/IR/GraphRecurrentOps.h.inc"
#define GET_OP_CLASSES
#include "tessera/Dialect/Graph/IR/GraphVisionOps.h.inc"
#define GET_OP_CLASSES
#include "tessera/Dialect/Graph/IR/GraphSignalOps.h.inc"

#endif // TESSERA_DIALECT_GRAPH_IR_GRAPH_H
