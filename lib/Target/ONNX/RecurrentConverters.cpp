//===- RecurrentConverters.cpp - ONNX LSTM, GRU, RNN to the graph dialect -===//

#include "NodeImporter.h"

#include "tessera/Dialect/Graph/IR/Graph.h"

using namespace mlir;
using namespace tessera;
using namespace tessera::onnx_import;

namespace {
/// The attributes LSTM, GRU and RNN share, as graph-op attributes (null
/// where the node leaves ONNX's default).
struct RecurrentAttrs {
  DenseF32ArrayAttr activationAlpha, activationBeta;
  ArrayAttr activations;
  FloatAttr clip;
  StringAttr direction;
  IntegerAttr hiddenSize, layout;
};
} // namespace

/// ONNX's name for an activation function, matched case-insensitively as
/// ONNX Runtime does; an unknown name is kept for the verifier to report.
static std::string getActivationName(StringRef name) {
  for (StringRef known :
       {"Relu", "Tanh", "Sigmoid", "Affine", "LeakyRelu", "ThresholdedRelu",
        "ScaledTanh", "HardSigmoid", "Elu", "Softsign", "Softplus"})
    if (name.equals_insensitive(known))
      return known.str();
  return name.str();
}

/// `activationsPerDirection` is how many functions the operator applies
/// (LSTM 3, GRU 2, RNN 1).
static RecurrentAttrs getRecurrentAttrs(NodeImporter &node,
                                        size_t activationsPerDirection) {
  Builder builder(node.getContext());
  RecurrentAttrs attrs;
  std::string direction = node.getStringAttr("direction", "forward");
  attrs.direction = builder.getStringAttr(direction);
  if (node.hasAttr("activations")) {
    SmallVector<std::string> names = node.getStringsAttr("activations");
    // RNN's schema default is {"Tanh", "Tanh"} whatever the direction, and
    // nodes that spell it out list two functions for one direction; ONNX
    // Runtime uses the first.
    if (activationsPerDirection == 1 && direction != "bidirectional" &&
        names.size() == 2)
      names.resize(1);
    SmallVector<Attribute> functions;
    for (const std::string &name : names)
      functions.push_back(builder.getStringAttr(getActivationName(name)));
    attrs.activations = builder.getArrayAttr(functions);
  }
  if (node.hasAttr("activation_alpha"))
    attrs.activationAlpha =
        builder.getDenseF32ArrayAttr(node.getFloatsAttr("activation_alpha"));
  if (node.hasAttr("activation_beta"))
    attrs.activationBeta =
        builder.getDenseF32ArrayAttr(node.getFloatsAttr("activation_beta"));
  if (node.hasAttr("clip"))
    attrs.clip = builder.getF32FloatAttr(node.getFloatAttr("clip", 0));
  if (node.hasAttr("hidden_size"))
    attrs.hiddenSize =
        builder.getI64IntegerAttr(node.getIntAttr("hidden_size", 0));
  attrs.layout = builder.getI64IntegerAttr(node.getIntAttr("layout", 0));
  return attrs;
}

static LogicalResult convertLSTM(NodeImporter &node) {
  RecurrentAttrs attrs = getRecurrentAttrs(node, 3);
  auto op = graph::LSTMOp::create(
      node.getBuilder(), node.getLoc(), node.getInput(0), node.getInput(1),
      node.getInput(2), node.getInput(3), node.getInput(4), node.getInput(5),
      node.getInput(6), node.getInput(7), attrs.activationAlpha,
      attrs.activationBeta, attrs.activations, attrs.clip, attrs.direction,
      attrs.hiddenSize, attrs.layout,
      node.getBuilder().getI64IntegerAttr(node.getIntAttr("input_forget", 0)));
  return node.setResults(op);
}

static LogicalResult convertGRU(NodeImporter &node) {
  RecurrentAttrs attrs = getRecurrentAttrs(node, 2);
  auto op = graph::GRUOp::create(
      node.getBuilder(), node.getLoc(), node.getInput(0), node.getInput(1),
      node.getInput(2), node.getInput(3), node.getInput(4), node.getInput(5),
      attrs.activationAlpha, attrs.activationBeta, attrs.activations,
      attrs.clip, attrs.direction, attrs.hiddenSize, attrs.layout,
      node.getBuilder().getI64IntegerAttr(
          node.getIntAttr("linear_before_reset", 0)));
  return node.setResults(op);
}

static LogicalResult convertRNN(NodeImporter &node) {
  RecurrentAttrs attrs = getRecurrentAttrs(node, 1);
  auto op = graph::RNNOp::create(
      node.getBuilder(), node.getLoc(), node.getInput(0), node.getInput(1),
      node.getInput(2), node.getInput(3), node.getInput(4), node.getInput(5),
      attrs.activationAlpha, attrs.activationBeta, attrs.activations,
      attrs.clip, attrs.direction, attrs.hiddenSize, attrs.layout);
  return node.setResults(op);
}

void tessera::onnx_import::populateRecurrentConverters(
    ConverterRegistry &registry) {
  registry.add("LSTM", convertLSTM);
  registry.add("GRU", convertGRU);
  registry.add("RNN", convertRNN);
}
