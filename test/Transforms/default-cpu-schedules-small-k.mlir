// RUN: tensor-opt %s --tessera-default-cpu-schedules --canonicalize | FileCheck %s

// K fits one K tile (64 <= 640): each 8x32 register tile gets its own slice
// of the fill, so after canonicalization the accumulators start as zeros in
// registers; no fill, no accumulator read from memory remain.
// CHECK-LABEL: func.func @small_k
// CHECK: %[[ZEROS:.*]] = arith.constant dense<0.000000e+00> : vector<8x32xf32>
// CHECK: scf.forall
// CHECK: scf.for
// CHECK: scf.for
// CHECK: scf.for {{.*}} iter_args(%{{.*}} = %[[ZEROS]]) -> (vector<8x32xf32>)
// CHECK: vector.transfer_write
// CHECK-NOT: linalg.fill
func.func @small_k(%a: tensor<64x64xf32>, %b: tensor<64x256xf32>) -> tensor<64x256xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<64x256xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<64x256xf32>) -> tensor<64x256xf32>
  %0 = linalg.matmul ins(%a, %b : tensor<64x64xf32>, tensor<64x256xf32>) outs(%acc : tensor<64x256xf32>) -> tensor<64x256xf32>
  return %0 : tensor<64x256xf32>
}

// A fill shared by two contractions is fused into each one's tiles.
// CHECK-LABEL: func.func @shared_fill
// CHECK-COUNT-2: iter_args(%{{.*}} = %{{.*}}) -> (vector<8x32xf32>)
// CHECK-NOT: linalg.fill
func.func @shared_fill(%a: tensor<64x64xf32>, %b: tensor<64x256xf32>, %c: tensor<64x256xf32>) -> (tensor<64x256xf32>, tensor<64x256xf32>) {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<64x256xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<64x256xf32>) -> tensor<64x256xf32>
  %0 = linalg.matmul ins(%a, %b : tensor<64x64xf32>, tensor<64x256xf32>) outs(%acc : tensor<64x256xf32>) -> tensor<64x256xf32>
  %1 = linalg.matmul ins(%a, %c : tensor<64x64xf32>, tensor<64x256xf32>) outs(%acc : tensor<64x256xf32>) -> tensor<64x256xf32>
  return %0, %1 : tensor<64x256xf32>, tensor<64x256xf32>
}
