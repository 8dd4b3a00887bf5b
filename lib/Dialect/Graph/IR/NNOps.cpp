//===- NNOps.cpp - Neural-network operators ===//

#include "tessera/Dialect/Graph/IR/Graph.h"

using namespace mlir;
using namespace tessera::graph;

#define GET_OP_CLASSES
#include "tessera/Dialect/Graph/IR/GraphNNOps.cpp.inc"

void GraphDialect::registerNNOps() {
  addOperations<
#define GET_OP_LIST
#include "tessera/Dialect/Graph/IR/GraphNNOps.cpp.inc"
      >();
}
