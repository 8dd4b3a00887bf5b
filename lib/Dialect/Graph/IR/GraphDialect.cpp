//===- GraphDialect.cpp - The graph dialect -------------------------------===//

#include "tessera/Dialect/Graph/IR/Graph.h"

using namespace mlir;
using namespace tessera::graph;

#include "tessera/Dialect/Graph/IR/GraphDialect.cpp.inc"

void GraphDialect::initialize() {
  registerCoreOps();
  registerElementwiseOps();
  registerNNOps();
  registerDataMovementOps();
  registerIndexingOps();
  registerReductionOps();
  registerRecurrentOps();
  registerVisionOps();
  registerSignalOps();
}

Operation *GraphDialect::materializeConstant(OpBuilder &builder,
                                             Attribute value, Type type,
                                             Location loc) {
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements || elements.getType() != type)
    return nullptr;
  return ConstantOp::create(builder, loc, elements);
}
