//===- GraphReductionOps.td - Reductions ===//
//
// Reductions: reduce_sum, reduce_mean, ..., argmax, argmin
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_DIALECT_GRAPH_IR_GRAPHREDUCTIONOPS_TD
#define TESSERA_DIALECT_GRAPH_IR_GRAPHREDUCTIONOPS_TD

include "tessera/Dialect/Graph/IR/GraphBase.td"

#endif // TESSERA_DIALECT_GRAPH_IR_GRAPHREDUCTIONOPS_TD
