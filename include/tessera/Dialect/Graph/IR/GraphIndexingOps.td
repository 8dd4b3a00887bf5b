//===- GraphIndexingOps.td - Indexing and index-producing operators ===//
//
// Indexing and index-producing operators: scatter, one_hot, top_k, cumsum,
// trilu, non_zero, einsum, resize, eye_like, compress, reverse_sequence,
// max_unpool, det.
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_DIALECT_GRAPH_IR_GRAPHINDEXINGOPS_TD
#define TESSERA_DIALECT_GRAPH_IR_GRAPHINDEXINGOPS_TD

include "tessera/Dialect/Graph/IR/GraphBase.td"

//===----------------------------------------------------------------------===//
// Scatter
//===----------------------------------------------------------------------===//

def Graph_ScatterElementsOp : Graph_InferredOp<"scatter_elements",
    [AllElementTypesMatch<["data", "updates", "output"]>]> {
  let summary = "Writes updates into a copy of data at per-element indices";
  let description = [{
    ONNX ScatterElements: `indices` and `updates` have the same shape and the
    rank of `data`; `updates[i][j]` goes to `output[indices[i][j]][j]` for
    `axis = 0` (and likewise for other axes). Negative indices count from
    the end of `axis`. `reduction` ("none", "add" or "mul") combines an
    update with the element it lands on. The result has `data`'s type.

    ```mlir
    %0 = graph.scatter_elements %data, %indices, %updates {axis = 1 : i64}
        : (tensor<3x5xf32>, tensor<3x2xi64>, tensor<3x2xf32>) -> tensor<3x5xf32>
    ```
  }];
  let arguments = (ins Graph_Tensor:$data, Graph_IndexTensor:$indices,
                       Graph_Tensor:$updates,
                       DefaultValuedAttr<I64Attr, "0">:$axis,
                       DefaultValuedStrAttr<StrAttr, "none">:$reduction);
  let results = (outs Graph_Tensor:$output);
  let hasVerifier = 1;
}

def Graph_ScatterNDOp : Graph_InferredOp<"scatter_nd",
    [AllElementTypesMatch<["data", "updates", "output"]>]> {
  let summary = "Writes slices of updates into a copy of data at index tuples";
  let description = [{
    ONNX ScatterND: the last dimension of `indices` (size k) holds index
    tuples into the first k dimensions of `data`; `updates` has shape
    `indices.shape[:-1] ++ data.shape[k:]`. `reduction` ("none", "add" or
    "mul") combines an update with the slice it lands on. The result has
    `data`'s type.

    ```mlir
    %0 = graph.scatter_nd %data, %indices, %updates {reduction = "add"}
        : (tensor<4x4x4xf32>, tensor<2x1xi64>, tensor<2x4x4xf32>) -> tensor<4x4x4xf32>
    ```
  }];
  let arguments = (ins Graph_Tensor:$data, Graph_I64Tensor:$indices,
                       Graph_Tensor:$updates,
                       DefaultValuedStrAttr<StrAttr, "none">:$reduction);
  let results = (outs Graph_Tensor:$output);
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Index-producing and index-consuming operators
//===----------------------------------------------------------------------===//

def Graph_OneHotOp : Graph_InferredOp<"one_hot",
    [AllElementTypesMatch<["values", "output"]>]> {
  let summary = "One-hot encoding of indices";
  let description = [{
    ONNX OneHot: a new dimension of size `depth` (a scalar or one-element
    tensor) is inserted at `axis` (in [-r-1, r] for indices of rank r); the
    element for each index is `values[1]` (on), every other element
    `values[0]` (off). Indices in [-depth, depth) are valid, negative ones
    count from the end. The size of the new dimension is known when `depth`
    is a constant, `?` otherwise.

    ```mlir
    %0 = graph.one_hot %indices, %depth, %values {axis = 1 : i64}
        : (tensor<2x3xi64>, tensor<i64>, tensor<2xf32>) -> tensor<2x10x3xf32>
    ```
  }];
  let arguments = (ins Graph_NumericTensor:$indices,
                       Graph_NumericTensor:$depth, Graph_Tensor:$values,
                       DefaultValuedAttr<I64Attr, "-1">:$axis);
  let results = (outs Graph_Tensor:$output);
  let hasVerifier = 1;
}

def Graph_TopKOp : Graph_InferredOp<"top_k",
    [AllElementTypesMatch<["input", "values"]>]> {
  let summary = "The k largest (or smallest) elements along an axis";
  let description = [{
    ONNX TopK: `k` is a one-element 1-D tensor. `values` holds the k largest
    elements along `axis` (the k smallest when `largest` is 0), in sorted
    order when `sorted` is 1; `indices` holds their positions along `axis`.
    The size of `axis` in both results is k when `k` is a constant, `?`
    otherwise.

    ```mlir
    %values, %indices = graph.top_k %x, %k {axis = 1 : i64}
        : (tensor<3x4xf32>, tensor<1xi64>) -> (tensor<3x?xf32>, tensor<3x?xi64>)
    ```
  }];
  let arguments = (ins Graph_NumericTensor:$input, Graph_I64Tensor:$k,
                       DefaultValuedAttr<I64Attr, "-1">:$axis,
                       DefaultValuedAttr<I64Attr, "1">:$largest,
                       DefaultValuedAttr<I64Attr, "1">:$sorted);
  let results = (outs Graph_NumericTensor:$values,
                      Graph_I64Tensor:$indices);
  let hasVerifier = 1;
}

def Graph_CumSumOp : Graph_SameTypeOp<"cumsum",
    [AllElementTypesMatch<["input", "output"]>]> {
  let summary = "Cumulative sum along an axis";
  let description = [{
    ONNX CumSum: `axis` is a scalar tensor in [-r, r). With `exclusive` = 1
    the sum at each position leaves out the element there; with `reverse` =
    1 the sums run from the end of the axis.

    ```mlir
    %0 = graph.cumsum %x, %axis {exclusive = 1 : i64}
        : (tensor<2x?xf32>, tensor<i32>) -> tensor<2x?xf32>
    ```
  }];
  let arguments = (ins Graph_NumericTensor:$input, Graph_IndexTensor:$axis,
                       DefaultValuedAttr<I64Attr, "0">:$exclusive,
                       DefaultValuedAttr<I64Attr, "0">:$reverse);
  let results = (outs Graph_NumericTensor:$output);
  let hasVerifier = 1;
}

def Graph_TriluOp : Graph_SameTypeOp<"trilu",
    [AllElementTypesMatch<["input", "output"]>]> {
  let summary = "Upper or lower triangle of the innermost matrices";
  let description = [{
    ONNX Trilu: keeps the elements of each innermost matrix on and above
    (`upper` = 1) or on and below (`upper` = 0) the k-th diagonal and zeroes
    the rest. The optional scalar `k` defaults to 0 (the main diagonal);
    positive k counts diagonals above it.

    ```mlir
    %0 = graph.trilu %x, %k {upper = 0 : i64}
        : (tensor<?x4x5xf32>, tensor<i64>) -> tensor<?x4x5xf32>
    ```
  }];
  let arguments = (ins Graph_Tensor:$input,
                       Optional<Graph_I64Tensor>:$k,
                       DefaultValuedAttr<I64Attr, "1">:$upper);
  let results = (outs Graph_Tensor:$output);
  let hasVerifier = 1;
}

def Graph_NonZeroOp : Graph_InferredOp<"non_zero"> {
  let summary = "Indices of the non-zero elements";
  let description = [{
    ONNX NonZero: a `rank x n` tensor of i64 whose columns are the indices
    of the n non-zero elements of `input`, in row-major order. n depends on
    the values of `input`, so it is `?`.

    ```mlir
    %0 = graph.non_zero %x : (tensor<2x3xi1>) -> tensor<2x?xi64>
    ```
  }];
  let arguments = (ins Graph_Tensor:$input);
  let results = (outs Graph_I64Tensor:$output);
}

def Graph_EinsumOp : Graph_InferredOp<"einsum"> {
  let summary = "Einstein summation";
  let description = [{
    ONNX Einsum: `equation` names each operand's dimensions with one letter
    each (`ij,jk->ik`); `...` stands for dimensions that broadcast
    numpy-style across the operands. Letters repeated across operands or
    within one operand (a diagonal) must have matching sizes (or 1, which
    broadcasts). Letters missing from the output are summed over. Without
    `->` (implicit mode) the output is the broadcast `...` dimensions
    followed by the letters that occur exactly once, in alphabetical order.
    Spaces are ignored.

    ```mlir
    %0 = graph.einsum %a, %b {equation = "bij,bjk->bik"}
        : (tensor<?x2x3xf32>, tensor<?x3x4xf32>) -> tensor<?x2x4xf32>
    ```
  }];
  let arguments = (ins Variadic<Graph_NumericTensor>:$inputs,
                       StrAttr:$equation);
  let results = (outs Graph_NumericTensor:$output);
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Resampling
//===----------------------------------------------------------------------===//

def Graph_ResizeOp : Graph_InferredOp<"resize", [AttrSizedOperandSegments,
    AllElementTypesMatch<["input", "output"]>]> {
  let summary = "Resamples a tensor to new sizes by interpolation";
  let description = [{
    ONNX Resize (opset 13): each output dimension is `sizes[i]` or
    `floor(input.shape[i] * scales[i])`; exactly one of `scales` (f32) and
    `sizes` (i64) is given, a 1-D tensor with one element per input
    dimension. `roi` (start and end of each dimension, normalized) is used
    by the "tf_crop_and_resize" coordinate transformation only.

    `mode` is "nearest", "linear" or "cubic"; `coordinate_transformation_mode`
    is "half_pixel", "pytorch_half_pixel", "align_corners", "asymmetric" or
    "tf_crop_and_resize"; `nearest_mode` ("round_prefer_floor",
    "round_prefer_ceil", "floor", "ceil") rounds for "nearest".
    `cubic_coeff_a` and `exclude_outside` shape the cubic kernel;
    `extrapolation_value` fills points outside the input for
    "tf_crop_and_resize". Output sizes are known when `sizes` or `scales`
    is a constant (and, for scales, the input size is static), `?`
    otherwise.

    ```mlir
    %0 = graph.resize %x scales %s {mode = "linear"}
        : (tensor<1x3x4x4xf32>, tensor<4xf32>) -> tensor<1x3x8x8xf32>
    ```
  }];
  let arguments = (ins
      Graph_Tensor:$input,
      Optional<Graph_FloatTensor>:$roi,
      Optional<RankedTensorOf<[F32]>>:$scales,
      Optional<Graph_I64Tensor>:$sizes,
      DefaultValuedStrAttr<StrAttr, "half_pixel">:$coordinate_transformation_mode,
      DefaultValuedAttr<F32Attr, "-0.75">:$cubic_coeff_a,
      DefaultValuedAttr<I64Attr, "0">:$exclude_outside,
      DefaultValuedAttr<F32Attr, "0.0">:$extrapolation_value,
      DefaultValuedStrAttr<StrAttr, "nearest">:$mode,
      DefaultValuedStrAttr<StrAttr, "round_prefer_floor">:$nearest_mode);
  let results = (outs Graph_Tensor:$output);
  // Which optional operands are present must show in the text.
  let assemblyFormat = [{
    $input (`roi` $roi^)? (`scales` $scales^)? (`sizes` $sizes^)? attr-dict
    `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Graph_MaxUnpoolOp : Graph_InferredOp<"max_unpool",
    [AllElementTypesMatch<["input", "output"]>]> {
  let summary = "Partial inverse of max_pool";
  let description = [{
    ONNX MaxUnpool: scatters each element of `input` (N x C x D1 x ...) to
    the flat position given by `indices` (same shape, as produced by
    MaxPool's indices output) in a zero-filled output. Each spatial output
    size is `(in - 1) * stride - pad_begin - pad_end + kernel`, unless the
    optional 1-D `output_shape` gives the whole output shape (then its sizes
    are known when it is a constant, `?` otherwise).

    ```mlir
    %0 = graph.max_unpool %x, %i {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>}
        : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>) -> tensor<1x1x4x4xf32>
    ```
  }];
  let arguments = (ins Graph_FloatTensor:$input, Graph_I64Tensor:$indices,
                       Optional<Graph_I64Tensor>:$output_shape,
                       DenseI64ArrayAttr:$kernel_shape,
                       OptionalAttr<DenseI64ArrayAttr>:$pads,
                       OptionalAttr<DenseI64ArrayAttr>:$strides);
  let results = (outs Graph_FloatTensor:$output);
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Other tensor operators
//===----------------------------------------------------------------------===//

def Graph_EyeLikeOp : Graph_InferredOp<"eye_like"> {
  let summary = "A 2-D tensor with ones on a diagonal, shaped like the input";
  let description = [{
    ONNX EyeLike: the result has the shape of the 2-D `input`, ones on the
    k-th diagonal (k > 0 above the main diagonal, k < 0 below) and zeros
    elsewhere. Its element type is `dtype` when given, the input's
    otherwise; the input's values are not read.

    ```mlir
    %0 = graph.eye_like %x {dtype = i32, k = 1 : i64}
        : (tensor<3x?xf32>) -> tensor<3x?xi32>
    ```
  }];
  let arguments = (ins Graph_NumericTensor:$input,
                       DefaultValuedAttr<I64Attr, "0">:$k,
                       OptionalAttr<TypeAttr>:$dtype);
  let results = (outs Graph_NumericTensor:$output);
  let hasVerifier = 1;
}

def Graph_CompressOp : Graph_InferredOp<"compress",
    [AllElementTypesMatch<["input", "output"]>]> {
  let summary = "Selects slices along an axis where a condition is true";
  let description = [{
    ONNX Compress: keeps the slices along `axis` whose entry in the 1-D
    boolean `condition` is true (a condition shorter than the axis drops
    the remaining slices). Without `axis` the input is flattened first and
    the result is 1-D. The selected size is known when `condition` is a
    constant (and the axis size static), `?` otherwise.

    ```mlir
    %0 = graph.compress %x, %c {axis = 0 : i64}
        : (tensor<3x2xf32>, tensor<3xi1>) -> tensor<?x2xf32>
    ```
  }];
  let arguments = (ins Graph_Tensor:$input, Graph_BoolTensor:$condition,
                       OptionalAttr<I64Attr>:$axis);
  let results = (outs Graph_Tensor:$output);
  let hasVerifier = 1;
}

def Graph_ReverseSequenceOp : Graph_SameTypeOp<"reverse_sequence",
    [AllElementTypesMatch<["input", "output"]>]> {
  let summary = "Reverses the leading part of each sequence in a batch";
  let description = [{
    ONNX ReverseSequence: for each batch index b (along `batch_axis`), the
    first `sequence_lens[b]` elements along `time_axis` are reversed; the
    rest are copied. `batch_axis` and `time_axis` are 0 and 1 in some order
    and the input has rank at least 2.

    ```mlir
    %0 = graph.reverse_sequence %x, %lens {batch_axis = 0 : i64, time_axis = 1 : i64}
        : (tensor<4x?x8xf32>, tensor<4xi64>) -> tensor<4x?x8xf32>
    ```
  }];
  let arguments = (ins Graph_Tensor:$input,
                       Graph_I64Tensor:$sequence_lens,
                       DefaultValuedAttr<I64Attr, "1">:$batch_axis,
                       DefaultValuedAttr<I64Attr, "0">:$time_axis);
  let results = (outs Graph_Tensor:$output);
  let hasVerifier = 1;
}

def Graph_DetOp : Graph_InferredOp<"det",
    [AllElementTypesMatch<["input", "output"]>]> {
  let summary = "Determinants of the innermost square matrices";
  let description = [{
    ONNX Det: `input` has shape `[*, M, M]`; the result has shape `[*]`.

    ```mlir
    %0 = graph.det %x : (tensor<?x3x3xf32>) -> tensor<?xf32>
    ```
  }];
  let arguments = (ins Graph_FloatTensor:$input);
  let results = (outs Graph_FloatTensor:$output);
  let hasVerifier = 1;
}

#endif // TESSERA_DIALECT_GRAPH_IR_GRAPHINDEXINGOPS_TD
