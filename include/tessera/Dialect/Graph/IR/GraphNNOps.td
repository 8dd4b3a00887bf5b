//===- GraphNNOps.td - Neural-network operators ---------------------------===//
//
// Neural-network operators: matrix products, convolutions, pooling,
// normalization, softmax.
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_DIALECT_GRAPH_IR_GRAPHNNOPS_TD
#define TESSERA_DIALECT_GRAPH_IR_GRAPHNNOPS_TD

include "tessera/Dialect/Graph/IR/GraphBase.td"

// MaxPool also pools 8-bit integers.
def Graph_MaxPoolTensor : RankedTensorOf<[AnyFloat, I8, UI8]>;

//===----------------------------------------------------------------------===//
// Matrix products
//===----------------------------------------------------------------------===//

def Graph_MatMulOp : Graph_InferredOp<"matmul",
    [AllElementTypesMatch<["lhs", "rhs", "output"]>]> {
  let summary = "Matrix product with numpy semantics (ONNX MatMul)";
  let description = [{
    Multiplies the trailing two dimensions of `lhs` and `rhs`; the leading
    (batch) dimensions broadcast numpy-style. A 1-D `lhs` is a row vector and
    a 1-D `rhs` a column vector, and the dimension they add is removed from
    the result, as in `numpy.matmul`.

    ```mlir
    %y = graph.matmul %a, %b : (tensor<?x8x16xf32>, tensor<16x4xf32>) -> tensor<?x8x4xf32>
    ```
  }];
  let arguments = (ins Graph_NumericTensor:$lhs, Graph_NumericTensor:$rhs);
  let results = (outs Graph_NumericTensor:$output);
  let hasVerifier = 1;
}

def Graph_GemmOp : Graph_InferredOp<"gemm",
    [AllElementTypesMatch<["a", "b", "output"]>]> {
  let summary = "General matrix multiply: alpha * A' * B' + beta * C (ONNX Gemm)";
  let description = [{
    `A'` is `a` transposed when `trans_a` is 1, `B'` likewise with `trans_b`;
    both are 2-D. The optional `c` broadcasts (unidirectionally) to the
    `M x N` result; without it the op is `alpha * A' * B'`.

    ```mlir
    %y = graph.gemm %a, %b, %c {trans_b = 1 : i64}
        : (tensor<?x256xf32>, tensor<10x256xf32>, tensor<10xf32>) -> tensor<?x10xf32>
    ```
  }];
  let arguments = (ins Graph_NumericTensor:$a, Graph_NumericTensor:$b,
                       Optional<Graph_NumericTensor>:$c,
                       DefaultValuedAttr<F32Attr, "1.0f">:$alpha,
                       DefaultValuedAttr<F32Attr, "1.0f">:$beta,
                       DefaultValuedAttr<I64Attr, "0">:$trans_a,
                       DefaultValuedAttr<I64Attr, "0">:$trans_b);
  let results = (outs Graph_NumericTensor:$output);
  let hasVerifier = 1;
}

def Graph_MatMulIntegerOp : Graph_InferredOp<"matmul_integer",
    [AttrSizedOperandSegments]> {
  let summary = "8-bit integer matrix product into i32 (ONNX MatMulInteger)";
  let description = [{
    `(lhs - lhs_zero_point) x (rhs - rhs_zero_point)` with numpy matmul
    semantics, accumulated in i32. A zero point is a scalar (per tensor), or
    per row of `lhs` / per column of `rhs`; absent, it is 0.

    ```mlir
    %y = graph.matmul_integer %a, %b zero_points(%za, %zb)
        : (tensor<4x3xui8>, tensor<3x2xi8>, tensor<ui8>, tensor<i8>) -> tensor<4x2xi32>
    ```
  }];
  let arguments = (ins Graph_QuantizedTensor:$lhs, Graph_QuantizedTensor:$rhs,
                       Optional<Graph_QuantizedTensor>:$lhs_zero_point,
                       Optional<Graph_QuantizedTensor>:$rhs_zero_point);
  let results = (outs RankedTensorOf<[I32]>:$output);
  let assemblyFormat = [{
    $lhs `,` $rhs (`lhs_zero_point` `(` $lhs_zero_point^ `)`)?
    (`rhs_zero_point` `(` $rhs_zero_point^ `)`)? attr-dict `:`
    functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Graph_QLinearMatMulOp : Graph_InferredOp<"qlinear_matmul"> {
  let summary = "Quantized matrix product (ONNX QLinearMatMul)";
  let description = [{
    Dequantizes `lhs` and `rhs` with their scales and zero points, multiplies
    them with numpy matmul semantics and quantizes the product with
    `output_scale` and `output_zero_point`, whose element type the result
    has. Scales and zero points are scalars (per tensor) or per row of `lhs`
    / per column of `rhs`.

    ```mlir
    %y = graph.qlinear_matmul %a, %sa, %za, %b, %sb, %zb, %sy, %zy
        : (tensor<2x4xui8>, tensor<f32>, tensor<ui8>, tensor<4x3xui8>, tensor<f32>,
           tensor<ui8>, tensor<f32>, tensor<ui8>) -> tensor<2x3xui8>
    ```
  }];
  let arguments = (ins Graph_QuantizedTensor:$lhs, RankedTensorOf<[F32]>:$lhs_scale,
                       Graph_QuantizedTensor:$lhs_zero_point,
                       Graph_QuantizedTensor:$rhs, RankedTensorOf<[F32]>:$rhs_scale,
                       Graph_QuantizedTensor:$rhs_zero_point,
                       RankedTensorOf<[F32]>:$output_scale,
                       Graph_QuantizedTensor:$output_zero_point);
  let results = (outs Graph_QuantizedTensor:$output);
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Convolutions
//===----------------------------------------------------------------------===//

// The window attributes shared by convolutions and pooling, with ONNX's names
// and defaults: absent strides and dilations are 1, absent pads 0.
// `auto_pad` is NOTSET (use `pads`), SAME_UPPER, SAME_LOWER or VALID.

def Graph_ConvOp : Graph_InferredOp<"conv",
    [AllElementTypesMatch<["input", "weight", "output"]>]> {
  let summary = "N-D convolution (ONNX Conv)";
  let description = [{
    `input` is `N x C x D1 x ... x Dn`, `weight` is `M x C/group x k1 x ... x
    kn` and the optional `bias` has `M` elements; the result is `N x M x O1 x
    ... x On` with `Oi = floor((Di + pad_begin_i + pad_end_i - ((ki - 1) *
    dilation_i + 1)) / stride_i) + 1`, or `ceil(Di / stride_i)` with a SAME
    `auto_pad`. `kernel_shape`, when present, repeats the weight's spatial
    sizes.

    ```mlir
    %y = graph.conv %x, %w, %b {pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}
        : (tensor<?x3x224x224xf32>, tensor<64x3x3x3xf32>, tensor<64xf32>) -> tensor<?x64x112x112xf32>
    ```
  }];
  let arguments = (ins Graph_FloatTensor:$input, Graph_FloatTensor:$weight,
                       Optional<Graph_FloatTensor>:$bias,
                       DefaultValuedAttr<StrAttr, "\"NOTSET\"">:$auto_pad,
                       OptionalAttr<DenseI64ArrayAttr>:$dilations,
                       DefaultValuedAttr<I64Attr, "1">:$group,
                       OptionalAttr<DenseI64ArrayAttr>:$kernel_shape,
                       OptionalAttr<DenseI64ArrayAttr>:$pads,
                       OptionalAttr<DenseI64ArrayAttr>:$strides);
  let results = (outs Graph_FloatTensor:$output);
  let hasVerifier = 1;
  let hasCanonicalizer = 1;
}

def Graph_ConvIntegerOp : Graph_InferredOp<"conv_integer",
    [AttrSizedOperandSegments]> {
  let summary = "8-bit integer N-D convolution into i32 (ONNX ConvInteger)";
  let description = [{
    `graph.conv` of `input - input_zero_point` and `weight -
    weight_zero_point`, accumulated in i32; absent zero points are 0. The
    input's zero point is a scalar; the weight's is a scalar or has one
    element per output channel.

    ```mlir
    %y = graph.conv_integer %x, %w input_zero_point(%zx) {pads = array<i64: 1, 1, 1, 1>}
        : (tensor<1x1x3x3xui8>, tensor<1x1x2x2xui8>, tensor<ui8>) -> tensor<1x1x4x4xi32>
    ```
  }];
  let arguments = (ins Graph_QuantizedTensor:$input, Graph_QuantizedTensor:$weight,
                       Optional<Graph_QuantizedTensor>:$input_zero_point,
                       Optional<Graph_QuantizedTensor>:$weight_zero_point,
                       DefaultValuedAttr<StrAttr, "\"NOTSET\"">:$auto_pad,
                       OptionalAttr<DenseI64ArrayAttr>:$dilations,
                       DefaultValuedAttr<I64Attr, "1">:$group,
                       OptionalAttr<DenseI64ArrayAttr>:$kernel_shape,
                       OptionalAttr<DenseI64ArrayAttr>:$pads,
                       OptionalAttr<DenseI64ArrayAttr>:$strides);
  let results = (outs RankedTensorOf<[I32]>:$output);
  let assemblyFormat = [{
    $input `,` $weight (`input_zero_point` `(` $input_zero_point^ `)`)?
    (`weight_zero_point` `(` $weight_zero_point^ `)`)? attr-dict `:`
    functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Graph_QLinearConvOp : Graph_InferredOp<"qlinear_conv"> {
  let summary = "Quantized N-D convolution (ONNX QLinearConv)";
  let description = [{
    Dequantizes `input` and `weight` with their scales and zero points,
    convolves them as `graph.conv` does (adding the optional i32 `bias`,
    quantized with scale `input_scale * weight_scale` and zero point 0) and
    quantizes the result with `output_scale` and `output_zero_point`, whose
    element type the result has. The weight's scale and zero point are
    scalars or have one element per output channel; the others are scalars.

    ```mlir
    %y = graph.qlinear_conv %x, %sx, %zx, %w, %sw, %zw, %sy, %zy
        : (tensor<1x1x7x7xui8>, tensor<f32>, tensor<ui8>, tensor<1x1x1x1xui8>, tensor<1xf32>,
           tensor<1xui8>, tensor<f32>, tensor<ui8>) -> tensor<1x1x7x7xui8>
    ```
  }];
  let arguments = (ins Graph_QuantizedTensor:$input,
                       RankedTensorOf<[F32]>:$input_scale,
                       Graph_QuantizedTensor:$input_zero_point,
                       Graph_QuantizedTensor:$weight,
                       RankedTensorOf<[F32]>:$weight_scale,
                       Graph_QuantizedTensor:$weight_zero_point,
                       RankedTensorOf<[F32]>:$output_scale,
                       Graph_QuantizedTensor:$output_zero_point,
                       Optional<RankedTensorOf<[I32]>>:$bias,
                       DefaultValuedAttr<StrAttr, "\"NOTSET\"">:$auto_pad,
                       OptionalAttr<DenseI64ArrayAttr>:$dilations,
                       DefaultValuedAttr<I64Attr, "1">:$group,
                       OptionalAttr<DenseI64ArrayAttr>:$kernel_shape,
                       OptionalAttr<DenseI64ArrayAttr>:$pads,
                       OptionalAttr<DenseI64ArrayAttr>:$strides);
  let results = (outs Graph_QuantizedTensor:$output);
  let hasVerifier = 1;
}

def Graph_ConvTransposeOp : Graph_InferredOp<"conv_transpose",
    [AllElementTypesMatch<["input", "weight", "output"]>]> {
  let summary = "N-D transposed convolution (ONNX ConvTranspose)";
  let description = [{
    `input` is `N x C x D1 x ... x Dn`, `weight` is `C x M/group x k1 x ... x
    kn`, the optional `bias` has `M` elements; the result is `N x M x O1 x ...
    x On` with `Oi = stride_i * (Di - 1) + output_padding_i + ((ki - 1) *
    dilation_i + 1) - pad_begin_i - pad_end_i`. With a SAME `auto_pad` the
    pads are chosen so that `Oi = Di * stride_i + output_padding_i`; with
    `output_shape` (the n spatial sizes) that is the result's spatial shape.

    ```mlir
    %y = graph.conv_transpose %x, %w {strides = array<i64: 2, 2>}
        : (tensor<1x16x7x7xf32>, tensor<16x8x2x2xf32>) -> tensor<1x8x14x14xf32>
    ```
  }];
  let arguments = (ins Graph_FloatTensor:$input, Graph_FloatTensor:$weight,
                       Optional<Graph_FloatTensor>:$bias,
                       DefaultValuedAttr<StrAttr, "\"NOTSET\"">:$auto_pad,
                       OptionalAttr<DenseI64ArrayAttr>:$dilations,
                       DefaultValuedAttr<I64Attr, "1">:$group,
                       OptionalAttr<DenseI64ArrayAttr>:$kernel_shape,
                       OptionalAttr<DenseI64ArrayAttr>:$output_padding,
                       OptionalAttr<DenseI64ArrayAttr>:$output_shape,
                       OptionalAttr<DenseI64ArrayAttr>:$pads,
                       OptionalAttr<DenseI64ArrayAttr>:$strides);
  let results = (outs Graph_FloatTensor:$output);
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

def Graph_MaxPoolOp : Graph_InferredOp<"max_pool",
    [AllElementTypesMatch<["input", "output"]>]> {
  let summary = "N-D max pooling (ONNX MaxPool)";
  let description = [{
    Slides a `kernel_shape` window (with `strides`, `dilations`, `pads` or
    `auto_pad`) over the spatial dimensions of `N x C x D1 x ... x Dn`;
    `ceil_mode` rounds the output sizes up instead of down. `indices` holds
    the flat index of each maximum in the unpadded input, counted in row-major
    order (`storage_order` 0) or column-major order (1).

    ```mlir
    %y, %i = graph.max_pool %x {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>}
        : (tensor<?x64x112x112xf32>) -> (tensor<?x64x55x55xf32>, tensor<?x64x55x55xi64>)
    ```
  }];
  let arguments = (ins Graph_MaxPoolTensor:$input,
                       DefaultValuedAttr<StrAttr, "\"NOTSET\"">:$auto_pad,
                       DefaultValuedAttr<I64Attr, "0">:$ceil_mode,
                       OptionalAttr<DenseI64ArrayAttr>:$dilations,
                       DenseI64ArrayAttr:$kernel_shape,
                       OptionalAttr<DenseI64ArrayAttr>:$pads,
                       DefaultValuedAttr<I64Attr, "0">:$storage_order,
                       OptionalAttr<DenseI64ArrayAttr>:$strides);
  let results = (outs Graph_MaxPoolTensor:$output,
                      Graph_I64Tensor:$indices);
  let hasVerifier = 1;
}

def Graph_AveragePoolOp : Graph_InferredOp<"average_pool",
    [AllElementTypesMatch<["input", "output"]>]> {
  let summary = "N-D average pooling (ONNX AveragePool)";
  let description = [{
    Averages `kernel_shape` windows over the spatial dimensions of `N x C x D1
    x ... x Dn`. Padded elements count in the divisor only when
    `count_include_pad` is 1; `ceil_mode` rounds output sizes up.

    ```mlir
    %y = graph.average_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>}
        : (tensor<?x8x32x32xf32>) -> tensor<?x8x16x16xf32>
    ```
  }];
  let arguments = (ins Graph_FloatTensor:$input,
                       DefaultValuedAttr<StrAttr, "\"NOTSET\"">:$auto_pad,
                       DefaultValuedAttr<I64Attr, "0">:$ceil_mode,
                       DefaultValuedAttr<I64Attr, "0">:$count_include_pad,
                       DenseI64ArrayAttr:$kernel_shape,
                       OptionalAttr<DenseI64ArrayAttr>:$pads,
                       OptionalAttr<DenseI64ArrayAttr>:$strides);
  let results = (outs Graph_FloatTensor:$output);
  let hasVerifier = 1;
}

def Graph_LpPoolOp : Graph_InferredOp<"lp_pool",
    [AllElementTypesMatch<["input", "output"]>]> {
  let summary = "N-D Lp-norm pooling (ONNX LpPool)";
  let description = [{
    The `p`-norm of each `kernel_shape` window over the spatial dimensions of
    `N x C x D1 x ... x Dn`.

    ```mlir
    %y = graph.lp_pool %x {kernel_shape = array<i64: 3>, p = 3 : i64}
        : (tensor<1x3x32xf32>) -> tensor<1x3x30xf32>
    ```
  }];
  let arguments = (ins Graph_FloatTensor:$input,
                       DefaultValuedAttr<StrAttr, "\"NOTSET\"">:$auto_pad,
                       DenseI64ArrayAttr:$kernel_shape,
                       DefaultValuedAttr<I64Attr, "2">:$p,
                       OptionalAttr<DenseI64ArrayAttr>:$pads,
                       OptionalAttr<DenseI64ArrayAttr>:$strides);
  let results = (outs Graph_FloatTensor:$output);
  let hasVerifier = 1;
}

// Global pooling: `N x C x D1 x ... x Dn` to `N x C x 1 x ... x 1`.
class Graph_GlobalPoolOp<string mnemonic, string summaryText,
                         dag extraArguments = (ins)>
    : Graph_InferredOp<mnemonic, [AllElementTypesMatch<["input", "output"]>]> {
  let summary = summaryText;
  let arguments = !con((ins Graph_FloatTensor:$input), extraArguments);
  let results = (outs Graph_FloatTensor:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *, std::optional<::mlir::Location>,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &types) {
      types.push_back(inferGlobalPoolType(adaptor.getInput().getType()));
      return ::mlir::success();
    }
    ::llvm::LogicalResult $cppClass::verify() {
      return verifyGlobalPool(*this);
    }
  }];
}

def Graph_GlobalAveragePoolOp : Graph_GlobalPoolOp<"global_average_pool",
    "Average over all spatial dimensions (ONNX GlobalAveragePool)"> {
  let description = [{
    ```mlir
    %y = graph.global_average_pool %x : (tensor<?x512x7x7xf32>) -> tensor<?x512x1x1xf32>
    ```
  }];
}

def Graph_GlobalMaxPoolOp : Graph_GlobalPoolOp<"global_max_pool",
    "Maximum over all spatial dimensions (ONNX GlobalMaxPool)"> {
  let description = [{
    ```mlir
    %y = graph.global_max_pool %x : (tensor<1x3x?x?xf32>) -> tensor<1x3x1x1xf32>
    ```
  }];
}

def Graph_GlobalLpPoolOp : Graph_GlobalPoolOp<"global_lp_pool",
    "Lp norm over all spatial dimensions (ONNX GlobalLpPool)",
    (ins DefaultValuedAttr<I64Attr, "2">:$p)> {
  let description = [{
    ```mlir
    %y = graph.global_lp_pool %x {p = 1 : i64} : (tensor<1x3x5x5xf32>) -> tensor<1x3x1x1xf32>
    ```
  }];
}

//===----------------------------------------------------------------------===//
// Normalization
//===----------------------------------------------------------------------===//

def Graph_BatchNormOp : Graph_SameTypeOp<"batch_norm",
    [AllElementTypesMatch<["input", "output"]>,
     AllElementTypesMatch<["scale", "bias"]>,
     AllElementTypesMatch<["input_mean", "input_var"]>]> {
  let summary = "Batch normalization, inference form (ONNX BatchNormalization)";
  let description = [{
    `(input - input_mean) / sqrt(input_var + epsilon) * scale + bias`, with the
    four 1-D operands (`C` elements) applied along dimension 1 of `N x C x D1
    x ... x Dn`. Training (batch statistics, running averages) is not
    expressed: the importer rejects `training_mode = 1`.

    ```mlir
    %y = graph.batch_norm %x, %scale, %bias, %mean, %var {epsilon = 1.0e-03 : f32}
        : (tensor<?x64x56x56xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>)
        -> tensor<?x64x56x56xf32>
    ```
  }];
  let arguments = (ins Graph_FloatTensor:$input, Graph_FloatTensor:$scale,
                       Graph_FloatTensor:$bias, Graph_FloatTensor:$input_mean,
                       Graph_FloatTensor:$input_var,
                       DefaultValuedAttr<F32Attr, "1e-5f">:$epsilon);
  let results = (outs Graph_FloatTensor:$output);
  let hasVerifier = 1;
  // Folds into a producing convolution with constant weights.
  let hasCanonicalizer = 1;
}

def Graph_LayerNormOp : Graph_InferredOp<"layer_norm",
    [AllElementTypesMatch<["input", "scale", "output"]>]> {
  let summary = "Layer normalization (ONNX LayerNormalization)";
  let description = [{
    Normalizes `input` over the dimensions from `axis` on, then multiplies by
    `scale` and adds the optional `bias`, both broadcast to those dimensions.
    `mean` and `inv_std_dev` are the statistics, of the input's shape with the
    normalized dimensions set to 1, computed in the element type
    `stash_type` names (an ONNX data type: 1 is f32, 16 is bf16).

    ```mlir
    %y, %mean, %inv = graph.layer_norm %x, %gamma, %beta {axis = -1 : i64}
        : (tensor<?x128x768xf32>, tensor<768xf32>, tensor<768xf32>)
        -> (tensor<?x128x768xf32>, tensor<?x128x1xf32>, tensor<?x128x1xf32>)
    ```
  }];
  let arguments = (ins Graph_FloatTensor:$input, Graph_FloatTensor:$scale,
                       Optional<Graph_FloatTensor>:$bias,
                       DefaultValuedAttr<I64Attr, "-1">:$axis,
                       DefaultValuedAttr<F32Attr, "1e-5f">:$epsilon,
                       DefaultValuedAttr<I64Attr, "1">:$stash_type);
  let results = (outs Graph_FloatTensor:$output, Graph_FloatTensor:$mean,
                      Graph_FloatTensor:$inv_std_dev);
  let hasVerifier = 1;
}

def Graph_InstanceNormOp : Graph_SameTypeOp<"instance_norm",
    [AllElementTypesMatch<["input", "output"]>,
     AllElementTypesMatch<["input", "scale", "bias"]>]> {
  let summary = "Instance normalization (ONNX InstanceNormalization)";
  let description = [{
    Normalizes each channel of each sample of `N x C x D1 x ... x Dn` over
    its spatial dimensions, then applies the per-channel `scale` and `bias`
    (`C` elements each).

    ```mlir
    %y = graph.instance_norm %x, %scale, %bias {epsilon = 1.0e-03 : f32}
        : (tensor<?x3x?x?xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<?x3x?x?xf32>
    ```
  }];
  let arguments = (ins Graph_FloatTensor:$input, Graph_FloatTensor:$scale,
                       Graph_FloatTensor:$bias,
                       DefaultValuedAttr<F32Attr, "1e-5f">:$epsilon);
  let results = (outs Graph_FloatTensor:$output);
  let hasVerifier = 1;
}

def Graph_GroupNormOp : Graph_SameTypeOp<"group_norm",
    [AllElementTypesMatch<["input", "output"]>,
     AllElementTypesMatch<["input", "scale", "bias"]>]> {
  let summary = "Group normalization (PyTorch GroupNorm)";
  let description = [{
    Splits the `C` channels of `N x C x D1 x ... x Dn` into `num_groups`
    groups, normalizes each group of each sample over its channels and
    spatial dimensions, then applies the per-channel `scale` and `bias` (`C`
    elements each, as in PyTorch and ONNX opset 21). ONNX 1.12 has no
    GroupNormalization node; exporters decompose it and graph passes may
    recognize the pattern.

    ```mlir
    %y = graph.group_norm %x, %scale, %bias {num_groups = 32 : i64}
        : (tensor<?x256x?x?xf32>, tensor<256xf32>, tensor<256xf32>) -> tensor<?x256x?x?xf32>
    ```
  }];
  let arguments = (ins Graph_FloatTensor:$input, Graph_FloatTensor:$scale,
                       Graph_FloatTensor:$bias, I64Attr:$num_groups,
                       DefaultValuedAttr<F32Attr, "1e-5f">:$epsilon);
  let results = (outs Graph_FloatTensor:$output);
  let hasVerifier = 1;
}

def Graph_LRNOp : Graph_SameTypeOp<"lrn", [AllElementTypesMatch<["input", "output"]>]> {
  let summary = "Local response normalization across channels (ONNX LRN)";
  let description = [{
    `input / (bias + alpha / size * square_sum) ^ beta`, where `square_sum`
    sums the squares of the `size` neighbouring channels (dimension 1) of each
    element.

    ```mlir
    %y = graph.lrn %x {size = 5 : i64, alpha = 2.0e-04 : f32}
        : (tensor<?x96x55x55xf32>) -> tensor<?x96x55x55xf32>
    ```
  }];
  let arguments = (ins Graph_FloatTensor:$input,
                       DefaultValuedAttr<F32Attr, "1e-4f">:$alpha,
                       DefaultValuedAttr<F32Attr, "0.75f">:$beta,
                       DefaultValuedAttr<F32Attr, "1.0f">:$bias,
                       I64Attr:$size);
  let results = (outs Graph_FloatTensor:$output);
  let hasVerifier = 1;
}

def Graph_MeanVarianceNormalizationOp
    : Graph_SameTypeOp<"mean_variance_normalization",
                       [AllElementTypesMatch<["input", "output"]>]> {
  let summary = "(x - mean) / sqrt(variance) over axes (ONNX MeanVarianceNormalization)";
  let description = [{
    Mean and variance are taken over `axes` (by default the batch and the two
    spatial dimensions of an image batch).

    ```mlir
    %y = graph.mean_variance_normalization %x {axes = array<i64: 0, 2, 3>}
        : (tensor<?x3x8x8xf32>) -> tensor<?x3x8x8xf32>
    ```
  }];
  let arguments = (ins Graph_FloatTensor:$input,
                       DefaultValuedAttr<DenseI64ArrayAttr, "{0, 2, 3}">:$axes);
  let results = (outs Graph_FloatTensor:$output);
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Softmax family
//===----------------------------------------------------------------------===//

class Graph_SoftmaxLikeOp<string mnemonic, string summaryText>
    : Graph_InferredOp<mnemonic, [AllElementTypesMatch<["input", "output"]>]> {
  let summary = summaryText;
  let arguments = (ins Graph_FloatTensor:$input,
                       DefaultValuedAttr<I64Attr, "-1">:$axis);
  let results = (outs Graph_FloatTensor:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *, std::optional<::mlir::Location>,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &types) {
      types.push_back(adaptor.getInput().getType());
      return ::mlir::success();
    }
    ::llvm::LogicalResult $cppClass::verify() {
      return verifySoftmaxAxis(*this, getAxis(), getInput().getType());
    }
  }];
}

def Graph_SoftmaxOp : Graph_SoftmaxLikeOp<"softmax",
    "Softmax along one axis (ONNX Softmax, opset 13)"> {
  let description = [{
    `exp(x) / sum(exp(x))` along `axis` (negative counts from the back).

    ```mlir
    %y = graph.softmax %x {axis = 1 : i64} : (tensor<?x10xf32>) -> tensor<?x10xf32>
    ```
  }];
}

def Graph_LogSoftmaxOp : Graph_SoftmaxLikeOp<"log_softmax",
    "Log of softmax along one axis (ONNX LogSoftmax, opset 13)"> {
  let description = [{
    `x - log(sum(exp(x)))` along `axis` (negative counts from the back).

    ```mlir
    %y = graph.log_softmax %x : (tensor<?x10xf32>) -> tensor<?x10xf32>
    ```
  }];
}

def Graph_HardmaxOp : Graph_SoftmaxLikeOp<"hardmax",
    "One-hot of the first maximum along one axis (ONNX Hardmax, opset 13)"> {
  let description = [{
    1 where an element is the first maximum along `axis`, 0 elsewhere.

    ```mlir
    %y = graph.hardmax %x {axis = 0 : i64} : (tensor<4x?xf32>) -> tensor<4x?xf32>
    ```
  }];
}

#endif // TESSERA_DIALECT_GRAPH_IR_GRAPHNNOPS_TD
