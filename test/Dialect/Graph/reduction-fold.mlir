// RUN: tensor-opt %s --canonicalize | FileCheck %s

// Reducing no axes with noop_with_empty_axes = 1 returns the input.
// CHECK-LABEL: func.func @noop_empty_axes
// CHECK-SAME: (%[[X:.*]]: tensor<?x3xf32>)
// CHECK-NEXT: return %[[X]], %[[X]]
func.func @noop_empty_axes(%x: tensor<?x3xf32>) -> (tensor<?x3xf32>, tensor<?x3xf32>) {
  %empty = graph.constant dense<> : tensor<0xi64>
  %0 = graph.reduce_sum %x {noop_with_empty_axes = 1 : i64} : (tensor<?x3xf32>) -> tensor<?x3xf32>
  %1 = graph.reduce_log_sum_exp %x, %empty {noop_with_empty_axes = 1 : i64} : (tensor<?x3xf32>, tensor<0xi64>) -> tensor<?x3xf32>
  return %0, %1 : tensor<?x3xf32>, tensor<?x3xf32>
}

// Without noop_with_empty_axes, empty axes reduce everything: an identity
// only when every dimension has size 1.
// CHECK-LABEL: func.func @empty_axes_reduce_all
// CHECK-SAME: (%[[X:.*]]: tensor<2x1xf32>, %[[Y:.*]]: tensor<1x1xf32>)
// CHECK: %[[SUM:.*]] = graph.reduce_sum %[[X]], %{{.*}} : (tensor<2x1xf32>, tensor<0xi64>) -> tensor<1x1xf32>
// CHECK-NEXT: return %[[SUM]], %[[Y]]
func.func @empty_axes_reduce_all(%x: tensor<2x1xf32>, %y: tensor<1x1xf32>) -> (tensor<1x1xf32>, tensor<1x1xf32>) {
  %empty = graph.constant dense<> : tensor<0xi64>
  %0 = graph.reduce_sum %x, %empty : (tensor<2x1xf32>, tensor<0xi64>) -> tensor<1x1xf32>
  %1 = graph.reduce_sum %y, %empty : (tensor<1x1xf32>, tensor<0xi64>) -> tensor<1x1xf32>
  return %0, %1 : tensor<1x1xf32>, tensor<1x1xf32>
}

// Sum, mean, max, min and prod over dimensions of size 1 (kept) are
// identities; l1 (an absolute value) is not.
// CHECK-LABEL: func.func @unit_dims
// CHECK-SAME: (%[[X:.*]]: tensor<4x1x?xf32>)
// CHECK: %[[L1:.*]] = graph.reduce_l1 %[[X]]
// CHECK: %[[DROP:.*]] = graph.reduce_sum %[[X]], %{{.*}} {keepdims = 0 : i64}
// CHECK: return %[[X]], %[[X]], %[[X]], %[[X]], %[[X]], %[[L1]], %[[DROP]]
func.func @unit_dims(%x: tensor<4x1x?xf32>) -> (tensor<4x1x?xf32>, tensor<4x1x?xf32>, tensor<4x1x?xf32>, tensor<4x1x?xf32>, tensor<4x1x?xf32>, tensor<4x1x?xf32>, tensor<4x?xf32>) {
  %axes = graph.constant dense<[1]> : tensor<1xi64>
  %0 = graph.reduce_sum %x, %axes : (tensor<4x1x?xf32>, tensor<1xi64>) -> tensor<4x1x?xf32>
  %1 = graph.reduce_mean %x, %axes : (tensor<4x1x?xf32>, tensor<1xi64>) -> tensor<4x1x?xf32>
  %2 = graph.reduce_max %x, %axes : (tensor<4x1x?xf32>, tensor<1xi64>) -> tensor<4x1x?xf32>
  %3 = graph.reduce_min %x, %axes : (tensor<4x1x?xf32>, tensor<1xi64>) -> tensor<4x1x?xf32>
  %4 = graph.reduce_prod %x, %axes : (tensor<4x1x?xf32>, tensor<1xi64>) -> tensor<4x1x?xf32>
  %5 = graph.reduce_l1 %x, %axes : (tensor<4x1x?xf32>, tensor<1xi64>) -> tensor<4x1x?xf32>
  %6 = graph.reduce_sum %x, %axes {keepdims = 0 : i64} : (tensor<4x1x?xf32>, tensor<1xi64>) -> tensor<4x?xf32>
  return %0, %1, %2, %3, %4, %5, %6 : tensor<4x1x?xf32>, tensor<4x1x?xf32>, tensor<4x1x?xf32>, tensor<4x1x?xf32>, tensor<4x1x?xf32>, tensor<4x1x?xf32>, tensor<4x?xf32>
}

// Shape arithmetic: integer constants fold.
// CHECK-LABEL: func.func @integer_constants
// CHECK-DAG: graph.constant dense<24> : tensor<i64>
// CHECK-DAG: graph.constant dense<[5, 7, 9]> : tensor<3xi64>
// CHECK-DAG: graph.constant dense<{{\[}}[6], [120]]> : tensor<2x1xi32>
// CHECK-DAG: graph.constant dense<[4, 5, 6]> : tensor<3xi64>
// CHECK-DAG: graph.constant dense<[1, 2, 3]> : tensor<3xi64>
// CHECK-DAG: graph.constant dense<200> : tensor<1xui8>
// CHECK-NOT: graph.reduce
func.func @integer_constants() -> (tensor<i64>, tensor<3xi64>, tensor<2x1xi32>, tensor<3xi64>, tensor<3xi64>, tensor<1xui8>) {
  %shape = graph.constant dense<[2, 3, 4]> : tensor<3xi64>
  %matrix = graph.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi64>
  %m32 = graph.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi32>
  %bytes = graph.constant dense<[7, 200, 100]> : tensor<3xui8>
  %rows = graph.constant dense<[0]> : tensor<1xi64>
  %cols = graph.constant dense<[-1]> : tensor<1xi64>
  %0 = graph.reduce_prod %shape {keepdims = 0 : i64} : (tensor<3xi64>) -> tensor<i64>
  %1 = graph.reduce_sum %matrix, %rows {keepdims = 0 : i64} : (tensor<2x3xi64>, tensor<1xi64>) -> tensor<3xi64>
  %2 = graph.reduce_prod %m32, %cols : (tensor<2x3xi32>, tensor<1xi64>) -> tensor<2x1xi32>
  %3 = graph.reduce_max %matrix, %rows {keepdims = 0 : i64} : (tensor<2x3xi64>, tensor<1xi64>) -> tensor<3xi64>
  %4 = graph.reduce_min %matrix, %rows {keepdims = 0 : i64} : (tensor<2x3xi64>, tensor<1xi64>) -> tensor<3xi64>
  // Unsigned comparison: 200 > 100 > 7.
  %5 = graph.reduce_max %bytes : (tensor<3xui8>) -> tensor<1xui8>
  return %0, %1, %2, %3, %4, %5 : tensor<i64>, tensor<3xi64>, tensor<2x1xi32>, tensor<3xi64>, tensor<3xi64>, tensor<1xui8>
}

// Floats and the other reductions stay for run time.
// CHECK-LABEL: func.func @not_folded
// CHECK: graph.reduce_sum
// CHECK: graph.reduce_mean
func.func @not_folded() -> (tensor<1xf32>, tensor<1xi64>) {
  %f = graph.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %i = graph.constant dense<[1, 2]> : tensor<2xi64>
  %0 = graph.reduce_sum %f : (tensor<2xf32>) -> tensor<1xf32>
  %1 = graph.reduce_mean %i : (tensor<2xi64>) -> tensor<1xi64>
  return %0, %1 : tensor<1xf32>, tensor<1xi64>
}

// The index along an axis of size 1 is 0.
// CHECK-LABEL: func.func @arg_unit_axis
// CHECK-NEXT: %[[ZERO:.*]] = graph.constant dense<0> : tensor<3xi64>
// CHECK-NEXT: %[[ARG:.*]] = graph.argmax %{{.*}} : (tensor<?x1xf32>) -> tensor<1x1xi64>
// CHECK-NEXT: return %[[ZERO]], %[[ARG]]
func.func @arg_unit_axis(%x: tensor<3x1xf32>, %y: tensor<?x1xf32>) -> (tensor<3xi64>, tensor<1x1xi64>) {
  %0 = graph.argmin %x {axis = 1 : i64, keepdims = 0 : i64} : (tensor<3x1xf32>) -> tensor<3xi64>
  %1 = graph.argmax %y : (tensor<?x1xf32>) -> tensor<1x1xi64>
  return %0, %1 : tensor<3xi64>, tensor<1x1xi64>
}
