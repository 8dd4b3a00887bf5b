//===- RegisterTileTransfers.cpp - Register tile transfers for the CPU ----===//

#include "tessera/Transforms/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Dialect/Vector/Transforms/VectorRewritePatterns.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace tessera {
#define GEN_PASS_DEF_REGISTERTILETRANSFERS
#include "tessera/Transforms/Passes.h.inc"
} // namespace tessera

using namespace mlir;

namespace {

/// The shape to split a read into when it reads a few contiguous elements
/// (its first vector dimension along the source's innermost one) that are
/// each broadcast along another vector dimension: one element at a time.
std::optional<SmallVector<int64_t>> broadcastRowElement(Operation *op) {
  auto read = dyn_cast<vector::TransferReadOp>(op);
  if (!read || read.getMask() || read.getVectorType().getRank() < 2)
    return std::nullopt;
  AffineMap map = read.getPermutationMap();
  ArrayRef<int64_t> shape = read.getVectorType().getShape();
  bool broadcast =
      llvm::any_of(llvm::zip(map.getResults(), shape), [](auto resultAndSize) {
        auto [result, size] = resultAndSize;
        return isa<AffineConstantExpr>(result) && size > 1;
      });
  if (!broadcast || shape[0] < 2 ||
      map.getResult(0) !=
          getAffineDimExpr(map.getNumDims() - 1, op->getContext()))
    return std::nullopt;
  SmallVector<int64_t> element(shape);
  element[0] = 1;
  return element;
}

/// A transposed transfer whose permutation map skips dimensions of its
/// source, rewritten to transfer all of them (the skipped ones as unit
/// vector dimensions, appended).
template <typename TransferOp>
struct TransferAllDimensions : OpRewritePattern<TransferOp> {
  using OpRewritePattern<TransferOp>::OpRewritePattern;

  LogicalResult matchAndRewrite(TransferOp transfer,
                                PatternRewriter &rewriter) const override {
    AffineMap map = transfer.getPermutationMap();
    if (transfer.getMask() ||
        !map.isProjectedPermutation(/*allowZeroInResults=*/false) ||
        map.getNumResults() == map.getNumDims())
      return failure();
    SmallVector<unsigned> read;
    for (AffineExpr result : map.getResults())
      read.push_back(cast<AffineDimExpr>(result).getPosition());
    // In order, the transfer is lowered to rows already.
    if (llvm::is_sorted(read))
      return failure();
    SmallVector<AffineExpr> results(map.getResults());
    SmallVector<int64_t> shape(transfer.getVectorType().getShape());
    SmallVector<bool> inBounds = transfer.getInBoundsValues();
    for (unsigned dim = 0; dim < map.getNumDims(); ++dim) {
      if (llvm::is_contained(read, dim))
        continue;
      results.push_back(rewriter.getAffineDimExpr(dim));
      shape.push_back(1);
      inBounds.push_back(true);
    }
    auto permutation = AffineMapAttr::get(
        AffineMap::get(map.getNumDims(), 0, results, rewriter.getContext()));
    auto wholeType =
        VectorType::get(shape, transfer.getVectorType().getElementType());
    ArrayAttr inBoundsAttr = rewriter.getBoolArrayAttr(inBounds);
    Location loc = transfer.getLoc();
    if constexpr (std::is_same_v<TransferOp, vector::TransferReadOp>) {
      Value whole = vector::TransferReadOp::create(
          rewriter, loc, wholeType, transfer.getBase(), transfer.getIndices(),
          permutation, transfer.getPadding(), /*mask=*/Value(), inBoundsAttr);
      rewriter.replaceOpWithNewOp<vector::ShapeCastOp>(
          transfer, transfer.getVectorType(), whole);
    } else {
      Value whole = vector::ShapeCastOp::create(rewriter, loc, wholeType,
                                                transfer.getVector());
      rewriter.replaceOpWithNewOp<vector::TransferWriteOp>(
          transfer, whole, transfer.getBase(), transfer.getIndices(),
          permutation, /*mask=*/Value(), inBoundsAttr);
    }
    return success();
  }
};

struct RegisterTileTransfersPass
    : tessera::impl::RegisterTileTransfersBase<RegisterTileTransfersPass> {
  void runOnOperation() override {
    MLIRContext *context = &getContext();
    RewritePatternSet patterns(context);
    vector::UnrollVectorOptions options;
    options.setNativeShapeFn(broadcastRowElement);
    options.setFilterConstraint([](Operation *op) {
      return success(broadcastRowElement(op).has_value());
    });
    vector::populateVectorUnrollPatterns(patterns, options);
    patterns.add<TransferAllDimensions<vector::TransferReadOp>,
                 TransferAllDimensions<vector::TransferWriteOp>>(context);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
