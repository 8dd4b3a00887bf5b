// RUN: tensor-opt %s | tensor-opt | FileCheck %s

// CHECK-LABEL: func @dft
func.func @dft(%x: tensor<1x10x10x1xf32>, %c: tensor<?x?x8x2xf64>, %n: tensor<i64>)
    -> (tensor<1x10x10x2xf32>, tensor<?x?x5x2xf64>, tensor<1x?x10x2xf32>) {
  // CHECK: graph.dft %{{.*}} : (tensor<1x10x10x1xf32>) -> tensor<1x10x10x2xf32>
  %0 = graph.dft %x : (tensor<1x10x10x1xf32>) -> tensor<1x10x10x2xf32>
  // CHECK: graph.dft %{{.*}} {axis = -2 : i64, inverse = 1 : i64, onesided = 1 : i64} : (tensor<?x?x8x2xf64>) -> tensor<?x?x5x2xf64>
  %1 = graph.dft %c {axis = -2 : i64, inverse = 1 : i64, onesided = 1 : i64} : (tensor<?x?x8x2xf64>) -> tensor<?x?x5x2xf64>
  // CHECK: graph.dft %{{.*}}, %{{.*}} : (tensor<1x10x10x1xf32>, tensor<i64>) -> tensor<1x?x10x2xf32>
  %2 = graph.dft %x, %n : (tensor<1x10x10x1xf32>, tensor<i64>) -> tensor<1x?x10x2xf32>
  return %0, %1, %2 : tensor<1x10x10x2xf32>, tensor<?x?x5x2xf64>, tensor<1x?x10x2xf32>
}

// CHECK-LABEL: func @stft
func.func @stft(%x: tensor<1x128x1xf32>, %step: tensor<i64>, %w: tensor<16xf32>,
                %len: tensor<i32>, %c: tensor<?x?x2xf32>)
    -> (tensor<1x?x9x2xf32>, tensor<1x?x?x2xf32>, tensor<?x?x16x2xf32>) {
  // CHECK: graph.stft %{{.*}}, %{{.*}} window %{{.*}} : (tensor<1x128x1xf32>, tensor<i64>, tensor<16xf32>) -> tensor<1x?x9x2xf32>
  %0 = graph.stft %x, %step window %w : (tensor<1x128x1xf32>, tensor<i64>, tensor<16xf32>) -> tensor<1x?x9x2xf32>
  // CHECK: graph.stft %{{.*}}, %{{.*}} frame_length %{{.*}} : (tensor<1x128x1xf32>, tensor<i64>, tensor<i32>) -> tensor<1x?x?x2xf32>
  %1 = graph.stft %x, %step frame_length %len : (tensor<1x128x1xf32>, tensor<i64>, tensor<i32>) -> tensor<1x?x?x2xf32>
  // CHECK: graph.stft %{{.*}}, %{{.*}} window %{{.*}} frame_length %{{.*}} {onesided = 0 : i64} : (tensor<?x?x2xf32>, tensor<i64>, tensor<16xf32>, tensor<i32>) -> tensor<?x?x16x2xf32>
  %2 = graph.stft %c, %step window %w frame_length %len {onesided = 0 : i64} : (tensor<?x?x2xf32>, tensor<i64>, tensor<16xf32>, tensor<i32>) -> tensor<?x?x16x2xf32>
  return %0, %1, %2 : tensor<1x?x9x2xf32>, tensor<1x?x?x2xf32>, tensor<?x?x16x2xf32>
}

// CHECK-LABEL: func @stft_constant_step
func.func @stft_constant_step(%x: tensor<1x128x1xf32>, %w: tensor<16xf32>) -> tensor<1x15x9x2xf32> {
  %step = graph.constant dense<8> : tensor<i64>
  // CHECK: graph.stft %{{.*}}, %{{.*}} window %{{.*}} : (tensor<1x128x1xf32>, tensor<i64>, tensor<16xf32>) -> tensor<1x15x9x2xf32>
  %0 = graph.stft %x, %step window %w : (tensor<1x128x1xf32>, tensor<i64>, tensor<16xf32>) -> tensor<1x15x9x2xf32>
  return %0 : tensor<1x15x9x2xf32>
}

// CHECK-LABEL: func @mel_weight_matrix
func.func @mel_weight_matrix(%bins: tensor<i32>, %length: tensor<i32>, %rate: tensor<i32>,
                             %low: tensor<f32>, %high: tensor<f32>) -> tensor<?x?xf64> {
  // CHECK: graph.mel_weight_matrix %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} {output_datatype = f64} : (tensor<i32>, tensor<i32>, tensor<i32>, tensor<f32>, tensor<f32>) -> tensor<?x?xf64>
  %0 = graph.mel_weight_matrix %bins, %length, %rate, %low, %high {output_datatype = f64}
      : (tensor<i32>, tensor<i32>, tensor<i32>, tensor<f32>, tensor<f32>) -> tensor<?x?xf64>
  return %0 : tensor<?x?xf64>
}
