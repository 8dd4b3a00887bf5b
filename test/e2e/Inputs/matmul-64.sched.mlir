// A user schedule for the MatMul of sched-file.test: a parallel outer loop,
// register tiles of 8x16 vectorized, the reduction axis as a loop.
sched.schedule @matmul_user for "matmul" {
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
