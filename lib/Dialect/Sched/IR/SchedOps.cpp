//===- SchedOps.cpp - Schedule primitives ---------------------------------===//

#include "tessera/Dialect/Sched/IR/LoopNest.h"
#include "tessera/Dialect/TE/IR/TE.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace tessera::sched;

/// A factor: a knob operand or a constant.
static ParseResult
parseFactor(OpAsmParser &parser,
            std::optional<OpAsmParser::UnresolvedOperand> &knob,
            IntegerAttr &constant) {
  OpAsmParser::UnresolvedOperand operand;
  OptionalParseResult parsedOperand = parser.parseOptionalOperand(operand);
  if (parsedOperand.has_value()) {
    if (failed(*parsedOperand))
      return failure();
    knob = operand;
    return success();
  }
  int64_t value;
  if (parser.parseInteger(value))
    return failure();
  constant = parser.getBuilder().getI64IntegerAttr(value);
  return success();
}

static void printFactor(OpAsmPrinter &printer, Operation *, Value knob,
                        IntegerAttr constant) {
  if (knob)
    printer << knob;
  else
    printer << constant.getInt();
}

static LogicalResult verifyFactor(Operation *op, StringRef what, Value knob,
                                  std::optional<int64_t> constant) {
  if (static_cast<bool>(knob) == constant.has_value())
    return op->emitOpError("needs a ")
           << what << " that is either a constant or a knob";
  if (constant && *constant < 1)
    return op->emitOpError("needs a positive ")
           << what << ", got " << *constant;
  return success();
}

#define GET_OP_CLASSES
#include "tessera/Dialect/Sched/IR/SchedOps.cpp.inc"

//===----------------------------------------------------------------------===//
// ScheduleOp
//===----------------------------------------------------------------------===//

/// The te stage the schedule is for, when the enclosing module holds it.
static tessera::te::ComputeOp findStage(ScheduleOp schedule) {
  auto module = schedule->getParentOfType<ModuleOp>();
  if (!module)
    return {};
  tessera::te::ComputeOp stage;
  module.walk([&](tessera::te::ComputeOp compute) {
    if (compute.getStage() != schedule.getStage())
      return WalkResult::advance();
    stage = compute;
    return WalkResult::interrupt();
  });
  return stage;
}

LogicalResult ScheduleOp::verifyRegions() {
  if (getStage().empty())
    return emitOpError("needs a non-empty stage name");
  llvm::StringSet<> knobNames;
  for (Operation &op : getBodyBlock()) {
    if (isa<AxesOp>(op) && &op != &getBodyBlock().front())
      return op.emitOpError("must be the first op of its schedule, once");
    if (auto knob = dyn_cast<KnobOp>(op);
        knob && !knobNames.insert(knob.getName()).second)
      return knob.emitOpError("reuses the knob name '")
             << knob.getName() << "' of this schedule";
  }
  FailureOr<LoopNest> nest = LoopNest::build(*this);
  if (failed(nest))
    return failure();

  tessera::te::ComputeOp stage = findStage(*this);
  if (!stage)
    return success();
  SmallVector<Attribute> stageAxes(stage.getAxes().begin(),
                                   stage.getAxes().end());
  llvm::append_range(stageAxes, stage.getReduceAxes());
  ArrayAttr names = nest->getAxesOp().getNames();
  if (names.getValue() != ArrayRef(stageAxes))
    return nest->getAxesOp().emitOpError("names axes ")
           << names << " but stage '" << getStage() << "' has axes "
           << ArrayAttr::get(getContext(), stageAxes);
  SmallVector<bool> isReduction(stage.getAxes().size(), false);
  isReduction.append(stage.getReduceAxes().size(), true);
  return nest->verifyReductionAxes(isReduction);
}

//===----------------------------------------------------------------------===//
// AxesOp
//===----------------------------------------------------------------------===//

ParseResult AxesOp::parse(OpAsmParser &parser, OperationState &result) {
  ArrayAttr names;
  if (parser.parseAttribute(names, "names", result.attributes) ||
      parser.parseOptionalAttrDict(result.attributes))
    return failure();
  result.addTypes(SmallVector<Type>(names.size(),
                                    AxisType::get(parser.getContext())));
  return success();
}

void AxesOp::print(OpAsmPrinter &printer) {
  printer << ' ' << getNames();
  printer.printOptionalAttrDict((*this)->getAttrs(), {"names"});
}

void AxesOp::getAsmResultNames(OpAsmSetValueNameFn setNameFn) {
  for (auto [axis, name] : llvm::zip(getAxes(), getNames()))
    setNameFn(axis, cast<StringAttr>(name).getValue());
}

LogicalResult AxesOp::verify() {
  if (getNames().size() != getNumResults())
    return emitOpError("has ") << getNames().size() << " names for "
                               << getNumResults() << " axes";
  llvm::StringSet<> seen;
  for (auto name : getNames().getAsValueRange<StringAttr>())
    if (name.empty() || !seen.insert(name).second)
      return emitOpError("needs unique, non-empty axis names, got '")
             << name << "' twice or empty";
  return success();
}

//===----------------------------------------------------------------------===//
// KnobOp
//===----------------------------------------------------------------------===//

LogicalResult KnobOp::verify() {
  if (getName().empty())
    return emitOpError("needs a non-empty name");
  int kinds = getValue().has_value() + getChoices().has_value() +
              getLower().has_value();
  if (kinds != 1)
    return emitOpError("needs exactly one of a value, choices or a range");
  if (getValue() && *getValue() < 1)
    return emitOpError("needs a positive value, got ") << *getValue();
  if (auto choices = getChoices()) {
    if (choices->empty())
      return emitOpError("needs at least one choice");
    llvm::SmallDenseSet<int64_t> seen;
    for (int64_t choice : *choices)
      if (choice < 1 || !seen.insert(choice).second)
        return emitOpError("needs distinct positive choices, got ")
               << choice;
  }
  if (getLower()) {
    if (!getUpper())
      return emitOpError("needs an upper bound for its range");
    if (*getLower() < 1 || *getUpper() < *getLower())
      return emitOpError("needs a range of positive values, got [")
             << *getLower() << ", " << *getUpper() << "]";
    if (getStep() && *getStep() < 1)
      return emitOpError("needs a positive step, got ") << *getStep();
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Primitives with factors
//===----------------------------------------------------------------------===//

LogicalResult SplitOp::verify() {
  return verifyFactor(*this, "factor", getFactorKnob(), getFactor());
}

LogicalResult TileOp::verify() {
  if (failed(verifyFactor(*this, "factor for x", getXFactorKnob(),
                          getXFactor())))
    return failure();
  return verifyFactor(*this, "factor for y", getYFactorKnob(), getYFactor());
}

LogicalResult PackOp::verify() {
  return verifyFactor(*this, "factor", getFactorKnob(), getFactor());
}

LogicalResult UnrollOp::verify() {
  return verifyFactor(*this, "factor", getFactorKnob(), getFactor());
}

LogicalResult ReorderOp::verify() {
  if (getLoops().size() < 2)
    return emitOpError("needs at least two loops");
  return success();
}

LogicalResult BindOp::verify() {
  static constexpr llvm::StringLiteral targets[] = {
      "block.x",  "block.y",  "block.z", "thread.x", "thread.y",
      "thread.z", "warp.x",   "warp.y",  "warp.z"};
  if (!llvm::is_contained(targets, getTarget()))
    return emitOpError("binds to '")
           << getTarget()
           << "', not one of block.{x,y,z}, thread.{x,y,z}, warp.{x,y,z}";
  return success();
}
