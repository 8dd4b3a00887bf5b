// Elementwise operators print and parse back; result types are inferred.
// RUN: tensor-opt %s | tensor-opt | FileCheck %s

// CHECK-LABEL: func.func @unary_math
func.func @unary_math(%x: tensor<?x4xf32>, %i: tensor<2x?xi32>, %b: tensor<?xi1>) {
  // CHECK: graph.neg %{{.*}} : (tensor<?x4xf32>) -> tensor<?x4xf32>
  %0 = graph.neg %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  // CHECK: graph.neg %{{.*}} : (tensor<2x?xi32>) -> tensor<2x?xi32>
  %1 = graph.neg %i : (tensor<2x?xi32>) -> tensor<2x?xi32>
  // CHECK: graph.abs %{{.*}} : (tensor<2x?xi32>) -> tensor<2x?xi32>
  %2 = graph.abs %i : (tensor<2x?xi32>) -> tensor<2x?xi32>
  // CHECK: graph.sign %{{.*}} : (tensor<2x?xi32>) -> tensor<2x?xi32>
  %3 = graph.sign %i : (tensor<2x?xi32>) -> tensor<2x?xi32>
  // CHECK: graph.exp %{{.*}} : (tensor<?x4xf32>) -> tensor<?x4xf32>
  %4 = graph.exp %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  // CHECK: graph.log
  %5 = graph.log %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  // CHECK: graph.sqrt
  %6 = graph.sqrt %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  // CHECK: graph.reciprocal
  %7 = graph.reciprocal %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  // CHECK: graph.tanh
  %8 = graph.tanh %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  // CHECK: graph.sigmoid
  %9 = graph.sigmoid %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  // CHECK: graph.erf %{{.*}} : (tensor<?x4xf32>) -> tensor<?x4xf32>
  %10 = graph.erf %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  // CHECK: graph.erf %{{.*}} : (tensor<2x?xi32>) -> tensor<2x?xi32>
  %11 = graph.erf %i : (tensor<2x?xi32>) -> tensor<2x?xi32>
  // CHECK: graph.sin
  %12 = graph.sin %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  // CHECK: graph.cos
  %13 = graph.cos %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  // CHECK: graph.tan
  %14 = graph.tan %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  // CHECK: graph.asin
  %15 = graph.asin %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  // CHECK: graph.acos
  %16 = graph.acos %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  // CHECK: graph.atan
  %17 = graph.atan %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  // CHECK: graph.sinh
  %18 = graph.sinh %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  // CHECK: graph.cosh
  %19 = graph.cosh %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  // CHECK: graph.asinh
  %20 = graph.asinh %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  // CHECK: graph.acosh
  %21 = graph.acosh %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  // CHECK: graph.atanh
  %22 = graph.atanh %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  // CHECK: graph.floor
  %23 = graph.floor %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  // CHECK: graph.ceil
  %24 = graph.ceil %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  // CHECK: graph.round
  %25 = graph.round %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  // CHECK: graph.not %{{.*}} : (tensor<?xi1>) -> tensor<?xi1>
  %26 = graph.not %b : (tensor<?xi1>) -> tensor<?xi1>
  // CHECK: graph.is_nan %{{.*}} : (tensor<?x4xf32>) -> tensor<?x4xi1>
  %27 = graph.is_nan %x : (tensor<?x4xf32>) -> tensor<?x4xi1>
  // CHECK: graph.is_inf %{{.*}} : (tensor<?x4xf32>) -> tensor<?x4xi1>
  %28 = graph.is_inf %x : (tensor<?x4xf32>) -> tensor<?x4xi1>
  // CHECK: graph.is_inf %{{.*}} {detect_negative = 0 : i64} : (tensor<?x4xf32>) -> tensor<?x4xi1>
  %29 = graph.is_inf %x {detect_negative = 0 : i64} : (tensor<?x4xf32>) -> tensor<?x4xi1>
  return
}

// CHECK-LABEL: func.func @activations
func.func @activations(%x: tensor<?x3x8xf16>, %i: tensor<?xi8>, %slope: tensor<3x1xf16>,
                       %lo: tensor<f16>, %hi: tensor<1xf16>, %ilo: tensor<i8>) {
  // CHECK: graph.relu %{{.*}} : (tensor<?x3x8xf16>) -> tensor<?x3x8xf16>
  %0 = graph.relu %x : (tensor<?x3x8xf16>) -> tensor<?x3x8xf16>
  // CHECK: graph.relu %{{.*}} : (tensor<?xi8>) -> tensor<?xi8>
  %1 = graph.relu %i : (tensor<?xi8>) -> tensor<?xi8>
  // CHECK: graph.leaky_relu %{{.*}} : (tensor<?x3x8xf16>)
  %2 = graph.leaky_relu %x : (tensor<?x3x8xf16>) -> tensor<?x3x8xf16>
  // CHECK: graph.leaky_relu %{{.*}} {alpha = 1.000000e-01 : f32}
  %3 = graph.leaky_relu %x {alpha = 0.1 : f32} : (tensor<?x3x8xf16>) -> tensor<?x3x8xf16>
  // CHECK: graph.prelu %{{.*}}, %{{.*}} : (tensor<?x3x8xf16>, tensor<3x1xf16>) -> tensor<?x3x8xf16>
  %4 = graph.prelu %x, %slope : (tensor<?x3x8xf16>, tensor<3x1xf16>) -> tensor<?x3x8xf16>
  // CHECK: graph.elu %{{.*}} {alpha = 2.000000e+00 : f32}
  %5 = graph.elu %x {alpha = 2.0 : f32} : (tensor<?x3x8xf16>) -> tensor<?x3x8xf16>
  // CHECK: graph.selu %{{.*}} : (tensor<?x3x8xf16>)
  %6 = graph.selu %x : (tensor<?x3x8xf16>) -> tensor<?x3x8xf16>
  // CHECK: graph.selu %{{.*}} {alpha = 2.000000e+00 : f32, gamma = 3.000000e+00 : f32}
  %7 = graph.selu %x {alpha = 2.0 : f32, gamma = 3.0 : f32} : (tensor<?x3x8xf16>) -> tensor<?x3x8xf16>
  // CHECK: graph.celu %{{.*}} {alpha = 5.000000e-01 : f32}
  %8 = graph.celu %x {alpha = 0.5 : f32} : (tensor<?x3x8xf16>) -> tensor<?x3x8xf16>
  // CHECK: graph.hard_sigmoid %{{.*}} {alpha = 2.500000e-01 : f32, beta = 7.500000e-01 : f32}
  %9 = graph.hard_sigmoid %x {alpha = 0.25 : f32, beta = 0.75 : f32} : (tensor<?x3x8xf16>) -> tensor<?x3x8xf16>
  // CHECK: graph.hard_swish %{{.*}} : (tensor<?x3x8xf16>) -> tensor<?x3x8xf16>
  %10 = graph.hard_swish %x : (tensor<?x3x8xf16>) -> tensor<?x3x8xf16>
  // CHECK: graph.softplus
  %11 = graph.softplus %x : (tensor<?x3x8xf16>) -> tensor<?x3x8xf16>
  // CHECK: graph.softsign
  %12 = graph.softsign %x : (tensor<?x3x8xf16>) -> tensor<?x3x8xf16>
  // CHECK: graph.mish
  %13 = graph.mish %x : (tensor<?x3x8xf16>) -> tensor<?x3x8xf16>
  // CHECK: graph.thresholded_relu %{{.*}} {alpha = 2.000000e+00 : f32}
  %14 = graph.thresholded_relu %x {alpha = 2.0 : f32} : (tensor<?x3x8xf16>) -> tensor<?x3x8xf16>
  // CHECK: graph.shrink %{{.*}} {bias = 1.000000e+00 : f32, lambd = 1.500000e+00 : f32} : (tensor<?xi8>) -> tensor<?xi8>
  %15 = graph.shrink %i {bias = 1.0 : f32, lambd = 1.5 : f32} : (tensor<?xi8>) -> tensor<?xi8>
  // CHECK: graph.gelu %{{.*}} : (tensor<?x3x8xf16>)
  %16 = graph.gelu %x : (tensor<?x3x8xf16>) -> tensor<?x3x8xf16>
  // CHECK: graph.gelu %{{.*}} {approximate = "tanh"}
  %17 = graph.gelu %x {approximate = "tanh"} : (tensor<?x3x8xf16>) -> tensor<?x3x8xf16>
  // CHECK: graph.clip %{{.*}} min %{{.*}} max %{{.*}} : (tensor<?x3x8xf16>, tensor<f16>, tensor<1xf16>) -> tensor<?x3x8xf16>
  %18 = graph.clip %x min %lo max %hi : (tensor<?x3x8xf16>, tensor<f16>, tensor<1xf16>) -> tensor<?x3x8xf16>
  // CHECK: graph.clip %{{.*}} max %{{.*}} : (tensor<?x3x8xf16>, tensor<1xf16>) -> tensor<?x3x8xf16>
  %19 = graph.clip %x max %hi : (tensor<?x3x8xf16>, tensor<1xf16>) -> tensor<?x3x8xf16>
  // CHECK: graph.clip %{{.*}} min %{{.*}} : (tensor<?xi8>, tensor<i8>) -> tensor<?xi8>
  %20 = graph.clip %i min %ilo : (tensor<?xi8>, tensor<i8>) -> tensor<?xi8>
  // CHECK: graph.clip %{{.*}} : (tensor<?xi8>) -> tensor<?xi8>
  %21 = graph.clip %i : (tensor<?xi8>) -> tensor<?xi8>
  return
}

// CHECK-LABEL: func.func @binary
func.func @binary(%a: tensor<?x1x4xf32>, %b: tensor<3x1xf32>, %i: tensor<?xi64>, %j: tensor<5xi64>,
                  %p: tensor<?x2xi1>, %q: tensor<2xi1>, %u: tensor<4xui8>, %v: tensor<?x1xui8>, %k: tensor<5x1xi64>) {
  // CHECK: graph.add %{{.*}}, %{{.*}} : (tensor<?x1x4xf32>, tensor<3x1xf32>) -> tensor<?x3x4xf32>
  %0 = graph.add %a, %b : (tensor<?x1x4xf32>, tensor<3x1xf32>) -> tensor<?x3x4xf32>
  // CHECK: graph.sub %{{.*}}, %{{.*}} : (tensor<?xi64>, tensor<5xi64>) -> tensor<5xi64>
  %1 = graph.sub %i, %j : (tensor<?xi64>, tensor<5xi64>) -> tensor<5xi64>
  // CHECK: graph.mul
  %2 = graph.mul %a, %b : (tensor<?x1x4xf32>, tensor<3x1xf32>) -> tensor<?x3x4xf32>
  // CHECK: graph.div
  %3 = graph.div %i, %j : (tensor<?xi64>, tensor<5xi64>) -> tensor<5xi64>
  // CHECK: graph.max %{{.*}}, %{{.*}} : (tensor<?x1x4xf32>, tensor<3x1xf32>) -> tensor<?x3x4xf32>
  %4 = graph.max %a, %b : (tensor<?x1x4xf32>, tensor<3x1xf32>) -> tensor<?x3x4xf32>
  // CHECK: graph.min
  %5 = graph.min %i, %j : (tensor<?xi64>, tensor<5xi64>) -> tensor<5xi64>
  // CHECK: graph.mod %{{.*}}, %{{.*}} : (tensor<?xi64>, tensor<5xi64>) -> tensor<5xi64>
  %6 = graph.mod %i, %j : (tensor<?xi64>, tensor<5xi64>) -> tensor<5xi64>
  // CHECK: graph.mod %{{.*}}, %{{.*}} {fmod = 1 : i64} : (tensor<?x1x4xf32>, tensor<3x1xf32>) -> tensor<?x3x4xf32>
  %7 = graph.mod %a, %b {fmod = 1 : i64} : (tensor<?x1x4xf32>, tensor<3x1xf32>) -> tensor<?x3x4xf32>
  // CHECK: graph.pow %{{.*}}, %{{.*}} : (tensor<?x1x4xf32>, tensor<5x1xi64>) -> tensor<?x5x4xf32>
  %8 = graph.pow %a, %k : (tensor<?x1x4xf32>, tensor<5x1xi64>) -> tensor<?x5x4xf32>
  // CHECK: graph.pow %{{.*}}, %{{.*}} : (tensor<?xi64>, tensor<3x1xf32>) -> tensor<3x?xi64>
  %9 = graph.pow %i, %b : (tensor<?xi64>, tensor<3x1xf32>) -> tensor<3x?xi64>
  // CHECK: graph.and %{{.*}}, %{{.*}} : (tensor<?x2xi1>, tensor<2xi1>) -> tensor<?x2xi1>
  %10 = graph.and %p, %q : (tensor<?x2xi1>, tensor<2xi1>) -> tensor<?x2xi1>
  // CHECK: graph.or
  %11 = graph.or %p, %q : (tensor<?x2xi1>, tensor<2xi1>) -> tensor<?x2xi1>
  // CHECK: graph.xor
  %12 = graph.xor %p, %q : (tensor<?x2xi1>, tensor<2xi1>) -> tensor<?x2xi1>
  // CHECK: graph.bit_shift %{{.*}}, %{{.*}} {direction = "LEFT"} : (tensor<4xui8>, tensor<?x1xui8>) -> tensor<?x4xui8>
  %13 = graph.bit_shift %u, %v {direction = "LEFT"} : (tensor<4xui8>, tensor<?x1xui8>) -> tensor<?x4xui8>
  // CHECK: graph.bit_shift %{{.*}}, %{{.*}} {direction = "RIGHT"}
  %14 = graph.bit_shift %u, %v {direction = "RIGHT"} : (tensor<4xui8>, tensor<?x1xui8>) -> tensor<?x4xui8>
  return
}

// CHECK-LABEL: func.func @comparisons
func.func @comparisons(%a: tensor<?x1x4xf32>, %b: tensor<3x1xf32>, %p: tensor<?x2xi1>, %q: tensor<2xi1>,
                       %u: tensor<4xui16>, %v: tensor<?x1xui16>) {
  // CHECK: graph.equal %{{.*}}, %{{.*}} : (tensor<?x1x4xf32>, tensor<3x1xf32>) -> tensor<?x3x4xi1>
  %0 = graph.equal %a, %b : (tensor<?x1x4xf32>, tensor<3x1xf32>) -> tensor<?x3x4xi1>
  // CHECK: graph.equal %{{.*}}, %{{.*}} : (tensor<?x2xi1>, tensor<2xi1>) -> tensor<?x2xi1>
  %1 = graph.equal %p, %q : (tensor<?x2xi1>, tensor<2xi1>) -> tensor<?x2xi1>
  // CHECK: graph.greater %{{.*}}, %{{.*}} : (tensor<4xui16>, tensor<?x1xui16>) -> tensor<?x4xi1>
  %2 = graph.greater %u, %v : (tensor<4xui16>, tensor<?x1xui16>) -> tensor<?x4xi1>
  // CHECK: graph.greater_or_equal
  %3 = graph.greater_or_equal %a, %b : (tensor<?x1x4xf32>, tensor<3x1xf32>) -> tensor<?x3x4xi1>
  // CHECK: graph.less
  %4 = graph.less %a, %b : (tensor<?x1x4xf32>, tensor<3x1xf32>) -> tensor<?x3x4xi1>
  // CHECK: graph.less_or_equal
  %5 = graph.less_or_equal %a, %b : (tensor<?x1x4xf32>, tensor<3x1xf32>) -> tensor<?x3x4xi1>
  return
}

// CHECK-LABEL: func.func @where
func.func @where(%c: tensor<?x1x1xi1>, %x: tensor<3x1xi64>, %y: tensor<4xi64>) -> tensor<?x3x4xi64> {
  // CHECK: graph.where %{{.*}}, %{{.*}}, %{{.*}} : (tensor<?x1x1xi1>, tensor<3x1xi64>, tensor<4xi64>) -> tensor<?x3x4xi64>
  %0 = graph.where %c, %x, %y : (tensor<?x1x1xi1>, tensor<3x1xi64>, tensor<4xi64>) -> tensor<?x3x4xi64>
  return %0 : tensor<?x3x4xi64>
}

// CHECK-LABEL: func.func @conversions
func.func @conversions(%x: tensor<?x3xf32>, %i: tensor<?xi64>, %s: tensor<f32>, %ps: tensor<3xf32>,
                       %zp: tensor<i8>, %pzp: tensor<3xui8>, %q: tensor<?x3xi8>, %w: tensor<?x3xi32>) {
  // CHECK: graph.cast %{{.*}} {to = i32} : (tensor<?x3xf32>) -> tensor<?x3xi32>
  %0 = graph.cast %x {to = i32} : (tensor<?x3xf32>) -> tensor<?x3xi32>
  // CHECK: graph.cast %{{.*}} {to = f16} : (tensor<?xi64>) -> tensor<?xf16>
  %1 = graph.cast %i {to = f16} : (tensor<?xi64>) -> tensor<?xf16>
  // CHECK: graph.cast %{{.*}} {to = i1} : (tensor<?xi64>) -> tensor<?xi1>
  %2 = graph.cast %i {to = i1} : (tensor<?xi64>) -> tensor<?xi1>
  // CHECK: graph.cast %{{.*}} {to = ui8} : (tensor<?xi64>) -> tensor<?xui8>
  %3 = graph.cast %i {to = ui8} : (tensor<?xi64>) -> tensor<?xui8>
  // CHECK: graph.quantize_linear %{{.*}}, %{{.*}}, %{{.*}} : (tensor<?x3xf32>, tensor<f32>, tensor<i8>) -> tensor<?x3xi8>
  %4 = graph.quantize_linear %x, %s, %zp : (tensor<?x3xf32>, tensor<f32>, tensor<i8>) -> tensor<?x3xi8>
  // CHECK: graph.quantize_linear %{{.*}}, %{{.*}} : (tensor<?x3xf32>, tensor<f32>) -> tensor<?x3xui8>
  %5 = graph.quantize_linear %x, %s : (tensor<?x3xf32>, tensor<f32>) -> tensor<?x3xui8>
  // CHECK: graph.quantize_linear %{{.*}}, %{{.*}}, %{{.*}} {axis = -1 : i64} : (tensor<?x3xf32>, tensor<3xf32>, tensor<3xui8>) -> tensor<?x3xui8>
  %6 = graph.quantize_linear %x, %ps, %pzp {axis = -1 : i64} : (tensor<?x3xf32>, tensor<3xf32>, tensor<3xui8>) -> tensor<?x3xui8>
  // CHECK: graph.dequantize_linear %{{.*}}, %{{.*}}, %{{.*}} : (tensor<?x3xi8>, tensor<f32>, tensor<i8>) -> tensor<?x3xf32>
  %7 = graph.dequantize_linear %q, %s, %zp : (tensor<?x3xi8>, tensor<f32>, tensor<i8>) -> tensor<?x3xf32>
  // CHECK: graph.dequantize_linear %{{.*}}, %{{.*}} : (tensor<?x3xi32>, tensor<3xf32>) -> tensor<?x3xf32>
  %8 = graph.dequantize_linear %w, %ps : (tensor<?x3xi32>, tensor<3xf32>) -> tensor<?x3xf32>
  // CHECK: graph.dynamic_quantize_linear %{{.*}} : (tensor<?x3xf32>) -> (tensor<?x3xui8>, tensor<f32>, tensor<ui8>)
  %9:3 = graph.dynamic_quantize_linear %x : (tensor<?x3xf32>) -> (tensor<?x3xui8>, tensor<f32>, tensor<ui8>)
  return
}

// A written result type may refine inferred dynamic dimensions.
// CHECK-LABEL: func.func @refined
func.func @refined(%a: tensor<?x4xf32>, %c: tensor<?x4xi1>) -> (tensor<2x4xf32>, tensor<2x4xi1>) {
  // CHECK: graph.sigmoid %{{.*}} : (tensor<?x4xf32>) -> tensor<2x4xf32>
  %0 = graph.sigmoid %a : (tensor<?x4xf32>) -> tensor<2x4xf32>
  // CHECK: graph.less %{{.*}}, %{{.*}} : (tensor<?x4xf32>, tensor<?x4xf32>) -> tensor<2x4xi1>
  %1 = graph.less %a, %a : (tensor<?x4xf32>, tensor<?x4xf32>) -> tensor<2x4xi1>
  return %0, %1 : tensor<2x4xf32>, tensor<2x4xi1>
}
