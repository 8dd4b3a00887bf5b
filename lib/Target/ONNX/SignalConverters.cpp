//===- SignalConverters.cpp - ONNX Signal operators to the graph dialect ===//

#include "NodeImporter.h"

#include "tessera/Dialect/Graph/IR/Graph.h"

using namespace mlir;
using namespace tessera;
using namespace tessera::onnx_import;

static LogicalResult convertDFT(NodeImporter &node) {
  return node.setResults(graph::DFTOp::create(
      node.getBuilder(), node.getLoc(), node.getInput(0), node.getInput(1),
      node.getIntAttr("axis", 1), node.getIntAttr("inverse", 0),
      node.getIntAttr("onesided", 0)));
}

static LogicalResult convertSTFT(NodeImporter &node) {
  return node.setResults(graph::STFTOp::create(
      node.getBuilder(), node.getLoc(), node.getInput(0), node.getInput(1),
      node.getInput(2), node.getInput(3), node.getIntAttr("onesided", 1)));
}

static LogicalResult convertMelWeightMatrix(NodeImporter &node) {
  int64_t dataType = node.getIntAttr("output_datatype", /*FLOAT=*/1);
  Type elementType = convertDataType(dataType, node.getContext());
  if (!elementType || !elementType.isIntOrFloat() || elementType.isInteger(1))
    return node.emitError() << "attribute 'output_datatype' value " << dataType
                            << " is not supported";
  return node.setResults(graph::MelWeightMatrixOp::create(
      node.getBuilder(), node.getLoc(), node.getInput(0), node.getInput(1),
      node.getInput(2), node.getInput(3), node.getInput(4), elementType));
}

void tessera::onnx_import::populateSignalConverters(
    ConverterRegistry &registry) {
  registry.add("DFT", convertDFT);
  registry.add("STFT", convertSTFT);
  registry.add("MelWeightMatrix", convertMelWeightMatrix);
}
