//===- DataMovementConverters.cpp - ONNX DataMovement operators to the graph dialect ---===//
//
// Reshape, Transpose, Concat, Split, Slice, Squeeze, Unsqueeze, Flatten,
// Expand, Tile, Pad, Shape, Size, Range, ConstantOfShape, Gather,
// GatherElements, GatherND, DepthToSpace and SpaceToDepth map one to one to
// graph operators; tensor inputs stay operands.
//
//===----------------------------------------------------------------------===//

#include "NodeImporter.h"

#include "tessera/Dialect/Graph/IR/Graph.h"

using namespace mlir;
using namespace tessera;
using namespace tessera::onnx_import;

/// Input `index`, which must be a 1-D tensor of static length because its
/// length decides the rank of the result; null after an error otherwise.
static Value getShapeVectorInput(NodeImporter &node, unsigned index,
                                 StringRef name) {
  Value value = node.getInput(index);
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (type && type.getRank() == 1 && !type.isDynamicDim(0))
    return value;
  node.emitError() << "input '" << name
                   << "' must be a 1-D tensor of static length, got "
                   << value.getType();
  return nullptr;
}

/// Opsets before 13 give Squeeze and Unsqueeze axes as an attribute; the
/// graph operators take them as a constant operand.
static Value getAxesInputOrAttr(NodeImporter &node, unsigned index) {
  if (node.hasInput(index))
    return getShapeVectorInput(node, index, "axes");
  if (!node.hasAttr("axes"))
    return nullptr;
  SmallVector<int64_t> axes = node.getIntsAttr("axes");
  auto type = RankedTensorType::get({(int64_t)axes.size()},
                                    node.getBuilder().getI64Type());
  return graph::ConstantOp::create(node.getBuilder(), node.getLoc(),
                                   DenseElementsAttr::get(type, ArrayRef(axes)));
}

static LogicalResult convertReshape(NodeImporter &node) {
  Value shape = getShapeVectorInput(node, 1, "shape");
  if (!shape)
    return failure();
  return node.setResults(
      graph::ReshapeOp::create(node.getBuilder(), node.getLoc(),
                               node.getInput(0), shape,
                               node.getIntAttr("allowzero", 0))
          .getOperation());
}

static LogicalResult convertFlatten(NodeImporter &node) {
  return node.setResults(graph::FlattenOp::create(node.getBuilder(),
                                                  node.getLoc(),
                                                  node.getInput(0),
                                                  node.getIntAttr("axis", 1))
                             .getOperation());
}

static LogicalResult convertSqueeze(NodeImporter &node) {
  Value data = node.getInput(0);
  Value axes = getAxesInputOrAttr(node, 1);
  if (!axes && (node.hasInput(1) || node.hasAttr("axes")))
    return failure();
  if (!axes && !cast<RankedTensorType>(data.getType()).hasStaticShape())
    return node.emitError()
           << "Squeeze without 'axes' needs an input of static shape, got "
           << data.getType();
  return node.setResults(
      graph::SqueezeOp::create(node.getBuilder(), node.getLoc(), data, axes)
          .getOperation());
}

static LogicalResult convertUnsqueeze(NodeImporter &node) {
  Value axes = getAxesInputOrAttr(node, 1);
  if (!axes)
    return node.hasInput(1) ? failure()
                            : node.emitError() << "Unsqueeze needs 'axes'";
  return node.setResults(graph::UnsqueezeOp::create(node.getBuilder(),
                                                    node.getLoc(),
                                                    node.getInput(0), axes)
                             .getOperation());
}

static LogicalResult convertTranspose(NodeImporter &node) {
  DenseI64ArrayAttr perm;
  if (node.hasAttr("perm"))
    perm = node.getBuilder().getDenseI64ArrayAttr(node.getIntsAttr("perm"));
  return node.setResults(graph::TransposeOp::create(node.getBuilder(),
                                                    node.getLoc(),
                                                    node.getInput(0), perm)
                             .getOperation());
}

static LogicalResult convertConcat(NodeImporter &node) {
  SmallVector<Value> inputs;
  for (unsigned i = 0; i < node.getNumInputs(); ++i)
    inputs.push_back(node.getInput(i));
  if (inputs.empty())
    return node.emitError() << "Concat needs at least one input";
  if (!node.hasAttr("axis"))
    return node.emitError() << "Concat needs the 'axis' attribute";
  return node.setResults(graph::ConcatOp::create(node.getBuilder(),
                                                 node.getLoc(), inputs,
                                                 node.getIntAttr("axis", 0))
                             .getOperation());
}

static LogicalResult convertSplit(NodeImporter &node) {
  Value split = node.hasInput(1) ? node.getInput(1) : nullptr;
  if (!split && node.hasAttr("split")) {
    // Opsets before 13 give the sizes as an attribute.
    SmallVector<int64_t> sizes = node.getIntsAttr("split");
    auto type = RankedTensorType::get({(int64_t)sizes.size()},
                                      node.getBuilder().getI64Type());
    split = graph::ConstantOp::create(
        node.getBuilder(), node.getLoc(),
        DenseElementsAttr::get(type, ArrayRef(sizes)));
  }
  int64_t numOutputs = node.getIntAttr("num_outputs", node.getNumOutputs());
  if (numOutputs != (int64_t)node.getNumOutputs())
    return node.emitError() << "'num_outputs' " << numOutputs << " but "
                            << node.getNumOutputs() << " outputs";
  return node.setResults(graph::SplitOp::create(node.getBuilder(),
                                                node.getLoc(), node.getInput(0),
                                                split,
                                                node.getIntAttr("axis", 0),
                                                numOutputs)
                             .getOperation());
}

static LogicalResult convertSlice(NodeImporter &node) {
  if (node.getOpsetVersion() < 10)
    return node.emitError() << "Slice of opset " << node.getOpsetVersion()
                            << " (bounds as attributes) is not supported";
  Value axes = node.hasInput(3) ? node.getInput(3) : nullptr;
  Value steps = node.hasInput(4) ? node.getInput(4) : nullptr;
  return node.setResults(graph::SliceOp::create(node.getBuilder(),
                                                node.getLoc(), node.getInput(0),
                                                node.getInput(1),
                                                node.getInput(2), axes, steps)
                             .getOperation());
}

static LogicalResult convertExpand(NodeImporter &node) {
  Value shape = getShapeVectorInput(node, 1, "shape");
  if (!shape)
    return failure();
  return node.setResults(graph::ExpandOp::create(node.getBuilder(),
                                                 node.getLoc(),
                                                 node.getInput(0), shape)
                             .getOperation());
}

static LogicalResult convertTile(NodeImporter &node) {
  return node.setResults(graph::TileOp::create(node.getBuilder(),
                                               node.getLoc(), node.getInput(0),
                                               node.getInput(1))
                             .getOperation());
}

static LogicalResult convertPad(NodeImporter &node) {
  if (node.getOpsetVersion() < 11)
    return node.emitError() << "Pad of opset " << node.getOpsetVersion()
                            << " (pads as an attribute) is not supported";
  std::string mode = node.getStringAttr("mode", "constant");
  if (mode != "constant" && mode != "reflect" && mode != "edge")
    return node.emitError() << "attribute 'mode' value '" << mode
                            << "' is not supported";
  Value value = node.hasInput(2) ? node.getInput(2) : nullptr;
  Value axes = node.hasInput(3) ? node.getInput(3) : nullptr;
  return node.setResults(graph::PadOp::create(node.getBuilder(), node.getLoc(),
                                              node.getInput(0),
                                              node.getInput(1), value, axes,
                                              mode)
                             .getOperation());
}

static LogicalResult convertDepthToSpace(NodeImporter &node) {
  std::string mode = node.getStringAttr("mode", "DCR");
  if (mode != "DCR" && mode != "CRD")
    return node.emitError() << "attribute 'mode' value '" << mode
                            << "' is not supported";
  return node.setResults(
      graph::DepthToSpaceOp::create(node.getBuilder(), node.getLoc(),
                                    node.getInput(0),
                                    node.getIntAttr("blocksize", 0), mode)
          .getOperation());
}

static LogicalResult convertSpaceToDepth(NodeImporter &node) {
  return node.setResults(
      graph::SpaceToDepthOp::create(node.getBuilder(), node.getLoc(),
                                    node.getInput(0),
                                    node.getIntAttr("blocksize", 0))
          .getOperation());
}

static LogicalResult convertGather(NodeImporter &node) {
  return node.setResults(graph::GatherOp::create(node.getBuilder(),
                                                 node.getLoc(),
                                                 node.getInput(0),
                                                 node.getInput(1),
                                                 node.getIntAttr("axis", 0))
                             .getOperation());
}

static LogicalResult convertGatherElements(NodeImporter &node) {
  return node.setResults(
      graph::GatherElementsOp::create(node.getBuilder(), node.getLoc(),
                                      node.getInput(0), node.getInput(1),
                                      node.getIntAttr("axis", 0))
          .getOperation());
}

static LogicalResult convertGatherND(NodeImporter &node) {
  auto indices = cast<RankedTensorType>(node.getInput(1).getType());
  if (indices.getRank() == 0 || indices.isDynamicDim(indices.getRank() - 1))
    return node.emitError()
           << "GatherND needs the last dimension of 'indices' to be static, "
              "got "
           << indices;
  return node.setResults(
      graph::GatherNDOp::create(node.getBuilder(), node.getLoc(),
                                node.getInput(0), node.getInput(1),
                                node.getIntAttr("batch_dims", 0))
          .getOperation());
}

static LogicalResult convertShape(NodeImporter &node) {
  Builder &b = node.getBuilder();
  IntegerAttr end;
  if (node.hasAttr("end"))
    end = b.getI64IntegerAttr(node.getIntAttr("end", 0));
  return node.setResults(
      graph::ShapeOp::create(node.getBuilder(), node.getLoc(),
                             node.getInput(0),
                             b.getI64IntegerAttr(node.getIntAttr("start", 0)),
                             end)
          .getOperation());
}

static LogicalResult convertSize(NodeImporter &node) {
  return node.setResults(graph::SizeOp::create(node.getBuilder(),
                                               node.getLoc(), node.getInput(0))
                             .getOperation());
}

static LogicalResult convertRange(NodeImporter &node) {
  return node.setResults(graph::RangeOp::create(node.getBuilder(),
                                                node.getLoc(), node.getInput(0),
                                                node.getInput(1),
                                                node.getInput(2))
                             .getOperation());
}

static LogicalResult convertConstantOfShape(NodeImporter &node) {
  Value shape = getShapeVectorInput(node, 0, "input");
  if (!shape)
    return failure();
  ElementsAttr value;
  if (node.hasAttr("value")) {
    value = node.getTensorAttr("value");
    if (!value)
      return failure();
  }
  return node.setResults(graph::ConstantOfShapeOp::create(node.getBuilder(),
                                                          node.getLoc(), shape,
                                                          value)
                             .getOperation());
}

void tessera::onnx_import::populateDataMovementConverters(
    ConverterRegistry &registry) {
  registry.add("Reshape", convertReshape);
  registry.add("Flatten", convertFlatten);
  registry.add("Squeeze", convertSqueeze);
  registry.add("Unsqueeze", convertUnsqueeze);
  registry.add("Transpose", convertTranspose);
  registry.add("Concat", convertConcat);
  registry.add("Split", convertSplit);
  registry.add("Slice", convertSlice);
  registry.add("Expand", convertExpand);
  registry.add("Tile", convertTile);
  registry.add("Pad", convertPad);
  registry.add("DepthToSpace", convertDepthToSpace);
  registry.add("SpaceToDepth", convertSpaceToDepth);
  registry.add("Gather", convertGather);
  registry.add("GatherElements", convertGatherElements);
  registry.add("GatherND", convertGatherND);
  registry.add("Shape", convertShape);
  registry.add("Size", convertSize);
  registry.add("Range", convertRange);
  registry.add("ConstantOfShape", convertConstantOfShape);
}
