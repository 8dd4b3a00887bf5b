//===- PrefetchWeights.cpp - Weight panels prefetched a tile ahead --------===//

#include "tessera/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

namespace tessera {
#define GEN_PASS_DEF_PREFETCHWEIGHTS
#include "tessera/Transforms/Passes.h.inc"
} // namespace tessera

using namespace mlir;

namespace {

constexpr int64_t kCacheLineBytes = 64;

/// Position of the index of `read` that depends on `iv` (directly or through
/// the operands of its defining op), if exactly one does.
std::optional<unsigned> indexAlong(vector::TransferReadOp read, Value iv) {
  std::optional<unsigned> position;
  for (auto [i, index] : llvm::enumerate(read.getIndices())) {
    Operation *def = index.getDefiningOp();
    if (index != iv && !(def && llvm::is_contained(def->getOperands(), iv)))
      continue;
    if (position)
      return std::nullopt;
    position = i;
  }
  return position;
}

Value addConstant(OpBuilder &builder, Location loc, Value index,
                  int64_t constant) {
  if (constant == 0)
    return index;
  return arith::AddIOp::create(
      builder, loc, index,
      arith::ConstantIndexOp::create(builder, loc, constant));
}

struct PrefetchWeightsPass
    : tessera::impl::PrefetchWeightsBase<PrefetchWeightsPass> {
  using Base::Base;

  void runOnOperation() override {
    getOperation().walk([&](scf::ForOp loop) {
      std::optional<int64_t> lower = getConstantIntValue(loop.getLowerBound());
      std::optional<int64_t> upper = getConstantIntValue(loop.getUpperBound());
      std::optional<int64_t> step = getConstantIntValue(loop.getStep());
      if (!lower || !upper || step != 1 || *upper <= *lower)
        return;
      for (auto read : loop.getBody()->getOps<vector::TransferReadOp>())
        prefetchNextTrip(read, loop.getInductionVar(), *upper - *lower);
    });
  }

  /// Adds the prefetches of `read`'s row `trip` rows further along K.
  void prefetchNextTrip(vector::TransferReadOp read, Value iv, int64_t trip) {
    if (!read.getBase().getDefiningOp<memref::GetGlobalOp>())
      return;
    auto type = cast<MemRefType>(read.getBase().getType());
    int64_t elementBytes = type.getElementTypeBitWidth() / 8;
    if (type.getRank() != 3 || !type.hasStaticShape() || elementBytes == 0 ||
        type.getNumElements() * elementBytes < minBytes)
      return;
    // Rows of K (dimension 1), read whole along the panel's width.
    if (indexAlong(read, iv) != 1u)
      return;
    OpBuilder builder(read);
    Location loc = read.getLoc();
    SmallVector<Value> indices(read.getIndices());
    indices[1] = addConstant(builder, loc, indices[1], trip);
    int64_t width = type.getDimSize(2);
    int64_t lineElements = std::max<int64_t>(1, kCacheLineBytes / elementBytes);
    for (int64_t offset = 0; offset < width; offset += lineElements) {
      SmallVector<Value> line(indices);
      line[2] = addConstant(builder, loc, line[2], offset);
      // Rows past the end of the constant are past the last loop's tile:
      // a prefetch of any address is harmless (it does not fault).
      memref::PrefetchOp::create(builder, loc, read.getBase(), line,
                                 /*isWrite=*/false, /*localityHint=*/2,
                                 /*isDataCache=*/true);
    }
  }
};

} // namespace
