//===- LoopNest.cpp - The loop nest a schedule describes ------------------===//

#include "tessera/Dialect/Sched/IR/LoopNest.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace tessera::sched;

namespace {

/// What the replay knows about one handle.
struct HandleInfo {
  unsigned axis = 0;
  bool packedInner = false;
  bool isStageAxis = false;
  SmallVector<Factor> stride;
  /// For sched.fuse results: the loops they fuse, outermost first.
  SmallVector<Value> fused;
  /// The primitive that replaced the handle by new loops.
  Operation *consumer = nullptr;
};

class Replay {
public:
  explicit Replay(AxesOp axesOp) : axesOp(axesOp) {}

  /// Replays the body of `schedule` into `loops`, `packs` and `vectorize`.
  LogicalResult run(ScheduleOp schedule, SmallVectorImpl<Loop> &loops,
                    SmallVectorImpl<PackOp> &packs, VectorizeOp &vectorize);

private:
  /// Fails with "<op> <what> a loop that '<consumer>' <replaced>" when an
  /// earlier primitive replaced `handle`.
  LogicalResult checkAlive(Operation *op, Value handle, StringRef what,
                           StringRef replaced);
  LogicalResult use(Operation *user, Value handle) {
    return checkAlive(user, handle, "uses", "already replaced");
  }
  Factor getFactor(Value knob, std::optional<int64_t> constant);
  void replace(Value handle, ArrayRef<Value> newHandles, Operation *consumer);
  LogicalResult split(Operation *op, Value axis, Factor factor, Value outer,
                      Value inner);
  LogicalResult reorder(Operation *op, ArrayRef<Value> handles);
  LogicalResult checkAxisOrder(Operation *op);
  StringRef axisName(unsigned axis) {
    return cast<StringAttr>(axesOp.getNames()[axis]).getValue();
  }

  AxesOp axesOp;
  DenseMap<Value, HandleInfo> handles;
  /// The current loops, outermost first (a fused loop is one entry).
  SmallVector<Value> order;
};

} // namespace

LogicalResult Replay::checkAlive(Operation *op, Value handle, StringRef what,
                                 StringRef replaced) {
  Operation *consumer = handles[handle].consumer;
  if (!consumer)
    return success();
  return op->emitOpError(what)
             .append(" a loop that '", consumer->getName(), "' ", replaced)
             .attachNote(consumer->getLoc())
         << "replaced here";
}

Factor Replay::getFactor(Value knob, std::optional<int64_t> constant) {
  if (knob)
    return Factor{0, knob.getDefiningOp<KnobOp>()};
  return Factor{*constant, KnobOp()};
}

void Replay::replace(Value handle, ArrayRef<Value> newHandles,
                     Operation *consumer) {
  handles[handle].consumer = consumer;
  auto it = llvm::find(order, handle);
  it = order.erase(it);
  order.insert(it, newHandles.begin(), newHandles.end());
}

LogicalResult Replay::split(Operation *op, Value axis, Factor factor,
                            Value outer, Value inner) {
  if (failed(use(op, axis)))
    return failure();
  HandleInfo info = handles[axis];
  if (!info.fused.empty())
    return op->emitOpError("splits a fused loop; split its loops before "
                           "fusing them");
  HandleInfo &outerInfo = handles[outer];
  outerInfo.axis = info.axis;
  outerInfo.packedInner = info.packedInner;
  outerInfo.stride = info.stride;
  outerInfo.stride.push_back(factor);
  HandleInfo &innerInfo = handles[inner];
  innerInfo.axis = info.axis;
  innerInfo.packedInner = info.packedInner;
  innerInfo.stride = info.stride;
  replace(axis, {outer, inner}, op);
  return success();
}

LogicalResult Replay::reorder(Operation *op, ArrayRef<Value> newOrder) {
  SmallVector<size_t> positions;
  for (Value handle : newOrder) {
    if (failed(use(op, handle)))
      return failure();
    positions.push_back(llvm::find(order, handle) - order.begin());
  }
  llvm::sort(positions);
  if (std::adjacent_find(positions.begin(), positions.end()) != positions.end())
    return op->emitOpError("lists a loop twice");
  for (auto [position, handle] : llvm::zip(positions, newOrder))
    order[position] = handle;
  return checkAxisOrder(op);
}

/// The loops of one axis must stay in split order: a loop stepping by more
/// of the axis index encloses one stepping by less (tiling can only nest
/// tiles in tiles). Their strides' factor lists are prefixes of each other.
LogicalResult Replay::checkAxisOrder(Operation *op) {
  SmallVector<Value> leaves;
  for (Value handle : order) {
    HandleInfo &info = handles[handle];
    if (info.fused.empty())
      leaves.push_back(handle);
    else
      llvm::append_range(leaves, info.fused);
  }
  for (auto [position, outer] : llvm::enumerate(leaves)) {
    HandleInfo &outerInfo = handles[outer];
    for (Value inner : ArrayRef(leaves).drop_front(position + 1)) {
      HandleInfo &innerInfo = handles[inner];
      if (innerInfo.axis == outerInfo.axis &&
          innerInfo.packedInner == outerInfo.packedInner &&
          innerInfo.stride.size() > outerInfo.stride.size())
        return op->emitOpError("places a loop of axis '")
               << axisName(outerInfo.axis)
               << "' outside a loop that encloses it in split order; the "
                  "loops of one axis keep their split order";
    }
  }
  return success();
}

LogicalResult Replay::run(ScheduleOp schedule, SmallVectorImpl<Loop> &loops,
                          SmallVectorImpl<PackOp> &packs,
                          VectorizeOp &vectorize) {
  for (auto [axis, handle] : llvm::enumerate(axesOp.getAxes())) {
    HandleInfo &info = handles[handle];
    info.axis = axis;
    info.isStageAxis = true;
    order.push_back(handle);
  }

  // Annotations apply to the final loops: collected now, checked at the end.
  SmallVector<std::pair<Operation *, Value>> annotations;
  llvm::StringSet<> boundTargets;
  for (Operation &op : schedule.getBodyBlock()) {
    LogicalResult result = success();
    if (auto split = dyn_cast<SplitOp>(op)) {
      result = this->split(split, split.getAxis(),
                           getFactor(split.getFactorKnob(), split.getFactor()),
                           split.getOuter(), split.getInner());
    } else if (auto tile = dyn_cast<TileOp>(op)) {
      if (tile.getX() == tile.getY())
        return tile.emitOpError("tiles one loop twice");
      result = this->split(tile, tile.getX(),
                           getFactor(tile.getXFactorKnob(), tile.getXFactor()),
                           tile.getXOuter(), tile.getXInner());
      if (succeeded(result))
        result =
            this->split(tile, tile.getY(),
                        getFactor(tile.getYFactorKnob(), tile.getYFactor()),
                        tile.getYOuter(), tile.getYInner());
      if (succeeded(result))
        result = reorder(tile, {tile.getXOuter(), tile.getYOuter(),
                                tile.getXInner(), tile.getYInner()});
    } else if (auto pack = dyn_cast<PackOp>(op)) {
      if (failed(use(pack, pack.getAxis())))
        return failure();
      HandleInfo info = handles[pack.getAxis()];
      if (!info.isStageAxis)
        return pack.emitOpError("packs a loop made from an axis; it packs "
                                "axes of the stage only");
      if (pack.getFactorKnob() &&
          pack.getFactorKnob().getDefiningOp<KnobOp>().isOpen())
        return pack.emitOpError("needs a constant or fixed-knob factor: "
                                "packing changes the data layout at compile "
                                "time");
      handles[pack.getOuter()].axis = info.axis;
      HandleInfo &inner = handles[pack.getInner()];
      inner.axis = info.axis;
      inner.packedInner = true;
      replace(pack.getAxis(), {pack.getOuter(), pack.getInner()}, pack);
      packs.push_back(pack);
    } else if (auto reorderOp = dyn_cast<ReorderOp>(op)) {
      result = reorder(reorderOp, llvm::to_vector(reorderOp.getLoops()));
    } else if (auto fuse = dyn_cast<FuseOp>(op)) {
      Value outer = fuse.getOuter(), inner = fuse.getInner();
      if (failed(use(fuse, outer)) || failed(use(fuse, inner)))
        return failure();
      auto outerIt = llvm::find(order, outer);
      if (outerIt + 1 == order.end() || *(outerIt + 1) != inner)
        return fuse.emitOpError("needs 'outer' to directly enclose 'inner'");
      SmallVector<Value> fused;
      for (Value handle : {outer, inner}) {
        HandleInfo &info = handles[handle];
        if (info.fused.empty())
          fused.push_back(handle);
        else
          llvm::append_range(fused, info.fused);
      }
      handles[fuse.getFused()].fused = fused;
      handles[inner].consumer = fuse;
      replace(outer, {fuse.getFused()}, fuse);
      order.erase(llvm::find(order, inner));
    } else if (auto vectorizeOp = dyn_cast<VectorizeOp>(op)) {
      if (vectorize)
        return vectorizeOp
                   .emitOpError("vectorizes a second loop; a schedule "
                                "vectorizes its innermost loop only")
                   .attachNote(vectorize.getLoc())
               << "first one here";
      vectorize = vectorizeOp;
      annotations.push_back({vectorizeOp, vectorizeOp.getLoop()});
    } else if (auto bind = dyn_cast<BindOp>(op)) {
      if (!boundTargets.insert(bind.getTarget()).second)
        return bind.emitOpError("binds a second loop to '")
               << bind.getTarget() << "'";
      annotations.push_back({bind, bind.getLoop()});
    } else if (isa<ParallelOp, UnrollOp, ComputeAtOp, CacheReadOp,
                   CacheWriteOp>(op)) {
      annotations.push_back({&op, op.getOperand(0)});
      if (auto computeAt = dyn_cast<ComputeAtOp>(op))
        annotations.back().second = computeAt.getLoop();
      else if (auto cacheRead = dyn_cast<CacheReadOp>(op))
        annotations.back().second = cacheRead.getLoop();
    }
    if (failed(result))
      return failure();
  }

  // The final loops, with their annotations.
  DenseMap<Value, SmallVector<unsigned>> positions;
  for (Value handle : order) {
    HandleInfo &info = handles[handle];
    SmallVector<Value> leaves =
        info.fused.empty() ? SmallVector<Value>{handle} : info.fused;
    for (Value leaf : leaves) {
      HandleInfo &leafInfo = handles[leaf];
      Loop loop;
      loop.handle = leaf;
      loop.axis = leafInfo.axis;
      loop.packedInner = leafInfo.packedInner;
      loop.stride = leafInfo.stride;
      if (!info.fused.empty())
        loop.fusedHandle = handle;
      positions[handle].push_back(loops.size());
      if (handle != leaf)
        positions[leaf].push_back(loops.size());
      loops.push_back(loop);
    }
  }
  for (auto [op, handle] : annotations) {
    if (failed(checkAlive(op, handle, "annotates", "replaced")))
      return failure();
    for (unsigned position : positions[handle]) {
      Loop &loop = loops[position];
      if (auto parallel = dyn_cast<ParallelOp>(op)) {
        if (loop.parallel)
          return parallel.emitOpError("marks a parallel loop parallel again");
        loop.parallel = parallel;
      } else if (auto bind = dyn_cast<BindOp>(op)) {
        if (positions[handle].size() > 1)
          return bind.emitOpError("binds a fused loop; bind its loops one "
                                  "by one");
        loop.bind = bind;
      } else if (auto unroll = dyn_cast<UnrollOp>(op)) {
        if (loop.unroll)
          return unroll.emitOpError("unrolls a loop a second time");
        loop.unroll = unroll;
      } else if (!isa<VectorizeOp>(op)) {
        loop.anchored = true;
      }
    }
  }
  if (vectorize) {
    if (vectorize.getLoop() != order.back())
      return vectorize.emitOpError("vectorizes a loop that is not the "
                                   "innermost one");
    const Loop &innermost = loops.back();
    if (innermost.parallel || innermost.bind || innermost.unroll ||
        innermost.fusedHandle)
      return vectorize.emitOpError(
          "vectorizes a loop that is also parallel, bound, unrolled or "
          "fused");
  }
  return success();
}

FailureOr<LoopNest> LoopNest::build(ScheduleOp schedule) {
  LoopNest nest;
  Block &body = schedule.getBodyBlock();
  nest.axesOp = body.empty() ? AxesOp() : dyn_cast<AxesOp>(body.front());
  if (!nest.axesOp)
    return schedule.emitOpError("needs a 'sched.axes' as its first op");
  if (failed(Replay(nest.axesOp)
                 .run(schedule, nest.loops, nest.packs, nest.vectorize)))
    return failure();
  return nest;
}

LogicalResult LoopNest::verifyReductionAxes(ArrayRef<bool> isReduction) {
  for (Loop &loop : loops) {
    if (!isReduction[loop.axis])
      continue;
    StringRef name = cast<StringAttr>(axesOp.getNames()[loop.axis]).getValue();
    if (loop.parallel)
      return loop.parallel.emitOpError("runs reduction axis '")
             << name << "' in parallel";
    if (loop.bind)
      return loop.bind.emitOpError("binds reduction axis '")
             << name << "' to '" << loop.bind.getTarget() << "'";
  }
  return success();
}

SmallVector<unsigned> LoopNest::getLoopPositions(Value handle) {
  SmallVector<unsigned> positions;
  for (auto [position, loop] : llvm::enumerate(loops))
    if (loop.handle == handle || loop.fusedHandle == handle)
      positions.push_back(position);
  return positions;
}

unsigned LoopNest::getPayloadDim(const Loop &loop) {
  if (!loop.packedInner)
    return loop.axis;
  unsigned packedBefore = llvm::count_if(
      packs, [&](PackOp pack) { return getLoopAxis(pack) < loop.axis; });
  return getNumAxes() + packedBefore;
}

unsigned LoopNest::getNumPayloadDims() { return getNumAxes() + packs.size(); }

unsigned LoopNest::getLoopAxis(PackOp pack) {
  return llvm::find(axesOp.getAxes(), pack.getAxis()) -
         axesOp.getAxes().begin();
}
