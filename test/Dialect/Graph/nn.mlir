// Neural-network operators print and parse back, with static and dynamic
// dimensions; result types are inferred (nn-infer.mlir pins the inferred
// types exactly).
// RUN: tensor-opt %s | tensor-opt | FileCheck %s

// CHECK-LABEL: func.func @matmul
func.func @matmul(%a: tensor<?x8x16xf32>, %b: tensor<16x4xf32>, %v: tensor<16xf32>, %c: tensor<3x1x?x16xi64>, %d: tensor<5x16x2xi64>) {
  // CHECK: graph.matmul %{{.*}}, %{{.*}} : (tensor<?x8x16xf32>, tensor<16x4xf32>) -> tensor<?x8x4xf32>
  %0 = graph.matmul %a, %b : (tensor<?x8x16xf32>, tensor<16x4xf32>) -> tensor<?x8x4xf32>
  // CHECK: graph.matmul %{{.*}}, %{{.*}} : (tensor<?x8x16xf32>, tensor<16xf32>) -> tensor<?x8xf32>
  %1 = graph.matmul %a, %v : (tensor<?x8x16xf32>, tensor<16xf32>) -> tensor<?x8xf32>
  // CHECK: graph.matmul %{{.*}}, %{{.*}} : (tensor<16xf32>, tensor<16x4xf32>) -> tensor<4xf32>
  %2 = graph.matmul %v, %b : (tensor<16xf32>, tensor<16x4xf32>) -> tensor<4xf32>
  // CHECK: graph.matmul %{{.*}}, %{{.*}} : (tensor<16xf32>, tensor<16xf32>) -> tensor<f32>
  %3 = graph.matmul %v, %v : (tensor<16xf32>, tensor<16xf32>) -> tensor<f32>
  // CHECK: graph.matmul %{{.*}}, %{{.*}} : (tensor<3x1x?x16xi64>, tensor<5x16x2xi64>) -> tensor<3x5x?x2xi64>
  %4 = graph.matmul %c, %d : (tensor<3x1x?x16xi64>, tensor<5x16x2xi64>) -> tensor<3x5x?x2xi64>
  return
}

// CHECK-LABEL: func.func @gemm
func.func @gemm(%a: tensor<?x256xf32>, %b: tensor<10x256xf32>, %c: tensor<10xf32>, %at: tensor<256x?xf32>, %s: tensor<f32>) {
  // CHECK: graph.gemm %{{.*}}, %{{.*}}, %{{.*}} {alpha = 5.000000e-01 : f32, trans_b = 1 : i64} : (tensor<?x256xf32>, tensor<10x256xf32>, tensor<10xf32>) -> tensor<?x10xf32>
  %0 = graph.gemm %a, %b, %c {alpha = 0.5 : f32, trans_b = 1 : i64} : (tensor<?x256xf32>, tensor<10x256xf32>, tensor<10xf32>) -> tensor<?x10xf32>
  // CHECK: graph.gemm %{{.*}}, %{{.*}} {beta = 0.000000e+00 : f32, trans_a = 1 : i64, trans_b = 1 : i64} : (tensor<256x?xf32>, tensor<10x256xf32>) -> tensor<?x10xf32>
  %1 = graph.gemm %at, %b {beta = 0.0 : f32, trans_a = 1 : i64, trans_b = 1 : i64} : (tensor<256x?xf32>, tensor<10x256xf32>) -> tensor<?x10xf32>
  // A written type may refine the dynamic M.
  // CHECK: graph.gemm %{{.*}}, %{{.*}}, %{{.*}} {trans_b = 1 : i64} : (tensor<?x256xf32>, tensor<10x256xf32>, tensor<f32>) -> tensor<4x10xf32>
  %2 = graph.gemm %a, %b, %s {trans_b = 1 : i64} : (tensor<?x256xf32>, tensor<10x256xf32>, tensor<f32>) -> tensor<4x10xf32>
  return
}

// CHECK-LABEL: func.func @quantized_matmul
func.func @quantized_matmul(%a: tensor<?x3xui8>, %b: tensor<3x2xi8>, %za: tensor<ui8>, %zb: tensor<2xi8>, %sa: tensor<f32>, %sy: tensor<f32>, %zy: tensor<i8>) {
  // CHECK: graph.matmul_integer %{{.*}}, %{{.*}} : (tensor<?x3xui8>, tensor<3x2xi8>) -> tensor<?x2xi32>
  %0 = graph.matmul_integer %a, %b : (tensor<?x3xui8>, tensor<3x2xi8>) -> tensor<?x2xi32>
  // CHECK: graph.matmul_integer %{{.*}}, %{{.*}} lhs_zero_point(%{{.*}}) rhs_zero_point(%{{.*}}) : (tensor<?x3xui8>, tensor<3x2xi8>, tensor<ui8>, tensor<2xi8>) -> tensor<?x2xi32>
  %1 = graph.matmul_integer %a, %b lhs_zero_point(%za) rhs_zero_point(%zb) : (tensor<?x3xui8>, tensor<3x2xi8>, tensor<ui8>, tensor<2xi8>) -> tensor<?x2xi32>
  // CHECK: graph.matmul_integer %{{.*}}, %{{.*}} rhs_zero_point(%{{.*}}) : (tensor<?x3xui8>, tensor<3x2xi8>, tensor<2xi8>) -> tensor<?x2xi32>
  %2 = graph.matmul_integer %a, %b rhs_zero_point(%zb) : (tensor<?x3xui8>, tensor<3x2xi8>, tensor<2xi8>) -> tensor<?x2xi32>
  // CHECK: graph.qlinear_matmul %{{.*}} : (tensor<?x3xui8>, tensor<f32>, tensor<ui8>, tensor<3x2xi8>, tensor<f32>, tensor<2xi8>, tensor<f32>, tensor<i8>) -> tensor<?x2xi8>
  %3 = graph.qlinear_matmul %a, %sa, %za, %b, %sa, %zb, %sy, %zy : (tensor<?x3xui8>, tensor<f32>, tensor<ui8>, tensor<3x2xi8>, tensor<f32>, tensor<2xi8>, tensor<f32>, tensor<i8>) -> tensor<?x2xi8>
  return
}

// CHECK-LABEL: func.func @conv
func.func @conv(%x: tensor<?x3x224x224xf32>, %w: tensor<64x3x7x7xf32>, %b: tensor<64xf32>, %x1: tensor<1x4x?xf64>, %w1: tensor<8x2x3xf64>, %x3: tensor<2x2x5x?x6xf16>, %w3: tensor<4x2x3x3x3xf16>) {
  // CHECK: graph.conv %{{.*}}, %{{.*}}, %{{.*}} {pads = array<i64: 3, 3, 3, 3>, strides = array<i64: 2, 2>} : (tensor<?x3x224x224xf32>, tensor<64x3x7x7xf32>, tensor<64xf32>) -> tensor<?x64x112x112xf32>
  %0 = graph.conv %x, %w, %b {pads = array<i64: 3, 3, 3, 3>, strides = array<i64: 2, 2>} : (tensor<?x3x224x224xf32>, tensor<64x3x7x7xf32>, tensor<64xf32>) -> tensor<?x64x112x112xf32>
  // CHECK: graph.conv %{{.*}}, %{{.*}} {auto_pad = "SAME_UPPER", kernel_shape = array<i64: 7, 7>, strides = array<i64: 2, 2>} : (tensor<?x3x224x224xf32>, tensor<64x3x7x7xf32>) -> tensor<?x64x112x112xf32>
  %1 = graph.conv %x, %w {auto_pad = "SAME_UPPER", kernel_shape = array<i64: 7, 7>, strides = array<i64: 2, 2>} : (tensor<?x3x224x224xf32>, tensor<64x3x7x7xf32>) -> tensor<?x64x112x112xf32>
  // 1-D, grouped, dilated, dynamic width.
  // CHECK: graph.conv %{{.*}}, %{{.*}} {dilations = array<i64: 2>, group = 2 : i64} : (tensor<1x4x?xf64>, tensor<8x2x3xf64>) -> tensor<1x8x?xf64>
  %2 = graph.conv %x1, %w1 {dilations = array<i64: 2>, group = 2 : i64} : (tensor<1x4x?xf64>, tensor<8x2x3xf64>) -> tensor<1x8x?xf64>
  // 3-D, VALID.
  // CHECK: graph.conv %{{.*}}, %{{.*}} {auto_pad = "VALID"} : (tensor<2x2x5x?x6xf16>, tensor<4x2x3x3x3xf16>) -> tensor<2x4x3x?x4xf16>
  %3 = graph.conv %x3, %w3 {auto_pad = "VALID"} : (tensor<2x2x5x?x6xf16>, tensor<4x2x3x3x3xf16>) -> tensor<2x4x3x?x4xf16>
  return
}

// CHECK-LABEL: func.func @conv_integer
func.func @conv_integer(%x: tensor<1x1x3x3xui8>, %w: tensor<1x1x2x2xui8>, %zx: tensor<ui8>, %zw: tensor<1xui8>) {
  // CHECK: graph.conv_integer %{{.*}}, %{{.*}} input_zero_point(%{{.*}}) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x1x3x3xui8>, tensor<1x1x2x2xui8>, tensor<ui8>) -> tensor<1x1x4x4xi32>
  %0 = graph.conv_integer %x, %w input_zero_point(%zx) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x1x3x3xui8>, tensor<1x1x2x2xui8>, tensor<ui8>) -> tensor<1x1x4x4xi32>
  // CHECK: graph.conv_integer %{{.*}}, %{{.*}} input_zero_point(%{{.*}}) weight_zero_point(%{{.*}}) : (tensor<1x1x3x3xui8>, tensor<1x1x2x2xui8>, tensor<ui8>, tensor<1xui8>) -> tensor<1x1x2x2xi32>
  %1 = graph.conv_integer %x, %w input_zero_point(%zx) weight_zero_point(%zw) : (tensor<1x1x3x3xui8>, tensor<1x1x2x2xui8>, tensor<ui8>, tensor<1xui8>) -> tensor<1x1x2x2xi32>
  return
}

// CHECK-LABEL: func.func @qlinear_conv
func.func @qlinear_conv(%x: tensor<?x2x7x7xui8>, %s: tensor<f32>, %zx: tensor<ui8>, %w: tensor<4x2x3x3xi8>, %sw: tensor<4xf32>, %zw: tensor<i8>, %zy: tensor<i8>, %b: tensor<4xi32>) {
  // CHECK: graph.qlinear_conv %{{.*}} {strides = array<i64: 2, 2>} : (tensor<?x2x7x7xui8>, tensor<f32>, tensor<ui8>, tensor<4x2x3x3xi8>, tensor<4xf32>, tensor<i8>, tensor<f32>, tensor<i8>, tensor<4xi32>) -> tensor<?x4x3x3xi8>
  %0 = graph.qlinear_conv %x, %s, %zx, %w, %sw, %zw, %s, %zy, %b {strides = array<i64: 2, 2>} : (tensor<?x2x7x7xui8>, tensor<f32>, tensor<ui8>, tensor<4x2x3x3xi8>, tensor<4xf32>, tensor<i8>, tensor<f32>, tensor<i8>, tensor<4xi32>) -> tensor<?x4x3x3xi8>
  return
}

// CHECK-LABEL: func.func @conv_transpose
func.func @conv_transpose(%x: tensor<?x16x7x?xf32>, %w: tensor<16x8x2x2xf32>, %b: tensor<16xf32>, %x2: tensor<1x1x3x3xf32>, %w2: tensor<1x2x3x3xf32>) {
  // CHECK: graph.conv_transpose %{{.*}}, %{{.*}} {strides = array<i64: 2, 2>} : (tensor<?x16x7x?xf32>, tensor<16x8x2x2xf32>) -> tensor<?x8x14x?xf32>
  %0 = graph.conv_transpose %x, %w {strides = array<i64: 2, 2>} : (tensor<?x16x7x?xf32>, tensor<16x8x2x2xf32>) -> tensor<?x8x14x?xf32>
  // CHECK: graph.conv_transpose %{{.*}}, %{{.*}}, %{{.*}} {group = 2 : i64} : (tensor<?x16x7x?xf32>, tensor<16x8x2x2xf32>, tensor<16xf32>) -> tensor<?x16x8x?xf32>
  %1 = graph.conv_transpose %x, %w, %b {group = 2 : i64} : (tensor<?x16x7x?xf32>, tensor<16x8x2x2xf32>, tensor<16xf32>) -> tensor<?x16x8x?xf32>
  // CHECK: graph.conv_transpose %{{.*}}, %{{.*}} {output_padding = array<i64: 1, 1>, strides = array<i64: 3, 2>} : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x10x8xf32>
  %2 = graph.conv_transpose %x2, %w2 {output_padding = array<i64: 1, 1>, strides = array<i64: 3, 2>} : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x10x8xf32>
  // CHECK: graph.conv_transpose %{{.*}}, %{{.*}} {output_shape = array<i64: 10, 8>, strides = array<i64: 3, 2>} : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x10x8xf32>
  %3 = graph.conv_transpose %x2, %w2 {output_shape = array<i64: 10, 8>, strides = array<i64: 3, 2>} : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x10x8xf32>
  // CHECK: graph.conv_transpose %{{.*}}, %{{.*}} {auto_pad = "SAME_UPPER", strides = array<i64: 2, 2>} : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x6x6xf32>
  %4 = graph.conv_transpose %x2, %w2 {auto_pad = "SAME_UPPER", strides = array<i64: 2, 2>} : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x6x6xf32>
  // CHECK: graph.conv_transpose %{{.*}}, %{{.*}} {dilations = array<i64: 2, 2>, pads = array<i64: 1, 2, 1, 2>} : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x5x3xf32>
  %5 = graph.conv_transpose %x2, %w2 {dilations = array<i64: 2, 2>, pads = array<i64: 1, 2, 1, 2>} : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x5x3xf32>
  return
}

// CHECK-LABEL: func.func @pooling
func.func @pooling(%x: tensor<?x64x112x112xf32>, %y: tensor<1x3x?x32xf16>, %q: tensor<1x1x5x5xui8>) {
  // CHECK: graph.max_pool %{{.*}} {kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<?x64x112x112xf32>) -> (tensor<?x64x56x56xf32>, tensor<?x64x56x56xi64>)
  %0:2 = graph.max_pool %x {kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<?x64x112x112xf32>) -> (tensor<?x64x56x56xf32>, tensor<?x64x56x56xi64>)
  // CHECK: graph.max_pool %{{.*}} {ceil_mode = 1 : i64, dilations = array<i64: 2, 1>, kernel_shape = array<i64: 2, 2>, storage_order = 1 : i64, strides = array<i64: 2, 2>} : (tensor<1x1x5x5xui8>) -> (tensor<1x1x2x3xui8>, tensor<1x1x2x3xi64>)
  %1:2 = graph.max_pool %q {ceil_mode = 1 : i64, dilations = array<i64: 2, 1>, kernel_shape = array<i64: 2, 2>, storage_order = 1 : i64, strides = array<i64: 2, 2>} : (tensor<1x1x5x5xui8>) -> (tensor<1x1x2x3xui8>, tensor<1x1x2x3xi64>)
  // CHECK: graph.average_pool %{{.*}} {auto_pad = "SAME_LOWER", count_include_pad = 1 : i64, kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>} : (tensor<1x3x?x32xf16>) -> tensor<1x3x?x16xf16>
  %2 = graph.average_pool %y {auto_pad = "SAME_LOWER", count_include_pad = 1 : i64, kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>} : (tensor<1x3x?x32xf16>) -> tensor<1x3x?x16xf16>
  // CHECK: graph.lp_pool %{{.*}} {kernel_shape = array<i64: 3, 2>, p = 3 : i64} : (tensor<1x3x?x32xf16>) -> tensor<1x3x?x31xf16>
  %3 = graph.lp_pool %y {kernel_shape = array<i64: 3, 2>, p = 3 : i64} : (tensor<1x3x?x32xf16>) -> tensor<1x3x?x31xf16>
  // CHECK: graph.global_average_pool %{{.*}} : (tensor<?x64x112x112xf32>) -> tensor<?x64x1x1xf32>
  %4 = graph.global_average_pool %x : (tensor<?x64x112x112xf32>) -> tensor<?x64x1x1xf32>
  // CHECK: graph.global_max_pool %{{.*}} : (tensor<1x3x?x32xf16>) -> tensor<1x3x1x1xf16>
  %5 = graph.global_max_pool %y : (tensor<1x3x?x32xf16>) -> tensor<1x3x1x1xf16>
  // CHECK: graph.global_lp_pool %{{.*}} {p = 1 : i64} : (tensor<1x3x?x32xf16>) -> tensor<1x3x1x1xf16>
  %6 = graph.global_lp_pool %y {p = 1 : i64} : (tensor<1x3x?x32xf16>) -> tensor<1x3x1x1xf16>
  return
}

// CHECK-LABEL: func.func @normalization
func.func @normalization(%x: tensor<?x64x?x?xf32>, %c: tensor<64xf32>, %h: tensor<?x128x768xbf16>, %g: tensor<768xbf16>, %gh: tensor<128x768xbf16>) {
  // CHECK: graph.batch_norm %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} {epsilon = 1.000000e-03 : f32} : (tensor<?x64x?x?xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<?x64x?x?xf32>
  %0 = graph.batch_norm %x, %c, %c, %c, %c {epsilon = 1.0e-3 : f32} : (tensor<?x64x?x?xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<?x64x?x?xf32>
  // CHECK: graph.layer_norm %{{.*}}, %{{.*}}, %{{.*}} : (tensor<?x128x768xbf16>, tensor<768xbf16>, tensor<768xbf16>) -> (tensor<?x128x768xbf16>, tensor<?x128x1xf32>, tensor<?x128x1xf32>)
  %1:3 = graph.layer_norm %h, %g, %g : (tensor<?x128x768xbf16>, tensor<768xbf16>, tensor<768xbf16>) -> (tensor<?x128x768xbf16>, tensor<?x128x1xf32>, tensor<?x128x1xf32>)
  // CHECK: graph.layer_norm %{{.*}}, %{{.*}} {axis = 1 : i64, stash_type = 16 : i64} : (tensor<?x128x768xbf16>, tensor<128x768xbf16>) -> (tensor<?x128x768xbf16>, tensor<?x1x1xbf16>, tensor<?x1x1xbf16>)
  %2:3 = graph.layer_norm %h, %gh {axis = 1 : i64, stash_type = 16 : i64} : (tensor<?x128x768xbf16>, tensor<128x768xbf16>) -> (tensor<?x128x768xbf16>, tensor<?x1x1xbf16>, tensor<?x1x1xbf16>)
  // CHECK: graph.instance_norm %{{.*}}, %{{.*}}, %{{.*}} : (tensor<?x64x?x?xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<?x64x?x?xf32>
  %3 = graph.instance_norm %x, %c, %c : (tensor<?x64x?x?xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<?x64x?x?xf32>
  // CHECK: graph.group_norm %{{.*}}, %{{.*}}, %{{.*}} {num_groups = 32 : i64} : (tensor<?x64x?x?xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<?x64x?x?xf32>
  %4 = graph.group_norm %x, %c, %c {num_groups = 32 : i64} : (tensor<?x64x?x?xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<?x64x?x?xf32>
  // CHECK: graph.lrn %{{.*}} {alpha = 2.000000e-04 : f32, size = 5 : i64} : (tensor<?x64x?x?xf32>) -> tensor<?x64x?x?xf32>
  %5 = graph.lrn %x {alpha = 2.0e-4 : f32, size = 5 : i64} : (tensor<?x64x?x?xf32>) -> tensor<?x64x?x?xf32>
  // CHECK: graph.mean_variance_normalization %{{.*}} : (tensor<?x64x?x?xf32>) -> tensor<?x64x?x?xf32>
  %6 = graph.mean_variance_normalization %x : (tensor<?x64x?x?xf32>) -> tensor<?x64x?x?xf32>
  // CHECK: graph.mean_variance_normalization %{{.*}} {axes = array<i64: -1>} : (tensor<?x128x768xbf16>) -> tensor<?x128x768xbf16>
  %7 = graph.mean_variance_normalization %h {axes = array<i64: -1>} : (tensor<?x128x768xbf16>) -> tensor<?x128x768xbf16>
  return
}

// CHECK-LABEL: func.func @softmax
func.func @softmax(%x: tensor<?x10xf32>, %y: tensor<4x?x3xf64>) {
  // CHECK: graph.softmax %{{.*}} : (tensor<?x10xf32>) -> tensor<?x10xf32>
  %0 = graph.softmax %x : (tensor<?x10xf32>) -> tensor<?x10xf32>
  // CHECK: graph.log_softmax %{{.*}} {axis = 1 : i64} : (tensor<4x?x3xf64>) -> tensor<4x?x3xf64>
  %1 = graph.log_softmax %y {axis = 1 : i64} : (tensor<4x?x3xf64>) -> tensor<4x?x3xf64>
  // CHECK: graph.hardmax %{{.*}} {axis = -3 : i64} : (tensor<4x?x3xf64>) -> tensor<4x?x3xf64>
  %2 = graph.hardmax %y {axis = -3 : i64} : (tensor<4x?x3xf64>) -> tensor<4x?x3xf64>
  return
}
