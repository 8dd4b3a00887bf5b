//===- Indexing.cpp - Indexing operators to te ----------------------------===//
//
// Most indexing operators compute every output element on its own and are
// one te.compute: trilu, eye_like, one_hot, reverse_sequence and resize are
// elementwise stages whose reads are computed (resize: 1, 2^d or 4^d
// neighbours of a computed source coordinate, weighted); cumsum reduces over
// the positions before each element; einsum is a contraction over the
// letters the output drops (matmul-shaped equations become linalg.matmul).
// The scatters are gather-style: each output element reduces over the
// updates that may land on it, then merges the result with `data`.
//
// Where a step depends on the one before, the lowering is an scf.for around
// te stages: top_k selects the next element of each row per step, det
// eliminates one column per step. Where outputs are written at
// data-dependent positions (non_zero, compress, max_unpool) a loop fills
// them with tensor.insert.
//
//===----------------------------------------------------------------------===//

#include "ComputeBuilder.h"
#include "Patterns.h"

#include "tessera/Dialect/Graph/IR/Graph.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Matchers.h"

#include <cmath>

using namespace mlir;
using namespace tessera;
using namespace tessera::graph_to_te;

namespace {

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

SmallVector<OpFoldResult> dimSizes(OpBuilder &b, Location loc, Value tensor) {
  SmallVector<OpFoldResult> sizes;
  for (int64_t dim = 0,
               rank = cast<RankedTensorType>(tensor.getType()).getRank();
       dim < rank; ++dim)
    sizes.push_back(dimSize(b, loc, tensor, dim));
  return sizes;
}

SmallVector<Value> toValues(OpBuilder &b, Location loc,
                            ArrayRef<OpFoldResult> sizes) {
  return llvm::map_to_vector(sizes, [&](OpFoldResult size) {
    return getValueOrCreateConstantIndexOp(b, loc, size);
  });
}

/// The sizes of a result of `type` whose dims are those of `tensor`: the
/// type's static sizes (it may know more than `tensor`'s, e.g. from the
/// model's declared output shape), `tensor`'s dims for the others.
SmallVector<OpFoldResult> resultSizes(OpBuilder &b, Location loc,
                                      RankedTensorType type, Value tensor) {
  SmallVector<OpFoldResult> sizes;
  for (int64_t dim = 0; dim < type.getRank(); ++dim)
    sizes.push_back(type.isDynamicDim(dim)
                        ? dimSize(b, loc, tensor, dim)
                        : b.getIndexAttr(type.getDimSize(dim)));
  return sizes;
}

/// `sizes` with the static sizes of `type` (which may know more).
SmallVector<OpFoldResult> refineSizes(Builder &b, RankedTensorType type,
                                      ArrayRef<OpFoldResult> sizes) {
  SmallVector<OpFoldResult> refined(sizes);
  for (int64_t dim = 0; dim < type.getRank(); ++dim)
    if (!type.isDynamicDim(dim))
      refined[dim] = b.getIndexAttr(type.getDimSize(dim));
  return refined;
}

/// Whether `size` is statically 0.
bool isZero(OpFoldResult size) { return isConstantIntValue(size, 0); }

Value i64Constant(OpBuilder &b, Location loc, int64_t value) {
  return arith::ConstantIntOp::create(b, loc, value, 64);
}

Value zeroOf(OpBuilder &b, Location loc, Type type) {
  return arith::ConstantOp::create(b, loc,
                                   cast<TypedAttr>(b.getZeroAttr(type)));
}

/// An integer (or, truncated, float) scalar as an index.
Value toIndex(OpBuilder &b, Location loc, Value scalar, bool isUnsigned) {
  if (isa<FloatType>(scalar.getType()))
    scalar = arith::FPToSIOp::create(b, loc, b.getI64Type(), scalar);
  if (isUnsigned)
    return arith::IndexCastUIOp::create(b, loc, b.getIndexType(), scalar);
  return arith::IndexCastOp::create(b, loc, b.getIndexType(), scalar);
}

Value indexToI64(OpBuilder &b, Location loc, Value index) {
  return arith::IndexCastOp::create(b, loc, b.getI64Type(), index);
}

Value cmpIndex(OpBuilder &b, Location loc, arith::CmpIPredicate predicate,
               Value lhs, Value rhs) {
  return arith::CmpIOp::create(b, loc, predicate, lhs, rhs);
}

Value andBits(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  return lhs ? arith::AndIOp::create(b, loc, lhs, rhs).getResult() : rhs;
}

Value orBits(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  return lhs ? arith::OrIOp::create(b, loc, lhs, rhs).getResult() : rhs;
}

Value select(OpBuilder &b, Location loc, Value condition, Value ifTrue,
             Value ifFalse) {
  return arith::SelectOp::create(b, loc, condition, ifTrue, ifFalse);
}

/// A negative `index` counted from the end of a dim of `size`.
Value normalizeIndex(OpBuilder &b, Location loc, Value index, Value size) {
  Value negative = cmpIndex(b, loc, arith::CmpIPredicate::slt, index,
                            constantIndex(b, loc, 0));
  return select(b, loc, negative, arith::AddIOp::create(b, loc, index, size),
                index);
}

/// `index` clamped to [0, size).
Value clampIndex(OpBuilder &b, Location loc, Value index, Value size) {
  Value last = arith::SubIOp::create(b, loc, size, constantIndex(b, loc, 1));
  Value below = arith::MinSIOp::create(b, loc, index, last);
  return arith::MaxSIOp::create(b, loc, below, constantIndex(b, loc, 0));
}

/// `element != 0` (NaN is non-zero, as in numpy).
Value isNonZero(OpBuilder &b, Location loc, Value element) {
  Value zero = zeroOf(b, loc, element.getType());
  if (isa<FloatType>(element.getType()))
    return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNE, element,
                                 zero);
  return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, element, zero);
}

/// The values of a constant float (or integer) tensor.
std::optional<SmallVector<double>> getConstantFloats(Value value) {
  DenseFPElementsAttr floats;
  if (value && matchPattern(value, m_Constant(&floats)))
    return llvm::map_to_vector(
        floats.getValues<APFloat>(),
        [](const APFloat &v) { return v.convertToDouble(); });
  std::optional<SmallVector<int64_t>> ints = graph::getConstantIntValues(value);
  if (!ints)
    return std::nullopt;
  return llvm::map_to_vector(*ints, [](int64_t v) { return double(v); });
}

/// `indices` with the one at `dim` replaced by `index`.
SmallVector<Value> replaceAt(ValueRange indices, int64_t dim, Value index) {
  SmallVector<Value> result(indices);
  result[dim] = index;
  return result;
}

//===----------------------------------------------------------------------===//
// Scatter
//===----------------------------------------------------------------------===//

enum class ScatterReduction { None, Add, Mul };

ScatterReduction getScatterReduction(StringRef reduction) {
  if (reduction == "add")
    return ScatterReduction::Add;
  if (reduction == "mul")
    return ScatterReduction::Mul;
  return ScatterReduction::None;
}

/// `lhs` + `rhs` or `lhs` * `rhs`; on i1 (bool) or and and, as numpy does.
Value applyScatterReduction(OpBuilder &b, Location loc,
                            ScatterReduction reduction, Value lhs, Value rhs) {
  Type type = lhs.getType();
  bool isBool = type.isInteger(1);
  if (reduction == ScatterReduction::Add) {
    if (isa<FloatType>(type))
      return arith::AddFOp::create(b, loc, lhs, rhs);
    if (isBool)
      return arith::OrIOp::create(b, loc, lhs, rhs);
    return arith::AddIOp::create(b, loc, lhs, rhs);
  }
  if (isa<FloatType>(type))
    return arith::MulFOp::create(b, loc, lhs, rhs);
  if (isBool)
    return arith::AndIOp::create(b, loc, lhs, rhs);
  return arith::MulIOp::create(b, loc, lhs, rhs);
}

/// What a scatter's gather stage yields for one update: whether it lands on
/// the output element, the update, and its position in the order the
/// updates are written.
struct ScatterCandidate {
  Value lands, update, position;
};

/// A scatter in two stages. "<op>.updates" reduces, for each element of
/// `data`, over the update positions (`reduceAxes`): `candidate` says
/// whether the update there lands on the element. It yields the combined
/// updates and the position of the last one (-1: none); reduction "none"
/// keeps the last update, which the position order makes independent of
/// the reduction order. "<op>.merge" then writes them over `data`.
Value buildScatter(OpBuilder &b, Location loc, Operation *op, Value data,
                   RankedTensorType resultType, ValueRange inputs,
                   ScatterReduction reduction, ArrayRef<std::string> reduceAxes,
                   ArrayRef<OpFoldResult> reduceExtents,
                   function_ref<ScatterCandidate(ComputeBody &)> candidate) {
  Type elementType = resultType.getElementType();
  SmallVector<OpFoldResult> sizes = resultSizes(b, loc, resultType, data);
  SmallVector<std::string> axes = defaultAxes(resultType.getRank());

  TypedAttr identity = reduction == ScatterReduction::Mul
                           ? cast<TypedAttr>(b.getOneAttr(elementType))
                           : cast<TypedAttr>(b.getZeroAttr(elementType));
  ReductionSpec spec;
  spec.axes.assign(reduceAxes.begin(), reduceAxes.end());
  spec.extents.assign(reduceExtents.begin(), reduceExtents.end());
  spec.combiner = te::CombinerKind::Custom;
  spec.inits = {identity, b.getI64IntegerAttr(-1)};
  spec.combine = [reduction](OpBuilder &b, Location loc, ValueRange acc,
                             ValueRange value) -> SmallVector<Value> {
    Value position = arith::MaxSIOp::create(b, loc, acc[1], value[1]);
    if (reduction != ScatterReduction::None)
      return {applyScatterReduction(b, loc, reduction, acc[0], value[0]),
              position};
    Value later = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt,
                                        value[1], acc[1]);
    return {select(b, loc, later, value[0], acc[0]), position};
  };
  StringRef name = stageName(op);
  SmallVector<Value> gathered = buildCompute(
      b, loc, (name + ".updates").str(),
      {resultType, resultType.clone(b.getI64Type())}, sizes, inputs, axes,
      &spec, [&](ComputeBody &body) -> SmallVector<Value> {
        ScatterCandidate c = candidate(body);
        Value none = arith::ConstantOp::create(body.b, body.loc, identity);
        return {select(body.b, body.loc, c.lands, c.update, none),
                select(body.b, body.loc, c.lands, c.position,
                       i64Constant(body.b, body.loc, -1))};
      });

  return buildCompute(
             b, loc, (name + ".merge").str(), resultType, sizes,
             {data, gathered[0], gathered[1]}, axes, nullptr,
             [&](ComputeBody &body) -> SmallVector<Value> {
               Value original = body.read(0, body.outputIndices);
               Value updates = body.read(1, body.outputIndices);
               Value position = body.read(2, body.outputIndices);
               Value updated = arith::CmpIOp::create(
                   body.b, body.loc, arith::CmpIPredicate::sge, position,
                   i64Constant(body.b, body.loc, 0));
               Value merged =
                   reduction == ScatterReduction::None
                       ? updates
                       : applyScatterReduction(body.b, body.loc, reduction,
                                               original, updates);
               return {select(body.b, body.loc, updated, merged, original)};
             })
      .front();
}

/// scatter_elements: element p of the output takes the updates at positions
/// u (u = p except along `axis`, where it runs over the updates) whose
/// index equals p[axis]. Costs |data| * updates.shape[axis] reads.
struct ScatterElementsPattern : OpConversionPattern<graph::ScatterElementsOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::ScatterElementsOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value data = adaptor.getData(), indices = adaptor.getIndices();
    auto dataType = cast<RankedTensorType>(data.getType());
    auto indicesType = cast<RankedTensorType>(indices.getType());
    auto updatesType = cast<RankedTensorType>(adaptor.getUpdates().getType());
    int64_t rank = dataType.getRank();
    int64_t axis = *graph::normalizeAxis(op.getAxis(), rank);

    OpFoldResult extent =
        updatesType.isDynamicDim(axis)
            ? dimSize(rewriter, loc, indices, axis)
            : rewriter.getIndexAttr(updatesType.getDimSize(axis));
    if (isZero(extent)) { // No updates.
      rewriter.replaceOp(
          op, castTo(rewriter, loc, data,
                     convertedType(getTypeConverter(), op.getOutput())));
      return success();
    }
    // Dims (but the axis) where the updates may not cover data: an output
    // element there outside the updates gets none.
    SmallVector<int64_t> checkedDims;
    for (int64_t dim = 0; dim < rank; ++dim)
      if (dim != axis &&
          (dataType.isDynamicDim(dim) ||
           indicesType.getDimSize(dim) != dataType.getDimSize(dim)))
        checkedDims.push_back(dim);

    Value result = buildScatter(
        rewriter, loc, op, data,
        convertedType(getTypeConverter(), op.getOutput()),
        {indices, adaptor.getUpdates(), data},
        getScatterReduction(op.getReduction()), {"u"}, {extent},
        [&](ComputeBody &body) {
          OpBuilder &b = body.b;
          Location l = body.loc;
          Value u = body.reduceIndices[0];
          SmallVector<Value> at = replaceAt(body.outputIndices, axis, u);
          auto candidate = [&](OpBuilder &b) -> SmallVector<Value> {
            Value index = toIndex(b, l, body.read(0, at), /*isUnsigned=*/false);
            index = normalizeIndex(b, l, index, body.dimSize(2, axis));
            Value lands = cmpIndex(b, l, arith::CmpIPredicate::eq, index,
                                   body.outputIndices[axis]);
            return {lands, body.read(1, at)};
          };
          Value inRange;
          for (int64_t dim : checkedDims)
            inRange = andBits(b, l, inRange,
                              cmpIndex(b, l, arith::CmpIPredicate::slt,
                                       body.outputIndices[dim],
                                       body.dimSize(0, dim)));
          SmallVector<Value> found;
          if (!inRange) {
            found = candidate(b);
          } else {
            // Guarded: the updates are not read outside their bounds.
            auto guard = scf::IfOp::create(
                b, l, inRange,
                [&](OpBuilder &then, Location) {
                  scf::YieldOp::create(then, l, candidate(then));
                },
                [&](OpBuilder &otherwise, Location) {
                  Value no = arith::ConstantIntOp::create(otherwise, l, 0, 1);
                  scf::YieldOp::create(
                      otherwise, l,
                      ValueRange{
                          no, zeroOf(otherwise, l, dataType.getElementType())});
                });
            found = guard.getResults();
          }
          return ScatterCandidate{found[0], found[1], indexToI64(b, l, u)};
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// scatter_nd: element p of the output takes the updates at the index
/// tuples (the batch positions j of `indices`) equal to p[:k], the update
/// being updates[j, p[k:]]. Costs |data| * (number of tuples) * k reads.
struct ScatterNDPattern : OpConversionPattern<graph::ScatterNDOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::ScatterNDOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value data = adaptor.getData(), indices = adaptor.getIndices();
    auto dataType = cast<RankedTensorType>(data.getType());
    auto indicesType = cast<RankedTensorType>(indices.getType());
    auto updatesType = cast<RankedTensorType>(adaptor.getUpdates().getType());
    int64_t batchRank = indicesType.getRank() - 1;
    // The updates have rank batchRank + rank(data) - k.
    int64_t tupleLength =
        batchRank + dataType.getRank() - updatesType.getRank();
    if (tupleLength < 1 || tupleLength > dataType.getRank())
      return reject(op, rewriter,
                    "the ranks of data, indices and updates give an index "
                    "tuple length of " +
                        Twine(tupleLength) + ", out of [1, rank(data)]");

    // One reduction axis per batch dim of indices; a single tuple still
    // gets one (of extent 1), as a reduction needs an axis.
    SmallVector<std::string> reduceAxes;
    SmallVector<OpFoldResult> extents;
    for (int64_t dim = 0; dim < batchRank; ++dim) {
      reduceAxes.push_back("u" + std::to_string(dim));
      extents.push_back(
          updatesType.isDynamicDim(dim)
              ? dimSize(rewriter, loc, indices, dim)
              : rewriter.getIndexAttr(updatesType.getDimSize(dim)));
      if (isZero(extents.back())) { // No updates.
        rewriter.replaceOp(
            op, castTo(rewriter, loc, data,
                       convertedType(getTypeConverter(), op.getOutput())));
        return success();
      }
    }
    if (batchRank == 0) {
      reduceAxes.push_back("u");
      extents.push_back(rewriter.getIndexAttr(1));
    }

    Value result = buildScatter(
        rewriter, loc, op, data,
        convertedType(getTypeConverter(), op.getOutput()),
        {indices, adaptor.getUpdates(), data},
        getScatterReduction(op.getReduction()), reduceAxes, extents,
        [&](ComputeBody &body) {
          OpBuilder &b = body.b;
          Location l = body.loc;
          ValueRange batch = body.reduceIndices.take_front(batchRank);
          Value lands;
          for (int64_t i = 0; i < tupleLength; ++i) {
            SmallVector<Value> at(batch);
            at.push_back(body.index(i));
            Value index = toIndex(b, l, body.read(0, at), /*isUnsigned=*/false);
            index = normalizeIndex(b, l, index, body.dimSize(2, i));
            lands = andBits(b, l, lands,
                            cmpIndex(b, l, arith::CmpIPredicate::eq, index,
                                     body.outputIndices[i]));
          }
          SmallVector<Value> updateAt(batch);
          llvm::append_range(updateAt,
                             body.outputIndices.drop_front(tupleLength));
          // The row-major position of the tuple: the order of the writes.
          Value position = batchRank ? batch[0] : body.index(0);
          for (int64_t dim = 1; dim < batchRank; ++dim)
            position = arith::AddIOp::create(
                b, l,
                arith::MulIOp::create(b, l, position, body.dimSize(0, dim)),
                batch[dim]);
          return ScatterCandidate{lands, body.read(1, updateAt),
                                  indexToI64(b, l, position)};
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// one_hot, trilu, eye_like, cumsum, reverse_sequence
//===----------------------------------------------------------------------===//

/// output[.., d, ..] = values[1] (on) where the index at [.., ..] (negative
/// ones counted from the end) is d, values[0] (off) elsewhere.
struct OneHotPattern : OpConversionPattern<graph::OneHotOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::OneHotOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto resultType = convertedType(getTypeConverter(), op.getOutput());
    int64_t rank = resultType.getRank();
    int64_t axis = *graph::normalizeAxis(op.getAxis(), rank);
    bool unsignedIndices = isUnsignedTensor(op.getIndices().getType());
    bool unsignedDepth = isUnsignedTensor(op.getDepth().getType());

    SmallVector<OpFoldResult> sizes =
        dimSizes(rewriter, loc, adaptor.getIndices());
    OpFoldResult depth =
        resultType.isDynamicDim(axis)
            ? OpFoldResult(
                  toIndex(rewriter, loc,
                          extractScalar(rewriter, loc, adaptor.getDepth()),
                          unsignedDepth))
            : rewriter.getIndexAttr(resultType.getDimSize(axis));
    sizes.insert(sizes.begin() + axis, depth);
    sizes = refineSizes(rewriter, resultType, sizes);

    // The depth is read only when it is not static.
    SmallVector<Value> inputs = {adaptor.getIndices(), adaptor.getValues()};
    if (resultType.isDynamicDim(axis))
      inputs.push_back(adaptor.getDepth());
    Value result =
        buildCompute(
            rewriter, loc, stageName(op), resultType, sizes, inputs,
            defaultAxes(rank), nullptr,
            [&](ComputeBody &body) -> SmallVector<Value> {
              OpBuilder &b = body.b;
              Location l = body.loc;
              SmallVector<Value> at(body.outputIndices);
              at.erase(at.begin() + axis);
              Value index = toIndex(b, l, body.read(0, at), unsignedIndices);
              Value depthIndex =
                  resultType.isDynamicDim(axis)
                      ? toIndex(b, l, body.readScalar(2), unsignedDepth)
                      : body.index(resultType.getDimSize(axis));
              if (!unsignedIndices)
                index = normalizeIndex(b, l, index, depthIndex);
              Value hot = cmpIndex(b, l, arith::CmpIPredicate::eq, index,
                                   body.outputIndices[axis]);
              return {select(b, l, hot, body.read(1, {body.index(1)}),
                             body.read(1, {body.index(0)}))};
            })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// The elements on and above (upper) or on and below the k-th diagonal of
/// the innermost matrices; zero elsewhere.
struct TriluPattern : OpConversionPattern<graph::TriluOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::TriluOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto type = convertedType(getTypeConverter(), op.getOutput());
    int64_t rank = type.getRank();
    SmallVector<Value> inputs = {input};
    std::optional<int64_t> constantK = 0;
    if (op.getK()) {
      constantK = getConstantScalar(op.getK());
      if (!constantK)
        inputs.push_back(adaptor.getK());
    }
    SmallVector<std::string> axes = defaultAxes(rank - 2);
    axes.append({"i", "j"});
    bool upper = op.getUpper();
    Value result =
        buildCompute(
            rewriter, loc, stageName(op), type,
            resultSizes(rewriter, loc, type, input), inputs, axes, nullptr,
            [&](ComputeBody &body) -> SmallVector<Value> {
              OpBuilder &b = body.b;
              Location l = body.loc;
              Value diagonal =
                  arith::SubIOp::create(b, l, body.outputIndices[rank - 1],
                                        body.outputIndices[rank - 2]);
              Value k = constantK ? body.index(*constantK)
                                  : toIndex(b, l, body.readScalar(1),
                                            /*isUnsigned=*/false);
              Value keep = cmpIndex(b, l,
                                    upper ? arith::CmpIPredicate::sge
                                          : arith::CmpIPredicate::sle,
                                    diagonal, k);
              return {select(b, l, keep, body.read(0, body.outputIndices),
                             zeroOf(b, l, type.getElementType()))};
            })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// Ones on the k-th diagonal, zeros elsewhere; the input gives the shape.
struct EyeLikePattern : OpConversionPattern<graph::EyeLikeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::EyeLikeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto resultType = convertedType(getTypeConverter(), op.getOutput());
    Type elementType = resultType.getElementType();
    int64_t k = op.getK();
    Value result =
        buildCompute(rewriter, loc, stageName(op), resultType,
                     resultSizes(rewriter, loc, resultType, adaptor.getInput()),
                     {}, {"i", "j"}, nullptr,
                     [&](ComputeBody &body) -> SmallVector<Value> {
                       OpBuilder &b = body.b;
                       Location l = body.loc;
                       Value diagonal = arith::SubIOp::create(
                           b, l, body.outputIndices[1], body.outputIndices[0]);
                       Value on = cmpIndex(b, l, arith::CmpIPredicate::eq,
                                           diagonal, body.index(k));
                       return {select(b, l, on,
                                      scalarConstant(b, l, elementType, 1),
                                      zeroOf(b, l, elementType))};
                     })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// output[.., i, ..] = sum of input[.., k, ..] over k <= i (k < i when
/// exclusive, k >= i / k > i when reversed): a reduction over the whole
/// axis that masks the other positions, O(n^2) per line but parallel. A
/// constant axis gives affine reads; a run-time one selects the axis's
/// index and extent among the dims.
struct CumSumPattern : OpConversionPattern<graph::CumSumOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::CumSumOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput(), axisTensor = adaptor.getAxis();
    auto type = convertedType(getTypeConverter(), op.getOutput());
    int64_t rank = type.getRank();
    SmallVector<OpFoldResult> sizes = resultSizes(rewriter, loc, type, input);
    std::optional<int64_t> axis;
    if (std::optional<int64_t> value = getConstantScalar(op.getAxis()))
      axis = *graph::normalizeAxis(*value, rank);

    // Among `choices` (one per dim), the one of the axis `axisIndex`.
    auto chooseByAxis = [&](OpBuilder &b, Location l, Value axisIndex,
                            ValueRange choices) {
      Value chosen = choices.back();
      for (int64_t dim = rank - 2; dim >= 0; --dim)
        chosen = select(b, l,
                        cmpIndex(b, l, arith::CmpIPredicate::eq, axisIndex,
                                 constantIndex(b, l, dim)),
                        choices[dim], chosen);
      return chosen;
    };
    auto readAxis = [&](OpBuilder &b, Location l, Value axisScalar) {
      return normalizeIndex(b, l, toIndex(b, l, axisScalar, false),
                            constantIndex(b, l, rank));
    };

    OpFoldResult extent;
    if (axis) {
      extent = sizes[*axis];
    } else {
      Value axisIndex =
          readAxis(rewriter, loc, extractScalar(rewriter, loc, axisTensor));
      extent = chooseByAxis(rewriter, loc, axisIndex,
                            toValues(rewriter, loc, sizes));
    }
    if (isZero(extent)) { // Empty: nothing to sum.
      rewriter.replaceOp(op, castTo(rewriter, loc, input, type));
      return success();
    }
    arith::CmpIPredicate predicate =
        op.getReverse() ? (op.getExclusive() ? arith::CmpIPredicate::sgt
                                             : arith::CmpIPredicate::sge)
                        : (op.getExclusive() ? arith::CmpIPredicate::slt
                                             : arith::CmpIPredicate::sle);
    ReductionSpec sum;
    sum.axes = {"k"};
    sum.extents = {extent};
    SmallVector<Value> inputs = {input};
    if (!axis)
      inputs.push_back(axisTensor);
    Value result =
        buildCompute(
            rewriter, loc, stageName(op), type, sizes, inputs,
            defaultAxes(rank), &sum,
            [&](ComputeBody &body) -> SmallVector<Value> {
              OpBuilder &b = body.b;
              Location l = body.loc;
              Value k = body.reduceIndices[0];
              Value position;
              SmallVector<Value> at;
              if (axis) {
                position = body.outputIndices[*axis];
                at = replaceAt(body.outputIndices, *axis, k);
              } else {
                Value axisIndex = readAxis(b, l, body.readScalar(1));
                position = chooseByAxis(b, l, axisIndex, body.outputIndices);
                for (auto [dim, index] : llvm::enumerate(body.outputIndices))
                  at.push_back(select(b, l,
                                      cmpIndex(b, l, arith::CmpIPredicate::eq,
                                               axisIndex, body.index(dim)),
                                      k, index));
              }
              Value counted = cmpIndex(b, l, predicate, k, position);
              return {select(b, l, counted, body.read(0, at),
                             zeroOf(b, l, type.getElementType()))};
            })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// output[b, t] = input[b, len[b] - 1 - t] for t < len[b] (len clamped to
/// the time axis), input[b, t] after.
struct ReverseSequencePattern : OpConversionPattern<graph::ReverseSequenceOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::ReverseSequenceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto type = convertedType(getTypeConverter(), op.getOutput());
    int64_t batchAxis = op.getBatchAxis(), timeAxis = op.getTimeAxis();
    SmallVector<std::string> axes = defaultAxes(type.getRank());
    axes[batchAxis] = "b";
    axes[timeAxis] = "t";
    Value result =
        buildCompute(
            rewriter, loc, stageName(op), type,
            resultSizes(rewriter, loc, type, input),
            {input, adaptor.getSequenceLens()}, axes, nullptr,
            [&](ComputeBody &body) -> SmallVector<Value> {
              OpBuilder &b = body.b;
              Location l = body.loc;
              Value t = body.outputIndices[timeAxis];
              Value steps = body.dimSize(0, timeAxis);
              Value length =
                  toIndex(b, l, body.read(1, {body.outputIndices[batchAxis]}),
                          /*isUnsigned=*/false);
              length = arith::MaxSIOp::create(
                  b, l, arith::MinSIOp::create(b, l, length, steps),
                  body.index(0));
              Value reversed = arith::SubIOp::create(
                  b, l, arith::SubIOp::create(b, l, length, body.index(1)), t);
              Value inside =
                  cmpIndex(b, l, arith::CmpIPredicate::slt, t, length);
              Value source = select(b, l, inside, reversed, t);
              return {body.read(
                  0, replaceAt(body.outputIndices, timeAxis, source))};
            })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// einsum
//===----------------------------------------------------------------------===//

/// Labels of einsum dimensions: a letter, or the i-th dimension of the
/// broadcast shape that `...` stands for (right-aligned across operands).
constexpr int kEllipsisLabel = 256;

/// An einsum equation as each operand's and the output's dimension labels.
struct LabeledEinsum {
  SmallVector<SmallVector<int>> operands;
  SmallVector<int> output;
};

/// Labels the dims of `operandTypes` by `equation` (which the verifier
/// checked). Implicit mode outputs the broadcast dims, then the letters
/// used once, in alphabetical order.
FailureOr<LabeledEinsum> labelEinsum(StringRef equation,
                                     ArrayRef<RankedTensorType> operandTypes) {
  std::string compact;
  for (char c : equation)
    if (c != ' ')
      compact.push_back(c);
  auto [inputsText, outputText] = StringRef(compact).split("->");
  bool explicitOutput = inputsText.size() != compact.size();
  SmallVector<StringRef> terms;
  inputsText.split(terms, ',');
  if (terms.size() != operandTypes.size())
    return failure();

  auto letters = [](StringRef term) {
    return llvm::count_if(term, [](char c) { return c != '.'; });
  };
  int64_t ellipsisRank = 0;
  for (auto [term, type] : llvm::zip(terms, operandTypes))
    if (term.contains("..."))
      ellipsisRank =
          std::max<int64_t>(ellipsisRank, type.getRank() - letters(term));
  // The labels of a term whose `...` stands for `rank` dims.
  auto label = [&](StringRef term, int64_t rank) {
    SmallVector<int> labels;
    for (size_t i = 0; i < term.size();) {
      if (term.substr(i).starts_with("...")) {
        for (int64_t dim = ellipsisRank - rank; dim < ellipsisRank; ++dim)
          labels.push_back(kEllipsisLabel + dim);
        i += 3;
        continue;
      }
      labels.push_back(static_cast<unsigned char>(term[i++]));
    }
    return labels;
  };

  LabeledEinsum labeled;
  llvm::DenseMap<int, int> uses;
  for (auto [term, type] : llvm::zip(terms, operandTypes)) {
    labeled.operands.push_back(label(term, type.getRank() - letters(term)));
    if (int64_t(labeled.operands.back().size()) != type.getRank())
      return failure();
    for (char c : term)
      if (c != '.')
        ++uses[static_cast<unsigned char>(c)];
  }
  if (explicitOutput) {
    labeled.output = label(outputText, ellipsisRank);
    return labeled;
  }
  for (int64_t dim = 0; dim < ellipsisRank; ++dim)
    labeled.output.push_back(kEllipsisLabel + dim);
  SmallVector<int> once;
  for (auto [c, count] : uses)
    if (count == 1)
      once.push_back(c);
  llvm::sort(once);
  llvm::append_range(labeled.output, once);
  return labeled;
}

std::string einsumAxisName(int label) {
  if (label >= kEllipsisLabel)
    return "e" + std::to_string(label - kEllipsisLabel);
  return std::string(1, static_cast<char>(label));
}

/// One contraction: output axes are the output's labels, reduction axes
/// the others; the body multiplies the operands' elements (a size-1 dim
/// broadcasts: it reads index 0) and the combiner sums.
struct EinsumPattern : OpConversionPattern<graph::EinsumOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::EinsumOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    ValueRange operands = adaptor.getInputs();
    SmallVector<RankedTensorType> types = llvm::map_to_vector(
        operands, [](Value v) { return cast<RankedTensorType>(v.getType()); });
    FailureOr<LabeledEinsum> labeled = labelEinsum(op.getEquation(), types);
    if (failed(labeled))
      return reject(op, rewriter,
                    "equation \"" + op.getEquation() +
                        "\" does not match the operands");
    auto resultType = convertedType(getTypeConverter(), op.getOutput());

    // The size of a label: a static size other than 1 if any operand has
    // one, else a dynamic one, else 1.
    auto labelSize = [&](int label) -> OpFoldResult {
      std::optional<std::pair<Value, int64_t>> dynamicDim;
      for (auto [operand, labels] : llvm::zip(operands, labeled->operands))
        for (auto [dim, l] : llvm::enumerate(labels)) {
          if (l != label)
            continue;
          auto type = cast<RankedTensorType>(operand.getType());
          if (!type.isDynamicDim(dim) && type.getDimSize(dim) != 1)
            return rewriter.getIndexAttr(type.getDimSize(dim));
          if (type.isDynamicDim(dim) && !dynamicDim)
            dynamicDim = {operand, dim};
        }
      if (dynamicDim)
        return dimSize(rewriter, loc, dynamicDim->first, dynamicDim->second);
      return rewriter.getIndexAttr(1);
    };

    SmallVector<std::string> axes;
    SmallVector<OpFoldResult> sizes;
    for (auto [dim, label] : llvm::enumerate(labeled->output)) {
      axes.push_back(einsumAxisName(label));
      sizes.push_back(resultType.isDynamicDim(dim)
                          ? labelSize(label)
                          : rewriter.getIndexAttr(resultType.getDimSize(dim)));
    }
    SmallVector<int> reduced;
    for (ArrayRef<int> labels : labeled->operands)
      for (int label : labels)
        if (!llvm::is_contained(labeled->output, label) &&
            !llvm::is_contained(reduced, label))
          reduced.push_back(label);
    ReductionSpec sum;
    for (int label : reduced) {
      sum.axes.push_back(einsumAxisName(label));
      sum.extents.push_back(labelSize(label));
    }
    // Summing over nothing: the result is zero.
    bool empty = llvm::any_of(sum.extents, isZero);

    Type elementType = resultType.getElementType();
    Value result =
        buildCompute(
            rewriter, loc, stageName(op), resultType, sizes, operands, axes,
            reduced.empty() || empty ? nullptr : &sum,
            [&](ComputeBody &body) -> SmallVector<Value> {
              OpBuilder &b = body.b;
              Location l = body.loc;
              if (empty)
                return {zeroOf(b, l, elementType)};
              auto loopIndex = [&](int label) {
                auto it = llvm::find(labeled->output, label);
                if (it != labeled->output.end())
                  return body.outputIndices[it - labeled->output.begin()];
                return body.reduceIndices[llvm::find(reduced, label) -
                                          reduced.begin()];
              };
              Value product;
              for (auto [input, labels] : llvm::enumerate(labeled->operands)) {
                auto type = cast<RankedTensorType>(operands[input].getType());
                SmallVector<Value> at;
                for (auto [dim, label] : llvm::enumerate(labels))
                  at.push_back(type.getDimSize(dim) == 1 ? body.index(0)
                                                         : loopIndex(label));
                Value x = body.read(input, at);
                if (!product)
                  product = x;
                else if (isa<FloatType>(elementType))
                  product = arith::MulFOp::create(b, l, product, x);
                else
                  product = arith::MulIOp::create(b, l, product, x);
              }
              return {product};
            })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// resize
//===----------------------------------------------------------------------===//

/// One neighbour that an output element reads along one dim: its index
/// and weight (none for nearest and unresized dims).
struct Tap {
  Value index, weight;
};

/// Resize as one elementwise stage, following ONNX's reference: per
/// resized dim, the output index x maps to a source coordinate (by the
/// coordinate transformation mode); nearest reads the rounded coordinate,
/// linear and cubic the 2 or 4 neighbours around it (indices clamped to
/// the input, as edge padding does) weighted by the linear or cubic
/// (cubic_coeff_a) kernel, renormalized without the neighbours outside the
/// input when exclude_outside is set. The result is the sum over the
/// product of the dims' taps; tf_crop_and_resize gives extrapolation_value
/// where a coordinate falls outside the input. Dims whose scale is a
/// constant 1 read at x; nearest asymmetric "floor" with a constant integer
/// scale (or its inverse) reads at x floordiv s (x * s): affine reads.
struct ResizePattern : OpConversionPattern<graph::ResizeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::ResizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto inputType = cast<RankedTensorType>(input.getType());
    auto resultType = convertedType(getTypeConverter(), op.getOutput());
    int64_t rank = inputType.getRank();
    Type elementType = inputType.getElementType();
    bool isUnsigned = isUnsignedTensor(op.getInput().getType());
    StringRef mode = op.getMode();
    StringRef coordinateMode = op.getCoordinateTransformationMode();
    StringRef nearestMode = op.getNearestMode();
    bool cropAndResize = coordinateMode == "tf_crop_and_resize";
    bool fromScales = bool(op.getScales());

    // The scale of each dim when constant.
    SmallVector<std::optional<double>> staticScales(rank);
    if (fromScales) {
      if (std::optional<SmallVector<double>> scales =
              getConstantFloats(op.getScales());
          scales && int64_t(scales->size()) == rank)
        for (int64_t dim = 0; dim < rank; ++dim)
          staticScales[dim] = (*scales)[dim];
    } else {
      // The sizes are the output's: its static sizes give them.
      for (int64_t dim = 0; dim < rank; ++dim)
        if (int64_t in = inputType.getDimSize(dim);
            !inputType.isDynamicDim(dim) && in > 0 &&
            !resultType.isDynamicDim(dim))
          staticScales[dim] = double(resultType.getDimSize(dim)) / double(in);
    }
    // A dim read at the output index itself.
    auto isIdentity = [&](int64_t dim) {
      return !cropAndResize && staticScales[dim] == 1.0;
    };
    Value parameters = fromScales ? adaptor.getScales() : adaptor.getSizes();

    SmallVector<OpFoldResult> sizes;
    for (int64_t dim = 0; dim < rank; ++dim) {
      if (!resultType.isDynamicDim(dim)) {
        sizes.push_back(rewriter.getIndexAttr(resultType.getDimSize(dim)));
        continue;
      }
      if (isIdentity(dim)) {
        sizes.push_back(dimSize(rewriter, loc, input, dim));
        continue;
      }
      Value at = constantIndex(rewriter, loc, dim);
      Value parameter =
          tensor::ExtractOp::create(rewriter, loc, parameters, at);
      if (!fromScales) {
        sizes.push_back(toIndex(rewriter, loc, parameter, false));
        continue;
      }
      // floor(in * scale) in f32, as ONNX's shape inference computes it.
      Value in = getValueOrCreateConstantIndexOp(
          rewriter, loc, dimSize(rewriter, loc, input, dim));
      Value inFloat = arith::SIToFPOp::create(
          rewriter, loc, rewriter.getF32Type(), indexToI64(rewriter, loc, in));
      Value scaled = math::FloorOp::create(
          rewriter, loc,
          arith::MulFOp::create(rewriter, loc, inFloat, parameter));
      sizes.push_back(toIndex(rewriter, loc, scaled, false));
    }

    SmallVector<Value> inputs = {input};
    bool readsParameters =
        llvm::any_of(llvm::seq<int64_t>(0, rank), [&](int64_t dim) {
          return !isIdentity(dim) && !staticScales[dim];
        });
    if (readsParameters)
      inputs.push_back(parameters);
    unsigned roiInput = inputs.size();
    if (cropAndResize)
      inputs.push_back(adaptor.getRoi());

    // Coordinates and weights in f32, or in f64 for f64 data and for
    // integers: those are truncated like numpy's astype, and f32 rounding
    // would move results that are whole numbers below them.
    Type computeType = isa<IntegerType>(elementType) || elementType.isF64()
                           ? Type(rewriter.getF64Type())
                           : Type(rewriter.getF32Type());
    double cubicA = op.getCubicCoeffA().convertToDouble();
    bool excludeOutside = op.getExcludeOutside();
    double extrapolation = op.getExtrapolationValue().convertToDouble();

    Value result =
        buildCompute(
            rewriter, loc, stageName(op), resultType, sizes, inputs,
            defaultAxes(rank), nullptr,
            [&](ComputeBody &body) -> SmallVector<Value> {
              OpBuilder &b = body.b;
              Location l = body.loc;
              FloatOps f{b, l};
              auto constant = [&](double v) {
                return scalarConstant(b, l, computeType, v);
              };
              auto toFloat = [&](Value index) -> Value {
                return arith::SIToFPOp::create(b, l, computeType,
                                               indexToI64(b, l, index));
              };
              auto castFloat = [&](Value x) -> Value {
                if (x.getType() == computeType)
                  return x;
                if (x.getType().getIntOrFloatBitWidth() <
                    computeType.getIntOrFloatBitWidth())
                  return arith::ExtFOp::create(b, l, computeType, x);
                return arith::TruncFOp::create(b, l, computeType, x);
              };

              Value outside;
              SmallVector<SmallVector<Tap>> taps(rank);
              for (int64_t dim = 0; dim < rank; ++dim) {
                Value x = body.outputIndices[dim];
                if (isIdentity(dim)) {
                  taps[dim] = {{x, Value()}};
                  continue;
                }
                // Every neighbour of a size-1 dim is its element (edge
                // padding), and the weights sum to 1.
                if (inputType.getDimSize(dim) == 1) {
                  taps[dim] = {{body.index(0), Value()}};
                  continue;
                }
                std::optional<double> scale = staticScales[dim];
                if (mode == "nearest" && coordinateMode == "asymmetric" &&
                    nearestMode == "floor" && scale && *scale >= 1 &&
                    std::floor(*scale) == *scale) {
                  taps[dim] = {{arith::FloorDivSIOp::create(
                                    b, l, x, body.index(int64_t(*scale))),
                                Value()}};
                  continue;
                }
                if (mode == "nearest" && coordinateMode == "asymmetric" &&
                    nearestMode == "floor" && scale && *scale > 0 &&
                    std::floor(1 / *scale) == 1 / *scale) {
                  taps[dim] = {{arith::MulIOp::create(
                                    b, l, x, body.index(int64_t(1 / *scale))),
                                Value()}};
                  continue;
                }

                Value inSize = body.dimSize(0, dim);
                Value in = inputType.isDynamicDim(dim)
                               ? toFloat(inSize)
                               : constant(inputType.getDimSize(dim));
                Value scaleValue;
                if (scale)
                  scaleValue = constant(*scale);
                else if (fromScales)
                  scaleValue = castFloat(body.read(1, {body.index(dim)}));
                else
                  scaleValue = f.div(
                      arith::SIToFPOp::create(b, l, computeType,
                                              body.read(1, {body.index(dim)})),
                      in);
                // The reference's output length is scale * input length;
                // where it is 1, the coordinate is a constant.
                auto resizedLength = [&] { return f.mul(scaleValue, in); };
                auto isOne = [&] {
                  return arith::CmpFOp::create(b, l, arith::CmpFPredicate::OEQ,
                                               resizedLength(), constant(1));
                };
                Value xf = toFloat(x);
                Value source;
                if (coordinateMode == "half_pixel" ||
                    coordinateMode == "pytorch_half_pixel") {
                  source = f.sub(f.div(f.add(xf, constant(0.5)), scaleValue),
                                 constant(0.5));
                  if (coordinateMode == "pytorch_half_pixel")
                    source = select(b, l, isOne(), constant(-0.5), source);
                } else if (coordinateMode == "align_corners") {
                  Value inLast = f.sub(in, constant(1));
                  source = select(b, l, isOne(), constant(0),
                                  f.div(f.mul(xf, inLast),
                                        f.sub(resizedLength(), constant(1))));
                } else if (coordinateMode == "asymmetric") {
                  source = f.div(xf, scaleValue);
                } else { // tf_crop_and_resize
                  Value inLast = f.sub(in, constant(1));
                  Value start =
                      castFloat(body.read(roiInput, {body.index(dim)}));
                  Value end =
                      castFloat(body.read(roiInput, {body.index(rank + dim)}));
                  Value extent = f.mul(f.sub(end, start), inLast);
                  source = select(b, l, isOne(), f.div(extent, constant(2)),
                                  f.div(f.mul(xf, extent),
                                        f.sub(resizedLength(), constant(1))));
                  source = f.add(source, f.mul(start, inLast));
                  Value below = arith::CmpFOp::create(
                      b, l, arith::CmpFPredicate::OLT, source, constant(0));
                  Value above = arith::CmpFOp::create(
                      b, l, arith::CmpFPredicate::OGT, source, inLast);
                  outside = orBits(b, l, outside,
                                   arith::OrIOp::create(b, l, below, above));
                }

                if (mode == "nearest") {
                  Value rounded;
                  if (nearestMode == "floor")
                    rounded = math::FloorOp::create(b, l, source);
                  else if (nearestMode == "ceil")
                    rounded = math::CeilOp::create(b, l, source);
                  else if (nearestMode == "round_prefer_floor")
                    rounded = math::CeilOp::create(
                        b, l, f.sub(source, constant(0.5)));
                  else // round_prefer_ceil
                    rounded = math::FloorOp::create(
                        b, l, f.add(source, constant(0.5)));
                  taps[dim] = {
                      {clampIndex(b, l, toIndex(b, l, rounded, false), inSize),
                       Value()}};
                  continue;
                }

                Value floored = math::FloorOp::create(b, l, source);
                Value base = toIndex(b, l, floored, false);
                Value ratio = f.sub(source, floored);
                SmallVector<Value> weights;
                int64_t firstOffset = 0;
                if (mode == "linear") {
                  weights = {f.sub(constant(1), ratio), ratio};
                } else { // cubic
                  firstOffset = -1;
                  Value a = constant(cubicA);
                  // The kernel at distance d in [1, 2] and d in [0, 1].
                  auto far = [&](Value d) {
                    Value t = f.sub(f.mul(a, d), constant(5 * cubicA));
                    t = f.add(f.mul(t, d), constant(8 * cubicA));
                    return f.sub(f.mul(t, d), constant(4 * cubicA));
                  };
                  auto near = [&](Value d) {
                    Value t = f.sub(f.mul(constant(cubicA + 2), d),
                                    constant(cubicA + 3));
                    return f.add(f.mul(f.mul(t, d), d), constant(1));
                  };
                  Value rest = f.sub(constant(1), ratio);
                  weights = {far(f.add(ratio, constant(1))), near(ratio),
                             near(rest), far(f.add(rest, constant(1)))};
                }
                SmallVector<Value> indices;
                for (int64_t t = 0, e = weights.size(); t < e; ++t)
                  indices.push_back(
                      firstOffset + t == 0
                          ? base
                          : arith::AddIOp::create(b, l, base,
                                                  body.index(firstOffset + t))
                                .getResult());
                if (excludeOutside && mode == "cubic") {
                  Value total;
                  for (auto [index, weight] : llvm::zip(indices, weights)) {
                    Value inside = arith::AndIOp::create(
                        b, l,
                        cmpIndex(b, l, arith::CmpIPredicate::sge, index,
                                 body.index(0)),
                        cmpIndex(b, l, arith::CmpIPredicate::slt, index,
                                 inSize));
                    weight = select(b, l, inside, weight, constant(0));
                    total = total ? f.add(total, weight) : weight;
                  }
                  for (Value &weight : weights)
                    weight = f.div(weight, total);
                }
                for (auto [index, weight] : llvm::zip(indices, weights))
                  taps[dim].push_back(
                      {clampIndex(b, l, index, inSize), weight});
              }

              // Nested like the reference: along each dim, the weighted sum
              // over its taps of the interpolations along the next dims.
              bool weighted = mode != "nearest";
              auto toCompute = [&](Value x) -> Value {
                if (isa<FloatType>(x.getType()))
                  return castFloat(x);
                if (isUnsigned)
                  return arith::UIToFPOp::create(b, l, computeType, x);
                return arith::SIToFPOp::create(b, l, computeType, x);
              };
              SmallVector<Value> at(rank);
              std::function<Value(int64_t)> interpolate = [&](int64_t dim) {
                if (dim == rank) {
                  Value x = body.read(0, at);
                  return weighted ? toCompute(x) : x;
                }
                Value sum;
                for (const Tap &tap : taps[dim]) {
                  at[dim] = tap.index;
                  Value term = interpolate(dim + 1);
                  if (tap.weight)
                    term = f.mul(tap.weight, term);
                  sum = sum ? f.add(sum, term) : term;
                }
                return sum;
              };
              Value sum = interpolate(0);

              Value value = sum;
              if (weighted) {
                if (auto floatType = dyn_cast<FloatType>(elementType)) {
                  if (floatType != computeType)
                    value = arith::TruncFOp::create(b, l, floatType, sum);
                } else {
                  // Truncated like numpy's astype, after clamping to the
                  // integer type's range (cubic overshoots it).
                  unsigned width = elementType.getIntOrFloatBitWidth();
                  if (width <= 16) {
                    double lowest =
                        isUnsigned ? 0 : -std::ldexp(1.0, width - 1);
                    double highest = isUnsigned
                                         ? std::ldexp(1.0, width) - 1
                                         : std::ldexp(1.0, width - 1) - 1;
                    value = arith::MinimumFOp::create(
                        b, l,
                        arith::MaximumFOp::create(b, l, sum, constant(lowest)),
                        constant(highest));
                  }
                  value =
                      isUnsigned
                          ? arith::FPToUIOp::create(b, l, elementType, value)
                                .getResult()
                          : arith::FPToSIOp::create(b, l, elementType, value)
                                .getResult();
                }
              }
              if (outside) {
                Value fill =
                    isa<FloatType>(elementType)
                        ? scalarConstant(b, l, elementType, extrapolation)
                        : scalarConstant(b, l, elementType,
                                         std::trunc(extrapolation));
                value = select(b, l, outside, fill, value);
              }
              return {value};
            })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// top_k
//===----------------------------------------------------------------------===//

/// Whether (a, ia) comes strictly before (b, ib) in top_k's order: larger
/// (smaller) values first, NaN the largest as in numpy's sort, equal values
/// by smaller index.
Value topKBefore(OpBuilder &b, Location loc, bool largest, bool isUnsigned,
                 Value lhs, Value lhsIndex, Value rhs, Value rhsIndex) {
  Value better, equal;
  if (isa<FloatType>(lhs.getType())) {
    Value lhsNaN =
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, lhs, lhs);
    Value rhsNaN =
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, rhs, rhs);
    Value ordered = arith::CmpFOp::create(
        b, loc, largest ? arith::CmpFPredicate::OGT : arith::CmpFPredicate::OLT,
        lhs, rhs);
    Value one = arith::ConstantIntOp::create(b, loc, 1, 1);
    Value nanFirst =
        largest
            ? arith::AndIOp::create(b, loc, lhsNaN,
                                    arith::XOrIOp::create(b, loc, rhsNaN, one))
            : arith::AndIOp::create(b, loc, rhsNaN,
                                    arith::XOrIOp::create(b, loc, lhsNaN, one));
    better = arith::OrIOp::create(b, loc, ordered, nanFirst);
    equal = arith::OrIOp::create(
        b, loc,
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, lhs, rhs),
        arith::AndIOp::create(b, loc, lhsNaN, rhsNaN));
  } else {
    arith::CmpIPredicate predicate =
        largest ? (isUnsigned ? arith::CmpIPredicate::ugt
                              : arith::CmpIPredicate::sgt)
                : (isUnsigned ? arith::CmpIPredicate::ult
                              : arith::CmpIPredicate::slt);
    better = arith::CmpIOp::create(b, loc, predicate, lhs, rhs);
    equal = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, lhs, rhs);
  }
  Value earlier = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt,
                                        lhsIndex, rhsIndex);
  return arith::OrIOp::create(b, loc, better,
                              arith::AndIOp::create(b, loc, equal, earlier));
}

/// An scf.for over the k outputs; step j is the stage "top_k.select", an
/// argmax-like reduction along the axis over the elements that come after
/// the one step j - 1 selected (none before step 0: "top_k.init" gives
/// index -1). O(k * n) per line; outputs are always sorted.
struct TopKPattern : OpConversionPattern<graph::TopKOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::TopKOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto inputType = cast<RankedTensorType>(input.getType());
    int64_t rank = inputType.getRank();
    int64_t axis = *graph::normalizeAxis(op.getAxis(), rank);
    auto valuesType = convertedType(getTypeConverter(), op.getValues());
    auto indicesType = convertedType(getTypeConverter(), op.getIndices());
    Type elementType = valuesType.getElementType();
    bool isUnsigned = isUnsignedTensor(op.getInput().getType());
    bool largest = op.getLargest();

    SmallVector<OpFoldResult> sizes = dimSizes(rewriter, loc, input);
    OpFoldResult n = sizes[axis];
    sizes[axis] =
        valuesType.isDynamicDim(axis)
            ? OpFoldResult(toIndex(rewriter, loc,
                                   extractScalar(rewriter, loc, adaptor.getK()),
                                   false))
            : rewriter.getIndexAttr(valuesType.getDimSize(axis));
    sizes = refineSizes(rewriter, valuesType, sizes);
    Value valuesInit =
        tensor::EmptyOp::create(rewriter, loc, sizes, elementType);
    Value indicesInit =
        tensor::EmptyOp::create(rewriter, loc, sizes, rewriter.getI64Type());
    if (isZero(n)) { // Then k is 0 too.
      rewriter.replaceOp(op, {castTo(rewriter, loc, valuesInit, valuesType),
                              castTo(rewriter, loc, indicesInit, indicesType)});
      return success();
    }

    SmallVector<OpFoldResult> stepSizes(sizes);
    stepSizes[axis] = rewriter.getIndexAttr(1);
    SmallVector<int64_t> stepShape(valuesType.getShape());
    stepShape[axis] = 1;
    auto stepValuesType = RankedTensorType::get(stepShape, elementType);
    auto stepIndicesType =
        RankedTensorType::get(stepShape, rewriter.getI64Type());
    SmallVector<std::string> axes = defaultAxes(rank);
    StringRef name = stageName(op);

    SmallVector<Value> none =
        buildCompute(rewriter, loc, (name + ".init").str(),
                     {stepValuesType, stepIndicesType}, stepSizes, {}, axes,
                     nullptr, [&](ComputeBody &body) -> SmallVector<Value> {
                       return {zeroOf(body.b, body.loc, elementType),
                               i64Constant(body.b, body.loc, -1)};
                     });

    ReductionSpec selection;
    selection.axes = {"r"};
    selection.extents = {n};
    selection.combiner = te::CombinerKind::Custom;
    selection.inits = {cast<TypedAttr>(rewriter.getZeroAttr(elementType)),
                       rewriter.getI64IntegerAttr(-1)};
    selection.combine = [&](OpBuilder &b, Location l, ValueRange acc,
                            ValueRange value) -> SmallVector<Value> {
      Value valid = arith::CmpIOp::create(b, l, arith::CmpIPredicate::sge,
                                          value[1], i64Constant(b, l, 0));
      Value accEmpty = arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt,
                                             acc[1], i64Constant(b, l, 0));
      Value before = topKBefore(b, l, largest, isUnsigned, value[0], value[1],
                                acc[0], acc[1]);
      Value take = arith::AndIOp::create(
          b, l, valid, arith::OrIOp::create(b, l, accEmpty, before));
      return {select(b, l, take, value[0], acc[0]),
              select(b, l, take, value[1], acc[1])};
    };

    Value zero = constantIndex(rewriter, loc, 0);
    Value one = constantIndex(rewriter, loc, 1);
    Value k = getValueOrCreateConstantIndexOp(rewriter, loc, sizes[axis]);
    auto loop = scf::ForOp::create(
        rewriter, loc, zero, k, one,
        ValueRange{valuesInit, indicesInit, none[0], none[1]},
        [&](OpBuilder &b, Location l, Value j, ValueRange iterArgs) {
          SmallVector<Value> step = buildCompute(
              b, l, (name + ".select").str(), {stepValuesType, stepIndicesType},
              stepSizes, {input, iterArgs[2], iterArgs[3]}, axes, &selection,
              [&](ComputeBody &body) -> SmallVector<Value> {
                OpBuilder &bb = body.b;
                Value r = body.reduceIndices[0];
                Value x = body.read(0, replaceAt(body.outputIndices, axis, r));
                Value previous = body.read(1, body.outputIndices);
                Value previousIndex = body.read(2, body.outputIndices);
                Value index = indexToI64(bb, l, r);
                Value first =
                    arith::CmpIOp::create(bb, l, arith::CmpIPredicate::slt,
                                          previousIndex, i64Constant(bb, l, 0));
                Value after = topKBefore(bb, l, largest, isUnsigned, previous,
                                         previousIndex, x, index);
                Value eligible = arith::OrIOp::create(bb, l, first, after);
                return {x,
                        select(bb, l, eligible, index, i64Constant(bb, l, -1))};
              });
          SmallVector<OpFoldResult> offsets(rank, b.getIndexAttr(0));
          offsets[axis] = j;
          SmallVector<OpFoldResult> strides(rank, b.getIndexAttr(1));
          Value values = tensor::InsertSliceOp::create(
              b, l, step[0], iterArgs[0], offsets, stepSizes, strides);
          Value indices = tensor::InsertSliceOp::create(
              b, l, step[1], iterArgs[1], offsets, stepSizes, strides);
          scf::YieldOp::create(b, l,
                               ValueRange{values, indices, step[0], step[1]});
        });
    rewriter.replaceOp(op,
                       {castTo(rewriter, loc, loop.getResult(0), valuesType),
                        castTo(rewriter, loc, loop.getResult(1), indicesType)});
    return success();
  }
};

//===----------------------------------------------------------------------===//
// det
//===----------------------------------------------------------------------===//

/// LU elimination with partial pivoting, one column per step of an scf.for
/// that carries the trailing submatrix S (m x m, shrinking) and the
/// determinants so far. Each step is three stages over the batch:
/// "det.pivot" finds the row p of the largest |S[r, 0]| (the first on
/// ties), "det.scale" multiplies the determinant by S[p, 0] (negated when
/// rows swap), "det.eliminate" builds the next submatrix from S with rows
/// 0 and p swapped: S'[i, j] = S[q, j+1] - S[q, 0] / S[p, 0] * S[p, j+1]
/// with q the swapped row i + 1 (a zero pivot eliminates nothing: the
/// determinant is already 0).
struct DetPattern : OpConversionPattern<graph::DetOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::DetOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto inputType = cast<RankedTensorType>(input.getType());
    auto resultType = convertedType(getTypeConverter(), op.getOutput());
    Type elementType = resultType.getElementType();
    int64_t batchRank = resultType.getRank();

    SmallVector<OpFoldResult> batchSizes = dimSizes(rewriter, loc, input);
    OpFoldResult order = inputType.isDynamicDim(batchRank)
                             ? batchSizes[batchRank + 1]
                             : batchSizes[batchRank];
    batchSizes.resize(batchRank);
    batchSizes = refineSizes(rewriter, resultType, batchSizes);
    SmallVector<std::string> batchAxes = defaultAxes(batchRank, "b");
    SmallVector<int64_t> matrixShape(resultType.getShape());
    matrixShape.append({ShapedType::kDynamic, ShapedType::kDynamic});
    auto matrixType = RankedTensorType::get(matrixShape, elementType);
    auto rowsType = resultType.clone(rewriter.getI64Type());
    Value matrix = input;
    if (matrix.getType() != matrixType)
      matrix = tensor::CastOp::create(rewriter, loc, matrixType, matrix);

    Value determinant =
        buildCompute(rewriter, loc, "det.init", resultType, batchSizes, {},
                     batchAxes, nullptr,
                     [&](ComputeBody &body) -> SmallVector<Value> {
                       return {
                           scalarConstant(body.b, body.loc, elementType, 1)};
                     })
            .front();

    ReductionSpec pivotSearch;
    pivotSearch.axes = {"r"};
    pivotSearch.combiner = te::CombinerKind::Custom;
    pivotSearch.inits = {rewriter.getFloatAttr(elementType, -1),
                         rewriter.getI64IntegerAttr(-1)};
    pivotSearch.combine = [](OpBuilder &b, Location l, ValueRange acc,
                             ValueRange value) -> SmallVector<Value> {
      Value accEmpty = arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt,
                                             acc[1], i64Constant(b, l, 0));
      Value larger = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OGT,
                                           value[0], acc[0]);
      Value tie = arith::AndIOp::create(
          b, l,
          arith::CmpFOp::create(b, l, arith::CmpFPredicate::OEQ, value[0],
                                acc[0]),
          arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, value[1],
                                acc[1]));
      Value take = arith::OrIOp::create(
          b, l, accEmpty, arith::OrIOp::create(b, l, larger, tie));
      return {select(b, l, take, value[0], acc[0]),
              select(b, l, take, value[1], acc[1])};
    };

    Value zero = constantIndex(rewriter, loc, 0);
    Value one = constantIndex(rewriter, loc, 1);
    auto loop = scf::ForOp::create(
        rewriter, loc, zero,
        getValueOrCreateConstantIndexOp(rewriter, loc, order), one,
        ValueRange{matrix, determinant},
        [&](OpBuilder &b, Location l, Value, ValueRange iterArgs) {
          Value s = iterArgs[0];
          Value m = tensor::DimOp::create(b, l, s, batchRank);
          pivotSearch.extents = {m};
          Value pivotRows =
              buildCompute(
                  b, l, "det.pivot", {resultType, rowsType}, batchSizes, s,
                  batchAxes, &pivotSearch,
                  [&](ComputeBody &body) -> SmallVector<Value> {
                    SmallVector<Value> at(body.outputIndices);
                    at.append({body.reduceIndices[0], body.index(0)});
                    return {math::AbsFOp::create(body.b, l, body.read(0, at)),
                            indexToI64(body.b, l, body.reduceIndices[0])};
                  })
                  .back();
          Value scaled =
              buildCompute(
                  b, l, "det.scale", resultType, batchSizes,
                  {iterArgs[1], s, pivotRows}, batchAxes, nullptr,
                  [&](ComputeBody &body) -> SmallVector<Value> {
                    OpBuilder &bb = body.b;
                    Value p =
                        toIndex(bb, l, body.read(2, body.outputIndices), false);
                    SmallVector<Value> at(body.outputIndices);
                    at.append({p, body.index(0)});
                    Value pivot = body.read(1, at);
                    Value swapped = cmpIndex(bb, l, arith::CmpIPredicate::ne, p,
                                             body.index(0));
                    pivot = select(bb, l, swapped,
                                   arith::NegFOp::create(bb, l, pivot), pivot);
                    return {arith::MulFOp::create(
                        bb, l, body.read(0, body.outputIndices), pivot)};
                  })
                  .front();
          SmallVector<OpFoldResult> nextSizes(batchSizes);
          Value next = arith::SubIOp::create(b, l, m, one);
          nextSizes.append({next, next});
          SmallVector<std::string> matrixAxes(batchAxes);
          matrixAxes.append({"i", "j"});
          Value eliminated =
              buildCompute(
                  b, l, "det.eliminate", matrixType, nextSizes, {s, pivotRows},
                  matrixAxes, nullptr,
                  [&](ComputeBody &body) -> SmallVector<Value> {
                    OpBuilder &bb = body.b;
                    ValueRange batch = body.outputIndices.take_front(batchRank);
                    Value i = body.outputIndices[batchRank];
                    Value j = body.outputIndices[batchRank + 1];
                    auto read = [&](Value row, Value column) {
                      SmallVector<Value> at(batch);
                      at.append({row, column});
                      return body.read(0, at);
                    };
                    Value p = toIndex(bb, l, body.read(1, batch), false);
                    Value row = arith::AddIOp::create(bb, l, i, body.index(1));
                    Value q = select(
                        bb, l,
                        cmpIndex(bb, l, arith::CmpIPredicate::eq, row, p),
                        body.index(0), row);
                    Value column =
                        arith::AddIOp::create(bb, l, j, body.index(1));
                    Value pivot = read(p, body.index(0));
                    Value isZeroPivot = arith::CmpFOp::create(
                        bb, l, arith::CmpFPredicate::OEQ, pivot,
                        scalarConstant(bb, l, elementType, 0));
                    Value factor =
                        select(bb, l, isZeroPivot,
                               scalarConstant(bb, l, elementType, 0),
                               arith::DivFOp::create(
                                   bb, l, read(q, body.index(0)), pivot));
                    Value update =
                        arith::MulFOp::create(bb, l, factor, read(p, column));
                    return {
                        arith::SubFOp::create(bb, l, read(q, column), update)};
                  })
                  .front();
          scf::YieldOp::create(b, l, ValueRange{eliminated, scaled});
        });
    rewriter.replaceOp(op, loop.getResult(1));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// non_zero, compress, max_unpool
//===----------------------------------------------------------------------===//

/// "<stage>": the number of non-zero elements of `tensor` (an i64 scalar
/// tensor), as an index.
Value countNonZero(OpBuilder &b, Location loc, StringRef stage, Value tensor) {
  auto type = cast<RankedTensorType>(tensor.getType());
  ReductionSpec sum;
  sum.axes = defaultAxes(type.getRank(), "r");
  sum.extents = dimSizes(b, loc, tensor);
  Value count =
      buildCompute(b, loc, stage, RankedTensorType::get({}, b.getI64Type()), {},
                   tensor, {}, type.getRank() ? &sum : nullptr,
                   [&](ComputeBody &body) -> SmallVector<Value> {
                     Value x = body.read(0, body.reduceIndices);
                     return {select(body.b, body.loc,
                                    isNonZero(body.b, body.loc, x),
                                    i64Constant(body.b, body.loc, 1),
                                    i64Constant(body.b, body.loc, 0))};
                   })
          .front();
  return toIndex(b, loc, extractScalar(b, loc, count), false);
}

/// The column of indices of each non-zero element: "non_zero.count" sizes
/// the result, then a loop nest over the input in row-major order inserts
/// the indices of each non-zero element into the next column.
struct NonZeroPattern : OpConversionPattern<graph::NonZeroOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::NonZeroOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    int64_t rank = cast<RankedTensorType>(input.getType()).getRank();
    SmallVector<OpFoldResult> inputSizes = dimSizes(rewriter, loc, input);
    auto resultType = convertedType(getTypeConverter(), op.getOutput());
    if (llvm::any_of(inputSizes, isZero)) { // No elements.
      Value empty = tensor::EmptyOp::create(
          rewriter, loc, ArrayRef<int64_t>{rank, 0}, rewriter.getI64Type());
      rewriter.replaceOpWithNewOp<tensor::CastOp>(op, resultType, empty);
      return success();
    }
    Value count = countNonZero(rewriter, loc, "non_zero.count", input);
    Value result = tensor::EmptyOp::create(
        rewriter, loc, ArrayRef<int64_t>{rank, ShapedType::kDynamic},
        rewriter.getI64Type(), ValueRange{count});

    Value zero = constantIndex(rewriter, loc, 0);
    Value one = constantIndex(rewriter, loc, 1);
    scf::LoopNest nest = scf::buildLoopNest(
        rewriter, loc, SmallVector<Value>(rank, zero),
        toValues(rewriter, loc, inputSizes), SmallVector<Value>(rank, one),
        ValueRange{result, zero},
        [&](OpBuilder &b, Location l, ValueRange ivs,
            ValueRange iterArgs) -> scf::ValueVector {
          Value x = tensor::ExtractOp::create(b, l, input, ivs);
          auto ifOp = scf::IfOp::create(
              b, l, isNonZero(b, l, x),
              [&](OpBuilder &then, Location) {
                Value columns = iterArgs[0], column = iterArgs[1];
                for (auto [dim, iv] : llvm::enumerate(ivs))
                  columns = tensor::InsertOp::create(
                      then, l, indexToI64(then, l, iv), columns,
                      ValueRange{constantIndex(then, l, dim), column});
                scf::YieldOp::create(
                    then, l,
                    ValueRange{columns,
                               arith::AddIOp::create(then, l, column, one)});
              },
              [&](OpBuilder &otherwise, Location) {
                scf::YieldOp::create(otherwise, l, iterArgs);
              });
          return {ifOp.getResult(0), ifOp.getResult(1)};
        });
    // The result type may know the count (from the model's declared shape).
    rewriter.replaceOpWithNewOp<tensor::CastOp>(op, resultType,
                                                nest.results[0]);
    return success();
  }
};

/// The positions of the selected slices, then the stage "compress" that
/// gathers them: output[.., m, ..] = input[.., positions[m], ..] (without
/// an axis, positions index the flattened input). A constant condition
/// gives constant positions; otherwise "compress.count" sizes them and a
/// loop over the condition fills them.
struct CompressPattern : OpConversionPattern<graph::CompressOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::CompressOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput(), condition = adaptor.getCondition();
    auto inputType = cast<RankedTensorType>(input.getType());
    auto resultType = convertedType(getTypeConverter(), op.getOutput());
    int64_t rank = inputType.getRank();
    std::optional<int64_t> axis;
    if (std::optional<uint64_t> axisAttr = op.getAxis())
      axis = *graph::normalizeAxis(int64_t(*axisAttr), rank);

    // How many slices (elements, without an axis) the condition covers.
    OpFoldResult selectable;
    if (axis) {
      selectable = dimSize(rewriter, loc, input, *axis);
    } else if (inputType.hasStaticShape()) {
      selectable = rewriter.getIndexAttr(inputType.getNumElements());
    } else {
      Value elements = constantIndex(rewriter, loc, 1);
      for (OpFoldResult size : dimSizes(rewriter, loc, input))
        elements = arith::MulIOp::create(
            rewriter, loc, elements,
            getValueOrCreateConstantIndexOp(rewriter, loc, size));
      selectable = elements;
    }
    OpFoldResult conditionLength = dimSize(rewriter, loc, condition, 0);
    std::optional<int64_t> staticSelectable = getConstantIntValue(selectable);
    std::optional<int64_t> staticLength = getConstantIntValue(conditionLength);
    OpFoldResult considered;
    if (staticSelectable && staticLength)
      considered =
          rewriter.getIndexAttr(std::min(*staticSelectable, *staticLength));
    else
      considered = getAsOpFoldResult(arith::MinSIOp::create(
          rewriter, loc,
          getValueOrCreateConstantIndexOp(rewriter, loc, selectable),
          getValueOrCreateConstantIndexOp(rewriter, loc, conditionLength)));

    Value positions;
    std::optional<int64_t> staticConsidered = getConstantIntValue(considered);
    std::optional<SmallVector<int64_t>> constantCondition =
        graph::getConstantIntValues(op.getCondition());
    if (staticConsidered && (*staticConsidered == 0 || constantCondition)) {
      SmallVector<int64_t> selected;
      for (int64_t i = 0; i < *staticConsidered; ++i)
        if ((*constantCondition)[i])
          selected.push_back(i);
      auto type = RankedTensorType::get({int64_t(selected.size())},
                                        rewriter.getI64Type());
      positions = arith::ConstantOp::create(
          rewriter, loc, DenseIntElementsAttr::get(type, ArrayRef(selected)));
    } else {
      ReductionSpec sum;
      sum.axes = {"r"};
      sum.extents = {considered};
      Value countTensor =
          buildCompute(rewriter, loc, "compress.count",
                       RankedTensorType::get({}, rewriter.getI64Type()), {},
                       condition, {}, &sum,
                       [&](ComputeBody &body) -> SmallVector<Value> {
                         Value selected = body.read(0, body.reduceIndices);
                         return {select(body.b, body.loc, selected,
                                        i64Constant(body.b, body.loc, 1),
                                        i64Constant(body.b, body.loc, 0))};
                       })
              .front();
      Value count = toIndex(rewriter, loc,
                            extractScalar(rewriter, loc, countTensor), false);
      Value empty = tensor::EmptyOp::create(
          rewriter, loc, ArrayRef<int64_t>{ShapedType::kDynamic},
          rewriter.getI64Type(), ValueRange{count});
      Value zero = constantIndex(rewriter, loc, 0);
      Value one = constantIndex(rewriter, loc, 1);
      auto loop = scf::ForOp::create(
          rewriter, loc, zero,
          getValueOrCreateConstantIndexOp(rewriter, loc, considered), one,
          ValueRange{empty, zero},
          [&](OpBuilder &b, Location l, Value i, ValueRange iterArgs) {
            Value selected = tensor::ExtractOp::create(b, l, condition, i);
            auto ifOp = scf::IfOp::create(
                b, l, selected,
                [&](OpBuilder &then, Location) {
                  Value inserted =
                      tensor::InsertOp::create(then, l, indexToI64(then, l, i),
                                               iterArgs[0], iterArgs[1]);
                  scf::YieldOp::create(
                      then, l,
                      ValueRange{inserted, arith::AddIOp::create(
                                               then, l, iterArgs[1], one)});
                },
                [&](OpBuilder &otherwise, Location) {
                  scf::YieldOp::create(otherwise, l, iterArgs);
                });
            scf::YieldOp::create(b, l, ifOp.getResults());
          });
      positions = loop.getResult(0);
    }

    int64_t selectedDim = axis.value_or(0);
    SmallVector<OpFoldResult> sizes;
    if (axis)
      sizes = dimSizes(rewriter, loc, input);
    else
      sizes.resize(1);
    sizes[selectedDim] = dimSize(rewriter, loc, positions, 0);
    sizes = refineSizes(rewriter, resultType, sizes);
    Value result =
        buildCompute(
            rewriter, loc, stageName(op), resultType, sizes, {input, positions},
            defaultAxes(resultType.getRank()), nullptr,
            [&](ComputeBody &body) -> SmallVector<Value> {
              OpBuilder &b = body.b;
              Location l = body.loc;
              Value position = toIndex(
                  b, l, body.read(1, {body.outputIndices[selectedDim]}), false);
              if (axis)
                return {body.read(
                    0, replaceAt(body.outputIndices, *axis, position))};
              // The row-major coordinates of the flat position.
              SmallVector<Value> at(rank);
              for (int64_t dim = rank - 1; dim > 0; --dim) {
                Value size = body.dimSize(0, dim);
                at[dim] = arith::RemUIOp::create(b, l, position, size);
                position = arith::DivUIOp::create(b, l, position, size);
              }
              if (rank)
                at[0] = position;
              return {body.read(0, at)};
            })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// A zero-filled output ("max_unpool.zeros"), then a loop nest over the
/// input that inserts each element where its index points (the last one
/// wins). As in ONNX's reference, indices are row-major positions in the
/// shape the kernel, strides and pads give ((in - 1) * stride - pads +
/// kernel); an output_shape larger than that pads it at the end. Indices
/// outside either are skipped.
struct MaxUnpoolPattern : OpConversionPattern<graph::MaxUnpoolOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::MaxUnpoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput(), indices = adaptor.getIndices();
    auto resultType = convertedType(getTypeConverter(), op.getOutput());
    int64_t rank = resultType.getRank();
    int64_t spatialRank = rank - 2;
    ArrayRef<int64_t> kernel = op.getKernelShape();
    SmallVector<int64_t> strides(spatialRank, 1), pads(2 * spatialRank, 0);
    if (std::optional<ArrayRef<int64_t>> s = op.getStrides())
      strides.assign(s->begin(), s->end());
    if (std::optional<ArrayRef<int64_t>> p = op.getPads())
      pads.assign(p->begin(), p->end());

    SmallVector<OpFoldResult> inputSizes = dimSizes(rewriter, loc, input);
    SmallVector<Value> unpooledSizes =
        toValues(rewriter, loc, ArrayRef(inputSizes).take_front(2));
    for (int64_t i = 0; i < spatialRank; ++i) {
      int64_t margin = kernel[i] - pads[i] - pads[i + spatialRank];
      if (std::optional<int64_t> in = getConstantIntValue(inputSizes[i + 2])) {
        unpooledSizes.push_back(
            constantIndex(rewriter, loc, (*in - 1) * strides[i] + margin));
        continue;
      }
      Value in = cast<Value>(inputSizes[i + 2]);
      Value size = arith::MulIOp::create(
          rewriter, loc,
          arith::SubIOp::create(rewriter, loc, in,
                                constantIndex(rewriter, loc, 1)),
          constantIndex(rewriter, loc, strides[i]));
      unpooledSizes.push_back(arith::AddIOp::create(
          rewriter, loc, size, constantIndex(rewriter, loc, margin)));
    }
    Value outputShape = adaptor.getOutputShape();
    SmallVector<Value> sizes;
    for (int64_t dim = 0; dim < rank; ++dim) {
      if (!resultType.isDynamicDim(dim))
        sizes.push_back(
            constantIndex(rewriter, loc, resultType.getDimSize(dim)));
      else if (outputShape)
        sizes.push_back(toIndex(
            rewriter, loc,
            tensor::ExtractOp::create(rewriter, loc, outputShape,
                                      constantIndex(rewriter, loc, dim)),
            false));
      else
        sizes.push_back(unpooledSizes[dim]);
    }
    Value zeros =
        buildCompute(
            rewriter, loc, "max_unpool.zeros", resultType,
            getAsOpFoldResult(sizes), {}, defaultAxes(rank), nullptr,
            [&](ComputeBody &body) -> SmallVector<Value> {
              return {zeroOf(body.b, body.loc, resultType.getElementType())};
            })
            .front();
    Value total = unpooledSizes.front();
    for (Value size : ArrayRef(unpooledSizes).drop_front())
      total = arith::MulIOp::create(rewriter, loc, total, size);

    Value zero = constantIndex(rewriter, loc, 0);
    Value one = constantIndex(rewriter, loc, 1);
    scf::LoopNest nest = scf::buildLoopNest(
        rewriter, loc, SmallVector<Value>(rank, zero),
        toValues(rewriter, loc, inputSizes), SmallVector<Value>(rank, one),
        ValueRange{zeros},
        [&](OpBuilder &b, Location l, ValueRange ivs,
            ValueRange iterArgs) -> scf::ValueVector {
          Value x = tensor::ExtractOp::create(b, l, input, ivs);
          Value flat = toIndex(
              b, l, tensor::ExtractOp::create(b, l, indices, ivs), false);
          Value inside = arith::AndIOp::create(
              b, l, cmpIndex(b, l, arith::CmpIPredicate::sge, flat, zero),
              cmpIndex(b, l, arith::CmpIPredicate::slt, flat, total));
          SmallVector<Value> at(rank);
          Value rest = flat;
          for (int64_t dim = rank - 1; dim > 0; --dim) {
            at[dim] = arith::RemUIOp::create(b, l, rest, unpooledSizes[dim]);
            rest = arith::DivUIOp::create(b, l, rest, unpooledSizes[dim]);
          }
          at[0] = rest;
          // An output_shape may be smaller than the unpooled shape.
          if (outputShape)
            for (int64_t dim = 0; dim < rank; ++dim)
              inside = arith::AndIOp::create(b, l, inside,
                                             cmpIndex(b, l,
                                                      arith::CmpIPredicate::slt,
                                                      at[dim], sizes[dim]));
          auto ifOp = scf::IfOp::create(
              b, l, inside,
              [&](OpBuilder &then, Location) {
                scf::YieldOp::create(then, l,
                                     ValueRange{tensor::InsertOp::create(
                                         then, l, x, iterArgs[0], at)});
              },
              [&](OpBuilder &otherwise, Location) {
                scf::YieldOp::create(otherwise, l, iterArgs);
              });
          return {ifOp.getResult(0)};
        });
    rewriter.replaceOp(op, nest.results[0]);
    return success();
  }
};

} // namespace

void graph_to_te::populateIndexingPatterns(const TypeConverter &typeConverter,
                                           RewritePatternSet &patterns) {
  patterns
      .add<ScatterElementsPattern, ScatterNDPattern, OneHotPattern,
           TriluPattern, EyeLikePattern, CumSumPattern, ReverseSequencePattern,
           EinsumPattern, ResizePattern, TopKPattern, DetPattern,
           NonZeroPattern, CompressPattern, MaxUnpoolPattern>(
          typeConverter, patterns.getContext());
}
