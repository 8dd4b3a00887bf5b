//===- NN.cpp - Matrix products, convolutions and pooling to te -----------===//
//
// Matrix products are one contraction stage (reads at (b, i, k) and (b, k, j)
// that convert-te-to-linalg turns into linalg.matmul / batch_matmul) plus an
// elementwise epilogue where the op has one (gemm's alpha/beta/C, a
// quantized product's requantization). Convolutions and pooling read their
// input at `o * stride + k * dilation - pad_begin` with a `padding` value, so
// that they become tensor.pad + linalg.conv_* / linalg.pooling_*; grouped
// convolutions compute on N x G x C/G x ... views of their operands, which is
// linalg.conv_2d_ngchw_gfchw. Biases are epilogue stages.
//
//===----------------------------------------------------------------------===//

#include "ComputeBuilder.h"
#include "Patterns.h"

#include "tessera/Dialect/Graph/IR/Graph.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

#include <cmath>

using namespace mlir;
using namespace tessera;
using namespace tessera::graph_to_te;

namespace {

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

RankedTensorType tensorType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

/// `sum(terms[i].first * terms[i].second) + constant` on index values,
/// built so that convert-te-to-linalg sees an affine expression.
Value linearIndex(ComputeBody &body, ArrayRef<std::pair<Value, int64_t>> terms,
                  int64_t constant) {
  Value result;
  SmallVector<Value> subtracted;
  for (auto [value, coefficient] : terms) {
    if (coefficient == 0)
      continue;
    int64_t magnitude = coefficient < 0 ? -coefficient : coefficient;
    Value term = magnitude == 1 ? value
                                : arith::MulIOp::create(body.b, body.loc, value,
                                                        body.index(magnitude))
                                      .getResult();
    if (coefficient < 0)
      subtracted.push_back(term);
    else
      result = result ? arith::AddIOp::create(body.b, body.loc, result, term)
                            .getResult()
                      : term;
  }
  for (Value term : subtracted) {
    Value lhs = result ? result : body.index(0);
    result = arith::SubIOp::create(body.b, body.loc, lhs, term);
  }
  if (!result)
    return body.index(constant);
  if (constant > 0)
    return arith::AddIOp::create(body.b, body.loc, result,
                                 body.index(constant));
  if (constant < 0)
    return arith::SubIOp::create(body.b, body.loc, result,
                                 body.index(-constant));
  return result;
}

/// An 8-bit (or other) integer widened to i32, zero- or sign-extended.
Value extendToI32(OpBuilder &b, Location loc, Value value, bool isUnsigned) {
  Type i32 = b.getI32Type();
  if (value.getType() == i32)
    return value;
  if (isUnsigned)
    return arith::ExtUIOp::create(b, loc, i32, value);
  return arith::ExtSIOp::create(b, loc, i32, value);
}

Value multiply(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  if (isa<FloatType>(lhs.getType()))
    return arith::MulFOp::create(b, loc, lhs, rhs);
  return arith::MulIOp::create(b, loc, lhs, rhs);
}

Value add(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  if (isa<FloatType>(lhs.getType()))
    return arith::AddFOp::create(b, loc, lhs, rhs);
  return arith::AddIOp::create(b, loc, lhs, rhs);
}

/// Reads a quantization parameter (scale or zero point) of an operand read
/// at `operandIndices`: a scalar (rank 0 or one element) is per tensor; a
/// vector is per row (`rowDim` of the operand) or per column (`colDim`);
/// higher ranks broadcast against the operand (numpy, aligned at the back).
Value readQuantParam(ComputeBody &body, unsigned input,
                     ArrayRef<Value> operandIndices, bool perRow) {
  RankedTensorType type = tensorType(body.inputs[input]);
  if (type.getRank() == 0)
    return body.read(input, {});
  if (type.getRank() == 1) {
    if (type.getDimSize(0) == 1)
      return body.read(input, body.index(0));
    unsigned rank = operandIndices.size();
    Value index =
        perRow && rank >= 2 ? operandIndices[rank - 2] : operandIndices.back();
    return body.read(input, index);
  }
  unsigned offset = operandIndices.size() - type.getRank();
  SmallVector<Value> indices;
  for (auto [dim, size] : llvm::enumerate(type.getShape()))
    indices.push_back(size == 1 ? body.index(0) : operandIndices[offset + dim]);
  return body.read(input, indices);
}

/// Quantizes the f32 `value` to the (signless) 8-bit `type`: round half to
/// even, add the zero point, saturate.
Value quantize(OpBuilder &b, Location loc, Value value, Value zeroPoint,
               Type type, bool isUnsigned) {
  Type f32 = b.getF32Type();
  Value rounded = math::RoundEvenOp::create(b, loc, value);
  Value zero =
      isUnsigned ? arith::UIToFPOp::create(b, loc, f32, zeroPoint).getResult()
                 : arith::SIToFPOp::create(b, loc, f32, zeroPoint).getResult();
  Value shifted = arith::AddFOp::create(b, loc, rounded, zero);
  unsigned width = type.getIntOrFloatBitWidth();
  double low = isUnsigned ? 0.0 : -std::ldexp(1.0, width - 1);
  double high =
      isUnsigned ? std::ldexp(1.0, width) - 1 : std::ldexp(1.0, width - 1) - 1;
  Value clamped = arith::MinimumFOp::create(
      b, loc,
      arith::MaximumFOp::create(b, loc, shifted,
                                scalarConstant(b, loc, f32, low)),
      scalarConstant(b, loc, f32, high));
  if (isUnsigned)
    return arith::FPToUIOp::create(b, loc, type, clamped);
  return arith::FPToSIOp::create(b, loc, type, clamped);
}

//===----------------------------------------------------------------------===//
// Matrix products
//===----------------------------------------------------------------------===//

/// The element function of a contraction: (body, lhs element, rhs element,
/// lhs indices, rhs indices) -> the product to sum.
using ProductFn = llvm::function_ref<Value(ComputeBody &, Value, Value,
                                           ArrayRef<Value>, ArrayRef<Value>)>;

/// Builds numpy.matmul of `lhs` and `rhs` (plus `extraInputs`, read by
/// `product`) into `resultType` as one stage with axes (b..., i, j) and
/// reduction k. 1-D operands get no i / j axis. Batch dims of size 1
/// broadcast (read at index 0). `lhsTransposed` / `rhsTransposed` (gemm)
/// read 2-D operands transposed.
Value buildMatMul(OpBuilder &b, Location loc, StringRef stage, Value lhs,
                  Value rhs, ValueRange extraInputs,
                  RankedTensorType resultType, ProductFn product,
                  bool lhsTransposed = false, bool rhsTransposed = false) {
  RankedTensorType lhsType = tensorType(lhs), rhsType = tensorType(rhs);
  int64_t lhsRank = lhsType.getRank(), rhsRank = rhsType.getRank();
  bool lhsVector = lhsRank == 1, rhsVector = rhsRank == 1;
  int64_t resultRank = resultType.getRank();
  int64_t batchRank = resultRank - (lhsVector ? 0 : 1) - (rhsVector ? 0 : 1);

  SmallVector<std::string> axes;
  SmallVector<OpFoldResult> sizes;
  for (int64_t dim = 0; dim < batchRank; ++dim) {
    axes.push_back(batchRank == 1 ? "b" : "b" + std::to_string(dim));
    if (!resultType.isDynamicDim(dim)) {
      sizes.push_back(b.getIndexAttr(resultType.getDimSize(dim)));
      continue;
    }
    // A dynamic result dim is a dynamic batch dim of an operand.
    int64_t lhsDim = dim - (batchRank - std::max<int64_t>(0, lhsRank - 2));
    if (lhsDim >= 0 && lhsType.isDynamicDim(lhsDim))
      sizes.push_back(dimSize(b, loc, lhs, lhsDim));
    else
      sizes.push_back(dimSize(
          b, loc, rhs, dim - (batchRank - std::max<int64_t>(0, rhsRank - 2))));
  }
  if (!lhsVector) {
    axes.push_back("i");
    sizes.push_back(dimSize(b, loc, lhs, lhsRank - (lhsTransposed ? 1 : 2)));
  }
  if (!rhsVector) {
    axes.push_back("j");
    sizes.push_back(dimSize(b, loc, rhs, rhsRank - (rhsTransposed ? 2 : 1)));
  }

  ReductionSpec reduction;
  reduction.axes = {"k"};
  reduction.extents = {dimSize(b, loc, lhs, lhsRank - (lhsTransposed ? 2 : 1))};

  SmallVector<Value> inputs = {lhs, rhs};
  llvm::append_range(inputs, extraInputs);
  return buildCompute(
          b, loc, stage, resultType, sizes, inputs, axes, &reduction,
          [&](ComputeBody &body) -> SmallVector<Value> {
            ValueRange out = body.outputIndices;
            Value k = body.reduceIndices[0];
            auto batchIndices = [&](RankedTensorType type) {
              SmallVector<Value> indices;
              int64_t operandBatch = std::max<int64_t>(0, type.getRank() - 2);
              for (int64_t dim = 0; dim < operandBatch; ++dim)
                indices.push_back(type.getDimSize(dim) == 1
                                      ? body.index(0)
                                      : out[batchRank - operandBatch + dim]);
              return indices;
            };
            SmallVector<Value> lhsIndices = batchIndices(lhsType);
            if (lhsVector)
              lhsIndices.push_back(k);
            else if (lhsTransposed)
              lhsIndices.append({k, out[batchRank]});
            else
              lhsIndices.append({out[batchRank], k});
            SmallVector<Value> rhsIndices = batchIndices(rhsType);
            Value j = rhsVector ? Value() : out.back();
            if (rhsVector)
              rhsIndices.push_back(k);
            else if (rhsTransposed)
              rhsIndices.append({j, k});
            else
              rhsIndices.append({k, j});
            Value x = body.read(0, lhsIndices);
            Value y = body.read(1, rhsIndices);
            return {product(body, x, y, lhsIndices, rhsIndices)};
          })
          .front();
}

struct MatMulPattern : OpConversionPattern<graph::MatMulOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::MatMulOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto resultType =
        cast<RankedTensorType>(getTypeConverter()->convertType(op.getType()));
    Value lhs = adaptor.getLhs();
    RankedTensorType lhsType = tensorType(lhs);
    int64_t lhsRank = lhsType.getRank();
    auto multiplyElements = [](ComputeBody &body, Value x, Value y,
                               ArrayRef<Value>, ArrayRef<Value>) {
      return multiply(body.b, body.loc, x, y);
    };
    // B... x M x K times a K x N matrix is a (B... * M) x K matrix product
    // (linalg.matmul rather than a broadcasting generic).
    if (lhsRank > 2 && tensorType(adaptor.getRhs()).getRank() == 2 &&
        llvm::count_if(lhsType.getShape().drop_back(), ShapedType::isDynamic) <=
            1) {
      SmallVector<ReassociationIndices> rows = {
          llvm::to_vector(llvm::seq<int64_t>(0, lhsRank - 1)), {lhsRank - 1}};
      Value matrix = tensor::CollapseShapeOp::create(rewriter, loc, lhs, rows);
      int64_t m = 1;
      for (int64_t size : lhsType.getShape().drop_back())
        m = ShapedType::isDynamic(size) || ShapedType::isDynamic(m)
                ? ShapedType::kDynamic
                : m * size;
      auto productType = RankedTensorType::get(
          {m, resultType.getShape().back()}, resultType.getElementType());
      Value product =
          buildMatMul(rewriter, loc, stageName(op), matrix, adaptor.getRhs(),
                      {}, productType, multiplyElements);
      rewriter.replaceOpWithNewOp<tensor::ExpandShapeOp>(op, resultType,
                                                         product, rows);
      return success();
    }
    Value result =
        buildMatMul(rewriter, loc, stageName(op), lhs, adaptor.getRhs(), {},
                    resultType, multiplyElements);
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct GemmPattern : OpConversionPattern<graph::GemmOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::GemmOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto resultType =
        cast<RankedTensorType>(getTypeConverter()->convertType(op.getType()));
    Type elementType = resultType.getElementType();
    Value product = buildMatMul(
        rewriter, loc, stageName(op), adaptor.getA(), adaptor.getB(), {},
        resultType,
        [](ComputeBody &body, Value x, Value y, ArrayRef<Value>,
           ArrayRef<Value>) { return multiply(body.b, body.loc, x, y); },
        op.getTransA() != 0, op.getTransB() != 0);

    double alpha = op.getAlpha().convertToDouble();
    double beta = op.getBeta().convertToDouble();
    Value c = adaptor.getC();
    if (alpha == 1.0 && !c) {
      rewriter.replaceOp(op, product);
      return success();
    }
    // alpha * A'B' + beta * C, C broadcast to M x N.
    SmallVector<Value> inputs = {product};
    if (c)
      inputs.push_back(c);
    SmallVector<OpFoldResult> sizes = {dimSize(rewriter, loc, product, 0),
                                       dimSize(rewriter, loc, product, 1)};
    Value result =
        buildCompute(
            rewriter, loc, (stageName(op) + ".epilogue").str(), resultType,
            sizes, inputs, {"i", "j"}, /*reduction=*/nullptr,
            [&](ComputeBody &body) -> SmallVector<Value> {
              OpBuilder &b = body.b;
              Value value = body.read(0, body.outputIndices);
              if (alpha != 1.0)
                value =
                    multiply(b, body.loc, value,
                             scalarConstant(b, body.loc, elementType, alpha));
              if (c) {
                Value cValue = body.readBroadcast(1);
                if (beta != 1.0)
                  cValue =
                      multiply(b, body.loc, cValue,
                               scalarConstant(b, body.loc, elementType, beta));
                value = add(b, body.loc, value, cValue);
              }
              return {value};
            })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// The i32 product of zero-point-shifted 8-bit elements of a quantized
/// contraction; zero points are inputs 2 (lhs) and 3 (rhs) when present.
struct QuantizedProduct {
  bool lhsUnsigned, rhsUnsigned;
  std::optional<unsigned> lhsZeroPoint, rhsZeroPoint;

  Value operator()(ComputeBody &body, Value x, Value y,
                   ArrayRef<Value> lhsIndices,
                   ArrayRef<Value> rhsIndices) const {
    OpBuilder &b = body.b;
    Value lhs = extendToI32(b, body.loc, x, lhsUnsigned);
    Value rhs = extendToI32(b, body.loc, y, rhsUnsigned);
    if (lhsZeroPoint)
      lhs = arith::SubIOp::create(
          b, body.loc, lhs,
          extendToI32(b, body.loc,
                      readQuantParam(body, *lhsZeroPoint, lhsIndices,
                                     /*perRow=*/true),
                      lhsUnsigned));
    if (rhsZeroPoint)
      rhs = arith::SubIOp::create(
          b, body.loc, rhs,
          extendToI32(b, body.loc,
                      readQuantParam(body, *rhsZeroPoint, rhsIndices,
                                     /*perRow=*/false),
                      rhsUnsigned));
    return arith::MulIOp::create(b, body.loc, lhs, rhs);
  }
};

struct MatMulIntegerPattern : OpConversionPattern<graph::MatMulIntegerOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::MatMulIntegerOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = cast<RankedTensorType>(op.getType());
    SmallVector<Value> zeroPoints;
    QuantizedProduct product{isUnsignedTensor(op.getLhs().getType()),
                             isUnsignedTensor(op.getRhs().getType()),
                             std::nullopt, std::nullopt};
    if (Value zeroPoint = adaptor.getLhsZeroPoint()) {
      product.lhsZeroPoint = 2 + zeroPoints.size();
      zeroPoints.push_back(zeroPoint);
    }
    if (Value zeroPoint = adaptor.getRhsZeroPoint()) {
      product.rhsZeroPoint = 2 + zeroPoints.size();
      zeroPoints.push_back(zeroPoint);
    }
    Value result =
        buildMatMul(rewriter, op.getLoc(), stageName(op), adaptor.getLhs(),
                    adaptor.getRhs(), zeroPoints, resultType, product);
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct QLinearMatMulPattern : OpConversionPattern<graph::QLinearMatMulOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::QLinearMatMulOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto resultType =
        cast<RankedTensorType>(getTypeConverter()->convertType(op.getType()));
    auto accumulatorType = resultType.clone(rewriter.getI32Type());
    bool lhsUnsigned = isUnsignedTensor(op.getLhs().getType());
    bool rhsUnsigned = isUnsignedTensor(op.getRhs().getType());
    bool outputUnsigned = isUnsignedTensor(op.getType());
    QuantizedProduct product{lhsUnsigned, rhsUnsigned, 2u, 3u};
    Value accumulator = buildMatMul(
        rewriter, loc, stageName(op), adaptor.getLhs(), adaptor.getRhs(),
        {adaptor.getLhsZeroPoint(), adaptor.getRhsZeroPoint()}, accumulatorType,
        product);

    // Requantize: round(acc * lhs_scale * rhs_scale / output_scale) + zp.
    int64_t lhsRank = tensorType(adaptor.getLhs()).getRank();
    int64_t rhsRank = tensorType(adaptor.getRhs()).getRank();
    int64_t rank = resultType.getRank();
    bool hasRow = lhsRank >= 2, hasCol = rhsRank >= 2;
    int64_t batchRank = rank - hasRow - hasCol;
    SmallVector<OpFoldResult> sizes;
    for (int64_t dim = 0; dim < rank; ++dim)
      sizes.push_back(dimSize(rewriter, loc, accumulator, dim));
    SmallVector<Value> inputs = {
        accumulator, adaptor.getLhsScale(), adaptor.getRhsScale(),
        adaptor.getOutputScale(), adaptor.getOutputZeroPoint()};
    Value result =
        buildCompute(
            rewriter, loc, (stageName(op) + ".requantize").str(), resultType,
            sizes, inputs, defaultAxes(rank), /*reduction=*/nullptr,
            [&](ComputeBody &body) -> SmallVector<Value> {
              OpBuilder &b = body.b;
              ValueRange out = body.outputIndices;
              // The operands' indices at this output element, with the
              // contracted dim at 0 (parameters have size 1 there).
              auto operandIndices = [&](int64_t operandRank, bool isLhs) {
                SmallVector<Value> indices;
                int64_t operandBatch = std::max<int64_t>(0, operandRank - 2);
                for (int64_t dim = 0; dim < operandBatch; ++dim)
                  indices.push_back(out[batchRank - operandBatch + dim]);
                Value row = hasRow ? out[batchRank] : body.index(0);
                Value col = hasCol ? out[rank - 1] : body.index(0);
                if (isLhs)
                  indices.append({row, body.index(0)});
                else
                  indices.append({body.index(0), col});
                if (operandRank == 1)
                  indices.erase(indices.begin() + (isLhs ? 0 : 1));
                return indices;
              };
              Value acc = body.read(0, out);
              Value lhsScale = readQuantParam(
                  body, 1, operandIndices(lhsRank, true), /*perRow=*/true);
              Value rhsScale = readQuantParam(
                  body, 2, operandIndices(rhsRank, false), /*perRow=*/false);
              Value outputScale = body.read(
                  3, SmallVector<Value>(tensorType(body.inputs[3]).getRank(),
                                        body.index(0)));
              Value zeroPoint = body.read(
                  4, SmallVector<Value>(tensorType(body.inputs[4]).getRank(),
                                        body.index(0)));
              Value scale = arith::DivFOp::create(
                  b, body.loc,
                  arith::MulFOp::create(b, body.loc, lhsScale, rhsScale),
                  outputScale);
              Value value = arith::MulFOp::create(
                  b, body.loc,
                  arith::SIToFPOp::create(b, body.loc, b.getF32Type(), acc),
                  scale);
              return {quantize(b, body.loc, value, zeroPoint,
                               resultType.getElementType(), outputUnsigned)};
            })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Windows: convolutions and pooling
//===----------------------------------------------------------------------===//

/// A window sliding over the spatial dims of N x C x D1 x ... x Dn, resolved
/// to explicit begin pads from static sizes.
struct Window {
  SmallVector<int64_t> kernel, strides, dilations, padBegin;
  /// The end pads the attributes declare (explicit or SAME).
  SmallVector<int64_t> declaredPadEnd;
  /// Spatial input and output sizes.
  SmallVector<int64_t> input, output;

  size_t rank() const { return kernel.size(); }
  /// How far reads reach past the input's end along spatial dim `i`.
  int64_t padEnd(size_t i) const {
    return std::max<int64_t>(0, (output[i] - 1) * strides[i] +
                                    (kernel[i] - 1) * dilations[i] -
                                    padBegin[i] - (input[i] - 1));
  }
  bool needsPadding() const {
    for (size_t i = 0; i < rank(); ++i)
      if (padBegin[i] > 0 || padEnd(i) > 0)
        return true;
    return false;
  }
};

/// Resolves the window of `op` (conv or pooling): `kernel` sizes, optional
/// strides/dilations/pads, auto_pad, over `inputType` giving `outputType`.
/// Fails (with the op's error) on dynamic spatial sizes.
FailureOr<Window> resolveWindow(Operation *op, ArrayRef<int64_t> kernel,
                                std::optional<ArrayRef<int64_t>> strides,
                                std::optional<ArrayRef<int64_t>> dilations,
                                std::optional<ArrayRef<int64_t>> pads,
                                StringRef autoPad, RankedTensorType inputType,
                                RankedTensorType outputType) {
  Window window;
  size_t rank = inputType.getRank() - 2;
  window.kernel.assign(kernel.begin(), kernel.end());
  window.input.assign(inputType.getShape().begin() + 2,
                      inputType.getShape().end());
  window.output.assign(outputType.getShape().begin() + 2,
                       outputType.getShape().end());
  if (llvm::any_of(window.input, ShapedType::isDynamic) ||
      llvm::any_of(window.output, ShapedType::isDynamic) ||
      llvm::any_of(window.kernel, ShapedType::isDynamic)) {
    op->emitOpError() << "dynamic spatial sizes are not supported (only the "
                         "batch dimension may be dynamic)";
    return failure();
  }
  for (size_t i = 0; i < rank; ++i) {
    window.strides.push_back(strides ? (*strides)[i] : 1);
    window.dilations.push_back(dilations ? (*dilations)[i] : 1);
    int64_t begin = 0, end = 0;
    if (pads) {
      begin = (*pads)[i];
      end = (*pads)[i + rank];
    } else if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
      int64_t dilatedKernel = (kernel[i] - 1) * window.dilations[i] + 1;
      int64_t total =
          std::max<int64_t>(0, (window.output[i] - 1) * window.strides[i] +
                                   dilatedKernel - window.input[i]);
      begin = autoPad == "SAME_UPPER" ? total / 2 : total - total / 2;
      end = total - begin;
    }
    window.padBegin.push_back(begin);
    window.declaredPadEnd.push_back(end);
  }
  return window;
}

/// Names of spatial axes: w; h, w; d, h, w; s0, s1, ... beyond.
SmallVector<std::string> spatialAxes(size_t rank, StringRef prefix = "") {
  static const char *names[][3] = {{"w"}, {"h", "w"}, {"d", "h", "w"}};
  SmallVector<std::string> axes;
  for (size_t i = 0; i < rank; ++i)
    axes.push_back(rank <= 3 ? (prefix + names[rank - 1][i]).str()
                             : (prefix + "s" + Twine(i)).str());
  return axes;
}

/// The input of a windowed read. A statically shaped input is read with a
/// `padding` value (convert-te-to-linalg pads it); an input with a dynamic
/// (batch) dim is padded here by tensor.pad, since the padded read needs
/// static bounds.
struct WindowInput {
  Value tensor;
  TypedAttr padValue;
  /// Added to logical spatial indices (the low pads applied here).
  SmallVector<int64_t> shift;
  /// The first spatial dim of `tensor`.
  int64_t spatialStart;

  static WindowInput get(OpBuilder &b, Location loc, Value input,
                         const Window &window, TypedAttr padValue,
                         int64_t spatialStart) {
    WindowInput result{input, padValue, SmallVector<int64_t>(window.rank(), 0),
                       spatialStart};
    RankedTensorType type = tensorType(input);
    if (type.hasStaticShape() || !window.needsPadding())
      return result;
    SmallVector<OpFoldResult> low(type.getRank(), b.getIndexAttr(0));
    SmallVector<OpFoldResult> high(type.getRank(), b.getIndexAttr(0));
    SmallVector<int64_t> shape(type.getShape());
    for (size_t i = 0; i < window.rank(); ++i) {
      int64_t dim = spatialStart + i;
      low[dim] = b.getIndexAttr(window.padBegin[i]);
      high[dim] = b.getIndexAttr(window.padEnd(i));
      shape[dim] += window.padBegin[i] + window.padEnd(i);
      result.shift[i] = window.padBegin[i];
    }
    Value pad = arith::ConstantOp::create(b, loc, padValue);
    result.tensor =
        tensor::PadOp::create(b, loc, type.clone(shape), input, low, high, pad);
    result.padValue = {};
    return result;
  }

  /// Reads input `inputIndex` of `body` at `indices`, whose spatial entries
  /// are o * stride + k * dilation - pad_begin for output indices `outputs`
  /// and kernel indices `kernels`.
  Value read(ComputeBody &body, unsigned inputIndex, SmallVector<Value> indices,
             const Window &window, ValueRange outputs, ValueRange kernels) {
    for (size_t i = 0; i < window.rank(); ++i)
      indices.push_back(linearIndex(
          body,
          {{outputs[i], window.strides[i]}, {kernels[i], window.dilations[i]}},
          shift[i] - window.padBegin[i]));
    Value padding;
    if (padValue && window.needsPadding())
      padding = arith::ConstantOp::create(body.b, body.loc, padValue);
    return body.read(inputIndex, indices, padding);
  }
};

//===----------------------------------------------------------------------===//
// Convolutions
//===----------------------------------------------------------------------===//

/// What the convolution stage multiplies: (body, input element, weight
/// element, output channel index) -> product.
using ConvProductFn =
    llvm::function_ref<Value(ComputeBody &, Value, Value, Value)>;

/// Builds the convolution of `input` (N x C x D...) by `weight` (M x C/G x
/// K...) into `resultType` (N x M x O...). `extraInputs` follow input and
/// weight for `product`. Group 1 reads X[n, c, ...] and W[f, c, k...]; more
/// groups compute N x G x M/G x O... on N x G x C/G x D... and G x M/G x C/G
/// x K... views and collapse the result.
Value buildConv(OpBuilder &b, Location loc, StringRef stage, Value input,
                Value weight, ValueRange extraInputs, int64_t group,
                const Window &window, RankedTensorType resultType,
                TypedAttr zero, ConvProductFn product) {
  RankedTensorType inputType = tensorType(input),
                   weightType = tensorType(weight);
  size_t rank = window.rank();
  int64_t channels = inputType.getDimSize(1);
  int64_t filters = weightType.getDimSize(0);
  int64_t groupChannels = weightType.getDimSize(1);
  bool grouped = group > 1;
  int64_t spatialStart = grouped ? 3 : 2;

  Value viewInput = input, viewWeight = weight;
  RankedTensorType computeType = resultType;
  if (grouped) {
    auto expand = [&](Value value, int64_t outer, int64_t inner) {
      RankedTensorType type = tensorType(value);
      SmallVector<int64_t> shape(type.getShape());
      shape[outer] = group;
      shape.insert(shape.begin() + outer + 1, inner);
      SmallVector<ReassociationIndices> reassociation;
      for (int64_t dim = 0; dim < type.getRank(); ++dim) {
        if (dim < outer)
          reassociation.push_back({dim});
        else if (dim == outer)
          reassociation.push_back({dim, dim + 1});
        else
          reassociation.push_back({dim + 1});
      }
      return tensor::ExpandShapeOp::create(b, loc, type.clone(shape), value,
                                           reassociation)
          .getResult();
    };
    viewInput = expand(input, 1, channels / group);
    viewWeight = expand(weight, 0, filters / group);
    SmallVector<int64_t> shape(resultType.getShape());
    shape[1] = group;
    shape.insert(shape.begin() + 2, filters / group);
    computeType = resultType.clone(shape);
  }
  WindowInput windowInput =
      WindowInput::get(b, loc, viewInput, window, zero, spatialStart);

  SmallVector<std::string> axes = {"n"};
  if (grouped)
    axes.push_back("g");
  axes.push_back("f");
  llvm::append_range(axes, spatialAxes(rank));
  // Loop extents from the tensor the stage reads (convert-te-to-linalg
  // takes them from its operands).
  SmallVector<OpFoldResult> sizes = {dimSize(b, loc, windowInput.tensor, 0)};
  for (int64_t size : computeType.getShape().drop_front())
    sizes.push_back(b.getIndexAttr(size));

  ReductionSpec reduction;
  reduction.axes = {"c"};
  llvm::append_range(reduction.axes, spatialAxes(rank, "k"));
  reduction.extents = {b.getIndexAttr(groupChannels)};
  for (int64_t size : window.kernel)
    reduction.extents.push_back(b.getIndexAttr(size));

  SmallVector<Value> inputs = {windowInput.tensor, viewWeight};
  llvm::append_range(inputs, extraInputs);
  Value result =
      buildCompute(b, loc, stage, computeType, sizes, inputs, axes, &reduction,
                   [&](ComputeBody &body) -> SmallVector<Value> {
                     ValueRange out = body.outputIndices;
                     Value c = body.reduceIndices[0];
                     ValueRange kernels = body.reduceIndices.drop_front();
                     ValueRange spatial = out.drop_front(spatialStart);
                     SmallVector<Value> inputIndices = {out[0]};
                     SmallVector<Value> weightIndices;
                     Value filter;
                     if (grouped) {
                       inputIndices.append({out[1], c});
                       weightIndices = {out[1], out[2], c};
                       // The filter's index in the ungrouped weight, for
                       // per-filter parameters.
                       filter = linearIndex(
                           body, {{out[1], filters / group}, {out[2], 1}}, 0);
                     } else {
                       inputIndices.push_back(c);
                       weightIndices = {out[1], c};
                       filter = out[1];
                     }
                     llvm::append_range(weightIndices, kernels);
                     Value x = windowInput.read(body, 0, inputIndices, window,
                                                spatial, kernels);
                     Value w = body.read(1, weightIndices);
                     return {product(body, x, w, filter)};
                   })
          .front();
  if (grouped) {
    SmallVector<ReassociationIndices> reassociation = {{0}, {1, 2}};
    for (size_t i = 0; i < rank; ++i)
      reassociation.push_back({static_cast<int64_t>(3 + i)});
    result = tensor::CollapseShapeOp::create(b, loc, resultType, result,
                                             reassociation);
  }
  return result;
}

/// An epilogue stage over an N x M x ... result: `fn(value, filter index)`
/// of its elements, reading `extraInputs` by the filter index.
Value buildChannelEpilogue(OpBuilder &b, Location loc, StringRef stage,
                           Value value, RankedTensorType resultType,
                           ValueRange extraInputs,
                           llvm::function_ref<Value(ComputeBody &, Value)> fn,
                           StringRef channelAxis = "f") {
  SmallVector<OpFoldResult> sizes;
  for (int64_t dim = 0; dim < resultType.getRank(); ++dim)
    sizes.push_back(dimSize(b, loc, value, dim));
  SmallVector<Value> inputs = {value};
  llvm::append_range(inputs, extraInputs);
  SmallVector<std::string> axes = {"n", channelAxis.str()};
  llvm::append_range(axes, spatialAxes(resultType.getRank() - 2));
  return buildCompute(b, loc, stage, resultType, sizes, inputs, axes,
                      /*reduction=*/nullptr,
                      [&](ComputeBody &body) -> SmallVector<Value> {
                        return {fn(body, body.read(0, body.outputIndices))};
                      })
      .front();
}

/// Checks what every convolution lowering needs: static weight and
/// non-batch input dims.
LogicalResult checkStaticConv(ConversionPatternRewriter &rewriter,
                              Operation *op, RankedTensorType input,
                              RankedTensorType weight) {
  if (!weight.hasStaticShape())
    return reject(op, rewriter, "dynamic weight shapes are not supported");
  if (llvm::any_of(input.getShape().drop_front(), ShapedType::isDynamic))
    return reject(op, rewriter,
                  "dynamic input sizes are not supported (only the "
                  "batch dimension may be dynamic)");
  return success();
}

template <typename ConvOpTy>
FailureOr<Window> resolveConvWindow(ConvOpTy op, RankedTensorType outputType) {
  RankedTensorType weightType = op.getWeight().getType();
  return resolveWindow(op, weightType.getShape().drop_front(2), op.getStrides(),
                       op.getDilations(), op.getPads(), op.getAutoPad(),
                       op.getInput().getType(), outputType);
}

struct ConvPattern : OpConversionPattern<graph::ConvOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::ConvOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = op.getType();
    if (failed(checkStaticConv(rewriter, op, op.getInput().getType(),
                               op.getWeight().getType())))
      return failure();
    FailureOr<Window> window = resolveConvWindow(op, resultType);
    if (failed(window))
      return rewriter.notifyMatchFailure(op, "unsupported window");
    Type elementType = resultType.getElementType();
    Value result = buildConv(
        rewriter, loc, stageName(op), adaptor.getInput(), adaptor.getWeight(),
        {}, op.getGroup(), *window, resultType,
        rewriter.getFloatAttr(elementType, 0.0),
        [](ComputeBody &body, Value x, Value w, Value) {
          return arith::MulFOp::create(body.b, body.loc, x, w).getResult();
        });
    if (Value bias = adaptor.getBias())
      result = buildChannelEpilogue(
          rewriter, loc, (stageName(op) + ".bias").str(), result, resultType,
          bias, [](ComputeBody &body, Value value) -> Value {
            Value b = body.read(1, body.outputIndices[1]);
            return arith::AddFOp::create(body.b, body.loc, value, b);
          });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// The i32 convolution of ConvInteger and QLinearConv: the input minus its
/// zero point is a stage of its own (so that pads read 0, the zero point's
/// value), the weight's zero point (per tensor or per filter) is subtracted
/// as it is read.
template <typename ConvOpTy>
FailureOr<Value> buildIntegerConv(ConversionPatternRewriter &rewriter,
                                  ConvOpTy op, Value input, Value weight,
                                  Value inputZeroPoint, Value weightZeroPoint,
                                  RankedTensorType accumulatorType) {
  Location loc = op.getLoc();
  if (failed(checkStaticConv(rewriter, op, op.getInput().getType(),
                             op.getWeight().getType())))
    return failure();
  FailureOr<Window> window = resolveConvWindow(op, accumulatorType);
  if (failed(window))
    return failure();
  bool inputUnsigned = isUnsignedTensor(op.getInput().getType());
  bool weightUnsigned = isUnsignedTensor(op.getWeight().getType());
  Type i32 = rewriter.getI32Type();
  if (inputZeroPoint) {
    RankedTensorType inputType = tensorType(input);
    SmallVector<OpFoldResult> sizes;
    for (int64_t dim = 0; dim < inputType.getRank(); ++dim)
      sizes.push_back(dimSize(rewriter, loc, input, dim));
    int64_t zeroPointRank = tensorType(inputZeroPoint).getRank();
    input =
        buildCompute(
            rewriter, loc, (stageName(op) + ".input").str(),
            inputType.clone(i32), sizes, {input, inputZeroPoint},
            defaultAxes(inputType.getRank()), /*reduction=*/nullptr,
            [&](ComputeBody &body) -> SmallVector<Value> {
              Value x =
                  extendToI32(body.b, body.loc,
                              body.read(0, body.outputIndices), inputUnsigned);
              Value zero =
                  extendToI32(body.b, body.loc,
                              body.read(1, SmallVector<Value>(zeroPointRank,
                                                              body.index(0))),
                              inputUnsigned);
              return {
                  arith::SubIOp::create(body.b, body.loc, x, zero).getResult()};
            })
            .front();
  }
  SmallVector<Value> extraInputs;
  if (weightZeroPoint)
    extraInputs.push_back(weightZeroPoint);
  TypedAttr zero =
      rewriter.getIntegerAttr(tensorType(input).getElementType(), 0);
  return buildConv(
      rewriter, loc, stageName(op), input, weight, extraInputs, op.getGroup(),
      *window, accumulatorType, zero,
      [&](ComputeBody &body, Value x, Value w, Value filter) -> Value {
        OpBuilder &b = body.b;
        x = extendToI32(b, body.loc, x, inputUnsigned);
        w = extendToI32(b, body.loc, w, weightUnsigned);
        if (weightZeroPoint) {
          RankedTensorType type = tensorType(body.inputs[2]);
          SmallVector<Value> indices(type.getRank(), body.index(0));
          if (type.getRank() == 1 && type.getDimSize(0) != 1)
            indices[0] = filter;
          w = arith::SubIOp::create(
              b, body.loc, w,
              extendToI32(b, body.loc, body.read(2, indices), weightUnsigned));
        }
        return arith::MulIOp::create(b, body.loc, x, w);
      });
}

struct ConvIntegerPattern : OpConversionPattern<graph::ConvIntegerOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::ConvIntegerOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<Value> result =
        buildIntegerConv(rewriter, op, adaptor.getInput(), adaptor.getWeight(),
                         adaptor.getInputZeroPoint(),
                         adaptor.getWeightZeroPoint(), op.getType());
    if (failed(result))
      return failure();
    rewriter.replaceOp(op, *result);
    return success();
  }
};

struct QLinearConvPattern : OpConversionPattern<graph::QLinearConvOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::QLinearConvOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType =
        cast<RankedTensorType>(getTypeConverter()->convertType(op.getType()));
    FailureOr<Value> accumulator = buildIntegerConv(
        rewriter, op, adaptor.getInput(), adaptor.getWeight(),
        adaptor.getInputZeroPoint(), adaptor.getWeightZeroPoint(),
        resultType.clone(rewriter.getI32Type()));
    if (failed(accumulator))
      return failure();
    bool outputUnsigned = isUnsignedTensor(op.getType());
    SmallVector<Value> inputs = {
        adaptor.getInputScale(), adaptor.getWeightScale(),
        adaptor.getOutputScale(), adaptor.getOutputZeroPoint()};
    Value bias = adaptor.getBias();
    if (bias)
      inputs.push_back(bias);
    // round((acc + bias) * input_scale * weight_scale / output_scale) + zp.
    Value result = buildChannelEpilogue(
        rewriter, op.getLoc(), (stageName(op) + ".requantize").str(),
        *accumulator, resultType, inputs,
        [&](ComputeBody &body, Value acc) -> Value {
          OpBuilder &b = body.b;
          Location loc = body.loc;
          Value filter = body.outputIndices[1];
          auto readParam = [&](unsigned input, bool perFilter) {
            RankedTensorType type = tensorType(body.inputs[input]);
            SmallVector<Value> indices(type.getRank(), body.index(0));
            if (perFilter && type.getRank() == 1 && type.getDimSize(0) != 1)
              indices[0] = filter;
            return body.read(input, indices);
          };
          if (bias)
            acc = arith::AddIOp::create(b, loc, acc, body.read(5, filter));
          Value scale = arith::DivFOp::create(
              b, loc,
              arith::MulFOp::create(b, loc, readParam(1, false),
                                    readParam(2, true)),
              readParam(3, false));
          Value value = arith::MulFOp::create(
              b, loc, arith::SIToFPOp::create(b, loc, b.getF32Type(), acc),
              scale);
          return quantize(b, loc, value, readParam(4, false),
                          resultType.getElementType(), outputUnsigned);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// ConvTranspose as a gather: out[n, f, o...] sums X[n, g*C/G + c, i...] *
/// W[g*C/G + c, f - g*M/G, k...] over c and k where o + pad_begin - k *
/// dilation = i * stride. With strides 1 the input index is affine (a padded
/// read); otherwise it is -1 (read as the 0 padding) where the stride does
/// not divide it.
struct ConvTransposePattern : OpConversionPattern<graph::ConvTransposeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::ConvTransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = op.getType();
    RankedTensorType inputType = op.getInput().getType();
    RankedTensorType weightType = op.getWeight().getType();
    if (failed(checkStaticConv(rewriter, op, inputType, weightType)))
      return failure();
    size_t rank = inputType.getRank() - 2;
    int64_t group = op.getGroup();
    int64_t groupChannels = inputType.getDimSize(1) / group;
    int64_t groupFilters = weightType.getDimSize(1);
    SmallVector<int64_t> kernel(weightType.getShape().drop_front(2));
    SmallVector<int64_t> strides, dilations, padBegin;
    for (size_t i = 0; i < rank; ++i) {
      int64_t stride = op.getStrides() ? (*op.getStrides())[i] : 1;
      int64_t dilation = op.getDilations() ? (*op.getDilations())[i] : 1;
      int64_t extra = op.getOutputPadding() ? (*op.getOutputPadding())[i] : 0;
      strides.push_back(stride);
      dilations.push_back(dilation);
      int64_t begin = 0;
      StringRef autoPad = op.getAutoPad();
      if (op.getPads() && !op.getOutputShape()) {
        begin = (*op.getPads())[i];
      } else if (op.getOutputShape() || autoPad == "SAME_UPPER" ||
                 autoPad == "SAME_LOWER") {
        // Pads that give the result's size, as the ONNX spec derives them.
        int64_t full = stride * (inputType.getDimSize(2 + i) - 1) + extra +
                       (kernel[i] - 1) * dilation + 1;
        int64_t total =
            std::max<int64_t>(0, full - resultType.getDimSize(2 + i));
        begin = autoPad == "SAME_UPPER" ? total / 2 : total - total / 2;
      }
      padBegin.push_back(begin);
    }
    bool affine = llvm::all_of(strides, [](int64_t s) { return s == 1; });
    Type elementType = resultType.getElementType();

    SmallVector<std::string> axes = {"n", "f"};
    llvm::append_range(axes, spatialAxes(rank));
    SmallVector<OpFoldResult> sizes = {
        dimSize(rewriter, loc, adaptor.getInput(), 0)};
    for (int64_t size : resultType.getShape().drop_front())
      sizes.push_back(rewriter.getIndexAttr(size));
    ReductionSpec reduction;
    reduction.axes = {"c"};
    llvm::append_range(reduction.axes, spatialAxes(rank, "k"));
    reduction.extents = {rewriter.getIndexAttr(groupChannels)};
    for (int64_t size : kernel)
      reduction.extents.push_back(rewriter.getIndexAttr(size));

    Value result =
        buildCompute(
            rewriter, loc, stageName(op), resultType, sizes,
            {adaptor.getInput(), adaptor.getWeight()}, axes, &reduction,
            [&](ComputeBody &body) -> SmallVector<Value> {
              OpBuilder &b = body.b;
              Location loc = body.loc;
              ValueRange out = body.outputIndices;
              Value c = body.reduceIndices[0];
              ValueRange kernels = body.reduceIndices.drop_front();
              Value filter = out[1];
              Value channel = c, groupFilter = filter;
              if (group > 1) {
                Value g = arith::FloorDivSIOp::create(b, loc, filter,
                                                      body.index(groupFilters));
                channel = linearIndex(body, {{g, groupChannels}, {c, 1}}, 0);
                groupFilter =
                    linearIndex(body, {{filter, 1}, {g, -groupFilters}}, 0);
              }
              SmallVector<Value> inputIndices = {out[0], channel};
              SmallVector<Value> weightIndices = {channel, groupFilter};
              for (size_t i = 0; i < rank; ++i) {
                Value offset = linearIndex(
                    body, {{out[2 + i], 1}, {kernels[i], -dilations[i]}},
                    padBegin[i]);
                if (!affine) {
                  Value stride = body.index(strides[i]);
                  Value remainder =
                      arith::RemSIOp::create(b, loc, offset, stride);
                  Value divisible =
                      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq,
                                            remainder, body.index(0));
                  offset = arith::SelectOp::create(
                      b, loc, divisible,
                      arith::FloorDivSIOp::create(b, loc, offset, stride),
                      body.index(-1));
                }
                inputIndices.push_back(offset);
                weightIndices.push_back(kernels[i]);
              }
              Value zero = scalarConstant(b, loc, elementType, 0.0);
              Value x = body.read(0, inputIndices, zero);
              Value w = body.read(1, weightIndices);
              return {arith::MulFOp::create(b, loc, x, w).getResult()};
            })
            .front();
    if (Value bias = adaptor.getBias())
      result = buildChannelEpilogue(
          rewriter, loc, (stageName(op) + ".bias").str(), result, resultType,
          bias, [](ComputeBody &body, Value value) -> Value {
            Value b = body.read(1, body.outputIndices[1]);
            return arith::AddFOp::create(body.b, body.loc, value, b);
          });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

/// The lowest value of an element type: -inf, or the integer minimum.
TypedAttr lowestValue(OpBuilder &b, Type type, bool isUnsigned) {
  if (auto floatType = dyn_cast<FloatType>(type))
    return b.getFloatAttr(floatType,
                          APFloat::getInf(floatType.getFloatSemantics(), true));
  unsigned width = type.getIntOrFloatBitWidth();
  return b.getIntegerAttr(type, isUnsigned ? APInt::getZero(width)
                                           : APInt::getSignedMinValue(width));
}

/// A pooling stage: axes (n, c, o...), reduction over the kernel, reading the
/// input at the window position; `element` maps the read value(s).
/// The window of pooling `op` (its kernel_shape, strides, pads, auto_pad
/// and `dilations`) producing `outputType`. Only the batch dim of the input
/// may be dynamic; anything else is rejected.
template <typename PoolOpTy>
FailureOr<Window> resolvePoolWindow(PoolOpTy op,
                                    ConversionPatternRewriter &rewriter,
                                    std::optional<ArrayRef<int64_t>> dilations,
                                    RankedTensorType outputType) {
  RankedTensorType inputType = op.getInput().getType();
  if (llvm::any_of(inputType.getShape().drop_front(), ShapedType::isDynamic))
    return reject(op, rewriter,
                  "dynamic input sizes are not supported (only the batch "
                  "dimension may be dynamic)");
  FailureOr<Window> window =
      resolveWindow(op, op.getKernelShape(), op.getStrides(), dilations,
                    op.getPads(), op.getAutoPad(), inputType, outputType);
  if (failed(window))
    return rewriter.notifyMatchFailure(op, "unsupported window");
  return window;
}

struct PoolStage {
  OpBuilder &b;
  Location loc;
  Value input;
  const Window &window;
  RankedTensorType resultType;

  SmallVector<Value>
  build(StringRef stage, TypeRange resultTypes, TypedAttr padValue,
        ReductionSpec reduction,
        llvm::function_ref<SmallVector<Value>(ComputeBody &, Value)> element) {
    WindowInput windowInput =
        WindowInput::get(b, loc, input, window, padValue, 2);
    SmallVector<std::string> axes = {"n", "c"};
    llvm::append_range(axes, spatialAxes(window.rank()));
    SmallVector<OpFoldResult> sizes = {dimSize(b, loc, windowInput.tensor, 0),
                                       dimSize(b, loc, windowInput.tensor, 1)};
    for (int64_t size : window.output)
      sizes.push_back(b.getIndexAttr(size));
    reduction.axes = spatialAxes(window.rank(), "k");
    for (int64_t size : window.kernel)
      reduction.extents.push_back(b.getIndexAttr(size));
    return buildCompute(b, loc, stage, resultTypes, sizes, windowInput.tensor,
                        axes, &reduction, [&](ComputeBody &body) {
                          ValueRange out = body.outputIndices;
                          Value x = windowInput.read(body, 0, {out[0], out[1]},
                                                     window, out.drop_front(2),
                                                     body.reduceIndices);
                          return element(body, x);
                        });
  }
};

/// The input position of a window element along spatial dim `i`.
Value windowPosition(ComputeBody &body, const Window &window, size_t i) {
  return linearIndex(body,
                     {{body.outputIndices[2 + i], window.strides[i]},
                      {body.reduceIndices[i], window.dilations[i]}},
                     -window.padBegin[i]);
}

struct MaxPoolPattern : OpConversionPattern<graph::MaxPoolOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::MaxPoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    FailureOr<Window> window = resolvePoolWindow(
        op, rewriter, op.getDilations(), op.getOutput().getType());
    if (failed(window))
      return failure();
    RankedTensorType inputType = op.getInput().getType();
    auto resultType = cast<RankedTensorType>(
        getTypeConverter()->convertType(op.getOutput().getType()));
    Type elementType = resultType.getElementType();
    bool isUnsigned = isUnsignedTensor(inputType);
    bool isFloat = isa<FloatType>(elementType);
    TypedAttr lowest = lowestValue(rewriter, elementType, isUnsigned);
    PoolStage pool{rewriter, loc, adaptor.getInput(), *window, resultType};
    auto greater = [&](OpBuilder &b, Location loc, Value lhs, Value rhs) {
      if (isFloat)
        return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, lhs,
                                     rhs)
            .getResult();
      return arith::CmpIOp::create(b, loc,
                                   isUnsigned ? arith::CmpIPredicate::ugt
                                              : arith::CmpIPredicate::sgt,
                                   lhs, rhs)
          .getResult();
    };

    if (op.getIndices().use_empty()) {
      ReductionSpec reduction;
      // te's integer max is signed: unsigned bytes combine by maxui.
      reduction.combiner =
          isUnsigned ? te::CombinerKind::Custom : te::CombinerKind::Max;
      if (isUnsigned) {
        reduction.inits = {lowest};
        reduction.combine = [](OpBuilder &b, Location loc, ValueRange acc,
                               ValueRange values) -> SmallVector<Value> {
          return {arith::MaxUIOp::create(b, loc, acc[0], values[0])};
        };
      }
      Value result =
          pool.build(stageName(op), resultType, lowest, reduction,
                     [](ComputeBody &, Value x) -> SmallVector<Value> {
                       return {x};
                     })
              .front();
      rewriter.replaceOp(op, {result, Value()});
      return success();
    }

    // (value, flat index of the first maximum in the unpadded input): row-
    // major over N x C x D..., or with the spatial dims column-major.
    RankedTensorType indicesType = op.getIndices().getType();
    ReductionSpec reduction;
    reduction.combiner = te::CombinerKind::Custom;
    reduction.inits = {lowest, rewriter.getI64IntegerAttr(-1)};
    reduction.combine = [&](OpBuilder &b, Location loc, ValueRange acc,
                            ValueRange values) -> SmallVector<Value> {
      Value take = greater(b, loc, values[0], acc[0]);
      return {arith::SelectOp::create(b, loc, take, values[0], acc[0]),
              arith::SelectOp::create(b, loc, take, values[1], acc[1])};
    };
    SmallVector<int64_t> spatialSizes(inputType.getShape().drop_front(2));
    int64_t spatialCount = 1;
    for (int64_t size : spatialSizes)
      spatialCount *= size;
    bool columnMajor = op.getStorageOrder() == 1;
    SmallVector<Value> results = pool.build(
        stageName(op), {resultType, indicesType}, lowest, reduction,
        [&](ComputeBody &body, Value x) -> SmallVector<Value> {
          SmallVector<std::pair<Value, int64_t>> terms = {
              {linearIndex(body,
                           {{body.outputIndices[0], inputType.getDimSize(1)},
                            {body.outputIndices[1], 1}},
                           0),
               spatialCount}};
          int64_t stride = 1;
          for (size_t step = 0; step < window->rank(); ++step) {
            size_t i = columnMajor ? step : window->rank() - 1 - step;
            terms.push_back({windowPosition(body, *window, i), stride});
            stride *= spatialSizes[i];
          }
          Value flat = linearIndex(body, terms, 0);
          return {x, arith::IndexCastOp::create(body.b, body.loc,
                                                body.b.getI64Type(), flat)};
        });
    rewriter.replaceOp(op, results);
    return success();
  }
};

struct AveragePoolPattern : OpConversionPattern<graph::AveragePoolOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::AveragePoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = op.getType();
    FailureOr<Window> window =
        resolvePoolWindow(op, rewriter, std::nullopt, resultType);
    if (failed(window))
      return failure();
    Type elementType = resultType.getElementType();
    PoolStage pool{rewriter, loc, adaptor.getInput(), *window, resultType};
    Value sum =
        pool.build(stageName(op), resultType,
                   rewriter.getFloatAttr(elementType, 0.0), ReductionSpec(),
                   [](ComputeBody &, Value x) -> SmallVector<Value> {
                     return {x};
                   })
            .front();

    // The divisor of each output element: the window's elements within the
    // input (count_include_pad 0) or within the padded input.
    size_t rank = window->rank();
    SmallVector<SmallVector<int64_t>> counts(rank);
    bool uniform = true;
    for (size_t i = 0; i < rank; ++i) {
      int64_t padEnd = window->declaredPadEnd[i];
      for (int64_t o = 0; o < window->output[i]; ++o) {
        int64_t start = o * window->strides[i] - window->padBegin[i];
        int64_t end = start + window->kernel[i];
        int64_t count =
            op.getCountIncludePad()
                ? std::min(end, window->input[i] + padEnd) - start
                : std::min(end, window->input[i]) - std::max<int64_t>(start, 0);
        counts[i].push_back(count);
        uniform &= count == counts[i].front();
      }
    }
    Value divisors;
    double divisor = 1;
    if (uniform) {
      for (size_t i = 0; i < rank; ++i)
        divisor *= counts[i].front();
    } else {
      SmallVector<int64_t> shape(window->output);
      SmallVector<APFloat> values;
      auto floatType = cast<FloatType>(elementType);
      SmallVector<int64_t> position(rank, 0);
      int64_t total = 1;
      for (int64_t size : shape)
        total *= size;
      for (int64_t flat = 0; flat < total; ++flat) {
        double value = 1;
        for (size_t i = 0, rest = flat; i < rank; ++i) {
          size_t dim = rank - 1 - i;
          value *= counts[dim][rest % shape[dim]];
          rest /= shape[dim];
        }
        APFloat element(value);
        bool lost;
        element.convert(floatType.getFloatSemantics(),
                        APFloat::rmNearestTiesToEven, &lost);
        values.push_back(element);
      }
      auto type = RankedTensorType::get(shape, elementType);
      divisors = arith::ConstantOp::create(
          rewriter, loc, DenseElementsAttr::get(type, values));
    }
    SmallVector<Value> inputs;
    if (divisors)
      inputs.push_back(divisors);
    Value result = buildChannelEpilogue(
        rewriter, loc, (stageName(op) + ".div").str(), sum, resultType, inputs,
        [&](ComputeBody &body, Value value) -> Value {
          Value d =
              divisors ? body.read(1, body.outputIndices.drop_front(2))
                       : scalarConstant(body.b, body.loc, elementType, divisor);
          return arith::DivFOp::create(body.b, body.loc, value, d);
        },
        "c");
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// |x|^p summed, for Lp pooling: |x| for p = 1, x * x for p = 2.
Value lpPower(OpBuilder &b, Location loc, Value x, int64_t p) {
  if (p == 1)
    return math::AbsFOp::create(b, loc, x);
  if (p == 2)
    return arith::MulFOp::create(b, loc, x, x);
  return math::PowFOp::create(b, loc, math::AbsFOp::create(b, loc, x),
                              scalarConstant(b, loc, x.getType(), p));
}

/// sum^(1/p): sqrt for p = 2, nothing for p = 1.
Value lpRoot(OpBuilder &b, Location loc, Value sum, int64_t p) {
  if (p == 1)
    return sum;
  if (p == 2)
    return math::SqrtOp::create(b, loc, sum);
  return math::PowFOp::create(b, loc, sum,
                              scalarConstant(b, loc, sum.getType(), 1.0 / p));
}

struct LpPoolPattern : OpConversionPattern<graph::LpPoolOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::LpPoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = op.getType();
    FailureOr<Window> window =
        resolvePoolWindow(op, rewriter, std::nullopt, resultType);
    if (failed(window))
      return failure();
    int64_t p = op.getP();
    PoolStage pool{rewriter, loc, adaptor.getInput(), *window, resultType};
    Value sum =
        pool.build(stageName(op), resultType,
                   rewriter.getFloatAttr(resultType.getElementType(), 0.0),
                   ReductionSpec(),
                   [&](ComputeBody &body, Value x) -> SmallVector<Value> {
                     return {lpPower(body.b, body.loc, x, p)};
                   })
            .front();
    Value result = sum;
    if (p != 1)
      result = buildChannelEpilogue(
          rewriter, loc, (stageName(op) + ".root").str(), sum, resultType, {},
          [&](ComputeBody &body, Value value) {
            return lpRoot(body.b, body.loc, value, p);
          },
          "c");
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// Global pooling: a reduction of N x C x D... over D... into N x C x 1...,
/// then (average, Lp) an elementwise stage.
template <typename OpTy> struct GlobalPoolPattern : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    RankedTensorType inputType = tensorType(input);
    RankedTensorType resultType = op.getType();
    Type elementType = resultType.getElementType();
    constexpr bool isMax = std::is_same_v<OpTy, graph::GlobalMaxPoolOp>;
    constexpr bool isAverage = std::is_same_v<OpTy, graph::GlobalAveragePoolOp>;
    int64_t p = 1;
    if constexpr (std::is_same_v<OpTy, graph::GlobalLpPoolOp>)
      p = op.getP();
    size_t rank = inputType.getRank() - 2;
    ArrayRef<int64_t> spatial = inputType.getShape().drop_front(2);
    if (isAverage && llvm::any_of(spatial, ShapedType::isDynamic))
      return reject(op, rewriter,
                    "dynamic spatial sizes are not supported");
    double count = 1;
    for (int64_t size : spatial)
      count *= size;

    SmallVector<std::string> axes = {"n", "c"};
    llvm::append_range(axes, spatialAxes(rank));
    SmallVector<OpFoldResult> sizes = {dimSize(rewriter, loc, input, 0),
                                       dimSize(rewriter, loc, input, 1)};
    sizes.append(rank, rewriter.getIndexAttr(1));
    ReductionSpec reduction;
    reduction.combiner = isMax ? te::CombinerKind::Max : te::CombinerKind::Sum;
    reduction.axes = spatialAxes(rank, "r");
    for (size_t i = 0; i < rank; ++i)
      reduction.extents.push_back(dimSize(rewriter, loc, input, 2 + i));
    Value reduced =
        buildCompute(rewriter, loc, stageName(op), resultType, sizes, input,
                     axes, &reduction,
                     [&](ComputeBody &body) -> SmallVector<Value> {
                       SmallVector<Value> indices = {body.outputIndices[0],
                                                     body.outputIndices[1]};
                       llvm::append_range(indices, body.reduceIndices);
                       Value x = body.read(0, indices);
                       if (isMax || isAverage)
                         return {x};
                       return {lpPower(body.b, body.loc, x, p)};
                     })
            .front();
    Value result = reduced;
    if (isAverage)
      result = buildChannelEpilogue(
          rewriter, loc, (stageName(op) + ".div").str(), reduced, resultType,
          {},
          [&](ComputeBody &body, Value value) -> Value {
            return arith::DivFOp::create(
                body.b, body.loc, value,
                scalarConstant(body.b, body.loc, elementType, count));
          },
          "c");
    else if (!isMax && p != 1)
      result = buildChannelEpilogue(
          rewriter, loc, (stageName(op) + ".root").str(), reduced, resultType,
          {},
          [&](ComputeBody &body, Value value) {
            return lpRoot(body.b, body.loc, value, p);
          },
          "c");
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void graph_to_te::populateNNPatterns(const TypeConverter &typeConverter,
                                     RewritePatternSet &patterns) {
  patterns.add<MatMulPattern, GemmPattern, MatMulIntegerPattern,
               QLinearMatMulPattern, ConvPattern, ConvIntegerPattern,
               QLinearConvPattern, ConvTransposePattern, MaxPoolPattern,
               AveragePoolPattern, LpPoolPattern,
               GlobalPoolPattern<graph::GlobalAveragePoolOp>,
               GlobalPoolPattern<graph::GlobalMaxPoolOp>,
               GlobalPoolPattern<graph::GlobalLpPoolOp>>(typeConverter,
                                                         patterns.getContext());
}
