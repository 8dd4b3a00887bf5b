// RUN: tensor-opt %s --tessera-default-cpu-schedules --split-input-file | FileCheck %s

// Window copies into panels of output positions (in[c, oh + kh, ow * 8 +
// kw + j]: the row j shifted by a sum of loops) move rows of 8 as vectors
// of 8, half a vector register of 16. Each thread tile of the contraction
// (8 panels: 4 rows of output positions) copies its own windows, which it
// then reads from cache.
// CHECK: #[[$HALF:.*]] = affine_map<(d0) -> (d0 floordiv 2)>
// CHECK-LABEL: func.func @panels_of_8
// CHECK-NOT: tensor<16x2x1x64x3x3x8xf32>)
// CHECK: scf.forall (%[[PANEL:.*]]) = (0) to (32) step (8) {{.*}} -> (tensor<32x32x8xf32>)
// CHECK: %[[ROW0:.*]] = affine.apply #[[$HALF]](%[[PANEL]])
// CHECK: %[[TILE:.*]] = tensor.extract_slice %{{.*}}[%[[ROW0]], 0, 0, 0, 0, 0, 0] [4, 2, 1, 64, 3, 3, 8]
// CHECK: scf.for {{.*}} iter_args(%{{.*}} = %[[TILE]])
// CHECK: %[[ROW:.*]] = vector.transfer_read %arg0{{.*}} : tensor<1x64x18x18xf32>, vector<8xf32>
// CHECK: vector.transfer_write %[[ROW]], {{.*}} : vector<8xf32>, tensor<1x1x1x1x1x1x8xf32>
// CHECK: %[[WINDOWS:.*]] = tensor.collapse_shape {{.*}} into tensor<8x576x8xf32>
// CHECK: vector.transfer_read %[[WINDOWS]]
func.func @panels_of_8(%x: tensor<1x64x18x18xf32>, %w: tensor<32x64x3x3xf32>) -> tensor<1x32x16x16xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<1x32x16x16xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x32x16x16xf32>) -> tensor<1x32x16x16xf32>
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x64x18x18xf32>, tensor<32x64x3x3xf32>) outs(%acc : tensor<1x32x16x16xf32>) -> tensor<1x32x16x16xf32>
  return %0 : tensor<1x32x16x16xf32>
}

// -----

// Rows of 7 fit no vector register exactly: the copy, made in the thread
// tile, moves each row as one masked vector of 8 (unmasked vectors of 7
// measured slower). A tile of 2 panels is one row of output positions.
// CHECK: #[[$HALF:.*]] = affine_map<(d0) -> (d0 floordiv 2)>
// CHECK-LABEL: func.func @panels_of_7
// CHECK: scf.forall (%[[PANEL:.*]]) = (0) to (28) step (2)
// CHECK-NEXT: %[[ROW:.*]] = affine.apply #[[$HALF]](%[[PANEL]])
// CHECK-NEXT: %[[ROWS:.*]] = tensor.extract_slice %arg0[0, 0, %[[ROW]], 0] [1, 64, 3, 16]
// CHECK-NEXT: %[[TILE:.*]] = tensor.extract_slice %{{.*}}[%[[ROW]], 0, 0, 0, 0, 0, 0] [1, 2, 1, 64, 3, 3, 7]
// CHECK-NEXT: scf.for {{.*}} iter_args(%{{.*}} = %[[TILE]])
// CHECK: %[[MASK:.*]] = vector.constant_mask [7] : vector<8xi1>
// CHECK: %[[VALUES:.*]] = vector.transfer_read %{{.*}}[%c0], %{{.*}}, %[[MASK]] {in_bounds = [true]} : tensor<7xf32>, vector<8xf32>
// CHECK: vector.transfer_write %[[VALUES]], %{{.*}}[%c0], %[[MASK]] {in_bounds = [true]} : vector<8xf32>, tensor<7xf32>
// CHECK: tensor.collapse_shape {{.*}} into tensor<2x576x7xf32>
func.func @panels_of_7(%x: tensor<1x64x16x16xf32>, %w: tensor<32x64x3x3xf32>) -> tensor<1x32x14x14xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<1x32x14x14xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x32x14x14xf32>) -> tensor<1x32x14x14xf32>
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x64x16x16xf32>, tensor<32x64x3x3xf32>) outs(%acc : tensor<1x32x14x14xf32>) -> tensor<1x32x14x14xf32>
  return %0 : tensor<1x32x14x14xf32>
}

// -----

// Output positions that are the register tiles' vectors: each thread tile
// takes whole rows of them (4 rows of 32), so that it copies the columns
// it reads itself ([c, kh, kw][its 128 positions]). The strided rows stay
// a generic, left to LLVM.
// CHECK-DAG: #[[$INPUT_ROW:.*]] = affine_map<(d0) -> ((d0 floordiv 32) * 2)>
// CHECK-DAG: #[[$ROW:.*]] = affine_map<(d0) -> (d0 floordiv 32)>
// CHECK-LABEL: func.func @strided_columns
// CHECK-NOT: tensor<1x3x7x7x32x32xf32>)
// CHECK: scf.forall (%[[POSITION:.*]]) = (0) to (1024) step (128) {{.*}} -> (tensor<16x1024xf32>)
// CHECK-NEXT: %[[INPUT_ROW:.*]] = affine.apply #[[$INPUT_ROW]](%[[POSITION]])
// CHECK-NEXT: %[[ROW:.*]] = affine.apply #[[$ROW]](%[[POSITION]])
// CHECK-NEXT: %[[ROWS:.*]] = tensor.extract_slice %arg0[0, 0, %[[INPUT_ROW]], 0] [1, 3, 13, 69]
// CHECK-NEXT: %[[TILE:.*]] = tensor.extract_slice %{{.*}}[0, 0, 0, 0, %[[ROW]], 0] [1, 3, 7, 7, 4, 32]
// CHECK-NEXT: %[[COPY:.*]] = linalg.generic {{.*}} ins(%[[ROWS]] : tensor<1x3x13x69xf32>) outs(%[[TILE]] : tensor<1x3x7x7x4x32xf32>)
// CHECK: %[[COLUMNS:.*]] = tensor.collapse_shape %[[COPY]] {{\[}}[0, 1, 2, 3], [4, 5]] : tensor<1x3x7x7x4x32xf32> into tensor<147x128xf32>
// CHECK: vector.transfer_read %[[COLUMNS]]
func.func @strided_columns(%x: tensor<1x3x69x69xf32>, %w: tensor<16x3x7x7xf32>) -> tensor<1x16x32x32xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<1x16x32x32xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x16x32x32xf32>) -> tensor<1x16x32x32xf32>
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%x, %w : tensor<1x3x69x69xf32>, tensor<16x3x7x7xf32>) outs(%acc : tensor<1x16x32x32xf32>) -> tensor<1x16x32x32xf32>
  return %0 : tensor<1x16x32x32xf32>
}
