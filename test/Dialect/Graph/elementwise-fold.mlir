// RUN: tensor-opt %s --canonicalize -split-input-file | FileCheck %s

// Shape arithmetic folds to constants.
// CHECK-LABEL: func.func @shape_arithmetic
func.func @shape_arithmetic() -> (tensor<4xi64>, tensor<2x3xi64>, tensor<i64>) {
  // CHECK-DAG: %[[MUL:.*]] = graph.constant dense<[2, 6, 448, 448]> : tensor<4xi64>
  // CHECK-DAG: %[[ADD:.*]] = graph.constant dense<{{\[\[}}11, 12, 13], [21, 22, 23]]> : tensor<2x3xi64>
  // CHECK-DAG: %[[DIV:.*]] = graph.constant dense<-3> : tensor<i64>
  // CHECK: return %[[MUL]], %[[ADD]], %[[DIV]]
  %shape = graph.constant dense<[1, 3, 224, 224]> : tensor<4xi64>
  %two = graph.constant dense<2> : tensor<i64>
  %0 = graph.mul %shape, %two : (tensor<4xi64>, tensor<i64>) -> tensor<4xi64>
  %col = graph.constant dense<[[10], [20]]> : tensor<2x1xi64>
  %row = graph.constant dense<[1, 2, 3]> : tensor<3xi64>
  %1 = graph.add %col, %row : (tensor<2x1xi64>, tensor<3xi64>) -> tensor<2x3xi64>
  %seven = graph.constant dense<-7> : tensor<i64>
  %2 = graph.div %seven, %two : (tensor<i64>, tensor<i64>) -> tensor<i64>
  return %0, %1, %2 : tensor<4xi64>, tensor<2x3xi64>, tensor<i64>
}

// -----

// CHECK-LABEL: func.func @integer_arithmetic
func.func @integer_arithmetic() -> (tensor<4xi32>, tensor<4xi32>, tensor<4xi32>, tensor<4xi32>, tensor<4xi32>, tensor<2xui8>, tensor<2xi32>) {
  // CHECK-DAG: %[[SUB:.*]] = graph.constant dense<[-10, 10, -4, 4]> : tensor<4xi32>
  // CHECK-DAG: %[[MOD:.*]] = graph.constant dense<[2, -2, 2, -2]> : tensor<4xi32>
  // CHECK-DAG: %[[FMOD:.*]] = graph.constant dense<[-1, 1, -1, 1]> : tensor<4xi32>
  // CHECK-DAG: %[[MAX:.*]] = graph.constant dense<[3, 7, 3, 1]> : tensor<4xi32>
  // CHECK-DAG: %[[MIN:.*]] = graph.constant dense<[-7, -3, -1, -3]> : tensor<4xi32>
  // CHECK-DAG: %[[UMAX:.*]] = graph.constant dense<[200, 3]> : tensor<2xui8>
  // CHECK-DAG: %[[UDIV:.*]] = graph.div
  // CHECK: return %[[SUB]], %[[MOD]], %[[FMOD]], %[[MAX]], %[[MIN]], %[[UMAX]], %[[UDIV]]
  %a = graph.constant dense<[-7, 7, -1, 1]> : tensor<4xi32>
  %b = graph.constant dense<[3, -3, 3, -3]> : tensor<4xi32>
  %0 = graph.sub %a, %b : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %1 = graph.mod %a, %b : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %2 = graph.mod %a, %b {fmod = 1 : i64} : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %3 = graph.max %a, %b : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %4 = graph.min %a, %b : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %u = graph.constant dense<[200, 1]> : tensor<2xui8>
  %v = graph.constant dense<3> : tensor<2xui8>
  %5 = graph.max %u, %v : (tensor<2xui8>, tensor<2xui8>) -> tensor<2xui8>
  // Division by zero is left to run time.
  %zero = graph.constant dense<[1, 0]> : tensor<2xi32>
  %6 = graph.div %zero, %zero : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  return %0, %1, %2, %3, %4, %5, %6 : tensor<4xi32>, tensor<4xi32>, tensor<4xi32>, tensor<4xi32>, tensor<4xi32>, tensor<2xui8>, tensor<2xi32>
}

// -----

// CHECK-LABEL: func.func @float_arithmetic
func.func @float_arithmetic() -> (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<2xf16>, tensor<2xf32>) {
  // CHECK-DAG: %[[MUL:.*]] = graph.constant dense<[-3.000000e+00, 5.000000e-01, 3.000000e+00]> : tensor<3xf32>
  // CHECK-DAG: %[[DIV:.*]] = graph.constant dense<[-7.500000e-01, 1.250000e-01, 7.500000e-01]> : tensor<3xf32>
  // CHECK-DAG: %[[MOD:.*]] = graph.constant dense<[-1.500000e+00, 2.500000e-01, 1.500000e+00]> : tensor<3xf32>
  // CHECK-DAG: %[[HALF:.*]] = graph.constant dense<[1.000000e+00, 7.500000e-01]> : tensor<2xf16>
  // CHECK-DAG: %[[POW:.*]] = graph.constant dense<[8.000000e+00, 2.500000e-01]> : tensor<2xf32>
  // CHECK: return %[[MUL]], %[[DIV]], %[[MOD]], %[[HALF]], %[[POW]]
  %a = graph.constant dense<[-1.5, 0.25, 1.5]> : tensor<3xf32>
  %b = graph.constant dense<2.0> : tensor<f32>
  %0 = graph.mul %a, %b : (tensor<3xf32>, tensor<f32>) -> tensor<3xf32>
  %1 = graph.div %a, %b : (tensor<3xf32>, tensor<f32>) -> tensor<3xf32>
  %2 = graph.mod %a, %b {fmod = 1 : i64} : (tensor<3xf32>, tensor<f32>) -> tensor<3xf32>
  %h = graph.constant dense<[1.0, -0.25]> : tensor<2xf16>
  %g = graph.constant dense<[2.0, 0.5]> : tensor<2xf16>
  %3 = graph.sub %g, %h : (tensor<2xf16>, tensor<2xf16>) -> tensor<2xf16>
  %base = graph.constant dense<2.0> : tensor<f32>
  %exponent = graph.constant dense<[3, -2]> : tensor<2xi64>
  %4 = graph.pow %base, %exponent : (tensor<f32>, tensor<2xi64>) -> tensor<2xf32>
  return %0, %1, %2, %3, %4 : tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<2xf16>, tensor<2xf32>
}

// -----

// CHECK-LABEL: func.func @unary
func.func @unary() -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<2xf32>, tensor<2xf32>, tensor<3xi8>, tensor<3xi8>, tensor<3xi8>, tensor<4xf32>) {
  // CHECK-DAG: %[[FLOOR:.*]] = graph.constant dense<[-2.000000e+00, -1.000000e+00, 0.000000e+00, 2.000000e+00]> : tensor<4xf32>
  // CHECK-DAG: %[[CEIL:.*]] = graph.constant dense<[-1.000000e+00, -0.000000e+00, 1.000000e+00, 3.000000e+00]> : tensor<4xf32>
  // CHECK-DAG: %[[ROUND:.*]] = graph.constant dense<[-2.000000e+00, -0.000000e+00, 0.000000e+00, 2.000000e+00]> : tensor<4xf32>
  // CHECK-DAG: %[[NEG:.*]] = graph.constant dense<[1.500000e+00, 5.000000e-01, -2.500000e-01, -2.500000e+00]> : tensor<4xf32>
  // CHECK-DAG: %[[SQRT:.*]] = graph.constant dense<[2.000000e+00, 3.000000e+00]> : tensor<2xf32>
  // CHECK-DAG: %[[EXP:.*]] = graph.constant dense<[1.000000e+00, 2.71828175]> : tensor<2xf32>
  // CHECK-DAG: %[[ABS:.*]] = graph.constant dense<[5, 0, 3]> : tensor<3xi8>
  // CHECK-DAG: %[[SIGN:.*]] = graph.constant dense<[-1, 0, 1]> : tensor<3xi8>
  // CHECK-DAG: %[[RELU:.*]] = graph.constant dense<[0, 0, 3]> : tensor<3xi8>
  // CHECK-DAG: %[[RECIPROCAL:.*]] = graph.constant dense<[-0.666666686, -2.000000e+00, 4.000000e+00, 4.000000e-01]> : tensor<4xf32>
  // CHECK: return %[[FLOOR]], %[[CEIL]], %[[ROUND]], %[[NEG]], %[[SQRT]], %[[EXP]], %[[ABS]], %[[SIGN]], %[[RELU]], %[[RECIPROCAL]]
  %x = graph.constant dense<[-1.5, -0.5, 0.25, 2.5]> : tensor<4xf32>
  %0 = graph.floor %x : (tensor<4xf32>) -> tensor<4xf32>
  %1 = graph.ceil %x : (tensor<4xf32>) -> tensor<4xf32>
  %2 = graph.round %x : (tensor<4xf32>) -> tensor<4xf32>
  %3 = graph.neg %x : (tensor<4xf32>) -> tensor<4xf32>
  %squares = graph.constant dense<[4.0, 9.0]> : tensor<2xf32>
  %4 = graph.sqrt %squares : (tensor<2xf32>) -> tensor<2xf32>
  %exponents = graph.constant dense<[0.0, 1.0]> : tensor<2xf32>
  %5 = graph.exp %exponents : (tensor<2xf32>) -> tensor<2xf32>
  %i = graph.constant dense<[-5, 0, 3]> : tensor<3xi8>
  %6 = graph.abs %i : (tensor<3xi8>) -> tensor<3xi8>
  %7 = graph.sign %i : (tensor<3xi8>) -> tensor<3xi8>
  %8 = graph.relu %i : (tensor<3xi8>) -> tensor<3xi8>
  %9 = graph.reciprocal %x : (tensor<4xf32>) -> tensor<4xf32>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<2xf32>, tensor<2xf32>, tensor<3xi8>, tensor<3xi8>, tensor<3xi8>, tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @predicates
func.func @predicates() -> (tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>) {
  // CHECK-DAG: %[[NAN:.*]] = graph.constant dense<[false, false, false, true]> : tensor<4xi1>
  // CHECK-DAG: %[[INF:.*]] = graph.constant dense<[true, true, false, false]> : tensor<4xi1>
  // CHECK-DAG: %[[EQ:.*]] = graph.constant dense<[false, false, true, false]> : tensor<4xi1>
  // CHECK-DAG: %[[LT:.*]] = graph.constant dense<[true, false, false, false]> : tensor<4xi1>
  // CHECK-DAG: %[[GE:.*]] = graph.constant dense<[false, true, true, false]> : tensor<4xi1>
  // CHECK-DAG: %[[GT:.*]] = graph.constant dense<[false, true, false, false]> : tensor<4xi1>
  // CHECK-DAG: %[[LE:.*]] = graph.constant dense<[true, false, true, false]> : tensor<4xi1>
  // CHECK: return %[[NAN]], %[[INF]], %[[EQ]], %[[LT]], %[[GE]], %[[GT]], %[[LE]]
  %x = graph.constant dense<[0xFF800000, 0x7F800000, 1.0, 0x7FC00000]> : tensor<4xf32>
  %one = graph.constant dense<1.0> : tensor<f32>
  %0 = graph.is_nan %x : (tensor<4xf32>) -> tensor<4xi1>
  %1 = graph.is_inf %x : (tensor<4xf32>) -> tensor<4xi1>
  %2 = graph.equal %x, %one : (tensor<4xf32>, tensor<f32>) -> tensor<4xi1>
  %3 = graph.less %x, %one : (tensor<4xf32>, tensor<f32>) -> tensor<4xi1>
  %4 = graph.greater_or_equal %x, %one : (tensor<4xf32>, tensor<f32>) -> tensor<4xi1>
  %5 = graph.greater %x, %one : (tensor<4xf32>, tensor<f32>) -> tensor<4xi1>
  %6 = graph.less_or_equal %x, %one : (tensor<4xf32>, tensor<f32>) -> tensor<4xi1>
  return %0, %1, %2, %3, %4, %5, %6 : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @logic
func.func @logic() -> (tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<2xi1>, tensor<3xui8>, tensor<3xui8>) {
  // CHECK-DAG: %[[AND:.*]] = graph.constant dense<[false, false, false, true]> : tensor<4xi1>
  // CHECK-DAG: %[[OR:.*]] = graph.constant dense<[false, true, true, true]> : tensor<4xi1>
  // CHECK-DAG: %[[XOR:.*]] = graph.constant dense<[false, true, true, false]> : tensor<4xi1>
  // CHECK-DAG: %[[NOT:.*]] = graph.constant dense<[true, true, false, false]> : tensor<4xi1>
  // CHECK-DAG: %[[UEQ:.*]] = graph.constant dense<[false, true]> : tensor<2xi1>
  // CHECK-DAG: %[[SHL:.*]] = graph.constant dense<[2, 8, 0]> : tensor<3xui8>
  // CHECK-DAG: %[[SHR:.*]] = graph.bit_shift
  // CHECK: return %[[AND]], %[[OR]], %[[XOR]], %[[NOT]], %[[UEQ]], %[[SHL]], %[[SHR]]
  %p = graph.constant dense<[false, false, true, true]> : tensor<4xi1>
  %q = graph.constant dense<[false, true, false, true]> : tensor<4xi1>
  %0 = graph.and %p, %q : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  %1 = graph.or %p, %q : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  %2 = graph.xor %p, %q : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  %3 = graph.not %p : (tensor<4xi1>) -> tensor<4xi1>
  %u = graph.constant dense<[255, 1]> : tensor<2xui8>
  %v = graph.constant dense<[1, 1]> : tensor<2xui8>
  %4 = graph.equal %u, %v : (tensor<2xui8>, tensor<2xui8>) -> tensor<2xi1>
  %bits = graph.constant dense<[1, 1, 128]> : tensor<3xui8>
  %shifts = graph.constant dense<[1, 3, 1]> : tensor<3xui8>
  %5 = graph.bit_shift %bits, %shifts {direction = "LEFT"} : (tensor<3xui8>, tensor<3xui8>) -> tensor<3xui8>
  // Shifting by the width or more is left to run time.
  %wide = graph.constant dense<[1, 8, 1]> : tensor<3xui8>
  %6 = graph.bit_shift %bits, %wide {direction = "RIGHT"} : (tensor<3xui8>, tensor<3xui8>) -> tensor<3xui8>
  return %0, %1, %2, %3, %4, %5, %6 : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<2xi1>, tensor<3xui8>, tensor<3xui8>
}

// -----

// CHECK-LABEL: func.func @casts
func.func @casts() -> (tensor<4xi32>, tensor<3xf32>, tensor<3xi1>, tensor<2xi32>, tensor<2xi32>, tensor<2xi8>, tensor<2xf16>, tensor<2xi32>) {
  // CHECK-DAG: %[[F2I:.*]] = graph.constant dense<[1, -1, 0, 2]> : tensor<4xi32>
  // CHECK-DAG: %[[I2F:.*]] = graph.constant dense<[-3.000000e+00, 0.000000e+00, 5.000000e+00]> : tensor<3xf32>
  // CHECK-DAG: %[[I2B:.*]] = graph.constant dense<[true, false, true]> : tensor<3xi1>
  // CHECK-DAG: %[[U2I:.*]] = graph.constant dense<[255, 1]> : tensor<2xi32>
  // CHECK-DAG: %[[S2I:.*]] = graph.constant dense<[-1, 1]> : tensor<2xi32>
  // CHECK-DAG: %[[TRUNC:.*]] = graph.constant dense<[-1, 1]> : tensor<2xi8>
  // CHECK-DAG: %[[F2H:.*]] = graph.constant dense<[1.000000e+00, 6.550400e+04]> : tensor<2xf16>
  // CHECK-DAG: %[[NAN:.*]] = graph.cast
  // CHECK: return %[[F2I]], %[[I2F]], %[[I2B]], %[[U2I]], %[[S2I]], %[[TRUNC]], %[[F2H]], %[[NAN]]
  %f = graph.constant dense<[1.7, -1.7, 0.2, 2.5]> : tensor<4xf32>
  %0 = graph.cast %f {to = i32} : (tensor<4xf32>) -> tensor<4xi32>
  %i = graph.constant dense<[-3, 0, 5]> : tensor<3xi64>
  %1 = graph.cast %i {to = f32} : (tensor<3xi64>) -> tensor<3xf32>
  %2 = graph.cast %i {to = i1} : (tensor<3xi64>) -> tensor<3xi1>
  %u = graph.constant dense<[255, 1]> : tensor<2xui8>
  %3 = graph.cast %u {to = i32} : (tensor<2xui8>) -> tensor<2xi32>
  %s = graph.constant dense<[-1, 1]> : tensor<2xi8>
  %4 = graph.cast %s {to = i32} : (tensor<2xi8>) -> tensor<2xi32>
  %w = graph.constant dense<[-1, 257]> : tensor<2xi32>
  %5 = graph.cast %w {to = i8} : (tensor<2xi32>) -> tensor<2xi8>
  %g = graph.constant dense<[1.0, 65504.0]> : tensor<2xf32>
  %6 = graph.cast %g {to = f16} : (tensor<2xf32>) -> tensor<2xf16>
  // NaN has no integer value: left to run time.
  %nan = graph.constant dense<[0x7FC00000, 1.0]> : tensor<2xf32>
  %7 = graph.cast %nan {to = i32} : (tensor<2xf32>) -> tensor<2xi32>
  return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<4xi32>, tensor<3xf32>, tensor<3xi1>, tensor<2xi32>, tensor<2xi32>, tensor<2xi8>, tensor<2xf16>, tensor<2xi32>
}

// -----

// CHECK-LABEL: func.func @where
func.func @where(%x: tensor<2x3xf32>, %y: tensor<3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x2xi64>) {
  // CHECK-DAG: %[[FOLDED:.*]] = graph.constant dense<{{\[\[}}1, 9], [9, 4]]> : tensor<2x2xi64>
  // CHECK-DAG: %[[BROADCAST:.*]] = graph.where
  // CHECK: return %arg0, %[[BROADCAST]], %[[FOLDED]]
  %true = graph.constant dense<true> : tensor<i1>
  %0 = graph.where %true, %x, %y : (tensor<i1>, tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // Selecting %y would need a broadcast: not folded.
  %false = graph.constant dense<false> : tensor<i1>
  %1 = graph.where %false, %x, %y : (tensor<i1>, tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %c = graph.constant dense<[[true, false], [false, true]]> : tensor<2x2xi1>
  %a = graph.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi64>
  %nine = graph.constant dense<9> : tensor<i64>
  %2 = graph.where %c, %a, %nine : (tensor<2x2xi1>, tensor<2x2xi64>, tensor<i64>) -> tensor<2x2xi64>
  return %0, %1, %2 : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x2xi64>
}

// -----

// CHECK-LABEL: func.func @identities
func.func @identities(%x: tensor<?x3xf32>, %i: tensor<?xi64>, %b: tensor<?xi1>) -> (tensor<?x3xf32>, tensor<?x3xf32>, tensor<?x3xf32>, tensor<?x3xf32>, tensor<?xi64>, tensor<?xi64>, tensor<?x3xf32>, tensor<?x3xf32>, tensor<?xi1>, tensor<?xi64>, tensor<?x3xf32>, tensor<?x3xf32>) {
  // CHECK-NOT: graph.add
  // CHECK-NOT: graph.sub
  // CHECK-NOT: graph.div
  // CHECK-NOT: graph.neg
  // CHECK-NOT: graph.not
  // CHECK-NOT: graph.cast
  // CHECK-NOT: graph.pow
  // CHECK: %[[ZEROS:.*]] = graph.constant dense<0.000000e+00> : tensor<2x3xf32>
  // CHECK: %[[BROADCAST:.*]] = graph.mul %arg0, %[[ZEROS]]
  // CHECK: return %arg0, %arg0, %arg0, %arg0, %arg1, %arg1, %arg0, %arg0, %arg2, %arg1, %arg0, %[[BROADCAST]]
  %zero = graph.constant dense<0.0> : tensor<3xf32>
  %one = graph.constant dense<1.0> : tensor<f32>
  %izero = graph.constant dense<0> : tensor<1xi64>
  %ione = graph.constant dense<1> : tensor<i64>
  %0 = graph.add %x, %zero : (tensor<?x3xf32>, tensor<3xf32>) -> tensor<?x3xf32>
  %1 = graph.add %zero, %x : (tensor<3xf32>, tensor<?x3xf32>) -> tensor<?x3xf32>
  %2 = graph.sub %x, %zero : (tensor<?x3xf32>, tensor<3xf32>) -> tensor<?x3xf32>
  %3 = graph.mul %x, %one : (tensor<?x3xf32>, tensor<f32>) -> tensor<?x3xf32>
  %4 = graph.mul %ione, %i : (tensor<i64>, tensor<?xi64>) -> tensor<?xi64>
  %5 = graph.div %i, %ione : (tensor<?xi64>, tensor<i64>) -> tensor<?xi64>
  %n = graph.neg %x : (tensor<?x3xf32>) -> tensor<?x3xf32>
  %6 = graph.neg %n : (tensor<?x3xf32>) -> tensor<?x3xf32>
  %7 = graph.pow %x, %one : (tensor<?x3xf32>, tensor<f32>) -> tensor<?x3xf32>
  %nb = graph.not %b : (tensor<?xi1>) -> tensor<?xi1>
  %8 = graph.not %nb : (tensor<?xi1>) -> tensor<?xi1>
  %9 = graph.cast %i {to = i64} : (tensor<?xi64>) -> tensor<?xi64>
  %10 = graph.max %x, %x : (tensor<?x3xf32>, tensor<?x3xf32>) -> tensor<?x3xf32>
  // The result is larger than %x: not an identity.
  %zeros = graph.constant dense<0.0> : tensor<2x3xf32>
  %11 = graph.mul %x, %zeros : (tensor<?x3xf32>, tensor<2x3xf32>) -> tensor<?x3xf32>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11 : tensor<?x3xf32>, tensor<?x3xf32>, tensor<?x3xf32>, tensor<?x3xf32>, tensor<?xi64>, tensor<?xi64>, tensor<?x3xf32>, tensor<?x3xf32>, tensor<?xi1>, tensor<?xi64>, tensor<?x3xf32>, tensor<?x3xf32>
}
