// RUN: tensor-opt %s --tessera-outline-shape-checks --split-input-file | FileCheck %s

// The assert on the inputs' dimensions moves into @main_checks (status 1
// when it fails); the assert on data stays.
// CHECK: checks = ["input 'a' dim 0, input 'b' dim 0: sizes differ"], checks_function = "main_checks"
// CHECK-LABEL: func.func @main(
// CHECK-NOT: sizes differ
// CHECK: cf.assert %{{.*}}, "data check"
// CHECK-LABEL: func.func @main_checks(
// CHECK-SAME: %[[A:.*]]: tensor<?xf32>, %[[B:.*]]: tensor<?xf32>) -> i32 attributes {llvm.emit_c_interface}
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG: %[[DA:.*]] = tensor.dim %[[A]], %[[C0]]
// CHECK-DAG: %[[DB:.*]] = tensor.dim %[[B]], %[[C0]]
// CHECK: %[[EQ:.*]] = arith.cmpi eq, %[[DA]], %[[DB]]
// CHECK-DAG: %[[OK:.*]] = arith.constant 0 : i32
// CHECK-DAG: %[[FAIL:.*]] = arith.constant 1 : i32
// CHECK: %[[STATUS:.*]] = arith.select %[[EQ]], %[[OK]], %[[FAIL]] : i32
// CHECK: return %[[STATUS]] : i32
module attributes {tessera.interface = {function = "main", inputs = [{name = "a", type = tensor<?xf32>}, {name = "b", type = tensor<?xf32>}], outputs = []}} {
  func.func @main(%a: tensor<?xf32>, %b: tensor<?xf32>) {
    %c0 = arith.constant 0 : index
    %da = tensor.dim %a, %c0 : tensor<?xf32>
    %db = tensor.dim %b, %c0 : tensor<?xf32>
    %eq = arith.cmpi eq, %da, %db : index
    cf.assert %eq, "sizes differ"
    %x = tensor.extract %a[%c0] : tensor<?xf32>
    %zero = arith.constant 0.0 : f32
    %positive = arith.cmpf ogt, %x, %zero : f32
    cf.assert %positive, "data check"
    return
  }
}

// -----

// No shape checks: nothing changes.
// CHECK-NOT: checks_function
// CHECK-LABEL: func.func @main(
// CHECK-NOT: func.func @main_checks
module attributes {tessera.interface = {function = "main", inputs = [{name = "a", type = tensor<4xf32>}], outputs = []}} {
  func.func @main(%a: tensor<4xf32>) {
    return
  }
}
