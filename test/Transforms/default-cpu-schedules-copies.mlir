// RUN: tensor-opt %s --tessera-default-cpu-schedules --split-input-file | FileCheck %s

// Window copies into panels of output positions (in[c, oh + kh, ow * 8 +
// kw + j]: the row j shifted by a sum of loops) move rows of 8 as vectors
// of 8, half a vector register of 16.
// CHECK-LABEL: func.func @panels_of_8
// CHECK: scf.forall ({{.*}}) in (8) {{.*}} -> (tensor<16x2x1x64x3x3x8xf32>)
// CHECK: scf.for
// CHECK: %[[ROW:.*]] = vector.transfer_read %arg0{{.*}} : tensor<1x64x18x18xf32>, vector<8xf32>
// CHECK: vector.transfer_write %[[ROW]], {{.*}} : vector<8xf32>, tensor<1x1x1x1x1x1x8xf32>
func.func @panels_of_8(%x: tensor<1x64x18x18xf32>, %w: tensor<32x64x3x3xf32>) -> tensor<1x32x16x16xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<1x32x16x16xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x32x16x16xf32>) -> tensor<1x32x16x16xf32>
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x64x18x18xf32>, tensor<32x64x3x3xf32>) outs(%acc : tensor<1x32x16x16xf32>) -> tensor<1x32x16x16xf32>
  return %0 : tensor<1x32x16x16xf32>
}

// -----

// Rows of 7 fit no vector register: the copy stays a generic in the thread
// tile, left to LLVM (vectors of 7 measured slower).
// CHECK-LABEL: func.func @panels_of_7
// CHECK: scf.forall ({{.*}}) in (8) {{.*}} -> (tensor<14x2x1x64x3x3x7xf32>)
// CHECK-NEXT: affine.apply
// CHECK-NEXT: tensor.extract_slice
// CHECK-NEXT: tensor.extract_slice
// CHECK-NEXT: linalg.generic
func.func @panels_of_7(%x: tensor<1x64x16x16xf32>, %w: tensor<32x64x3x3xf32>) -> tensor<1x32x14x14xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<1x32x14x14xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x32x14x14xf32>) -> tensor<1x32x14x14xf32>
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x64x16x16xf32>, tensor<32x64x3x3xf32>) outs(%acc : tensor<1x32x14x14xf32>) -> tensor<1x32x14x14xf32>
  return %0 : tensor<1x32x14x14xf32>
}
