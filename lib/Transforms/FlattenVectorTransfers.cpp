//===- FlattenVectorTransfers.cpp - Short rows as one transfer ------------===//

#include "tessera/Transforms/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Dialect/Vector/Transforms/VectorRewritePatterns.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace tessera {
#define GEN_PASS_DEF_FLATTENVECTORTRANSFERS
#include "tessera/Transforms/Passes.h.inc"
} // namespace tessera

using namespace mlir;

namespace {

struct FlattenVectorTransfersPass
    : tessera::impl::FlattenVectorTransfersBase<FlattenVectorTransfersPass> {
  using FlattenVectorTransfersBase::FlattenVectorTransfersBase;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    // Rows of at most this many bits are flattened: narrower than a
    // register of `vectorWidth` f32 elements.
    unsigned maxRowBits = vectorWidth * 32 - 1;
    vector::populateFlattenVectorTransferPatterns(patterns, maxRowBits);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
