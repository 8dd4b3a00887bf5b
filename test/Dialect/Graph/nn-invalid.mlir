// Every verifier error of the neural-network operators.
// RUN: tensor-opt %s -split-input-file -verify-diagnostics

func.func @matmul_scalar(%a: tensor<f32>, %b: tensor<3xf32>) {
  // expected-error@+1 {{operands must have rank at least 1, got 'tensor<f32>' and 'tensor<3xf32>'}}
  %0 = graph.matmul %a, %b : (tensor<f32>, tensor<3xf32>) -> tensor<?xf32>
  return
}

// -----

func.func @matmul_contracted(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>) {
  // expected-error@+1 {{contracted dimensions differ: 3 in 'tensor<2x3xf32>' and 4 in 'tensor<4x5xf32>'}}
  %0 = graph.matmul %a, %b : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<2x5xf32>
  return
}

// -----

func.func @matmul_batch(%a: tensor<2x2x3xf32>, %b: tensor<4x3x5xf32>) {
  // expected-error@+1 {{batch dimensions of 'tensor<2x2x3xf32>' and 'tensor<4x3x5xf32>' do not broadcast}}
  %0 = graph.matmul %a, %b : (tensor<2x2x3xf32>, tensor<4x3x5xf32>) -> tensor<?x2x5xf32>
  return
}

// -----

func.func @matmul_elements(%a: tensor<2x3xf32>, %b: tensor<3x5xf16>) {
  // expected-error@+1 {{failed to verify that all of {lhs, rhs, output} have same element type}}
  %0 = graph.matmul %a, %b : (tensor<2x3xf32>, tensor<3x5xf16>) -> tensor<2x5xf32>
  return
}

// -----

func.func @gemm_flag(%a: tensor<2x3xf32>, %b: tensor<3x5xf32>) {
  // expected-error@+1 {{attribute 'trans_a' must be 0 or 1, got 2}}
  %0 = graph.gemm %a, %b {trans_a = 2 : i64} : (tensor<2x3xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
  return
}

// -----

func.func @gemm_rank(%a: tensor<3xf32>, %b: tensor<3x5xf32>) {
  // expected-error@+1 {{'a' and 'b' must be 2-D, got 'tensor<3xf32>' and 'tensor<3x5xf32>'}}
  %0 = graph.gemm %a, %b : (tensor<3xf32>, tensor<3x5xf32>) -> tensor<?x5xf32>
  return
}

// -----

func.func @gemm_contracted(%a: tensor<2x3xf32>, %b: tensor<3x5xf32>) {
  // expected-error@+1 {{contracted dimensions differ: 3 in 'tensor<2x3xf32>' and 5 in 'tensor<3x5xf32>'}}
  %0 = graph.gemm %a, %b {trans_b = 1 : i64} : (tensor<2x3xf32>, tensor<3x5xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @gemm_c_elements(%a: tensor<2x3xf32>, %b: tensor<3x5xf32>, %c: tensor<5xf64>) {
  // expected-error@+1 {{'c' must have the element type of 'a', got 'tensor<5xf64>'}}
  %0 = graph.gemm %a, %b, %c : (tensor<2x3xf32>, tensor<3x5xf32>, tensor<5xf64>) -> tensor<2x5xf32>
  return
}

// -----

func.func @gemm_c_broadcast(%a: tensor<2x3xf32>, %b: tensor<3x5xf32>, %c: tensor<3x5xf32>) {
  // expected-error@+1 {{'c' of type 'tensor<3x5xf32>' does not broadcast to the result shape 2x5}}
  %0 = graph.gemm %a, %b, %c : (tensor<2x3xf32>, tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<2x5xf32>
  return
}

// -----

func.func @matmul_integer_zero_point_type(%a: tensor<2x3xui8>, %b: tensor<3x5xi8>, %z: tensor<i8>) {
  // expected-error@+1 {{'lhs_zero_point' must have the element type of 'lhs', got 'tensor<i8>' for 'tensor<2x3xui8>'}}
  %0 = graph.matmul_integer %a, %b lhs_zero_point(%z) : (tensor<2x3xui8>, tensor<3x5xi8>, tensor<i8>) -> tensor<2x5xi32>
  return
}

// -----

func.func @matmul_integer_zero_point_rank(%a: tensor<2x3xui8>, %b: tensor<3x5xi8>, %z: tensor<1x1x5xi8>) {
  // expected-error@+1 {{'rhs_zero_point' must have at most the rank of 'rhs', got 'tensor<1x1x5xi8>' for 'tensor<3x5xi8>'}}
  %0 = graph.matmul_integer %a, %b rhs_zero_point(%z) : (tensor<2x3xui8>, tensor<3x5xi8>, tensor<1x1x5xi8>) -> tensor<2x5xi32>
  return
}

// -----

func.func @qlinear_matmul_zero_point(%a: tensor<2x3xui8>, %s: tensor<f32>, %za: tensor<i8>, %b: tensor<3x5xui8>, %zb: tensor<ui8>) {
  // expected-error@+1 {{'lhs_zero_point' must have the element type of 'lhs', got 'tensor<i8>' for 'tensor<2x3xui8>'}}
  %0 = graph.qlinear_matmul %a, %s, %za, %b, %s, %zb, %s, %zb : (tensor<2x3xui8>, tensor<f32>, tensor<i8>, tensor<3x5xui8>, tensor<f32>, tensor<ui8>, tensor<f32>, tensor<ui8>) -> tensor<2x5xui8>
  return
}

// -----

func.func @matmul_integer_float(%a: tensor<2x3xf32>, %b: tensor<3x5xi8>) {
  // expected-error@+1 {{operand #0 must be ranked tensor of 8-bit signless integer or 8-bit unsigned integer values}}
  %0 = graph.matmul_integer %a, %b : (tensor<2x3xf32>, tensor<3x5xi8>) -> tensor<2x5xi32>
  return
}

// -----

func.func @conv_group(%x: tensor<1x4x8x8xf32>, %w: tensor<8x4x3x3xf32>) {
  // expected-error@+1 {{attribute 'group' must be positive, got 0}}
  %0 = graph.conv %x, %w {group = 0 : i64} : (tensor<1x4x8x8xf32>, tensor<8x4x3x3xf32>) -> tensor<1x8x6x6xf32>
  return
}

// -----

func.func @conv_weight_rank(%x: tensor<1x4x8x8xf32>, %w: tensor<8x4x3xf32>) {
  // expected-error@+1 {{'weight' must have the rank of 'input' (4), got 'tensor<8x4x3xf32>'}}
  %0 = graph.conv %x, %w : (tensor<1x4x8x8xf32>, tensor<8x4x3xf32>) -> tensor<1x8x?x?xf32>
  return
}

// -----

func.func @conv_input_rank(%x: tensor<1x4xf32>, %w: tensor<8x4xf32>) {
  // expected-error@+1 {{'input' must have rank at least 3 (N x C x D1 x ...), got 'tensor<1x4xf32>'}}
  %0 = graph.conv %x, %w : (tensor<1x4xf32>, tensor<8x4xf32>) -> tensor<1x8xf32>
  return
}

// -----

func.func @conv_auto_pad(%x: tensor<1x4x8x8xf32>, %w: tensor<8x4x3x3xf32>) {
  // expected-error@+1 {{attribute 'auto_pad' must be NOTSET, SAME_UPPER, SAME_LOWER or VALID, got 'SAME'}}
  %0 = graph.conv %x, %w {auto_pad = "SAME"} : (tensor<1x4x8x8xf32>, tensor<8x4x3x3xf32>) -> tensor<1x8x?x?xf32>
  return
}

// -----

func.func @conv_pads_and_auto_pad(%x: tensor<1x4x8x8xf32>, %w: tensor<8x4x3x3xf32>) {
  // expected-error@+1 {{attribute 'pads' cannot be used with auto_pad 'SAME_UPPER'}}
  %0 = graph.conv %x, %w {auto_pad = "SAME_UPPER", pads = array<i64: 1, 1, 1, 1>} : (tensor<1x4x8x8xf32>, tensor<8x4x3x3xf32>) -> tensor<1x8x8x8xf32>
  return
}

// -----

func.func @conv_kernel_shape_length(%x: tensor<1x4x8x8xf32>, %w: tensor<8x4x3x3xf32>) {
  // expected-error@+1 {{attribute 'kernel_shape' must have 2 values, got 1}}
  %0 = graph.conv %x, %w {kernel_shape = array<i64: 3>} : (tensor<1x4x8x8xf32>, tensor<8x4x3x3xf32>) -> tensor<1x8x?x?xf32>
  return
}

// -----

func.func @conv_strides(%x: tensor<1x4x8x8xf32>, %w: tensor<8x4x3x3xf32>) {
  // expected-error@+1 {{attribute 'strides' values must be positive}}
  %0 = graph.conv %x, %w {strides = array<i64: 1, 0>} : (tensor<1x4x8x8xf32>, tensor<8x4x3x3xf32>) -> tensor<1x8x6x?xf32>
  return
}

// -----

func.func @conv_dilations(%x: tensor<1x4x8x8xf32>, %w: tensor<8x4x3x3xf32>) {
  // expected-error@+1 {{attribute 'dilations' must have 2 values, got 3}}
  %0 = graph.conv %x, %w {dilations = array<i64: 1, 1, 1>} : (tensor<1x4x8x8xf32>, tensor<8x4x3x3xf32>) -> tensor<1x8x?x?xf32>
  return
}

// -----

func.func @conv_pads_length(%x: tensor<1x4x8x8xf32>, %w: tensor<8x4x3x3xf32>) {
  // expected-error@+1 {{attribute 'pads' must have 4 values, got 2}}
  %0 = graph.conv %x, %w {pads = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<8x4x3x3xf32>) -> tensor<1x8x?x?xf32>
  return
}

// -----

func.func @conv_pads_negative(%x: tensor<1x4x8x8xf32>, %w: tensor<8x4x3x3xf32>) {
  // expected-error@+1 {{attribute 'pads' values must be non-negative}}
  %0 = graph.conv %x, %w {pads = array<i64: 1, -1, 1, 1>} : (tensor<1x4x8x8xf32>, tensor<8x4x3x3xf32>) -> tensor<1x8x8x?xf32>
  return
}

// -----

func.func @conv_window_too_big(%x: tensor<1x4x8x2xf32>, %w: tensor<8x4x3x3xf32>) {
  // expected-error@+1 {{window of size 3 (dilated) does not fit in spatial dimension 1 of size 2 and its padding}}
  %0 = graph.conv %x, %w : (tensor<1x4x8x2xf32>, tensor<8x4x3x3xf32>) -> tensor<1x8x6x?xf32>
  return
}

// -----

func.func @conv_channels(%x: tensor<1x4x8x8xf32>, %w: tensor<8x3x3x3xf32>) {
  // expected-error@+1 {{'input' has 4 channels but 'weight' expects 3 per group x 1 groups}}
  %0 = graph.conv %x, %w : (tensor<1x4x8x8xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x6x6xf32>
  return
}

// -----

func.func @conv_output_channels(%x: tensor<1x4x8x8xf32>, %w: tensor<6x1x3x3xf32>) {
  // expected-error@+1 {{'weight' has 6 output channels, not a multiple of 4 groups}}
  %0 = graph.conv %x, %w {group = 4 : i64} : (tensor<1x4x8x8xf32>, tensor<6x1x3x3xf32>) -> tensor<1x6x6x6xf32>
  return
}

// -----

func.func @conv_kernel_shape_mismatch(%x: tensor<1x4x8x8xf32>, %w: tensor<8x4x3x3xf32>) {
  // expected-error@+1 {{attribute 'kernel_shape' does not match the spatial dimensions of 'weight' 'tensor<8x4x3x3xf32>'}}
  %0 = graph.conv %x, %w {kernel_shape = array<i64: 3, 2>} : (tensor<1x4x8x8xf32>, tensor<8x4x3x3xf32>) -> tensor<1x8x6x7xf32>
  return
}

// -----

func.func @conv_bias(%x: tensor<1x4x8x8xf32>, %w: tensor<8x4x3x3xf32>, %b: tensor<4xf32>) {
  // expected-error@+1 {{'bias' must be a vector of 8 output channels of 'f32', got 'tensor<4xf32>'}}
  %0 = graph.conv %x, %w, %b : (tensor<1x4x8x8xf32>, tensor<8x4x3x3xf32>, tensor<4xf32>) -> tensor<1x8x6x6xf32>
  return
}

// -----

func.func @conv_integer_input_zero_point(%x: tensor<1x4x8x8xui8>, %w: tensor<8x4x3x3xui8>, %z: tensor<2xui8>) {
  // expected-error@+1 {{'input_zero_point' must be a single 'ui8', got 'tensor<2xui8>'}}
  %0 = graph.conv_integer %x, %w input_zero_point(%z) : (tensor<1x4x8x8xui8>, tensor<8x4x3x3xui8>, tensor<2xui8>) -> tensor<1x8x6x6xi32>
  return
}

// -----

func.func @conv_integer_weight_zero_point(%x: tensor<1x4x8x8xui8>, %w: tensor<8x4x3x3xui8>, %z: tensor<4xui8>) {
  // expected-error@+1 {{'weight_zero_point' must be a single 'ui8' or one per output channel, got 'tensor<4xui8>'}}
  %0 = graph.conv_integer %x, %w weight_zero_point(%z) : (tensor<1x4x8x8xui8>, tensor<8x4x3x3xui8>, tensor<4xui8>) -> tensor<1x8x6x6xi32>
  return
}

// -----

func.func @qlinear_conv_weight_scale(%x: tensor<1x2x7x7xui8>, %s: tensor<f32>, %zx: tensor<ui8>, %w: tensor<4x2x3x3xi8>, %sw: tensor<2xf32>, %zw: tensor<i8>) {
  // expected-error@+1 {{'weight_scale' must be a single 'f32' or one per output channel, got 'tensor<2xf32>'}}
  %0 = graph.qlinear_conv %x, %s, %zx, %w, %sw, %zw, %s, %zw : (tensor<1x2x7x7xui8>, tensor<f32>, tensor<ui8>, tensor<4x2x3x3xi8>, tensor<2xf32>, tensor<i8>, tensor<f32>, tensor<i8>) -> tensor<1x4x5x5xi8>
  return
}

// -----

func.func @qlinear_conv_input_zero_point(%x: tensor<1x2x7x7xui8>, %s: tensor<f32>, %zx: tensor<4xui8>, %w: tensor<4x2x3x3xi8>, %zw: tensor<i8>) {
  // expected-error@+1 {{'input_zero_point' must be a single 'ui8', got 'tensor<4xui8>'}}
  %0 = graph.qlinear_conv %x, %s, %zx, %w, %s, %zw, %s, %zw : (tensor<1x2x7x7xui8>, tensor<f32>, tensor<4xui8>, tensor<4x2x3x3xi8>, tensor<f32>, tensor<i8>, tensor<f32>, tensor<i8>) -> tensor<1x4x5x5xi8>
  return
}

// -----

func.func @qlinear_conv_bias(%x: tensor<1x2x7x7xui8>, %s: tensor<f32>, %zx: tensor<ui8>, %w: tensor<4x2x3x3xi8>, %zw: tensor<i8>, %b: tensor<2xi32>) {
  // expected-error@+1 {{'bias' must be a vector of 4 output channels of 'i32', got 'tensor<2xi32>'}}
  %0 = graph.qlinear_conv %x, %s, %zx, %w, %s, %zw, %s, %zw, %b : (tensor<1x2x7x7xui8>, tensor<f32>, tensor<ui8>, tensor<4x2x3x3xi8>, tensor<f32>, tensor<i8>, tensor<f32>, tensor<i8>, tensor<2xi32>) -> tensor<1x4x5x5xi8>
  return
}

// -----

func.func @conv_transpose_output_padding(%x: tensor<1x4x8x8xf32>, %w: tensor<4x2x3x3xf32>) {
  // expected-error@+1 {{attribute 'output_padding' values must be less than the stride or dilation, got 2 along spatial dimension 0}}
  %0 = graph.conv_transpose %x, %w {output_padding = array<i64: 2, 0>, strides = array<i64: 2, 2>} : (tensor<1x4x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x2x19x17xf32>
  return
}

// -----

func.func @conv_transpose_channels(%x: tensor<1x4x8x8xf32>, %w: tensor<3x2x3x3xf32>) {
  // expected-error@+1 {{'input' has 4 channels but 'weight' expects 3}}
  %0 = graph.conv_transpose %x, %w : (tensor<1x4x8x8xf32>, tensor<3x2x3x3xf32>) -> tensor<1x2x10x10xf32>
  return
}

// -----

func.func @conv_transpose_group(%x: tensor<1x4x8x8xf32>, %w: tensor<4x2x3x3xf32>) {
  // expected-error@+1 {{'weight' has 4 input channels, not a multiple of 3 groups}}
  %0 = graph.conv_transpose %x, %w {group = 3 : i64} : (tensor<1x4x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x6x10x10xf32>
  return
}

// -----

func.func @conv_transpose_output_shape(%x: tensor<1x4x8x8xf32>, %w: tensor<4x2x3x3xf32>) {
  // expected-error@+1 {{attribute 'output_shape' must have 2 values, got 4}}
  %0 = graph.conv_transpose %x, %w {output_shape = array<i64: 1, 2, 10, 10>} : (tensor<1x4x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x2x?x?xf32>
  return
}

// -----

func.func @conv_transpose_no_output(%x: tensor<1x4x1x8xf32>, %w: tensor<4x2x3x3xf32>) {
  // expected-error@+1 {{the padding leaves no output along spatial dimension 0}}
  %0 = graph.conv_transpose %x, %w {pads = array<i64: 2, 0, 2, 0>} : (tensor<1x4x1x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x2x?x10xf32>
  return
}

// -----

func.func @conv_transpose_bias(%x: tensor<1x4x8x8xf32>, %w: tensor<4x2x3x3xf32>, %b: tensor<4xf32>) {
  // expected-error@+1 {{'bias' must be a vector of 2 output channels of 'f32', got 'tensor<4xf32>'}}
  %0 = graph.conv_transpose %x, %w, %b : (tensor<1x4x8x8xf32>, tensor<4x2x3x3xf32>, tensor<4xf32>) -> tensor<1x2x10x10xf32>
  return
}

// -----

func.func @max_pool_ceil_mode(%x: tensor<1x4x8x8xf32>) {
  // expected-error@+1 {{attribute 'ceil_mode' must be 0 or 1, got 2}}
  %0:2 = graph.max_pool %x {ceil_mode = 2 : i64, kernel_shape = array<i64: 2, 2>} : (tensor<1x4x8x8xf32>) -> (tensor<1x4x7x7xf32>, tensor<1x4x7x7xi64>)
  return
}

// -----

func.func @max_pool_storage_order(%x: tensor<1x4x8x8xf32>) {
  // expected-error@+1 {{attribute 'storage_order' must be 0 or 1, got -1}}
  %0:2 = graph.max_pool %x {kernel_shape = array<i64: 2, 2>, storage_order = -1 : i64} : (tensor<1x4x8x8xf32>) -> (tensor<1x4x7x7xf32>, tensor<1x4x7x7xi64>)
  return
}

// -----

func.func @max_pool_kernel_shape(%x: tensor<1x4x8x8xf32>) {
  // expected-error@+1 {{attribute 'kernel_shape' values must be positive}}
  %0:2 = graph.max_pool %x {kernel_shape = array<i64: 2, 0>} : (tensor<1x4x8x8xf32>) -> (tensor<1x4x7x?xf32>, tensor<1x4x7x?xi64>)
  return
}

// -----

func.func @max_pool_i32(%x: tensor<1x4x8x8xi32>) {
  // expected-error@+1 {{operand #0 must be ranked tensor of floating-point or 8-bit signless integer or 8-bit unsigned integer values}}
  %0:2 = graph.max_pool %x {kernel_shape = array<i64: 2, 2>} : (tensor<1x4x8x8xi32>) -> (tensor<1x4x7x7xi32>, tensor<1x4x7x7xi64>)
  return
}

// -----

func.func @average_pool_count_include_pad(%x: tensor<1x4x8x8xf32>) {
  // expected-error@+1 {{attribute 'count_include_pad' must be 0 or 1, got 3}}
  %0 = graph.average_pool %x {count_include_pad = 3 : i64, kernel_shape = array<i64: 2, 2>} : (tensor<1x4x8x8xf32>) -> tensor<1x4x7x7xf32>
  return
}

// -----

func.func @average_pool_strides_length(%x: tensor<1x4x8x8xf32>) {
  // expected-error@+1 {{attribute 'strides' must have 2 values, got 1}}
  %0 = graph.average_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2>} : (tensor<1x4x8x8xf32>) -> tensor<1x4x?x?xf32>
  return
}

// -----

func.func @lp_pool_p(%x: tensor<1x4x8x8xf32>) {
  // expected-error@+1 {{attribute 'p' must be positive, got 0}}
  %0 = graph.lp_pool %x {kernel_shape = array<i64: 2, 2>, p = 0 : i64} : (tensor<1x4x8x8xf32>) -> tensor<1x4x7x7xf32>
  return
}

// -----

func.func @global_pool_rank(%x: tensor<4xf32>) {
  // expected-error@+1 {{'input' must have rank at least 2 (N x C x ...), got 'tensor<4xf32>'}}
  %0 = graph.global_max_pool %x : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @global_lp_pool_p(%x: tensor<1x4x8x8xf32>) {
  // expected-error@+1 {{attribute 'p' must be positive, got -2}}
  %0 = graph.global_lp_pool %x {p = -2 : i64} : (tensor<1x4x8x8xf32>) -> tensor<1x4x1x1xf32>
  return
}

// -----

func.func @batch_norm_rank(%x: tensor<4xf32>, %c: tensor<4xf32>) {
  // expected-error@+1 {{'input' must have rank at least 2 (N x C x ...), got 'tensor<4xf32>'}}
  %0 = graph.batch_norm %x, %c, %c, %c, %c : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @batch_norm_mean(%x: tensor<?x4x8xf32>, %c: tensor<4xf32>, %m: tensor<3xf32>) {
  // expected-error@+1 {{'input_mean' must be a vector of 4 elements (one per channel), got 'tensor<3xf32>'}}
  %0 = graph.batch_norm %x, %c, %c, %m, %m : (tensor<?x4x8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<?x4x8xf32>
  return
}

// -----

func.func @batch_norm_epsilon(%x: tensor<?x4x8xf32>, %c: tensor<4xf32>) {
  // expected-error@+1 {{attribute 'epsilon' must be finite and non-negative, got -1.000000e+00}}
  %0 = graph.batch_norm %x, %c, %c, %c, %c {epsilon = -1.0 : f32} : (tensor<?x4x8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<?x4x8xf32>
  return
}

// -----

func.func @layer_norm_axis(%x: tensor<2x3xf32>, %s: tensor<3xf32>) {
  // expected-error@+1 {{attribute 'axis' must be in [-2, 2), got 2}}
  %0:3 = graph.layer_norm %x, %s {axis = 2 : i64} : (tensor<2x3xf32>, tensor<3xf32>) -> (tensor<2x3xf32>, tensor<?x?xf32>, tensor<?x?xf32>)
  return
}

// -----

func.func @layer_norm_stash_type(%x: tensor<2x3xf32>, %s: tensor<3xf32>) {
  // expected-error@+1 {{attribute 'stash_type' must be 1 (f32) or 16 (bf16), got 11}}
  %0:3 = graph.layer_norm %x, %s {stash_type = 11 : i64} : (tensor<2x3xf32>, tensor<3xf32>) -> (tensor<2x3xf32>, tensor<2x1xf32>, tensor<2x1xf32>)
  return
}

// -----

func.func @layer_norm_scale(%x: tensor<2x3xf32>, %s: tensor<2x3xf32>) {
  // expected-error@+1 {{'scale' of type 'tensor<2x3xf32>' does not broadcast to the normalized dimensions}}
  %0:3 = graph.layer_norm %x, %s : (tensor<2x3xf32>, tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x1xf32>, tensor<2x1xf32>)
  return
}

// -----

func.func @layer_norm_bias(%x: tensor<2x3xf32>, %s: tensor<3xf32>, %b: tensor<3xf16>) {
  // expected-error@+1 {{'bias' must have the element type of 'input'}}
  %0:3 = graph.layer_norm %x, %s, %b : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf16>) -> (tensor<2x3xf32>, tensor<2x1xf32>, tensor<2x1xf32>)
  return
}

// -----

func.func @instance_norm_rank(%x: tensor<2x3xf32>, %s: tensor<3xf32>) {
  // expected-error@+1 {{'input' must have rank at least 3 (N x C x ...), got 'tensor<2x3xf32>'}}
  %0 = graph.instance_norm %x, %s, %s : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @instance_norm_scale(%x: tensor<2x3x5xf32>, %s: tensor<1x3xf32>, %b: tensor<3xf32>) {
  // expected-error@+1 {{'scale' must be a vector of 3 elements (one per channel), got 'tensor<1x3xf32>'}}
  %0 = graph.instance_norm %x, %s, %b : (tensor<2x3x5xf32>, tensor<1x3xf32>, tensor<3xf32>) -> tensor<2x3x5xf32>
  return
}

// -----

func.func @group_norm_num_groups(%x: tensor<2x6x5xf32>, %s: tensor<6xf32>) {
  // expected-error@+1 {{attribute 'num_groups' must be positive, got 0}}
  %0 = graph.group_norm %x, %s, %s {num_groups = 0 : i64} : (tensor<2x6x5xf32>, tensor<6xf32>, tensor<6xf32>) -> tensor<2x6x5xf32>
  return
}

// -----

func.func @group_norm_channels(%x: tensor<2x6x5xf32>, %s: tensor<6xf32>) {
  // expected-error@+1 {{'input' has 6 channels, not a multiple of 4 groups}}
  %0 = graph.group_norm %x, %s, %s {num_groups = 4 : i64} : (tensor<2x6x5xf32>, tensor<6xf32>, tensor<6xf32>) -> tensor<2x6x5xf32>
  return
}

// -----

func.func @group_norm_bias(%x: tensor<2x6x5xf32>, %s: tensor<6xf32>, %b: tensor<3xf32>) {
  // expected-error@+1 {{'bias' must be a vector of 6 elements (one per channel), got 'tensor<3xf32>'}}
  %0 = graph.group_norm %x, %s, %b {num_groups = 3 : i64} : (tensor<2x6x5xf32>, tensor<6xf32>, tensor<3xf32>) -> tensor<2x6x5xf32>
  return
}

// -----

func.func @lrn_size(%x: tensor<2x6x5xf32>) {
  // expected-error@+1 {{attribute 'size' must be positive, got 0}}
  %0 = graph.lrn %x {size = 0 : i64} : (tensor<2x6x5xf32>) -> tensor<2x6x5xf32>
  return
}

// -----

func.func @lrn_missing_size(%x: tensor<2x6x5xf32>) {
  // expected-error@+1 {{requires attribute 'size'}}
  %0 = graph.lrn %x : (tensor<2x6x5xf32>) -> tensor<2x6x5xf32>
  return
}

// -----

func.func @mvn_axes_range(%x: tensor<2x6x5xf32>) {
  // expected-error@+1 {{attribute 'axes' value 3 is out of range for rank 3}}
  %0 = graph.mean_variance_normalization %x : (tensor<2x6x5xf32>) -> tensor<2x6x5xf32>
  return
}

// -----

func.func @mvn_axes_repeat(%x: tensor<2x6x5xf32>) {
  // expected-error@+1 {{attribute 'axes' repeats axis -1}}
  %0 = graph.mean_variance_normalization %x {axes = array<i64: 2, -1>} : (tensor<2x6x5xf32>) -> tensor<2x6x5xf32>
  return
}

// -----

func.func @softmax_axis(%x: tensor<2x6xf32>) {
  // expected-error@+1 {{attribute 'axis' must be in [-2, 2), got -3}}
  %0 = graph.softmax %x {axis = -3 : i64} : (tensor<2x6xf32>) -> tensor<2x6xf32>
  return
}

// -----

func.func @hardmax_scalar(%x: tensor<f32>) {
  // expected-error@+1 {{attribute 'axis' must be in [0, 0), got -1}}
  %0 = graph.hardmax %x : (tensor<f32>) -> tensor<f32>
  return
}
