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

// Two dynamic operand dims must be equal at run time.
// CHECK-LABEL: func.func @dynamic_dims
// CHECK: %[[A:.*]] = tensor.dim %arg0
// CHECK: %[[B:.*]] = tensor.dim %arg1
// CHECK: %[[EQ:.*]] = arith.cmpi eq, %[[A]], %[[B]]
// CHECK: cf.assert %[[EQ]], "dynamic dimensions must be equal: broadcasting a dynamic dimension of size 1 is not supported"
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
