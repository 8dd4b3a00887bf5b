// RUN: tensor-opt %s -split-input-file -verify-diagnostics

func.func @axis_out_of_range(%x: tensor<2x3xf32>) -> tensor<?x?xf32> {
  %axes = graph.constant dense<[2]> : tensor<1xi64>
  // expected-error@+1 {{axis 2 in 'axes' is out of range for 'data' of rank 2}}
  %0 = graph.reduce_sum %x, %axes : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @repeated_axis(%x: tensor<2x3xf32>) -> tensor<?x?xf32> {
  %axes = graph.constant dense<[1, -1]> : tensor<2xi64>
  // expected-error@+1 {{axis -1 in 'axes' repeats dimension 1}}
  %0 = graph.reduce_mean %x, %axes : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @too_many_axes(%x: tensor<2x3xf32>, %axes: tensor<3xi64>) -> tensor<?x?xf32> {
  // expected-error@+1 {{operand 'axes' has 3 values but 'data' has rank 2}}
  %0 = graph.reduce_max %x, %axes : (tensor<2x3xf32>, tensor<3xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @dynamic_axes_no_keepdims(%x: tensor<2x3xf32>, %axes: tensor<?xi64>) -> tensor<?x?xf32> {
  // expected-error@+1 {{operand 'axes' must have a static length when keepdims = 0 (the result's rank depends on it)}}
  %0 = graph.reduce_min %x, %axes {keepdims = 0 : i64} : (tensor<2x3xf32>, tensor<?xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @bad_keepdims(%x: tensor<2x3xf32>) -> tensor<1x1xf32> {
  // expected-error@+1 {{attribute 'keepdims' must be 0 or 1, got 2}}
  %0 = graph.reduce_prod %x {keepdims = 2 : i64} : (tensor<2x3xf32>) -> tensor<1x1xf32>
  return %0 : tensor<1x1xf32>
}

// -----

func.func @bad_noop(%x: tensor<2x3xf32>) -> tensor<1x1xf32> {
  // expected-error@+1 {{attribute 'noop_with_empty_axes' must be 0 or 1, got -1}}
  %0 = graph.reduce_l1 %x {noop_with_empty_axes = -1 : i64} : (tensor<2x3xf32>) -> tensor<1x1xf32>
  return %0 : tensor<1x1xf32>
}

// -----

func.func @axes_not_i64(%x: tensor<2x3xf32>, %axes: tensor<1xi32>) -> tensor<?x?xf32> {
  // expected-error@+1 {{operand #1 must be 1D tensor of 64-bit signless integer values}}
  %0 = graph.reduce_l2 %x, %axes : (tensor<2x3xf32>, tensor<1xi32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @wrong_result(%x: tensor<2x3xf32>) -> tensor<2x1xf32> {
  %axes = graph.constant dense<[0]> : tensor<1xi64>
  // expected-error@+2 {{inferred type(s) 'tensor<1x3xf32>' are incompatible with return type(s) of operation 'tensor<2x1xf32>'}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.reduce_log_sum %x, %axes : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<2x1xf32>
  return %0 : tensor<2x1xf32>
}

// -----

func.func @argmax_axis(%x: tensor<2x3xf32>) -> tensor<2x3xi64> {
  // expected-error@+1 {{attribute 'axis' value 2 is out of range for 'data' of rank 2}}
  %0 = graph.argmax %x {axis = 2 : i64} : (tensor<2x3xf32>) -> tensor<2x3xi64>
  return %0 : tensor<2x3xi64>
}

// -----

func.func @argmin_keepdims(%x: tensor<2x3xf32>) -> tensor<1x3xi64> {
  // expected-error@+1 {{attribute 'keepdims' must be 0 or 1, got 3}}
  %0 = graph.argmin %x {keepdims = 3 : i64} : (tensor<2x3xf32>) -> tensor<1x3xi64>
  return %0 : tensor<1x3xi64>
}

// -----

func.func @argmax_select_last(%x: tensor<2x3xf32>) -> tensor<1x3xi64> {
  // expected-error@+1 {{attribute 'select_last_index' must be 0 or 1, got 5}}
  %0 = graph.argmax %x {select_last_index = 5 : i64} : (tensor<2x3xf32>) -> tensor<1x3xi64>
  return %0 : tensor<1x3xi64>
}

// -----

func.func @argmax_result_type(%x: tensor<2x3xf32>) -> tensor<1x3xi32> {
  // expected-error@+1 {{result #0 must be ranked tensor of 64-bit signless integer values}}
  %0 = graph.argmax %x : (tensor<2x3xf32>) -> tensor<1x3xi32>
  return %0 : tensor<1x3xi32>
}
