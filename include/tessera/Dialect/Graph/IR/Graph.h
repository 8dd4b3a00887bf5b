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

/// Infers the numpy-broadcast result of two ranked tensors. The element type
/// is `elementType` when given (comparisons give i1), `lhs`'s otherwise.
/// Emits an error at `location` when the shapes cannot broadcast.
llvm::LogicalResult
inferBroadcastResult(std::optional<mlir::Location> location, mlir::Type lhs,
                     mlir::Type rhs, mlir::Type elementType,
                     llvm::SmallVectorImpl<mlir::Type> &inferred);

} // namespace tessera::graph

#define GET_OP_CLASSES
#include "tessera/Dialect/Graph/IR/GraphOps.h.inc"
#define GET_OP_CLASSES
#include "tessera/Dialect/Graph/IR/GraphElementwiseOps.h.inc"

#endif // TESSERA_DIALECT_GRAPH_IR_GRAPH_H
