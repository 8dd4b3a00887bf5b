// RUN: tensor-opt %s --tessera-default-cpu-schedules="vector-width=4 min-threaded-iterations=0" --split-input-file | FileCheck %s

// The right operand of a contraction with at least 256 rows and a depth of
// at least 256 is copied into panels of one register tile's width
// ([N/8][K][8] with vectors of 4): a threaded copy of whole vectors. The
// result is [M][N/8][8] in the same memory; the epilogue (bias, relu) is
// expanded likewise and stays fused into the thread tiles, the fill into
// each register tile.
// CHECK-LABEL: func.func @panels
// CHECK: %[[B:.*]] = tensor.expand_shape %arg1 {{\[}}[0], [1, 2]] output_shape [256, 2, 8] : tensor<256x16xf32> into tensor<256x2x8xf32>
// CHECK: %[[PANELS:.*]] = scf.forall (%[[PANEL:.*]]) in (2) {{.*}} -> (tensor<2x256x8xf32>)
// CHECK: vector.transfer_read %[[B]][%{{.*}}, %[[PANEL]], %c0], {{.*}} : tensor<256x2x8xf32>, vector<8xf32>
// CHECK: %[[BIAS:.*]] = tensor.expand_shape %arg2 {{\[}}[0, 1]] output_shape [2, 8] : tensor<16xf32> into tensor<2x8xf32>
// CHECK: %[[OUT:.*]] = scf.forall ({{.*}}) = (0) to (256) step (64) {{.*}} -> (tensor<256x2x8xf32>)
// CHECK: vector.transfer_write %{{.*}} : vector<8x1x8xf32>, tensor<8x1x8xf32>
// CHECK: vector.transfer_read %[[PANELS]]{{.*}} : tensor<2x256x8xf32>, vector<8x1x8x1xf32>
// CHECK: scf.for {{.*}} -> (tensor<64x2x8xf32>)
// CHECK: vector.transfer_read %[[BIAS]]{{.*}} : tensor<2x8xf32>, vector<8xf32>
// CHECK: arith.maximumf {{.*}} : vector<8xf32>
// CHECK: tensor.collapse_shape %[[OUT]] {{\[}}[0], [1, 2]] : tensor<256x2x8xf32> into tensor<256x16xf32>
func.func @panels(%a: tensor<256x256xf32>, %b: tensor<256x16xf32>, %bias: tensor<16xf32>) -> tensor<256x16xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<256x16xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%empty : tensor<256x16xf32>) -> tensor<256x16xf32>
  %0 = linalg.matmul ins(%a, %b : tensor<256x256xf32>, tensor<256x16xf32>) outs(%fill : tensor<256x16xf32>) -> tensor<256x16xf32>
  %1 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%0, %bias : tensor<256x16xf32>, tensor<16xf32>) outs(%empty : tensor<256x16xf32>) {
  ^bb0(%x: f32, %y: f32, %out: f32):
    %s = arith.addf %x, %y : f32
    %r = arith.maximumf %s, %zero : f32
    linalg.yield %r : f32
  } -> tensor<256x16xf32>
  return %1 : tensor<256x16xf32>
}

// -----

// Constant weights are packed at compile time, whatever the size of the
// contraction: panel p of the new constant holds columns 8p..8p+7 of every
// row. A register tile of 4 rows, half a full one, takes two panels: as
// many accumulators as a full tile.
// CHECK-LABEL: func.func @panel_weights
// CHECK: %[[W:.*]] = arith.constant dense<{{\[\[\[}}0.000000e+00, 1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00, 5.000000e+00, 6.000000e+00, 7.000000e+00], [1.600000e+01, 1.700000e+01, 1.800000e+01, 1.900000e+01, 2.000000e+01, 2.100000e+01, 2.200000e+01, 2.300000e+01]], {{\[\[}}8.000000e+00, 9.000000e+00, 1.000000e+01, 1.100000e+01, 1.200000e+01, 1.300000e+01, 1.400000e+01, 1.500000e+01], [2.400000e+01, 2.500000e+01, 2.600000e+01, 2.700000e+01, 2.800000e+01, 2.900000e+01, 3.000000e+01, 3.100000e+01]]]> : tensor<2x2x8xf32>
// CHECK: vector.transfer_read %[[W]]{{.*}} : tensor<2x2x8xf32>, vector<4x2x8x1xf32>
// CHECK: tensor.collapse_shape %{{.*}} {{\[}}[0], [1, 2]] : tensor<4x2x8xf32> into tensor<4x16xf32>
func.func @panel_weights(%a: tensor<4x2xf32>) -> tensor<4x16xf32> {
  %w = arith.constant dense<[[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0], [16.0, 17.0, 18.0, 19.0, 20.0, 21.0, 22.0, 23.0, 24.0, 25.0, 26.0, 27.0, 28.0, 29.0, 30.0, 31.0]]> : tensor<2x16xf32>
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<4x16xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%empty : tensor<4x16xf32>) -> tensor<4x16xf32>
  %0 = linalg.matmul ins(%a, %w : tensor<4x2xf32>, tensor<2x16xf32>) outs(%fill : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %0 : tensor<4x16xf32>
}

// -----

// A vector-matrix product (M = 1) whose N (20) no multiple of two vectors
// divides: its constant weights are packed into panels of one vector (4),
// and a register tile takes all five panels (16 accumulators of one row
// would be allowed), five independent sums instead of one chain of FMAs.
// CHECK-LABEL: func.func @vector_matrix
// CHECK: %[[W:.*]] = arith.constant dense<{{.*}}> : tensor<5x8x4xf32>
// CHECK: scf.for {{.*}} iter_args(%{{.*}} = %{{.*}}, %[[ACC:.*]] = %{{.*}}) -> (tensor<1x5x4xf32>, vector<5x4xf32>)
// CHECK: vector.transfer_read %[[W]]{{.*}} : tensor<5x8x4xf32>, vector<5x4x1xf32>
// CHECK: arith.addf %[[ACC]], %{{.*}} : vector<5x4xf32>
func.func @vector_matrix(%x: tensor<1x8xf32>) -> tensor<1x20xf32> {
  %w = arith.constant dense<[[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0, 18.0, 19.0], [20.0, 21.0, 22.0, 23.0, 24.0, 25.0, 26.0, 27.0, 28.0, 29.0, 30.0, 31.0, 32.0, 33.0, 34.0, 35.0, 36.0, 37.0, 38.0, 39.0], [40.0, 41.0, 42.0, 43.0, 44.0, 45.0, 46.0, 47.0, 48.0, 49.0, 50.0, 51.0, 52.0, 53.0, 54.0, 55.0, 56.0, 57.0, 58.0, 59.0], [60.0, 61.0, 62.0, 63.0, 64.0, 65.0, 66.0, 67.0, 68.0, 69.0, 70.0, 71.0, 72.0, 73.0, 74.0, 75.0, 76.0, 77.0, 78.0, 79.0], [80.0, 81.0, 82.0, 83.0, 84.0, 85.0, 86.0, 87.0, 88.0, 89.0, 90.0, 91.0, 92.0, 93.0, 94.0, 95.0, 96.0, 97.0, 98.0, 99.0], [100.0, 101.0, 102.0, 103.0, 104.0, 105.0, 106.0, 107.0, 108.0, 109.0, 110.0, 111.0, 112.0, 113.0, 114.0, 115.0, 116.0, 117.0, 118.0, 119.0], [120.0, 121.0, 122.0, 123.0, 124.0, 125.0, 126.0, 127.0, 128.0, 129.0, 130.0, 131.0, 132.0, 133.0, 134.0, 135.0, 136.0, 137.0, 138.0, 139.0], [140.0, 141.0, 142.0, 143.0, 144.0, 145.0, 146.0, 147.0, 148.0, 149.0, 150.0, 151.0, 152.0, 153.0, 154.0, 155.0, 156.0, 157.0, 158.0, 159.0]]> : tensor<8x20xf32>
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<1x20xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x20xf32>) -> tensor<1x20xf32>
  %0 = linalg.matmul ins(%x, %w : tensor<1x8xf32>, tensor<8x20xf32>) outs(%fill : tensor<1x20xf32>) -> tensor<1x20xf32>
  return %0 : tensor<1x20xf32>
}

// -----

// A runtime operand of a small contraction (64 rows) is not worth the copy:
// it is read in place.
// CHECK-LABEL: func.func @unpacked
// CHECK-NOT: tensor.expand_shape
// CHECK: vector.transfer_read %arg1{{.*}} : tensor<256x16xf32>
func.func @unpacked(%a: tensor<64x256xf32>, %b: tensor<256x16xf32>, %c: tensor<64x16xf32>) -> tensor<64x16xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<64x256xf32>, tensor<256x16xf32>) outs(%c : tensor<64x16xf32>) -> tensor<64x16xf32>
  return %0 : tensor<64x16xf32>
}

// -----

// Output channels as the vector dimension (7x7 outputs fill no register
// tile): the constant filter is packed into panels of 8 output channels,
// [f/8][k][8] (panel 0, k = 0: w[0..7, 0] = 0, 2, ..., 14; k = 1: 1, 3, ...);
// the result is [f/8][8][h*w]. With a single K tile, each register tile
// writes its zeros and sums on its own.
// CHECK-LABEL: func.func @transposed_panels
// CHECK: %[[W:.*]] = arith.constant dense<"0x0000000000000040000080400000C040000000410000204100004041000060410000803F000040400000A0400000E04000001041000030410000504100007041{{.*}}"> : tensor<8x2x8xf32>
// CHECK: %[[PANELS:.*]] = tensor.expand_shape %{{.*}} {{\[}}[0, 1], [2]] output_shape [8, 8, 49] : tensor<64x49xf32> into tensor<8x8x49xf32>
// CHECK: %[[OUT:.*]] = scf.forall {{.*}} shared_outs(%{{.*}} = %[[PANELS]]) -> (tensor<8x8x49xf32>)
// CHECK: scf.for
// CHECK: %[[ZEROS:.*]] = vector.transfer_write %{{.*}} : vector<8x7xf32>, tensor<1x8x7xf32>
// CHECK: vector.transfer_read %[[ZEROS]]{{.*}} : tensor<1x8x7xf32>, vector<7x1x8xf32>
// CHECK: vector.transfer_read %[[W]]{{.*}} : tensor<8x2x8xf32>
// CHECK: tensor.collapse_shape %[[OUT]] {{\[}}[0, 1], [2]] : tensor<8x8x49xf32> into tensor<64x49xf32>
func.func @transposed_panels(%x: tensor<1x2x7x7xf32>) -> tensor<1x64x7x7xf32> {
  %w = arith.constant dense<[[[[  0.0]],  [[  1.0]]], [[[  2.0]],  [[  3.0]]], [[[  4.0]],  [[  5.0]]], [[[  6.0]],  [[  7.0]]], [[[  8.0]],  [[  9.0]]], [[[ 10.0]],  [[ 11.0]]], [[[ 12.0]],  [[ 13.0]]], [[[ 14.0]],  [[ 15.0]]], [[[ 16.0]],  [[ 17.0]]], [[[ 18.0]],  [[ 19.0]]], [[[ 20.0]],  [[ 21.0]]], [[[ 22.0]],  [[ 23.0]]], [[[ 24.0]],  [[ 25.0]]], [[[ 26.0]],  [[ 27.0]]], [[[ 28.0]],  [[ 29.0]]], [[[ 30.0]],  [[ 31.0]]], [[[ 32.0]],  [[ 33.0]]], [[[ 34.0]],  [[ 35.0]]], [[[ 36.0]],  [[ 37.0]]], [[[ 38.0]],  [[ 39.0]]], [[[ 40.0]],  [[ 41.0]]], [[[ 42.0]],  [[ 43.0]]], [[[ 44.0]],  [[ 45.0]]], [[[ 46.0]],  [[ 47.0]]], [[[ 48.0]],  [[ 49.0]]], [[[ 50.0]],  [[ 51.0]]], [[[ 52.0]],  [[ 53.0]]], [[[ 54.0]],  [[ 55.0]]], [[[ 56.0]],  [[ 57.0]]], [[[ 58.0]],  [[ 59.0]]], [[[ 60.0]],  [[ 61.0]]], [[[ 62.0]],  [[ 63.0]]], [[[ 64.0]],  [[ 65.0]]], [[[ 66.0]],  [[ 67.0]]], [[[ 68.0]],  [[ 69.0]]], [[[ 70.0]],  [[ 71.0]]], [[[ 72.0]],  [[ 73.0]]], [[[ 74.0]],  [[ 75.0]]], [[[ 76.0]],  [[ 77.0]]], [[[ 78.0]],  [[ 79.0]]], [[[ 80.0]],  [[ 81.0]]], [[[ 82.0]],  [[ 83.0]]], [[[ 84.0]],  [[ 85.0]]], [[[ 86.0]],  [[ 87.0]]], [[[ 88.0]],  [[ 89.0]]], [[[ 90.0]],  [[ 91.0]]], [[[ 92.0]],  [[ 93.0]]], [[[ 94.0]],  [[ 95.0]]], [[[ 96.0]],  [[ 97.0]]], [[[ 98.0]],  [[ 99.0]]], [[[100.0]],  [[101.0]]], [[[102.0]],  [[103.0]]], [[[104.0]],  [[105.0]]], [[[106.0]],  [[107.0]]], [[[108.0]],  [[109.0]]], [[[110.0]],  [[111.0]]], [[[112.0]],  [[113.0]]], [[[114.0]],  [[115.0]]], [[[116.0]],  [[117.0]]], [[[118.0]],  [[119.0]]], [[[120.0]],  [[121.0]]], [[[122.0]],  [[123.0]]], [[[124.0]],  [[125.0]]], [[[126.0]],  [[127.0]]]]> : tensor<64x2x1x1xf32>
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<1x64x7x7xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x64x7x7xf32>) -> tensor<1x64x7x7xf32>
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x2x7x7xf32>, tensor<64x2x1x1xf32>) outs(%fill : tensor<1x64x7x7xf32>) -> tensor<1x64x7x7xf32>
  return %0 : tensor<1x64x7x7xf32>
}

// -----

// The same with K = 2048 (K tiles of 512): the result is filled on its own, as
// rows of a new buffer split across the threads (a fill of panels inside a
// thread tile unrolls into a long run of stores).
// CHECK-LABEL: func.func @transposed_panels_deep
// CHECK: %[[BUFFER:.*]] = bufferization.alloc_tensor() : tensor<64x49xf32>
// CHECK: %[[FILLED:.*]] = scf.forall {{.*}} shared_outs(%{{.*}} = %[[BUFFER]]) -> (tensor<64x49xf32>)
// CHECK: linalg.fill
// CHECK: %[[PANELS:.*]] = tensor.expand_shape %[[FILLED]] {{\[}}[0, 1], [2]] output_shape [8, 8, 49] : tensor<64x49xf32> into tensor<8x8x49xf32>
// CHECK: scf.forall {{.*}} shared_outs(%{{.*}} = %[[PANELS]]) -> (tensor<8x8x49xf32>)
// CHECK-NOT: linalg.fill
// CHECK: scf.for {{.*}} step %c512
func.func @transposed_panels_deep(%x: tensor<1x2048x7x7xf32>) -> tensor<1x64x7x7xf32> {
  %w = arith.constant dense<0.5> : tensor<64x2048x1x1xf32>
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<1x64x7x7xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x64x7x7xf32>) -> tensor<1x64x7x7xf32>
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x2048x7x7xf32>, tensor<64x2048x1x1xf32>) outs(%fill : tensor<1x64x7x7xf32>) -> tensor<1x64x7x7xf32>
  return %0 : tensor<1x64x7x7xf32>
}

// -----

// A convolution whose output channels are the register tiles' vectors
// (14 x 14 positions are no multiple of 8) reads its columns along M, the
// output positions. Its window copy writes them as panels of 7 positions
// (a divisor of the 14-wide rows, so the copy indexes without divisions):
// [oh][ow / 7][c, kh, kw][7], collapsed to [M / 7][K][7]. Each thread
// tile copies the windows of its panels (whole rows of output positions
// or parts of one: here one row, its input rows oh..oh + 2) right before
// its register tiles read them. Each register tile reads its 7 rows from
// one contiguous panel (broadcast along the tile) and its accumulators
// transposed.
// CHECK-LABEL: func.func @conv_row_panels
// CHECK-NOT: tensor<14x2x1x8x3x3x7xf32>)
// CHECK: %[[OUT:.*]] = scf.forall ({{.*}}) = (0) to (28) step (2) {{.*}} -> (tensor<16x28x7xf32>)
// CHECK: %[[TILE:.*]] = tensor.extract_slice %{{.*}}[%{{.*}}, 0, 0, 0, 0, 0, 0] [1, 2, 1, 8, 3, 3, 7]
// CHECK: %[[COPY:.*]] = linalg.generic {{.*}} ins(%{{.*}} : tensor<1x8x3x16xf32>) outs(%[[TILE]] : tensor<1x2x1x8x3x3x7xf32>)
// CHECK: %[[PANELS:.*]] = tensor.collapse_shape %[[COPY]] {{\[}}[0, 1], [2, 3, 4, 5], [6]] : tensor<1x2x1x8x3x3x7xf32> into tensor<2x72x7xf32>
// CHECK: vector.transfer_read {{.*}} : tensor<8x1x7xf32>, vector<7x8xf32>
// CHECK: vector.transfer_read %[[PANELS]]{{.*}} : tensor<2x72x7xf32>, vector<7x8x1xf32>
// CHECK: vector.transfer_write {{.*}} : vector<7x8xf32>, tensor<8x1x7xf32>
// CHECK: tensor.collapse_shape %[[OUT]] {{\[}}[0], [1, 2]] : tensor<16x28x7xf32> into tensor<16x196xf32>
func.func @conv_row_panels(%x: tensor<1x8x14x14xf32>, %w: tensor<16x8x3x3xf32>) -> tensor<1x16x14x14xf32> {
  %zero = arith.constant 0.0 : f32
  %padded = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%a: index, %b: index, %c: index, %d: index):
    tensor.yield %zero : f32
  } : tensor<1x8x14x14xf32> to tensor<1x8x16x16xf32>
  %empty = tensor.empty() : tensor<1x16x14x14xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x16x14x14xf32>) -> tensor<1x16x14x14xf32>
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%padded, %w : tensor<1x8x16x16xf32>, tensor<16x8x3x3xf32>) outs(%acc : tensor<1x16x14x14xf32>) -> tensor<1x16x14x14xf32>
  return %0 : tensor<1x16x14x14xf32>
}

// -----

// Output positions that fill register tiles (16 x 16) still become panels
// when the window copy is at least 512 deep (K = 64 x 3 x 3): the output
// channels are the vectors and the copy writes [M / 8][K][8]. Shallower
// copies (@im2col in default-cpu-schedules.mlir) keep the positions as
// vectors.
// CHECK-LABEL: func.func @conv_row_panels_aligned
// CHECK: %[[OUT:.*]] = scf.forall ({{.*}}) = (0) to (32) step (8) {{.*}} -> (tensor<16x32x8xf32>)
// CHECK: %[[TILE:.*]] = tensor.extract_slice %{{.*}}[%{{.*}}, 0, 0, 0, 0, 0, 0] [4, 2, 1, 64, 3, 3, 8]
// CHECK: %[[COPY:.*]] = scf.for {{.*}} iter_args(%{{.*}} = %[[TILE]])
// CHECK: %[[PANELS:.*]] = tensor.collapse_shape %[[COPY]] {{\[}}[0, 1], [2, 3, 4, 5], [6]] : tensor<4x2x1x64x3x3x8xf32> into tensor<8x576x8xf32>
// CHECK: vector.transfer_read %[[PANELS]]{{.*}} : tensor<8x576x8xf32>, vector<8x8x1xf32>
// CHECK: tensor.collapse_shape %[[OUT]] {{\[}}[0], [1, 2]] : tensor<16x32x8xf32> into tensor<16x256xf32>
func.func @conv_row_panels_aligned(%x: tensor<1x64x16x16xf32>, %w: tensor<16x64x3x3xf32>) -> tensor<1x16x16x16xf32> {
  %zero = arith.constant 0.0 : f32
  %padded = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%a: index, %b: index, %c: index, %d: index):
    tensor.yield %zero : f32
  } : tensor<1x64x16x16xf32> to tensor<1x64x18x18xf32>
  %empty = tensor.empty() : tensor<1x16x16x16xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x16x16x16xf32>) -> tensor<1x16x16x16xf32>
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%padded, %w : tensor<1x64x18x18xf32>, tensor<16x64x3x3xf32>) outs(%acc : tensor<1x16x16x16xf32>) -> tensor<1x16x16x16xf32>
  return %0 : tensor<1x16x16x16xf32>
}

// -----

// With constant weights in panels too and several K tiles (panels of
// 7 x 11520 floats are too large for one, and so are the weights' panels
// of 11520 x 8 for a register tile that would read its windows in place),
// the result [F / 8][8][M / 7][7] is filled first, as rows of the
// unexpanded result, and the windows are copied.
// CHECK-LABEL: func.func @conv_row_panels_deep
// CHECK: %[[ROWS:.*]] = scf.forall {{.*}} -> (tensor<16x196xf32>)
// CHECK: linalg.fill {{.*}} -> tensor<2x196xf32>
// CHECK: %[[RESULT:.*]] = tensor.expand_shape %[[ROWS]] {{\[}}[0, 1], [2, 3]] output_shape [2, 8, 28, 7]
// CHECK: scf.forall ({{.*}}) = (0) to (28) step (2) shared_outs(%{{.*}} = %[[RESULT]])
// CHECK-NOT: linalg.fill
// CHECK: linalg.generic
// CHECK: } -> tensor<1x2x1x1280x3x3x7xf32>
// CHECK-NOT: linalg.fill
// CHECK: scf.for {{.*}} step %c640
// CHECK: vector.transfer_read {{.*}} : tensor<1x8x1x7xf32>, vector<7x1x8xf32>
func.func @conv_row_panels_deep(%x: tensor<1x1280x14x14xf32>) -> tensor<1x16x14x14xf32> {
  %zero = arith.constant 0.0 : f32
  %w = arith.constant dense<1.0e-2> : tensor<16x1280x3x3xf32>
  %padded = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%a: index, %b: index, %c: index, %d: index):
    tensor.yield %zero : f32
  } : tensor<1x1280x14x14xf32> to tensor<1x1280x16x16xf32>
  %empty = tensor.empty() : tensor<1x16x14x14xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x16x14x14xf32>) -> tensor<1x16x14x14xf32>
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%padded, %w : tensor<1x1280x16x16xf32>, tensor<16x1280x3x3xf32>) outs(%acc : tensor<1x16x14x14xf32>) -> tensor<1x16x14x14xf32>
  return %0 : tensor<1x16x14x14xf32>
}

// -----

// Register tiles that read their windows in place take all of K while the
// weights' panel fits a cache tile (2304 x 8 floats here), although their
// rows of windows (7 x 2304) would not fit L1 as a panel.
// CHECK-LABEL: func.func @conv_row_panels_deep_in_place
// CHECK-NOT: 3x3x7xf32>
// CHECK: scf.for %{{.*}} = %c0 to %c256 step %c1 iter_args({{.*}}) -> (tensor<8x7xf32>, vector<7x8xf32>)
// CHECK-NOT: 3x3x7xf32>
func.func @conv_row_panels_deep_in_place(%x: tensor<1x256x14x14xf32>) -> tensor<1x16x14x14xf32> {
  %zero = arith.constant 0.0 : f32
  %w = arith.constant dense<1.0e-2> : tensor<16x256x3x3xf32>
  %padded = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%a: index, %b: index, %c: index, %d: index):
    tensor.yield %zero : f32
  } : tensor<1x256x14x14xf32> to tensor<1x256x16x16xf32>
  %empty = tensor.empty() : tensor<1x16x14x14xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x16x14x14xf32>) -> tensor<1x16x14x14xf32>
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%padded, %w : tensor<1x256x16x16xf32>, tensor<16x256x3x3xf32>) outs(%acc : tensor<1x16x14x14xf32>) -> tensor<1x16x14x14xf32>
  return %0 : tensor<1x16x14x14xf32>
}

// -----

// Panels of up to 32 KiB (7 x 1152 floats here) take all of K in one tile:
// each register tile is zeroed and summed on its own, its transposed
// accumulators read and written once. Such a register tile reads its
// windows (unit strides) in place, from the padded input, instead of from
// a copy: a loop over the 128 channels whose step is the 3 x 3 taps,
// unrolled, each a row of 7 windows broadcast along the tile's vectors.
// CHECK-DAG: #[[$BROADCAST:.*]] = affine_map<(d0, d1, d2, d3) -> (d3, 0)>
// CHECK-LABEL: func.func @conv_row_panels_one_k_tile
// CHECK-NOT: 3x3x7xf32>
// CHECK: %[[PADDED:.*]] = tensor.insert_slice {{.*}} : tensor<1x128x14x14xf32> into tensor<1x128x16x16xf32>
// The register tiles loop over the weights' panels outermost.
// CHECK: scf.forall ({{.*}}) = (0) to (28) step (2)
// CHECK-NEXT: tensor.extract_slice
// CHECK-NEXT: scf.for %[[PANEL:.*]] = %c0 to %c2
// CHECK-NEXT: scf.for %{{.*}} = %c0 to %c2
// CHECK-NEXT: tensor.extract_slice %{{.*}}[%[[PANEL]], 0, 0] [1, 1152, 8]
// CHECK-NOT: linalg.fill
// CHECK: vector.transfer_write %{{.*}} : vector<8x1x7xf32>, tensor<1x8x1x7xf32>
// CHECK: scf.for %[[CHANNEL:.*]] = %c0 to %c128 step %c1 iter_args({{.*}}) -> (tensor<8x7xf32>, vector<7x8xf32>)
// CHECK-COUNT-9: vector.transfer_read %[[PADDED]][%c0, %[[CHANNEL]], %{{.*}}, %{{.*}}], %{{.*}} {in_bounds = [true, true], permutation_map = #[[$BROADCAST]]} : tensor<1x128x16x16xf32>, vector<7x8xf32>
// CHECK-NOT: vector.transfer_read %[[PADDED]]
// CHECK: scf.yield
// CHECK-NOT: 3x3x7xf32>
func.func @conv_row_panels_one_k_tile(%x: tensor<1x128x14x14xf32>) -> tensor<1x16x14x14xf32> {
  %zero = arith.constant 0.0 : f32
  %w = arith.constant dense<1.0e-2> : tensor<16x128x3x3xf32>
  %padded = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%a: index, %b: index, %c: index, %d: index):
    tensor.yield %zero : f32
  } : tensor<1x128x14x14xf32> to tensor<1x128x16x16xf32>
  %empty = tensor.empty() : tensor<1x16x14x14xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x16x14x14xf32>) -> tensor<1x16x14x14xf32>
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%padded, %w : tensor<1x128x16x16xf32>, tensor<16x128x3x3xf32>) outs(%acc : tensor<1x16x14x14xf32>) -> tensor<1x16x14x14xf32>
  return %0 : tensor<1x16x14x14xf32>
}

// -----

// Strided windows are no contiguous rows of the input: the register tiles
// of this one read them from the thread tile's copy.
// CHECK-LABEL: func.func @conv_row_panels_strided
// CHECK: %[[COPY:.*]] = linalg.generic {{.*}} ins(%{{.*}} : tensor<1x64x5x17xf32>) outs(%{{.*}} : tensor<2x1x1x64x3x3x8xf32>)
// CHECK: %[[PANELS:.*]] = tensor.collapse_shape %[[COPY]] {{.*}} into tensor<2x576x8xf32>
// CHECK: scf.for %{{.*}} = %c0 to %c576 step %c1
// CHECK: vector.transfer_read %[[PANELS]]
func.func @conv_row_panels_strided(%x: tensor<1x64x16x16xf32>) -> tensor<1x16x8x8xf32> {
  %zero = arith.constant 0.0 : f32
  %w = arith.constant dense<1.0e-2> : tensor<16x64x3x3xf32>
  %padded = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%a: index, %b: index, %c: index, %d: index):
    tensor.yield %zero : f32
  } : tensor<1x64x16x16xf32> to tensor<1x64x18x18xf32>
  %empty = tensor.empty() : tensor<1x16x8x8xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%padded, %w : tensor<1x64x18x18xf32>, tensor<16x64x3x3xf32>) outs(%acc : tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

// -----

// A 1x1 convolution reads its input as the columns: no copy is made to
// pack them (it was measured not to repay).
// CHECK-LABEL: func.func @pointwise_rows_unpacked
// CHECK: %[[COLUMNS:.*]] = tensor.collapse_shape %arg0 {{\[}}[0, 1], [2, 3]] : tensor<1x8x14x14xf32> into tensor<8x196xf32>
// CHECK-NOT: linalg.generic
// CHECK: vector.transfer_read %[[COLUMNS]]{{.*}} : tensor<8x196xf32>, vector<7x8x1xf32>
func.func @pointwise_rows_unpacked(%x: tensor<1x8x14x14xf32>, %w: tensor<16x8x1x1xf32>) -> tensor<1x16x14x14xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<1x16x14x14xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x16x14x14xf32>) -> tensor<1x16x14x14xf32>
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x8x14x14xf32>, tensor<16x8x1x1xf32>) outs(%acc : tensor<1x16x14x14xf32>) -> tensor<1x16x14x14xf32>
  return %0 : tensor<1x16x14x14xf32>
}
