// Graph operators print and parse back; result types are inferred.
// RUN: tensor-opt %s | tensor-opt | FileCheck %s

// CHECK-LABEL: func.func @elementwise
func.func @elementwise(%a: tensor<2x3xf32>, %b: tensor<3xf32>, %c: tensor<?x1xf32>) -> tensor<?x3xf32> {
  // CHECK: graph.constant dense<1.000000e+00> : tensor<3xf32>
  %one = graph.constant dense<1.0> : tensor<3xf32>
  // CHECK: graph.add %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %0 = graph.add %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: graph.mul
  %1 = graph.mul %0, %one : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: graph.relu %{{.*}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %2 = graph.relu %1 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: graph.sub %{{.*}}, %{{.*}} : (tensor<?x1xf32>, tensor<3xf32>) -> tensor<?x3xf32>
  %3 = graph.sub %c, %b : (tensor<?x1xf32>, tensor<3xf32>) -> tensor<?x3xf32>
  return %3 : tensor<?x3xf32>
}

// A written result type may refine an inferred dynamic dimension.
// CHECK-LABEL: func.func @refined
func.func @refined(%a: tensor<?x3xf32>, %b: tensor<3xf32>) -> tensor<4x3xf32> {
  // CHECK: graph.div %{{.*}}, %{{.*}} : (tensor<?x3xf32>, tensor<3xf32>) -> tensor<4x3xf32>
  %0 = graph.div %a, %b : (tensor<?x3xf32>, tensor<3xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}
