//===- ElementwiseOps.cpp - Elementwise graph operators -------------------===//

#include "tessera/Dialect/Graph/IR/Graph.h"

using namespace mlir;
using namespace tessera::graph;

#define GET_OP_CLASSES
#include "tessera/Dialect/Graph/IR/GraphElementwiseOps.cpp.inc"

void GraphDialect::registerElementwiseOps() {
  addOperations<
#define GET_OP_LIST
#include "tessera/Dialect/Graph/IR/GraphElementwiseOps.cpp.inc"
      >();
}
