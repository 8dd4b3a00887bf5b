// RUN: tensor-opt %s --convert-graph-to-te --split-input-file | FileCheck %s
// RUN: tensor-opt %s --convert-graph-to-te --convert-te-to-linalg --canonicalize --linalg-specialize-generic-ops --split-input-file | FileCheck %s --check-prefix=LINALG

// A reshape that merges dims is a collapse.
// CHECK-LABEL: func.func @reshape_collapse
// CHECK: tensor.collapse_shape %arg0 {{\[}}[0, 1], [2]] : tensor<2x3x4xf32> into tensor<6x4xf32>
func.func @reshape_collapse(%x: tensor<2x3x4xf32>) -> tensor<6x4xf32> {
  %s = graph.constant dense<[6, 4]> : tensor<2xi64>
  %0 = graph.reshape %x, %s : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<6x4xf32>
  return %0 : tensor<6x4xf32>
}

// -----

// A 0 copies the dynamic batch and -1 takes the rest: the dims still group.
// CHECK-LABEL: func.func @reshape_dynamic_collapse
// CHECK: tensor.collapse_shape %arg0 {{\[}}[0], [1, 2]] : tensor<?x3x4xf32> into tensor<?x12xf32>
func.func @reshape_dynamic_collapse(%x: tensor<?x3x4xf32>) -> tensor<?x12xf32> {
  %s = graph.constant dense<[0, -1]> : tensor<2xi64>
  %0 = graph.reshape %x, %s : (tensor<?x3x4xf32>, tensor<2xi64>) -> tensor<?x12xf32>
  return %0 : tensor<?x12xf32>
}

// -----

// The -1 of [-1, 3, 4] is the input's dynamic size.
// CHECK-LABEL: func.func @reshape_dynamic_expand
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c0
// CHECK: tensor.expand_shape %arg0 {{\[}}[0], [1, 2]] output_shape [%[[N]], 3, 4] : tensor<?x12xf32> into tensor<?x3x4xf32>
func.func @reshape_dynamic_expand(%x: tensor<?x12xf32>) -> tensor<?x3x4xf32> {
  %s = graph.constant dense<[-1, 3, 4]> : tensor<3xi64>
  %0 = graph.reshape %x, %s : (tensor<?x12xf32>, tensor<3xi64>) -> tensor<?x3x4xf32>
  return %0 : tensor<?x3x4xf32>
}

// -----

// No dims group: collapse to one dim, then expand.
// CHECK-LABEL: func.func @reshape_regroup
// CHECK: %[[FLAT:.*]] = tensor.collapse_shape %arg0 {{\[}}[0, 1]] : tensor<2x6xf32> into tensor<12xf32>
// CHECK: tensor.expand_shape %[[FLAT]] {{\[}}[0, 1]] output_shape [3, 4] : tensor<12xf32> into tensor<3x4xf32>
func.func @reshape_regroup(%x: tensor<2x6xf32>) -> tensor<3x4xf32> {
  %s = graph.constant dense<[3, 4]> : tensor<2xi64>
  %0 = graph.reshape %x, %s : (tensor<2x6xf32>, tensor<2xi64>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// A shape known at run time: each entry may be a 0 (copy) or the -1.
// CHECK-LABEL: func.func @reshape_runtime_shape
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c0
// CHECK: %[[S0:.*]] = tensor.extract %arg1[%c0
// CHECK: %[[D0:.*]] = arith.index_cast %[[S0]] : i64 to index
// CHECK: %[[IS_ZERO:.*]] = arith.cmpi eq, %[[D0]], %c0
// CHECK: %[[COPY:.*]] = arith.select %[[IS_ZERO]], %[[N]], %[[D0]] : index
// CHECK: %[[REST:.*]] = arith.floordivsi
// CHECK: %[[IS_INFERRED:.*]] = arith.cmpi eq, %[[D0]], %c-1
// CHECK: %[[SIZE0:.*]] = arith.select %[[IS_INFERRED]], %[[REST]], %[[COPY]] : index
// CHECK: %[[FLAT:.*]] = tensor.collapse_shape %arg0 {{\[}}[0, 1, 2]] : tensor<?x3x4xf32> into tensor<?xf32>
// CHECK: tensor.expand_shape %[[FLAT]] {{\[}}[0, 1]] output_shape [%[[SIZE0]], %{{.*}}] : tensor<?xf32> into tensor<?x?xf32>
func.func @reshape_runtime_shape(%x: tensor<?x3x4xf32>, %s: tensor<2xi64>) -> tensor<?x?xf32> {
  %0 = graph.reshape %x, %s : (tensor<?x3x4xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// CHECK-LABEL: func.func @flatten
// CHECK: tensor.collapse_shape %arg0 {{\[}}[0, 1], [2]] : tensor<?x3x4xf32> into tensor<?x4xf32>
// CHECK-LABEL: func.func @flatten_axis0
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c0
// CHECK: %[[FLAT:.*]] = tensor.collapse_shape %arg0 {{\[}}[0, 1, 2]] : tensor<?x3x4xf32> into tensor<?xf32>
// CHECK: %[[COUNT:.*]] = arith.muli %c12, %[[N]] : index
// CHECK: tensor.expand_shape %[[FLAT]] {{\[}}[0, 1]] output_shape [1, %[[COUNT]]] : tensor<?xf32> into tensor<1x?xf32>
func.func @flatten(%x: tensor<?x3x4xf32>) -> tensor<?x4xf32> {
  %0 = graph.flatten %x {axis = 2 : i64} : (tensor<?x3x4xf32>) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}
func.func @flatten_axis0(%x: tensor<?x3x4xf32>) -> tensor<1x?xf32> {
  %0 = graph.flatten %x {axis = 0 : i64} : (tensor<?x3x4xf32>) -> tensor<1x?xf32>
  return %0 : tensor<1x?xf32>
}

// -----

// A squeezed dim whose type does not say it is 1 is cast to 1 first.
// CHECK-LABEL: func.func @squeeze
// CHECK: %[[ONE:.*]] = tensor.cast %arg0 : tensor<?x?x4xf32> to tensor<?x1x4xf32>
// CHECK: tensor.collapse_shape %[[ONE]] {{\[}}[0], [1, 2]] : tensor<?x1x4xf32> into tensor<?x4xf32>
// CHECK-LABEL: func.func @squeeze_all
// CHECK: tensor.collapse_shape %arg0 [] : tensor<1x1xf32> into tensor<f32>
func.func @squeeze(%x: tensor<?x?x4xf32>) -> tensor<?x4xf32> {
  %a = graph.constant dense<[-2]> : tensor<1xi64>
  %0 = graph.squeeze %x, %a : (tensor<?x?x4xf32>, tensor<1xi64>) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}
func.func @squeeze_all(%x: tensor<1x1xf32>) -> tensor<f32> {
  %0 = graph.squeeze %x : (tensor<1x1xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// Axes known only at run time: static types say the reshape.
// CHECK-LABEL: func.func @squeeze_runtime_axes
// CHECK: tensor.collapse_shape %arg0 {{\[}}[0, 1], [2]] : tensor<1x3x4xf32> into tensor<3x4xf32>
// CHECK-LABEL: func.func @unsqueeze_runtime_axes
// CHECK: tensor.expand_shape %arg0 {{\[}}[0], [1, 2]] output_shape [3, 1, 4] : tensor<3x4xf32> into tensor<3x1x4xf32>
func.func @squeeze_runtime_axes(%x: tensor<1x3x4xf32>, %axes: tensor<1xi64>) -> tensor<3x4xf32> {
  %0 = graph.squeeze %x, %axes : (tensor<1x3x4xf32>, tensor<1xi64>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}
func.func @unsqueeze_runtime_axes(%x: tensor<3x4xf32>, %axes: tensor<1xi64>) -> tensor<3x1x4xf32> {
  %0 = graph.unsqueeze %x, %axes : (tensor<3x4xf32>, tensor<1xi64>) -> tensor<3x1x4xf32>
  return %0 : tensor<3x1x4xf32>
}

// -----

// CHECK-LABEL: func.func @unsqueeze
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c0
// CHECK: tensor.expand_shape %arg0 {{\[}}[0, 1], [2, 3]] output_shape [1, %[[N]], 4, 1] : tensor<?x4xf32> into tensor<1x?x4x1xf32>
// CHECK-LABEL: func.func @unsqueeze_scalar
// CHECK: tensor.expand_shape %arg0 [] output_shape [1] : tensor<f32> into tensor<1xf32>
func.func @unsqueeze(%x: tensor<?x4xf32>) -> tensor<1x?x4x1xf32> {
  %a = graph.constant dense<[0, -1]> : tensor<2xi64>
  %0 = graph.unsqueeze %x, %a : (tensor<?x4xf32>, tensor<2xi64>) -> tensor<1x?x4x1xf32>
  return %0 : tensor<1x?x4x1xf32>
}
func.func @unsqueeze_scalar(%x: tensor<f32>) -> tensor<1xf32> {
  %a = graph.constant dense<[0]> : tensor<1xi64>
  %0 = graph.unsqueeze %x, %a : (tensor<f32>, tensor<1xi64>) -> tensor<1xf32>
  return %0 : tensor<1xf32>
}

// -----

// Output dim i reads input dim perm[i]; once the unused linalg.index ops
// are gone, the generic is a linalg.transpose.
// CHECK-LABEL: func.func @transpose
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c0
// CHECK: te.compute "transpose" axes ["d0", "d1", "d2"] ins(%arg0 : tensor<?x3x4xf32>) sizes(%[[N]]) -> tensor<?x4x3xf32>
// CHECK: ^bb0(%d0: index, %d1: index, %d2: index, %in0: tensor<?x3x4xf32>):
// CHECK: te.read %in0[%d0, %d2, %d1]
// LINALG-LABEL: func.func @transpose
// LINALG: linalg.transpose ins(%arg0 : tensor<?x3x4xf32>) outs(%{{.*}} : tensor<?x4x3xf32>) permutation = [0, 2, 1]
func.func @transpose(%x: tensor<?x3x4xf32>) -> tensor<?x4x3xf32> {
  %0 = graph.transpose %x {perm = array<i64: 0, 2, 1>} : (tensor<?x3x4xf32>) -> tensor<?x4x3xf32>
  return %0 : tensor<?x4x3xf32>
}

// -----

// Each input is inserted at its offset along the axis; an empty one is
// skipped.
// CHECK-LABEL: func.func @concat
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c0
// CHECK: %[[M:.*]] = tensor.dim %arg1, %c0
// CHECK: %[[EMPTY:.*]] = tensor.empty(%[[N]]) : tensor<?x5xf32>
// CHECK: %[[A:.*]] = tensor.insert_slice %arg0 into %[[EMPTY]][0, 0] [%[[N]], 2] [1, 1] : tensor<?x2xf32> into tensor<?x5xf32>
// CHECK: %[[B:.*]] = tensor.insert_slice %arg1 into %[[A]][0, 2] [%[[M]], 3] [1, 1] : tensor<?x3xf32> into tensor<?x5xf32>
// CHECK: return %[[B]]
func.func @concat(%a: tensor<?x2xf32>, %b: tensor<?x3xf32>, %c: tensor<?x0xf32>) -> tensor<?x5xf32> {
  %0 = graph.concat %a, %b, %c {axis = -1 : i64} : (tensor<?x2xf32>, tensor<?x3xf32>, tensor<?x0xf32>) -> tensor<?x5xf32>
  return %0 : tensor<?x5xf32>
}

// -----

// Equal parts of ceil(d / n), the last one smaller, also for a dynamic d.
// CHECK-LABEL: func.func @split
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c0
// CHECK: tensor.extract_slice %arg0[0, 0] [%[[N]], 4] [1, 1] : tensor<?x7xf32> to tensor<?x4xf32>
// CHECK: tensor.extract_slice %arg0[0, 4] [%[[N]], 3] [1, 1] : tensor<?x7xf32> to tensor<?x3xf32>
// CHECK-LABEL: func.func @split_dynamic
// CHECK: %[[D:.*]] = tensor.dim %arg0, %c0
// CHECK: %[[PART:.*]] = arith.ceildivsi %[[D]], %c3 : index
// CHECK: %[[TWO:.*]] = arith.muli %[[PART]], %c2 : index
// CHECK: %[[LAST:.*]] = arith.subi %[[D]], %[[TWO]] : index
// CHECK: tensor.extract_slice %arg0[0] [%[[PART]]] [1]
// CHECK: tensor.extract_slice %arg0[%[[PART]]] [%[[PART]]] [1]
// CHECK: %[[OFFSET:.*]] = arith.addi %[[PART]], %[[PART]] : index
// CHECK: tensor.extract_slice %arg0[%[[OFFSET]]] [%[[LAST]]] [1]
// CHECK-LABEL: func.func @split_sizes
// CHECK: tensor.extract_slice %arg0[0] [2] [1] : tensor<5xf32> to tensor<2xf32>
// CHECK: tensor.empty() : tensor<0xf32>
// CHECK: tensor.extract_slice %arg0[2] [3] [1] : tensor<5xf32> to tensor<3xf32>
func.func @split(%x: tensor<?x7xf32>) -> (tensor<?x4xf32>, tensor<?x3xf32>) {
  %a:2 = graph.split %x {axis = 1 : i64, num_outputs = 2 : i64} : (tensor<?x7xf32>) -> (tensor<?x4xf32>, tensor<?x3xf32>)
  return %a#0, %a#1 : tensor<?x4xf32>, tensor<?x3xf32>
}
func.func @split_dynamic(%x: tensor<?xf32>) -> (tensor<?xf32>, tensor<?xf32>, tensor<?xf32>) {
  %a:3 = graph.split %x {num_outputs = 3 : i64} : (tensor<?xf32>) -> (tensor<?xf32>, tensor<?xf32>, tensor<?xf32>)
  return %a#0, %a#1, %a#2 : tensor<?xf32>, tensor<?xf32>, tensor<?xf32>
}
func.func @split_sizes(%x: tensor<5xf32>) -> (tensor<2xf32>, tensor<0xf32>, tensor<3xf32>) {
  %s = graph.constant dense<[2, 0, 3]> : tensor<3xi64>
  %a:3 = graph.split %x, %s {num_outputs = 3 : i64} : (tensor<5xf32>, tensor<3xi64>) -> (tensor<2xf32>, tensor<0xf32>, tensor<3xf32>)
  return %a#0, %a#1, %a#2 : tensor<2xf32>, tensor<0xf32>, tensor<3xf32>
}

// -----

// Positive steps: a strided extract_slice; -1 counts from the end.
// CHECK-LABEL: func.func @slice_strided
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c0
// CHECK: tensor.extract_slice %arg0[0, 1] [%[[N]], 3] [1, 2] : tensor<?x8xf32> to tensor<?x3xf32>
func.func @slice_strided(%x: tensor<?x8xf32>) -> tensor<?x3xf32> {
  %s = graph.constant dense<[1]> : tensor<1xi64>
  %e = graph.constant dense<[-1]> : tensor<1xi64>
  %a = graph.constant dense<[1]> : tensor<1xi64>
  %st = graph.constant dense<[2]> : tensor<1xi64>
  %0 = graph.slice %x, %s, %e axes %a steps %st : (tensor<?x8xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<?x3xf32>
  return %0 : tensor<?x3xf32>
}

// -----

// Bounds of a dynamic dim are clamped at run time (INT64_MAX is the end).
// CHECK-LABEL: func.func @slice_dynamic_dim
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c0
// CHECK: %[[START:.*]] = arith.minsi %c1, %[[N]] : index
// CHECK: %[[END:.*]] = arith.minsi %c9223372036854775807, %[[N]] : index
// CHECK: %[[SPAN:.*]] = arith.subi %[[END]], %[[START]] : index
// CHECK: %[[COUNT:.*]] = arith.maxsi %[[SPAN]], %c0{{.*}} : index
// CHECK: tensor.extract_slice %arg0[%[[START]], 0] [%[[COUNT]], 8] [1, 1] : tensor<?x8xf32> to tensor<?x8xf32>
func.func @slice_dynamic_dim(%x: tensor<?x8xf32>) -> tensor<?x8xf32> {
  %s = graph.constant dense<[1]> : tensor<1xi64>
  %e = graph.constant dense<[9223372036854775807]> : tensor<1xi64>
  %0 = graph.slice %x, %s, %e : (tensor<?x8xf32>, tensor<1xi64>, tensor<1xi64>) -> tensor<?x8xf32>
  return %0 : tensor<?x8xf32>
}

// -----

// A negative step reads at start + i * step: affine.
// CHECK-LABEL: func.func @slice_reverse
// CHECK: te.compute "slice" axes ["d0", "d1"] ins(%arg0 : tensor<?x8xf32>) sizes(%{{.*}}) -> tensor<?x8xf32>
// CHECK: %[[STEP:.*]] = arith.muli %d1, %c-1 : index
// CHECK: %[[INDEX:.*]] = arith.addi %c7, %[[STEP]] : index
// CHECK: te.read %in0[%d0, %[[INDEX]]]
// LINALG: #[[REVERSE:.*]] = affine_map<(d0, d1) -> (d0, -d1 + 7)>
// LINALG-LABEL: func.func @slice_reverse
// LINALG: linalg.generic {indexing_maps = [#[[REVERSE]], #{{.*}}], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<?x8xf32>)
func.func @slice_reverse(%x: tensor<?x8xf32>) -> tensor<?x8xf32> {
  %s = graph.constant dense<[-1]> : tensor<1xi64>
  %e = graph.constant dense<[-9223372036854775807]> : tensor<1xi64>
  %a = graph.constant dense<[1]> : tensor<1xi64>
  %st = graph.constant dense<[-1]> : tensor<1xi64>
  %0 = graph.slice %x, %s, %e axes %a steps %st : (tensor<?x8xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<?x8xf32>
  return %0 : tensor<?x8xf32>
}

// -----

// Axes and steps known at run time: each dim takes the bounds of the axis
// naming it, and the compute reads its start and step from an index tensor.
// CHECK-LABEL: func.func @slice_runtime_axes
// CHECK: %[[AXIS_I64:.*]] = tensor.extract %arg3
// CHECK: %[[AXIS:.*]] = arith.index_cast %[[AXIS_I64]] : i64 to index
// CHECK: %[[IS_NEGATIVE:.*]] = arith.cmpi slt, %[[AXIS]], %c0{{.*}}
// CHECK: %[[WRAPPED:.*]] = arith.addi %[[AXIS]], %c2
// CHECK: %[[NORMALIZED:.*]] = arith.select %[[IS_NEGATIVE]], %[[WRAPPED]], %[[AXIS]]
// CHECK: arith.cmpi eq, %[[NORMALIZED]], %c0
// CHECK: arith.cmpi eq, %[[NORMALIZED]], %c1
// CHECK: %[[PARAMS:.*]] = tensor.from_elements {{.*}} : tensor<4xindex>
// CHECK: te.compute "slice" axes ["d0", "d1"] ins(%arg0, %[[PARAMS]] : tensor<4x8xf32>, tensor<4xindex>)
// CHECK: %[[START0:.*]] = te.read %in1[%c0{{.*}}]
// CHECK: %[[STEP0:.*]] = te.read %in1[%c1{{.*}}]
// CHECK: %[[OFFSET0:.*]] = arith.muli %d0, %[[STEP0]] : index
// CHECK: %[[INDEX0:.*]] = arith.addi %[[START0]], %[[OFFSET0]] : index
// CHECK: te.read %in0[%[[INDEX0]], %{{.*}}]
func.func @slice_runtime_axes(%x: tensor<4x8xf32>, %s: tensor<1xi64>, %e: tensor<1xi64>, %a: tensor<1xi64>, %st: tensor<1xi64>) -> tensor<?x?xf32> {
  %0 = graph.slice %x, %s, %e axes %a steps %st : (tensor<4x8xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// CHECK-LABEL: func.func @slice_empty
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<0x8xf32>
// CHECK: return %[[EMPTY]]
func.func @slice_empty(%x: tensor<4x8xf32>) -> tensor<0x8xf32> {
  %s = graph.constant dense<[4]> : tensor<1xi64>
  %e = graph.constant dense<[10]> : tensor<1xi64>
  %0 = graph.slice %x, %s, %e : (tensor<4x8xf32>, tensor<1xi64>, tensor<1xi64>) -> tensor<0x8xf32>
  return %0 : tensor<0x8xf32>
}

// -----

// Size-1 dims stretch (read index 0); missing leading dims broadcast.
// CHECK-LABEL: func.func @expand
// CHECK: te.compute "expand" axes ["d0", "d1", "d2"] ins(%arg0 : tensor<3x1xf32>) -> tensor<2x3x4xf32>
// CHECK: %[[ZERO:.*]] = arith.constant 0 : index
// CHECK: te.read %in0[%d1, %[[ZERO]]]
// LINALG: #[[BROADCAST:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// LINALG-LABEL: func.func @expand
// LINALG: linalg.generic {indexing_maps = [#[[BROADCAST]], #{{.*}}], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg0 : tensor<3x1xf32>)
func.func @expand(%x: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %s = graph.constant dense<[2, 1, 4]> : tensor<3xi64>
  %0 = graph.expand %x, %s : (tensor<3x1xf32>, tensor<3xi64>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// A dynamic input dim keeps its size; the shape must agree at run time.
// CHECK-LABEL: func.func @expand_dynamic
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c0
// CHECK: %[[S0:.*]] = arith.index_cast %{{.*}} : i64 to index
// CHECK: %[[S1:.*]] = arith.index_cast %{{.*}} : i64 to index
// CHECK: %[[IS_ONE:.*]] = arith.cmpi eq, %[[S0]], %c1
// CHECK: %[[IS_N:.*]] = arith.cmpi eq, %[[S0]], %[[N]]
// CHECK: %[[OK:.*]] = arith.ori %[[IS_ONE]], %[[IS_N]] : i1
// CHECK: cf.assert %[[OK]], "expand: the shape must be 1 or the input's size
// CHECK: te.compute "expand" axes ["d0", "d1"] ins(%arg0 : tensor<?x1xf32>) sizes(%[[N]], %[[S1]]) -> tensor<?x?xf32>
func.func @expand_dynamic(%x: tensor<?x1xf32>, %s: tensor<2xi64>) -> tensor<?x?xf32> {
  %0 = graph.expand %x, %s : (tensor<?x1xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// A repeated dim reads i mod d (as i - (i floordiv d) * d: affine).
// CHECK-LABEL: func.func @tile
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c0
// CHECK: te.compute "tile" axes ["d0", "d1"] ins(%arg0 : tensor<?x3xf32>) sizes(%[[N]]) -> tensor<?x6xf32>
// CHECK: %[[Q:.*]] = arith.floordivsi %d1, %c3 : index
// CHECK: %[[M:.*]] = arith.muli %[[Q]], %c3 : index
// CHECK: %[[R:.*]] = arith.subi %d1, %[[M]] : index
// CHECK: te.read %in0[%d0, %[[R]]]
// LINALG: #[[MOD:.*]] = affine_map<(d0, d1) -> (d0, d1 mod 3)>
// LINALG-LABEL: func.func @tile
// LINALG: linalg.generic {indexing_maps = [#[[MOD]], #{{.*}}], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<?x3xf32>)
func.func @tile(%x: tensor<?x3xf32>) -> tensor<?x6xf32> {
  %r = graph.constant dense<[1, 2]> : tensor<2xi64>
  %0 = graph.tile %x, %r : (tensor<?x3xf32>, tensor<2xi64>) -> tensor<?x6xf32>
  return %0 : tensor<?x6xf32>
}

// -----

// Constant mode reads with padding: a tensor.pad in Linalg.
// CHECK-LABEL: func.func @pad_constant
// CHECK: te.compute "pad" axes ["d0", "d1"] ins(%arg0 : tensor<2x3xf32>) -> tensor<4x4xf32>
// CHECK: %[[ROW:.*]] = arith.subi %d0, %c1 : index
// CHECK: %[[VALUE:.*]] = arith.constant 1.500000e+00 : f32
// CHECK: te.read %in0[%[[ROW]], %d1] padding %[[VALUE]]
// LINALG-LABEL: func.func @pad_constant
// LINALG: %[[VALUE:.*]] = arith.constant 1.500000e+00 : f32
// LINALG: tensor.pad %arg0 low[1, 0] high[1, 1]
// LINALG: tensor.yield %[[VALUE]] : f32
func.func @pad_constant(%x: tensor<2x3xf32>) -> tensor<4x4xf32> {
  %p = graph.constant dense<[1, 0, 1, 1]> : tensor<4xi64>
  %v = graph.constant dense<1.5> : tensor<f32>
  %0 = graph.pad %x, %p value %v {mode = "constant"} : (tensor<2x3xf32>, tensor<4xi64>, tensor<f32>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

// -----

// A value known at run time is read from its tensor; pads known at run time
// travel in an index tensor.
// CHECK-LABEL: func.func @pad_runtime
// CHECK: %[[BEFORE:.*]] = arith.index_cast %{{.*}} : i64 to index
// CHECK: %[[PARAMS:.*]] = tensor.from_elements %[[BEFORE]] : tensor<1xindex>
// CHECK: te.compute "pad" axes ["d0"] ins(%arg0, %[[PARAMS]], %arg2 : tensor<3xi32>, tensor<1xindex>, tensor<i32>)
// CHECK: %[[PAD:.*]] = te.read %in1[%c0{{.*}}] : tensor<1xindex>
// CHECK: %[[INDEX:.*]] = arith.subi %d0, %[[PAD]] : index
// CHECK: %[[VALUE:.*]] = te.read %in2[] : tensor<i32>
// CHECK: te.read %in0[%[[INDEX]]] padding %[[VALUE]]
func.func @pad_runtime(%x: tensor<3xi32>, %p: tensor<2xi64>, %v: tensor<i32>) -> tensor<?xi32> {
  %0 = graph.pad %x, %p value %v : (tensor<3xi32>, tensor<2xi64>, tensor<i32>) -> tensor<?xi32>
  return %0 : tensor<?xi32>
}

// -----

// Reflect: period 2 (d - 1), read min(m, period - m); unpadded dims read
// their own index.
// CHECK-LABEL: func.func @pad_reflect
// CHECK: %[[SHIFTED:.*]] = arith.subi %d1, %c2 : index
// CHECK: %[[Q:.*]] = arith.floordivsi %[[SHIFTED]], %c4 : index
// CHECK: %[[QM:.*]] = arith.muli %[[Q]], %c4 : index
// CHECK: %[[PHASE:.*]] = arith.subi %[[SHIFTED]], %[[QM]] : index
// CHECK: %[[BACK:.*]] = arith.subi %c4, %[[PHASE]] : index
// CHECK: %[[INDEX:.*]] = arith.minsi %[[PHASE]], %[[BACK]] : index
// CHECK: te.read %in0[%d0, %[[INDEX]]]
// CHECK-LABEL: func.func @pad_edge
// CHECK: %[[LOW:.*]] = arith.maxsi %d1, %c0{{.*}} : index
// CHECK: %[[INDEX:.*]] = arith.minsi %[[LOW]], %c2 : index
// CHECK: te.read %in0[%d0, %[[INDEX]]]
// LINALG-LABEL: func.func @pad_edge
// LINALG: linalg.generic
// LINALG: tensor.extract %arg0
func.func @pad_reflect(%x: tensor<?x3xf32>) -> tensor<?x7xf32> {
  %p = graph.constant dense<[2, 2]> : tensor<2xi64>
  %a = graph.constant dense<[1]> : tensor<1xi64>
  %0 = graph.pad %x, %p axes %a {mode = "reflect"} : (tensor<?x3xf32>, tensor<2xi64>, tensor<1xi64>) -> tensor<?x7xf32>
  return %0 : tensor<?x7xf32>
}
func.func @pad_edge(%x: tensor<?x3xf32>) -> tensor<?x4xf32> {
  %p = graph.constant dense<[0, 0, 0, 1]> : tensor<4xi64>
  %0 = graph.pad %x, %p {mode = "edge"} : (tensor<?x3xf32>, tensor<4xi64>) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// -----

// Channel (bh * b + bw) * C' + c (DCR), c * b * b + bh * b + bw (CRD);
// space_to_depth reads the inverse. All affine.
// LINALG-DAG: #[[DCR:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, ((d2 mod 2) * 2 + d3 mod 2) * 2 + d1, d2 floordiv 2, d3 floordiv 2)>
// LINALG-DAG: #[[CRD:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1 * 4 + (d2 mod 2) * 2 + d3 mod 2, d2 floordiv 2, d3 floordiv 2)>
// LINALG-DAG: #[[S2D:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1 mod 2, d2 * 2 + (d1 floordiv 2) floordiv 2, d3 * 2 + (d1 floordiv 2) mod 2)>
// CHECK-LABEL: func.func @depth_to_space
// CHECK: te.compute "depth_to_space" axes ["n", "c", "h", "w"] ins(%arg0 : tensor<?x8x2x3xf32>) sizes(%{{.*}}) -> tensor<?x2x4x6xf32>
// CHECK: te.compute "depth_to_space" axes ["n", "c", "h", "w"]
// CHECK: te.compute "space_to_depth" axes ["n", "c", "h", "w"]
// LINALG-LABEL: func.func @depth_to_space
// LINALG: linalg.generic {indexing_maps = [#[[DCR]], #{{.*}}]{{.*}} ins(%arg0 : tensor<?x8x2x3xf32>)
// LINALG: linalg.generic {indexing_maps = [#[[CRD]], #{{.*}}]{{.*}} ins(%arg1 : tensor<1x8x2x3xf32>)
// LINALG: linalg.generic {indexing_maps = [#[[S2D]], #{{.*}}]{{.*}} ins(%arg2 : tensor<1x2x4x6xf32>)
func.func @depth_to_space(%x: tensor<?x8x2x3xf32>, %y: tensor<1x8x2x3xf32>, %z: tensor<1x2x4x6xf32>) -> (tensor<?x2x4x6xf32>, tensor<1x2x4x6xf32>, tensor<1x8x2x3xf32>) {
  %0 = graph.depth_to_space %x {blocksize = 2 : i64} : (tensor<?x8x2x3xf32>) -> tensor<?x2x4x6xf32>
  %1 = graph.depth_to_space %y {blocksize = 2 : i64, mode = "CRD"} : (tensor<1x8x2x3xf32>) -> tensor<1x2x4x6xf32>
  %2 = graph.space_to_depth %z {blocksize = 2 : i64} : (tensor<1x2x4x6xf32>) -> tensor<1x8x2x3xf32>
  return %0, %1, %2 : tensor<?x2x4x6xf32>, tensor<1x2x4x6xf32>, tensor<1x8x2x3xf32>
}

// -----

// The gathered index is read (affine), wrapped if negative, and indexes the
// data (tensor.extract in Linalg).
// CHECK-LABEL: func.func @gather
// CHECK: te.compute "gather" axes ["d0", "d1", "d2", "d3"] ins(%arg0, %arg1 : tensor<?x4x5xf32>, tensor<2x3xi64>) sizes(%{{.*}}) -> tensor<?x2x3x5xf32>
// CHECK: %[[RAW:.*]] = te.read %in1[%d1, %d2]
// CHECK: %[[I:.*]] = arith.index_cast %[[RAW]] : i64 to index
// CHECK: %[[NEG:.*]] = arith.cmpi slt, %[[I]], %c0
// CHECK: %[[WRAP:.*]] = arith.addi %[[I]], %c4
// CHECK: %[[INDEX:.*]] = arith.select %[[NEG]], %[[WRAP]], %[[I]]
// CHECK: te.read %in0[%d0, %[[INDEX]], %d3]
// LINALG-LABEL: func.func @gather
// LINALG: linalg.generic {{.*}} ins(%arg1 : tensor<2x3xi64>)
// LINALG: tensor.extract %arg0
func.func @gather(%x: tensor<?x4x5xf32>, %i: tensor<2x3xi64>) -> tensor<?x2x3x5xf32> {
  %0 = graph.gather %x, %i {axis = 1 : i64} : (tensor<?x4x5xf32>, tensor<2x3xi64>) -> tensor<?x2x3x5xf32>
  return %0 : tensor<?x2x3x5xf32>
}

// -----

// A dynamic gathered dim wraps by its tensor.dim in the body.
// CHECK-LABEL: func.func @gather_elements
// CHECK: te.compute "gather_elements" axes ["d0", "d1"] ins(%arg0, %arg1 : tensor<2x?xf32>, tensor<2x2xi32>) -> tensor<2x2xf32>
// CHECK: %[[RAW:.*]] = te.read %in1[%d0, %d1]
// CHECK: %[[D:.*]] = tensor.dim %in0, %c1
// CHECK: %[[I:.*]] = arith.index_cast %[[RAW]] : i32 to index
// CHECK: %[[WRAP:.*]] = arith.addi %[[I]], %[[D]]
// CHECK: %[[INDEX:.*]] = arith.select %{{.*}}, %[[WRAP]], %[[I]]
// CHECK: te.read %in0[%d0, %[[INDEX]]]
func.func @gather_elements(%x: tensor<2x?xf32>, %i: tensor<2x2xi32>) -> tensor<2x2xf32> {
  %0 = graph.gather_elements %x, %i {axis = 1 : i64} : (tensor<2x?xf32>, tensor<2x2xi32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// Batch dims index both; each tuple element indexes one data dim.
// CHECK-LABEL: func.func @gather_nd
// CHECK: te.compute "gather_nd" axes ["d0", "d1", "d2"] ins(%arg0, %arg1 : tensor<2x3x4x5xf32>, tensor<2x6x2xi64>) -> tensor<2x6x5xf32>
// CHECK: %[[FIRST:.*]] = te.read %in1[%d0, %d1, %c0]
// CHECK: %[[I:.*]] = arith.select
// CHECK: %[[SECOND:.*]] = te.read %in1[%d0, %d1, %c1]
// CHECK: %[[J:.*]] = arith.select
// CHECK: te.read %in0[%d0, %[[I]], %[[J]], %d2]
func.func @gather_nd(%x: tensor<2x3x4x5xf32>, %i: tensor<2x6x2xi64>) -> tensor<2x6x5xf32> {
  %0 = graph.gather_nd %x, %i {batch_dims = 1 : i64} : (tensor<2x3x4x5xf32>, tensor<2x6x2xi64>) -> tensor<2x6x5xf32>
  return %0 : tensor<2x6x5xf32>
}

// -----

// CHECK-LABEL: func.func @shape
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c0
// CHECK: %[[N64:.*]] = arith.index_cast %[[N]] : index to i64
// CHECK: %[[C128:.*]] = arith.constant 128 : i64
// CHECK: %[[C768:.*]] = arith.constant 768 : i64
// CHECK: %[[ALL:.*]] = tensor.from_elements %[[N64]], %[[C128]], %[[C768]] : tensor<3xi64>
// CHECK: %[[TAIL:.*]] = arith.constant dense<[128, 768]> : tensor<2xi64>
// CHECK: %[[ROWS:.*]] = arith.muli %{{.*}}, %c128 : index
// CHECK: %[[COUNT:.*]] = arith.muli %[[ROWS]], %c768 : index
// CHECK: %[[COUNT64:.*]] = arith.index_cast %[[COUNT]] : index to i64
// CHECK: %[[SIZE:.*]] = tensor.from_elements %[[COUNT64]] : tensor<i64>
// CHECK: return %[[ALL]], %[[TAIL]], %[[SIZE]]
func.func @shape(%x: tensor<?x128x768xf32>) -> (tensor<3xi64>, tensor<2xi64>, tensor<i64>) {
  %0 = graph.shape %x : (tensor<?x128x768xf32>) -> tensor<3xi64>
  %1 = graph.shape %x {start = -2 : i64} : (tensor<?x128x768xf32>) -> tensor<2xi64>
  %2 = graph.size %x : (tensor<?x128x768xf32>) -> tensor<i64>
  return %0, %1, %2 : tensor<3xi64>, tensor<2xi64>, tensor<i64>
}

// -----

// max(ceil((limit - start) / delta), 0) elements of start + i * delta.
// CHECK-LABEL: func.func @range
// CHECK: %[[SPAN:.*]] = arith.subi %{{.*}}, %{{.*}} : i64
// CHECK: %[[STEPS:.*]] = arith.ceildivsi %[[SPAN]], %{{.*}} : i64
// CHECK: %[[COUNT:.*]] = arith.index_cast %[[STEPS]] : i64 to index
// CHECK: %[[SIZE:.*]] = arith.maxsi %[[COUNT]], %c0 : index
// CHECK: te.compute "range" axes ["i"] ins(%arg0, %arg2 : tensor<i32>, tensor<i32>) sizes(%[[SIZE]]) -> tensor<?xi32>
// CHECK: %[[START:.*]] = te.read %in0[] : tensor<i32>
// CHECK: %[[DELTA:.*]] = te.read %in1[] : tensor<i32>
// CHECK: %[[I64:.*]] = arith.index_cast %i : index to i64
// CHECK: %[[I:.*]] = arith.trunci %[[I64]] : i64 to i32
// CHECK: %[[OFFSET:.*]] = arith.muli %[[I]], %[[DELTA]] : i32
// CHECK: arith.addi %[[START]], %[[OFFSET]] : i32
// CHECK-LABEL: func.func @range_float
// CHECK: %[[SPAN:.*]] = arith.subf %{{.*}}, %{{.*}} : f64
// CHECK: %[[RATIO:.*]] = arith.divf %[[SPAN]], %{{.*}} : f64
// CHECK: math.ceil %[[RATIO]] : f64
// CHECK: te.compute "range" axes ["i"]
// CHECK: arith.sitofp %{{.*}} : i64 to f32
// CHECK: arith.mulf
// CHECK: arith.addf
func.func @range(%s: tensor<i32>, %l: tensor<i32>, %d: tensor<i32>) -> tensor<?xi32> {
  %0 = graph.range %s, %l, %d : (tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<?xi32>
  return %0 : tensor<?xi32>
}
func.func @range_float(%s: tensor<f32>, %l: tensor<f32>, %d: tensor<f32>) -> tensor<?xf32> {
  %0 = graph.range %s, %l, %d : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// Unsigned fill values keep their bits; the default is 0.0 : f32.
// CHECK-LABEL: func.func @constant_of_shape
// CHECK: %[[D0:.*]] = arith.index_cast %{{.*}} : i64 to index
// CHECK: %[[D1:.*]] = arith.index_cast %{{.*}} : i64 to index
// CHECK: te.compute "constant_of_shape" axes ["d0", "d1"] sizes(%[[D0]], %[[D1]]) -> tensor<?x?xi8>
// CHECK: %[[FILL:.*]] = arith.constant -1 : i8
// CHECK: te.yield %[[FILL]] : i8
// CHECK: te.compute "constant_of_shape" axes ["d0"] sizes(%{{.*}}) -> tensor<?xf32>
// CHECK: arith.constant 0.000000e+00 : f32
// LINALG-LABEL: func.func @constant_of_shape
// LINALG: %[[FILL:.*]] = arith.constant -1 : i8
// LINALG: linalg.fill ins(%[[FILL]] : i8) outs(%{{.*}} : tensor<?x?xi8>)
func.func @constant_of_shape(%s: tensor<2xi64>, %t: tensor<1xi64>) -> (tensor<?x?xui8>, tensor<?xf32>) {
  %0 = graph.constant_of_shape %s {value = dense<255> : tensor<1xui8>} : (tensor<2xi64>) -> tensor<?x?xui8>
  %1 = graph.constant_of_shape %t : (tensor<1xi64>) -> tensor<?xf32>
  return %0, %1 : tensor<?x?xui8>, tensor<?xf32>
}
