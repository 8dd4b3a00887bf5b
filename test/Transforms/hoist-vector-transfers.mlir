// RUN: tensor-opt %s --tessera-hoist-vector-transfers | FileCheck %s

// The accumulator tile read and written at the same place in every
// iteration moves out of the loop and travels in its iter_args.
// CHECK-LABEL: func.func @accumulate
// CHECK: %[[INIT:.*]] = vector.transfer_read %arg0
// CHECK: %[[SUM:.*]] = scf.for {{.*}} iter_args(%[[ACC:.*]] = %[[INIT]]) -> (vector<8xf32>)
// CHECK: arith.addf %[[ACC]]
// CHECK: vector.transfer_write %[[SUM]], %arg0
func.func @accumulate(%c: memref<8xf32>, %a: memref<64x8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  %pad = arith.constant 0.0 : f32
  scf.for %k = %c0 to %c64 step %c1 {
    %acc = vector.transfer_read %c[%c0], %pad {in_bounds = [true]} : memref<8xf32>, vector<8xf32>
    %row = vector.transfer_read %a[%k, %c0], %pad {in_bounds = [true]} : memref<64x8xf32>, vector<8xf32>
    %sum = arith.addf %acc, %row : vector<8xf32>
    vector.transfer_write %sum, %c[%c0] {in_bounds = [true]} : vector<8xf32>, memref<8xf32>
  }
  return
}
