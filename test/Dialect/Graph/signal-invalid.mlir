// RUN: tensor-opt %s -split-input-file -verify-diagnostics

func.func @dft_layout(%x: tensor<1x10x3xf32>) -> tensor<1x10x2xf32> {
  // expected-error @+1 {{input's last dim must be 1 (real) or 2 (complex), got 'tensor<1x10x3xf32>'}}
  %0 = graph.dft %x : (tensor<1x10x3xf32>) -> tensor<1x10x2xf32>
  return %0 : tensor<1x10x2xf32>
}

// -----

func.func @dft_rank(%x: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{input must have rank at least 2, got 'tensor<2xf32>'}}
  %0 = graph.dft %x {axis = 0 : i64} : (tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @dft_axis(%x: tensor<1x10x1xf32>) -> tensor<?x?x2xf32> {
  // expected-error @+1 {{attribute 'axis' must be in [-3, -2] or [0, 1], got 2}}
  %0 = graph.dft %x {axis = 2 : i64} : (tensor<1x10x1xf32>) -> tensor<?x?x2xf32>
  return %0 : tensor<?x?x2xf32>
}

// -----

func.func @dft_inverse(%x: tensor<1x10x1xf32>) -> tensor<1x10x2xf32> {
  // expected-error @+1 {{attribute 'inverse' must be 0 or 1, got 2}}
  %0 = graph.dft %x {inverse = 2 : i64} : (tensor<1x10x1xf32>) -> tensor<1x10x2xf32>
  return %0 : tensor<1x10x2xf32>
}

// -----

func.func @dft_onesided(%x: tensor<1x10x1xf32>) -> tensor<1x10x2xf32> {
  // expected-error @+1 {{attribute 'onesided' must be 0 or 1, got -1}}
  %0 = graph.dft %x {onesided = -1 : i64} : (tensor<1x10x1xf32>) -> tensor<1x10x2xf32>
  return %0 : tensor<1x10x2xf32>
}

// -----

func.func @dft_length_shape(%x: tensor<1x10x1xf32>, %n: tensor<2xi64>) -> tensor<1x?x2xf32> {
  // expected-error @+1 {{dft_length must hold one element, got 'tensor<2xi64>'}}
  %0 = graph.dft %x, %n : (tensor<1x10x1xf32>, tensor<2xi64>) -> tensor<1x?x2xf32>
  return %0 : tensor<1x?x2xf32>
}

// -----

func.func @dft_length_value(%x: tensor<1x10x1xf32>) -> tensor<1x?x2xf32> {
  %n = graph.constant dense<0> : tensor<i64>
  // expected-error @+1 {{dft_length must be positive, got 0}}
  %0 = graph.dft %x, %n : (tensor<1x10x1xf32>, tensor<i64>) -> tensor<1x?x2xf32>
  return %0 : tensor<1x?x2xf32>
}

// -----

func.func @stft_rank(%x: tensor<128x1xf32>, %step: tensor<i64>, %w: tensor<16xf32>) -> tensor<?x?x9x2xf32> {
  // expected-error @+1 {{signal must have rank at least 3, got 'tensor<128x1xf32>'}}
  %0 = graph.stft %x, %step window %w : (tensor<128x1xf32>, tensor<i64>, tensor<16xf32>) -> tensor<?x?x9x2xf32>
  return %0 : tensor<?x?x9x2xf32>
}

// -----

func.func @stft_rank_high(%x: tensor<1x1x128x1xf32>, %step: tensor<i64>, %w: tensor<16xf32>) -> tensor<?x?x9x2xf32> {
  // expected-error @+1 {{signal must be [batch, length, 1 or 2], got 'tensor<1x1x128x1xf32>'}}
  %0 = graph.stft %x, %step window %w : (tensor<1x1x128x1xf32>, tensor<i64>, tensor<16xf32>) -> tensor<?x?x9x2xf32>
  return %0 : tensor<?x?x9x2xf32>
}

// -----

func.func @stft_step(%x: tensor<1x128x1xf32>, %w: tensor<16xf32>) -> tensor<1x?x9x2xf32> {
  %step = graph.constant dense<0> : tensor<i64>
  // expected-error @+1 {{frame_step must be positive, got 0}}
  %0 = graph.stft %x, %step window %w : (tensor<1x128x1xf32>, tensor<i64>, tensor<16xf32>) -> tensor<1x?x9x2xf32>
  return %0 : tensor<1x?x9x2xf32>
}

// -----

func.func @stft_no_length(%x: tensor<1x128x1xf32>, %step: tensor<i64>) -> tensor<1x?x?x2xf32> {
  // expected-error @+1 {{needs a window or a frame_length}}
  %0 = graph.stft %x, %step : (tensor<1x128x1xf32>, tensor<i64>) -> tensor<1x?x?x2xf32>
  return %0 : tensor<1x?x?x2xf32>
}

// -----

func.func @stft_window_rank(%x: tensor<1x128x1xf32>, %step: tensor<i64>, %w: tensor<4x4xf32>) -> tensor<1x?x?x2xf32> {
  // expected-error @+1 {{window must have rank 1, got 'tensor<4x4xf32>'}}
  %0 = graph.stft %x, %step window %w : (tensor<1x128x1xf32>, tensor<i64>, tensor<4x4xf32>) -> tensor<1x?x?x2xf32>
  return %0 : tensor<1x?x?x2xf32>
}

// -----

func.func @stft_window_length(%x: tensor<1x128x1xf32>, %step: tensor<i64>, %w: tensor<16xf32>) -> tensor<1x?x?x2xf32> {
  %len = graph.constant dense<8> : tensor<i64>
  // expected-error @+1 {{window length 16 differs from frame_length 8}}
  %0 = graph.stft %x, %step window %w frame_length %len : (tensor<1x128x1xf32>, tensor<i64>, tensor<16xf32>, tensor<i64>) -> tensor<1x?x?x2xf32>
  return %0 : tensor<1x?x?x2xf32>
}

// -----

func.func @stft_too_long(%x: tensor<1x8x1xf32>, %step: tensor<i64>, %w: tensor<16xf32>) -> tensor<1x?x9x2xf32> {
  %len = graph.constant dense<16> : tensor<i64>
  // expected-error @+1 {{frame_length 16 exceeds the signal length 8}}
  %0 = graph.stft %x, %step window %w frame_length %len : (tensor<1x8x1xf32>, tensor<i64>, tensor<16xf32>, tensor<i64>) -> tensor<1x?x9x2xf32>
  return %0 : tensor<1x?x9x2xf32>
}

// -----

func.func @mel_scalar(%bins: tensor<2xi32>, %length: tensor<i32>, %rate: tensor<i32>, %low: tensor<f32>, %high: tensor<f32>) -> tensor<?x?xf32> {
  // expected-error @+1 {{num_mel_bins must hold one element, got 'tensor<2xi32>'}}
  %0 = graph.mel_weight_matrix %bins, %length, %rate, %low, %high {output_datatype = f32}
      : (tensor<2xi32>, tensor<i32>, tensor<i32>, tensor<f32>, tensor<f32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @mel_rate(%bins: tensor<i32>, %length: tensor<i32>, %low: tensor<f32>, %high: tensor<f32>) -> tensor<?x?xf32> {
  %rate = graph.constant dense<0> : tensor<i32>
  // expected-error @+1 {{sample_rate must be positive, got 0}}
  %0 = graph.mel_weight_matrix %bins, %length, %rate, %low, %high {output_datatype = f32}
      : (tensor<i32>, tensor<i32>, tensor<i32>, tensor<f32>, tensor<f32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
