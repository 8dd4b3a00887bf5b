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
    auto folded = ConvOp::create(
        rewriter, conv.getLoc(), norm.getType(), conv.getInput(), newWeights,
        newBias, conv.getAutoPadAttr(), conv.getDilationsAttr(),
        conv.getGroupAttr(), conv.getKernelShapeAttr(), conv.getPadsAttr(),
        conv.getStridesAttr());
    rewriter.replaceOp(norm, folded.getResult());
    rewriter.eraseOp(conv);
    return success();
  }
};

} // namespace

void BatchNormOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                              MLIRContext *context) {
  results.add<FoldBatchNormIntoConv>(context);
}
