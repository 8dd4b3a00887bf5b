//===- PrefetchPanels.cpp - Rows of packed panels prefetched ahead --------===//

#include "tessera/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

namespace tessera {
#define GEN_PASS_DEF_PREFETCHPANELS
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

struct PrefetchPanelsPass
    : tessera::impl::PrefetchPanelsBase<PrefetchPanelsPass> {
  using Base::Base;

  void runOnOperation() override {
    getOperation().walk([&](scf::ForOp loop) {
      std::optional<int64_t> lower = getConstantIntValue(loop.getLowerBound());
      std::optional<int64_t> upper = getConstantIntValue(loop.getUpperBound());
      std::optional<int64_t> step = getConstantIntValue(loop.getStep());
      if (!lower || !upper || step != 1 || *upper <= *lower)
        return;
      // A register tile's K loop carries its accumulators; other loops
      // (copies of planes, say) read their rows once, in order.
      bool carriesAccumulators =
          llvm::any_of(loop.getRegionIterArgs(), [](Value value) {
            return isa<VectorType>(value.getType());
          });
      // One set of prefetches per row, however many transfers read it.
      llvm::SmallDenseSet<std::pair<Value, Value>> rows;
      for (auto read : loop.getBody()->getOps<vector::TransferReadOp>()) {
        auto type = dyn_cast<MemRefType>(read.getBase().getType());
        // Rows of K (dimension 1) of panels of a static width.
        if (!type || type.getRank() != 3 || type.isDynamicDim(2) ||
            indexAlong(read, loop.getInductionVar()) != 1u ||
            !rows.insert({read.getBase(), read.getIndices()[1]}).second)
          continue;
        if (rowsAhead > 0 && carriesAccumulators)
          prefetchRow(read, rowsAhead, /*localityHint=*/3);
        auto global = read.getBase().getDefiningOp<memref::GetGlobalOp>();
        if (global && type.hasStaticShape() &&
            type.getNumElements() * type.getElementTypeBitWidth() / 8 >=
                minBytes)
          prefetchRow(read, *upper - *lower, /*localityHint=*/2);
      }
    });
  }

  /// Adds the prefetches of each cache line of the row `ahead` rows along K
  /// from the one `read` reads, to the cache level of `localityHint` (3:
  /// L1, 2: L2).
  static void prefetchRow(vector::TransferReadOp read, int64_t ahead,
                          uint32_t localityHint) {
    auto type = cast<MemRefType>(read.getBase().getType());
    int64_t elementBytes =
        std::max<int64_t>(1, type.getElementTypeBitWidth() / 8);
    OpBuilder builder(read);
    Location loc = read.getLoc();
    SmallVector<Value> indices(read.getIndices());
    indices[1] = addConstant(builder, loc, indices[1], ahead);
    int64_t lineElements = std::max<int64_t>(1, kCacheLineBytes / elementBytes);
    for (int64_t column = 0; column < type.getDimSize(2);
         column += lineElements) {
      indices[2] = arith::ConstantIndexOp::create(builder, loc, column);
      memref::PrefetchOp::create(builder, loc, read.getBase(), indices,
                                 /*isWrite=*/false, localityHint,
                                 /*isDataCache=*/true);
    }
  }
};

} // namespace
