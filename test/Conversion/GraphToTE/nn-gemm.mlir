// RUN: tensor-opt %s --convert-graph-to-te --split-input-file | FileCheck %s
// Named-op specialization is off: MLIR 22's specializeGenericOp turns a
// contraction with a transposed operand map into a plain linalg.matmul that
// drops the transpose.
// RUN: tensor-opt %s --convert-graph-to-te --convert-te-to-linalg="specialize-named-ops=false" --split-input-file | FileCheck %s --check-prefix=LINALG

// Gemm: a transposed read of B, then alpha * AB + beta * C.
// CHECK-LABEL: func.func @gemm
// CHECK: %[[AB:.*]] = te.compute "gemm" axes ["i", "j"] reduce ["k"] [256] combiner sum
// CHECK: te.read %in0[%i, %k] : tensor<?x256xf32>
// CHECK: te.read %in1[%j, %k] : tensor<10x256xf32>
// CHECK: te.compute "gemm.epilogue" axes ["i", "j"] ins(%[[AB]], %arg2 : tensor<?x10xf32>, tensor<10xf32>)
// CHECK: %[[V:.*]] = te.read %in0[%i, %j]
// CHECK: %[[ALPHA:.*]] = arith.constant 2.000000e+00 : f32
// CHECK: %[[SCALED:.*]] = arith.mulf %[[V]], %[[ALPHA]]
// CHECK: %[[C:.*]] = te.read %in1[%j]
// CHECK: %[[BETA:.*]] = arith.constant 5.000000e-01 : f32
// CHECK: %[[CS:.*]] = arith.mulf %[[C]], %[[BETA]]
// CHECK: arith.addf %[[SCALED]], %[[CS]]
// LINALG-DAG: #[[A:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// LINALG-DAG: #[[B:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// LINALG-DAG: #[[C:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// LINALG-LABEL: func.func @gemm
// LINALG: linalg.generic {indexing_maps = [#[[A]], #[[B]], #[[C]]], iterator_types = ["parallel", "parallel", "reduction"]}
func.func @gemm(%a: tensor<?x256xf32>, %b: tensor<10x256xf32>, %c: tensor<10xf32>) -> tensor<?x10xf32> {
  %y = graph.gemm %a, %b, %c {trans_b = 1 : i64, alpha = 2.0 : f32, beta = 0.5 : f32}
      : (tensor<?x256xf32>, tensor<10x256xf32>, tensor<10xf32>) -> tensor<?x10xf32>
  return %y : tensor<?x10xf32>
}

// -----

// Without C and alpha 1 there is no epilogue; transposed A reads A[k, i].
// CHECK-LABEL: func.func @gemm_plain
// CHECK: te.compute "gemm" axes ["i", "j"] reduce ["k"] [4] combiner sum
// CHECK: te.read %in0[%k, %i] : tensor<4x3xf32>
// CHECK: te.read %in1[%k, %j] : tensor<4x5xf32>
// CHECK-NOT: gemm.epilogue
func.func @gemm_plain(%a: tensor<4x3xf32>, %b: tensor<4x5xf32>) -> tensor<3x5xf32> {
  %y = graph.gemm %a, %b {trans_a = 1 : i64} : (tensor<4x3xf32>, tensor<4x5xf32>) -> tensor<3x5xf32>
  return %y : tensor<3x5xf32>
}

//
