// RUN: tensor-opt %s --split-input-file --tessera-prefetch-panels=min-bytes=0 | FileCheck %s
// RUN: tensor-opt %s --split-input-file --tessera-prefetch-panels | FileCheck %s --check-prefix=SMALL
// RUN: tensor-opt %s --split-input-file --tessera-prefetch-panels="rows-ahead=0 min-bytes=0" | FileCheck %s --check-prefix=TRIP

// A register tile's K loop over a K tile of 16 rows of the weight panels
// [2][64][32]: each of the two cache lines of the row 16 rows on is
// prefetched into L1 (locality 3), and into L2 (locality 2) the row one trip
// on (the next K tile's; also 16 rows here). With the default threshold
// (2 MiB), 16 KiB of weights get the L1 prefetches only.
// CHECK-LABEL: func.func @k_tile
// CHECK: scf.for %[[K:.*]] = %c0 to %c16 step %c1
// CHECK: %[[ROW:.*]] = affine.apply #{{.*}}()[%[[K]], %arg1]
// CHECK: %[[AHEAD:.*]] = arith.addi %[[ROW]], %{{.*}} : index
// CHECK: memref.prefetch %[[W:.*]][%arg0, %[[AHEAD]], %{{.*}}], read, locality<3>, data : memref<2x64x32xf32>
// CHECK: memref.prefetch %[[W]][%arg0, %[[AHEAD]], %{{.*}}], read, locality<3>, data : memref<2x64x32xf32>
// CHECK: %[[NEXT:.*]] = arith.addi %[[ROW]], %{{.*}} : index
// CHECK: memref.prefetch %[[W]][%arg0, %[[NEXT]], %{{.*}}], read, locality<2>, data : memref<2x64x32xf32>
// CHECK: memref.prefetch %[[W]][%arg0, %[[NEXT]], %{{.*}}], read, locality<2>, data : memref<2x64x32xf32>
// CHECK-NOT: memref.prefetch
// CHECK: vector.transfer_read %[[W]][%arg0, %[[ROW]], %c0]
// SMALL-LABEL: func.func @k_tile
// SMALL-COUNT-2: locality<3>
// SMALL-NOT: memref.prefetch
// TRIP-LABEL: func.func @k_tile
// TRIP-NOT: locality<3>
// TRIP-COUNT-2: locality<2>
// TRIP-NOT: memref.prefetch
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

// Panels packed at run time (a buffer, here an argument) get the L1
// prefetches only, once per row however many transfers read it: two halves
// of one row of [2][64][32].
// CHECK-LABEL: func.func @runtime_panels
// CHECK: scf.for %[[K:.*]] = %c0 to %c64 step %c1
// CHECK: %[[AHEAD:.*]] = arith.addi %[[K]], %{{.*}} : index
// CHECK: memref.prefetch %arg0[%{{.*}}, %[[AHEAD]], %{{.*}}], read, locality<3>, data : memref<2x64x32xf32>
// CHECK: memref.prefetch %arg0[%{{.*}}, %[[AHEAD]], %{{.*}}], read, locality<3>, data : memref<2x64x32xf32>
// CHECK-NOT: memref.prefetch
// CHECK: return
// SMALL-LABEL: func.func @runtime_panels
// SMALL-COUNT-2: locality<3>
// SMALL-NOT: memref.prefetch
// TRIP-LABEL: func.func @runtime_panels
// TRIP-NOT: memref.prefetch
func.func @runtime_panels(%arg: memref<2x64x32xf32>, %acc: vector<16xf32>) -> vector<16xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %c64 = arith.constant 64 : index
  %pad = arith.constant 0.0 : f32
  %sum = scf.for %k = %c0 to %c64 step %c1 iter_args(%a = %acc) -> (vector<16xf32>) {
    %u = vector.transfer_read %arg[%c0, %k, %c0], %pad {in_bounds = [true]} : memref<2x64x32xf32>, vector<16xf32>
    %v = vector.transfer_read %arg[%c0, %k, %c16], %pad {in_bounds = [true]} : memref<2x64x32xf32>, vector<16xf32>
    %s = arith.addf %u, %v : vector<16xf32>
    %t = arith.addf %a, %s : vector<16xf32>
    scf.yield %t : vector<16xf32>
  }
  return %sum : vector<16xf32>
}

// -----

// A loop that carries no vector accumulators (a copy of rows of planes)
// gets no L1 prefetches; the L2 prefetches of a large constant stay.
// CHECK-LABEL: func.func @copy_rows
// CHECK-NOT: locality<3>
// CHECK-COUNT-2: locality<2>
// CHECK-NOT: memref.prefetch
// CHECK: return
// SMALL-LABEL: func.func @copy_rows
// SMALL-NOT: memref.prefetch
// TRIP-LABEL: func.func @copy_rows
// TRIP-COUNT-2: locality<2>
// TRIP-NOT: memref.prefetch
memref.global "private" constant @planes : memref<2x64x32xf32> = dense<1.0>
func.func @copy_rows(%out: memref<64x32xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  %pad = arith.constant 0.0 : f32
  %w = memref.get_global @planes : memref<2x64x32xf32>
  scf.for %row = %c0 to %c64 step %c1 {
    %v = vector.transfer_read %w[%c1, %row, %c0], %pad {in_bounds = [true]} : memref<2x64x32xf32>, vector<32xf32>
    vector.transfer_write %v, %out[%row, %c0] {in_bounds = [true]} : vector<32xf32>, memref<64x32xf32>
  }
  return
}

// -----

// Not panels: a 2-d constant (a row operand broadcast from [M][K]), a read
// whose panel index moves with the loop too, a loop of another step.
// CHECK-LABEL: func.func @not_panels
// CHECK-NOT: memref.prefetch
// SMALL-LABEL: func.func @not_panels
// SMALL-NOT: memref.prefetch
// TRIP-LABEL: func.func @not_panels
// TRIP-NOT: memref.prefetch
memref.global "private" constant @matrix : memref<64x32xf32> = dense<1.0>
func.func @not_panels(%acc: vector<32xf32>) -> vector<32xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c64 = arith.constant 64 : index
  %pad = arith.constant 0.0 : f32
  %m = memref.get_global @matrix : memref<64x32xf32>
  %w = memref.get_global @panels : memref<2x64x32xf32>
  %sum = scf.for %k = %c0 to %c2 step %c1 iter_args(%a = %acc) -> (vector<32xf32>) {
    %u = vector.transfer_read %w[%k, %k, %c0], %pad {in_bounds = [true]} : memref<2x64x32xf32>, vector<32xf32>
    %v = vector.transfer_read %m[%k, %c0], %pad {in_bounds = [true]} : memref<64x32xf32>, vector<32xf32>
    %s = arith.addf %u, %v : vector<32xf32>
    %t = arith.addf %a, %s : vector<32xf32>
    scf.yield %t : vector<32xf32>
  }
  %sum2 = scf.for %k = %c0 to %c64 step %c2 iter_args(%a = %sum) -> (vector<32xf32>) {
    %v = vector.transfer_read %w[%c0, %k, %c0], %pad {in_bounds = [true]} : memref<2x64x32xf32>, vector<32xf32>
    %s = arith.addf %a, %v : vector<32xf32>
    scf.yield %s : vector<32xf32>
  }
  return %sum2 : vector<32xf32>
}
memref.global "private" constant @panels : memref<2x64x32xf32> = dense<1.0>
