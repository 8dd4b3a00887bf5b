//===- ElementwiseConverters.cpp - ONNX elementwise operators -------------===//
//
// Unary math, activations, broadcasting binary operators (ONNX's variadic
// Max, Min, Sum and Mean become chains of binary ops), Where, casts and
// linear quantization.
//
//===----------------------------------------------------------------------===//

#include "NodeImporter.h"

#include "tessera/Dialect/Graph/IR/Graph.h"

using namespace mlir;
using namespace tessera;
using namespace tessera::onnx_import;

/// Builds a single-result OpTy at the node (setResults folds it).
template <typename OpTy, typename... Args>
static Value buildOp(NodeImporter &node, Args &&...args) {
  return OpTy::create(node.getBuilder(), node.getLoc(),
                      std::forward<Args>(args)...)
      ->getResult(0);
}

template <typename OpTy> static LogicalResult convertUnary(NodeImporter &node) {
  return node.setResults(buildOp<OpTy>(node, node.getInput(0)));
}

template <typename OpTy>
static LogicalResult convertBinary(NodeImporter &node) {
  // Before opset 7, binary operators aligned the second input at `axis`
  // instead of broadcasting numpy-style.
  if (node.hasAttr("axis"))
    return node.emitError() << "attribute 'axis' (broadcasting of opsets "
                               "before 7) is not supported";
  return node.setResults(
      buildOp<OpTy>(node, node.getInput(0), node.getInput(1)));
}

/// Folds ONNX's variadic inputs into a left-leaning chain of binary ops.
template <typename OpTy> static Value buildChain(NodeImporter &node) {
  Value result = node.getInput(0);
  for (unsigned i = 1, e = node.getNumInputs(); i < e; ++i)
    result = buildOp<OpTy>(node, result, node.getInput(i));
  return result;
}

template <typename OpTy>
static LogicalResult convertVariadic(NodeImporter &node) {
  return node.setResults(buildChain<OpTy>(node));
}

/// Mean: the sum of the inputs divided by their count.
static LogicalResult convertMean(NodeImporter &node) {
  Value sum = buildChain<graph::AddOp>(node);
  if (node.getNumInputs() == 1)
    return node.setResults(sum);
  Type elementType = cast<RankedTensorType>(sum.getType()).getElementType();
  if (!isa<FloatType>(elementType))
    return node.emitError() << "inputs of element type " << elementType
                            << " are not supported (Mean takes floats)";
  OpBuilder &b = node.getBuilder();
  auto count = graph::ConstantOp::create(
      b, node.getLoc(),
      DenseElementsAttr::get(
          RankedTensorType::get({}, elementType),
          ArrayRef<Attribute>(b.getFloatAttr(
              elementType, static_cast<double>(node.getNumInputs())))));
  return node.setResults(buildOp<graph::DivOp>(node, sum, count));
}

//===----------------------------------------------------------------------===//
// Activations with attributes
//===----------------------------------------------------------------------===//

/// An F32 attribute from the node's float attribute `name`.
static FloatAttr getF32(NodeImporter &node, StringRef name,
                        float defaultValue) {
  return node.getBuilder().getF32FloatAttr(
      node.getFloatAttr(name, defaultValue));
}

/// A unary activation whose one attribute is `alpha`.
template <typename OpTy>
static LogicalResult convertAlphaActivation(NodeImporter &node,
                                            float defaultAlpha) {
  return node.setResults(OpTy::create(node.getBuilder(), node.getLoc(),
                                      node.getInput(0),
                                      getF32(node, "alpha", defaultAlpha))
                             .getOperation());
}

static LogicalResult convertSelu(NodeImporter &node) {
  return node.setResults(
      graph::SeluOp::create(node.getBuilder(), node.getLoc(), node.getInput(0),
                            getF32(node, "alpha", 1.67326319217681884765625f),
                            getF32(node, "gamma", 1.05070102214813232421875f))
          .getOperation());
}

static LogicalResult convertHardSigmoid(NodeImporter &node) {
  return node.setResults(graph::HardSigmoidOp::create(
                             node.getBuilder(), node.getLoc(), node.getInput(0),
                             getF32(node, "alpha", 0.2f),
                             getF32(node, "beta", 0.5f))
                             .getOperation());
}

static LogicalResult convertShrink(NodeImporter &node) {
  return node.setResults(
      graph::ShrinkOp::create(node.getBuilder(), node.getLoc(),
                              node.getInput(0), getF32(node, "bias", 0.0f),
                              getF32(node, "lambd", 0.5f))
          .getOperation());
}

/// A scalar constant of `elementType` (a float type) with `value`.
static Value createFloatScalar(NodeImporter &node, Type elementType,
                               float value) {
  OpBuilder &b = node.getBuilder();
  return graph::ConstantOp::create(
      b, node.getLoc(),
      DenseElementsAttr::get(
          RankedTensorType::get({}, elementType),
          ArrayRef<Attribute>(b.getFloatAttr(elementType, value))));
}

static LogicalResult convertClip(NodeImporter &node) {
  Value input = node.getInput(0);
  Value min, max;
  if (node.getOpsetVersion() >= 11) {
    min = node.getInput(1);
    max = node.getInput(2);
  } else {
    // Clip-6 had float attributes instead of inputs.
    Type elementType = cast<RankedTensorType>(input.getType()).getElementType();
    if (!isa<FloatType>(elementType))
      return node.emitError() << "input of element type " << elementType
                              << " is not supported by Clip-6";
    if (node.hasAttr("min"))
      min = createFloatScalar(node, elementType, node.getFloatAttr("min", 0));
    if (node.hasAttr("max"))
      max = createFloatScalar(node, elementType, node.getFloatAttr("max", 0));
  }
  return node.setResults(
      graph::ClipOp::create(node.getBuilder(), node.getLoc(), input, min, max)
          .getOperation());
}

//===----------------------------------------------------------------------===//
// Operators with integer or string attributes
//===----------------------------------------------------------------------===//

static LogicalResult convertIsInf(NodeImporter &node) {
  // ONNX reads the flags as booleans.
  OpBuilder &b = node.getBuilder();
  return node.setResults(buildOp<graph::IsInfOp>(
      node, node.getInput(0),
      b.getI64IntegerAttr(node.getIntAttr("detect_negative", 1) != 0),
      b.getI64IntegerAttr(node.getIntAttr("detect_positive", 1) != 0)));
}

static LogicalResult convertMod(NodeImporter &node) {
  int64_t fmod = node.getIntAttr("fmod", 0);
  Value lhs = node.getInput(0);
  if (fmod != 0 && fmod != 1)
    return node.emitError()
           << "attribute 'fmod' value " << fmod << " is not supported";
  Type elementType = cast<RankedTensorType>(lhs.getType()).getElementType();
  if (fmod == 0 && isa<FloatType>(elementType))
    return node.emitError() << "attribute 'fmod' value 0 is not supported "
                               "for inputs of element type "
                            << elementType << " (ONNX requires fmod = 1)";
  OpBuilder &b = node.getBuilder();
  return node.setResults(buildOp<graph::ModOp>(node, lhs, node.getInput(1),
                                                   b.getI64IntegerAttr(fmod)));
}

static LogicalResult convertBitShift(NodeImporter &node) {
  FailureOr<std::string> direction =
      node.getStringAttrChoice("direction", "", {"LEFT", "RIGHT"});
  if (failed(direction))
    return failure();
  OpBuilder &b = node.getBuilder();
  return node.setResults(buildOp<graph::BitShiftOp>(
      node, node.getInput(0), node.getInput(1), b.getStringAttr(*direction)));
}

//===----------------------------------------------------------------------===//
// Where, casts and quantization
//===----------------------------------------------------------------------===//

static LogicalResult convertWhere(NodeImporter &node) {
  return node.setResults(buildOp<graph::WhereOp>(
      node, node.getInput(0), node.getInput(1), node.getInput(2)));
}

static LogicalResult buildCast(NodeImporter &node, Type to) {
  return node.setResults(
      buildOp<graph::CastOp>(node, node.getInput(0), TypeAttr::get(to)));
}

static LogicalResult convertCast(NodeImporter &node) {
  int64_t dataType = node.getIntAttr("to", 0);
  Type to = convertDataType(dataType, node.getContext());
  if (!to)
    return node.emitError() << "attribute 'to' value " << dataType
                            << " is not supported (no such element type)";
  return buildCast(node, to);
}

static LogicalResult convertCastLike(NodeImporter &node) {
  return buildCast(
      node,
      cast<RankedTensorType>(node.getInput(1).getType()).getElementType());
}

/// QuantizeLinear and DequantizeLinear: (x, scale, zero_point?) and `axis`.
template <typename OpTy>
static LogicalResult convertLinearQuantization(NodeImporter &node) {
  OpBuilder &b = node.getBuilder();
  return node.setResults(
      OpTy::create(b, node.getLoc(), node.getInput(0), node.getInput(1),
                   node.getInput(2),
                   b.getI64IntegerAttr(node.getIntAttr("axis", 1)))
          .getOperation());
}

static LogicalResult convertDynamicQuantizeLinear(NodeImporter &node) {
  return node.setResults(graph::DynamicQuantizeLinearOp::create(
                             node.getBuilder(), node.getLoc(), node.getInput(0))
                             .getOperation());
}

void tessera::onnx_import::populateElementwiseConverters(
    ConverterRegistry &registry) {
  using namespace tessera::graph;
  // Unary math.
  registry.add("Neg", convertUnary<NegOp>);
  registry.add("Abs", convertUnary<AbsOp>);
  registry.add("Sign", convertUnary<SignOp>);
  registry.add("Exp", convertUnary<ExpOp>);
  registry.add("Log", convertUnary<LogOp>);
  registry.add("Sqrt", convertUnary<SqrtOp>);
  registry.add("Reciprocal", convertUnary<ReciprocalOp>);
  registry.add("Tanh", convertUnary<TanhOp>);
  registry.add("Sigmoid", convertUnary<SigmoidOp>);
  registry.add("Erf", convertUnary<ErfOp>);
  registry.add("Sin", convertUnary<SinOp>);
  registry.add("Cos", convertUnary<CosOp>);
  registry.add("Tan", convertUnary<TanOp>);
  registry.add("Asin", convertUnary<AsinOp>);
  registry.add("Acos", convertUnary<AcosOp>);
  registry.add("Atan", convertUnary<AtanOp>);
  registry.add("Sinh", convertUnary<SinhOp>);
  registry.add("Cosh", convertUnary<CoshOp>);
  registry.add("Asinh", convertUnary<AsinhOp>);
  registry.add("Acosh", convertUnary<AcoshOp>);
  registry.add("Atanh", convertUnary<AtanhOp>);
  registry.add("Floor", convertUnary<FloorOp>);
  registry.add("Ceil", convertUnary<CeilOp>);
  registry.add("Round", convertUnary<RoundOp>);
  registry.add("Not", convertUnary<NotOp>);
  registry.add("IsNaN", convertUnary<IsNaNOp>);
  registry.add("IsInf", convertIsInf);

  // Activations.
  registry.add("Relu", convertUnary<ReluOp>);
  registry.add("LeakyRelu", [](NodeImporter &node) {
    return convertAlphaActivation<LeakyReluOp>(node, 0.01f);
  });
  registry.add("PRelu", convertBinary<PReluOp>);
  registry.add("Elu", [](NodeImporter &node) {
    return convertAlphaActivation<EluOp>(node, 1.0f);
  });
  registry.add("Selu", convertSelu);
  registry.add("Celu", [](NodeImporter &node) {
    return convertAlphaActivation<CeluOp>(node, 1.0f);
  });
  registry.add("HardSigmoid", convertHardSigmoid);
  registry.add("HardSwish", convertUnary<HardSwishOp>);
  registry.add("Softplus", convertUnary<SoftplusOp>);
  registry.add("Softsign", convertUnary<SoftsignOp>);
  registry.add("ThresholdedRelu", [](NodeImporter &node) {
    return convertAlphaActivation<ThresholdedReluOp>(node, 1.0f);
  });
  registry.add("Shrink", convertShrink);
  registry.add("Clip", convertClip);

  // Binary operators; Max, Min, Sum and Mean are variadic in ONNX.
  registry.add("Add", convertBinary<AddOp>);
  registry.add("Sub", convertBinary<SubOp>);
  registry.add("Mul", convertBinary<MulOp>);
  registry.add("Div", convertBinary<DivOp>);
  registry.add("Pow", convertBinary<PowOp>);
  registry.add("Mod", convertMod);
  registry.add("Max", convertVariadic<MaxOp>);
  registry.add("Min", convertVariadic<MinOp>);
  registry.add("Sum", convertVariadic<AddOp>);
  registry.add("Mean", convertMean);
  registry.add("And", convertBinary<AndOp>);
  registry.add("Or", convertBinary<OrOp>);
  registry.add("Xor", convertBinary<XorOp>);
  registry.add("BitShift", convertBitShift);
  registry.add("Equal", convertBinary<EqualOp>);
  registry.add("Greater", convertBinary<GreaterOp>);
  registry.add("GreaterOrEqual", convertBinary<GreaterOrEqualOp>);
  registry.add("Less", convertBinary<LessOp>);
  registry.add("LessOrEqual", convertBinary<LessOrEqualOp>);

  // Selection, conversions, quantization.
  registry.add("Where", convertWhere);
  registry.add("Cast", convertCast);
  registry.add("CastLike", convertCastLike);
  registry.add("QuantizeLinear",
               convertLinearQuantization<graph::QuantizeLinearOp>);
  registry.add("DequantizeLinear",
               convertLinearQuantization<graph::DequantizeLinearOp>);
  registry.add("DynamicQuantizeLinear", convertDynamicQuantizeLinear);
}
