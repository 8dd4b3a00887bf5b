// RUN: tensor-opt %s --convert-graph-to-te --split-input-file | FileCheck %s
// RUN: tensor-opt %s --convert-graph-to-te --convert-te-to-linalg --split-input-file | FileCheck %s --check-prefix=LINALG

// scatter_elements gathers, per output element, the updates along the axis
// whose (normalized) index is the element's: "none" keeps the one at the
// largest position, then the merge stage writes it over data.
// CHECK-LABEL: func.func @scatter_elements
// CHECK: %[[UPD:.*]]:2 = te.compute "scatter_elements.updates" axes ["d0", "d1"] reduce ["u"] [2] combiner custom inits [0.000000e+00 : f32, -1] ins(%arg1, %arg2, %arg0 : tensor<3x2xi64>, tensor<3x2xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>, tensor<3x5xi64>
// CHECK: %[[I:.*]] = te.read %in0[%d0, %u] : tensor<3x2xi64>
// CHECK: %[[IX:.*]] = arith.index_cast %[[I]] : i64 to index
// CHECK: %[[NEG:.*]] = arith.cmpi slt, %[[IX]]
// CHECK: %[[WRAP:.*]] = arith.addi %[[IX]], %c5
// CHECK: %[[NORM:.*]] = arith.select %[[NEG]], %[[WRAP]], %[[IX]]
// CHECK: %[[LANDS:.*]] = arith.cmpi eq, %[[NORM]], %d1
// CHECK: te.read %in1[%d0, %u] : tensor<3x2xf32>
// CHECK: te.yield
// CHECK: } combine {
// CHECK: ^bb0(%[[ACC:.*]]: f32, %[[ACCPOS:.*]]: i64, %[[NEW:.*]]: f32, %[[NEWPOS:.*]]: i64):
// CHECK: %[[POS:.*]] = arith.maxsi %[[ACCPOS]], %[[NEWPOS]]
// CHECK: %[[LATER:.*]] = arith.cmpi sgt, %[[NEWPOS]], %[[ACCPOS]]
// CHECK: %[[VAL:.*]] = arith.select %[[LATER]], %[[NEW]], %[[ACC]]
// CHECK: te.yield %[[VAL]], %[[POS]]
// CHECK: te.compute "scatter_elements.merge" axes ["d0", "d1"] ins(%arg0, %[[UPD]]#0, %[[UPD]]#1 : tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xi64>)
// CHECK: %[[UPDATED:.*]] = arith.cmpi sge
// CHECK: arith.select %[[UPDATED]]
// LINALG-LABEL: func.func @scatter_elements
// LINALG: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction"]} ins(%arg1, %arg2 : tensor<3x2xi64>, tensor<3x2xf32>) outs(%{{.*}}, %{{.*}} : tensor<3x5xf32>, tensor<3x5xi64>)
// LINALG: linalg.generic {{.*}} iterator_types = ["parallel", "parallel"]} ins(%arg0, %{{.*}}, %{{.*}} : tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xi64>)
func.func @scatter_elements(%data: tensor<3x5xf32>, %indices: tensor<3x2xi64>, %updates: tensor<3x2xf32>) -> tensor<3x5xf32> {
  %0 = graph.scatter_elements %data, %indices, %updates {axis = 1 : i64} : (tensor<3x5xf32>, tensor<3x2xi64>, tensor<3x2xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// -----

// Updates smaller than data (and a dynamic data dim) are read under a bounds
// check; "add" sums the updates and adds them to data where any landed.
// CHECK-LABEL: func.func @scatter_elements_add
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c0
// CHECK: te.compute "scatter_elements.updates" axes ["d0", "d1"] reduce ["u"] [2] combiner custom {{.*}} sizes(%[[N]])
// CHECK: %[[IN:.*]] = arith.cmpi slt, %d1, %c2
// CHECK: scf.if %[[IN]] -> (i1, f32) {
// CHECK: te.read %in0[%u, %d1] : tensor<2x2xi32>
// CHECK: arith.index_cast %{{.*}} : i32 to index
// CHECK: tensor.dim %in2, %c0
// CHECK: } else {
// CHECK: } combine {
// CHECK: arith.addf
// CHECK: te.compute "scatter_elements.merge"
// CHECK: %[[SUM:.*]] = arith.addf
// CHECK: arith.select %{{.*}}, %[[SUM]]
func.func @scatter_elements_add(%data: tensor<?x5xf32>, %indices: tensor<2x2xi32>, %updates: tensor<2x2xf32>) -> tensor<?x5xf32> {
  %0 = graph.scatter_elements %data, %indices, %updates {axis = 0 : i64, reduction = "add"} : (tensor<?x5xf32>, tensor<2x2xi32>, tensor<2x2xf32>) -> tensor<?x5xf32>
  return %0 : tensor<?x5xf32>
}

// -----

// scatter_nd reduces over the index tuples: an element takes the slice
// update whose tuple is its leading indices; "mul" starts from 1.
// CHECK-LABEL: func.func @scatter_nd
// CHECK: te.compute "scatter_nd.updates" axes ["d0", "d1", "d2"] reduce ["u0"] [2] combiner custom inits [1.000000e+00 : f32, -1]
// CHECK: te.read %in0[%u0, %c0] : tensor<2x1xi64>
// CHECK: arith.cmpi eq, %{{.*}}, %d0
// CHECK: te.read %in1[%u0, %d1, %d2] : tensor<2x4x4xf32>
// CHECK: } combine {
// CHECK: arith.mulf
// CHECK: te.compute "scatter_nd.merge"
// CHECK: arith.mulf
// LINALG-DAG: #[[TUPLE:.*]] = affine_map<(d0, d1, d2, d3) -> (d3, 0)>
// LINALG-DAG: #[[SLICE:.*]] = affine_map<(d0, d1, d2, d3) -> (d3, d1, d2)>
// LINALG-LABEL: func.func @scatter_nd
// LINALG: linalg.generic {indexing_maps = [#[[TUPLE]], #[[SLICE]], {{.*}}], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%arg1, %arg2
func.func @scatter_nd(%data: tensor<4x4x4xf32>, %indices: tensor<2x1xi64>, %updates: tensor<2x4x4xf32>) -> tensor<4x4x4xf32> {
  %0 = graph.scatter_nd %data, %indices, %updates {reduction = "mul"} : (tensor<4x4x4xf32>, tensor<2x1xi64>, tensor<2x4x4xf32>) -> tensor<4x4x4xf32>
  return %0 : tensor<4x4x4xf32>
}

// -----

// one_hot compares the normalized index with the new axis; a run-time
// depth sizes it and is read for the normalization.
// CHECK-LABEL: func.func @one_hot
// CHECK: te.compute "one_hot" axes ["d0", "d1", "d2"] ins(%arg0, %arg1 : tensor<2x3xi64>, tensor<2xf32>) -> tensor<2x10x3xf32>
// CHECK: te.read %in0[%d0, %d2] : tensor<2x3xi64>
// CHECK: arith.addi %{{.*}}, %c10
// CHECK: %[[HOT:.*]] = arith.cmpi eq, %{{.*}}, %d1
// CHECK: %[[ON:.*]] = te.read %in1[%c1] : tensor<2xf32>
// CHECK: %[[OFF:.*]] = te.read %in1[%c0{{.*}}] : tensor<2xf32>
// CHECK: arith.select %[[HOT]], %[[ON]], %[[OFF]]
// CHECK: %[[DEPTH:.*]] = tensor.extract %arg2[%c0{{.*}}] : tensor<1xf32>
// CHECK: %[[DEPTHI:.*]] = arith.fptosi %[[DEPTH]] : f32 to i64
// CHECK: %[[D:.*]] = arith.index_cast %[[DEPTHI]] : i64 to index
// CHECK: te.compute "one_hot" axes ["d0", "d1", "d2"] ins(%arg0, %arg1, %arg2 : tensor<2x3xi64>, tensor<2xf32>, tensor<1xf32>) sizes(%[[D]]) -> tensor<2x3x?xf32>
// CHECK: te.read %in2[%c0{{.*}}] : tensor<1xf32>
func.func @one_hot(%indices: tensor<2x3xi64>, %values: tensor<2xf32>, %depth: tensor<1xf32>) -> (tensor<2x10x3xf32>, tensor<2x3x?xf32>) {
  %ten = graph.constant dense<10> : tensor<i64>
  %0 = graph.one_hot %indices, %ten, %values {axis = 1 : i64} : (tensor<2x3xi64>, tensor<i64>, tensor<2xf32>) -> tensor<2x10x3xf32>
  %1 = graph.one_hot %indices, %depth, %values : (tensor<2x3xi64>, tensor<1xf32>, tensor<2xf32>) -> tensor<2x3x?xf32>
  return %0, %1 : tensor<2x10x3xf32>, tensor<2x3x?xf32>
}

// -----

// top_k: k steps, each an argmin-like reduction over the elements after the
// one the step before selected (ties: smaller index first), inserted at
// column j.
// CHECK-LABEL: func.func @top_k
// CHECK: %[[VALUES:.*]] = tensor.empty(%{{.*}}) : tensor<?x2xf32>
// CHECK: %[[INDICES:.*]] = tensor.empty(%{{.*}}) : tensor<?x2xi64>
// CHECK: %[[NONE:.*]]:2 = te.compute "top_k.init" axes ["d0", "d1"] sizes(%{{.*}}) -> tensor<?x1xf32>, tensor<?x1xi64>
// CHECK: scf.for %[[J:.*]] = %c0{{.*}} to %c2 step %c1 iter_args(%[[V:.*]] = %[[VALUES]], %[[I:.*]] = %[[INDICES]], %[[PV:.*]] = %[[NONE]]#0, %[[PI:.*]] = %[[NONE]]#1)
// CHECK: %[[STEP:.*]]:2 = te.compute "top_k.select" axes ["d0", "d1"] reduce ["r"] [4] combiner custom inits [0.000000e+00 : f32, -1] ins(%arg0, %[[PV]], %[[PI]] : tensor<?x4xf32>, tensor<?x1xf32>, tensor<?x1xi64>)
// CHECK: te.read %in0[%d0, %r] : tensor<?x4xf32>
// CHECK: arith.cmpf olt
// CHECK: } combine {
// CHECK: arith.cmpf olt
// CHECK: tensor.insert_slice %[[STEP]]#0 into %[[V]][0, %[[J]]] [%{{.*}}, 1] [1, 1] : tensor<?x1xf32> into tensor<?x2xf32>
// CHECK: tensor.insert_slice %[[STEP]]#1 into %[[I]][0, %[[J]]]
// LINALG-LABEL: func.func @top_k
// LINALG: scf.for
// LINALG: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction"]} ins(%arg0 : tensor<?x4xf32>)
// LINALG: tensor.insert_slice
func.func @top_k(%x: tensor<?x4xf32>) -> (tensor<?x2xf32>, tensor<?x2xi64>) {
  %k = graph.constant dense<2> : tensor<1xi64>
  %values, %indices = graph.top_k %x, %k {axis = 1 : i64, largest = 0 : i64} : (tensor<?x4xf32>, tensor<1xi64>) -> (tensor<?x2xf32>, tensor<?x2xi64>)
  return %values, %indices : tensor<?x2xf32>, tensor<?x2xi64>
}

// -----

// cumsum reduces over the whole axis, masking positions after (exclusive:
// at or after) the element; a run-time axis selects index and extent.
// CHECK-LABEL: func.func @cumsum
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c1
// CHECK: te.compute "cumsum" axes ["d0", "d1"] reduce ["k"] [%[[N]]] combiner sum ins(%arg0 : tensor<2x?xf32>) sizes(%[[N]])
// CHECK: %[[BEFORE:.*]] = arith.cmpi slt, %k, %d1 : index
// CHECK: %[[X:.*]] = te.read %in0[%d0, %k] : tensor<2x?xf32>
// CHECK: arith.select %[[BEFORE]], %[[X]]
// CHECK: %[[AXIS:.*]] = tensor.extract %arg1[] : tensor<i32>
// CHECK: te.compute "cumsum" axes ["d0", "d1"] reduce ["k"] [%{{.*}}] combiner sum ins(%arg0, %arg1 : tensor<2x?xf32>, tensor<i32>)
// CHECK: te.read %in1[] : tensor<i32>
// CHECK: arith.cmpi sge, %k
// LINALG-DAG: #[[X:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// LINALG-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// LINALG-LABEL: func.func @cumsum
// LINALG: linalg.generic {indexing_maps = [#[[X]], #[[OUT]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%arg0 : tensor<2x?xf32>)
// LINALG: arith.cmpi slt
// LINALG: arith.addf
func.func @cumsum(%x: tensor<2x?xf32>, %axis: tensor<i32>) -> (tensor<2x?xf32>, tensor<2x?xf32>) {
  %one = graph.constant dense<1> : tensor<i32>
  %0 = graph.cumsum %x, %one {exclusive = 1 : i64} : (tensor<2x?xf32>, tensor<i32>) -> tensor<2x?xf32>
  %1 = graph.cumsum %x, %axis {reverse = 1 : i64} : (tensor<2x?xf32>, tensor<i32>) -> tensor<2x?xf32>
  return %0, %1 : tensor<2x?xf32>, tensor<2x?xf32>
}

// -----

// CHECK-LABEL: func.func @trilu
// CHECK: te.compute "trilu" axes ["d0", "i", "j"] ins(%arg0, %arg1 : tensor<?x4x5xf32>, tensor<i64>)
// CHECK: %[[DIAG:.*]] = arith.subi %j, %i : index
// CHECK: %[[K:.*]] = te.read %in1[] : tensor<i64>
// CHECK: %[[KI:.*]] = arith.index_cast %[[K]] : i64 to index
// CHECK: %[[KEEP:.*]] = arith.cmpi sle, %[[DIAG]], %[[KI]] : index
// CHECK: %[[X:.*]] = te.read %in0[%d0, %i, %j]
// CHECK: arith.select %[[KEEP]], %[[X]]
// CHECK: te.compute "trilu" axes ["d0", "i", "j"] ins(%arg0 : tensor<?x4x5xf32>)
// CHECK: arith.cmpi sge, %{{.*}}, %c0
// LINALG-LABEL: func.func @trilu
// LINALG: linalg.generic {{.*}} ins(%arg1, %arg0 : tensor<i64>, tensor<?x4x5xf32>)
func.func @trilu(%x: tensor<?x4x5xf32>, %k: tensor<i64>) -> (tensor<?x4x5xf32>, tensor<?x4x5xf32>) {
  %0 = graph.trilu %x, %k {upper = 0 : i64} : (tensor<?x4x5xf32>, tensor<i64>) -> tensor<?x4x5xf32>
  %1 = graph.trilu %x : (tensor<?x4x5xf32>) -> tensor<?x4x5xf32>
  return %0, %1 : tensor<?x4x5xf32>, tensor<?x4x5xf32>
}

// -----

// non_zero counts (a rank-0 stage), then fills the columns in a loop nest in row-major order.
// CHECK-LABEL: func.func @non_zero
// CHECK: %[[COUNT:.*]] = te.compute "non_zero.count" axes [] reduce ["r0", "r1"] [2, 3] combiner sum ins(%arg0 : tensor<2x3xf32>) -> tensor<i64>
// CHECK: arith.cmpf une
// CHECK: %[[N:.*]] = tensor.extract %[[COUNT]][]
// CHECK: %[[NI:.*]] = arith.index_cast %[[N]] : i64 to index
// CHECK: %[[EMPTY:.*]] = tensor.empty(%[[NI]]) : tensor<2x?xi64>
// CHECK: scf.for %[[R:.*]] = %c0 to %c2 step %c1 iter_args(%{{.*}} = %[[EMPTY]], %{{.*}} = %c0)
// CHECK: scf.for %[[C:.*]] = %c0 to %c3 step %c1 iter_args(%[[COLS:.*]] = %{{.*}}, %[[COL:.*]] = %{{.*}})
// CHECK: tensor.extract %arg0[%[[R]], %[[C]]]
// CHECK: scf.if
// CHECK: tensor.insert %{{.*}} into %[[COLS]][%c0{{.*}}, %[[COL]]]
// CHECK: tensor.insert %{{.*}} into %{{.*}}[%c1{{.*}}, %[[COL]]]
// CHECK: arith.addi %[[COL]], %c1
// LINALG-LABEL: func.func @non_zero
// LINALG: linalg.generic {{.*}} iterator_types = ["reduction", "reduction"]} ins(%arg0 : tensor<2x3xf32>) outs(%{{.*}} : tensor<i64>)
func.func @non_zero(%x: tensor<2x3xf32>) -> tensor<2x?xi64> {
  %0 = graph.non_zero %x : (tensor<2x3xf32>) -> tensor<2x?xi64>
  return %0 : tensor<2x?xi64>
}

// -----

// Matmul-shaped equations become named contractions.
// CHECK-LABEL: func.func @einsum_matmul
// CHECK: te.compute "einsum" axes ["i", "k"] reduce ["j"] [3] combiner sum ins(%arg0, %arg1 : tensor<5x3xf32>, tensor<3x4xf32>)
// CHECK: te.read %in0[%i, %j]
// CHECK: te.read %in1[%j, %k]
// CHECK: arith.mulf
// CHECK: te.compute "einsum" axes ["b", "i", "k"] reduce ["j"] [3]
// LINALG-LABEL: func.func @einsum_matmul
// LINALG: linalg.matmul {{.*}}ins(%arg0, %arg1 : tensor<5x3xf32>, tensor<3x4xf32>)
// LINALG: linalg.batch_matmul {{.*}}ins(%arg2, %arg3 : tensor<2x5x3xf32>, tensor<2x3x4xf32>)
func.func @einsum_matmul(%a: tensor<5x3xf32>, %b: tensor<3x4xf32>, %c: tensor<2x5x3xf32>, %d: tensor<2x3x4xf32>) -> (tensor<5x4xf32>, tensor<2x5x4xf32>) {
  %0 = graph.einsum %a, %b {equation = "ij,jk->ik"} : (tensor<5x3xf32>, tensor<3x4xf32>) -> tensor<5x4xf32>
  %1 = graph.einsum %c, %d {equation = "bij,bjk->bik"} : (tensor<2x5x3xf32>, tensor<2x3x4xf32>) -> tensor<2x5x4xf32>
  return %0, %1 : tensor<5x4xf32>, tensor<2x5x4xf32>
}

// -----

// Broadcast dims ("e0", "e1"; a size-1 dim reads index 0), an implicit-mode
// diagonal (the letter used twice is summed) and a scalar result.
// CHECK-LABEL: func.func @einsum_forms
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c0
// CHECK: te.compute "einsum" axes ["e0", "e1", "j"] reduce ["k"] [4] combiner sum {{.*}} sizes(%[[N]]) -> tensor<?x1x3xf32>
// CHECK: te.read %in0[%e0, %c0{{.*}}, %k]
// CHECK: te.read %in1[%j, %k]
// CHECK: te.compute "einsum" axes ["j"] reduce ["i"] [3] combiner sum ins(%arg2 : tensor<3x3x2xi32>)
// CHECK: te.read %in0[%i, %i, %j]
// CHECK: %[[DOT:.*]] = te.compute "einsum" axes [] reduce ["i"] [4] combiner sum ins(%arg3, %arg3 : tensor<4xf32>, tensor<4xf32>) -> tensor<f32>
// CHECK-NOT: tensor.collapse_shape
// LINALG-DAG: #[[DIAG:.*]] = affine_map<(d0, d1) -> (d1, d1, d0)>
// LINALG-LABEL: func.func @einsum_forms
// LINALG: linalg.generic {indexing_maps = [#[[DIAG]], {{.*}}], iterator_types = ["parallel", "reduction"]} ins(%arg2 : tensor<3x3x2xi32>)
func.func @einsum_forms(%a: tensor<?x1x4xf32>, %b: tensor<3x4xf32>, %c: tensor<3x3x2xi32>, %v: tensor<4xf32>) -> (tensor<?x1x3xf32>, tensor<2xi32>, tensor<f32>) {
  %0 = graph.einsum %a, %b {equation = "...k,jk->...j"} : (tensor<?x1x4xf32>, tensor<3x4xf32>) -> tensor<?x1x3xf32>
  %1 = graph.einsum %c {equation = "iij"} : (tensor<3x3x2xi32>) -> tensor<2xi32>
  %2 = graph.einsum %v, %v {equation = "i,i"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<f32>
  return %0, %1, %2 : tensor<?x1x3xf32>, tensor<2xi32>, tensor<f32>
}

// -----

// Nearest, asymmetric, floor with an integer scale (nn.Upsample's export)
// reads at x floordiv s: an affine map. Unscaled dims read at x.
// CHECK-LABEL: func.func @resize_nearest
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c0
// CHECK: te.compute "resize" axes ["d0", "d1", "d2", "d3"] ins(%arg0 : tensor<?x3x5x7xf32>) sizes(%[[N]]) -> tensor<?x3x10x14xf32>
// CHECK: %[[H:.*]] = arith.floordivsi %d2, %c2
// CHECK: %[[W:.*]] = arith.floordivsi %d3, %c2
// CHECK: te.read %in0[%d0, %d1, %[[H]], %[[W]]]
// LINALG-DAG: #[[UP:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2 floordiv 2, d3 floordiv 2)>
// LINALG-LABEL: func.func @resize_nearest
// LINALG: linalg.generic {indexing_maps = [#[[UP]], {{.*}}], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0 : tensor<?x3x5x7xf32>)
// LINALG-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// LINALG-NOT: tensor.extract
// LINALG: linalg.yield %[[IN]] : f32
func.func @resize_nearest(%x: tensor<?x3x5x7xf32>) -> tensor<?x3x10x14xf32> {
  %scales = graph.constant dense<[1.0, 1.0, 2.0, 2.0]> : tensor<4xf32>
  %0 = graph.resize %x scales %scales {coordinate_transformation_mode = "asymmetric", mode = "nearest", nearest_mode = "floor"} : (tensor<?x3x5x7xf32>, tensor<4xf32>) -> tensor<?x3x10x14xf32>
  return %0 : tensor<?x3x10x14xf32>
}

// -----

// General nearest: the half_pixel source coordinate (x + 0.5) / scale - 0.5
// (scale = output / input size), rounded by nearest_mode, clamped.
// CHECK-LABEL: func.func @resize_nearest_rounded
// CHECK: te.compute "resize"
// CHECK: %[[SCALE:.*]] = arith.constant 1.400000e+00 : f32
// CHECK: %[[XF:.*]] = arith.sitofp
// CHECK: %[[SHIFTED:.*]] = arith.addf %[[XF]], %{{.*}} : f32
// CHECK: %[[SCALED:.*]] = arith.divf %[[SHIFTED]], %[[SCALE]] : f32
// CHECK: %[[SOURCE:.*]] = arith.subf %[[SCALED]]
// CHECK: %[[HALFUP:.*]] = arith.addf %[[SOURCE]]
// CHECK: %[[ROUNDED:.*]] = math.floor %[[HALFUP]] : f32
// CHECK: arith.fptosi %[[ROUNDED]]
// CHECK: arith.minsi
// CHECK: %[[H:.*]] = arith.maxsi
// CHECK: %[[W:.*]] = arith.maxsi
// CHECK: te.read %in0[%d0, %d1, %[[H]], %[[W]]]
func.func @resize_nearest_rounded(%x: tensor<1x3x5x7xf32>) -> tensor<1x3x7x3xf32> {
  %sizes = graph.constant dense<[1, 3, 7, 3]> : tensor<4xi64>
  %0 = graph.resize %x sizes %sizes {nearest_mode = "round_prefer_ceil"} : (tensor<1x3x5x7xf32>, tensor<4xi64>) -> tensor<1x3x7x3xf32>
  return %0 : tensor<1x3x7x3xf32>
}

// -----

// Linear (pytorch_half_pixel, bilinear's export): two clamped neighbours per
// resized dim weighted 1 - r and r, summed dim by dim: 4 reads.
// CHECK-LABEL: func.func @resize_linear
// CHECK: te.compute "resize" axes ["d0", "d1", "d2", "d3"] ins(%arg0 : tensor<1x3x5x7xf32>) -> tensor<1x3x10x14xf32>
// CHECK: %[[FLOOR:.*]] = math.floor %[[SRC:.*]] : f32
// CHECK: %[[RATIO:.*]] = arith.subf %[[SRC]], %[[FLOOR]] : f32
// CHECK: %[[REST:.*]] = arith.subf %{{.*}}, %[[RATIO]] : f32
// CHECK-COUNT-4: te.read %in0[%d0, %d1,
// CHECK-NOT: te.read
// CHECK: te.yield
// LINALG-LABEL: func.func @resize_linear
// LINALG: linalg.generic
// LINALG-COUNT-4: tensor.extract %arg0
func.func @resize_linear(%x: tensor<1x3x5x7xf32>) -> tensor<1x3x10x14xf32> {
  %sizes = graph.constant dense<[1, 3, 10, 14]> : tensor<4xi64>
  %0 = graph.resize %x sizes %sizes {coordinate_transformation_mode = "pytorch_half_pixel", mode = "linear"} : (tensor<1x3x5x7xf32>, tensor<4xi64>) -> tensor<1x3x10x14xf32>
  return %0 : tensor<1x3x10x14xf32>
}

// -----

// Cubic with run-time scales: the output size is floor(in * scale), the
// scale is read in the body; 4 x 4 neighbours with cubic_coeff_a, weights
// renormalized without the ones outside the input (exclude_outside).
// CHECK-LABEL: func.func @resize_cubic
// CHECK: %[[S:.*]] = tensor.extract %arg1[%c1] : tensor<2xf32>
// CHECK: %[[IN:.*]] = arith.sitofp
// CHECK: %[[PRODUCT:.*]] = arith.mulf %[[IN]], %[[S]] : f32
// CHECK: %[[FLOORED:.*]] = math.floor %[[PRODUCT]]
// CHECK: %[[I64:.*]] = arith.fptosi %[[FLOORED]]
// CHECK: %[[SIZE:.*]] = arith.index_cast %[[I64]]
// CHECK: te.compute "resize" axes ["d0", "d1"] ins(%arg0, %arg1 : tensor<2x6xf32>, tensor<2xf32>) sizes(%[[SIZE]]) -> tensor<2x?xf32>
// CHECK: te.read %in1[%c0{{.*}}] : tensor<2xf32>
// CHECK: arith.constant -5.000000e-01 : f32
// CHECK: arith.divf
// CHECK-COUNT-16: te.read %in0[
// CHECK-NOT: te.read
// CHECK: te.yield
func.func @resize_cubic(%x: tensor<2x6xf32>, %scales: tensor<2xf32>) -> tensor<2x?xf32> {
  %0 = graph.resize %x scales %scales {mode = "cubic", cubic_coeff_a = -5.000000e-01 : f32, exclude_outside = 1 : i64, coordinate_transformation_mode = "align_corners"} : (tensor<2x6xf32>, tensor<2xf32>) -> tensor<2x?xf32>
  return %0 : tensor<2x?xf32>
}

// -----

// tf_crop_and_resize reads the region of interest and gives the
// extrapolation value outside the input; integers are interpolated in f64
// and truncated after clamping to their range (unsigned here).
// CHECK-LABEL: func.func @resize_crop(%arg0: tensor<4x4xi8>, %arg1: tensor<4xf32>) -> tensor<3x3xi8>
// CHECK: te.compute "resize" axes ["d0", "d1"] ins(%arg0, %arg1 : tensor<4x4xi8>, tensor<4xf32>) -> tensor<3x3xi8>
// CHECK: %[[START:.*]] = te.read %in1[%c0{{.*}}] : tensor<4xf32>
// CHECK: arith.extf %[[START]] : f32 to f64
// CHECK: %[[END:.*]] = te.read %in1[%c2{{.*}}] : tensor<4xf32>
// CHECK: arith.cmpf olt
// CHECK: arith.cmpf ogt
// CHECK: arith.uitofp %{{.*}} : i8 to f64
// CHECK: arith.maximumf %{{.*}}, %cst{{.*}} : f64
// CHECK: arith.constant 2.550000e+02 : f64
// CHECK: %[[V:.*]] = arith.fptoui %{{.*}} : f64 to i8
// CHECK: %[[FILL:.*]] = arith.constant 7 : i8
// CHECK: arith.select %{{.*}}, %[[FILL]], %[[V]] : i8
func.func @resize_crop(%x: tensor<4x4xui8>, %roi: tensor<4xf32>) -> tensor<3x3xui8> {
  %sizes = graph.constant dense<[3, 3]> : tensor<2xi64>
  %0 = graph.resize %x roi %roi sizes %sizes {coordinate_transformation_mode = "tf_crop_and_resize", mode = "linear", extrapolation_value = 7.0 : f32} : (tensor<4x4xui8>, tensor<4xf32>, tensor<2xi64>) -> tensor<3x3xui8>
  return %0 : tensor<3x3xui8>
}

// -----

// CHECK-LABEL: func.func @eye_like
// CHECK: %[[M:.*]] = tensor.dim %arg0, %c1
// CHECK: te.compute "eye_like" axes ["i", "j"] sizes(%[[M]]) -> tensor<3x?xi32>
// CHECK: %[[DIAG:.*]] = arith.subi %j, %i
// CHECK: %[[ON:.*]] = arith.cmpi eq, %[[DIAG]], %c-1
// CHECK: arith.select %[[ON]], %c1_i32, %c0_i32
// LINALG-LABEL: func.func @eye_like
// LINALG: linalg.generic {{.*}} outs(%{{.*}} : tensor<3x?xi32>)
func.func @eye_like(%x: tensor<3x?xf32>) -> tensor<3x?xi32> {
  %0 = graph.eye_like %x {dtype = i32, k = -1 : i64} : (tensor<3x?xf32>) -> tensor<3x?xi32>
  return %0 : tensor<3x?xi32>
}

// -----

// compress: the selected positions (a loop after "compress.count", or a
// constant for a constant condition), then a gather; without an axis the
// position is split into the flattened input's indices.
// CHECK-LABEL: func.func @compress
// CHECK: te.compute "compress.count" axes [] reduce ["r"] [3] combiner sum ins(%arg1 : tensor<3xi1>) -> tensor<i64>
// CHECK: %[[POSITIONS:.*]]:2 = scf.for %[[I:.*]] = %c0 to %c3 step %c1 iter_args(%[[P:.*]] = %{{.*}}, %[[COUNT:.*]] = %c0) -> (tensor<?xi64>, index)
// CHECK: %[[SELECTED:.*]] = tensor.extract %arg1[%[[I]]]
// CHECK: scf.if %[[SELECTED]]
// CHECK: tensor.insert %{{.*}} into %[[P]][%[[COUNT]]]
// CHECK: %[[M:.*]] = tensor.dim %[[POSITIONS]]#0, %c0
// CHECK: te.compute "compress" axes ["d0", "d1"] ins(%arg0, %[[POSITIONS]]#0 : tensor<3x2xf32>, tensor<?xi64>) sizes(%[[M]]) -> tensor<?x2xf32>
// CHECK: %[[POS:.*]] = te.read %in1[%d0] : tensor<?xi64>
// CHECK: %[[ROW:.*]] = arith.index_cast %[[POS]]
// CHECK: te.read %in0[%[[ROW]], %d1]
// CHECK: %[[CONST:.*]] = arith.constant dense<[1, 4]> : tensor<2xi64>
// CHECK: te.compute "compress" axes ["d0"] ins(%arg0, %[[CONST]] : tensor<3x2xf32>, tensor<2xi64>) -> tensor<2xf32>
// CHECK: %[[FLAT:.*]] = arith.index_cast
// CHECK: %[[COL:.*]] = arith.remui %[[FLAT]], %c2
// CHECK: %[[ROW2:.*]] = arith.divui %[[FLAT]], %c2
// CHECK: te.read %in0[%[[ROW2]], %[[COL]]]
func.func @compress(%x: tensor<3x2xf32>, %c: tensor<3xi1>) -> (tensor<?x2xf32>, tensor<2xf32>) {
  %0 = graph.compress %x, %c {axis = 0 : i64} : (tensor<3x2xf32>, tensor<3xi1>) -> tensor<?x2xf32>
  %flat = graph.constant dense<[false, true, false, false, true]> : tensor<5xi1>
  %1 = graph.compress %x, %flat : (tensor<3x2xf32>, tensor<5xi1>) -> tensor<2xf32>
  return %0, %1 : tensor<?x2xf32>, tensor<2xf32>
}

// -----

// CHECK-LABEL: func.func @reverse_sequence
// CHECK: te.compute "reverse_sequence" axes ["b", "t", "d2"] ins(%arg0, %arg1 : tensor<4x?x8xf32>, tensor<4xi64>)
// CHECK: %[[T:.*]] = tensor.dim %in0, %c1
// CHECK: %[[LEN:.*]] = te.read %in1[%b] : tensor<4xi64>
// CHECK: %[[L:.*]] = arith.index_cast %[[LEN]]
// CHECK: %[[CLAMPED:.*]] = arith.minsi %[[L]], %[[T]]
// CHECK: %[[LC:.*]] = arith.maxsi %[[CLAMPED]], %c0
// CHECK: %[[LAST:.*]] = arith.subi %[[LC]], %c1
// CHECK: %[[REV:.*]] = arith.subi %[[LAST]], %t
// CHECK: %[[INSIDE:.*]] = arith.cmpi slt, %t, %[[LC]]
// CHECK: %[[SRC:.*]] = arith.select %[[INSIDE]], %[[REV]], %t
// CHECK: te.read %in0[%b, %[[SRC]], %d2]
func.func @reverse_sequence(%x: tensor<4x?x8xf32>, %lens: tensor<4xi64>) -> tensor<4x?x8xf32> {
  %0 = graph.reverse_sequence %x, %lens {batch_axis = 0 : i64, time_axis = 1 : i64} : (tensor<4x?x8xf32>, tensor<4xi64>) -> tensor<4x?x8xf32>
  return %0 : tensor<4x?x8xf32>
}

// -----

// max_unpool: zeros, then a loop nest over the input inserting each element
// at the row-major position of its index.
// CHECK-LABEL: func.func @max_unpool
// CHECK: %[[ZEROS:.*]] = te.compute "max_unpool.zeros" axes ["d0", "d1", "d2", "d3"] -> tensor<1x1x4x4xf32>
// CHECK: scf.for {{.*}} iter_args(%{{.*}} = %[[ZEROS]])
// CHECK: scf.for
// CHECK: scf.for
// CHECK: scf.for {{.*}} iter_args(%[[OUT:.*]] = %{{.*}})
// CHECK: %[[X:.*]] = tensor.extract %arg0
// CHECK: %[[I:.*]] = tensor.extract %arg1
// CHECK: %[[FLAT:.*]] = arith.index_cast %[[I]]
// CHECK: %[[W:.*]] = arith.remui %[[FLAT]], %c4
// CHECK: scf.if
// CHECK: tensor.insert %[[X]] into %[[OUT]][%{{.*}}, %{{.*}}, %{{.*}}, %[[W]]]
func.func @max_unpool(%x: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x2xi64>) -> tensor<1x1x4x4xf32> {
  %0 = graph.max_unpool %x, %i {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>) -> tensor<1x1x4x4xf32>
  return %0 : tensor<1x1x4x4xf32>
}

// -----

// det: LU with partial pivoting, one column per step on the shrinking
// trailing submatrix.
// CHECK-LABEL: func.func @det
// CHECK: %[[MATRIX:.*]] = tensor.cast %arg0 : tensor<?x3x3xf32> to tensor<?x?x?xf32>
// CHECK: %[[ONE:.*]] = te.compute "det.init" axes ["b0"]
// CHECK: scf.for %{{.*}} = %c0{{.*}} to %c3 step %c1 iter_args(%[[S:.*]] = %[[MATRIX]], %[[DET:.*]] = %[[ONE]])
// CHECK: %[[M:.*]] = tensor.dim %[[S]], %c1
// CHECK: %[[PIVOT:.*]]:2 = te.compute "det.pivot" axes ["b0"] reduce ["r"] [%[[M]]] combiner custom inits [-1.000000e+00 : f32, -1] ins(%[[S]] : tensor<?x?x?xf32>)
// CHECK: te.read %in0[%b0, %r, %c0{{.*}}]
// CHECK: math.absf
// CHECK: %[[SCALED:.*]] = te.compute "det.scale" axes ["b0"] ins(%[[DET]], %[[S]], %[[PIVOT]]#1
// CHECK: arith.negf
// CHECK: %[[NEXT:.*]] = arith.subi %[[M]], %c1
// CHECK: %[[REST:.*]] = te.compute "det.eliminate" axes ["b0", "i", "j"] ins(%[[S]], %[[PIVOT]]#1 : tensor<?x?x?xf32>, tensor<?xi64>) sizes(%{{.*}}, %[[NEXT]], %[[NEXT]])
// CHECK: arith.divf
// CHECK: arith.subf
// CHECK: scf.yield %[[REST]], %[[SCALED]]
func.func @det(%x: tensor<?x3x3xf32>) -> tensor<?xf32> {
  %0 = graph.det %x : (tensor<?x3x3xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}
