//===- NNOps.cpp - Neural-network operators -------------------------------===//
//
// Shape inference and verification of matrix products, convolutions, pooling,
// normalization and softmax. Output sizes follow ONNX's shape inference
// (onnx/defs/nn/defs.cc, math/defs.cc) so that imported models keep the
// shapes ONNX gives them.
//
//===----------------------------------------------------------------------===//

#include "tessera/Dialect/Graph/IR/Graph.h"

#include "mlir/Dialect/Traits.h"
#include "mlir/IR/TypeUtilities.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace tessera::graph;

static constexpr int64_t kDynamic = ShapedType::kDynamic;

/// Dimension `index` of `type`; `?` when the rank is too small.
static int64_t dimOrDynamic(RankedTensorType type, int64_t index) {
  return index >= 0 && index < type.getRank() ? type.getDimSize(index)
                                              : kDynamic;
}

static bool isStatic(int64_t size) { return !ShapedType::isDynamic(size); }

/// Whether two sizes may be equal: one is dynamic, or both are the same.
static bool sizesMayMatch(int64_t lhs, int64_t rhs) {
  return !isStatic(lhs) || !isStatic(rhs) || lhs == rhs;
}

/// Checks an ONNX boolean attribute (an integer 0 or 1).
static LogicalResult verifyFlag(Operation *op, StringRef name, int64_t value) {
  if (value != 0 && value != 1)
    return op->emitOpError("attribute '")
           << name << "' must be 0 or 1, got " << value;
  return success();
}

//===----------------------------------------------------------------------===//
// Matrix products
//===----------------------------------------------------------------------===//

/// numpy.matmul's result shape: a 1-D lhs is a row vector and a 1-D rhs a
/// column vector whose added dimension the result drops; batch dimensions
/// broadcast. Conflicting sizes give `?`.
static SmallVector<int64_t> inferMatMulShape(ArrayRef<int64_t> lhs,
                                             ArrayRef<int64_t> rhs) {
  SmallVector<int64_t> lhsShape(lhs), rhsShape(rhs);
  // A scalar operand is invalid (the verifier says so); inference still gives
  // a ranked result by treating it as a vector of unknown length.
  if (lhsShape.empty())
    lhsShape.push_back(kDynamic);
  if (rhsShape.empty())
    rhsShape.push_back(kDynamic);
  bool lhsIsVector = lhsShape.size() == 1, rhsIsVector = rhsShape.size() == 1;
  if (lhsIsVector)
    lhsShape.insert(lhsShape.begin(), 1);
  if (rhsIsVector)
    rhsShape.push_back(1);
  SmallVector<int64_t> shape = broadcastShapes(ArrayRef(lhsShape).drop_back(2),
                                               ArrayRef(rhsShape).drop_back(2));
  if (!lhsIsVector)
    shape.push_back(lhsShape[lhsShape.size() - 2]);
  if (!rhsIsVector)
    shape.push_back(rhsShape.back());
  return shape;
}

/// Checks what numpy.matmul requires of its operands' shapes.
static LogicalResult verifyMatMulShapes(Operation *op, Value lhsValue,
                                        Value rhsValue) {
  auto lhs = cast<RankedTensorType>(lhsValue.getType());
  auto rhs = cast<RankedTensorType>(rhsValue.getType());
  if (lhs.getRank() < 1 || rhs.getRank() < 1)
    return op->emitOpError("operands must have rank at least 1, got ")
           << lhs << " and " << rhs;
  int64_t lhsContracted = lhs.getShape().back();
  int64_t rhsContracted = rhs.getRank() == 1
                              ? rhs.getDimSize(0)
                              : rhs.getDimSize(rhs.getRank() - 2);
  if (!sizesMayMatch(lhsContracted, rhsContracted))
    return op->emitOpError("contracted dimensions differ: ")
           << lhsContracted << " in " << lhs << " and " << rhsContracted
           << " in " << rhs;
  SmallVector<int64_t> batch;
  ArrayRef<int64_t> lhsBatch =
      lhs.getShape().drop_back(std::min<int64_t>(2, lhs.getRank()));
  ArrayRef<int64_t> rhsBatch =
      rhs.getShape().drop_back(std::min<int64_t>(2, rhs.getRank()));
  if (!OpTrait::util::getBroadcastedShape(lhsBatch, rhsBatch, batch))
    return op->emitOpError("batch dimensions of ")
           << lhs << " and " << rhs << " do not broadcast";
  return success();
}

/// Checks a quantized operand's zero point (or scale): at most the operand's
/// rank (a scalar is per tensor, more is per row or column).
static LogicalResult verifyQuantizationParam(Operation *op, Value param,
                                             StringRef paramName, Value operand,
                                             StringRef operandName,
                                             bool sameElementType) {
  if (!param)
    return success();
  auto paramType = cast<RankedTensorType>(param.getType());
  auto operandType = cast<RankedTensorType>(operand.getType());
  if (sameElementType &&
      paramType.getElementType() != operandType.getElementType())
    return op->emitOpError("'")
           << paramName << "' must have the element type of '" << operandName
           << "', got " << paramType << " for " << operandType;
  if (paramType.getRank() > operandType.getRank())
    return op->emitOpError("'")
           << paramName << "' must have at most the rank of '" << operandName
           << "', got " << paramType << " for " << operandType;
  return success();
}

LogicalResult MatMulOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  auto lhs = cast<RankedTensorType>(adaptor.getLhs().getType());
  auto rhs = cast<RankedTensorType>(adaptor.getRhs().getType());
  types.push_back(RankedTensorType::get(
      inferMatMulShape(lhs.getShape(), rhs.getShape()), lhs.getElementType()));
  return success();
}

LogicalResult MatMulOp::verify() {
  return verifyMatMulShapes(*this, getLhs(), getRhs());
}

LogicalResult GemmOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &types) {
  auto a = cast<RankedTensorType>(adaptor.getA().getType());
  auto b = cast<RankedTensorType>(adaptor.getB().getType());
  int64_t rows =
      a.getRank() == 2 ? a.getDimSize(adaptor.getTransA() ? 1 : 0) : kDynamic;
  int64_t cols =
      b.getRank() == 2 ? b.getDimSize(adaptor.getTransB() ? 0 : 1) : kDynamic;
  types.push_back(RankedTensorType::get({rows, cols}, a.getElementType()));
  return success();
}

LogicalResult GemmOp::verify() {
  if (failed(verifyFlag(*this, "trans_a", getTransA())) ||
      failed(verifyFlag(*this, "trans_b", getTransB())))
    return failure();
  RankedTensorType a = getA().getType(), b = getB().getType();
  if (a.getRank() != 2 || b.getRank() != 2)
    return emitOpError("'a' and 'b' must be 2-D, got ") << a << " and " << b;
  int64_t aContracted = a.getDimSize(getTransA() ? 0 : 1);
  int64_t bContracted = b.getDimSize(getTransB() ? 1 : 0);
  if (!sizesMayMatch(aContracted, bContracted))
    return emitOpError("contracted dimensions differ: ")
           << aContracted << " in " << a << " and " << bContracted << " in "
           << b;
  if (!getC())
    return success();
  RankedTensorType c = getC().getType();
  if (c.getElementType() != a.getElementType())
    return emitOpError("'c' must have the element type of 'a', got ") << c;
  // C broadcasts unidirectionally to the M x N result.
  int64_t result[] = {a.getDimSize(getTransA() ? 1 : 0),
                      b.getDimSize(getTransB() ? 0 : 1)};
  bool broadcasts = c.getRank() <= 2;
  for (int64_t i = 0; broadcasts && i < c.getRank(); ++i) {
    int64_t size = c.getDimSize(c.getRank() - 1 - i);
    broadcasts = size == 1 || sizesMayMatch(size, result[1 - i]);
  }
  if (!broadcasts)
    return emitOpError("'c' of type ")
           << c << " does not broadcast to the result shape " << result[0]
           << "x" << result[1];
  return success();
}

LogicalResult MatMulIntegerOp::inferReturnTypes(MLIRContext *context,
                                                std::optional<Location>,
                                                Adaptor adaptor,
                                                SmallVectorImpl<Type> &types) {
  auto lhs = cast<RankedTensorType>(adaptor.getLhs().getType());
  auto rhs = cast<RankedTensorType>(adaptor.getRhs().getType());
  types.push_back(
      RankedTensorType::get(inferMatMulShape(lhs.getShape(), rhs.getShape()),
                            IntegerType::get(context, 32)));
  return success();
}

LogicalResult MatMulIntegerOp::verify() {
  if (failed(verifyMatMulShapes(*this, getLhs(), getRhs())) ||
      failed(verifyQuantizationParam(*this, getLhsZeroPoint(), "lhs_zero_point",
                                     getLhs(), "lhs",
                                     /*sameElementType=*/true)) ||
      failed(verifyQuantizationParam(*this, getRhsZeroPoint(), "rhs_zero_point",
                                     getRhs(), "rhs",
                                     /*sameElementType=*/true)))
    return failure();
  return success();
}

LogicalResult QLinearMatMulOp::inferReturnTypes(MLIRContext *,
                                                std::optional<Location>,
                                                Adaptor adaptor,
                                                SmallVectorImpl<Type> &types) {
  auto lhs = cast<RankedTensorType>(adaptor.getLhs().getType());
  auto rhs = cast<RankedTensorType>(adaptor.getRhs().getType());
  auto outputZeroPoint =
      cast<RankedTensorType>(adaptor.getOutputZeroPoint().getType());
  types.push_back(
      RankedTensorType::get(inferMatMulShape(lhs.getShape(), rhs.getShape()),
                            outputZeroPoint.getElementType()));
  return success();
}

LogicalResult QLinearMatMulOp::verify() {
  if (failed(verifyMatMulShapes(*this, getLhs(), getRhs())))
    return failure();
  struct Param {
    Value value;
    StringRef name;
    Value operand;
    StringRef operandName;
    bool sameElementType;
  };
  Param params[] = {
      {getLhsScale(), "lhs_scale", getLhs(), "lhs", false},
      {getLhsZeroPoint(), "lhs_zero_point", getLhs(), "lhs", true},
      {getRhsScale(), "rhs_scale", getRhs(), "rhs", false},
      {getRhsZeroPoint(), "rhs_zero_point", getRhs(), "rhs", true},
      {getOutputScale(), "output_scale", getOutput(), "output", false},
      {getOutputZeroPoint(), "output_zero_point", getOutput(), "output", true},
  };
  for (const Param &param : params)
    if (failed(verifyQuantizationParam(*this, param.value, param.name,
                                       param.operand, param.operandName,
                                       param.sameElementType)))
      return failure();
  return success();
}

//===----------------------------------------------------------------------===//
// Convolution and pooling windows
//===----------------------------------------------------------------------===//

namespace {
/// The window attributes of a convolution or pooling operator. Absent
/// strides and dilations are 1, absent pads 0 (ONNX's defaults).
struct Window {
  /// One size per spatial dimension; `?` where unknown (a dynamic weight).
  SmallVector<int64_t> kernel;
  std::optional<ArrayRef<int64_t>> strides, dilations, pads;
  StringRef autoPad = "NOTSET";
  bool ceilMode = false;

  int64_t stride(size_t i) const { return strides ? (*strides)[i] : 1; }
  int64_t dilation(size_t i) const { return dilations ? (*dilations)[i] : 1; }
  int64_t dilatedKernel(size_t i) const {
    return (kernel[i] - 1) * dilation(i) + 1;
  }
  /// Whether every attribute has one value per spatial dimension (two for
  /// pads), so that indexing them is safe.
  bool hasSpatialRank(size_t rank) const {
    return kernel.size() == rank && (!strides || strides->size() == rank) &&
           (!dilations || dilations->size() == rank) &&
           (!pads || pads->size() == 2 * rank);
  }
  /// Whether the sizes along spatial dimension `i` are valid and known.
  bool isValidAxis(size_t i) const {
    return isStatic(kernel[i]) && kernel[i] > 0 && stride(i) > 0 &&
           dilation(i) > 0 &&
           (!pads || ((*pads)[i] >= 0 && (*pads)[i + kernel.size()] >= 0));
  }
};
} // namespace

static bool isSamePadding(StringRef autoPad) {
  return autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER";
}

/// The spatial output sizes of a convolution or pooling window sliding over
/// `inputSizes`, by ONNX's convPoolShapeInference: explicit pads take
/// precedence over `auto_pad`; SAME pads are the total padding ONNX chooses
/// (split evenly, the odd element at the end for SAME_UPPER, at the start for
/// SAME_LOWER); VALID and NOTSET without pads pad nothing; `ceil_mode` rounds
/// the number of strides up. `?` where a size is dynamic, an attribute is
/// invalid or the window does not fit; the verifier reports the last two.
static SmallVector<int64_t> inferWindowOutputSizes(ArrayRef<int64_t> inputSizes,
                                                   const Window &window) {
  size_t rank = inputSizes.size();
  SmallVector<int64_t> sizes(rank, kDynamic);
  if (!window.hasSpatialRank(rank))
    return sizes;
  for (size_t i = 0; i < rank; ++i) {
    int64_t input = inputSizes[i];
    if (!isStatic(input) || !window.isValidAxis(i))
      continue;
    int64_t kernel = window.dilatedKernel(i), stride = window.stride(i);
    int64_t padBegin = 0, padEnd = 0;
    if (window.pads) {
      padBegin = (*window.pads)[i];
      padEnd = (*window.pads)[i + rank];
    } else if (isSamePadding(window.autoPad)) {
      int64_t residual = input % stride;
      int64_t totalPad =
          std::max<int64_t>(0, kernel - (residual == 0 ? stride : residual));
      int64_t smallHalf = totalPad / 2, bigHalf = totalPad - smallHalf;
      bool upper = window.autoPad == "SAME_UPPER";
      padBegin = upper ? smallHalf : bigHalf;
      padEnd = upper ? bigHalf : smallHalf;
    }
    int64_t span = input + padBegin + padEnd - kernel;
    if (span < 0)
      continue;
    sizes[i] =
        1 + (window.ceilMode ? llvm::divideCeil(span, stride) : span / stride);
  }
  return sizes;
}

/// Checks that `name` (when present) has `count` values, each at least
/// `minValue`.
static LogicalResult verifyWindowAttr(Operation *op, StringRef name,
                                      std::optional<ArrayRef<int64_t>> values,
                                      size_t count, int64_t minValue) {
  if (!values)
    return success();
  if (values->size() != count)
    return op->emitOpError("attribute '") << name << "' must have " << count
                                          << " values, got " << values->size();
  if (llvm::any_of(*values, [&](int64_t v) { return v < minValue; }))
    return op->emitOpError("attribute '")
           << name << "' values must be "
           << (minValue == 0 ? "non-negative" : "positive");
  return success();
}

static LogicalResult verifyAutoPad(Operation *op, StringRef autoPad,
                                   bool hasPads) {
  if (autoPad != "NOTSET" && autoPad != "VALID" && !isSamePadding(autoPad))
    return op->emitOpError("attribute 'auto_pad' must be NOTSET, SAME_UPPER, "
                           "SAME_LOWER or VALID, got '")
           << autoPad << "'";
  if (hasPads && autoPad != "NOTSET")
    return op->emitOpError("attribute 'pads' cannot be used with auto_pad '")
           << autoPad << "'";
  return success();
}

/// Checks the window attributes of an `N x C x D1 x ... x Dn` input and that
/// the window fits in every static (padded) spatial dimension.
static LogicalResult verifyWindow(Operation *op, RankedTensorType input,
                                  const Window &window,
                                  std::optional<ArrayRef<int64_t>> kernelShape,
                                  bool hasDilations) {
  if (input.getRank() < 3)
    return op->emitOpError("'input' must have rank at least 3 (N x C x D1 x "
                           "...), got ")
           << input;
  size_t spatialRank = input.getRank() - 2;
  if (failed(verifyAutoPad(op, window.autoPad, window.pads.has_value())) ||
      failed(
          verifyWindowAttr(op, "kernel_shape", kernelShape, spatialRank, 1)) ||
      failed(verifyWindowAttr(op, "strides", window.strides, spatialRank, 1)) ||
      (hasDilations &&
       failed(verifyWindowAttr(op, "dilations", window.dilations, spatialRank,
                               1))) ||
      failed(verifyWindowAttr(op, "pads", window.pads, 2 * spatialRank, 0)))
    return failure();
  ArrayRef<int64_t> inputSizes = input.getShape().drop_front(2);
  SmallVector<int64_t> outputSizes = inferWindowOutputSizes(inputSizes, window);
  for (size_t i = 0; i < spatialRank; ++i)
    if (isStatic(inputSizes[i]) && isStatic(window.kernel[i]) &&
        !isStatic(outputSizes[i]))
      return op->emitOpError("window of size ")
             << window.dilatedKernel(i) << " (dilated) does not fit in "
             << "spatial dimension " << i << " of size " << inputSizes[i]
             << " and its padding";
  return success();
}

/// Checks that an optional bias is a vector of `channels` elements of
/// `elementType`.
static LogicalResult verifyBias(Operation *op, Value bias, int64_t channels,
                                Type elementType) {
  if (!bias)
    return success();
  auto type = cast<RankedTensorType>(bias.getType());
  if (type.getElementType() != elementType || type.getRank() != 1 ||
      !sizesMayMatch(type.getDimSize(0), channels))
    return op->emitOpError("'bias' must be a vector of ")
           << channels << " output channels of " << elementType << ", got "
           << type;
  return success();
}

//===----------------------------------------------------------------------===//
// Convolutions
//===----------------------------------------------------------------------===//

/// The kernel's spatial sizes: `kernel_shape` when given, the weight's
/// spatial dimensions otherwise (`?` where unknown).
static SmallVector<int64_t>
getKernelSizes(RankedTensorType input, RankedTensorType weight,
               std::optional<ArrayRef<int64_t>> kernelShape) {
  if (kernelShape)
    return SmallVector<int64_t>(*kernelShape);
  int64_t spatialRank = std::max<int64_t>(0, input.getRank() - 2);
  if (weight.getRank() != input.getRank() || spatialRank == 0)
    return SmallVector<int64_t>(spatialRank, kDynamic);
  return SmallVector<int64_t>(weight.getShape().drop_front(2));
}

/// The result shape of a convolution (Conv, ConvInteger): N x M x O1...On.
template <typename ConvOpOrAdaptor>
static SmallVector<int64_t> inferConvShape(ConvOpOrAdaptor op) {
  auto input = cast<RankedTensorType>(op.getInput().getType());
  auto weight = cast<RankedTensorType>(op.getWeight().getType());
  SmallVector<int64_t> shape(input.getRank(), kDynamic);
  if (input.getRank() < 2)
    return shape;
  shape[0] = input.getDimSize(0);
  shape[1] = dimOrDynamic(weight, 0);
  Window window{getKernelSizes(input, weight, op.getKernelShape()),
                op.getStrides(), op.getDilations(), op.getPads(),
                op.getAutoPad()};
  llvm::copy(inferWindowOutputSizes(input.getShape().drop_front(2), window),
             shape.begin() + 2);
  return shape;
}

/// Checks a convolution's (Conv, ConvInteger) operands and attributes:
/// weight M x C/group x k1 x ... x kn for input N x C x D1 x ... x Dn.
template <typename ConvOpTy> static LogicalResult verifyConv(ConvOpTy op) {
  RankedTensorType input = op.getInput().getType();
  RankedTensorType weight = op.getWeight().getType();
  int64_t group = op.getGroup();
  if (group < 1)
    return op.emitOpError("attribute 'group' must be positive, got ") << group;
  if (input.getRank() >= 3 && weight.getRank() != input.getRank())
    return op.emitOpError("'weight' must have the rank of 'input' (")
           << input.getRank() << "), got " << weight;
  Window window{getKernelSizes(input, weight, op.getKernelShape()),
                op.getStrides(), op.getDilations(), op.getPads(),
                op.getAutoPad()};
  if (failed(verifyWindow(op, input, window, op.getKernelShape(),
                          /*hasDilations=*/true)))
    return failure();
  int64_t channels = input.getDimSize(1);
  int64_t groupChannels = weight.getDimSize(1);
  if (isStatic(groupChannels) &&
      !sizesMayMatch(channels, groupChannels * group))
    return op.emitOpError("'input' has ")
           << channels << " channels but 'weight' expects " << groupChannels
           << " per group x " << group << " groups";
  int64_t outputChannels = weight.getDimSize(0);
  if (isStatic(outputChannels) && outputChannels % group != 0)
    return op.emitOpError("'weight' has ")
           << outputChannels << " output channels, not a multiple of " << group
           << " groups";
  if (std::optional<ArrayRef<int64_t>> kernelShape = op.getKernelShape())
    for (auto [i, size] : llvm::enumerate(*kernelShape))
      if (!sizesMayMatch(size, weight.getDimSize(i + 2)))
        return op.emitOpError("attribute 'kernel_shape' does not match the "
                              "spatial dimensions of 'weight' ")
               << weight;
  return success();
}

LogicalResult ConvOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &types) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  types.push_back(
      RankedTensorType::get(inferConvShape(adaptor), input.getElementType()));
  return success();
}

LogicalResult ConvOp::verify() {
  if (failed(verifyConv(*this)))
    return failure();
  return verifyBias(*this, getBias(), getWeight().getType().getDimSize(0),
                    getInput().getType().getElementType());
}

LogicalResult ConvIntegerOp::inferReturnTypes(MLIRContext *context,
                                              std::optional<Location>,
                                              Adaptor adaptor,
                                              SmallVectorImpl<Type> &types) {
  types.push_back(RankedTensorType::get(inferConvShape(adaptor),
                                        IntegerType::get(context, 32)));
  return success();
}

/// Checks a per-tensor (one element) or, when `channels` is given,
/// per-channel (a vector of `channels`) quantization parameter of
/// `elementType`.
static LogicalResult verifyQuantizationVector(Operation *op, Value param,
                                              StringRef name, Type elementType,
                                              std::optional<int64_t> channels) {
  auto type = cast<RankedTensorType>(param.getType());
  bool perTensor =
      type.getRank() == 0 ||
      (type.getRank() == 1 && sizesMayMatch(type.getDimSize(0), 1));
  bool perChannel = channels && type.getRank() == 1 &&
                    sizesMayMatch(type.getDimSize(0), *channels);
  if (type.getElementType() != elementType || !(perTensor || perChannel))
    return op->emitOpError("'")
           << name << "' must be a single " << elementType
           << (channels ? " or one per output channel" : "") << ", got "
           << type;
  return success();
}

LogicalResult ConvIntegerOp::verify() {
  if (failed(verifyConv(*this)))
    return failure();
  RankedTensorType input = getInput().getType(), weight = getWeight().getType();
  if (Value zeroPoint = getInputZeroPoint())
    if (failed(verifyQuantizationVector(*this, zeroPoint, "input_zero_point",
                                        input.getElementType(),
                                        /*channels=*/std::nullopt)))
      return failure();
  if (Value zeroPoint = getWeightZeroPoint())
    if (failed(verifyQuantizationVector(*this, zeroPoint, "weight_zero_point",
                                        weight.getElementType(),
                                        weight.getDimSize(0))))
      return failure();
  return success();
}

LogicalResult QLinearConvOp::inferReturnTypes(MLIRContext *,
                                              std::optional<Location>,
                                              Adaptor adaptor,
                                              SmallVectorImpl<Type> &types) {
  auto outputZeroPoint =
      cast<RankedTensorType>(adaptor.getOutputZeroPoint().getType());
  types.push_back(RankedTensorType::get(inferConvShape(adaptor),
                                        outputZeroPoint.getElementType()));
  return success();
}

LogicalResult QLinearConvOp::verify() {
  if (failed(verifyConv(*this)))
    return failure();
  int64_t outputChannels = getWeight().getType().getDimSize(0);
  Type f32 = Float32Type::get(getContext());
  struct Param {
    Value value;
    StringRef name;
    Type elementType;
    std::optional<int64_t> channels;
  };
  Param params[] = {
      {getInputScale(), "input_scale", f32, std::nullopt},
      {getInputZeroPoint(), "input_zero_point",
       getInput().getType().getElementType(), std::nullopt},
      {getWeightScale(), "weight_scale", f32, outputChannels},
      {getWeightZeroPoint(), "weight_zero_point",
       getWeight().getType().getElementType(), outputChannels},
      {getOutputScale(), "output_scale", f32, std::nullopt},
      {getOutputZeroPoint(), "output_zero_point",
       getOutput().getType().getElementType(), std::nullopt},
  };
  for (const Param &param : params)
    if (failed(verifyQuantizationVector(*this, param.value, param.name,
                                        param.elementType, param.channels)))
      return failure();
  return verifyBias(*this, getBias(), outputChannels,
                    IntegerType::get(getContext(), 32));
}

/// The result shape of a transposed convolution, N x M x O1 x ... x On, by
/// onnx convTransposeShapeInference. SAME padding totals dilated kernel -
/// stride, so the size is input x stride (+ output_padding) when the kernel
/// spans the stride; `output_shape` gives the spatial sizes directly.
template <typename ConvTransposeOpOrAdaptor>
static SmallVector<int64_t>
inferConvTransposeShape(ConvTransposeOpOrAdaptor op) {
  auto input = cast<RankedTensorType>(op.getInput().getType());
  auto weight = cast<RankedTensorType>(op.getWeight().getType());
  SmallVector<int64_t> shape(input.getRank(), kDynamic);
  if (input.getRank() < 2)
    return shape;
  shape[0] = input.getDimSize(0);
  int64_t group = op.getGroup();
  int64_t groupChannels = dimOrDynamic(weight, 1);
  if (isStatic(groupChannels) && group > 0)
    shape[1] = groupChannels * group;
  size_t rank = input.getRank() - 2;
  ArrayRef<int64_t> inputSizes = input.getShape().drop_front(2);
  std::optional<ArrayRef<int64_t>> outputShape = op.getOutputShape();
  if (outputShape) {
    if (outputShape->size() == rank)
      for (size_t i = 0; i < rank; ++i)
        if ((*outputShape)[i] > 0)
          shape[i + 2] = (*outputShape)[i];
    return shape;
  }
  std::optional<ArrayRef<int64_t>> outputPadding = op.getOutputPadding();
  Window window{getKernelSizes(input, weight, op.getKernelShape()),
                op.getStrides(), op.getDilations(), op.getPads(),
                op.getAutoPad()};
  if (!window.hasSpatialRank(rank) ||
      (outputPadding && outputPadding->size() != rank))
    return shape;
  for (size_t i = 0; i < rank; ++i) {
    int64_t extra = outputPadding ? (*outputPadding)[i] : 0;
    if (!isStatic(inputSizes[i]) || !window.isValidAxis(i) || extra < 0)
      continue;
    int64_t kernel = window.dilatedKernel(i), stride = window.stride(i);
    int64_t totalPad = 0;
    if (window.pads)
      totalPad = (*window.pads)[i] + (*window.pads)[i + rank];
    else if (isSamePadding(window.autoPad))
      totalPad = std::max<int64_t>(0, kernel - stride);
    int64_t size = stride * (inputSizes[i] - 1) + extra + kernel - totalPad;
    if (size > 0)
      shape[i + 2] = size;
  }
  return shape;
}

LogicalResult ConvTransposeOp::inferReturnTypes(MLIRContext *,
                                                std::optional<Location>,
                                                Adaptor adaptor,
                                                SmallVectorImpl<Type> &types) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  types.push_back(RankedTensorType::get(inferConvTransposeShape(adaptor),
                                        input.getElementType()));
  return success();
}

LogicalResult ConvTransposeOp::verify() {
  RankedTensorType input = getInput().getType();
  RankedTensorType weight = getWeight().getType();
  int64_t group = getGroup();
  if (group < 1)
    return emitOpError("attribute 'group' must be positive, got ") << group;
  if (input.getRank() < 3)
    return emitOpError("'input' must have rank at least 3 (N x C x D1 x ...), "
                       "got ")
           << input;
  if (weight.getRank() != input.getRank())
    return emitOpError("'weight' must have the rank of 'input' (")
           << input.getRank() << "), got " << weight;
  size_t spatialRank = input.getRank() - 2;
  if (failed(verifyAutoPad(*this, getAutoPad(), getPads().has_value())) ||
      failed(verifyWindowAttr(*this, "kernel_shape", getKernelShape(),
                              spatialRank, 1)) ||
      failed(
          verifyWindowAttr(*this, "strides", getStrides(), spatialRank, 1)) ||
      failed(verifyWindowAttr(*this, "dilations", getDilations(), spatialRank,
                              1)) ||
      failed(verifyWindowAttr(*this, "pads", getPads(), 2 * spatialRank, 0)) ||
      failed(verifyWindowAttr(*this, "output_padding", getOutputPadding(),
                              spatialRank, 0)) ||
      failed(verifyWindowAttr(*this, "output_shape", getOutputShape(),
                              spatialRank, 1)))
    return failure();
  if (std::optional<ArrayRef<int64_t>> kernelShape = getKernelShape())
    for (auto [i, size] : llvm::enumerate(*kernelShape))
      if (!sizesMayMatch(size, weight.getDimSize(i + 2)))
        return emitOpError("attribute 'kernel_shape' does not match the "
                           "spatial dimensions of 'weight' ")
               << weight;
  if (std::optional<ArrayRef<int64_t>> outputPadding = getOutputPadding())
    for (auto [i, extra] : llvm::enumerate(*outputPadding)) {
      int64_t stride = getStrides() ? (*getStrides())[i] : 1;
      int64_t dilation = getDilations() ? (*getDilations())[i] : 1;
      if (extra >= std::max(stride, dilation))
        return emitOpError("attribute 'output_padding' values must be less "
                           "than the stride or dilation, got ")
               << extra << " along spatial dimension " << i;
    }
  if (!sizesMayMatch(input.getDimSize(1), weight.getDimSize(0)))
    return emitOpError("'input' has ")
           << input.getDimSize(1) << " channels but 'weight' expects "
           << weight.getDimSize(0);
  if (isStatic(weight.getDimSize(0)) && weight.getDimSize(0) % group != 0)
    return emitOpError("'weight' has ")
           << weight.getDimSize(0) << " input channels, not a multiple of "
           << group << " groups";
  SmallVector<int64_t> shape = inferConvTransposeShape(*this);
  for (int64_t i = 2; i < input.getRank(); ++i)
    if (isStatic(input.getDimSize(i)) && isStatic(weight.getDimSize(i)) &&
        !isStatic(shape[i]))
      return emitOpError("the padding leaves no output along spatial "
                         "dimension ")
             << i - 2;
  return verifyBias(*this, getBias(), shape[1], input.getElementType());
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

/// N x C x O1 x ... x On for a pooling window over N x C x D1 x ... x Dn.
static RankedTensorType inferPoolType(Type inputType, const Window &window) {
  auto input = cast<RankedTensorType>(inputType);
  SmallVector<int64_t> shape(input.getShape());
  if (input.getRank() >= 2)
    llvm::copy(inferWindowOutputSizes(input.getShape().drop_front(2), window),
               shape.begin() + 2);
  return RankedTensorType::get(shape, input.getElementType());
}

LogicalResult MaxPoolOp::inferReturnTypes(MLIRContext *context,
                                          std::optional<Location>,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &types) {
  Window window{SmallVector<int64_t>(adaptor.getKernelShape()),
                adaptor.getStrides(),
                adaptor.getDilations(),
                adaptor.getPads(),
                adaptor.getAutoPad(),
                adaptor.getCeilMode() != 0};
  RankedTensorType output = inferPoolType(adaptor.getInput().getType(), window);
  types.push_back(output);
  types.push_back(output.clone(IntegerType::get(context, 64)));
  return success();
}

LogicalResult MaxPoolOp::verify() {
  Window window{SmallVector<int64_t>(getKernelShape()),
                getStrides(),
                getDilations(),
                getPads(),
                getAutoPad(),
                getCeilMode() != 0};
  if (failed(verifyFlag(*this, "ceil_mode", getCeilMode())) ||
      failed(verifyFlag(*this, "storage_order", getStorageOrder())))
    return failure();
  return verifyWindow(*this, getInput().getType(), window, getKernelShape(),
                      /*hasDilations=*/true);
}

LogicalResult AveragePoolOp::inferReturnTypes(MLIRContext *,
                                              std::optional<Location>,
                                              Adaptor adaptor,
                                              SmallVectorImpl<Type> &types) {
  Window window{SmallVector<int64_t>(adaptor.getKernelShape()),
                adaptor.getStrides(),
                /*dilations=*/std::nullopt,
                adaptor.getPads(),
                adaptor.getAutoPad(),
                adaptor.getCeilMode() != 0};
  types.push_back(inferPoolType(adaptor.getInput().getType(), window));
  return success();
}

LogicalResult AveragePoolOp::verify() {
  Window window{SmallVector<int64_t>(getKernelShape()),
                getStrides(),
                /*dilations=*/std::nullopt,
                getPads(),
                getAutoPad(),
                getCeilMode() != 0};
  if (failed(verifyFlag(*this, "ceil_mode", getCeilMode())) ||
      failed(verifyFlag(*this, "count_include_pad", getCountIncludePad())))
    return failure();
  return verifyWindow(*this, getInput().getType(), window, getKernelShape(),
                      /*hasDilations=*/false);
}

LogicalResult LpPoolOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  Window window{SmallVector<int64_t>(adaptor.getKernelShape()),
                adaptor.getStrides(), /*dilations=*/std::nullopt,
                adaptor.getPads(), adaptor.getAutoPad()};
  types.push_back(inferPoolType(adaptor.getInput().getType(), window));
  return success();
}

LogicalResult LpPoolOp::verify() {
  Window window{SmallVector<int64_t>(getKernelShape()), getStrides(),
                /*dilations=*/std::nullopt, getPads(), getAutoPad()};
  if (static_cast<int64_t>(getP()) < 1)
    return emitOpError("attribute 'p' must be positive, got ")
           << static_cast<int64_t>(getP());
  return verifyWindow(*this, getInput().getType(), window, getKernelShape(),
                      /*hasDilations=*/false);
}

/// N x C x 1 x ... x 1 (ONNX globalPoolTypeShapeInference).
static Type inferGlobalPoolType(Type inputType) {
  auto input = cast<RankedTensorType>(inputType);
  SmallVector<int64_t> shape(input.getShape());
  for (int64_t i = 2; i < input.getRank(); ++i)
    shape[i] = 1;
  return RankedTensorType::get(shape, input.getElementType());
}

/// Checks a global pooling operator: an N x C x ... input, and LpPool's p.
template <typename GlobalPoolOpTy>
static LogicalResult verifyGlobalPool(GlobalPoolOpTy op) {
  RankedTensorType input = op.getInput().getType();
  if (input.getRank() < 2)
    return op.emitOpError("'input' must have rank at least 2 (N x C x ...), "
                          "got ")
           << input;
  if constexpr (std::is_same_v<GlobalPoolOpTy, GlobalLpPoolOp>)
    if (static_cast<int64_t>(op.getP()) < 1)
      return op.emitOpError("attribute 'p' must be positive, got ")
             << static_cast<int64_t>(op.getP());
  return success();
}

//===----------------------------------------------------------------------===//
// Normalization
//===----------------------------------------------------------------------===//

/// Checks that `value` is a vector of `channels` elements (dimension 1 of an
/// N x C x ... input).
static LogicalResult verifyChannelVector(Operation *op, Value value,
                                         StringRef name, int64_t channels) {
  auto type = cast<RankedTensorType>(value.getType());
  if (type.getRank() != 1 || !sizesMayMatch(type.getDimSize(0), channels))
    return op->emitOpError("'") << name << "' must be a vector of " << channels
                                << " elements (one per channel), got " << type;
  return success();
}

static LogicalResult verifyChannelInput(Operation *op, RankedTensorType input,
                                        int64_t minRank) {
  if (input.getRank() < minRank)
    return op->emitOpError("'input' must have rank at least ")
           << minRank << " (N x C x ...), got " << input;
  return success();
}

static LogicalResult verifyEpsilon(Operation *op, const APFloat &epsilon) {
  if (epsilon.isNegative() || !epsilon.isFinite())
    return op->emitOpError("attribute 'epsilon' must be finite and "
                           "non-negative, got ")
           << epsilon.convertToDouble();
  return success();
}

LogicalResult BatchNormOp::verify() {
  RankedTensorType input = getInput().getType();
  if (failed(verifyChannelInput(*this, input, 2)) ||
      failed(verifyEpsilon(*this, getEpsilon())))
    return failure();
  int64_t channels = input.getDimSize(1);
  for (auto [value, name] : {std::pair<Value, StringRef>{getScale(), "scale"},
                             {getBias(), "bias"},
                             {getInputMean(), "input_mean"},
                             {getInputVar(), "input_var"}})
    if (failed(verifyChannelVector(*this, value, name, channels)))
      return failure();
  return success();
}

/// The element type of LayerNormalization's statistics: `stash_type` is an
/// ONNX TensorProto data type (1 FLOAT, 16 BFLOAT16); others fall back to
/// f32 for inference and the verifier rejects them.
static Type getStashElementType(MLIRContext *context, int64_t stashType) {
  if (stashType == 16)
    return BFloat16Type::get(context);
  return Float32Type::get(context);
}

LogicalResult LayerNormOp::inferReturnTypes(MLIRContext *context,
                                            std::optional<Location>,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &types) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  SmallVector<int64_t> statsShape(input.getShape());
  if (std::optional<int64_t> axis =
          normalizeAxis(adaptor.getAxis(), input.getRank()))
    std::fill(statsShape.begin() + *axis, statsShape.end(), 1);
  else
    std::fill(statsShape.begin(), statsShape.end(), kDynamic);
  auto statsType = RankedTensorType::get(
      statsShape, getStashElementType(context, adaptor.getStashType()));
  types.append({input, statsType, statsType});
  return success();
}

/// Checks that `value` broadcasts unidirectionally to `shape` (the normalized
/// dimensions): its dimensions, aligned at the back, are 1 or equal.
static LogicalResult verifyBroadcastsTo(Operation *op, Value value,
                                        StringRef name,
                                        ArrayRef<int64_t> shape) {
  auto type = cast<RankedTensorType>(value.getType());
  bool broadcasts = type.getRank() <= static_cast<int64_t>(shape.size());
  for (int64_t i = 0; broadcasts && i < type.getRank(); ++i) {
    int64_t size = type.getDimSize(type.getRank() - 1 - i);
    broadcasts = size == 1 || sizesMayMatch(size, shape[shape.size() - 1 - i]);
  }
  if (!broadcasts)
    return op->emitOpError("'")
           << name << "' of type " << type
           << " does not broadcast to the normalized dimensions";
  return success();
}

LogicalResult LayerNormOp::verify() {
  RankedTensorType input = getInput().getType();
  int64_t axisValue = getAxis();
  std::optional<int64_t> axis = normalizeAxis(axisValue, input.getRank());
  if (!axis)
    return emitOpError("attribute 'axis' must be in [")
           << -input.getRank() << ", " << input.getRank() << "), got "
           << axisValue;
  int64_t stashType = getStashType();
  if (stashType != 1 && stashType != 16)
    return emitOpError("attribute 'stash_type' must be 1 (f32) or 16 (bf16), "
                       "got ")
           << stashType;
  if (failed(verifyEpsilon(*this, getEpsilon())))
    return failure();
  ArrayRef<int64_t> normalized = input.getShape().drop_front(*axis);
  if (failed(verifyBroadcastsTo(*this, getScale(), "scale", normalized)))
    return failure();
  if (Value bias = getBias()) {
    if (getElementTypeOrSelf(bias) != input.getElementType())
      return emitOpError("'bias' must have the element type of 'input'");
    if (failed(verifyBroadcastsTo(*this, bias, "bias", normalized)))
      return failure();
  }
  return success();
}

LogicalResult InstanceNormOp::verify() {
  RankedTensorType input = getInput().getType();
  if (failed(verifyChannelInput(*this, input, 3)) ||
      failed(verifyEpsilon(*this, getEpsilon())) ||
      failed(verifyChannelVector(*this, getScale(), "scale",
                                 input.getDimSize(1))) ||
      failed(
          verifyChannelVector(*this, getBias(), "bias", input.getDimSize(1))))
    return failure();
  return success();
}

LogicalResult GroupNormOp::verify() {
  RankedTensorType input = getInput().getType();
  if (failed(verifyChannelInput(*this, input, 2)) ||
      failed(verifyEpsilon(*this, getEpsilon())))
    return failure();
  int64_t groups = getNumGroups();
  if (groups < 1)
    return emitOpError("attribute 'num_groups' must be positive, got ")
           << groups;
  int64_t channels = input.getDimSize(1);
  if (isStatic(channels) && channels % groups != 0)
    return emitOpError("'input' has ")
           << channels << " channels, not a multiple of " << groups
           << " groups";
  if (failed(verifyChannelVector(*this, getScale(), "scale", channels)) ||
      failed(verifyChannelVector(*this, getBias(), "bias", channels)))
    return failure();
  return success();
}

LogicalResult LRNOp::verify() {
  if (failed(verifyChannelInput(*this, getInput().getType(), 2)))
    return failure();
  if (static_cast<int64_t>(getSize()) < 1)
    return emitOpError("attribute 'size' must be positive, got ")
           << static_cast<int64_t>(getSize());
  return success();
}

LogicalResult MeanVarianceNormalizationOp::verify() {
  int64_t rank = getInput().getType().getRank();
  llvm::SmallDenseSet<int64_t> seen;
  for (int64_t axis : getAxes()) {
    std::optional<int64_t> normalized = normalizeAxis(axis, rank);
    if (!normalized)
      return emitOpError("attribute 'axes' value ")
             << axis << " is out of range for rank " << rank;
    if (!seen.insert(*normalized).second)
      return emitOpError("attribute 'axes' repeats axis ") << axis;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Softmax family
//===----------------------------------------------------------------------===//

static LogicalResult verifySoftmaxAxis(Operation *op, int64_t axis,
                                       Type inputType) {
  int64_t rank = cast<RankedTensorType>(inputType).getRank();
  if (!normalizeAxis(axis, rank))
    return op->emitOpError("attribute 'axis' must be in [")
           << -rank << ", " << rank << "), got " << axis;
  return success();
}

#define GET_OP_CLASSES
#include "tessera/Dialect/Graph/IR/GraphNNOps.cpp.inc"

void GraphDialect::registerNNOps() {
  addOperations<
#define GET_OP_LIST
#include "tessera/Dialect/Graph/IR/GraphNNOps.cpp.inc"
      >();
}
