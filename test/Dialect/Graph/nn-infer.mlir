// Inferred result types, exactly: each case writes a result type of the
// wrong rank so that the error shows the inferred one. The expected sizes
// are what onnx.shape_inference (libonnx 1.12) gives the same ONNX node.
// RUN: tensor-opt %s -split-input-file -verify-diagnostics

func.func @conv_same_upper(%x: tensor<1x3x224x224xf32>, %w: tensor<64x3x7x7xf32>) {
  // expected-error@+2 {{inferred type(s) 'tensor<1x64x112x112xf32>' are incompatible with return type(s) of operation 'tensor<f32>'}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.conv %x, %w {auto_pad = "SAME_UPPER", strides = array<i64: 2, 2>} : (tensor<1x3x224x224xf32>, tensor<64x3x7x7xf32>) -> tensor<f32>
  return
}

// -----

func.func @conv_same_lower(%x: tensor<1x3x225x224xf32>, %w: tensor<64x3x7x7xf32>) {
  // expected-error@+2 {{inferred type(s) 'tensor<1x64x113x75xf32>' are incompatible with return type(s) of operation 'tensor<f32>'}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.conv %x, %w {auto_pad = "SAME_LOWER", strides = array<i64: 2, 3>} : (tensor<1x3x225x224xf32>, tensor<64x3x7x7xf32>) -> tensor<f32>
  return
}

// -----

func.func @conv_grouped_dilated(%x: tensor<?x4x10x11xf32>, %w: tensor<8x2x3x3xf32>) {
  // expected-error@+2 {{inferred type(s) 'tensor<?x8x5x6xf32>' are incompatible with return type(s) of operation 'tensor<f32>'}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.conv %x, %w {dilations = array<i64: 2, 3>, group = 2 : i64, pads = array<i64: 1, 0, 2, 1>, strides = array<i64: 2, 1>} : (tensor<?x4x10x11xf32>, tensor<8x2x3x3xf32>) -> tensor<f32>
  return
}

// -----

func.func @conv_valid_1d(%x: tensor<1x4x10xf32>, %w: tensor<8x4x4xf32>) {
  // expected-error@+2 {{inferred type(s) 'tensor<1x8x3xf32>' are incompatible with return type(s) of operation 'tensor<f32>'}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.conv %x, %w {auto_pad = "VALID", strides = array<i64: 3>} : (tensor<1x4x10xf32>, tensor<8x4x4xf32>) -> tensor<f32>
  return
}

// -----

func.func @conv_dynamic_kernel(%x: tensor<1x4x10x10xf32>, %w: tensor<8x4x?x3xf32>) {
  // expected-error@+2 {{inferred type(s) 'tensor<1x8x?x8xf32>' are incompatible with return type(s) of operation 'tensor<f32>'}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.conv %x, %w : (tensor<1x4x10x10xf32>, tensor<8x4x?x3xf32>) -> tensor<f32>
  return
}

// -----

func.func @max_pool_ceil(%x: tensor<1x1x5x5xf32>) {
  // expected-error@+2 {{inferred type(s) 'tensor<1x1x3x3xf32>', 'tensor<1x1x3x3xi64>' are incompatible with return type(s) of operation 'tensor<f32>', 'tensor<i64>'}}
  // expected-error@+1 {{failed to infer returned types}}
  %0:2 = graph.max_pool %x {ceil_mode = 1 : i64, kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x1x5x5xf32>) -> (tensor<f32>, tensor<i64>)
  return
}

// -----

func.func @max_pool_same_ceil(%x: tensor<1x1x4x4xf32>) {
  // expected-error@+2 {{inferred type(s) 'tensor<1x1x3x3xf32>', 'tensor<1x1x3x3xi64>' are incompatible with return type(s) of operation 'tensor<f32>', 'tensor<i64>'}}
  // expected-error@+1 {{failed to infer returned types}}
  %0:2 = graph.max_pool %x {auto_pad = "SAME_UPPER", ceil_mode = 1 : i64, kernel_shape = array<i64: 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x1x4x4xf32>) -> (tensor<f32>, tensor<i64>)
  return
}

// -----

func.func @max_pool_same_lower(%x: tensor<1x1x32x?xf32>) {
  // expected-error@+2 {{inferred type(s) 'tensor<1x1x11x?xf32>', 'tensor<1x1x11x?xi64>' are incompatible with return type(s) of operation 'tensor<f32>', 'tensor<i64>'}}
  // expected-error@+1 {{failed to infer returned types}}
  %0:2 = graph.max_pool %x {auto_pad = "SAME_LOWER", kernel_shape = array<i64: 5, 5>, strides = array<i64: 3, 3>} : (tensor<1x1x32x?xf32>) -> (tensor<f32>, tensor<i64>)
  return
}

// -----

func.func @average_pool_pads_ceil(%x: tensor<1x3x32x31xf32>) {
  // expected-error@+2 {{inferred type(s) 'tensor<1x3x17x16xf32>' are incompatible with return type(s) of operation 'tensor<f32>'}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.average_pool %x {ceil_mode = 1 : i64, kernel_shape = array<i64: 3, 2>, pads = array<i64: 1, 0, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x3x32x31xf32>) -> tensor<f32>
  return
}

// -----

func.func @lp_pool_valid(%x: tensor<1x3x32x31xf32>) {
  // expected-error@+2 {{inferred type(s) 'tensor<1x3x15x15xf32>' are incompatible with return type(s) of operation 'tensor<f32>'}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.lp_pool %x {auto_pad = "VALID", kernel_shape = array<i64: 3, 2>, strides = array<i64: 2, 2>} : (tensor<1x3x32x31xf32>) -> tensor<f32>
  return
}

// -----

func.func @global_pool(%x: tensor<?x3x32x?x7xf32>) {
  // expected-error@+2 {{inferred type(s) 'tensor<?x3x1x1x1xf32>' are incompatible with return type(s) of operation 'tensor<f32>'}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.global_average_pool %x : (tensor<?x3x32x?x7xf32>) -> tensor<f32>
  return
}

// -----

func.func @conv_transpose_same_small_kernel(%x: tensor<1x1x3x3xf32>, %w: tensor<1x2x1x1xf32>) {
  // expected-error@+2 {{inferred type(s) 'tensor<1x2x5x5xf32>' are incompatible with return type(s) of operation 'tensor<f32>'}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.conv_transpose %x, %w {auto_pad = "SAME_UPPER", strides = array<i64: 2, 2>} : (tensor<1x1x3x3xf32>, tensor<1x2x1x1xf32>) -> tensor<f32>
  return
}

// -----

func.func @conv_transpose_same_output_padding(%x: tensor<1x1x3x3xf32>, %w: tensor<1x2x3x3xf32>) {
  // expected-error@+2 {{inferred type(s) 'tensor<1x2x7x6xf32>' are incompatible with return type(s) of operation 'tensor<f32>'}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.conv_transpose %x, %w {auto_pad = "SAME_LOWER", output_padding = array<i64: 1, 0>, strides = array<i64: 2, 2>} : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<f32>
  return
}

// -----

func.func @conv_transpose_pads_dilations(%x: tensor<?x3x3x4xf32>, %w: tensor<3x2x3x3xf32>) {
  // expected-error@+2 {{inferred type(s) 'tensor<?x6x7x7xf32>' are incompatible with return type(s) of operation 'tensor<f32>'}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.conv_transpose %x, %w {dilations = array<i64: 1, 2>, group = 3 : i64, pads = array<i64: 1, 2, 1, 2>, strides = array<i64: 3, 2>} : (tensor<?x3x3x4xf32>, tensor<3x2x3x3xf32>) -> tensor<f32>
  return
}

// -----

func.func @matmul_broadcast(%x: tensor<?x1x5x3xf32>, %w: tensor<4x3x2xf32>) {
  // expected-error@+2 {{inferred type(s) 'tensor<?x4x5x2xf32>' are incompatible with return type(s) of operation 'tensor<f32>'}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.matmul %x, %w : (tensor<?x1x5x3xf32>, tensor<4x3x2xf32>) -> tensor<f32>
  return
}

// -----

func.func @matmul_vector(%x: tensor<3xf32>, %w: tensor<2x3x4xf32>) {
  // expected-error@+2 {{inferred type(s) 'tensor<2x4xf32>' are incompatible with return type(s) of operation 'tensor<f32>'}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.matmul %x, %w : (tensor<3xf32>, tensor<2x3x4xf32>) -> tensor<f32>
  return
}

// -----

func.func @gemm_transposed(%x: tensor<5x3xf32>, %w: tensor<4x5xf32>) {
  // expected-error@+2 {{inferred type(s) 'tensor<3x4xf32>' are incompatible with return type(s) of operation 'tensor<f32>'}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.gemm %x, %w {trans_a = 1 : i64, trans_b = 1 : i64} : (tensor<5x3xf32>, tensor<4x5xf32>) -> tensor<f32>
  return
}

// -----

func.func @layer_norm_axis(%x: tensor<2x5x6xf16>, %w: tensor<5x6xf16>) {
  // expected-error@+2 {{inferred type(s) 'tensor<2x5x6xf16>', 'tensor<2x1x1xf32>', 'tensor<2x1x1xf32>' are incompatible with return type(s) of operation 'tensor<f16>', 'tensor<f32>', 'tensor<f32>'}}
  // expected-error@+1 {{failed to infer returned types}}
  %0:3 = graph.layer_norm %x, %w {axis = -2 : i64} : (tensor<2x5x6xf16>, tensor<5x6xf16>) -> (tensor<f16>, tensor<f32>, tensor<f32>)
  return
}
