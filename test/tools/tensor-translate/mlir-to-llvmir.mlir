// tensor-translate carries the upstream MLIR -> LLVM IR translation.
// RUN: tensor-translate --mlir-to-llvmir %s | FileCheck %s

// CHECK: define float @fma(float %0, float %1, float %2)
// CHECK: call float @llvm.fma.f32(float %0, float %1, float %2)
llvm.func @fma(%a: f32, %b: f32, %c: f32) -> f32 {
  %0 = llvm.intr.fma(%a, %b, %c) : (f32, f32, f32) -> f32
  llvm.return %0 : f32
}
