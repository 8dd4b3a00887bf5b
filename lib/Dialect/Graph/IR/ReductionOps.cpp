//===- ReductionOps.cpp - Reductions ===//

#include "tessera/Dialect/Graph/IR/Graph.h"

using namespace mlir;
using namespace tessera::graph;

#define GET_OP_CLASSES
#include "tessera/Dialect/Graph/IR/GraphReductionOps.cpp.inc"

void GraphDialect::registerReductionOps() {
  addOperations<
#define GET_OP_LIST
#include "tessera/Dialect/Graph/IR/GraphReductionOps.cpp.inc"
      >();
}
