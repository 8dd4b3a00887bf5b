//===- Normalization.cpp - Normalization and softmax operators to te ------===//
//
// Each operator is reduction stages over the normalized dims into small
// "stats" tensors (the input's shape with those dims 1), elementwise stages
// on the stats, and one elementwise stage over the input that applies them,
// so that the big tensor is read by the reductions and written once:
//   layer/instance/group norm: sum, mean, var_sum, inv_std_dev, apply;
//   batch_norm (inference): per-channel scale and shift, then x * scale +
//   shift; softmax: max, exp, sum, div; log_softmax: max, sum, log;
//   hardmax: argmax (first on ties), then one-hot.
//
//===----------------------------------------------------------------------===//

#include "ComputeBuilder.h"
#include "Patterns.h"

#include "tessera/Dialect/Graph/IR/Graph.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace tessera;
using namespace tessera::graph_to_te;

namespace {

RankedTensorType tensorType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

/// Converts a float to another float type (exact when widening).
Value castFloat(OpBuilder &b, Location loc, Value value, Type type) {
  unsigned from = value.getType().getIntOrFloatBitWidth();
  unsigned to = type.getIntOrFloatBitWidth();
  if (value.getType() == type)
    return value;
  if (to > from)
    return arith::ExtFOp::create(b, loc, type, value);
  return arith::TruncFOp::create(b, loc, type, value);
}

/// 1 / sqrt(variance + epsilon), as the ONNX references compute it.
Value inverseStdDev(OpBuilder &b, Location loc, Value variance,
                    double epsilon) {
  Type type = variance.getType();
  Value shifted = arith::AddFOp::create(b, loc, variance,
                                        scalarConstant(b, loc, type, epsilon));
  return arith::DivFOp::create(b, loc, scalarConstant(b, loc, type, 1.0),
                               math::SqrtOp::create(b, loc, shifted));
}

/// The stages of a normalization of `x` over the (sorted) `reduced` dims:
/// reductions into stats of x's shape with the reduced dims 1, elementwise
/// stages on the stats, and elementwise stages over x's shape that read the
/// stats broadcast.
class StatsBuilder {
public:
  StatsBuilder(OpBuilder &b, Location loc, StringRef prefix, Value x,
               ArrayRef<int64_t> reduced)
      : b(b), loc(loc), prefix(prefix), x(x), reduced(reduced) {
    RankedTensorType type = tensorType(x);
    for (int64_t dim = 0; dim < type.getRank(); ++dim) {
      OpFoldResult size = dimSize(b, loc, x, dim);
      fullSizes.push_back(size);
      if (!isReduced(dim)) {
        statsSizes.push_back(size);
        statsShape.push_back(type.getDimSize(dim));
        continue;
      }
      statsSizes.push_back(b.getIndexAttr(1));
      statsShape.push_back(1);
      extents.push_back(size);
      if (type.isDynamicDim(dim))
        dynamicCount = true;
      else
        staticCount *= type.getDimSize(dim);
    }
  }

  bool isReduced(int64_t dim) const { return llvm::is_contained(reduced, dim); }

  RankedTensorType statsType(Type elementType) const {
    return RankedTensorType::get(statsShape, elementType);
  }

  /// A stage name: "<op>.<part>", or "<op>" for an empty `part`.
  std::string stage(StringRef part) const {
    return part.empty() ? prefix : (prefix + "." + part).str();
  }

  /// A reduction of `source` (of x's shape) into stats: `element` maps its
  /// element and the elements of `stats` at the output index to the values
  /// `reduction` combines.
  SmallVector<Value>
  reduce(StringRef part, ArrayRef<Type> elementTypes, ReductionSpec reduction,
         Value source, ValueRange stats,
         function_ref<SmallVector<Value>(ComputeBody &, Value, ValueRange)>
             element) {
    for (int64_t dim : reduced)
      reduction.axes.push_back("r" + std::to_string(dim));
    reduction.extents = extents;
    SmallVector<Value> inputs = {source};
    llvm::append_range(inputs, stats);
    return buildCompute(
        b, loc, stage(part), statsTypes(elementTypes), statsSizes, inputs,
        defaultAxes(statsShape.size()), &reduction, [&](ComputeBody &body) {
          SmallVector<Value> indices;
          unsigned next = 0;
          for (auto [dim, index] : llvm::enumerate(body.outputIndices))
            indices.push_back(isReduced(dim) ? body.reduceIndices[next++]
                                             : index);
          Value value = body.read(0, indices);
          SmallVector<Value> statsElements;
          for (unsigned i = 1, e = inputs.size(); i < e; ++i)
            statsElements.push_back(body.read(i, body.outputIndices));
          return element(body, value, statsElements);
        });
  }

  /// An elementwise stage over the stats: `fn` gets the elements of `stats`
  /// and the number of reduced elements (of the first result's type).
  SmallVector<Value> mapStats(
      StringRef part, ArrayRef<Type> elementTypes, ValueRange stats,
      function_ref<SmallVector<Value>(ComputeBody &, ValueRange, Value)> fn) {
    SmallVector<Value> inputs(stats);
    Type countType = elementTypes.front();
    if (dynamicCount)
      inputs.push_back(buildCountTensor(countType));
    return buildCompute(
        b, loc, stage(part), statsTypes(elementTypes), statsSizes, inputs,
        defaultAxes(statsShape.size()), /*reduction=*/nullptr,
        [&](ComputeBody &body) {
          SmallVector<Value> elements;
          for (unsigned i = 0, e = stats.size(); i < e; ++i)
            elements.push_back(body.read(i, body.outputIndices));
          Value count = dynamicCount ? body.read(stats.size(), body.index(0))
                                     : scalarConstant(body.b, body.loc,
                                                      countType, staticCount);
          return fn(body, elements, count);
        });
  }

  /// An elementwise stage over x's shape: `fn` gets the elements of `full`
  /// (of x's shape) at the output index and of `stats` broadcast; it reads
  /// `extras` (inputs numbered after those) itself.
  Value mapFull(StringRef part, Type elementType, ValueRange full,
                ValueRange stats, ValueRange extras,
                function_ref<Value(ComputeBody &, ValueRange, ValueRange)> fn) {
    SmallVector<Value> inputs(full);
    llvm::append_range(inputs, stats);
    llvm::append_range(inputs, extras);
    RankedTensorType type = tensorType(x).clone(elementType);
    return buildCompute(
               b, loc, stage(part), type, fullSizes, inputs,
               defaultAxes(type.getRank()), /*reduction=*/nullptr,
               [&](ComputeBody &body) -> SmallVector<Value> {
                 SmallVector<Value> fullElements, statsElements;
                 for (unsigned i = 0, e = full.size(); i < e; ++i)
                   fullElements.push_back(body.read(i, body.outputIndices));
                 SmallVector<Value> statsIndices;
                 for (auto [dim, index] : llvm::enumerate(body.outputIndices))
                   statsIndices.push_back(isReduced(dim) ? body.index(0)
                                                         : index);
                 for (unsigned i = 0, e = stats.size(); i < e; ++i)
                   statsElements.push_back(
                       body.read(full.size() + i, statsIndices));
                 return {fn(body, fullElements, statsElements)};
               })
        .front();
  }

  /// mean and 1 / sqrt(variance + epsilon) over the reduced dims, computed
  /// in `type` (two passes: the mean, then the squared deviations).
  std::pair<Value, Value> buildMoments(Type type, double epsilon) {
    Value sum = reduce("sum", type, ReductionSpec(), x, {},
                       [&](ComputeBody &body, Value value, ValueRange) {
                         return SmallVector<Value>{
                             castFloat(body.b, body.loc, value, type)};
                       })
                    .front();
    Value mean = mapStats("mean", type, sum,
                          [](ComputeBody &body, ValueRange e, Value count) {
                            return SmallVector<Value>{arith::DivFOp::create(
                                body.b, body.loc, e[0], count)};
                          })
                     .front();
    Value varSum = reduce("var_sum", type, ReductionSpec(), x, mean,
                          [&](ComputeBody &body, Value value, ValueRange s) {
                            Value deviation = arith::SubFOp::create(
                                body.b, body.loc,
                                castFloat(body.b, body.loc, value, type), s[0]);
                            return SmallVector<Value>{arith::MulFOp::create(
                                body.b, body.loc, deviation, deviation)};
                          })
                       .front();
    Value invStdDev =
        mapStats("inv_std_dev", type, varSum,
                 [&](ComputeBody &body, ValueRange e, Value count) {
                   Value variance =
                       arith::DivFOp::create(body.b, body.loc, e[0], count);
                   return SmallVector<Value>{
                       inverseStdDev(body.b, body.loc, variance, epsilon)};
                 })
            .front();
    return {mean, invStdDev};
  }

private:
  SmallVector<Type> statsTypes(ArrayRef<Type> elementTypes) const {
    return llvm::map_to_vector(
        elementTypes, [&](Type type) -> Type { return statsType(type); });
  }

  /// tensor<1xT> holding the (dynamic) number of reduced elements.
  Value buildCountTensor(Type type) {
    Value count = arith::ConstantIndexOp::create(b, loc, staticCount);
    for (OpFoldResult extent : extents)
      if (auto value = dyn_cast<Value>(extent))
        count = arith::MulIOp::create(b, loc, count, value);
    Value integer = arith::IndexCastOp::create(b, loc, b.getI64Type(), count);
    Value element = arith::SIToFPOp::create(b, loc, type, integer);
    return tensor::FromElementsOp::create(
        b, loc, RankedTensorType::get({1}, type), element);
  }

  OpBuilder &b;
  Location loc;
  std::string prefix;
  Value x;
  SmallVector<int64_t> reduced;
  SmallVector<OpFoldResult> fullSizes, statsSizes, extents;
  SmallVector<int64_t> statsShape;
  int64_t staticCount = 1;
  bool dynamicCount = false;
};

SmallVector<int64_t> range(int64_t begin, int64_t end) {
  return llvm::to_vector(llvm::seq<int64_t>(begin, end));
}

//===----------------------------------------------------------------------===//
// Normalization
//===----------------------------------------------------------------------===//

/// Inference batch norm: scale' = scale / sqrt(var + epsilon) and shift =
/// bias - mean * scale' per channel (one stage on the C-element operands),
/// then x * scale' + shift.
struct BatchNormPattern : OpConversionPattern<graph::BatchNormOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::BatchNormOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = adaptor.getInput();
    RankedTensorType type = tensorType(x);
    Type elementType = type.getElementType();
    double epsilon = op.getEpsilon().convertToDouble();
    Value scale = adaptor.getScale();
    auto paramsType =
        RankedTensorType::get(tensorType(scale).getShape(), elementType);
    SmallVector<Value> params = buildCompute(
        rewriter, loc, (stageName(op) + ".params").str(),
        {paramsType, paramsType}, {dimSize(rewriter, loc, scale, 0)},
        {scale, adaptor.getBias(), adaptor.getInputMean(),
         adaptor.getInputVar()},
        {"c"}, /*reduction=*/nullptr, [&](ComputeBody &body) {
          OpBuilder &b = body.b;
          auto read = [&](unsigned i) {
            return castFloat(b, body.loc, body.read(i, body.outputIndices),
                             elementType);
          };
          Value channelScale = arith::MulFOp::create(
              b, body.loc, read(0),
              inverseStdDev(b, body.loc, read(3), epsilon));
          Value shift = arith::SubFOp::create(
              b, body.loc, read(1),
              arith::MulFOp::create(b, body.loc, read(2), channelScale));
          return SmallVector<Value>{channelScale, shift};
        });

    SmallVector<OpFoldResult> sizes;
    for (int64_t dim = 0; dim < type.getRank(); ++dim)
      sizes.push_back(dimSize(rewriter, loc, x, dim));
    Value result =
        buildCompute(rewriter, loc, stageName(op), type, sizes,
                     {x, params[0], params[1]}, defaultAxes(type.getRank()),
                     /*reduction=*/nullptr,
                     [&](ComputeBody &body) -> SmallVector<Value> {
                       Value channel = body.outputIndices[1];
                       Value value = arith::MulFOp::create(
                           body.b, body.loc, body.read(0, body.outputIndices),
                           body.read(1, channel));
                       return {arith::AddFOp::create(body.b, body.loc, value,
                                                     body.read(2, channel))};
                     })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// LayerNormalization: moments over the dims from `axis` on, in the stash
/// type; y = ((x - mean) * inv_std_dev) in the input type * scale + bias.
struct LayerNormPattern : OpConversionPattern<graph::LayerNormOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::LayerNormOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value x = adaptor.getInput();
    RankedTensorType type = tensorType(x);
    int64_t axis = *graph::normalizeAxis(op.getAxis(), type.getRank());
    Type stashType = op.getMean().getType().getElementType();
    StatsBuilder stats(rewriter, op.getLoc(), stageName(op), x,
                       range(axis, type.getRank()));
    auto [mean, invStdDev] =
        stats.buildMoments(stashType, op.getEpsilon().convertToDouble());
    SmallVector<Value> extras = {adaptor.getScale()};
    if (Value bias = adaptor.getBias())
      extras.push_back(bias);
    Value result = stats.mapFull(
        "", type.getElementType(), x, {mean, invStdDev}, extras,
        [&](ComputeBody &body, ValueRange full, ValueRange s) {
          OpBuilder &b = body.b;
          Value deviation = arith::SubFOp::create(
              b, body.loc, castFloat(b, body.loc, full[0], stashType), s[0]);
          Value normalized = castFloat(
              b, body.loc, arith::MulFOp::create(b, body.loc, deviation, s[1]),
              type.getElementType());
          Value value = arith::MulFOp::create(b, body.loc, normalized,
                                              body.readBroadcast(3));
          if (extras.size() == 2)
            value = arith::AddFOp::create(b, body.loc, value,
                                          body.readBroadcast(4));
          return value;
        });
    rewriter.replaceOp(op, {result, mean, invStdDev});
    return success();
  }
};

/// InstanceNormalization: moments of each (n, c) over the spatial dims,
/// then (x - mean) * inv_std_dev * scale[c] + bias[c].
struct InstanceNormPattern : OpConversionPattern<graph::InstanceNormOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::InstanceNormOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value x = adaptor.getInput();
    RankedTensorType type = tensorType(x);
    Type elementType = type.getElementType();
    StatsBuilder stats(rewriter, op.getLoc(), stageName(op), x,
                       range(2, type.getRank()));
    auto [mean, invStdDev] =
        stats.buildMoments(elementType, op.getEpsilon().convertToDouble());
    Value result = stats.mapFull(
        "", elementType, x, {mean, invStdDev},
        {adaptor.getScale(), adaptor.getBias()},
        [&](ComputeBody &body, ValueRange full, ValueRange s) -> Value {
          OpBuilder &b = body.b;
          Value channel = body.outputIndices[1];
          Value normalized = arith::MulFOp::create(
              b, body.loc, arith::SubFOp::create(b, body.loc, full[0], s[0]),
              s[1]);
          Value value = arith::MulFOp::create(b, body.loc, normalized,
                                              body.read(3, channel));
          return arith::AddFOp::create(b, body.loc, value,
                                       body.read(4, channel));
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// GroupNorm on the N x G x C/G x D... view of the input: moments over the
/// dims after G, then per-channel scale and bias; collapsed back.
struct GroupNormPattern : OpConversionPattern<graph::GroupNormOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::GroupNormOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = adaptor.getInput();
    RankedTensorType type = tensorType(x);
    Type elementType = type.getElementType();
    int64_t channels = type.getDimSize(1);
    if (ShapedType::isDynamic(channels)) {
      op.emitOpError() << "a dynamic channel count is not supported";
      return rewriter.notifyMatchFailure(op, "dynamic channels");
    }
    int64_t groups = op.getNumGroups();
    int64_t groupChannels = channels / groups;
    SmallVector<int64_t> shape(type.getShape());
    shape[1] = groups;
    shape.insert(shape.begin() + 2, groupChannels);
    SmallVector<ReassociationIndices> reassociation = {{0}, {1, 2}};
    for (int64_t dim = 2; dim < type.getRank(); ++dim)
      reassociation.push_back({dim + 1});
    Value grouped = tensor::ExpandShapeOp::create(
        rewriter, loc, type.clone(shape), x, reassociation);

    StatsBuilder stats(rewriter, loc, stageName(op), grouped,
                       range(2, shape.size()));
    auto [mean, invStdDev] =
        stats.buildMoments(elementType, op.getEpsilon().convertToDouble());
    Value result = stats.mapFull(
        "", elementType, grouped, {mean, invStdDev},
        {adaptor.getScale(), adaptor.getBias()},
        [&](ComputeBody &body, ValueRange full, ValueRange s) -> Value {
          OpBuilder &b = body.b;
          Value channel = arith::AddIOp::create(
              b, body.loc,
              arith::MulIOp::create(b, body.loc, body.outputIndices[1],
                                    body.index(groupChannels)),
              body.outputIndices[2]);
          Value normalized = arith::MulFOp::create(
              b, body.loc, arith::SubFOp::create(b, body.loc, full[0], s[0]),
              s[1]);
          Value value = arith::MulFOp::create(b, body.loc, normalized,
                                              body.read(3, channel));
          return arith::AddFOp::create(b, body.loc, value,
                                       body.read(4, channel));
        });
    result = tensor::CollapseShapeOp::create(rewriter, loc, type, result,
                                             reassociation);
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// MeanVarianceNormalization as the ONNX reference computes it: sums of x
/// and x^2 in one pass, std = sqrt(E[x^2] - E[x]^2), y = (x - mean) / (std
/// + 1e-9).
struct MeanVarianceNormalizationPattern
    : OpConversionPattern<graph::MeanVarianceNormalizationOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::MeanVarianceNormalizationOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value x = adaptor.getInput();
    RankedTensorType type = tensorType(x);
    Type elementType = type.getElementType();
    SmallVector<int64_t> axes;
    for (int64_t axis : op.getAxes())
      axes.push_back(*graph::normalizeAxis(axis, type.getRank()));
    llvm::sort(axes);
    StatsBuilder stats(rewriter, op.getLoc(), stageName(op), x, axes);

    ReductionSpec sums;
    sums.combiner = te::CombinerKind::Custom;
    sums.inits = {rewriter.getFloatAttr(elementType, 0.0),
                  rewriter.getFloatAttr(elementType, 0.0)};
    sums.combine = [](OpBuilder &b, Location loc, ValueRange acc,
                      ValueRange values) -> SmallVector<Value> {
      return {arith::AddFOp::create(b, loc, acc[0], values[0]),
              arith::AddFOp::create(b, loc, acc[1], values[1])};
    };
    SmallVector<Value> moments = stats.reduce(
        "sums", {elementType, elementType}, sums, x, {},
        [](ComputeBody &body, Value value, ValueRange) -> SmallVector<Value> {
          return {value, arith::MulFOp::create(body.b, body.loc, value, value)};
        });
    SmallVector<Value> meanAndStd = stats.mapStats(
        "std", {elementType, elementType}, moments,
        [&](ComputeBody &body, ValueRange e,
            Value count) -> SmallVector<Value> {
          OpBuilder &b = body.b;
          Value mean = arith::DivFOp::create(b, body.loc, e[0], count);
          Value squareMean = arith::DivFOp::create(b, body.loc, e[1], count);
          Value variance = arith::SubFOp::create(
              b, body.loc, squareMean,
              arith::MulFOp::create(b, body.loc, mean, mean));
          Value std = arith::AddFOp::create(
              b, body.loc, math::SqrtOp::create(b, body.loc, variance),
              scalarConstant(b, body.loc, elementType, 1e-9));
          return {mean, std};
        });
    Value result = stats.mapFull(
        "", elementType, x, meanAndStd, {},
        [](ComputeBody &body, ValueRange full, ValueRange s) -> Value {
          return arith::DivFOp::create(
              body.b, body.loc,
              arith::SubFOp::create(body.b, body.loc, full[0], s[0]), s[1]);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// LRN: the sum of squares of the `size` channels around each element (a
/// padded read at c - floor((size - 1) / 2) + k), then x / (bias + alpha /
/// size * sum)^beta.
struct LRNPattern : OpConversionPattern<graph::LRNOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::LRNOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = adaptor.getInput();
    RankedTensorType type = tensorType(x);
    Type elementType = type.getElementType();
    int64_t size = op.getSize();
    int64_t before = (size - 1) / 2, after = size - 1 - before;
    if (ShapedType::isDynamic(type.getDimSize(1))) {
      op.emitOpError() << "a dynamic channel count is not supported";
      return rewriter.notifyMatchFailure(op, "dynamic channels");
    }
    SmallVector<OpFoldResult> sizes;
    for (int64_t dim = 0; dim < type.getRank(); ++dim)
      sizes.push_back(dimSize(rewriter, loc, x, dim));

    // A padded read needs static bounds: pad a dynamically shaped input here.
    Value source = x;
    bool padHere = !type.hasStaticShape() && size > 1;
    if (padHere) {
      SmallVector<OpFoldResult> low(type.getRank(), rewriter.getIndexAttr(0));
      SmallVector<OpFoldResult> high(low);
      low[1] = rewriter.getIndexAttr(before);
      high[1] = rewriter.getIndexAttr(after);
      SmallVector<int64_t> shape(type.getShape());
      shape[1] += size - 1;
      source = tensor::PadOp::create(
          rewriter, loc, type.clone(shape), x, low, high,
          scalarConstant(rewriter, loc, elementType, 0.0));
    }
    ReductionSpec window;
    window.axes = {"k"};
    window.extents = {rewriter.getIndexAttr(size)};
    Value squareSum =
        buildCompute(
            rewriter, loc, (stageName(op) + ".square_sum").str(), type, sizes,
            source, defaultAxes(type.getRank()), &window,
            [&](ComputeBody &body) -> SmallVector<Value> {
              OpBuilder &b = body.b;
              SmallVector<Value> indices(body.outputIndices);
              indices[1] = arith::AddIOp::create(b, body.loc, indices[1],
                                                 body.reduceIndices[0]);
              Value padding;
              if (!padHere && size > 1) {
                indices[1] = arith::SubIOp::create(b, body.loc, indices[1],
                                                   body.index(before));
                padding = scalarConstant(b, body.loc, elementType, 0.0);
              }
              Value value = body.read(0, indices, padding);
              return {arith::MulFOp::create(b, body.loc, value, value)};
            })
            .front();
    double alpha = op.getAlpha().convertToDouble();
    double beta = op.getBeta().convertToDouble();
    double bias = op.getBias().convertToDouble();
    Value result =
        buildCompute(
            rewriter, loc, stageName(op), type, sizes, {x, squareSum},
            defaultAxes(type.getRank()), /*reduction=*/nullptr,
            [&](ComputeBody &body) -> SmallVector<Value> {
              OpBuilder &b = body.b;
              Location l = body.loc;
              Value sum = body.read(1, body.outputIndices);
              Value base = arith::AddFOp::create(
                  b, l, scalarConstant(b, l, elementType, bias),
                  arith::MulFOp::create(
                      b, l, scalarConstant(b, l, elementType, alpha / size),
                      sum));
              Value denominator = math::PowFOp::create(
                  b, l, base, scalarConstant(b, l, elementType, beta));
              return {arith::DivFOp::create(
                  b, l, body.read(0, body.outputIndices), denominator)};
            })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Softmax family
//===----------------------------------------------------------------------===//

ReductionSpec combiner(te::CombinerKind kind) {
  ReductionSpec spec;
  spec.combiner = kind;
  return spec;
}

SmallVector<Value> identity(ComputeBody &, Value value, ValueRange) {
  return {value};
}

/// softmax: max, exp(x - max), sum, exp / sum. log_softmax: max, sum of
/// exp(x - max), x - max - log(sum).
template <typename OpTy> struct SoftmaxPattern : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    constexpr bool isLog = std::is_same_v<OpTy, graph::LogSoftmaxOp>;
    Value x = adaptor.getInput();
    RankedTensorType type = tensorType(x);
    Type elementType = type.getElementType();
    int64_t axis = *graph::normalizeAxis(op.getAxis(), type.getRank());
    StatsBuilder stats(rewriter, op.getLoc(), stageName(op), x, {axis});
    Value max = stats
                    .reduce("max", elementType, combiner(te::CombinerKind::Max),
                            x, {}, identity)
                    .front();
    auto shiftedExp = [](ComputeBody &body, Value value, Value max) -> Value {
      return math::ExpOp::create(
          body.b, body.loc,
          arith::SubFOp::create(body.b, body.loc, value, max));
    };
    if constexpr (isLog) {
      Value sum = stats
                      .reduce("sum", elementType,
                              combiner(te::CombinerKind::Sum), x, max,
                              [&](ComputeBody &body, Value value,
                                  ValueRange s) -> SmallVector<Value> {
                                return {shiftedExp(body, value, s[0])};
                              })
                      .front();
      Value result = stats.mapFull(
          "log", elementType, x, {max, sum}, {},
          [](ComputeBody &body, ValueRange full, ValueRange s) -> Value {
            Value shifted =
                arith::SubFOp::create(body.b, body.loc, full[0], s[0]);
            return arith::SubFOp::create(
                body.b, body.loc, shifted,
                math::LogOp::create(body.b, body.loc, s[1]));
          });
      rewriter.replaceOp(op, result);
    } else {
      Value exp = stats.mapFull(
          "exp", elementType, x, max, {},
          [&](ComputeBody &body, ValueRange full, ValueRange s) -> Value {
            return shiftedExp(body, full[0], s[0]);
          });
      Value sum =
          stats
              .reduce("sum", elementType, combiner(te::CombinerKind::Sum), exp,
                      {}, identity)
              .front();
      Value result = stats.mapFull(
          "div", elementType, exp, sum, {},
          [](ComputeBody &body, ValueRange full, ValueRange s) -> Value {
            return arith::DivFOp::create(body.b, body.loc, full[0], s[0]);
          });
      rewriter.replaceOp(op, result);
    }
    return success();
  }
};

/// Hardmax: the index of the first maximum along the axis (a two-result
/// reduction), then 1 where the index is it.
struct HardmaxPattern : OpConversionPattern<graph::HardmaxOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::HardmaxOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value x = adaptor.getInput();
    RankedTensorType type = tensorType(x);
    Type elementType = type.getElementType();
    auto floatType = cast<FloatType>(elementType);
    int64_t axis = *graph::normalizeAxis(op.getAxis(), type.getRank());
    StatsBuilder stats(rewriter, op.getLoc(), stageName(op), x, {axis});
    Type i64 = rewriter.getI64Type();
    ReductionSpec argmax;
    argmax.combiner = te::CombinerKind::Custom;
    argmax.inits = {
        rewriter.getFloatAttr(
            floatType, APFloat::getInf(floatType.getFloatSemantics(), true)),
        rewriter.getI64IntegerAttr(0)};
    argmax.combine = [](OpBuilder &b, Location loc, ValueRange acc,
                        ValueRange values) -> SmallVector<Value> {
      // Strictly greater: the first maximum stays.
      Value greater = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT,
                                            values[0], acc[0]);
      return {arith::SelectOp::create(b, loc, greater, values[0], acc[0]),
              arith::SelectOp::create(b, loc, greater, values[1], acc[1])};
    };
    SmallVector<Value> maxAndIndex = stats.reduce(
        "argmax", {elementType, i64}, argmax, x, {},
        [&](ComputeBody &body, Value value, ValueRange) -> SmallVector<Value> {
          return {value, arith::IndexCastOp::create(body.b, body.loc, i64,
                                                    body.reduceIndices[0])};
        });
    Value result = stats.mapFull(
        "", elementType, {}, maxAndIndex[1], {},
        [&](ComputeBody &body, ValueRange, ValueRange s) -> Value {
          OpBuilder &b = body.b;
          Value index = arith::IndexCastOp::create(b, body.loc, i64,
                                                   body.outputIndices[axis]);
          Value isMax = arith::CmpIOp::create(
              b, body.loc, arith::CmpIPredicate::eq, index, s[0]);
          return arith::SelectOp::create(
              b, body.loc, isMax, scalarConstant(b, body.loc, elementType, 1.0),
              scalarConstant(b, body.loc, elementType, 0.0));
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void graph_to_te::populateNormalizationPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<BatchNormPattern, LayerNormPattern, InstanceNormPattern,
               GroupNormPattern, MeanVarianceNormalizationPattern, LRNPattern,
               SoftmaxPattern<graph::SoftmaxOp>,
               SoftmaxPattern<graph::LogSoftmaxOp>, HardmaxPattern>(
      typeConverter, patterns.getContext());
}
