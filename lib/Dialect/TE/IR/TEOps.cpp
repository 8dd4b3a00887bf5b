//===- TEOps.cpp - Tensor-expression operations ---------------------------===//

#include "tessera/Dialect/TE/IR/TE.h"

#include "mlir/Interfaces/ViewLikeInterface.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace tessera::te;

#define GET_OP_CLASSES
#include "tessera/Dialect/TE/IR/TEOps.cpp.inc"

//===----------------------------------------------------------------------===//
// ComputeOp
//===----------------------------------------------------------------------===//

void ComputeOp::getAsmBlockArgumentNames(Region &region,
                                         OpAsmSetValueNameFn setNameFn) {
  if (&region != &getBody() || region.empty())
    return;
  Block &block = region.front();
  unsigned rank = getAxes().size(), numReduce = getReduceAxes().size();
  auto setName = [&](unsigned index, StringRef name) {
    if (index < block.getNumArguments())
      setNameFn(block.getArgument(index), name);
  };
  for (auto [i, name] : llvm::enumerate(getAxes().getAsValueRange<StringAttr>()))
    setName(i, name);
  for (auto [i, name] :
       llvm::enumerate(getReduceAxes().getAsValueRange<StringAttr>()))
    setName(rank + i, name);
  for (unsigned i = 0, e = getInputs().size(); i < e; ++i)
    setName(rank + numReduce + i, "in" + std::to_string(i));
}

LogicalResult ComputeOp::verify() {
  if (getStage().empty())
    return emitOpError("needs a non-empty stage name");
  if (getResults().empty())
    return emitOpError("needs at least one result");
  auto resultType = cast<RankedTensorType>(getResult(0).getType());
  for (Type type : getResultTypes())
    if (cast<RankedTensorType>(type).getShape() != resultType.getShape())
      return emitOpError("results must all have the same shape, got ")
             << resultType << " and " << type;
  if (static_cast<int64_t>(getAxes().size()) != resultType.getRank())
    return emitOpError("has ") << getAxes().size()
                               << " axis names for results of rank "
                               << resultType.getRank();
  if (getOutputSizes().size() != resultType.getNumDynamicDims())
    return emitOpError("needs one size operand per dynamic result dimension (")
           << resultType.getNumDynamicDims() << "), got "
           << getOutputSizes().size();

  llvm::StringSet<> names;
  for (StringRef name : llvm::concat<const StringRef>(
           llvm::to_vector(getAxes().getAsValueRange<StringAttr>()),
           llvm::to_vector(getReduceAxes().getAsValueRange<StringAttr>())))
    if (name.empty() || !names.insert(name).second)
      return emitOpError("axis names must be unique and non-empty, got '")
             << name << "' twice or empty";

  ArrayRef<int64_t> extents = getStaticReduceExtents();
  if (getReduceAxes().size() != extents.size())
    return emitOpError("has ") << getReduceAxes().size()
                               << " reduction axis names for "
                               << extents.size() << " extents";
  int64_t numDynamicExtents = llvm::count(extents, ShapedType::kDynamic);
  if (static_cast<int64_t>(getReduceExtents().size()) != numDynamicExtents)
    return emitOpError("needs one operand per dynamic reduction extent");
  for (int64_t extent : extents)
    if (!ShapedType::isDynamic(extent) && extent <= 0)
      return emitOpError("reduction extents must be positive, got ") << extent;

  std::optional<CombinerKind> combiner = getCombiner();
  unsigned numResults = getNumResults();
  if (extents.empty()) {
    if (combiner || getInits() || !getCombinerBody().empty())
      return emitOpError("has a combiner but no reduction axes");
    return success();
  }
  if (!combiner)
    return emitOpError("needs a combiner for its reduction axes");
  if (*combiner != CombinerKind::Custom) {
    if (numResults != 1)
      return emitOpError("combiner '")
             << stringifyCombinerKind(*combiner)
             << "' reduces one result; use a custom combiner for "
             << numResults;
    if (getInits() || !getCombinerBody().empty())
      return emitOpError("combiner '") << stringifyCombinerKind(*combiner)
                                       << "' takes no inits or combine region";
    Type element = resultType.getElementType();
    if (!element.isIntOrFloat())
      return emitOpError("combiner '") << stringifyCombinerKind(*combiner)
                                       << "' needs integer or float elements";
    return success();
  }
  if (!getInits() || getInits()->size() != numResults)
    return emitOpError("custom combiner needs one init per result");
  for (auto [init, type] : llvm::zip(getInits()->getAsRange<TypedAttr>(),
                                     getResultTypes()))
    if (init.getType() != cast<RankedTensorType>(type).getElementType())
      return emitOpError("init ") << init << " does not match result " << type;
  if (getCombinerBody().empty())
    return emitOpError("custom combiner needs a combine region");
  return success();
}

/// Checks that `block` yields one value of each result's element type.
static LogicalResult verifyYield(ComputeOp op, Block &block,
                                 StringRef regionName) {
  auto yield = dyn_cast<YieldOp>(block.getTerminator());
  if (!yield)
    return op.emitOpError(regionName) << " region must end in te.yield";
  if (yield.getValues().size() != op.getNumResults())
    return yield.emitOpError("yields ")
           << yield.getValues().size() << " values for "
           << op.getNumResults() << " results";
  for (auto [value, type] :
       llvm::zip(yield.getValues(), op.getResultTypes()))
    if (value.getType() != cast<RankedTensorType>(type).getElementType())
      return yield.emitOpError("yields ")
             << value.getType() << " for a result of type " << type;
  return success();
}

LogicalResult ComputeOp::verifyRegions() {
  Block &body = getBody().front();
  unsigned rank = getAxes().size(), numReduce = getReduceAxes().size();
  unsigned expected = rank + numReduce + getInputs().size();
  if (body.getNumArguments() != expected)
    return emitOpError("body needs ")
           << expected << " arguments (" << rank << " output indices, "
           << numReduce << " reduction indices, " << getInputs().size()
           << " inputs), got " << body.getNumArguments();
  for (BlockArgument index : body.getArguments().take_front(rank + numReduce))
    if (!index.getType().isIndex())
      return emitOpError("index arguments of the body must be of type index");
  for (auto [arg, input] : llvm::zip(
           body.getArguments().drop_front(rank + numReduce), getInputs()))
    if (arg.getType() != input.getType())
      return emitOpError("body argument of type ")
             << arg.getType() << " does not match input " << input.getType();
  if (failed(verifyYield(*this, body, "body")))
    return failure();

  if (getCombinerBody().empty())
    return success();
  Block &combine = getCombinerBody().front();
  unsigned numResults = getNumResults();
  if (combine.getNumArguments() != 2 * numResults)
    return emitOpError("combine region needs ")
           << 2 * numResults << " arguments (accumulators, then values)";
  for (unsigned i = 0; i < 2 * numResults; ++i)
    if (combine.getArgument(i).getType() !=
        cast<RankedTensorType>(getResult(i % numResults).getType())
            .getElementType())
      return emitOpError("combine region argument #")
             << i << " does not match its result's element type";
  return verifyYield(*this, combine, "combine");
}

//===----------------------------------------------------------------------===//
// ReadOp
//===----------------------------------------------------------------------===//

LogicalResult ReadOp::verify() {
  auto type = cast<RankedTensorType>(getTensor().getType());
  if (static_cast<int64_t>(getIndices().size()) != type.getRank())
    return emitOpError("reads a rank-")
           << type.getRank() << " tensor with " << getIndices().size()
           << " indices";
  return success();
}
