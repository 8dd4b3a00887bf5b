//===- GraphRecurrentOps.td - Recurrent operators ----------*- tablegen -*-===//
//
// Recurrent operators: lstm, gru, rnn
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_DIALECT_GRAPH_IR_GRAPHRECURRENTOPS_TD
#define TESSERA_DIALECT_GRAPH_IR_GRAPHRECURRENTOPS_TD

include "tessera/Dialect/Graph/IR/GraphBase.td"

class Graph_FloatTensorOfRank<int rank> : TensorRankOf<[AnyFloat], [rank]>;

// ONNX's LSTM, GRU and RNN share their operands (input, weights, optional
// bias, sequence lengths and initial hidden state), their attributes and the
// layout of their outputs; `extraStates`, `extraAttrs` and `extraResults`
// add what one of them has on top (LSTM's cell state and peepholes, GRU's
// linear_before_reset).
//
// ONNX's outputs are all optional; these operators always produce all of
// them, and an unused one is a dead value that lowering does not compute.
// That keeps result types inferable from operands and attributes alone.
class Graph_RecurrentOp<string mnemonic, string summaryText,
                        string gateText, string example,
                        dag extraStates, dag extraAttrs, dag extraResults,
                        string extraFormat, list<string> sameElementValues>
    : Graph_InferredOp<mnemonic, [AttrSizedOperandSegments,
        AllElementTypesMatch<!listconcat(
            ["input", "weight", "recurrence", "output", "final_h"],
            sameElementValues)>]> {
  let summary = summaryText;
  let description = !strconcat([{
    Runs the recurrence over the sequence `input` (layout 0:
    [seq_length, batch_size, input_size]; layout 1: [batch_size, seq_length,
    input_size]) in one or both directions (`direction`: "forward",
    "reverse" or "bidirectional", num_directions = 1 or 2), following ONNX.
    }], gateText, [{
    `output` holds every step's hidden state ([seq_length, num_directions,
    batch_size, hidden_size], or [batch_size, seq_length, num_directions,
    hidden_size] with layout 1), `final_h` the last one ([num_directions,
    batch_size, hidden_size], or [batch_size, num_directions, hidden_size]).
    ONNX calls them Y and Y_h; they are always produced, and an unused one is
    dead. `sequence_lens` (i32, [batch_size]) gives each batch entry's length;
    `initial_h` has `final_h`'s shape. `hidden_size` defaults to the last
    dimension of `recurrence`.

    `activations` (one list per direction, ONNX's names: Relu, Tanh,
    Sigmoid, Affine, LeakyRelu, ThresholdedRelu, ScaledTanh, HardSigmoid,
    Elu, Softsign, Softplus) replaces the default functions;
    `activation_alpha` and `activation_beta` are consumed in order by the
    activations that take them. `clip` bounds the gates' inputs to
    [-clip, clip].

    ```mlir}], example, [{```
  }]);
  let arguments = !con(
      (ins Graph_FloatTensorOfRank<3>:$input,
           Graph_FloatTensorOfRank<3>:$weight,
           Graph_FloatTensorOfRank<3>:$recurrence,
           Optional<Graph_FloatTensorOfRank<2>>:$bias,
           Optional<TensorRankOf<[I32], [1]>>:$sequence_lens,
           Optional<Graph_FloatTensorOfRank<3>>:$initial_h),
      extraStates,
      (ins OptionalAttr<DenseF32ArrayAttr>:$activation_alpha,
           OptionalAttr<DenseF32ArrayAttr>:$activation_beta,
           OptionalAttr<StrArrayAttr>:$activations,
           OptionalAttr<F32Attr>:$clip,
           DefaultValuedAttr<StrAttr, "\"forward\"">:$direction,
           OptionalAttr<I64Attr>:$hidden_size,
           DefaultValuedAttr<I64Attr, "0">:$layout),
      extraAttrs);
  let results = !con(
      (outs Graph_FloatTensorOfRank<4>:$output,
            Graph_FloatTensorOfRank<3>:$final_h),
      extraResults);
  let assemblyFormat = !strconcat([{
    $input `,` $weight `,` $recurrence
    (`bias` `(` $bias^ `)`)?
    (`sequence_lens` `(` $sequence_lens^ `)`)?
    (`initial_h` `(` $initial_h^ `)`)? }], extraFormat, [{
    attr-dict `:` functional-type(operands, results)
  }]);
  let hasVerifier = 1;
}

def Graph_LSTMOp : Graph_RecurrentOp<"lstm", "Long short-term memory",
    [{
    Gates i, o, f and cell c: `weight` is [num_directions, 4 * hidden_size,
    input_size], `recurrence` [num_directions, 4 * hidden_size,
    hidden_size], `bias` [num_directions, 8 * hidden_size] (Wb then Rb),
    `peepholes` [num_directions, 3 * hidden_size] (ONNX's P). Default
    activations: Sigmoid, Tanh, Tanh per direction. `input_forget` = 1
    couples the input and forget gates. `final_c` (ONNX's Y_c) is the last
    cell state, shaped like `final_h`; `initial_c` like `initial_h`.
    }],
    [{
    %y, %y_h, %y_c = graph.lstm %x, %w, %r bias(%b) {hidden_size = 8 : i64}
        : (tensor<?x?x4xf32>, tensor<1x32x4xf32>, tensor<1x32x8xf32>,
           tensor<1x64xf32>)
        -> (tensor<?x1x?x8xf32>, tensor<1x?x8xf32>, tensor<1x?x8xf32>)
    }],
    (ins Optional<Graph_FloatTensorOfRank<3>>:$initial_c,
         Optional<Graph_FloatTensorOfRank<2>>:$peepholes),
    (ins DefaultValuedAttr<I64Attr, "0">:$input_forget),
    (outs Graph_FloatTensorOfRank<3>:$final_c),
    [{
    (`initial_c` `(` $initial_c^ `)`)?
    (`peepholes` `(` $peepholes^ `)`)?
    }],
    ["final_c"]>;

def Graph_GRUOp : Graph_RecurrentOp<"gru", "Gated recurrent unit",
    [{
    Gates z, r and hidden h: `weight` is [num_directions, 3 * hidden_size,
    input_size], `recurrence` [num_directions, 3 * hidden_size,
    hidden_size], `bias` [num_directions, 6 * hidden_size] (Wb then Rb).
    Default activations: Sigmoid, Tanh per direction. With
    `linear_before_reset` = 1 the reset gate applies after the recurrence's
    linear transformation.
    }],
    [{
    %y, %y_h = graph.gru %x, %w, %r {direction = "bidirectional"}
        : (tensor<5x?x4xf32>, tensor<2x24x4xf32>, tensor<2x24x8xf32>)
        -> (tensor<5x2x?x8xf32>, tensor<2x?x8xf32>)
    }],
    (ins), (ins DefaultValuedAttr<I64Attr, "0">:$linear_before_reset),
    (outs), "", []>;

def Graph_RNNOp : Graph_RecurrentOp<"rnn", "Simple recurrent network",
    [{
    One gate: `weight` is [num_directions, hidden_size, input_size],
    `recurrence` [num_directions, hidden_size, hidden_size], `bias`
    [num_directions, 2 * hidden_size] (Wb then Rb). Default activation: Tanh
    per direction.
    }],
    [{
    %y, %y_h = graph.rnn %x, %w, %r initial_h(%h) {layout = 1 : i64}
        : (tensor<?x5x4xf32>, tensor<1x8x4xf32>, tensor<1x8x8xf32>,
           tensor<?x1x8xf32>) -> (tensor<?x5x1x8xf32>, tensor<?x1x8xf32>)
    }],
    (ins), (ins), (outs), "", []>;

#endif // TESSERA_DIALECT_GRAPH_IR_GRAPHRECURRENTOPS_TD
