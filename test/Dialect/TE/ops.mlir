// te operations print and parse back.
// RUN: tensor-opt %s | tensor-opt | FileCheck %s

// A contraction: one reduction axis with a built-in combiner. Block
// arguments take the axis names.
// CHECK-LABEL: func.func @matmul
// CHECK: te.compute "matmul" axes ["i", "j"] reduce ["k"] [64] combiner sum ins(%{{.*}}, %{{.*}} : tensor<4x64xf32>, tensor<64x8xf32>) -> tensor<4x8xf32> {
// CHECK-NEXT: ^bb0(%i: index, %j: index, %k: index, %in0: tensor<4x64xf32>, %in1: tensor<64x8xf32>):
// CHECK-NEXT: te.read %in0[%i, %k] : tensor<4x64xf32>
func.func @matmul(%a: tensor<4x64xf32>, %b: tensor<64x8xf32>) -> tensor<4x8xf32> {
  %c = te.compute "matmul" axes ["i", "j"] reduce ["k"] [64] combiner sum
         ins(%a, %b : tensor<4x64xf32>, tensor<64x8xf32>) -> tensor<4x8xf32> {
  ^bb0(%i: index, %j: index, %k: index, %A: tensor<4x64xf32>, %B: tensor<64x8xf32>):
    %x = te.read %A[%i, %k] : tensor<4x64xf32>
    %y = te.read %B[%k, %j] : tensor<64x8xf32>
    %p = arith.mulf %x, %y : f32
    te.yield %p : f32
  }
  return %c : tensor<4x8xf32>
}

// Non-affine reads (floordiv, a data-dependent gather index) and a padded
// read; dynamic output sizes are operands.
// CHECK-LABEL: func.func @gather_upsample
// CHECK: te.compute "upsample" axes ["n", "w"] ins(%{{.*}}, %{{.*}} : tensor<?x8xf32>, tensor<2xi64>) sizes(%{{.*}}) -> tensor<?x16xf32>
// CHECK: te.read %in0[%{{.*}}, %{{.*}}] padding %{{.*}} : tensor<?x8xf32>
func.func @gather_upsample(%x: tensor<?x8xf32>, %idx: tensor<2xi64>, %n: index) -> tensor<?x16xf32> {
  %r = te.compute "upsample" axes ["n", "w"] ins(%x, %idx : tensor<?x8xf32>, tensor<2xi64>) sizes(%n) -> tensor<?x16xf32> {
  ^bb0(%i: index, %j: index, %X: tensor<?x8xf32>, %I: tensor<2xi64>):
    %c0 = arith.constant 0 : index
    %c2 = arith.constant 2 : index
    %zero = arith.constant 0.0 : f32
    %src = arith.floordivsi %j, %c2 : index
    %g = te.read %I[%c0] : tensor<2xi64>
    %gi = arith.index_cast %g : i64 to index
    %row = arith.addi %i, %gi : index
    %v = te.read %X[%row, %src] padding %zero : tensor<?x8xf32>
    te.yield %v : f32
  }
  return %r : tensor<?x16xf32>
}

// argmax: a two-result custom reduction with identities.
// CHECK-LABEL: func.func @argmax
// CHECK: te.compute "argmax" axes ["i"] reduce ["k"] [%{{.*}}] combiner custom inits [0xFF800000 : f32, 0]
// CHECK: combine {
func.func @argmax(%x: tensor<4x?xf32>, %k: index) -> (tensor<4xf32>, tensor<4xi64>) {
  %m, %a = te.compute "argmax" axes ["i"] reduce ["k"] [%k] combiner custom
             inits [0xFF800000 : f32, 0 : i64]
             ins(%x : tensor<4x?xf32>) -> tensor<4xf32>, tensor<4xi64> {
  ^bb0(%i: index, %j: index, %X: tensor<4x?xf32>):
    %v = te.read %X[%i, %j] : tensor<4x?xf32>
    %jj = arith.index_cast %j : index to i64
    te.yield %v, %jj : f32, i64
  } combine {
  ^bb0(%accv: f32, %acci: i64, %v: f32, %vi: i64):
    %gt = arith.cmpf ogt, %v, %accv : f32
    %nv = arith.select %gt, %v, %accv : f32
    %ni = arith.select %gt, %vi, %acci : i64
    te.yield %nv, %ni : f32, i64
  }
  return %m, %a : tensor<4xf32>, tensor<4xi64>
}
