//===- ElementwiseQuantize.cpp - Linear (de)quantization to te ------------===//
//
// quantize_linear and dequantize_linear are one elementwise stage that reads
// the scale and zero point per tensor (at index 0) or per axis (at the
// output index along `axis`). dynamic_quantize_linear first reduces the
// input to its minimum and maximum, derives the scale and zero point from
// them (rank-0 stages), then quantizes.
//
//===----------------------------------------------------------------------===//

#include "ComputeBuilder.h"
#include "ElementwiseScalar.h"
#include "Patterns.h"

#include "tessera/Dialect/Graph/IR/Graph.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace tessera;
using namespace tessera::graph_to_te;

namespace {

/// Where a (de)quantization stage reads its scale and zero point (both of
/// `scale`'s shape, rank 0 or 1): per tensor at index 0, per axis at the
/// output index along the axis.
class ParameterIndexing {
public:
  /// Per-axis parameters whose count or input dim is dynamic are asserted at
  /// run time to have one value per index (a dynamic count of 1 is not
  /// supported, as in broadcasting).
  ParameterIndexing(OpBuilder &b, Location loc, Value input, Value scale,
                    int64_t axis) {
    auto inputType = cast<RankedTensorType>(input.getType());
    auto scaleType = cast<RankedTensorType>(scale.getType());
    rank = scaleType.getRank();
    if (rank == 0 || scaleType.getDimSize(0) == 1)
      return;
    // The verifier checked the axis.
    dim = *graph::normalizeAxis(axis, inputType.getRank());
    if (!scaleType.isDynamicDim(0) && !inputType.isDynamicDim(*dim))
      return;
    auto size = [&](Value tensor, int64_t d) {
      return tensor::DimOp::create(b, loc, tensor, d).getResult();
    };
    Value equal = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq,
                                        size(scale, 0), size(input, *dim));
    cf::AssertOp::create(b, loc, equal,
                         "per-axis quantization parameters must have one "
                         "value per index of the axis");
  }

  SmallVector<Value> getIndices(ComputeBody &body) const {
    if (rank == 0)
      return {};
    if (!dim)
      return {body.index(0)};
    return {body.outputIndices[*dim]};
  }

private:
  int64_t rank = 0;
  std::optional<int64_t> dim;
};

struct QuantizeLinearPattern : OpConversionPattern<graph::QuantizeLinearOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::QuantizeLinearOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto resultType =
        cast<RankedTensorType>(getTypeConverter()->convertType(op.getType()));
    auto resultElement = cast<IntegerType>(resultType.getElementType());
    bool resultUnsigned = op.getType().getElementType().isUnsignedInteger();
    ParameterIndexing parameters(rewriter, loc, adaptor.getInput(),
                                 adaptor.getScale(), op.getAxis());
    SmallVector<Value> inputs = {adaptor.getInput(), adaptor.getScale()};
    if (adaptor.getZeroPoint())
      inputs.push_back(adaptor.getZeroPoint());
    SmallVector<OpFoldResult> sizes =
        broadcastSizes(rewriter, loc, resultType, adaptor.getInput());
    Value result =
        buildCompute(rewriter, loc, stageName(op), resultType, sizes, inputs,
                     defaultAxes(resultType.getRank()), /*reduction=*/nullptr,
                     [&](ComputeBody &body) -> SmallVector<Value> {
                       SmallVector<Value> indices = parameters.getIndices(body);
                       Value x = body.read(0, body.outputIndices);
                       Value scale = body.read(1, indices);
                       Value zeroPoint =
                           inputs.size() > 2 ? body.read(2, indices) : Value();
                       return {quantizeScalar(body.b, body.loc, x, scale,
                                              zeroPoint, resultElement,
                                              resultUnsigned)};
                     })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct DequantizeLinearPattern
    : OpConversionPattern<graph::DequantizeLinearOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::DequantizeLinearOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto resultType =
        cast<RankedTensorType>(getTypeConverter()->convertType(op.getType()));
    Type floatType = resultType.getElementType();
    bool inputUnsigned = hasUnsignedElements(op.getInput().getType());
    ParameterIndexing parameters(rewriter, loc, adaptor.getInput(),
                                 adaptor.getScale(), op.getAxis());
    SmallVector<Value> inputs = {adaptor.getInput(), adaptor.getScale()};
    if (adaptor.getZeroPoint())
      inputs.push_back(adaptor.getZeroPoint());
    SmallVector<OpFoldResult> sizes =
        broadcastSizes(rewriter, loc, resultType, adaptor.getInput());
    Value result =
        buildCompute(rewriter, loc, stageName(op), resultType, sizes, inputs,
                     defaultAxes(resultType.getRank()), /*reduction=*/nullptr,
                     [&](ComputeBody &body) -> SmallVector<Value> {
                       OpBuilder &b = body.b;
                       SmallVector<Value> indices = parameters.getIndices(body);
                       // (float(x) - float(zero_point)) * scale.
                       auto toFloat = [&](Value v) {
                         return convertScalar(b, body.loc, v, floatType,
                                              inputUnsigned, false);
                       };
                       Value x = toFloat(body.read(0, body.outputIndices));
                       if (inputs.size() > 2)
                         x = arith::SubFOp::create(
                             b, body.loc, x, toFloat(body.read(2, indices)));
                       return {arith::MulFOp::create(b, body.loc, x,
                                                     body.read(1, indices))
                                   .getResult()};
                     })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// dynamic_quantize_linear: reductions to min(x) and max(x), then
/// scale = (max(max(x), 0) - min(min(x), 0)) / 255 and
/// zero_point = saturate(round(-min(min(x), 0) / scale)), then the
/// quantization of x to ui8.
struct DynamicQuantizeLinearPattern
    : OpConversionPattern<graph::DynamicQuantizeLinearOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::DynamicQuantizeLinearOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto inputType = cast<RankedTensorType>(input.getType());
    auto outputType = cast<RankedTensorType>(
        getTypeConverter()->convertType(op.getOutput().getType()));
    auto scaleType = cast<RankedTensorType>(op.getScale().getType());
    auto zeroPointType = cast<RankedTensorType>(
        getTypeConverter()->convertType(op.getZeroPoint().getType()));
    auto quantized = cast<IntegerType>(outputType.getElementType());
    Type f32 = scaleType.getElementType();
    StringRef name = stageName(op);
    auto stage = [&](StringRef part) { return (name + "." + part).str(); };

    // The input's extremes; a rank-0 input is its own.
    Value min = input, max = input;
    ReductionSpec reduction;
    for (int64_t dim = 0; dim < inputType.getRank(); ++dim) {
      reduction.axes.push_back("r" + std::to_string(dim));
      if (inputType.isDynamicDim(dim))
        reduction.extents.push_back(
            tensor::DimOp::create(rewriter, loc, input, dim).getResult());
      else
        reduction.extents.push_back(
            rewriter.getIndexAttr(inputType.getDimSize(dim)));
    }
    auto extremum = [&](te::CombinerKind combiner, StringRef part) {
      reduction.combiner = combiner;
      return buildCompute(rewriter, loc, stage(part), scaleType, {}, input, {},
                          &reduction,
                          [&](ComputeBody &body) -> SmallVector<Value> {
                            return {body.read(0, body.reduceIndices)};
                          })
          .front();
    };
    if (inputType.getRank() != 0) {
      min = extremum(te::CombinerKind::Min, "min");
      max = extremum(te::CombinerKind::Max, "max");
    }

    // A rank-0 stage of `fn` of the rank-0 `inputs`.
    auto scalarStage = [&](StringRef part, RankedTensorType type,
                           ValueRange inputs,
                           function_ref<Value(OpBuilder &, ValueRange)> fn) {
      return buildCompute(rewriter, loc, stage(part), type, {}, inputs, {},
                          /*reduction=*/nullptr,
                          [&](ComputeBody &body) -> SmallVector<Value> {
                            SmallVector<Value> elements;
                            for (unsigned i = 0; i < inputs.size(); ++i)
                              elements.push_back(body.read(i, {}));
                            return {fn(body.b, elements)};
                          })
          .front();
    };
    auto zero = [&](OpBuilder &b) { return scalarConstant(b, loc, f32, 0); };
    Value scale = scalarStage(
        "scale", scaleType, {min, max}, [&](OpBuilder &b, ValueRange x) {
          Value low = arith::MinimumFOp::create(b, loc, x[0], zero(b));
          Value high = arith::MaximumFOp::create(b, loc, x[1], zero(b));
          return arith::DivFOp::create(b, loc,
                                       arith::SubFOp::create(b, loc, high, low),
                                       scalarConstant(b, loc, f32, 255))
              .getResult();
        });
    // round(-low / scale) saturated: the quantization of 0 with no zero
    // point.
    Value zeroPoint = scalarStage(
        "zero_point", zeroPointType, {min, scale},
        [&](OpBuilder &b, ValueRange x) {
          Value low = arith::MinimumFOp::create(b, loc, x[0], zero(b));
          return quantizeScalar(b, loc, arith::NegFOp::create(b, loc, low),
                                x[1], Value(), quantized,
                                /*resultUnsigned=*/true);
        });

    SmallVector<OpFoldResult> sizes =
        broadcastSizes(rewriter, loc, outputType, input);
    Value output =
        buildCompute(rewriter, loc, stage("quantize"), outputType, sizes,
                     ValueRange{input, scale, zeroPoint},
                     defaultAxes(outputType.getRank()), /*reduction=*/nullptr,
                     [&](ComputeBody &body) -> SmallVector<Value> {
                       return {quantizeScalar(
                           body.b, body.loc, body.read(0, body.outputIndices),
                           body.read(1, {}), body.read(2, {}), quantized,
                           /*resultUnsigned=*/true)};
                     })
            .front();
    rewriter.replaceOp(op, {output, scale, zeroPoint});
    return success();
  }
};

} // namespace

void graph_to_te::populateQuantizePatterns(const TypeConverter &typeConverter,
                                           RewritePatternSet &patterns) {
  patterns.add<QuantizeLinearPattern, DequantizeLinearPattern,
               DynamicQuantizeLinearPattern>(typeConverter,
                                             patterns.getContext());
}
