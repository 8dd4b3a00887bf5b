//===- WindowTiles.cpp - Window copies made tile by tile ------------------===//
//
// A convolution rewritten as a contraction reads a copy of its input
// windows, which is as large as the input times the filter's taps (7 MiB
// for resnet50's first 3x3 convolutions). Made whole before the
// contraction, it goes through memory; made by each tile of the
// contraction for itself, it is written and read in cache; with unit
// strides, a register tile reads the windows from the input in place.
//
//===----------------------------------------------------------------------===//

#include "KernelRewrites.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Affine/ViewLikeInterfaceUtils.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Interfaces/TilingInterface.h"
#include "mlir/Transforms/WalkPatternRewriteDriver.h"

#include <numeric>

using namespace mlir;

namespace {
/// A loop's induction variable with its bounds and step, where constant.
struct LoopDimension {
  Value iv;
  std::optional<int64_t> lowerBound, upperBound, step;
};
} // namespace

/// The induction variables of `loop` with their constant bounds and steps;
/// empty when the loop does not say.
static SmallVector<LoopDimension> getLoopDimensions(LoopLikeOpInterface loop) {
  std::optional<SmallVector<Value>> ivs = loop.getLoopInductionVars();
  std::optional<SmallVector<OpFoldResult>> lowerBounds =
      loop.getLoopLowerBounds();
  std::optional<SmallVector<OpFoldResult>> upperBounds =
      loop.getLoopUpperBounds();
  std::optional<SmallVector<OpFoldResult>> steps = loop.getLoopSteps();
  SmallVector<LoopDimension> dimensions;
  if (!ivs || !lowerBounds || !upperBounds || !steps)
    return dimensions;
  for (auto [iv, lowerBound, upperBound, step] :
       llvm::zip_equal(*ivs, *lowerBounds, *upperBounds, *steps))
    dimensions.push_back({iv, getConstantIntValue(lowerBound),
                          getConstantIntValue(upperBound),
                          getConstantIntValue(step)});
  return dimensions;
}

/// The largest constant known to divide `value`: a constant itself, or the
/// induction variable of a loop whose lower bound and step are constants
/// (their greatest common divisor). 0 when the value is 0; 1 when nothing
/// is known.
static uint64_t knownDivisor(OpFoldResult value) {
  if (std::optional<int64_t> constant = getConstantIntValue(value))
    return std::abs(*constant);
  auto iv = dyn_cast<BlockArgument>(cast<Value>(value));
  auto loop = iv ? dyn_cast<LoopLikeOpInterface>(iv.getOwner()->getParentOp())
                 : LoopLikeOpInterface();
  if (!loop)
    return 1;
  for (const LoopDimension &dimension : getLoopDimensions(loop))
    if (dimension.iv == iv && dimension.lowerBound && dimension.step)
      return std::gcd(std::abs(*dimension.lowerBound),
                      std::abs(*dimension.step));
  return 1;
}

namespace {
/// How a slice of one collapsed group is a slice of its source dimensions:
/// a run along dimension `along` of the group (whole inside it, one
/// element outside it) of `length` elements in it, each `inner` long.
struct GroupRun {
  int64_t along, inner, length;
};
} // namespace

/// The runs of the slice that `offsets` and `sizes` (unit strides, in
/// bounds) take of `collapse`'s result, when each group of source
/// dimensions gives one contiguous run: a group sliced whole, or sliced
/// along one dimension with an offset known to be a multiple of the size,
/// so that a run never crosses the dimension's end.
static std::optional<SmallVector<GroupRun>>
getGroupRuns(tensor::CollapseShapeOp collapse, ArrayRef<OpFoldResult> offsets,
             ArrayRef<OpFoldResult> sizes) {
  ArrayRef<int64_t> shape = collapse.getSrcType().getShape();
  SmallVector<GroupRun> runs;
  for (auto [group, offset, size] :
       llvm::zip_equal(collapse.getReassociationIndices(), offsets, sizes)) {
    std::optional<int64_t> staticSize = getConstantIntValue(size);
    if (!staticSize)
      return std::nullopt;
    // Dimensions inside the run are whole.
    int64_t inner = 1;
    int64_t along = group.size() - 1;
    for (; along > 0 && *staticSize % (inner * shape[group[along]]) == 0;
         --along)
      inner *= shape[group[along]];
    int64_t extent = shape[group[along]];
    if (*staticSize % inner != 0 || extent % (*staticSize / inner) != 0)
      return std::nullopt;
    uint64_t divisor = knownDivisor(offset);
    bool wholeGroup = along == 0 && *staticSize == inner * extent;
    if (!wholeGroup && divisor != 0 && divisor % *staticSize != 0)
      return std::nullopt;
    runs.push_back({along, inner, *staticSize / inner});
  }
  return runs;
}

/// The offsets and sizes in `collapse`'s source of the slice at `offsets`
/// of its result made of `runs`.
static void sliceBeforeCollapse(RewriterBase &rewriter, Location loc,
                                tensor::CollapseShapeOp collapse,
                                ArrayRef<OpFoldResult> offsets,
                                ArrayRef<GroupRun> runs,
                                SmallVectorImpl<OpFoldResult> &sourceOffsets,
                                SmallVectorImpl<OpFoldResult> &sourceSizes) {
  ArrayRef<int64_t> shape = collapse.getSrcType().getShape();
  for (auto [group, offset, run] :
       llvm::zip_equal(collapse.getReassociationIndices(), offsets, runs)) {
    // A slice of the whole group starts at 0 (it is in bounds). Otherwise
    // offset = the sum of the dimensions' offsets times their strides in
    // the group; the outermost offset is in bounds.
    if (run.along == 0 && run.length == shape[group[0]]) {
      for (int64_t dim : group) {
        sourceOffsets.push_back(rewriter.getIndexAttr(0));
        sourceSizes.push_back(rewriter.getIndexAttr(shape[dim]));
      }
      continue;
    }
    SmallVector<OpFoldResult> groupOffsets;
    AffineExpr flat = rewriter.getAffineDimExpr(0);
    int64_t stride = run.inner;
    for (int64_t index = run.along; index >= 0; --index) {
      int64_t extent = shape[group[index]];
      AffineExpr position = flat.floorDiv(stride);
      groupOffsets.push_back(affine::makeComposedFoldedAffineApply(
          rewriter, loc, index == 0 ? position : position % extent, {offset}));
      stride *= extent;
    }
    sourceOffsets.append(groupOffsets.rbegin(), groupOffsets.rend());
    for (int64_t index = 0; index < run.along; ++index)
      sourceSizes.push_back(rewriter.getIndexAttr(1));
    sourceSizes.push_back(rewriter.getIndexAttr(run.length));
    for (int64_t index = run.along + 1; index < int64_t(group.size());
         ++index) {
      sourceOffsets.push_back(rewriter.getIndexAttr(0));
      sourceSizes.push_back(rewriter.getIndexAttr(shape[group[index]]));
    }
  }
}

/// Whether the iterations of `loop` take different slices with `slice`:
/// its offsets use each induction variable of more than one iteration
/// (directly or through an affine.apply). Otherwise iterations would copy
/// the same windows again.
static bool takesDistinctSlices(LoopLikeOpInterface loop,
                                tensor::ExtractSliceOp slice) {
  llvm::SmallPtrSet<Value, 8> used;
  for (Value offset : slice.getOffsets()) {
    used.insert(offset);
    if (auto apply = offset.getDefiningOp<affine::AffineApplyOp>())
      used.insert(apply.getOperands().begin(), apply.getOperands().end());
  }
  SmallVector<LoopDimension> dimensions = getLoopDimensions(loop);
  if (dimensions.empty())
    return false;
  for (const LoopDimension &dimension : dimensions) {
    bool once =
        dimension.lowerBound && dimension.upperBound && dimension.step &&
        *dimension.lowerBound + *dimension.step >= *dimension.upperBound;
    if (!once && !used.contains(dimension.iv))
      return false;
  }
  return true;
}

SmallVector<linalg::LinalgOp>
tessera::copyWindowsPerTile(RewriterBase &rewriter, LoopLikeOpInterface loop) {
  SmallVector<tensor::ExtractSliceOp> slices;
  loop->walk([&](tensor::ExtractSliceOp slice) {
    auto collapse = slice.getSource().getDefiningOp<tensor::CollapseShapeOp>();
    if (!collapse || loop->isAncestor(collapse) || !collapse->hasOneUse())
      return;

    Operation *copy = collapse.getSrc().getDefiningOp();
    if (isCopyKernel(copy) && copy->hasOneUse() && slice.hasUnitStride() &&
        slice.getType().getRank() == slice.getSourceType().getRank() &&
        takesDistinctSlices(loop, slice))
      slices.push_back(slice);
  });
  SmallVector<linalg::LinalgOp> copies;
  for (tensor::ExtractSliceOp slice : slices) {
    auto collapse = slice.getSource().getDefiningOp<tensor::CollapseShapeOp>();
    std::optional<SmallVector<GroupRun>> runs =
        getGroupRuns(collapse, slice.getMixedOffsets(), slice.getMixedSizes());
    if (!runs)
      continue;
    rewriter.setInsertionPoint(slice);
    SmallVector<OpFoldResult> offsets, sizes;
    sliceBeforeCollapse(rewriter, slice.getLoc(), collapse,
                        slice.getMixedOffsets(), *runs, offsets, sizes);
    auto copy = collapse.getSrc().getDefiningOp<TilingInterface>();
    FailureOr<TilingResult> tile = copy.generateResultTileValue(
        rewriter, cast<OpResult>(collapse.getSrc()).getResultNumber(), offsets,
        sizes);
    if (failed(tile))
      continue;
    rewriter.replaceOpWithNewOp<tensor::CollapseShapeOp>(
        slice, slice.getType(), tile->tiledValues[0],
        collapse.getReassociationIndices());
    rewriter.eraseOp(collapse);
    rewriter.eraseOp(copy);
    copies.push_back(cast<linalg::LinalgOp>(tile->tiledOps[0]));
  }
  return copies;
}

/// The coefficient of loop `dim` in `expr`, when `expr` is linear in the
/// loops (sums of loops times constants, and constants).
static std::optional<int64_t> getCoefficient(AffineExpr expr, unsigned dim) {
  if (auto loop = dyn_cast<AffineDimExpr>(expr))
    return loop.getPosition() == dim ? 1 : 0;
  if (isa<AffineConstantExpr>(expr))
    return 0;
  auto binary = dyn_cast<AffineBinaryOpExpr>(expr);
  if (!binary)
    return std::nullopt;
  std::optional<int64_t> lhs = getCoefficient(binary.getLHS(), dim);
  std::optional<int64_t> rhs = getCoefficient(binary.getRHS(), dim);
  if (!lhs || !rhs)
    return std::nullopt;
  if (binary.getKind() == AffineExprKind::Add)
    return *lhs + *rhs;
  auto factor = dyn_cast<AffineConstantExpr>(binary.getRHS());
  if (binary.getKind() == AffineExprKind::Mul && factor)
    return *lhs * factor.getValue();
  return std::nullopt;
}

/// Whether a copy that `read`s its input so reads each row it writes (its
/// innermost loop) as a contiguous row of the input: a window copy with
/// unit stride and dilation along the rows.
static bool readsContiguousRows(AffineMap read) {
  unsigned row = read.getNumDims() - 1;
  for (auto [index, result] : llvm::enumerate(read.getResults())) {
    std::optional<int64_t> coefficient = getCoefficient(result, row);
    if (coefficient != (index + 1 == read.getNumResults() ? 1 : 0))
      return false;
  }
  return true;
}

bool tessera::isContiguousWindowCopy(Operation *op) {
  auto copy = dyn_cast_or_null<linalg::GenericOp>(op);
  if (!copy || !isCopyKernel(copy) ||
      !copy.getMatchingIndexingMap(copy.getDpsInitOperand(0)).isIdentity())
    return false;
  // Windows index the input with sums (oh + kh; a copy into a concatenation
  // with offsets, c + 232, reads shifted rows just as well); a transpose,
  // whose indices are loops, is no window copy.
  AffineMap read = copy.getMatchingIndexingMap(copy.getDpsInputOperand(0));
  return !read.isProjectedPermutation() && readsContiguousRows(read);
}

namespace {
/// Records what replaces the result of an op in a rewrite.
struct ReplacementListener : RewriterBase::Listener {
  Operation *replaced;
  Value replacement;
  explicit ReplacementListener(Operation *replaced) : replaced(replaced) {}
  void notifyOperationReplaced(Operation *op, ValueRange values) override {
    if (op == replaced && values.size() == 1)
      replacement = values.front();
  }
};
} // namespace

FailureOr<linalg::GenericOp>
tessera::readWindowsInPlace(RewriterBase &rewriter, linalg::GenericOp tile) {
  unsigned windowsOperand = 0;
  tensor::ExtractSliceOp slice;
  tensor::CollapseShapeOp collapse;
  linalg::GenericOp copy;
  for (OpOperand *input : tile.getDpsInputOperands()) {
    auto inputSlice = input->get().getDefiningOp<tensor::ExtractSliceOp>();
    if (!inputSlice || !inputSlice.hasUnitStride())
      continue;
    // The slice may be one of a thread tile's slice.
    auto outer = inputSlice.getSource().getDefiningOp<tensor::ExtractSliceOp>();
    auto inputCollapse = (outer ? outer.getSource() : inputSlice.getSource())
                             .getDefiningOp<tensor::CollapseShapeOp>();
    auto inputCopy =
        inputCollapse
            ? inputCollapse.getSrc().getDefiningOp<linalg::GenericOp>()
            : nullptr;
    if (!inputCopy || !isContiguousWindowCopy(inputCopy) ||
        inputSlice.getType().getRank() != inputSlice.getSourceType().getRank())
      continue;
    if (outer) {
      SmallVector<OpFoldResult> offsets, sizes, strides;
      rewriter.setInsertionPoint(inputSlice);
      if (!outer.hasUnitStride() ||
          outer.getType().getRank() != outer.getSourceType().getRank() ||
          failed(affine::mergeOffsetsSizesAndStrides(
              rewriter, inputSlice.getLoc(), outer, inputSlice,
              llvm::SmallBitVector(outer.getType().getRank()), offsets, sizes,
              strides)))
        continue;
      inputSlice = rewriter.replaceOpWithNewOp<tensor::ExtractSliceOp>(
          inputSlice, inputSlice.getType(), outer.getSource(), offsets, sizes,
          strides);
    }
    windowsOperand = input->getOperandNumber();
    slice = inputSlice;
    collapse = inputCollapse;
    copy = inputCopy;
  }
  if (!copy || tile->getNumResults() != 1)
    return failure();
  std::optional<SmallVector<GroupRun>> runs =
      getGroupRuns(collapse, slice.getMixedOffsets(), slice.getMixedSizes());
  if (!runs)
    return failure();

  // A candidate tile reads a copy of just its windows; `tile` stays until
  // the candidate reads them in place.
  Location loc = tile.getLoc();
  rewriter.setInsertionPoint(tile);
  SmallVector<OpFoldResult> offsets, sizes;
  sliceBeforeCollapse(rewriter, loc, collapse, slice.getMixedOffsets(), *runs,
                      offsets, sizes);
  FailureOr<TilingResult> copied =
      cast<TilingInterface>(copy.getOperation())
          .generateResultTileValue(rewriter, 0, offsets, sizes);
  if (failed(copied))
    return failure();
  Value copiedWindows = copied->tiledValues[0];
  auto collapsed = tensor::CollapseShapeOp::create(
      rewriter, loc, slice.getType(), copiedWindows,
      collapse.getReassociationIndices());
  auto candidate = cast<linalg::GenericOp>(rewriter.clone(*tile));
  rewriter.modifyOpInPlace(
      candidate, [&] { candidate->setOperand(windowsOperand, collapsed); });
  auto discard = [&](Operation *reader) {
    rewriter.eraseOp(reader);
    if (collapsed && collapsed->use_empty())
      rewriter.eraseOp(collapsed);
    for (Operation *op : llvm::reverse(copied->tiledOps))
      if (op->use_empty())
        rewriter.eraseOp(op);
    return failure();
  };

  // Its loop over collapsed windows becomes the copy's loops.
  RewritePatternSet patterns(rewriter.getContext());
  linalg::populateFoldReshapeOpsByExpansionPatterns(
      patterns, [&](OpOperand *operand) {
        return operand->get() == collapsed.getResult();
      });
  // (The walk neither folds nor erases the candidate, which nothing reads.)
  ReplacementListener expansion(candidate);
  walkAndApplyPatterns(candidate->getParentOp(), std::move(patterns),
                       &expansion);
  // The candidate's result: the expanded tile's, or a collapse of it (the
  // reshape fusion replaces a generic with one of these; when it did not
  // apply, the candidate is still there).
  Value result = expansion.replacement;
  Value expandedResult = result;
  if (auto reshape =
          result ? result.getDefiningOp<tensor::CollapseShapeOp>() : nullptr)
    expandedResult = reshape.getSrc();
  auto expanded = expandedResult
                      ? expandedResult.getDefiningOp<linalg::GenericOp>()
                      : linalg::GenericOp();
  if (!expanded)
    return result ? failure() : discard(candidate);
  // Only the expanded tile reads the copy now.
  if (collapsed->use_empty()) {
    rewriter.eraseOp(collapsed);
    collapsed = nullptr;
  }
  auto discardExpanded = [&]() {
    if (Operation *reshape = result.getDefiningOp();
        reshape != expanded && reshape->use_empty())
      rewriter.eraseOp(reshape);
    return discard(expanded);
  };

  // The copy, fused into it, leaves reads of its input.
  OpOperand *read = nullptr;
  for (OpOperand *input : expanded.getDpsInputOperands())
    if (input->get() == copiedWindows)
      read = input;
  if (!read || !linalg::areElementwiseOpsFusable(read))
    return discardExpanded();
  rewriter.setInsertionPoint(expanded);
  FailureOr<linalg::ElementwiseOpFusionResult> fused =
      linalg::fuseElementwiseOps(rewriter, read);
  if (failed(fused))
    return discardExpanded();
  for (auto [original, replacement] : fused->replacements)
    rewriter.replaceAllUsesWith(original, replacement);
  if (Value replacement = fused->replacements.lookup(result))
    result = replacement;
  (void)discard(expanded);
  fused->fusedOp->setDiscardableAttrs(tile->getDiscardableAttrDictionary());
  rewriter.replaceOp(tile, result);
  if (slice->use_empty())
    rewriter.eraseOp(slice);
  return cast<linalg::GenericOp>(fused->fusedOp);
}
