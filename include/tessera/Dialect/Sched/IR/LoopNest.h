//===- LoopNest.h - The loop nest a schedule describes --------------------===//
//
// Replays a sched.schedule's primitives into the loop nest they describe:
// the loops outermost first, each with its axis, its stride (how far the
// axis index moves per iteration) and its annotations. The schedule verifier
// uses it to reject illegal schedules at the primitive that makes them so,
// and convert-sched-to-transform to emit the transform ops.
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_DIALECT_SCHED_IR_LOOPNEST_H
#define TESSERA_DIALECT_SCHED_IR_LOOPNEST_H

#include "tessera/Dialect/Sched/IR/Sched.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

namespace tessera::sched {

/// A loop factor: a constant, or the value of a knob when `knob` is set.
struct Factor {
  int64_t constant = 0;
  KnobOp knob;
};

/// One loop of the final nest.
struct Loop {
  /// The handle that names the loop (or the sched.fuse result it is part of:
  /// see `fusedHandle`).
  mlir::Value handle;
  /// The sched.axes position of the axis the loop iterates.
  unsigned axis = 0;
  /// Whether the loop iterates the packed (inner, contiguous) part of a
  /// sched.pack of `axis`.
  bool packedInner = false;
  /// The factors whose product is the loop's step in its axis' index space
  /// (after packing); empty for the innermost loop of an axis, whose step is
  /// one.
  llvm::SmallVector<Factor> stride;
  /// The sched.fuse result this loop belongs to, if any.
  mlir::Value fusedHandle;
  ParallelOp parallel;
  BindOp bind;
  UnrollOp unroll;
  /// A primitive (compute_at, cache_read, cache_write) needs this loop.
  bool anchored = false;

  bool isInnermostOfAxis() { return stride.empty(); }
};

class LoopNest {
public:
  /// Replays `schedule`; emits an error at the offending primitive and
  /// fails when the schedule is illegal.
  static llvm::FailureOr<LoopNest> build(ScheduleOp schedule);

  /// Rejects parallel or bound reduction axes, given which axes (in
  /// sched.axes order) reduce.
  llvm::LogicalResult verifyReductionAxes(llvm::ArrayRef<bool> isReduction);

  AxesOp getAxesOp() { return axesOp; }
  unsigned getNumAxes() { return axesOp.getNumResults(); }
  /// The loops, outermost first.
  llvm::ArrayRef<Loop> getLoops() { return loops; }
  /// The positions in getLoops() of the loops `handle` names.
  llvm::SmallVector<unsigned> getLoopPositions(mlir::Value handle);
  /// The packs, by axis.
  llvm::ArrayRef<PackOp> getPacks() { return packs; }
  VectorizeOp getVectorize() { return vectorize; }

  /// The iteration dimension of the kernel's Linalg op that `loop`
  /// iterates: its axis, or for the packed part of an axis, the dimension
  /// packing appends (after all axes, in axis order).
  unsigned getPayloadDim(const Loop &loop);
  /// The number of iteration dimensions after packing.
  unsigned getNumPayloadDims();
  /// The sched.axes position of the axis `pack` packs.
  unsigned getLoopAxis(PackOp pack);

private:
  AxesOp axesOp;
  llvm::SmallVector<Loop> loops;
  llvm::SmallVector<PackOp> packs;
  VectorizeOp vectorize;
};

} // namespace tessera::sched

#endif // TESSERA_DIALECT_SCHED_IR_LOOPNEST_H
