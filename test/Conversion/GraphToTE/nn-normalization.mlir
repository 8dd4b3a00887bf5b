// RUN: tensor-opt %s --convert-graph-to-te --split-input-file | FileCheck %s
// RUN: tensor-opt %s --convert-graph-to-te --convert-te-to-linalg --split-input-file | FileCheck %s --check-prefix=LINALG

// Batch norm: per-channel scale and shift in one stage on the C-element
// operands, then x * scale + shift.
// CHECK-LABEL: func.func @batch_norm
// CHECK: %[[P:.*]]:2 = te.compute "batch_norm.params" axes ["c"] ins(%arg1, %arg2, %arg3, %arg4 : {{.*}}) -> tensor<64xf32>, tensor<64xf32>
// CHECK: %[[EPS:.*]] = arith.constant 1.000000e-03 : f32
// CHECK: math.sqrt
// CHECK: %[[SCALE:.*]] = arith.mulf
// CHECK: arith.mulf %{{.*}}, %[[SCALE]]
// CHECK: %[[SHIFT:.*]] = arith.subf
// CHECK: te.yield %[[SCALE]], %[[SHIFT]] : f32, f32
// CHECK: te.compute "batch_norm" axes ["d0", "d1", "d2", "d3"] ins(%arg0, %[[P]]#0, %[[P]]#1
// CHECK: %[[X:.*]] = te.read %in0[%d0, %d1, %d2, %d3]
// CHECK: %[[S:.*]] = te.read %in1[%d1]
// CHECK: %[[XS:.*]] = arith.mulf %[[X]], %[[S]]
// CHECK: %[[B:.*]] = te.read %in2[%d1]
// CHECK: arith.addf %[[XS]], %[[B]]
// LINALG-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// LINALG-DAG: #[[CH:.*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// LINALG-LABEL: func.func @batch_norm
// LINALG: linalg.generic {{.*}} iterator_types = ["parallel"]
// LINALG: linalg.generic {indexing_maps = [#[[ID]], #[[CH]], #[[CH]], #[[ID]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
func.func @batch_norm(%x: tensor<2x64x8x8xf32>, %s: tensor<64xf32>, %b: tensor<64xf32>, %m: tensor<64xf32>, %v: tensor<64xf32>) -> tensor<2x64x8x8xf32> {
  %y = graph.batch_norm %x, %s, %b, %m, %v {epsilon = 1.0e-03 : f32}
      : (tensor<2x64x8x8xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<2x64x8x8xf32>
  return %y : tensor<2x64x8x8xf32>
}

// -----

// Layer norm: sum, mean, var_sum, inv_std_dev on ? x 128 x 1 stats, then
// the normalization with scale and bias broadcast over the last dim.
// CHECK-LABEL: func.func @layer_norm
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c0
// CHECK: %[[SUM:.*]] = te.compute "layer_norm.sum" axes ["d0", "d1", "d2"] reduce ["r2"] [768] combiner sum ins(%arg0 : tensor<?x128x768xf32>) sizes(%[[N]]) -> tensor<?x128x1xf32>
// CHECK: te.read %in0[%d0, %d1, %r2]
// CHECK: %[[MEAN:.*]] = te.compute "layer_norm.mean" axes ["d0", "d1", "d2"] ins(%[[SUM]]
// CHECK: arith.constant 7.680000e+02 : f32
// CHECK: %[[VAR:.*]] = te.compute "layer_norm.var_sum" {{.*}} reduce ["r2"] [768] combiner sum ins(%arg0, %[[MEAN]]
// CHECK: %[[INV:.*]] = te.compute "layer_norm.inv_std_dev" {{.*}} ins(%[[VAR]]
// CHECK: math.sqrt
// CHECK: %[[Y:.*]] = te.compute "layer_norm" axes ["d0", "d1", "d2"] ins(%arg0, %[[MEAN]], %[[INV]], %arg1, %arg2
// CHECK: te.read %in1[%d0, %d1, %{{.*}}] : tensor<?x128x1xf32>
// CHECK: te.read %in3[%d2] : tensor<768xf32>
// CHECK: return %[[Y]], %[[MEAN]], %[[INV]]
// LINALG-LABEL: func.func @layer_norm
// LINALG: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel", "reduction"]
func.func @layer_norm(%x: tensor<?x128x768xf32>, %g: tensor<768xf32>, %b: tensor<768xf32>)
    -> (tensor<?x128x768xf32>, tensor<?x128x1xf32>, tensor<?x128x1xf32>) {
  %y, %mean, %inv = graph.layer_norm %x, %g, %b {axis = -1 : i64}
      : (tensor<?x128x768xf32>, tensor<768xf32>, tensor<768xf32>)
      -> (tensor<?x128x768xf32>, tensor<?x128x1xf32>, tensor<?x128x1xf32>)
  return %y, %mean, %inv : tensor<?x128x768xf32>, tensor<?x128x1xf32>, tensor<?x128x1xf32>
}

// -----

// stash_type f32 for f16 input: statistics in f32, the result back in f16;
// no bias.
// CHECK-LABEL: func.func @layer_norm_stash
// CHECK: te.compute "layer_norm.sum" axes ["d0", "d1"] reduce ["r1"] [8] combiner sum {{.*}} -> tensor<4x1xf32>
// CHECK: arith.extf {{.*}} : f16 to f32
// CHECK: te.compute "layer_norm" {{.*}} -> tensor<4x8xf16>
// CHECK: arith.truncf {{.*}} : f32 to f16
// CHECK-NOT: arith.addf
// CHECK: te.yield
func.func @layer_norm_stash(%x: tensor<4x8xf16>, %g: tensor<8xf16>) -> tensor<4x8xf16> {
  %y, %mean, %inv = graph.layer_norm %x, %g : (tensor<4x8xf16>, tensor<8xf16>)
      -> (tensor<4x8xf16>, tensor<4x1xf32>, tensor<4x1xf32>)
  return %y : tensor<4x8xf16>
}

// -----

// Instance norm: moments of each (n, c) over the spatial dims.
// CHECK-LABEL: func.func @instance_norm
// CHECK: te.compute "instance_norm.sum" axes ["d0", "d1", "d2", "d3"] reduce ["r2", "r3"] [5, 6] combiner sum {{.*}} -> tensor<2x3x1x1xf32>
// CHECK: te.compute "instance_norm.mean"
// CHECK: te.compute "instance_norm.var_sum"
// CHECK: te.compute "instance_norm.inv_std_dev"
// CHECK: te.compute "instance_norm" axes ["d0", "d1", "d2", "d3"]
// CHECK: te.read %in3[%d1] : tensor<3xf32>
// CHECK: te.read %in4[%d1] : tensor<3xf32>
func.func @instance_norm(%x: tensor<2x3x5x6xf32>, %s: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<2x3x5x6xf32> {
  %y = graph.instance_norm %x, %s, %b : (tensor<2x3x5x6xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x5x6xf32>
  return %y : tensor<2x3x5x6xf32>
}

// -----

// Group norm on the N x G x C/G x ... view; scale and bias at g * C/G + c.
// CHECK-LABEL: func.func @group_norm
// CHECK: %[[G:.*]] = tensor.expand_shape %arg0 {{\[\[}}0], [1, 2], [3], [4]] {{.*}} : tensor<?x8x4x4xf32> into tensor<?x2x4x4x4xf32>
// CHECK: te.compute "group_norm.sum" axes ["d0", "d1", "d2", "d3", "d4"] reduce ["r2", "r3", "r4"] [4, 4, 4] combiner sum ins(%[[G]]
// CHECK: %[[Y:.*]] = te.compute "group_norm" axes ["d0", "d1", "d2", "d3", "d4"]
// CHECK: %[[GC:.*]] = arith.muli %d1, %{{.*}}
// CHECK: %[[CH:.*]] = arith.addi %[[GC]], %d2
// CHECK: te.read %in3[%[[CH]]] : tensor<8xf32>
// CHECK: tensor.collapse_shape %[[Y]] {{\[\[}}0], [1, 2], [3], [4]] : tensor<?x2x4x4x4xf32> into tensor<?x8x4x4xf32>
func.func @group_norm(%x: tensor<?x8x4x4xf32>, %s: tensor<8xf32>, %b: tensor<8xf32>) -> tensor<?x8x4x4xf32> {
  %y = graph.group_norm %x, %s, %b {num_groups = 2 : i64}
      : (tensor<?x8x4x4xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<?x8x4x4xf32>
  return %y : tensor<?x8x4x4xf32>
}

// -----

// MVN: sums of x and x^2 in one two-result reduction; the count of a
// dynamic batch is an input of the stats stage.
// CHECK-LABEL: func.func @mean_variance_normalization
// CHECK: %[[SUMS:.*]]:2 = te.compute "mean_variance_normalization.sums" axes ["d0", "d1", "d2", "d3"] reduce ["r0", "r2", "r3"] {{.*}} combiner custom inits [0.000000e+00 : f32, 0.000000e+00 : f32]
// CHECK: combine
// CHECK: %[[COUNT:.*]] = tensor.from_elements %{{.*}} : tensor<1xf32>
// CHECK: %[[STATS:.*]]:2 = te.compute "mean_variance_normalization.std" {{.*}} ins(%[[SUMS]]#0, %[[SUMS]]#1, %[[COUNT]]
// CHECK: math.sqrt
// CHECK: arith.constant 9.99999971E-10 : f32
// CHECK: te.compute "mean_variance_normalization" {{.*}} ins(%arg0, %[[STATS]]#0, %[[STATS]]#1
// CHECK: arith.divf
func.func @mean_variance_normalization(%x: tensor<?x3x8x8xf32>) -> tensor<?x3x8x8xf32> {
  %y = graph.mean_variance_normalization %x : (tensor<?x3x8x8xf32>) -> tensor<?x3x8x8xf32>
  return %y : tensor<?x3x8x8xf32>
}

// -----

// LRN: squares of the channels c - 2 ... c + 2 (a padded read), then
// x / (bias + alpha / size * sum)^beta.
// CHECK-LABEL: func.func @lrn
// CHECK: %[[SQ:.*]] = te.compute "lrn.square_sum" axes ["d0", "d1", "d2", "d3"] reduce ["k"] [5] combiner sum
// CHECK: %[[CK:.*]] = arith.addi %d1, %k
// CHECK: %[[CH:.*]] = arith.subi %[[CK]], %c2
// CHECK: te.read %in0[%d0, %[[CH]], %d2, %d3] padding
// CHECK: te.compute "lrn" axes ["d0", "d1", "d2", "d3"] ins(%arg0, %[[SQ]]
// CHECK: math.powf
// CHECK: arith.divf
// LINALG-LABEL: func.func @lrn
// LINALG: tensor.pad %arg0 low[0, 2, 0, 0] high[0, 2, 0, 0]
func.func @lrn(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %y = graph.lrn %x {size = 5 : i64, alpha = 2.0e-04 : f32} : (tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

// Softmax along axis 1: max, exp(x - max), sum, div.
// CHECK-LABEL: func.func @softmax
// CHECK: %[[MAX:.*]] = te.compute "softmax.max" axes ["d0", "d1", "d2"] reduce ["r1"] [10] combiner max {{.*}} -> tensor<?x1x4xf32>
// CHECK: te.read %in0[%d0, %r1, %d2]
// CHECK: %[[EXP:.*]] = te.compute "softmax.exp" axes ["d0", "d1", "d2"] ins(%arg0, %[[MAX]]
// CHECK: arith.subf
// CHECK: math.exp
// CHECK: %[[SUM:.*]] = te.compute "softmax.sum" {{.*}} reduce ["r1"] [10] combiner sum ins(%[[EXP]]
// CHECK: te.compute "softmax.div" {{.*}} ins(%[[EXP]], %[[SUM]]
// CHECK: arith.divf
// LINALG-LABEL: func.func @softmax
// LINALG: arith.maximumf
// LINALG: math.exp
// LINALG: arith.addf
// LINALG: arith.divf
func.func @softmax(%x: tensor<?x10x4xf32>) -> tensor<?x10x4xf32> {
  %y = graph.softmax %x {axis = 1 : i64} : (tensor<?x10x4xf32>) -> tensor<?x10x4xf32>
  return %y : tensor<?x10x4xf32>
}

// -----

// LogSoftmax: max, sum of exp(x - max), x - max - log(sum).
// CHECK-LABEL: func.func @log_softmax
// CHECK: %[[MAX:.*]] = te.compute "log_softmax.max" {{.*}} combiner max
// CHECK: %[[SUM:.*]] = te.compute "log_softmax.sum" {{.*}} combiner sum ins(%arg0, %[[MAX]]
// CHECK: math.exp
// CHECK: te.compute "log_softmax.log" {{.*}} ins(%arg0, %[[MAX]], %[[SUM]]
// CHECK: math.log
func.func @log_softmax(%x: tensor<3x?xf32>) -> tensor<3x?xf32> {
  %y = graph.log_softmax %x : (tensor<3x?xf32>) -> tensor<3x?xf32>
  return %y : tensor<3x?xf32>
}

// -----

// Hardmax: the first maximum's index (strictly greater replaces), then a
// one-hot along the axis.
// CHECK-LABEL: func.func @hardmax
// CHECK: %[[ARG:.*]]:2 = te.compute "hardmax.argmax" axes ["d0", "d1"] reduce ["r0"] [4] combiner custom inits [0xFF800000 : f32, 0] {{.*}} -> tensor<1x5xf32>, tensor<1x5xi64>
// CHECK: arith.index_cast %r0 : index to i64
// CHECK: combine
// CHECK: arith.cmpf ogt
// CHECK: te.compute "hardmax" axes ["d0", "d1"] ins(%[[ARG]]#1
// CHECK: arith.index_cast %d0 : index to i64
// CHECK: arith.cmpi eq
// CHECK: arith.select
func.func @hardmax(%x: tensor<4x5xf32>) -> tensor<4x5xf32> {
  %y = graph.hardmax %x {axis = 0 : i64} : (tensor<4x5xf32>) -> tensor<4x5xf32>
  return %y : tensor<4x5xf32>
}
