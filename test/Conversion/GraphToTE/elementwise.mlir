// RUN: tensor-opt %s --convert-graph-to-te --split-input-file | FileCheck %s
// RUN: tensor-opt %s --convert-graph-to-te --convert-te-to-linalg --split-input-file | FileCheck %s --check-prefix=LINALG

// Broadcast operands read index 0 on size-1 dims and drop leading dims; a
// dynamic output size is a dynamic dim of an operand.
// CHECK-LABEL: func.func @broadcast_add
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c0
// CHECK: te.compute "add" axes ["d0", "d1"] ins(%arg0, %arg1 : tensor<?x3xf32>, tensor<1x3xf32>) sizes(%[[N]]) -> tensor<?x3xf32>
// CHECK: ^bb0(%d0: index, %d1: index, %in0: tensor<?x3xf32>, %in1: tensor<1x3xf32>):
// CHECK: te.read %in0[%d0, %d1]
// CHECK: %[[ZERO:.*]] = arith.constant 0 : index
// CHECK: te.read %in1[%[[ZERO]], %d1]
// CHECK: arith.addf
// LINALG-LABEL: func.func @broadcast_add
// LINALG: linalg.generic {{.*}} ins(%arg0, %arg1 : tensor<?x3xf32>, tensor<1x3xf32>)
func.func @broadcast_add(%a: tensor<?x3xf32>, %b: tensor<1x3xf32>) -> tensor<?x3xf32> {
  %0 = graph.add %a, %b : (tensor<?x3xf32>, tensor<1x3xf32>) -> tensor<?x3xf32>
  return %0 : tensor<?x3xf32>
}

// -----

// Two dynamic operand dims must be equal at run time; so asserted, both
// reads are indexing maps.
// CHECK-LABEL: func.func @dynamic_dims
// CHECK: %[[A:.*]] = tensor.dim %arg0
// CHECK: %[[B:.*]] = tensor.dim %arg1
// CHECK: %[[EQ:.*]] = arith.cmpi eq, %[[A]], %[[B]]
// CHECK: cf.assert %[[EQ]], "dynamic dimensions must be equal: broadcasting a dynamic dimension of size 1 is not supported"
// LINALG-LABEL: func.func @dynamic_dims
// LINALG: linalg.generic {{.*}} ins(%arg0, %arg1 : tensor<?xf32>, tensor<?xf32>)
func.func @dynamic_dims(%a: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<?xf32> {
  %0 = graph.mul %a, %b : (tensor<?xf32>, tensor<?xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// Unsigned tensors become signless, in signatures too, and use unsigned
// arithmetic; unsigned constants keep their bits.
// CHECK-LABEL: func.func @unsigned(%arg0: tensor<4xi8>) -> tensor<4xi8>
// CHECK: arith.constant dense<[1, 2, 3, -1]> : tensor<4xi8>
// CHECK: arith.divui
func.func @unsigned(%a: tensor<4xui8>) -> tensor<4xui8> {
  %w = graph.constant dense<[1, 2, 3, 255]> : tensor<4xui8>
  %0 = graph.div %a, %w : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
  return %0 : tensor<4xui8>
}

// -----

// CHECK-LABEL: func.func @unary
// CHECK: te.compute "neg"
// CHECK: arith.negf
// CHECK: te.compute "abs"
// CHECK: math.absi
// CHECK: te.compute "exp"
// CHECK: math.exp
// CHECK: te.compute "relu"
// CHECK: arith.maximumf
func.func @unary(%x: tensor<4xf32>, %i: tensor<4xi32>) -> (tensor<4xf32>, tensor<4xi32>) {
  %0 = graph.neg %x : (tensor<4xf32>) -> tensor<4xf32>
  %1 = graph.abs %i : (tensor<4xi32>) -> tensor<4xi32>
  %2 = graph.exp %0 : (tensor<4xf32>) -> tensor<4xf32>
  %3 = graph.relu %2 : (tensor<4xf32>) -> tensor<4xf32>
  return %3, %1 : tensor<4xf32>, tensor<4xi32>
}

// -----

// Weights stay blobs.
// CHECK-LABEL: func.func @weights
// CHECK: arith.constant dense_resource<w> : tensor<2xf32>
func.func @weights(%x: tensor<2xf32>) -> tensor<2xf32> {
  %w = graph.constant dense_resource<w> : tensor<2xf32>
  %0 = graph.sub %x, %w : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

{-#
  dialect_resources: {
    builtin: {
      w: "0x040000000000803F00000040"
    }
  }
#-}

// -----

// max and min propagate NaN for floats; integers by their signedness.
// CHECK-LABEL: func.func @extrema
// CHECK: te.compute "max" axes ["d0", "d1"] ins(%arg0, %arg1 : tensor<2x3xf32>, tensor<3xf32>)
// CHECK: %[[A:.*]] = te.read %in0[%d0, %d1]
// CHECK-NEXT: %[[B:.*]] = te.read %in1[%d1]
// CHECK-NEXT: arith.maximumf %[[A]], %[[B]] : f32
// CHECK: te.compute "min"
// CHECK: arith.minimumf
// CHECK: te.compute "max"
// CHECK: arith.maxsi
// CHECK: te.compute "min"
// CHECK: arith.minui
// LINALG-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// LINALG-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d1)>
// LINALG-LABEL: func.func @extrema
// LINALG: linalg.generic {indexing_maps = [#[[ID]], #[[ROW]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%arg0, %arg1 : tensor<2x3xf32>, tensor<3xf32>)
// LINALG: arith.maximumf
func.func @extrema(%a: tensor<2x3xf32>, %b: tensor<3xf32>, %i: tensor<3xi32>, %j: tensor<3xi32>, %u: tensor<3xui32>, %v: tensor<3xui32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<3xi32>, tensor<3xui32>) {
  %0 = graph.max %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %1 = graph.min %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %2 = graph.max %i, %j : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi32>
  %3 = graph.min %u, %v : (tensor<3xui32>, tensor<3xui32>) -> tensor<3xui32>
  return %0, %1, %2, %3 : tensor<2x3xf32>, tensor<2x3xf32>, tensor<3xi32>, tensor<3xui32>
}

// -----

// Integer division truncates.
// CHECK-LABEL: func.func @int_arith
// CHECK: te.compute "add"
// CHECK: arith.addi
// CHECK: te.compute "sub"
// CHECK: arith.subi
// CHECK: te.compute "mul"
// CHECK: arith.muli
// CHECK: te.compute "div"
// CHECK: arith.divsi
func.func @int_arith(%a: tensor<3xi64>, %b: tensor<3xi64>) -> (tensor<3xi64>, tensor<3xi64>, tensor<3xi64>, tensor<3xi64>) {
  %0 = graph.add %a, %b : (tensor<3xi64>, tensor<3xi64>) -> tensor<3xi64>
  %1 = graph.sub %a, %b : (tensor<3xi64>, tensor<3xi64>) -> tensor<3xi64>
  %2 = graph.mul %a, %b : (tensor<3xi64>, tensor<3xi64>) -> tensor<3xi64>
  %3 = graph.div %a, %b : (tensor<3xi64>, tensor<3xi64>) -> tensor<3xi64>
  return %0, %1, %2, %3 : tensor<3xi64>, tensor<3xi64>, tensor<3xi64>, tensor<3xi64>
}

// -----

// CHECK-LABEL: func.func @logic
// CHECK: te.compute "and"
// CHECK: %[[A:.*]] = te.read %in0[%d0]
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[B:.*]] = te.read %in1[%[[ZERO]]]
// CHECK-NEXT: arith.andi %[[A]], %[[B]] : i1
// CHECK: te.compute "or"
// CHECK: arith.ori
// CHECK: te.compute "xor"
// CHECK: arith.xori
func.func @logic(%a: tensor<3xi1>, %b: tensor<1xi1>) -> (tensor<3xi1>, tensor<3xi1>, tensor<3xi1>) {
  %0 = graph.and %a, %b : (tensor<3xi1>, tensor<1xi1>) -> tensor<3xi1>
  %1 = graph.or %a, %b : (tensor<3xi1>, tensor<1xi1>) -> tensor<3xi1>
  %2 = graph.xor %a, %b : (tensor<3xi1>, tensor<1xi1>) -> tensor<3xi1>
  return %0, %1, %2 : tensor<3xi1>, tensor<3xi1>, tensor<3xi1>
}

// -----

// fmod = 1: C's fmod (float and integer); fmod = 0: Python's %, the
// remainder moved into the divisor's sign; unsigned: remui.
// CHECK-LABEL: func.func @mod
// CHECK: te.compute "mod"
// CHECK: arith.remf %{{.*}}, %{{.*}} : f32
// CHECK: te.compute "mod"
// CHECK: %[[X:.*]] = te.read %in0
// CHECK-NEXT: %[[Y:.*]] = te.read %in1
// CHECK-NEXT: %[[REM:.*]] = arith.remsi %[[X]], %[[Y]] : i64
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0 : i64
// CHECK-NEXT: %[[NONZERO:.*]] = arith.cmpi ne, %[[REM]], %[[ZERO]]
// CHECK-NEXT: %[[REM_NEG:.*]] = arith.cmpi slt, %[[REM]], %[[ZERO]]
// CHECK-NEXT: %[[Y_NEG:.*]] = arith.cmpi slt, %[[Y]], %[[ZERO]]
// CHECK-NEXT: %[[DIFFER:.*]] = arith.xori %[[REM_NEG]], %[[Y_NEG]]
// CHECK-NEXT: %[[ADJUST:.*]] = arith.andi %[[NONZERO]], %[[DIFFER]]
// CHECK-NEXT: %[[MOVED:.*]] = arith.addi %[[REM]], %[[Y]]
// CHECK-NEXT: %[[R:.*]] = arith.select %[[ADJUST]], %[[MOVED]], %[[REM]]
// CHECK-NEXT: te.yield %[[R]]
// CHECK: te.compute "mod"
// CHECK: %[[FMOD:.*]] = arith.remsi
// CHECK-NEXT: te.yield %[[FMOD]]
// CHECK: te.compute "mod"
// CHECK: arith.remui %{{.*}}, %{{.*}} : i8
func.func @mod(%x: tensor<3xf32>, %y: tensor<3xf32>, %i: tensor<3xi64>, %j: tensor<3xi64>, %u: tensor<3xui8>, %v: tensor<3xui8>) -> (tensor<3xf32>, tensor<3xi64>, tensor<3xi64>, tensor<3xui8>) {
  %0 = graph.mod %x, %y {fmod = 1 : i64} : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  %1 = graph.mod %i, %j : (tensor<3xi64>, tensor<3xi64>) -> tensor<3xi64>
  %2 = graph.mod %i, %j {fmod = 1 : i64} : (tensor<3xi64>, tensor<3xi64>) -> tensor<3xi64>
  %3 = graph.mod %u, %v : (tensor<3xui8>, tensor<3xui8>) -> tensor<3xui8>
  return %0, %1, %2, %3 : tensor<3xf32>, tensor<3xi64>, tensor<3xi64>, tensor<3xui8>
}

// -----

// Shifts by the width or more give 0, as numpy's.
// CHECK-LABEL: func.func @bit_shift
// CHECK: te.compute "bit_shift" axes ["d0"] ins(%arg0, %arg1 : tensor<3xi16>, tensor<i16>)
// CHECK: %[[X:.*]] = te.read %in0[%d0]
// CHECK-NEXT: %[[S:.*]] = te.read %in1[]
// CHECK-NEXT: %[[SHIFTED:.*]] = arith.shli %[[X]], %[[S]] : i16
// CHECK-NEXT: %[[WIDTH:.*]] = arith.constant 16 : i16
// CHECK-NEXT: %[[IN_RANGE:.*]] = arith.cmpi ult, %[[S]], %[[WIDTH]]
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0 : i16
// CHECK-NEXT: arith.select %[[IN_RANGE]], %[[SHIFTED]], %[[ZERO]]
// CHECK: te.compute "bit_shift"
// CHECK: arith.shrui
// LINALG-DAG: #[[ID:.*]] = affine_map<(d0) -> (d0)>
// LINALG-DAG: #[[SCALAR:.*]] = affine_map<(d0) -> ()>
// LINALG-LABEL: func.func @bit_shift
// LINALG: linalg.generic {indexing_maps = [#[[ID]], #[[SCALAR]], #[[ID]]], iterator_types = ["parallel"]} ins(%arg0, %arg1 : tensor<3xi16>, tensor<i16>)
func.func @bit_shift(%x: tensor<3xui16>, %y: tensor<ui16>) -> (tensor<3xui16>, tensor<3xui16>) {
  %0 = graph.bit_shift %x, %y {direction = "LEFT"} : (tensor<3xui16>, tensor<ui16>) -> tensor<3xui16>
  %1 = graph.bit_shift %x, %y {direction = "RIGHT"} : (tensor<3xui16>, tensor<ui16>) -> tensor<3xui16>
  return %0, %1 : tensor<3xui16>, tensor<3xui16>
}

// -----

// The result has the base's type. Float bases: powf with the exponent
// converted (by its signedness); integer bases with float exponents: f64
// then truncation, as numpy; integer exponents: ipowi in the wider type.
// CHECK-LABEL: func.func @pow
// CHECK: te.compute "pow"
// CHECK: math.powf %{{.*}}, %{{.*}} : f32
// CHECK: te.compute "pow"
// CHECK: %[[E:.*]] = arith.sitofp %{{.*}} : i64 to f32
// CHECK-NEXT: math.powf %{{.*}}, %[[E]] : f32
// CHECK: te.compute "pow"
// CHECK: %[[U:.*]] = arith.uitofp %{{.*}} : i64 to f32
// CHECK-NEXT: math.powf %{{.*}}, %[[U]] : f32
// CHECK: te.compute "pow"
// CHECK: %[[B:.*]] = arith.sitofp %{{.*}} : i64 to f64
// CHECK-NEXT: %[[F:.*]] = arith.extf %{{.*}} : f32 to f64
// CHECK-NEXT: %[[P:.*]] = math.powf %[[B]], %[[F]] : f64
// CHECK-NEXT: arith.fptosi %[[P]] : f64 to i64
// CHECK: te.compute "pow"
// CHECK: %[[WIDE:.*]] = arith.extsi %{{.*}} : i32 to i64
// CHECK-NEXT: %[[IP:.*]] = math.ipowi %[[WIDE]], %{{.*}} : i64
// CHECK-NEXT: arith.trunci %[[IP]] : i64 to i32
// CHECK: te.compute "pow"
// CHECK: %[[NARROW:.*]] = arith.extui %{{.*}} : i8 to i32
// CHECK-NEXT: math.ipowi %{{.*}}, %[[NARROW]] : i32
func.func @pow(%f: tensor<3xf32>, %g: tensor<3xf32>, %i: tensor<3xi64>, %j: tensor<3xi32>, %u: tensor<3xui64>, %v: tensor<3xui8>) -> (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xi64>, tensor<3xi32>, tensor<3xi32>) {
  %0 = graph.pow %f, %g : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  %1 = graph.pow %f, %i : (tensor<3xf32>, tensor<3xi64>) -> tensor<3xf32>
  %2 = graph.pow %f, %u : (tensor<3xf32>, tensor<3xui64>) -> tensor<3xf32>
  %3 = graph.pow %i, %g : (tensor<3xi64>, tensor<3xf32>) -> tensor<3xi64>
  %4 = graph.pow %j, %i : (tensor<3xi32>, tensor<3xi64>) -> tensor<3xi32>
  %5 = graph.pow %j, %v : (tensor<3xi32>, tensor<3xui8>) -> tensor<3xi32>
  return %0, %1, %2, %3, %4, %5 : tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xi64>, tensor<3xi32>, tensor<3xi32>
}

// -----

// Ordered float comparisons (false with NaN); integers by signedness,
// booleans unsigned.
// CHECK-LABEL: func.func @compare
// CHECK: te.compute "equal"
// CHECK: arith.cmpf oeq
// CHECK: te.compute "greater"
// CHECK: arith.cmpf ogt
// CHECK: te.compute "greater_or_equal"
// CHECK: arith.cmpf oge
// CHECK: te.compute "less"
// CHECK: arith.cmpf olt
// CHECK: te.compute "less_or_equal"
// CHECK: arith.cmpf ole
// CHECK: te.compute "less"
// CHECK: arith.cmpi slt
// CHECK: te.compute "greater"
// CHECK: arith.cmpi ugt
// CHECK: te.compute "greater_or_equal"
// CHECK: arith.cmpi uge, %{{.*}}, %{{.*}} : i1
// CHECK: te.compute "equal"
// CHECK: arith.cmpi eq
func.func @compare(%x: tensor<3xf32>, %y: tensor<3xf32>, %i: tensor<3xi8>, %j: tensor<3xi8>, %u: tensor<3xui8>, %v: tensor<3xui8>, %b: tensor<3xi1>, %c: tensor<3xi1>) -> (tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>) {
  %0 = graph.equal %x, %y : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  %1 = graph.greater %x, %y : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  %2 = graph.greater_or_equal %x, %y : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  %3 = graph.less %x, %y : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  %4 = graph.less_or_equal %x, %y : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  %5 = graph.less %i, %j : (tensor<3xi8>, tensor<3xi8>) -> tensor<3xi1>
  %6 = graph.greater %u, %v : (tensor<3xui8>, tensor<3xui8>) -> tensor<3xi1>
  %7 = graph.greater_or_equal %b, %c : (tensor<3xi1>, tensor<3xi1>) -> tensor<3xi1>
  %8 = graph.equal %i, %j : (tensor<3xi8>, tensor<3xi8>) -> tensor<3xi1>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8 : tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>
}

// -----

// Three operands broadcast: a dynamic dim of the condition gives the size.
// CHECK-LABEL: func.func @where
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c0
// CHECK: te.compute "where" axes ["d0", "d1"] ins(%arg0, %arg1, %arg2 : tensor<?x4xi1>, tensor<4xf32>, tensor<f32>) sizes(%[[N]]) -> tensor<?x4xf32>
// CHECK: %[[C:.*]] = te.read %in0[%d0, %d1]
// CHECK-NEXT: %[[X:.*]] = te.read %in1[%d1]
// CHECK-NEXT: %[[Y:.*]] = te.read %in2[]
// CHECK-NEXT: arith.select %[[C]], %[[X]], %[[Y]] : f32
// LINALG-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// LINALG-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d1)>
// LINALG-DAG: #[[SCALAR:.*]] = affine_map<(d0, d1) -> ()>
// LINALG-LABEL: func.func @where
// LINALG: linalg.generic {indexing_maps = [#[[ID]], #[[ROW]], #[[SCALAR]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%arg0, %arg1, %arg2 : tensor<?x4xi1>, tensor<4xf32>, tensor<f32>)
// LINALG: arith.select
func.func @where(%c: tensor<?x4xi1>, %x: tensor<4xf32>, %y: tensor<f32>) -> tensor<?x4xf32> {
  %0 = graph.where %c, %x, %y : (tensor<?x4xi1>, tensor<4xf32>, tensor<f32>) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}
