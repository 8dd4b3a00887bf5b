// Indexing operators print and parse back; result types are inferred.
// RUN: tensor-opt %s | tensor-opt | FileCheck %s

// CHECK-LABEL: func.func @scatter
func.func @scatter(%data: tensor<?x5xf32>, %idx: tensor<?x2xi32>, %upd: tensor<?x2xf32>,
                   %nd_data: tensor<4x?x4xf32>, %nd_idx: tensor<2x1xi64>, %nd_upd: tensor<2x?x4xf32>)
    -> (tensor<?x5xf32>, tensor<?x5xf32>, tensor<4x?x4xf32>) {
  // CHECK: graph.scatter_elements %{{.*}}, %{{.*}}, %{{.*}} : (tensor<?x5xf32>, tensor<?x2xi32>, tensor<?x2xf32>) -> tensor<?x5xf32>
  %0 = graph.scatter_elements %data, %idx, %upd : (tensor<?x5xf32>, tensor<?x2xi32>, tensor<?x2xf32>) -> tensor<?x5xf32>
  // CHECK: graph.scatter_elements {{.*}} {axis = -1 : i64, reduction = "mul"}
  %1 = graph.scatter_elements %data, %idx, %upd {axis = -1 : i64, reduction = "mul"} : (tensor<?x5xf32>, tensor<?x2xi32>, tensor<?x2xf32>) -> tensor<?x5xf32>
  // CHECK: graph.scatter_nd {{.*}} {reduction = "add"} : (tensor<4x?x4xf32>, tensor<2x1xi64>, tensor<2x?x4xf32>) -> tensor<4x?x4xf32>
  %2 = graph.scatter_nd %nd_data, %nd_idx, %nd_upd {reduction = "add"} : (tensor<4x?x4xf32>, tensor<2x1xi64>, tensor<2x?x4xf32>) -> tensor<4x?x4xf32>
  return %0, %1, %2 : tensor<?x5xf32>, tensor<?x5xf32>, tensor<4x?x4xf32>
}

// CHECK-LABEL: func.func @one_hot
func.func @one_hot(%indices: tensor<?x3xi64>, %depth: tensor<i64>, %values: tensor<2xf32>)
    -> (tensor<?x3x10xf32>, tensor<?x?x3xf32>, tensor<?x10x3xf32>) {
  %ten = graph.constant dense<10.0> : tensor<1xf32>
  // CHECK: graph.one_hot %{{.*}}, %{{.*}}, %{{.*}} : (tensor<?x3xi64>, tensor<1xf32>, tensor<2xf32>) -> tensor<?x3x10xf32>
  %0 = graph.one_hot %indices, %ten, %values : (tensor<?x3xi64>, tensor<1xf32>, tensor<2xf32>) -> tensor<?x3x10xf32>
  // A depth that is not a constant gives `?`.
  // CHECK: graph.one_hot {{.*}} {axis = 1 : i64} : (tensor<?x3xi64>, tensor<i64>, tensor<2xf32>) -> tensor<?x?x3xf32>
  %1 = graph.one_hot %indices, %depth, %values {axis = 1 : i64} : (tensor<?x3xi64>, tensor<i64>, tensor<2xf32>) -> tensor<?x?x3xf32>
  // A written type may refine it.
  // CHECK: graph.one_hot {{.*}} {axis = -2 : i64} : (tensor<?x3xi64>, tensor<i64>, tensor<2xf32>) -> tensor<?x10x3xf32>
  %2 = graph.one_hot %indices, %depth, %values {axis = -2 : i64} : (tensor<?x3xi64>, tensor<i64>, tensor<2xf32>) -> tensor<?x10x3xf32>
  return %0, %1, %2 : tensor<?x3x10xf32>, tensor<?x?x3xf32>, tensor<?x10x3xf32>
}

// CHECK-LABEL: func.func @top_k
func.func @top_k(%x: tensor<?x4xf32>, %k: tensor<1xi64>, %xd: tensor<?x?xi32>) -> (tensor<?x2xf32>, tensor<?x2xi64>, tensor<?x?xi32>, tensor<?x?xi64>) {
  %two = graph.constant dense<2> : tensor<1xi64>
  // CHECK: graph.top_k %{{.*}}, %{{.*}} : (tensor<?x4xf32>, tensor<1xi64>) -> (tensor<?x2xf32>, tensor<?x2xi64>)
  %v, %i = graph.top_k %x, %two : (tensor<?x4xf32>, tensor<1xi64>) -> (tensor<?x2xf32>, tensor<?x2xi64>)
  // CHECK: graph.top_k {{.*}} {axis = 0 : i64, largest = 0 : i64, sorted = 0 : i64} : (tensor<?x?xi32>, tensor<1xi64>) -> (tensor<?x?xi32>, tensor<?x?xi64>)
  %v2, %i2 = graph.top_k %xd, %k {axis = 0 : i64, largest = 0 : i64, sorted = 0 : i64} : (tensor<?x?xi32>, tensor<1xi64>) -> (tensor<?x?xi32>, tensor<?x?xi64>)
  return %v, %i, %v2, %i2 : tensor<?x2xf32>, tensor<?x2xi64>, tensor<?x?xi32>, tensor<?x?xi64>
}

// CHECK-LABEL: func.func @cumsum_trilu
func.func @cumsum_trilu(%x: tensor<2x?xf32>, %axis: tensor<i32>, %k: tensor<i64>, %m: tensor<?x4x5xi1>)
    -> (tensor<2x?xf32>, tensor<?x4x5xi1>, tensor<?x4x5xi1>) {
  // CHECK: graph.cumsum %{{.*}}, %{{.*}} {exclusive = 1 : i64, reverse = 1 : i64} : (tensor<2x?xf32>, tensor<i32>) -> tensor<2x?xf32>
  %0 = graph.cumsum %x, %axis {exclusive = 1 : i64, reverse = 1 : i64} : (tensor<2x?xf32>, tensor<i32>) -> tensor<2x?xf32>
  // CHECK: graph.trilu %{{.*}}, %{{.*}} {upper = 0 : i64} : (tensor<?x4x5xi1>, tensor<i64>) -> tensor<?x4x5xi1>
  %1 = graph.trilu %m, %k {upper = 0 : i64} : (tensor<?x4x5xi1>, tensor<i64>) -> tensor<?x4x5xi1>
  // CHECK: graph.trilu %{{.*}} : (tensor<?x4x5xi1>) -> tensor<?x4x5xi1>
  %2 = graph.trilu %m : (tensor<?x4x5xi1>) -> tensor<?x4x5xi1>
  return %0, %1, %2 : tensor<2x?xf32>, tensor<?x4x5xi1>, tensor<?x4x5xi1>
}

// CHECK-LABEL: func.func @non_zero
func.func @non_zero(%x: tensor<?x3x?xi1>) -> tensor<3x?xi64> {
  // CHECK: graph.non_zero %{{.*}} : (tensor<?x3x?xi1>) -> tensor<3x?xi64>
  %0 = graph.non_zero %x : (tensor<?x3x?xi1>) -> tensor<3x?xi64>
  return %0 : tensor<3x?xi64>
}

// CHECK-LABEL: func.func @einsum
func.func @einsum(%a: tensor<?x2x3xf32>, %b: tensor<?x3x4xf32>, %c: tensor<5x1x3x3xf32>, %d: tensor<3xf32>, %e: tensor<4x3xf32>)
    -> (tensor<?x2x4xf32>, tensor<5x1x3xf32>, tensor<f32>, tensor<?x2x4xf32>, tensor<?x3x2xf32>, tensor<3x4xf32>, tensor<3x4xf32>, tensor<4xf32>) {
  // CHECK: graph.einsum %{{.*}}, %{{.*}} {equation = "bij,bjk->bik"} : (tensor<?x2x3xf32>, tensor<?x3x4xf32>) -> tensor<?x2x4xf32>
  %0 = graph.einsum %a, %b {equation = "bij,bjk->bik"} : (tensor<?x2x3xf32>, tensor<?x3x4xf32>) -> tensor<?x2x4xf32>
  // Ellipsis and a diagonal.
  // CHECK: graph.einsum %{{.*}} {equation = "...ii ->...i"} : (tensor<5x1x3x3xf32>) -> tensor<5x1x3xf32>
  %1 = graph.einsum %c {equation = "...ii ->...i"} : (tensor<5x1x3x3xf32>) -> tensor<5x1x3xf32>
  // Implicit mode: letters occurring once, alphabetically; here none.
  // CHECK: graph.einsum %{{.*}}, %{{.*}} {equation = "i,i"} : (tensor<3xf32>, tensor<3xf32>) -> tensor<f32>
  %2 = graph.einsum %d, %d {equation = "i,i"} : (tensor<3xf32>, tensor<3xf32>) -> tensor<f32>
  // Implicit mode with an ellipsis: broadcast dims first.
  // CHECK: graph.einsum %{{.*}}, %{{.*}} {equation = "...j,bj"} : (tensor<?x2x3xf32>, tensor<4x3xf32>) -> tensor<?x2x4xf32>
  %3 = graph.einsum %a, %e {equation = "...j,bj"} : (tensor<?x2x3xf32>, tensor<4x3xf32>) -> tensor<?x2x4xf32>
  // Transpose.
  // CHECK: graph.einsum %{{.*}} {equation = "bji"} : (tensor<?x2x3xf32>) -> tensor<?x3x2xf32>
  %4 = graph.einsum %a {equation = "bji"} : (tensor<?x2x3xf32>) -> tensor<?x3x2xf32>
  // CHECK: graph.einsum %{{.*}} {equation = "ij->ji"} : (tensor<4x3xf32>) -> tensor<3x4xf32>
  %5 = graph.einsum %e {equation = "ij->ji"} : (tensor<4x3xf32>) -> tensor<3x4xf32>
  // Size-1 dimensions broadcast against a letter's size.
  // CHECK: graph.einsum %{{.*}}, %{{.*}} {equation = "ij,kj->jk"} : (tensor<1x3xf32>, tensor<4x3xf32>) -> tensor<3x4xf32>
  %one = graph.constant dense<1.0> : tensor<1x3xf32>
  %6 = graph.einsum %one, %e {equation = "ij,kj->jk"} : (tensor<1x3xf32>, tensor<4x3xf32>) -> tensor<3x4xf32>
  // A reduction over b and j.
  // CHECK: graph.einsum %{{.*}} {equation = "bjk->k"} : (tensor<?x3x4xf32>) -> tensor<4xf32>
  %7 = graph.einsum %b {equation = "bjk->k"} : (tensor<?x3x4xf32>) -> tensor<4xf32>
  return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<?x2x4xf32>, tensor<5x1x3xf32>, tensor<f32>, tensor<?x2x4xf32>, tensor<?x3x2xf32>, tensor<3x4xf32>, tensor<3x4xf32>, tensor<4xf32>
}

// CHECK-LABEL: func.func @resize
func.func @resize(%x: tensor<1x3x?x5xf32>, %roi: tensor<8xf32>, %scales: tensor<4xf32>, %sizes: tensor<4xi64>)
    -> (tensor<1x3x?x10xf32>, tensor<1x3x4x4xf32>, tensor<?x?x?x?xf32>, tensor<?x?x?x?xf32>) {
  %s = graph.constant dense<[1.0, 1.0, 2.0, 2.0]> : tensor<4xf32>
  // CHECK: graph.resize %{{.*}} scales %{{.*}} {coordinate_transformation_mode = "asymmetric", mode = "linear"} : (tensor<1x3x?x5xf32>, tensor<4xf32>) -> tensor<1x3x?x10xf32>
  %0 = graph.resize %x scales %s {coordinate_transformation_mode = "asymmetric", mode = "linear"} : (tensor<1x3x?x5xf32>, tensor<4xf32>) -> tensor<1x3x?x10xf32>
  %z = graph.constant dense<[1, 3, 4, 4]> : tensor<4xi64>
  // CHECK: graph.resize %{{.*}} roi %{{.*}} sizes %{{.*}} {coordinate_transformation_mode = "tf_crop_and_resize", cubic_coeff_a = -5.000000e-01 : f32, exclude_outside = 1 : i64, extrapolation_value = 1.000000e+01 : f32, mode = "cubic"} : (tensor<1x3x?x5xf32>, tensor<8xf32>, tensor<4xi64>) -> tensor<1x3x4x4xf32>
  %1 = graph.resize %x roi %roi sizes %z {coordinate_transformation_mode = "tf_crop_and_resize", mode = "cubic", cubic_coeff_a = -0.5 : f32, exclude_outside = 1 : i64, extrapolation_value = 10.0 : f32} : (tensor<1x3x?x5xf32>, tensor<8xf32>, tensor<4xi64>) -> tensor<1x3x4x4xf32>
  // Scales or sizes that are not constants give `?`.
  // CHECK: graph.resize %{{.*}} scales %{{.*}} {nearest_mode = "floor"} : (tensor<1x3x?x5xf32>, tensor<4xf32>) -> tensor<?x?x?x?xf32>
  %2 = graph.resize %x scales %scales {nearest_mode = "floor"} : (tensor<1x3x?x5xf32>, tensor<4xf32>) -> tensor<?x?x?x?xf32>
  // CHECK: graph.resize %{{.*}} sizes %{{.*}} : (tensor<1x3x?x5xf32>, tensor<4xi64>) -> tensor<?x?x?x?xf32>
  %3 = graph.resize %x sizes %sizes : (tensor<1x3x?x5xf32>, tensor<4xi64>) -> tensor<?x?x?x?xf32>
  return %0, %1, %2, %3 : tensor<1x3x?x10xf32>, tensor<1x3x4x4xf32>, tensor<?x?x?x?xf32>, tensor<?x?x?x?xf32>
}

// CHECK-LABEL: func.func @max_unpool
func.func @max_unpool(%x: tensor<?x1x2x2xf32>, %i: tensor<?x1x2x2xi64>, %shape: tensor<4xi64>)
    -> (tensor<?x1x4x4xf32>, tensor<?x?x?x?xf32>, tensor<?x1x3x6xf32>) {
  // CHECK: graph.max_unpool %{{.*}}, %{{.*}} {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<?x1x2x2xf32>, tensor<?x1x2x2xi64>) -> tensor<?x1x4x4xf32>
  %0 = graph.max_unpool %x, %i {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<?x1x2x2xf32>, tensor<?x1x2x2xi64>) -> tensor<?x1x4x4xf32>
  // CHECK: graph.max_unpool %{{.*}}, %{{.*}}, %{{.*}} {kernel_shape = array<i64: 2, 2>} : (tensor<?x1x2x2xf32>, tensor<?x1x2x2xi64>, tensor<4xi64>) -> tensor<?x?x?x?xf32>
  %1 = graph.max_unpool %x, %i, %shape {kernel_shape = array<i64: 2, 2>} : (tensor<?x1x2x2xf32>, tensor<?x1x2x2xi64>, tensor<4xi64>) -> tensor<?x?x?x?xf32>
  // CHECK: graph.max_unpool {{.*}} {kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 0, 1, 0>, strides = array<i64: 2, 3>}
  %2 = graph.max_unpool %x, %i {kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 0, 1, 0>, strides = array<i64: 2, 3>} : (tensor<?x1x2x2xf32>, tensor<?x1x2x2xi64>) -> tensor<?x1x3x6xf32>
  return %0, %1, %2 : tensor<?x1x4x4xf32>, tensor<?x?x?x?xf32>, tensor<?x1x3x6xf32>
}

// CHECK-LABEL: func.func @others
func.func @others(%x: tensor<3x?xf32>, %c: tensor<?xi1>, %seq: tensor<4x?x8xf32>, %lens: tensor<4xi64>, %m: tensor<?x3x3xf64>)
    -> (tensor<3x?xf32>, tensor<3x?xi32>, tensor<?x?xf32>, tensor<?xf32>, tensor<4x?x8xf32>, tensor<?xf64>) {
  // CHECK: graph.eye_like %{{.*}} : (tensor<3x?xf32>) -> tensor<3x?xf32>
  %0 = graph.eye_like %x : (tensor<3x?xf32>) -> tensor<3x?xf32>
  // CHECK: graph.eye_like %{{.*}} {dtype = i32, k = -1 : i64} : (tensor<3x?xf32>) -> tensor<3x?xi32>
  %1 = graph.eye_like %x {dtype = i32, k = -1 : i64} : (tensor<3x?xf32>) -> tensor<3x?xi32>
  // CHECK: graph.compress %{{.*}}, %{{.*}} {axis = -2 : i64} : (tensor<3x?xf32>, tensor<?xi1>) -> tensor<?x?xf32>
  %2 = graph.compress %x, %c {axis = -2 : i64} : (tensor<3x?xf32>, tensor<?xi1>) -> tensor<?x?xf32>
  // CHECK: graph.compress %{{.*}}, %{{.*}} : (tensor<3x?xf32>, tensor<?xi1>) -> tensor<?xf32>
  %3 = graph.compress %x, %c : (tensor<3x?xf32>, tensor<?xi1>) -> tensor<?xf32>
  // CHECK: graph.reverse_sequence %{{.*}}, %{{.*}} {batch_axis = 0 : i64, time_axis = 1 : i64} : (tensor<4x?x8xf32>, tensor<4xi64>) -> tensor<4x?x8xf32>
  %4 = graph.reverse_sequence %seq, %lens {batch_axis = 0 : i64, time_axis = 1 : i64} : (tensor<4x?x8xf32>, tensor<4xi64>) -> tensor<4x?x8xf32>
  // CHECK: graph.det %{{.*}} : (tensor<?x3x3xf64>) -> tensor<?xf64>
  %5 = graph.det %m : (tensor<?x3x3xf64>) -> tensor<?xf64>
  return %0, %1, %2, %3, %4, %5 : tensor<3x?xf32>, tensor<3x?xi32>, tensor<?x?xf32>, tensor<?xf32>, tensor<4x?x8xf32>, tensor<?xf64>
}

// Constant conditions give the selected size.
// CHECK-LABEL: func.func @compress_constant
func.func @compress_constant(%x: tensor<3x2xf32>) -> (tensor<2x2xf32>, tensor<1xf32>) {
  %c = graph.constant dense<[true, false, true]> : tensor<3xi1>
  // CHECK: graph.compress %{{.*}}, %{{.*}} {axis = 0 : i64} : (tensor<3x2xf32>, tensor<3xi1>) -> tensor<2x2xf32>
  %0 = graph.compress %x, %c {axis = 0 : i64} : (tensor<3x2xf32>, tensor<3xi1>) -> tensor<2x2xf32>
  // Without an axis the input is flattened; a condition shorter than it
  // drops the remaining elements.
  %c2 = graph.constant dense<[false, true]> : tensor<2xi1>
  // CHECK: graph.compress %{{.*}}, %{{.*}} : (tensor<3x2xf32>, tensor<2xi1>) -> tensor<1xf32>
  %1 = graph.compress %x, %c2 : (tensor<3x2xf32>, tensor<2xi1>) -> tensor<1xf32>
  return %0, %1 : tensor<2x2xf32>, tensor<1xf32>
}
