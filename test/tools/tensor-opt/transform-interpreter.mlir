// The transform interpreter and Linalg's transform extension work in
// tensor-opt (they need registerAllExtensions).
// RUN: tensor-opt %s --transform-interpreter --canonicalize | FileCheck %s

// CHECK-LABEL: func.func @matmul
// CHECK: scf.for
// CHECK: scf.for
// CHECK: linalg.matmul ins({{.*}} : tensor<8x16xf32>, tensor<16x8xf32>)
func.func @matmul(%a: tensor<64x16xf32>, %b: tensor<16x64xf32>,
                  %c: tensor<64x64xf32>) -> tensor<64x64xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<64x16xf32>, tensor<16x64xf32>)
                     outs(%c : tensor<64x64xf32>) -> tensor<64x64xf32>
  return %0 : tensor<64x64xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %mm = transform.structured.match ops{["linalg.matmul"]} in %root
      : (!transform.any_op) -> !transform.any_op
    %tiled, %loops:2 = transform.structured.tile_using_for %mm tile_sizes [8, 8]
      : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}
