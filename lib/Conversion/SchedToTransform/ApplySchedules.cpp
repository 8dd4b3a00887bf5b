//===- ApplySchedules.cpp - Apply a schedule file to Linalg kernels -------===//
//
// Loads a schedule file (sched.schedule ops, or a transform library with a
// @__transform_main), converts schedules to transform sequences, checks
// them against the kernels they name and runs the transform interpreter on
// the module.
//
//===----------------------------------------------------------------------===//

#include "tessera/Conversion/Passes.h"
#include "tessera/Dialect/Sched/IR/LoopNest.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Dialect/Transform/IR/TransformDialect.h"
#include "mlir/Dialect/Transform/Interfaces/TransformInterfaces.h"
#include "mlir/Dialect/Transform/Transforms/TransformInterpreterUtils.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Parser/Parser.h"

namespace tessera {
#define GEN_PASS_DEF_APPLYSCHEDULES
#include "tessera/Conversion/Passes.h.inc"
} // namespace tessera

using namespace mlir;
using namespace tessera;
using namespace tessera::sched;

/// Rejects a schedule that does not fit a kernel it names: another number
/// of loops, or reduction loops run in parallel.
static LogicalResult verifyAgainstKernels(ScheduleOp schedule,
                                          ModuleOp payload) {
  FailureOr<LoopNest> nest = LoopNest::build(schedule);
  if (failed(nest))
    return failure();
  WalkResult result = payload.walk([&](Operation *op) {
    auto kernel = dyn_cast<linalg::LinalgOp>(op);
    if (!kernel)
      return WalkResult::advance();
    auto stage = kernel->getAttrOfType<StringAttr>("te.stage");
    if (!stage || stage.getValue() != schedule.getStage())
      return WalkResult::advance();
    if (kernel.getNumLoops() != nest->getNumAxes()) {
      nest->getAxesOp().emitOpError("names ")
              .append(nest->getNumAxes(), " axes but kernel '",
                      schedule.getStage(), "' has ", kernel.getNumLoops(),
                      " loops")
              .attachNote(kernel->getLoc())
          << "kernel here";
      return WalkResult::interrupt();
    }
    SmallVector<bool> isReduction = llvm::map_to_vector(
        kernel.getIteratorTypesArray(), [](utils::IteratorType type) {
          return type == utils::IteratorType::reduction;
        });
    return failed(nest->verifyReductionAxes(isReduction))
               ? WalkResult::interrupt()
               : WalkResult::advance();
  });
  return failure(result.wasInterrupted());
}

namespace {

struct ApplySchedulesPass
    : tessera::impl::ApplySchedulesBase<ApplySchedulesPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp payload = getOperation();
    ParserConfig config(&getContext());
    OwningOpRef<ModuleOp> schedules =
        parseSourceFile<ModuleOp>(schedFile, config);
    if (!schedules) {
      payload.emitError("cannot load schedule file '") << schedFile << "'";
      return signalPassFailure();
    }
    for (ScheduleOp schedule : schedules->getOps<ScheduleOp>())
      if (failed(verifyAgainstKernels(schedule, payload)))
        return signalPassFailure();
    if (failed(convertSchedulesToTransform(*schedules)))
      return signalPassFailure();

    transform::TransformOpInterface entryPoint =
        transform::detail::findTransformEntryPoint(
            *schedules, ModuleOp(),
            transform::TransformDialect::kTransformEntryPointSymbolName);
    if (!entryPoint)
      return signalPassFailure();
    if (failed(transform::applyTransformNamedSequence(
            payload, entryPoint, *schedules, transform::TransformOptions())))
      signalPassFailure();
  }
};

} // namespace
