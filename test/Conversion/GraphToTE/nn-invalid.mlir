// RUN: tensor-opt %s --convert-graph-to-te --split-input-file -verify-diagnostics

// Convolutions need static spatial sizes (for pads and padded reads); only
// the batch may be dynamic.
func.func @conv_dynamic_spatial(%x: tensor<1x3x?x?xf32>, %w: tensor<8x3x3x3xf32>) -> tensor<1x8x?x?xf32> {
  // expected-error @+2 {{'graph.conv' op dynamic input sizes are not supported (only the batch dimension may be dynamic)}}
  // expected-error @+1 {{failed to legalize operation 'graph.conv'}}
  %y = graph.conv %x, %w : (tensor<1x3x?x?xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x?x?xf32>
  return %y : tensor<1x8x?x?xf32>
}

// -----

func.func @conv_dynamic_weight(%x: tensor<1x3x8x8xf32>, %w: tensor<?x3x3x3xf32>) -> tensor<1x?x6x6xf32> {
  // expected-error @+2 {{'graph.conv' op dynamic weight shapes are not supported}}
  // expected-error @+1 {{failed to legalize operation 'graph.conv'}}
  %y = graph.conv %x, %w : (tensor<1x3x8x8xf32>, tensor<?x3x3x3xf32>) -> tensor<1x?x6x6xf32>
  return %y : tensor<1x?x6x6xf32>
}

// -----

func.func @conv_transpose_dynamic_spatial(%x: tensor<1x2x?x4xf32>, %w: tensor<2x2x3x3xf32>) -> tensor<1x2x?x6xf32> {
  // expected-error @+2 {{'graph.conv_transpose' op dynamic input sizes are not supported (only the batch dimension may be dynamic)}}
  // expected-error @+1 {{failed to legalize operation 'graph.conv_transpose'}}
  %y = graph.conv_transpose %x, %w : (tensor<1x2x?x4xf32>, tensor<2x2x3x3xf32>) -> tensor<1x2x?x6xf32>
  return %y : tensor<1x2x?x6xf32>
}

// -----

func.func @max_pool_dynamic_spatial(%x: tensor<1x3x?x8xf32>) -> tensor<1x3x?x7xf32> {
  // expected-error @+2 {{'graph.max_pool' op dynamic input sizes are not supported (only the batch dimension may be dynamic)}}
  // expected-error @+1 {{failed to legalize operation 'graph.max_pool'}}
  %y, %i = graph.max_pool %x {kernel_shape = array<i64: 2, 2>} : (tensor<1x3x?x8xf32>) -> (tensor<1x3x?x7xf32>, tensor<1x3x?x7xi64>)
  return %y : tensor<1x3x?x7xf32>
}

// -----

func.func @average_pool_dynamic_channels(%x: tensor<1x?x8x8xf32>) -> tensor<1x?x4x4xf32> {
  // expected-error @+2 {{'graph.average_pool' op dynamic input sizes are not supported (only the batch dimension may be dynamic)}}
  // expected-error @+1 {{failed to legalize operation 'graph.average_pool'}}
  %y = graph.average_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x?x8x8xf32>) -> tensor<1x?x4x4xf32>
  return %y : tensor<1x?x4x4xf32>
}

// -----

// The divisor of a global average is the static spatial size.
func.func @global_average_pool_dynamic_spatial(%x: tensor<1x3x?x?xf32>) -> tensor<1x3x1x1xf32> {
  // expected-error @+2 {{'graph.global_average_pool' op dynamic spatial sizes are not supported}}
  // expected-error @+1 {{failed to legalize operation 'graph.global_average_pool'}}
  %y = graph.global_average_pool %x : (tensor<1x3x?x?xf32>) -> tensor<1x3x1x1xf32>
  return %y : tensor<1x3x1x1xf32>
}

// -----

// Group norm splits the channels into groups: their count must be known.
func.func @group_norm_dynamic_channels(%x: tensor<1x?x4xf32>, %s: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<1x?x4xf32> {
  // expected-error @+2 {{'graph.group_norm' op a dynamic channel count is not supported}}
  // expected-error @+1 {{failed to legalize operation 'graph.group_norm'}}
  %y = graph.group_norm %x, %s, %b {num_groups = 2 : i64} : (tensor<1x?x4xf32>, tensor<?xf32>, tensor<?xf32>) -> tensor<1x?x4xf32>
  return %y : tensor<1x?x4xf32>
}

// -----

func.func @lrn_dynamic_channels(%x: tensor<1x?x4x4xf32>) -> tensor<1x?x4x4xf32> {
  // expected-error @+2 {{'graph.lrn' op a dynamic channel count is not supported}}
  // expected-error @+1 {{failed to legalize operation 'graph.lrn'}}
  %y = graph.lrn %x {size = 3 : i64} : (tensor<1x?x4x4xf32>) -> tensor<1x?x4x4xf32>
  return %y : tensor<1x?x4x4xf32>
}
