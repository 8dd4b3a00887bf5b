// RUN: tensor-opt %s --canonicalize --split-input-file | FileCheck %s

// batch_norm after a conv with constant weights folds into the conv:
// per channel s = scale / sqrt(var + eps) = [4 / 2, 0.5 / 1] = [2, 0.5];
// W' = W * s, b' = (b - mean) * s + shift = [(1 - 1) * 2 + 0.5, (0 - 2) * 0.5].
// CHECK-LABEL: func.func @fold_into_conv
// CHECK-DAG: %[[W:.*]] = graph.constant dense<{{\[}}{{\[}}{{\[}}[2.000000e+00, 4.000000e+00]]], {{\[}}{{\[}}[1.500000e+00, 2.000000e+00]]]]> : tensor<2x1x1x2xf32>
// CHECK-DAG: %[[B:.*]] = graph.constant dense<[5.000000e-01, -1.000000e+00]> : tensor<2xf32>
// CHECK: %[[Y:.*]] = graph.conv %arg0, %[[W]], %[[B]] {kernel_shape = array<i64: 1, 2>}
// CHECK-NOT: graph.batch_norm
// CHECK: return %[[Y]]
func.func @fold_into_conv(%x: tensor<1x1x4x4xf32>) -> tensor<1x2x4x3xf32> {
  %w = graph.constant dense<[[[[1.0, 2.0]]], [[[3.0, 4.0]]]]> : tensor<2x1x1x2xf32>
  %b = graph.constant dense<[1.0, 0.0]> : tensor<2xf32>
  %scale = graph.constant dense<[4.0, 0.5]> : tensor<2xf32>
  %shift = graph.constant dense<[0.5, 0.0]> : tensor<2xf32>
  %mean = graph.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %var = graph.constant dense<[3.0, 0.0]> : tensor<2xf32>
  %0 = graph.conv %x, %w, %b {kernel_shape = array<i64: 1, 2>} : (tensor<1x1x4x4xf32>, tensor<2x1x1x2xf32>, tensor<2xf32>) -> tensor<1x2x4x3xf32>
  %1 = graph.batch_norm %0, %scale, %shift, %mean, %var {epsilon = 1.0 : f32} : (tensor<1x2x4x3xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x4x3xf32>
  return %1 : tensor<1x2x4x3xf32>
}

// -----

// Not folded: the conv has another user, or the statistics are inputs.
// CHECK-LABEL: func.func @not_folded
// CHECK: graph.batch_norm
// CHECK: graph.batch_norm
func.func @not_folded(%x: tensor<1x1x4x4xf32>, %mean: tensor<2xf32>) -> (tensor<1x2x4x3xf32>, tensor<1x2x4x3xf32>, tensor<1x2x4x3xf32>) {
  %w = graph.constant dense<1.0> : tensor<2x1x1x2xf32>
  %c = graph.constant dense<1.0> : tensor<2xf32>
  %0 = graph.conv %x, %w {kernel_shape = array<i64: 1, 2>} : (tensor<1x1x4x4xf32>, tensor<2x1x1x2xf32>) -> tensor<1x2x4x3xf32>
  %1 = graph.batch_norm %0, %c, %c, %c, %c : (tensor<1x2x4x3xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x4x3xf32>
  %2 = graph.conv %x, %w {kernel_shape = array<i64: 1, 2>} : (tensor<1x1x4x4xf32>, tensor<2x1x1x2xf32>) -> tensor<1x2x4x3xf32>
  %3 = graph.batch_norm %2, %c, %c, %mean, %c : (tensor<1x2x4x3xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x4x3xf32>
  return %0, %1, %3 : tensor<1x2x4x3xf32>, tensor<1x2x4x3xf32>, tensor<1x2x4x3xf32>
}
