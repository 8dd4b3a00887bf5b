//===- PlanMemory.cpp - One workspace for a function's buffers ------------===//
//
// Heap allocations per intermediate tensor cost page faults on every run and
// keep every buffer's memory for the whole run; a static plan with reuse
// needs one caller-provided block whose size is known at compile time.
//
//===----------------------------------------------------------------------===//

#include "tessera/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"

namespace tessera {
#define GEN_PASS_DEF_PLANMEMORY
#include "tessera/Transforms/Passes.h.inc"
} // namespace tessera

using namespace mlir;

namespace {

constexpr int64_t kBufferAlignment = 64;
// Scratch buffers of a parallel loop's iterations (a depthwise tile's padded
// plane) up to this size go on the stack (OpenMP threads have stacks of
// megabytes).
constexpr int64_t kMaxStackScratchBytes = 64 * 1024;

struct PlannedBuffer {
  memref::AllocOp alloc;
  memref::DeallocOp dealloc;
  int64_t bytes;
  // Positions of the allocation and deallocation in the entry block.
  unsigned begin, end;
  int64_t offset = 0;
};

int64_t alignTo(int64_t value, int64_t alignment) {
  return (value + alignment - 1) / alignment * alignment;
}

/// The size of a statically shaped, identity-layout buffer of a type whose
/// size in memory is its bit width rounded up to bytes, or nullopt.
std::optional<int64_t> getStaticBytes(MemRefType type) {
  if (!type.hasStaticShape() || !type.getLayout().isIdentity() ||
      type.getMemorySpace())
    return std::nullopt;
  Type elementType = type.getElementType();
  if (!elementType.isIntOrFloat())
    return std::nullopt;
  int64_t elementBytes =
      llvm::divideCeil(elementType.getIntOrFloatBitWidth(), 8);
  return type.getNumElements() * elementBytes;
}

/// Buffers allocated and deallocated by the entry block itself, in order.
SmallVector<PlannedBuffer> findPlannableBuffers(Block &block) {
  DenseMap<Operation *, unsigned> positions;
  for (auto [index, op] : llvm::enumerate(block))
    positions[&op] = index;
  SmallVector<PlannedBuffer> buffers;
  for (auto alloc : block.getOps<memref::AllocOp>()) {
    std::optional<int64_t> bytes = getStaticBytes(alloc.getType());
    if (!bytes)
      continue;
    memref::DeallocOp dealloc;
    bool onlyOneTopLevelDealloc = true;
    for (Operation *user : alloc->getUsers()) {
      auto userDealloc = dyn_cast<memref::DeallocOp>(user);
      if (!userDealloc)
        continue;
      if (userDealloc->getBlock() != &block || dealloc)
        onlyOneTopLevelDealloc = false;
      dealloc = userDealloc;
    }
    if (!dealloc || !onlyOneTopLevelDealloc)
      continue;
    buffers.push_back({alloc, dealloc, alignTo(*bytes, kBufferAlignment),
                       positions[alloc], positions[dealloc]});
  }
  return buffers;
}

/// Largest first, each at the lowest offset free during its lifetime.
int64_t assignOffsets(MutableArrayRef<PlannedBuffer> buffers) {
  SmallVector<PlannedBuffer *> order;
  for (PlannedBuffer &buffer : buffers)
    order.push_back(&buffer);
  llvm::sort(order, [](PlannedBuffer *a, PlannedBuffer *b) {
    return std::make_pair(-a->bytes, a->begin) <
           std::make_pair(-b->bytes, b->begin);
  });
  SmallVector<PlannedBuffer *> placed;
  int64_t arenaBytes = 0;
  for (PlannedBuffer *buffer : order) {
    SmallVector<std::pair<int64_t, int64_t>> occupied;
    for (PlannedBuffer *other : placed)
      if (other->begin <= buffer->end && buffer->begin <= other->end)
        occupied.push_back({other->offset, other->offset + other->bytes});
    llvm::sort(occupied);
    int64_t offset = 0;
    for (auto [start, stop] : occupied) {
      if (offset + buffer->bytes <= start)
        break;
      offset = std::max(offset, stop);
    }
    buffer->offset = offset;
    arenaBytes = std::max(arenaBytes, offset + buffer->bytes);
    placed.push_back(buffer);
  }
  return arenaBytes;
}

/// The small scratch buffers that each iteration of `forall` allocates and
/// frees become stack buffers. No alloca scope is added here: the OpenMP
/// lowering puts each iteration in one, and the canonicalization of a scope
/// that ends a loop's body hoists its allocations out of the loop, which
/// would share them between the threads.
void moveScratchToStack(scf::ForallOp forall) {
  Block *body = forall.getBody();
  SmallVector<PlannedBuffer> scratch = findPlannableBuffers(*body);
  llvm::erase_if(scratch, [](const PlannedBuffer &buffer) {
    return buffer.bytes > kMaxStackScratchBytes;
  });
  if (scratch.empty())
    return;
  OpBuilder builder(forall.getContext());
  for (PlannedBuffer &buffer : scratch) {
    builder.setInsertionPoint(buffer.alloc);
    auto alloca = memref::AllocaOp::create(builder, buffer.alloc.getLoc(),
                                           buffer.alloc.getType(),
                                           buffer.alloc.getAlignmentAttr());
    buffer.dealloc.erase();
    buffer.alloc.replaceAllUsesWith(alloca.getResult());
    buffer.alloc.erase();
  }
}

struct PlanMemoryPass : tessera::impl::PlanMemoryBase<PlanMemoryPass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp function = getOperation();
    if (function.isExternal())
      return;
    if (stackScratch)
      function.walk([](scf::ForallOp forall) { moveScratchToStack(forall); });
    Block &entryBlock = function.getBody().front();
    SmallVector<PlannedBuffer> buffers = findPlannableBuffers(entryBlock);
    if (buffers.empty())
      return;
    int64_t arenaBytes = assignOffsets(buffers);

    MLIRContext *context = &getContext();
    auto arenaType =
        MemRefType::get({arenaBytes}, IntegerType::get(context, 8));
    if (failed(function.insertArgument(
            function.getNumArguments(), arenaType,
            DictionaryAttr::get(
                context,
                {NamedAttribute(
                    StringAttr::get(context, tessera::kWorkspaceAttrName),
                    UnitAttr::get(context))}),
            function.getLoc())))
      return signalPassFailure();
    Value arena = function.getArguments().back();

    OpBuilder builder(context);
    for (PlannedBuffer &buffer : buffers) {
      builder.setInsertionPoint(buffer.alloc);
      Location loc = buffer.alloc.getLoc();
      Value offset =
          arith::ConstantIndexOp::create(builder, loc, buffer.offset);
      Value view = memref::ViewOp::create(builder, loc, buffer.alloc.getType(),
                                          arena, offset, ValueRange());
      buffer.dealloc.erase();
      buffer.alloc.replaceAllUsesWith(view);
      buffer.alloc.erase();
      numPlannedBuffers++;
      bytesBeforeReuse += buffer.bytes;
    }
    workspaceBytes += arenaBytes;
    function->setAttr(tessera::kWorkspaceBytesAttrName,
                      builder.getI64IntegerAttr(arenaBytes));
  }
};

} // namespace
