//===- HoistVectorTransfers.cpp - Vector accumulators out of loops --------===//

#include "tessera/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/Transforms/Hoisting.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

namespace tessera {
#define GEN_PASS_DEF_HOISTVECTORTRANSFERS
#include "tessera/Transforms/Passes.h.inc"
} // namespace tessera

namespace {

struct HoistVectorTransfersPass
    : tessera::impl::HoistVectorTransfersBase<HoistVectorTransfersPass> {
  void runOnOperation() override {
    mlir::linalg::hoistRedundantVectorTransfers(getOperation());
  }
};

} // namespace
