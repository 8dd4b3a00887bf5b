//===- DataMovement.cpp - Data-movement and shape operators to te ---------===//
//
// Reshapes (reshape, flatten, squeeze, unsqueeze) become
// tensor.collapse_shape / tensor.expand_shape, views that cost nothing;
// concat, split and slices with positive steps become tensor.insert_slice /
// tensor.extract_slice. Ops that move elements to new positions (transpose,
// expand, tile, pad, slices with other steps, depth_to_space,
// space_to_depth, gathers) are one te.compute reading the input at the
// remapped index, affine where the op allows it; range and
// constant_of_shape are computes without inputs; shape and size are
// constants or tensor.dim values.
//
//===----------------------------------------------------------------------===//

#include "ComputeBuilder.h"
#include "Patterns.h"

#include "tessera/Dialect/Graph/IR/Graph.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/ReshapeOpsUtils.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Matchers.h"

#include "llvm/Support/MathExtras.h"

#include <map>

using namespace mlir;
using namespace tessera;
using namespace tessera::graph_to_te;

namespace {

//===----------------------------------------------------------------------===//
// Index arithmetic
//===----------------------------------------------------------------------===//

/// Index arithmetic on OpFoldResults that folds constants, so that static
/// shapes give static sizes and reads at constant offsets stay affine (the
/// ops are those te-to-linalg turns into affine expressions).
class IndexMath {
public:
  IndexMath(OpBuilder &b, Location loc) : b(b), loc(loc) {}

  OpFoldResult constant(int64_t value) { return b.getIndexAttr(value); }
  /// `x` as a Value; one arith.constant per constant (the builder only moves
  /// forward in one block).
  Value value(OpFoldResult x) {
    std::optional<int64_t> c = getConstantIntValue(x);
    if (!c)
      return cast<Value>(x);
    Value &constantValue = constants[*c];
    if (!constantValue)
      constantValue = arith::ConstantIndexOp::create(b, loc, *c);
    return constantValue;
  }

  // Constant folds wrap around as the arith ops do.
  OpFoldResult add(OpFoldResult x, OpFoldResult y) {
    if (isConstantIntValue(x, 0))
      return y;
    if (isConstantIntValue(y, 0))
      return x;
    return fold<arith::AddIOp>(x, y, [](int64_t a, int64_t c) {
      return (int64_t)((uint64_t)a + (uint64_t)c);
    });
  }
  OpFoldResult sub(OpFoldResult x, OpFoldResult y) {
    if (isConstantIntValue(y, 0))
      return x;
    return fold<arith::SubIOp>(x, y, [](int64_t a, int64_t c) {
      return (int64_t)((uint64_t)a - (uint64_t)c);
    });
  }
  OpFoldResult mul(OpFoldResult x, OpFoldResult y) {
    if (isConstantIntValue(x, 1))
      return y;
    if (isConstantIntValue(y, 1))
      return x;
    return fold<arith::MulIOp>(x, y, [](int64_t a, int64_t c) {
      return (int64_t)((uint64_t)a * (uint64_t)c);
    });
  }
  OpFoldResult floorDiv(OpFoldResult x, OpFoldResult y) {
    if (isConstantIntValue(y, 1))
      return x;
    return fold<arith::FloorDivSIOp>(x, y, [](int64_t a, int64_t c) {
      return llvm::divideFloorSigned(a, c);
    });
  }
  OpFoldResult ceilDiv(OpFoldResult x, OpFoldResult y) {
    if (isConstantIntValue(y, 1))
      return x;
    return fold<arith::CeilDivSIOp>(x, y, [](int64_t a, int64_t c) {
      return llvm::divideCeilSigned(a, c);
    });
  }
  /// The non-negative remainder of x / y for y > 0, as x - floor(x / y) * y:
  /// affine when y is a constant.
  OpFoldResult mod(OpFoldResult x, OpFoldResult y) {
    return sub(x, mul(floorDiv(x, y), y));
  }
  OpFoldResult max(OpFoldResult x, OpFoldResult y) {
    return fold<arith::MaxSIOp>(
        x, y, [](int64_t a, int64_t c) { return std::max(a, c); });
  }
  OpFoldResult min(OpFoldResult x, OpFoldResult y) {
    return fold<arith::MinSIOp>(
        x, y, [](int64_t a, int64_t c) { return std::min(a, c); });
  }
  OpFoldResult clamp(OpFoldResult x, OpFoldResult low, OpFoldResult high) {
    return min(max(x, low), high);
  }

  /// `x < 0 ? ifNegative() : otherwise()`; only the taken branch is built
  /// when `x` is a constant.
  OpFoldResult selectIfNegative(OpFoldResult x,
                                function_ref<OpFoldResult()> ifNegative,
                                function_ref<OpFoldResult()> otherwise) {
    if (std::optional<int64_t> c = getConstantIntValue(x))
      return *c < 0 ? ifNegative() : otherwise();
    Value isNegative = arith::CmpIOp::create(
        b, loc, arith::CmpIPredicate::slt, value(x), value(constant(0)));
    return select(isNegative, ifNegative(), otherwise());
  }
  /// `x == target ? then : otherwise`.
  OpFoldResult selectIfEqual(OpFoldResult x, int64_t target, OpFoldResult then,
                             OpFoldResult otherwise) {
    if (std::optional<int64_t> c = getConstantIntValue(x))
      return *c == target ? then : otherwise;
    return select(isEqual(x, constant(target)), then, otherwise);
  }
  Value isEqual(OpFoldResult x, OpFoldResult y) {
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, value(x),
                                 value(y));
  }
  OpFoldResult select(Value condition, OpFoldResult x, OpFoldResult y) {
    if (x == y)
      return x;
    return arith::SelectOp::create(b, loc, condition, value(x), value(y))
        .getResult();
  }

  OpBuilder &b;
  Location loc;

private:
  // Not a DenseMap: INT64_MAX (an ONNX slice end) is its empty key.
  std::map<int64_t, Value> constants;

  template <typename OpTy>
  OpFoldResult fold(OpFoldResult x, OpFoldResult y,
                    function_ref<int64_t(int64_t, int64_t)> fn) {
    std::optional<int64_t> cx = getConstantIntValue(x);
    std::optional<int64_t> cy = getConstantIntValue(y);
    if (cx && cy)
      return constant(fn(*cx, *cy));
    return OpTy::create(b, loc, value(x), value(y)).getResult();
  }
};

//===----------------------------------------------------------------------===//
// Sizes and operands
//===----------------------------------------------------------------------===//

/// The sizes of `tensor`: constants, or one tensor.dim per dynamic dim (so
/// that te-to-linalg sees the output sizes of bare-index reads are the
/// input's own).
SmallVector<OpFoldResult> getSizes(OpBuilder &b, Location loc, Value tensor) {
  auto type = cast<RankedTensorType>(tensor.getType());
  SmallVector<OpFoldResult> sizes;
  for (int64_t dim = 0; dim < type.getRank(); ++dim)
    sizes.push_back(type.isDynamicDim(dim)
                        ? OpFoldResult(tensor::DimOp::create(b, loc, tensor, dim)
                                           .getResult())
                        : OpFoldResult(b.getIndexAttr(type.getDimSize(dim))));
  return sizes;
}

/// `sizes` with the static sizes `type` knows (the result type of a graph op
/// may know more than its operands tell).
SmallVector<OpFoldResult> refineSizes(OpBuilder &b, RankedTensorType type,
                                      ArrayRef<OpFoldResult> sizes) {
  SmallVector<OpFoldResult> refined(sizes);
  for (auto [dim, size] : llvm::enumerate(refined))
    if (!type.isDynamicDim(dim))
      size = b.getIndexAttr(type.getDimSize(dim));
  return refined;
}

Value toIndex(OpBuilder &b, Location loc, Value integer) {
  return arith::IndexCastOp::create(b, loc, b.getIndexType(), integer);
}

/// The values of the 1-D integer tensor `vector` as indices: constants where
/// it is constant, tensor.extract otherwise. std::nullopt for a dynamic
/// length.
std::optional<SmallVector<OpFoldResult>>
getIndexVector(OpBuilder &b, Location loc, Value vector) {
  if (std::optional<SmallVector<int64_t>> values =
          graph::getConstantIntValues(vector))
    return llvm::map_to_vector(*values, [&](int64_t value) -> OpFoldResult {
      return b.getIndexAttr(value);
    });
  int64_t length = cast<RankedTensorType>(vector.getType()).getDimSize(0);
  if (ShapedType::isDynamic(length))
    return std::nullopt;
  SmallVector<OpFoldResult> values;
  for (int64_t i = 0; i < length; ++i) {
    Value position = arith::ConstantIndexOp::create(b, loc, i);
    values.push_back(
        toIndex(b, loc, tensor::ExtractOp::create(b, loc, vector, position)));
  }
  return values;
}

//===----------------------------------------------------------------------===//
// Compute bodies
//===----------------------------------------------------------------------===//

/// Index values a compute body needs. Bodies are isolated from above, so the
/// dynamic ones travel as one tensor<N x index> input; constants stay
/// constants, and so affine.
class BodyParams {
public:
  /// Adds the next parameter; `get` takes its position.
  void add(OpFoldResult value) { values.push_back(value); }
  /// The input carrying the dynamic values, if any: append it to the
  /// compute's inputs at `position`.
  Value pack(OpBuilder &b, Location loc, unsigned position) {
    input = position;
    SmallVector<Value> dynamic;
    for (OpFoldResult value : values) {
      slots.push_back(dynamic.size());
      if (auto v = dyn_cast<Value>(value))
        dynamic.push_back(v);
    }
    if (dynamic.empty())
      return {};
    return tensor::FromElementsOp::create(b, loc, dynamic);
  }
  OpFoldResult get(ComputeBody &body, IndexMath &math, unsigned param) const {
    if (getConstantIntValue(values[param]))
      return values[param];
    return body.read(input, {math.value(math.constant(slots[param]))});
  }

private:
  SmallVector<OpFoldResult> values;
  SmallVector<int64_t> slots;
  unsigned input = 0;
};

/// The size of dimension `dim` of compute input `input`, in the body.
OpFoldResult bodyDim(ComputeBody &body, unsigned input, int64_t dim) {
  auto type = cast<RankedTensorType>(body.inputs[input].getType());
  if (!type.isDynamicDim(dim))
    return body.b.getIndexAttr(type.getDimSize(dim));
  return tensor::DimOp::create(body.b, body.loc, body.inputs[input], dim)
      .getResult();
}

/// An index read from an index tensor, made non-negative: ONNX counts
/// negative indices from the end of the dimension of `size`.
Value wrapIndex(IndexMath &math, Value index, OpFoldResult size) {
  OpFoldResult position = toIndex(math.b, math.loc, index);
  return math.value(math.selectIfNegative(
      position, [&] { return math.add(position, size); },
      [&] { return position; }));
}

//===----------------------------------------------------------------------===//
// Reshapes
//===----------------------------------------------------------------------===//

/// A size as a constant times a product of dynamic sizes, so that a reshape
/// can tell which groups of input and output dims hold the same number of
/// elements whatever the dynamic sizes are.
struct SymbolicSize {
  int64_t factor = 1;
  /// Sorted by address: a multiset.
  SmallVector<Value> symbols;

  static SymbolicSize get(OpFoldResult size) {
    if (std::optional<int64_t> c = getConstantIntValue(size))
      return {*c, {}};
    return {1, {cast<Value>(size)}};
  }
  static bool order(Value x, Value y) {
    return x.getAsOpaquePointer() < y.getAsOpaquePointer();
  }
  SymbolicSize operator*(const SymbolicSize &other) const {
    SymbolicSize product{factor * other.factor, symbols};
    llvm::append_range(product.symbols, other.symbols);
    llvm::sort(product.symbols, order);
    return product;
  }
  bool operator==(const SymbolicSize &other) const {
    return factor == other.factor && symbols == other.symbols;
  }
  bool operator!=(const SymbolicSize &other) const { return !(*this == other); }
  bool isOne() const { return factor == 1 && symbols.empty(); }
  bool hasSymbolsOf(const SymbolicSize &other) const {
    return std::includes(symbols.begin(), symbols.end(), other.symbols.begin(),
                         other.symbols.end(), order);
  }
  /// Whether this is certainly smaller than `other` (a proper divisor of it;
  /// for static sizes, smaller).
  bool isSmallerThan(const SymbolicSize &other) const {
    if (factor <= 0 || other.factor <= 0 || !other.hasSymbolsOf(*this))
      return false;
    if (symbols.size() == other.symbols.size())
      return factor < other.factor;
    return other.factor % factor == 0;
  }
  /// this / divisor, when it divides symbolically.
  std::optional<SymbolicSize> divide(const SymbolicSize &divisor) const {
    if (divisor.factor <= 0 || factor % divisor.factor ||
        !hasSymbolsOf(divisor))
      return std::nullopt;
    SymbolicSize quotient{factor / divisor.factor, {}};
    std::set_difference(symbols.begin(), symbols.end(),
                        divisor.symbols.begin(), divisor.symbols.end(),
                        std::back_inserter(quotient.symbols), order);
    return quotient;
  }
  OpFoldResult materialize(IndexMath &math) const {
    OpFoldResult size = math.constant(factor);
    for (Value symbol : symbols)
      size = math.mul(size, symbol);
    return size;
  }
};

SymbolicSize product(ArrayRef<SymbolicSize> sizes) {
  SymbolicSize result;
  for (const SymbolicSize &size : sizes)
    result = result * size;
  return result;
}

SmallVector<SymbolicSize> getSymbolicSizes(ArrayRef<OpFoldResult> sizes) {
  return llvm::map_to_vector(sizes, SymbolicSize::get);
}

/// Groups consecutive input and output dims whose products are equal
/// symbolically: the reassociations of a collapse then expand. std::nullopt
/// when no such grouping is found (then a single group of all dims does).
std::optional<std::pair<SmallVector<ReassociationIndices>,
                        SmallVector<ReassociationIndices>>>
groupDims(ArrayRef<SymbolicSize> input, ArrayRef<SymbolicSize> output) {
  auto hasZero = [](ArrayRef<SymbolicSize> sizes) {
    return llvm::any_of(sizes,
                        [](const SymbolicSize &s) { return s.factor == 0; });
  };
  if (input.empty() || output.empty() || hasZero(input) || hasZero(output))
    return std::nullopt;
  SmallVector<ReassociationIndices> inputGroups, outputGroups;
  int64_t i = 0, j = 0, inputRank = input.size(), outputRank = output.size();
  while (i < inputRank && j < outputRank) {
    ReassociationIndices inputGroup = {i}, outputGroup = {j};
    SymbolicSize inputProduct = input[i++], outputProduct = output[j++];
    while (inputProduct != outputProduct) {
      if (inputProduct.isSmallerThan(outputProduct) && i < inputRank) {
        inputGroup.push_back(i);
        inputProduct = inputProduct * input[i++];
      } else if (outputProduct.isSmallerThan(inputProduct) && j < outputRank) {
        outputGroup.push_back(j);
        outputProduct = outputProduct * output[j++];
      } else {
        return std::nullopt;
      }
    }
    inputGroups.push_back(inputGroup);
    outputGroups.push_back(outputGroup);
  }
  // Trailing dims of size 1 join the last group.
  for (; i < inputRank; ++i) {
    if (!input[i].isOne())
      return std::nullopt;
    inputGroups.back().push_back(i);
  }
  for (; j < outputRank; ++j) {
    if (!output[j].isOne())
      return std::nullopt;
    outputGroups.back().push_back(j);
  }
  return std::make_pair(inputGroups, outputGroups);
}

SmallVector<ReassociationIndices> allDims(int64_t rank) {
  return {llvm::to_vector(llvm::seq<int64_t>(0, rank))};
}

/// Reshapes `input` (of `inputSizes`) to `resultType` (of `outputSizes`):
/// a collapse, an expand, or a collapse to the common groups followed by an
/// expand.
Value buildReshape(OpBuilder &b, Location loc, Value input,
                   ArrayRef<SymbolicSize> inputSizes,
                   ArrayRef<SymbolicSize> outputSizes,
                   RankedTensorType resultType) {
  IndexMath math(b, loc);
  auto outputType = resultType.clone(llvm::map_to_vector(
      outputSizes, [](const SymbolicSize &s) {
        return s.symbols.empty() ? s.factor : ShapedType::kDynamic;
      }));
  auto inputType = cast<RankedTensorType>(input.getType());
  auto ones = [&](int64_t rank) {
    return resultType.clone(SmallVector<int64_t>(rank, 1));
  };

  Value result;
  if (inputType.getRank() == 0) {
    // Every output size is 1.
    result = tensor::ExpandShapeOp::create(
        b, loc, ones(outputType.getRank()), input,
        ArrayRef<ReassociationIndices>{},
        SmallVector<OpFoldResult>(outputType.getRank(), b.getIndexAttr(1)));
  } else if (outputType.getRank() == 0) {
    result = tensor::CollapseShapeOp::create(
        b, loc, castTo(b, loc, input, ones(inputType.getRank())),
        ArrayRef<ReassociationIndices>{});
  } else {
    auto [inputGroups, outputGroups] =
        groupDims(inputSizes, outputSizes)
            .value_or(std::make_pair(allDims(inputType.getRank()),
                                     allDims(outputType.getRank())));
    bool collapses = inputGroups.size() != (size_t)inputType.getRank();
    bool expands = outputGroups.size() != (size_t)outputType.getRank();
    result = input;
    if (collapses)
      result = tensor::CollapseShapeOp::create(b, loc, result, inputGroups);
    if (expands)
      result = tensor::ExpandShapeOp::create(
          b, loc, outputType, result, outputGroups,
          llvm::map_to_vector(outputSizes, [&](const SymbolicSize &s) {
            return s.materialize(math);
          }));
  }
  return castTo(b, loc, result, resultType);
}

template <typename OpTy>
struct DataMovementPattern : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;

  RankedTensorType getResultType(Operation *op, unsigned index = 0) const {
    return cast<RankedTensorType>(
        this->getTypeConverter()->convertType(op->getResult(index).getType()));
  }
};

/// `sizes` with the static sizes of the result type, which may know more.
SmallVector<SymbolicSize> refineSymbolic(RankedTensorType type,
                                         ArrayRef<SymbolicSize> sizes) {
  SmallVector<SymbolicSize> refined(sizes);
  for (auto [dim, size] : llvm::enumerate(refined))
    if (!type.isDynamicDim(dim))
      size = {type.getDimSize(dim), {}};
  return refined;
}

struct ReshapePattern : DataMovementPattern<graph::ReshapeOp> {
  using DataMovementPattern::DataMovementPattern;

  LogicalResult
  matchAndRewrite(graph::ReshapeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    IndexMath math(rewriter, loc);
    Value data = adaptor.getData();
    SmallVector<SymbolicSize> inputSizes =
        getSymbolicSizes(getSizes(rewriter, loc, data));
    SmallVector<OpFoldResult> shape =
        *getIndexVector(rewriter, loc, adaptor.getShape());
    bool allowZero = op.getAllowzero();

    // A 0 copies the input's size (without allowzero), a -1 takes the
    // remaining count: known for constant entries, selected at run time for
    // the others.
    SmallVector<SymbolicSize> sizes;
    std::optional<size_t> inferred;
    bool hasDynamicEntry = false;
    for (auto [i, entry] : llvm::enumerate(shape)) {
      std::optional<int64_t> value = getConstantIntValue(entry);
      SymbolicSize copied =
          i < inputSizes.size() ? inputSizes[i] : SymbolicSize{0, {}};
      if (value && *value == 0 && !allowZero) {
        sizes.push_back(copied);
      } else if (value && *value == -1) {
        inferred = i;
        sizes.push_back({1, {}});
      } else if (value) {
        sizes.push_back({*value, {}});
      } else {
        hasDynamicEntry = true;
        OpFoldResult size = entry;
        if (!allowZero && i < inputSizes.size())
          size = math.selectIfEqual(entry, 0, copied.materialize(math), entry);
        sizes.push_back(SymbolicSize::get(size));
      }
    }
    SymbolicSize total = product(inputSizes);
    if (inferred) {
      SymbolicSize rest = product(sizes);
      std::optional<SymbolicSize> quotient = total.divide(rest);
      sizes[*inferred] =
          quotient ? *quotient
                   : SymbolicSize::get(math.floorDiv(total.materialize(math),
                                                     rest.materialize(math)));
    } else if (hasDynamicEntry) {
      // Any dynamic entry may be the -1.
      OpFoldResult known = math.constant(1);
      SmallVector<OpFoldResult> materialized;
      for (auto [entry, size] : llvm::zip(shape, sizes)) {
        materialized.push_back(size.materialize(math));
        known = math.mul(known, math.selectIfEqual(entry, -1, math.constant(1),
                                                   materialized.back()));
      }
      OpFoldResult remaining =
          math.floorDiv(total.materialize(math), math.max(known, math.constant(1)));
      for (auto [entry, size, value] : llvm::zip(shape, sizes, materialized))
        if (!getConstantIntValue(entry))
          size = SymbolicSize::get(
              math.selectIfEqual(entry, -1, remaining, value));
    }
    RankedTensorType resultType = getResultType(op);
    rewriter.replaceOp(op, buildReshape(rewriter, loc, data, inputSizes,
                                        refineSymbolic(resultType, sizes),
                                        resultType));
    return success();
  }
};

struct FlattenPattern : DataMovementPattern<graph::FlattenOp> {
  using DataMovementPattern::DataMovementPattern;

  LogicalResult
  matchAndRewrite(graph::FlattenOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value data = adaptor.getData();
    SmallVector<SymbolicSize> inputSizes =
        getSymbolicSizes(getSizes(rewriter, loc, data));
    int64_t axis = op.getAxis();
    if (axis < 0)
      axis += inputSizes.size();
    ArrayRef<SymbolicSize> dims(inputSizes);
    SmallVector<SymbolicSize> sizes = {product(dims.take_front(axis)),
                                       product(dims.drop_front(axis))};
    RankedTensorType resultType = getResultType(op);
    rewriter.replaceOp(op, buildReshape(rewriter, loc, data, inputSizes,
                                        refineSymbolic(resultType, sizes),
                                        resultType));
    return success();
  }
};

/// Squeeze and unsqueeze never move data: with static types, the result
/// type alone says the reshape, whatever the (non-constant) axes are.
FailureOr<Value> reshapeToStaticResult(Operation *op,
                                       ConversionPatternRewriter &rewriter,
                                       Value data,
                                       RankedTensorType resultType) {
  if (!cast<RankedTensorType>(data.getType()).hasStaticShape() ||
      !resultType.hasStaticShape())
    return reject(op, rewriter,
                  "with non-constant 'axes' and dynamic shapes is not "
                  "supported");
  Location loc = op->getLoc();
  SmallVector<SymbolicSize> inputSizes =
      getSymbolicSizes(getSizes(rewriter, loc, data));
  SmallVector<SymbolicSize> sizes;
  for (int64_t size : resultType.getShape())
    sizes.push_back({size, {}});
  return buildReshape(rewriter, loc, data, inputSizes, sizes, resultType);
}

struct SqueezePattern : DataMovementPattern<graph::SqueezeOp> {
  using DataMovementPattern::DataMovementPattern;

  LogicalResult
  matchAndRewrite(graph::SqueezeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value data = adaptor.getData();
    auto dataType = cast<RankedTensorType>(data.getType());
    int64_t rank = dataType.getRank();
    SmallVector<int64_t> squeezed;
    if (Value axes = adaptor.getAxes()) {
      std::optional<SmallVector<int64_t>> values =
          graph::getConstantIntValues(axes);
      if (!values) {
        FailureOr<Value> reshaped =
            reshapeToStaticResult(op, rewriter, data, getResultType(op));
        if (failed(reshaped))
          return failure();
        rewriter.replaceOp(op, *reshaped);
        return success();
      }
      for (int64_t axis : *values)
        squeezed.push_back(*graph::normalizeAxis(axis, rank));
    } else {
      for (int64_t dim = 0; dim < rank; ++dim)
        if (dataType.getDimSize(dim) == 1)
          squeezed.push_back(dim);
    }
    // A squeezed dim is 1, even where the type does not say so.
    SmallVector<int64_t> shape(dataType.getShape());
    for (int64_t dim : squeezed)
      shape[dim] = 1;
    data = castTo(rewriter, loc, data, dataType.clone(shape));
    SmallVector<SymbolicSize> inputSizes =
        getSymbolicSizes(getSizes(rewriter, loc, data));
    SmallVector<SymbolicSize> sizes;
    for (int64_t dim = 0; dim < rank; ++dim)
      if (!llvm::is_contained(squeezed, dim))
        sizes.push_back(inputSizes[dim]);
    RankedTensorType resultType = getResultType(op);
    rewriter.replaceOp(op, buildReshape(rewriter, loc, data, inputSizes,
                                        refineSymbolic(resultType, sizes),
                                        resultType));
    return success();
  }
};

struct UnsqueezePattern : DataMovementPattern<graph::UnsqueezeOp> {
  using DataMovementPattern::DataMovementPattern;

  LogicalResult
  matchAndRewrite(graph::UnsqueezeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value data = adaptor.getData();
    RankedTensorType resultType = getResultType(op);
    std::optional<SmallVector<int64_t>> axes =
        graph::getConstantIntValues(adaptor.getAxes());
    if (!axes) {
      FailureOr<Value> reshaped =
          reshapeToStaticResult(op, rewriter, data, resultType);
      if (failed(reshaped))
        return failure();
      rewriter.replaceOp(op, *reshaped);
      return success();
    }
    SmallVector<int64_t> inserted;
    for (int64_t axis : *axes)
      inserted.push_back(*graph::normalizeAxis(axis, resultType.getRank()));
    SmallVector<SymbolicSize> inputSizes =
        getSymbolicSizes(getSizes(rewriter, loc, data));
    SmallVector<SymbolicSize> sizes;
    ArrayRef<SymbolicSize> rest(inputSizes);
    for (int64_t dim = 0; dim < resultType.getRank(); ++dim) {
      if (llvm::is_contained(inserted, dim)) {
        sizes.push_back({1, {}});
      } else {
        sizes.push_back(rest.front());
        rest = rest.drop_front();
      }
    }
    rewriter.replaceOp(op, buildReshape(rewriter, loc, data, inputSizes,
                                        refineSymbolic(resultType, sizes),
                                        resultType));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Reordering, joining and splitting
//===----------------------------------------------------------------------===//

struct TransposePattern : DataMovementPattern<graph::TransposeOp> {
  using DataMovementPattern::DataMovementPattern;

  LogicalResult
  matchAndRewrite(graph::TransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value data = adaptor.getData();
    SmallVector<int64_t> perm = op.getPermutation();
    SmallVector<OpFoldResult> inputSizes = getSizes(rewriter, loc, data);
    SmallVector<OpFoldResult> sizes = llvm::map_to_vector(
        perm, [&](int64_t dim) { return inputSizes[dim]; });
    RankedTensorType resultType = getResultType(op);
    Value result =
        buildCompute(rewriter, loc, stageName(op), resultType,
                     refineSizes(rewriter, resultType, sizes), data,
                     defaultAxes(resultType.getRank()), /*reduction=*/nullptr,
                     [&](ComputeBody &body) -> SmallVector<Value> {
                       // Input dim perm[i] is output dim i.
                       SmallVector<Value> indices(perm.size());
                       for (auto [i, dim] : llvm::enumerate(perm))
                         indices[dim] = body.outputIndices[i];
                       return {body.read(0, indices)};
                     })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct ConcatPattern : DataMovementPattern<graph::ConcatOp> {
  using DataMovementPattern::DataMovementPattern;

  LogicalResult
  matchAndRewrite(graph::ConcatOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    IndexMath math(rewriter, loc);
    ValueRange inputs = adaptor.getInputs();
    RankedTensorType resultType = getResultType(op);
    int64_t rank = resultType.getRank();
    int64_t axis = *graph::normalizeAxis(op.getAxis(), rank);
    SmallVector<SmallVector<OpFoldResult>> inputSizes = llvm::map_to_vector(
        inputs, [&](Value input) { return getSizes(rewriter, loc, input); });

    // Other dims are equal: any input's static size gives them.
    SmallVector<OpFoldResult> sizes;
    for (int64_t dim = 0; dim < rank; ++dim) {
      if (dim == axis) {
        OpFoldResult total = math.constant(0);
        for (ArrayRef<OpFoldResult> input : inputSizes)
          total = math.add(total, input[dim]);
        sizes.push_back(total);
        continue;
      }
      auto known = llvm::find_if(inputSizes, [&](ArrayRef<OpFoldResult> s) {
        return getConstantIntValue(s[dim]).has_value();
      });
      sizes.push_back(known != inputSizes.end() ? (*known)[dim]
                                                : inputSizes.front()[dim]);
    }
    Value result = tensor::EmptyOp::create(
        rewriter, loc, refineSizes(rewriter, resultType, sizes),
        resultType.getElementType());
    OpFoldResult offset = math.constant(0);
    for (auto [input, size] : llvm::zip(inputs, inputSizes)) {
      // tensor.insert_slice rejects the offsets of an empty slice.
      if (llvm::any_of(size, [](OpFoldResult s) {
            return isConstantIntValue(s, 0);
          }))
        continue;
      SmallVector<OpFoldResult> offsets(rank, math.constant(0));
      offsets[axis] = offset;
      result = tensor::InsertSliceOp::create(
          rewriter, loc, input, result, offsets, size,
          SmallVector<OpFoldResult>(rank, math.constant(1)));
      offset = math.add(offset, size[axis]);
    }
    rewriter.replaceOp(op, castTo(rewriter, loc, result, resultType));
    return success();
  }
};

struct SplitPattern : DataMovementPattern<graph::SplitOp> {
  using DataMovementPattern::DataMovementPattern;

  LogicalResult
  matchAndRewrite(graph::SplitOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    IndexMath math(rewriter, loc);
    Value input = adaptor.getInput();
    SmallVector<OpFoldResult> inputSizes = getSizes(rewriter, loc, input);
    int64_t rank = inputSizes.size();
    int64_t axis = *graph::normalizeAxis(op.getAxis(), rank);
    int64_t numOutputs = op.getNumOutputs();

    SmallVector<OpFoldResult> parts;
    if (Value split = adaptor.getSplit()) {
      std::optional<SmallVector<OpFoldResult>> sizes =
          getIndexVector(rewriter, loc, split);
      if (!sizes)
        return reject(op, rewriter,
                      "needs 'split' of static length to be lowered");
      parts = *sizes;
    } else {
      // Equal parts of ceil(d / n), the last one smaller.
      OpFoldResult part =
          math.ceilDiv(inputSizes[axis], math.constant(numOutputs));
      parts.assign(numOutputs - 1, part);
      parts.push_back(math.sub(inputSizes[axis],
                               math.mul(part, math.constant(numOutputs - 1))));
    }
    SmallVector<Value> results;
    OpFoldResult offset = math.constant(0);
    for (auto [index, part] : llvm::enumerate(parts)) {
      RankedTensorType resultType = getResultType(op, index);
      SmallVector<OpFoldResult> offsets(rank, math.constant(0)),
          sizes(inputSizes);
      offsets[axis] = offset;
      sizes[axis] = part;
      // tensor.extract_slice rejects the offsets of an empty slice.
      if (resultType.hasStaticShape() && resultType.getNumElements() == 0)
        results.push_back(tensor::EmptyOp::create(
            rewriter, loc, resultType.getShape(), resultType.getElementType()));
      else
        results.push_back(castTo(
            rewriter, loc,
            tensor::ExtractSliceOp::create(
                rewriter, loc, input, offsets,
                refineSizes(rewriter, resultType, sizes),
                SmallVector<OpFoldResult>(rank, math.constant(1))),
            resultType));
      if (index + 1 < parts.size())
        offset = math.add(offset, part);
    }
    rewriter.replaceOp(op, results);
    return success();
  }
};

struct SlicePattern : DataMovementPattern<graph::SliceOp> {
  using DataMovementPattern::DataMovementPattern;

  LogicalResult
  matchAndRewrite(graph::SliceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    IndexMath math(rewriter, loc);
    Value data = adaptor.getData();
    SmallVector<OpFoldResult> inputSizes = getSizes(rewriter, loc, data);
    int64_t rank = inputSizes.size();
    std::optional<SmallVector<OpFoldResult>> starts =
        getIndexVector(rewriter, loc, adaptor.getStarts());
    std::optional<SmallVector<OpFoldResult>> ends =
        getIndexVector(rewriter, loc, adaptor.getEnds());
    if (!starts || !ends)
      return reject(op, rewriter,
                    "needs 'starts' and 'ends' of static length to be lowered");
    SmallVector<OpFoldResult> steps(starts->size(), math.constant(1));
    if (Value stepsValue = adaptor.getSteps()) {
      std::optional<SmallVector<OpFoldResult>> values =
          getIndexVector(rewriter, loc, stepsValue);
      if (!values)
        return reject(op, rewriter,
                      "needs 'steps' of static length to be lowered");
      steps = *values;
    }
    std::optional<SmallVector<OpFoldResult>> axes;
    if (Value axesValue = adaptor.getAxes())
      axes = getIndexVector(rewriter, loc, axesValue);
    else
      axes = llvm::map_to_vector(
          llvm::seq<int64_t>(0, starts->size()),
          [&](int64_t axis) { return math.constant(axis); });
    if (!axes)
      return reject(op, rewriter,
                    "needs 'axes' of static length to be lowered");

    // [start, end) by step of each dim: those of the axis naming it, known
    // when the axes are constant, selected at run time otherwise.
    struct Bounds {
      OpFoldResult start, end, step;
    };
    SmallVector<std::optional<Bounds>> bounds(rank);
    for (auto [index, axisValue] : llvm::enumerate(*axes)) {
      // Named copies: lambdas cannot capture structured bindings in C++17.
      size_t i = index;
      OpFoldResult axis = axisValue;
      if (std::optional<int64_t> dim = getConstantIntValue(axis)) {
        bounds[*graph::normalizeAxis(*dim, rank)] =
            Bounds{(*starts)[i], (*ends)[i], steps[i]};
        continue;
      }
      OpFoldResult normalized = math.selectIfNegative(
          axis, [&] { return math.add(axis, math.constant(rank)); },
          [&] { return axis; });
      for (int64_t dim = 0; dim < rank; ++dim) {
        Bounds current = bounds[dim].value_or(
            Bounds{math.constant(0), inputSizes[dim], math.constant(1)});
        Value isAxis = math.isEqual(normalized, math.constant(dim));
        bounds[dim] = Bounds{math.select(isAxis, (*starts)[i], current.start),
                             math.select(isAxis, (*ends)[i], current.end),
                             math.select(isAxis, steps[i], current.step)};
      }
    }

    // The first element and count of each sliced dim, bounds clamped as
    // ONNX defines (to [0, d] going forward, [-1, d - 1] going backward).
    SmallVector<OpFoldResult> offsets(rank, math.constant(0)),
        sizes(inputSizes), strides(rank, math.constant(1));
    bool positiveSteps = true;
    for (int64_t axis = 0; axis < rank; ++axis) {
      if (!bounds[axis])
        continue;
      OpFoldResult size = inputSizes[axis], step = bounds[axis]->step;
      auto fromEnd = [&](OpFoldResult bound) {
        return math.selectIfNegative(
            bound, [&] { return math.add(bound, size); },
            [&] { return bound; });
      };
      OpFoldResult start = fromEnd(bounds[axis]->start),
                   end = fromEnd(bounds[axis]->end);
      OpFoldResult zero = math.constant(0);
      auto last = [&] { return math.sub(size, math.constant(1)); };
      start = math.selectIfNegative(
          step, [&] { return math.clamp(start, zero, last()); },
          [&] { return math.clamp(start, zero, size); });
      end = math.selectIfNegative(
          step, [&] { return math.clamp(end, math.constant(-1), last()); },
          [&] { return math.clamp(end, zero, size); });
      offsets[axis] = start;
      sizes[axis] = math.max(math.ceilDiv(math.sub(end, start), step), zero);
      strides[axis] = step;
      std::optional<int64_t> constantStep = getConstantIntValue(step);
      positiveSteps &= constantStep && *constantStep > 0;
    }
    RankedTensorType resultType = getResultType(op);
    sizes = refineSizes(rewriter, resultType, sizes);

    if (resultType.hasStaticShape() && resultType.getNumElements() == 0) {
      // tensor.extract_slice rejects the offsets of an empty slice.
      rewriter.replaceOpWithNewOp<tensor::EmptyOp>(op, resultType.getShape(),
                                                   resultType.getElementType());
      return success();
    }
    if (positiveSteps) {
      Value slice = tensor::ExtractSliceOp::create(rewriter, loc, data,
                                                   offsets, sizes, strides);
      rewriter.replaceOp(op, castTo(rewriter, loc, slice, resultType));
      return success();
    }
    // Other steps read at offset + i * step.
    BodyParams params;
    for (int64_t dim = 0; dim < rank; ++dim) {
      params.add(offsets[dim]);
      params.add(strides[dim]);
    }
    SmallVector<Value> inputs = {data};
    if (Value packed = params.pack(rewriter, loc, inputs.size()))
      inputs.push_back(packed);
    Value result =
        buildCompute(
            rewriter, loc, stageName(op), resultType, sizes, inputs,
            defaultAxes(rank), /*reduction=*/nullptr,
            [&](ComputeBody &body) -> SmallVector<Value> {
              IndexMath inBody(body.b, body.loc);
              SmallVector<Value> indices;
              for (int64_t dim = 0; dim < rank; ++dim)
                indices.push_back(inBody.value(inBody.add(
                    params.get(body, inBody, 2 * dim),
                    inBody.mul(body.outputIndices[dim],
                               params.get(body, inBody, 2 * dim + 1)))));
              return {body.read(0, indices)};
            })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Broadcasting, repeating, padding
//===----------------------------------------------------------------------===//

struct ExpandPattern : DataMovementPattern<graph::ExpandOp> {
  using DataMovementPattern::DataMovementPattern;

  LogicalResult
  matchAndRewrite(graph::ExpandOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    IndexMath math(rewriter, loc);
    Value data = adaptor.getData();
    auto dataType = cast<RankedTensorType>(data.getType());
    SmallVector<OpFoldResult> inputSizes = getSizes(rewriter, loc, data);
    SmallVector<OpFoldResult> shape =
        *getIndexVector(rewriter, loc, adaptor.getShape());
    RankedTensorType resultType = getResultType(op);
    int64_t rank = resultType.getRank();
    int64_t inputOffset = rank - dataType.getRank();
    int64_t shapeOffset = rank - shape.size();

    // Numpy broadcasting of the input's sizes and `shape`: a size-1 input
    // dim stretches; a dynamic one must equal the result's (checked at run
    // time), as in elementwise broadcasting.
    SmallVector<OpFoldResult> sizes;
    for (int64_t dim = 0; dim < rank; ++dim) {
      int64_t inputDim = dim - inputOffset, shapeDim = dim - shapeOffset;
      if (inputDim < 0) {
        sizes.push_back(shape[shapeDim]);
        continue;
      }
      OpFoldResult inputSize = inputSizes[inputDim];
      if (shapeDim < 0 || isConstantIntValue(shape[shapeDim], 1)) {
        sizes.push_back(inputSize);
        continue;
      }
      OpFoldResult target = shape[shapeDim];
      if (isConstantIntValue(inputSize, 1)) {
        sizes.push_back(target);
        continue;
      }
      sizes.push_back(inputSize);
      if (getConstantIntValue(target) && getConstantIntValue(inputSize))
        continue; // The verifier checked them.
      Value matches = arith::OrIOp::create(
          rewriter, loc, math.isEqual(target, math.constant(1)),
          math.isEqual(target, inputSize));
      cf::AssertOp::create(
          rewriter, loc, matches,
          "expand: the shape must be 1 or the input's size where the input's "
          "size is not 1 (broadcasting a dynamic dimension of size 1 is not "
          "supported)");
    }
    Value result =
        buildCompute(rewriter, loc, stageName(op), resultType,
                     refineSizes(rewriter, resultType, sizes), data,
                     defaultAxes(rank), /*reduction=*/nullptr,
                     [&](ComputeBody &body) -> SmallVector<Value> {
                       return {body.readBroadcast(0)};
                     })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct TilePattern : DataMovementPattern<graph::TileOp> {
  using DataMovementPattern::DataMovementPattern;

  LogicalResult
  matchAndRewrite(graph::TileOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    IndexMath math(rewriter, loc);
    Value data = adaptor.getData();
    SmallVector<OpFoldResult> inputSizes = getSizes(rewriter, loc, data);
    std::optional<SmallVector<OpFoldResult>> repeats =
        getIndexVector(rewriter, loc, adaptor.getRepeats());
    if (!repeats)
      return reject(op, rewriter,
                    "needs 'repeats' of static length to be lowered");
    SmallVector<OpFoldResult> sizes;
    for (auto [size, repeat] : llvm::zip(inputSizes, *repeats))
      sizes.push_back(math.mul(size, repeat));
    RankedTensorType resultType = getResultType(op);
    int64_t rank = resultType.getRank();
    Value result =
        buildCompute(
            rewriter, loc, stageName(op), resultType,
            refineSizes(rewriter, resultType, sizes), data, defaultAxes(rank),
            /*reduction=*/nullptr,
            [&](ComputeBody &body) -> SmallVector<Value> {
              // Output index i reads i mod d (i itself where not repeated).
              IndexMath inBody(body.b, body.loc);
              SmallVector<Value> indices;
              for (int64_t dim = 0; dim < rank; ++dim) {
                Value index = body.outputIndices[dim];
                if (!isConstantIntValue((*repeats)[dim], 1))
                  index = inBody.value(
                      inBody.mod(index, bodyDim(body, 0, dim)));
                indices.push_back(index);
              }
              return {body.read(0, indices)};
            })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// The element value that `attr` (one element) holds, as a constant of the
/// signless `type`.
TypedAttr getScalarAttr(ElementsAttr attr, Type type) {
  if (auto floatType = dyn_cast<FloatType>(type))
    return FloatAttr::get(floatType, *attr.value_begin<APFloat>());
  return IntegerAttr::get(type, *attr.value_begin<APInt>());
}

struct PadPattern : DataMovementPattern<graph::PadOp> {
  using DataMovementPattern::DataMovementPattern;

  LogicalResult
  matchAndRewrite(graph::PadOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    IndexMath math(rewriter, loc);
    Value data = adaptor.getData();
    SmallVector<OpFoldResult> inputSizes = getSizes(rewriter, loc, data);
    int64_t rank = inputSizes.size();
    SmallVector<int64_t> axes = llvm::to_vector(llvm::seq<int64_t>(0, rank));
    if (Value axesValue = adaptor.getAxes()) {
      std::optional<SmallVector<int64_t>> values =
          graph::getConstantIntValues(axesValue);
      if (!values)
        return reject(op, rewriter,
                      "with non-constant 'axes' is not supported");
      axes.clear();
      for (int64_t axis : *values)
        axes.push_back(*graph::normalizeAxis(axis, rank));
    }
    std::optional<SmallVector<OpFoldResult>> pads =
        getIndexVector(rewriter, loc, adaptor.getPads());
    if (!pads || pads->size() != 2 * axes.size())
      return reject(op, rewriter,
                    "needs 'pads' with two values per padded axis to be "
                    "lowered");
    SmallVector<OpFoldResult> before(rank, math.constant(0)), sizes(inputSizes);
    // Edge and reflect remap only the indices of dims padded (or cropped).
    SmallVector<bool> padded(rank, false);
    for (auto [i, axis] : llvm::enumerate(axes)) {
      before[axis] = (*pads)[i];
      padded[axis] = !isConstantIntValue((*pads)[i], 0) ||
                     !isConstantIntValue((*pads)[i + axes.size()], 0);
      sizes[axis] = math.add(math.add(inputSizes[axis], (*pads)[i]),
                             (*pads)[i + axes.size()]);
    }
    RankedTensorType resultType = getResultType(op);
    Type elementType = resultType.getElementType();

    BodyParams params;
    for (OpFoldResult amount : before)
      params.add(amount);
    SmallVector<Value> inputs = {data};
    if (Value packed = params.pack(rewriter, loc, inputs.size()))
      inputs.push_back(packed);
    // The constant mode's value: a constant in the body, or read from its
    // tensor.
    TypedAttr padAttr;
    std::optional<unsigned> padInput;
    StringRef mode = op.getMode();
    if (mode == "constant") {
      Value value = adaptor.getConstantValue();
      ElementsAttr constant;
      if (!value)
        padAttr = cast<TypedAttr>(
            isa<FloatType>(elementType)
                ? Attribute(rewriter.getFloatAttr(elementType, 0))
                : Attribute(rewriter.getIntegerAttr(elementType, 0)));
      else if (matchPattern(value, m_Constant(&constant)))
        padAttr = getScalarAttr(constant, elementType);
      else {
        padInput = inputs.size();
        inputs.push_back(value);
      }
    }

    Value result =
        buildCompute(
            rewriter, loc, stageName(op), resultType,
            refineSizes(rewriter, resultType, sizes), inputs,
            defaultAxes(rank), /*reduction=*/nullptr,
            [&](ComputeBody &body) -> SmallVector<Value> {
              IndexMath inBody(body.b, body.loc);
              SmallVector<Value> indices;
              for (int64_t dim = 0; dim < rank; ++dim) {
                OpFoldResult index = inBody.sub(body.outputIndices[dim],
                                                params.get(body, inBody, dim));
                if (mode != "constant" && padded[dim])
                  index = padIndex(inBody, mode, index, bodyDim(body, 0, dim));
                indices.push_back(inBody.value(index));
              }
              if (mode != "constant")
                return {body.read(0, indices)};
              Value padding;
              if (padInput) {
                int64_t padRank =
                    cast<RankedTensorType>(inputs[*padInput].getType())
                        .getRank();
                padding = body.read(
                    *padInput, SmallVector<Value>(
                                   padRank, inBody.value(inBody.constant(0))));
              } else {
                padding = arith::ConstantOp::create(body.b, body.loc, padAttr);
              }
              return {body.read(0, indices, padding)};
            })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }

  /// The input index that `index` (the output index less the pad before)
  /// reads in edge mode (the nearest element) or reflect mode (the mirrored
  /// one, reflected again and again, as numpy does, for pads longer than the
  /// dim). Constant mode reads `index` itself, with padding outside.
  static OpFoldResult padIndex(IndexMath &math, StringRef mode,
                               OpFoldResult index, OpFoldResult size) {
    OpFoldResult last = math.sub(size, math.constant(1));
    if (mode == "edge")
      return math.clamp(index, math.constant(0), last);
    // Reflection has period 2 (d - 1); a dim of 1 reads its element.
    OpFoldResult period =
        math.max(math.mul(last, math.constant(2)), math.constant(1));
    OpFoldResult phase = math.mod(index, period);
    return math.min(phase, math.sub(period, phase));
  }
};

//===----------------------------------------------------------------------===//
// Moving blocks between depth and space
//===----------------------------------------------------------------------===//

/// depth_to_space and space_to_depth: output [N, C', H', W'] reads the input
/// at an index computed from the output's, given per op.
template <typename OpTy>
struct BlockMovePattern : DataMovementPattern<OpTy> {
  using DataMovementPattern<OpTy>::DataMovementPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    IndexMath math(rewriter, loc);
    Value input = adaptor.getInput();
    SmallVector<OpFoldResult> inputSizes = getSizes(rewriter, loc, input);
    int64_t blocksize = op.getBlocksize();
    OpFoldResult block = math.constant(blocksize);
    OpFoldResult area = math.constant(blocksize * blocksize);
    constexpr bool toSpace = std::is_same_v<OpTy, graph::DepthToSpaceOp>;
    SmallVector<OpFoldResult> sizes = {inputSizes[0]};
    if (toSpace) {
      sizes.push_back(math.floorDiv(inputSizes[1], area));
      sizes.push_back(math.mul(inputSizes[2], block));
      sizes.push_back(math.mul(inputSizes[3], block));
    } else {
      sizes.push_back(math.mul(inputSizes[1], area));
      sizes.push_back(math.floorDiv(inputSizes[2], block));
      sizes.push_back(math.floorDiv(inputSizes[3], block));
    }
    RankedTensorType resultType = this->getResultType(op);
    bool crd = false;
    if constexpr (toSpace)
      crd = op.getMode() == "CRD";
    Value result =
        buildCompute(
            rewriter, loc, stageName(op), resultType,
            refineSizes(rewriter, resultType, sizes), input,
            {"n", "c", "h", "w"}, /*reduction=*/nullptr,
            [&](ComputeBody &body) -> SmallVector<Value> {
              IndexMath m(body.b, body.loc);
              Value n = body.outputIndices[0], c = body.outputIndices[1],
                    h = body.outputIndices[2], w = body.outputIndices[3];
              OpFoldResult channels = bodyDim(body, 0, 1);
              SmallVector<OpFoldResult> index;
              if (toSpace) {
                // The block offset (bh, bw) of output (h, w) picks the
                // channel: DCR orders channels block-major, CRD
                // channel-major.
                OpFoldResult offset =
                    m.add(m.mul(m.mod(h, block), block), m.mod(w, block));
                OpFoldResult channel =
                    crd ? m.add(m.mul(c, area), offset)
                        : m.add(m.mul(offset, m.floorDiv(channels, area)), c);
                index = {n, channel, m.floorDiv(h, block),
                         m.floorDiv(w, block)};
              } else {
                // Output channel (bh * b + bw) * C + c.
                OpFoldResult offset = m.floorDiv(c, channels);
                index = {n, m.mod(c, channels),
                         m.add(m.mul(h, block), m.floorDiv(offset, block)),
                         m.add(m.mul(w, block), m.mod(offset, block))};
              }
              return {body.read(0, llvm::map_to_vector(index, [&](OpFoldResult x) {
                return m.value(x);
              }))};
            })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Gathering
//===----------------------------------------------------------------------===//

struct GatherPattern : DataMovementPattern<graph::GatherOp> {
  using DataMovementPattern::DataMovementPattern;

  LogicalResult
  matchAndRewrite(graph::GatherOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value data = adaptor.getData(), indices = adaptor.getIndices();
    SmallVector<OpFoldResult> dataSizes = getSizes(rewriter, loc, data);
    SmallVector<OpFoldResult> indexSizes = getSizes(rewriter, loc, indices);
    int64_t rank = dataSizes.size(), indexRank = indexSizes.size();
    int64_t axis = *graph::normalizeAxis(op.getAxis(), rank);
    // data.shape[:axis] + indices.shape + data.shape[axis+1:]
    SmallVector<OpFoldResult> sizes(dataSizes.begin(),
                                    dataSizes.begin() + axis);
    llvm::append_range(sizes, indexSizes);
    sizes.append(dataSizes.begin() + axis + 1, dataSizes.end());
    RankedTensorType resultType = getResultType(op);
    Value result =
        buildCompute(
            rewriter, loc, stageName(op), resultType,
            refineSizes(rewriter, resultType, sizes), {data, indices},
            defaultAxes(resultType.getRank()), /*reduction=*/nullptr,
            [&](ComputeBody &body) -> SmallVector<Value> {
              ValueRange out = body.outputIndices;
              Value index = body.read(1, out.slice(axis, indexRank));
              SmallVector<Value> dataIndices(out.take_front(axis));
              IndexMath inBody(body.b, body.loc);
              dataIndices.push_back(
                  wrapIndex(inBody, index, bodyDim(body, 0, axis)));
              llvm::append_range(dataIndices, out.drop_front(axis + indexRank));
              return {body.read(0, dataIndices)};
            })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct GatherElementsPattern : DataMovementPattern<graph::GatherElementsOp> {
  using DataMovementPattern::DataMovementPattern;

  LogicalResult
  matchAndRewrite(graph::GatherElementsOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value data = adaptor.getData(), indices = adaptor.getIndices();
    SmallVector<OpFoldResult> sizes = getSizes(rewriter, loc, indices);
    int64_t axis = *graph::normalizeAxis(op.getAxis(), sizes.size());
    RankedTensorType resultType = getResultType(op);
    Value result =
        buildCompute(rewriter, loc, stageName(op), resultType,
                     refineSizes(rewriter, resultType, sizes), {data, indices},
                     defaultAxes(resultType.getRank()), /*reduction=*/nullptr,
                     [&](ComputeBody &body) -> SmallVector<Value> {
                       // out[i][j][k] = data[indices[i][j][k]][j][k], axis 0.
                       IndexMath inBody(body.b, body.loc);
                       SmallVector<Value> dataIndices(body.outputIndices);
                       dataIndices[axis] = wrapIndex(
                           inBody, body.read(1, body.outputIndices),
                           bodyDim(body, 0, axis));
                       return {body.read(0, dataIndices)};
                     })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct GatherNDPattern : DataMovementPattern<graph::GatherNDOp> {
  using DataMovementPattern::DataMovementPattern;

  LogicalResult
  matchAndRewrite(graph::GatherNDOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value data = adaptor.getData(), indices = adaptor.getIndices();
    SmallVector<OpFoldResult> dataSizes = getSizes(rewriter, loc, data);
    SmallVector<OpFoldResult> indexSizes = getSizes(rewriter, loc, indices);
    int64_t batchDims = op.getBatchDims();
    int64_t indexRank = indexSizes.size();
    int64_t tuple = *getConstantIntValue(indexSizes.back());
    // indices.shape[:-1] (batch dims included) + data.shape[b + tuple:]
    SmallVector<OpFoldResult> sizes(indexSizes.begin(), indexSizes.end() - 1);
    sizes.append(dataSizes.begin() + batchDims + tuple, dataSizes.end());
    RankedTensorType resultType = getResultType(op);
    Value result =
        buildCompute(
            rewriter, loc, stageName(op), resultType,
            refineSizes(rewriter, resultType, sizes), {data, indices},
            defaultAxes(resultType.getRank()), /*reduction=*/nullptr,
            [&](ComputeBody &body) -> SmallVector<Value> {
              ValueRange out = body.outputIndices;
              ValueRange prefix = out.take_front(indexRank - 1);
              IndexMath inBody(body.b, body.loc);
              SmallVector<Value> dataIndices(out.take_front(batchDims));
              for (int64_t k = 0; k < tuple; ++k) {
                SmallVector<Value> position(prefix);
                position.push_back(inBody.value(inBody.constant(k)));
                dataIndices.push_back(wrapIndex(
                    inBody, body.read(1, position),
                    bodyDim(body, 0, batchDims + k)));
              }
              llvm::append_range(dataIndices, out.drop_front(indexRank - 1));
              return {body.read(0, dataIndices)};
            })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Shapes and generated tensors
//===----------------------------------------------------------------------===//

/// A 1-D (or, for `resultType` of rank 0, scalar) i64 tensor of `sizes`:
/// a constant when they are static.
Value buildSizeTensor(OpBuilder &b, Location loc, RankedTensorType resultType,
                      ArrayRef<OpFoldResult> sizes) {
  if (llvm::all_of(sizes, [](OpFoldResult s) {
        return getConstantIntValue(s).has_value();
      })) {
    SmallVector<int64_t> values = llvm::map_to_vector(
        sizes, [](OpFoldResult s) { return *getConstantIntValue(s); });
    return arith::ConstantOp::create(
        b, loc, DenseIntElementsAttr::get(resultType, values));
  }
  SmallVector<Value> elements = llvm::map_to_vector(sizes, [&](OpFoldResult s) {
    if (std::optional<int64_t> c = getConstantIntValue(s))
      return arith::ConstantIntOp::create(b, loc, b.getI64Type(), *c)
          .getResult();
    return arith::IndexCastOp::create(b, loc, b.getI64Type(), cast<Value>(s))
        .getResult();
  });
  return tensor::FromElementsOp::create(b, loc, resultType, elements);
}

struct ShapePattern : DataMovementPattern<graph::ShapeOp> {
  using DataMovementPattern::DataMovementPattern;

  LogicalResult
  matchAndRewrite(graph::ShapeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value data = adaptor.getData();
    int64_t rank = cast<RankedTensorType>(data.getType()).getRank();
    // Negative bounds count from the end; out-of-range ones clamp.
    auto clampBound = [rank](int64_t bound) {
      return std::clamp<int64_t>(bound < 0 ? bound + rank : bound, 0, rank);
    };
    int64_t start = clampBound(op.getStart());
    int64_t end = std::max(start, clampBound(op.getEnd().value_or(rank)));
    SmallVector<OpFoldResult> sizes = getSizes(rewriter, loc, data);
    rewriter.replaceOp(
        op, buildSizeTensor(rewriter, loc, getResultType(op),
                            ArrayRef(sizes).slice(start, end - start)));
    return success();
  }
};

struct SizePattern : DataMovementPattern<graph::SizeOp> {
  using DataMovementPattern::DataMovementPattern;

  LogicalResult
  matchAndRewrite(graph::SizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    IndexMath math(rewriter, loc);
    OpFoldResult count = math.constant(1);
    for (OpFoldResult size : getSizes(rewriter, loc, adaptor.getData()))
      count = math.mul(count, size);
    rewriter.replaceOp(op,
                       buildSizeTensor(rewriter, loc, getResultType(op), count));
    return success();
  }
};

struct RangePattern : DataMovementPattern<graph::RangeOp> {
  using DataMovementPattern::DataMovementPattern;

  LogicalResult
  matchAndRewrite(graph::RangeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = getResultType(op);
    Type elementType = resultType.getElementType();
    bool isFloat = isa<FloatType>(elementType);
    Value start = adaptor.getStart(), limit = adaptor.getLimit(),
          delta = adaptor.getDelta();

    // max(ceil((limit - start) / delta), 0) elements; floats count in f64.
    OpFoldResult length;
    if (!resultType.isDynamicDim(0)) {
      length = rewriter.getIndexAttr(resultType.getDimSize(0));
    } else if (isFloat) {
      auto toF64 = [&](Value tensor) -> Value {
        Value x = extractScalar(rewriter, loc, tensor);
        if (x.getType() == rewriter.getF64Type())
          return x;
        return arith::ExtFOp::create(rewriter, loc, rewriter.getF64Type(), x);
      };
      Value span = arith::SubFOp::create(rewriter, loc, toF64(limit),
                                         toF64(start));
      Value steps = math::CeilOp::create(
          rewriter, loc,
          arith::DivFOp::create(rewriter, loc, span, toF64(delta)));
      Value count = arith::FPToSIOp::create(rewriter, loc,
                                            rewriter.getI64Type(), steps);
      length = toIndex(rewriter, loc, count);
    } else {
      auto toI64 = [&](Value tensor) -> Value {
        Value x = extractScalar(rewriter, loc, tensor);
        if (x.getType() == rewriter.getI64Type())
          return x;
        return arith::ExtSIOp::create(rewriter, loc, rewriter.getI64Type(), x);
      };
      Value span = arith::SubIOp::create(rewriter, loc, toI64(limit),
                                         toI64(start));
      length = toIndex(rewriter, loc,
                       arith::CeilDivSIOp::create(rewriter, loc, span,
                                                  toI64(delta)));
    }
    IndexMath math(rewriter, loc);
    length = math.max(length, math.constant(0));

    Value result =
        buildCompute(
            rewriter, loc, stageName(op), resultType, {length}, {start, delta},
            {"i"}, /*reduction=*/nullptr,
            [&](ComputeBody &body) -> SmallVector<Value> {
              // start + i * delta
              OpBuilder &b = body.b;
              Value first = body.read(0, {}), step = body.read(1, {});
              Value i = arith::IndexCastOp::create(
                  b, body.loc, b.getI64Type(), body.outputIndices[0]);
              if (isFloat) {
                Value x = arith::SIToFPOp::create(b, body.loc, elementType, i);
                return {arith::AddFOp::create(
                    b, body.loc, first,
                    arith::MulFOp::create(b, body.loc, x, step))};
              }
              Value x = i;
              if (elementType != b.getI64Type())
                x = arith::TruncIOp::create(b, body.loc, elementType, i);
              return {arith::AddIOp::create(
                  b, body.loc, first,
                  arith::MulIOp::create(b, body.loc, x, step))};
            })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct ConstantOfShapePattern : DataMovementPattern<graph::ConstantOfShapeOp> {
  using DataMovementPattern::DataMovementPattern;

  LogicalResult
  matchAndRewrite(graph::ConstantOfShapeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = getResultType(op);
    Type elementType = resultType.getElementType();
    SmallVector<OpFoldResult> sizes =
        *getIndexVector(rewriter, loc, adaptor.getInput());
    TypedAttr value = rewriter.getZeroAttr(elementType);
    if (ElementsAttr attr = op.getValueAttr())
      value = getScalarAttr(attr, elementType);
    Value result =
        buildCompute(rewriter, loc, stageName(op), resultType,
                     refineSizes(rewriter, resultType, sizes), {},
                     defaultAxes(resultType.getRank()), /*reduction=*/nullptr,
                     [&](ComputeBody &body) -> SmallVector<Value> {
                       return {arith::ConstantOp::create(body.b, body.loc,
                                                         value)};
                     })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void graph_to_te::populateDataMovementPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<ReshapePattern, FlattenPattern, SqueezePattern,
               UnsqueezePattern, TransposePattern, ConcatPattern, SplitPattern,
               SlicePattern, ExpandPattern, TilePattern, PadPattern,
               BlockMovePattern<graph::DepthToSpaceOp>,
               BlockMovePattern<graph::SpaceToDepthOp>, GatherPattern,
               GatherElementsPattern, GatherNDPattern, ShapePattern,
               SizePattern, RangePattern, ConstantOfShapePattern>(
      typeConverter, patterns.getContext());
}
