// RUN: tensor-opt %s --tessera-emit-model-abi=target-triple=x86_64-unknown-linux-gnu --split-input-file --verify-diagnostics | FileCheck %s

// One input, two outputs, a workspace, OpenMP: the run function unpacks the
// input descriptor pointers, builds the workspace descriptor, calls the C
// interface and stores both result descriptors through the output array.
// CHECK: llvm.mlir.global internal constant @tessera_model_metadata_json("{\22abi_version\22:1,\22checks\22:[],\22inputs\22:[{\22dtype\22:\22uint8\22,\22name\22:\22x\22,\22shape\22:[-1,4]}],\22name\22:\22main\22,\22outputs\22:[{\22dtype\22:\22float32\22,\22name\22:\22y\22,\22shape\22:[-1,4]},{\22dtype\22:\22bool\22,\22name\22:\22z\22,\22shape\22:[]}],\22target\22:\22x86_64-unknown-linux-gnu\22,\22workspace_bytes\22:128}\00")
// CHECK: llvm.func internal @main(
// CHECK: llvm.func internal @_mlir_ciface_main(
// CHECK-LABEL: llvm.func @tessera_model_metadata() -> !llvm.ptr
// CHECK: llvm.mlir.addressof @tessera_model_metadata_json
// CHECK: llvm.func @tessera_model_run(%[[IN:.*]]: !llvm.ptr, %[[OUT:.*]]: !llvm.ptr, %[[WS:.*]]: !llvm.ptr) -> i32
// CHECK: %[[SLOT0:.*]] = llvm.getelementptr %[[IN]][0] : (!llvm.ptr) -> !llvm.ptr, !llvm.ptr
// CHECK: %[[X:.*]] = llvm.load %[[SLOT0]] : !llvm.ptr -> !llvm.ptr
// CHECK: %[[RES:.*]] = llvm.alloca %{{.*}} x !llvm.struct<(struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>, struct<(ptr, ptr, i64)>)>
// CHECK: llvm.insertvalue %[[WS]], %{{.*}}[0]
// CHECK: %[[WSDESC:.*]] = llvm.alloca
// CHECK: llvm.call @_mlir_ciface_main(%[[RES]], %[[X]], %[[WSDESC]])
// CHECK: %[[RESULTS:.*]] = llvm.load %[[RES]]
// CHECK: %[[Y:.*]] = llvm.extractvalue %[[RESULTS]][0]
// CHECK: llvm.getelementptr %[[OUT]][0]
// CHECK: llvm.store %[[Y]]
// CHECK: %[[Z:.*]] = llvm.extractvalue %[[RESULTS]][1]
// CHECK: llvm.getelementptr %[[OUT]][1]
// CHECK: llvm.store %[[Z]]
// CHECK: llvm.return %{{.*}} : i32
// CHECK-LABEL: llvm.func @tessera_model_set_num_threads(%{{.*}}: i32)
// CHECK: llvm.call @omp_set_num_threads
module attributes {tessera.interface = {function = "main", inputs = [{name = "x", type = tensor<?x4xui8>}], outputs = [{name = "y", type = tensor<?x4xf32>}, {name = "z", type = tensor<i1>}]}} {
  llvm.func @main(%a0: !llvm.ptr, %a1: !llvm.ptr, %a2: i64, %a3: i64, %a4: i64, %a5: i64, %a6: i64, %w0: !llvm.ptr, %w1: !llvm.ptr, %w2: i64, %w3: i64, %w4: i64) -> !llvm.struct<(struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>, struct<(ptr, ptr, i64)>)> attributes {tessera.workspace_bytes = 128 : i64} {
    %0 = llvm.mlir.poison : !llvm.struct<(struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>, struct<(ptr, ptr, i64)>)>
    omp.parallel {
      omp.terminator
    }
    llvm.return %0 : !llvm.struct<(struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>, struct<(ptr, ptr, i64)>)>
  }
  llvm.func @_mlir_ciface_main(%res: !llvm.ptr, %x: !llvm.ptr, %ws: !llvm.ptr) {
    llvm.return
  }
}

// -----

// Shape checks run first; a non-zero status returns before the model runs.
// CHECK: \22checks\22:[\22input 'x' dim 0: too small\22]
// CHECK: llvm.func @tessera_model_run(
// CHECK: %[[X:.*]] = llvm.load
// CHECK: %[[STATUS:.*]] = llvm.call @_mlir_ciface_main_checks(%[[X]]) : (!llvm.ptr) -> i32
// CHECK: %[[FAILED:.*]] = llvm.icmp "ne" %[[STATUS]], %{{.*}} : i32
// CHECK: llvm.cond_br %[[FAILED]], ^[[FAIL:.*]], ^[[MODEL:.*]]
// CHECK: ^[[FAIL]]:
// CHECK-NEXT: llvm.return %[[STATUS]] : i32
// CHECK: ^[[MODEL]]:
// CHECK: llvm.call @_mlir_ciface_main(%[[X]])
module attributes {tessera.interface = {checks = ["input 'x' dim 0: too small"], checks_function = "main_checks", function = "main", inputs = [{name = "x", type = tensor<?xf32>}], outputs = []}} {
  llvm.func @main(%a0: !llvm.ptr, %a1: !llvm.ptr, %a2: i64, %a3: i64, %a4: i64) { llvm.return }
  llvm.func @_mlir_ciface_main(%x: !llvm.ptr) { llvm.return }
  llvm.func @main_checks(%a0: !llvm.ptr, %a1: !llvm.ptr, %a2: i64, %a3: i64, %a4: i64) -> i32 {
    %0 = llvm.mlir.constant(0 : i32) : i32
    llvm.return %0 : i32
  }
  llvm.func @_mlir_ciface_main_checks(%x: !llvm.ptr) -> i32 {
    %0 = llvm.mlir.constant(0 : i32) : i32
    llvm.return %0 : i32
  }
}

// -----

// Without OpenMP, setting the thread count does nothing.
// CHECK-LABEL: llvm.func @tessera_model_set_num_threads
// CHECK-NEXT: llvm.return
module attributes {tessera.interface = {function = "main", inputs = [], outputs = []}} {
  llvm.func @main() { llvm.return }
  llvm.func @_mlir_ciface_main() { llvm.return }
}

// -----

// expected-error @below {{missing 'tessera.interface' (run tessera-record-model-interface first)}}
module {
}

// -----

// expected-error @below {{the model function 'main' and its C interface must be lowered to the LLVM dialect first}}
module attributes {tessera.interface = {function = "main", inputs = [], outputs = []}} {
  func.func @main() { return }
}
