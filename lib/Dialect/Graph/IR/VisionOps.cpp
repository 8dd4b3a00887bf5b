//===- VisionOps.cpp - Vision operators --------------------------------===//

#include "tessera/Dialect/Graph/IR/Graph.h"

#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace tessera::graph;

#define GET_OP_CLASSES
#include "tessera/Dialect/Graph/IR/GraphVisionOps.cpp.inc"

void GraphDialect::registerVisionOps() {
  addOperations<
#define GET_OP_LIST
#include "tessera/Dialect/Graph/IR/GraphVisionOps.cpp.inc"
      >();
}

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// Dim `dim` of `type`, `?` when it has no such dim.
static int64_t dimOf(RankedTensorType type, int64_t dim) {
  return dim < type.getRank() ? type.getDimSize(dim) : ShapedType::kDynamic;
}

/// One size known from two places: the static one, `?` when both are
/// dynamic or they conflict (the verifier reports conflicts).
static int64_t mergeDims(int64_t lhs, int64_t rhs) {
  if (ShapedType::isDynamic(lhs))
    return rhs;
  if (ShapedType::isDynamic(rhs) || lhs == rhs)
    return lhs;
  return ShapedType::kDynamic;
}

/// Whether two sizes may be equal.
static bool dimsConflict(int64_t lhs, int64_t rhs) {
  return !ShapedType::isDynamic(lhs) && !ShapedType::isDynamic(rhs) &&
         lhs != rhs;
}

/// Reports unless `type` has rank `rank`.
static LogicalResult verifyRank(Operation *op, StringRef name,
                                RankedTensorType type, int64_t rank) {
  if (type.getRank() == rank)
    return success();
  return op->emitOpError() << name << " must have rank " << rank << ", got "
                           << type;
}

/// Reports unless `value` is one of `choices`.
static LogicalResult verifyChoice(Operation *op, StringRef name,
                                  StringRef value,
                                  ArrayRef<StringRef> choices) {
  if (llvm::is_contained(choices, value))
    return success();
  return op->emitOpError() << "attribute '" << name << "' must be one of \""
                           << llvm::join(choices, "\", \"") << "\", got \""
                           << value << "\"";
}

/// Reports unless the 0/1 attribute `name` is 0 or 1.
static LogicalResult verifyFlag(Operation *op, StringRef name, int64_t value) {
  if (value == 0 || value == 1)
    return success();
  return op->emitOpError() << "attribute '" << name << "' must be 0 or 1, got "
                           << value;
}

/// Reports unless `type` holds one element or may: rank 0, or rank 1 of
/// size 1 or `?`.
static LogicalResult verifyScalarLike(Operation *op, StringRef name,
                                      RankedTensorType type) {
  if (type.getRank() == 0 || (type.getRank() == 1 && (type.isDynamicDim(0) ||
                                                      type.getDimSize(0) == 1)))
    return success();
  return op->emitOpError() << name << " must hold one element, got " << type;
}

//===----------------------------------------------------------------------===//
// GridSampleOp
//===----------------------------------------------------------------------===//

LogicalResult GridSampleOp::inferReturnTypes(MLIRContext *,
                                             std::optional<Location>,
                                             Adaptor adaptor,
                                             SmallVectorImpl<Type> &types) {
  RankedTensorType input = getRankedTensorType(adaptor.getInput());
  RankedTensorType grid = getRankedTensorType(adaptor.getGrid());
  types.push_back(
      RankedTensorType::get({mergeDims(dimOf(input, 0), dimOf(grid, 0)),
                             dimOf(input, 1), dimOf(grid, 1), dimOf(grid, 2)},
                            input.getElementType()));
  return success();
}

LogicalResult GridSampleOp::verify() {
  RankedTensorType input = getInput().getType();
  RankedTensorType grid = getGrid().getType();
  if (failed(verifyRank(*this, "input", input, 4)) ||
      failed(verifyRank(*this, "grid", grid, 4)) ||
      failed(verifyFlag(*this, "align_corners", getAlignCorners())) ||
      failed(verifyChoice(*this, "mode", getMode(),
                          {"bilinear", "nearest", "bicubic"})) ||
      failed(verifyChoice(*this, "padding_mode", getPaddingMode(),
                          {"zeros", "border", "reflection"})))
    return failure();
  if (dimsConflict(grid.getDimSize(3), 2))
    return emitOpError("grid's last dim must be 2 (x, y), got ") << grid;
  if (dimsConflict(input.getDimSize(0), grid.getDimSize(0)))
    return emitOpError("input and grid batch sizes differ: ")
           << input << " vs " << grid;
  return success();
}

//===----------------------------------------------------------------------===//
// RoiAlignOp
//===----------------------------------------------------------------------===//

LogicalResult RoiAlignOp::inferReturnTypes(MLIRContext *,
                                           std::optional<Location>,
                                           Adaptor adaptor,
                                           SmallVectorImpl<Type> &types) {
  RankedTensorType input = getRankedTensorType(adaptor.getInput());
  auto size = [](int64_t value) {
    return value > 0 ? value : ShapedType::kDynamic;
  };
  types.push_back(RankedTensorType::get(
      {mergeDims(dimOf(getRankedTensorType(adaptor.getRois()), 0),
                 dimOf(getRankedTensorType(adaptor.getBatchIndices()), 0)),
       dimOf(input, 1), size(adaptor.getOutputHeight()),
       size(adaptor.getOutputWidth())},
      input.getElementType()));
  return success();
}

LogicalResult RoiAlignOp::verify() {
  RankedTensorType rois = getRois().getType();
  RankedTensorType batchIndices = getBatchIndices().getType();
  if (failed(verifyRank(*this, "input", getInput().getType(), 4)) ||
      failed(verifyRank(*this, "rois", rois, 2)) ||
      failed(verifyRank(*this, "batch_indices", batchIndices, 1)) ||
      failed(verifyChoice(*this, "mode", getMode(), {"avg", "max"})) ||
      failed(verifyChoice(*this, "coordinate_transformation_mode",
                          getCoordinateTransformationMode(),
                          {"half_pixel", "output_half_pixel"})))
    return failure();
  if (dimsConflict(rois.getDimSize(1), 4))
    return emitOpError("rois must be R x 4 (x1, y1, x2, y2), got ") << rois;
  if (dimsConflict(rois.getDimSize(0), batchIndices.getDimSize(0)))
    return emitOpError("rois and batch_indices have different numbers of "
                       "regions: ")
           << rois << " vs " << batchIndices;
  // I64Attr getters return uint64_t.
  auto outputHeight = int64_t(getOutputHeight());
  auto outputWidth = int64_t(getOutputWidth());
  auto samplingRatio = int64_t(getSamplingRatio());
  if (outputHeight < 1 || outputWidth < 1)
    return emitOpError("output_height and output_width must be positive, got ")
           << outputHeight << " x " << outputWidth;
  if (samplingRatio < 0)
    return emitOpError("attribute 'sampling_ratio' must not be negative, got ")
           << samplingRatio;
  return success();
}

//===----------------------------------------------------------------------===//
// NonMaxSuppressionOp
//===----------------------------------------------------------------------===//

LogicalResult
NonMaxSuppressionOp::inferReturnTypes(MLIRContext *context,
                                      std::optional<Location>, Adaptor,
                                      SmallVectorImpl<Type> &types) {
  types.push_back(RankedTensorType::get({ShapedType::kDynamic, 3},
                                        IntegerType::get(context, 64)));
  return success();
}

LogicalResult NonMaxSuppressionOp::verify() {
  RankedTensorType boxes = getBoxes().getType();
  RankedTensorType scores = getScores().getType();
  if (failed(verifyRank(*this, "boxes", boxes, 3)) ||
      failed(verifyRank(*this, "scores", scores, 3)) ||
      failed(verifyFlag(*this, "center_point_box", getCenterPointBox())))
    return failure();
  if (dimsConflict(boxes.getDimSize(2), 4))
    return emitOpError("boxes must be B x S x 4, got ") << boxes;
  if (dimsConflict(boxes.getDimSize(0), scores.getDimSize(0)) ||
      dimsConflict(boxes.getDimSize(1), scores.getDimSize(2)))
    return emitOpError("scores must be B x K x S for boxes B x S x 4, got ")
           << scores << " for " << boxes;
  for (auto [name, value] :
       {std::pair<StringRef, Value>{"max_output_boxes_per_class",
                                    getMaxOutputBoxesPerClass()},
        {"iou_threshold", getIouThreshold()},
        {"score_threshold", getScoreThreshold()}})
    if (value && failed(verifyScalarLike(
                     *this, name, cast<RankedTensorType>(value.getType()))))
      return failure();
  return success();
}
