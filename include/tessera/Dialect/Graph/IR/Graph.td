//===- Graph.td - The whole graph dialect (documentation root) ------------===//

#ifndef TESSERA_DIALECT_GRAPH_IR_GRAPH_TD
#define TESSERA_DIALECT_GRAPH_IR_GRAPH_TD

include "tessera/Dialect/Graph/IR/GraphOps.td"
include "tessera/Dialect/Graph/IR/GraphElementwiseOps.td"

#endif // TESSERA_DIALECT_GRAPH_IR_GRAPH_TD
