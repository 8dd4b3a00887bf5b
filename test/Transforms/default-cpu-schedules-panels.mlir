// RUN: tensor-opt %s --tessera-default-cpu-schedules=vector-width=4 --split-input-file | FileCheck %s

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
// CHECK: linalg.generic {{.*}} ins(%[[BIAS]] : tensor<2x8xf32>) outs(%{{.*}} : tensor<64x2x8xf32>)
// CHECK: arith.maximumf
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
// row.
// CHECK-LABEL: func.func @panel_weights
// CHECK: %[[W:.*]] = arith.constant dense<{{\[\[\[}}0.000000e+00, 1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00, 5.000000e+00, 6.000000e+00, 7.000000e+00], [1.600000e+01, 1.700000e+01, 1.800000e+01, 1.900000e+01, 2.000000e+01, 2.100000e+01, 2.200000e+01, 2.300000e+01]], {{\[\[}}8.000000e+00, 9.000000e+00, 1.000000e+01, 1.100000e+01, 1.200000e+01, 1.300000e+01, 1.400000e+01, 1.500000e+01], [2.400000e+01, 2.500000e+01, 2.600000e+01, 2.700000e+01, 2.800000e+01, 2.900000e+01, 3.000000e+01, 3.100000e+01]]]> : tensor<2x2x8xf32>
// CHECK: vector.transfer_read %[[W]]{{.*}} : tensor<2x2x8xf32>, vector<4x1x8x1xf32>
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

// A runtime operand of a small contraction (64 rows) is not worth the copy:
// it is read in place.
// CHECK-LABEL: func.func @unpacked
// CHECK-NOT: tensor.expand_shape
// CHECK: vector.transfer_read %arg1{{.*}} : tensor<256x16xf32>
func.func @unpacked(%a: tensor<64x256xf32>, %b: tensor<256x16xf32>, %c: tensor<64x16xf32>) -> tensor<64x16xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<64x256xf32>, tensor<256x16xf32>) outs(%c : tensor<64x16xf32>) -> tensor<64x16xf32>
  return %0 : tensor<64x16xf32>
}
