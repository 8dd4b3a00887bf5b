// RUN: tensor-opt %s | tensor-opt | FileCheck %s

// CHECK-LABEL: sched.schedule @matmul_tiled for "matmul" {
// CHECK: %i, %j, %k = sched.axes ["i", "j", "k"]
// CHECK: %[[T:.*]] = sched.knob "tile_j" choices [16, 32, 64]
// CHECK: %[[U:.*]] = sched.knob "unroll" = 4
// CHECK: %[[R:.*]] = sched.knob "tile_k" range 8 to 256 step 8
// CHECK: %[[IO:.*]], %[[II:.*]] = sched.split %i by 64
// CHECK: %[[JO:.*]], %[[JI:.*]] = sched.split %j by %[[T]]
// CHECK: sched.reorder %[[IO]], %[[JO]], %k, %[[II]], %[[JI]]
// CHECK: sched.parallel %[[IO]]
// CHECK: sched.unroll %k by %[[U]]
// CHECK: sched.vectorize %[[JI]]
sched.schedule @matmul_tiled for "matmul" {
  %i, %j, %k = sched.axes ["i", "j", "k"]
  %t = sched.knob "tile_j" choices [16, 32, 64]
  %u = sched.knob "unroll" = 4
  %r = sched.knob "tile_k" range 8 to 256 step 8
  %io, %ii = sched.split %i by 64
  %jo, %ji = sched.split %j by %t
  sched.reorder %io, %jo, %k, %ii, %ji
  sched.parallel %io
  sched.unroll %k by %u
  sched.vectorize %ji
}

// CHECK-LABEL: sched.schedule @everything for "conv"
// CHECK: sched.tile %n, %c by 2, 8
// CHECK: sched.pack %h by 4
// CHECK: sched.fuse
// CHECK: sched.parallel
// CHECK: sched.bind %{{.*}} to "thread.x"
// CHECK: sched.compute_at "pad" at
// CHECK: sched.compute_inline "bias"
// CHECK: sched.cache_read input 1 at %{{.*}} in 3 : i64
// CHECK: sched.cache_write at
sched.schedule @everything for "conv" {
  %n, %c, %h = sched.axes ["n", "c", "h"]
  %no, %co, %ni, %ci = sched.tile %n, %c by 2, 8
  %ho, %hi = sched.pack %h by 4
  %f = sched.fuse %no, %co
  sched.parallel %f
  sched.bind %ci to "thread.x"
  sched.compute_at "pad" at %ni
  sched.compute_inline "bias"
  sched.cache_read input 1 at %ni in 3 : i64
  sched.cache_write at %ni
}
