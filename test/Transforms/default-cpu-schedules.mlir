// RUN: tensor-opt %s --tessera-default-cpu-schedules --split-input-file | FileCheck %s

// A matmul whose sizes the tiles divide: 128x128 thread tiles (the whole
// height: four tiles are enough for the threads), a K loop of 256, 8x32
// register tiles vectorized, the accumulator carried through the K loop in
// registers.
// CHECK-LABEL: func.func @matmul
// CHECK: scf.forall ({{.*}}) in (4) {{.*}} -> (tensor<128x512xf32>)
// CHECK: scf.for {{.*}} step %c256
// CHECK: scf.for {{.*}} step %c8
// CHECK: scf.for {{.*}} step %c32
// CHECK: %[[ACC:.*]] = vector.transfer_read {{.*}} vector<8x32xf32>
// CHECK: scf.for {{.*}} iter_args({{.*}}, %{{.*}} = %[[ACC]]) -> (tensor<{{.*}}>, vector<8x32xf32>)
// CHECK: arith.mulf {{.*}} : vector<8x32xf32>
// CHECK: arith.addf {{.*}} : vector<8x32xf32>
// CHECK-NOT: linalg.matmul
func.func @matmul(%a: tensor<128x512xf32>, %b: tensor<512x512xf32>, %c: tensor<128x512xf32>) -> tensor<128x512xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<128x512xf32>, tensor<512x512xf32>) outs(%c : tensor<128x512xf32>) -> tensor<128x512xf32>
  return %0 : tensor<128x512xf32>
}

// -----

// N = 49 has no divisor of a useful vector length: the register loop over N
// is peeled; the full tile is plain vectors, the 8x17 rest masked ones. The
// 16 rows split in two 8-row tiles for the threads.
// CHECK-LABEL: func.func @ragged
// CHECK: scf.forall ({{.*}}) in (2)
// CHECK: vector.transfer_read %{{.*}}[%c0, %c0], %{{.*}} {in_bounds = [true, true]} : tensor<8x49xf32>, vector<8x32xf32>
// CHECK: vector.transfer_write {{.*}} : vector<8x32xf32>, tensor<8x49xf32>
// CHECK: vector.transfer_read %{{.*}}[%c0, %c0], %{{.*}}, %[[MASK:.*]] {in_bounds = [true, true]} : tensor<8x17xf32>, vector<8x32xf32>
// CHECK: vector.transfer_write %{{.*}}, %{{.*}}[%c0, %c0], %[[MASK]] {in_bounds = [true, true]} : vector<8x32xf32>, tensor<8x17xf32>
func.func @ragged(%a: tensor<16x64xf32>, %b: tensor<64x49xf32>, %c: tensor<16x49xf32>) -> tensor<16x49xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<16x64xf32>, tensor<64x49xf32>) outs(%c : tensor<16x49xf32>) -> tensor<16x49xf32>
  return %0 : tensor<16x49xf32>
}

// -----

// Convolutions become contractions: 1x1 with unit strides directly on the
// collapsed input, others through a copy of the input windows into an
// [n, c, kh, kw, oh, ow] tensor (split across threads along c), collapsed.
// CHECK-LABEL: func.func @pointwise
// CHECK: tensor.collapse_shape %arg0 {{\[}}[0], [1], [2, 3]] : tensor<1x32x8x8xf32> into tensor<1x32x64xf32>
// CHECK-NOT: linalg.conv_2d_nchw_fchw
// CHECK: vector<8x32xf32>
// CHECK: tensor.expand_shape
// CHECK-LABEL: func.func @im2col
// CHECK: scf.forall ({{.*}}) in (8) {{.*}} -> (tensor<1x8x3x3x8x8xf32>)
// CHECK: linalg.generic {{.*}} ins(%{{.*}} : tensor<1x1x10x10xf32>) outs(%{{.*}} : tensor<1x1x3x3x8x8xf32>)
// CHECK: tensor.collapse_shape %{{.*}} {{\[}}[0], [1, 2, 3], [4, 5]] : tensor<1x8x3x3x8x8xf32> into tensor<1x72x64xf32>
// CHECK-NOT: linalg.conv_2d_nchw_fchw
// CHECK: vector<8x32xf32>
func.func @pointwise(%x: tensor<1x32x8x8xf32>, %w: tensor<16x32x1x1xf32>, %init: tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32> {
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x32x8x8xf32>, tensor<16x32x1x1xf32>) outs(%init : tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}
func.func @im2col(%x: tensor<1x8x10x10xf32>, %w: tensor<16x8x3x3xf32>, %init: tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32> {
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x8x10x10xf32>, tensor<16x8x3x3xf32>) outs(%init : tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

// -----

// Integer contractions and dynamic shapes are not vectorized, only split
// across threads along their outermost parallel dimension (8 chunks).
// CHECK-LABEL: func.func @untouched
// CHECK: scf.forall ({{.*}}) in (8)
// CHECK: linalg.matmul ins(%{{.*}}, %arg1 : tensor<1x8xi32>, tensor<8x8xi32>)
// CHECK: scf.forall ({{.*}}) in (8)
// CHECK: linalg.matmul ins(%{{.*}}, %arg4 : tensor<?x8xf32>, tensor<8x8xf32>)
// CHECK-NOT: vector.
func.func @untouched(%a: tensor<8x8xi32>, %b: tensor<8x8xi32>, %c: tensor<8x8xi32>, %d: tensor<?x8xf32>, %e: tensor<8x8xf32>, %f: tensor<?x8xf32>) -> (tensor<8x8xi32>, tensor<?x8xf32>) {
  %0 = linalg.matmul ins(%a, %b : tensor<8x8xi32>, tensor<8x8xi32>) outs(%c : tensor<8x8xi32>) -> tensor<8x8xi32>
  %1 = linalg.matmul ins(%d, %e : tensor<?x8xf32>, tensor<8x8xf32>) outs(%f : tensor<?x8xf32>) -> tensor<?x8xf32>
  return %0, %1 : tensor<8x8xi32>, tensor<?x8xf32>
}
