// RUN: tensor-opt %s --convert-graph-to-te -split-input-file -verify-diagnostics

// Whether samples are real or complex decides the computation.

func.func @dft_layout(%x: tensor<1x10x?xf32>) -> tensor<1x10x2xf32> {
  // expected-error @+2 {{'graph.dft' op input's last dim (1: real, 2: complex) must be static}}
  // expected-error @+1 {{failed to legalize operation 'graph.dft'}}
  %0 = graph.dft %x : (tensor<1x10x?xf32>) -> tensor<1x10x2xf32>
  return %0 : tensor<1x10x2xf32>
}

// -----

func.func @stft_layout(%x: tensor<1x128x?xf32>, %step: tensor<i64>, %w: tensor<16xf32>) -> tensor<1x?x9x2xf32> {
  // expected-error @+2 {{'graph.stft' op signal's last dim (1: real, 2: complex) must be static}}
  // expected-error @+1 {{failed to legalize operation 'graph.stft'}}
  %0 = graph.stft %x, %step window %w : (tensor<1x128x?xf32>, tensor<i64>, tensor<16xf32>) -> tensor<1x?x9x2xf32>
  return %0 : tensor<1x?x9x2xf32>
}
