//===- SchedToTransform.cpp - sched.schedule to transform sequences -------===//
//
// Each sched.schedule becomes a transform.named_sequence that matches its
// kernel (the Linalg ops whose `te.stage` names the schedule's stage) and
// tiles, fuses, vectorizes and unrolls it. The loop nest the schedule
// describes (LoopNest) is cut into bands of consecutive loops with distinct
// iteration dimensions: one tile_using_forall per band of parallel loops, one
// tile_using_for (with interchange) per band of sequential ones; the
// innermost loops that need no loop of their own stay in the tiled op, which
// is what vectorization turns into vector operations.
//
// The sequence is written as transform-dialect text and parsed: the transform
// ops' textual form is their stable interface, and the generated IR reads
// like the hand-written schedules it replaces.
//
//===----------------------------------------------------------------------===//

#include "tessera/Conversion/Passes.h"
#include "tessera/Dialect/Sched/IR/LoopNest.h"

#include "mlir/Dialect/Transform/IR/TransformDialect.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Parser/Parser.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

namespace tessera {
#define GEN_PASS_DEF_CONVERTSCHEDTOTRANSFORM
#include "tessera/Conversion/Passes.h.inc"
} // namespace tessera

using namespace mlir;
using namespace tessera;
using namespace tessera::sched;

static constexpr llvm::StringLiteral kAnyOp = "!transform.any_op";
static constexpr llvm::StringLiteral kParam = "!transform.param<i64>";

namespace {

/// A tile size: a constant, or the name of an open knob's param.
struct TileSize {
  int64_t constant = 0;
  std::string param;
};

/// Writes the named sequence of one schedule.
class SequenceWriter {
public:
  SequenceWriter(ScheduleOp schedule, LoopNest &nest)
      : schedule(schedule), nest(nest), os(text) {}

  /// The sequence's text, or failure after an error at the primitive that
  /// has no transform-dialect equivalent.
  FailureOr<std::string> write();

private:
  std::string fresh(StringRef prefix) {
    return ("%" + prefix + Twine(counter++)).str();
  }
  void writeKnobs();
  FailureOr<TileSize> getTileSize(Loop loop);
  std::string getStageMatch(StringRef stage, StringRef in);
  LogicalResult writeBand(ArrayRef<unsigned> band);
  std::string getFunction();
  LogicalResult writeCaches(unsigned position);
  void writeInnerInterchange(unsigned numMaterialized);
  void writeVectorize(unsigned numMaterialized);

  ScheduleOp schedule;
  LoopNest &nest;
  std::string text;
  llvm::raw_string_ostream os;
  unsigned counter = 0;
  /// The handle to the kernel op as transformed so far.
  std::string kernel = "%kernel";
  /// The handle of the function holding the kernel, once needed.
  std::string function;
  DenseMap<Operation *, std::string> knobParams;
  /// The handle of each materialized loop (position in the nest's loops).
  DenseMap<unsigned, std::string> loopHandles;
};

} // namespace

void SequenceWriter::writeKnobs() {
  // Fixed knobs are constants; open ones stay visible to the tuner as
  // transform.tune.knob, resolved to their first value until it picks one.
  for (auto knob : schedule.getBodyBlock().getOps<KnobOp>()) {
    if (!knob.isOpen())
      continue;
    std::string param = fresh(knob.getName());
    std::string options;
    if (auto choices = knob.getChoices())
      options = "[" + llvm::join(llvm::map_range(*choices, [](int64_t c) {
                                   return std::to_string(c);
                                 }),
                                 ", ") +
                "]";
    else
      options = llvm::formatv("{{lower = {0} : i64, upper = {1} : i64, step "
                              "= {2} : i64}",
                              *knob.getLower(), *knob.getUpper(),
                              knob.getStep().value_or(1))
                    .str();
    os << "    " << param << " = transform.tune.knob<\"" << knob.getName()
       << "\"> = " << knob.getDefaultValue() << " from options = " << options
       << " -> " << kParam << "\n";
    knobParams[knob] = param;
  }
}

FailureOr<TileSize> SequenceWriter::getTileSize(Loop loop) {
  TileSize size{1, ""};
  for (Factor factor : loop.stride) {
    if (!factor.knob || !factor.knob.isOpen()) {
      size.constant *= factor.knob ? factor.knob.getDefaultValue()
                                   : factor.constant;
      continue;
    }
    if (loop.stride.size() > 1)
      return loop.handle.getDefiningOp()
                 ->emitOpError("makes a loop whose step multiplies open knob '")
             << factor.knob.getName()
             << "' by another factor; transform params cannot be multiplied";
    size.param = knobParams.lookup(factor.knob);
  }
  return size;
}

std::string SequenceWriter::getStageMatch(StringRef stage, StringRef in) {
  std::string handle = fresh("stage");
  os << "    " << handle << " = transform.structured.match attributes "
     << "{te.stage = \"" << stage << "\"} in " << in << " : (" << kAnyOp
     << ") -> " << kAnyOp << "\n";
  return handle;
}

std::string SequenceWriter::getFunction() {
  if (function.empty()) {
    function = fresh("func");
    os << "    " << function << " = transform.get_parent_op " << kernel
       << " {op_name = \"func.func\"} : (" << kAnyOp << ") -> " << kAnyOp
       << "\n";
  }
  return function;
}

/// Tiles the kernel for one band of loops.
LogicalResult SequenceWriter::writeBand(ArrayRef<unsigned> band) {
  SmallVector<Loop> loops(nest.getLoops());
  unsigned numDims = nest.getNumPayloadDims();
  SmallVector<std::string> sizes(numDims, "0");
  SmallVector<std::string> params;
  SmallVector<unsigned> bandDims;
  for (unsigned position : band) {
    FailureOr<TileSize> size = getTileSize(loops[position]);
    if (failed(size))
      return failure();
    unsigned dim = nest.getPayloadDim(loops[position]);
    sizes[dim] = size->param.empty() ? std::to_string(size->constant)
                                     : size->param;
    if (!size->param.empty())
      params.push_back(size->param);
    bandDims.push_back(dim);
  }
  std::string operandTypes = kAnyOp.str();
  for (size_t i = 0; i < params.size(); ++i)
    operandTypes += (", " + kParam).str();
  std::string tiled = fresh("tiled");
  Loop first = loops[band.front()];
  if (first.parallel || first.bind) {
    // One scf.forall; its dimensions (and mapping) in dimension order.
    std::string forall = fresh("forall");
    os << "    " << tiled << ", " << forall
       << " = transform.structured.tile_using_forall " << kernel
       << " tile_sizes [" << llvm::join(sizes, ", ") << "]";
    if (first.bind) {
      SmallVector<std::pair<unsigned, std::string>> mapping;
      for (unsigned position : band) {
        auto [kind, dim] = loops[position].bind.getTarget().split('.');
        mapping.push_back({nest.getPayloadDim(loops[position]),
                           ("#gpu." + kind + "<" + dim + ">").str()});
      }
      llvm::sort(mapping);
      os << " (mapping = ["
         << llvm::join(llvm::make_second_range(mapping), ", ") << "])";
    }
    os << " : (" << operandTypes << ") -> (" << kAnyOp << ", " << kAnyOp
       << ")\n";
    for (unsigned position : band)
      loopHandles[position] = forall;
  } else {
    // scf.for loops in band order: the interchange lists the band's
    // dimensions first.
    SmallVector<unsigned> interchange(bandDims);
    for (unsigned dim = 0; dim < numDims; ++dim)
      if (!llvm::is_contained(bandDims, dim))
        interchange.push_back(dim);
    SmallVector<std::string> loopNames;
    for (unsigned position : band) {
      loopNames.push_back(fresh("loop"));
      loopHandles[position] = loopNames.back();
    }
    os << "    " << tiled << ", " << llvm::join(loopNames, ", ")
       << " = transform.structured.tile_using_for " << kernel
       << " tile_sizes [" << llvm::join(sizes, ", ") << "]";
    if (!llvm::is_sorted(bandDims))
      os << " interchange = ["
         << llvm::join(llvm::map_range(interchange,
                                       [](unsigned d) {
                                         return std::to_string(d);
                                       }),
                       ", ")
         << "]";
    os << " : (" << operandTypes << ") -> (" << kAnyOp;
    for (size_t i = 0; i < band.size(); ++i)
      os << ", " << kAnyOp;
    os << ")\n";
  }
  kernel = tiled;
  return success();
}

/// Local buffers for the tiles that the loop at `position` reads (the
/// operand's slice, copied) or writes (the destination).
LogicalResult SequenceWriter::writeCaches(unsigned position) {
  Value handle = nest.getLoops()[position].handle;
  for (Operation &op : schedule.getBodyBlock()) {
    std::optional<Attribute> memorySpace;
    std::string target;
    bool destinationOnly = false;
    if (auto read = dyn_cast<CacheReadOp>(op); read && read.getLoop() == handle) {
      target = fresh("slice");
      os << "    " << target << " = transform.get_producer_of_operand "
         << kernel << "[" << read.getInput() << "] : (" << kAnyOp << ") -> "
         << kAnyOp << "\n";
      if (read.getMemorySpace())
        memorySpace = *read.getMemorySpace();
    } else if (auto write = dyn_cast<CacheWriteOp>(op);
               write && write.getLoop() == handle) {
      target = kernel;
      destinationOnly = true;
      if (write.getMemorySpace())
        memorySpace = *write.getMemorySpace();
    } else {
      continue;
    }
    os << "    " << fresh("buffer") << ", " << fresh("new")
       << " = transform.structured.bufferize_to_allocation " << target;
    SmallVector<std::string> attrs;
    if (memorySpace) {
      std::string printed;
      llvm::raw_string_ostream attrOs(printed);
      memorySpace->print(attrOs);
      attrs.push_back("memory_space = " + printed);
    }
    if (destinationOnly)
      attrs.push_back("bufferize_destination_only");
    if (!attrs.empty())
      os << " {" << llvm::join(attrs, ", ") << "}";
    os << " : " << kAnyOp << "\n";
    if (destinationOnly) {
      // Bufferizing the destination consumed the kernel's handle; the op
      // itself stays, inside the loop.
      kernel = getStageMatch(schedule.getStage(), loopHandles[position]);
    }
  }
  return success();
}

/// Orders the loops that stay in the kernel op as the schedule says.
void SequenceWriter::writeInnerInterchange(unsigned numMaterialized) {
  SmallVector<unsigned> innerDims;
  for (Loop loop : nest.getLoops().drop_front(numMaterialized))
    innerDims.push_back(nest.getPayloadDim(loop));
  if (llvm::is_sorted(innerDims))
    return;
  SmallVector<std::string> permutation;
  for (unsigned dim = 0, e = nest.getNumPayloadDims(); dim < e; ++dim)
    if (!llvm::is_contained(innerDims, dim))
      permutation.push_back(std::to_string(dim));
  for (unsigned dim : innerDims)
    permutation.push_back(std::to_string(dim));
  std::string generic = fresh("generic"), interchanged = fresh("interchanged");
  os << "    " << generic << " = transform.structured.generalize " << kernel
     << " : (" << kAnyOp << ") -> " << kAnyOp << "\n";
  os << "    " << interchanged << " = transform.structured.interchange "
     << generic << " iterator_interchange = [" << llvm::join(permutation, ", ")
     << "] : (" << kAnyOp << ") -> " << kAnyOp << "\n";
  kernel = interchanged;
}

/// Vectorizes the kernel's innermost tile, cleans up the function around
/// it and hoists loop-invariant tensor subsets (the accumulator tile of a
/// reduction loop) out of its loops, at tensor level: after bufferization
/// aliasing blocks the hoisting.
void SequenceWriter::writeVectorize(unsigned numMaterialized) {
  std::string func = getFunction();
  os << "    transform.structured.vectorize " << kernel << " : " << kAnyOp
     << "\n";
  os << "    transform.apply_patterns to " << func << " {\n"
     << "      transform.apply_patterns.canonicalization\n"
     << "      transform.apply_patterns.tensor."
        "fold_tensor_subset_ops_into_vector_transfers\n"
     << "    } : " << kAnyOp << "\n";
  os << "    transform.apply_cse to " << func << " : " << kAnyOp << "\n";
  if (numMaterialized == 0)
    return;
  std::string forLoops = fresh("for_loops");
  os << "    " << forLoops << " = transform.structured.match ops{[\"scf.for\"]} in "
     << loopHandles[0] << " : (" << kAnyOp << ") -> " << kAnyOp << "\n";
  os << "    transform.loop.hoist_loop_invariant_subsets " << forLoops << " : "
     << kAnyOp << "\n";
}

FailureOr<std::string> SequenceWriter::write() {
  SmallVector<Loop> loops(nest.getLoops());
  os << "  transform.named_sequence @" << schedule.getSymName()
     << "(%root: " << kAnyOp << " {transform.readonly}) {\n";
  os << "    %kernels = transform.structured.match attributes {te.stage = \""
     << schedule.getStage() << "\"} in %root : (" << kAnyOp << ") -> "
     << kAnyOp << "\n";
  os << "    transform.foreach %kernels : " << kAnyOp << " {\n";
  os << "  ^bb0(%kernel: " << kAnyOp << "):\n";
  writeKnobs();

  if (!nest.getPacks().empty()) {
    SmallVector<int64_t> packedSizes(nest.getNumAxes(), 0);
    for (PackOp pack : nest.getPacks())
      packedSizes[nest.getLoopAxis(pack)] =
          pack.getFactor() ? *pack.getFactor()
                           : pack.getFactorKnob()
                                 .getDefiningOp<KnobOp>()
                                 .getDefaultValue();
    std::string packed = fresh("packed");
    os << "    " << packed << " = transform.structured.pack " << kernel
       << " packed_sizes = ["
       << llvm::join(llvm::map_range(packedSizes,
                                     [](int64_t s) { return std::to_string(s); }),
                     ", ")
       << "] : (" << kAnyOp << ") -> " << kAnyOp << "\n";
    kernel = packed;
  }

  // The innermost loops that need no loop of their own stay in the op.
  unsigned numMaterialized = loops.size();
  while (numMaterialized > 0) {
    Loop loop = loops[numMaterialized - 1];
    if (!loop.isInnermostOfAxis() || loop.parallel || loop.bind ||
        loop.unroll || loop.anchored)
      break;
    --numMaterialized;
  }

  // Bands: runs of loops of one kind (sequential, parallel, bound) on
  // distinct dimensions; a loop with cache buffers ends its band, so that
  // the tiled op is the one inside it.
  auto kindOf = [](Loop loop) {
    return loop.bind ? 2 : loop.parallel ? 1 : 0;
  };
  SmallVector<unsigned> band;
  llvm::SmallDenseSet<unsigned> bandDims;
  for (unsigned position = 0; position < numMaterialized; ++position) {
    Loop loop = loops[position];
    unsigned dim = nest.getPayloadDim(loop);
    if (!band.empty() && (kindOf(loops[band.front()]) != kindOf(loop) ||
                          bandDims.contains(dim))) {
      if (loop.fusedHandle && loop.fusedHandle == loops[band.back()].fusedHandle)
        return loop.fusedHandle.getDefiningOp()->emitOpError(
            "fuses loops that cannot form one parallel loop (loops of one "
            "axis, or not all parallel)");
      if (failed(writeBand(band)))
        return failure();
      band.clear();
      bandDims.clear();
    }
    if (loop.fusedHandle && !loop.parallel)
      return loop.fusedHandle.getDefiningOp()->emitOpError(
          "fuses sequential loops; only parallel fused loops (one "
          "multi-dimensional scf.forall) have a transform-dialect form");
    band.push_back(position);
    bandDims.insert(dim);
    bool hasCaches = llvm::any_of(schedule.getBodyBlock(), [&](Operation &op) {
      return isa<CacheReadOp, CacheWriteOp>(op) &&
             op.getOperand(0) == loop.handle;
    });
    if (hasCaches) {
      if (failed(writeBand(band)) || failed(writeCaches(position)))
        return failure();
      band.clear();
      bandDims.clear();
    }
  }
  if (!band.empty() && failed(writeBand(band)))
    return failure();

  // Producers computed inside the kernel's loops.
  for (Operation &op : schedule.getBodyBlock()) {
    std::optional<unsigned> position;
    StringRef stage;
    if (auto computeAt = dyn_cast<ComputeAtOp>(op)) {
      position = nest.getLoopPositions(computeAt.getLoop()).back();
      stage = computeAt.getStage();
    } else if (auto inlined = dyn_cast<ComputeInlineOp>(op)) {
      if (numMaterialized == 0)
        return inlined.emitOpError("needs a loop of the kernel to inline "
                                   "into; split or tile an axis");
      position = numMaterialized - 1;
      stage = inlined.getStage();
    } else {
      continue;
    }
    std::string producer = getStageMatch(stage, getFunction());
    std::string fused = fresh("fused"), containing = fresh("containing");
    std::string &loopHandle = loopHandles[*position];
    os << "    " << fused << ", " << containing
       << " = transform.structured.fuse_into_containing_op " << producer
       << " into " << loopHandle << " : (" << kAnyOp << ", " << kAnyOp
       << ") -> (" << kAnyOp << ", " << kAnyOp << ")\n";
    std::string old = loopHandle;
    for (auto &entry : loopHandles)
      if (entry.second == old)
        entry.second = containing;
  }

  writeInnerInterchange(numMaterialized);
  if (nest.getVectorize())
    writeVectorize(numMaterialized);

  // Innermost first: unrolling an outer loop copies the inner ones, which
  // the inner loops' handles would not cover.
  for (unsigned position = numMaterialized; position-- > 0;) {
    UnrollOp unroll = loops[position].unroll;
    if (!unroll)
      continue;
    if (loops[position].parallel || loops[position].bind)
      return unroll.emitOpError("unrolls a parallel loop");
    int64_t factor = unroll.getFactor()
                         ? *unroll.getFactor()
                         : unroll.getFactorKnob()
                               .getDefiningOp<KnobOp>()
                               .getDefaultValue();
    if (unroll.getFactorKnob() &&
        unroll.getFactorKnob().getDefiningOp<KnobOp>().isOpen())
      return unroll.emitOpError("needs a constant or fixed-knob factor: "
                                "transform.loop.unroll takes no params");
    os << "    transform.loop.unroll " << loopHandles[position]
       << " {factor = " << factor << "} : " << kAnyOp << "\n";
  }
  os << "    }\n    transform.yield\n  }\n";
  return text;
}

namespace {

struct ConvertSchedToTransformPass
    : tessera::impl::ConvertSchedToTransformBase<ConvertSchedToTransformPass> {
  using Base::Base;

  void runOnOperation() override {
    if (failed(convertSchedulesToTransform(getOperation())))
      signalPassFailure();
  }
};

} // namespace

LogicalResult tessera::convertSchedulesToTransform(ModuleOp module) {
  SmallVector<ScheduleOp> schedules(module.getOps<ScheduleOp>());
  if (schedules.empty())
    return success();
  if (module.lookupSymbol(transform::TransformDialect::kTransformEntryPointSymbolName))
    return module.emitError("has both sched.schedule ops and a @")
           << transform::TransformDialect::kTransformEntryPointSymbolName
           << " to convert them into";

  std::string text;
  llvm::raw_string_ostream os(text);
  for (ScheduleOp schedule : schedules) {
    FailureOr<LoopNest> nest = LoopNest::build(schedule);
    if (failed(nest))
      return failure();
    FailureOr<std::string> sequence = SequenceWriter(schedule, *nest).write();
    if (failed(sequence))
      return failure();
    os << *sequence;
  }
  os << "  transform.named_sequence @"
     << transform::TransformDialect::kTransformEntryPointSymbolName
     << "(%root: " << kAnyOp << " {transform.readonly}) {\n";
  for (ScheduleOp schedule : schedules)
    os << "    transform.include @" << schedule.getSymName()
       << " failures(propagate) (%root) : (" << kAnyOp << ") -> ()\n";
  os << "    transform.yield\n  }\n";

  // Named sequences verify that their symbol table allows them: parse them
  // in a module that does.
  MLIRContext *context = module.getContext();
  ParserConfig config(context);
  OwningOpRef<ModuleOp> sequences = parseSourceString<ModuleOp>(
      "module attributes {transform.with_named_sequence} {\n" + text + "}\n",
      config, "sched-to-transform");
  if (!sequences)
    return module.emitError("generated an invalid transform sequence:\n")
           << text;
  for (ScheduleOp schedule : schedules)
    schedule.erase();
  module.getBody()->getOperations().splice(
      module.getBody()->end(), sequences->getBody()->getOperations());
  module->setAttr(transform::TransformDialect::kWithNamedSequenceAttrName,
                  UnitAttr::get(context));
  return success();
}
