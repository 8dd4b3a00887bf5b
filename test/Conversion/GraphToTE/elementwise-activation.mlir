// RUN: tensor-opt %s --convert-graph-to-te --split-input-file | FileCheck %s
// RUN: tensor-opt %s --convert-graph-to-te --convert-te-to-linalg --split-input-file | FileCheck %s --check-prefix=LINALG

// Activations follow ONNX's reference: the negative branch is a select that
// NaN does not take, so NaN propagates through x.

// CHECK-LABEL: func.func @leaky_relu
// CHECK: te.compute "leaky_relu" axes ["d0", "d1"]
// CHECK: %[[X:.*]] = te.read
// CHECK-DAG: %[[ALPHA:.*]] = arith.constant 1.000000e-01 : f32
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[NEG:.*]] = arith.cmpf olt, %[[X]], %[[ZERO]]
// CHECK: %[[SCALED:.*]] = arith.mulf %[[X]], %[[ALPHA]]
// CHECK: %[[R:.*]] = arith.select %[[NEG]], %[[SCALED]], %[[X]]
// CHECK: te.yield %[[R]]
// LINALG-LABEL: func.func @leaky_relu
// LINALG: %[[N:.*]] = tensor.dim %arg0, %c0
// LINALG: tensor.empty(%[[N]]) : tensor<?x4xf32>
// LINALG: linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<?x4xf32>)
// LINALG: arith.cmpf olt
// LINALG: arith.select
func.func @leaky_relu(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
  %0 = graph.leaky_relu %x {alpha = 1.000000e-01 : f32} : (tensor<?x4xf32>) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// -----

// x < 0 ? alpha * (exp(x) - 1) : x.
// CHECK-LABEL: func.func @elu
// CHECK: te.compute "elu"
// CHECK: %[[X:.*]] = te.read
// CHECK: %[[ALPHA:.*]] = arith.constant 2.000000e+00 : f32
// CHECK: %[[EXP:.*]] = math.exp %[[X]]
// CHECK: %[[EXPM1:.*]] = arith.subf %[[EXP]], %cst_0
// CHECK: %[[NEG:.*]] = arith.cmpf olt, %[[X]]
// CHECK: %[[SCALED:.*]] = arith.mulf %[[EXPM1]], %[[ALPHA]]
// CHECK: arith.select %[[NEG]], %[[SCALED]], %[[X]]
func.func @elu(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = graph.elu %x {alpha = 2.000000e+00 : f32} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// x < 0 ? (exp(x) - 1) * alpha * gamma : x * gamma, default constants.
// CHECK-LABEL: func.func @selu
// CHECK: te.compute "selu"
// CHECK: %[[X:.*]] = te.read
// CHECK-DAG: %[[ALPHA:.*]] = arith.constant 1.67326319 : f32
// CHECK-DAG: %[[GAMMA:.*]] = arith.constant 1.05070102 : f32
// CHECK: %[[EXP:.*]] = math.exp %[[X]]
// CHECK: %[[EXPM1:.*]] = arith.subf %[[EXP]]
// CHECK: %[[A:.*]] = arith.mulf %[[EXPM1]], %[[ALPHA]]
// CHECK: %[[NEGATIVE:.*]] = arith.mulf %[[A]], %[[GAMMA]]
// CHECK: %[[NEG:.*]] = arith.cmpf olt, %[[X]]
// CHECK: %[[POSITIVE:.*]] = arith.mulf %[[X]], %[[GAMMA]]
// CHECK: arith.select %[[NEG]], %[[NEGATIVE]], %[[POSITIVE]]
// Attributes override the defaults.
// CHECK: te.compute "selu"
// CHECK-DAG: arith.constant 2.000000e+00 : f32
// CHECK-DAG: arith.constant 3.000000e+00 : f32
func.func @selu(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = graph.selu %x : (tensor<4xf32>) -> tensor<4xf32>
  %1 = graph.selu %x {alpha = 2.000000e+00 : f32, gamma = 3.000000e+00 : f32} : (tensor<4xf32>) -> tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}

// -----

// max(0, x) + min(0, alpha * (exp(x / alpha) - 1)).
// CHECK-LABEL: func.func @celu
// CHECK: te.compute "celu"
// CHECK: %[[X:.*]] = te.read
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[ALPHA:.*]] = arith.constant 2.000000e+00 : f32
// CHECK: %[[DIV:.*]] = arith.divf %[[X]], %[[ALPHA]]
// CHECK: %[[EXP:.*]] = math.exp %[[DIV]]
// CHECK: %[[EXPM1:.*]] = arith.subf %[[EXP]]
// CHECK: %[[POS:.*]] = arith.maximumf %[[ZERO]], %[[X]]
// CHECK: %[[SCALED:.*]] = arith.mulf %[[ALPHA]], %[[EXPM1]]
// CHECK: %[[NEG:.*]] = arith.minimumf %[[ZERO]], %[[SCALED]]
// CHECK: arith.addf %[[POS]], %[[NEG]]
func.func @celu(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = graph.celu %x {alpha = 2.000000e+00 : f32} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// clip(alpha * x + beta, 0, 1), NaN propagating.
// CHECK-LABEL: func.func @hard_sigmoid
// CHECK: te.compute "hard_sigmoid"
// CHECK: %[[X:.*]] = te.read
// CHECK-DAG: %[[ALPHA:.*]] = arith.constant 5.000000e-01 : f32
// CHECK-DAG: %[[BETA:.*]] = arith.constant 6.000000e-01 : f32
// CHECK: %[[MUL:.*]] = arith.mulf %[[X]], %[[ALPHA]]
// CHECK: %[[LIN:.*]] = arith.addf %[[MUL]], %[[BETA]]
// CHECK: %[[LOW:.*]] = arith.maximumf %[[LIN]], %cst_1
// CHECK: arith.minimumf %[[LOW]], %cst_2
func.func @hard_sigmoid(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = graph.hard_sigmoid %x {alpha = 5.000000e-01 : f32, beta = 6.000000e-01 : f32} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// x * max(0, min(1, x / 6 + 1 / 2)), with 1/6 multiplied as the reference.
// CHECK-LABEL: func.func @hard_swish
// CHECK: te.compute "hard_swish"
// CHECK: %[[X:.*]] = te.read
// CHECK: %[[SIXTH:.*]] = arith.constant 0.166666672 : f32
// CHECK: %[[MUL:.*]] = arith.mulf %[[SIXTH]], %[[X]]
// CHECK: %[[HALF:.*]] = arith.constant 5.000000e-01 : f32
// CHECK: %[[LIN:.*]] = arith.addf %[[MUL]], %[[HALF]]
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: %[[HIGH:.*]] = arith.minimumf %[[ONE]], %[[LIN]]
// CHECK: %[[GATE:.*]] = arith.maximumf %[[ZERO]], %[[HIGH]]
// CHECK: arith.mulf %[[X]], %[[GATE]]
func.func @hard_swish(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = graph.hard_swish %x : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// softplus: log(exp(x) + 1); softsign: x / (1 + |x|);
// mish: x * tanh(log1p(exp(x))).
// CHECK-LABEL: func.func @smooth
// CHECK: te.compute "softplus"
// CHECK: %[[X:.*]] = te.read
// CHECK-NEXT: %[[EXP:.*]] = math.exp %[[X]]
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %[[SUM:.*]] = arith.addf %[[EXP]], %[[ONE]]
// CHECK-NEXT: %[[LOG:.*]] = math.log %[[SUM]]
// CHECK-NEXT: te.yield %[[LOG]]
// CHECK: te.compute "softsign"
// CHECK: %[[Y:.*]] = te.read
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %[[ABS:.*]] = math.absf %[[Y]]
// CHECK-NEXT: %[[DEN:.*]] = arith.addf %[[ONE]], %[[ABS]]
// CHECK-NEXT: %[[DIV:.*]] = arith.divf %[[Y]], %[[DEN]]
// CHECK-NEXT: te.yield %[[DIV]]
// CHECK: te.compute "mish"
// CHECK: %[[Z:.*]] = te.read
// CHECK-NEXT: %[[EXP:.*]] = math.exp %[[Z]]
// CHECK-NEXT: %[[SP:.*]] = math.log1p %[[EXP]]
// CHECK-NEXT: %[[TANH:.*]] = math.tanh %[[SP]]
// CHECK-NEXT: %[[MUL:.*]] = arith.mulf %[[Z]], %[[TANH]]
// CHECK-NEXT: te.yield %[[MUL]]
func.func @smooth(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %0 = graph.softplus %x : (tensor<4xf32>) -> tensor<4xf32>
  %1 = graph.softsign %x : (tensor<4xf32>) -> tensor<4xf32>
  %2 = graph.mish %x : (tensor<4xf32>) -> tensor<4xf32>
  return %0, %1, %2 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

// x > alpha ? x : 0, unordered so that NaN stays NaN as in the reference.
// CHECK-LABEL: func.func @thresholded_relu
// CHECK: te.compute "thresholded_relu"
// CHECK: %[[X:.*]] = te.read
// CHECK-NEXT: %[[ALPHA:.*]] = arith.constant 2.000000e+00 : f32
// CHECK-NEXT: %[[ABOVE:.*]] = arith.cmpf ugt, %[[X]], %[[ALPHA]]
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: arith.select %[[ABOVE]], %[[X]], %[[ZERO]]
func.func @thresholded_relu(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = graph.thresholded_relu %x {alpha = 2.000000e+00 : f32} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// x < -lambd ? x + bias : (x > lambd ? x - bias : 0); integers in f64.
// CHECK-LABEL: func.func @shrink
// CHECK: te.compute "shrink"
// CHECK: %[[X:.*]] = te.read
// CHECK-NEXT: %[[MINUS_LAMBD:.*]] = arith.constant -1.500000e+00 : f32
// CHECK-NEXT: %[[BELOW:.*]] = arith.cmpf olt, %[[X]], %[[MINUS_LAMBD]]
// CHECK-NEXT: %[[LAMBD:.*]] = arith.constant 1.500000e+00 : f32
// CHECK-NEXT: %[[ABOVE:.*]] = arith.cmpf ogt, %[[X]], %[[LAMBD]]
// CHECK-NEXT: %[[BIAS:.*]] = arith.constant 5.000000e-01 : f32
// CHECK-NEXT: %[[PLUS:.*]] = arith.addf %[[X]], %[[BIAS]]
// CHECK-NEXT: %[[MINUS:.*]] = arith.subf %[[X]], %[[BIAS]]
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[INNER:.*]] = arith.select %[[ABOVE]], %[[MINUS]], %[[ZERO]]
// CHECK-NEXT: arith.select %[[BELOW]], %[[PLUS]], %[[INNER]]
// CHECK: te.compute "shrink"
// CHECK: %[[I:.*]] = te.read
// CHECK-NEXT: %[[F:.*]] = arith.sitofp %[[I]] : i8 to f64
// CHECK: arith.cmpf olt, %[[F]], %{{.*}} : f64
// CHECK: arith.select
// CHECK-NEXT: %[[R:.*]] = arith.select
// CHECK-NEXT: %[[T:.*]] = arith.fptosi %[[R]] : f64 to i8
// CHECK-NEXT: te.yield %[[T]]
func.func @shrink(%x: tensor<4xf32>, %i: tensor<4xi8>) -> (tensor<4xf32>, tensor<4xi8>) {
  %0 = graph.shrink %x {bias = 5.000000e-01 : f32, lambd = 1.500000e+00 : f32} : (tensor<4xf32>) -> tensor<4xf32>
  %1 = graph.shrink %i {bias = 1.000000e+00 : f32, lambd = 2.000000e+00 : f32} : (tensor<4xi8>) -> tensor<4xi8>
  return %0, %1 : tensor<4xf32>, tensor<4xi8>
}

// -----

// none: x / 2 * (1 + erf(x / sqrt(2)));
// tanh: x / 2 * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 x^3))).
// CHECK-LABEL: func.func @gelu
// CHECK: te.compute "gelu"
// CHECK: %[[X:.*]] = te.read
// CHECK-DAG: %[[HALF:.*]] = arith.constant 5.000000e-01 : f32
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-DAG: %[[SQRT2:.*]] = arith.constant 1.41421354 : f32
// CHECK: %[[DIV:.*]] = arith.divf %[[X]], %[[SQRT2]]
// CHECK: %[[ERF:.*]] = math.erf %[[DIV]]
// CHECK: %[[HALFX:.*]] = arith.mulf %[[HALF]], %[[X]]
// CHECK: %[[SUM:.*]] = arith.addf %[[ONE]], %[[ERF]]
// CHECK: arith.mulf %[[HALFX]], %[[SUM]]
// CHECK: te.compute "gelu"
// CHECK: %[[Y:.*]] = te.read
// CHECK: %[[SQ:.*]] = arith.mulf %[[Y]], %[[Y]]
// CHECK: %[[CUBE:.*]] = arith.mulf %[[SQ]], %[[Y]]
// CHECK: %[[C:.*]] = arith.constant 4.471500e-02 : f32
// CHECK: %[[TERM:.*]] = arith.mulf %[[C]], %[[CUBE]]
// CHECK: %[[INNER:.*]] = arith.addf %[[Y]], %[[TERM]]
// CHECK: %[[K:.*]] = arith.constant 0.797884583 : f32
// CHECK: %[[ARG:.*]] = arith.mulf %[[K]], %[[INNER]]
// CHECK: %[[TANH:.*]] = math.tanh %[[ARG]]
// CHECK: %[[HALFY:.*]] = arith.mulf %{{.*}}, %[[Y]]
// CHECK: %[[SUM2:.*]] = arith.addf %{{.*}}, %[[TANH]]
// CHECK: arith.mulf %[[HALFY]], %[[SUM2]]
func.func @gelu(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = graph.gelu %x : (tensor<4xf32>) -> tensor<4xf32>
  %1 = graph.gelu %x {approximate = "tanh"} : (tensor<4xf32>) -> tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}

// -----

// relu: NaN-propagating max for floats, identity-free unsigned max.
// CHECK-LABEL: func.func @relu
// CHECK: te.compute "relu"
// CHECK: arith.maxsi %{{.*}}, %c0_i32 : i32
// CHECK: te.compute "relu"
// CHECK: arith.maxui %{{.*}}, %c0_i16 : i16
func.func @relu(%i: tensor<4xi32>, %u: tensor<4xui16>) -> (tensor<4xi32>, tensor<4xui16>) {
  %0 = graph.relu %i : (tensor<4xi32>) -> tensor<4xi32>
  %1 = graph.relu %u : (tensor<4xui16>) -> tensor<4xui16>
  return %0, %1 : tensor<4xi32>, tensor<4xui16>
}

// -----

// The slope broadcasts to the input; x < 0 ? slope * x : x.
// CHECK-LABEL: func.func @prelu
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c0
// CHECK: te.compute "prelu" axes ["d0", "d1", "d2", "d3"] ins(%arg0, %arg1 : tensor<?x3x8x8xf32>, tensor<3x1x1xf32>) sizes(%[[N]]) -> tensor<?x3x8x8xf32>
// CHECK: %[[X:.*]] = te.read %in0[%d0, %d1, %d2, %d3]
// CHECK: %[[SLOPE:.*]] = te.read %in1[%d1, %{{.*}}, %{{.*}}]
// CHECK: %[[SCALED:.*]] = arith.mulf %[[X]], %[[SLOPE]]
// CHECK: %[[NEG:.*]] = arith.cmpf olt, %[[X]]
// CHECK: arith.select %[[NEG]], %[[SCALED]], %[[X]]
// LINALG-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// LINALG-DAG: #[[SLOPE_MAP:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, 0, 0)>
// LINALG-LABEL: func.func @prelu
// LINALG: linalg.generic {indexing_maps = [#[[ID]], #[[SLOPE_MAP]], #[[ID]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0, %arg1 : tensor<?x3x8x8xf32>, tensor<3x1x1xf32>)
func.func @prelu(%x: tensor<?x3x8x8xf32>, %slope: tensor<3x1x1xf32>) -> tensor<?x3x8x8xf32> {
  %0 = graph.prelu %x, %slope : (tensor<?x3x8x8xf32>, tensor<3x1x1xf32>) -> tensor<?x3x8x8xf32>
  return %0 : tensor<?x3x8x8xf32>
}

// -----

// CHECK-LABEL: func.func @prelu_int
// CHECK: te.compute "prelu"
// CHECK: %[[X:.*]] = te.read
// CHECK: %[[SLOPE:.*]] = te.read
// CHECK: %[[SCALED:.*]] = arith.muli %[[X]], %[[SLOPE]]
// CHECK: %[[NEG:.*]] = arith.cmpi slt, %[[X]]
// CHECK: arith.select %[[NEG]], %[[SCALED]], %[[X]]
func.func @prelu_int(%x: tensor<4xi8>, %slope: tensor<1xi8>) -> tensor<4xi8> {
  %0 = graph.prelu %x, %slope : (tensor<4xi8>, tensor<1xi8>) -> tensor<4xi8>
  return %0 : tensor<4xi8>
}

// -----

// Bounds are single-element tensors of any rank read at index 0:
// min(max(x, low), high), NaN propagating.
// CHECK-LABEL: func.func @clip
// CHECK: te.compute "clip" axes ["d0", "d1"] ins(%arg0, %arg1, %arg2 : tensor<?x4xf32>, tensor<f32>, tensor<1xf32>)
// CHECK: %[[X:.*]] = te.read %in0[%d0, %d1]
// CHECK-NEXT: %[[LOW:.*]] = te.read %in1[] : tensor<f32>
// CHECK-NEXT: %[[CLAMPED:.*]] = arith.maximumf %[[X]], %[[LOW]]
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[HIGH:.*]] = te.read %in2[%[[ZERO]]] : tensor<1xf32>
// CHECK-NEXT: %[[R:.*]] = arith.minimumf %[[CLAMPED]], %[[HIGH]]
// CHECK-NEXT: te.yield %[[R]]
// Only a high bound; unsigned.
// CHECK: te.compute "clip" axes ["d0"] ins(%arg3, %arg4 : tensor<4xi8>, tensor<1x1xi8>)
// CHECK: %[[U:.*]] = te.read %in0[%d0]
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[UHIGH:.*]] = te.read %in1[%[[ZERO]], %[[ZERO]]]
// CHECK-NEXT: arith.minui %[[U]], %[[UHIGH]] : i8
// No bounds: no stage.
// CHECK-NOT: te.compute
// CHECK: return %{{.*}}, %{{.*}}, %arg0
// LINALG-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// LINALG-DAG: #[[SCALAR:.*]] = affine_map<(d0, d1) -> ()>
// LINALG-DAG: #[[FIRST:.*]] = affine_map<(d0, d1) -> (0)>
// LINALG-LABEL: func.func @clip
// LINALG: linalg.generic {indexing_maps = [#[[ID]], #[[SCALAR]], #[[FIRST]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%arg0, %arg1, %arg2 : tensor<?x4xf32>, tensor<f32>, tensor<1xf32>)
func.func @clip(%x: tensor<?x4xf32>, %lo: tensor<f32>, %hi: tensor<1xf32>, %u: tensor<4xui8>, %uhi: tensor<1x1xui8>) -> (tensor<?x4xf32>, tensor<4xui8>, tensor<?x4xf32>) {
  %0 = graph.clip %x min %lo max %hi : (tensor<?x4xf32>, tensor<f32>, tensor<1xf32>) -> tensor<?x4xf32>
  %1 = graph.clip %u max %uhi : (tensor<4xui8>, tensor<1x1xui8>) -> tensor<4xui8>
  %2 = graph.clip %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  return %0, %1, %2 : tensor<?x4xf32>, tensor<4xui8>, tensor<?x4xf32>
}
