//===- Graph.td - The whole graph dialect (documentation root) ------------===//

#ifndef TESSERA_DIALECT_GRAPH_IR_GRAPH_TD
#define TESSERA_DIALECT_GRAPH_IR_GRAPH_TD

include "tessera/Dialect/Graph/IR/GraphOps.td"
include "tessera/Dialect/Graph/IR/GraphElementwiseOps.td"
include "tessera/Dialect/Graph/IR/GraphNNOps.td"
include "tessera/Dialect/Graph/IR/GraphDataMovementOps.td"
include "tessera/Dialect/Graph/IR/GraphIndexingOps.td"
include "tessera/Dialect/Graph/IR/GraphReductionOps.td"
include "tessera/Dialect/Graph/IR/GraphRecurrentOps.td"
include "tessera/Dialect/Graph/IR/GraphVisionOps.td"
include "tessera/Dialect/Graph/IR/GraphSignalOps.td"

#endif // TESSERA_DIALECT_GRAPH_IR_GRAPH_TD
