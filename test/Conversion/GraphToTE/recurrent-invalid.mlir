// RUN: tensor-opt %s --convert-graph-to-te --split-input-file -verify-diagnostics

// Per-batch sequence lengths (padded sequences) are not supported.
func.func @lengths_operand(%x: tensor<5x2x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>, %lens: tensor<2xi32>) -> tensor<1x2x4xf32> {
  // expected-error @+2 {{'graph.rnn' op operand 'sequence_lens' must be a constant: per-batch sequence lengths are not supported (only lengths equal to seq_length)}}
  // expected-error @+1 {{failed to legalize operation 'graph.rnn'}}
  %y, %h = graph.rnn %x, %w, %r sequence_lens(%lens) : (tensor<5x2x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>, tensor<2xi32>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>)
  return %h : tensor<1x2x4xf32>
}

// -----

func.func @short_lengths(%x: tensor<5x2x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>) -> tensor<1x2x4xf32> {
  %lens = graph.constant dense<[5, 3]> : tensor<2xi32>
  // expected-error @+2 {{'graph.rnn' op operand 'sequence_lens' has a length other than seq_length: per-batch sequence lengths are not supported (only lengths equal to seq_length)}}
  // expected-error @+1 {{failed to legalize operation 'graph.rnn'}}
  %y, %h = graph.rnn %x, %w, %r sequence_lens(%lens) : (tensor<5x2x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>, tensor<2xi32>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>)
  return %h : tensor<1x2x4xf32>
}

// -----

// The gates' column offsets need a static hidden_size.
func.func @dynamic_hidden(%x: tensor<5x2x3xf32>, %w: tensor<1x?x3xf32>, %r: tensor<1x?x?xf32>) -> tensor<1x2x?xf32> {
  // expected-error @+2 {{'graph.gru' op hidden_size must be static to lower to te (set 'hidden_size' or give 'recurrence' static sizes)}}
  // expected-error @+1 {{failed to legalize operation 'graph.gru'}}
  %y, %h = graph.gru %x, %w, %r : (tensor<5x2x3xf32>, tensor<1x?x3xf32>, tensor<1x?x?xf32>) -> (tensor<5x1x2x?xf32>, tensor<1x2x?xf32>)
  return %h : tensor<1x2x?xf32>
}

// -----

// ScaledTanh has no default alpha and beta.
func.func @scaled_tanh(%x: tensor<5x2x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>) -> tensor<1x2x4xf32> {
  // expected-error @+2 {{'graph.rnn' op activation ScaledTanh needs a value in 'activation_alpha' (it has no default)}}
  // expected-error @+1 {{failed to legalize operation 'graph.rnn'}}
  %y, %h = graph.rnn %x, %w, %r {activations = ["ScaledTanh"]} : (tensor<5x2x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>)
  return %h : tensor<1x2x4xf32>
}
