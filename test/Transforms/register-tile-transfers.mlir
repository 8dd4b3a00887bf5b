// RUN: tensor-opt %s --tessera-register-tile-transfers --split-input-file | FileCheck %s

// A register tile's 4 rows, contiguous in a panel and each broadcast along
// the tile's 8 columns, are read one element at a time (LLVM broadcasts each
// from memory).
// CHECK-LABEL: func.func @broadcast_rows
// CHECK-COUNT-4: vector.transfer_read %arg0{{.*}} : tensor<2x16x4xf32>, vector<1x8xf32>
// CHECK-NOT: vector.transfer_read
func.func @broadcast_rows(%panels: tensor<2x16x4xf32>, %p: index, %k: index) -> vector<4x8xf32> {
  %pad = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %rows = vector.transfer_read %panels[%p, %k, %c0], %pad {in_bounds = [true, true], permutation_map = affine_map<(d0, d1, d2) -> (d2, 0)>} : tensor<2x16x4xf32>, vector<4x8xf32>
  return %rows : vector<4x8xf32>
}

// -----

// Rows not contiguous (one per row of the source) are loaded one at a time
// already; a plain row read is no broadcast.
// CHECK-LABEL: func.func @untouched_reads
// CHECK: vector.transfer_read %arg0{{.*}} : tensor<4x16xf32>, vector<4x8xf32>
// CHECK: vector.transfer_read %arg0{{.*}} : tensor<4x16xf32>, vector<4x16xf32>
func.func @untouched_reads(%a: tensor<4x16xf32>, %k: index) -> (vector<4x8xf32>, vector<4x16xf32>) {
  %pad = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %strided = vector.transfer_read %a[%c0, %k], %pad {in_bounds = [true, true], permutation_map = affine_map<(d0, d1) -> (d0, 0)>} : tensor<4x16xf32>, vector<4x8xf32>
  %rows = vector.transfer_read %a[%c0, %c0], %pad {in_bounds = [true, true]} : tensor<4x16xf32>, vector<4x16xf32>
  return %strided, %rows : vector<4x8xf32>, vector<4x16xf32>
}

// -----

// The accumulators of a register tile of a result in panels [F][M/7][7]
// (one panel: a unit dimension the transposed map skips) are read and
// written with a permutation of all the tile's dimensions.
// CHECK-DAG: #[[WHOLE:.*]] = affine_map<(d0, d1, d2) -> (d2, d0, d1)>
// CHECK-LABEL: func.func @transposed_tile
// CHECK: %[[READ:.*]] = vector.transfer_read %arg0{{.*}} {in_bounds = [true, true, true], permutation_map = #[[WHOLE]]} : tensor<8x1x7xf32>, vector<7x8x1xf32>
// CHECK: %[[ACC:.*]] = vector.shape_cast %[[READ]] : vector<7x8x1xf32> to vector<7x8xf32>
// CHECK: %[[SUM:.*]] = arith.addf %[[ACC]], %[[ACC]]
// CHECK: %[[WRITTEN:.*]] = vector.shape_cast %[[SUM]] : vector<7x8xf32> to vector<7x8x1xf32>
// CHECK: vector.transfer_write %[[WRITTEN]], %arg0{{.*}} {in_bounds = [true, true, true], permutation_map = #[[WHOLE]]} : vector<7x8x1xf32>, tensor<8x1x7xf32>
func.func @transposed_tile(%tile: tensor<8x1x7xf32>) -> tensor<8x1x7xf32> {
  %pad = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %acc = vector.transfer_read %tile[%c0, %c0, %c0], %pad {in_bounds = [true, true], permutation_map = affine_map<(d0, d1, d2) -> (d2, d0)>} : tensor<8x1x7xf32>, vector<7x8xf32>
  %sum = arith.addf %acc, %acc : vector<7x8xf32>
  %0 = vector.transfer_write %sum, %tile[%c0, %c0, %c0] {in_bounds = [true, true], permutation_map = affine_map<(d0, d1, d2) -> (d2, d0)>} : vector<7x8xf32>, tensor<8x1x7xf32>
  return %0 : tensor<8x1x7xf32>
}

// -----

// A projected transfer in order is lowered to rows already.
// CHECK-LABEL: func.func @rows_in_order
// CHECK: vector.transfer_read %arg0{{.*}} : tensor<8x1x7xf32>, vector<8x7xf32>
func.func @rows_in_order(%tile: tensor<8x1x7xf32>) -> vector<8x7xf32> {
  %pad = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %rows = vector.transfer_read %tile[%c0, %c0, %c0], %pad {in_bounds = [true, true], permutation_map = affine_map<(d0, d1, d2) -> (d0, d2)>} : tensor<8x1x7xf32>, vector<8x7xf32>
  return %rows : vector<8x7xf32>
}
