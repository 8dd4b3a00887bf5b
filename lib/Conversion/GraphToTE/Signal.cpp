//===- Signal.cpp - Signal operators to te --------------------------------===//
//
// dft and stft are direct O(N^2) transforms: one stage whose output element
// (..., k, c) sums x[n] * e^(-+2 pi i k n / N) over the n samples (c picks
// the real or imaginary part); no FFT. stft does that per frame, reading
// x[f * frame_step + n] times the window. mel_weight_matrix is an
// elementwise stage whose element (j, i) evaluates mel filter i at spectrum
// bin j (a constant mel_weight_matrix folds before this).
//
//===----------------------------------------------------------------------===//

#include "ComputeBuilder.h"
#include "Patterns.h"

#include "tessera/Dialect/Graph/IR/Graph.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace tessera;
using namespace tessera::graph_to_te;

namespace {

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

Value toIndex(OpBuilder &b, Location loc, Value integer) {
  return arith::IndexCastOp::create(b, loc, b.getIndexType(), integer);
}

/// A length the transforms need: a constant, an integer scalar operand, or
/// a dim of an operand. `at` gives it outside a compute, `inBody` inside
/// one (whose input `input` holds the operand).
struct Length {
  std::optional<int64_t> constant;
  Value operand;
  int64_t dim = -1;
  unsigned input = 0;

  static Length ofScalar(Value operand) {
    if (std::optional<int64_t> value = getConstantScalar(operand))
      return {*value, {}, -1, 0};
    return {std::nullopt, operand, -1, 0};
  }
  static Length ofDim(Value operand, int64_t dim) {
    auto type = cast<RankedTensorType>(operand.getType());
    if (!type.isDynamicDim(dim))
      return {type.getDimSize(dim), {}, -1, 0};
    return {std::nullopt, operand, dim, 0};
  }
  bool needsInput() const { return !constant; }

  OpFoldResult at(OpBuilder &b, Location loc) const {
    if (constant)
      return b.getIndexAttr(*constant);
    if (dim >= 0)
      return dimSize(b, loc, operand, dim);
    return toIndex(b, loc, extractScalar(b, loc, operand));
  }
  Value inBody(ComputeBody &body) const {
    if (constant)
      return body.index(*constant);
    if (dim >= 0)
      return body.dimSize(input, dim);
    return toIndex(body.b, body.loc, body.readScalar(input));
  }
};

Value addIndex(OpBuilder &b, Location loc, OpFoldResult lhs, int64_t rhs) {
  return arith::AddIOp::create(b, loc,
                               getValueOrCreateConstantIndexOp(b, loc, lhs),
                               arith::ConstantIndexOp::create(b, loc, rhs));
}

/// floor(length / 2) + 1 frequencies with `onesided`, length otherwise.
OpFoldResult transformedLength(OpBuilder &b, Location loc, OpFoldResult length,
                               bool onesided) {
  if (!onesided)
    return length;
  if (std::optional<int64_t> value = getConstantIntValue(length))
    return b.getIndexAttr(*value / 2 + 1);
  Value half = arith::DivUIOp::create(
      b, loc, getValueOrCreateConstantIndexOp(b, loc, length),
      arith::ConstantIndexOp::create(b, loc, 2));
  return addIndex(b, loc, half, 1);
}

/// min(lhs, rhs), folded when both are constants.
OpFoldResult minIndex(OpBuilder &b, Location loc, OpFoldResult lhs,
                      OpFoldResult rhs) {
  std::optional<int64_t> l = getConstantIntValue(lhs);
  std::optional<int64_t> r = getConstantIntValue(rhs);
  if (l && r)
    return b.getIndexAttr(std::min(*l, *r));
  return arith::MinSIOp::create(b, loc,
                                getValueOrCreateConstantIndexOp(b, loc, lhs),
                                getValueOrCreateConstantIndexOp(b, loc, rhs))
      .getResult();
}

/// f64 for f64 data, f32 otherwise.
Type computeTypeFor(OpBuilder &b, Type elementType) {
  return elementType.isF64() ? Type(b.getF64Type()) : Type(b.getF32Type());
}

Value castFloat(OpBuilder &b, Location loc, Value x, Type to) {
  Type from = x.getType();
  if (from == to)
    return x;
  if (from.getIntOrFloatBitWidth() < to.getIntOrFloatBitWidth())
    return arith::ExtFOp::create(b, loc, to, x);
  return arith::TruncFOp::create(b, loc, to, x);
}

Value indexToFloat(OpBuilder &b, Location loc, Value index, Type type) {
  Value i64 = arith::IndexCastOp::create(b, loc, b.getI64Type(), index);
  return arith::SIToFPOp::create(b, loc, type, i64);
}

/// The real (c = 0) or imaginary (c = 1) part of sample (re, im) times
/// e^(-i theta) (e^(+i theta) for `inverse`), theta = 2 pi ((k n) mod N) / N
/// (the remainder keeps theta small and exact for large k n).
Value twiddledPart(ComputeBody &body, Type computeType, Value re, Value im,
                   Value k, Value n, Value length, Value c, bool inverse) {
  OpBuilder &b = body.b;
  Location loc = body.loc;
  Value phase = arith::RemUIOp::create(
      b, loc, arith::MulIOp::create(b, loc, k, n), length);
  Value theta = arith::DivFOp::create(
      b, loc,
      arith::MulFOp::create(
          b, loc, scalarConstant(b, loc, computeType, 2 * llvm::numbers::pi),
          indexToFloat(b, loc, phase, computeType)),
      indexToFloat(b, loc, length, computeType));
  Value cos = math::CosOp::create(b, loc, theta);
  Value sin = math::SinOp::create(b, loc, theta);
  if (!inverse) // (re + i im)(cos - i sin)
    sin = arith::NegFOp::create(b, loc, sin);
  auto mul = [&](Value x, Value y) -> Value {
    return arith::MulFOp::create(b, loc, x, y);
  };
  Value real = arith::SubFOp::create(b, loc, mul(re, cos), mul(im, sin));
  Value imaginary = arith::AddFOp::create(b, loc, mul(im, cos), mul(re, sin));
  Value isReal =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, c, body.index(0));
  return arith::SelectOp::create(b, loc, isReal, real, imaginary);
}

/// Whether the last dim of `type` holds complex samples (2) rather than
/// real ones (1); failure when it is dynamic.
FailureOr<bool> isComplexLayout(RankedTensorType type) {
  int64_t last = type.getShape().back();
  if (ShapedType::isDynamic(last))
    return failure();
  return last == 2;
}

//===----------------------------------------------------------------------===//
// dft
//===----------------------------------------------------------------------===//

/// Output (..., k, ..., c) = sum over n < min(N, input length) of
/// x[..., n, ...] twiddled (zero-padding adds nothing; truncation stops
/// early); the inverse divides by N. O(N^2) per signal.
struct DFTPattern : OpConversionPattern<graph::DFTOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::DFTOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto inputType = cast<RankedTensorType>(input.getType());
    auto resultType = convertedType(getTypeConverter(), op.getOutput());
    int64_t rank = inputType.getRank();
    int64_t axis = *graph::normalizeAxis(op.getAxis(), rank);
    FailureOr<bool> isComplex = isComplexLayout(inputType);
    if (failed(isComplex))
      return reject(op, rewriter,
                    "input's last dim (1: real, 2: complex) must be static");
    bool inverse = op.getInverse() == 1, onesided = op.getOnesided() == 1;
    Type elementType = inputType.getElementType();
    Type computeType = computeTypeFor(rewriter, elementType);

    SmallVector<Value> inputs = {input};
    Length length = adaptor.getDftLength()
                        ? Length::ofScalar(adaptor.getDftLength())
                        : Length::ofDim(input, axis);
    if (length.needsInput() && length.dim < 0) {
      length.input = inputs.size();
      inputs.push_back(length.operand);
    }
    OpFoldResult lengthSize = length.at(rewriter, loc);

    SmallVector<OpFoldResult> sizes;
    for (int64_t dim = 0; dim < rank; ++dim) {
      if (!resultType.isDynamicDim(dim))
        sizes.push_back(rewriter.getIndexAttr(resultType.getDimSize(dim)));
      else if (dim == axis)
        sizes.push_back(transformedLength(rewriter, loc, lengthSize, onesided));
      else
        sizes.push_back(dimSize(rewriter, loc, input, dim));
    }
    ReductionSpec reduction;
    reduction.axes = {"n"};
    reduction.extents = {minIndex(rewriter, loc, lengthSize,
                                  dimSize(rewriter, loc, input, axis))};

    SmallVector<std::string> axes = defaultAxes(rank);
    axes[axis] = "k";
    axes[rank - 1] = "c";
    Value result =
        buildCompute(
            rewriter, loc, stageName(op), resultType, sizes, inputs, axes,
            &reduction,
            [&](ComputeBody &body) -> SmallVector<Value> {
              OpBuilder &b = body.b;
              Location l = body.loc;
              Value n = body.reduceIndices[0];
              SmallVector<Value> at(body.outputIndices);
              at[axis] = n;
              at[rank - 1] = body.index(0);
              Value re = castFloat(b, l, body.read(0, at), computeType);
              Value im = scalarConstant(b, l, computeType, 0);
              if (*isComplex) {
                at[rank - 1] = body.index(1);
                im = castFloat(b, l, body.read(0, at), computeType);
              }
              Value lengthValue = length.inBody(body);
              Value part = twiddledPart(
                  body, computeType, re, im, body.outputIndices[axis], n,
                  lengthValue, body.outputIndices[rank - 1], inverse);
              if (inverse)
                part = arith::DivFOp::create(
                    b, l, part, indexToFloat(b, l, lengthValue, computeType));
              return {castFloat(b, l, part, elementType)};
            })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// stft
//===----------------------------------------------------------------------===//

/// Output (b, f, k, c) = sum over n < frame_length of
/// x[b, f * frame_step + n] * window[n], twiddled. O(frame_length^2) per
/// frame.
struct STFTPattern : OpConversionPattern<graph::STFTOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::STFTOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value signal = adaptor.getSignal();
    auto signalType = cast<RankedTensorType>(signal.getType());
    auto resultType = convertedType(getTypeConverter(), op.getOutput());
    FailureOr<bool> isComplex = isComplexLayout(signalType);
    if (failed(isComplex))
      return reject(op, rewriter,
                    "signal's last dim (1: real, 2: complex) must be static");
    bool onesided = op.getOnesided() == 1;
    Type elementType = signalType.getElementType();
    Type computeType = computeTypeFor(rewriter, elementType);

    SmallVector<Value> inputs = {signal};
    Length step = Length::ofScalar(adaptor.getFrameStep());
    if (step.needsInput()) {
      step.input = inputs.size();
      inputs.push_back(step.operand);
    }
    std::optional<unsigned> windowInput;
    if (Value window = adaptor.getWindow()) {
      windowInput = inputs.size();
      inputs.push_back(window);
    }
    Length frameLength = adaptor.getFrameLength()
                             ? Length::ofScalar(adaptor.getFrameLength())
                             : Length::ofDim(adaptor.getWindow(), 0);
    if (frameLength.needsInput()) {
      if (frameLength.dim >= 0) {
        frameLength.input = *windowInput;
      } else {
        frameLength.input = inputs.size();
        inputs.push_back(frameLength.operand);
      }
    }
    OpFoldResult frameSize = frameLength.at(rewriter, loc);

    auto resultSize =
        [&](int64_t dim,
            llvm::function_ref<OpFoldResult()> size) -> OpFoldResult {
      if (!resultType.isDynamicDim(dim))
        return rewriter.getIndexAttr(resultType.getDimSize(dim));
      return size();
    };
    SmallVector<OpFoldResult> sizes = {
        resultSize(0, [&] { return dimSize(rewriter, loc, signal, 0); }),
        resultSize(1,
                   [&]() -> OpFoldResult {
                     // (length - frame_length) / frame_step + 1
                     Value span = arith::SubIOp::create(
                         rewriter, loc,
                         getValueOrCreateConstantIndexOp(
                             rewriter, loc, dimSize(rewriter, loc, signal, 1)),
                         getValueOrCreateConstantIndexOp(rewriter, loc,
                                                         frameSize));
                     Value frames = arith::DivSIOp::create(
                         rewriter, loc, span,
                         getValueOrCreateConstantIndexOp(
                             rewriter, loc, step.at(rewriter, loc)));
                     return addIndex(rewriter, loc, frames, 1);
                   }),
        resultSize(2,
                   [&] {
                     return transformedLength(rewriter, loc, frameSize,
                                              onesided);
                   }),
        rewriter.getIndexAttr(2)};
    ReductionSpec reduction;
    reduction.axes = {"n"};
    reduction.extents = {frameSize};

    Value result =
        buildCompute(rewriter, loc, stageName(op), resultType, sizes, inputs,
                     {"b", "f", "k", "c"}, &reduction,
                     [&](ComputeBody &body) -> SmallVector<Value> {
                       OpBuilder &b = body.b;
                       Location l = body.loc;
                       Value n = body.reduceIndices[0];
                       Value sample = arith::AddIOp::create(
                           b, l,
                           arith::MulIOp::create(b, l, body.outputIndices[1],
                                                 step.inBody(body)),
                           n);
                       SmallVector<Value> at = {body.outputIndices[0], sample,
                                                body.index(0)};
                       Value re =
                           castFloat(b, l, body.read(0, at), computeType);
                       Value im = scalarConstant(b, l, computeType, 0);
                       if (*isComplex) {
                         at[2] = body.index(1);
                         im = castFloat(b, l, body.read(0, at), computeType);
                       }
                       if (windowInput) {
                         Value weight = castFloat(
                             b, l, body.read(*windowInput, {n}), computeType);
                         re = arith::MulFOp::create(b, l, re, weight);
                         im = arith::MulFOp::create(b, l, im, weight);
                       }
                       Value part = twiddledPart(
                           body, computeType, re, im, body.outputIndices[2], n,
                           frameLength.inBody(body), body.outputIndices[3],
                           /*inverse=*/false);
                       return {castFloat(b, l, part, elementType)};
                     })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// mel_weight_matrix
//===----------------------------------------------------------------------===//

/// Element (j, i) is filter i at spectrum bin j, as ONNX's reference
/// computes it: the edges in mel in their own float type (f32 for f16 and
/// bf16), the filter points in f64: point(t) = floor((dft_length + 1) *
/// 700 * (10^((t * step + low_mel) / 2595) - 1) / sample_rate). Between
/// points i + 1 and i + 2 the filter falls ((high - j) / (high - center)),
/// between i and i + 1 it rises ((j - low) / (center - low); 1 at the
/// center when the two coincide), 0 elsewhere.
struct MelWeightMatrixPattern : OpConversionPattern<graph::MelWeightMatrixOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::MelWeightMatrixOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto resultType = convertedType(getTypeConverter(), op.getOutput());
    Type elementType = resultType.getElementType();
    bool isUnsigned = isUnsignedTensor(op.getOutput().getType());
    Type edgeType =
        cast<RankedTensorType>(adaptor.getLowerEdgeHertz().getType())
            .getElementType();
    Type melType = computeTypeFor(rewriter, edgeType);
    Type f64 = rewriter.getF64Type();

    SmallVector<OpFoldResult> sizes;
    if (resultType.isDynamicDim(0)) {
      Value half = arith::DivSIOp::create(
          rewriter, loc,
          toIndex(rewriter, loc,
                  extractScalar(rewriter, loc, adaptor.getDftLength())),
          arith::ConstantIndexOp::create(rewriter, loc, 2));
      sizes.push_back(addIndex(rewriter, loc, half, 1));
    } else {
      sizes.push_back(rewriter.getIndexAttr(resultType.getDimSize(0)));
    }
    sizes.push_back(
        resultType.isDynamicDim(1)
            ? OpFoldResult(toIndex(
                  rewriter, loc,
                  extractScalar(rewriter, loc, adaptor.getNumMelBins())))
            : OpFoldResult(rewriter.getIndexAttr(resultType.getDimSize(1))));

    Value result =
        buildCompute(
            rewriter, loc, stageName(op), resultType, sizes,
            {adaptor.getNumMelBins(), adaptor.getDftLength(),
             adaptor.getSampleRate(), adaptor.getLowerEdgeHertz(),
             adaptor.getUpperEdgeHertz()},
            {"j", "i"}, nullptr,
            [&](ComputeBody &body) -> SmallVector<Value> {
              OpBuilder &b = body.b;
              Location l = body.loc;
              FloatOps f{b, l};
              auto constant = [&](Type type, double value) {
                return scalarConstant(b, l, type, value);
              };
              auto intToFloat = [&](Value x, Type type) -> Value {
                return arith::SIToFPOp::create(b, l, type, x);
              };
              auto cmp = [&](arith::CmpFPredicate predicate, Value x,
                             Value y) -> Value {
                return arith::CmpFOp::create(b, l, predicate, x, y);
              };
              auto select = [&](Value condition, Value x, Value y) -> Value {
                return arith::SelectOp::create(b, l, condition, x, y);
              };
              auto andBits = [&](Value x, Value y) -> Value {
                return arith::AndIOp::create(b, l, x, y);
              };

              Value bins = intToFloat(body.readScalar(0), melType);
              Value dftLength = intToFloat(body.readScalar(1), f64);
              Value sampleRate = intToFloat(body.readScalar(2), f64);
              auto toMel = [&](Value hertz) {
                Value ratio = f.add(constant(melType, 1),
                                    f.div(castFloat(b, l, hertz, melType),
                                          constant(melType, 700)));
                return f.mul(constant(melType, 2595),
                             math::Log10Op::create(b, l, ratio));
              };
              Value lowMel = toMel(body.readScalar(3));
              Value highMel = toMel(body.readScalar(4));
              Value melStep =
                  castFloat(b, l,
                            f.div(f.sub(highMel, lowMel),
                                  f.add(bins, constant(melType, 2))),
                            f64);
              Value lowMel64 = castFloat(b, l, lowMel, f64);
              auto point = [&](Value t) {
                Value mel = f.add(f.mul(t, melStep), lowMel64);
                Value power = math::PowFOp::create(
                    b, l, constant(f64, 10), f.div(mel, constant(f64, 2595)));
                Value hertz =
                    f.mul(constant(f64, 700), f.sub(power, constant(f64, 1)));
                return math::FloorOp::create(
                    b, l,
                    f.div(f.mul(f.add(dftLength, constant(f64, 1)), hertz),
                          sampleRate));
              };
              Value i = indexToFloat(b, l, body.outputIndices[1], f64);
              Value j = indexToFloat(b, l, body.outputIndices[0], f64);
              Value low = point(i);
              Value center = point(f.add(i, constant(f64, 1)));
              Value high = point(f.add(i, constant(f64, 2)));

              Value zero = constant(f64, 0);
              Value rising = select(
                  cmp(arith::CmpFPredicate::OEQ, center, low),
                  select(cmp(arith::CmpFPredicate::OEQ, j, center),
                         constant(f64, 1), zero),
                  select(andBits(cmp(arith::CmpFPredicate::OLE, low, j),
                                 cmp(arith::CmpFPredicate::OLE, j, center)),
                         f.div(f.sub(j, low), f.sub(center, low)), zero));
              Value falling = f.div(f.sub(high, j), f.sub(high, center));
              Value inFall =
                  andBits(cmp(arith::CmpFPredicate::OGT, high, center),
                          andBits(cmp(arith::CmpFPredicate::OLE, center, j),
                                  cmp(arith::CmpFPredicate::OLT, j, high)));
              Value weight = select(inFall, falling, rising);
              if (isa<FloatType>(elementType))
                return {castFloat(b, l, weight, elementType)};
              if (isUnsigned)
                return {arith::FPToUIOp::create(b, l, elementType, weight)};
              return {arith::FPToSIOp::create(b, l, elementType, weight)};
            })
            .front();
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void graph_to_te::populateSignalPatterns(const TypeConverter &typeConverter,
                                         RewritePatternSet &patterns) {
  patterns.add<DFTPattern, STFTPattern, MelWeightMatrixPattern>(
      typeConverter, patterns.getContext());
}
