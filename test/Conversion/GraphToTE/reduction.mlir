// RUN: tensor-opt %s --convert-graph-to-te --split-input-file | FileCheck %s
// RUN: tensor-opt %s --convert-graph-to-te --convert-te-to-linalg --split-input-file | FileCheck %s --check-prefix=LINALG

// One reduction stage over the reduced dims; a dynamic reduced dim is a
// tensor.dim extent, a dynamic kept dim an output size.
// CHECK-LABEL: func.func @sum_dynamic
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c0
// CHECK: %[[K:.*]] = tensor.dim %arg0, %c2
// CHECK: te.compute "reduce_sum" axes ["d0", "d1"] reduce ["r0"] [%[[K]]] combiner sum ins(%arg0 : tensor<?x4x?xf32>) sizes(%[[N]]) -> tensor<?x4xf32>
// CHECK: ^bb0(%d0: index, %d1: index, %r0: index, %in0: tensor<?x4x?xf32>):
// CHECK: te.read %in0[%d0, %d1, %r0]
// LINALG: #[[IN:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// LINALG: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// LINALG-LABEL: func.func @sum_dynamic
// LINALG: linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<?x4xf32>)
// LINALG: linalg.generic {indexing_maps = [#[[IN]], #[[OUT]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%arg0 : tensor<?x4x?xf32>)
// LINALG: arith.addf %out, %in
func.func @sum_dynamic(%x: tensor<?x4x?xf32>) -> tensor<?x4xf32> {
  %axes = graph.constant dense<[-1]> : tensor<1xi64>
  %0 = graph.reduce_sum %x, %axes {keepdims = 0 : i64} : (tensor<?x4x?xf32>, tensor<1xi64>) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// -----

// Mean: a sum stage, then a division by the (static) count. With keepdims
// the reduced dims are output axes of size 1.
// CHECK-LABEL: func.func @mean_static
// CHECK: %[[SUM:.*]] = te.compute "reduce_mean.sum" axes ["d0", "d1", "d2"] reduce ["r0", "r1"] [3, 4] combiner sum
// CHECK: te.read %in0[%d0, %r0, %r1]
// CHECK: te.compute "reduce_mean.div" axes ["d0", "d1", "d2"] ins(%[[SUM]] : tensor<2x1x1xf32>)
// CHECK: %[[COUNT:.*]] = arith.constant 1.200000e+01 : f32
// CHECK: arith.divf %{{.*}}, %[[COUNT]]
// LINALG-LABEL: func.func @mean_static
// LINALG: iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction"]
// LINALG: iterator_types = ["parallel", "parallel", "parallel"]
// LINALG: arith.divf
func.func @mean_static(%x: tensor<2x3x4xf32>) -> tensor<2x1x1xf32> {
  %axes = graph.constant dense<[2, 1]> : tensor<2xi64>
  %0 = graph.reduce_mean %x, %axes : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<2x1x1xf32>
  return %0 : tensor<2x1x1xf32>
}

// -----

// A dynamic count is a rank-0 input of the division; integers divide
// truncating.
// CHECK-LABEL: func.func @mean_dynamic
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c0
// CHECK: %[[SUM:.*]] = te.compute "reduce_mean.sum" axes ["d0", "d1"] reduce ["r0"] [%[[N]]] combiner sum
// CHECK: %[[N64:.*]] = arith.index_cast %[[N]] : index to i64
// CHECK: %[[N32:.*]] = arith.trunci %[[N64]] : i64 to i32
// CHECK: %[[COUNT:.*]] = tensor.from_elements %[[N32]] : tensor<i32>
// CHECK: te.compute "reduce_mean.div" axes ["d0", "d1"] ins(%[[SUM]], %[[COUNT]] : tensor<1x8xi32>, tensor<i32>)
// CHECK: te.read %in1[] : tensor<i32>
// CHECK: arith.divsi
// LINALG: #[[SCALAR:.*]] = affine_map<(d0, d1) -> ()>
// LINALG-LABEL: func.func @mean_dynamic
// LINALG: linalg.generic {indexing_maps = [#{{.*}}, #[[SCALAR]], #{{.*}}], iterator_types = ["parallel", "parallel"]}
func.func @mean_dynamic(%x: tensor<?x8xi32>) -> tensor<1x8xi32> {
  %axes = graph.constant dense<[0]> : tensor<1xi64>
  %0 = graph.reduce_mean %x, %axes : (tensor<?x8xi32>, tensor<1xi64>) -> tensor<1x8xi32>
  return %0 : tensor<1x8xi32>
}

// -----

// max/min/prod use the built-in combiners (NaN-propagating for floats,
// signed for signless integers); unsigned ones a custom combiner.
// CHECK-LABEL: func.func @extrema
// CHECK: te.compute "reduce_max" axes ["d0", "d1"] reduce ["r0"] [4] combiner max ins(%arg0
// CHECK: te.compute "reduce_min" axes ["d0", "d1"] reduce ["r0"] [4] combiner min ins(%arg1
// CHECK: te.compute "reduce_max" axes ["d0", "d1"] reduce ["r0"] [4] combiner custom inits [0 : i8] ins(%arg2
// CHECK: combine {
// CHECK: arith.maxui
// CHECK: te.compute "reduce_prod" axes ["d0", "d1"] reduce ["r0"] [4] combiner prod
// LINALG-LABEL: func.func @extrema
// LINALG: arith.maximumf %out, %in : f32
// LINALG: arith.minsi %out, %in : i32
// LINALG: arith.maxui %out, %in : i8
// LINALG: arith.mulf %out, %in : f32
func.func @extrema(%x: tensor<3x4xf32>, %i: tensor<3x4xi32>, %u: tensor<3x4xui8>) -> (tensor<3x1xf32>, tensor<3x1xi32>, tensor<3x1xui8>, tensor<3x1xf32>) {
  %axes = graph.constant dense<[1]> : tensor<1xi64>
  %0 = graph.reduce_max %x, %axes : (tensor<3x4xf32>, tensor<1xi64>) -> tensor<3x1xf32>
  %1 = graph.reduce_min %i, %axes : (tensor<3x4xi32>, tensor<1xi64>) -> tensor<3x1xi32>
  %2 = graph.reduce_max %u, %axes : (tensor<3x4xui8>, tensor<1xi64>) -> tensor<3x1xui8>
  %3 = graph.reduce_prod %x, %axes : (tensor<3x4xf32>, tensor<1xi64>) -> tensor<3x1xf32>
  return %0, %1, %2, %3 : tensor<3x1xf32>, tensor<3x1xi32>, tensor<3x1xui8>, tensor<3x1xf32>
}

// -----

// l1 sums |x|, sum_square x*x; l2 is the square root of the sum of squares,
// computed in f64 and truncated for integers.
// CHECK-LABEL: func.func @norms
// CHECK: te.compute "reduce_l1"
// CHECK: math.absf
// CHECK: %[[SQ:.*]] = te.compute "reduce_l2.sum" {{.*}} combiner sum
// CHECK: arith.mulf
// CHECK: te.compute "reduce_l2.sqrt" axes ["d0", "d1"] ins(%[[SQ]] : tensor<3x1xf32>)
// CHECK: math.sqrt %{{.*}} : f32
// CHECK: te.compute "reduce_sum_square" {{.*}} combiner sum
// CHECK: arith.mulf
// CHECK: te.compute "reduce_l2.sum" {{.*}} combiner sum
// CHECK: arith.muli
// CHECK: te.compute "reduce_l2.sqrt"
// CHECK: arith.sitofp %{{.*}} : i64 to f64
// CHECK: math.sqrt %{{.*}} : f64
// CHECK: arith.fptosi %{{.*}} : f64 to i64
func.func @norms(%x: tensor<3x4xf32>, %i: tensor<3x4xi64>) -> (tensor<3x1xf32>, tensor<3x1xf32>, tensor<3x1xf32>, tensor<3x1xi64>) {
  %axes = graph.constant dense<[1]> : tensor<1xi64>
  %0 = graph.reduce_l1 %x, %axes : (tensor<3x4xf32>, tensor<1xi64>) -> tensor<3x1xf32>
  %1 = graph.reduce_l2 %x, %axes : (tensor<3x4xf32>, tensor<1xi64>) -> tensor<3x1xf32>
  %2 = graph.reduce_sum_square %x, %axes : (tensor<3x4xf32>, tensor<1xi64>) -> tensor<3x1xf32>
  %3 = graph.reduce_l2 %i, %axes : (tensor<3x4xi64>, tensor<1xi64>) -> tensor<3x1xi64>
  return %0, %1, %2, %3 : tensor<3x1xf32>, tensor<3x1xf32>, tensor<3x1xf32>, tensor<3x1xi64>
}

// -----

// log_sum_exp subtracts the maximum (0 where it is not finite) before exp.
// CHECK-LABEL: func.func @logs
// CHECK: %[[SUM:.*]] = te.compute "reduce_log_sum.sum" {{.*}} combiner sum
// CHECK: te.compute "reduce_log_sum.log" axes ["d0", "d1"] ins(%[[SUM]]
// CHECK: math.log
// CHECK: %[[MAX:.*]] = te.compute "reduce_log_sum_exp.max" axes ["d0", "d1"] reduce ["r0"] [4] combiner max ins(%arg0
// CHECK: %[[EXPS:.*]] = te.compute "reduce_log_sum_exp.sum" axes ["d0", "d1"] reduce ["r0"] [4] combiner sum ins(%arg0, %[[MAX]] : tensor<3x4xf32>, tensor<3x1xf32>)
// CHECK: %[[X:.*]] = te.read %in0[%d0, %r0]
// CHECK: %[[M:.*]] = te.read %in1[%d0, %d1]
// CHECK: %[[INF:.*]] = arith.constant 0x7F800000 : f32
// CHECK: %[[ABS:.*]] = math.absf %[[M]]
// CHECK: %[[FINITE:.*]] = arith.cmpf olt, %[[ABS]], %[[INF]]
// CHECK: %[[SHIFT:.*]] = arith.select %[[FINITE]], %[[M]], %{{.*}}
// CHECK: %[[D:.*]] = arith.subf %[[X]], %[[SHIFT]]
// CHECK: math.exp %[[D]]
// CHECK: te.compute "reduce_log_sum_exp.log" axes ["d0", "d1"] ins(%[[EXPS]], %[[MAX]] : tensor<3x1xf32>, tensor<3x1xf32>)
// CHECK: math.log
// CHECK: arith.select
// CHECK: arith.addf
// LINALG-LABEL: func.func @logs
// LINALG: arith.maximumf %out, %in
// LINALG: math.exp
// LINALG: math.log
func.func @logs(%x: tensor<3x4xf32>) -> (tensor<3x1xf32>, tensor<3x1xf32>) {
  %axes = graph.constant dense<[1]> : tensor<1xi64>
  %0 = graph.reduce_log_sum %x, %axes : (tensor<3x4xf32>, tensor<1xi64>) -> tensor<3x1xf32>
  %1 = graph.reduce_log_sum_exp %x, %axes : (tensor<3x4xf32>, tensor<1xi64>) -> tensor<3x1xf32>
  return %0, %1 : tensor<3x1xf32>, tensor<3x1xf32>
}

// -----

// Empty axes with noop_with_empty_axes return the input.
// CHECK-LABEL: func.func @noop
// CHECK-NOT: te.compute
// CHECK: return %arg0
func.func @noop(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %axes = graph.constant dense<> : tensor<0xi64>
  %0 = graph.reduce_l2 %x, %axes {noop_with_empty_axes = 1 : i64} : (tensor<3x4xf32>, tensor<0xi64>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// Without axes every dim is reduced into a rank-0 result.
// CHECK-LABEL: func.func @all
// CHECK: %[[K:.*]] = tensor.dim %arg0, %c1
// CHECK: %[[SUM:.*]] = te.compute "reduce_sum" axes [] reduce ["r0", "r1"] [3, %[[K]]] combiner sum ins(%arg0 : tensor<3x?xf32>) -> tensor<f32>
// CHECK: te.read %in0[%r0, %r1]
// CHECK: return %[[SUM]] : tensor<f32>
// LINALG-LABEL: func.func @all
// LINALG: linalg.generic {{.*}} iterator_types = ["reduction", "reduction"]{{.*}} outs(%{{.*}} : tensor<f32>)
// LINALG-NOT: tensor.collapse_shape
func.func @all(%x: tensor<3x?xf32>) -> tensor<f32> {
  %0 = graph.reduce_sum %x {keepdims = 0 : i64} : (tensor<3x?xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// argmax: a (value, index) reduction whose combiner takes the new pair when
// greater (NaN counting as greatest), or equal with a lower index.
// CHECK-LABEL: func.func @argmax
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c0
// CHECK: %[[R:.*]]:2 = te.compute "argmax" axes ["d0"] reduce ["r0"] [5] combiner custom inits [0xFF800000 : f32, 0] ins(%arg0 : tensor<?x5xf32>) sizes(%[[N]]) -> tensor<?xf32>, tensor<?xi64>
// CHECK: %[[X:.*]] = te.read %in0[%d0, %r0]
// CHECK: %[[I:.*]] = arith.index_cast %r0 : index to i64
// CHECK: te.yield %[[X]], %[[I]] : f32, i64
// CHECK: combine {
// CHECK: ^bb0(%[[ACC:.*]]: f32, %[[ACCI:.*]]: i64, %[[NEW:.*]]: f32, %[[NEWI:.*]]: i64):
// CHECK: %[[NEWNAN:.*]] = arith.cmpf uno, %[[NEW]], %[[NEW]]
// CHECK: %[[ACCNAN:.*]] = arith.cmpf uno, %[[ACC]], %[[ACC]]
// CHECK: arith.cmpf ogt, %[[NEW]], %[[ACC]]
// CHECK: arith.cmpf oeq, %[[NEW]], %[[ACC]]
// CHECK: arith.cmpi slt, %[[NEWI]], %[[ACCI]]
// CHECK: %[[TAKE:.*]] = arith.ori
// CHECK: %[[V:.*]] = arith.select %[[TAKE]], %[[NEW]], %[[ACC]]
// CHECK: %[[J:.*]] = arith.select %[[TAKE]], %[[NEWI]], %[[ACCI]]
// CHECK: te.yield %[[V]], %[[J]]
// CHECK: return %[[R]]#1
// LINALG-LABEL: func.func @argmax
// LINALG: %[[V:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<?xf32>)
// LINALG: %[[I:.*]] = linalg.fill ins(%{{.*}} : i64) outs(%{{.*}} : tensor<?xi64>)
// LINALG: linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]} ins(%arg0 : tensor<?x5xf32>) outs(%[[V]], %[[I]] : tensor<?xf32>, tensor<?xi64>)
// LINALG: linalg.index 1
// LINALG: arith.select
func.func @argmax(%x: tensor<?x5xf32>) -> tensor<?xi64> {
  %0 = graph.argmax %x {axis = -1 : i64, keepdims = 0 : i64} : (tensor<?x5xf32>) -> tensor<?xi64>
  return %0 : tensor<?xi64>
}

// -----

// argmin of unsigned values with select_last_index: unsigned comparison, the
// unsigned maximum as identity, and a higher index wins ties.
// CHECK-LABEL: func.func @argmin
// CHECK: te.compute "argmin" axes ["d0", "d1"] reduce ["r0"] [4] combiner custom inits [-1 : i16, 0] ins(%arg0 : tensor<4x5xi16>) -> tensor<1x5xi16>, tensor<1x5xi64>
// CHECK: te.read %in0[%r0, %d1]
// CHECK: combine {
// CHECK: arith.cmpi ult
// CHECK: arith.cmpi eq
// CHECK: arith.cmpi sgt
func.func @argmin(%x: tensor<4x5xui16>) -> tensor<1x5xi64> {
  %0 = graph.argmin %x {select_last_index = 1 : i64} : (tensor<4x5xui16>) -> tensor<1x5xi64>
  return %0 : tensor<1x5xi64>
}
