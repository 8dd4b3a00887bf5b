// RUN: tensor-opt %s --convert-graph-to-te --split-input-file | FileCheck %s
// RUN: tensor-opt %s --convert-graph-to-te --convert-te-to-linalg --split-input-file | FileCheck %s --check-prefix=LINALG

// Cast as numpy's astype: floats to integers truncate toward zero, anything
// to i1 tests for non-zero (NaN is true), integers extend by the source's
// signedness, booleans are unsigned.
// CHECK-LABEL: func.func @cast
// CHECK: te.compute "cast"
// CHECK: arith.truncf %{{.*}} : f32 to f16
// CHECK: te.compute "cast"
// CHECK: arith.extf %{{.*}} : f16 to f64
// CHECK: te.compute "cast"
// CHECK: %[[WIDE:.*]] = arith.extf %{{.*}} : bf16 to f32
// CHECK-NEXT: arith.truncf %[[WIDE]] : f32 to f16
// CHECK: te.compute "cast"
// CHECK: arith.fptosi %{{.*}} : f32 to i32
// CHECK: te.compute "cast"
// CHECK: arith.fptoui %{{.*}} : f32 to i16
// CHECK: te.compute "cast"
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: arith.cmpf une, %{{.*}}, %[[ZERO]] : f32
// CHECK: te.compute "cast"
// CHECK: arith.uitofp %{{.*}} : i8 to f32
// CHECK: te.compute "cast"
// CHECK: arith.extui %{{.*}} : i8 to i16
// CHECK: te.compute "cast"
// CHECK: arith.extsi %{{.*}} : i8 to i16
// CHECK: te.compute "cast"
// CHECK: arith.extui %{{.*}} : i1 to i64
// CHECK: te.compute "cast"
// CHECK: arith.uitofp %{{.*}} : i1 to f32
// CHECK: te.compute "cast"
// CHECK: arith.trunci %{{.*}} : i64 to i8
// CHECK: te.compute "cast"
// CHECK: %[[IZERO:.*]] = arith.constant 0 : i64
// CHECK-NEXT: arith.cmpi ne, %{{.*}}, %[[IZERO]] : i64
// CHECK: te.compute "cast"
// CHECK: arith.sitofp %{{.*}} : i64 to f32
// ui8 to i8 keeps the bits: no stage.
// CHECK-NOT: te.compute
// CHECK: return {{.*}}, %arg4 :
// LINALG-LABEL: func.func @cast
// LINALG-COUNT-14: linalg.generic
// LINALG-NOT: linalg.generic
// LINALG: return
func.func @cast(%f: tensor<3xf32>, %h: tensor<3xf16>, %b: tensor<3xbf16>, %i: tensor<3xi64>, %u: tensor<3xui8>, %s: tensor<3xi8>, %c: tensor<3xi1>) -> (tensor<3xf16>, tensor<3xf64>, tensor<3xf16>, tensor<3xi32>, tensor<3xui16>, tensor<3xi1>, tensor<3xf32>, tensor<3xi16>, tensor<3xi16>, tensor<3xi64>, tensor<3xf32>, tensor<3xi8>, tensor<3xi1>, tensor<3xf32>, tensor<3xi8>) {
  %0 = graph.cast %f {to = f16} : (tensor<3xf32>) -> tensor<3xf16>
  %1 = graph.cast %h {to = f64} : (tensor<3xf16>) -> tensor<3xf64>
  %2 = graph.cast %b {to = f16} : (tensor<3xbf16>) -> tensor<3xf16>
  %3 = graph.cast %f {to = i32} : (tensor<3xf32>) -> tensor<3xi32>
  %4 = graph.cast %f {to = ui16} : (tensor<3xf32>) -> tensor<3xui16>
  %5 = graph.cast %f {to = i1} : (tensor<3xf32>) -> tensor<3xi1>
  %6 = graph.cast %u {to = f32} : (tensor<3xui8>) -> tensor<3xf32>
  %7 = graph.cast %u {to = i16} : (tensor<3xui8>) -> tensor<3xi16>
  %8 = graph.cast %s {to = i16} : (tensor<3xi8>) -> tensor<3xi16>
  %9 = graph.cast %c {to = i64} : (tensor<3xi1>) -> tensor<3xi64>
  %10 = graph.cast %c {to = f32} : (tensor<3xi1>) -> tensor<3xf32>
  %11 = graph.cast %i {to = i8} : (tensor<3xi64>) -> tensor<3xi8>
  %12 = graph.cast %i {to = i1} : (tensor<3xi64>) -> tensor<3xi1>
  %13 = graph.cast %i {to = f32} : (tensor<3xi64>) -> tensor<3xf32>
  %14 = graph.cast %u {to = i8} : (tensor<3xui8>) -> tensor<3xi8>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12, %13, %14 : tensor<3xf16>, tensor<3xf64>, tensor<3xf16>, tensor<3xi32>, tensor<3xui16>, tensor<3xi1>, tensor<3xf32>, tensor<3xi16>, tensor<3xi16>, tensor<3xi64>, tensor<3xf32>, tensor<3xi8>, tensor<3xi1>, tensor<3xf32>, tensor<3xi8>
}

// -----

// Per tensor: saturate(round_half_even(x / scale) + zero_point), the
// saturation by maxnumf/minnumf so that NaN gives the low bound.
// CHECK-LABEL: func.func @quantize_per_tensor
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c0
// CHECK: te.compute "quantize_linear" axes ["d0", "d1"] ins(%arg0, %arg1, %arg2 : tensor<?x3xf32>, tensor<f32>, tensor<i8>) sizes(%[[N]]) -> tensor<?x3xi8>
// CHECK: %[[X:.*]] = te.read %in0[%d0, %d1]
// CHECK-NEXT: %[[SCALE:.*]] = te.read %in1[]
// CHECK-NEXT: %[[ZP:.*]] = te.read %in2[]
// CHECK-NEXT: %[[DIV:.*]] = arith.divf %[[X]], %[[SCALE]] : f32
// CHECK-NEXT: %[[ROUND:.*]] = math.roundeven %[[DIV]] : f32
// CHECK-NEXT: %[[ZPF:.*]] = arith.sitofp %[[ZP]] : i8 to f32
// CHECK-NEXT: %[[SHIFTED:.*]] = arith.addf %[[ROUND]], %[[ZPF]]
// CHECK-NEXT: %[[LOW:.*]] = arith.constant -1.280000e+02 : f32
// CHECK-NEXT: %[[ABOVE:.*]] = arith.maxnumf %[[SHIFTED]], %[[LOW]]
// CHECK-NEXT: %[[HIGH:.*]] = arith.constant 1.270000e+02 : f32
// CHECK-NEXT: %[[CLAMPED:.*]] = arith.minnumf %[[ABOVE]], %[[HIGH]]
// CHECK-NEXT: %[[Q:.*]] = arith.fptosi %[[CLAMPED]] : f32 to i8
// CHECK-NEXT: te.yield %[[Q]] : i8
// No zero point: ui8 around 0.
// CHECK: te.compute "quantize_linear" axes ["d0", "d1"] ins(%arg0, %arg1 : tensor<?x3xf32>, tensor<f32>)
// CHECK: math.roundeven
// CHECK-NEXT: %[[ULOW:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[UABOVE:.*]] = arith.maxnumf %{{.*}}, %[[ULOW]]
// CHECK-NEXT: %[[UHIGH:.*]] = arith.constant 2.550000e+02 : f32
// CHECK-NEXT: %[[UCLAMPED:.*]] = arith.minnumf %[[UABOVE]], %[[UHIGH]]
// CHECK-NEXT: arith.fptoui %[[UCLAMPED]] : f32 to i8
// LINALG-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// LINALG-DAG: #[[SCALAR:.*]] = affine_map<(d0, d1) -> ()>
// LINALG-LABEL: func.func @quantize_per_tensor
// LINALG: linalg.generic {indexing_maps = [#[[ID]], #[[SCALAR]], #[[SCALAR]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%arg0, %arg1, %arg2 : tensor<?x3xf32>, tensor<f32>, tensor<i8>)
func.func @quantize_per_tensor(%x: tensor<?x3xf32>, %s: tensor<f32>, %zp: tensor<i8>) -> (tensor<?x3xi8>, tensor<?x3xui8>) {
  %0 = graph.quantize_linear %x, %s, %zp : (tensor<?x3xf32>, tensor<f32>, tensor<i8>) -> tensor<?x3xi8>
  %1 = graph.quantize_linear %x, %s : (tensor<?x3xf32>, tensor<f32>) -> tensor<?x3xui8>
  return %0, %1 : tensor<?x3xi8>, tensor<?x3xui8>
}

// -----

// Per axis: the parameters are read at the index along the axis; a
// 1-element vector is per tensor; i32 inputs convert to the scale's type.
// CHECK-LABEL: func.func @quantize_per_axis
// CHECK-NOT: cf.assert
// CHECK: te.compute "quantize_linear" axes ["d0", "d1", "d2"] ins(%arg0, %arg1, %arg2 : tensor<2x3x4xf32>, tensor<3xf32>, tensor<3xi8>)
// CHECK: te.read %in0[%d0, %d1, %d2]
// CHECK-NEXT: te.read %in1[%d1]
// CHECK-NEXT: %[[ZP:.*]] = te.read %in2[%d1]
// CHECK: arith.uitofp %[[ZP]] : i8 to f32
// CHECK: arith.fptoui
// CHECK: te.compute "quantize_linear" axes ["d0"] ins(%arg3, %arg4 : tensor<4xi32>, tensor<1xf32>)
// CHECK: %[[ZERO:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[I:.*]] = te.read %in0[%d0]
// CHECK-NEXT: %[[S:.*]] = te.read %in1[%[[ZERO]]]
// CHECK-NEXT: %[[IF:.*]] = arith.sitofp %[[I]] : i32 to f32
// CHECK-NEXT: arith.divf %[[IF]], %[[S]]
// LINALG-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// LINALG-DAG: #[[AXIS:.*]] = affine_map<(d0, d1, d2) -> (d1)>
// LINALG-LABEL: func.func @quantize_per_axis
// LINALG: linalg.generic {indexing_maps = [#[[ID]], #[[AXIS]], #[[AXIS]], #[[ID]]], iterator_types = ["parallel", "parallel", "parallel"]}
func.func @quantize_per_axis(%x: tensor<2x3x4xf32>, %s: tensor<3xf32>, %zp: tensor<3xui8>, %i: tensor<4xi32>, %s1: tensor<1xf32>) -> (tensor<2x3x4xui8>, tensor<4xui8>) {
  %0 = graph.quantize_linear %x, %s, %zp : (tensor<2x3x4xf32>, tensor<3xf32>, tensor<3xui8>) -> tensor<2x3x4xui8>
  %1 = graph.quantize_linear %i, %s1 {axis = 0 : i64} : (tensor<4xi32>, tensor<1xf32>) -> tensor<4xui8>
  return %0, %1 : tensor<2x3x4xui8>, tensor<4xui8>
}

// -----

// (x - zero_point) * scale in the scale's type; per-axis parameters whose
// count is dynamic must have one value per index at run time.
// CHECK-LABEL: func.func @dequantize
// CHECK: te.compute "dequantize_linear" axes ["d0", "d1"] ins(%arg0, %arg1, %arg2 : tensor<2x?xi8>, tensor<f32>, tensor<i8>)
// CHECK: %[[Q:.*]] = te.read %in0[%d0, %d1]
// CHECK-NEXT: %[[QF:.*]] = arith.sitofp %[[Q]] : i8 to f32
// CHECK-NEXT: %[[ZP:.*]] = te.read %in2[]
// CHECK-NEXT: %[[ZPF:.*]] = arith.sitofp %[[ZP]] : i8 to f32
// CHECK-NEXT: %[[SUB:.*]] = arith.subf %[[QF]], %[[ZPF]]
// CHECK-NEXT: %[[S:.*]] = te.read %in1[]
// CHECK-NEXT: %[[R:.*]] = arith.mulf %[[SUB]], %[[S]] : f32
// CHECK-NEXT: te.yield %[[R]]
// CHECK: %[[COUNT:.*]] = tensor.dim %arg3, %c0
// CHECK: %[[SIZE:.*]] = tensor.dim %arg4, %c1
// CHECK: %[[EQ:.*]] = arith.cmpi eq, %[[COUNT]], %[[SIZE]]
// CHECK: cf.assert %[[EQ]], "per-axis quantization parameters must have one value per index of the axis"
// CHECK: te.compute "dequantize_linear" axes ["d0", "d1"] ins(%arg4, %arg3, %arg5 : tensor<2x?xi8>, tensor<?xf16>, tensor<?xi8>)
// CHECK: %[[U:.*]] = te.read %in0[%d0, %d1]
// CHECK-NEXT: arith.uitofp %[[U]] : i8 to f16
// CHECK-NEXT: %[[UZP:.*]] = te.read %in2[%d1]
// CHECK-NEXT: arith.uitofp %[[UZP]] : i8 to f16
// CHECK: te.read %in1[%d1]
// CHECK: te.compute "dequantize_linear" axes ["d0"] ins(%arg6, %arg1 : tensor<4xi32>, tensor<f32>)
// CHECK: arith.sitofp %{{.*}} : i32 to f32
// CHECK-NOT: arith.subf
// CHECK: arith.mulf
// LINALG-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// LINALG-DAG: #[[SCALAR:.*]] = affine_map<(d0, d1) -> ()>
// LINALG-LABEL: func.func @dequantize
// LINALG: linalg.generic {indexing_maps = [#[[ID]], #[[SCALAR]], #[[SCALAR]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%arg0, %arg2, %arg1 : tensor<2x?xi8>, tensor<i8>, tensor<f32>)
// LINALG: cf.assert
// The parameters' dynamic count is not provably the loop's extent, so
// they are extracted at the axis index.
// LINALG: linalg.generic {indexing_maps = [#[[ID]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%arg4 : tensor<2x?xi8>)
// LINALG: %[[AXIS:.*]] = linalg.index 1
// LINALG: tensor.extract %arg5[%[[AXIS]]]
// LINALG: tensor.extract %arg3[%[[AXIS]]]
func.func @dequantize(%q: tensor<2x?xi8>, %s: tensor<f32>, %zp: tensor<i8>, %sa: tensor<?xf16>, %u: tensor<2x?xui8>, %zpa: tensor<?xui8>, %i: tensor<4xi32>) -> (tensor<2x?xf32>, tensor<2x?xf16>, tensor<4xf32>) {
  %0 = graph.dequantize_linear %q, %s, %zp : (tensor<2x?xi8>, tensor<f32>, tensor<i8>) -> tensor<2x?xf32>
  %1 = graph.dequantize_linear %u, %sa, %zpa : (tensor<2x?xui8>, tensor<?xf16>, tensor<?xui8>) -> tensor<2x?xf16>
  %2 = graph.dequantize_linear %i, %s {axis = 0 : i64} : (tensor<4xi32>, tensor<f32>) -> tensor<4xf32>
  return %0, %1, %2 : tensor<2x?xf32>, tensor<2x?xf16>, tensor<4xf32>
}
