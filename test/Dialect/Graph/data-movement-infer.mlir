// Inferred result types: each case writes a result type that contradicts
// the inferred one, so that the diagnostic shows the inferred type.
// RUN: tensor-opt %s -split-input-file -verify-diagnostics

func.func @reshape_inferred_size(%x: tensor<?x3x4xf32>) {
  %s = graph.constant dense<[0, 2, -1]> : tensor<3xi64>
  // expected-error@+2 {{inferred type(s) 'tensor<?x2x?xf32>' are incompatible}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.reshape %x, %s : (tensor<?x3x4xf32>, tensor<3xi64>) -> tensor<1x1x1xf32>
  return
}

// -----

func.func @slice_clamped(%x: tensor<10x8xf32>) {
  %st = graph.constant dense<[-100, 7]> : tensor<2xi64>
  %en = graph.constant dense<[9223372036854775807, -9223372036854775808]> : tensor<2xi64>
  %sp = graph.constant dense<[3, -3]> : tensor<2xi64>
  // expected-error@+2 {{inferred type(s) 'tensor<4x3xf32>' are incompatible}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.slice %x, %st, %en steps %sp : (tensor<10x8xf32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) -> tensor<1x1xf32>
  return
}

// -----

func.func @split_uneven_last(%x: tensor<7x2xf32>) {
  // expected-error@+2 {{inferred type(s) 'tensor<3x2xf32>', 'tensor<3x2xf32>', 'tensor<1x2xf32>' are incompatible}}
  // expected-error@+1 {{failed to infer returned types}}
  %0:3 = graph.split %x {num_outputs = 3 : i64} : (tensor<7x2xf32>) -> (tensor<1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>)
  return
}

// -----

func.func @flatten_dynamic(%x: tensor<2x?x4xf32>) {
  // expected-error@+2 {{inferred type(s) 'tensor<?x4xf32>' are incompatible}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.flatten %x {axis = -1 : i64} : (tensor<2x?x4xf32>) -> tensor<1x1xf32>
  return
}

// -----

func.func @pad_negative(%x: tensor<?x6xf32>) {
  %p = graph.constant dense<[1, -2, 0, 1]> : tensor<4xi64>
  // expected-error@+2 {{inferred type(s) 'tensor<?x5xf32>' are incompatible}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.pad %x, %p : (tensor<?x6xf32>, tensor<4xi64>) -> tensor<1x1xf32>
  return
}

// -----

func.func @tile_dynamic(%x: tensor<?x3xf32>) {
  %r = graph.constant dense<[1, 4]> : tensor<2xi64>
  // expected-error@+2 {{inferred type(s) 'tensor<?x12xf32>' are incompatible}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.tile %x, %r : (tensor<?x3xf32>, tensor<2xi64>) -> tensor<1x1xf32>
  return
}

// -----

func.func @gather_nd_batch(%x: tensor<?x5x6x7xf32>, %i: tensor<?x4x2xi64>) {
  // expected-error@+2 {{inferred type(s) 'tensor<?x4x7xf32>' are incompatible}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.gather_nd %x, %i {batch_dims = 1 : i64} : (tensor<?x5x6x7xf32>, tensor<?x4x2xi64>) -> tensor<1xf32>
  return
}

// -----

func.func @range_negative_delta() {
  %s = graph.constant dense<10> : tensor<i32>
  %l = graph.constant dense<1> : tensor<i32>
  %d = graph.constant dense<-3> : tensor<i32>
  // expected-error@+2 {{inferred type(s) 'tensor<3xi32>' are incompatible}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.range %s, %l, %d : (tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1xi32>
  return
}

// -----

func.func @expand_rank(%x: tensor<?x1xf32>) {
  %s = graph.constant dense<[3, 1, 1, 5]> : tensor<4xi64>
  // expected-error@+2 {{inferred type(s) 'tensor<3x1x?x5xf32>' are incompatible}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.expand %x, %s : (tensor<?x1xf32>, tensor<4xi64>) -> tensor<1xf32>
  return
}

// -----

func.func @shape_clamped(%x: tensor<?x3xf32>) {
  // expected-error@+2 {{inferred type(s) 'tensor<2xi64>' are incompatible}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.shape %x {start = -5 : i64, end = 7 : i64} : (tensor<?x3xf32>) -> tensor<1xi64>
  return
}

// -----

func.func @unsqueeze_negative(%x: tensor<?x3xf32>) {
  %a = graph.constant dense<[-1, 1]> : tensor<2xi64>
  // expected-error@+2 {{inferred type(s) 'tensor<?x1x3x1xf32>' are incompatible}}
  // expected-error@+1 {{failed to infer returned types}}
  %0 = graph.unsqueeze %x, %a : (tensor<?x3xf32>, tensor<2xi64>) -> tensor<1xf32>
  return
}
