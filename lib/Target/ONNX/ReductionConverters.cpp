//===- ReductionConverters.cpp - ONNX reductions to the graph dialect -----===//

#include "NodeImporter.h"

#include "tessera/Dialect/Graph/IR/Graph.h"

using namespace mlir;
using namespace tessera;
using namespace tessera::onnx_import;

/// The `axes` operand of a Reduce* node: its `axes` attribute as a constant
/// (opset 17's form for every reduction but ReduceSum, which took the
/// attribute up to opset 12), or its optional second input; null when it has
/// neither.
static Value getReductionAxes(NodeImporter &node) {
  if (node.hasAttr("axes")) {
    SmallVector<int64_t> axes = node.getIntsAttr("axes");
    auto type = RankedTensorType::get({static_cast<int64_t>(axes.size())},
                                      node.getBuilder().getI64Type());
    return graph::ConstantOp::create(node.getBuilder(), node.getLoc(),
                                     DenseIntElementsAttr::get(type, axes));
  }
  return node.getInput(1);
}

template <typename OpTy>
static LogicalResult convertReduction(NodeImporter &node) {
  Value axes = getReductionAxes(node);
  int64_t keepdims = node.getIntAttr("keepdims", 1);
  auto axesType =
      axes ? dyn_cast<RankedTensorType>(axes.getType()) : RankedTensorType();
  if (!keepdims && axesType && axesType.getRank() == 1 &&
      axesType.isDynamicDim(0))
    return node.emitError() << "input 'axes' of unknown length with "
                               "keepdims = 0 is not supported (the result's "
                               "rank would be unknown)";
  auto op =
      OpTy::create(node.getBuilder(), node.getLoc(), node.getInput(0), axes,
                   keepdims, node.getIntAttr("noop_with_empty_axes", 0));
  return node.setResults(op);
}

template <typename OpTy>
static LogicalResult convertArgReduction(NodeImporter &node) {
  auto op =
      OpTy::create(node.getBuilder(), node.getLoc(), node.getInput(0),
                   node.getIntAttr("axis", 0), node.getIntAttr("keepdims", 1),
                   node.getIntAttr("select_last_index", 0));
  return node.setResults(op);
}

void tessera::onnx_import::populateReductionConverters(
    ConverterRegistry &registry) {
  registry.add("ReduceSum", convertReduction<graph::ReduceSumOp>);
  registry.add("ReduceMean", convertReduction<graph::ReduceMeanOp>);
  registry.add("ReduceMax", convertReduction<graph::ReduceMaxOp>);
  registry.add("ReduceMin", convertReduction<graph::ReduceMinOp>);
  registry.add("ReduceProd", convertReduction<graph::ReduceProdOp>);
  registry.add("ReduceL1", convertReduction<graph::ReduceL1Op>);
  registry.add("ReduceL2", convertReduction<graph::ReduceL2Op>);
  registry.add("ReduceLogSum", convertReduction<graph::ReduceLogSumOp>);
  registry.add("ReduceLogSumExp", convertReduction<graph::ReduceLogSumExpOp>);
  registry.add("ReduceSumSquare", convertReduction<graph::ReduceSumSquareOp>);
  registry.add("ArgMax", convertArgReduction<graph::ArgMaxOp>);
  registry.add("ArgMin", convertArgReduction<graph::ArgMinOp>);
}
