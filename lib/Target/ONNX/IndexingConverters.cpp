//===- IndexingConverters.cpp - ONNX indexing operators to graph ops -----===//

#include "NodeImporter.h"

#include "tessera/Dialect/Graph/IR/Graph.h"

using namespace mlir;
using namespace tessera;
using namespace tessera::onnx_import;

/// A 1-D i64 constant.
static Value createI64Constant(NodeImporter &node, ArrayRef<int64_t> values) {
  auto type = RankedTensorType::get({int64_t(values.size())},
                                    node.getBuilder().getI64Type());
  return graph::ConstantOp::create(node.getBuilder(), node.getLoc(),
                                   DenseIntElementsAttr::get(type, values));
}

/// A 1-D f32 constant.
static Value createF32Constant(NodeImporter &node, ArrayRef<float> values) {
  auto type = RankedTensorType::get({int64_t(values.size())},
                                    node.getBuilder().getF32Type());
  return graph::ConstantOp::create(node.getBuilder(), node.getLoc(),
                                   DenseFPElementsAttr::get(type, values));
}

static LogicalResult convertScatterElements(NodeImporter &node) {
  FailureOr<std::string> reduction =
      node.getStringAttrChoice("reduction", "none", {"none", "add", "mul"});
  if (failed(reduction))
    return failure();
  return node.setResults(graph::ScatterElementsOp::create(
      node.getBuilder(), node.getLoc(), node.getInput(0), node.getInput(1),
      node.getInput(2), node.getIntAttr("axis", 0), *reduction));
}

static LogicalResult convertScatterND(NodeImporter &node) {
  FailureOr<std::string> reduction =
      node.getStringAttrChoice("reduction", "none", {"none", "add", "mul"});
  if (failed(reduction))
    return failure();
  return node.setResults(graph::ScatterNDOp::create(
      node.getBuilder(), node.getLoc(), node.getInput(0), node.getInput(1),
      node.getInput(2), *reduction));
}

static LogicalResult convertOneHot(NodeImporter &node) {
  return node.setResults(graph::OneHotOp::create(
      node.getBuilder(), node.getLoc(), node.getInput(0), node.getInput(1),
      node.getInput(2), node.getIntAttr("axis", -1)));
}

static LogicalResult convertTopK(NodeImporter &node) {
  // Before opset 10, k was an attribute.
  Value k = node.getOpsetVersion() < 10
                ? createI64Constant(node, {node.getIntAttr("k", 0)})
                : node.getInput(1);
  return node.setResults(graph::TopKOp::create(
      node.getBuilder(), node.getLoc(), node.getInput(0), k,
      node.getIntAttr("axis", -1), node.getIntAttr("largest", 1),
      node.getIntAttr("sorted", 1)));
}

static LogicalResult convertCumSum(NodeImporter &node) {
  return node.setResults(graph::CumSumOp::create(
      node.getBuilder(), node.getLoc(), node.getInput(0), node.getInput(1),
      node.getIntAttr("exclusive", 0), node.getIntAttr("reverse", 0)));
}

static LogicalResult convertTrilu(NodeImporter &node) {
  return node.setResults(
      graph::TriluOp::create(node.getBuilder(), node.getLoc(), node.getInput(0),
                             node.getInput(1), node.getIntAttr("upper", 1)));
}

static LogicalResult convertNonZero(NodeImporter &node) {
  return node.setResults(graph::NonZeroOp::create(
      node.getBuilder(), node.getLoc(), node.getInput(0)));
}

static LogicalResult convertEinsum(NodeImporter &node) {
  SmallVector<Value> inputs;
  for (unsigned i = 0; i < node.getNumInputs(); ++i)
    inputs.push_back(node.getInput(i));
  return node.setResults(
      graph::EinsumOp::create(node.getBuilder(), node.getLoc(), inputs,
                              node.getStringAttr("equation", "")));
}

/// Upsample (deprecated in opset 10), and Resize before opset 11 (the same
/// operator renamed), is opset 13's Resize with output coordinates divided
/// by the scales ("asymmetric") and nearest rounding down.
static LogicalResult convertUpsample(NodeImporter &node) {
  std::string mode = node.getStringAttr("mode", "nearest");
  // Opset 1 called linear "bilinear".
  if (mode == "bilinear")
    mode = "linear";
  if (mode != "nearest" && mode != "linear")
    return node.emitError()
           << "attribute 'mode' value \"" << mode << "\" is not supported";
  // Before opset 9 the scales were an attribute.
  Value scales = node.hasAttr("scales")
                     ? createF32Constant(node, node.getFloatsAttr("scales"))
                     : node.getInput(1);
  return node.setResults(graph::ResizeOp::create(
      node.getBuilder(), node.getLoc(), node.getInput(0), /*roi=*/Value(),
      scales, /*sizes=*/Value(), "asymmetric", APFloat(-0.75f),
      /*exclude_outside=*/0, APFloat(0.0f), mode, "floor"));
}

/// Input `index` of a Resize, or null when it is absent or an empty
/// constant (exporters write an empty `roi` or `scales` for "not given").
static Value getResizeInput(NodeImporter &node, unsigned index) {
  if (ElementsAttr constant = node.getConstantInput(index);
      constant && constant.getNumElements() == 0)
    return nullptr;
  return node.getInput(index);
}

static LogicalResult convertResize(NodeImporter &node) {
  if (node.getOpsetVersion() < 11)
    return convertUpsample(node);
  FailureOr<std::string> mode = node.getStringAttrChoice(
      "mode", "nearest", {"nearest", "linear", "cubic"});
  if (failed(mode))
    return failure();
  FailureOr<std::string> coordinates = node.getStringAttrChoice(
      "coordinate_transformation_mode", "half_pixel",
      {"half_pixel", "pytorch_half_pixel", "align_corners", "asymmetric",
       "tf_crop_and_resize"});
  if (failed(coordinates))
    return failure();
  FailureOr<std::string> nearestMode = node.getStringAttrChoice(
      "nearest_mode", "round_prefer_floor",
      {"round_prefer_floor", "round_prefer_ceil", "floor", "ceil"});
  if (failed(nearestMode))
    return failure();
  Value roi =
      *coordinates == "tf_crop_and_resize" ? getResizeInput(node, 1) : Value();
  return node.setResults(graph::ResizeOp::create(
      node.getBuilder(), node.getLoc(), node.getInput(0), roi,
      getResizeInput(node, 2), getResizeInput(node, 3), *coordinates,
      APFloat(node.getFloatAttr("cubic_coeff_a", -0.75f)),
      node.getIntAttr("exclude_outside", 0),
      APFloat(node.getFloatAttr("extrapolation_value", 0.0f)), *mode,
      *nearestMode));
}

static LogicalResult convertEyeLike(NodeImporter &node) {
  TypeAttr dtype;
  if (node.hasAttr("dtype")) {
    int64_t dataType = node.getIntAttr("dtype", 0);
    Type elementType = convertDataType(dataType, node.getContext());
    if (!elementType)
      return node.emitError() << "attribute 'dtype' value " << dataType
                              << " is not supported (no such element type)";
    dtype = TypeAttr::get(elementType);
  }
  return node.setResults(graph::EyeLikeOp::create(
      node.getBuilder(), node.getLoc(), node.getInput(0),
      node.getIntAttr("k", 0), dtype));
}

static LogicalResult convertCompress(NodeImporter &node) {
  IntegerAttr axis;
  if (node.hasAttr("axis"))
    axis = node.getBuilder().getI64IntegerAttr(node.getIntAttr("axis", 0));
  return node.setResults(
      graph::CompressOp::create(node.getBuilder(), node.getLoc(),
                                node.getInput(0), node.getInput(1), axis));
}

static LogicalResult convertReverseSequence(NodeImporter &node) {
  return node.setResults(graph::ReverseSequenceOp::create(
      node.getBuilder(), node.getLoc(), node.getInput(0), node.getInput(1),
      node.getIntAttr("batch_axis", 1), node.getIntAttr("time_axis", 0)));
}

static LogicalResult convertMaxUnpool(NodeImporter &node) {
  Builder &b = node.getBuilder();
  auto optionalArray = [&](StringRef name) -> DenseI64ArrayAttr {
    if (!node.hasAttr(name))
      return nullptr;
    return b.getDenseI64ArrayAttr(node.getIntsAttr(name));
  };
  return node.setResults(graph::MaxUnpoolOp::create(
      node.getBuilder(), node.getLoc(), node.getInput(0), node.getInput(1),
      node.getInput(2), node.getIntsAttr("kernel_shape"), optionalArray("pads"),
      optionalArray("strides")));
}

static LogicalResult convertDet(NodeImporter &node) {
  return node.setResults(
      graph::DetOp::create(node.getBuilder(), node.getLoc(), node.getInput(0)));
}

void tessera::onnx_import::populateIndexingConverters(
    ConverterRegistry &registry) {
  registry.add("ScatterElements", convertScatterElements);
  // Scatter (deprecated in opset 11) is ScatterElements without reduction.
  registry.add("Scatter", convertScatterElements);
  registry.add("ScatterND", convertScatterND);
  registry.add("OneHot", convertOneHot);
  registry.add("TopK", convertTopK);
  registry.add("CumSum", convertCumSum);
  registry.add("Trilu", convertTrilu);
  registry.add("NonZero", convertNonZero);
  registry.add("Einsum", convertEinsum);
  registry.add("Resize", convertResize);
  registry.add("Upsample", convertUpsample);
  registry.add("EyeLike", convertEyeLike);
  registry.add("Compress", convertCompress);
  registry.add("ReverseSequence", convertReverseSequence);
  registry.add("MaxUnpool", convertMaxUnpool);
  registry.add("Det", convertDet);
}
