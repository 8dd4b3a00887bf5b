//===- DataMovementUtils.h - Shape rules shared by data-movement ops ------===//
//
// Private to DataMovementOps.cpp (inference, verifiers) and
// DataMovementFolds.cpp (folders, canonicalization patterns).
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_LIB_DIALECT_GRAPH_IR_DATAMOVEMENTUTILS_H
#define TESSERA_LIB_DIALECT_GRAPH_IR_DATAMOVEMENTUTILS_H

#include "tessera/Dialect/Graph/IR/Graph.h"

#include "mlir/IR/Matchers.h"

namespace tessera::graph::data_movement {

/// The number of elements of `shape`; std::nullopt when a size is dynamic or
/// the count overflows.
std::optional<int64_t> getNumElements(llvm::ArrayRef<int64_t> shape);

/// `axes` made non-negative; std::nullopt when one is out of range or repeats.
std::optional<llvm::SmallVector<int64_t>>
normalizeAxes(llvm::ArrayRef<int64_t> axes, int64_t rank);

/// Whether `perm` is a permutation of [0, rank).
bool isPermutation(llvm::ArrayRef<int64_t> perm, int64_t rank);

/// Whether `op`'s result types are exactly those it infers (so its operands
/// and attributes are consistent and static where its results are).
bool hasInferredTypes(mlir::Operation *op);

/// The shape ONNX Reshape gives `input` for a constant `shape`: 0 copies the
/// input's size (unless `allowZero`), one -1 takes the remaining count; `?`
/// where that is unknown or invalid.
llvm::SmallVector<int64_t> inferReshape(llvm::ArrayRef<int64_t> input,
                                        llvm::ArrayRef<int64_t> shape,
                                        bool allowZero);

/// The elements one axis of a slice takes: `count` elements from `start` in
/// steps of `step`.
struct SliceRange {
  int64_t start, count, step;
};
/// Clamps ONNX Slice bounds to an axis of static `size`; std::nullopt for a
/// dynamic size or a 0 step.
std::optional<SliceRange> resolveSlice(int64_t start, int64_t end,
                                       int64_t step, int64_t size);

/// A slice's constant operands, axes normalized and defaults filled in.
struct SliceParams {
  llvm::SmallVector<int64_t> starts, ends, axes, steps;
};
/// std::nullopt unless every operand is constant and valid.
std::optional<SliceParams> getSliceParams(SliceOp::Adaptor adaptor,
                                          int64_t rank);

/// The [start, end) dimensions graph.shape reports for a tensor of `rank`.
std::pair<int64_t, int64_t> getShapeBounds(ShapeOp::Adaptor adaptor,
                                           int64_t rank);
/// The sizes graph.shape reports (`?` where not static).
llvm::SmallVector<int64_t> getShapeSizes(ShapeOp::Adaptor adaptor);

/// The sizes of a split's parts along its axis when known.
std::optional<llvm::SmallVector<int64_t>>
getSplitSizes(SplitOp::Adaptor adaptor);

/// The number of elements of graph.range for constant operands.
std::optional<int64_t> getRangeLength(mlir::Attribute start,
                                      mlir::Attribute limit,
                                      mlir::Attribute delta);

} // namespace tessera::graph::data_movement

#endif // TESSERA_LIB_DIALECT_GRAPH_IR_DATAMOVEMENTUTILS_H
