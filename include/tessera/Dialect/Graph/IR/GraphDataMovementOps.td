//===- GraphDataMovementOps.td - Data-movement and shape operators ===//
//
// Data-movement and shape operators: reshape, transpose, concat, split, slice, gather, pad, ...
//
// Inputs that ONNX passes as tensors (shapes, axes, slice bounds, pads,
// repeats) stay operands; inference and folders read them when they are
// constant. Shape vectors whose length decides the result's rank (reshape's
// shape, expand's shape, unsqueeze's axes, ...) must have a static length so
// that the rank is always known.
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_DIALECT_GRAPH_IR_GRAPHDATAMOVEMENTOPS_TD
#define TESSERA_DIALECT_GRAPH_IR_GRAPHDATAMOVEMENTOPS_TD

include "tessera/Dialect/Graph/IR/GraphBase.td"

def Graph_NumericScalar : RankedTensorOf<[AnyFloat, AnyInteger],
    [HasAnyRankOfPred<[0]>], "0-D tensor of numbers">;

class Graph_DataMovementOp<string mnemonic, list<Trait> traits = []>
    : Graph_InferredOp<mnemonic, traits> {
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Reshaping
//===----------------------------------------------------------------------===//

def Graph_ReshapeOp : Graph_DataMovementOp<"reshape",
    [AllElementTypesMatch<["data", "output"]>]> {
  let summary = "Gives a tensor a new shape with the same elements (ONNX Reshape)";
  let description = [{
    `shape` lists the sizes of the result. With `allowzero = 0` a 0 copies the
    size of the input at the same position; with `allowzero = 1` it is a size
    of 0. At most one size is -1: it takes whatever size keeps the number of
    elements. The result's sizes are static where `shape` is a constant.

    ```mlir
    %s = graph.constant dense<[0, -1]> : tensor<2xi64>
    %r = graph.reshape %x, %s : (tensor<?x3x4xf32>, tensor<2xi64>) -> tensor<?x12xf32>
    ```
  }];
  let arguments = (ins Graph_Tensor:$data, Graph_ShapeVector:$shape,
                   DefaultValuedAttr<I64Attr, "0">:$allowzero);
  let results = (outs Graph_Tensor:$output);
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def Graph_FlattenOp : Graph_DataMovementOp<"flatten",
    [AllElementTypesMatch<["data", "output"]>]> {
  let summary = "Reshapes a tensor to 2-D at an axis (ONNX Flatten)";
  let description = [{
    The result is `[d0 * ... * d(axis-1), d(axis) * ... * d(n-1)]`; `axis` is
    in `[-rank, rank]`. Canonicalization turns it into `graph.reshape` when
    the result is static.

    ```mlir
    %f = graph.flatten %x {axis = 1 : i64} : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
    ```
  }];
  let arguments = (ins Graph_Tensor:$data,
                   DefaultValuedAttr<I64Attr, "1">:$axis);
  let results = (outs Graph_Tensor:$output);
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def Graph_SqueezeOp : Graph_DataMovementOp<"squeeze",
    [AllElementTypesMatch<["data", "output"]>]> {
  let summary = "Removes dimensions of size 1 (ONNX Squeeze)";
  let description = [{
    Removes the dimensions listed in `axes` (each of size 1), or every
    dimension of size 1 when `axes` is absent (which needs a static input
    shape). Canonicalization turns it into `graph.reshape` when the result is
    static.

    ```mlir
    %a = graph.constant dense<[1]> : tensor<1xi64>
    %s = graph.squeeze %x, %a : (tensor<?x1x4xf32>, tensor<1xi64>) -> tensor<?x4xf32>
    ```
  }];
  let arguments = (ins Graph_Tensor:$data, Optional<Graph_ShapeVector>:$axes);
  let results = (outs Graph_Tensor:$output);
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def Graph_UnsqueezeOp : Graph_DataMovementOp<"unsqueeze",
    [AllElementTypesMatch<["data", "output"]>]> {
  let summary = "Inserts dimensions of size 1 (ONNX Unsqueeze)";
  let description = [{
    `axes` are positions in the result (in `[-rank(result), rank(result))`)
    that get a dimension of size 1. Canonicalization turns it into
    `graph.reshape` when the result is static.

    ```mlir
    %a = graph.constant dense<[0]> : tensor<1xi64>
    %u = graph.unsqueeze %x, %a : (tensor<3xf32>, tensor<1xi64>) -> tensor<1x3xf32>
    ```
  }];
  let arguments = (ins Graph_Tensor:$data, Graph_ShapeVector:$axes);
  let results = (outs Graph_Tensor:$output);
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

//===----------------------------------------------------------------------===//
// Reordering, joining and splitting
//===----------------------------------------------------------------------===//

def Graph_TransposeOp : Graph_DataMovementOp<"transpose",
    [AllElementTypesMatch<["data", "output"]>]> {
  let summary = "Permutes the dimensions of a tensor (ONNX Transpose)";
  let description = [{
    Result dimension `i` is input dimension `perm[i]`; without `perm` the
    dimensions are reversed.

    ```mlir
    %t = graph.transpose %x {perm = array<i64: 0, 2, 1>} : (tensor<?x3x4xf32>) -> tensor<?x4x3xf32>
    ```
  }];
  let arguments = (ins Graph_Tensor:$data,
                   OptionalAttr<DenseI64ArrayAttr>:$perm);
  let results = (outs Graph_Tensor:$output);
  let hasFolder = 1;
  let hasCanonicalizer = 1;
  let extraClassDeclaration = [{
    /// `perm`, or the reversal of the dimensions when it is absent.
    ::llvm::SmallVector<int64_t> getPermutation();
  }];
}

def Graph_ConcatOp : Graph_DataMovementOp<"concat", [SameOperandsAndResultElementType]> {
  let summary = "Joins tensors along an axis (ONNX Concat)";
  let description = [{
    All inputs have the same rank and the same sizes except along `axis` (in
    `[-rank, rank)`).

    ```mlir
    %c = graph.concat %a, %b {axis = 0 : i64} : (tensor<2xi64>, tensor<1xi64>) -> tensor<3xi64>
    ```
  }];
  let arguments = (ins Variadic<Graph_Tensor>:$inputs, I64Attr:$axis);
  let results = (outs Graph_Tensor:$output);
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def Graph_SplitOp : Graph_DataMovementOp<"split"> {
  let summary = "Splits a tensor into parts along an axis (ONNX Split)";
  let description = [{
    Splits `input` along `axis` into `num_outputs` parts: of the sizes in
    `split` when given, otherwise of equal size `ceil(d / num_outputs)` with a
    smaller last part (opset 18's rule; opset 17 requires equal parts).

    ```mlir
    %a:2 = graph.split %x {axis = 1 : i64, num_outputs = 2 : i64} : (tensor<?x6xf32>) -> (tensor<?x3xf32>, tensor<?x3xf32>)
    ```
  }];
  let arguments = (ins Graph_Tensor:$input, Optional<Graph_I64Vector>:$split,
                   DefaultValuedAttr<I64Attr, "0">:$axis, I64Attr:$num_outputs);
  let results = (outs Variadic<Graph_Tensor>:$outputs);
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def Graph_SliceOp : Graph_DataMovementOp<"slice",
    [AttrSizedOperandSegments, AllElementTypesMatch<["data", "output"]>]> {
  let summary = "Takes a strided slice of a tensor (ONNX Slice)";
  let description = [{
    For each `axes[i]` (default: 0, 1, ...) takes the elements from
    `starts[i]` towards `ends[i]` (exclusive) in steps of `steps[i]`
    (default 1, may be negative, not 0). Negative bounds count from the end;
    bounds out of range (such as INT64_MAX) are clamped as ONNX defines.

    ```mlir
    %y = graph.slice %x, %starts, %ends axes %axes : (tensor<?x8xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<?x4xf32>
    ```
  }];
  let arguments = (ins Graph_Tensor:$data, Graph_IndexVector:$starts,
                   Graph_IndexVector:$ends, Optional<Graph_IndexVector>:$axes,
                   Optional<Graph_IndexVector>:$steps);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat = [{
    $data `,` $starts `,` $ends (`axes` $axes^)? (`steps` $steps^)? attr-dict
    `:` functional-type(operands, results)
  }];
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def Graph_ExpandOp : Graph_DataMovementOp<"expand",
    [AllElementTypesMatch<["data", "output"]>]> {
  let summary = "Broadcasts a tensor to a shape (ONNX Expand)";
  let description = [{
    The result's shape is the numpy broadcast of the input's shape and
    `shape` (so a 1 in `shape` keeps the input's size).

    ```mlir
    %e = graph.expand %x, %shape : (tensor<3x1xf32>, tensor<2xi64>) -> tensor<3x?xf32>
    ```
  }];
  let arguments = (ins Graph_Tensor:$data, Graph_ShapeVector:$shape);
  let results = (outs Graph_Tensor:$output);
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def Graph_TileOp : Graph_DataMovementOp<"tile",
    [AllElementTypesMatch<["data", "output"]>]> {
  let summary = "Repeats a tensor along each dimension (ONNX Tile)";
  let description = [{
    `repeats` has one non-negative count per input dimension.

    ```mlir
    %t = graph.tile %x, %repeats : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<?x?xf32>
    ```
  }];
  let arguments = (ins Graph_Tensor:$data, Graph_I64Vector:$repeats);
  let results = (outs Graph_Tensor:$output);
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def Graph_PadOp : Graph_DataMovementOp<"pad",
    [AttrSizedOperandSegments, AllElementTypesMatch<["data", "output"]>]> {
  let summary = "Pads a tensor (ONNX Pad)";
  let description = [{
    `pads` holds the amounts added before each padded axis, then those added
    after (negative amounts remove elements). The padded axes are `axes`
    (default: all). `mode` is `constant` (with `constant_value`, a scalar,
    default 0), `reflect` or `edge`.

    ```mlir
    %p = graph.pad %x, %pads value %zero {mode = "constant"} : (tensor<?x3xf32>, tensor<4xi64>, tensor<f32>) -> tensor<?x5xf32>
    ```
  }];
  let arguments = (ins Graph_Tensor:$data, Graph_I64Vector:$pads,
                   Optional<Graph_Tensor>:$constant_value,
                   Optional<Graph_IndexVector>:$axes,
                   DefaultValuedAttr<StrAttr, "\"constant\"">:$mode);
  let results = (outs Graph_Tensor:$output);
  let assemblyFormat = [{
    $data `,` $pads (`value` $constant_value^)? (`axes` $axes^)? attr-dict
    `:` functional-type(operands, results)
  }];
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def Graph_DepthToSpaceOp : Graph_DataMovementOp<"depth_to_space",
    [AllElementTypesMatch<["input", "output"]>]> {
  let summary = "Moves channel blocks into spatial blocks (ONNX DepthToSpace)";
  let description = [{
    `[N, C, H, W]` becomes `[N, C / (b * b), H * b, W * b]` for `blocksize`
    b; `mode` `DCR` (depth-column-row, the default) or `CRD` orders the
    channel blocks.

    ```mlir
    %y = graph.depth_to_space %x {blocksize = 2 : i64, mode = "CRD"} : (tensor<1x8x2x3xf32>) -> tensor<1x2x4x6xf32>
    ```
  }];
  let arguments = (ins Graph_Tensor:$input, I64Attr:$blocksize,
                   DefaultValuedAttr<StrAttr, "\"DCR\"">:$mode);
  let results = (outs Graph_Tensor:$output);
  let hasCanonicalizer = 1;
}

def Graph_SpaceToDepthOp : Graph_DataMovementOp<"space_to_depth",
    [AllElementTypesMatch<["input", "output"]>]> {
  let summary = "Moves spatial blocks into channels (ONNX SpaceToDepth)";
  let description = [{
    `[N, C, H, W]` becomes `[N, C * b * b, H / b, W / b]` for `blocksize` b.

    ```mlir
    %y = graph.space_to_depth %x {blocksize = 2 : i64} : (tensor<1x2x4x6xf32>) -> tensor<1x8x2x3xf32>
    ```
  }];
  let arguments = (ins Graph_Tensor:$input, I64Attr:$blocksize);
  let results = (outs Graph_Tensor:$output);
  let hasCanonicalizer = 1;
}

//===----------------------------------------------------------------------===//
// Gathering
//===----------------------------------------------------------------------===//

def Graph_GatherOp : Graph_DataMovementOp<"gather",
    [AllElementTypesMatch<["data", "output"]>]> {
  let summary = "Gathers slices along an axis (ONNX Gather)";
  let description = [{
    The result's shape is `data.shape[:axis] + indices.shape +
    data.shape[axis+1:]`; negative indices count from the end of `axis`.

    ```mlir
    %g = graph.gather %shape, %i {axis = 0 : i64} : (tensor<3xi64>, tensor<i64>) -> tensor<i64>
    ```
  }];
  let arguments = (ins Graph_Tensor:$data, Graph_IndexTensor:$indices,
                   DefaultValuedAttr<I64Attr, "0">:$axis);
  let results = (outs Graph_Tensor:$output);
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def Graph_GatherElementsOp : Graph_DataMovementOp<"gather_elements",
    [AllElementTypesMatch<["data", "output"]>]> {
  let summary = "Gathers single elements along an axis (ONNX GatherElements)";
  let description = [{
    `indices` has the rank of `data`; the result has the shape of `indices`
    and element `out[i][j][k] = data[indices[i][j][k]][j][k]` for axis 0.

    ```mlir
    %g = graph.gather_elements %x, %i {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x2xi64>) -> tensor<2x2xf32>
    ```
  }];
  let arguments = (ins Graph_Tensor:$data, Graph_IndexTensor:$indices,
                   DefaultValuedAttr<I64Attr, "0">:$axis);
  let results = (outs Graph_Tensor:$output);
  let hasCanonicalizer = 1;
}

def Graph_GatherNDOp : Graph_DataMovementOp<"gather_nd",
    [AllElementTypesMatch<["data", "output"]>]> {
  let summary = "Gathers slices by multi-dimensional indices (ONNX GatherND)";
  let description = [{
    The last dimension of `indices` (static) holds index tuples into the
    dimensions of `data` after the first `batch_dims`. The result's shape is
    `data.shape[:b] + indices.shape[b:-1] + data.shape[b + indices.shape[-1]:]`.

    ```mlir
    %g = graph.gather_nd %x, %i : (tensor<2x3x4xf32>, tensor<5x2xi64>) -> tensor<5x4xf32>
    ```
  }];
  let arguments = (ins Graph_Tensor:$data, Graph_I64Tensor:$indices,
                   DefaultValuedAttr<I64Attr, "0">:$batch_dims);
  let results = (outs Graph_Tensor:$output);
  let hasCanonicalizer = 1;
}

//===----------------------------------------------------------------------===//
// Shapes and generated tensors
//===----------------------------------------------------------------------===//

def Graph_ShapeOp : Graph_InferredOp<"shape"> {
  let summary = "The shape of a tensor as a 1-D i64 tensor (ONNX Shape)";
  let description = [{
    The sizes of dimensions `start` to `end` (exclusive; negative values
    count from the end, out-of-range values are clamped). Folds to a constant
    where those sizes are static.

    ```mlir
    %s = graph.shape %x {start = 1 : i64} : (tensor<?x128x768xf32>) -> tensor<2xi64>
    ```
  }];
  let arguments = (ins Graph_Tensor:$data,
                   DefaultValuedAttr<I64Attr, "0">:$start,
                   OptionalAttr<I64Attr>:$end);
  let results = (outs Graph_Tensor:$output);
  let hasFolder = 1;
}

def Graph_SizeOp : Graph_InferredOp<"size"> {
  let summary = "The number of elements of a tensor as an i64 scalar (ONNX Size)";
  let description = [{
    ```mlir
    %n = graph.size %x : (tensor<?x3xf32>) -> tensor<i64>
    ```
  }];
  let arguments = (ins Graph_Tensor:$data);
  let results = (outs Graph_Tensor:$output);
  let hasFolder = 1;
}

def Graph_RangeOp : Graph_DataMovementOp<"range",
    [AllTypesMatch<["start", "limit", "delta"]>]> {
  let summary = "The sequence start, start + delta, ... before limit (ONNX Range)";
  let description = [{
    Has `max(ceil((limit - start) / delta), 0)` elements; its size is static
    when the three scalars are constants.

    ```mlir
    %r = graph.range %start, %limit, %delta : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<?xi64>
    ```
  }];
  let arguments = (ins Graph_NumericScalar:$start, Graph_NumericScalar:$limit,
                   Graph_NumericScalar:$delta);
  let results = (outs Graph_Tensor:$output);
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def Graph_ConstantOfShapeOp : Graph_DataMovementOp<"constant_of_shape"> {
  let summary = "A tensor of a given shape filled with one value (ONNX ConstantOfShape)";
  let description = [{
    `value` is a one-element tensor (default: 0.0 as f32) that gives the
    element type and the fill value.

    ```mlir
    %z = graph.constant_of_shape %shape {value = dense<0> : tensor<1xi64>} : (tensor<2xi64>) -> tensor<?x?xi64>
    ```
  }];
  let arguments = (ins Graph_ShapeVector:$input,
                   OptionalAttr<ElementsAttr>:$value);
  let results = (outs Graph_Tensor:$output);
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

#endif // TESSERA_DIALECT_GRAPH_IR_GRAPHDATAMOVEMENTOPS_TD
