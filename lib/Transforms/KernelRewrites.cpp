//===- KernelRewrites.cpp - Kernels rewritten before scheduling ----------===//
//
// Convolutions and pads become kernels the default schedules handle well:
// contractions, depthwise loop nests with the output row innermost, and
// fills and copies that run on the threads.
//
//===----------------------------------------------------------------------===//

#include "KernelRewrites.h"

#include "tessera/Support/ConstantData.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tensor/Transforms/Transforms.h"
#include "mlir/Dialect/Utils/IndexingUtils.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

using namespace mlir;

Value tessera::stripReshapes(Value value) {
  while (Operation *reshape = value.getDefiningOp()) {
    if (auto collapse = dyn_cast<tensor::CollapseShapeOp>(reshape))
      value = collapse.getSrc();
    else if (auto expand = dyn_cast<tensor::ExpandShapeOp>(reshape))
      value = expand.getSrc();
    else
      break;
  }
  return value;
}

Value tessera::fillNewBuffer(RewriterBase &rewriter, Location loc, Value value,
                             RankedTensorType type) {
  Value buffer =
      bufferization::AllocTensorOp::create(rewriter, loc, type, ValueRange{});
  return linalg::FillOp::create(rewriter, loc, value, buffer).getResult(0);
}

Value tessera::fillBorder(RewriterBase &rewriter, Location loc, Value buffer,
                          ArrayRef<int64_t> low, ArrayRef<int64_t> high,
                          Value value) {
  ArrayRef<int64_t> shape = cast<RankedTensorType>(buffer.getType()).getShape();
  int64_t rank = shape.size();
  // Slab d: the interior along the dimensions before d, the border along d,
  // everything along those after d. The slabs cover the border once.
  for (int64_t d = 0; d < rank; ++d) {
    for (auto [offset, size] : {std::pair(int64_t(0), low[d]),
                                std::pair(shape[d] - high[d], high[d])}) {
      if (size == 0)
        continue;
      SmallVector<int64_t> offsets(rank, 0), sizes(shape);
      for (int64_t before = 0; before < d; ++before) {
        offsets[before] = low[before];
        sizes[before] = shape[before] - low[before] - high[before];
      }
      offsets[d] = offset;
      sizes[d] = size;
      SmallVector<OpFoldResult> offsetValues =
          getAsIndexOpFoldResult(rewriter.getContext(), offsets);
      SmallVector<OpFoldResult> sizeValues =
          getAsIndexOpFoldResult(rewriter.getContext(), sizes);
      SmallVector<OpFoldResult> strides(rank, rewriter.getIndexAttr(1));
      Value slab = tensor::ExtractSliceOp::create(
          rewriter, loc, buffer, offsetValues, sizeValues, strides);
      Value filled =
          linalg::FillOp::create(rewriter, loc, value, slab).getResult(0);
      buffer = tensor::InsertSliceOp::create(rewriter, loc, filled, buffer,
                                             offsetValues, sizeValues, strides);
    }
  }
  return buffer;
}

Value tessera::transposeValue(RewriterBase &rewriter, Location loc, Value value,
                              ArrayRef<int64_t> permutation) {
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> shape = applyPermutation(type.getShape(), permutation);
  auto resultType = RankedTensorType::get(shape, type.getElementType());
  // Reshapes keep the row-major data of the constant under them.
  if (std::optional<SmallVector<float>> values =
          tessera::getConstantF32Values(stripReshapes(value))) {
    SmallVector<int64_t> strides = computeStrides(type.getShape());
    SmallVector<float> permuted(values->size());
    SmallVector<int64_t> index(shape.size(), 0);
    for (float &element : permuted) {
      int64_t offset = 0;
      for (auto [dim, position] : llvm::enumerate(index))
        offset += position * strides[permutation[dim]];
      element = (*values)[offset];
      // Next index of the result in row-major order.
      for (int64_t dim = shape.size() - 1; dim >= 0; --dim) {
        if (++index[dim] < shape[dim])
          break;
        index[dim] = 0;
      }
    }
    return arith::ConstantOp::create(
        rewriter, loc,
        tessera::createF32Elements(resultType, permuted, "packed_weights"));
  }
  Value empty =
      tensor::EmptyOp::create(rewriter, loc, shape, type.getElementType());
  return linalg::TransposeOp::create(rewriter, loc, value, empty, permutation)
      .getResult()[0];
}

// The depth (K) of a window copy at which panels of output positions repay
// their shorter copied rows. Measured per 3x3 convolution at 56 x 56:
// 64 -> 64 (K 576) gained 5-14 %, 128 -> 32 (1152) 5-16 %; 32 -> 64 at 112
// (288) was within noise; shallower copies lost: the 7x7 stem (147) 7 % at
// two threads, 16 -> 32 (144) 4-11 %, 3 -> 32 (27) 34 %.
constexpr int64_t kMinDepthToCopyPanels = 512;

/// out[n, f, p] += filter[f, (c, kh, kw)] * columns[n, (c, kh, kw), p]
/// over the collapsed output positions p. A 1x1 convolution with unit
/// strides reads its input as the columns; any other copies the input
/// windows into an [n, c, kh, kw, oh, ow] tensor first, whose innermost
/// loop reads the input contiguously (unlike an im2col over collapsed
/// dimensions, which needs a division per element), and collapses it.
/// A batch of one is collapsed away too: the register tiles of a 2-d
/// contraction are written back whole, so their accumulators stay in
/// registers across the K loop (a unit dimension blocks that folding).
///
/// The output positions are the vector dimension of the register tiles
/// when they fill them (a multiple of two vectors); else, for one image,
/// the output channels are when they do, which reads the filter as
/// [(c, kh, kw), f]: constant filters are stored that way at compile time.
/// The output channels are also the vectors of a window copy deep enough
/// to be copied into panels of output positions (see rowPanelHeight): its
/// register tiles then read contiguous panels instead of rows of all the
/// output positions, one page apart at every step of K.
static void rewriteConvolutionToContraction(RewriterBase &rewriter,
                                            linalg::Conv2DNchwFchwOp conv,
                                            int64_t vectorWidth,
                                            int64_t registerRows) {
  Location loc = conv.getLoc();
  MLIRContext *context = rewriter.getContext();
  Value input = conv.getInputs()[0], filter = conv.getInputs()[1],
        init = conv.getOutputs()[0];
  auto inputType = cast<RankedTensorType>(input.getType());
  auto filterType = cast<RankedTensorType>(filter.getType());
  auto initType = cast<RankedTensorType>(init.getType());
  SmallVector<int64_t> strides(conv.getStrides().getValues<int64_t>());
  SmallVector<int64_t> dilations(conv.getDilations().getValues<int64_t>());
  bool unitBatch = inputType.getDimSize(0) == 1;
  int64_t tileCols = 2 * vectorWidth;
  bool copiesWindows = filterType.getDimSize(2) != 1 ||
                       filterType.getDimSize(3) != 1 || strides[0] != 1 ||
                       strides[1] != 1;
  int64_t positions = initType.getDimSize(2) * initType.getDimSize(3);
  int64_t depth = filterType.getDimSize(1) * filterType.getDimSize(2) *
                  filterType.getDimSize(3);
  bool copiesPanels = copiesWindows && depth >= kMinDepthToCopyPanels &&
                      tessera::rowPanelHeight(positions, initType.getDimSize(3),
                                              registerRows) != 0;
  bool channelsInner = unitBatch && initType.getDimSize(1) % tileCols == 0 &&
                       (positions % tileCols != 0 || copiesPanels);
  // [n, c, h, w] -> [n, c, h * w], or [n * c, h * w] for one image.
  SmallVector<ReassociationIndices> spatial =
      unitBatch ? SmallVector<ReassociationIndices>{{0, 1}, {2, 3}}
                : SmallVector<ReassociationIndices>{{0}, {1}, {2, 3}};
  SmallVector<ReassociationIndices> window = {{0}, {1, 2, 3}};
  auto parallel = utils::IteratorType::parallel;

  Value columns;
  if (!copiesWindows) {
    columns = tensor::CollapseShapeOp::create(rewriter, loc, input, spatial);
  } else {
    SmallVector<int64_t> windowsShape = {
        inputType.getDimSize(0),  inputType.getDimSize(1),
        filterType.getDimSize(2), filterType.getDimSize(3),
        initType.getDimSize(2),   initType.getDimSize(3)};
    Value empty = tensor::EmptyOp::create(rewriter, loc, windowsShape,
                                          inputType.getElementType());
    AffineExpr bn, bc, kh, kw, oh, ow;
    bindDims(context, bn, bc, kh, kw, oh, ow);
    SmallVector<AffineMap> maps = {
        AffineMap::get(6, 0,
                       {bn, bc, oh * strides[0] + kh * dilations[0],
                        ow * strides[1] + kw * dilations[1]},
                       context),
        AffineMap::getMultiDimIdentityMap(6, context)};
    auto copy = linalg::GenericOp::create(
        rewriter, loc, empty.getType(), ValueRange{input}, ValueRange{empty},
        maps, SmallVector<utils::IteratorType>(6, parallel),
        [](OpBuilder &b, Location loc, ValueRange args) {
          linalg::YieldOp::create(b, loc, args[0]);
        });
    columns = tensor::CollapseShapeOp::create(
        rewriter, loc, copy.getResult(0),
        unitBatch ? SmallVector<ReassociationIndices>{{0, 1, 2, 3}, {4, 5}}
                  : SmallVector<ReassociationIndices>{{0}, {1, 2, 3}, {4, 5}});
  }
  Value matrix = tensor::CollapseShapeOp::create(rewriter, loc, filter, window);
  // A zero-filled accumulator is filled in its collapsed shape, so that
  // the fill can be fused into the contraction's tiles.
  Value accumulator;
  RankedTensorType collapsedInit =
      tensor::CollapseShapeOp::inferCollapsedType(initType, spatial);
  if (auto fill = init.getDefiningOp<linalg::FillOp>()) {
    Value empty =
        tensor::EmptyOp::create(rewriter, loc, collapsedInit.getShape(),
                                collapsedInit.getElementType());
    accumulator =
        linalg::FillOp::create(rewriter, loc, fill.value(), empty).getResult(0);
  } else {
    accumulator = tensor::CollapseShapeOp::create(rewriter, loc, init, spatial);
  }
  AffineExpr n, f, p, k;
  SmallVector<AffineMap> maps;
  SmallVector<utils::IteratorType> iterators;
  SmallVector<Value> operands = {matrix, columns};
  if (channelsInner) {
    bindDims(context, p, f, k);
    operands = {columns,
                tessera::transposeValue(rewriter, loc, matrix, {1, 0})};
    maps = {AffineMap::get(3, 0, {k, p}, context),
            AffineMap::get(3, 0, {k, f}, context),
            AffineMap::get(3, 0, {f, p}, context)};
    iterators = {parallel, parallel, utils::IteratorType::reduction};
  } else if (unitBatch) {
    bindDims(context, f, p, k);
    maps = {AffineMap::get(3, 0, {f, k}, context),
            AffineMap::get(3, 0, {k, p}, context),
            AffineMap::get(3, 0, {f, p}, context)};
    iterators = {parallel, parallel, utils::IteratorType::reduction};
  } else {
    bindDims(context, n, f, p, k);
    maps = {AffineMap::get(4, 0, {f, k}, context),
            AffineMap::get(4, 0, {n, k, p}, context),
            AffineMap::get(4, 0, {n, f, p}, context)};
    iterators = {parallel, parallel, parallel, utils::IteratorType::reduction};
  }
  auto contraction = linalg::GenericOp::create(
      rewriter, loc, accumulator.getType(), operands, ValueRange{accumulator},
      maps, iterators, [](OpBuilder &b, Location loc, ValueRange args) {
        Value product = arith::MulFOp::create(b, loc, args[0], args[1]);
        Value sum = arith::AddFOp::create(b, loc, product, args[2]);
        linalg::YieldOp::create(b, loc, sum);
      });
  rewriter.replaceOpWithNewOp<tensor::ExpandShapeOp>(
      conv, initType, contraction.getResult(0), spatial);
}

int64_t tessera::rowPanelHeight(int64_t rows, int64_t copiedRow,
                                int64_t registerRows) {
  for (int64_t height = registerRows; height >= (registerRows + 1) / 2;
       --height)
    if (rows % height == 0 && rows / height >= 2 && copiedRow % height == 0)
      return height;
  return 0;
}

int64_t tessera::rewriteConvolutionsToContractions(ModuleOp module,
                                                   int64_t vectorWidth,
                                                   int64_t registerRows) {
  SmallVector<linalg::Conv2DNchwFchwOp> convolutions;
  module.walk([&](linalg::Conv2DNchwFchwOp conv) {
    if (conv.hasPureTensorSemantics() &&
        !cast<linalg::LinalgOp>(conv.getOperation()).hasDynamicShape() &&
        getElementTypeOrSelf(conv.getResultTypes()[0]).isF32())
      convolutions.push_back(conv);
  });
  IRRewriter rewriter(module.getContext());
  for (linalg::Conv2DNchwFchwOp conv : convolutions) {
    rewriter.setInsertionPoint(conv);
    rewriteConvolutionToContraction(rewriter, conv, vectorWidth, registerRows);
  }
  return convolutions.size();
}

/// `input` [1, g, 1, h, w] as [g, h, w]. A padded input is padded after
/// the collapse instead, so that the pad can be fused into the tiles of
/// the convolution reading it.
static Value collapsePlanes(RewriterBase &rewriter, Location loc, Value input,
                            ArrayRef<ReassociationIndices> groups) {
  auto pad = input.getDefiningOp<tensor::PadOp>();
  if (!pad || !pad.getConstantPaddingValue() ||
      !pad.getResultType().hasStaticShape())
    return tensor::CollapseShapeOp::create(rewriter, loc, input, groups);
  SmallVector<int64_t> low(pad.getStaticLow()), high(pad.getStaticHigh());
  if (llvm::any_of(ArrayRef(low).take_front(3), [](int64_t v) { return v; }) ||
      llvm::any_of(ArrayRef(high).take_front(3), [](int64_t v) { return v; }))
    return tensor::CollapseShapeOp::create(rewriter, loc, input, groups);
  Value source =
      tensor::CollapseShapeOp::create(rewriter, loc, pad.getSource(), groups);
  auto sourceType = cast<RankedTensorType>(source.getType());
  auto paddedType = RankedTensorType::get(
      {sourceType.getDimSize(0), sourceType.getDimSize(1) + low[3] + high[3],
       sourceType.getDimSize(2) + low[4] + high[4]},
      sourceType.getElementType());
  return tensor::PadOp::create(
      rewriter, loc, paddedType, source,
      getAsIndexOpFoldResult(rewriter.getContext(), {0, low[3], low[4]}),
      getAsIndexOpFoldResult(rewriter.getContext(), {0, high[3], high[4]}),
      pad.getConstantPaddingValue());
}

/// The sum over the taps of a depthwise convolution, one elementwise kernel
/// per tap: acc[g, y, x] += window(kh, kw)[g, y, x] * taps[g, kh, kw]. The
/// first tap updates `accumulator`; each later one reads the previous sum as
/// an input. Returns the first.
static linalg::GenericOp
buildTapSums(RewriterBase &rewriter, Location loc, Value taps,
             Value accumulator,
             function_ref<Value(int64_t kh, int64_t kw)> window) {
  auto outputType = cast<RankedTensorType>(accumulator.getType());
  auto tapsType = cast<RankedTensorType>(taps.getType());
  int64_t groups = outputType.getDimSize(0);
  MLIRContext *context = rewriter.getContext();
  AffineMap identity = AffineMap::getMultiDimIdentityMap(3, context);
  AffineMap perGroup =
      AffineMap::get(3, 0, {getAffineDimExpr(0, context)}, context);
  auto parallel =
      SmallVector<utils::IteratorType>(3, utils::IteratorType::parallel);
  auto oneIndex = [&](int64_t v) { return rewriter.getIndexAttr(v); };
  linalg::GenericOp first;
  Value sum = accumulator;
  for (int64_t kh = 0; kh < tapsType.getDimSize(1); ++kh) {
    for (int64_t kw = 0; kw < tapsType.getDimSize(2); ++kw) {
      Value shifted = window(kh, kw);
      Value weight = tensor::ExtractSliceOp::create(
          rewriter, loc,
          RankedTensorType::get({groups}, tapsType.getElementType()), taps,
          {oneIndex(0), oneIndex(kh), oneIndex(kw)},
          {oneIndex(groups), oneIndex(1), oneIndex(1)},
          {oneIndex(1), oneIndex(1), oneIndex(1)});
      linalg::GenericOp tap;
      if (!first) {
        tap = linalg::GenericOp::create(
            rewriter, loc, outputType, ValueRange{shifted, weight},
            ValueRange{sum}, {identity, perGroup, identity}, parallel,
            [](OpBuilder &b, Location loc, ValueRange args) {
              Value product = arith::MulFOp::create(b, loc, args[0], args[1]);
              linalg::YieldOp::create(
                  b, loc,
                  arith::AddFOp::create(b, loc, product, args[2]).getResult());
            });
        first = tap;
      } else {
        Value empty = tensor::EmptyOp::create(
            rewriter, loc, outputType.getShape(), outputType.getElementType());
        tap = linalg::GenericOp::create(
            rewriter, loc, outputType, ValueRange{sum, shifted, weight},
            ValueRange{empty}, {identity, identity, perGroup, identity},
            parallel, [](OpBuilder &b, Location loc, ValueRange args) {
              Value product = arith::MulFOp::create(b, loc, args[1], args[2]);
              linalg::YieldOp::create(
                  b, loc,
                  arith::AddFOp::create(b, loc, product, args[0]).getResult());
            });
      }
      sum = tap.getResult(0);
    }
  }
  return first;
}

namespace {
/// Depthwise planes whose columns are read at a stride, split into the
/// stride's phases: column x of the unpadded planes is at phase
/// x mod stride, position x / stride + `lowPositions` of `planes`
/// [g, rows, stride, positions]. A tap's window is then a contiguous slice
/// of one phase instead of every stride-th column (gathers).
struct ColumnPhases {
  Value planes;
  int64_t stride;
  int64_t lowColumns;
  int64_t lowPositions;
  /// The phase and the position of output column 0 that tap `kw` reads.
  std::pair<int64_t, int64_t> locate(int64_t kw) const {
    int64_t column = kw - lowColumns;
    return {column - llvm::divideFloorSigned(column, stride) * stride,
            llvm::divideFloorSigned(column, stride) + lowPositions};
  }
};
} // namespace

/// Splits `planes` [g, h, w] (maybe a tensor.pad) by column phases: the
/// unpadded planes are transposed from [g, h, w / stride, stride] to
/// [g, h, stride, w / stride] (whole rows loaded and split with shuffles),
/// and the phases padded instead. None when the stride does not divide the
/// width.
static std::optional<ColumnPhases>
splitColumnPhases(RewriterBase &rewriter, Location loc, Value planes,
                  int64_t stride, int64_t numTaps, int64_t outputWidth) {
  MLIRContext *context = rewriter.getContext();
  Value source = planes, padValue;
  SmallVector<int64_t> low = {0, 0, 0}, high = {0, 0, 0};
  auto pad = planes.getDefiningOp<tensor::PadOp>();
  if (pad) {
    padValue = pad.getConstantPaddingValue();
    if (!padValue)
      return std::nullopt;
    source = pad.getSource();
    low = SmallVector<int64_t>(pad.getStaticLow());
    high = SmallVector<int64_t>(pad.getStaticHigh());
  }
  auto type = cast<RankedTensorType>(source.getType());
  int64_t width = type.getDimSize(2);
  if (width % stride != 0)
    return std::nullopt;
  int64_t positions = width / stride;
  ColumnPhases phases;
  phases.stride = stride;
  phases.lowColumns = low[2];
  phases.lowPositions = llvm::divideCeil(low[2], stride);
  int64_t highPositions =
      std::max<int64_t>(0, outputWidth + phases.locate(numTaps - 1).second -
                               positions - phases.lowPositions);
  Value expanded = tensor::ExpandShapeOp::create(
      rewriter, loc,
      RankedTensorType::get(
          {type.getDimSize(0), type.getDimSize(1), positions, stride},
          type.getElementType()),
      source, SmallVector<ReassociationIndices>{{0}, {1}, {2, 3}});
  phases.planes =
      tessera::transposeValue(rewriter, loc, expanded, {0, 1, 3, 2});
  if (low[1] || high[1] || phases.lowPositions || highPositions) {
    if (!padValue)
      padValue = arith::ConstantOp::create(
          rewriter, loc, rewriter.getZeroAttr(type.getElementType()));
    phases.planes = tensor::PadOp::create(
        rewriter, loc, Type(), phases.planes,
        getAsIndexOpFoldResult(context, {0, low[1], 0, phases.lowPositions}),
        getAsIndexOpFoldResult(context, {0, high[1], 0, highPositions}),
        padValue);
  }
  if (pad && pad->use_empty())
    rewriter.eraseOp(pad);
  return phases;
}

SmallVector<tessera::DepthwiseConvolution>
tessera::rewriteDepthwiseConvolutions(ModuleOp module, int64_t vectorWidth) {
  SmallVector<linalg::Conv2DNgchwGfchwOp> convolutions;
  module.walk([&](linalg::Conv2DNgchwGfchwOp conv) {
    auto linalgOp = cast<linalg::LinalgOp>(conv.getOperation());
    if (!conv.hasPureTensorSemantics() || linalgOp.hasDynamicShape() ||
        !getElementTypeOrSelf(conv.getResultTypes()[0]).isF32())
      return;
    // input [n, g, c, h, w], filter [g, f, c, kh, kw], output [n, g, f, oh, ow]
    auto inputType = cast<RankedTensorType>(conv.getInputs()[0].getType());
    auto filterType = cast<RankedTensorType>(conv.getInputs()[1].getType());
    if (inputType.getDimSize(0) == 1 && inputType.getDimSize(2) == 1 &&
        filterType.getDimSize(1) == 1)
      convolutions.push_back(conv);
  });
  SmallVector<DepthwiseConvolution> rewritten;
  IRRewriter rewriter(module.getContext());
  MLIRContext *context = module.getContext();
  for (linalg::Conv2DNgchwGfchwOp conv : convolutions) {
    rewriter.setInsertionPoint(conv);
    Location loc = conv.getLoc();
    Value input = conv.getInputs()[0], filter = conv.getInputs()[1],
          init = conv.getOutputs()[0];
    auto initType = cast<RankedTensorType>(init.getType());
    SmallVector<int64_t> strides(conv.getStrides().getValues<int64_t>());
    SmallVector<int64_t> dilations(conv.getDilations().getValues<int64_t>());
    // [1, g, 1, y, x] -> [g, y, x] for the input, filter and output alike.
    SmallVector<ReassociationIndices> groups = {{0, 1, 2}, {3}, {4}};
    Value planes = collapsePlanes(rewriter, loc, input, groups);
    Value taps = tensor::CollapseShapeOp::create(rewriter, loc, filter, groups);
    RankedTensorType outputType =
        tensor::CollapseShapeOp::inferCollapsedType(initType, groups);
    Value accumulator;
    if (auto fill = init.getDefiningOp<linalg::FillOp>()) {
      Value empty = tensor::EmptyOp::create(
          rewriter, loc, outputType.getShape(), outputType.getElementType());
      accumulator = linalg::FillOp::create(rewriter, loc, fill.value(), empty)
                        .getResult(0);
    } else {
      accumulator =
          tensor::CollapseShapeOp::create(rewriter, loc, init, groups);
    }
    // With unit strides, one kernel per tap on shifted windows vectorizes
    // over whole rows; a tile of rows holds the sum in at most 16 vector
    // registers (rows no longer than a vector: the whole plane).
    int64_t height = outputType.getDimSize(1), width = outputType.getDimSize(2);
    int64_t rows = width <= vectorWidth ? height : 0;
    for (int64_t r = std::min(height, 16 * vectorWidth / width); r > 0 && !rows;
         --r)
      if (height % r == 0)
        rows = r;
    // Strided columns are read as slices of their phases.
    std::optional<ColumnPhases> phases;
    if (strides[1] > 1 && dilations[1] == 1 && rows > 0)
      phases = splitColumnPhases(
          rewriter, loc, planes, strides[1],
          cast<RankedTensorType>(taps.getType()).getDimSize(2), width);
    if (rows > 0 && (strides[1] == 1 || phases)) {
      auto index = [&](int64_t v) { return rewriter.getIndexAttr(v); };
      auto window = [&](int64_t kh, int64_t kw) -> Value {
        if (!phases)
          return tensor::ExtractSliceOp::create(
              rewriter, loc, planes,
              {index(0), index(kh * dilations[0]), index(kw * dilations[1])},
              {index(outputType.getDimSize(0)), index(height), index(width)},
              {index(1), index(strides[0]), index(1)});
        auto [phase, position] = phases->locate(kw);
        return tensor::ExtractSliceOp::create(
            rewriter, loc, outputType, phases->planes,
            {index(0), index(kh * dilations[0]), index(phase), index(position)},
            {index(outputType.getDimSize(0)), index(height), index(1),
             index(width)},
            {index(1), index(strides[0]), index(1), index(1)});
      };
      linalg::GenericOp first =
          buildTapSums(rewriter, loc, taps, accumulator, window);
      Value sum = first.getResult(0);
      while (sum.hasOneUse() && isa<linalg::GenericOp>(*sum.getUsers().begin()))
        sum = sum.getUsers().begin()->getResult(0);
      rewriter.replaceOpWithNewOp<tensor::ExpandShapeOp>(conv, initType, sum,
                                                         groups);
      // Planes the input needs made (padded, split) are made per tile.
      Value windowed = phases ? phases->planes : planes;
      bool made = windowed.getDefiningOp<tensor::PadOp>() ||
                  windowed.getDefiningOp<linalg::TransposeOp>();
      rewritten.push_back(
          {first, /*perTap=*/true, rows, made ? windowed : Value()});
      continue;
    }
    AffineExpr g, oh, kh, kw, ow;
    bindDims(context, g, oh, kh, kw, ow);
    SmallVector<AffineMap> maps = {
        AffineMap::get(5, 0,
                       {g, oh * strides[0] + kh * dilations[0],
                        ow * strides[1] + kw * dilations[1]},
                       context),
        AffineMap::get(5, 0, {g, kh, kw}, context),
        AffineMap::get(5, 0, {g, oh, ow}, context)};
    auto parallel = utils::IteratorType::parallel;
    auto reduction = utils::IteratorType::reduction;
    auto depthwise = linalg::GenericOp::create(
        rewriter, loc, outputType, ValueRange{planes, taps},
        ValueRange{accumulator}, maps,
        SmallVector<utils::IteratorType>{parallel, parallel, reduction,
                                         reduction, parallel},
        [](OpBuilder &b, Location loc, ValueRange args) {
          Value product = arith::MulFOp::create(b, loc, args[0], args[1]);
          Value sum = arith::AddFOp::create(b, loc, product, args[2]);
          linalg::YieldOp::create(b, loc, sum);
        });
    depthwise->setDiscardableAttrs(conv->getDiscardableAttrDictionary());
    rewriter.replaceOpWithNewOp<tensor::ExpandShapeOp>(
        conv, initType, depthwise.getResult(0), groups);
    rewritten.push_back({depthwise, /*perTap=*/false, /*rows=*/0, Value()});
  }
  return rewritten;
}

SmallVector<linalg::GenericOp> tessera::moveWindowsOutward(ModuleOp module) {
  SmallVector<linalg::LinalgOp> poolings;
  module.walk([&](linalg::LinalgOp op) {
    if (isa<linalg::PoolingNchwMaxOp, linalg::PoolingNchwSumOp>(op) &&
        op.hasPureTensorSemantics() && !op.hasDynamicShape())
      poolings.push_back(op);
  });
  IRRewriter rewriter(module.getContext());
  SmallVector<linalg::GenericOp> generics;
  for (linalg::LinalgOp pooling : poolings) {
    rewriter.setInsertionPoint(pooling);
    FailureOr<linalg::GenericOp> generic =
        linalg::generalizeNamedOp(rewriter, pooling);
    if (failed(generic))
      continue;
    // Loops [n, c, oh, ow, kh, kw] become [n, c, oh, kh, kw, ow].
    FailureOr<linalg::GenericOp> interchanged = linalg::interchangeGenericOp(
        rewriter, *generic, {0, 1, 2, 4, 5, 3});
    generics.push_back(succeeded(interchanged) ? *interchanged : *generic);
  }
  return generics;
}

void tessera::decomposePads(ModuleOp module,
                            llvm::function_ref<bool(tensor::PadOp)> keep) {
  SmallVector<tensor::PadOp> pads;
  module.walk([&](tensor::PadOp pad) {
    if (!keep(pad) && pad.getResultType().hasStaticShape() &&
        pad.getSourceType().hasStaticShape() && pad.getConstantPaddingValue())
      pads.push_back(pad);
  });
  IRRewriter rewriter(module.getContext());
  for (tensor::PadOp pad : pads) {
    rewriter.setInsertionPoint(pad);
    Location loc = pad.getLoc();
    RankedTensorType type = pad.getResultType();
    Value filled =
        fillNewBuffer(rewriter, loc, pad.getConstantPaddingValue(), type);
    SmallVector<OpFoldResult> offsets = pad.getMixedLowPad();
    SmallVector<OpFoldResult> sizes = getAsIndexOpFoldResult(
        rewriter.getContext(), pad.getSourceType().getShape());
    SmallVector<OpFoldResult> strides(type.getRank(), rewriter.getIndexAttr(1));
    Value interior = tensor::ExtractSliceOp::create(rewriter, loc, filled,
                                                    offsets, sizes, strides);
    Value copied =
        linalg::CopyOp::create(rewriter, loc, pad.getSource(), interior)
            .getResult(0);
    rewriter.replaceOpWithNewOp<tensor::InsertSliceOp>(pad, copied, filled,
                                                       offsets, sizes, strides);
  }
}

linalg::GenericOp tessera::makeDimensionInnermost(RewriterBase &rewriter,
                                                  linalg::GenericOp generic,
                                                  unsigned dim) {
  SmallVector<AffineMap> maps = generic.getIndexingMapsArray();
  for (OpOperand *input : generic.getDpsInputOperands()) {
    AffineMap map = maps[input->getOperandNumber()];
    std::optional<unsigned> position =
        map.getResultPosition(rewriter.getAffineDimExpr(dim));
    if (!position || *position + 1 == map.getNumResults())
      continue;
    SmallVector<int64_t> permutation;
    for (unsigned result = 0; result < map.getNumResults(); ++result)
      if (result != *position)
        permutation.push_back(result);
    permutation.push_back(*position);
    rewriter.setInsertionPoint(generic);
    Value transposed =
        transposeValue(rewriter, generic.getLoc(), input->get(), permutation);
    SmallVector<AffineExpr> results;
    for (int64_t result : permutation)
      results.push_back(map.getResult(result));
    rewriter.modifyOpInPlace(generic, [&] {
      input->set(transposed);
      maps[input->getOperandNumber()] = AffineMap::get(
          map.getNumDims(), map.getNumSymbols(), results, map.getContext());
      generic.setIndexingMapsAttr(rewriter.getAffineMapArrayAttr(maps));
    });
  }
  return generic;
}

linalg::GenericOp tessera::packIntoPanels(RewriterBase &rewriter,
                                          linalg::GenericOp op, unsigned dim,
                                          int64_t width) {
  SmallVector<int64_t> bounds = op.getStaticLoopRanges();
  if (op.getNumDpsInits() != 1 || !op.hasPureTensorSemantics() ||
      ShapedType::isDynamic(bounds[dim]) || bounds[dim] % width != 0 ||
      bounds[dim] / width < 2 ||
      !op.getBody()->getOps<linalg::IndexOp>().empty())
    return nullptr;
  MLIRContext *context = op.getContext();
  AffineExpr indexed = getAffineDimExpr(dim, context);
  // Each operand reads `dim` as a whole index, if at all; the init does.
  auto positionOf =
      [&](OpOperand &operand) -> FailureOr<std::optional<unsigned>> {
    AffineMap map = op.getMatchingIndexingMap(&operand);
    std::optional<unsigned> position = map.getResultPosition(indexed);
    for (auto [index, result] : llvm::enumerate(map.getResults()))
      if (result.isFunctionOfDim(dim) && index != position)
        return failure();
    return position;
  };
  for (OpOperand &operand : op->getOpOperands())
    if (failed(positionOf(operand)))
      return nullptr;
  OpOperand *init = op.getDpsInitOperand(0);
  if (!*positionOf(*init))
    return nullptr;

  // The panel loop takes `dim`'s place; `dim` (now within a panel) and the
  // loops after it move one on.
  unsigned numLoops = op.getNumLoops() + 1;
  SmallVector<AffineExpr> remap;
  for (unsigned d = 0; d < op.getNumLoops(); ++d)
    remap.push_back(getAffineDimExpr(d < dim ? d : d + 1, context));
  AffineExpr panel = getAffineDimExpr(dim, context);
  AffineExpr within = remap[dim];
  Location loc = op.getLoc();
  rewriter.setInsertionPoint(op);
  SmallVector<Value> inputs, inits;
  SmallVector<AffineMap> maps;
  SmallVector<ReassociationIndices> initReassociation;
  for (OpOperand &operand : op->getOpOperands()) {
    AffineMap map = op.getMatchingIndexingMap(&operand);
    std::optional<unsigned> position = *positionOf(operand);
    Value value = operand.get();
    SmallVector<AffineExpr> results;
    for (AffineExpr result : map.getResults()) {
      if (result == indexed) {
        results.push_back(panel);
        results.push_back(within);
      } else {
        results.push_back(result.replaceDims(remap));
      }
    }
    if (position) {
      auto type = cast<RankedTensorType>(value.getType());
      SmallVector<int64_t> shape(type.getShape());
      shape[*position] /= width;
      shape.insert(shape.begin() + *position + 1, width);
      SmallVector<ReassociationIndices> reassociation;
      int64_t next = 0;
      for (int64_t d = 0, e = type.getRank(); d < e; ++d) {
        reassociation.push_back({next++});
        if (d == *position)
          reassociation.back().push_back(next++);
      }
      auto expandedType = RankedTensorType::get(shape, type.getElementType());
      auto expand = [&](Value source) -> Value {
        return tensor::ExpandShapeOp::create(rewriter, loc, expandedType,
                                             source, reassociation);
      };
      if (op.isDpsInit(&operand)) {
        initReassociation = reassociation;
        // A fill stays a fill (of the panels), which tiles fuse.
        if (auto fill = value.getDefiningOp<linalg::FillOp>())
          value = linalg::FillOp::create(
                      rewriter, loc, fill.getDpsInputOperand(0)->get(),
                      expand(fill.getDpsInitOperand(0)->get()))
                      .getResult(0);
        else
          value = expand(value);
      } else {
        // Panels outermost, the position within a panel innermost.
        SmallVector<int64_t> permutation = {*position};
        for (int64_t d = 0, e = shape.size(); d < e; ++d)
          if (d != *position && d != *position + 1)
            permutation.push_back(d);
        permutation.push_back(*position + 1);
        value = expand(value);
        if (!isIdentityPermutation(permutation)) {
          value = transposeValue(rewriter, loc, value, permutation);
          results = applyPermutation(results, permutation);
        }
      }
    }
    (op.isDpsInit(&operand) ? inits : inputs).push_back(value);
    maps.push_back(AffineMap::get(numLoops, 0, results, context));
  }
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  iterators.insert(iterators.begin() + dim, utils::IteratorType::parallel);
  auto packed = linalg::GenericOp::create(rewriter, loc, inits[0].getType(),
                                          inputs, inits, maps, iterators);
  packed->setDiscardableAttrs(op->getDiscardableAttrDictionary());
  rewriter.cloneRegionBefore(op.getRegion(), packed.getRegion(),
                             packed.getRegion().end());
  rewriter.replaceOpWithNewOp<tensor::CollapseShapeOp>(
      op, op->getResult(0).getType(), packed.getResult(0), initReassociation);
  return packed;
}

bool tessera::isCopyKernel(Operation *op) {
  auto linalgOp = dyn_cast_or_null<linalg::LinalgOp>(op);
  if (!linalgOp || linalgOp.getNumDpsInputs() != 1 ||
      linalgOp.getNumDpsInits() != 1 ||
      linalgOp.getNumParallelLoops() != linalgOp.getNumLoops())
    return false;
  Block *body = linalgOp.getBlock();
  return llvm::hasSingleElement(*body) &&
         body->getTerminator()->getOperand(0) == body->getArgument(0);
}

LogicalResult tessera::copyIntoPanels(RewriterBase &rewriter,
                                      linalg::TransposeOp transpose) {
  auto expand = transpose.getInput().getDefiningOp<tensor::ExpandShapeOp>();
  auto collapse = expand
                      ? expand.getSrc().getDefiningOp<tensor::CollapseShapeOp>()
                      : nullptr;
  if (!collapse || collapse.getResultType().getRank() != 2 ||
      expand.getResultType().getRank() != 3 ||
      !llvm::equal(transpose.getPermutation(), ArrayRef<int64_t>{1, 0, 2}))
    return failure();
  RankedTensorType sourceType = collapse.getSrcType();
  int64_t height = expand.getResultType().getDimSize(2);
  int64_t rank = sourceType.getRank();
  if (!sourceType.hasStaticShape() ||
      sourceType.getDimSize(rank - 1) % height != 0)
    return failure();
  // Loops: P's outer dimensions, the panel, K's dimensions, the row within
  // the panel.
  MLIRContext *context = rewriter.getContext();
  int64_t numK = collapse.getReassociationIndices()[0].size();
  int64_t numP = rank - numK;
  SmallVector<AffineExpr> index(rank);
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < numP - 1; ++d) {
    index[numK + d] = getAffineDimExpr(d, context);
    shape.push_back(sourceType.getDimSize(numK + d));
  }
  shape.push_back(sourceType.getDimSize(rank - 1) / height);
  for (int64_t d = 0; d < numK; ++d) {
    index[d] = getAffineDimExpr(numP + d, context);
    shape.push_back(sourceType.getDimSize(d));
  }
  shape.push_back(height);
  index[rank - 1] = getAffineDimExpr(numP - 1, context) * height +
                    getAffineDimExpr(rank, context);
  AffineMap read = AffineMap::get(rank + 1, 0, index, context);
  Value source = collapse.getSrc();
  auto copy = source.getDefiningOp<linalg::LinalgOp>();
  if (isCopyKernel(copy) &&
      copy.getMatchingIndexingMap(copy.getDpsInitOperand(0)).isIdentity()) {
    OpOperand *input = copy.getDpsInputOperand(0);
    read = copy.getMatchingIndexingMap(input).compose(read);
    source = input->get();
  }
  Location loc = transpose.getLoc();
  rewriter.setInsertionPoint(transpose);
  Value empty = tensor::EmptyOp::create(rewriter, loc, shape,
                                        sourceType.getElementType());
  auto panels = linalg::GenericOp::create(
      rewriter, loc, empty.getType(), ValueRange{source}, ValueRange{empty},
      SmallVector<AffineMap>{
          read, AffineMap::getMultiDimIdentityMap(rank + 1, context)},
      SmallVector<utils::IteratorType>(rank + 1, utils::IteratorType::parallel),
      [](OpBuilder &b, Location loc, ValueRange args) {
        linalg::YieldOp::create(b, loc, args[0]);
      });
  SmallVector<ReassociationIndices> groups(3);
  for (int64_t d = 0; d <= rank; ++d)
    groups[d < numP ? 0 : d < rank ? 1 : 2].push_back(d);
  rewriter.replaceOpWithNewOp<tensor::CollapseShapeOp>(
      transpose, transpose.getResult()[0].getType(), panels.getResult(0),
      groups);
  // The columns' reshapes and their copy, unless something else reads them.
  for (Operation *op : {expand.getOperation(), collapse.getOperation(),
                        collapse.getSrc().getDefiningOp()})
    if (op && op->use_empty())
      rewriter.eraseOp(op);
  return success();
}

void tessera::reassociateReductions(ModuleOp module) {
  module.walk([](linalg::LinalgOp op) {
    if (op.getNumReductionLoops() == 0)
      return;
    op->walk([](arith::ArithFastMathInterface arithOp) {
      arith::FastMathFlags flags = arith::FastMathFlags::reassoc;
      if (isa<arith::MaximumFOp, arith::MinimumFOp>(arithOp.getOperation()))
        flags = flags | arith::FastMathFlags::nsz;
      arithOp->setAttr(arithOp.getFastMathAttrName(),
                       arith::FastMathFlagsAttr::get(
                           arithOp->getContext(),
                           arithOp.getFastMathFlagsAttr().getValue() | flags));
    });
  });
}

void tessera::collapseReducedPlanes(ModuleOp module) {
  SmallVector<std::pair<linalg::GenericOp, ReassociationIndices>> planes;
  module.walk([&](linalg::GenericOp op) {
    if (!op.hasPureTensorSemantics() || op.hasDynamicShape())
      return;
    SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
    ReassociationIndices group;
    for (int64_t dim = iterators.size() - 1;
         dim >= 0 && iterators[dim] == utils::IteratorType::reduction; --dim)
      group.insert(group.begin(), dim);
    // Plain reads only: windows (oh + kh), constant indices and bodies
    // that use the loop indices do not collapse.
    if (group.size() > 1 &&
        llvm::all_of(
            op.getIndexingMapsArray(),
            [](AffineMap map) { return map.isProjectedPermutation(); }) &&
        op.getBody()->getOps<linalg::IndexOp>().empty() &&
        linalg::areDimSequencesPreserved(op.getIndexingMapsArray(), {group}))
      planes.emplace_back(op, group);
  });
  IRRewriter rewriter(module.getContext());
  for (auto &[op, group] : planes) {
    rewriter.setInsertionPoint(op);
    FailureOr<linalg::CollapseResult> collapsed =
        linalg::collapseOpIterationDims(op, {group}, rewriter);
    if (succeeded(collapsed))
      rewriter.replaceOp(op, collapsed->results);
  }
}

LogicalResult tessera::makePlanesPerTile(RewriterBase &rewriter,
                                         scf::ForallOp forall, Value planes) {
  // The chain that makes the planes: a pad of the unpadded planes, or of
  // their column phases (a transpose of an expand_shape of them), or the
  // phases alone.
  auto pad = planes.getDefiningOp<tensor::PadOp>();
  Value source = pad ? pad.getSource() : planes;
  auto transpose = source.getDefiningOp<linalg::TransposeOp>();
  tensor::ExpandShapeOp expand;
  if (transpose) {
    expand = transpose.getInput().getDefiningOp<tensor::ExpandShapeOp>();
    if (!expand)
      return failure();
    source = expand.getSrc();
  }
  if ((!pad && !transpose) || forall.getRank() != 1 ||
      (pad && (ShapedType::isDynamicShape(pad.getStaticLow()) ||
               ShapedType::isDynamicShape(pad.getStaticHigh()))))
    return failure();
  auto sourceType = cast<RankedTensorType>(source.getType());
  if (!sourceType.hasStaticShape())
    return failure();

  // Slices of slices of the planes become slices of the planes.
  RewritePatternSet patterns(rewriter.getContext());
  tensor::populateMergeConsecutiveInsertExtractSlicePatterns(patterns);
  if (failed(applyPatternsGreedily(forall.getOperation(), std::move(patterns))))
    return failure();
  Value plane = forall.getInductionVar(0);
  SmallVector<tensor::ExtractSliceOp> slices;
  forall.getBody()->walk([&](tensor::ExtractSliceOp slice) {
    if (slice.getSource() == planes)
      slices.push_back(slice);
  });
  for (tensor::ExtractSliceOp slice : slices)
    if (getAsOpFoldResult(plane) != slice.getMixedOffsets()[0] ||
        !isConstantIntValue(slice.getMixedSizes()[0], 1))
      return failure();

  // The iteration's plane, split and padded in the loop.
  Location loc = planes.getLoc();
  rewriter.setInsertionPointToStart(forall.getBody());
  MLIRContext *context = rewriter.getContext();
  SmallVector<OpFoldResult> offsets(sourceType.getRank(),
                                    rewriter.getIndexAttr(0));
  offsets[0] = plane;
  SmallVector<OpFoldResult> sizes =
      getAsIndexOpFoldResult(context, sourceType.getShape());
  sizes[0] = rewriter.getIndexAttr(1);
  SmallVector<OpFoldResult> strides(sourceType.getRank(),
                                    rewriter.getIndexAttr(1));
  Value local = tensor::ExtractSliceOp::create(rewriter, loc, source, offsets,
                                               sizes, strides);
  if (transpose) {
    SmallVector<int64_t> shape(expand.getResultType().getShape());
    shape[0] = 1;
    local = tensor::ExpandShapeOp::create(
        rewriter, loc,
        RankedTensorType::get(shape, sourceType.getElementType()), local,
        expand.getReassociationIndices());
  }
  // The split (or copy) writes into the interior of the padded plane, whose
  // border alone is filled: no unpadded plane in between, and no fill of
  // what the split overwrites.
  if (!pad) {
    local = tessera::transposeValue(rewriter, loc, local,
                                    transpose.getPermutation());
  } else {
    auto localType = cast<RankedTensorType>(local.getType());
    SmallVector<int64_t> madeShape(localType.getShape());
    if (transpose)
      madeShape = applyPermutation(madeShape, transpose.getPermutation());
    auto madeType =
        RankedTensorType::get(madeShape, localType.getElementType());
    SmallVector<int64_t> low(pad.getStaticLow()), high(pad.getStaticHigh());
    auto paddedType = tensor::PadOp::inferResultType(madeType, low, high);
    Value padded = fillBorder(rewriter, loc,
                              bufferization::AllocTensorOp::create(
                                  rewriter, loc, paddedType, ValueRange{}),
                              low, high, pad.getConstantPaddingValue());
    SmallVector<OpFoldResult> offsets = getAsIndexOpFoldResult(context, low);
    SmallVector<OpFoldResult> sizes =
        getAsIndexOpFoldResult(context, madeShape);
    SmallVector<OpFoldResult> unitStrides(madeShape.size(),
                                          rewriter.getIndexAttr(1));
    Value interior = tensor::ExtractSliceOp::create(
        rewriter, loc, padded, offsets, sizes, unitStrides);
    Value made =
        transpose ? linalg::TransposeOp::create(rewriter, loc, local, interior,
                                                transpose.getPermutation())
                        .getResult()[0]
                  : linalg::CopyOp::create(rewriter, loc, local, interior)
                        .getResult(0);
    local = tensor::InsertSliceOp::create(rewriter, loc, made, padded, offsets,
                                          sizes, unitStrides);
  }
  for (tensor::ExtractSliceOp slice : slices) {
    rewriter.setInsertionPoint(slice);
    SmallVector<OpFoldResult> sliceOffsets = slice.getMixedOffsets();
    sliceOffsets[0] = rewriter.getIndexAttr(0);
    rewriter.replaceOpWithNewOp<tensor::ExtractSliceOp>(
        slice, slice.getType(), local, sliceOffsets, slice.getMixedSizes(),
        slice.getMixedStrides());
  }
  return success();
}
