//===- GraphOps.td - Graph dialect core operators -------------------------===//

#ifndef TESSERA_DIALECT_GRAPH_IR_GRAPHOPS_TD
#define TESSERA_DIALECT_GRAPH_IR_GRAPHOPS_TD

include "tessera/Dialect/Graph/IR/GraphBase.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"

def Graph_ConstantOp : Graph_Op<"constant",
    [ConstantLike, Pure, AllTypesMatch<["value", "output"]>]> {
  let summary = "A constant tensor (weights, shapes, scalars)";
  let description = [{
    Model weights are `dense_resource` blobs so that large models print and
    parse without hex dumps; small constants (shapes, scalars) are `dense`.

    ```mlir
    %w = graph.constant dense_resource<conv1.weight> : tensor<64x3x7x7xf32>
    %s = graph.constant dense<[1, -1]> : tensor<2xi64>
    ```
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat = "attr-dict $value";
  let hasFolder = 1;
}

#endif // TESSERA_DIALECT_GRAPH_IR_GRAPHOPS_TD
