//===- DataMovementOps.cpp - Data-movement and shape operators ===//

#include "tessera/Dialect/Graph/IR/Graph.h"

using namespace mlir;
using namespace tessera::graph;

#define GET_OP_CLASSES
#include "tessera/Dialect/Graph/IR/GraphDataMovementOps.cpp.inc"

void GraphDialect::registerDataMovementOps() {
  addOperations<
#define GET_OP_LIST
#include "tessera/Dialect/Graph/IR/GraphDataMovementOps.cpp.inc"
      >();
}
