// RUN: tensor-opt %s --convert-graph-to-te --split-input-file -verify-diagnostics

// With a dynamic tuple length, only the ranks give it: here 1 + 2 - 4 < 1.
func.func @scatter_nd_tuple_length(%data: tensor<4x4xf32>, %indices: tensor<3x?xi64>, %updates: tensor<3x1x1x1xf32>) -> tensor<4x4xf32> {
  // expected-error @+2 {{'graph.scatter_nd' op the ranks of data, indices and updates give an index tuple length of -1, out of [1, rank(data)]}}
  // expected-error @+1 {{failed to legalize operation 'graph.scatter_nd' that was explicitly marked illegal}}
  %0 = graph.scatter_nd %data, %indices, %updates : (tensor<4x4xf32>, tensor<3x?xi64>, tensor<3x1x1x1xf32>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}
