//===- DataMovementFolds.cpp - Folders of data-movement and shape ops -----===//
//
// Exported models compute shapes at run time (Shape -> Gather -> Unsqueeze ->
// Concat -> Reshape, Slice of Shape, ConstantOfShape, Range, Expand); with
// static input shapes these folders and patterns reduce such chains to
// constants and reshapes of static type:
//  - graph.shape/size of static sizes fold to constants, and gather/slice of
//    graph.shape fold where the picked sizes are static;
//  - reordering ops fold constant inputs (dense, not dense_resource, up to
//    kMaxFoldedElements elements; splats of any size);
//  - once an operand is constant, RefineResultTypes gives a result its
//    static type (in place, where every user is a graph operator, which
//    accepts it);
//  - squeeze/unsqueeze/flatten of static type become reshapes with a
//    constant shape; reshape(reshape) and transpose(transpose) compose.
//
//===----------------------------------------------------------------------===//

#include "DataMovementUtils.h"

#include "mlir/IR/PatternMatch.h"

using namespace mlir;
using namespace tessera::graph;
using namespace tessera::graph::data_movement;

/// Larger constants are left for run time: folding copies them.
static constexpr int64_t kMaxFoldedElements = 1 << 20;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// `attr` as a dense constant whose elements folders may rearrange.
static DenseElementsAttr getFoldableConstant(Attribute attr) {
  auto dense = dyn_cast_if_present<DenseElementsAttr>(attr);
  if (!dense || !isa<FloatType, IntegerType>(dense.getElementType()))
    return nullptr;
  if (!dense.isSplat() && dense.getNumElements() > kMaxFoldedElements)
    return nullptr;
  return dense;
}

static SmallVector<int64_t> getStrides(ArrayRef<int64_t> shape) {
  SmallVector<int64_t> strides(shape.size(), 1);
  for (int64_t dim = (int64_t)shape.size() - 2; dim >= 0; --dim)
    strides[dim] = strides[dim + 1] * shape[dim + 1];
  return strides;
}

/// For each element of static `shape` in row-major order, the flat index of
/// the source element `sourceIndex` gives for its multi-dimensional index.
static SmallVector<int64_t>
mapIndices(ArrayRef<int64_t> shape,
           function_ref<int64_t(ArrayRef<int64_t>)> sourceIndex) {
  int64_t count = *getNumElements(shape);
  SmallVector<int64_t> indices, index(shape.size(), 0);
  indices.reserve(count);
  for (int64_t i = 0; i < count; ++i) {
    indices.push_back(sourceIndex(index));
    for (int64_t dim = (int64_t)shape.size() - 1; dim >= 0; --dim) {
      if (++index[dim] < shape[dim])
        break;
      index[dim] = 0;
    }
  }
  return indices;
}

/// A constant of static `type` whose elements are those of the
/// (concatenated) `sources` at the flat indices `getIndices` gives; null when
/// the result would be too large (unless it is a splat).
static DenseElementsAttr
pickElements(ArrayRef<DenseElementsAttr> sources, RankedTensorType type,
             function_ref<SmallVector<int64_t>()> getIndices) {
  if (!type.hasStaticShape())
    return nullptr;
  bool isSplat = llvm::all_of(sources, [&](DenseElementsAttr source) {
    return source.isSplat() && source.getSplatValue<Attribute>() ==
                                   sources.front().getSplatValue<Attribute>();
  });
  if (isSplat)
    return DenseElementsAttr::get(type,
                                  sources.front().getSplatValue<Attribute>());
  if (type.getNumElements() > kMaxFoldedElements)
    return nullptr;
  SmallVector<int64_t> indices = getIndices();
  auto pick = [&](auto sample) {
    using T = decltype(sample);
    SmallVector<T> all;
    for (DenseElementsAttr source : sources)
      llvm::append_range(all, source.getValues<T>());
    return DenseElementsAttr::get(
        type, llvm::map_to_vector(indices, [&](int64_t i) { return all[i]; }));
  };
  if (isa<FloatType>(type.getElementType()))
    return pick(APFloat(0.0f));
  return pick(APInt());
}

/// The elements of `data` (folded to `attr`) at the flat indices
/// `getIndices` gives, as a constant of `type`: from a foldable constant, or
/// from graph.shape where the picked sizes are static.
static OpFoldResult pickFrom(Attribute attr, Value data, RankedTensorType type,
                             function_ref<SmallVector<int64_t>()> getIndices) {
  if (DenseElementsAttr constant = getFoldableConstant(attr))
    return pickElements({constant}, type, getIndices);
  auto shape = data.getDefiningOp<ShapeOp>();
  if (!shape || !type.hasStaticShape())
    return {};
  SmallVector<int64_t> sizes = getShapeSizes(shape), picked;
  for (int64_t i : getIndices()) {
    if (ShapedType::isDynamic(sizes[i]))
      return {};
    picked.push_back(sizes[i]);
  }
  return DenseElementsAttr::get(type, ArrayRef<int64_t>(picked));
}

/// The result of an op that only reshapes `data` into `type`.
static OpFoldResult foldReshapeLike(Value data, Attribute dataAttr,
                                    RankedTensorType type) {
  if (data.getType() == type && type.hasStaticShape())
    return data;
  if (!type.hasStaticShape())
    return {};
  if (DenseElementsAttr constant = getFoldableConstant(dataAttr))
    return constant.reshape(type);
  return {};
}

static Value createShapeConstant(PatternRewriter &rewriter, Location loc,
                                 ArrayRef<int64_t> shape) {
  auto type = RankedTensorType::get({(int64_t)shape.size()},
                                    rewriter.getI64Type());
  return ConstantOp::create(rewriter, loc,
                            DenseElementsAttr::get(type, shape));
}

namespace {

/// Gives results the static sizes inference finds now that an operand is
/// constant or has a more static type. The type changes in place, so only
/// where every user is a graph operator that infers its own types (and so
/// accepts a refined operand); users are revisited to refine theirs.
struct RefineResultTypes : public RewritePattern {
  RefineResultTypes(StringRef opName, MLIRContext *context)
      : RewritePattern(opName, /*benefit=*/2, context) {}

  LogicalResult matchAndRewrite(Operation *op,
                                PatternRewriter &rewriter) const override {
    SmallVector<Type> inferred;
    if (failed(cast<InferTypeOpInterface>(op).inferReturnTypes(
            op->getContext(), op->getLoc(), op->getOperands(),
            op->getRawDictionaryAttrs(), op->getPropertiesStorage(),
            op->getRegions(), inferred)) ||
        inferred.size() != op->getNumResults())
      return failure();
    SmallVector<std::pair<OpResult, Type>> refinements;
    for (auto [result, type] : llvm::zip(op->getResults(), inferred)) {
      auto current = cast<RankedTensorType>(result.getType());
      auto wanted = cast<RankedTensorType>(type);
      if (current.getRank() != wanted.getRank())
        continue;
      SmallVector<int64_t> shape(current.getShape());
      bool refined = false;
      for (auto [size, wantedSize] : llvm::zip(shape, wanted.getShape())) {
        if (ShapedType::isDynamic(size) && !ShapedType::isDynamic(wantedSize)) {
          size = wantedSize;
          refined = true;
        }
      }
      bool usersAccept = llvm::all_of(result.getUsers(), [&](Operation *user) {
        return user->getDialect() == op->getDialect() &&
               isa<InferTypeOpInterface>(user);
      });
      if (refined && usersAccept)
        refinements.emplace_back(
            result, RankedTensorType::get(shape, current.getElementType(),
                                          current.getEncoding()));
    }
    if (refinements.empty())
      return failure();
    rewriter.modifyOpInPlace(op, [&] {
      for (auto [result, type] : refinements)
        result.setType(type);
    });
    for (auto [result, type] : refinements)
      for (Operation *user : result.getUsers())
        rewriter.modifyOpInPlace(user, [] {});
    return success();
  }
};

/// An op that only reshapes its data, with a static result type, becomes
/// graph.reshape with a constant shape.
template <typename OpTy>
struct ReshapeLikeToReshape : public OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    RankedTensorType type = op.getType();
    if (!type.hasStaticShape())
      return failure();
    Value shape = createShapeConstant(rewriter, op.getLoc(), type.getShape());
    rewriter.replaceOpWithNewOp<ReshapeOp>(
        op, type, op.getData(), shape,
        /*allowzero=*/llvm::is_contained(type.getShape(), 0));
    return success();
  }
};

/// A reshape of static type gets that type as its constant shape, so that
/// whatever computed the shape goes away.
struct StaticReshapeShape : public OpRewritePattern<ReshapeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ReshapeOp op,
                                PatternRewriter &rewriter) const override {
    RankedTensorType type = op.getType();
    if (!type.hasStaticShape())
      return failure();
    bool allowZero = llvm::is_contained(type.getShape(), 0);
    std::optional<SmallVector<int64_t>> shape =
        getConstantIntValues(op.getShape());
    if (shape && ArrayRef<int64_t>(*shape) == type.getShape() &&
        (bool)op.getAllowzero() == allowZero)
      return failure();
    Value newShape = createShapeConstant(rewriter, op.getLoc(), type.getShape());
    rewriter.replaceOpWithNewOp<ReshapeOp>(op, type, op.getData(), newShape,
                                           allowZero);
    return success();
  }
};

/// transpose(transpose(x, inner), outer) = transpose(x, inner o outer).
struct ComposeTransposes : public OpRewritePattern<TransposeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(TransposeOp op,
                                PatternRewriter &rewriter) const override {
    auto inner = op.getData().getDefiningOp<TransposeOp>();
    if (!inner ||
        !isPermutation(inner.getPermutation(),
                       getRankedTensorType(inner.getData()).getRank()) ||
        !isPermutation(op.getPermutation(),
                       getRankedTensorType(op.getData()).getRank()))
      return failure();
    SmallVector<int64_t> innerPerm = inner.getPermutation();
    SmallVector<int64_t> perm = llvm::map_to_vector(
        op.getPermutation(), [&](int64_t dim) { return innerPerm[dim]; });
    rewriter.replaceOpWithNewOp<TransposeOp>(op, op.getType(), inner.getData(),
                                             rewriter.getDenseI64ArrayAttr(perm));
    return success();
  }
};

} // namespace

template <typename OpTy>
static void addRefinement(RewritePatternSet &results, MLIRContext *context) {
  results.add<RefineResultTypes>(OpTy::getOperationName(), context);
}

//===----------------------------------------------------------------------===//
// Reshaping
//===----------------------------------------------------------------------===//

OpFoldResult ReshapeOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult folded =
          foldReshapeLike(getData(), adaptor.getData(), getType()))
    return folded;
  // reshape(reshape(x)) = reshape(x) unless a 0 copies an intermediate size.
  Operation *inner = getData().getDefiningOp();
  if (!isa_and_present<ReshapeOp, FlattenOp, SqueezeOp, UnsqueezeOp>(inner))
    return {};
  std::optional<SmallVector<int64_t>> shape = getConstantIntValues(getShape());
  if (!shape || (!getAllowzero() && llvm::is_contained(*shape, 0)))
    return {};
  getDataMutable().assign(inner->getOperand(0));
  return getResult();
}

void ReshapeOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                            MLIRContext *context) {
  results.add<StaticReshapeShape>(context);
  addRefinement<ReshapeOp>(results, context);
}

OpFoldResult FlattenOp::fold(FoldAdaptor adaptor) {
  return foldReshapeLike(getData(), adaptor.getData(), getType());
}

void FlattenOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                            MLIRContext *context) {
  results.add<ReshapeLikeToReshape<FlattenOp>>(context);
  addRefinement<FlattenOp>(results, context);
}

OpFoldResult SqueezeOp::fold(FoldAdaptor adaptor) {
  return foldReshapeLike(getData(), adaptor.getData(), getType());
}

void SqueezeOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                            MLIRContext *context) {
  results.add<ReshapeLikeToReshape<SqueezeOp>>(context);
  addRefinement<SqueezeOp>(results, context);
}

OpFoldResult UnsqueezeOp::fold(FoldAdaptor adaptor) {
  return foldReshapeLike(getData(), adaptor.getData(), getType());
}

void UnsqueezeOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                              MLIRContext *context) {
  results.add<ReshapeLikeToReshape<UnsqueezeOp>>(context);
  addRefinement<UnsqueezeOp>(results, context);
}

//===----------------------------------------------------------------------===//
// Reordering, joining and splitting
//===----------------------------------------------------------------------===//

OpFoldResult TransposeOp::fold(FoldAdaptor adaptor) {
  RankedTensorType input = getRankedTensorType(getData());
  SmallVector<int64_t> perm = getPermutation();
  if (!isPermutation(perm, input.getRank()))
    return {};
  if (llvm::equal(perm, llvm::seq<int64_t>(0, input.getRank())) &&
      input == getType())
    return getData();
  if (!getType().hasStaticShape())
    return {};
  SmallVector<int64_t> strides = getStrides(input.getShape());
  return pickFrom(adaptor.getData(), getData(), getType(),
                  [&] { return mapIndices(getType().getShape(), [&](ArrayRef<int64_t> index) {
                    int64_t source = 0;
                    for (auto [dim, i] : llvm::enumerate(index))
                      source += i * strides[perm[dim]];
                    return source;
                  }); });
}

void TransposeOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                              MLIRContext *context) {
  results.add<ComposeTransposes>(context);
  addRefinement<TransposeOp>(results, context);
}

OpFoldResult ConcatOp::fold(FoldAdaptor adaptor) {
  if (getInputs().size() == 1 && getInputs().front().getType() == getType())
    return getInputs().front();
  RankedTensorType type = getType();
  if (!type.hasStaticShape() || !hasInferredTypes(*this))
    return {};
  int64_t axis = *normalizeAxis(getAxis(), type.getRank());
  SmallVector<DenseElementsAttr> sources;
  for (Attribute attr : adaptor.getInputs()) {
    DenseElementsAttr constant = getFoldableConstant(attr);
    if (!constant)
      return {};
    // Inference takes each size from any input; all must agree.
    for (int64_t dim = 0; dim < type.getRank(); ++dim)
      if (dim != axis &&
          constant.getType().getDimSize(dim) != type.getDimSize(dim))
        return {};
    sources.push_back(constant);
  }
  // Source element (input k, index within k) is at offsets[k] + index.
  SmallVector<int64_t> offsets, axisStarts;
  SmallVector<SmallVector<int64_t>> strides;
  int64_t offset = 0, axisStart = 0;
  for (DenseElementsAttr source : sources) {
    offsets.push_back(offset);
    axisStarts.push_back(axisStart);
    strides.push_back(getStrides(source.getType().getShape()));
    offset += source.getNumElements();
    axisStart += source.getType().getDimSize(axis);
  }
  return pickElements(
      sources, type, [&] { return mapIndices(type.getShape(), [&](ArrayRef<int64_t> index) {
        size_t k = llvm::upper_bound(axisStarts, index[axis]) - axisStarts.begin() - 1;
        int64_t flat = offsets[k];
        for (auto [dim, i] : llvm::enumerate(index))
          flat += ((int64_t)dim == axis ? i - axisStarts[k] : i) * strides[k][dim];
        return flat;
      }); });
}

void ConcatOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                           MLIRContext *context) {
  addRefinement<ConcatOp>(results, context);
}

/// The elements of `attr` (the value `data` of `dataType`) in a box of
/// `type` starting at `offsets` with `steps`.
static OpFoldResult foldStridedBox(Attribute attr, Value data,
                                   RankedTensorType type,
                                   ArrayRef<int64_t> offsets,
                                   ArrayRef<int64_t> steps) {
  if (!type.hasStaticShape())
    return {};
  SmallVector<int64_t> strides =
      getStrides(getRankedTensorType(data).getShape());
  return pickFrom(attr, data, type,
                  [&] { return mapIndices(type.getShape(), [&](ArrayRef<int64_t> index) {
                    int64_t source = 0;
                    for (auto [dim, i] : llvm::enumerate(index))
                      source += (offsets[dim] + i * steps[dim]) * strides[dim];
                    return source;
                  }); });
}

LogicalResult SplitOp::fold(FoldAdaptor adaptor,
                            SmallVectorImpl<OpFoldResult> &results) {
  if (getNumResults() == 1 && getInput().getType() == getResult(0).getType()) {
    results.push_back(getInput());
    return success();
  }
  std::optional<SmallVector<int64_t>> sizes = getSplitSizes(Adaptor(*this));
  if (!sizes || !getFoldableConstant(adaptor.getInput()) ||
      !hasInferredTypes(*this))
    return failure();
  RankedTensorType input = getRankedTensorType(getInput());
  int64_t axis = *normalizeAxis(getAxis(), input.getRank());
  SmallVector<int64_t> offsets(input.getRank(), 0), steps(input.getRank(), 1);
  SmallVector<OpFoldResult> parts;
  for (auto [result, size] : llvm::zip(getResults(), *sizes)) {
    OpFoldResult part =
        foldStridedBox(adaptor.getInput(), getInput(),
                       cast<RankedTensorType>(result.getType()), offsets, steps);
    if (!part)
      return failure();
    parts.push_back(part);
    offsets[axis] += size;
  }
  results.append(parts);
  return success();
}

void SplitOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                          MLIRContext *context) {
  addRefinement<SplitOp>(results, context);
}

OpFoldResult SliceOp::fold(FoldAdaptor adaptor) {
  RankedTensorType input = getRankedTensorType(getData());
  std::optional<SliceParams> params = getSliceParams(*this, input.getRank());
  if (!params)
    return {};
  SmallVector<int64_t> offsets(input.getRank(), 0), steps(input.getRank(), 1);
  bool isIdentity = true;
  for (auto [i, axis] : llvm::enumerate(params->axes)) {
    std::optional<SliceRange> range =
        resolveSlice(params->starts[i], params->ends[i], params->steps[i],
                     input.getDimSize(axis));
    if (!range)
      return {};
    offsets[axis] = range->start;
    steps[axis] = range->step;
    isIdentity &= range->start == 0 && range->step == 1 &&
                  range->count == input.getDimSize(axis);
  }
  if (isIdentity && input == getType())
    return getData();
  if (!hasInferredTypes(*this))
    return {};
  return foldStridedBox(adaptor.getData(), getData(), getType(), offsets, steps);
}

void SliceOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                          MLIRContext *context) {
  addRefinement<SliceOp>(results, context);
}

OpFoldResult ExpandOp::fold(FoldAdaptor adaptor) {
  RankedTensorType input = getRankedTensorType(getData());
  RankedTensorType type = getType();
  if (input == type && type.hasStaticShape())
    return getData();
  if (!type.hasStaticShape() || !hasInferredTypes(*this))
    return {};
  SmallVector<int64_t> strides = getStrides(input.getShape());
  int64_t lead = type.getRank() - input.getRank();
  return pickFrom(adaptor.getData(), getData(), type,
                  [&] { return mapIndices(type.getShape(), [&](ArrayRef<int64_t> index) {
                    int64_t source = 0;
                    for (int64_t dim = 0; dim < input.getRank(); ++dim)
                      if (input.getDimSize(dim) != 1)
                        source += index[dim + lead] * strides[dim];
                    return source;
                  }); });
}

void ExpandOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                           MLIRContext *context) {
  addRefinement<ExpandOp>(results, context);
}

OpFoldResult TileOp::fold(FoldAdaptor adaptor) {
  RankedTensorType input = getRankedTensorType(getData());
  RankedTensorType type = getType();
  if (input == type && type.hasStaticShape())
    return getData();
  if (!type.hasStaticShape() || !input.hasStaticShape() ||
      !hasInferredTypes(*this))
    return {};
  SmallVector<int64_t> strides = getStrides(input.getShape());
  return pickFrom(adaptor.getData(), getData(), type,
                  [&] { return mapIndices(type.getShape(), [&](ArrayRef<int64_t> index) {
                    int64_t source = 0;
                    for (auto [dim, i] : llvm::enumerate(index))
                      source += (i % input.getDimSize(dim)) * strides[dim];
                    return source;
                  }); });
}

void TileOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                         MLIRContext *context) {
  addRefinement<TileOp>(results, context);
}

OpFoldResult PadOp::fold(FoldAdaptor) {
  std::optional<SmallVector<int64_t>> pads = getConstantIntValues(getPads());
  if (pads && llvm::all_of(*pads, [](int64_t pad) { return pad == 0; }) &&
      getData().getType() == getType())
    return getData();
  return {};
}

void PadOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                        MLIRContext *context) {
  addRefinement<PadOp>(results, context);
}

void DepthToSpaceOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                                 MLIRContext *context) {
  addRefinement<DepthToSpaceOp>(results, context);
}

void SpaceToDepthOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                                 MLIRContext *context) {
  addRefinement<SpaceToDepthOp>(results, context);
}

//===----------------------------------------------------------------------===//
// Gathering
//===----------------------------------------------------------------------===//

OpFoldResult GatherOp::fold(FoldAdaptor adaptor) {
  RankedTensorType type = getType();
  DenseElementsAttr indexValues = getFoldableConstant(adaptor.getIndices());
  if (!indexValues || !type.hasStaticShape() || !hasInferredTypes(*this))
    return {};
  RankedTensorType data = getRankedTensorType(getData());
  int64_t axis = *normalizeAxis(getAxis(), data.getRank());
  int64_t axisSize = data.getDimSize(axis);
  if (ShapedType::isDynamic(axisSize) || !data.hasStaticShape())
    return {};
  SmallVector<int64_t> indices = llvm::map_to_vector(
      indexValues.getValues<APInt>(), [&](const APInt &index) {
        int64_t value = index.getSExtValue();
        return value < 0 ? value + axisSize : value;
      });
  if (llvm::any_of(indices, [&](int64_t i) { return i < 0 || i >= axisSize; }))
    return {};
  int64_t indexRank = getRankedTensorType(getIndices()).getRank();
  SmallVector<int64_t> indexStrides =
      getStrides(getRankedTensorType(getIndices()).getShape());
  SmallVector<int64_t> strides = getStrides(data.getShape());
  return pickFrom(adaptor.getData(), getData(), type,
                  [&] { return mapIndices(type.getShape(), [&](ArrayRef<int64_t> index) {
                    int64_t source = 0, flatIndex = 0;
                    for (int64_t dim = 0; dim < axis; ++dim)
                      source += index[dim] * strides[dim];
                    for (int64_t dim = 0; dim < indexRank; ++dim)
                      flatIndex += index[axis + dim] * indexStrides[dim];
                    source += indices[flatIndex] * strides[axis];
                    for (int64_t dim = axis + 1; dim < data.getRank(); ++dim)
                      source += index[dim + indexRank - 1] * strides[dim];
                    return source;
                  }); });
}

void GatherOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                           MLIRContext *context) {
  addRefinement<GatherOp>(results, context);
}

void GatherElementsOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                                   MLIRContext *context) {
  addRefinement<GatherElementsOp>(results, context);
}

void GatherNDOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                             MLIRContext *context) {
  addRefinement<GatherNDOp>(results, context);
}

//===----------------------------------------------------------------------===//
// Shapes and generated tensors
//===----------------------------------------------------------------------===//

OpFoldResult ShapeOp::fold(FoldAdaptor) {
  SmallVector<int64_t> sizes = getShapeSizes(*this);
  if (llvm::any_of(sizes, ShapedType::isDynamic))
    return {};
  return DenseElementsAttr::get(getType(), ArrayRef<int64_t>(sizes));
}

OpFoldResult SizeOp::fold(FoldAdaptor) {
  std::optional<int64_t> count =
      getNumElements(getRankedTensorType(getData()).getShape());
  if (!count)
    return {};
  return DenseElementsAttr::get(getType(), *count);
}

OpFoldResult RangeOp::fold(FoldAdaptor adaptor) {
  RankedTensorType type = getType();
  std::optional<int64_t> length = getRangeLength(
      adaptor.getStart(), adaptor.getLimit(), adaptor.getDelta());
  if (!length || *length > kMaxFoldedElements || type.getDimSize(0) != *length)
    return {};
  auto start = cast<DenseElementsAttr>(adaptor.getStart());
  auto delta = cast<DenseElementsAttr>(adaptor.getDelta());
  if (auto floatType = dyn_cast<FloatType>(type.getElementType())) {
    double first = start.getSplatValue<APFloat>().convertToDouble();
    double step = delta.getSplatValue<APFloat>().convertToDouble();
    SmallVector<APFloat> values;
    for (int64_t i = 0; i < *length; ++i) {
      APFloat value(first + (double)i * step);
      bool losesInfo;
      value.convert(floatType.getFloatSemantics(),
                    APFloat::rmNearestTiesToEven, &losesInfo);
      values.push_back(value);
    }
    return DenseElementsAttr::get(type, values);
  }
  APInt value = start.getSplatValue<APInt>();
  APInt step = delta.getSplatValue<APInt>();
  SmallVector<APInt> values;
  for (int64_t i = 0; i < *length; ++i, value += step)
    values.push_back(value);
  return DenseElementsAttr::get(type, values);
}

void RangeOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                          MLIRContext *context) {
  addRefinement<RangeOp>(results, context);
}

OpFoldResult ConstantOfShapeOp::fold(FoldAdaptor) {
  RankedTensorType type = getType();
  if (!type.hasStaticShape())
    return {};
  ElementsAttr value = getValueAttr();
  if (!value)
    return DenseElementsAttr::get(type, FloatAttr::get(type.getElementType(), 0.0));
  auto element = value.try_value_begin<Attribute>();
  if (!element || value.getNumElements() != 1)
    return {};
  return DenseElementsAttr::get(type, **element);
}

void ConstantOfShapeOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                                    MLIRContext *context) {
  addRefinement<ConstantOfShapeOp>(results, context);
}
