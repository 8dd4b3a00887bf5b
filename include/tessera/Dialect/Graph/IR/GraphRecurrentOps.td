//===- GraphRecurrentOps.td - Recurrent operators ===//
//
// Recurrent operators: lstm, gru, rnn
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_DIALECT_GRAPH_IR_GRAPHRECURRENTOPS_TD
#define TESSERA_DIALECT_GRAPH_IR_GRAPHRECURRENTOPS_TD

include "tessera/Dialect/Graph/IR/GraphBase.td"

#endif // TESSERA_DIALECT_GRAPH_IR_GRAPHRECURRENTOPS_TD
