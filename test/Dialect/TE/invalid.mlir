// RUN: tensor-opt %s -split-input-file -verify-diagnostics

func.func @axis_count(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{has 2 axis names for results of rank 1}}
  %r = te.compute "f" axes ["i", "j"] ins(%a : tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%i: index, %j: index, %A: tensor<4xf32>):
    %v = te.read %A[%i] : tensor<4xf32>
    te.yield %v : f32
  }
  return %r : tensor<4xf32>
}

// -----

func.func @duplicate_names(%a: tensor<4x4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{axis names must be unique and non-empty, got 'i' twice or empty}}
  %r = te.compute "f" axes ["i"] reduce ["i"] [4] combiner sum ins(%a : tensor<4x4xf32>) -> tensor<4xf32> {
  ^bb0(%i: index, %k: index, %A: tensor<4x4xf32>):
    %v = te.read %A[%i, %k] : tensor<4x4xf32>
    te.yield %v : f32
  }
  return %r : tensor<4xf32>
}

// -----

func.func @bad_extent(%a: tensor<4x4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{reduction extents must be positive, got 0}}
  %r = te.compute "f" axes ["i"] reduce ["k"] [0] combiner sum ins(%a : tensor<4x4xf32>) -> tensor<4xf32> {
  ^bb0(%i: index, %k: index, %A: tensor<4x4xf32>):
    %v = te.read %A[%i, %k] : tensor<4x4xf32>
    te.yield %v : f32
  }
  return %r : tensor<4xf32>
}

// -----

func.func @missing_size(%a: tensor<?xf32>) -> tensor<?xf32> {
  // expected-error@+1 {{needs one size operand per dynamic result dimension (1), got 0}}
  %r = te.compute "f" axes ["i"] ins(%a : tensor<?xf32>) -> tensor<?xf32> {
  ^bb0(%i: index, %A: tensor<?xf32>):
    %v = te.read %A[%i] : tensor<?xf32>
    te.yield %v : f32
  }
  return %r : tensor<?xf32>
}

// -----

func.func @yield_type(%a: tensor<4xf32>) -> tensor<4xf32> {
  %r = te.compute "f" axes ["i"] ins(%a : tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%i: index, %A: tensor<4xf32>):
    %v = arith.index_cast %i : index to i32
    // expected-error@+1 {{yields 'i32' for a result of type 'tensor<4xf32>'}}
    te.yield %v : i32
  }
  return %r : tensor<4xf32>
}

// -----

func.func @body_arguments(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{body needs 2 arguments (1 output indices, 0 reduction indices, 1 inputs), got 1}}
  %r = te.compute "f" axes ["i"] ins(%a : tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%i: index):
    %c = arith.constant 1.0 : f32
    te.yield %c : f32
  }
  return %r : tensor<4xf32>
}

// -----

func.func @multi_result_builtin(%a: tensor<4x4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  // expected-error@+1 {{combiner 'max' reduces one result; use a custom combiner for 2}}
  %r:2 = te.compute "f" axes ["i"] reduce ["k"] [4] combiner max ins(%a : tensor<4x4xf32>) -> tensor<4xf32>, tensor<4xf32> {
  ^bb0(%i: index, %k: index, %A: tensor<4x4xf32>):
    %v = te.read %A[%i, %k] : tensor<4x4xf32>
    te.yield %v, %v : f32, f32
  }
  return %r#0, %r#1 : tensor<4xf32>, tensor<4xf32>
}

// -----

func.func @custom_without_inits(%a: tensor<4x4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{custom combiner needs one init per result}}
  %r = te.compute "f" axes ["i"] reduce ["k"] [4] combiner custom ins(%a : tensor<4x4xf32>) -> tensor<4xf32> {
  ^bb0(%i: index, %k: index, %A: tensor<4x4xf32>):
    %v = te.read %A[%i, %k] : tensor<4x4xf32>
    te.yield %v : f32
  }
  return %r : tensor<4xf32>
}

// -----

func.func @combiner_without_reduction(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{has a combiner but no reduction axes}}
  %r = te.compute "f" axes ["i"] ins(%a : tensor<4xf32>) {combiner = 0 : i32} -> tensor<4xf32> {
  ^bb0(%i: index, %A: tensor<4xf32>):
    %v = te.read %A[%i] : tensor<4xf32>
    te.yield %v : f32
  }
  return %r : tensor<4xf32>
}

// -----

func.func @read_rank(%a: tensor<4x4xf32>) -> tensor<4xf32> {
  %r = te.compute "f" axes ["i"] ins(%a : tensor<4x4xf32>) -> tensor<4xf32> {
  ^bb0(%i: index, %A: tensor<4x4xf32>):
    // expected-error@+1 {{reads a rank-2 tensor with 1 indices}}
    %v = te.read %A[%i] : tensor<4x4xf32>
    te.yield %v : f32
  }
  return %r : tensor<4xf32>
}

// -----

func.func @isolated(%a: tensor<4xf32>, %s: f32) -> tensor<4xf32> {
  // expected-note@+1 {{required by region isolation constraints}}
  %r = te.compute "f" axes ["i"] ins(%a : tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%i: index, %A: tensor<4xf32>):
    // expected-error@+1 {{using value defined outside the region}}
    te.yield %s : f32
  }
  return %r : tensor<4xf32>
}
