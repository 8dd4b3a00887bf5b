//===- GraphNNOps.td - Neural-network operators ===//
//
// Neural-network operators: matrix products, convolutions, pooling, normalization, softmax
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_DIALECT_GRAPH_IR_GRAPHNNOPS_TD
#define TESSERA_DIALECT_GRAPH_IR_GRAPHNNOPS_TD

include "tessera/Dialect/Graph/IR/GraphBase.td"

#endif // TESSERA_DIALECT_GRAPH_IR_GRAPHNNOPS_TD
