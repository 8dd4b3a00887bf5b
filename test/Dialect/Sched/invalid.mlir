// RUN: tensor-opt %s -split-input-file -verify-diagnostics

sched.schedule @split_twice for "f" {
  %i = sched.axes ["i"]
  // expected-note@+1 {{replaced here}}
  %io, %ii = sched.split %i by 4
  // expected-error@+1 {{'sched.split' op uses a loop that 'sched.split' already replaced}}
  %a, %b = sched.split %i by 8
}

// -----

sched.schedule @zero_factor for "f" {
  %i = sched.axes ["i"]
  // expected-error@+1 {{'sched.split' op needs a positive factor, got 0}}
  %io, %ii = sched.split %i by 0
}

// -----

sched.schedule @reorder_twice for "f" {
  %i, %j = sched.axes ["i", "j"]
  // expected-error@+1 {{'sched.reorder' op lists a loop twice}}
  sched.reorder %i, %j, %i
}

// -----

sched.schedule @inner_outside for "f" {
  %i = sched.axes ["i"]
  %io, %ii = sched.split %i by 4
  // expected-error@+1 {{'sched.reorder' op places a loop of axis 'i' outside a loop that encloses it in split order}}
  sched.reorder %ii, %io
}

// -----

sched.schedule @vectorize_outer for "f" {
  %i, %j = sched.axes ["i", "j"]
  // expected-error@+1 {{'sched.vectorize' op vectorizes a loop that is not the innermost one}}
  sched.vectorize %i
}

// -----

sched.schedule @annotate_replaced for "f" {
  %i = sched.axes ["i"]
  // expected-error@+1 {{'sched.parallel' op annotates a loop that 'sched.split' replaced}}
  sched.parallel %i
  // expected-note@+1 {{replaced here}}
  %io, %ii = sched.split %i by 4
}

// -----

sched.schedule @fuse_not_adjacent for "f" {
  %i, %j, %k = sched.axes ["i", "j", "k"]
  // expected-error@+1 {{'sched.fuse' op needs 'outer' to directly enclose 'inner'}}
  %f = sched.fuse %i, %k
}

// -----

sched.schedule @bind_twice for "f" {
  %i, %j = sched.axes ["i", "j"]
  sched.bind %i to "block.x"
  // expected-error@+1 {{'sched.bind' op binds a second loop to 'block.x'}}
  sched.bind %j to "block.x"
}

// -----

sched.schedule @bad_target for "f" {
  %i = sched.axes ["i"]
  // expected-error@+1 {{'sched.bind' op binds to 'block.w', not one of}}
  sched.bind %i to "block.w"
}

// -----

sched.schedule @knob_value for "f" {
  %i = sched.axes ["i"]
  // expected-error@+1 {{'sched.knob' op needs distinct positive choices, got 0}}
  %t = sched.knob "t" choices [4, 0]
}

// -----

sched.schedule @knob_names for "f" {
  %i = sched.axes ["i"]
  %t = sched.knob "t" = 4
  // expected-error@+1 {{'sched.knob' op reuses the knob name 't' of this schedule}}
  %u = sched.knob "t" = 8
}

// -----

// expected-error@+1 {{'sched.schedule' op needs a 'sched.axes' as its first op}}
sched.schedule @no_axes for "f" {
  %t = sched.knob "t" = 4
}

// -----

sched.schedule @pack_split_loop for "f" {
  %i = sched.axes ["i"]
  %io, %ii = sched.split %i by 4
  // expected-error@+1 {{'sched.pack' op packs a loop made from an axis; it packs axes of the stage only}}
  %a, %b = sched.pack %ii by 2
}

// -----

func.func @matmul(%a: tensor<4x8xf32>, %b: tensor<8x4xf32>) -> tensor<4x4xf32> {
  %c = te.compute "matmul" axes ["i", "j"] reduce ["k"] [8] combiner sum
         ins(%a, %b : tensor<4x8xf32>, tensor<8x4xf32>) -> tensor<4x4xf32> {
  ^bb0(%i: index, %j: index, %k: index, %A: tensor<4x8xf32>, %B: tensor<8x4xf32>):
    %x = te.read %A[%i, %k] : tensor<4x8xf32>
    %y = te.read %B[%k, %j] : tensor<8x4xf32>
    %p = arith.mulf %x, %y : f32
    te.yield %p : f32
  }
  return %c : tensor<4x4xf32>
}

sched.schedule @parallel_reduction for "matmul" {
  %i, %j, %k = sched.axes ["i", "j", "k"]
  // expected-error@+1 {{'sched.parallel' op runs reduction axis 'k' in parallel}}
  sched.parallel %k
}

// -----

func.func @matmul(%a: tensor<4x8xf32>, %b: tensor<8x4xf32>) -> tensor<4x4xf32> {
  %c = te.compute "matmul" axes ["i", "j"] reduce ["k"] [8] combiner sum
         ins(%a, %b : tensor<4x8xf32>, tensor<8x4xf32>) -> tensor<4x4xf32> {
  ^bb0(%i: index, %j: index, %k: index, %A: tensor<4x8xf32>, %B: tensor<8x4xf32>):
    %x = te.read %A[%i, %k] : tensor<4x8xf32>
    %y = te.read %B[%k, %j] : tensor<8x4xf32>
    %p = arith.mulf %x, %y : f32
    te.yield %p : f32
  }
  return %c : tensor<4x4xf32>
}

sched.schedule @wrong_axes for "matmul" {
  // expected-error@+1 {{'sched.axes' op names axes ["i", "k"] but stage 'matmul' has axes ["i", "j", "k"]}}
  %i, %k = sched.axes ["i", "k"]
}
