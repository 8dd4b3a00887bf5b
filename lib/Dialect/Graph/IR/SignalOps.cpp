//===- SignalOps.cpp - Signal operators --------------------------------===//

#include "tessera/Dialect/Graph/IR/Graph.h"

#include "llvm/ADT/APFloat.h"

#include <cmath>

using namespace mlir;
using namespace tessera::graph;

#define GET_OP_CLASSES
#include "tessera/Dialect/Graph/IR/GraphSignalOps.cpp.inc"

void GraphDialect::registerSignalOps() {
  addOperations<
#define GET_OP_LIST
#include "tessera/Dialect/Graph/IR/GraphSignalOps.cpp.inc"
      >();
}

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// Reports unless `type` holds one element or may: rank 0, or rank 1 of
/// size 1 or `?`.
static LogicalResult verifyScalarLike(Operation *op, StringRef name,
                                      RankedTensorType type) {
  if (type.getRank() == 0 || (type.getRank() == 1 && (type.isDynamicDim(0) ||
                                                      type.getDimSize(0) == 1)))
    return success();
  return op->emitOpError() << name << " must hold one element, got " << type;
}

static LogicalResult verifyFlag(Operation *op, StringRef name, int64_t value) {
  if (value == 0 || value == 1)
    return success();
  return op->emitOpError() << "attribute '" << name << "' must be 0 or 1, got "
                           << value;
}

/// Reports unless the last dim of `type` (rank >= `minRank`) may be 1 (real
/// samples) or 2 (complex ones).
static LogicalResult verifyComplexLayout(Operation *op, StringRef name,
                                         RankedTensorType type,
                                         int64_t minRank) {
  if (type.getRank() < minRank)
    return op->emitOpError() << name << " must have rank at least " << minRank
                             << ", got " << type;
  int64_t last = type.getShape().back();
  if (!ShapedType::isDynamic(last) && last != 1 && last != 2)
    return op->emitOpError()
           << name << "'s last dim must be 1 (real) or 2 (complex), got "
           << type;
  return success();
}

/// The number of frequencies a transform of `length` keeps.
static int64_t transformedLength(int64_t length, bool onesided) {
  if (ShapedType::isDynamic(length))
    return length;
  return onesided ? length / 2 + 1 : length;
}

//===----------------------------------------------------------------------===//
// DFTOp
//===----------------------------------------------------------------------===//

LogicalResult DFTOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                      Adaptor adaptor,
                                      SmallVectorImpl<Type> &types) {
  RankedTensorType input = getRankedTensorType(adaptor.getInput());
  SmallVector<int64_t> shape(input.getShape());
  int64_t rank = input.getRank();
  if (rank > 0)
    shape.back() = 2;
  std::optional<int64_t> axis =
      rank >= 2 ? normalizeAxis(adaptor.getAxis(), rank) : std::nullopt;
  if (!axis || *axis == rank - 1) {
    // Which dim is transformed is unknown: any signal dim may change.
    for (int64_t dim = 0; dim + 1 < rank; ++dim)
      shape[dim] = ShapedType::kDynamic;
  } else {
    int64_t length = shape[*axis];
    if (adaptor.getDftLength()) {
      std::optional<int64_t> value =
          getConstantIntScalar(adaptor.getDftLength());
      length = value && *value > 0 ? *value : ShapedType::kDynamic;
    }
    shape[*axis] = transformedLength(length, adaptor.getOnesided() == 1);
  }
  types.push_back(RankedTensorType::get(shape, input.getElementType()));
  return success();
}

LogicalResult DFTOp::verify() {
  RankedTensorType input = getInput().getType();
  if (failed(verifyComplexLayout(*this, "input", input, 2)) ||
      failed(verifyFlag(*this, "inverse", getInverse())) ||
      failed(verifyFlag(*this, "onesided", getOnesided())))
    return failure();
  int64_t rank = input.getRank();
  std::optional<int64_t> axis = normalizeAxis(getAxis(), rank);
  if (!axis || *axis == rank - 1)
    return emitOpError("attribute 'axis' must be in [")
           << -rank << ", -2] or [0, " << rank - 2 << "], got "
           << int64_t(getAxis());
  if (Value length = getDftLength()) {
    if (failed(verifyScalarLike(*this, "dft_length",
                                cast<RankedTensorType>(length.getType()))))
      return failure();
    if (std::optional<int64_t> value = getConstantIntScalar(length);
        value && *value < 1)
      return emitOpError("dft_length must be positive, got ") << *value;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// STFTOp
//===----------------------------------------------------------------------===//

LogicalResult STFTOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &types) {
  RankedTensorType signal = getRankedTensorType(adaptor.getSignal());
  int64_t batch =
      signal.getRank() == 3 ? signal.getDimSize(0) : ShapedType::kDynamic;
  int64_t length =
      signal.getRank() == 3 ? signal.getDimSize(1) : ShapedType::kDynamic;
  int64_t frameLength = ShapedType::kDynamic;
  if (adaptor.getFrameLength()) {
    if (std::optional<int64_t> value =
            getConstantIntScalar(adaptor.getFrameLength());
        value && *value > 0)
      frameLength = *value;
  } else if (Value window = adaptor.getWindow()) {
    if (RankedTensorType type = getRankedTensorType(window);
        type.getRank() == 1)
      frameLength = type.getDimSize(0);
  }
  int64_t frames = ShapedType::kDynamic;
  std::optional<int64_t> step = getConstantIntScalar(adaptor.getFrameStep());
  if (step && *step > 0 && !ShapedType::isDynamic(length) &&
      !ShapedType::isDynamic(frameLength) && length >= frameLength)
    frames = (length - frameLength) / *step + 1;
  types.push_back(RankedTensorType::get(
      {batch, frames,
       transformedLength(frameLength, adaptor.getOnesided() == 1), 2},
      signal.getElementType()));
  return success();
}

LogicalResult STFTOp::verify() {
  RankedTensorType signal = getSignal().getType();
  if (failed(verifyComplexLayout(*this, "signal", signal, 3)) ||
      failed(verifyFlag(*this, "onesided", getOnesided())) ||
      failed(verifyScalarLike(*this, "frame_step", getFrameStep().getType())))
    return failure();
  if (signal.getRank() != 3)
    return emitOpError("signal must be [batch, length, 1 or 2], got ")
           << signal;
  if (std::optional<int64_t> step = getConstantIntScalar(getFrameStep());
      step && *step < 1)
    return emitOpError("frame_step must be positive, got ") << *step;
  std::optional<int64_t> frameLength;
  if (Value length = getFrameLength()) {
    if (failed(verifyScalarLike(*this, "frame_length",
                                cast<RankedTensorType>(length.getType()))))
      return failure();
    frameLength = getConstantIntScalar(length);
    if (frameLength && *frameLength < 1)
      return emitOpError("frame_length must be positive, got ") << *frameLength;
  }
  if (Value window = getWindow()) {
    auto type = cast<RankedTensorType>(window.getType());
    if (type.getRank() != 1)
      return emitOpError("window must have rank 1, got ") << type;
    if (frameLength && !type.isDynamicDim(0) &&
        type.getDimSize(0) != *frameLength)
      return emitOpError("window length ")
             << type.getDimSize(0) << " differs from frame_length "
             << *frameLength;
  } else if (!getFrameLength()) {
    return emitOpError("needs a window or a frame_length");
  }
  if (frameLength && !signal.isDynamicDim(1) &&
      signal.getDimSize(1) < *frameLength)
    return emitOpError("frame_length ")
           << *frameLength << " exceeds the signal length "
           << signal.getDimSize(1);
  return success();
}

//===----------------------------------------------------------------------===//
// MelWeightMatrixOp
//===----------------------------------------------------------------------===//

LogicalResult
MelWeightMatrixOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                    Adaptor adaptor,
                                    SmallVectorImpl<Type> &types) {
  auto size = [](std::optional<int64_t> value) {
    return value && *value >= 0 ? *value : ShapedType::kDynamic;
  };
  std::optional<int64_t> length = getConstantIntScalar(adaptor.getDftLength());
  types.push_back(RankedTensorType::get(
      {length && *length >= 0 ? *length / 2 + 1 : ShapedType::kDynamic,
       size(getConstantIntScalar(adaptor.getNumMelBins()))},
      adaptor.getOutputDatatype()));
  return success();
}

LogicalResult MelWeightMatrixOp::verify() {
  for (auto [name, value] :
       {std::pair<StringRef, Value>{"num_mel_bins", getNumMelBins()},
        {"dft_length", getDftLength()},
        {"sample_rate", getSampleRate()},
        {"lower_edge_hertz", getLowerEdgeHertz()},
        {"upper_edge_hertz", getUpperEdgeHertz()}})
    if (failed(verifyScalarLike(*this, name,
                                cast<RankedTensorType>(value.getType()))))
      return failure();
  for (auto [name, value] :
       {std::pair<StringRef, Value>{"num_mel_bins", getNumMelBins()},
        {"dft_length", getDftLength()},
        {"sample_rate", getSampleRate()}})
    if (std::optional<int64_t> constant = getConstantIntScalar(value);
        constant && *constant < 1)
      return emitOpError() << name << " must be positive, got " << *constant;
  return success();
}

/// The one element of a one-element constant as a double.
static std::optional<double> getScalarAttr(Attribute attr) {
  auto elements = dyn_cast_if_present<DenseElementsAttr>(attr);
  if (!elements || elements.getNumElements() != 1)
    return std::nullopt;
  if (isa<FloatType>(elements.getElementType()))
    return (*elements.getValues<APFloat>().begin()).convertToDouble();
  return double((*elements.getValues<APInt>().begin()).getSExtValue());
}

/// ONNX's reference: the edges in mel (computed in the edges' float type,
/// here f32 or f64), then the num_mel_bins + 2 points in f64.
OpFoldResult MelWeightMatrixOp::fold(FoldAdaptor adaptor) {
  std::optional<double> numMelBins = getScalarAttr(adaptor.getNumMelBins());
  std::optional<double> dftLength = getScalarAttr(adaptor.getDftLength());
  std::optional<double> sampleRate = getScalarAttr(adaptor.getSampleRate());
  std::optional<double> lower = getScalarAttr(adaptor.getLowerEdgeHertz());
  std::optional<double> upper = getScalarAttr(adaptor.getUpperEdgeHertz());
  auto type = dyn_cast<RankedTensorType>(getType());
  if (!numMelBins || !dftLength || !sampleRate || !lower || !upper || !type ||
      !type.hasStaticShape() || *numMelBins < 1 || *dftLength < 1 ||
      *sampleRate < 1)
    return {};
  int64_t bins = *numMelBins, spectrumBins = int64_t(*dftLength) / 2 + 1;
  if (type.getDimSize(0) != spectrumBins || type.getDimSize(1) != bins)
    return {};

  bool edgesInF64 = getLowerEdgeHertz().getType().getElementType().isF64();
  auto toMel = [&](double hertz) -> double {
    if (edgesInF64)
      return 2595 * std::log10(1 + hertz / 700);
    return 2595.0f * std::log10(1.0f + float(hertz) / 700.0f);
  };
  double lowMel = toMel(*lower), highMel = toMel(*upper);
  double melStep = edgesInF64 ? (highMel - lowMel) / (bins + 2)
                              : float(float(highMel - lowMel) / (bins + 2));
  SmallVector<int64_t> points;
  for (int64_t i = 0; i < bins + 2; ++i) {
    double hertz = 700 * (std::pow(10.0, (i * melStep + lowMel) / 2595) - 1);
    points.push_back(
        int64_t(std::floor((*dftLength + 1) * hertz / *sampleRate)));
  }
  SmallVector<double> weights(spectrumBins * bins, 0.0);
  for (int64_t j = 0; j < spectrumBins; ++j)
    for (int64_t i = 0; i < bins; ++i) {
      int64_t low = points[i], center = points[i + 1], high = points[i + 2];
      double &weight = weights[j * bins + i];
      if (high > center && center <= j && j < high)
        weight = double(high - j) / double(high - center);
      else if (center == low && j == center)
        weight = 1;
      else if (center != low && low <= j && j <= center)
        weight = double(j - low) / double(center - low);
    }

  Type elementType = type.getElementType();
  if (auto floatType = dyn_cast<FloatType>(elementType)) {
    SmallVector<APFloat> values;
    for (double weight : weights) {
      APFloat value(weight);
      bool losesInfo;
      value.convert(floatType.getFloatSemantics(), APFloat::rmNearestTiesToEven,
                    &losesInfo);
      values.push_back(value);
    }
    return DenseElementsAttr::get(type, values);
  }
  unsigned width = elementType.getIntOrFloatBitWidth();
  SmallVector<APInt> values;
  for (double weight : weights)
    values.push_back(APInt(width, uint64_t(int64_t(weight))));
  return DenseElementsAttr::get(type, values);
}
