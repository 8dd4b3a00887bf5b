//===- OutlineShapeChecks.cpp - Input shape checks before the model runs --===//

#include "ModelInterface.h"
#include "tessera/Transforms/Passes.h"

#include "mlir/Analysis/SliceAnalysis.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/IRMapping.h"

namespace tessera {
#define GEN_PASS_DEF_OUTLINESHAPECHECKS
#include "tessera/Transforms/Passes.h.inc"
} // namespace tessera

using namespace mlir;

namespace {

struct ShapeCheck {
  cf::AssertOp assertOp;
  /// The ops computing the condition, in program order.
  SetVector<Operation *> slice;
  /// "input 'x' dim 0" for every input dimension the condition reads.
  SmallVector<std::string> inputDims;
};

/// The check when the assert's condition is index arithmetic on the entry
/// function's input dimensions only.
std::optional<ShapeCheck> getShapeCheck(cf::AssertOp assertOp,
                                        func::FuncOp entry,
                                        ArrayRef<StringRef> inputNames) {
  ShapeCheck check{assertOp, {}, {}};
  BackwardSliceOptions options;
  options.inclusive = false;
  options.omitBlockArguments = true;
  if (failed(getBackwardSlice(assertOp.getArg(), &check.slice, options)))
    return std::nullopt;
  if (Operation *def = assertOp.getArg().getDefiningOp())
    check.slice.insert(def);
  else
    return std::nullopt;
  for (Operation *op : check.slice) {
    if (auto dim = dyn_cast<tensor::DimOp>(op)) {
      auto arg = dyn_cast<BlockArgument>(dim.getSource());
      std::optional<int64_t> index = dim.getConstantIndex();
      if (!arg || arg.getOwner() != &entry.getBody().front() || !index)
        return std::nullopt;
      std::string inputDim = ("input '" + inputNames[arg.getArgNumber()] +
                              "' dim " + Twine(*index))
                                 .str();
      if (!llvm::is_contained(check.inputDims, inputDim))
        check.inputDims.push_back(inputDim);
      continue;
    }
    if (!isa<arith::ArithDialect>(op->getDialect()) || !isPure(op) ||
        op->getNumRegions() != 0)
      return std::nullopt;
    for (Value operand : op->getOperands())
      if (isa<BlockArgument>(operand))
        return std::nullopt;
  }
  return check;
}

struct OutlineShapeChecksPass
    : tessera::impl::OutlineShapeChecksBase<OutlineShapeChecksPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    FailureOr<DictionaryAttr> maybeInterface =
        tessera::getModelInterface(module);
    if (failed(maybeInterface))
      return signalPassFailure();
    DictionaryAttr interface = *maybeInterface;
    auto entry = module.lookupSymbol<func::FuncOp>(
        interface.getAs<StringAttr>("function"));
    if (!entry || entry.isExternal())
      return;
    SmallVector<StringRef> inputNames;
    for (Attribute input : interface.getAs<ArrayAttr>("inputs"))
      inputNames.push_back(
          cast<DictionaryAttr>(input).getAs<StringAttr>("name").getValue());

    SmallVector<ShapeCheck> checks;
    for (auto assertOp : entry.getBody().front().getOps<cf::AssertOp>())
      if (std::optional<ShapeCheck> check =
              getShapeCheck(assertOp, entry, inputNames))
        checks.push_back(std::move(*check));
    if (checks.empty())
      return;

    MLIRContext *context = &getContext();
    OpBuilder builder(context);
    builder.setInsertionPointAfter(entry);
    Location loc = entry.getLoc();
    auto i32Type = builder.getI32Type();
    auto checksFunction = func::FuncOp::create(
        builder, loc, (entry.getSymName() + "_checks").str(),
        builder.getFunctionType(entry.getArgumentTypes(), {i32Type}));
    checksFunction->setAttr("llvm.emit_c_interface", UnitAttr::get(context));
    Block *body = checksFunction.addEntryBlock();
    builder.setInsertionPointToStart(body);
    IRMapping mapping;
    mapping.map(entry.getArguments(), body->getArguments());

    // The first failing check wins: fold the selects from the last check.
    SmallVector<Value> conditions;
    SmallVector<Attribute> messages;
    for (ShapeCheck &check : checks) {
      for (Operation *op : check.slice)
        if (!mapping.contains(op->getResult(0)))
          builder.clone(*op, mapping);
      conditions.push_back(mapping.lookup(check.assertOp.getArg()));
      messages.push_back(builder.getStringAttr(
          llvm::join(check.inputDims, ", ") + ": " + check.assertOp.getMsg()));
    }
    Value status = arith::ConstantIntOp::create(builder, loc, i32Type, 0);
    for (int64_t k = checks.size(); k >= 1; --k) {
      Value failed = arith::ConstantIntOp::create(builder, loc, i32Type, k);
      status = arith::SelectOp::create(builder, loc, conditions[k - 1], status,
                                       failed);
    }
    func::ReturnOp::create(builder, loc, status);
    for (ShapeCheck &check : checks)
      check.assertOp.erase();

    NamedAttrList fields(interface);
    fields.set("checks", builder.getArrayAttr(messages));
    fields.set("checks_function", checksFunction.getSymNameAttr());
    module->setAttr(tessera::kInterfaceAttrName, fields.getDictionary(context));
  }
};

} // namespace
