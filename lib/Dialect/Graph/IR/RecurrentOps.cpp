//===- RecurrentOps.cpp - Recurrent operators ===//

#include "tessera/Dialect/Graph/IR/Graph.h"

using namespace mlir;
using namespace tessera::graph;

#define GET_OP_CLASSES
#include "tessera/Dialect/Graph/IR/GraphRecurrentOps.cpp.inc"

void GraphDialect::registerRecurrentOps() {
  addOperations<
#define GET_OP_LIST
#include "tessera/Dialect/Graph/IR/GraphRecurrentOps.cpp.inc"
      >();
}
