//===- GraphDataMovementOps.td - Data-movement and shape operators ===//
//
// Data-movement and shape operators: reshape, transpose, concat, split, slice, gather, pad, ...
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_DIALECT_GRAPH_IR_GRAPHDATAMOVEMENTOPS_TD
#define TESSERA_DIALECT_GRAPH_IR_GRAPHDATAMOVEMENTOPS_TD

include "tessera/Dialect/Graph/IR/GraphBase.td"

#endif // TESSERA_DIALECT_GRAPH_IR_GRAPHDATAMOVEMENTOPS_TD
