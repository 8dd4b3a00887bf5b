// Reductions print and parse back; result types are inferred.
// RUN: tensor-opt %s | tensor-opt | FileCheck %s

// CHECK-LABEL: func.func @constant_axes
func.func @constant_axes(%x: tensor<?x8x4xf32>) -> (tensor<?x1x4xf32>, tensor<?xf32>, tensor<1x1x1xf32>, tensor<f32>) {
  %axes = graph.constant dense<[1]> : tensor<1xi64>
  %neg = graph.constant dense<[-1, 1]> : tensor<2xi64>
  // CHECK: graph.reduce_sum %{{.*}}, %{{.*}} : (tensor<?x8x4xf32>, tensor<1xi64>) -> tensor<?x1x4xf32>
  %0 = graph.reduce_sum %x, %axes : (tensor<?x8x4xf32>, tensor<1xi64>) -> tensor<?x1x4xf32>
  // CHECK: graph.reduce_mean %{{.*}}, %{{.*}} {keepdims = 0 : i64} : (tensor<?x8x4xf32>, tensor<2xi64>) -> tensor<?xf32>
  %1 = graph.reduce_mean %x, %neg {keepdims = 0 : i64} : (tensor<?x8x4xf32>, tensor<2xi64>) -> tensor<?xf32>
  // No axes: every dimension.
  // CHECK: graph.reduce_max %{{.*}} : (tensor<?x8x4xf32>) -> tensor<1x1x1xf32>
  %2 = graph.reduce_max %x : (tensor<?x8x4xf32>) -> tensor<1x1x1xf32>
  // CHECK: graph.reduce_min %{{.*}} {keepdims = 0 : i64} : (tensor<?x8x4xf32>) -> tensor<f32>
  %3 = graph.reduce_min %x {keepdims = 0 : i64} : (tensor<?x8x4xf32>) -> tensor<f32>
  return %0, %1, %2, %3 : tensor<?x1x4xf32>, tensor<?xf32>, tensor<1x1x1xf32>, tensor<f32>
}

// CHECK-LABEL: func.func @every_reduction
func.func @every_reduction(%x: tensor<2x3xf32>, %i: tensor<2x3xi64>, %u: tensor<2x3xui32>) {
  %axes = graph.constant dense<[0]> : tensor<1xi64>
  // CHECK: graph.reduce_prod %{{.*}}, %{{.*}} : (tensor<2x3xi64>, tensor<1xi64>) -> tensor<1x3xi64>
  %0 = graph.reduce_prod %i, %axes : (tensor<2x3xi64>, tensor<1xi64>) -> tensor<1x3xi64>
  // CHECK: graph.reduce_l1 %{{.*}}, %{{.*}} : (tensor<2x3xui32>, tensor<1xi64>) -> tensor<1x3xui32>
  %1 = graph.reduce_l1 %u, %axes : (tensor<2x3xui32>, tensor<1xi64>) -> tensor<1x3xui32>
  // CHECK: graph.reduce_l2 %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<1x3xf32>
  %2 = graph.reduce_l2 %x, %axes : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<1x3xf32>
  // CHECK: graph.reduce_log_sum %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<1x3xf32>
  %3 = graph.reduce_log_sum %x, %axes : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<1x3xf32>
  // CHECK: graph.reduce_log_sum_exp %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<1x3xf32>
  %4 = graph.reduce_log_sum_exp %x, %axes : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<1x3xf32>
  // CHECK: graph.reduce_sum_square %{{.*}}, %{{.*}} {keepdims = 0 : i64} : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<3xf32>
  %5 = graph.reduce_sum_square %x, %axes {keepdims = 0 : i64} : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<3xf32>
  return
}

// Empty axes reduce everything, or nothing with noop_with_empty_axes = 1.
// CHECK-LABEL: func.func @empty_axes
func.func @empty_axes(%x: tensor<?x3xf32>, %axes: tensor<0xi64>) -> (tensor<1x1xf32>, tensor<?x3xf32>) {
  // CHECK: graph.reduce_sum %{{.*}}, %{{.*}} : (tensor<?x3xf32>, tensor<0xi64>) -> tensor<1x1xf32>
  %0 = graph.reduce_sum %x, %axes : (tensor<?x3xf32>, tensor<0xi64>) -> tensor<1x1xf32>
  // CHECK: graph.reduce_sum %{{.*}}, %{{.*}} {noop_with_empty_axes = 1 : i64} : (tensor<?x3xf32>, tensor<0xi64>) -> tensor<?x3xf32>
  %1 = graph.reduce_sum %x, %axes {noop_with_empty_axes = 1 : i64} : (tensor<?x3xf32>, tensor<0xi64>) -> tensor<?x3xf32>
  return %0, %1 : tensor<1x1xf32>, tensor<?x3xf32>
}

// Axes known only at run time: with keepdims the rank stays and every
// dimension but those of size 1 becomes dynamic; without, the rank is
// rank(data) - len(axes).
// CHECK-LABEL: func.func @runtime_axes
func.func @runtime_axes(%x: tensor<4x1x8xf32>, %axes: tensor<?xi64>, %two: tensor<2xi64>) -> (tensor<?x1x?xf32>, tensor<?xf32>, tensor<4x1x1xf32>) {
  // CHECK: graph.reduce_sum %{{.*}}, %{{.*}} : (tensor<4x1x8xf32>, tensor<?xi64>) -> tensor<?x1x?xf32>
  %0 = graph.reduce_sum %x, %axes : (tensor<4x1x8xf32>, tensor<?xi64>) -> tensor<?x1x?xf32>
  // CHECK: graph.reduce_mean %{{.*}}, %{{.*}} {keepdims = 0 : i64} : (tensor<4x1x8xf32>, tensor<2xi64>) -> tensor<?xf32>
  %1 = graph.reduce_mean %x, %two {keepdims = 0 : i64} : (tensor<4x1x8xf32>, tensor<2xi64>) -> tensor<?xf32>
  // A written type may refine the inferred `?`.
  // CHECK: graph.reduce_max %{{.*}}, %{{.*}} : (tensor<4x1x8xf32>, tensor<?xi64>) -> tensor<4x1x1xf32>
  %2 = graph.reduce_max %x, %axes : (tensor<4x1x8xf32>, tensor<?xi64>) -> tensor<4x1x1xf32>
  return %0, %1, %2 : tensor<?x1x?xf32>, tensor<?xf32>, tensor<4x1x1xf32>
}

// CHECK-LABEL: func.func @arg_reductions
func.func @arg_reductions(%x: tensor<?x10xf32>, %i: tensor<3x?x2xi32>) -> (tensor<?x1xi64>, tensor<?xi64>, tensor<3x2xi64>) {
  // CHECK: graph.argmax %{{.*}} {axis = 1 : i64} : (tensor<?x10xf32>) -> tensor<?x1xi64>
  %0 = graph.argmax %x {axis = 1 : i64} : (tensor<?x10xf32>) -> tensor<?x1xi64>
  // CHECK: graph.argmin %{{.*}} {axis = -1 : i64, keepdims = 0 : i64, select_last_index = 1 : i64} : (tensor<?x10xf32>) -> tensor<?xi64>
  %1 = graph.argmin %x {axis = -1 : i64, keepdims = 0 : i64, select_last_index = 1 : i64} : (tensor<?x10xf32>) -> tensor<?xi64>
  // CHECK: graph.argmax %{{.*}} {axis = 1 : i64, keepdims = 0 : i64} : (tensor<3x?x2xi32>) -> tensor<3x2xi64>
  %2 = graph.argmax %i {axis = 1 : i64, keepdims = 0 : i64} : (tensor<3x?x2xi32>) -> tensor<3x2xi64>
  return %0, %1, %2 : tensor<?x1xi64>, tensor<?xi64>, tensor<3x2xi64>
}
