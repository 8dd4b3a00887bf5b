// RUN: tensor-opt %s -split-input-file -verify-diagnostics

func.func @direction(%x: tensor<5x2x4xf32>, %w: tensor<1x8x4xf32>, %r: tensor<1x8x8xf32>) {
  // expected-error@+1 {{attribute 'direction' must be "forward", "reverse" or "bidirectional", got "backward"}}
  %y, %yh = graph.rnn %x, %w, %r {direction = "backward"} : (tensor<5x2x4xf32>, tensor<1x8x4xf32>, tensor<1x8x8xf32>) -> (tensor<5x?x2x8xf32>, tensor<?x2x8xf32>)
  return
}

// -----

func.func @layout(%x: tensor<5x2x4xf32>, %w: tensor<1x8x4xf32>, %r: tensor<1x8x8xf32>) {
  // expected-error@+1 {{attribute 'layout' must be 0 or 1, got 2}}
  %y, %yh = graph.rnn %x, %w, %r {layout = 2 : i64} : (tensor<5x2x4xf32>, tensor<1x8x4xf32>, tensor<1x8x8xf32>) -> (tensor<?x1x?x8xf32>, tensor<1x?x8xf32>)
  return
}

// -----

func.func @hidden_size(%x: tensor<5x2x4xf32>, %w: tensor<1x8x4xf32>, %r: tensor<1x8x8xf32>) {
  // expected-error@+1 {{attribute 'hidden_size' must be positive, got 0}}
  %y, %yh = graph.rnn %x, %w, %r {hidden_size = 0 : i64} : (tensor<5x2x4xf32>, tensor<1x8x4xf32>, tensor<1x8x8xf32>) -> (tensor<5x1x2x8xf32>, tensor<1x2x8xf32>)
  return
}

// -----

func.func @clip(%x: tensor<5x2x4xf32>, %w: tensor<1x8x4xf32>, %r: tensor<1x8x8xf32>) {
  // expected-error@+1 {{attribute 'clip' must be positive, got -1}}
  %y, %yh = graph.rnn %x, %w, %r {clip = -1.0 : f32} : (tensor<5x2x4xf32>, tensor<1x8x4xf32>, tensor<1x8x8xf32>) -> (tensor<5x1x2x8xf32>, tensor<1x2x8xf32>)
  return
}

// -----

func.func @activation_count(%x: tensor<5x2x4xf32>, %w: tensor<2x24x4xf32>, %r: tensor<2x24x8xf32>) {
  // expected-error@+1 {{attribute 'activations' must have 4 functions (2 per direction), got 2}}
  %y, %yh = graph.gru %x, %w, %r {direction = "bidirectional", activations = ["Sigmoid", "Tanh"]} : (tensor<5x2x4xf32>, tensor<2x24x4xf32>, tensor<2x24x8xf32>) -> (tensor<5x2x2x8xf32>, tensor<2x2x8xf32>)
  return
}

// -----

func.func @activation_name(%x: tensor<5x2x4xf32>, %w: tensor<1x8x4xf32>, %r: tensor<1x8x8xf32>) {
  // expected-error@+1 {{attribute 'activations' has unknown function "tanh"}}
  %y, %yh = graph.rnn %x, %w, %r {activations = ["tanh"]} : (tensor<5x2x4xf32>, tensor<1x8x4xf32>, tensor<1x8x8xf32>) -> (tensor<5x1x2x8xf32>, tensor<1x2x8xf32>)
  return
}

// -----

func.func @activation_alpha(%x: tensor<5x2x4xf32>, %w: tensor<1x8x4xf32>, %r: tensor<1x8x8xf32>) {
  // expected-error@+1 {{attribute 'activation_alpha' has 2 values for 1 activations}}
  %y, %yh = graph.rnn %x, %w, %r {activations = ["LeakyRelu"], activation_alpha = array<f32: 0.1, 0.2>} : (tensor<5x2x4xf32>, tensor<1x8x4xf32>, tensor<1x8x8xf32>) -> (tensor<5x1x2x8xf32>, tensor<1x2x8xf32>)
  return
}

// -----

func.func @activation_beta(%x: tensor<5x2x4xf32>, %w: tensor<1x8x4xf32>, %r: tensor<1x8x8xf32>) {
  // expected-error@+1 {{attribute 'activation_beta' has 2 values for 1 activations}}
  %y, %yh = graph.rnn %x, %w, %r {activation_beta = array<f32: 0.1, 0.2>} : (tensor<5x2x4xf32>, tensor<1x8x4xf32>, tensor<1x8x8xf32>) -> (tensor<5x1x2x8xf32>, tensor<1x2x8xf32>)
  return
}

// -----

func.func @input_forget(%x: tensor<5x2x4xf32>, %w: tensor<1x32x4xf32>, %r: tensor<1x32x8xf32>) {
  // expected-error@+1 {{attribute 'input_forget' must be 0 or 1, got 2}}
  %y, %yh, %yc = graph.lstm %x, %w, %r {input_forget = 2 : i64} : (tensor<5x2x4xf32>, tensor<1x32x4xf32>, tensor<1x32x8xf32>) -> (tensor<5x1x2x8xf32>, tensor<1x2x8xf32>, tensor<1x2x8xf32>)
  return
}

// -----

func.func @linear_before_reset(%x: tensor<5x2x4xf32>, %w: tensor<1x24x4xf32>, %r: tensor<1x24x8xf32>) {
  // expected-error@+1 {{attribute 'linear_before_reset' must be 0 or 1, got -1}}
  %y, %yh = graph.gru %x, %w, %r {linear_before_reset = -1 : i64} : (tensor<5x2x4xf32>, tensor<1x24x4xf32>, tensor<1x24x8xf32>) -> (tensor<5x1x2x8xf32>, tensor<1x2x8xf32>)
  return
}

// -----

func.func @weight_directions(%x: tensor<5x2x4xf32>, %w: tensor<1x8x4xf32>, %r: tensor<2x8x8xf32>) {
  // expected-error@+1 {{operand 'weight' has size 1 in dimension 0 but num_directions is 2}}
  %y, %yh = graph.rnn %x, %w, %r {direction = "bidirectional"} : (tensor<5x2x4xf32>, tensor<1x8x4xf32>, tensor<2x8x8xf32>) -> (tensor<5x2x2x8xf32>, tensor<2x2x8xf32>)
  return
}

// -----

func.func @weight_gates(%x: tensor<5x2x4xf32>, %w: tensor<1x24x4xf32>, %r: tensor<1x32x8xf32>) {
  // expected-error@+1 {{operand 'weight' has size 24 in dimension 1 but 4 * hidden_size is 32}}
  %y, %yh, %yc = graph.lstm %x, %w, %r : (tensor<5x2x4xf32>, tensor<1x24x4xf32>, tensor<1x32x8xf32>) -> (tensor<5x1x2x8xf32>, tensor<1x2x8xf32>, tensor<1x2x8xf32>)
  return
}

// -----

func.func @weight_input_size(%x: tensor<5x2x4xf32>, %w: tensor<1x8x3xf32>, %r: tensor<1x8x8xf32>) {
  // expected-error@+1 {{operand 'weight' has size 3 in dimension 2 but input_size is 4}}
  %y, %yh = graph.rnn %x, %w, %r : (tensor<5x2x4xf32>, tensor<1x8x3xf32>, tensor<1x8x8xf32>) -> (tensor<5x1x2x8xf32>, tensor<1x2x8xf32>)
  return
}

// -----

func.func @recurrence_hidden_size(%x: tensor<5x2x4xf32>, %w: tensor<1x8x4xf32>, %r: tensor<1x8x8xf32>) {
  // expected-error@+1 {{operand 'weight' has size 8 in dimension 1 but hidden_size is 6}}
  %y, %yh = graph.rnn %x, %w, %r {hidden_size = 6 : i64} : (tensor<5x2x4xf32>, tensor<1x8x4xf32>, tensor<1x8x8xf32>) -> (tensor<5x1x2x6xf32>, tensor<1x2x6xf32>)
  return
}

// -----

func.func @recurrence_square(%x: tensor<5x2x4xf32>, %w: tensor<1x24x4xf32>, %r: tensor<1x?x7xf32>) {
  // expected-error@+1 {{operand 'weight' has size 24 in dimension 1 but 3 * hidden_size is 21}}
  %y, %yh = graph.gru %x, %w, %r : (tensor<5x2x4xf32>, tensor<1x24x4xf32>, tensor<1x?x7xf32>) -> (tensor<5x1x2x7xf32>, tensor<1x2x7xf32>)
  return
}

// -----

func.func @bias(%x: tensor<5x2x4xf32>, %w: tensor<1x24x4xf32>, %r: tensor<1x24x8xf32>, %b: tensor<1x24xf32>) {
  // expected-error@+1 {{operand 'bias' has size 24 in dimension 1 but 6 * hidden_size is 48}}
  %y, %yh = graph.gru %x, %w, %r bias(%b) : (tensor<5x2x4xf32>, tensor<1x24x4xf32>, tensor<1x24x8xf32>, tensor<1x24xf32>) -> (tensor<5x1x2x8xf32>, tensor<1x2x8xf32>)
  return
}

// -----

func.func @bias_element_type(%x: tensor<5x2x4xf32>, %w: tensor<1x8x4xf32>, %r: tensor<1x8x8xf32>, %b: tensor<1x16xf16>) {
  // expected-error@+1 {{operand 'bias' has element type 'f16' but 'input' has 'f32'}}
  %y, %yh = graph.rnn %x, %w, %r bias(%b) : (tensor<5x2x4xf32>, tensor<1x8x4xf32>, tensor<1x8x8xf32>, tensor<1x16xf16>) -> (tensor<5x1x2x8xf32>, tensor<1x2x8xf32>)
  return
}

// -----

func.func @sequence_lens(%x: tensor<5x2x4xf32>, %w: tensor<1x8x4xf32>, %r: tensor<1x8x8xf32>, %lens: tensor<3xi32>) {
  // expected-error@+1 {{operand 'sequence_lens' has size 3 but batch_size is 2}}
  %y, %yh = graph.rnn %x, %w, %r sequence_lens(%lens) : (tensor<5x2x4xf32>, tensor<1x8x4xf32>, tensor<1x8x8xf32>, tensor<3xi32>) -> (tensor<5x1x2x8xf32>, tensor<1x2x8xf32>)
  return
}

// -----

func.func @sequence_lens_type(%x: tensor<5x2x4xf32>, %w: tensor<1x8x4xf32>, %r: tensor<1x8x8xf32>, %lens: tensor<2xi64>) {
  // expected-error@+1 {{operand #3 must be 1D tensor of 32-bit signless integer values}}
  %y, %yh = graph.rnn %x, %w, %r sequence_lens(%lens) : (tensor<5x2x4xf32>, tensor<1x8x4xf32>, tensor<1x8x8xf32>, tensor<2xi64>) -> (tensor<5x1x2x8xf32>, tensor<1x2x8xf32>)
  return
}

// -----

func.func @initial_h_batch(%x: tensor<5x2x4xf32>, %w: tensor<1x8x4xf32>, %r: tensor<1x8x8xf32>, %h: tensor<1x3x8xf32>) {
  // expected-error@+1 {{operand 'initial_h' has size 3 in dimension 1 but batch_size is 2}}
  %y, %yh = graph.rnn %x, %w, %r initial_h(%h) : (tensor<5x2x4xf32>, tensor<1x8x4xf32>, tensor<1x8x8xf32>, tensor<1x3x8xf32>) -> (tensor<5x1x2x8xf32>, tensor<1x2x8xf32>)
  return
}

// -----

func.func @initial_h_layout(%x: tensor<2x5x4xf32>, %w: tensor<1x8x4xf32>, %r: tensor<1x8x8xf32>, %h: tensor<1x2x8xf32>) {
  // expected-error@+1 {{operand 'initial_h' has size 1 in dimension 0 but batch_size is 2}}
  %y, %yh = graph.rnn %x, %w, %r initial_h(%h) {layout = 1 : i64} : (tensor<2x5x4xf32>, tensor<1x8x4xf32>, tensor<1x8x8xf32>, tensor<1x2x8xf32>) -> (tensor<2x5x1x8xf32>, tensor<2x1x8xf32>)
  return
}

// -----

func.func @initial_c(%x: tensor<5x2x4xf32>, %w: tensor<1x32x4xf32>, %r: tensor<1x32x8xf32>, %c: tensor<1x2x4xf32>) {
  // expected-error@+1 {{operand 'initial_c' has size 4 in dimension 2 but hidden_size is 8}}
  %y, %yh, %yc = graph.lstm %x, %w, %r initial_c(%c) : (tensor<5x2x4xf32>, tensor<1x32x4xf32>, tensor<1x32x8xf32>, tensor<1x2x4xf32>) -> (tensor<5x1x2x8xf32>, tensor<1x2x8xf32>, tensor<1x2x8xf32>)
  return
}

// -----

func.func @peepholes(%x: tensor<5x2x4xf32>, %w: tensor<1x32x4xf32>, %r: tensor<1x32x8xf32>, %p: tensor<1x32xf32>) {
  // expected-error@+1 {{operand 'peepholes' has size 32 in dimension 1 but 3 * hidden_size is 24}}
  %y, %yh, %yc = graph.lstm %x, %w, %r peepholes(%p) : (tensor<5x2x4xf32>, tensor<1x32x4xf32>, tensor<1x32x8xf32>, tensor<1x32xf32>) -> (tensor<5x1x2x8xf32>, tensor<1x2x8xf32>, tensor<1x2x8xf32>)
  return
}

// -----

func.func @mixed_elements(%x: tensor<5x2x4xf32>, %w: tensor<1x8x4xf64>, %r: tensor<1x8x8xf32>) {
  // expected-error@+1 {{failed to verify that all of {input, weight, recurrence, output, final_h} have same element type}}
  %y, %yh = graph.rnn %x, %w, %r : (tensor<5x2x4xf32>, tensor<1x8x4xf64>, tensor<1x8x8xf32>) -> (tensor<5x1x2x8xf32>, tensor<1x2x8xf32>)
  return
}

// -----

func.func @input_rank(%x: tensor<5x4xf32>, %w: tensor<1x8x4xf32>, %r: tensor<1x8x8xf32>) {
  // expected-error@+1 {{operand #0 must be 3D tensor of floating-point values}}
  %y, %yh = graph.rnn %x, %w, %r : (tensor<5x4xf32>, tensor<1x8x4xf32>, tensor<1x8x8xf32>) -> (tensor<5x1x2x8xf32>, tensor<1x2x8xf32>)
  return
}

// -----

func.func @wrong_result(%x: tensor<5x2x4xf32>, %w: tensor<1x8x4xf32>, %r: tensor<1x8x8xf32>) {
  // expected-error@+2 {{inferred type(s) 'tensor<5x1x2x8xf32>', 'tensor<1x2x8xf32>' are incompatible with return type(s) of operation 'tensor<5x2x1x8xf32>', 'tensor<1x2x8xf32>'}}
  // expected-error@+1 {{failed to infer returned types}}
  %y, %yh = graph.rnn %x, %w, %r : (tensor<5x2x4xf32>, tensor<1x8x4xf32>, tensor<1x8x8xf32>) -> (tensor<5x2x1x8xf32>, tensor<1x2x8xf32>)
  return
}
