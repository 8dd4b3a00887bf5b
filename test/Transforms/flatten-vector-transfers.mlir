// RUN: tensor-opt %s --split-input-file --tessera-flatten-vector-transfers | FileCheck %s
// RUN: tensor-opt %s --split-input-file --tessera-flatten-vector-transfers=vector-width=8 | FileCheck %s --check-prefix=AVX2

// A row of 8 positions of 2 phases, contiguous in memory, is read as one
// vector of 16 and transposed in registers; the phases are written as one
// vector of 16 too. With registers of 8 elements, rows of 8 are whole
// registers: only the read of 2-element rows is flattened.
// CHECK-LABEL: func.func @split_row
// CHECK: %[[ROWS16:.*]] = memref.collapse_shape %arg0 {{\[}}[0], [1, 2]] : memref<4x8x2xf32> into memref<4x16xf32>
// CHECK: %[[READ:.*]] = vector.transfer_read %[[ROWS16]][%arg2, %c0]{{.*}} : memref<4x16xf32>, vector<16xf32>
// CHECK: %[[ROWS:.*]] = vector.shape_cast %[[READ]] : vector<16xf32> to vector<8x2xf32>
// CHECK: %[[PHASES:.*]] = vector.transpose %[[ROWS]], [1, 0]
// CHECK: %[[FLAT:.*]] = vector.shape_cast %[[PHASES]] : vector<2x8xf32> to vector<16xf32>
// CHECK: vector.transfer_write %[[FLAT]], %{{.*}}[%arg2, %c0] {{.*}} : vector<16xf32>, memref<4x16xf32>
// AVX2-LABEL: func.func @split_row
// AVX2: vector.transfer_read %{{.*}} : memref<4x16xf32>, vector<16xf32>
// AVX2: vector.transfer_write %{{.*}} : vector<2x8xf32>, memref<4x2x8xf32>
func.func @split_row(%rows: memref<4x8x2xf32>, %phases: memref<4x2x8xf32>, %i: index) {
  %c0 = arith.constant 0 : index
  %pad = arith.constant 0.0 : f32
  %row = vector.transfer_read %rows[%i, %c0, %c0], %pad {in_bounds = [true, true]} : memref<4x8x2xf32>, vector<8x2xf32>
  %split = vector.transpose %row, [1, 0] : vector<8x2xf32> to vector<2x8xf32>
  vector.transfer_write %split, %phases[%i, %c0, %c0] {in_bounds = [true, true]} : vector<2x8xf32>, memref<4x2x8xf32>
  return
}

// -----

// Rows of a whole register (16 elements) are left as they are; so are rows
// that are not contiguous (16 apart, 8 long).
// CHECK-LABEL: func.func @left_alone
// CHECK: vector.transfer_read %{{.*}} : memref<4x16xf32>, vector<4x16xf32>
// CHECK: vector.transfer_read %{{.*}} : memref<4x8xf32, strided<[16, 1]>>, vector<4x8xf32>
func.func @left_alone(%whole: memref<4x16xf32>, %strided: memref<4x8xf32, strided<[16, 1]>>) -> (vector<4x16xf32>, vector<4x8xf32>) {
  %c0 = arith.constant 0 : index
  %pad = arith.constant 0.0 : f32
  %a = vector.transfer_read %whole[%c0, %c0], %pad {in_bounds = [true, true]} : memref<4x16xf32>, vector<4x16xf32>
  %b = vector.transfer_read %strided[%c0, %c0], %pad {in_bounds = [true, true]} : memref<4x8xf32, strided<[16, 1]>>, vector<4x8xf32>
  return %a, %b : vector<4x16xf32>, vector<4x8xf32>
}
