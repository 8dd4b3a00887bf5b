// RUN: tensor-opt %s -split-input-file --convert-sched-to-transform | FileCheck %s

// Split, reorder, parallel, unroll, vectorize and an open knob.
// CHECK-LABEL: transform.named_sequence @matmul_tiled(%{{.*}}: !transform.any_op {transform.readonly})
// CHECK: %[[KERNELS:.*]] = transform.structured.match attributes {te.stage = "matmul"} in
// CHECK: transform.foreach %[[KERNELS]]
// CHECK: %[[T:.*]] = transform.tune.knob<"tile_j"> = 32 : i64 from options = [32, 64] -> !transform.param<i64>
// CHECK: %[[T1:.*]], %[[FORALL:.*]] = transform.structured.tile_using_forall %{{.*}} tile_sizes [64, 0, 0]
// CHECK: %[[T2:.*]], %[[LOOPS:.*]]:2 = transform.structured.tile_using_for %[[T1]] tile_sizes [0, %[[T]], 1] : (!transform.any_op, !transform.param<i64>)
// CHECK: %[[FUNC:.*]] = transform.get_parent_op %[[T2]] {op_name = "func.func"}
// CHECK: transform.structured.vectorize %[[T2]]
// CHECK: transform.apply_patterns to %[[FUNC]]
// CHECK: transform.apply_patterns.tensor.fold_tensor_subset_ops_into_vector_transfers
// CHECK: transform.apply_cse to %[[FUNC]]
// CHECK: %[[FOR:.*]] = transform.structured.match ops{["scf.for"]} in %[[FORALL]]
// CHECK: transform.loop.hoist_loop_invariant_subsets %[[FOR]]
// CHECK: transform.loop.unroll %[[LOOPS]]#1 {factor = 4 : i64}
// CHECK-LABEL: transform.named_sequence @__transform_main
// CHECK: transform.include @matmul_tiled failures(propagate)
sched.schedule @matmul_tiled for "matmul" {
  %i, %j, %k = sched.axes ["i", "j", "k"]
  %t = sched.knob "tile_j" choices [32, 64]
  %io, %ii = sched.split %i by 64
  %jo, %ji = sched.split %j by %t
  sched.reorder %io, %jo, %k, %ii, %ji
  sched.parallel %io
  sched.unroll %k by 4
  sched.vectorize %ji
}

// -----

// Tile with a fixed knob, reorder of the point loops (interchange), two
// split levels (the outer step is the product of both factors).
// CHECK-LABEL: transform.named_sequence @two_levels
// CHECK: transform.structured.tile_using_for %{{.*}} tile_sizes [256, 32] :
// CHECK: transform.structured.tile_using_for %{{.*}} tile_sizes [64, 0] :
// CHECK: %[[G:.*]] = transform.structured.generalize
// CHECK: transform.structured.interchange %[[G]] iterator_interchange = [1, 0]
sched.schedule @two_levels for "add" {
  %i, %j = sched.axes ["i", "j"]
  %t = sched.knob "t" = 32
  %io, %jo, %ii, %ji = sched.tile %i, %j by 64, %t
  %ioo, %ioi = sched.split %io by 4
  sched.reorder %ioo, %jo, %ioi, %ji, %ii
}

// -----

// Bound and fused parallel loops: one scf.forall each, with GPU mapping.
// CHECK-LABEL: transform.named_sequence @gpu
// CHECK: transform.structured.tile_using_forall %{{.*}} tile_sizes [32, 32]{{ ?}}(mapping = [#gpu.block<y>, #gpu.block<x>])
// CHECK: transform.structured.tile_using_forall %{{.*}} tile_sizes [1, 4]{{ ?}}(mapping = [#gpu.thread<y>, #gpu.thread<x>])
sched.schedule @gpu for "add" {
  %i, %j = sched.axes ["i", "j"]
  %io, %jo, %ii, %ji = sched.tile %i, %j by 32, 32
  %iio, %jio, %iii, %jii = sched.tile %ii, %ji by 1, 4
  sched.bind %io to "block.y"
  sched.bind %jo to "block.x"
  sched.bind %iio to "thread.y"
  sched.bind %jio to "thread.x"
}

// -----

// CHECK-LABEL: transform.named_sequence @fused
// CHECK: transform.structured.tile_using_forall %{{.*}} tile_sizes [1, 16, 0]
// CHECK-NOT: tile_using
// CHECK: transform.yield
sched.schedule @fused for "bmm" {
  %b, %i, %j = sched.axes ["b", "i", "j"]
  %io, %ii = sched.split %i by 16
  %f = sched.fuse %b, %io
  sched.parallel %f
  sched.reorder %f, %ii, %j
}

// -----

// Pack, compute_at, compute_inline, cache_read and cache_write.
// CHECK-LABEL: transform.named_sequence @packed
// CHECK: %[[P:.*]] = transform.structured.pack %{{.*}} packed_sizes = [0, 0, 8]
// CHECK: %[[T1:.*]], %[[L0:.*]] = transform.structured.tile_using_for %[[P]] tile_sizes [16, 0, 0, 0]
// CHECK: %[[SLICE:.*]] = transform.get_producer_of_operand %[[T1]][0]
// CHECK: transform.structured.bufferize_to_allocation %[[SLICE]] :
// CHECK: transform.structured.bufferize_to_allocation %[[T1]] {bufferize_destination_only}
// CHECK: %[[AGAIN:.*]] = transform.structured.match attributes {te.stage = "mm"} in %[[L0]]
// CHECK: %[[T2:.*]], %[[L1:.*]] = transform.structured.tile_using_for %[[AGAIN]] tile_sizes [0, 4, 0, 0]
// CHECK: %[[FUNC:.*]] = transform.get_parent_op %[[T2]] {op_name = "func.func"}
// CHECK: %[[BIAS:.*]] = transform.structured.match attributes {te.stage = "bias"} in %[[FUNC]]
// CHECK: transform.structured.fuse_into_containing_op %[[BIAS]] into %[[L0]]
// CHECK: %[[RELU:.*]] = transform.structured.match attributes {te.stage = "relu"} in %[[FUNC]]
// CHECK: transform.structured.fuse_into_containing_op %[[RELU]] into %[[L1]]
sched.schedule @packed for "mm" {
  %i, %j, %k = sched.axes ["i", "j", "k"]
  %ko, %ki = sched.pack %k by 8
  %io, %ii = sched.split %i by 16
  %jo, %ji = sched.split %j by 4
  sched.reorder %io, %jo, %ii, %ji, %ko, %ki
  sched.cache_read input 0 at %io
  sched.cache_write at %io
  sched.compute_at "bias" at %io
  sched.compute_inline "relu"
}

