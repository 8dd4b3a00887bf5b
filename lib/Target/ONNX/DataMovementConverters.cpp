//===- DataMovementConverters.cpp - ONNX DataMovement operators to the graph dialect ---===//

#include "NodeImporter.h"

#include "tessera/Dialect/Graph/IR/Graph.h"

using namespace mlir;
using namespace tessera;
using namespace tessera::onnx_import;

void tessera::onnx_import::populateDataMovementConverters(ConverterRegistry &registry) {
}
