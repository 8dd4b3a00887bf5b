// RUN: tensor-opt %s --tessera-record-model-interface --split-input-file --verify-diagnostics | FileCheck %s

// CHECK: module attributes {tessera.interface = {function = "main", inputs = [{name = "image", type = tensor<?x3xui8>}, {name = "input_1", type = tensor<2xi1>}], outputs = [{name = "scores", type = tensor<?x3xf32>}]}}
// CHECK: func.func @main({{.*}}) -> {{.*}} attributes {llvm.emit_c_interface}
// CHECK: func.func private @helper
module {
  func.func @main(%image: tensor<?x3xui8> {graph.name = "image"}, %flags: tensor<2xi1>) -> (tensor<?x3xf32> {graph.name = "scores"}) {
    %0 = call @helper(%image) : (tensor<?x3xui8>) -> tensor<?x3xf32>
    return %0 : tensor<?x3xf32>
  }
  func.func private @helper(%x: tensor<?x3xui8>) -> tensor<?x3xf32>
}

// -----

// expected-error @below {{expected exactly one public function (the model's entry point), found 2}}
module {
  func.func @a() { return }
  func.func @b() { return }
}

// -----

module {
  // expected-error @below {{model inputs and outputs must be ranked tensors of a numeric or bool element type, found 'tensor<2xcomplex<f32>>'}}
  func.func @main(%x: tensor<2xcomplex<f32>>) { return }
}
