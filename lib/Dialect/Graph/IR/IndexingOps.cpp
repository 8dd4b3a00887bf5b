//===- IndexingOps.cpp - Indexing and index-producing operators ===//

#include "tessera/Dialect/Graph/IR/Graph.h"

using namespace mlir;
using namespace tessera::graph;

#define GET_OP_CLASSES
#include "tessera/Dialect/Graph/IR/GraphIndexingOps.cpp.inc"

void GraphDialect::registerIndexingOps() {
  addOperations<
#define GET_OP_LIST
#include "tessera/Dialect/Graph/IR/GraphIndexingOps.cpp.inc"
      >();
}
