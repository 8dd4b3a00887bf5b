//===- Reduction.cpp - Reductions to te -----------------------------------===//
//
// reduce_* become one reduction stage over the reduced dimensions, followed
// (mean, l2, log_sum) by an elementwise stage on the reduced result;
// reduce_log_sum_exp subtracts the maximum first, so it is a max stage, a
// sum-of-exponentials stage and a log stage. argmax and argmin are one
// reduction with a custom two-result combiner (value, index).
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

/// The iteration space of a reduction of `data` over `reducedDims` (sorted)
/// into `resultType`, and the stages built over it: reductions read `data`,
/// elementwise stages read tensors of the result's shape.
class ReductionBuilder {
public:
  ReductionBuilder(OpBuilder &b, Location loc, Value data,
                   RankedTensorType resultType,
                   ArrayRef<int64_t> reducedDims, bool keepdims)
      : b(b), loc(loc), data(data), resultType(resultType),
        reducedDims(reducedDims),
        keepdims(keepdims) {
    auto dataType = cast<RankedTensorType>(data.getType());
    auto dataSize = [&](int64_t dim) -> OpFoldResult {
      if (!dataType.isDynamicDim(dim))
        return b.getIndexAttr(dataType.getDimSize(dim));
      return tensor::DimOp::create(b, loc, data, dim).getResult();
    };
    for (int64_t dim = 0; dim < dataType.getRank(); ++dim) {
      if (isReduced(dim)) {
        reduceExtents.push_back(dataSize(dim));
        if (keepdims)
          outputSizes.push_back(b.getIndexAttr(1));
      } else {
        // The result's type may know a size that `data`'s does not.
        int64_t resultSize = resultType.getDimSize(outputSizes.size());
        outputSizes.push_back(ShapedType::isDynamic(resultSize)
                                  ? dataSize(dim)
                                  : b.getIndexAttr(resultSize));
      }
    }
  }

  /// A stage reducing `element(x, others)` by `combiner` over the reduced
  /// dims, where x is the data element and `others` the elements of
  /// `resultShaped` (tensors of the result's shape) at the output index.
  SmallVector<Value>
  reduce(StringRef stage, ArrayRef<Type> elementTypes, ReductionSpec combiner,
         ValueRange resultShaped,
         function_ref<SmallVector<Value>(ComputeBody &, Value, ValueRange)>
             element) {
    combiner.extents = reduceExtents;
    for (unsigned i = 0, e = reducedDims.size(); i < e; ++i)
      combiner.axes.push_back("r" + std::to_string(i));
    SmallVector<Value> inputs = {data};
    llvm::append_range(inputs, resultShaped);
    // Reducing no dims (a rank-0 input) is an elementwise stage.
    return buildCompute(
        b, loc, stage, getResultTypes(elementTypes), outputSizes, inputs,
        defaultAxes(resultType.getRank()),
        reducedDims.empty() ? nullptr : &combiner,
        [&](ComputeBody &body) {
          Value x = body.read(0, getDataIndices(body));
          SmallVector<Value> others;
          for (unsigned i = 1, e = inputs.size(); i < e; ++i)
            others.push_back(body.read(i, body.outputIndices));
          return element(body, x, others);
        });
  }

  /// An elementwise stage over the result's shape: `fn` of the elements of
  /// `inputs` (tensors of the result's shape, or rank 0).
  Value map(StringRef stage, Type elementType, ValueRange inputs,
            function_ref<Value(ComputeBody &, ValueRange)> fn) {
    return buildCompute(
               b, loc, stage, getResultTypes(elementType), outputSizes,
               inputs, defaultAxes(resultType.getRank()),
               /*reduction=*/nullptr,
               [&](ComputeBody &body) -> SmallVector<Value> {
                 SmallVector<Value> elements;
                 for (auto [i, input] : llvm::enumerate(inputs)) {
                   bool scalar =
                       cast<RankedTensorType>(input.getType()).getRank() == 0;
                   elements.push_back(body.read(
                       i, scalar ? ValueRange() : body.outputIndices));
                 }
                 return {fn(body, elements)};
               })
        .front();
  }

  /// The number of reduced elements, as an index.
  OpFoldResult getCount() {
    int64_t staticCount = 1;
    Value dynamicCount;
    for (OpFoldResult extent : reduceExtents) {
      if (std::optional<int64_t> size = getConstantIntValue(extent)) {
        staticCount *= *size;
        continue;
      }
      Value size = cast<Value>(extent);
      dynamicCount = dynamicCount
                         ? arith::MulIOp::create(b, loc, dynamicCount, size)
                         : size;
    }
    if (!dynamicCount)
      return b.getIndexAttr(staticCount);
    if (staticCount == 1)
      return dynamicCount;
    return arith::MulIOp::create(
               b, loc, dynamicCount,
               arith::ConstantIndexOp::create(b, loc, staticCount))
        .getResult();
  }

private:
  bool isReduced(int64_t dim) const {
    return llvm::is_contained(reducedDims, dim);
  }

  SmallVector<Type> getResultTypes(ArrayRef<Type> elementTypes) const {
    return llvm::map_to_vector(elementTypes, [&](Type type) -> Type {
      return RankedTensorType::get(resultType.getShape(), type);
    });
  }

  /// The data element that a point of the reduction space reads.
  SmallVector<Value> getDataIndices(ComputeBody &body) const {
    SmallVector<Value> indices;
    unsigned output = 0, reduced = 0;
    for (int64_t dim = 0, e = cast<RankedTensorType>(data.getType()).getRank();
         dim < e; ++dim) {
      if (isReduced(dim)) {
        indices.push_back(body.reduceIndices[reduced++]);
        if (keepdims)
          ++output;
      } else {
        indices.push_back(body.outputIndices[output++]);
      }
    }
    return indices;
  }

  OpBuilder &b;
  Location loc;
  Value data;
  RankedTensorType resultType;
  ArrayRef<int64_t> reducedDims;
  bool keepdims;
  SmallVector<OpFoldResult> outputSizes, reduceExtents;
};

bool isFloat(Type type) { return isa<FloatType>(type); }

Value mul(OpBuilder &b, Location loc, Value x, Value y) {
  if (isFloat(x.getType()))
    return arith::MulFOp::create(b, loc, x, y);
  return arith::MulIOp::create(b, loc, x, y);
}

/// Integer reductions that end in a float function (sqrt, log, exp) compute
/// it in f64 and truncate back, as numpy's astype does.
Value toFloat(OpBuilder &b, Location loc, Value x, bool isUnsigned) {
  if (isFloat(x.getType()))
    return x;
  if (isUnsigned)
    return arith::UIToFPOp::create(b, loc, b.getF64Type(), x);
  return arith::SIToFPOp::create(b, loc, b.getF64Type(), x);
}

Value fromFloat(OpBuilder &b, Location loc, Value x, Type type,
                bool isUnsigned) {
  if (x.getType() == type)
    return x;
  if (isUnsigned)
    return arith::FPToUIOp::create(b, loc, type, x);
  return arith::FPToSIOp::create(b, loc, type, x);
}

/// The max or min combiner for `elementType`: built in for floats (NaN
/// propagating) and signed integers, custom for unsigned integers.
ReductionSpec getExtremumCombiner(Type elementType, bool isMax,
                                  bool isUnsigned) {
  ReductionSpec spec;
  if (!isUnsigned) {
    spec.combiner = isMax ? te::CombinerKind::Max : te::CombinerKind::Min;
    return spec;
  }
  unsigned width = elementType.getIntOrFloatBitWidth();
  spec.combiner = te::CombinerKind::Custom;
  spec.inits = {IntegerAttr::get(elementType, isMax ? APInt::getZero(width)
                                                    : APInt::getAllOnes(width))};
  spec.combine = [isMax](OpBuilder &b, Location loc, ValueRange acc,
                         ValueRange values) -> SmallVector<Value> {
    if (isMax)
      return {arith::MaxUIOp::create(b, loc, acc[0], values[0])};
    return {arith::MinUIOp::create(b, loc, acc[0], values[0])};
  };
  return spec;
}

enum class ReduceKind {
  Sum,
  Mean,
  Max,
  Min,
  Prod,
  L1,
  L2,
  LogSum,
  LogSumExp,
  SumSquare
};

template <typename OpTy>
struct ReducePattern : OpConversionPattern<OpTy> {
  ReducePattern(const TypeConverter &typeConverter, MLIRContext *context,
                ReduceKind kind)
      : OpConversionPattern<OpTy>(typeConverter, context), kind(kind) {}

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value data = adaptor.getData();
    auto dataType = cast<RankedTensorType>(data.getType());
    int64_t rank = dataType.getRank();

    // The reduced dims; axes absent or empty reduce all of them, or none
    // with noop_with_empty_axes.
    std::optional<SmallVector<int64_t>> axes;
    if (Value axesValue = adaptor.getAxes();
        axesValue &&
        cast<RankedTensorType>(axesValue.getType()).getDimSize(0) != 0) {
      axes = graph::getConstantIntValues(axesValue);
      if (!axes)
        axes = graph::getConstantIntValues(op.getAxes());
      if (!axes) {
        op.emitOpError() << "with non-constant 'axes' is not supported (the "
                            "reduced dimensions decide the computation)";
        return rewriter.notifyMatchFailure(op, "non-constant axes");
      }
    }
    if (!axes && op.getNoopWithEmptyAxes()) {
      rewriter.replaceOp(op, data);
      return success();
    }
    SmallVector<int64_t> reducedDims;
    if (axes) {
      for (int64_t axis : *axes)
        reducedDims.push_back(*graph::normalizeAxis(axis, rank));
      llvm::sort(reducedDims);
    } else {
      reducedDims = llvm::to_vector(llvm::seq<int64_t>(0, rank));
    }

    auto resultType = cast<RankedTensorType>(
        this->getTypeConverter()->convertType(op.getType()));
    Location loc = op.getLoc();
    ReductionBuilder builder(rewriter, loc, data, resultType, reducedDims,
                             op.getKeepdims() != 0);
    bool isUnsigned = isUnsignedTensor(op.getData().getType());
    rewriter.replaceOp(
        op, lower(builder, rewriter, loc, stageName(op),
                           dataType.getElementType(), isUnsigned));
    return success();
  }

  Value lower(ReductionBuilder &builder, OpBuilder &b, Location loc,
              StringRef name, Type elementType, bool isUnsigned) const {
    std::string stage = name.str();
    auto part = [&](StringRef suffix) { return stage + "." + suffix.str(); };
    // A one-result reduction of f(x) by `combiner`.
    auto reduce = [&](StringRef stageName, ReductionSpec combiner,
                      function_ref<Value(OpBuilder &, Location, Value)> f) {
      return builder
          .reduce(stageName, elementType, std::move(combiner), {},
                  [&](ComputeBody &body, Value x,
                      ValueRange) -> SmallVector<Value> {
                    return {f(body.b, body.loc, x)};
                  })
          .front();
    };
    auto identity = [](OpBuilder &, Location, Value x) { return x; };
    auto square = [](OpBuilder &b, Location loc, Value x) {
      return mul(b, loc, x, x);
    };
    ReductionSpec sum;

    switch (kind) {
    case ReduceKind::Sum:
      return reduce(stage, sum, identity);
    case ReduceKind::Prod: {
      ReductionSpec prod;
      prod.combiner = te::CombinerKind::Prod;
      return reduce(stage, prod, identity);
    }
    case ReduceKind::Max:
    case ReduceKind::Min:
      return reduce(stage,
                    getExtremumCombiner(elementType, kind == ReduceKind::Max,
                                        isUnsigned),
                    identity);
    case ReduceKind::SumSquare:
      return reduce(stage, sum, square);
    case ReduceKind::L1:
      return reduce(stage, sum,
                    [isUnsigned](OpBuilder &b, Location loc, Value x) -> Value {
                      if (isFloat(x.getType()))
                        return math::AbsFOp::create(b, loc, x);
                      if (isUnsigned)
                        return x;
                      return math::AbsIOp::create(b, loc, x);
                    });
    case ReduceKind::Mean: {
      Value total = reduce(part("sum"), sum, identity);
      // Divide by the element count: a constant, or a rank-0 input when the
      // reduced dims are dynamic (stages are isolated from above).
      OpFoldResult count = builder.getCount();
      SmallVector<Value> inputs = {total};
      std::optional<int64_t> staticCount = getConstantIntValue(count);
      if (!staticCount) {
        Value countValue = arith::IndexCastOp::create(
            b, loc, b.getI64Type(), cast<Value>(count));
        if (isFloat(elementType))
          countValue = arith::SIToFPOp::create(b, loc, elementType, countValue);
        else if (elementType != countValue.getType())
          countValue = arith::TruncIOp::create(b, loc, elementType, countValue);
        inputs.push_back(tensor::FromElementsOp::create(
            b, loc, RankedTensorType::get({}, elementType), countValue));
      }
      return builder.map(
          part("div"), elementType, inputs,
          [&](ComputeBody &body, ValueRange x) -> Value {
            Value divisor =
                staticCount ? scalarConstant(body.b, body.loc, elementType,
                                             static_cast<double>(*staticCount))
                            : x[1];
            if (isFloat(elementType))
              return arith::DivFOp::create(body.b, body.loc, x[0], divisor);
            if (isUnsigned)
              return arith::DivUIOp::create(body.b, body.loc, x[0], divisor);
            return arith::DivSIOp::create(body.b, body.loc, x[0], divisor);
          });
    }
    case ReduceKind::L2: {
      Value total = reduce(part("sum"), sum, square);
      return builder.map(part("sqrt"), elementType, total,
                         [&](ComputeBody &body, ValueRange x) -> Value {
                           OpBuilder &b = body.b;
                           Value root = math::SqrtOp::create(
                               b, body.loc,
                               toFloat(b, body.loc, x[0], isUnsigned));
                           return fromFloat(b, body.loc, root, elementType,
                                            isUnsigned);
                         });
    }
    case ReduceKind::LogSum: {
      Value total = reduce(part("sum"), sum, identity);
      return builder.map(part("log"), elementType, total,
                         [&](ComputeBody &body, ValueRange x) -> Value {
                           OpBuilder &b = body.b;
                           Value log = math::LogOp::create(
                               b, body.loc,
                               toFloat(b, body.loc, x[0], isUnsigned));
                           return fromFloat(b, body.loc, log, elementType,
                                            isUnsigned);
                         });
    }
    case ReduceKind::LogSumExp:
      return lowerLogSumExp(builder, b, loc, stage, elementType, isUnsigned);
    }
    llvm_unreachable("unknown reduction");
  }

  /// log(sum(exp(x - m))) + m with m the maximum, so that exp cannot
  /// overflow; m is taken as 0 where it is not finite (all -inf, or an
  /// inf or NaN that the result propagates anyway).
  Value lowerLogSumExp(ReductionBuilder &builder, OpBuilder &b, Location loc,
                       StringRef stage, Type elementType,
                       bool isUnsigned) const {
    std::string name = stage.str();
    Value max =
        builder
            .reduce(name + ".max", elementType,
                    getExtremumCombiner(elementType, /*isMax=*/true,
                                        isUnsigned),
                    {},
                    [](ComputeBody &, Value x, ValueRange) -> SmallVector<Value> {
                      return {x};
                    })
            .front();
    // Integers compute the exponentials in f64.
    Type floatType = isFloat(elementType) ? elementType : b.getF64Type();
    auto shift = [&](OpBuilder &b, Location loc, Value m) -> Value {
      m = toFloat(b, loc, m, isUnsigned);
      if (!isFloat(elementType))
        return m;
      Value inf = arith::ConstantOp::create(
          b, loc,
          b.getFloatAttr(floatType, APFloat::getInf(cast<FloatType>(floatType)
                                                        .getFloatSemantics())));
      Value finite = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT,
                                           math::AbsFOp::create(b, loc, m), inf);
      return arith::SelectOp::create(b, loc, finite, m,
                                     scalarConstant(b, loc, floatType, 0));
    };
    Value sumExp =
        builder
            .reduce(name + ".sum", floatType, ReductionSpec(), max,
                    [&](ComputeBody &body, Value x,
                        ValueRange m) -> SmallVector<Value> {
                      OpBuilder &b = body.b;
                      Value shifted = arith::SubFOp::create(
                          b, body.loc, toFloat(b, body.loc, x, isUnsigned),
                          shift(b, body.loc, m[0]));
                      return {math::ExpOp::create(b, body.loc, shifted)};
                    })
            .front();
    return builder.map(
        name + ".log", elementType, {sumExp, max},
        [&](ComputeBody &body, ValueRange x) -> Value {
          OpBuilder &b = body.b;
          Value log = math::LogOp::create(b, body.loc, x[0]);
          Value result = arith::AddFOp::create(b, body.loc, log,
                                               shift(b, body.loc, x[1]));
          return fromFloat(b, body.loc, result, elementType, isUnsigned);
        });
  }

  ReduceKind kind;
};

/// argmax / argmin: a reduction along `axis` of (value, index) pairs. The
/// combiner takes the new pair when its value is better, or equal with a
/// lower index (a higher one with select_last_index), so it does not depend
/// on the order of the reduction; NaN counts as better than any number, as
/// numpy's argmax and argmin have it.
template <typename OpTy>
struct ArgReducePattern : OpConversionPattern<OpTy> {
  ArgReducePattern(const TypeConverter &typeConverter, MLIRContext *context,
                   bool isMax)
      : OpConversionPattern<OpTy>(typeConverter, context), isMax(isMax) {}

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value data = adaptor.getData();
    auto dataType = cast<RankedTensorType>(data.getType());
    Type elementType = dataType.getElementType();
    int64_t dim = *graph::normalizeAxis(op.getAxis(), dataType.getRank());
    auto resultType = cast<RankedTensorType>(
        this->getTypeConverter()->convertType(op.getType()));
    Location loc = op.getLoc();
    bool isUnsigned = isUnsignedTensor(op.getData().getType());
    bool selectLast = op.getSelectLastIndex() != 0;
    bool max = isMax;

    ReductionSpec spec;
    spec.combiner = te::CombinerKind::Custom;
    TypedAttr worst;
    if (auto floatType = dyn_cast<FloatType>(elementType)) {
      worst = rewriter.getFloatAttr(
          floatType, APFloat::getInf(floatType.getFloatSemantics(), max));
    } else {
      unsigned width = elementType.getIntOrFloatBitWidth();
      APInt value = isUnsigned ? (max ? APInt::getMinValue(width)
                                      : APInt::getMaxValue(width))
                               : (max ? APInt::getSignedMinValue(width)
                                      : APInt::getSignedMaxValue(width));
      worst = rewriter.getIntegerAttr(elementType, value);
    }
    spec.inits = {worst, rewriter.getI64IntegerAttr(0)};
    spec.combine = [=](OpBuilder &b, Location loc, ValueRange acc,
                       ValueRange values) -> SmallVector<Value> {
      Value better, equal;
      if (isFloat(elementType)) {
        using P = arith::CmpFPredicate;
        auto isNaN = [&](Value v) {
          return arith::CmpFOp::create(b, loc, P::UNO, v, v);
        };
        Value newNaN = isNaN(values[0]), accNaN = isNaN(acc[0]);
        Value accNumber = arith::XOrIOp::create(
            b, loc, accNaN, arith::ConstantOp::create(b, loc, b.getBoolAttr(true)));
        Value compare = arith::CmpFOp::create(b, loc, max ? P::OGT : P::OLT,
                                              values[0], acc[0]);
        better = arith::OrIOp::create(
            b, loc, compare, arith::AndIOp::create(b, loc, newNaN, accNumber));
        equal = arith::OrIOp::create(
            b, loc, arith::CmpFOp::create(b, loc, P::OEQ, values[0], acc[0]),
            arith::AndIOp::create(b, loc, newNaN, accNaN));
      } else {
        using P = arith::CmpIPredicate;
        P predicate = isUnsigned ? (max ? P::ugt : P::ult)
                                 : (max ? P::sgt : P::slt);
        better = arith::CmpIOp::create(b, loc, predicate, values[0], acc[0]);
        equal = arith::CmpIOp::create(b, loc, P::eq, values[0], acc[0]);
      }
      Value preferredIndex = arith::CmpIOp::create(
          b, loc, selectLast ? arith::CmpIPredicate::sgt
                             : arith::CmpIPredicate::slt,
          values[1], acc[1]);
      Value take = arith::OrIOp::create(
          b, loc, better, arith::AndIOp::create(b, loc, equal, preferredIndex));
      return {arith::SelectOp::create(b, loc, take, values[0], acc[0]),
              arith::SelectOp::create(b, loc, take, values[1], acc[1])};
    };

    bool keepdims = op.getKeepdims() != 0;
    ReductionBuilder builder(rewriter, loc, data, resultType, dim, keepdims);
    SmallVector<Value> results = builder.reduce(
        stageName(op), {elementType, rewriter.getI64Type()}, std::move(spec),
        {}, [](ComputeBody &body, Value x, ValueRange) -> SmallVector<Value> {
          Value index = arith::IndexCastOp::create(
              body.b, body.loc, body.b.getI64Type(), body.reduceIndices[0]);
          return {x, index};
        });
    rewriter.replaceOp(op, results[1]);
    return success();
  }

  bool isMax;
};

} // namespace

void graph_to_te::populateReductionPatterns(const TypeConverter &typeConverter,
                                            RewritePatternSet &patterns) {
  MLIRContext *context = patterns.getContext();
  patterns.add<ReducePattern<graph::ReduceSumOp>>(typeConverter, context,
                                                  ReduceKind::Sum);
  patterns.add<ReducePattern<graph::ReduceMeanOp>>(typeConverter, context,
                                                   ReduceKind::Mean);
  patterns.add<ReducePattern<graph::ReduceMaxOp>>(typeConverter, context,
                                                  ReduceKind::Max);
  patterns.add<ReducePattern<graph::ReduceMinOp>>(typeConverter, context,
                                                  ReduceKind::Min);
  patterns.add<ReducePattern<graph::ReduceProdOp>>(typeConverter, context,
                                                   ReduceKind::Prod);
  patterns.add<ReducePattern<graph::ReduceL1Op>>(typeConverter, context,
                                                 ReduceKind::L1);
  patterns.add<ReducePattern<graph::ReduceL2Op>>(typeConverter, context,
                                                 ReduceKind::L2);
  patterns.add<ReducePattern<graph::ReduceLogSumOp>>(typeConverter, context,
                                                     ReduceKind::LogSum);
  patterns.add<ReducePattern<graph::ReduceLogSumExpOp>>(
      typeConverter, context, ReduceKind::LogSumExp);
  patterns.add<ReducePattern<graph::ReduceSumSquareOp>>(
      typeConverter, context, ReduceKind::SumSquare);
  patterns.add<ArgReducePattern<graph::ArgMaxOp>>(typeConverter, context,
                                                  /*isMax=*/true);
  patterns.add<ArgReducePattern<graph::ArgMinOp>>(typeConverter, context,
                                                  /*isMax=*/false);
}
