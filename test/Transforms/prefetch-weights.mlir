// RUN: tensor-opt %s --split-input-file --tessera-prefetch-weights=min-bytes=0 | FileCheck %s
// RUN: tensor-opt %s --split-input-file --tessera-prefetch-weights | FileCheck %s --check-prefix=SMALL

// A register tile's K loop over a K tile of 16 rows of the weight panels
// [2][64][32]: each of the two cache lines of the row 16 rows on (the next
// K tile's) is prefetched into L2. With the default threshold (2 MiB),
// 16 KiB of weights are not.
// CHECK-LABEL: func.func @k_tile
// CHECK: scf.for %[[K:.*]] = %c0 to %c16 step %c1
// CHECK: %[[ROW:.*]] = affine.apply #{{.*}}()[%[[K]], %arg1]
// CHECK: %[[NEXT:.*]] = arith.addi %[[ROW]], %{{.*}} : index
// CHECK: memref.prefetch %[[W:.*]][%arg0, %[[NEXT]], %{{.*}}], read, locality<2>, data : memref<2x64x32xf32>
// CHECK: memref.prefetch %[[W]][%arg0, %[[NEXT]], %{{.*}}], read, locality<2>, data : memref<2x64x32xf32>
// CHECK-NOT: memref.prefetch
// CHECK: vector.transfer_read %[[W]][%arg0, %[[ROW]], %c0]
// SMALL-LABEL: func.func @k_tile
// SMALL-NOT: memref.prefetch
memref.global "private" constant @panels : memref<2x64x32xf32> = dense<1.0>
func.func @k_tile(%panel: index, %tile: index, %acc: vector<32xf32>) -> vector<32xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %pad = arith.constant 0.0 : f32
  %w = memref.get_global @panels : memref<2x64x32xf32>
  %sum = scf.for %k = %c0 to %c16 step %c1 iter_args(%a = %acc) -> (vector<32xf32>) {
    %row = affine.apply affine_map<()[s0, s1] -> (s0 + s1)>()[%k, %tile]
    %v = vector.transfer_read %w[%panel, %row, %c0], %pad {in_bounds = [true]} : memref<2x64x32xf32>, vector<32xf32>
    %s = arith.addf %a, %v : vector<32xf32>
    scf.yield %s : vector<32xf32>
  }
  return %sum : vector<32xf32>
}

// -----

// Only constant panels: not a buffer argument, not a 2-d constant (a row
// operand broadcast from [M][K]), not a loop of another step.
// CHECK-LABEL: func.func @not_panels
// CHECK-NOT: memref.prefetch
memref.global "private" constant @matrix : memref<64x32xf32> = dense<1.0>
func.func @not_panels(%arg: memref<2x64x32xf32>, %acc: vector<32xf32>) -> vector<32xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c64 = arith.constant 64 : index
  %pad = arith.constant 0.0 : f32
  %m = memref.get_global @matrix : memref<64x32xf32>
  %w = memref.get_global @panels : memref<2x64x32xf32>
  %sum = scf.for %k = %c0 to %c64 step %c1 iter_args(%a = %acc) -> (vector<32xf32>) {
    %u = vector.transfer_read %arg[%c0, %k, %c0], %pad {in_bounds = [true]} : memref<2x64x32xf32>, vector<32xf32>
    %v = vector.transfer_read %m[%k, %c0], %pad {in_bounds = [true]} : memref<64x32xf32>, vector<32xf32>
    %s = arith.addf %u, %v : vector<32xf32>
    scf.yield %s : vector<32xf32>
  }
  %sum2 = scf.for %k = %c0 to %c64 step %c2 iter_args(%a = %sum) -> (vector<32xf32>) {
    %v = vector.transfer_read %w[%c0, %k, %c0], %pad {in_bounds = [true]} : memref<2x64x32xf32>, vector<32xf32>
    %s = arith.addf %a, %v : vector<32xf32>
    scf.yield %s : vector<32xf32>
  }
  return %sum2 : vector<32xf32>
}
memref.global "private" constant @panels : memref<2x64x32xf32> = dense<1.0>
