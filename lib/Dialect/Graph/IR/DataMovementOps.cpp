//===- DataMovementOps.cpp - Data-movement and shape operators ===//
//
// Type inference and verifiers. Folders and canonicalization patterns are in
// DataMovementFolds.cpp.
//
//===----------------------------------------------------------------------===//

#include "DataMovementUtils.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallSet.h"

using namespace mlir;
using namespace tessera::graph;
using namespace tessera::graph::data_movement;

#define GET_OP_CLASSES
#include "tessera/Dialect/Graph/IR/GraphDataMovementOps.cpp.inc"

void GraphDialect::registerDataMovementOps() {
  addOperations<
#define GET_OP_LIST
#include "tessera/Dialect/Graph/IR/GraphDataMovementOps.cpp.inc"
      >();
}

//===----------------------------------------------------------------------===//
// Shared shape rules
//===----------------------------------------------------------------------===//

std::optional<int64_t> data_movement::getNumElements(ArrayRef<int64_t> shape) {
  int64_t count = 1;
  for (int64_t size : shape) {
    if (ShapedType::isDynamic(size) || size < 0)
      return std::nullopt;
    if (size != 0 && count > std::numeric_limits<int64_t>::max() / size)
      return std::nullopt;
    count *= size;
  }
  return count;
}

std::optional<SmallVector<int64_t>>
data_movement::normalizeAxes(ArrayRef<int64_t> axes, int64_t rank) {
  SmallVector<int64_t> normalized;
  llvm::SmallSet<int64_t, 8> seen;
  for (int64_t axis : axes) {
    std::optional<int64_t> dim = normalizeAxis(axis, rank);
    if (!dim || !seen.insert(*dim).second)
      return std::nullopt;
    normalized.push_back(*dim);
  }
  return normalized;
}

SmallVector<int64_t> data_movement::inferReshape(ArrayRef<int64_t> input,
                                                 ArrayRef<int64_t> shape,
                                                 bool allowZero) {
  SmallVector<int64_t> result;
  int64_t inferredPos = -1, numInferred = 0;
  for (auto [i, size] : llvm::enumerate(shape)) {
    if (size == 0 && !allowZero) {
      result.push_back(i < input.size() ? input[i] : ShapedType::kDynamic);
    } else if (size == -1) {
      inferredPos = i;
      ++numInferred;
      result.push_back(ShapedType::kDynamic);
    } else {
      result.push_back(size < 0 ? ShapedType::kDynamic : size);
    }
  }
  if (numInferred != 1)
    return result;
  SmallVector<int64_t> known(result);
  known.erase(known.begin() + inferredPos);
  std::optional<int64_t> total = getNumElements(input);
  std::optional<int64_t> rest = getNumElements(known);
  if (total && rest && *rest != 0 && *total % *rest == 0)
    result[inferredPos] = *total / *rest;
  return result;
}

std::optional<SliceRange> data_movement::resolveSlice(int64_t start,
                                                      int64_t end,
                                                      int64_t step,
                                                      int64_t size) {
  if (step == 0 || ShapedType::isDynamic(size))
    return std::nullopt;
  // Negative bounds count from the end; INT64_MIN + size cannot overflow.
  if (start < 0)
    start += size;
  if (end < 0)
    end += size;
  if (step > 0) {
    start = std::clamp<int64_t>(start, 0, size);
    end = std::clamp<int64_t>(end, 0, size);
  } else {
    start = std::clamp<int64_t>(start, 0, size - 1);
    end = std::clamp<int64_t>(end, -1, size - 1);
  }
  // Widen so that a step of INT64_MIN or a span near INT64_MAX cannot
  // overflow.
  __int128 span = (__int128)end - start;
  __int128 count = step > 0 ? (span + step - 1) / step : (span + step + 1) / step;
  return SliceRange{start, std::max<int64_t>((int64_t)count, 0), step};
}

std::optional<SliceParams> data_movement::getSliceParams(SliceOp::Adaptor adaptor,
                                                         int64_t rank) {
  std::optional<SmallVector<int64_t>> starts =
      getConstantIntValues(adaptor.getStarts());
  std::optional<SmallVector<int64_t>> ends =
      getConstantIntValues(adaptor.getEnds());
  if (!starts || !ends || starts->size() != ends->size())
    return std::nullopt;
  SliceParams params{*starts, *ends, {}, {}};
  if (Value axes = adaptor.getAxes()) {
    std::optional<SmallVector<int64_t>> values = getConstantIntValues(axes);
    if (!values)
      return std::nullopt;
    params.axes = *values;
  } else {
    params.axes = llvm::to_vector(llvm::seq<int64_t>(0, starts->size()));
  }
  if (Value steps = adaptor.getSteps()) {
    std::optional<SmallVector<int64_t>> values = getConstantIntValues(steps);
    if (!values)
      return std::nullopt;
    params.steps = *values;
  } else {
    params.steps.assign(starts->size(), 1);
  }
  if (params.axes.size() != starts->size() ||
      params.steps.size() != starts->size())
    return std::nullopt;
  std::optional<SmallVector<int64_t>> axes = normalizeAxes(params.axes, rank);
  if (!axes)
    return std::nullopt;
  params.axes = *axes;
  return params;
}

SmallVector<int64_t> data_movement::getShapeSizes(ShapeOp::Adaptor adaptor) {
  ArrayRef<int64_t> dims = getRankedTensorType(adaptor.getData()).getShape();
  auto [start, end] = getShapeBounds(adaptor, dims.size());
  return SmallVector<int64_t>(dims.slice(start, end - start));
}

std::pair<int64_t, int64_t>
data_movement::getShapeBounds(ShapeOp::Adaptor adaptor, int64_t rank) {
  auto clampBound = [rank](int64_t bound) {
    if (bound < 0)
      bound += rank;
    return std::clamp<int64_t>(bound, 0, rank);
  };
  int64_t start = clampBound(adaptor.getStart());
  int64_t end = clampBound(adaptor.getEnd().value_or(rank));
  return {start, std::max(start, end)};
}

bool data_movement::hasInferredTypes(Operation *op) {
  SmallVector<Type> inferred;
  return succeeded(cast<InferTypeOpInterface>(op).inferReturnTypes(
             op->getContext(), op->getLoc(), op->getOperands(),
             op->getRawDictionaryAttrs(), op->getPropertiesStorage(),
             op->getRegions(), inferred)) &&
         TypeRange(inferred) == op->getResultTypes();
}

static LogicalResult verifyAxes(Operation *op, StringRef name,
                                ArrayRef<int64_t> axes, int64_t rank) {
  llvm::SmallSet<int64_t, 8> seen;
  for (int64_t axis : axes) {
    std::optional<int64_t> dim = normalizeAxis(axis, rank);
    if (!dim)
      return op->emitOpError("'")
             << name << "' value " << axis << " is out of range [" << -rank
             << ", " << rank << ")";
    if (!seen.insert(*dim).second)
      return op->emitOpError("'") << name << "' repeats axis " << *dim;
  }
  return success();
}

static LogicalResult verifyAxis(Operation *op, StringRef name, int64_t axis,
                                int64_t rank) {
  if (!normalizeAxis(axis, rank))
    return op->emitOpError("'") << name << "' " << axis
                                << " is out of range [" << -rank << ", "
                                << rank << ")";
  return success();
}

static SmallVector<int64_t> dynamicShape(int64_t rank) {
  return SmallVector<int64_t>(std::max<int64_t>(rank, 0), ShapedType::kDynamic);
}

static void pushTensor(SmallVectorImpl<Type> &types, ArrayRef<int64_t> shape,
                       Type elementType) {
  types.push_back(RankedTensorType::get(shape, elementType));
}

//===----------------------------------------------------------------------===//
// ReshapeOp
//===----------------------------------------------------------------------===//

LogicalResult ReshapeOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &types) {
  RankedTensorType input = getRankedTensorType(adaptor.getData());
  int64_t rank = getRankedTensorType(adaptor.getShape()).getDimSize(0);
  std::optional<SmallVector<int64_t>> shape =
      getConstantIntValues(adaptor.getShape());
  if (shape && (int64_t)shape->size() == rank)
    pushTensor(types,
               inferReshape(input.getShape(), *shape, adaptor.getAllowzero()),
               input.getElementType());
  else
    pushTensor(types, dynamicShape(rank), input.getElementType());
  return success();
}

LogicalResult ReshapeOp::verify() {
  if (int64_t allowZero = getAllowzero(); allowZero != 0 && allowZero != 1)
    return emitOpError("'allowzero' must be 0 or 1, got ") << allowZero;
  std::optional<SmallVector<int64_t>> shape = getConstantIntValues(getShape());
  if (!shape)
    return success();
  RankedTensorType input = getRankedTensorType(getData());
  bool hasZero = false;
  int64_t numInferred = 0;
  for (auto [i, size] : llvm::enumerate(*shape)) {
    if (size < -1)
      return emitOpError("'shape' has an invalid size ") << size;
    numInferred += size == -1;
    hasZero |= size == 0;
    if (size == 0 && !getAllowzero() && (int64_t)i >= input.getRank())
      return emitOpError("'shape' copies dimension ")
             << i << " (a 0) that the input of rank " << input.getRank()
             << " does not have";
  }
  if (numInferred > 1)
    return emitOpError("'shape' has more than one -1");
  if (numInferred && hasZero && getAllowzero())
    return emitOpError("'shape' has both -1 and 0 with allowzero = 1");
  SmallVector<int64_t> result =
      inferReshape(input.getShape(), *shape, getAllowzero());
  std::optional<int64_t> inputCount = getNumElements(input.getShape());
  std::optional<int64_t> resultCount = getNumElements(result);
  if (inputCount && resultCount && *inputCount != *resultCount)
    return emitOpError("cannot reshape ")
           << *inputCount << " elements to shape [" << *shape << "]";
  if (numInferred && inputCount && !resultCount &&
      llvm::none_of(result, ShapedType::isDynamic))
    return emitOpError("cannot reshape ")
           << *inputCount << " elements to shape [" << *shape << "]";
  if (numInferred && inputCount && llvm::count_if(result, ShapedType::isDynamic) == 1) {
    SmallVector<int64_t> known =
        llvm::filter_to_vector(result, [](int64_t size) {
          return !ShapedType::isDynamic(size);
        });
    std::optional<int64_t> rest = getNumElements(known);
    if (rest && (*rest == 0 ? *inputCount != 0 : *inputCount % *rest != 0))
      return emitOpError("cannot reshape ")
             << *inputCount << " elements to shape [" << *shape << "]";
  }
  return success();
}

//===----------------------------------------------------------------------===//
// FlattenOp
//===----------------------------------------------------------------------===//

LogicalResult FlattenOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &types) {
  RankedTensorType input = getRankedTensorType(adaptor.getData());
  int64_t rank = input.getRank(), axis = adaptor.getAxis();
  if (axis < 0)
    axis += rank;
  if (axis < 0 || axis > rank) {
    pushTensor(types, dynamicShape(2), input.getElementType());
    return success();
  }
  auto product = [](ArrayRef<int64_t> dims) {
    return getNumElements(dims).value_or(ShapedType::kDynamic);
  };
  ArrayRef<int64_t> dims = input.getShape();
  pushTensor(types, {product(dims.take_front(axis)), product(dims.drop_front(axis))},
             input.getElementType());
  return success();
}

LogicalResult FlattenOp::verify() {
  int64_t rank = getRankedTensorType(getData()).getRank(), axis = getAxis();
  if (axis < -rank || axis > rank)
    return emitOpError("'axis' ")
           << axis << " is out of range [" << -rank << ", " << rank << "]";
  return success();
}

//===----------------------------------------------------------------------===//
// SqueezeOp
//===----------------------------------------------------------------------===//

LogicalResult SqueezeOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &types) {
  RankedTensorType input = getRankedTensorType(adaptor.getData());
  ArrayRef<int64_t> dims = input.getShape();
  Type elementType = input.getElementType();
  if (!adaptor.getAxes()) {
    // Dynamic sizes are kept; the verifier rejects them.
    pushTensor(types,
               llvm::filter_to_vector(dims, [](int64_t size) { return size != 1; }),
               elementType);
    return success();
  }
  int64_t numAxes = getRankedTensorType(adaptor.getAxes()).getDimSize(0);
  std::optional<SmallVector<int64_t>> axes =
      getConstantIntValues(adaptor.getAxes());
  std::optional<SmallVector<int64_t>> normalized;
  if (axes)
    normalized = normalizeAxes(*axes, dims.size());
  if (!normalized) {
    pushTensor(types, dynamicShape(input.getRank() - numAxes), elementType);
    return success();
  }
  SmallVector<int64_t> result;
  for (auto [i, size] : llvm::enumerate(dims))
    if (!llvm::is_contained(*normalized, (int64_t)i))
      result.push_back(size);
  pushTensor(types, result, elementType);
  return success();
}

LogicalResult SqueezeOp::verify() {
  RankedTensorType input = getRankedTensorType(getData());
  if (!getAxes()) {
    if (!input.hasStaticShape())
      return emitOpError("without 'axes' needs an input of static shape, got ")
             << input;
    return success();
  }
  int64_t numAxes = getRankedTensorType(getAxes()).getDimSize(0);
  if (numAxes > input.getRank())
    return emitOpError("has ") << numAxes << " 'axes' for an input of rank "
                               << input.getRank();
  std::optional<SmallVector<int64_t>> axes = getConstantIntValues(getAxes());
  if (!axes)
    return success();
  if (failed(verifyAxes(*this, "axes", *axes, input.getRank())))
    return failure();
  for (int64_t axis : *axes) {
    int64_t size = input.getDimSize(*normalizeAxis(axis, input.getRank()));
    if (!ShapedType::isDynamic(size) && size != 1)
      return emitOpError("squeezes dimension ")
             << axis << " of size " << size << " (not 1)";
  }
  return success();
}

//===----------------------------------------------------------------------===//
// UnsqueezeOp
//===----------------------------------------------------------------------===//

LogicalResult UnsqueezeOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location>,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &types) {
  RankedTensorType input = getRankedTensorType(adaptor.getData());
  int64_t rank =
      input.getRank() + getRankedTensorType(adaptor.getAxes()).getDimSize(0);
  std::optional<SmallVector<int64_t>> axes =
      getConstantIntValues(adaptor.getAxes());
  std::optional<SmallVector<int64_t>> normalized;
  if (axes)
    normalized = normalizeAxes(*axes, rank);
  if (!normalized) {
    pushTensor(types, dynamicShape(rank), input.getElementType());
    return success();
  }
  SmallVector<int64_t> result;
  ArrayRef<int64_t> rest = input.getShape();
  for (int64_t i = 0; i < rank; ++i) {
    if (llvm::is_contained(*normalized, i)) {
      result.push_back(1);
    } else {
      result.push_back(rest.front());
      rest = rest.drop_front();
    }
  }
  pushTensor(types, result, input.getElementType());
  return success();
}

LogicalResult UnsqueezeOp::verify() {
  int64_t rank = getRankedTensorType(getData()).getRank() +
                 getRankedTensorType(getAxes()).getDimSize(0);
  std::optional<SmallVector<int64_t>> axes = getConstantIntValues(getAxes());
  if (axes)
    return verifyAxes(*this, "axes", *axes, rank);
  return success();
}

//===----------------------------------------------------------------------===//
// TransposeOp
//===----------------------------------------------------------------------===//

bool data_movement::isPermutation(ArrayRef<int64_t> perm, int64_t rank) {
  if ((int64_t)perm.size() != rank)
    return false;
  SmallVector<bool> seen(rank, false);
  for (int64_t dim : perm) {
    if (dim < 0 || dim >= rank || seen[dim])
      return false;
    seen[dim] = true;
  }
  return true;
}

static SmallVector<int64_t> getPermutationOrReverse(std::optional<ArrayRef<int64_t>> perm,
                                          int64_t rank) {
  if (perm)
    return SmallVector<int64_t>(*perm);
  return llvm::to_vector(llvm::reverse(llvm::seq<int64_t>(0, rank)));
}

SmallVector<int64_t> TransposeOp::getPermutation() {
  return getPermutationOrReverse(getPerm(),
                                 getRankedTensorType(getData()).getRank());
}

LogicalResult TransposeOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location>,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &types) {
  RankedTensorType input = getRankedTensorType(adaptor.getData());
  SmallVector<int64_t> perm =
      getPermutationOrReverse(adaptor.getPerm(), input.getRank());
  if (!isPermutation(perm, input.getRank())) {
    pushTensor(types, dynamicShape(input.getRank()), input.getElementType());
    return success();
  }
  pushTensor(types,
             llvm::map_to_vector(perm, [&](int64_t dim) {
               return input.getDimSize(dim);
             }),
             input.getElementType());
  return success();
}

LogicalResult TransposeOp::verify() {
  int64_t rank = getRankedTensorType(getData()).getRank();
  if (!isPermutation(getPermutation(), rank))
    return emitOpError("'perm' [")
           << getPermutation() << "] is not a permutation of the " << rank
           << " input dimensions";
  return success();
}

//===----------------------------------------------------------------------===//
// ConcatOp
//===----------------------------------------------------------------------===//

LogicalResult ConcatOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> location,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  // The only operands inference cannot handle: there is no element type.
  if (adaptor.getInputs().empty())
    return emitOptionalError(location, "'graph.concat' needs at least one input");
  RankedTensorType first = getRankedTensorType(adaptor.getInputs().front());
  int64_t rank = first.getRank();
  std::optional<int64_t> axis = normalizeAxis(adaptor.getAxis(), rank);
  bool sameRanks = llvm::all_of(adaptor.getInputs(), [&](Value input) {
    return getRankedTensorType(input).getRank() == rank;
  });
  if (!axis || !sameRanks) {
    pushTensor(types, dynamicShape(rank), first.getElementType());
    return success();
  }
  SmallVector<int64_t> result = dynamicShape(rank);
  result[*axis] = 0;
  for (Value input : adaptor.getInputs()) {
    for (auto [dim, size] :
         llvm::enumerate(getRankedTensorType(input).getShape())) {
      if ((int64_t)dim == *axis) {
        result[dim] = ShapedType::isDynamic(size) || ShapedType::isDynamic(result[dim])
                          ? ShapedType::kDynamic
                          : result[dim] + size;
      } else if (ShapedType::isDynamic(result[dim])) {
        result[dim] = size;
      }
    }
  }
  pushTensor(types, result, first.getElementType());
  return success();
}

LogicalResult ConcatOp::verify() {
  RankedTensorType first = getRankedTensorType(getInputs().front());
  int64_t rank = first.getRank();
  if (failed(verifyAxis(*this, "axis", getAxis(), rank)))
    return failure();
  int64_t axis = *normalizeAxis(getAxis(), rank);
  for (Value input : getInputs()) {
    RankedTensorType type = getRankedTensorType(input);
    if (type.getRank() != rank)
      return emitOpError("inputs have different ranks: ")
             << first << " and " << type;
    for (int64_t dim = 0; dim < rank; ++dim) {
      int64_t a = first.getDimSize(dim), b = type.getDimSize(dim);
      if (dim != axis && !ShapedType::isDynamic(a) &&
          !ShapedType::isDynamic(b) && a != b)
        return emitOpError("inputs ")
               << first << " and " << type << " differ in dimension " << dim
               << ", which is not the concatenation axis";
    }
  }
  return success();
}

//===----------------------------------------------------------------------===//
// SplitOp
//===----------------------------------------------------------------------===//

std::optional<SmallVector<int64_t>>
data_movement::getSplitSizes(SplitOp::Adaptor adaptor) {
  RankedTensorType input = getRankedTensorType(adaptor.getInput());
  int64_t numOutputs = adaptor.getNumOutputs();
  std::optional<int64_t> axis = normalizeAxis(adaptor.getAxis(), input.getRank());
  if (numOutputs < 1 || !axis)
    return std::nullopt;
  if (adaptor.getSplit()) {
    std::optional<SmallVector<int64_t>> sizes =
        getConstantIntValues(adaptor.getSplit());
    if (!sizes || (int64_t)sizes->size() != numOutputs ||
        llvm::any_of(*sizes, [](int64_t size) { return size < 0; }))
      return std::nullopt;
    return sizes;
  }
  int64_t size = input.getDimSize(*axis);
  if (ShapedType::isDynamic(size))
    return std::nullopt;
  int64_t part = llvm::divideCeil(size, numOutputs);
  int64_t last = size - part * (numOutputs - 1);
  if (last < 0)
    return std::nullopt;
  SmallVector<int64_t> sizes(numOutputs, part);
  sizes.back() = last;
  return sizes;
}

LogicalResult SplitOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &types) {
  RankedTensorType input = getRankedTensorType(adaptor.getInput());
  int64_t numOutputs = adaptor.getNumOutputs();
  std::optional<int64_t> axis = normalizeAxis(adaptor.getAxis(), input.getRank());
  std::optional<SmallVector<int64_t>> sizes = getSplitSizes(adaptor);
  for (int64_t i = 0; i < numOutputs; ++i) {
    SmallVector<int64_t> shape(input.getShape());
    if (!axis)
      shape = dynamicShape(input.getRank());
    else
      shape[*axis] = sizes ? (*sizes)[i] : ShapedType::kDynamic;
    pushTensor(types, shape, input.getElementType());
  }
  return success();
}

LogicalResult SplitOp::verify() {
  RankedTensorType input = getRankedTensorType(getInput());
  int64_t numOutputs = getNumOutputs();
  if (numOutputs < 1)
    return emitOpError("'num_outputs' must be positive, got ") << numOutputs;
  if (failed(verifyAxis(*this, "axis", getAxis(), input.getRank())))
    return failure();
  int64_t size = input.getDimSize(*normalizeAxis(getAxis(), input.getRank()));
  if (!getSplit()) {
    if (!ShapedType::isDynamic(size) && !getSplitSizes(Adaptor(*this)))
      return emitOpError("cannot split size ")
             << size << " into " << numOutputs << " parts";
    return success();
  }
  int64_t length = getRankedTensorType(getSplit()).getDimSize(0);
  if (!ShapedType::isDynamic(length) && length != numOutputs)
    return emitOpError("'split' has ")
           << length << " sizes for " << numOutputs << " outputs";
  std::optional<SmallVector<int64_t>> sizes = getConstantIntValues(getSplit());
  if (!sizes)
    return success();
  if (llvm::any_of(*sizes, [](int64_t part) { return part < 0; }))
    return emitOpError("'split' has a negative size: [") << *sizes << "]";
  int64_t total = 0;
  for (int64_t part : *sizes)
    total += part;
  if (!ShapedType::isDynamic(size) && total != size)
    return emitOpError("'split' sizes [")
           << *sizes << "] do not add up to the size " << size << " of axis "
           << int64_t(getAxis());
  return success();
}

//===----------------------------------------------------------------------===//
// SliceOp
//===----------------------------------------------------------------------===//

LogicalResult SliceOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &types) {
  RankedTensorType input = getRankedTensorType(adaptor.getData());
  SmallVector<int64_t> result(input.getShape());
  std::optional<SmallVector<int64_t>> axes;
  if (adaptor.getAxes()) {
    if (std::optional<SmallVector<int64_t>> values =
            getConstantIntValues(adaptor.getAxes()))
      axes = normalizeAxes(*values, input.getRank());
  } else {
    int64_t count = getRankedTensorType(adaptor.getStarts()).getDimSize(0);
    if (!ShapedType::isDynamic(count) && count <= input.getRank())
      axes = llvm::to_vector(llvm::seq<int64_t>(0, count));
  }
  if (!axes) {
    pushTensor(types, dynamicShape(input.getRank()), input.getElementType());
    return success();
  }
  std::optional<SliceParams> params = getSliceParams(adaptor, input.getRank());
  for (auto [i, axis] : llvm::enumerate(*axes)) {
    std::optional<SliceRange> range;
    if (params)
      range = resolveSlice(params->starts[i], params->ends[i], params->steps[i],
                           input.getDimSize(axis));
    result[axis] = range ? range->count : ShapedType::kDynamic;
  }
  pushTensor(types, result, input.getElementType());
  return success();
}

LogicalResult SliceOp::verify() {
  int64_t rank = getRankedTensorType(getData()).getRank();
  int64_t count = getRankedTensorType(getStarts()).getDimSize(0);
  for (auto [name, value] :
       {std::pair<StringRef, Value>{"ends", getEnds()}, {"axes", getAxes()},
        {"steps", getSteps()}}) {
    if (!value)
      continue;
    int64_t length = getRankedTensorType(value).getDimSize(0);
    if (!ShapedType::isDynamic(count) && !ShapedType::isDynamic(length) &&
        length != count)
      return emitOpError("'")
             << name << "' has " << length << " values and 'starts' " << count;
  }
  if (!getAxes() && !ShapedType::isDynamic(count) && count > rank)
    return emitOpError("has ") << count << " 'starts' for an input of rank "
                               << rank;
  if (getAxes())
    if (std::optional<SmallVector<int64_t>> axes = getConstantIntValues(getAxes()))
      if (failed(verifyAxes(*this, "axes", *axes, rank)))
        return failure();
  if (getSteps())
    if (std::optional<SmallVector<int64_t>> steps = getConstantIntValues(getSteps()))
      if (llvm::is_contained(*steps, 0))
        return emitOpError("'steps' has a 0");
  return success();
}

//===----------------------------------------------------------------------===//
// ExpandOp
//===----------------------------------------------------------------------===//

LogicalResult ExpandOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  RankedTensorType input = getRankedTensorType(adaptor.getData());
  int64_t length = getRankedTensorType(adaptor.getShape()).getDimSize(0);
  SmallVector<int64_t> shape = getConstantIntValues(adaptor.getShape())
                                   .value_or(dynamicShape(length));
  for (int64_t &size : shape)
    if (size < 0)
      size = ShapedType::kDynamic;
  pushTensor(types, broadcastShapes(input.getShape(), shape),
             input.getElementType());
  return success();
}

LogicalResult ExpandOp::verify() {
  std::optional<SmallVector<int64_t>> shape = getConstantIntValues(getShape());
  if (!shape)
    return success();
  if (llvm::any_of(*shape, [](int64_t size) { return size < 0; }))
    return emitOpError("'shape' has a negative size: [") << *shape << "]";
  ArrayRef<int64_t> input = getRankedTensorType(getData()).getShape();
  for (size_t i = 1; i <= std::min(input.size(), shape->size()); ++i) {
    int64_t a = input[input.size() - i], b = (*shape)[shape->size() - i];
    if (!ShapedType::isDynamic(a) && a != 1 && b != 1 && a != b)
      return emitOpError("input shape [")
             << input << "] does not broadcast to 'shape' [" << *shape << "]";
  }
  return success();
}

//===----------------------------------------------------------------------===//
// TileOp
//===----------------------------------------------------------------------===//

LogicalResult TileOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &types) {
  RankedTensorType input = getRankedTensorType(adaptor.getData());
  SmallVector<int64_t> result = dynamicShape(input.getRank());
  std::optional<SmallVector<int64_t>> repeats =
      getConstantIntValues(adaptor.getRepeats());
  if (repeats && (int64_t)repeats->size() == input.getRank()) {
    for (auto [i, size] : llvm::enumerate(input.getShape())) {
      int64_t repeat = (*repeats)[i];
      if (repeat == 1)
        result[i] = size;
      else if (repeat == 0)
        result[i] = 0;
      else if (!ShapedType::isDynamic(size) && repeat > 0 &&
               size <= std::numeric_limits<int64_t>::max() / repeat)
        result[i] = size * repeat;
    }
  }
  pushTensor(types, result, input.getElementType());
  return success();
}

LogicalResult TileOp::verify() {
  int64_t rank = getRankedTensorType(getData()).getRank();
  int64_t length = getRankedTensorType(getRepeats()).getDimSize(0);
  if (!ShapedType::isDynamic(length) && length != rank)
    return emitOpError("'repeats' has ")
           << length << " values for an input of rank " << rank;
  if (std::optional<SmallVector<int64_t>> repeats =
          getConstantIntValues(getRepeats()))
    if (llvm::any_of(*repeats, [](int64_t repeat) { return repeat < 0; }))
      return emitOpError("'repeats' has a negative value: [") << *repeats << "]";
  return success();
}

//===----------------------------------------------------------------------===//
// PadOp
//===----------------------------------------------------------------------===//

/// The padded axes: `axes` when given (std::nullopt when not constant or
/// invalid), all axes otherwise.
static std::optional<SmallVector<int64_t>> getPaddedAxes(Value axes,
                                                         int64_t rank) {
  if (!axes)
    return llvm::to_vector(llvm::seq<int64_t>(0, rank));
  if (std::optional<SmallVector<int64_t>> values = getConstantIntValues(axes))
    return normalizeAxes(*values, rank);
  return std::nullopt;
}

LogicalResult PadOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                      Adaptor adaptor,
                                      SmallVectorImpl<Type> &types) {
  RankedTensorType input = getRankedTensorType(adaptor.getData());
  SmallVector<int64_t> result(input.getShape());
  std::optional<SmallVector<int64_t>> axes =
      getPaddedAxes(adaptor.getAxes(), input.getRank());
  if (!axes) {
    pushTensor(types, dynamicShape(input.getRank()), input.getElementType());
    return success();
  }
  std::optional<SmallVector<int64_t>> pads =
      getConstantIntValues(adaptor.getPads());
  bool knownPads = pads && pads->size() == 2 * axes->size();
  for (auto [i, axis] : llvm::enumerate(*axes)) {
    int64_t &size = result[axis];
    if (!knownPads) {
      size = ShapedType::kDynamic;
      continue;
    }
    int64_t before = (*pads)[i], after = (*pads)[i + axes->size()];
    if (ShapedType::isDynamic(size) || (before == 0 && after == 0))
      continue;
    __int128 padded = (__int128)size + before + after;
    // A negative size (the verifier rejects it) is unknown.
    size = padded <= std::numeric_limits<int64_t>::max() && padded >= 0
               ? (int64_t)padded
               : ShapedType::kDynamic;
  }
  pushTensor(types, result, input.getElementType());
  return success();
}

LogicalResult PadOp::verify() {
  StringRef mode = getMode();
  if (mode != "constant" && mode != "reflect" && mode != "edge")
    return emitOpError("'mode' must be \"constant\", \"reflect\" or \"edge\", got \"")
           << mode << "\"";
  RankedTensorType input = getRankedTensorType(getData());
  if (Value value = getConstantValue()) {
    if (getRankedTensorType(value).getElementType() != input.getElementType())
      return emitOpError("'constant_value' has element type ")
             << getRankedTensorType(value).getElementType() << ", not "
             << input.getElementType();
    if (getRankedTensorType(value).getNumElements() != 1)
      return emitOpError("'constant_value' must be a single value, got ")
             << value.getType();
  }
  int64_t numAxes = input.getRank();
  if (getAxes()) {
    numAxes = getRankedTensorType(getAxes()).getDimSize(0);
    if (std::optional<SmallVector<int64_t>> axes = getConstantIntValues(getAxes()))
      if (failed(verifyAxes(*this, "axes", *axes, input.getRank())))
        return failure();
  }
  int64_t numPads = getRankedTensorType(getPads()).getDimSize(0);
  if (!ShapedType::isDynamic(numPads) && !ShapedType::isDynamic(numAxes) &&
      numPads != 2 * numAxes)
    return emitOpError("'pads' has ")
           << numPads << " values for " << numAxes << " padded axes";
  std::optional<SmallVector<int64_t>> axes =
      getPaddedAxes(getAxes(), input.getRank());
  std::optional<SmallVector<int64_t>> pads = getConstantIntValues(getPads());
  if (!axes || !pads || pads->size() != 2 * axes->size())
    return success();
  for (auto [i, axis] : llvm::enumerate(*axes)) {
    int64_t size = input.getDimSize(axis);
    if (!ShapedType::isDynamic(size) &&
        (__int128)size + (*pads)[i] + (*pads)[i + axes->size()] < 0)
      return emitOpError("'pads' remove more than the ")
             << size << " elements of dimension " << axis;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// DepthToSpaceOp, SpaceToDepthOp
//===----------------------------------------------------------------------===//

/// The shape of moving `blocksize` x `blocksize` blocks of channels into
/// space (`toSpace`) or back, `?` where it does not divide.
static SmallVector<int64_t> inferBlockMove(ArrayRef<int64_t> input,
                                           int64_t blocksize, bool toSpace) {
  if (input.size() != 4)
    return dynamicShape(input.size());
  SmallVector<int64_t> result = dynamicShape(4);
  result[0] = input[0];
  if (blocksize <= 0 || blocksize > (1 << 20))
    return result;
  int64_t area = blocksize * blocksize;
  auto divide = [](int64_t size, int64_t by) {
    return ShapedType::isDynamic(size) || size % by ? ShapedType::kDynamic
                                                     : size / by;
  };
  auto multiply = [](int64_t size, int64_t by) {
    return ShapedType::isDynamic(size) ||
                   size > std::numeric_limits<int64_t>::max() / by
               ? ShapedType::kDynamic
               : size * by;
  };
  result[1] = toSpace ? divide(input[1], area) : multiply(input[1], area);
  for (int dim : {2, 3})
    result[dim] = toSpace ? multiply(input[dim], blocksize)
                          : divide(input[dim], blocksize);
  return result;
}

static LogicalResult verifyBlockMove(Operation *op, RankedTensorType input,
                                     int64_t blocksize, bool toSpace) {
  if (input.getRank() != 4)
    return op->emitOpError("needs a 4-D input, got ") << input;
  if (blocksize <= 0)
    return op->emitOpError("'blocksize' must be positive, got ") << blocksize;
  auto check = [&](int64_t dim, int64_t by) -> LogicalResult {
    int64_t size = input.getDimSize(dim);
    if (!ShapedType::isDynamic(size) && size % by)
      return op->emitOpError("dimension ")
             << dim << " of size " << size << " is not a multiple of " << by;
    return success();
  };
  if (toSpace)
    return check(1, blocksize * blocksize);
  if (failed(check(2, blocksize)))
    return failure();
  return check(3, blocksize);
}

LogicalResult DepthToSpaceOp::inferReturnTypes(MLIRContext *,
                                               std::optional<Location>,
                                               Adaptor adaptor,
                                               SmallVectorImpl<Type> &types) {
  RankedTensorType input = getRankedTensorType(adaptor.getInput());
  pushTensor(types,
             inferBlockMove(input.getShape(), adaptor.getBlocksize(), true),
             input.getElementType());
  return success();
}

LogicalResult DepthToSpaceOp::verify() {
  if (getMode() != "DCR" && getMode() != "CRD")
    return emitOpError("'mode' must be \"DCR\" or \"CRD\", got \"")
           << getMode() << "\"";
  return verifyBlockMove(*this, getRankedTensorType(getInput()), getBlocksize(),
                         true);
}

LogicalResult SpaceToDepthOp::inferReturnTypes(MLIRContext *,
                                               std::optional<Location>,
                                               Adaptor adaptor,
                                               SmallVectorImpl<Type> &types) {
  RankedTensorType input = getRankedTensorType(adaptor.getInput());
  pushTensor(types,
             inferBlockMove(input.getShape(), adaptor.getBlocksize(), false),
             input.getElementType());
  return success();
}

LogicalResult SpaceToDepthOp::verify() {
  return verifyBlockMove(*this, getRankedTensorType(getInput()), getBlocksize(),
                         false);
}

//===----------------------------------------------------------------------===//
// GatherOp, GatherElementsOp, GatherNDOp
//===----------------------------------------------------------------------===//

LogicalResult GatherOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  RankedTensorType data = getRankedTensorType(adaptor.getData());
  RankedTensorType indices = getRankedTensorType(adaptor.getIndices());
  std::optional<int64_t> axis = normalizeAxis(adaptor.getAxis(), data.getRank());
  if (!axis) {
    pushTensor(types, dynamicShape(data.getRank() + indices.getRank() - 1),
               data.getElementType());
    return success();
  }
  SmallVector<int64_t> result(data.getShape().take_front(*axis));
  llvm::append_range(result, indices.getShape());
  llvm::append_range(result, data.getShape().drop_front(*axis + 1));
  pushTensor(types, result, data.getElementType());
  return success();
}

LogicalResult GatherOp::verify() {
  RankedTensorType data = getRankedTensorType(getData());
  if (data.getRank() == 0)
    return emitOpError("needs 'data' of rank 1 or more");
  if (failed(verifyAxis(*this, "axis", getAxis(), data.getRank())))
    return failure();
  int64_t size = data.getDimSize(*normalizeAxis(getAxis(), data.getRank()));
  if (ShapedType::isDynamic(size))
    return success();
  if (std::optional<SmallVector<int64_t>> indices =
          getConstantIntValues(getIndices()))
    for (int64_t index : *indices)
      if (index < -size || index >= size)
        return emitOpError("index ")
               << index << " is out of range [" << -size << ", " << size
               << ")";
  return success();
}

LogicalResult GatherElementsOp::inferReturnTypes(
    MLIRContext *, std::optional<Location>, Adaptor adaptor,
    SmallVectorImpl<Type> &types) {
  pushTensor(types, getRankedTensorType(adaptor.getIndices()).getShape(),
             getRankedTensorType(adaptor.getData()).getElementType());
  return success();
}

LogicalResult GatherElementsOp::verify() {
  RankedTensorType data = getRankedTensorType(getData());
  RankedTensorType indices = getRankedTensorType(getIndices());
  if (data.getRank() == 0)
    return emitOpError("needs 'data' of rank 1 or more");
  if (indices.getRank() != data.getRank())
    return emitOpError("'indices' of rank ")
           << indices.getRank() << " does not match 'data' of rank "
           << data.getRank();
  return verifyAxis(*this, "axis", getAxis(), data.getRank());
}

LogicalResult GatherNDOp::inferReturnTypes(MLIRContext *,
                                           std::optional<Location>,
                                           Adaptor adaptor,
                                           SmallVectorImpl<Type> &types) {
  ArrayRef<int64_t> data = getRankedTensorType(adaptor.getData()).getShape();
  ArrayRef<int64_t> indices =
      getRankedTensorType(adaptor.getIndices()).getShape();
  Type elementType = getRankedTensorType(adaptor.getData()).getElementType();
  int64_t batchDims = adaptor.getBatchDims();
  int64_t rank = data.size(), indexRank = indices.size();
  if (indexRank == 0 || batchDims < 0 || batchDims >= std::min(rank, indexRank)) {
    pushTensor(types, dynamicShape(indexRank - 1), elementType);
    return success();
  }
  // A dynamic or too long index tuple (the verifier rejects them) is taken as
  // indexing all remaining dimensions.
  int64_t tuple = indices.back();
  if (ShapedType::isDynamic(tuple) || tuple > rank - batchDims || tuple < 1)
    tuple = rank - batchDims;
  SmallVector<int64_t> result;
  for (int64_t dim = 0; dim < batchDims; ++dim)
    result.push_back(ShapedType::isDynamic(data[dim]) ? indices[dim] : data[dim]);
  llvm::append_range(result, indices.slice(batchDims, indexRank - 1 - batchDims));
  llvm::append_range(result, data.drop_front(batchDims + tuple));
  pushTensor(types, result, elementType);
  return success();
}

LogicalResult GatherNDOp::verify() {
  ArrayRef<int64_t> data = getRankedTensorType(getData()).getShape();
  ArrayRef<int64_t> indices = getRankedTensorType(getIndices()).getShape();
  int64_t batchDims = getBatchDims();
  int64_t rank = data.size(), indexRank = indices.size();
  if (rank == 0 || indexRank == 0)
    return emitOpError("needs 'data' and 'indices' of rank 1 or more");
  if (batchDims < 0 || batchDims >= std::min(rank, indexRank))
    return emitOpError("'batch_dims' ")
           << batchDims << " must be in [0, " << std::min(rank, indexRank)
           << ")";
  int64_t tuple = indices.back();
  if (ShapedType::isDynamic(tuple))
    return emitOpError("needs the last dimension of 'indices' to be static");
  if (tuple < 1 || tuple > rank - batchDims)
    return emitOpError("index tuples of size ")
           << tuple << " must be in [1, " << rank - batchDims << "]";
  for (int64_t dim = 0; dim < batchDims; ++dim)
    if (!ShapedType::isDynamic(data[dim]) &&
        !ShapedType::isDynamic(indices[dim]) && data[dim] != indices[dim])
      return emitOpError("batch dimension ")
             << dim << " differs: " << data[dim] << " in 'data', "
             << indices[dim] << " in 'indices'";
  return success();
}

//===----------------------------------------------------------------------===//
// ShapeOp, SizeOp
//===----------------------------------------------------------------------===//

LogicalResult ShapeOp::inferReturnTypes(MLIRContext *context,
                                        std::optional<Location>,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &types) {
  auto [start, end] =
      getShapeBounds(adaptor, getRankedTensorType(adaptor.getData()).getRank());
  pushTensor(types, {end - start}, IntegerType::get(context, 64));
  return success();
}

LogicalResult SizeOp::inferReturnTypes(MLIRContext *context,
                                       std::optional<Location>, Adaptor,
                                       SmallVectorImpl<Type> &types) {
  pushTensor(types, {}, IntegerType::get(context, 64));
  return success();
}

//===----------------------------------------------------------------------===//
// RangeOp
//===----------------------------------------------------------------------===//

std::optional<int64_t> data_movement::getRangeLength(Attribute start,
                                                     Attribute limit,
                                                     Attribute delta) {
  auto startValues = dyn_cast_if_present<DenseElementsAttr>(start);
  auto limitValues = dyn_cast_if_present<DenseElementsAttr>(limit);
  auto deltaValues = dyn_cast_if_present<DenseElementsAttr>(delta);
  if (!startValues || !limitValues || !deltaValues)
    return std::nullopt;
  double count;
  if (isa<FloatType>(startValues.getElementType())) {
    double step = deltaValues.getSplatValue<APFloat>().convertToDouble();
    if (step == 0)
      return std::nullopt;
    count = std::ceil((limitValues.getSplatValue<APFloat>().convertToDouble() -
                       startValues.getSplatValue<APFloat>().convertToDouble()) /
                      step);
  } else {
    bool isUnsigned = startValues.getElementType().isUnsignedInteger();
    auto toInt = [isUnsigned](DenseElementsAttr values) -> __int128 {
      APInt value = values.getSplatValue<APInt>();
      return isUnsigned ? (__int128)value.getZExtValue()
                        : (__int128)value.getSExtValue();
    };
    __int128 step = toInt(deltaValues);
    if (step == 0)
      return std::nullopt;
    __int128 span = toInt(limitValues) - toInt(startValues);
    __int128 steps = step > 0 ? (span + step - 1) / step : (span + step + 1) / step;
    count = (double)steps;
  }
  if (!(count < (double)(1LL << 62)))
    return std::nullopt;
  return std::max<int64_t>((int64_t)count, 0);
}

static Attribute getConstantAttr(Value value) {
  Attribute attr;
  if (value && matchPattern(value, m_Constant(&attr)))
    return attr;
  return nullptr;
}

LogicalResult RangeOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &types) {
  std::optional<int64_t> length = getRangeLength(
      getConstantAttr(adaptor.getStart()), getConstantAttr(adaptor.getLimit()),
      getConstantAttr(adaptor.getDelta()));
  pushTensor(types, {length.value_or(ShapedType::kDynamic)},
             getRankedTensorType(adaptor.getStart()).getElementType());
  return success();
}

LogicalResult RangeOp::verify() {
  auto delta = dyn_cast_if_present<DenseElementsAttr>(getConstantAttr(getDelta()));
  if (!delta)
    return success();
  bool isZero = isa<FloatType>(delta.getElementType())
                    ? delta.getSplatValue<APFloat>().isZero()
                    : delta.getSplatValue<APInt>().isZero();
  if (isZero)
    return emitOpError("'delta' is 0");
  return success();
}

//===----------------------------------------------------------------------===//
// ConstantOfShapeOp
//===----------------------------------------------------------------------===//

LogicalResult ConstantOfShapeOp::inferReturnTypes(
    MLIRContext *context, std::optional<Location>, Adaptor adaptor,
    SmallVectorImpl<Type> &types) {
  int64_t rank = getRankedTensorType(adaptor.getInput()).getDimSize(0);
  SmallVector<int64_t> shape = getConstantIntValues(adaptor.getInput())
                                   .value_or(dynamicShape(rank));
  for (int64_t &size : shape)
    if (size < 0)
      size = ShapedType::kDynamic;
  Type elementType = Float32Type::get(context);
  if (ElementsAttr value = adaptor.getValueAttr())
    elementType = value.getElementType();
  pushTensor(types, shape, elementType);
  return success();
}

LogicalResult ConstantOfShapeOp::verify() {
  if (ElementsAttr value = getValueAttr())
    if (value.getNumElements() != 1)
      return emitOpError("'value' must have one element, got ")
             << value.getType();
  if (std::optional<SmallVector<int64_t>> shape = getConstantIntValues(getInput()))
    if (llvm::any_of(*shape, [](int64_t size) { return size < 0; }))
      return emitOpError("'input' has a negative size: [") << *shape << "]";
  return success();
}
