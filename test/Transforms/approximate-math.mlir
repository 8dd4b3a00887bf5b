// RUN: tensor-opt %s --tessera-approximate-math --split-input-file | FileCheck %s
// RUN: tensor-opt %s --tessera-approximate-math=ops=math.tanh --split-input-file | FileCheck %s --check-prefix=TANH

// f32 exp, tanh and erf, scalar or vector, become arithmetic (no calls for
// LLVM to keep scalar); other element types and other ops stay.
// CHECK-LABEL: func.func @activations
// CHECK-NOT: math.exp {{.*}} : f32
// CHECK-NOT: math.tanh
// CHECK-NOT: math.erf
// CHECK: math.fma {{.*}} : vector<16xf32>
// CHECK: math.exp {{.*}} : f64
// CHECK: math.log {{.*}} : f32
// TANH-LABEL: func.func @activations
// TANH: math.exp {{.*}} : f32
// TANH-NOT: math.tanh
// TANH: math.erf
func.func @activations(%x: f32, %v: vector<16xf32>, %d: f64) -> (f32, f32, vector<16xf32>, f64, f32) {
  %0 = math.exp %x : f32
  %1 = math.tanh %x : f32
  %2 = math.erf %v : vector<16xf32>
  %3 = math.exp %d : f64
  %4 = math.log %x : f32
  return %0, %1, %2, %3, %4 : f32, f32, vector<16xf32>, f64, f32
}
