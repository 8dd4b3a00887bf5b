//===- VisionConverters.cpp - ONNX Vision operators to the graph dialect ===//

#include "NodeImporter.h"

#include "tessera/Dialect/Graph/IR/Graph.h"

using namespace mlir;
using namespace tessera;
using namespace tessera::onnx_import;

static LogicalResult convertGridSample(NodeImporter &node) {
  FailureOr<std::string> mode = node.getStringAttrChoice(
      "mode", "bilinear", {"bilinear", "nearest", "bicubic"});
  FailureOr<std::string> paddingMode = node.getStringAttrChoice(
      "padding_mode", "zeros", {"zeros", "border", "reflection"});
  if (failed(mode) || failed(paddingMode))
    return failure();
  return node.setResults(graph::GridSampleOp::create(
      node.getBuilder(), node.getLoc(), node.getInput(0), node.getInput(1),
      node.getIntAttr("align_corners", 0), *mode, *paddingMode));
}

static LogicalResult convertRoiAlign(NodeImporter &node) {
  FailureOr<std::string> mode =
      node.getStringAttrChoice("mode", "avg", {"avg", "max"});
  // Before opset 16 the regions were not shifted by half a pixel.
  StringRef defaultTransformation =
      node.getOpsetVersion() < 16 ? "output_half_pixel" : "half_pixel";
  FailureOr<std::string> transformation = node.getStringAttrChoice(
      "coordinate_transformation_mode", defaultTransformation,
      {"half_pixel", "output_half_pixel"});
  if (failed(mode) || failed(transformation))
    return failure();
  return node.setResults(graph::RoiAlignOp::create(
      node.getBuilder(), node.getLoc(), node.getInput(0), node.getInput(1),
      node.getInput(2), *transformation, *mode,
      node.getIntAttr("output_height", 1), node.getIntAttr("output_width", 1),
      node.getIntAttr("sampling_ratio", 0),
      APFloat(node.getFloatAttr("spatial_scale", 1.0f))));
}

static LogicalResult convertNonMaxSuppression(NodeImporter &node) {
  return node.setResults(graph::NonMaxSuppressionOp::create(
      node.getBuilder(), node.getLoc(), node.getInput(0), node.getInput(1),
      node.getInput(2), node.getInput(3), node.getInput(4),
      node.getIntAttr("center_point_box", 0)));
}

void tessera::onnx_import::populateVisionConverters(
    ConverterRegistry &registry) {
  registry.add("GridSample", convertGridSample);
  registry.add("RoiAlign", convertRoiAlign);
  registry.add("NonMaxSuppression", convertNonMaxSuppression);
}
