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

// -----

// A scale per input channel (a squeeze-and-excitation gate, [1, C, 1, 1])
// before a convolution moves onto its weights, which have fewer elements
// (2x3x1x1 against 1x3x4x4): the weights are multiplied instead of the
// activations. Either operand order.
// CHECK-LABEL: func.func @scale_into_weights
// CHECK: %[[W:.*]] = graph.mul %arg2, %arg1 : (tensor<2x3x1x1xf32>, tensor<1x3x1x1xf32>) -> tensor<2x3x1x1xf32>
// CHECK: %[[Y:.*]] = graph.conv %arg0, %[[W]]
// CHECK: %[[V:.*]] = graph.mul %arg2, %arg1
// CHECK: %[[Z:.*]] = graph.conv %arg0, %[[V]]
// CHECK: return %[[Y]], %[[Z]]
func.func @scale_into_weights(%x: tensor<1x3x4x4xf32>, %s: tensor<1x3x1x1xf32>, %w: tensor<2x3x1x1xf32>) -> (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) {
  %0 = graph.mul %s, %x : (tensor<1x3x1x1xf32>, tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32>
  %1 = graph.conv %0, %w : (tensor<1x3x4x4xf32>, tensor<2x3x1x1xf32>) -> tensor<1x2x4x4xf32>
  %2 = graph.mul %x, %s : (tensor<1x3x4x4xf32>, tensor<1x3x1x1xf32>) -> tensor<1x3x4x4xf32>
  %3 = graph.conv %2, %w : (tensor<1x3x4x4xf32>, tensor<2x3x1x1xf32>) -> tensor<1x2x4x4xf32>
  return %1, %3 : tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>
}

// -----

// Left alone: weights as large as the activations (8x3x1x1 against
// 1x3x2x2), a grouped convolution, a scale that varies along the image,
// and a scaled tensor read by something else too.
// CHECK-LABEL: func.func @scale_kept
// CHECK: %[[A:.*]] = graph.mul %arg0, %arg2
// CHECK: graph.conv %[[A]], %arg4
// CHECK: %[[B:.*]] = graph.mul %arg1, %arg2
// CHECK: graph.conv %[[B]], %arg5
// CHECK: %[[C:.*]] = graph.mul %arg1, %arg3
// CHECK: graph.conv %[[C]], %arg6
// CHECK: %[[D:.*]] = graph.mul %arg1, %arg2
// CHECK: graph.conv %[[D]], %arg6
func.func @scale_kept(%x: tensor<1x3x2x2xf32>, %y: tensor<1x3x4x4xf32>, %s: tensor<1x3x1x1xf32>, %t: tensor<1x3x4x1xf32>, %w: tensor<8x3x1x1xf32>, %g: tensor<3x1x1x1xf32>, %v: tensor<2x3x1x1xf32>) -> (tensor<1x8x2x2xf32>, tensor<1x3x4x4xf32>, tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>, tensor<1x3x4x4xf32>) {
  %0 = graph.mul %x, %s : (tensor<1x3x2x2xf32>, tensor<1x3x1x1xf32>) -> tensor<1x3x2x2xf32>
  %1 = graph.conv %0, %w : (tensor<1x3x2x2xf32>, tensor<8x3x1x1xf32>) -> tensor<1x8x2x2xf32>
  %2 = graph.mul %y, %s : (tensor<1x3x4x4xf32>, tensor<1x3x1x1xf32>) -> tensor<1x3x4x4xf32>
  %3 = graph.conv %2, %g {group = 3 : i64} : (tensor<1x3x4x4xf32>, tensor<3x1x1x1xf32>) -> tensor<1x3x4x4xf32>
  %4 = graph.mul %y, %t : (tensor<1x3x4x4xf32>, tensor<1x3x4x1xf32>) -> tensor<1x3x4x4xf32>
  %5 = graph.conv %4, %v : (tensor<1x3x4x4xf32>, tensor<2x3x1x1xf32>) -> tensor<1x2x4x4xf32>
  %6 = graph.mul %y, %s : (tensor<1x3x4x4xf32>, tensor<1x3x1x1xf32>) -> tensor<1x3x4x4xf32>
  %7 = graph.conv %6, %v : (tensor<1x3x4x4xf32>, tensor<2x3x1x1xf32>) -> tensor<1x2x4x4xf32>
  return %1, %3, %5, %7, %6 : tensor<1x8x2x2xf32>, tensor<1x3x4x4xf32>, tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>, tensor<1x3x4x4xf32>
}
