//===- NNFolds.cpp - Canonicalizations of the NN operators ----------------===//

#include "tessera/Dialect/Graph/IR/Graph.h"
#include "tessera/Support/ConstantData.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"

#include <cmath>

using namespace mlir;
using namespace tessera::graph;

namespace {

Value createF32Constant(PatternRewriter &rewriter, Location loc,
                        RankedTensorType type, ArrayRef<float> values,
                        StringRef name) {
  return ConstantOp::create(rewriter, loc,
                            tessera::createF32Elements(type, values, name));
}

/// batch_norm(conv(x, W, b)) with constant weights and statistics is
/// conv(x, W * s, (b - mean) * s + beta), s = scale / sqrt(var + epsilon)
/// per output channel: one kernel instead of a convolution and a pass over
/// its output.
struct FoldBatchNormIntoConv : OpRewritePattern<BatchNormOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(BatchNormOp norm,
                                PatternRewriter &rewriter) const override {
    auto conv = norm.getInput().getDefiningOp<ConvOp>();
    if (!conv || !conv->hasOneUse())
      return rewriter.notifyMatchFailure(norm, "not the only user of a conv");
    auto weightType = cast<RankedTensorType>(conv.getWeight().getType());
    if (!weightType.hasStaticShape() || !weightType.getElementType().isF32())
      return rewriter.notifyMatchFailure(norm, "weights not static f32");
    int64_t channels = weightType.getDimSize(0);
    std::optional<SmallVector<float>> weights =
        tessera::getConstantF32Values(conv.getWeight());
    std::optional<SmallVector<float>> scale =
        tessera::getConstantF32Values(norm.getScale());
    std::optional<SmallVector<float>> shift =
        tessera::getConstantF32Values(norm.getBias());
    std::optional<SmallVector<float>> mean =
        tessera::getConstantF32Values(norm.getInputMean());
    std::optional<SmallVector<float>> variance =
        tessera::getConstantF32Values(norm.getInputVar());
    if (!weights || !scale || !shift || !mean || !variance)
      return rewriter.notifyMatchFailure(norm, "non-constant parameters");
    SmallVector<float> bias(channels, 0.0f);
    if (Value convBias = conv.getBias()) {
      std::optional<SmallVector<float>> values =
          tessera::getConstantF32Values(convBias);
      if (!values)
        return rewriter.notifyMatchFailure(norm, "non-constant conv bias");
      bias = std::move(*values);
    }
    for (ArrayRef<float> perChannel :
         {ArrayRef<float>(*scale), ArrayRef<float>(*shift),
          ArrayRef<float>(*mean), ArrayRef<float>(*variance),
          ArrayRef<float>(bias)})
      if (int64_t(perChannel.size()) != channels)
        return rewriter.notifyMatchFailure(norm, "channel counts differ");

    int64_t perFilter = weightType.getNumElements() / channels;
    double epsilon = norm.getEpsilon().convertToDouble();
    for (int64_t f = 0; f < channels; ++f) {
      double factor = (*scale)[f] / std::sqrt(double((*variance)[f]) + epsilon);
      for (int64_t i = 0; i < perFilter; ++i)
        (*weights)[f * perFilter + i] =
            float((*weights)[f * perFilter + i] * factor);
      bias[f] = float((bias[f] - (*mean)[f]) * factor + (*shift)[f]);
    }

    Location loc = norm.getLoc();
    Value newWeights = createF32Constant(rewriter, loc, weightType, *weights,
                                         "folded_batch_norm_weight");
    Value newBias = createF32Constant(
        rewriter, loc, RankedTensorType::get({channels}, rewriter.getF32Type()),
        bias, "folded_batch_norm_bias");
    auto folded = ConvOp::create(rewriter, conv.getLoc(), norm.getType(),
                                 conv.getInput(), newWeights, newBias,
                                 conv.getAutoPadAttr(), conv.getDilationsAttr(),
                                 conv.getGroupAttr(), conv.getKernelShapeAttr(),
                                 conv.getPadsAttr(), conv.getStridesAttr());
    rewriter.replaceOp(norm, folded.getResult());
    rewriter.eraseOp(conv);
    return success();
  }
};

/// conv(x * s, W) with a scale per input channel, s of shape [1, C, 1, ...]
/// (a squeeze-and-excitation gate), is conv(x, W * s): the scale moves from
/// the activations to the weights when they have fewer elements (a 1x1
/// convolution of a large image), one pass over the activations less.
/// Zero padding commutes with the scale; groups would mix channels of the
/// weights, so a grouped convolution is left alone.
struct FoldChannelScaleIntoConvWeights : OpRewritePattern<ConvOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ConvOp conv,
                                PatternRewriter &rewriter) const override {
    auto mul = conv.getInput().getDefiningOp<MulOp>();
    if (!mul || !mul->hasOneUse() || conv.getGroup() != 1)
      return rewriter.notifyMatchFailure(conv, "input not a scaled tensor");
    auto inputType = cast<RankedTensorType>(conv.getInput().getType());
    auto weightType = cast<RankedTensorType>(conv.getWeight().getType());
    if (!inputType.hasStaticShape() || !weightType.hasStaticShape() ||
        weightType.getNumElements() >= inputType.getNumElements())
      return rewriter.notifyMatchFailure(conv, "weights not smaller");
    // The scale: [1, C, 1, ...] of the input's rank; the other operand is
    // the input itself, not broadcast.
    auto isChannelScale = [&](Value value) {
      auto type = cast<RankedTensorType>(value.getType());
      if (type.getRank() != inputType.getRank() ||
          type.getDimSize(1) != inputType.getDimSize(1))
        return false;
      for (int64_t d = 0; d < type.getRank(); ++d)
        if (d != 1 && type.getDimSize(d) != 1)
          return false;
      return true;
    };
    Value scale, activations;
    for (auto [candidate, other] : {std::pair(mul.getLhs(), mul.getRhs()),
                                    std::pair(mul.getRhs(), mul.getLhs())})
      if (isChannelScale(candidate) && other.getType() == inputType) {
        scale = candidate;
        activations = other;
      }
    if (!scale)
      return rewriter.notifyMatchFailure(conv, "not a scale per channel");
    // [1, C, 1, ...] broadcasts over [M, C, k1, ...] as it is.
    Value scaledWeights = MulOp::create(rewriter, mul.getLoc(), weightType,
                                        conv.getWeight(), scale);
    rewriter.replaceOpWithNewOp<ConvOp>(
        conv, conv.getType(), activations, scaledWeights, conv.getBias(),
        conv.getAutoPadAttr(), conv.getDilationsAttr(), conv.getGroupAttr(),
        conv.getKernelShapeAttr(), conv.getPadsAttr(), conv.getStridesAttr());
    rewriter.eraseOp(mul);
    return success();
  }
};

} // namespace

void ConvOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                         MLIRContext *context) {
  results.add<FoldChannelScaleIntoConvWeights>(context);
}

void BatchNormOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                              MLIRContext *context) {
  results.add<FoldBatchNormIntoConv>(context);
}
