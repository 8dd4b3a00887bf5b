// RUN: tensor-opt %s --canonicalize | FileCheck %s

// An einsum whose output subscripts are its one operand's is that operand.
// CHECK-LABEL: func.func @einsum_identity
// CHECK-SAME: (%[[A:.*]]: tensor<?x3xf32>, %[[B:.*]]: tensor<2x?x3xf32>)
func.func @einsum_identity(%a: tensor<?x3xf32>, %b: tensor<2x?x3xf32>) -> (tensor<?x3xf32>, tensor<?x3xf32>, tensor<2x?x3xf32>) {
  %0 = graph.einsum %a {equation = "ij->ij"} : (tensor<?x3xf32>) -> tensor<?x3xf32>
  %1 = graph.einsum %a {equation = "ab"} : (tensor<?x3xf32>) -> tensor<?x3xf32>
  %2 = graph.einsum %b {equation = "...j"} : (tensor<2x?x3xf32>) -> tensor<2x?x3xf32>
  // CHECK: return %[[A]], %[[A]], %[[B]]
  return %0, %1, %2 : tensor<?x3xf32>, tensor<?x3xf32>, tensor<2x?x3xf32>
}

// Transposes, diagonals and sums are no copies.
// CHECK-LABEL: func.func @einsum_kept
func.func @einsum_kept(%a: tensor<3x3xf32>) -> (tensor<3x3xf32>, tensor<3x3xf32>, tensor<3xf32>) {
  // CHECK: graph.einsum %{{.*}} {equation = "ij->ji"}
  %0 = graph.einsum %a {equation = "ij->ji"} : (tensor<3x3xf32>) -> tensor<3x3xf32>
  // CHECK: graph.einsum %{{.*}} {equation = "ba"}
  %1 = graph.einsum %a {equation = "ba"} : (tensor<3x3xf32>) -> tensor<3x3xf32>
  // CHECK: graph.einsum %{{.*}} {equation = "ii->i"}
  %2 = graph.einsum %a {equation = "ii->i"} : (tensor<3x3xf32>) -> tensor<3xf32>
  return %0, %1, %2 : tensor<3x3xf32>, tensor<3x3xf32>, tensor<3xf32>
}

// A resize to the same sizes is its input, except with tf_crop_and_resize.
// CHECK-LABEL: func.func @resize_identity
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x4x4xf32>, %[[ROI:.*]]: tensor<8xf32>)
func.func @resize_identity(%x: tensor<1x3x4x4xf32>, %roi: tensor<8xf32>) -> (tensor<1x3x4x4xf32>, tensor<1x3x4x4xf32>, tensor<1x3x4x4xf32>) {
  %ones = graph.constant dense<1.0> : tensor<4xf32>
  %sizes = graph.constant dense<[1, 3, 4, 4]> : tensor<4xi64>
  %0 = graph.resize %x scales %ones {mode = "cubic", coordinate_transformation_mode = "align_corners"} : (tensor<1x3x4x4xf32>, tensor<4xf32>) -> tensor<1x3x4x4xf32>
  %1 = graph.resize %x sizes %sizes {mode = "linear"} : (tensor<1x3x4x4xf32>, tensor<4xi64>) -> tensor<1x3x4x4xf32>
  // CHECK: %[[CROP:.*]] = graph.resize %[[X]] roi %[[ROI]] sizes
  %2 = graph.resize %x roi %roi sizes %sizes {coordinate_transformation_mode = "tf_crop_and_resize"} : (tensor<1x3x4x4xf32>, tensor<8xf32>, tensor<4xi64>) -> tensor<1x3x4x4xf32>
  // CHECK: return %[[X]], %[[X]], %[[CROP]]
  return %0, %1, %2 : tensor<1x3x4x4xf32>, tensor<1x3x4x4xf32>, tensor<1x3x4x4xf32>
}

// CHECK-LABEL: func.func @resize_kept
func.func @resize_kept(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x8x8xf32> {
  %s = graph.constant dense<[1.0, 1.0, 2.0, 2.0]> : tensor<4xf32>
  // CHECK: graph.resize
  %0 = graph.resize %x scales %s : (tensor<1x3x4x4xf32>, tensor<4xf32>) -> tensor<1x3x8x8xf32>
  return %0 : tensor<1x3x8x8xf32>
}
