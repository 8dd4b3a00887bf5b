//===- ReductionOps.cpp - Reductions --------------------------------------===//

#include "tessera/Dialect/Graph/IR/Graph.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallBitVector.h"

using namespace mlir;
using namespace tessera::graph;

//===----------------------------------------------------------------------===//
// reduce_*
//===----------------------------------------------------------------------===//

namespace {
/// What an `axes` operand says about which dimensions of `data` are reduced.
struct ReducedDims {
  /// The reduced dimensions (non-negative, unique); std::nullopt when they
  /// are not known (non-constant or invalid axes).
  std::optional<SmallVector<int64_t>> dims;
  /// How many dimensions are reduced, when known even though `dims` is not
  /// (non-constant axes of static length).
  std::optional<int64_t> count;
};
} // namespace

/// The dimensions `axes` reduces for data of rank `rank`, following
/// ONNX: absent or empty axes reduce everything, or nothing with
/// `noopWithEmptyAxes`.
static ReducedDims getReducedDims(int64_t rank, Value axes,
                                  bool noopWithEmptyAxes) {
  auto everything = [&]() -> ReducedDims {
    if (noopWithEmptyAxes)
      return {SmallVector<int64_t>(), 0};
    auto all = llvm::to_vector(llvm::seq<int64_t>(0, rank));
    return {all, rank};
  };
  if (!axes)
    return everything();
  auto axesType = dyn_cast<RankedTensorType>(axes.getType());
  if (!axesType || axesType.getRank() != 1)
    return {std::nullopt, std::nullopt}; // Rejected by the ODS constraints.
  int64_t length = axesType.getDimSize(0);
  if (length == 0)
    return everything();
  std::optional<SmallVector<int64_t>> values = getConstantIntValues(axes);
  std::optional<int64_t> count;
  if (!ShapedType::isDynamic(length))
    count = length;
  if (!values)
    return {std::nullopt, count};
  SmallVector<int64_t> dims;
  for (int64_t axis : *values) {
    std::optional<int64_t> dim = normalizeAxis(axis, rank);
    if (!dim || llvm::is_contained(dims, *dim))
      return {std::nullopt, count};
    dims.push_back(*dim);
  }
  llvm::sort(dims);
  return {dims, count};
}

namespace tessera::graph {

static Type inferReductionType(Type dataType, Value axes, int64_t keepdims,
                               int64_t noopWithEmptyAxes) {
  auto data = cast<RankedTensorType>(dataType);
  int64_t rank = data.getRank();
  ArrayRef<int64_t> shape = data.getShape();
  ReducedDims reduced = getReducedDims(rank, axes, noopWithEmptyAxes == 1);
  SmallVector<int64_t> result;
  if (reduced.dims) {
    for (int64_t dim = 0; dim < rank; ++dim) {
      if (!llvm::is_contained(*reduced.dims, dim))
        result.push_back(shape[dim]);
      else if (keepdims)
        result.push_back(1);
    }
  } else if (keepdims) {
    // Each dimension is either kept or reduced to 1.
    for (int64_t size : shape)
      result.push_back(size == 1 ? 1 : ShapedType::kDynamic);
  } else {
    // Without a static axes length the rank is unknown (the verifier
    // requires one); any rank will do for the verifier to report it.
    int64_t resultRank = rank - reduced.count.value_or(0);
    result.assign(std::max<int64_t>(resultRank, 0), ShapedType::kDynamic);
  }
  return RankedTensorType::get(result, data.getElementType());
}

static LogicalResult verifyReduction(Operation *op, Type dataType, Value axes,
                                     int64_t keepdims,
                                     int64_t noopWithEmptyAxes) {
  if (keepdims != 0 && keepdims != 1)
    return op->emitOpError("attribute 'keepdims' must be 0 or 1, got ")
           << keepdims;
  if (noopWithEmptyAxes != 0 && noopWithEmptyAxes != 1)
    return op->emitOpError(
               "attribute 'noop_with_empty_axes' must be 0 or 1, got ")
           << noopWithEmptyAxes;
  if (!axes)
    return success();
  int64_t rank = cast<RankedTensorType>(dataType).getRank();
  int64_t length = cast<RankedTensorType>(axes.getType()).getDimSize(0);
  if (ShapedType::isDynamic(length)) {
    if (!keepdims)
      return op->emitOpError("operand 'axes' must have a static length when "
                             "keepdims = 0 (the result's rank depends on it)");
  } else if (length > rank) {
    return op->emitOpError("operand 'axes' has ")
           << length << " values but 'data' has rank " << rank;
  }
  std::optional<SmallVector<int64_t>> values = getConstantIntValues(axes);
  if (!values)
    return success();
  SmallVector<int64_t> seen;
  for (int64_t axis : *values) {
    std::optional<int64_t> dim = normalizeAxis(axis, rank);
    if (!dim)
      return op->emitOpError("axis ")
             << axis << " in 'axes' is out of range for 'data' of rank "
             << rank;
    if (llvm::is_contained(seen, *dim))
      return op->emitOpError("axis ")
             << axis << " in 'axes' repeats dimension " << *dim;
    seen.push_back(*dim);
  }
  return success();
}

/// Above this many elements constant reductions are left to run time: the
/// folder is meant for shape arithmetic (e.g. the product of a shape).
static constexpr int64_t kMaxFoldedElements = 4096;

/// Folds reduce_sum, reduce_prod, reduce_max and reduce_min of an integer
/// constant over `reducedDims`; null when `op` is another reduction.
static Attribute foldIntegerReduction(Operation *op, DenseIntElementsAttr data,
                                      ArrayRef<int64_t> reducedDims,
                                      RankedTensorType resultType) {
  bool isSum = isa<ReduceSumOp>(op), isProd = isa<ReduceProdOp>(op);
  bool isMax = isa<ReduceMaxOp>(op), isMin = isa<ReduceMinOp>(op);
  if (!(isSum || isProd || isMax || isMin) || !resultType.hasStaticShape() ||
      data.getNumElements() > kMaxFoldedElements)
    return {};
  // Max and min of nothing are undefined.
  if ((isMax || isMin) && data.getNumElements() == 0)
    return {};
  auto dataType = cast<RankedTensorType>(data.getType());
  ArrayRef<int64_t> shape = dataType.getShape();
  int64_t rank = dataType.getRank();
  bool isUnsigned = dataType.getElementType().isUnsignedInteger();
  unsigned width = dataType.getElementTypeBitWidth();

  // Strides of the result laid out with the reduced dimensions kept as 1,
  // which is also the layout without them.
  llvm::SmallBitVector isReduced(rank);
  for (int64_t dim : reducedDims)
    isReduced.set(dim);
  SmallVector<int64_t> resultStrides(rank, 0);
  int64_t numResults = 1;
  for (int64_t dim = rank - 1; dim >= 0; --dim) {
    if (isReduced[dim])
      continue;
    resultStrides[dim] = numResults;
    numResults *= shape[dim];
  }
  if (numResults != resultType.getNumElements())
    return {};

  APInt identity(width, isProd ? 1 : 0);
  SmallVector<std::optional<APInt>> results(numResults);
  if (isSum || isProd)
    results.assign(numResults, identity);
  SmallVector<int64_t> index(rank, 0);
  for (const APInt &value : data.getValues<APInt>()) {
    int64_t resultIndex = 0;
    for (int64_t dim = 0; dim < rank; ++dim)
      resultIndex += index[dim] * resultStrides[dim];
    std::optional<APInt> &result = results[resultIndex];
    if (!result)
      result = value;
    else if (isSum)
      *result += value;
    else if (isProd)
      *result *= value;
    else if (isMax)
      *result = isUnsigned ? llvm::APIntOps::umax(*result, value)
                           : llvm::APIntOps::smax(*result, value);
    else
      *result = isUnsigned ? llvm::APIntOps::umin(*result, value)
                           : llvm::APIntOps::smin(*result, value);
    // Next row-major index.
    for (int64_t dim = rank - 1; dim >= 0; --dim) {
      if (++index[dim] < shape[dim])
        break;
      index[dim] = 0;
    }
  }
  auto values = llvm::to_vector(llvm::map_range(
      results, [](const std::optional<APInt> &value) { return *value; }));
  return DenseIntElementsAttr::get(resultType, values);
}

static OpFoldResult foldReduction(Operation *op, Value axes,
                                  int64_t noopWithEmptyAxes,
                                  Attribute constantData,
                                  bool identityOverUnitDims) {
  Value data = op->getOperand(0);
  auto dataType = cast<RankedTensorType>(data.getType());
  auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
  ReducedDims reduced =
      getReducedDims(dataType.getRank(), axes, noopWithEmptyAxes == 1);
  if (!reduced.dims)
    return {};

  // Reducing nothing, or (for sum, mean, max, min and prod) reducing
  // dimensions of size 1 while keeping them, returns the input.
  bool reducesUnitDims = llvm::all_of(*reduced.dims, [&](int64_t dim) {
    return dataType.getDimSize(dim) == 1;
  });
  if (dataType == resultType &&
      (reduced.dims->empty() || (identityOverUnitDims && reducesUnitDims)))
    return data;

  if (auto elements = dyn_cast_or_null<DenseIntElementsAttr>(constantData))
    return foldIntegerReduction(op, elements, *reduced.dims, resultType);
  return {};
}

//===----------------------------------------------------------------------===//
// argmax, argmin
//===----------------------------------------------------------------------===//

static Type inferArgReductionType(Type dataType, int64_t axis,
                                  int64_t keepdims) {
  auto data = cast<RankedTensorType>(dataType);
  int64_t rank = data.getRank();
  Type i64 = IntegerType::get(data.getContext(), 64);
  std::optional<int64_t> dim = normalizeAxis(axis, rank);
  if (!dim) {
    int64_t resultRank = keepdims ? rank : std::max<int64_t>(rank - 1, 0);
    return RankedTensorType::get(
        SmallVector<int64_t>(resultRank, ShapedType::kDynamic), i64);
  }
  auto shape = llvm::to_vector(data.getShape());
  if (keepdims)
    shape[*dim] = 1;
  else
    shape.erase(shape.begin() + *dim);
  return RankedTensorType::get(shape, i64);
}

static LogicalResult verifyArgReduction(Operation *op, Type dataType,
                                        int64_t axis, int64_t keepdims,
                                        int64_t selectLastIndex) {
  int64_t rank = cast<RankedTensorType>(dataType).getRank();
  if (!normalizeAxis(axis, rank))
    return op->emitOpError("attribute 'axis' value ")
           << axis << " is out of range for 'data' of rank " << rank;
  if (keepdims != 0 && keepdims != 1)
    return op->emitOpError("attribute 'keepdims' must be 0 or 1, got ")
           << keepdims;
  if (selectLastIndex != 0 && selectLastIndex != 1)
    return op->emitOpError("attribute 'select_last_index' must be 0 or 1, got ")
           << selectLastIndex;
  return success();
}

/// Along an axis of size 1 every index is 0.
static OpFoldResult foldArgReduction(Operation *op, Type dataType,
                                     int64_t axis) {
  auto data = cast<RankedTensorType>(dataType);
  auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
  std::optional<int64_t> dim = normalizeAxis(axis, data.getRank());
  if (!dim || data.getDimSize(*dim) != 1 || !resultType.hasStaticShape())
    return {};
  return DenseElementsAttr::get(resultType, APInt(64, 0));
}

} // namespace tessera::graph

#define GET_OP_CLASSES
#include "tessera/Dialect/Graph/IR/GraphReductionOps.cpp.inc"

void GraphDialect::registerReductionOps() {
  addOperations<
#define GET_OP_LIST
#include "tessera/Dialect/Graph/IR/GraphReductionOps.cpp.inc"
      >();
}
