//===- GraphIndexingOps.td - Indexing and index-producing operators ===//
//
// Indexing and index-producing operators: scatter, one_hot, top_k, cumsum, trilu, non_zero, einsum, resize, depth_to_space, ...
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_DIALECT_GRAPH_IR_GRAPHINDEXINGOPS_TD
#define TESSERA_DIALECT_GRAPH_IR_GRAPHINDEXINGOPS_TD

include "tessera/Dialect/Graph/IR/GraphBase.td"

#endif // TESSERA_DIALECT_GRAPH_IR_GRAPHINDEXINGOPS_TD
