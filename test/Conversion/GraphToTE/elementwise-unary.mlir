// RUN: tensor-opt %s --convert-graph-to-te --split-input-file | FileCheck %s
// RUN: tensor-opt %s --convert-graph-to-te --convert-te-to-linalg --split-input-file | FileCheck %s --check-prefix=LINALG

// Unary math: one math op on the element. asinh, acosh and atanh have no
// LLVM intrinsic; math-expand-ops (or the libm lowering) expands them later.
// round is round-half-to-even.
// CHECK-LABEL: func.func @math
// CHECK: te.compute "log" axes ["d0", "d1"] ins(%arg0 : tensor<2x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: ^bb0(%d0: index, %d1: index, %in0: tensor<2x4xf32>):
// CHECK-NEXT: %[[X:.*]] = te.read %in0[%d0, %d1]
// CHECK-NEXT: %[[Y:.*]] = math.log %[[X]] : f32
// CHECK-NEXT: te.yield %[[Y]] : f32
// CHECK: te.compute "sqrt" axes ["d0", "d1"] ins(%arg0 : tensor<2x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: ^bb0(%d0: index, %d1: index, %in0: tensor<2x4xf32>):
// CHECK-NEXT: %[[X:.*]] = te.read %in0[%d0, %d1]
// CHECK-NEXT: %[[Y:.*]] = math.sqrt %[[X]] : f32
// CHECK-NEXT: te.yield %[[Y]] : f32
// CHECK: te.compute "tanh" axes ["d0", "d1"] ins(%arg0 : tensor<2x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: ^bb0(%d0: index, %d1: index, %in0: tensor<2x4xf32>):
// CHECK-NEXT: %[[X:.*]] = te.read %in0[%d0, %d1]
// CHECK-NEXT: %[[Y:.*]] = math.tanh %[[X]] : f32
// CHECK-NEXT: te.yield %[[Y]] : f32
// CHECK: te.compute "sin" axes ["d0", "d1"] ins(%arg0 : tensor<2x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: ^bb0(%d0: index, %d1: index, %in0: tensor<2x4xf32>):
// CHECK-NEXT: %[[X:.*]] = te.read %in0[%d0, %d1]
// CHECK-NEXT: %[[Y:.*]] = math.sin %[[X]] : f32
// CHECK-NEXT: te.yield %[[Y]] : f32
// CHECK: te.compute "cos" axes ["d0", "d1"] ins(%arg0 : tensor<2x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: ^bb0(%d0: index, %d1: index, %in0: tensor<2x4xf32>):
// CHECK-NEXT: %[[X:.*]] = te.read %in0[%d0, %d1]
// CHECK-NEXT: %[[Y:.*]] = math.cos %[[X]] : f32
// CHECK-NEXT: te.yield %[[Y]] : f32
// CHECK: te.compute "tan" axes ["d0", "d1"] ins(%arg0 : tensor<2x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: ^bb0(%d0: index, %d1: index, %in0: tensor<2x4xf32>):
// CHECK-NEXT: %[[X:.*]] = te.read %in0[%d0, %d1]
// CHECK-NEXT: %[[Y:.*]] = math.tan %[[X]] : f32
// CHECK-NEXT: te.yield %[[Y]] : f32
// CHECK: te.compute "asin" axes ["d0", "d1"] ins(%arg0 : tensor<2x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: ^bb0(%d0: index, %d1: index, %in0: tensor<2x4xf32>):
// CHECK-NEXT: %[[X:.*]] = te.read %in0[%d0, %d1]
// CHECK-NEXT: %[[Y:.*]] = math.asin %[[X]] : f32
// CHECK-NEXT: te.yield %[[Y]] : f32
// CHECK: te.compute "acos" axes ["d0", "d1"] ins(%arg0 : tensor<2x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: ^bb0(%d0: index, %d1: index, %in0: tensor<2x4xf32>):
// CHECK-NEXT: %[[X:.*]] = te.read %in0[%d0, %d1]
// CHECK-NEXT: %[[Y:.*]] = math.acos %[[X]] : f32
// CHECK-NEXT: te.yield %[[Y]] : f32
// CHECK: te.compute "atan" axes ["d0", "d1"] ins(%arg0 : tensor<2x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: ^bb0(%d0: index, %d1: index, %in0: tensor<2x4xf32>):
// CHECK-NEXT: %[[X:.*]] = te.read %in0[%d0, %d1]
// CHECK-NEXT: %[[Y:.*]] = math.atan %[[X]] : f32
// CHECK-NEXT: te.yield %[[Y]] : f32
// CHECK: te.compute "sinh" axes ["d0", "d1"] ins(%arg0 : tensor<2x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: ^bb0(%d0: index, %d1: index, %in0: tensor<2x4xf32>):
// CHECK-NEXT: %[[X:.*]] = te.read %in0[%d0, %d1]
// CHECK-NEXT: %[[Y:.*]] = math.sinh %[[X]] : f32
// CHECK-NEXT: te.yield %[[Y]] : f32
// CHECK: te.compute "cosh" axes ["d0", "d1"] ins(%arg0 : tensor<2x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: ^bb0(%d0: index, %d1: index, %in0: tensor<2x4xf32>):
// CHECK-NEXT: %[[X:.*]] = te.read %in0[%d0, %d1]
// CHECK-NEXT: %[[Y:.*]] = math.cosh %[[X]] : f32
// CHECK-NEXT: te.yield %[[Y]] : f32
// CHECK: te.compute "asinh" axes ["d0", "d1"] ins(%arg0 : tensor<2x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: ^bb0(%d0: index, %d1: index, %in0: tensor<2x4xf32>):
// CHECK-NEXT: %[[X:.*]] = te.read %in0[%d0, %d1]
// CHECK-NEXT: %[[Y:.*]] = math.asinh %[[X]] : f32
// CHECK-NEXT: te.yield %[[Y]] : f32
// CHECK: te.compute "acosh" axes ["d0", "d1"] ins(%arg0 : tensor<2x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: ^bb0(%d0: index, %d1: index, %in0: tensor<2x4xf32>):
// CHECK-NEXT: %[[X:.*]] = te.read %in0[%d0, %d1]
// CHECK-NEXT: %[[Y:.*]] = math.acosh %[[X]] : f32
// CHECK-NEXT: te.yield %[[Y]] : f32
// CHECK: te.compute "atanh" axes ["d0", "d1"] ins(%arg0 : tensor<2x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: ^bb0(%d0: index, %d1: index, %in0: tensor<2x4xf32>):
// CHECK-NEXT: %[[X:.*]] = te.read %in0[%d0, %d1]
// CHECK-NEXT: %[[Y:.*]] = math.atanh %[[X]] : f32
// CHECK-NEXT: te.yield %[[Y]] : f32
// CHECK: te.compute "floor" axes ["d0", "d1"] ins(%arg0 : tensor<2x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: ^bb0(%d0: index, %d1: index, %in0: tensor<2x4xf32>):
// CHECK-NEXT: %[[X:.*]] = te.read %in0[%d0, %d1]
// CHECK-NEXT: %[[Y:.*]] = math.floor %[[X]] : f32
// CHECK-NEXT: te.yield %[[Y]] : f32
// CHECK: te.compute "ceil" axes ["d0", "d1"] ins(%arg0 : tensor<2x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: ^bb0(%d0: index, %d1: index, %in0: tensor<2x4xf32>):
// CHECK-NEXT: %[[X:.*]] = te.read %in0[%d0, %d1]
// CHECK-NEXT: %[[Y:.*]] = math.ceil %[[X]] : f32
// CHECK-NEXT: te.yield %[[Y]] : f32
// CHECK: te.compute "round" axes ["d0", "d1"] ins(%arg0 : tensor<2x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: ^bb0(%d0: index, %d1: index, %in0: tensor<2x4xf32>):
// CHECK-NEXT: %[[X:.*]] = te.read %in0[%d0, %d1]
// CHECK-NEXT: %[[Y:.*]] = math.roundeven %[[X]] : f32
// CHECK-NEXT: te.yield %[[Y]] : f32
// CHECK: te.compute "exp" axes ["d0", "d1"] ins(%arg0 : tensor<2x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: ^bb0(%d0: index, %d1: index, %in0: tensor<2x4xf32>):
// CHECK-NEXT: %[[X:.*]] = te.read %in0[%d0, %d1]
// CHECK-NEXT: %[[Y:.*]] = math.exp %[[X]] : f32
// CHECK-NEXT: te.yield %[[Y]] : f32
// LINALG-LABEL: func.func @math
// LINALG-COUNT-18: linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<2x4xf32>)
// LINALG-NOT: linalg.generic
// LINALG: return
func.func @math(%x: tensor<2x4xf32>) -> (tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>) {
  %0 = graph.log %x : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %1 = graph.sqrt %x : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %2 = graph.tanh %x : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %3 = graph.sin %x : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %4 = graph.cos %x : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %5 = graph.tan %x : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %6 = graph.asin %x : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %7 = graph.acos %x : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %8 = graph.atan %x : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %9 = graph.sinh %x : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %10 = graph.cosh %x : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %11 = graph.asinh %x : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %12 = graph.acosh %x : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %13 = graph.atanh %x : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %14 = graph.floor %x : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %15 = graph.ceil %x : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %16 = graph.round %x : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %17 = graph.exp %x : (tensor<2x4xf32>) -> tensor<2x4xf32>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12, %13, %14, %15, %16, %17 : tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>
}

// -----

// numpy's sign: +0 for -0, NaN for NaN.
// CHECK-LABEL: func.func @sign_float
// CHECK: te.compute "sign"
// CHECK: %[[X:.*]] = te.read
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-DAG: %[[MINUS_ONE:.*]] = arith.constant -1.000000e+00 : f32
// CHECK: %[[IS_ZERO:.*]] = arith.cmpf oeq, %[[X]], %[[ZERO]]
// CHECK: %[[ZERO_OR_NAN:.*]] = arith.select %[[IS_ZERO]], %[[ZERO]], %[[X]]
// CHECK: %[[NEG:.*]] = arith.cmpf olt, %[[X]], %[[ZERO]]
// CHECK: %[[NON_POS:.*]] = arith.select %[[NEG]], %[[MINUS_ONE]], %[[ZERO_OR_NAN]]
// CHECK: %[[POS:.*]] = arith.cmpf ogt, %[[X]], %[[ZERO]]
// CHECK: %[[R:.*]] = arith.select %[[POS]], %[[ONE]], %[[NON_POS]]
// CHECK: te.yield %[[R]]
func.func @sign_float(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = graph.sign %x : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @sign_int
// CHECK: te.compute "sign"
// CHECK: %[[X:.*]] = te.read
// CHECK: %[[POS:.*]] = arith.cmpi sgt, %[[X]]
// CHECK: %[[NEG:.*]] = arith.cmpi slt, %[[X]]
// CHECK: %[[NON_POS:.*]] = arith.select %[[NEG]], %c-1_i32, %c0_i32
// CHECK: arith.select %[[POS]], %c1_i32, %[[NON_POS]]
// Unsigned: 0 or 1.
// CHECK: te.compute "sign"
// CHECK: %[[U:.*]] = te.read
// CHECK: %[[NZ:.*]] = arith.cmpi ne, %[[U]], %c0_i8
// CHECK: arith.select %[[NZ]], %c1_i8, %c0_i8
func.func @sign_int(%x: tensor<4xi32>, %u: tensor<4xui8>) -> (tensor<4xi32>, tensor<4xui8>) {
  %0 = graph.sign %x : (tensor<4xi32>) -> tensor<4xi32>
  %1 = graph.sign %u : (tensor<4xui8>) -> tensor<4xui8>
  return %0, %1 : tensor<4xi32>, tensor<4xui8>
}

// -----

// CHECK-LABEL: func.func @neg_abs
// CHECK: te.compute "neg"
// CHECK: %[[X:.*]] = te.read
// CHECK: arith.subi %c0_i16, %[[X]] : i16
// Unsigned abs is the identity.
// CHECK: te.compute "abs"
// CHECK-NEXT: ^bb0
// CHECK-NEXT: %[[U:.*]] = te.read
// CHECK-NEXT: te.yield %[[U]] : i16
// CHECK: te.compute "abs"
// CHECK: math.absf
func.func @neg_abs(%x: tensor<4xi16>, %u: tensor<4xui16>, %f: tensor<4xf32>) -> (tensor<4xi16>, tensor<4xui16>, tensor<4xf32>) {
  %0 = graph.neg %x : (tensor<4xi16>) -> tensor<4xi16>
  %1 = graph.abs %u : (tensor<4xui16>) -> tensor<4xui16>
  %2 = graph.abs %f : (tensor<4xf32>) -> tensor<4xf32>
  return %0, %1, %2 : tensor<4xi16>, tensor<4xui16>, tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @reciprocal_sigmoid
// CHECK: te.compute "reciprocal"
// CHECK: %[[X:.*]] = te.read
// CHECK: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: arith.divf %[[ONE]], %[[X]]
// 1 / (1 + exp(-x)).
// CHECK: te.compute "sigmoid"
// CHECK: %[[S:.*]] = te.read
// CHECK: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: %[[NEG:.*]] = arith.negf %[[S]]
// CHECK: %[[EXP:.*]] = math.exp %[[NEG]]
// CHECK: %[[DEN:.*]] = arith.addf %[[ONE]], %[[EXP]]
// CHECK: arith.divf %[[ONE]], %[[DEN]]
func.func @reciprocal_sigmoid(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = graph.reciprocal %x : (tensor<4xf32>) -> tensor<4xf32>
  %1 = graph.sigmoid %x : (tensor<4xf32>) -> tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}

// -----

// erf of integers is computed in f64 and truncated, as numpy's astype.
// CHECK-LABEL: func.func @erf
// CHECK: te.compute "erf"
// CHECK: %[[X:.*]] = te.read
// CHECK-NEXT: %[[Y:.*]] = math.erf %[[X]] : f16
// CHECK-NEXT: te.yield %[[Y]]
// CHECK: te.compute "erf"
// CHECK: %[[I:.*]] = te.read
// CHECK-NEXT: %[[F:.*]] = arith.sitofp %[[I]] : i32 to f64
// CHECK-NEXT: %[[E:.*]] = math.erf %[[F]] : f64
// CHECK-NEXT: %[[R:.*]] = arith.fptosi %[[E]] : f64 to i32
// CHECK-NEXT: te.yield %[[R]]
func.func @erf(%x: tensor<4xf16>, %i: tensor<4xi32>) -> (tensor<4xf16>, tensor<4xi32>) {
  %0 = graph.erf %x : (tensor<4xf16>) -> tensor<4xf16>
  %1 = graph.erf %i : (tensor<4xi32>) -> tensor<4xi32>
  return %0, %1 : tensor<4xf16>, tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @not
// CHECK: te.compute "not"
// CHECK: %[[X:.*]] = te.read
// CHECK-NEXT: %[[TRUE:.*]] = arith.constant true
// CHECK-NEXT: arith.xori %[[X]], %[[TRUE]] : i1
func.func @not(%x: tensor<4xi1>) -> tensor<4xi1> {
  %0 = graph.not %x : (tensor<4xi1>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @predicates
// CHECK: te.compute "is_nan" axes ["d0", "d1"] ins(%arg0 : tensor<?x4xf16>) sizes(%{{.*}}) -> tensor<?x4xi1>
// CHECK: %[[X:.*]] = te.read
// CHECK-NEXT: arith.cmpf uno, %[[X]], %[[X]] : f16
// Both infinities.
// CHECK: te.compute "is_inf"
// CHECK: %[[A:.*]] = te.read
// CHECK-DAG: %[[POS_INF:.*]] = arith.constant 0x7C00 : f16
// CHECK-DAG: %[[IS_POS:.*]] = arith.cmpf oeq, %[[A]], %[[POS_INF]]
// CHECK-DAG: %[[NEG_INF:.*]] = arith.constant 0xFC00 : f16
// CHECK-DAG: %[[IS_NEG:.*]] = arith.cmpf oeq, %[[A]], %[[NEG_INF]]
// CHECK: %[[EITHER:.*]] = arith.ori %[[IS_POS]], %[[IS_NEG]]
// CHECK: te.yield %[[EITHER]]
// detect_negative = 0.
// CHECK: te.compute "is_inf"
// CHECK: %[[B:.*]] = te.read
// CHECK-NEXT: %[[POS_INF:.*]] = arith.constant 0x7C00 : f16
// CHECK-NEXT: %[[IS_POS:.*]] = arith.cmpf oeq, %[[B]], %[[POS_INF]]
// CHECK-NEXT: te.yield %[[IS_POS]]
// detect_positive = 0.
// CHECK: te.compute "is_inf"
// CHECK: %[[C:.*]] = te.read
// CHECK-NEXT: %[[NEG_INF:.*]] = arith.constant 0xFC00 : f16
// CHECK-NEXT: %[[IS_NEG:.*]] = arith.cmpf oeq, %[[C]], %[[NEG_INF]]
// CHECK-NEXT: te.yield %[[IS_NEG]]
// Neither.
// CHECK: te.compute "is_inf"
// CHECK: te.read
// CHECK-NEXT: %[[FALSE:.*]] = arith.constant false
// CHECK-NEXT: te.yield %[[FALSE]]
// LINALG-LABEL: func.func @predicates
// LINALG: %[[N:.*]] = tensor.dim %arg0, %c0
// LINALG: %[[INIT:.*]] = tensor.empty(%[[N]]) : tensor<?x4xi1>
// LINALG: linalg.generic {{.*}} ins(%arg0 : tensor<?x4xf16>) outs(%[[INIT]] : tensor<?x4xi1>)
// LINALG: arith.cmpf uno
func.func @predicates(%x: tensor<?x4xf16>) -> (tensor<?x4xi1>, tensor<?x4xi1>, tensor<?x4xi1>, tensor<?x4xi1>, tensor<?x4xi1>) {
  %0 = graph.is_nan %x : (tensor<?x4xf16>) -> tensor<?x4xi1>
  %1 = graph.is_inf %x : (tensor<?x4xf16>) -> tensor<?x4xi1>
  %2 = graph.is_inf %x {detect_negative = 0 : i64} : (tensor<?x4xf16>) -> tensor<?x4xi1>
  %3 = graph.is_inf %x {detect_positive = 0 : i64} : (tensor<?x4xf16>) -> tensor<?x4xi1>
  %4 = graph.is_inf %x {detect_positive = 0 : i64, detect_negative = 0 : i64} : (tensor<?x4xf16>) -> tensor<?x4xi1>
  return %0, %1, %2, %3, %4 : tensor<?x4xi1>, tensor<?x4xi1>, tensor<?x4xi1>, tensor<?x4xi1>, tensor<?x4xi1>
}
