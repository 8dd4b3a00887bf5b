// Data-movement and shape operators print and parse back; result types are
// inferred, with `?` where a size depends on a non-constant operand.
// RUN: tensor-opt %s | tensor-opt | FileCheck %s

// CHECK-LABEL: func.func @reshape
func.func @reshape(%x: tensor<?x3x4xf32>, %s: tensor<3xi64>) -> (tensor<?x12xf32>, tensor<?x?x?xf32>, tensor<4x0xf32>) {
  %c = graph.constant dense<[0, -1]> : tensor<2xi64>
  // CHECK: graph.reshape %{{.*}}, %{{.*}} : (tensor<?x3x4xf32>, tensor<2xi64>) -> tensor<?x12xf32>
  %0 = graph.reshape %x, %c : (tensor<?x3x4xf32>, tensor<2xi64>) -> tensor<?x12xf32>
  // CHECK: graph.reshape %{{.*}}, %{{.*}} : (tensor<?x3x4xf32>, tensor<3xi64>) -> tensor<?x?x?xf32>
  %1 = graph.reshape %x, %s : (tensor<?x3x4xf32>, tensor<3xi64>) -> tensor<?x?x?xf32>
  %e = graph.constant dense<> : tensor<0x3xf32>
  %z = graph.constant dense<[4, 0]> : tensor<2xi64>
  // CHECK: graph.reshape %{{.*}}, %{{.*}} {allowzero = 1 : i64} : (tensor<0x3xf32>, tensor<2xi64>) -> tensor<4x0xf32>
  %2 = graph.reshape %e, %z {allowzero = 1 : i64} : (tensor<0x3xf32>, tensor<2xi64>) -> tensor<4x0xf32>
  return %0, %1, %2 : tensor<?x12xf32>, tensor<?x?x?xf32>, tensor<4x0xf32>
}

// CHECK-LABEL: func.func @flatten_squeeze_unsqueeze
func.func @flatten_squeeze_unsqueeze(%x: tensor<?x1x4xf32>, %a: tensor<1xi64>) -> (tensor<?x4xf32>, tensor<?x4xf32>, tensor<?x?xf32>, tensor<?x1x1x4xf32>, tensor<?x?x?x?xf32>, tensor<4xf32>) {
  // CHECK: graph.flatten %{{.*}} : (tensor<?x1x4xf32>) -> tensor<?x4xf32>
  %0 = graph.flatten %x : (tensor<?x1x4xf32>) -> tensor<?x4xf32>
  %one = graph.constant dense<1> : tensor<1xi64>
  // CHECK: graph.squeeze %{{.*}}, %{{.*}} : (tensor<?x1x4xf32>, tensor<1xi64>) -> tensor<?x4xf32>
  %1 = graph.squeeze %x, %one : (tensor<?x1x4xf32>, tensor<1xi64>) -> tensor<?x4xf32>
  // CHECK: graph.squeeze %{{.*}}, %{{.*}} : (tensor<?x1x4xf32>, tensor<1xi64>) -> tensor<?x?xf32>
  %2 = graph.squeeze %x, %a : (tensor<?x1x4xf32>, tensor<1xi64>) -> tensor<?x?xf32>
  %neg = graph.constant dense<-3> : tensor<1xi64>
  // CHECK: graph.unsqueeze %{{.*}}, %{{.*}} : (tensor<?x1x4xf32>, tensor<1xi64>) -> tensor<?x1x1x4xf32>
  %3 = graph.unsqueeze %x, %neg : (tensor<?x1x4xf32>, tensor<1xi64>) -> tensor<?x1x1x4xf32>
  // CHECK: graph.unsqueeze %{{.*}}, %{{.*}} : (tensor<?x1x4xf32>, tensor<1xi64>) -> tensor<?x?x?x?xf32>
  %4 = graph.unsqueeze %x, %a : (tensor<?x1x4xf32>, tensor<1xi64>) -> tensor<?x?x?x?xf32>
  %s = graph.constant dense<1.0> : tensor<1x4x1xf32>
  // CHECK: graph.squeeze %{{.*}} : (tensor<1x4x1xf32>) -> tensor<4xf32>
  %5 = graph.squeeze %s : (tensor<1x4x1xf32>) -> tensor<4xf32>
  return %0, %1, %2, %3, %4, %5 : tensor<?x4xf32>, tensor<?x4xf32>, tensor<?x?xf32>, tensor<?x1x1x4xf32>, tensor<?x?x?x?xf32>, tensor<4xf32>
}

// CHECK-LABEL: func.func @transpose_concat_split
func.func @transpose_concat_split(%x: tensor<?x3x4xf32>, %y: tensor<2x?x4xf32>, %s: tensor<2xi64>) -> (tensor<?x4x3xf32>, tensor<4x3x?xf32>, tensor<?x3x4xf32>, tensor<?x1x4xf32>, tensor<?x2x4xf32>, tensor<?x?x4xf32>, tensor<?x?x4xf32>) {
  // CHECK: graph.transpose %{{.*}} {perm = array<i64: 0, 2, 1>} : (tensor<?x3x4xf32>) -> tensor<?x4x3xf32>
  %0 = graph.transpose %x {perm = array<i64: 0, 2, 1>} : (tensor<?x3x4xf32>) -> tensor<?x4x3xf32>
  // CHECK: graph.transpose %{{.*}} : (tensor<?x3x4xf32>) -> tensor<4x3x?xf32>
  %1 = graph.transpose %x : (tensor<?x3x4xf32>) -> tensor<4x3x?xf32>
  // CHECK: graph.concat %{{.*}}, %{{.*}} {axis = 0 : i64} : (tensor<?x3x4xf32>, tensor<2x?x4xf32>) -> tensor<?x3x4xf32>
  %2 = graph.concat %x, %y {axis = 0 : i64} : (tensor<?x3x4xf32>, tensor<2x?x4xf32>) -> tensor<?x3x4xf32>
  // CHECK: graph.split %{{.*}} {axis = 1 : i64, num_outputs = 2 : i64} : (tensor<?x3x4xf32>) -> (tensor<?x2x4xf32>, tensor<?x1x4xf32>)
  %3:2 = graph.split %x {axis = 1 : i64, num_outputs = 2 : i64} : (tensor<?x3x4xf32>) -> (tensor<?x2x4xf32>, tensor<?x1x4xf32>)
  %sizes = graph.constant dense<[1, 2]> : tensor<2xi64>
  // CHECK: graph.split %{{.*}}, %{{.*}} {axis = -2 : i64, num_outputs = 2 : i64} : (tensor<?x3x4xf32>, tensor<2xi64>) -> (tensor<?x1x4xf32>, tensor<?x2x4xf32>)
  %4:2 = graph.split %x, %sizes {axis = -2 : i64, num_outputs = 2 : i64} : (tensor<?x3x4xf32>, tensor<2xi64>) -> (tensor<?x1x4xf32>, tensor<?x2x4xf32>)
  // CHECK: graph.split %{{.*}}, %{{.*}} {axis = 1 : i64, num_outputs = 2 : i64} : (tensor<?x3x4xf32>, tensor<2xi64>) -> (tensor<?x?x4xf32>, tensor<?x?x4xf32>)
  %5:2 = graph.split %x, %s {axis = 1 : i64, num_outputs = 2 : i64} : (tensor<?x3x4xf32>, tensor<2xi64>) -> (tensor<?x?x4xf32>, tensor<?x?x4xf32>)
  return %0, %1, %2, %4#0, %4#1, %5#0, %5#1 : tensor<?x4x3xf32>, tensor<4x3x?xf32>, tensor<?x3x4xf32>, tensor<?x1x4xf32>, tensor<?x2x4xf32>, tensor<?x?x4xf32>, tensor<?x?x4xf32>
}

// CHECK-LABEL: func.func @slice
func.func @slice(%x: tensor<?x10x8xf32>, %b: tensor<1xi32>) -> (tensor<?x3x8xf32>, tensor<?x10x4xf32>, tensor<?x?x8xf32>, tensor<?x?x?xf32>) {
  %starts = graph.constant dense<[1]> : tensor<1xi64>
  %ends = graph.constant dense<[9223372036854775807]> : tensor<1xi64>
  %axes = graph.constant dense<[1]> : tensor<1xi64>
  %steps = graph.constant dense<[3]> : tensor<1xi64>
  // CHECK: graph.slice %{{.*}}, %{{.*}}, %{{.*}} axes %{{.*}} steps %{{.*}} : (tensor<?x10x8xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<?x3x8xf32>
  %0 = graph.slice %x, %starts, %ends axes %axes steps %steps : (tensor<?x10x8xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<?x3x8xf32>
  %s2 = graph.constant dense<[-1]> : tensor<1xi64>
  %e2 = graph.constant dense<[-9223372036854775807]> : tensor<1xi64>
  %a2 = graph.constant dense<[-1]> : tensor<1xi64>
  %st2 = graph.constant dense<[-2]> : tensor<1xi64>
  // CHECK: graph.slice %{{.*}} steps %{{.*}} : ({{.*}}) -> tensor<?x10x4xf32>
  %1 = graph.slice %x, %s2, %e2 axes %a2 steps %st2 : (tensor<?x10x8xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<?x10x4xf32>
  // CHECK: graph.slice %{{.*}}, %{{.*}}, %{{.*}} axes %{{.*}} : (tensor<?x10x8xf32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi64>) -> tensor<?x?x8xf32>
  %2 = graph.slice %x, %b, %b axes %axes : (tensor<?x10x8xf32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi64>) -> tensor<?x?x8xf32>
  // CHECK: graph.slice %{{.*}}, %{{.*}}, %{{.*}} axes %{{.*}} : (tensor<?x10x8xf32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<?x?x?xf32>
  %3 = graph.slice %x, %b, %b axes %b : (tensor<?x10x8xf32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<?x?x?xf32>
  return %0, %1, %2, %3 : tensor<?x3x8xf32>, tensor<?x10x4xf32>, tensor<?x?x8xf32>, tensor<?x?x?xf32>
}

// CHECK-LABEL: func.func @expand_tile_pad
func.func @expand_tile_pad(%x: tensor<?x1xf32>, %s: tensor<3xi64>, %p: tensor<4xi64>) -> (tensor<2x?x5xf32>, tensor<?x?x?xf32>, tensor<?x3xf32>, tensor<?x?xf32>, tensor<?x4xf32>, tensor<?x?xf32>) {
  %shape = graph.constant dense<[2, 1, 5]> : tensor<3xi64>
  // CHECK: graph.expand %{{.*}}, %{{.*}} : (tensor<?x1xf32>, tensor<3xi64>) -> tensor<2x?x5xf32>
  %0 = graph.expand %x, %shape : (tensor<?x1xf32>, tensor<3xi64>) -> tensor<2x?x5xf32>
  // CHECK: graph.expand %{{.*}}, %{{.*}} : (tensor<?x1xf32>, tensor<3xi64>) -> tensor<?x?x?xf32>
  %1 = graph.expand %x, %s : (tensor<?x1xf32>, tensor<3xi64>) -> tensor<?x?x?xf32>
  %repeats = graph.constant dense<[1, 3]> : tensor<2xi64>
  // CHECK: graph.tile %{{.*}}, %{{.*}} : (tensor<?x1xf32>, tensor<2xi64>) -> tensor<?x3xf32>
  %2 = graph.tile %x, %repeats : (tensor<?x1xf32>, tensor<2xi64>) -> tensor<?x3xf32>
  // CHECK: graph.pad %{{.*}}, %{{.*}} : (tensor<?x1xf32>, tensor<4xi64>) -> tensor<?x?xf32>
  %3 = graph.pad %x, %p : (tensor<?x1xf32>, tensor<4xi64>) -> tensor<?x?xf32>
  %pads = graph.constant dense<[0, 1, 0, 2]> : tensor<4xi64>
  %zero = graph.constant dense<0.0> : tensor<f32>
  // CHECK: graph.pad %{{.*}}, %{{.*}} value %{{.*}} {mode = "edge"} : (tensor<?x1xf32>, tensor<4xi64>, tensor<f32>) -> tensor<?x4xf32>
  %4 = graph.pad %x, %pads value %zero {mode = "edge"} : (tensor<?x1xf32>, tensor<4xi64>, tensor<f32>) -> tensor<?x4xf32>
  %axes = graph.constant dense<[0]> : tensor<1xi64>
  %pads2 = graph.constant dense<[1, 1]> : tensor<2xi64>
  // CHECK: graph.pad %{{.*}}, %{{.*}} axes %{{.*}} {mode = "reflect"} : (tensor<?x1xf32>, tensor<2xi64>, tensor<1xi64>) -> tensor<?x?xf32>
  %5 = graph.pad %x, %pads2 axes %axes {mode = "reflect"} : (tensor<?x1xf32>, tensor<2xi64>, tensor<1xi64>) -> tensor<?x?xf32>
  return %0, %1, %2, %3, %4, %5 : tensor<2x?x5xf32>, tensor<?x?x?xf32>, tensor<?x3xf32>, tensor<?x?xf32>, tensor<?x4xf32>, tensor<?x?xf32>
}

// CHECK-LABEL: func.func @block_moves
func.func @block_moves(%x: tensor<?x8x2x?xf32>) -> (tensor<?x2x4x?xf32>, tensor<?x32x1x?xf32>) {
  // CHECK: graph.depth_to_space %{{.*}} {blocksize = 2 : i64, mode = "CRD"} : (tensor<?x8x2x?xf32>) -> tensor<?x2x4x?xf32>
  %0 = graph.depth_to_space %x {blocksize = 2 : i64, mode = "CRD"} : (tensor<?x8x2x?xf32>) -> tensor<?x2x4x?xf32>
  // CHECK: graph.space_to_depth %{{.*}} {blocksize = 2 : i64} : (tensor<?x8x2x?xf32>) -> tensor<?x32x1x?xf32>
  %1 = graph.space_to_depth %x {blocksize = 2 : i64} : (tensor<?x8x2x?xf32>) -> tensor<?x32x1x?xf32>
  return %0, %1 : tensor<?x2x4x?xf32>, tensor<?x32x1x?xf32>
}

// CHECK-LABEL: func.func @gathers
func.func @gathers(%x: tensor<?x5x6xf32>, %i: tensor<2x?xi32>, %j: tensor<?x5x2xi64>, %k: tensor<4x2xi64>) -> (tensor<?x2x?x6xf32>, tensor<?x5x2xf32>, tensor<4x6xf32>, tensor<?x5xf32>) {
  // CHECK: graph.gather %{{.*}}, %{{.*}} {axis = 1 : i64} : (tensor<?x5x6xf32>, tensor<2x?xi32>) -> tensor<?x2x?x6xf32>
  %0 = graph.gather %x, %i {axis = 1 : i64} : (tensor<?x5x6xf32>, tensor<2x?xi32>) -> tensor<?x2x?x6xf32>
  // CHECK: graph.gather_elements %{{.*}}, %{{.*}} {axis = -1 : i64} : (tensor<?x5x6xf32>, tensor<?x5x2xi64>) -> tensor<?x5x2xf32>
  %1 = graph.gather_elements %x, %j {axis = -1 : i64} : (tensor<?x5x6xf32>, tensor<?x5x2xi64>) -> tensor<?x5x2xf32>
  // CHECK: graph.gather_nd %{{.*}}, %{{.*}} : (tensor<?x5x6xf32>, tensor<4x2xi64>) -> tensor<4x6xf32>
  %2 = graph.gather_nd %x, %k : (tensor<?x5x6xf32>, tensor<4x2xi64>) -> tensor<4x6xf32>
  // CHECK: graph.gather_nd %{{.*}}, %{{.*}} {batch_dims = 1 : i64} : (tensor<?x5x6xf32>, tensor<?x5x2xi64>) -> tensor<?x5xf32>
  %3 = graph.gather_nd %x, %j {batch_dims = 1 : i64} : (tensor<?x5x6xf32>, tensor<?x5x2xi64>) -> tensor<?x5xf32>
  return %0, %1, %2, %3 : tensor<?x2x?x6xf32>, tensor<?x5x2xf32>, tensor<4x6xf32>, tensor<?x5xf32>
}

// CHECK-LABEL: func.func @shapes
func.func @shapes(%x: tensor<?x128x768xf32>, %n: tensor<i64>, %d: tensor<f32>) -> (tensor<3xi64>, tensor<1xi64>, tensor<i64>, tensor<?xi64>, tensor<2x4xi32>, tensor<?xf32>, tensor<3xi64>) {
  // CHECK: graph.shape %{{.*}} : (tensor<?x128x768xf32>) -> tensor<3xi64>
  %0 = graph.shape %x : (tensor<?x128x768xf32>) -> tensor<3xi64>
  // CHECK: graph.shape %{{.*}} {end = -1 : i64, start = -2 : i64} : (tensor<?x128x768xf32>) -> tensor<1xi64>
  %1 = graph.shape %x {start = -2 : i64, end = -1 : i64} : (tensor<?x128x768xf32>) -> tensor<1xi64>
  // CHECK: graph.size %{{.*}} : (tensor<?x128x768xf32>) -> tensor<i64>
  %2 = graph.size %x : (tensor<?x128x768xf32>) -> tensor<i64>
  %zero = graph.constant dense<0> : tensor<i64>
  %one = graph.constant dense<1> : tensor<i64>
  // CHECK: graph.range %{{.*}}, %{{.*}}, %{{.*}} : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<?xi64>
  %3 = graph.range %zero, %n, %one : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<?xi64>
  %shape2 = graph.constant dense<[2, 4]> : tensor<2xi64>
  // CHECK: graph.constant_of_shape %{{.*}} {value = dense<7> : tensor<1xi32>} : (tensor<2xi64>) -> tensor<2x4xi32>
  %4 = graph.constant_of_shape %shape2 {value = dense<7> : tensor<1xi32>} : (tensor<2xi64>) -> tensor<2x4xi32>
  %f0 = graph.constant dense<0.0> : tensor<f32>
  %f1 = graph.constant dense<2.5> : tensor<f32>
  // CHECK: graph.range %{{.*}}, %{{.*}}, %{{.*}} : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?xf32>
  %5 = graph.range %f0, %f1, %d : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?xf32>
  // CHECK: graph.shape %{{.*}} {start = -10 : i64} : (tensor<?x128x768xf32>) -> tensor<3xi64>
  %6 = graph.shape %x {start = -10 : i64} : (tensor<?x128x768xf32>) -> tensor<3xi64>
  return %0, %1, %2, %3, %4, %5, %6 : tensor<3xi64>, tensor<1xi64>, tensor<i64>, tensor<?xi64>, tensor<2x4xi32>, tensor<?xf32>, tensor<3xi64>
}
