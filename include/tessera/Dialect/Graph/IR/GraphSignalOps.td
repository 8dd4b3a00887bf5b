//===- GraphSignalOps.td - Signal operators ---------------------------===//
//
// Signal operators: dft, stft, mel_weight_matrix
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_DIALECT_GRAPH_IR_GRAPHSIGNALOPS_TD
#define TESSERA_DIALECT_GRAPH_IR_GRAPHSIGNALOPS_TD

include "tessera/Dialect/Graph/IR/GraphBase.td"

def Graph_DFTOp : Graph_InferredOp<"dft",
    [AllElementTypesMatch<["input", "output"]>]> {
  let summary = "Discrete Fourier transform along one axis";
  let description = [{
    ONNX DFT (opset 17): `input` is [batch, n1, ..., nk, 1] (real) or
    [batch, n1, ..., nk, 2] (complex: real and imaginary parts); the result
    is complex, [..., 2], with the transform along `axis` (a signal dim: not
    the last). `dft_length` (a scalar) zero-pads or truncates the signal
    along `axis` to that length (absent: its size). `inverse` computes the
    inverse transform (divided by the length); `onesided` keeps the first
    floor(length / 2) + 1 frequencies only. The length along `axis` is `?`
    when `dft_length` is not a constant.

    ```mlir
    %0 = graph.dft %x {axis = 1 : i64}
        : (tensor<1x10x10x1xf32>) -> tensor<1x10x10x2xf32>
    ```
  }];
  let arguments = (ins Graph_FloatTensor:$input,
                       Optional<Graph_IndexTensor>:$dft_length,
                       DefaultValuedAttr<I64Attr, "1">:$axis,
                       DefaultValuedAttr<I64Attr, "0">:$inverse,
                       DefaultValuedAttr<I64Attr, "0">:$onesided);
  let results = (outs Graph_FloatTensor:$output);
  let hasVerifier = 1;
}

def Graph_STFTOp : Graph_InferredOp<"stft", [AttrSizedOperandSegments,
    AllElementTypesMatch<["signal", "output"]>]> {
  let summary = "Short-time Fourier transform";
  let description = [{
    ONNX STFT (opset 17): for `signal` [batch, length, 1] (real) or
    [batch, length, 2] (complex), the DFT of each frame of `frame_length`
    samples (absent: the window's length), frames starting every
    `frame_step` samples, each multiplied by the 1-D `window` when given.
    The result is [batch, frames, bins, 2] with frames = (length -
    frame_length) / frame_step + 1 and bins = frame_length, or
    frame_length / 2 + 1 with `onesided` (real signals only). `frame_step`
    and `frame_length` are scalars; sizes that depend on non-constant ones
    are `?`.

    ```mlir
    %0 = graph.stft %x, %step window %w
        : (tensor<1x128x1xf32>, tensor<i64>, tensor<16xf32>) -> tensor<1x15x9x2xf32>
    ```
  }];
  let arguments = (ins Graph_FloatTensor:$signal, Graph_IndexTensor:$frame_step,
                       Optional<Graph_FloatTensor>:$window,
                       Optional<Graph_IndexTensor>:$frame_length,
                       DefaultValuedAttr<I64Attr, "1">:$onesided);
  let results = (outs Graph_FloatTensor:$output);
  // Which optional operands are present must show in the text.
  let assemblyFormat = [{
    $signal `,` $frame_step (`window` $window^)?
    (`frame_length` $frame_length^)? attr-dict
    `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Graph_MelWeightMatrixOp : Graph_InferredOp<"mel_weight_matrix"> {
  let summary = "Weights that map a linear spectrum to mel frequency bins";
  let description = [{
    ONNX MelWeightMatrix (opset 17): a [dft_length / 2 + 1, num_mel_bins]
    matrix of `output_datatype` whose column i is the triangular filter of
    mel bin i: num_mel_bins + 2 points equally spaced on the mel scale from
    `lower_edge_hertz` to `upper_edge_hertz` (in steps of the range /
    (num_mel_bins + 2)) are converted to spectrum bins floor((dft_length + 1)
    * hertz / sample_rate); column i rises linearly from point i to point
    i + 1 and falls to point i + 2. The operands are scalars; the sizes are
    `?` unless num_mel_bins and dft_length are constants, and the op folds
    to a constant when all five are.

    ```mlir
    %0 = graph.mel_weight_matrix %bins, %length, %rate, %low, %high {output_datatype = f32}
        : (tensor<i32>, tensor<i32>, tensor<i32>, tensor<f32>, tensor<f32>) -> tensor<9x8xf32>
    ```
  }];
  let arguments = (ins Graph_IndexTensor:$num_mel_bins,
                       Graph_IndexTensor:$dft_length,
                       Graph_IndexTensor:$sample_rate,
                       Graph_FloatTensor:$lower_edge_hertz,
                       Graph_FloatTensor:$upper_edge_hertz,
                       TypeAttrOf<AnyTypeOf<[AnyFloat, AnyInteger]>>:$output_datatype);
  let results = (outs Graph_NumericTensor:$output);
  let hasVerifier = 1;
  let hasFolder = 1;
}

#endif // TESSERA_DIALECT_GRAPH_IR_GRAPHSIGNALOPS_TD
