// RUN: tensor-opt %s --tessera-cpu-pipeline="target-triple=x86_64-unknown-linux-gnu" | FileCheck %s
// RUN: tensor-opt %s --tessera-cpu-pipeline="openmp=false" | FileCheck %s --check-prefix=SERIAL

// A graph-dialect model all the way to the LLVM dialect: the model becomes
// internal, the three entry points of the model ABI are all that is exported,
// the relu runs on the matmul's tiles in the output itself (no workspace),
// parallel loops run on OpenMP, the matmul is vectorized (rows of two
// 16-lane vectors).
// CHECK: llvm.mlir.global internal constant @tessera_model_metadata_json({{.*}}\22inputs\22:[{\22dtype\22:\22float32\22,\22name\22:\22x\22,\22shape\22:[64,32]}]{{.*}}\22outputs\22:[{\22dtype\22:\22float32\22,\22name\22:\22y\22,\22shape\22:[64,64]}],\22target\22:\22x86_64-unknown-linux-gnu\22,\22workspace_bytes\22:0}
// CHECK-NOT: graph.
// CHECK-NOT: linalg.
// CHECK-NOT: memref.
// CHECK-NOT: scf.
// CHECK: llvm.func internal @main(
// CHECK: omp.parallel
// CHECK: llvm.fmul {{.*}} : vector<32xf32>
// CHECK: llvm.func @tessera_model_metadata()
// CHECK: llvm.func @tessera_model_run(
// CHECK: llvm.func @tessera_model_set_num_threads(
// CHECK: llvm.call @omp_set_num_threads

// SERIAL-NOT: omp.
// SERIAL: llvm.func @tessera_model_set_num_threads(
// SERIAL-NEXT: llvm.return
func.func @main(%x: tensor<64x32xf32> {graph.name = "x"}) -> (tensor<64x64xf32> {graph.name = "y"}) {
  %w = graph.constant dense<0.5> : tensor<32x64xf32>
  %0 = graph.matmul %x, %w : (tensor<64x32xf32>, tensor<32x64xf32>) -> tensor<64x64xf32>
  %1 = graph.relu %0 : (tensor<64x64xf32>) -> tensor<64x64xf32>
  return %1 : tensor<64x64xf32>
}
