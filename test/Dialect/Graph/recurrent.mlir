// Recurrent operators print and parse back; result types are inferred.
// RUN: tensor-opt %s | tensor-opt | FileCheck %s

// CHECK-LABEL: func.func @lstm
func.func @lstm(%x: tensor<?x?x4xf32>, %w: tensor<1x32x4xf32>, %r: tensor<1x32x8xf32>,
                %b: tensor<1x64xf32>, %lens: tensor<?xi32>, %h: tensor<1x?x8xf32>,
                %c: tensor<1x?x8xf32>, %p: tensor<1x24xf32>)
    -> (tensor<?x1x?x8xf32>, tensor<1x?x8xf32>, tensor<1x?x8xf32>) {
  // CHECK: graph.lstm %{{.*}}, %{{.*}}, %{{.*}} : (tensor<?x?x4xf32>, tensor<1x32x4xf32>, tensor<1x32x8xf32>) -> (tensor<?x1x?x8xf32>, tensor<1x?x8xf32>, tensor<1x?x8xf32>)
  %y0, %h0, %c0 = graph.lstm %x, %w, %r : (tensor<?x?x4xf32>, tensor<1x32x4xf32>, tensor<1x32x8xf32>) -> (tensor<?x1x?x8xf32>, tensor<1x?x8xf32>, tensor<1x?x8xf32>)
  // CHECK: graph.lstm %{{.*}}, %{{.*}}, %{{.*}} bias(%{{.*}}) sequence_lens(%{{.*}}) initial_h(%{{.*}}) initial_c(%{{.*}}) peepholes(%{{.*}}) {activation_alpha = array<f32: 5.000000e-01>, activations = ["HardSigmoid", "Tanh", "Relu"], clip = 3.000000e+00 : f32, hidden_size = 8 : i64, input_forget = 1 : i64}
  // CHECK-SAME: : (tensor<?x?x4xf32>, tensor<1x32x4xf32>, tensor<1x32x8xf32>, tensor<1x64xf32>, tensor<?xi32>, tensor<1x?x8xf32>, tensor<1x?x8xf32>, tensor<1x24xf32>) -> (tensor<?x1x?x8xf32>, tensor<1x?x8xf32>, tensor<1x?x8xf32>)
  %y, %yh, %yc = graph.lstm %x, %w, %r bias(%b) sequence_lens(%lens) initial_h(%h) initial_c(%c) peepholes(%p)
      {hidden_size = 8 : i64, input_forget = 1 : i64, clip = 3.0 : f32,
       activations = ["HardSigmoid", "Tanh", "Relu"], activation_alpha = array<f32: 0.5>}
      : (tensor<?x?x4xf32>, tensor<1x32x4xf32>, tensor<1x32x8xf32>, tensor<1x64xf32>, tensor<?xi32>,
         tensor<1x?x8xf32>, tensor<1x?x8xf32>, tensor<1x24xf32>)
      -> (tensor<?x1x?x8xf32>, tensor<1x?x8xf32>, tensor<1x?x8xf32>)
  return %y, %yh, %yc : tensor<?x1x?x8xf32>, tensor<1x?x8xf32>, tensor<1x?x8xf32>
}

// The batch size comes from any operand that knows it; hidden_size from the
// recurrence weights when the attribute is absent.
// CHECK-LABEL: func.func @lstm_sizes_from_operands
func.func @lstm_sizes_from_operands(%x: tensor<5x?x4xf64>, %w: tensor<2x?x4xf64>, %r: tensor<2x12x3xf64>,
                                    %h: tensor<2x7x3xf64>, %c: tensor<2x?x3xf64>)
    -> (tensor<5x2x7x3xf64>, tensor<2x7x3xf64>, tensor<2x7x3xf64>) {
  // CHECK: graph.lstm %{{.*}}, %{{.*}}, %{{.*}} initial_h(%{{.*}}) initial_c(%{{.*}}) {direction = "bidirectional"} : (tensor<5x?x4xf64>, tensor<2x?x4xf64>, tensor<2x12x3xf64>, tensor<2x7x3xf64>, tensor<2x?x3xf64>) -> (tensor<5x2x7x3xf64>, tensor<2x7x3xf64>, tensor<2x7x3xf64>)
  %y, %yh, %yc = graph.lstm %x, %w, %r initial_h(%h) initial_c(%c) {direction = "bidirectional"}
      : (tensor<5x?x4xf64>, tensor<2x?x4xf64>, tensor<2x12x3xf64>, tensor<2x7x3xf64>, tensor<2x?x3xf64>)
      -> (tensor<5x2x7x3xf64>, tensor<2x7x3xf64>, tensor<2x7x3xf64>)
  return %y, %yh, %yc : tensor<5x2x7x3xf64>, tensor<2x7x3xf64>, tensor<2x7x3xf64>
}

// CHECK-LABEL: func.func @inferred_batch
func.func @inferred_batch(%x: tensor<5x?x4xf32>, %w: tensor<1x8x4xf32>, %r: tensor<1x8x8xf32>, %lens: tensor<6xi32>)
    -> (tensor<5x1x6x8xf32>, tensor<1x6x8xf32>) {
  // CHECK: graph.rnn %{{.*}}, %{{.*}}, %{{.*}} sequence_lens(%{{.*}}) : (tensor<5x?x4xf32>, tensor<1x8x4xf32>, tensor<1x8x8xf32>, tensor<6xi32>) -> (tensor<5x1x6x8xf32>, tensor<1x6x8xf32>)
  %y, %yh = graph.rnn %x, %w, %r sequence_lens(%lens) : (tensor<5x?x4xf32>, tensor<1x8x4xf32>, tensor<1x8x8xf32>, tensor<6xi32>) -> (tensor<5x1x6x8xf32>, tensor<1x6x8xf32>)
  return %y, %yh : tensor<5x1x6x8xf32>, tensor<1x6x8xf32>
}

// CHECK-LABEL: func.func @gru
func.func @gru(%x: tensor<5x?x4xf16>, %w: tensor<2x24x4xf16>, %r: tensor<2x24x8xf16>, %b: tensor<2x48xf16>)
    -> (tensor<5x2x?x8xf16>, tensor<2x?x8xf16>) {
  // CHECK: graph.gru %{{.*}}, %{{.*}}, %{{.*}} bias(%{{.*}}) {activation_beta = array<f32: 1.000000e+00, 2.000000e+00>, activations = ["Sigmoid", "Tanh", "ScaledTanh", "Softsign"], direction = "bidirectional", linear_before_reset = 1 : i64} : (tensor<5x?x4xf16>, tensor<2x24x4xf16>, tensor<2x24x8xf16>, tensor<2x48xf16>) -> (tensor<5x2x?x8xf16>, tensor<2x?x8xf16>)
  %y, %yh = graph.gru %x, %w, %r bias(%b)
      {direction = "bidirectional", linear_before_reset = 1 : i64,
       activations = ["Sigmoid", "Tanh", "ScaledTanh", "Softsign"], activation_beta = array<f32: 1.0, 2.0>}
      : (tensor<5x?x4xf16>, tensor<2x24x4xf16>, tensor<2x24x8xf16>, tensor<2x48xf16>) -> (tensor<5x2x?x8xf16>, tensor<2x?x8xf16>)
  return %y, %yh : tensor<5x2x?x8xf16>, tensor<2x?x8xf16>
}

// Layout 1 puts the batch first.
// CHECK-LABEL: func.func @batch_first
func.func @batch_first(%x: tensor<?x5x4xf32>, %w: tensor<1x8x4xf32>, %r: tensor<1x8x8xf32>, %h: tensor<?x1x8xf32>,
                       %gw: tensor<1x6x4xf32>, %gr: tensor<1x6x2xf32>)
    -> (tensor<?x5x1x8xf32>, tensor<?x1x8xf32>, tensor<?x5x1x2xf32>, tensor<?x1x2xf32>) {
  // CHECK: graph.rnn %{{.*}}, %{{.*}}, %{{.*}} initial_h(%{{.*}}) {direction = "reverse", layout = 1 : i64} : (tensor<?x5x4xf32>, tensor<1x8x4xf32>, tensor<1x8x8xf32>, tensor<?x1x8xf32>) -> (tensor<?x5x1x8xf32>, tensor<?x1x8xf32>)
  %y, %yh = graph.rnn %x, %w, %r initial_h(%h) {layout = 1 : i64, direction = "reverse"}
      : (tensor<?x5x4xf32>, tensor<1x8x4xf32>, tensor<1x8x8xf32>, tensor<?x1x8xf32>) -> (tensor<?x5x1x8xf32>, tensor<?x1x8xf32>)
  // CHECK: graph.gru %{{.*}}, %{{.*}}, %{{.*}} {hidden_size = 2 : i64, layout = 1 : i64} : (tensor<?x5x4xf32>, tensor<1x6x4xf32>, tensor<1x6x2xf32>) -> (tensor<?x5x1x2xf32>, tensor<?x1x2xf32>)
  %gy, %gyh = graph.gru %x, %gw, %gr {layout = 1 : i64, hidden_size = 2 : i64}
      : (tensor<?x5x4xf32>, tensor<1x6x4xf32>, tensor<1x6x2xf32>) -> (tensor<?x5x1x2xf32>, tensor<?x1x2xf32>)
  return %y, %yh, %gy, %gyh : tensor<?x5x1x8xf32>, tensor<?x1x8xf32>, tensor<?x5x1x2xf32>, tensor<?x1x2xf32>
}
