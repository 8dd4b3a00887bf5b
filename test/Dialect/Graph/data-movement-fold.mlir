// Folders and canonicalization patterns of the data-movement operators: shape
// computations of static tensors fold away.
// RUN: tensor-opt %s --canonicalize --split-input-file | FileCheck %s

// BERT's attention reshapes: Shape -> Gather -> (Div) -> Unsqueeze -> Concat
// -> Reshape splits the heads, Transpose moves them, and a second chain
// (with Mul) merges them back. Everything but the reshapes and transposes
// folds away, and the results of the reshapes and transposes become static
// (their users are graph operators, which accept refined operands).
// CHECK-LABEL: func.func @bert_heads
// CHECK-DAG: %[[SPLIT:.*]] = graph.constant dense<[1, 128, 12, 64]> : tensor<4xi64>
// CHECK-DAG: %[[MERGE:.*]] = graph.constant dense<[1, 128, 768]> : tensor<3xi64>
// CHECK: %[[HEADS:.*]] = graph.reshape %arg0, %[[SPLIT]] : (tensor<1x128x768xf32>, tensor<4xi64>) -> tensor<1x128x12x64xf32>
// CHECK: %[[T:.*]] = graph.transpose %[[HEADS]] {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x128x12x64xf32>) -> tensor<1x12x128x64xf32>
// CHECK: %[[E:.*]] = graph.exp %[[T]]
// CHECK: %[[BACK:.*]] = graph.transpose %[[E]] {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x12x128x64xf32>) -> tensor<1x128x12x64xf32>
// CHECK: graph.reshape %[[BACK]], %[[MERGE]] : (tensor<1x128x12x64xf32>, tensor<3xi64>) -> tensor<1x128x768xf32>
// CHECK-NOT: graph.shape
// CHECK-NOT: graph.gather
// CHECK-NOT: graph.concat
func.func @bert_heads(%x: tensor<1x128x768xf32>) -> (tensor<1x12x128x64xf32>, tensor<1x128x768xf32>) {
  %s = graph.shape %x : (tensor<1x128x768xf32>) -> tensor<3xi64>
  %i0 = graph.constant dense<0> : tensor<i64>
  %i1 = graph.constant dense<1> : tensor<i64>
  %i2 = graph.constant dense<2> : tensor<i64>
  %batch = graph.gather %s, %i0 {axis = 0 : i64} : (tensor<3xi64>, tensor<i64>) -> tensor<i64>
  %seq = graph.gather %s, %i1 {axis = 0 : i64} : (tensor<3xi64>, tensor<i64>) -> tensor<i64>
  %hidden = graph.gather %s, %i2 {axis = 0 : i64} : (tensor<3xi64>, tensor<i64>) -> tensor<i64>
  %twelve = graph.constant dense<12> : tensor<i64>
  %head = graph.div %hidden, %twelve : (tensor<i64>, tensor<i64>) -> tensor<i64>
  %a0 = graph.constant dense<[0]> : tensor<1xi64>
  %b1 = graph.unsqueeze %batch, %a0 : (tensor<i64>, tensor<1xi64>) -> tensor<1xi64>
  %s1 = graph.unsqueeze %seq, %a0 : (tensor<i64>, tensor<1xi64>) -> tensor<1xi64>
  %n1 = graph.unsqueeze %twelve, %a0 : (tensor<i64>, tensor<1xi64>) -> tensor<1xi64>
  %h1 = graph.unsqueeze %head, %a0 : (tensor<i64>, tensor<1xi64>) -> tensor<1xi64>
  %shape = graph.concat %b1, %s1, %n1, %h1 {axis = 0 : i64} : (tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<4xi64>
  %heads = graph.reshape %x, %shape : (tensor<1x128x768xf32>, tensor<4xi64>) -> tensor<?x?x?x?xf32>
  %t = graph.transpose %heads {perm = array<i64: 0, 2, 1, 3>} : (tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  %e = graph.exp %t : (tensor<?x?x?x?xf32>) -> tensor<1x12x128x64xf32>
  %back = graph.transpose %e {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x12x128x64xf32>) -> tensor<?x?x?x?xf32>
  %width = graph.mul %twelve, %head : (tensor<i64>, tensor<i64>) -> tensor<i64>
  %w1 = graph.unsqueeze %width, %a0 : (tensor<i64>, tensor<1xi64>) -> tensor<1xi64>
  %merge = graph.concat %b1, %s1, %w1 {axis = 0 : i64} : (tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<3xi64>
  %y = graph.reshape %back, %merge : (tensor<?x?x?x?xf32>, tensor<3xi64>) -> tensor<1x128x768xf32>
  return %e, %y : tensor<1x12x128x64xf32>, tensor<1x128x768xf32>
}

// -----

// With a dynamic batch, the static sizes still fold: gather and slice of
// graph.shape pick them.
// CHECK-LABEL: func.func @dynamic_batch
// CHECK-DAG: %[[TAIL:.*]] = graph.constant dense<[128, 768]> : tensor<2xi64>
// CHECK-DAG: %[[SEQ:.*]] = graph.constant dense<128> : tensor<i64>
// CHECK: %[[S:.*]] = graph.shape %arg0
// CHECK: %[[B:.*]] = graph.gather %[[S]]
// CHECK: return %[[B]], %[[SEQ]], %[[TAIL]]
func.func @dynamic_batch(%x: tensor<?x128x768xf32>) -> (tensor<i64>, tensor<i64>, tensor<2xi64>) {
  %s = graph.shape %x : (tensor<?x128x768xf32>) -> tensor<3xi64>
  %i0 = graph.constant dense<0> : tensor<i64>
  %i1 = graph.constant dense<-2> : tensor<i64>
  %b = graph.gather %s, %i0 {axis = 0 : i64} : (tensor<3xi64>, tensor<i64>) -> tensor<i64>
  %t = graph.gather %s, %i1 {axis = 0 : i64} : (tensor<3xi64>, tensor<i64>) -> tensor<i64>
  %st = graph.constant dense<[1]> : tensor<1xi64>
  %en = graph.constant dense<[9223372036854775807]> : tensor<1xi64>
  %tail = graph.slice %s, %st, %en : (tensor<3xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<2xi64>
  return %b, %t, %tail : tensor<i64>, tensor<i64>, tensor<2xi64>
}

// -----

// Shape, Size, ConstantOfShape and Range of known values fold; results whose
// users are graph operators become static first.
// CHECK-LABEL: func.func @generated
// CHECK-DAG: graph.constant dense<4.48168898> : tensor<2x3xf32>
// CHECK-DAG: graph.constant dense<[0, 2, 4]> : tensor<3xi64>
// CHECK-DAG: graph.constant dense<[1.000000e+00, 7.500000e-01, 5.000000e-01, 2.500000e-01]> : tensor<4xf32>
// CHECK-DAG: graph.constant dense<[2, 3]> : tensor<2xi64>
// CHECK-DAG: graph.constant dense<0> : tensor<2x3xi32>
// CHECK-NOT: graph.range
// CHECK-NOT: graph.constant_of_shape
func.func @generated(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<3xi64>, tensor<4xf32>, tensor<2xi64>, tensor<2x3xi32>) {
  %s = graph.shape %x : (tensor<2x3xf32>) -> tensor<2xi64>
  %c = graph.constant_of_shape %s {value = dense<1.5> : tensor<1xf32>} : (tensor<2xi64>) -> tensor<?x?xf32>
  %e = graph.exp %c : (tensor<?x?xf32>) -> tensor<2x3xf32>
  %zero = graph.constant dense<0> : tensor<i64>
  %n = graph.size %x : (tensor<2x3xf32>) -> tensor<i64>
  %two = graph.constant dense<2> : tensor<i64>
  %r = graph.range %zero, %n, %two : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<3xi64>
  %f0 = graph.constant dense<1.0> : tensor<f32>
  %f1 = graph.constant dense<0.0> : tensor<f32>
  %fd = graph.constant dense<-0.25> : tensor<f32>
  %fr = graph.range %f0, %f1, %fd : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<4xf32>
  %z = graph.constant_of_shape %s {value = dense<0> : tensor<1xi32>} : (tensor<2xi64>) -> tensor<2x3xi32>
  return %e, %r, %fr, %s, %z : tensor<2x3xf32>, tensor<3xi64>, tensor<4xf32>, tensor<2xi64>, tensor<2x3xi32>
}

// -----

// CHECK-LABEL: func.func @reorder_constants
// CHECK-DAG: graph.constant dense<{{\[\[}}1, 4], [2, 5], [3, 6]]> : tensor<3x2xi32>
// CHECK-DAG: graph.constant dense<{{\[\[\[}}1, 2, 3], [4, 5, 6]], {{\[\[}}1, 2, 3], [4, 5, 6]]]> : tensor<2x2x3xi32>
// CHECK-DAG: graph.constant dense<{{\[\[}}1, 2, 3, 1, 2, 3], [4, 5, 6, 4, 5, 6]]> : tensor<2x6xi32>
// CHECK-DAG: graph.constant dense<{{\[\[}}1, 2, 3], [4, 5, 6], [1, 2, 3], [4, 5, 6]]> : tensor<4x3xi32>
// CHECK-DAG: graph.constant dense<{{\[\[}}6, 4]]> : tensor<1x2xi32>
// CHECK-DAG: graph.constant dense<{{\[\[}}1], [4]]> : tensor<2x1xi32>
// CHECK-DAG: graph.constant dense<{{\[\[}}2, 3], [5, 6]]> : tensor<2x2xi32>
// CHECK-DAG: graph.constant dense<[4, 5, 6]> : tensor<3xi32>
// CHECK-DAG: graph.constant dense<7.000000e+00> : tensor<4x1000x1000xf32>
// CHECK-NOT: graph.transpose
// CHECK-NOT: graph.expand
// CHECK-NOT: graph.tile
// CHECK-NOT: graph.concat
// CHECK-NOT: graph.slice
// CHECK-NOT: graph.split
// CHECK-NOT: graph.gather
// CHECK-NOT: graph.squeeze
func.func @reorder_constants() -> (tensor<3x2xi32>, tensor<2x2x3xi32>, tensor<2x6xi32>, tensor<4x3xi32>, tensor<1x2xi32>, tensor<2x1xi32>, tensor<2x2xi32>, tensor<3xi32>, tensor<4x1000x1000xf32>) {
  %c = graph.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi32>
  %t = graph.transpose %c : (tensor<2x3xi32>) -> tensor<3x2xi32>
  %es = graph.constant dense<[2, 2, 3]> : tensor<3xi64>
  %e = graph.expand %c, %es : (tensor<2x3xi32>, tensor<3xi64>) -> tensor<2x2x3xi32>
  %reps = graph.constant dense<[1, 2]> : tensor<2xi64>
  %tl = graph.tile %c, %reps : (tensor<2x3xi32>, tensor<2xi64>) -> tensor<2x6xi32>
  %cc = graph.concat %c, %c {axis = 0 : i64} : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<4x3xi32>
  %st = graph.constant dense<[1, -1]> : tensor<2xi64>
  %en = graph.constant dense<[2, -4]> : tensor<2xi64>
  %sp = graph.constant dense<[1, -2]> : tensor<2xi64>
  %sl = graph.slice %c, %st, %en steps %sp : (tensor<2x3xi32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) -> tensor<1x2xi32>
  %sizes = graph.constant dense<[1, 2]> : tensor<2xi64>
  %p:2 = graph.split %c, %sizes {axis = 1 : i64, num_outputs = 2 : i64} : (tensor<2x3xi32>, tensor<2xi64>) -> (tensor<2x1xi32>, tensor<2x2xi32>)
  %idx = graph.constant dense<[1]> : tensor<1xi32>
  %g = graph.gather %c, %idx {axis = 0 : i64} : (tensor<2x3xi32>, tensor<1xi32>) -> tensor<1x3xi32>
  %ax = graph.constant dense<[0]> : tensor<1xi64>
  %sq = graph.squeeze %g, %ax : (tensor<1x3xi32>, tensor<1xi64>) -> tensor<3xi32>
  // A splat folds at any size.
  %seven = graph.constant dense<7.0> : tensor<1x1xf32>
  %big = graph.constant dense<[4, 1000, 1000]> : tensor<3xi64>
  %b = graph.expand %seven, %big : (tensor<1x1xf32>, tensor<3xi64>) -> tensor<4x1000x1000xf32>
  return %t, %e, %tl, %cc, %sl, %p#0, %p#1, %sq, %b : tensor<3x2xi32>, tensor<2x2x3xi32>, tensor<2x6xi32>, tensor<4x3xi32>, tensor<1x2xi32>, tensor<2x1xi32>, tensor<2x2xi32>, tensor<3xi32>, tensor<4x1000x1000xf32>
}

// -----

// Ops that do not change their input fold to it (where the types match).
// CHECK-LABEL: func.func @identities
// CHECK-NEXT: return %arg0, %arg0, %arg0, %arg0, %arg0, %arg0, %arg1
func.func @identities(%x: tensor<2x3xf32>, %y: tensor<?x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<?x3xf32>) {
  %s = graph.constant dense<[2, 3]> : tensor<2xi64>
  %0 = graph.reshape %x, %s : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
  %1 = graph.transpose %0 {perm = array<i64: 0, 1>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %2 = graph.expand %1, %s : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
  %ones = graph.constant dense<1> : tensor<2xi64>
  %3 = graph.tile %2, %ones : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
  %zeros = graph.constant dense<0> : tensor<4xi64>
  %4 = graph.pad %3, %zeros : (tensor<2x3xf32>, tensor<4xi64>) -> tensor<2x3xf32>
  %st = graph.constant dense<[0]> : tensor<1xi64>
  %en = graph.constant dense<[100]> : tensor<1xi64>
  %5 = graph.slice %4, %st, %en : (tensor<2x3xf32>, tensor<1xi64>, tensor<1xi64>) -> tensor<2x3xf32>
  %6 = graph.concat %5 {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %7 = graph.split %6 {axis = 0 : i64, num_outputs = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %8 = graph.transpose %y {perm = array<i64: 0, 1>} : (tensor<?x3xf32>) -> tensor<?x3xf32>
  return %0, %1, %2, %3, %4, %7, %8 : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<?x3xf32>
}

// -----

// transpose(transpose) and reshape(reshape) compose; squeeze, unsqueeze and
// flatten of static type become reshapes.
// CHECK-LABEL: func.func @compose
// CHECK-DAG: %[[S24:.*]] = graph.constant dense<24> : tensor<1xi64>
// CHECK-DAG: %[[S64:.*]] = graph.constant dense<[6, 4]> : tensor<2xi64>
// CHECK: graph.transpose %arg0 {perm = array<i64: 1, 2, 0>} : (tensor<2x3x4xf32>) -> tensor<3x4x2xf32>
// CHECK: graph.reshape %arg0, %[[S64]] : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<6x4xf32>
// CHECK: graph.reshape %arg0, %[[S24]] : (tensor<2x3x4xf32>, tensor<1xi64>) -> tensor<24xf32>
func.func @compose(%x: tensor<2x3x4xf32>) -> (tensor<3x4x2xf32>, tensor<6x4xf32>, tensor<24xf32>) {
  %0 = graph.transpose %x {perm = array<i64: 1, 0, 2>} : (tensor<2x3x4xf32>) -> tensor<3x2x4xf32>
  %1 = graph.transpose %0 {perm = array<i64: 0, 2, 1>} : (tensor<3x2x4xf32>) -> tensor<3x4x2xf32>
  %s1 = graph.constant dense<[4, 6]> : tensor<2xi64>
  %s2 = graph.constant dense<[6, -1]> : tensor<2xi64>
  %2 = graph.reshape %x, %s1 : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<4x6xf32>
  %3 = graph.reshape %2, %s2 : (tensor<4x6xf32>, tensor<2xi64>) -> tensor<6x4xf32>
  %4 = graph.flatten %x {axis = 0 : i64} : (tensor<2x3x4xf32>) -> tensor<1x24xf32>
  %a = graph.constant dense<[0]> : tensor<1xi64>
  %5 = graph.squeeze %4, %a : (tensor<1x24xf32>, tensor<1xi64>) -> tensor<24xf32>
  return %1, %3, %5 : tensor<3x4x2xf32>, tensor<6x4xf32>, tensor<24xf32>
}

// -----

// A 0 copies a size of the intermediate tensor: the reshapes do not compose
// until the result type is static.
// CHECK-LABEL: func.func @reshape_copying_zero
// CHECK: %[[INNER:.*]] = graph.reshape %arg0
// CHECK: graph.reshape %[[INNER]], %{{.*}} : (tensor<?x6xf32>, tensor<2xi64>) -> tensor<?x2xf32>
func.func @reshape_copying_zero(%x: tensor<?x2x3xf32>) -> tensor<?x2xf32> {
  %s1 = graph.constant dense<[-1, 6]> : tensor<2xi64>
  %s2 = graph.constant dense<[0, 2]> : tensor<2xi64>
  %0 = graph.reshape %x, %s1 : (tensor<?x2x3xf32>, tensor<2xi64>) -> tensor<?x6xf32>
  %1 = graph.reshape %0, %s2 : (tensor<?x6xf32>, tensor<2xi64>) -> tensor<?x2xf32>
  return %1 : tensor<?x2xf32>
}

// -----

// CHECK-LABEL: func.func @reshape_like
// CHECK-DAG: %[[S4:.*]] = graph.constant dense<[1, 2, 1, 3]> : tensor<4xi64>
// CHECK-DAG: %[[S2:.*]] = graph.constant dense<[2, 3]> : tensor<2xi64>
// CHECK: graph.reshape %arg0, %[[S2]] : (tensor<2x1x3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
// CHECK: graph.reshape %arg0, %[[S4]] : (tensor<2x1x3xf32>, tensor<4xi64>) -> tensor<1x2x1x3xf32>
// CHECK: graph.reshape %arg0, %[[S2]] : (tensor<2x1x3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
// CHECK: graph.squeeze %arg1
func.func @reshape_like(%x: tensor<2x1x3xf32>, %y: tensor<?x1xf32>) -> (tensor<2x3xf32>, tensor<1x2x1x3xf32>, tensor<2x3xf32>, tensor<?xf32>) {
  %a = graph.constant dense<[1]> : tensor<1xi64>
  %0 = graph.squeeze %x, %a : (tensor<2x1x3xf32>, tensor<1xi64>) -> tensor<2x3xf32>
  %b = graph.constant dense<[0]> : tensor<1xi64>
  %1 = graph.unsqueeze %x, %b : (tensor<2x1x3xf32>, tensor<1xi64>) -> tensor<1x2x1x3xf32>
  %2 = graph.flatten %x : (tensor<2x1x3xf32>) -> tensor<2x3xf32>
  %3 = graph.squeeze %y, %a : (tensor<?x1xf32>, tensor<1xi64>) -> tensor<?xf32>
  return %0, %1, %2, %3 : tensor<2x3xf32>, tensor<1x2x1x3xf32>, tensor<2x3xf32>, tensor<?xf32>
}

// -----

// Not folded: dense_resource weights, dynamic sizes, and types a fold would
// change.
// CHECK-LABEL: func.func @not_folded
// CHECK: graph.reshape
// CHECK: graph.expand
// CHECK: graph.gather
// CHECK: graph.transpose
func.func @not_folded(%x: tensor<?x4xf32>) -> (tensor<2x2xf32>, tensor<?x4xf32>, tensor<4xi64>, tensor<3x4xf32>) {
  %c = graph.constant dense_resource<blob> : tensor<4xf32>
  %s = graph.constant dense<[2, 2]> : tensor<2xi64>
  %0 = graph.reshape %c, %s : (tensor<4xf32>, tensor<2xi64>) -> tensor<2x2xf32>
  %ones = graph.constant dense<1> : tensor<2xi64>
  %1 = graph.expand %x, %ones : (tensor<?x4xf32>, tensor<2xi64>) -> tensor<?x4xf32>
  %i = graph.constant dense<[1, 0, -2, -1]> : tensor<4xi64>
  %sh = graph.shape %x : (tensor<?x4xf32>) -> tensor<2xi64>
  %g = graph.gather %sh, %i : (tensor<2xi64>, tensor<4xi64>) -> tensor<4xi64>
  %t = graph.transpose %x {perm = array<i64: 0, 1>} : (tensor<?x4xf32>) -> tensor<3x4xf32>
  return %0, %1, %g, %t : tensor<2x2xf32>, tensor<?x4xf32>, tensor<4xi64>, tensor<3x4xf32>
}

{-#
  dialect_resources: {
    builtin: {
      blob: "0x040000000000803F000000400000404000008040"
    }
  }
#-}
