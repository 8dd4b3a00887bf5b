//===- ElementwiseFolds.cpp - Folders of the elementwise graph operators --===//
//
// Constant folding on small constants (shape arithmetic such as
// Shape -> Gather -> Mul -> Concat must fold to a constant before shape
// inference can use it) and algebraic identities.
//
// Integer elements follow ONNX: signless integers are signed, `ui*` unsigned,
// `i1` is bool.
//
//===----------------------------------------------------------------------===//

#include "tessera/Dialect/Graph/IR/Graph.h"

#include "llvm/ADT/APSInt.h"

#include <cmath>

using namespace mlir;
using namespace tessera::graph;

/// Folding builds every element; larger constants are weights, which the
/// importer keeps as dense_resource blobs anyway.
static constexpr int64_t kMaxFoldedElements = 1 << 12;

static bool isUnsignedInteger(Type elementType) {
  auto integer = dyn_cast<IntegerType>(elementType);
  return integer && (integer.isUnsigned() || integer.getWidth() == 1);
}

/// Folds an elementwise op whose operands are all constants: `element`
/// computes the result element from the linear indices of the operand
/// elements that broadcast to it, or std::nullopt where the op must not fold
/// (division by zero, ...).
template <typename ResultT>
static Attribute
foldElements(ArrayRef<Attribute> operandAttrs, Type resultType,
             function_ref<std::optional<ResultT>(ArrayRef<int64_t>)> element) {
  auto type = dyn_cast<RankedTensorType>(resultType);
  if (!type || !type.hasStaticShape() || type.getNumElements() == 0)
    return {};
  SmallVector<DenseElementsAttr> operands;
  SmallVector<int64_t> shape;
  bool allSplat = true;
  for (Attribute attr : operandAttrs) {
    auto operand = dyn_cast_if_present<DenseElementsAttr>(attr);
    if (!operand)
      return {};
    operands.push_back(operand);
    shape = broadcastShapes(shape, operand.getType().getShape());
    allSplat &= operand.isSplat();
  }
  if (ArrayRef(shape) != type.getShape())
    return {};

  SmallVector<int64_t> indices(operands.size(), 0);
  if (allSplat) {
    std::optional<ResultT> value = element(indices);
    if (!value)
      return {};
    return DenseElementsAttr::get(type, ArrayRef(*value));
  }
  int64_t count = type.getNumElements();
  if (count > kMaxFoldedElements)
    return {};

  // strides[k][d]: how far operand k's linear index moves along result
  // dimension d (0 where the operand broadcasts).
  int64_t rank = type.getRank();
  SmallVector<SmallVector<int64_t>> strides;
  for (DenseElementsAttr operand : operands) {
    ArrayRef<int64_t> dims = operand.getType().getShape();
    SmallVector<int64_t> operandStrides(rank, 0);
    int64_t stride = 1;
    for (int64_t d = rank - 1, o = static_cast<int64_t>(dims.size()) - 1;
         o >= 0; --d, --o) {
      if (dims[o] != 1)
        operandStrides[d] = stride;
      stride *= dims[o];
    }
    strides.push_back(std::move(operandStrides));
  }
  SmallVector<ResultT> results;
  results.reserve(count);
  for (int64_t linear = 0; linear < count; ++linear) {
    std::fill(indices.begin(), indices.end(), 0);
    for (int64_t d = rank - 1, rest = linear; d >= 0; --d) {
      int64_t coordinate = rest % type.getDimSize(d);
      rest /= type.getDimSize(d);
      for (auto [index, operandStrides] : llvm::zip_equal(indices, strides))
        index += coordinate * operandStrides[d];
    }
    std::optional<ResultT> value = element(indices);
    if (!value)
      return {};
    results.push_back(*value);
  }
  return DenseElementsAttr::get(type, results);
}

/// The element type of a constant operand; null when it is not one.
static Type constantElementType(Attribute attr) {
  auto elements = dyn_cast_if_present<DenseElementsAttr>(attr);
  return elements ? elements.getElementType() : Type();
}

/// Folds a unary op on a constant whose elements are `OperandT` (APInt or
/// APFloat).
template <typename OperandT, typename ResultT>
static Attribute
foldUnary(Attribute operand, Type resultType,
          function_ref<std::optional<ResultT>(const OperandT &)> fn) {
  Type elementType = constantElementType(operand);
  if (!elementType ||
      isa<FloatType>(elementType) != std::is_same_v<OperandT, APFloat>)
    return {};
  auto values = cast<DenseElementsAttr>(operand).getValues<OperandT>();
  return foldElements<ResultT>(
      {operand}, resultType,
      [&](ArrayRef<int64_t> indices) -> std::optional<ResultT> {
        return fn(*(values.begin() + indices[0]));
      });
}

/// Folds a binary op on two constants whose elements are `OperandT`.
template <typename OperandT, typename ResultT>
static Attribute foldBinary(
    ArrayRef<Attribute> operands, Type resultType,
    function_ref<std::optional<ResultT>(const OperandT &, const OperandT &)>
        fn) {
  Type elementType = constantElementType(operands[0]);
  if (!elementType || elementType != constantElementType(operands[1]) ||
      isa<FloatType>(elementType) != std::is_same_v<OperandT, APFloat>)
    return {};
  auto lhs = cast<DenseElementsAttr>(operands[0]).getValues<OperandT>();
  auto rhs = cast<DenseElementsAttr>(operands[1]).getValues<OperandT>();
  return foldElements<ResultT>(
      operands, resultType,
      [&](ArrayRef<int64_t> indices) -> std::optional<ResultT> {
        return fn(*(lhs.begin() + indices[0]), *(rhs.begin() + indices[1]));
      });
}

using FloatFn =
    function_ref<std::optional<APFloat>(const APFloat &, const APFloat &)>;
/// Computes on integers, signed or unsigned (`isUnsigned`).
using IntFn = function_ref<std::optional<APInt>(const APInt &, const APInt &,
                                                bool isUnsigned)>;

/// Folds a binary op whose result has the operands' element type.
static Attribute foldArithmetic(ArrayRef<Attribute> operands, Type resultType,
                                FloatFn onFloat, IntFn onInt) {
  Type elementType = constantElementType(operands[0]);
  if (!elementType)
    return {};
  if (isa<FloatType>(elementType))
    return onFloat ? foldBinary<APFloat, APFloat>(operands, resultType, onFloat)
                   : Attribute();
  bool isUnsigned = isUnsignedInteger(elementType);
  return foldBinary<APInt, APInt>(
      operands, resultType,
      [&](const APInt &a, const APInt &b) { return onInt(a, b, isUnsigned); });
}

/// Folds a float unary op computed in double precision by `fn`.
static Attribute foldFloatMath(Attribute operand, Type resultType,
                               double (*fn)(double)) {
  return foldUnary<APFloat, APFloat>(
      operand, resultType, [&](const APFloat &x) -> std::optional<APFloat> {
        bool losesInfo;
        APFloat wide = x;
        wide.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven,
                     &losesInfo);
        APFloat result(fn(wide.convertToDouble()));
        result.convert(x.getSemantics(), APFloat::rmNearestTiesToEven,
                       &losesInfo);
        return result;
      });
}

static Attribute foldRoundToIntegral(Attribute operand, Type resultType,
                                     APFloat::roundingMode mode) {
  return foldUnary<APFloat, APFloat>(operand, resultType,
                                     [&](APFloat x) -> std::optional<APFloat> {
                                       x.roundToIntegral(mode);
                                       return x;
                                     });
}

/// Whether `attr` is a constant whose every element is `value` (0 or 1).
/// Float zeros of either sign count as 0, as in ONNX runtimes.
static bool isSplatOf(Attribute attr, int64_t value) {
  auto splat = dyn_cast_if_present<SplatElementsAttr>(attr);
  if (!splat)
    return false;
  if (isa<FloatType>(splat.getElementType()))
    return splat.getSplatValue<APFloat>().isExactlyValue(value) ||
           (value == 0 && splat.getSplatValue<APFloat>().isZero());
  if (isa<IntegerType>(splat.getElementType()))
    return splat.getSplatValue<APInt>() ==
           APInt(splat.getElementType().getIntOrFloatBitWidth(), value);
  return false;
}

/// `lhs` when the op with `rhs` is the identity on it: its type is the
/// result's (no broadcast, same element type) and `rhs` is the splat
/// `identity`.
static OpFoldResult foldRightIdentity(Value lhs, Attribute rhs, Type resultType,
                                      int64_t identity) {
  if (lhs.getType() == resultType && isSplatOf(rhs, identity))
    return lhs;
  return {};
}

//===----------------------------------------------------------------------===//
// Unary operators
//===----------------------------------------------------------------------===//

OpFoldResult NegOp::fold(FoldAdaptor adaptor) {
  if (auto inner = getInput().getDefiningOp<NegOp>())
    return inner.getInput();
  if (Attribute folded = foldUnary<APFloat, APFloat>(
          adaptor.getInput(), getType(),
          [](const APFloat &x) -> std::optional<APFloat> { return -x; }))
    return folded;
  return foldUnary<APInt, APInt>(
      adaptor.getInput(), getType(),
      [](const APInt &x) -> std::optional<APInt> { return -x; });
}

OpFoldResult AbsOp::fold(FoldAdaptor adaptor) {
  if (Attribute folded = foldUnary<APFloat, APFloat>(
          adaptor.getInput(), getType(),
          [](const APFloat &x) -> std::optional<APFloat> { return abs(x); }))
    return folded;
  bool isUnsigned = isUnsignedInteger(getType().getElementType());
  return foldUnary<APInt, APInt>(adaptor.getInput(), getType(),
                                 [&](const APInt &x) -> std::optional<APInt> {
                                   return isUnsigned ? x : x.abs();
                                 });
}

OpFoldResult SignOp::fold(FoldAdaptor adaptor) {
  if (Attribute folded = foldUnary<APFloat, APFloat>(
          adaptor.getInput(), getType(),
          [](const APFloat &x) -> std::optional<APFloat> {
            if (x.isNaN() || x.isZero())
              return x;
            return APFloat::getOne(x.getSemantics(), x.isNegative());
          }))
    return folded;
  bool isUnsigned = isUnsignedInteger(getType().getElementType());
  return foldUnary<APInt, APInt>(adaptor.getInput(), getType(),
                                 [&](const APInt &x) -> std::optional<APInt> {
                                   unsigned width = x.getBitWidth();
                                   if (x.isZero())
                                     return x;
                                   if (!isUnsigned && x.isNegative())
                                     return APInt::getAllOnes(width);
                                   return APInt(width, 1);
                                 });
}

OpFoldResult ExpOp::fold(FoldAdaptor adaptor) {
  return foldFloatMath(adaptor.getInput(), getType(),
                       [](double x) { return std::exp(x); });
}

OpFoldResult LogOp::fold(FoldAdaptor adaptor) {
  return foldFloatMath(adaptor.getInput(), getType(),
                       [](double x) { return std::log(x); });
}

OpFoldResult SqrtOp::fold(FoldAdaptor adaptor) {
  return foldFloatMath(adaptor.getInput(), getType(),
                       [](double x) { return std::sqrt(x); });
}

OpFoldResult ReciprocalOp::fold(FoldAdaptor adaptor) {
  return foldUnary<APFloat, APFloat>(
      adaptor.getInput(), getType(),
      [](const APFloat &x) -> std::optional<APFloat> {
        APFloat result = APFloat::getOne(x.getSemantics());
        result.divide(x, APFloat::rmNearestTiesToEven);
        return result;
      });
}

OpFoldResult TanhOp::fold(FoldAdaptor adaptor) {
  return foldFloatMath(adaptor.getInput(), getType(),
                       [](double x) { return std::tanh(x); });
}

OpFoldResult SigmoidOp::fold(FoldAdaptor adaptor) {
  return foldFloatMath(adaptor.getInput(), getType(),
                       [](double x) { return 1 / (1 + std::exp(-x)); });
}

OpFoldResult ErfOp::fold(FoldAdaptor adaptor) {
  return foldFloatMath(adaptor.getInput(), getType(),
                       [](double x) { return std::erf(x); });
}

OpFoldResult SinOp::fold(FoldAdaptor adaptor) {
  return foldFloatMath(adaptor.getInput(), getType(),
                       [](double x) { return std::sin(x); });
}

OpFoldResult CosOp::fold(FoldAdaptor adaptor) {
  return foldFloatMath(adaptor.getInput(), getType(),
                       [](double x) { return std::cos(x); });
}

OpFoldResult TanOp::fold(FoldAdaptor adaptor) {
  return foldFloatMath(adaptor.getInput(), getType(),
                       [](double x) { return std::tan(x); });
}

OpFoldResult AsinOp::fold(FoldAdaptor adaptor) {
  return foldFloatMath(adaptor.getInput(), getType(),
                       [](double x) { return std::asin(x); });
}

OpFoldResult AcosOp::fold(FoldAdaptor adaptor) {
  return foldFloatMath(adaptor.getInput(), getType(),
                       [](double x) { return std::acos(x); });
}

OpFoldResult AtanOp::fold(FoldAdaptor adaptor) {
  return foldFloatMath(adaptor.getInput(), getType(),
                       [](double x) { return std::atan(x); });
}

OpFoldResult SinhOp::fold(FoldAdaptor adaptor) {
  return foldFloatMath(adaptor.getInput(), getType(),
                       [](double x) { return std::sinh(x); });
}

OpFoldResult CoshOp::fold(FoldAdaptor adaptor) {
  return foldFloatMath(adaptor.getInput(), getType(),
                       [](double x) { return std::cosh(x); });
}

OpFoldResult AsinhOp::fold(FoldAdaptor adaptor) {
  return foldFloatMath(adaptor.getInput(), getType(),
                       [](double x) { return std::asinh(x); });
}

OpFoldResult AcoshOp::fold(FoldAdaptor adaptor) {
  return foldFloatMath(adaptor.getInput(), getType(),
                       [](double x) { return std::acosh(x); });
}

OpFoldResult AtanhOp::fold(FoldAdaptor adaptor) {
  return foldFloatMath(adaptor.getInput(), getType(),
                       [](double x) { return std::atanh(x); });
}

OpFoldResult FloorOp::fold(FoldAdaptor adaptor) {
  return foldRoundToIntegral(adaptor.getInput(), getType(),
                             APFloat::rmTowardNegative);
}

OpFoldResult CeilOp::fold(FoldAdaptor adaptor) {
  return foldRoundToIntegral(adaptor.getInput(), getType(),
                             APFloat::rmTowardPositive);
}

OpFoldResult RoundOp::fold(FoldAdaptor adaptor) {
  return foldRoundToIntegral(adaptor.getInput(), getType(),
                             APFloat::rmNearestTiesToEven);
}

OpFoldResult NotOp::fold(FoldAdaptor adaptor) {
  if (auto inner = getInput().getDefiningOp<NotOp>())
    return inner.getInput();
  return foldUnary<APInt, APInt>(
      adaptor.getInput(), getType(),
      [](const APInt &x) -> std::optional<APInt> { return ~x; });
}

OpFoldResult ReluOp::fold(FoldAdaptor adaptor) {
  if (Attribute folded = foldUnary<APFloat, APFloat>(
          adaptor.getInput(), getType(),
          [](const APFloat &x) -> std::optional<APFloat> {
            return x.isNegative() && !x.isNaN()
                       ? APFloat::getZero(x.getSemantics())
                       : x;
          }))
    return folded;
  bool isUnsigned = isUnsignedInteger(getType().getElementType());
  return foldUnary<APInt, APInt>(adaptor.getInput(), getType(),
                                 [&](const APInt &x) -> std::optional<APInt> {
                                   return !isUnsigned && x.isNegative()
                                              ? APInt::getZero(x.getBitWidth())
                                              : x;
                                 });
}

OpFoldResult IsNaNOp::fold(FoldAdaptor adaptor) {
  return foldUnary<APFloat, APInt>(
      adaptor.getInput(), getType(),
      [](const APFloat &x) -> std::optional<APInt> {
        return APInt(1, x.isNaN());
      });
}

OpFoldResult IsInfOp::fold(FoldAdaptor adaptor) {
  bool detectNegative = getDetectNegative(),
       detectPositive = getDetectPositive();
  return foldUnary<APFloat, APInt>(
      adaptor.getInput(), getType(),
      [&](const APFloat &x) -> std::optional<APInt> {
        return APInt(1, x.isInfinity() &&
                            (x.isNegative() ? detectNegative : detectPositive));
      });
}

//===----------------------------------------------------------------------===//
// Binary arithmetic
//===----------------------------------------------------------------------===//

static constexpr APFloat::roundingMode kRound = APFloat::rmNearestTiesToEven;

OpFoldResult AddOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult identity =
          foldRightIdentity(getLhs(), adaptor.getRhs(), getType(), 0))
    return identity;
  return foldArithmetic(
      adaptor.getOperands(), getType(),
      [](const APFloat &a, const APFloat &b) -> std::optional<APFloat> {
        APFloat result = a;
        result.add(b, kRound);
        return result;
      },
      [](const APInt &a, const APInt &b, bool) -> std::optional<APInt> {
        return a + b;
      });
}

OpFoldResult SubOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult identity =
          foldRightIdentity(getLhs(), adaptor.getRhs(), getType(), 0))
    return identity;
  return foldArithmetic(
      adaptor.getOperands(), getType(),
      [](const APFloat &a, const APFloat &b) -> std::optional<APFloat> {
        APFloat result = a;
        result.subtract(b, kRound);
        return result;
      },
      [](const APInt &a, const APInt &b, bool) -> std::optional<APInt> {
        return a - b;
      });
}

OpFoldResult MulOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult identity =
          foldRightIdentity(getLhs(), adaptor.getRhs(), getType(), 1))
    return identity;
  return foldArithmetic(
      adaptor.getOperands(), getType(),
      [](const APFloat &a, const APFloat &b) -> std::optional<APFloat> {
        APFloat result = a;
        result.multiply(b, kRound);
        return result;
      },
      [](const APInt &a, const APInt &b, bool) -> std::optional<APInt> {
        return a * b;
      });
}

OpFoldResult DivOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult identity =
          foldRightIdentity(getLhs(), adaptor.getRhs(), getType(), 1))
    return identity;
  return foldArithmetic(
      adaptor.getOperands(), getType(),
      [](const APFloat &a, const APFloat &b) -> std::optional<APFloat> {
        APFloat result = a;
        result.divide(b, kRound);
        return result;
      },
      [](const APInt &a, const APInt &b,
         bool isUnsigned) -> std::optional<APInt> {
        // Division by zero and signed overflow are left to run time.
        if (b.isZero())
          return std::nullopt;
        if (isUnsigned)
          return a.udiv(b);
        bool overflow;
        APInt result = a.sdiv_ov(b, overflow);
        if (overflow)
          return std::nullopt;
        return result;
      });
}

OpFoldResult ModOp::fold(FoldAdaptor adaptor) {
  bool truncated = getFmod() == 1;
  return foldArithmetic(
      adaptor.getOperands(), getType(),
      [](const APFloat &a, const APFloat &b) -> std::optional<APFloat> {
        APFloat result = a;
        result.mod(b);
        return result;
      },
      [&](const APInt &a, const APInt &b,
          bool isUnsigned) -> std::optional<APInt> {
        if (b.isZero())
          return std::nullopt;
        if (isUnsigned)
          return a.urem(b);
        APInt remainder = a.srem(b);
        // fmod = 0: the remainder takes the divisor's sign.
        if (!truncated && !remainder.isZero() &&
            remainder.isNegative() != b.isNegative())
          remainder += b;
        return remainder;
      });
}

/// Folds max (`takeMax`) or min: of a value with itself, or of constants
/// (floats propagate NaN, as ONNX's Max and Min do).
template <typename OpTy>
static OpFoldResult foldMinMax(OpTy op, typename OpTy::FoldAdaptor adaptor,
                               bool takeMax) {
  if (op.getLhs() == op.getRhs() && op.getLhs().getType() == op.getType())
    return op.getLhs();
  return foldArithmetic(
      adaptor.getOperands(), op.getType(),
      [takeMax](const APFloat &a, const APFloat &b) -> std::optional<APFloat> {
        return takeMax ? maximum(a, b) : minimum(a, b);
      },
      [takeMax](const APInt &a, const APInt &b,
                bool isUnsigned) -> std::optional<APInt> {
        bool less = isUnsigned ? a.ult(b) : a.slt(b);
        return less == takeMax ? b : a;
      });
}

OpFoldResult MaxOp::fold(FoldAdaptor adaptor) {
  return foldMinMax(*this, adaptor, /*takeMax=*/true);
}

OpFoldResult MinOp::fold(FoldAdaptor adaptor) {
  return foldMinMax(*this, adaptor, /*takeMax=*/false);
}

OpFoldResult AndOp::fold(FoldAdaptor adaptor) {
  return foldArithmetic(adaptor.getOperands(), getType(), nullptr,
                        [](const APInt &a, const APInt &b,
                           bool) -> std::optional<APInt> { return a & b; });
}

OpFoldResult OrOp::fold(FoldAdaptor adaptor) {
  return foldArithmetic(adaptor.getOperands(), getType(), nullptr,
                        [](const APInt &a, const APInt &b,
                           bool) -> std::optional<APInt> { return a | b; });
}

OpFoldResult XorOp::fold(FoldAdaptor adaptor) {
  return foldArithmetic(adaptor.getOperands(), getType(), nullptr,
                        [](const APInt &a, const APInt &b,
                           bool) -> std::optional<APInt> { return a ^ b; });
}

OpFoldResult BitShiftOp::fold(FoldAdaptor adaptor) {
  bool left = getDirection() == "LEFT";
  return foldArithmetic(
      adaptor.getOperands(), getType(), nullptr,
      [&](const APInt &a, const APInt &b, bool) -> std::optional<APInt> {
        // Shifting by the width or more is left to run time.
        if (b.uge(a.getBitWidth()))
          return std::nullopt;
        return left ? a.shl(b) : a.lshr(b);
      });
}

OpFoldResult PowOp::fold(FoldAdaptor adaptor) {
  Type exponentType = constantElementType(adaptor.getRhs());
  if (!exponentType)
    return {};
  if (isa<FloatType>(exponentType) && isSplatOf(adaptor.getRhs(), 1) &&
      getLhs().getType() == getType())
    return getLhs();
  // Only float bases fold, computed in double precision.
  auto base = dyn_cast_if_present<DenseElementsAttr>(adaptor.getLhs());
  if (!base || !isa<FloatType>(base.getElementType()))
    return {};
  auto exponent = cast<DenseElementsAttr>(adaptor.getRhs());
  auto toDouble = [](APFloat value) {
    bool losesInfo;
    value.convert(APFloat::IEEEdouble(), kRound, &losesInfo);
    return value.convertToDouble();
  };
  auto baseValues = base.getValues<APFloat>();
  const llvm::fltSemantics &semantics =
      cast<FloatType>(base.getElementType()).getFloatSemantics();
  bool unsignedExponent = isUnsignedInteger(exponentType);
  return foldElements<APFloat>(
      adaptor.getOperands(), getType(),
      [&](ArrayRef<int64_t> indices) -> std::optional<APFloat> {
        double power;
        if (isa<FloatType>(exponentType)) {
          power =
              toDouble(*(exponent.getValues<APFloat>().begin() + indices[1]));
        } else {
          APInt value = *(exponent.getValues<APInt>().begin() + indices[1]);
          power = unsignedExponent ? value.roundToDouble(false)
                                   : value.roundToDouble(true);
        }
        APFloat result(
            std::pow(toDouble(*(baseValues.begin() + indices[0])), power));
        bool losesInfo;
        result.convert(semantics, kRound, &losesInfo);
        return result;
      });
}

//===----------------------------------------------------------------------===//
// Comparisons
//===----------------------------------------------------------------------===//

namespace {
/// The orderings for which a comparison is true.
enum Ordering : unsigned { OrderLess = 1, OrderEqual = 2, OrderGreater = 4 };
} // namespace

static Attribute foldComparison(ArrayRef<Attribute> operands, Type resultType,
                                unsigned trueOrderings) {
  Type elementType = constantElementType(operands[0]);
  if (!elementType)
    return {};
  if (isa<FloatType>(elementType))
    return foldBinary<APFloat, APInt>(
        operands, resultType,
        [&](const APFloat &a, const APFloat &b) -> std::optional<APInt> {
          unsigned ordering = 0; // NaNs are unordered: every comparison false.
          switch (a.compare(b)) {
          case APFloat::cmpLessThan:
            ordering = OrderLess;
            break;
          case APFloat::cmpEqual:
            ordering = OrderEqual;
            break;
          case APFloat::cmpGreaterThan:
            ordering = OrderGreater;
            break;
          case APFloat::cmpUnordered:
            break;
          }
          return APInt(1, (ordering & trueOrderings) != 0);
        });
  bool isUnsigned = isUnsignedInteger(elementType);
  return foldBinary<APInt, APInt>(
      operands, resultType,
      [&](const APInt &a, const APInt &b) -> std::optional<APInt> {
        unsigned ordering = a == b                               ? OrderEqual
                            : (isUnsigned ? a.ult(b) : a.slt(b)) ? OrderLess
                                                                 : OrderGreater;
        return APInt(1, (ordering & trueOrderings) != 0);
      });
}

OpFoldResult EqualOp::fold(FoldAdaptor adaptor) {
  return foldComparison(adaptor.getOperands(), getType(), OrderEqual);
}

OpFoldResult GreaterOp::fold(FoldAdaptor adaptor) {
  return foldComparison(adaptor.getOperands(), getType(), OrderGreater);
}

OpFoldResult GreaterOrEqualOp::fold(FoldAdaptor adaptor) {
  return foldComparison(adaptor.getOperands(), getType(),
                        OrderGreater | OrderEqual);
}

OpFoldResult LessOp::fold(FoldAdaptor adaptor) {
  return foldComparison(adaptor.getOperands(), getType(), OrderLess);
}

OpFoldResult LessOrEqualOp::fold(FoldAdaptor adaptor) {
  return foldComparison(adaptor.getOperands(), getType(),
                        OrderLess | OrderEqual);
}

//===----------------------------------------------------------------------===//
// WhereOp and CastOp
//===----------------------------------------------------------------------===//

OpFoldResult WhereOp::fold(FoldAdaptor adaptor) {
  if (auto condition =
          dyn_cast_if_present<SplatElementsAttr>(adaptor.getCondition())) {
    Value selected = condition.getSplatValue<APInt>().isOne() ? getX() : getY();
    if (selected.getType() == getType())
      return selected;
  }
  auto condition =
      dyn_cast_if_present<DenseElementsAttr>(adaptor.getCondition());
  auto x = dyn_cast_if_present<DenseElementsAttr>(adaptor.getX());
  auto y = dyn_cast_if_present<DenseElementsAttr>(adaptor.getY());
  if (!condition || !x || !y)
    return {};
  auto conditionValues = condition.getValues<APInt>();
  auto xValues = x.getValues<Attribute>();
  auto yValues = y.getValues<Attribute>();
  return foldElements<Attribute>(
      adaptor.getOperands(), getType(),
      [&](ArrayRef<int64_t> indices) -> std::optional<Attribute> {
        return (*(conditionValues.begin() + indices[0])).isOne()
                   ? *(xValues.begin() + indices[1])
                   : *(yValues.begin() + indices[2]);
      });
}

OpFoldResult CastOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getType())
    return getInput();
  Type from = constantElementType(adaptor.getInput());
  Type to = getType().getElementType();
  if (!from)
    return {};
  bool fromUnsigned = isUnsignedInteger(from);

  if (auto toFloat = dyn_cast<FloatType>(to)) {
    const llvm::fltSemantics &semantics = toFloat.getFloatSemantics();
    if (isa<FloatType>(from))
      return foldUnary<APFloat, APFloat>(
          adaptor.getInput(), getType(),
          [&](APFloat x) -> std::optional<APFloat> {
            bool losesInfo;
            x.convert(semantics, kRound, &losesInfo);
            return x;
          });
    return foldUnary<APInt, APFloat>(
        adaptor.getInput(), getType(),
        [&](const APInt &x) -> std::optional<APFloat> {
          APFloat result(semantics);
          result.convertFromAPInt(x, /*IsSigned=*/!fromUnsigned, kRound);
          return result;
        });
  }

  unsigned width = to.getIntOrFloatBitWidth();
  bool toUnsigned = isUnsignedInteger(to);
  if (isa<FloatType>(from))
    return foldUnary<APFloat, APInt>(
        adaptor.getInput(), getType(),
        [&](const APFloat &x) -> std::optional<APInt> {
          if (width == 1)
            return APInt(1, !x.isZero());
          // Out-of-range values and NaN convert as the target decides at
          // run time; leave them.
          APSInt result(width, toUnsigned);
          bool isExact;
          if (x.convertToInteger(result, APFloat::rmTowardZero, &isExact) ==
              APFloat::opInvalidOp)
            return std::nullopt;
          return result;
        });
  return foldUnary<APInt, APInt>(adaptor.getInput(), getType(),
                                 [&](const APInt &x) -> std::optional<APInt> {
                                   if (width == 1)
                                     return APInt(1, !x.isZero());
                                   return fromUnsigned ? x.zextOrTrunc(width)
                                                       : x.sextOrTrunc(width);
                                 });
}
