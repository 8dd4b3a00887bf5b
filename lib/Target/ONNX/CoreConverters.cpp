//===- CoreConverters.cpp - ONNX Constant, Identity, Dropout --------------===//

#include "NodeImporter.h"

#include "tessera/Dialect/Graph/IR/Graph.h"

using namespace mlir;
using namespace tessera;
using namespace tessera::onnx_import;

static LogicalResult convertConstant(NodeImporter &node) {
  Builder &b = node.getBuilder();
  ElementsAttr value;
  if (node.hasAttr("value")) {
    value = node.getTensorAttr("value");
    if (!value)
      return failure();
  } else if (node.hasAttr("value_float")) {
    value = DenseElementsAttr::get(RankedTensorType::get({}, b.getF32Type()),
                                   node.getFloatAttr("value_float", 0));
  } else if (node.hasAttr("value_int")) {
    value = DenseElementsAttr::get(RankedTensorType::get({}, b.getI64Type()),
                                   node.getIntAttr("value_int", 0));
  } else if (node.hasAttr("value_floats")) {
    SmallVector<float> values = node.getFloatsAttr("value_floats");
    value = DenseElementsAttr::get(
        RankedTensorType::get({static_cast<int64_t>(values.size())},
                              b.getF32Type()),
        ArrayRef<float>(values));
  } else if (node.hasAttr("value_ints")) {
    SmallVector<int64_t> values = node.getIntsAttr("value_ints");
    value = DenseElementsAttr::get(
        RankedTensorType::get({static_cast<int64_t>(values.size())},
                              b.getI64Type()),
        ArrayRef<int64_t>(values));
  } else {
    return node.emitError()
           << "string and sparse constants are not supported (only the "
              "value, value_float(s) and value_int(s) attributes are)";
  }
  return node.setResults(
      graph::ConstantOp::create(node.getBuilder(), node.getLoc(), value)
          .getOperation());
}

/// Identity forwards its input.
static LogicalResult convertIdentity(NodeImporter &node) {
  return node.setResults(node.getInput(0));
}

/// Dropout at inference forwards its input; its optional mask is all true.
static LogicalResult convertDropout(NodeImporter &node) {
  if (node.hasInput(2)) {
    DenseElementsAttr training;
    if (auto constant = node.getConstantInput(2))
      training = dyn_cast<DenseElementsAttr>(constant);
    if (!training || training.getSplatValue<bool>())
      return node.emitError() << "training_mode must be a constant false: "
                                 "training is not supported";
  }
  Value input = node.getInput(0);
  SmallVector<Value> results = {input};
  if (node.hasOutput(1)) {
    auto type = cast<RankedTensorType>(input.getType());
    if (!type.hasStaticShape())
      return node.emitError()
             << "the mask output needs a static input shape, got " << type;
    auto maskType = type.clone(node.getBuilder().getI1Type());
    results.push_back(graph::ConstantOp::create(
        node.getBuilder(), node.getLoc(),
        DenseElementsAttr::get(maskType, true)));
  }
  return node.setResults(results);
}

void tessera::onnx_import::populateCoreConverters(ConverterRegistry &registry) {
  registry.add("Constant", convertConstant);
  registry.add("Identity", convertIdentity);
  registry.add("Dropout", convertDropout);
}
