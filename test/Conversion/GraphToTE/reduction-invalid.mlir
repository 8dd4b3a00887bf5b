// RUN: tensor-opt %s --convert-graph-to-te --split-input-file -verify-diagnostics

// The reduced dims must be known to build the computation.
func.func @dynamic_axes(%x: tensor<3x4xf32>, %axes: tensor<1xi64>) -> tensor<?x?xf32> {
  // expected-error @+2 {{'graph.reduce_sum' op with non-constant 'axes' is not supported (the reduced dimensions decide the computation)}}
  // expected-error @+1 {{failed to legalize operation 'graph.reduce_sum'}}
  %0 = graph.reduce_sum %x, %axes : (tensor<3x4xf32>, tensor<1xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
