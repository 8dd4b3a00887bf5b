//===- Vision.cpp - Vision operators to te --------------------------------===//
//
// grid_sample is one gather-style stage like resize: each output element
// computes its source coordinate from the grid and reads 1, 4 or 16
// neighbours (with the padding mode's bounds handling). roi_align reduces
// over the sampling points of each bin; with an adaptive sampling ratio a
// first stage finds the largest point grid any region needs, and points
// beyond a region's own grid are masked. non_max_suppression is greedy and
// data-dependent: scf loops per batch and class repeatedly select the best
// remaining box and drop the boxes it overlaps, inserting the selections into
// a result whose size is only known at the end.
//
// Coordinates and weights follow ONNX's reference (onnxruntime's kernels).
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

#include <limits>

using namespace mlir;
using namespace tessera;
using namespace tessera::graph_to_te;

namespace {

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// Result dim `dim`: static from `type`, else `dynamicSize()`.
OpFoldResult resultSize(OpBuilder &b, RankedTensorType type, int64_t dim,
                        llvm::function_ref<OpFoldResult()> dynamicSize) {
  if (!type.isDynamicDim(dim))
    return b.getIndexAttr(type.getDimSize(dim));
  return dynamicSize();
}

/// Float arithmetic in one compute type, with conversions from and to the
/// element types of the data.
struct FloatMath {
  OpBuilder &b;
  Location loc;
  Type type;

  Value constant(double value) { return scalarConstant(b, loc, type, value); }
  Value add(Value x, Value y) { return arith::AddFOp::create(b, loc, x, y); }
  Value sub(Value x, Value y) { return arith::SubFOp::create(b, loc, x, y); }
  Value mul(Value x, Value y) { return arith::MulFOp::create(b, loc, x, y); }
  Value div(Value x, Value y) { return arith::DivFOp::create(b, loc, x, y); }
  Value max(Value x, Value y) {
    return arith::MaximumFOp::create(b, loc, x, y);
  }
  Value min(Value x, Value y) {
    return arith::MinimumFOp::create(b, loc, x, y);
  }
  Value floor(Value x) { return math::FloorOp::create(b, loc, x); }
  Value cmp(arith::CmpFPredicate predicate, Value x, Value y) {
    return arith::CmpFOp::create(b, loc, predicate, x, y);
  }
  Value select(Value condition, Value x, Value y) {
    return arith::SelectOp::create(b, loc, condition, x, y);
  }
  Value fromIndex(Value index) {
    Value i64 = arith::IndexCastOp::create(b, loc, b.getI64Type(), index);
    return arith::SIToFPOp::create(b, loc, type, i64);
  }
  /// An integer-valued float as an index (truncating).
  Value toIndex(Value x) {
    Value i64 = arith::FPToSIOp::create(b, loc, b.getI64Type(), x);
    return arith::IndexCastOp::create(b, loc, b.getIndexType(), i64);
  }
  /// A scalar of the data (`isUnsigned` for unsigned integers) in `type`.
  Value from(Value x, bool isUnsigned = false) {
    Type from = x.getType();
    if (from == type)
      return x;
    if (isa<FloatType>(from))
      return from.getIntOrFloatBitWidth() < type.getIntOrFloatBitWidth()
                 ? Value(arith::ExtFOp::create(b, loc, type, x))
                 : Value(arith::TruncFOp::create(b, loc, type, x));
    if (isUnsigned)
      return arith::UIToFPOp::create(b, loc, type, x);
    return arith::SIToFPOp::create(b, loc, type, x);
  }
  /// `x` converted to the data's `to` (integers truncate toward zero).
  Value to(Value x, Type to, bool isUnsigned = false) {
    if (to == type)
      return x;
    if (isa<FloatType>(to))
      return to.getIntOrFloatBitWidth() < type.getIntOrFloatBitWidth()
                 ? Value(arith::TruncFOp::create(b, loc, to, x))
                 : Value(arith::ExtFOp::create(b, loc, to, x));
    if (isUnsigned)
      return arith::FPToUIOp::create(b, loc, to, x);
    return arith::FPToSIOp::create(b, loc, to, x);
  }
};

/// f64 for f64 data, f32 otherwise (f16 and bf16 compute in f32, as
/// onnxruntime does).
Type computeTypeFor(OpBuilder &b, Type elementType) {
  return elementType.isF64() ? Type(b.getF64Type()) : Type(b.getF32Type());
}

//===----------------------------------------------------------------------===//
// grid_sample
//===----------------------------------------------------------------------===//

/// `x` mirrored into [low, high] as often as needed (onnxruntime's
/// GsReflect); `low` when the range is empty.
Value reflect(FloatMath &m, Value x, Value low, Value high) {
  OpBuilder &b = m.b;
  Location loc = m.loc;
  Value range = m.sub(high, low);
  // Distance beyond the nearer border, in whole ranges and the rest.
  auto fold = [&](Value distance, Value near, Value far, bool nearIsLow) {
    Value flips = math::TruncOp::create(b, loc, m.div(distance, range));
    Value rest = m.sub(distance, m.mul(flips, range));
    Value flipsInt = arith::FPToSIOp::create(b, loc, b.getI64Type(), flips);
    Value even = arith::CmpIOp::create(
        b, loc, arith::CmpIPredicate::eq,
        arith::AndIOp::create(b, loc, flipsInt,
                              arith::ConstantIntOp::create(b, loc, 1, 64)),
        arith::ConstantIntOp::create(b, loc, 0, 64));
    Value fromNear = nearIsLow ? m.add(near, rest) : m.sub(near, rest);
    Value fromFar = nearIsLow ? m.sub(far, rest) : m.add(far, rest);
    return m.select(even, fromNear, fromFar);
  };
  Value below = m.cmp(arith::CmpFPredicate::OLT, x, low);
  Value above = m.cmp(arith::CmpFPredicate::OGT, x, high);
  Value result = m.select(
      below, fold(m.sub(low, x), low, high, /*nearIsLow=*/true),
      m.select(above, fold(m.sub(x, high), high, low, /*nearIsLow=*/false), x));
  Value empty = m.cmp(arith::CmpFPredicate::OLE, range, m.constant(0));
  return m.select(empty, low, result);
}

/// The cubic convolution weights (a = -0.75) of the 4 neighbours of a point
/// at fraction `t` in [0, 1) past the second one.
SmallVector<Value> cubicWeights(FloatMath &m, Value t) {
  const double a = -0.75;
  auto far = [&](Value d) { // |d| in [1, 2]
    Value r = m.sub(m.mul(m.constant(a), d), m.constant(5 * a));
    r = m.add(m.mul(r, d), m.constant(8 * a));
    return m.sub(m.mul(r, d), m.constant(4 * a));
  };
  auto near = [&](Value d) { // |d| in [0, 1]
    Value r = m.sub(m.mul(m.constant(a + 2), d), m.constant(a + 3));
    return m.add(m.mul(m.mul(r, d), d), m.constant(1));
  };
  Value rest = m.sub(m.constant(1), t);
  return {far(m.add(t, m.constant(1))), near(t), near(rest),
          far(m.sub(m.constant(2), t))};
}

/// Each output element (n, c, h, w) maps grid[n, h, w] = (x, y) from [-1, 1]
/// to input coordinates, rounds them (nearest) or takes the 2 x 2 or 4 x 4
/// neighbours around them (bilinear, bicubic). Padding: "zeros" reads 0
/// outside the image (te.read padding), "border" clamps coordinates outside
/// the image and then neighbour indices, "reflection" mirrors both.
struct GridSamplePattern : OpConversionPattern<graph::GridSampleOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::GridSampleOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput(), grid = adaptor.getGrid();
    auto resultType = convertedType(getTypeConverter(), op.getOutput());
    Type elementType = resultType.getElementType();
    bool isUnsigned = isUnsignedTensor(op.getInput().getType());
    Type gridType = cast<RankedTensorType>(grid.getType()).getElementType();
    Type computeType =
        computeTypeFor(rewriter, elementType.isF64() ? elementType : gridType);
    StringRef mode = op.getMode(), padding = op.getPaddingMode();
    bool alignCorners = op.getAlignCorners() == 1;

    SmallVector<OpFoldResult> sizes = {
        dimSize(rewriter, loc, input, 0), dimSize(rewriter, loc, input, 1),
        dimSize(rewriter, loc, grid, 1), dimSize(rewriter, loc, grid, 2)};
    Value result =
        buildCompute(
            rewriter, loc, stageName(op), resultType, sizes, {input, grid},
            {"n", "c", "h", "w"}, nullptr,
            [&](ComputeBody &body) -> SmallVector<Value> {
              OpBuilder &b = body.b;
              Location l = body.loc;
              FloatMath m{b, l, computeType};
              Value n = body.outputIndices[0], c = body.outputIndices[1];
              Value h = body.outputIndices[2], w = body.outputIndices[3];
              Value heightIndex = body.dimSize(0, 2);
              Value widthIndex = body.dimSize(0, 3);
              Value height = m.fromIndex(heightIndex);
              Value width = m.fromIndex(widthIndex);

              // Normalized [-1, 1] to pixel coordinates.
              auto denormalize = [&](Value normalized, Value length) {
                Value shifted = m.add(normalized, m.constant(1));
                if (alignCorners)
                  return m.mul(m.div(shifted, m.constant(2)),
                               m.sub(length, m.constant(1)));
                return m.div(m.sub(m.mul(shifted, length), m.constant(1)),
                             m.constant(2));
              };
              Value x = denormalize(
                  m.from(body.read(1, {n, h, w, body.index(0)})), width);
              Value y = denormalize(
                  m.from(body.read(1, {n, h, w, body.index(1)})), height);
              if (mode == "nearest") {
                x = math::RoundEvenOp::create(b, l, x);
                y = math::RoundEvenOp::create(b, l, y);
              }

              // The border the coordinates reflect at.
              Value xLow = m.constant(alignCorners ? 0 : -0.5);
              Value yLow = xLow;
              Value xHigh = alignCorners ? m.sub(width, m.constant(1))
                                         : m.sub(width, m.constant(0.5));
              Value yHigh = alignCorners ? m.sub(height, m.constant(1))
                                         : m.sub(height, m.constant(0.5));
              if (padding == "border") {
                // Both coordinates move to the image when either is out.
                Value outside = arith::OrIOp::create(
                    b, l,
                    arith::OrIOp::create(
                        b, l, m.cmp(arith::CmpFPredicate::OLT, x, xLow),
                        m.cmp(arith::CmpFPredicate::OGT, x, xHigh)),
                    arith::OrIOp::create(
                        b, l, m.cmp(arith::CmpFPredicate::OLT, y, yLow),
                        m.cmp(arith::CmpFPredicate::OGT, y, yHigh)));
                Value zero = m.constant(0);
                x = m.select(outside,
                             m.min(m.max(x, zero), m.sub(width, m.constant(1))),
                             x);
                y = m.select(
                    outside,
                    m.min(m.max(y, zero), m.sub(height, m.constant(1))), y);
              } else if (padding == "reflection") {
                x = reflect(m, x, xLow, xHigh);
                y = reflect(m, y, yLow, yHigh);
              }

              // The pixel at integer-valued float coordinates (row, col).
              Value zeroElement = arith::ConstantOp::create(
                  b, l, cast<TypedAttr>(b.getZeroAttr(elementType)));
              auto pixel = [&](Value row, Value col) {
                if (padding == "reflection") {
                  row = reflect(m, row, yLow, yHigh);
                  col = reflect(m, col, xLow, xHigh);
                }
                Value rowIndex = m.toIndex(row), colIndex = m.toIndex(col);
                if (padding == "border") {
                  auto clamp = [&](Value index, Value size) -> Value {
                    Value last =
                        arith::SubIOp::create(b, l, size, body.index(1));
                    return arith::MaxSIOp::create(
                        b, l, arith::MinSIOp::create(b, l, index, last),
                        body.index(0));
                  };
                  rowIndex = clamp(rowIndex, heightIndex);
                  colIndex = clamp(colIndex, widthIndex);
                }
                Value padValue = padding == "zeros" ? zeroElement : Value();
                return m.from(
                    body.read(0, {n, c, rowIndex, colIndex}, padValue),
                    isUnsigned);
              };

              Value value;
              if (mode == "nearest") {
                value = pixel(y, x);
              } else if (mode == "bilinear") {
                Value x1 = m.floor(x), y1 = m.floor(y);
                Value x2 = m.add(x1, m.constant(1));
                Value y2 = m.add(y1, m.constant(1));
                Value dx2 = m.sub(x2, x), dx1 = m.sub(x, x1);
                Value dy2 = m.sub(y2, y), dy1 = m.sub(y, y1);
                Value top =
                    m.add(m.mul(dx2, pixel(y1, x1)), m.mul(dx1, pixel(y1, x2)));
                Value bottom =
                    m.add(m.mul(dx2, pixel(y2, x1)), m.mul(dx1, pixel(y2, x2)));
                value = m.add(m.mul(dy2, top), m.mul(dy1, bottom));
              } else { // bicubic
                Value x0 = m.sub(m.floor(x), m.constant(1));
                Value y0 = m.sub(m.floor(y), m.constant(1));
                SmallVector<Value> xWeights =
                    cubicWeights(m, m.sub(x, m.floor(x)));
                SmallVector<Value> yWeights =
                    cubicWeights(m, m.sub(y, m.floor(y)));
                for (int64_t i = 0; i < 4; ++i) {
                  Value row = m.add(y0, m.constant(i));
                  Value rowValue;
                  for (int64_t j = 0; j < 4; ++j) {
                    Value term = m.mul(xWeights[j],
                                       pixel(row, m.add(x0, m.constant(j))));
                    rowValue = rowValue ? m.add(rowValue, term) : term;
                  }
                  Value term = m.mul(yWeights[i], rowValue);
                  value = value ? m.add(value, term) : term;
                }
              }
              return {m.to(value, elementType, isUnsigned)};
            })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// roi_align
//===----------------------------------------------------------------------===//

/// A sum ("avg") or max reduction over the sampling points (iy, ix) of each
/// bin of output (r, c, ph, pw). Each point is bilinearly interpolated as
/// onnxruntime does: points more than a pixel outside the image count as 0,
/// others are clamped to the image. "avg" divides each point by the bin's
/// point count; "max" takes the largest weighted neighbour of each point.
/// sampling_ratio 0 gives each region its own ceil(size / bins) points per
/// bin: the stage "roi_align.grid" finds the largest such grid over all
/// regions (the reduction extents), and points beyond a region's grid are
/// masked out.
struct RoiAlignPattern : OpConversionPattern<graph::RoiAlignOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::RoiAlignOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput(), rois = adaptor.getRois();
    Value batchIndices = adaptor.getBatchIndices();
    auto resultType = convertedType(getTypeConverter(), op.getOutput());
    Type elementType = resultType.getElementType();
    Type computeType = computeTypeFor(rewriter, elementType);
    bool isMax = op.getMode() == "max";
    bool halfPixel = op.getCoordinateTransformationMode() == "half_pixel";
    int64_t outputHeight = op.getOutputHeight();
    int64_t outputWidth = op.getOutputWidth();
    int64_t samplingRatio = op.getSamplingRatio();
    double spatialScale = op.getSpatialScale().convertToDouble();
    bool adaptive = samplingRatio == 0;

    // The region's corners (x1, y1, x2, y2) and size in input pixels.
    struct Region {
      Value x1, y1, width, height;
    };
    auto region = [&](ComputeBody &body, FloatMath &m, Value r,
                      unsigned roisInput) {
      auto corner = [&](int64_t i) {
        Value scaled = m.mul(m.from(body.read(roisInput, {r, body.index(i)})),
                             m.constant(spatialScale));
        return halfPixel ? m.sub(scaled, m.constant(0.5)) : scaled;
      };
      Value x1 = corner(0), y1 = corner(1);
      Value width = m.sub(corner(2), x1), height = m.sub(corner(3), y1);
      if (!halfPixel) { // Malformed regions become 1 x 1.
        width = m.max(width, m.constant(1));
        height = m.max(height, m.constant(1));
      }
      return Region{x1, y1, width, height};
    };

    ReductionSpec reduction;
    reduction.axes = {"iy", "ix"};
    reduction.combiner = isMax ? te::CombinerKind::Max : te::CombinerKind::Sum;
    if (adaptive) {
      auto gridType = RankedTensorType::get({2}, rewriter.getI64Type());
      ReductionSpec overRegions;
      overRegions.axes = {"r"};
      overRegions.extents = {dimSize(rewriter, loc, rois, 0)};
      overRegions.combiner = te::CombinerKind::Max;
      Value grid =
          buildCompute(
              rewriter, loc, (stageName(op) + ".grid").str(), gridType,
              {rewriter.getIndexAttr(2)}, {rois}, {"d"}, &overRegions,
              [&](ComputeBody &body) -> SmallVector<Value> {
                FloatMath m{body.b, body.loc, computeType};
                Region box = region(body, m, body.reduceIndices[0], 0);
                Value isHeight = arith::CmpIOp::create(
                    body.b, body.loc, arith::CmpIPredicate::eq,
                    body.outputIndices[0], body.index(0));
                Value points = math::CeilOp::create(
                    body.b, body.loc,
                    m.select(isHeight,
                             m.div(box.height, m.constant(outputHeight)),
                             m.div(box.width, m.constant(outputWidth))));
                return {arith::FPToSIOp::create(body.b, body.loc,
                                                body.b.getI64Type(), points)};
              })
              .front();
      // At least one point: an empty grid still needs one masked point.
      for (int64_t d = 0; d < 2; ++d) {
        Value points = tensor::ExtractOp::create(
            rewriter, loc, grid, ValueRange{constantIndex(rewriter, loc, d)});
        points = arith::MaxSIOp::create(
            rewriter, loc, points,
            arith::ConstantIntOp::create(rewriter, loc, 1, 64));
        reduction.extents.push_back(
            arith::IndexCastOp::create(rewriter, loc, rewriter.getIndexType(),
                                       points)
                .getResult());
      }
    } else {
      reduction.extents = {rewriter.getIndexAttr(samplingRatio),
                           rewriter.getIndexAttr(samplingRatio)};
    }

    SmallVector<OpFoldResult> sizes = {
        resultSize(rewriter, resultType, 0,
                   [&] { return dimSize(rewriter, loc, rois, 0); }),
        dimSize(rewriter, loc, input, 1), rewriter.getIndexAttr(outputHeight),
        rewriter.getIndexAttr(outputWidth)};
    Value result =
        buildCompute(
            rewriter, loc, stageName(op), resultType, sizes,
            {input, rois, batchIndices}, {"r", "c", "ph", "pw"}, &reduction,
            [&](ComputeBody &body) -> SmallVector<Value> {
              OpBuilder &b = body.b;
              Location l = body.loc;
              FloatMath m{b, l, computeType};
              Value r = body.outputIndices[0], c = body.outputIndices[1];
              Value iy = body.reduceIndices[0], ix = body.reduceIndices[1];
              Value batch = arith::IndexCastOp::create(b, l, b.getIndexType(),
                                                       body.read(2, {r}));
              Region box = region(body, m, r, 1);
              Value binHeight = m.div(box.height, m.constant(outputHeight));
              Value binWidth = m.div(box.width, m.constant(outputWidth));
              Value gridHeight, gridWidth;
              if (adaptive) {
                gridHeight = math::CeilOp::create(b, l, binHeight);
                gridWidth = math::CeilOp::create(b, l, binWidth);
              } else {
                gridHeight = gridWidth = m.constant(samplingRatio);
              }
              // The sampling point, (i + 0.5) / grid of the way into the bin.
              auto point = [&](Value start, Value bin, Value outputIndex,
                               Value sampleIndex, Value points) {
                Value offset = m.div(
                    m.mul(m.add(m.fromIndex(sampleIndex), m.constant(0.5)),
                          bin),
                    points);
                return m.add(m.add(start, m.mul(m.fromIndex(outputIndex), bin)),
                             offset);
              };
              Value y = point(box.y1, binHeight, body.outputIndices[2], iy,
                              gridHeight);
              Value x =
                  point(box.x1, binWidth, body.outputIndices[3], ix, gridWidth);

              Value heightIndex = body.dimSize(0, 2);
              Value widthIndex = body.dimSize(0, 3);
              Value height = m.fromIndex(heightIndex);
              Value width = m.fromIndex(widthIndex);
              Value outside = arith::OrIOp::create(
                  b, l,
                  arith::OrIOp::create(
                      b, l, m.cmp(arith::CmpFPredicate::OLT, y, m.constant(-1)),
                      m.cmp(arith::CmpFPredicate::OGT, y, height)),
                  arith::OrIOp::create(
                      b, l, m.cmp(arith::CmpFPredicate::OLT, x, m.constant(-1)),
                      m.cmp(arith::CmpFPredicate::OGT, x, width)));
              // The low and high neighbours and the weight of the high one
              // along one dim; at the last pixel both are that pixel. (The
              // clamp to `length` only keeps indices of outside points,
              // whose weights are 0, in bounds.)
              auto neighbours = [&](Value coordinate, Value length,
                                    Value lengthIndex) {
                coordinate = m.min(m.max(coordinate, m.constant(0)), length);
                Value low = m.toIndex(coordinate);
                Value last =
                    arith::SubIOp::create(b, l, lengthIndex, body.index(1));
                Value atLast = arith::CmpIOp::create(
                    b, l, arith::CmpIPredicate::sge, low, last);
                low = arith::SelectOp::create(b, l, atLast, last, low);
                Value high = arith::SelectOp::create(
                    b, l, atLast, last,
                    arith::AddIOp::create(b, l, low, body.index(1)));
                coordinate = m.select(atLast, m.fromIndex(last), coordinate);
                Value fraction = m.sub(coordinate, m.fromIndex(low));
                return std::make_tuple(low, high, fraction);
              };
              auto [yLow, yHigh, ly] = neighbours(y, height, heightIndex);
              auto [xLow, xHigh, lx] = neighbours(x, width, widthIndex);
              Value hy = m.sub(m.constant(1), ly);
              Value hx = m.sub(m.constant(1), lx);
              auto weighted = [&](Value weight, Value row, Value col) {
                return m.mul(weight,
                             m.from(body.read(0, {batch, c, row, col})));
              };
              SmallVector<Value> terms = {
                  weighted(m.mul(hy, hx), yLow, xLow),
                  weighted(m.mul(hy, lx), yLow, xHigh),
                  weighted(m.mul(ly, hx), yHigh, xLow),
                  weighted(m.mul(ly, lx), yHigh, xHigh)};
              Value value;
              if (isMax) {
                value =
                    m.max(m.max(terms[0], terms[1]), m.max(terms[2], terms[3]));
              } else {
                Value count =
                    m.max(m.mul(gridHeight, gridWidth), m.constant(1));
                value = m.div(
                    m.add(m.add(terms[0], terms[1]), m.add(terms[2], terms[3])),
                    count);
              }
              Value zero = m.constant(0);
              value = m.select(outside, zero, value);
              if (adaptive) {
                // Points beyond this region's grid add nothing; a region
                // without points gives 0.
                Value masked =
                    arith::OrIOp::create(b, l,
                                         m.cmp(arith::CmpFPredicate::OGE,
                                               m.fromIndex(iy), gridHeight),
                                         m.cmp(arith::CmpFPredicate::OGE,
                                               m.fromIndex(ix), gridWidth));
                Value neutral = zero;
                if (isMax) {
                  Value empty = m.cmp(arith::CmpFPredicate::OLE,
                                      m.mul(gridHeight, gridWidth), zero);
                  neutral = m.select(
                      empty, zero,
                      m.constant(-std::numeric_limits<double>::infinity()));
                }
                value = m.select(masked, neutral, value);
              }
              return {m.to(value, elementType)};
            })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// non_max_suppression
//===----------------------------------------------------------------------===//

/// One box as its extents.
struct Box {
  Value xMin, xMax, yMin, yMax;
};

/// Greedy suppression per batch b and class k, in scf loops: the boxes
/// still "alive" start as those scoring above score_threshold; while fewer
/// than max_output_boxes_per_class are selected, the alive box with the
/// highest score (the lowest index among equal ones) is selected and every
/// alive box whose IoU with it exceeds iou_threshold is dropped (it too).
/// This selects what onnxruntime's sort-then-check-against-the-selected
/// loop does. The selections are inserted as rows into a buffer of
/// B * K * min(max_output, S) rows, which is then cut to the count.
struct NonMaxSuppressionPattern
    : OpConversionPattern<graph::NonMaxSuppressionOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::NonMaxSuppressionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value boxes = adaptor.getBoxes(), scores = adaptor.getScores();
    auto resultType =
        convertedType(getTypeConverter(), op.getSelectedIndices());
    bool centerPointBox = op.getCenterPointBox() == 1;
    OpBuilder &b = rewriter;
    auto index = [&](int64_t value) { return constantIndex(b, loc, value); };
    auto toIndexValue = [&](OpFoldResult size) {
      return getValueOrCreateConstantIndexOp(b, loc, size);
    };
    Value numBatches = toIndexValue(dimSize(b, loc, boxes, 0));
    Value numBoxes = toIndexValue(dimSize(b, loc, boxes, 1));
    Value numClasses = toIndexValue(dimSize(b, loc, scores, 1));

    Value maxOutput = index(0);
    if (Value operand = adaptor.getMaxOutputBoxesPerClass()) {
      maxOutput = arith::IndexCastOp::create(b, loc, b.getIndexType(),
                                             extractScalar(b, loc, operand));
      maxOutput = arith::MinSIOp::create(
          b, loc, arith::MaxSIOp::create(b, loc, maxOutput, index(0)),
          numBoxes);
    }
    Value iouThreshold = adaptor.getIouThreshold()
                             ? extractScalar(b, loc, adaptor.getIouThreshold())
                             : scalarConstant(b, loc, b.getF32Type(), 0);
    Value scoreThreshold =
        adaptor.getScoreThreshold()
            ? extractScalar(b, loc, adaptor.getScoreThreshold())
            : Value();

    Value capacity = arith::MulIOp::create(
        b, loc, arith::MulIOp::create(b, loc, numBatches, numClasses),
        maxOutput);
    Value buffer = tensor::EmptyOp::create(
        b, loc, ArrayRef<int64_t>{ShapedType::kDynamic, 3}, b.getI64Type(),
        ValueRange{capacity});

    scf::LoopNest nest = scf::buildLoopNest(
        b, loc, {index(0), index(0)}, {numBatches, numClasses},
        {index(1), index(1)}, ValueRange{buffer, index(0)},
        [&](OpBuilder &b, Location l, ValueRange ivs,
            ValueRange iterArgs) -> scf::ValueVector {
          Value batch = ivs[0], cls = ivs[1];
          auto cst = [&](int64_t value) { return constantIndex(b, l, value); };
          auto score = [&](OpBuilder &b, Value box) -> Value {
            return tensor::ExtractOp::create(b, l, scores,
                                             ValueRange{batch, cls, box});
          };
          auto boxOf = [&](OpBuilder &b, Location l, Value box) {
            FloatMath m{b, l, b.getF32Type()};
            SmallVector<Value> v;
            for (int64_t i = 0; i < 4; ++i)
              v.push_back(tensor::ExtractOp::create(
                  b, l, boxes, ValueRange{batch, box, constantIndex(b, l, i)}));
            if (centerPointBox) {
              Value halfWidth = m.div(v[2], m.constant(2));
              Value halfHeight = m.div(v[3], m.constant(2));
              return Box{m.sub(v[0], halfWidth), m.add(v[0], halfWidth),
                         m.sub(v[1], halfHeight), m.add(v[1], halfHeight)};
            }
            // [y1, x1, y2, x2], any two diagonal corners.
            return Box{m.min(v[1], v[3]), m.max(v[1], v[3]), m.min(v[0], v[2]),
                       m.max(v[0], v[2])};
          };

          auto aliveType =
              RankedTensorType::get({ShapedType::kDynamic}, b.getI1Type());
          Value alive = tensor::GenerateOp::create(
              b, l, aliveType, ValueRange{numBoxes},
              [&](OpBuilder &g, Location gl, ValueRange at) {
                Value candidate =
                    scoreThreshold
                        ? arith::CmpFOp::create(g, gl,
                                                arith::CmpFPredicate::OGT,
                                                score(g, at[0]), scoreThreshold)
                              .getResult()
                        : arith::ConstantIntOp::create(g, gl, 1, 1).getResult();
                tensor::YieldOp::create(g, gl, candidate);
              });

          Type indexType = b.getIndexType();
          // The state (alive, rows, count, selected), and after the
          // condition also the best box.
          SmallVector<Type> afterTypes = {aliveType, iterArgs[0].getType(),
                                          indexType, indexType, indexType};
          auto loop = scf::WhileOp::create(
              b, l, afterTypes,
              ValueRange{alive, iterArgs[0], iterArgs[1], cst(0)},
              [&](OpBuilder &b, Location l, ValueRange state) {
                // The best alive box: -1 when none is left.
                auto scan = scf::ForOp::create(
                    b, l, cst(0), numBoxes, cst(1),
                    ValueRange{cst(-1),
                               scalarConstant(b, l, b.getF32Type(), 0)},
                    [&](OpBuilder &b, Location l, Value box, ValueRange best) {
                      Value isAlive = tensor::ExtractOp::create(
                          b, l, state[0], ValueRange{box});
                      Value boxScore = score(b, box);
                      Value none = arith::CmpIOp::create(
                          b, l, arith::CmpIPredicate::slt, best[0],
                          constantIndex(b, l, 0));
                      Value higher = arith::CmpFOp::create(
                          b, l, arith::CmpFPredicate::OGT, boxScore, best[1]);
                      Value better = arith::AndIOp::create(
                          b, l, isAlive,
                          arith::OrIOp::create(b, l, none, higher));
                      scf::YieldOp::create(
                          b, l,
                          ValueRange{arith::SelectOp::create(b, l, better, box,
                                                             best[0]),
                                     arith::SelectOp::create(
                                         b, l, better, boxScore, best[1])});
                    });
                Value best = scan.getResult(0);
                Value found =
                    arith::CmpIOp::create(b, l, arith::CmpIPredicate::sge, best,
                                          constantIndex(b, l, 0));
                Value room = arith::CmpIOp::create(
                    b, l, arith::CmpIPredicate::slt, state[3], maxOutput);
                SmallVector<Value> carried(state);
                carried.push_back(best);
                scf::ConditionOp::create(
                    b, l, arith::AndIOp::create(b, l, found, room), carried);
              },
              [&](OpBuilder &b, Location l, ValueRange state) {
                Value alive = state[0], rows = state[1], count = state[2];
                Value selected = state[3], best = state[4];
                auto i64 = [&](Value v) -> Value {
                  return arith::IndexCastOp::create(b, l, b.getI64Type(), v);
                };
                Value row[] = {batch, cls, best};
                for (auto [column, value] : llvm::enumerate(row))
                  rows = tensor::InsertOp::create(
                      b, l, i64(value), rows,
                      ValueRange{count, constantIndex(b, l, column)});

                FloatMath m{b, l, b.getF32Type()};
                auto area = [&](const Box &box) {
                  return m.mul(m.sub(box.xMax, box.xMin),
                               m.sub(box.yMax, box.yMin));
                };
                Box bestBox = boxOf(b, l, best);
                Value bestArea = area(bestBox);
                auto drop = scf::ForOp::create(
                    b, l, constantIndex(b, l, 0), numBoxes,
                    constantIndex(b, l, 1), ValueRange{alive},
                    [&](OpBuilder &b, Location l, Value other,
                        ValueRange iter) {
                      FloatMath m{b, l, b.getF32Type()};
                      Box otherBox = boxOf(b, l, other);
                      Value xMin = m.max(bestBox.xMin, otherBox.xMin);
                      Value xMax = m.min(bestBox.xMax, otherBox.xMax);
                      Value yMin = m.max(bestBox.yMin, otherBox.yMin);
                      Value yMax = m.min(bestBox.yMax, otherBox.yMax);
                      Value intersection =
                          m.mul(m.sub(xMax, xMin), m.sub(yMax, yMin));
                      Value otherArea = area(otherBox);
                      Value unionArea =
                          m.sub(m.add(bestArea, otherArea), intersection);
                      Value zero = m.constant(0);
                      Value overlaps =
                          m.cmp(arith::CmpFPredicate::OGT,
                                m.div(intersection, unionArea), iouThreshold);
                      for (Value positive :
                           {m.cmp(arith::CmpFPredicate::OGT, xMax, xMin),
                            m.cmp(arith::CmpFPredicate::OGT, yMax, yMin),
                            m.cmp(arith::CmpFPredicate::OGT, intersection,
                                  zero),
                            m.cmp(arith::CmpFPredicate::OGT, bestArea, zero),
                            m.cmp(arith::CmpFPredicate::OGT, otherArea, zero),
                            m.cmp(arith::CmpFPredicate::OGT, unionArea, zero)})
                        overlaps =
                            arith::AndIOp::create(b, l, overlaps, positive);
                      Value isBest = arith::CmpIOp::create(
                          b, l, arith::CmpIPredicate::eq, other, best);
                      Value dropped =
                          arith::OrIOp::create(b, l, overlaps, isBest);
                      Value wasAlive = tensor::ExtractOp::create(
                          b, l, iter[0], ValueRange{other});
                      Value stays = arith::AndIOp::create(
                          b, l, wasAlive,
                          arith::XOrIOp::create(
                              b, l, dropped,
                              arith::ConstantIntOp::create(b, l, 1, 1)));
                      scf::YieldOp::create(
                          b, l,
                          Value(tensor::InsertOp::create(b, l, stays, iter[0],
                                                         ValueRange{other})));
                    });
                Value one = constantIndex(b, l, 1);
                scf::YieldOp::create(
                    b, l,
                    ValueRange{drop.getResult(0), rows,
                               arith::AddIOp::create(b, l, count, one),
                               arith::AddIOp::create(b, l, selected, one)});
              });
          return {loop.getResult(1), loop.getResult(2)};
        });

    Value selections = tensor::ExtractSliceOp::create(
        rewriter, loc, nest.results[0],
        ArrayRef<OpFoldResult>{rewriter.getIndexAttr(0),
                               rewriter.getIndexAttr(0)},
        ArrayRef<OpFoldResult>{nest.results[1], rewriter.getIndexAttr(3)},
        ArrayRef<OpFoldResult>{rewriter.getIndexAttr(1),
                               rewriter.getIndexAttr(1)});
    // The result type may know the count (from the model's declared shape).
    if (selections.getType() != resultType)
      selections =
          tensor::CastOp::create(rewriter, loc, resultType, selections);
    rewriter.replaceOp(op, selections);
    return success();
  }
};

} // namespace

void graph_to_te::populateVisionPatterns(const TypeConverter &typeConverter,
                                         RewritePatternSet &patterns) {
  patterns.add<GridSamplePattern, RoiAlignPattern, NonMaxSuppressionPattern>(
      typeConverter, patterns.getContext());
}
