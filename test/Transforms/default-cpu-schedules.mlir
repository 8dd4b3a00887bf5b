// RUN: tensor-opt %s --tessera-default-cpu-schedules=min-threaded-iterations=0 --split-input-file | FileCheck %s

// A matmul whose sizes the tiles divide: 128x128 thread tiles (the whole
// height: four tiles are enough for the threads), a K loop of 512 (K tiles
// divide K, at most 640; 8 rows of K = 2048 do not fit L1), 8x32 register
// tiles vectorized, the accumulator carried through the K loop in registers.
// CHECK-LABEL: func.func @matmul
// CHECK: scf.forall ({{.*}}) = (0) to (512) step (128) {{.*}} -> (tensor<128x512xf32>)
// CHECK: scf.for {{.*}} step %c512
// CHECK: scf.for {{.*}} step %c8
// CHECK: scf.for {{.*}} step %c32
// CHECK: %[[ACC:.*]] = vector.transfer_read {{.*}} vector<8x32xf32>
// CHECK: scf.for {{.*}} iter_args({{.*}}, %{{.*}} = %[[ACC]]) -> (tensor<{{.*}}>, vector<8x32xf32>)
// CHECK: arith.mulf {{.*}} : vector<8x32xf32>
// CHECK: arith.addf {{.*}} : vector<8x32xf32>
// CHECK-NOT: linalg.matmul
func.func @matmul(%a: tensor<128x2048xf32>, %b: tensor<2048x512xf32>, %c: tensor<128x512xf32>) -> tensor<128x512xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<128x2048xf32>, tensor<2048x512xf32>) outs(%c : tensor<128x512xf32>) -> tensor<128x512xf32>
  return %0 : tensor<128x512xf32>
}

// -----

// K = 1024: 8 rows of it (32 KiB) fit L1, and K is one tile: each register
// tile zeroes its accumulators in registers and sums all of K; no fill of
// the thread tile, no K loop of tiles.
// CHECK-LABEL: func.func @whole_depth
// CHECK: %[[ZEROS:.*]] = arith.constant dense<0.000000e+00> : vector<8x32xf32>
// CHECK: scf.forall ({{.*}}) = (0) to (512) step (128)
// CHECK-NOT: linalg.fill
// CHECK: scf.for {{.*}} step %c8
// CHECK: scf.for {{.*}} step %c32
// CHECK: vector.transfer_write %[[ZEROS]]
// CHECK: scf.for {{.*}} = %c0 to %c1024 step %c1 iter_args({{.*}}) -> (tensor<8x32xf32>, vector<8x32xf32>)
// CHECK-NOT: linalg.
func.func @whole_depth(%a: tensor<128x1024xf32>, %b: tensor<1024x512xf32>) -> tensor<128x512xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<128x512xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<128x512xf32>) -> tensor<128x512xf32>
  %0 = linalg.matmul ins(%a, %b : tensor<128x1024xf32>, tensor<1024x512xf32>) outs(%acc : tensor<128x512xf32>) -> tensor<128x512xf32>
  return %0 : tensor<128x512xf32>
}

// -----

// N = 49 has no divisor of a useful vector length: the register loop over N
// is peeled; the full tile is plain vectors, the 8x17 rest masked ones. The
// 16 rows split in two 8-row tiles for the threads.
// CHECK-LABEL: func.func @ragged
// CHECK: scf.forall ({{.*}}) = (0) to (16) step (8)
// CHECK: %[[FULL:.*]] = vector.transfer_read %{{.*}}[%c0, %c0], %{{.*}} {in_bounds = [true, true]} : tensor<8x32xf32>, vector<8x32xf32>
// CHECK: scf.for {{.*}} iter_args({{.*}}, %{{.*}} = %[[FULL]])
// CHECK: vector.transfer_write {{.*}} : vector<8x32xf32>, tensor<8x32xf32>
// CHECK: vector.transfer_read %{{.*}}[%c0, %c0], %{{.*}}, %[[MASK:.*]] {in_bounds = [true, true]} : tensor<8x17xf32>, vector<8x32xf32>
// CHECK: vector.transfer_write %{{.*}}, %{{.*}}[%c0, %c0], %[[MASK]] {in_bounds = [true, true]} : vector<8x32xf32>, tensor<8x17xf32>
func.func @ragged(%a: tensor<16x64xf32>, %b: tensor<64x49xf32>, %c: tensor<16x49xf32>) -> tensor<16x49xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<16x64xf32>, tensor<64x49xf32>) outs(%c : tensor<16x49xf32>) -> tensor<16x49xf32>
  return %0 : tensor<16x49xf32>
}

// -----

// Convolutions become contractions: 1x1 with unit strides directly on the
// collapsed input, others through a copy of the input windows into an
// [n, c, kh, kw, oh, ow] tensor (split across threads along c, rows of at
// least two vectors copied a vector at a time), collapsed; a batch of one is
// collapsed away. (The copy is whole here: the contraction's thread tiles
// split the output channels too, so tiles would copy the same windows.) Output positions that fill register tiles are their
// vectors (for copies shallower than 512; see default-cpu-schedules-panels):
// out[f, p] += w[f, k] * columns[k, p].
// CHECK-LABEL: func.func @pointwise
// CHECK: tensor.collapse_shape %arg0 {{\[}}[0, 1], [2, 3]] : tensor<1x32x8x8xf32> into tensor<32x64xf32>
// CHECK-NOT: linalg.conv_2d_nchw_fchw
// CHECK: vector<8x32xf32>
// CHECK: tensor.expand_shape
// CHECK-LABEL: func.func @im2col
// CHECK: scf.forall ({{.*}}) in (8) {{.*}} -> (tensor<1x8x3x3x8x32xf32>)
// CHECK: vector.transfer_read %arg0{{.*}} : tensor<1x8x10x34xf32>, vector<32xf32>
// CHECK: vector.transfer_write {{.*}} : vector<32xf32>, tensor<1x1x1x1x1x32xf32>
// CHECK: tensor.collapse_shape %{{.*}} {{\[}}[0, 1, 2, 3], [4, 5]] : tensor<1x8x3x3x8x32xf32> into tensor<72x256xf32>
// CHECK-NOT: linalg.conv_2d_nchw_fchw
// CHECK: vector<8x32xf32>
func.func @pointwise(%x: tensor<1x32x8x8xf32>, %w: tensor<16x32x1x1xf32>, %init: tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32> {
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x32x8x8xf32>, tensor<16x32x1x1xf32>) outs(%init : tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}
func.func @im2col(%x: tensor<1x8x10x34xf32>, %w: tensor<16x8x3x3xf32>, %init: tensor<1x16x8x32xf32>) -> tensor<1x16x8x32xf32> {
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x8x10x34xf32>, tensor<16x8x3x3xf32>) outs(%init : tensor<1x16x8x32xf32>) -> tensor<1x16x8x32xf32>
  return %0 : tensor<1x16x8x32xf32>
}

// -----

// Integer contractions and dynamic shapes are not vectorized, only split
// across threads along their outermost parallel dimension (8 chunks).
// CHECK-LABEL: func.func @untouched
// CHECK: scf.forall ({{.*}}) in (8)
// CHECK: linalg.matmul ins(%{{.*}}, %arg1 : tensor<1x8xi32>, tensor<8x8xi32>)
// CHECK: scf.forall ({{.*}}) in (8)
// CHECK: linalg.matmul ins(%{{.*}}, %arg4 : tensor<?x8xf32>, tensor<8x8xf32>)
// CHECK-NOT: vector.
func.func @untouched(%a: tensor<8x8xi32>, %b: tensor<8x8xi32>, %c: tensor<8x8xi32>, %d: tensor<?x8xf32>, %e: tensor<8x8xf32>, %f: tensor<?x8xf32>) -> (tensor<8x8xi32>, tensor<?x8xf32>) {
  %0 = linalg.matmul ins(%a, %b : tensor<8x8xi32>, tensor<8x8xi32>) outs(%c : tensor<8x8xi32>) -> tensor<8x8xi32>
  %1 = linalg.matmul ins(%d, %e : tensor<?x8xf32>, tensor<8x8xf32>) outs(%f : tensor<?x8xf32>) -> tensor<?x8xf32>
  return %0, %1 : tensor<8x8xi32>, tensor<?x8xf32>
}

// -----

// Epilogue fusion: the bias add and the relu after a matmul become one
// elementwise kernel (the relu alone reads the sum), rewritten to update the
// matmul's result in place and run on each thread tile right after it, a
// row at a time as vectors; the accumulator's fill is fused too (four K
// tiles: the fill of the thread tile). One forall, no buffer of its own for
// the epilogue, and no kernel left outside.
// CHECK-LABEL: func.func @epilogue
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<128x512xf32>
// CHECK: scf.forall ({{.*}}) = (0) to (512) step (128) shared_outs(%[[OUT:.*]] = %[[EMPTY]])
// CHECK: %[[TILE:.*]] = tensor.extract_slice %[[OUT]]
// CHECK: %[[FILLED:.*]] = linalg.fill {{.*}} outs(%[[TILE]] : tensor<128x128xf32>)
// CHECK: %[[PRODUCT:.*]] = scf.for {{.*}} iter_args(%{{.*}} = %[[FILLED]])
// CHECK: vector<8x32xf32>
// CHECK: %[[RELU:.*]] = scf.for {{.*}} iter_args(%{{.*}} = %[[PRODUCT]]) -> (tensor<128x128xf32>)
// CHECK: vector.transfer_read %arg2{{.*}} : tensor<512xf32>, vector<128xf32>
// CHECK: arith.addf {{.*}} : vector<128xf32>
// CHECK: arith.maximumf {{.*}} : vector<128xf32>
// CHECK: tensor.parallel_insert_slice %[[RELU]] into %[[OUT]]
// CHECK-NOT: linalg.
// CHECK: return
func.func @epilogue(%a: tensor<128x2048xf32>, %b: tensor<2048x512xf32>, %bias: tensor<512xf32>) -> tensor<128x512xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<128x512xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<128x512xf32>) -> tensor<128x512xf32>
  %0 = linalg.matmul ins(%a, %b : tensor<128x2048xf32>, tensor<2048x512xf32>) outs(%acc : tensor<128x512xf32>) -> tensor<128x512xf32>
  %1 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%0, %bias : tensor<128x512xf32>, tensor<512xf32>) outs(%empty : tensor<128x512xf32>) {
  ^bb0(%x: f32, %y: f32, %out: f32):
    %s = arith.addf %x, %y : f32
    linalg.yield %s : f32
  } -> tensor<128x512xf32>
  %2 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%1 : tensor<128x512xf32>) outs(%empty : tensor<128x512xf32>) {
  ^bb0(%x: f32, %out: f32):
    %r = arith.maximumf %x, %zero : f32
    linalg.yield %r : f32
  } -> tensor<128x512xf32>
  return %2 : tensor<128x512xf32>
}

// -----

// A result used twice ends the epilogue: the add runs on the tiles, the relu
// after it (its operand has a second user) is a kernel of its own.
// CHECK-LABEL: func.func @shared_result
// CHECK: scf.forall ({{.*}}) = (0) to (512) step (128)
// CHECK: vector<8x32xf32>
// CHECK: arith.addf {{.*}} : vector<128xf32>
// CHECK: tensor.parallel_insert_slice
// CHECK: scf.forall ({{.*}}) in (8)
// CHECK: arith.maximumf
func.func @shared_result(%a: tensor<128x512xf32>, %b: tensor<512x512xf32>, %c: tensor<128x512xf32>) -> (tensor<128x512xf32>, tensor<128x512xf32>) {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<128x512xf32>
  %0 = linalg.matmul ins(%a, %b : tensor<128x512xf32>, tensor<512x512xf32>) outs(%c : tensor<128x512xf32>) -> tensor<128x512xf32>
  %1 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%0 : tensor<128x512xf32>) outs(%empty : tensor<128x512xf32>) {
  ^bb0(%x: f32, %out: f32):
    %s = arith.addf %x, %x : f32
    linalg.yield %s : f32
  } -> tensor<128x512xf32>
  %2 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%1 : tensor<128x512xf32>) outs(%empty : tensor<128x512xf32>) {
  ^bb0(%x: f32, %out: f32):
    %r = arith.maximumf %x, %zero : f32
    linalg.yield %r : f32
  } -> tensor<128x512xf32>
  return %1, %2 : tensor<128x512xf32>, tensor<128x512xf32>
}

// -----

// A convolution's bias add on [1, f, h, w] is brought to the contraction's
// [f, h * w] (unit dimension dropped, reshape moved past it) and fused. Its
// 7x7 outputs fill no register tile, its 32 channels do: the output channels
// are the vector dimension, read from the filter stored as [(c, kh, kw), f]
// at compile time (a new constant), and the tiles are written transposed.
// CHECK-LABEL: func.func @conv_bias
// CHECK-DAG: %[[PACKED:.*]] = arith.constant dense<{{\[\[}}0.000000e+00, 1.000000e+00, 2.000000e+00, {{.*}}, 3.100000e+01], [5.000000e-01, 1.500000e+00, {{.*}}, 3.150000e+01]]> : tensor<2x32xf32>
// CHECK: scf.forall ({{.*}}) = (0) to (49) step (7) shared_outs({{.*}}) -> (tensor<32x49xf32>)
// CHECK: vector.transfer_read %[[PACKED]]
// CHECK: vector.transfer_write {{.*}} {in_bounds = [true, true], permutation_map = #{{.*}}} : vector<7x32xf32>, tensor<32x7xf32>
// CHECK: scf.for {{.*}} -> (tensor<32x7xf32>)
// CHECK: vector.transfer_read %arg1{{.*}} : tensor<32xf32>, vector<7xf32>
// CHECK: arith.addf {{.*}} : vector<7xf32>
// CHECK: tensor.expand_shape {{.*}} : tensor<32x49xf32> into tensor<1x32x7x7xf32>
func.func @conv_bias(%x: tensor<1x2x7x7xf32>, %bias: tensor<32xf32>) -> tensor<1x32x7x7xf32> {
  %w = arith.constant dense<[[[[0.0]], [[0.5]]], [[[1.0]], [[1.5]]], [[[2.0]], [[2.5]]], [[[3.0]], [[3.5]]], [[[4.0]], [[4.5]]], [[[5.0]], [[5.5]]], [[[6.0]], [[6.5]]], [[[7.0]], [[7.5]]], [[[8.0]], [[8.5]]], [[[9.0]], [[9.5]]], [[[10.0]], [[10.5]]], [[[11.0]], [[11.5]]], [[[12.0]], [[12.5]]], [[[13.0]], [[13.5]]], [[[14.0]], [[14.5]]], [[[15.0]], [[15.5]]], [[[16.0]], [[16.5]]], [[[17.0]], [[17.5]]], [[[18.0]], [[18.5]]], [[[19.0]], [[19.5]]], [[[20.0]], [[20.5]]], [[[21.0]], [[21.5]]], [[[22.0]], [[22.5]]], [[[23.0]], [[23.5]]], [[[24.0]], [[24.5]]], [[[25.0]], [[25.5]]], [[[26.0]], [[26.5]]], [[[27.0]], [[27.5]]], [[[28.0]], [[28.5]]], [[[29.0]], [[29.5]]], [[[30.0]], [[30.5]]], [[[31.0]], [[31.5]]]]> : tensor<32x2x1x1xf32>
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<1x32x7x7xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x32x7x7xf32>) -> tensor<1x32x7x7xf32>
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x2x7x7xf32>, tensor<32x2x1x1xf32>) outs(%acc : tensor<1x32x7x7xf32>) -> tensor<1x32x7x7xf32>
  %1 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d1)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%0, %bias : tensor<1x32x7x7xf32>, tensor<32xf32>) outs(%empty : tensor<1x32x7x7xf32>) {
  ^bb0(%in: f32, %b: f32, %out: f32):
    %s = arith.addf %in, %b : f32
    linalg.yield %s : f32
  } -> tensor<1x32x7x7xf32>
  return %1 : tensor<1x32x7x7xf32>
}

// -----

// A depthwise convolution of one image with stride 2 reads the columns of
// its planes by phase. Each one-channel tile splits its unpadded plane
// [h, w] into [h, 2, w / 2] (a transpose of [w / 2, 2] rows: each row read
// as it lies and transposed in registers) right into the interior of its
// padded phases (rows 1 before and after, positions 1 before: tap kw reads
// phase (kw - 1) mod 2), whose border alone is filled: the row above, the
// row below, the position before. Each tap is then a strided slice of one
// phase of that padded plane (rows 2 apart), one elementwise kernel per
// tap, fused with the fill and the bias and vectorized over the whole
// plane. A pad read by anything else becomes a threaded fill and copy.
// CHECK-LABEL: func.func @depthwise
// CHECK: scf.forall (%[[G:.*]]) in (8) shared_outs({{.*}}) -> (tensor<8x10x10xf32>)
// CHECK: %[[PLANE:.*]] = tensor.extract_slice %{{.*}}[%[[G]], 0, 0] [1, 20, 20] [1, 1, 1] : tensor<8x20x20xf32> to tensor<1x20x20xf32>
// CHECK: %[[ROWS:.*]] = tensor.expand_shape %[[PLANE]] {{.*}} into tensor<1x20x10x2xf32>
// CHECK: %[[BUFFER:.*]] = bufferization.alloc_tensor() : tensor<1x22x2x11xf32>
// CHECK: %[[TOP:.*]] = tensor.extract_slice %[[BUFFER]][0, 0, 0, 0] [1, 1, 2, 11]
// CHECK: linalg.fill {{.*}} outs(%[[TOP]]
// CHECK: tensor.extract_slice %{{.*}}[0, 21, 0, 0] [1, 1, 2, 11]
// CHECK: linalg.fill
// CHECK: tensor.extract_slice %{{.*}}[0, 1, 0, 0] [1, 20, 2, 1]
// CHECK: linalg.fill
// CHECK-NOT: linalg.fill
// CHECK: %[[INTERIOR:.*]] = tensor.extract_slice %{{.*}}[0, 1, 0, 1] [1, 20, 2, 10]
// CHECK: %[[SPLIT:.*]] = scf.for {{.*}} iter_args(%{{.*}} = %[[INTERIOR]])
// CHECK: %[[ROW:.*]] = vector.transfer_read %[[ROWS]]{{.*}} : tensor<1x20x10x2xf32>, vector<10x2xf32>
// CHECK: vector.transpose %[[ROW]], [1, 0] : vector<10x2xf32> to vector<2x10xf32>
// CHECK: %[[PHASES:.*]] = tensor.insert_slice %[[SPLIT]] into %{{.*}}[0, 1, 0, 1] [1, 20, 2, 10]
// CHECK-SAME: tensor<1x20x2x10xf32> into tensor<1x22x2x11xf32>
// CHECK-DAG: %[[TAP0:.*]] = tensor.extract_slice %[[PHASES]][0, 0, 1, 0] [1, 10, 1, 10] [1, 2, 1, 1] : tensor<1x22x2x11xf32> to tensor<1x10x10xf32>
// CHECK-DAG: tensor.extract_slice %[[PHASES]][0, 0, 0, 1] [1, 10, 1, 10] [1, 2, 1, 1]
// CHECK-DAG: tensor.extract_slice %[[PHASES]][0, 2, 1, 1] [1, 10, 1, 10] [1, 2, 1, 1]
// CHECK: vector.transfer_read %[[TAP0]]{{.*}} vector<10x10xf32>
// CHECK-COUNT-8: arith.addf {{.*}} : vector<10x10xf32>
// CHECK: tensor.parallel_insert_slice
// CHECK: scf.forall ({{.*}}) in (8) shared_outs({{.*}}) -> (tensor<1x8x22x22xf32>)
// CHECK: linalg.fill
// CHECK: scf.forall ({{.*}}) in (8) shared_outs({{.*}}) -> (tensor<1x8x20x20xf32>)
// CHECK: linalg.copy
// CHECK: tensor.insert_slice {{.*}} into {{.*}}[0, 0, 1, 1] [1, 8, 20, 20] [1, 1, 1, 1] : tensor<1x8x20x20xf32> into tensor<1x8x22x22xf32>
// CHECK-NOT: linalg.conv_2d_ngchw_gfchw
func.func @depthwise(%x: tensor<1x8x20x20xf32>, %w: tensor<8x1x1x3x3xf32>, %bias: tensor<8xf32>) -> (tensor<1x8x10x10xf32>, tensor<1x8x22x22xf32>) {
  %zero = arith.constant 0.0 : f32
  %planes = tensor.expand_shape %x [[0], [1, 2], [3], [4]] output_shape [1, 8, 1, 20, 20] : tensor<1x8x20x20xf32> into tensor<1x8x1x20x20xf32>
  %grouped = tensor.pad %planes low[0, 0, 0, 1, 1] high[0, 0, 0, 1, 1] {
  ^bb0(%i: index, %j: index, %c: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x8x1x20x20xf32> to tensor<1x8x1x22x22xf32>
  %empty = tensor.empty() : tensor<1x8x1x10x10xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x8x1x10x10xf32>) -> tensor<1x8x1x10x10xf32>
  %0 = linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%grouped, %w : tensor<1x8x1x22x22xf32>, tensor<8x1x1x3x3xf32>) outs(%acc : tensor<1x8x1x10x10xf32>) -> tensor<1x8x1x10x10xf32>
  %1 = tensor.collapse_shape %0 [[0], [1, 2], [3], [4]] : tensor<1x8x1x10x10xf32> into tensor<1x8x10x10xf32>
  %out = tensor.empty() : tensor<1x8x10x10xf32>
  %2 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d1)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%1, %bias : tensor<1x8x10x10xf32>, tensor<8xf32>) outs(%out : tensor<1x8x10x10xf32>) {
  ^bb0(%in: f32, %b: f32, %o: f32):
    %s = arith.addf %in, %b : f32
    linalg.yield %s : f32
  } -> tensor<1x8x10x10xf32>
  %other = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x8x20x20xf32> to tensor<1x8x22x22xf32>
  return %2, %other : tensor<1x8x10x10xf32>, tensor<1x8x22x22xf32>
}

// -----

// Unit strides and rows longer than a vector (20 here): each channel's tile
// copies its plane into the interior of a padded one (a vectorized row at a
// time) whose border it fills, and its per-tap kernels are tiled again by
// 10 rows (10 x 20 floats stay in registers), all of them fused into each.
// No pad over all planes is left.
// CHECK-LABEL: func.func @depthwise_rows
// CHECK-NOT: tensor<8x22x22xf32>
// CHECK: scf.forall (%[[G:.*]]) in (8) shared_outs({{.*}}) -> (tensor<8x20x20xf32>)
// CHECK: bufferization.alloc_tensor() : tensor<1x22x22xf32>
// CHECK-COUNT-4: linalg.fill
// CHECK: %[[INTERIOR:.*]] = tensor.extract_slice %{{.*}}[0, 1, 1] [1, 20, 20]
// CHECK: scf.for %[[ROW:.*]] = {{.*}} iter_args(%{{.*}} = %[[INTERIOR]])
// CHECK: vector.transfer_read %{{.*}}[%[[G]], %[[ROW]], %c0]{{.*}} : tensor<8x20x20xf32>, vector<20xf32>
// CHECK: tensor.insert_slice %{{.*}}[0, 1, 1] [1, 20, 20]
// CHECK: scf.for {{.*}} step %c10
// CHECK-COUNT-9: arith.mulf {{.*}} : vector<10x20xf32>
// CHECK: vector.transfer_write
// CHECK-NOT: vector.transfer_write
// CHECK: scf.yield
func.func @depthwise_rows(%x: tensor<1x8x20x20xf32>, %w: tensor<8x1x1x3x3xf32>) -> tensor<1x8x20x20xf32> {
  %zero = arith.constant 0.0 : f32
  %planes = tensor.expand_shape %x [[0], [1, 2], [3], [4]] output_shape [1, 8, 1, 20, 20] : tensor<1x8x20x20xf32> into tensor<1x8x1x20x20xf32>
  %padded = tensor.pad %planes low[0, 0, 0, 1, 1] high[0, 0, 0, 1, 1] {
  ^bb0(%i: index, %j: index, %c: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x8x1x20x20xf32> to tensor<1x8x1x22x22xf32>
  %empty = tensor.empty() : tensor<1x8x1x20x20xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x8x1x20x20xf32>) -> tensor<1x8x1x20x20xf32>
  %0 = linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%padded, %w : tensor<1x8x1x22x22xf32>, tensor<8x1x1x3x3xf32>) outs(%acc : tensor<1x8x1x20x20xf32>) -> tensor<1x8x1x20x20xf32>
  %1 = tensor.collapse_shape %0 [[0], [1, 2], [3], [4]] : tensor<1x8x1x20x20xf32> into tensor<1x8x20x20xf32>
  return %1 : tensor<1x8x20x20xf32>
}

// -----

// Register tiles load vectors along N: a right operand read as [n, k]
// (Gemm's transB) is transposed first, at compile time when it is a
// constant, else by a transpose kernel (threaded).
// CHECK-LABEL: func.func @transposed_weights
// CHECK-DAG: %[[PACKED:.*]] = arith.constant dense<{{\[\[}}0.000000e+00, 1.000000e+00, 2.000000e+00, {{.*}}, 4.700000e+01], [1.600000e+01, 1.700000e+01, {{.*}}, 6.300000e+01]]> : tensor<2x32xf32>
// CHECK: vector.transfer_read %[[PACKED]]{{.*}} : tensor<2x32xf32>, vector<8x32x1xf32>
// CHECK-LABEL: func.func @transposed_operand
// CHECK: %[[TRANSPOSED:.*]] = scf.forall ({{.*}}) in (8) {{.*}} -> (tensor<16x32xf32>)
// CHECK: linalg.transpose ins(%{{.*}} : tensor<32x2xf32>) outs(%{{.*}} : tensor<2x32xf32>) permutation = [1, 0]
// CHECK: vector.transfer_read %[[TRANSPOSED]]{{.*}} : tensor<16x32xf32>, vector<8x32x1xf32>
func.func @transposed_weights(%a: tensor<8x2xf32>, %c: tensor<8x32xf32>) -> tensor<8x32xf32> {
  %w = arith.constant dense<[[0.0, 16.0], [1.0, 17.0], [2.0, 18.0], [3.0, 19.0], [4.0, 20.0], [5.0, 21.0], [6.0, 22.0], [7.0, 23.0], [8.0, 24.0], [9.0, 25.0], [10.0, 26.0], [11.0, 27.0], [12.0, 28.0], [13.0, 29.0], [14.0, 30.0], [15.0, 31.0], [32.0, 48.0], [33.0, 49.0], [34.0, 50.0], [35.0, 51.0], [36.0, 52.0], [37.0, 53.0], [38.0, 54.0], [39.0, 55.0], [40.0, 56.0], [41.0, 57.0], [42.0, 58.0], [43.0, 59.0], [44.0, 60.0], [45.0, 61.0], [46.0, 62.0], [47.0, 63.0]]> : tensor<32x2xf32>
  %0 = linalg.matmul indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>] ins(%a, %w : tensor<8x2xf32>, tensor<32x2xf32>) outs(%c : tensor<8x32xf32>) -> tensor<8x32xf32>
  return %0 : tensor<8x32xf32>
}
func.func @transposed_operand(%a: tensor<8x16xf32>, %b: tensor<32x16xf32>, %c: tensor<8x32xf32>) -> tensor<8x32xf32> {
  %0 = linalg.matmul indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>] ins(%a, %b : tensor<8x16xf32>, tensor<32x16xf32>) outs(%c : tensor<8x32xf32>) -> tensor<8x32xf32>
  return %0 : tensor<8x32xf32>
}

// -----

// The sums of reduction kernels may be reassociated (LLVM then vectorizes
// them with a partial sum per lane); elementwise kernels keep strict order.
// Maxima may also ignore the sign of zero (NaN still propagates).
// CHECK-LABEL: func.func @row_sums
// CHECK: arith.addf %{{.*}}, %{{.*}} fastmath<reassoc> : f32
// CHECK: arith.mulf %{{.*}}, %{{.*}} : f32
// CHECK: arith.maximumf %{{.*}}, %{{.*}} fastmath<reassoc,nsz> : f32
// CHECK: arith.maximumf %{{.*}}, %{{.*}} : f32
func.func @row_sums(%x: tensor<64x128xf32>, %init: tensor<64xf32>, %out: tensor<64x128xf32>) -> (tensor<64xf32>, tensor<64x128xf32>) {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<64x128xf32>) outs(%init : tensor<64xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %s = arith.addf %in, %acc : f32
    linalg.yield %s : f32
  } -> tensor<64xf32>
  %1 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%x : tensor<64x128xf32>) outs(%out : tensor<64x128xf32>) {
  ^bb0(%in: f32, %o: f32):
    %p = arith.mulf %in, %in : f32
    linalg.yield %p : f32
  } -> tensor<64x128xf32>
  return %0, %1 : tensor<64xf32>, tensor<64x128xf32>
}
func.func @row_maxima(%x: tensor<64x128xf32>, %init: tensor<64xf32>, %out: tensor<64x128xf32>) -> (tensor<64xf32>, tensor<64x128xf32>) {
  %zero = arith.constant 0.0 : f32
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<64x128xf32>) outs(%init : tensor<64xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %m = arith.maximumf %in, %acc : f32
    linalg.yield %m : f32
  } -> tensor<64xf32>
  %1 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%x : tensor<64x128xf32>) outs(%out : tensor<64x128xf32>) {
  ^bb0(%in: f32, %o: f32):
    %r = arith.maximumf %in, %zero : f32
    linalg.yield %r : f32
  } -> tensor<64x128xf32>
  return %0, %1 : tensor<64xf32>, tensor<64x128xf32>
}

// -----

// Rows no longer than a vector (7 here): one elementwise kernel per tap on
// shifted windows of the padded planes, fused per channel with the fill and
// the epilogue and vectorized over the whole 7x7 plane: the sum passes from
// tap to tap in registers and is written once.
// CHECK-LABEL: func.func @depthwise_taps
// CHECK: scf.forall ({{.*}}) in (8) shared_outs({{.*}}) -> (tensor<8x7x7xf32>)
// CHECK-COUNT-9: arith.mulf {{.*}} : vector<7x7xf32>
// CHECK: arith.addf {{.*}} : vector<7x7xf32>
// CHECK: arith.maximumf {{.*}} : vector<7x7xf32>
// CHECK: vector.transfer_write
// CHECK-NOT: vector.transfer_write
// CHECK: tensor.parallel_insert_slice
func.func @depthwise_taps(%x: tensor<1x8x7x7xf32>, %w: tensor<8x1x1x3x3xf32>, %bias: tensor<8xf32>) -> tensor<1x8x7x7xf32> {
  %zero = arith.constant 0.0 : f32
  %planes = tensor.expand_shape %x [[0], [1, 2], [3], [4]] output_shape [1, 8, 1, 7, 7] : tensor<1x8x7x7xf32> into tensor<1x8x1x7x7xf32>
  %padded = tensor.pad %planes low[0, 0, 0, 1, 1] high[0, 0, 0, 1, 1] {
  ^bb0(%i: index, %j: index, %c: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x8x1x7x7xf32> to tensor<1x8x1x9x9xf32>
  %empty = tensor.empty() : tensor<1x8x1x7x7xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x8x1x7x7xf32>) -> tensor<1x8x1x7x7xf32>
  %0 = linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%padded, %w : tensor<1x8x1x9x9xf32>, tensor<8x1x1x3x3xf32>) outs(%acc : tensor<1x8x1x7x7xf32>) -> tensor<1x8x1x7x7xf32>
  %1 = tensor.collapse_shape %0 [[0], [1, 2], [3], [4]] : tensor<1x8x1x7x7xf32> into tensor<1x8x7x7xf32>
  %out = tensor.empty() : tensor<1x8x7x7xf32>
  %2 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d1)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%1, %bias : tensor<1x8x7x7xf32>, tensor<8xf32>) outs(%out : tensor<1x8x7x7xf32>) {
  ^bb0(%in: f32, %b: f32, %o: f32):
    %s = arith.addf %in, %b : f32
    %r = arith.maximumf %s, %zero : f32
    linalg.yield %r : f32
  } -> tensor<1x8x7x7xf32>
  return %2 : tensor<1x8x7x7xf32>
}

// -----

// Poolings iterate [n, c, oh, kh, kw, ow]: the output row innermost, which
// LLVM vectorizes (a window at a time it would reduce 3x3 scalars); split
// across threads along the channels.
// CHECK-LABEL: func.func @max_pool
// CHECK: scf.forall ({{.*}}) in (8)
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction", "parallel"]
// CHECK: arith.maximumf
// CHECK-NOT: linalg.pooling_nchw_max
func.func @max_pool(%x: tensor<1x8x10x10xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %window = tensor.empty() : tensor<3x3xf32>
  %0 = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%x, %window : tensor<1x8x10x10xf32>, tensor<3x3xf32>) outs(%init : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

// A padded pooling whose result starts filled (-inf for a max) pads its
// input and fills its result per chunk of channels (one channel here), in
// cache, instead of a pass over memory for each. The chunk pads only what
// its windows read (not the last row and column).
// CHECK-LABEL: func.func @padded_max_pool
// CHECK-NOT: linalg.fill
// CHECK: scf.forall (%[[CHANNEL:.*]]) in (8) shared_outs(%[[OUT:.*]] = %{{.*}}) -> (tensor<1x8x4x4xf32>)
// CHECK: %[[INPUT:.*]] = tensor.extract_slice %arg0[0, %[[CHANNEL]], 0, 0] [1, 1, 8, 8]
// CHECK: %[[PADDED:.*]] = tensor.pad %[[INPUT]] low[0, 0, 1, 1] high[0, 0, 0, 0]
// CHECK: %[[FILL:.*]] = linalg.fill {{.*}} -> tensor<1x1x4x4xf32>
// CHECK: linalg.generic {{.*}} ins(%[[PADDED]], %{{.*}} : tensor<1x1x9x9xf32>, tensor<3x3xf32>) outs(%[[FILL]] : tensor<1x1x4x4xf32>)
func.func @padded_max_pool(%x: tensor<1x8x8x8xf32>) -> tensor<1x8x4x4xf32> {
  %lowest = arith.constant 0xFF800000 : f32
  %padded = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%a: index, %b: index, %c: index, %d: index):
    tensor.yield %lowest : f32
  } : tensor<1x8x8x8xf32> to tensor<1x8x10x10xf32>
  %empty = tensor.empty() : tensor<1x8x4x4xf32>
  %init = linalg.fill ins(%lowest : f32) outs(%empty : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  %window = tensor.empty() : tensor<3x3xf32>
  %0 = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%padded, %window : tensor<1x8x10x10xf32>, tensor<3x3xf32>) outs(%init : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

// A copy whose only long dimension is its row is split across the threads
// along the row, in chunks (130 here) that rows of whole vectors would not
// tile exactly: it stays a plain copy (LLVM vectorizes the long chunk).
// CHECK-LABEL: func.func @long_row_pad
// CHECK: scf.forall ({{.*}}) in (8) {{.*}} -> (tensor<1x1x1040xf32>)
// CHECK: linalg.copy ins(%{{.*}} : tensor<1x1x130xf32>)
func.func @long_row_pad(%x: tensor<1x1x1040xf32>) -> tensor<1x1x1050xf32> {
  %ninf = arith.constant 0xFF800000 : f32
  %padded = tensor.pad %x low[0, 0, 5] high[0, 0, 5] {
  ^bb0(%i: index, %j: index, %k: index):
    tensor.yield %ninf : f32
  } : tensor<1x1x1040xf32> to tensor<1x1x1050xf32>
  return %padded : tensor<1x1x1050xf32>
}

// -----

// A strided depthwise convolution whose width the stride does not divide
// keeps one generic over [g, oh, kh, kw, ow] on [g, h, w] planes; its pad
// is redone per plane and made in each one-channel tile (the part the
// windows read) with the fill.
// CHECK-LABEL: func.func @depthwise_odd_width
// CHECK: scf.forall ({{.*}}) in (8) shared_outs({{.*}}) -> (tensor<8x11x11xf32>)
// CHECK: tensor.pad {{.*}} low[0, 1, 1] high[0, 1, 1]
// CHECK: tensor<1x21x21xf32> to tensor<1x23x23xf32>
// CHECK: %[[ZERO:.*]] = linalg.fill {{.*}} -> tensor<1x11x11xf32>
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction", "reduction", "parallel"]} ins(%{{.*}}, %{{.*}} : tensor<1x23x23xf32>, tensor<1x3x3xf32>) outs(%[[ZERO]] : tensor<1x11x11xf32>)
// CHECK-NOT: linalg.conv_2d_ngchw_gfchw
func.func @depthwise_odd_width(%x: tensor<1x8x21x21xf32>, %w: tensor<8x1x1x3x3xf32>) -> tensor<1x8x11x11xf32> {
  %zero = arith.constant 0.0 : f32
  %planes = tensor.expand_shape %x [[0], [1, 2], [3], [4]] output_shape [1, 8, 1, 21, 21] : tensor<1x8x21x21xf32> into tensor<1x8x1x21x21xf32>
  %grouped = tensor.pad %planes low[0, 0, 0, 1, 1] high[0, 0, 0, 1, 1] {
  ^bb0(%i: index, %j: index, %c: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x8x1x21x21xf32> to tensor<1x8x1x23x23xf32>
  %empty = tensor.empty() : tensor<1x8x1x11x11xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x8x1x11x11xf32>) -> tensor<1x8x1x11x11xf32>
  %0 = linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%grouped, %w : tensor<1x8x1x23x23xf32>, tensor<8x1x1x3x3xf32>) outs(%acc : tensor<1x8x1x11x11xf32>) -> tensor<1x8x1x11x11xf32>
  %1 = tensor.collapse_shape %0 [[0], [1, 2], [3], [4]] : tensor<1x8x1x11x11xf32> into tensor<1x8x11x11xf32>
  return %1 : tensor<1x8x11x11xf32>
}


// -----

// A global pool's [h, w] reduction loops become one loop over the plane
// (LLVM vectorizes the sum along it).
// CHECK-LABEL: func.func @global_pool
// CHECK: %[[PLANES:.*]] = tensor.collapse_shape %arg0 {{\[}}[0], [1], [2, 3]] : tensor<1x32x14x14xf32> into tensor<1x32x196xf32>
// CHECK: scf.forall
// CHECK: tensor.extract_slice %[[PLANES]]
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%{{.*}} : tensor<1x4x196xf32>)
func.func @global_pool(%x: tensor<1x32x14x14xf32>) -> tensor<1x32x1x1xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<1x32x1x1xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x32x1x1xf32>) -> tensor<1x32x1x1xf32>
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d4, d5)>, affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%x : tensor<1x32x14x14xf32>) outs(%acc : tensor<1x32x1x1xf32>) {
  ^bb0(%in: f32, %out: f32):
    %s = arith.addf %out, %in : f32
    linalg.yield %s : f32
  } -> tensor<1x32x1x1xf32>
  return %0 : tensor<1x32x1x1xf32>
}


// -----

// x * sigmoid(x) after a matmul: the sigmoid, read by the product alone,
// joins it, so that the matmul's result has one reader and the whole SiLU
// is its epilogue: in a contraction this shallow (K = 128), one kernel run
// on each register tile (8 x 32) right after its K loop, on the sums as
// they leave it, before the tile is written. The exp's polynomial needs a
// few temporaries per vector: the epilogue walks the tile's 8 rows, a
// vector<32> at a time, rather than all 16 vectors at once.
// CHECK-LABEL: func.func @silu
// CHECK: scf.forall
// CHECK: %[[SILU:.*]] = scf.for {{.*}} -> (tensor<16x64xf32>)
// CHECK: scf.for {{.*}} -> (tensor<16x64xf32>)
// CHECK: %[[SUMS:.*]]:2 = scf.for {{.*}} -> (tensor<8x32xf32>, vector<8x32xf32>)
// CHECK: %[[TILE:.*]] = vector.transfer_write %[[SUMS]]#1, %[[SUMS]]#0
// CHECK: scf.for {{.*}} = %c0 to %c8 step %c1 iter_args(%{{.*}} = %[[TILE]]) -> (tensor<8x32xf32>)
// CHECK: %[[X:.*]] = vector.transfer_read {{.*}} : tensor<8x32xf32>, vector<32xf32>
// CHECK: math.exp {{.*}} : vector<32xf32>
// CHECK: %[[Y:.*]] = arith.mulf %[[X]], {{.*}} : vector<32xf32>
// CHECK: vector.transfer_write %[[Y]]
// CHECK: tensor.parallel_insert_slice %[[SILU]]
// CHECK-NOT: linalg.generic
// CHECK: return
func.func @silu(%a: tensor<64x128xf32>, %b: tensor<128x64xf32>) -> tensor<64x64xf32> {
  %zero = arith.constant 0.0 : f32
  %one = arith.constant 1.0 : f32
  %empty = tensor.empty() : tensor<64x64xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<64x64xf32>) -> tensor<64x64xf32>
  %0 = linalg.matmul ins(%a, %b : tensor<64x128xf32>, tensor<128x64xf32>) outs(%acc : tensor<64x64xf32>) -> tensor<64x64xf32>
  %1 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%0 : tensor<64x64xf32>) outs(%empty : tensor<64x64xf32>) {
  ^bb0(%in: f32, %out: f32):
    %n = arith.negf %in : f32
    %e = math.exp %n : f32
    %d = arith.addf %e, %one : f32
    %s = arith.divf %one, %d : f32
    linalg.yield %s : f32
  } -> tensor<64x64xf32>
  %2 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%0, %1 : tensor<64x64xf32>, tensor<64x64xf32>) outs(%empty : tensor<64x64xf32>) {
  ^bb0(%in: f32, %sig: f32, %out: f32):
    %p = arith.mulf %in, %sig : f32
    linalg.yield %p : f32
  } -> tensor<64x64xf32>
  return %2 : tensor<64x64xf32>
}

// -----

// A kernel broadcast to its only reader (a squeeze-excitation's sigmoid of
// per-channel sums, scaling a whole feature map) stays a kernel of its own:
// fused, it would be recomputed for every element of the map.
// CHECK-LABEL: func.func @broadcast_not_fused
// CHECK: math.exp {{.*}} : f32
// CHECK: tensor.parallel_insert_slice {{.*}} : tensor<4xf32> into tensor<32xf32>
// CHECK: arith.mulf
// CHECK-NOT: math.exp
// CHECK: return
func.func @broadcast_not_fused(%s: tensor<32x1x1xf32>, %x: tensor<32x14x14xf32>) -> tensor<32x14x14xf32> {
  %one = arith.constant 1.0 : f32
  %e1 = tensor.empty() : tensor<32x1x1xf32>
  %sig = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%s : tensor<32x1x1xf32>) outs(%e1 : tensor<32x1x1xf32>) {
  ^bb0(%in: f32, %out: f32):
    %n = arith.negf %in : f32
    %e = math.exp %n : f32
    %d = arith.addf %e, %one : f32
    %r = arith.divf %one, %d : f32
    linalg.yield %r : f32
  } -> tensor<32x1x1xf32>
  %e2 = tensor.empty() : tensor<32x14x14xf32>
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0, 0, 0)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%x, %sig : tensor<32x14x14xf32>, tensor<32x1x1xf32>) outs(%e2 : tensor<32x14x14xf32>) {
  ^bb0(%in: f32, %g: f32, %out: f32):
    %p = arith.mulf %in, %g : f32
    linalg.yield %p : f32
  } -> tensor<32x14x14xf32>
  return %0 : tensor<32x14x14xf32>
}

// -----

// A transpose that keeps rows whole is a copy, not a window copy: the
// register tiles read its result (no reads in place) and walk their rows
// outermost (not the order of tiles that read windows in place).
// CHECK-LABEL: func.func @transposed_rows
// CHECK: %[[ROWS:.*]] = tensor.collapse_shape %{{.*}} : tensor<64x4x32xf32> into tensor<64x128xf32>
// CHECK: scf.forall
// CHECK-NEXT: tensor.extract_slice
// CHECK-NEXT: scf.for %[[ROW:.*]] = %c0 to %c64 step %c8
// CHECK-NEXT: scf.for %{{.*}} = %c0 to %c128 step %c32
// CHECK: vector.transfer_read %[[ROWS]][%[[ROW]], %{{.*}}]
#in = affine_map<(d0, d1, d2) -> (d1, d0, d2)>
#id = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
func.func @transposed_rows(%x: tensor<4x64x32xf32>, %b: tensor<128x512xf32>) -> tensor<64x512xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<64x4x32xf32>
  %t = linalg.generic {indexing_maps = [#in, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%x : tensor<4x64x32xf32>) outs(%e : tensor<64x4x32xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<64x4x32xf32>
  %a = tensor.collapse_shape %t [[0], [1, 2]] : tensor<64x4x32xf32> into tensor<64x128xf32>
  %ce = tensor.empty() : tensor<64x512xf32>
  %c = linalg.fill ins(%zero : f32) outs(%ce : tensor<64x512xf32>) -> tensor<64x512xf32>
  %r = linalg.matmul ins(%a, %b : tensor<64x128xf32>, tensor<128x512xf32>) outs(%c : tensor<64x512xf32>) -> tensor<64x512xf32>
  return %r : tensor<64x512xf32>
}
