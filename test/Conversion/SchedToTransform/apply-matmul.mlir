// A converted schedule applied to a real kernel: tiled (parallel outer
// loop, sequential inner ones), vectorized register tiles, accumulators
// hoisted out of the reduction loop.
// RUN: tensor-opt %s --convert-sched-to-transform --transform-interpreter --canonicalize | FileCheck %s

// CHECK-LABEL: func.func @matmul
// CHECK: scf.forall (%{{.*}}) in (2)
// CHECK: scf.for %{{.*}} = %c0 to %c32 step %c8
// CHECK: scf.for %{{.*}} = %c0 to %c64 step %c16
// CHECK: vector.transfer_read {{.*}} : tensor<32x64xf32>, vector<8x16xf32>
// CHECK: scf.for %{{.*}} = %c0 to %c64 step %c1 iter_args({{.*}}) -> (vector<8x16xf32>)
// CHECK: arith.mulf {{.*}} : vector<8x16x1xf32>
// CHECK-NOT: linalg.matmul
func.func @matmul(%a: tensor<64x64xf32>, %b: tensor<64x64xf32>, %c: tensor<64x64xf32>) -> tensor<64x64xf32> {
  %r = linalg.matmul {te.stage = "matmul"} ins(%a, %b : tensor<64x64xf32>, tensor<64x64xf32>)
         outs(%c : tensor<64x64xf32>) -> tensor<64x64xf32>
  return %r : tensor<64x64xf32>
}

sched.schedule @matmul_schedule for "matmul" {
  %i, %j, %k = sched.axes ["i", "j", "k"]
  %t = sched.knob "tile_j" choices [16, 32]
  %io, %ii = sched.split %i by 32
  %iio, %iii = sched.split %ii by 8
  %jo, %ji = sched.split %j by %t
  %ko, %ki = sched.split %k by 1
  sched.reorder %io, %iio, %jo, %ko, %iii, %ji, %ki
  sched.parallel %io
  sched.vectorize %ki
}
