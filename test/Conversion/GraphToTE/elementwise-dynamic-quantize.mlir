// RUN: tensor-opt %s --convert-graph-to-te --split-input-file | FileCheck %s

// min and max reductions over every dim, rank-0 stages for the scale and
// the zero point, then the quantization to ui8.
// CHECK-LABEL: func.func @dynamic_quantize_linear
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c0
// CHECK: %[[MIN:.*]] = te.compute "dynamic_quantize_linear.min" axes [] reduce ["r0", "r1"] [%[[N]], 4] combiner min ins(%arg0 : tensor<?x4xf32>) -> tensor<f32>
// CHECK-NEXT: ^bb0(%r0: index, %r1: index, %in0: tensor<?x4xf32>):
// CHECK-NEXT: %[[X:.*]] = te.read %in0[%r0, %r1]
// CHECK-NEXT: te.yield %[[X]]
// CHECK: %[[MAX:.*]] = te.compute "dynamic_quantize_linear.max" axes [] reduce ["r0", "r1"] [%[[N]], 4] combiner max ins(%arg0 : tensor<?x4xf32>) -> tensor<f32>
// scale = (max(max, 0) - min(min, 0)) / 255.
// CHECK: %[[SCALE:.*]] = te.compute "dynamic_quantize_linear.scale" axes [] ins(%[[MIN]], %[[MAX]] : tensor<f32>, tensor<f32>) -> tensor<f32>
// CHECK: %[[LO:.*]] = te.read %in0[]
// CHECK-NEXT: %[[HI:.*]] = te.read %in1[]
// CHECK: %[[LOW:.*]] = arith.minimumf %[[LO]], %{{.*}}
// CHECK: %[[HIGH:.*]] = arith.maximumf %[[HI]], %{{.*}}
// CHECK-NEXT: %[[RANGE:.*]] = arith.subf %[[HIGH]], %[[LOW]]
// CHECK-NEXT: %[[C255:.*]] = arith.constant 2.550000e+02 : f32
// CHECK-NEXT: arith.divf %[[RANGE]], %[[C255]]
// zero_point = saturate(round(-min(min, 0) / scale)).
// CHECK: %[[ZP:.*]] = te.compute "dynamic_quantize_linear.zero_point" axes [] ins(%[[MIN]], %[[SCALE]] : tensor<f32>, tensor<f32>) -> tensor<i8>
// CHECK: %[[ZLO:.*]] = te.read %in0[]
// CHECK-NEXT: %[[ZS:.*]] = te.read %in1[]
// CHECK: %[[ZLOW:.*]] = arith.minimumf %[[ZLO]]
// CHECK-NEXT: %[[NEG:.*]] = arith.negf %[[ZLOW]]
// CHECK-NEXT: %[[DIV:.*]] = arith.divf %[[NEG]], %[[ZS]]
// CHECK-NEXT: math.roundeven %[[DIV]]
// CHECK: arith.fptoui %{{.*}} : f32 to i8
// CHECK: %[[Y:.*]] = te.compute "dynamic_quantize_linear.quantize" axes ["d0", "d1"] ins(%arg0, %[[SCALE]], %[[ZP]] : tensor<?x4xf32>, tensor<f32>, tensor<i8>) sizes(%{{.*}}) -> tensor<?x4xi8>
// CHECK: %[[QX:.*]] = te.read %in0[%d0, %d1]
// CHECK-NEXT: %[[QS:.*]] = te.read %in1[]
// CHECK-NEXT: %[[QZ:.*]] = te.read %in2[]
// CHECK-NEXT: %[[QDIV:.*]] = arith.divf %[[QX]], %[[QS]]
// CHECK-NEXT: %[[QROUND:.*]] = math.roundeven %[[QDIV]]
// CHECK-NEXT: %[[QZF:.*]] = arith.uitofp %[[QZ]] : i8 to f32
// CHECK-NEXT: arith.addf %[[QROUND]], %[[QZF]]
// CHECK: arith.fptoui %{{.*}} : f32 to i8
// CHECK: return %[[Y]], %[[SCALE]], %[[ZP]] : tensor<?x4xi8>, tensor<f32>, tensor<i8>
func.func @dynamic_quantize_linear(%x: tensor<?x4xf32>) -> (tensor<?x4xui8>, tensor<f32>, tensor<ui8>) {
  %y, %scale, %zp = graph.dynamic_quantize_linear %x : (tensor<?x4xf32>) -> (tensor<?x4xui8>, tensor<f32>, tensor<ui8>)
  return %y, %scale, %zp : tensor<?x4xui8>, tensor<f32>, tensor<ui8>
}

// -----

// A rank-0 input is its own minimum and maximum.
// CHECK-LABEL: func.func @scalar
// CHECK-NOT: combiner
// CHECK: te.compute "dynamic_quantize_linear.scale" axes [] ins(%arg0, %arg0 : tensor<f32>, tensor<f32>)
// CHECK: te.compute "dynamic_quantize_linear.zero_point" axes [] ins(%arg0, %{{.*}} : tensor<f32>, tensor<f32>)
// CHECK: te.compute "dynamic_quantize_linear.quantize" axes [] ins(%arg0,
func.func @scalar(%x: tensor<f32>) -> (tensor<ui8>, tensor<f32>, tensor<ui8>) {
  %y, %scale, %zp = graph.dynamic_quantize_linear %x : (tensor<f32>) -> (tensor<ui8>, tensor<f32>, tensor<ui8>)
  return %y, %scale, %zp : tensor<ui8>, tensor<f32>, tensor<ui8>
}
