// RUN: tensor-opt %s --tessera-cpu-pipeline="target-triple=x86_64-unknown-linux-gnu" | FileCheck %s
// RUN: tensor-opt %s --tessera-cpu-pipeline="openmp=false" | FileCheck %s --check-prefix=SERIAL

// A graph-dialect model all the way to the LLVM dialect: the model becomes
// internal, the three entry points of the model ABI are all that is exported,
// the matmul's result lives in the workspace (4x16xf32: 256 bytes) until the
// relu writes the output, parallel loops run on OpenMP, the matmul is
// vectorized (16 lanes).
// CHECK: llvm.mlir.global internal constant @tessera_model_metadata_json({{.*}}\22inputs\22:[{\22dtype\22:\22float32\22,\22name\22:\22x\22,\22shape\22:[4,32]}]{{.*}}\22outputs\22:[{\22dtype\22:\22float32\22,\22name\22:\22y\22,\22shape\22:[4,16]}],\22target\22:\22x86_64-unknown-linux-gnu\22,\22workspace_bytes\22:256}
// CHECK-NOT: graph.
// CHECK-NOT: linalg.
// CHECK-NOT: memref.
// CHECK-NOT: scf.
// CHECK: llvm.func internal @main(
// CHECK: omp.parallel
// CHECK: llvm.fmul {{.*}} : vector<16xf32>
// CHECK: llvm.func @tessera_model_metadata()
// CHECK: llvm.func @tessera_model_run(
// CHECK: llvm.func @tessera_model_set_num_threads(
// CHECK: llvm.call @omp_set_num_threads

// SERIAL-NOT: omp.
// SERIAL: llvm.func @tessera_model_set_num_threads(
// SERIAL-NEXT: llvm.return
func.func @main(%x: tensor<4x32xf32> {graph.name = "x"}) -> (tensor<4x16xf32> {graph.name = "y"}) {
  %w = graph.constant dense<0.5> : tensor<32x16xf32>
  %0 = graph.matmul %x, %w : (tensor<4x32xf32>, tensor<32x16xf32>) -> tensor<4x16xf32>
  %1 = graph.relu %0 : (tensor<4x16xf32>) -> tensor<4x16xf32>
  return %1 : tensor<4x16xf32>
}
