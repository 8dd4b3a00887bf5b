//===- Elementwise.cpp - Elementwise graph operators to te ----------------===//
//
// Each operator is one te.compute reading its operands at the (broadcast)
// output index; what differs is the scalar function, given here per op. The
// scalar functions follow ONNX's reference implementation (numpy): max and
// min propagate NaN, integer division truncates, rounding is half to even.
// Quantization lives in ElementwiseQuantize.cpp.
//
//===----------------------------------------------------------------------===//

#include "ComputeBuilder.h"
#include "ElementwiseScalar.h"
#include "Patterns.h"

#include "tessera/Dialect/Graph/IR/Graph.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "llvm/ADT/STLForwardCompat.h"

#include <cmath>

using namespace mlir;
using namespace tessera;
using namespace tessera::graph_to_te;

//===----------------------------------------------------------------------===//
// Scalar helpers shared with ElementwiseQuantize.cpp
//===----------------------------------------------------------------------===//

bool graph_to_te::hasUnsignedElements(Type type) {
  return isUnsignedTensor(type) ||
         cast<RankedTensorType>(type).getElementType().isInteger(1);
}

Value graph_to_te::convertScalar(OpBuilder &b, Location loc, Value x, Type to,
                                 bool fromUnsigned, bool toUnsigned) {
  Type from = x.getType();
  if (from == to)
    return x;
  if (auto fromFloat = dyn_cast<FloatType>(from)) {
    if (auto toFloat = dyn_cast<FloatType>(to)) {
      if (fromFloat.getWidth() < toFloat.getWidth())
        return arith::ExtFOp::create(b, loc, to, x);
      if (fromFloat.getWidth() > toFloat.getWidth())
        return arith::TruncFOp::create(b, loc, to, x);
      // Same width, other format (f16 and bf16): through f32, which holds
      // both exactly.
      Value wide = arith::ExtFOp::create(b, loc, b.getF32Type(), x);
      return arith::TruncFOp::create(b, loc, to, wide);
    }
    // Anything non-zero, NaN included, is true.
    if (to.isInteger(1))
      return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNE, x,
                                   scalarConstant(b, loc, from, 0));
    // Toward zero.
    if (toUnsigned)
      return arith::FPToUIOp::create(b, loc, to, x);
    return arith::FPToSIOp::create(b, loc, to, x);
  }
  if (isa<FloatType>(to)) {
    if (fromUnsigned)
      return arith::UIToFPOp::create(b, loc, to, x);
    return arith::SIToFPOp::create(b, loc, to, x);
  }
  if (to.isInteger(1))
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, x,
                                 scalarConstant(b, loc, from, 0));
  unsigned fromWidth = from.getIntOrFloatBitWidth();
  unsigned toWidth = to.getIntOrFloatBitWidth();
  if (fromWidth > toWidth)
    return arith::TruncIOp::create(b, loc, to, x);
  if (fromUnsigned)
    return arith::ExtUIOp::create(b, loc, to, x);
  return arith::ExtSIOp::create(b, loc, to, x);
}

Value graph_to_te::quantizeScalar(OpBuilder &b, Location loc, Value x,
                                  Value scale, Value zeroPoint,
                                  IntegerType resultType, bool resultUnsigned) {
  Type floatType = scale.getType();
  // The input is a float or i32.
  Value scaled = arith::DivFOp::create(b, loc,
                                       convertScalar(b, loc, x, floatType,
                                                     /*fromUnsigned=*/false,
                                                     /*toUnsigned=*/false),
                                       scale);
  Value rounded = math::RoundEvenOp::create(b, loc, scaled);
  if (zeroPoint)
    rounded = arith::AddFOp::create(
        b, loc, rounded,
        convertScalar(b, loc, zeroPoint, floatType, resultUnsigned, false));
  unsigned width = resultType.getWidth();
  double low = resultUnsigned ? 0 : -std::ldexp(1.0, width - 1);
  double high = resultUnsigned ? std::ldexp(1.0, width) - 1
                               : std::ldexp(1.0, width - 1) - 1;
  // Saturate. NaN, whose quantization the reference leaves undefined,
  // becomes the low bound (maxnumf ignores it) rather than a poison
  // conversion.
  Value clamped = arith::MinNumFOp::create(
      b, loc,
      arith::MaxNumFOp::create(b, loc, rounded,
                               scalarConstant(b, loc, floatType, low)),
      scalarConstant(b, loc, floatType, high));
  if (resultUnsigned)
    return arith::FPToUIOp::create(b, loc, resultType, clamped);
  return arith::FPToSIOp::create(b, loc, resultType, clamped);
}

namespace {

/// The scalar function of an elementwise op: operand elements (converted to
/// signless types) -> result element. `isUnsigned` says whether the graph's
/// first operand held unsigned integers or booleans, which compare, extend
/// and convert as unsigned values.
template <typename OpTy>
using ScalarFn = Value (*)(OpBuilder &b, Location loc, ValueRange x, OpTy op,
                           bool isUnsigned);

template <typename OpTy> struct ElementwisePattern : OpConversionPattern<OpTy> {
  ElementwisePattern(const TypeConverter &typeConverter, MLIRContext *context,
                     ScalarFn<OpTy> fn)
      : OpConversionPattern<OpTy>(typeConverter, context), fn(fn) {}

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = cast<RankedTensorType>(
        this->getTypeConverter()->convertType(op->getResult(0).getType()));
    bool isUnsigned = hasUnsignedElements(op->getOperand(0).getType());
    Value result = buildElementwise(
        rewriter, op.getLoc(), stageName(op), resultType, adaptor.getOperands(),
        [&](OpBuilder &b, Location loc, ValueRange x) {
          return fn(b, loc, x, op, isUnsigned);
        });
    rewriter.replaceOp(op, result);
    return success();
  }

  ScalarFn<OpTy> fn;
};

template <typename OpTy>
void add(RewritePatternSet &patterns, const TypeConverter &typeConverter,
         ScalarFn<OpTy> fn) {
  patterns.add<ElementwisePattern<OpTy>>(typeConverter, patterns.getContext(),
                                         fn);
}

/// A float-only unary op that is one math dialect op.
template <typename OpTy, typename MathOp>
void addMath(RewritePatternSet &patterns, const TypeConverter &typeConverter) {
  add<OpTy>(patterns, typeConverter,
            [](OpBuilder &b, Location loc, ValueRange x, OpTy, bool) -> Value {
              return MathOp::create(b, loc, x[0]);
            });
}

bool isFloat(Value v) { return isa<FloatType>(v.getType()); }

/// A constant of `like`'s type.
Value constantLike(OpBuilder &b, Location loc, Value like, double value) {
  return scalarConstant(b, loc, like.getType(), value);
}

Value select(OpBuilder &b, Location loc, Value condition, Value ifTrue,
             Value ifFalse) {
  return arith::SelectOp::create(b, loc, condition, ifTrue, ifFalse);
}

Value cmpf(OpBuilder &b, Location loc, arith::CmpFPredicate predicate, Value x,
           Value y) {
  return arith::CmpFOp::create(b, loc, predicate, x, y);
}

Value cmpi(OpBuilder &b, Location loc, arith::CmpIPredicate predicate, Value x,
           Value y) {
  return arith::CmpIOp::create(b, loc, predicate, x, y);
}

Value addf(OpBuilder &b, Location loc, Value x, Value y) {
  return arith::AddFOp::create(b, loc, x, y);
}
Value subf(OpBuilder &b, Location loc, Value x, Value y) {
  return arith::SubFOp::create(b, loc, x, y);
}
Value mulf(OpBuilder &b, Location loc, Value x, Value y) {
  return arith::MulFOp::create(b, loc, x, y);
}
Value divf(OpBuilder &b, Location loc, Value x, Value y) {
  return arith::DivFOp::create(b, loc, x, y);
}
Value exp(OpBuilder &b, Location loc, Value x) {
  return math::ExpOp::create(b, loc, x);
}
Value maximumf(OpBuilder &b, Location loc, Value x, Value y) {
  return arith::MaximumFOp::create(b, loc, x, y);
}
Value minimumf(OpBuilder &b, Location loc, Value x, Value y) {
  return arith::MinimumFOp::create(b, loc, x, y);
}

/// max or min of numbers: NaN-propagating for floats.
Value maximum(OpBuilder &b, Location loc, Value x, Value y, bool isUnsigned) {
  if (isFloat(x))
    return maximumf(b, loc, x, y);
  if (isUnsigned)
    return arith::MaxUIOp::create(b, loc, x, y);
  return arith::MaxSIOp::create(b, loc, x, y);
}
Value minimum(OpBuilder &b, Location loc, Value x, Value y, bool isUnsigned) {
  if (isFloat(x))
    return minimumf(b, loc, x, y);
  if (isUnsigned)
    return arith::MinUIOp::create(b, loc, x, y);
  return arith::MinSIOp::create(b, loc, x, y);
}

/// x < 0, false for unsigned values and NaN.
Value isNegative(OpBuilder &b, Location loc, Value x, bool isUnsigned) {
  Value zero = constantLike(b, loc, x, 0);
  if (isFloat(x))
    return cmpf(b, loc, arith::CmpFPredicate::OLT, x, zero);
  if (isUnsigned)
    return arith::ConstantIntOp::create(b, loc, b.getI1Type(), 0);
  return cmpi(b, loc, arith::CmpIPredicate::slt, x, zero);
}

/// `fn` computed in f64 for an integer `x`, converted back (toward zero), as
/// numpy does for float functions of integers.
Value viaF64(OpBuilder &b, Location loc, Value x, bool isUnsigned,
             function_ref<Value(Value)> fn) {
  if (isFloat(x))
    return fn(x);
  Value wide = convertScalar(b, loc, x, b.getF64Type(), isUnsigned, false);
  return convertScalar(b, loc, fn(wide), x.getType(), false, isUnsigned);
}

/// The comparison `floatPredicate` (ordered: false with NaN) or its integer
/// counterpart.
Value compare(OpBuilder &b, Location loc, Value x, Value y,
              arith::CmpFPredicate floatPredicate,
              arith::CmpIPredicate signedPredicate,
              arith::CmpIPredicate unsignedPredicate, bool isUnsigned) {
  if (isFloat(x))
    return cmpf(b, loc, floatPredicate, x, y);
  return cmpi(b, loc, isUnsigned ? unsignedPredicate : signedPredicate, x, y);
}

template <typename OpTy>
void addComparison(RewritePatternSet &patterns, const TypeConverter &tc) {
  add<OpTy>(patterns, tc,
            [](OpBuilder &b, Location loc, ValueRange x, OpTy,
               bool isUnsigned) -> Value {
              using F = arith::CmpFPredicate;
              using I = arith::CmpIPredicate;
              if constexpr (std::is_same_v<OpTy, graph::EqualOp>)
                return compare(b, loc, x[0], x[1], F::OEQ, I::eq, I::eq,
                               isUnsigned);
              else if constexpr (std::is_same_v<OpTy, graph::GreaterOp>)
                return compare(b, loc, x[0], x[1], F::OGT, I::sgt, I::ugt,
                               isUnsigned);
              else if constexpr (std::is_same_v<OpTy, graph::GreaterOrEqualOp>)
                return compare(b, loc, x[0], x[1], F::OGE, I::sge, I::uge,
                               isUnsigned);
              else if constexpr (std::is_same_v<OpTy, graph::LessOp>)
                return compare(b, loc, x[0], x[1], F::OLT, I::slt, I::ult,
                               isUnsigned);
              else
                return compare(b, loc, x[0], x[1], F::OLE, I::sle, I::ule,
                               isUnsigned);
            });
}

/// Python's `%` on integers: the remainder takes the divisor's sign.
Value floorRemainder(OpBuilder &b, Location loc, Value x, Value y) {
  Value remainder = arith::RemSIOp::create(b, loc, x, y);
  Value zero = constantLike(b, loc, x, 0);
  Value nonZero = cmpi(b, loc, arith::CmpIPredicate::ne, remainder, zero);
  Value signsDiffer = arith::XOrIOp::create(
      b, loc, cmpi(b, loc, arith::CmpIPredicate::slt, remainder, zero),
      cmpi(b, loc, arith::CmpIPredicate::slt, y, zero));
  Value adjust = arith::AndIOp::create(b, loc, nonZero, signsDiffer);
  return select(b, loc, adjust, arith::AddIOp::create(b, loc, remainder, y),
                remainder);
}

/// lhs ** rhs with the base's type, as numpy's power followed by astype.
Value power(OpBuilder &b, Location loc, Value base, Value exponent,
            bool exponentUnsigned) {
  Type baseType = base.getType();
  if (auto baseFloat = dyn_cast<FloatType>(baseType)) {
    // Integer exponents convert exactly (up to 2^24 in f32); powf treats
    // integral exponents of negative bases as pow does.
    Value e =
        convertScalar(b, loc, exponent, baseFloat, exponentUnsigned, false);
    return math::PowFOp::create(b, loc, base, e);
  }
  if (isFloat(exponent)) {
    // numpy raises integers to float powers in f64, then truncates.
    Type f64 = b.getF64Type();
    Value result = math::PowFOp::create(
        b, loc, convertScalar(b, loc, base, f64, false, false),
        convertScalar(b, loc, exponent, f64, false, false));
    return convertScalar(b, loc, result, baseType, false, false);
  }
  // In the wider type, as numpy promotes: a truncated exponent would be
  // another (0^(2^32) in i32), and the low bits of the product agree.
  Type exponentType = exponent.getType();
  if (exponentType.getIntOrFloatBitWidth() <=
      baseType.getIntOrFloatBitWidth()) {
    Value e =
        convertScalar(b, loc, exponent, baseType, exponentUnsigned, false);
    return math::IPowIOp::create(b, loc, base, e);
  }
  Value wideBase = convertScalar(b, loc, base, exponentType, false, false);
  Value result = math::IPowIOp::create(b, loc, wideBase, exponent);
  return convertScalar(b, loc, result, baseType, false, false);
}

/// Cast: a conversion of the converted (signless) element; a cast between
/// types that convert to the same signless type keeps the bits, so it is
/// no stage at all.
struct CastPattern : OpConversionPattern<graph::CastOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::CastOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType =
        cast<RankedTensorType>(getTypeConverter()->convertType(op.getType()));
    if (adaptor.getInput().getType() == resultType) {
      rewriter.replaceOp(op, adaptor.getInput());
      return success();
    }
    bool fromUnsigned = hasUnsignedElements(op.getInput().getType());
    bool toUnsigned = op.getTo().isUnsignedInteger();
    Value result = buildElementwise(
        rewriter, op.getLoc(), stageName(op), resultType, adaptor.getInput(),
        [&](OpBuilder &b, Location loc, ValueRange x) {
          return convertScalar(b, loc, x[0], resultType.getElementType(),
                               fromUnsigned, toUnsigned);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// Clip: the bounds are single-element tensors of any rank, read at index 0
/// in each of their dims; an absent bound does not clamp (no bound: no
/// stage).
struct ClipPattern : OpConversionPattern<graph::ClipOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::ClipOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto resultType =
        cast<RankedTensorType>(getTypeConverter()->convertType(op.getType()));
    if (!adaptor.getMin() && !adaptor.getMax()) {
      rewriter.replaceOp(op, adaptor.getInput());
      return success();
    }
    bool isUnsigned = hasUnsignedElements(op.getInput().getType());
    SmallVector<Value> inputs = {adaptor.getInput()};
    if (adaptor.getMin())
      inputs.push_back(adaptor.getMin());
    if (adaptor.getMax())
      inputs.push_back(adaptor.getMax());
    bool hasMin = static_cast<bool>(adaptor.getMin());
    SmallVector<OpFoldResult> sizes =
        broadcastSizes(rewriter, loc, resultType, adaptor.getInput());
    Value result =
        buildCompute(
            rewriter, loc, stageName(op), resultType, sizes, inputs,
            defaultAxes(resultType.getRank()), /*reduction=*/nullptr,
            [&](ComputeBody &body) -> SmallVector<Value> {
              auto readBound = [&](unsigned input) {
                auto type = cast<RankedTensorType>(inputs[input].getType());
                SmallVector<Value> zeros;
                if (type.getRank() != 0)
                  zeros.assign(type.getRank(), body.index(0));
                return body.read(input, zeros);
              };
              Value x = body.read(0, body.outputIndices);
              // numpy's clip: min(max(x, low), high), NaN propagating.
              if (hasMin)
                x = maximum(body.b, body.loc, x, readBound(1), isUnsigned);
              if (adaptor.getMax())
                x = minimum(body.b, body.loc, x, readBound(inputs.size() - 1),
                            isUnsigned);
              return {x};
            })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

void populateUnaryPatterns(const TypeConverter &tc,
                           RewritePatternSet &patterns) {
  add<graph::NegOp>(patterns, tc,
                    [](OpBuilder &b, Location loc, ValueRange x, graph::NegOp,
                       bool) -> Value {
                      if (isFloat(x[0]))
                        return arith::NegFOp::create(b, loc, x[0]);
                      return arith::SubIOp::create(
                          b, loc, constantLike(b, loc, x[0], 0), x[0]);
                    });
  add<graph::AbsOp>(patterns, tc,
                    [](OpBuilder &b, Location loc, ValueRange x, graph::AbsOp,
                       bool isUnsigned) -> Value {
                      if (isFloat(x[0]))
                        return math::AbsFOp::create(b, loc, x[0]);
                      if (isUnsigned)
                        return x[0];
                      return math::AbsIOp::create(b, loc, x[0]);
                    });
  add<graph::SignOp>(
      patterns, tc,
      [](OpBuilder &b, Location loc, ValueRange x, graph::SignOp,
         bool isUnsigned) -> Value {
        Value zero = constantLike(b, loc, x[0], 0);
        Value one = constantLike(b, loc, x[0], 1);
        if (isFloat(x[0])) {
          // numpy: -0 gives +0, NaN gives NaN.
          Value minusOne = constantLike(b, loc, x[0], -1);
          Value zeroOrNaN = select(
              b, loc, cmpf(b, loc, arith::CmpFPredicate::OEQ, x[0], zero), zero,
              x[0]);
          Value nonPositive = select(
              b, loc, cmpf(b, loc, arith::CmpFPredicate::OLT, x[0], zero),
              minusOne, zeroOrNaN);
          return select(b, loc,
                        cmpf(b, loc, arith::CmpFPredicate::OGT, x[0], zero),
                        one, nonPositive);
        }
        Value positive =
            isUnsigned ? cmpi(b, loc, arith::CmpIPredicate::ne, x[0], zero)
                       : cmpi(b, loc, arith::CmpIPredicate::sgt, x[0], zero);
        if (isUnsigned)
          return select(b, loc, positive, one, zero);
        Value minusOne = constantLike(b, loc, x[0], -1);
        return select(
            b, loc, positive, one,
            select(b, loc, cmpi(b, loc, arith::CmpIPredicate::slt, x[0], zero),
                   minusOne, zero));
      });
  addMath<graph::ExpOp, math::ExpOp>(patterns, tc);
  addMath<graph::LogOp, math::LogOp>(patterns, tc);
  addMath<graph::SqrtOp, math::SqrtOp>(patterns, tc);
  addMath<graph::TanhOp, math::TanhOp>(patterns, tc);
  addMath<graph::SinOp, math::SinOp>(patterns, tc);
  addMath<graph::CosOp, math::CosOp>(patterns, tc);
  addMath<graph::TanOp, math::TanOp>(patterns, tc);
  addMath<graph::AsinOp, math::AsinOp>(patterns, tc);
  addMath<graph::AcosOp, math::AcosOp>(patterns, tc);
  addMath<graph::AtanOp, math::AtanOp>(patterns, tc);
  addMath<graph::SinhOp, math::SinhOp>(patterns, tc);
  addMath<graph::CoshOp, math::CoshOp>(patterns, tc);
  // No LLVM intrinsic: math-expand-ops or the libm lowering expands these.
  addMath<graph::AsinhOp, math::AsinhOp>(patterns, tc);
  addMath<graph::AcoshOp, math::AcoshOp>(patterns, tc);
  addMath<graph::AtanhOp, math::AtanhOp>(patterns, tc);
  addMath<graph::FloorOp, math::FloorOp>(patterns, tc);
  addMath<graph::CeilOp, math::CeilOp>(patterns, tc);
  addMath<graph::RoundOp, math::RoundEvenOp>(patterns, tc);
  add<graph::ReciprocalOp>(patterns, tc,
                           [](OpBuilder &b, Location loc, ValueRange x,
                              graph::ReciprocalOp, bool) -> Value {
                             return divf(b, loc, constantLike(b, loc, x[0], 1),
                                         x[0]);
                           });
  add<graph::SigmoidOp>(
      patterns, tc,
      [](OpBuilder &b, Location loc, ValueRange x, graph::SigmoidOp,
         bool) -> Value {
        Value one = constantLike(b, loc, x[0], 1);
        return divf(b, loc, one,
                    addf(b, loc, one,
                         exp(b, loc, arith::NegFOp::create(b, loc, x[0]))));
      });
  add<graph::ErfOp>(patterns, tc,
                    [](OpBuilder &b, Location loc, ValueRange x, graph::ErfOp,
                       bool isUnsigned) -> Value {
                      return viaF64(b, loc, x[0], isUnsigned,
                                    [&](Value v) -> Value {
                                      return math::ErfOp::create(b, loc, v);
                                    });
                    });
  add<graph::NotOp>(patterns, tc,
                    [](OpBuilder &b, Location loc, ValueRange x, graph::NotOp,
                       bool) -> Value {
                      return arith::XOrIOp::create(
                          b, loc, x[0], constantLike(b, loc, x[0], 1));
                    });
  add<graph::IsNaNOp>(patterns, tc,
                      [](OpBuilder &b, Location loc, ValueRange x,
                         graph::IsNaNOp, bool) -> Value {
                        return cmpf(b, loc, arith::CmpFPredicate::UNO, x[0],
                                    x[0]);
                      });
  add<graph::IsInfOp>(patterns, tc,
                      [](OpBuilder &b, Location loc, ValueRange x,
                         graph::IsInfOp op, bool) -> Value {
                        auto equals = [&](double infinity) {
                          return cmpf(b, loc, arith::CmpFPredicate::OEQ, x[0],
                                      constantLike(b, loc, x[0], infinity));
                        };
                        if (op.getDetectPositive() && op.getDetectNegative())
                          return arith::OrIOp::create(b, loc, equals(INFINITY),
                                                      equals(-INFINITY));
                        if (op.getDetectPositive())
                          return equals(INFINITY);
                        if (op.getDetectNegative())
                          return equals(-INFINITY);
                        return arith::ConstantIntOp::create(b, loc,
                                                            b.getI1Type(), 0);
                      });
}

void populateActivationPatterns(const TypeConverter &tc,
                                RewritePatternSet &patterns) {
  add<graph::ReluOp>(
      patterns, tc,
      [](OpBuilder &b, Location loc, ValueRange x, graph::ReluOp,
         bool isUnsigned) -> Value {
        return maximum(b, loc, x[0], constantLike(b, loc, x[0], 0), isUnsigned);
      });
  // The negative branches below are not taken for NaN, so NaN propagates
  // through the positive one (x).
  add<graph::LeakyReluOp>(
      patterns, tc,
      [](OpBuilder &b, Location loc, ValueRange x, graph::LeakyReluOp op,
         bool) -> Value {
        Value alpha =
            constantLike(b, loc, x[0], op.getAlpha().convertToDouble());
        return select(b, loc, isNegative(b, loc, x[0], false),
                      mulf(b, loc, x[0], alpha), x[0]);
      });
  add<graph::PReluOp>(
      patterns, tc,
      [](OpBuilder &b, Location loc, ValueRange x, graph::PReluOp,
         bool isUnsigned) -> Value {
        Value scaled =
            isFloat(x[0])
                ? mulf(b, loc, x[0], x[1])
                : arith::MulIOp::create(b, loc, x[0], x[1]).getResult();
        return select(b, loc, isNegative(b, loc, x[0], isUnsigned), scaled,
                      x[0]);
      });
  add<graph::EluOp>(patterns, tc,
                    [](OpBuilder &b, Location loc, ValueRange x,
                       graph::EluOp op, bool) -> Value {
                      Value alpha = constantLike(
                          b, loc, x[0], op.getAlpha().convertToDouble());
                      Value expm1 = subf(b, loc, exp(b, loc, x[0]),
                                         constantLike(b, loc, x[0], 1));
                      return select(b, loc, isNegative(b, loc, x[0], false),
                                    mulf(b, loc, expm1, alpha), x[0]);
                    });
  add<graph::SeluOp>(
      patterns, tc,
      [](OpBuilder &b, Location loc, ValueRange x, graph::SeluOp op,
         bool) -> Value {
        Value alpha =
            constantLike(b, loc, x[0], op.getAlpha().convertToDouble());
        Value gamma =
            constantLike(b, loc, x[0], op.getGamma().convertToDouble());
        Value expm1 =
            subf(b, loc, exp(b, loc, x[0]), constantLike(b, loc, x[0], 1));
        Value negative = mulf(b, loc, mulf(b, loc, expm1, alpha), gamma);
        return select(b, loc, isNegative(b, loc, x[0], false), negative,
                      mulf(b, loc, x[0], gamma));
      });
  add<graph::CeluOp>(
      patterns, tc,
      [](OpBuilder &b, Location loc, ValueRange x, graph::CeluOp op,
         bool) -> Value {
        // max(0, x) + min(0, alpha * (exp(x / alpha) - 1)).
        Value zero = constantLike(b, loc, x[0], 0);
        Value alpha =
            constantLike(b, loc, x[0], op.getAlpha().convertToDouble());
        Value expm1 = subf(b, loc, exp(b, loc, divf(b, loc, x[0], alpha)),
                           constantLike(b, loc, x[0], 1));
        return addf(b, loc, maximumf(b, loc, zero, x[0]),
                    minimumf(b, loc, zero, mulf(b, loc, alpha, expm1)));
      });
  add<graph::HardSigmoidOp>(
      patterns, tc,
      [](OpBuilder &b, Location loc, ValueRange x, graph::HardSigmoidOp op,
         bool) -> Value {
        // clip(alpha * x + beta, 0, 1).
        Value alpha =
            constantLike(b, loc, x[0], op.getAlpha().convertToDouble());
        Value beta = constantLike(b, loc, x[0], op.getBeta().convertToDouble());
        Value linear = addf(b, loc, mulf(b, loc, x[0], alpha), beta);
        return minimumf(b, loc,
                        maximumf(b, loc, linear, constantLike(b, loc, x[0], 0)),
                        constantLike(b, loc, x[0], 1));
      });
  add<graph::HardSwishOp>(
      patterns, tc,
      [](OpBuilder &b, Location loc, ValueRange x, graph::HardSwishOp,
         bool) -> Value {
        // x * max(0, min(1, alpha * x + beta)), alpha = 1/6, beta = 1/2.
        Value linear = addf(
            b, loc, mulf(b, loc, constantLike(b, loc, x[0], 1.0 / 6), x[0]),
            constantLike(b, loc, x[0], 0.5));
        Value gate =
            maximumf(b, loc, constantLike(b, loc, x[0], 0),
                     minimumf(b, loc, constantLike(b, loc, x[0], 1), linear));
        return mulf(b, loc, x[0], gate);
      });
  add<graph::SoftplusOp>(
      patterns, tc,
      [](OpBuilder &b, Location loc, ValueRange x, graph::SoftplusOp,
         bool) -> Value {
        // log(exp(x) + 1), as the reference: infinite for large x.
        return math::LogOp::create(
            b, loc,
            addf(b, loc, exp(b, loc, x[0]), constantLike(b, loc, x[0], 1)));
      });
  add<graph::SoftsignOp>(patterns, tc,
                         [](OpBuilder &b, Location loc, ValueRange x,
                            graph::SoftsignOp, bool) -> Value {
                           return divf(
                               b, loc, x[0],
                               addf(b, loc, constantLike(b, loc, x[0], 1),
                                    math::AbsFOp::create(b, loc, x[0])));
                         });
  add<graph::MishOp>(
      patterns, tc,
      [](OpBuilder &b, Location loc, ValueRange x, graph::MishOp,
         bool) -> Value {
        // x * tanh(log1p(exp(x))).
        Value softplus = math::Log1pOp::create(b, loc, exp(b, loc, x[0]));
        return mulf(b, loc, x[0], math::TanhOp::create(b, loc, softplus));
      });
  add<graph::ThresholdedReluOp>(
      patterns, tc,
      [](OpBuilder &b, Location loc, ValueRange x, graph::ThresholdedReluOp op,
         bool) -> Value {
        // The reference clips to [alpha, inf] and zeroes alpha: NaN stays.
        Value alpha =
            constantLike(b, loc, x[0], op.getAlpha().convertToDouble());
        return select(b, loc,
                      cmpf(b, loc, arith::CmpFPredicate::UGT, x[0], alpha),
                      x[0], constantLike(b, loc, x[0], 0));
      });
  add<graph::ShrinkOp>(
      patterns, tc,
      [](OpBuilder &b, Location loc, ValueRange x, graph::ShrinkOp op,
         bool isUnsigned) -> Value {
        // x < -lambd ? x + bias : (x > lambd ? x - bias : 0); integers in f64.
        double bias = op.getBias().convertToDouble();
        double lambd = op.getLambd().convertToDouble();
        return viaF64(b, loc, x[0], isUnsigned, [&](Value v) {
          Value below = cmpf(b, loc, arith::CmpFPredicate::OLT, v,
                             constantLike(b, loc, v, -lambd));
          Value above = cmpf(b, loc, arith::CmpFPredicate::OGT, v,
                             constantLike(b, loc, v, lambd));
          Value biasValue = constantLike(b, loc, v, bias);
          return select(b, loc, below, addf(b, loc, v, biasValue),
                        select(b, loc, above, subf(b, loc, v, biasValue),
                               constantLike(b, loc, v, 0)));
        });
      });
  add<graph::GeluOp>(
      patterns, tc,
      [](OpBuilder &b, Location loc, ValueRange x, graph::GeluOp op,
         bool) -> Value {
        Value half = constantLike(b, loc, x[0], 0.5);
        Value one = constantLike(b, loc, x[0], 1);
        Value gate;
        if (op.getApproximate() == "tanh") {
          // tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)).
          Value cube = mulf(b, loc, mulf(b, loc, x[0], x[0]), x[0]);
          Value inner =
              addf(b, loc, x[0],
                   mulf(b, loc, constantLike(b, loc, x[0], 0.044715), cube));
          gate = math::TanhOp::create(
              b, loc,
              mulf(b, loc,
                   constantLike(b, loc, x[0], std::sqrt(2 / llvm::numbers::pi)),
                   inner));
        } else {
          gate = math::ErfOp::create(
              b, loc,
              divf(b, loc, x[0],
                   constantLike(b, loc, x[0], llvm::numbers::sqrt2)));
        }
        return mulf(b, loc, mulf(b, loc, half, x[0]), addf(b, loc, one, gate));
      });
}

void populateBinaryPatterns(const TypeConverter &tc,
                            RewritePatternSet &patterns) {
  add<graph::AddOp>(patterns, tc,
                    [](OpBuilder &b, Location loc, ValueRange x, graph::AddOp,
                       bool) -> Value {
                      if (isFloat(x[0]))
                        return addf(b, loc, x[0], x[1]);
                      return arith::AddIOp::create(b, loc, x[0], x[1]);
                    });
  add<graph::SubOp>(patterns, tc,
                    [](OpBuilder &b, Location loc, ValueRange x, graph::SubOp,
                       bool) -> Value {
                      if (isFloat(x[0]))
                        return subf(b, loc, x[0], x[1]);
                      return arith::SubIOp::create(b, loc, x[0], x[1]);
                    });
  add<graph::MulOp>(patterns, tc,
                    [](OpBuilder &b, Location loc, ValueRange x, graph::MulOp,
                       bool) -> Value {
                      if (isFloat(x[0]))
                        return mulf(b, loc, x[0], x[1]);
                      return arith::MulIOp::create(b, loc, x[0], x[1]);
                    });
  add<graph::DivOp>(patterns, tc,
                    [](OpBuilder &b, Location loc, ValueRange x, graph::DivOp,
                       bool isUnsigned) -> Value {
                      if (isFloat(x[0]))
                        return divf(b, loc, x[0], x[1]);
                      if (isUnsigned)
                        return arith::DivUIOp::create(b, loc, x[0], x[1]);
                      return arith::DivSIOp::create(b, loc, x[0], x[1]);
                    });
  add<graph::MaxOp>(patterns, tc,
                    [](OpBuilder &b, Location loc, ValueRange x, graph::MaxOp,
                       bool isUnsigned) -> Value {
                      return maximum(b, loc, x[0], x[1], isUnsigned);
                    });
  add<graph::MinOp>(patterns, tc,
                    [](OpBuilder &b, Location loc, ValueRange x, graph::MinOp,
                       bool isUnsigned) -> Value {
                      return minimum(b, loc, x[0], x[1], isUnsigned);
                    });
  add<graph::AndOp>(
      patterns, tc,
      [](OpBuilder &b, Location loc, ValueRange x, graph::AndOp,
         bool) -> Value { return arith::AndIOp::create(b, loc, x[0], x[1]); });
  add<graph::OrOp>(
      patterns, tc,
      [](OpBuilder &b, Location loc, ValueRange x, graph::OrOp, bool) -> Value {
        return arith::OrIOp::create(b, loc, x[0], x[1]);
      });
  add<graph::XorOp>(
      patterns, tc,
      [](OpBuilder &b, Location loc, ValueRange x, graph::XorOp,
         bool) -> Value { return arith::XOrIOp::create(b, loc, x[0], x[1]); });
  add<graph::ModOp>(patterns, tc,
                    [](OpBuilder &b, Location loc, ValueRange x,
                       graph::ModOp op, bool isUnsigned) -> Value {
                      // fmod = 1: the dividend's sign (C's fmod); fmod = 0
                      // (integers only): the divisor's (Python's %). Unsigned
                      // remainders agree.
                      if (isFloat(x[0]))
                        return arith::RemFOp::create(b, loc, x[0], x[1]);
                      if (isUnsigned)
                        return arith::RemUIOp::create(b, loc, x[0], x[1]);
                      if (op.getFmod())
                        return arith::RemSIOp::create(b, loc, x[0], x[1]);
                      return floorRemainder(b, loc, x[0], x[1]);
                    });
  add<graph::BitShiftOp>(
      patterns, tc,
      [](OpBuilder &b, Location loc, ValueRange x, graph::BitShiftOp op,
         bool) -> Value {
        // Shifting by the width or more gives 0, as numpy does (LLVM: poison).
        Value shifted =
            op.getDirection() == "LEFT"
                ? arith::ShLIOp::create(b, loc, x[0], x[1]).getResult()
                : arith::ShRUIOp::create(b, loc, x[0], x[1]).getResult();
        Value width =
            constantLike(b, loc, x[0], x[0].getType().getIntOrFloatBitWidth());
        return select(b, loc,
                      cmpi(b, loc, arith::CmpIPredicate::ult, x[1], width),
                      shifted, constantLike(b, loc, x[0], 0));
      });
  add<graph::PowOp>(patterns, tc,
                    [](OpBuilder &b, Location loc, ValueRange x,
                       graph::PowOp op, bool) -> Value {
                      return power(b, loc, x[0], x[1],
                                   hasUnsignedElements(op.getRhs().getType()));
                    });
  addComparison<graph::EqualOp>(patterns, tc);
  addComparison<graph::GreaterOp>(patterns, tc);
  addComparison<graph::GreaterOrEqualOp>(patterns, tc);
  addComparison<graph::LessOp>(patterns, tc);
  addComparison<graph::LessOrEqualOp>(patterns, tc);
  add<graph::WhereOp>(
      patterns, tc,
      [](OpBuilder &b, Location loc, ValueRange x, graph::WhereOp,
         bool) -> Value { return select(b, loc, x[0], x[1], x[2]); });
}

} // namespace

void graph_to_te::populateElementwisePatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  populateUnaryPatterns(typeConverter, patterns);
  populateActivationPatterns(typeConverter, patterns);
  populateBinaryPatterns(typeConverter, patterns);
  patterns.add<CastPattern, ClipPattern>(typeConverter, patterns.getContext());
  populateQuantizePatterns(typeConverter, patterns);
}
