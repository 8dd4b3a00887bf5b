//===- CoreOps.cpp - Graph dialect core operators -------------------------===//

#include "tessera/Dialect/Graph/IR/Graph.h"

using namespace mlir;
using namespace tessera::graph;

#define GET_OP_CLASSES
#include "tessera/Dialect/Graph/IR/GraphOps.cpp.inc"

void GraphDialect::registerCoreOps() {
  addOperations<
#define GET_OP_LIST
#include "tessera/Dialect/Graph/IR/GraphOps.cpp.inc"
      >();
}

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }
