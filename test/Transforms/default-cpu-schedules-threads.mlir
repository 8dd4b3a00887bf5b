// RUN: tensor-opt %s --tessera-default-cpu-schedules --split-input-file | FileCheck %s
// RUN: tensor-opt %s --tessera-default-cpu-schedules=min-threaded-iterations=1000 --split-input-file | FileCheck %s --check-prefix=LOWER

// A kernel of fewer than 8192 iterations (32 x 14 x 14) runs on one thread:
// its single chunk is no parallel loop. With a lower threshold it is split
// into 8 chunks; so is a kernel of 65536 iterations with the default.
// CHECK-LABEL: func.func @small
// CHECK-NOT: scf.forall
// CHECK: linalg.generic
// CHECK-LABEL: func.func @large
// CHECK: scf.forall ({{.*}}) in (8)
// LOWER-LABEL: func.func @small
// LOWER: scf.forall ({{.*}}) in (8)
func.func @small(%x: tensor<32x14x14xf32>) -> tensor<32x14x14xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<32x14x14xf32>
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%x : tensor<32x14x14xf32>) outs(%empty : tensor<32x14x14xf32>) {
  ^bb0(%in: f32, %out: f32):
    %r = arith.maximumf %in, %zero : f32
    linalg.yield %r : f32
  } -> tensor<32x14x14xf32>
  return %0 : tensor<32x14x14xf32>
}

// -----

func.func @large(%x: tensor<64x32x32xf32>) -> tensor<64x32x32xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<64x32x32xf32>
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%x : tensor<64x32x32xf32>) outs(%empty : tensor<64x32x32xf32>) {
  ^bb0(%in: f32, %out: f32):
    %r = arith.maximumf %in, %zero : f32
    linalg.yield %r : f32
  } -> tensor<64x32x32xf32>
  return %0 : tensor<64x32x32xf32>
}
