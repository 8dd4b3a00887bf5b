// Inferred result types: each case writes a result type that contradicts
// the inferred one, so that the diagnostic shows the inferred type.
// RUN: tensor-opt %s -split-input-file -verify-diagnostics

func.func @one_hot_constant_depth(%i: tensor<?x3xi64>, %v: tensor<2xf32>) -> tensor<?x9x3xf32> {
  %d = graph.constant dense<10.0> : tensor<1xf32>
  // expected-error@+2 {{inferred type(s) 'tensor<?x10x3xf32>' are incompatible}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.one_hot %i, %d, %v {axis = 1 : i64} : (tensor<?x3xi64>, tensor<1xf32>, tensor<2xf32>) -> tensor<?x9x3xf32>
  return %0 : tensor<?x9x3xf32>
}

// -----

func.func @top_k_dynamic_k(%x: tensor<3x4xf32>, %k: tensor<1xi64>) -> (tensor<4x2xf32>, tensor<4x2xi64>) {
  // expected-error@+2 {{inferred type(s) 'tensor<3x?xf32>', 'tensor<3x?xi64>' are incompatible}}
  // expected-error@+1 {{failed to infer returned types}}
  %r0, %r1 = graph.top_k %x, %k : (tensor<3x4xf32>, tensor<1xi64>) -> (tensor<4x2xf32>, tensor<4x2xi64>)
  return %r0, %r1 : tensor<4x2xf32>, tensor<4x2xi64>
}

// -----

func.func @einsum_matmul(%a: tensor<?x2x3xf32>, %b: tensor<?x3x4xf32>) -> tensor<?x2x5xf32> {
  // expected-error@+2 {{inferred type(s) 'tensor<?x2x4xf32>' are incompatible}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.einsum %a, %b {equation = "bij,bjk->bik"} : (tensor<?x2x3xf32>, tensor<?x3x4xf32>) -> tensor<?x2x5xf32>
  return %0 : tensor<?x2x5xf32>
}

// -----

func.func @einsum_ellipsis_broadcast(%a: tensor<5x1x2x3xf32>, %b: tensor<4x3x6xf32>) -> tensor<5x4x2x7xf32> {
  // expected-error@+2 {{inferred type(s) 'tensor<5x4x2x6xf32>' are incompatible}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.einsum %a, %b {equation = "...ij,...jk->...ik"} : (tensor<5x1x2x3xf32>, tensor<4x3x6xf32>) -> tensor<5x4x2x7xf32>
  return %0 : tensor<5x4x2x7xf32>
}

// -----

func.func @einsum_ellipsis_middle(%a: tensor<2x5x6x3xf32>) -> tensor<3x5x6x3xf32> {
  // expected-error@+2 {{inferred type(s) 'tensor<3x5x6x2xf32>' are incompatible}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.einsum %a {equation = "i...j->j...i"} : (tensor<2x5x6x3xf32>) -> tensor<3x5x6x3xf32>
  return %0 : tensor<3x5x6x3xf32>
}

// -----

func.func @einsum_implicit(%a: tensor<7x2x3xf32>, %b: tensor<3x4xf32>) -> tensor<7x2x4xf32> {
  // expected-error@+2 {{inferred type(s) 'tensor<7x4x2xf32>' are incompatible}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.einsum %a, %b {equation = "...Bj,jA"} : (tensor<7x2x3xf32>, tensor<3x4xf32>) -> tensor<7x2x4xf32>
  return %0 : tensor<7x2x4xf32>
}

// -----

func.func @einsum_dynamic_letter(%a: tensor<?x3xf32>, %b: tensor<5x?xf32>) -> tensor<3x?x6xf32> {
  // expected-error@+2 {{inferred type(s) 'tensor<3x?x5xf32>' are incompatible}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.einsum %a, %b {equation = "ij,ik->jki"} : (tensor<?x3xf32>, tensor<5x?xf32>) -> tensor<3x?x6xf32>
  return %0 : tensor<3x?x6xf32>
}

// -----

func.func @resize_scales(%x: tensor<1x3x?x5xf32>) -> tensor<1x3x4x3xf32> {
  %s = graph.constant dense<[1.0, 1.0, 2.0, 0.5]> : tensor<4xf32>
  // expected-error@+2 {{inferred type(s) 'tensor<1x3x?x2xf32>' are incompatible}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.resize %x scales %s : (tensor<1x3x?x5xf32>, tensor<4xf32>) -> tensor<1x3x4x3xf32>
  return %0 : tensor<1x3x4x3xf32>
}

// -----

func.func @resize_sizes(%x: tensor<?x?x?x?xf32>) -> tensor<1x3x7x8xf32> {
  %z = graph.constant dense<[1, 3, 7, 9]> : tensor<4xi64>
  // expected-error@+2 {{inferred type(s) 'tensor<1x3x7x9xf32>' are incompatible}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.resize %x sizes %z : (tensor<?x?x?x?xf32>, tensor<4xi64>) -> tensor<1x3x7x8xf32>
  return %0 : tensor<1x3x7x8xf32>
}

// -----

func.func @max_unpool_output_shape(%x: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x2xi64>) -> tensor<1x1x4x4xf32> {
  %s = graph.constant dense<[1, 1, 5, 5]> : tensor<4xi64>
  // expected-error@+2 {{inferred type(s) 'tensor<1x1x5x5xf32>' are incompatible}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.max_unpool %x, %i, %s {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>, tensor<4xi64>) -> tensor<1x1x4x4xf32>
  return %0 : tensor<1x1x4x4xf32>
}

// -----

func.func @max_unpool_default_strides(%x: tensor<2x3x4xf32>, %i: tensor<2x3x4xi64>) -> tensor<2x3x4xf32> {
  // expected-error@+2 {{inferred type(s) 'tensor<2x3x6xf32>' are incompatible}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.max_unpool %x, %i {kernel_shape = array<i64: 3>} : (tensor<2x3x4xf32>, tensor<2x3x4xi64>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

func.func @eye_like_dtype(%x: tensor<3x?xi32>) -> tensor<3x?xi32> {
  // expected-error@+2 {{inferred type(s) 'tensor<3x?xf16>' are incompatible}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.eye_like %x {dtype = f16} : (tensor<3x?xi32>) -> tensor<3x?xi32>
  return %0 : tensor<3x?xi32>
}

// -----

func.func @compress_constant_axis(%x: tensor<4x?xf32>) -> tensor<4x?xf32> {
  %c = graph.constant dense<[true, false, true, true, true]> : tensor<5xi1>
  // expected-error@+2 {{inferred type(s) 'tensor<3x?xf32>' are incompatible}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.compress %x, %c {axis = 0 : i64} : (tensor<4x?xf32>, tensor<5xi1>) -> tensor<4x?xf32>
  return %0 : tensor<4x?xf32>
}

// -----

func.func @compress_dynamic_axis(%x: tensor<?x2xf32>) -> tensor<3x3xf32> {
  %c = graph.constant dense<[true, false]> : tensor<2xi1>
  // expected-error@+2 {{inferred type(s) 'tensor<?x2xf32>' are incompatible}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.compress %x, %c {axis = 0 : i64} : (tensor<?x2xf32>, tensor<2xi1>) -> tensor<3x3xf32>
  return %0 : tensor<3x3xf32>
}

// -----

func.func @compress_flattened(%x: tensor<2x3xf32>) -> tensor<4xf32> {
  %c = graph.constant dense<[true, true, false, true]> : tensor<4xi1>
  // expected-error@+2 {{inferred type(s) 'tensor<3xf32>' are incompatible}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.compress %x, %c : (tensor<2x3xf32>, tensor<4xi1>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @det_batch(%x: tensor<2x?x3x3xf64>) -> tensor<3x?xf64> {
  // expected-error@+2 {{inferred type(s) 'tensor<2x?xf64>' are incompatible}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.det %x : (tensor<2x?x3x3xf64>) -> tensor<3x?xf64>
  return %0 : tensor<3x?xf64>
}
