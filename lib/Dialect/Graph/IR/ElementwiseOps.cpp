//===- ElementwiseOps.cpp - Elementwise graph operators -------------------===//
//
// Type inference and verifiers of the elementwise operators; their folders
// are in ElementwiseFolds.cpp.
//
//===----------------------------------------------------------------------===//

#include "tessera/Dialect/Graph/IR/Graph.h"

#include "mlir/Dialect/Traits.h"

using namespace mlir;
using namespace tessera::graph;

#define GET_OP_CLASSES
#include "tessera/Dialect/Graph/IR/GraphElementwiseOps.cpp.inc"

void GraphDialect::registerElementwiseOps() {
  addOperations<
#define GET_OP_LIST
#include "tessera/Dialect/Graph/IR/GraphElementwiseOps.cpp.inc"
      >();
}

/// Reports `name`'s value unless it is 0 or 1 (ONNX's int-valued flags).
static LogicalResult verifyFlag(Operation *op, StringRef name, int64_t value) {
  if (value == 0 || value == 1)
    return success();
  return op->emitOpError("attribute '")
         << name << "' must be 0 or 1, got " << value;
}

//===----------------------------------------------------------------------===//
// Activations
//===----------------------------------------------------------------------===//

LogicalResult CeluOp::verify() {
  if (getAlpha().isZero())
    return emitOpError("attribute 'alpha' must not be 0");
  return success();
}

LogicalResult GeluOp::verify() {
  if (getApproximate() != "none" && getApproximate() != "tanh")
    return emitOpError("attribute 'approximate' must be \"none\" or \"tanh\", "
                       "got \"")
           << getApproximate() << "\"";
  return success();
}

LogicalResult ClipOp::verify() {
  Type elementType = getInput().getType().getElementType();
  for (auto [name, bound] : {std::pair<StringRef, Value>{"min", getMin()},
                             std::pair<StringRef, Value>{"max", getMax()}}) {
    if (!bound)
      continue;
    auto type = cast<RankedTensorType>(bound.getType());
    if (type.getElementType() != elementType)
      return emitOpError("operand '")
             << name << "' must have the input's element type " << elementType
             << ", got " << type;
    if (!type.hasStaticShape() || type.getNumElements() != 1)
      return emitOpError("operand '")
             << name << "' must be a single-element tensor, got " << type;
  }
  return success();
}

LogicalResult PReluOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &types) {
  inferBroadcastResult(adaptor.getInput().getType(),
                       adaptor.getSlope().getType(), /*elementType=*/nullptr,
                       types);
  return success();
}

LogicalResult PReluOp::verify() {
  // The slope broadcasts to the input, never the other way round.
  ArrayRef<int64_t> input = getInput().getType().getShape();
  ArrayRef<int64_t> slope = getSlope().getType().getShape();
  bool unidirectional = slope.size() <= input.size();
  for (size_t i = 0; unidirectional && i < slope.size(); ++i) {
    int64_t s = slope[slope.size() - 1 - i], x = input[input.size() - 1 - i];
    unidirectional = s == 1 || s == x || ShapedType::isDynamic(s) ||
                     ShapedType::isDynamic(x);
  }
  if (!unidirectional)
    return emitOpError("slope of type ")
           << getSlope().getType() << " does not broadcast to input of type "
           << getInput().getType();
  return success();
}

//===----------------------------------------------------------------------===//
// Predicates and binary operators with attributes
//===----------------------------------------------------------------------===//

LogicalResult IsInfOp::verify() {
  if (failed(verifyFlag(*this, "detect_negative", getDetectNegative())))
    return failure();
  return verifyFlag(*this, "detect_positive", getDetectPositive());
}

LogicalResult ModOp::verify() {
  if (failed(verifyFlag(*this, "fmod", getFmod())))
    return failure();
  if (getFmod() == 0 && isa<FloatType>(getType().getElementType()))
    return emitOpError("attribute 'fmod' must be 1 for floating-point "
                       "operands");
  return verifyBroadcastable(*this, getLhs().getType(), getRhs().getType());
}

LogicalResult BitShiftOp::verify() {
  if (getDirection() != "LEFT" && getDirection() != "RIGHT")
    return emitOpError("attribute 'direction' must be \"LEFT\" or "
                       "\"RIGHT\", got \"")
           << getDirection() << "\"";
  return verifyBroadcastable(*this, getLhs().getType(), getRhs().getType());
}

//===----------------------------------------------------------------------===//
// WhereOp
//===----------------------------------------------------------------------===//

LogicalResult WhereOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &types) {
  auto condition = cast<RankedTensorType>(adaptor.getCondition().getType());
  auto x = cast<RankedTensorType>(adaptor.getX().getType());
  auto y = cast<RankedTensorType>(adaptor.getY().getType());
  types.push_back(RankedTensorType::get(
      broadcastShapes(broadcastShapes(condition.getShape(), x.getShape()),
                      y.getShape()),
      x.getElementType()));
  return success();
}

LogicalResult WhereOp::verify() {
  SmallVector<int64_t> conditionAndX, all;
  if (!OpTrait::util::getBroadcastedShape(getCondition().getType().getShape(),
                                          getX().getType().getShape(),
                                          conditionAndX) ||
      !OpTrait::util::getBroadcastedShape(conditionAndX,
                                          getY().getType().getShape(), all))
    return emitOpError("operands of types ")
           << getCondition().getType() << ", " << getX().getType() << " and "
           << getY().getType() << " do not broadcast";
  return success();
}

//===----------------------------------------------------------------------===//
// Conversions
//===----------------------------------------------------------------------===//

LogicalResult CastOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &types) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  // An invalid `to` is the verifier's to report; infer something valid.
  Type to = adaptor.getTo();
  types.push_back(input.clone(isa_and_present<FloatType, IntegerType>(to)
                                  ? to
                                  : input.getElementType()));
  return success();
}

/// Checks the scale and zero point of (de)quantizing `input`: scalars, or
/// 1-D with one value per index along `axis`, both of the same shape.
static LogicalResult verifyQuantizationParameters(Operation *op,
                                                  RankedTensorType input,
                                                  RankedTensorType scale,
                                                  Value zeroPoint,
                                                  int64_t axis) {
  if (zeroPoint && cast<RankedTensorType>(zeroPoint.getType()).getShape() !=
                       scale.getShape())
    return op->emitOpError("zero point of type ")
           << zeroPoint.getType() << " must have the shape of scale of type "
           << scale;
  if (scale.getRank() == 0)
    return success();
  if (scale.getRank() != 1)
    return op->emitOpError("scale must be a scalar or 1-D, got ") << scale;
  std::optional<int64_t> dim = normalizeAxis(axis, input.getRank());
  if (!dim)
    return op->emitOpError("attribute 'axis' value ")
           << axis << " is out of range for input of rank " << input.getRank();
  int64_t count = scale.getDimSize(0), size = input.getDimSize(*dim);
  // A single value per tensor may also come as a 1-element vector.
  if (count != 1 && !ShapedType::isDynamic(count) &&
      !ShapedType::isDynamic(size) && count != size)
    return op->emitOpError("scale of type ")
           << scale << " must have one value per index of input dimension "
           << *dim << " (" << size << ")";
  return success();
}

LogicalResult QuantizeLinearOp::inferReturnTypes(MLIRContext *context,
                                                 std::optional<Location>,
                                                 Adaptor adaptor,
                                                 SmallVectorImpl<Type> &types) {
  Type elementType = IntegerType::get(context, 8, IntegerType::Unsigned);
  if (Value zeroPoint = adaptor.getZeroPoint())
    elementType = cast<RankedTensorType>(zeroPoint.getType()).getElementType();
  types.push_back(
      cast<RankedTensorType>(adaptor.getInput().getType()).clone(elementType));
  return success();
}

LogicalResult QuantizeLinearOp::verify() {
  return verifyQuantizationParameters(*this, getInput().getType(),
                                      getScale().getType(), getZeroPoint(),
                                      getAxis());
}

LogicalResult
DequantizeLinearOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                     Adaptor adaptor,
                                     SmallVectorImpl<Type> &types) {
  types.push_back(
      cast<RankedTensorType>(adaptor.getInput().getType())
          .clone(cast<RankedTensorType>(adaptor.getScale().getType())
                     .getElementType()));
  return success();
}

LogicalResult DequantizeLinearOp::verify() {
  if (Value zeroPoint = getZeroPoint()) {
    Type zeroPointElement =
        cast<RankedTensorType>(zeroPoint.getType()).getElementType();
    if (zeroPointElement != getInput().getType().getElementType())
      return emitOpError("zero point of type ")
             << zeroPoint.getType() << " must have the input's element type";
  }
  return verifyQuantizationParameters(*this, getInput().getType(),
                                      getScale().getType(), getZeroPoint(),
                                      getAxis());
}

LogicalResult DynamicQuantizeLinearOp::inferReturnTypes(
    MLIRContext *context, std::optional<Location>, Adaptor adaptor,
    SmallVectorImpl<Type> &types) {
  auto quantized = IntegerType::get(context, 8, IntegerType::Unsigned);
  types.push_back(
      cast<RankedTensorType>(adaptor.getInput().getType()).clone(quantized));
  types.push_back(RankedTensorType::get({}, Float32Type::get(context)));
  types.push_back(RankedTensorType::get({}, quantized));
  return success();
}
