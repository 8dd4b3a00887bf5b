// RUN: tensor-opt %s --canonicalize | FileCheck %s

// The values of ONNX's test_melweightmatrix.
// CHECK-LABEL: func @mel_weight_matrix
// CHECK: graph.constant dense<{{\[}}[1.000000e+00, 1.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00], [0.000000e+00, 0.000000e+00, 1.000000e+00, 1.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00], [0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 1.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00], [0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 1.000000e+00, 0.000000e+00, 0.000000e+00], [0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 1.000000e+00, 0.000000e+00], [0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 1.000000e+00], [0.000000e+00, {{.*}}]]> : tensor<9x8xf32>
// CHECK-NOT: graph.mel_weight_matrix
func.func @mel_weight_matrix() -> tensor<9x8xf32> {
  %bins = graph.constant dense<8> : tensor<i32>
  %length = graph.constant dense<16> : tensor<i32>
  %rate = graph.constant dense<8192> : tensor<i32>
  %low = graph.constant dense<0.0> : tensor<f32>
  %high = graph.constant dense<4096.0> : tensor<f32>
  %0 = graph.mel_weight_matrix %bins, %length, %rate, %low, %high {output_datatype = f32}
      : (tensor<i32>, tensor<i32>, tensor<i32>, tensor<f32>, tensor<f32>) -> tensor<9x8xf32>
  return %0 : tensor<9x8xf32>
}

// Integer weights truncate: only the 1s remain.
// CHECK-LABEL: func @mel_weight_matrix_int
// CHECK: graph.constant dense<{{\[}}[1, 1, 0, 0, 0, 0, 0, 0], [0, 0, 1, 1, 0, 0, 0, 0]{{.*}}> : tensor<9x8xi32>
func.func @mel_weight_matrix_int() -> tensor<9x8xi32> {
  %bins = graph.constant dense<8> : tensor<i64>
  %length = graph.constant dense<16> : tensor<i64>
  %rate = graph.constant dense<8192> : tensor<i64>
  %low = graph.constant dense<0.0> : tensor<f32>
  %high = graph.constant dense<4096.0> : tensor<f32>
  %0 = graph.mel_weight_matrix %bins, %length, %rate, %low, %high {output_datatype = i32}
      : (tensor<i64>, tensor<i64>, tensor<i64>, tensor<f32>, tensor<f32>) -> tensor<9x8xi32>
  return %0 : tensor<9x8xi32>
}

// A non-constant operand leaves it.
// CHECK-LABEL: func @mel_weight_matrix_dynamic
// CHECK: graph.mel_weight_matrix
func.func @mel_weight_matrix_dynamic(%rate: tensor<i32>) -> tensor<9x8xf32> {
  %bins = graph.constant dense<8> : tensor<i32>
  %length = graph.constant dense<16> : tensor<i32>
  %low = graph.constant dense<0.0> : tensor<f32>
  %high = graph.constant dense<4096.0> : tensor<f32>
  %0 = graph.mel_weight_matrix %bins, %length, %rate, %low, %high {output_datatype = f32}
      : (tensor<i32>, tensor<i32>, tensor<i32>, tensor<f32>, tensor<f32>) -> tensor<9x8xf32>
  return %0 : tensor<9x8xf32>
}
