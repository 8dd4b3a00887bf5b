// RUN: tensor-opt %s --convert-te-to-linalg --split-input-file | FileCheck %s
// RUN: tensor-opt %s --convert-te-to-linalg="specialize-named-ops=false" --split-input-file | FileCheck %s --check-prefix=GENERIC

// A contraction with affine reads is a named op.
// CHECK-LABEL: func.func @matmul
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32)
// CHECK: linalg.matmul {te.stage = "matmul"} ins(%arg0, %arg1 : tensor<4x64xf32>, tensor<64x8xf32>) outs(%[[INIT]] : tensor<4x8xf32>)
// GENERIC-LABEL: func.func @matmul
// GENERIC: linalg.generic {indexing_maps = [#[[A:.*]], #[[B:.*]], #[[C:.*]]], iterator_types = ["parallel", "parallel", "reduction"]}
// GENERIC: arith.mulf
// GENERIC: arith.addf
func.func @matmul(%a: tensor<4x64xf32>, %b: tensor<64x8xf32>) -> tensor<4x8xf32> {
  %c = te.compute "matmul" axes ["i", "j"] reduce ["k"] [64] combiner sum
         ins(%a, %b : tensor<4x64xf32>, tensor<64x8xf32>) -> tensor<4x8xf32> {
  ^bb0(%i: index, %j: index, %k: index, %A: tensor<4x64xf32>, %B: tensor<64x8xf32>):
    %x = te.read %A[%i, %k] : tensor<4x64xf32>
    %y = te.read %B[%k, %j] : tensor<64x8xf32>
    %p = arith.mulf %x, %y : f32
    te.yield %p : f32
  }
  return %c : tensor<4x8xf32>
}

// -----

// Reads of one tensor at one map share an operand; a broadcast read is a
// projected map. Dynamic sizes that are dims of the input keep its shape.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @square_plus_bias
// CHECK: %[[DIM:.*]] = tensor.dim %arg0
// CHECK: %[[EMPTY:.*]] = tensor.empty(%[[DIM]]) : tensor<?x8xf32>
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[ROW]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%arg0, %arg1 : tensor<?x8xf32>, tensor<8xf32>) outs(%[[EMPTY]] : tensor<?x8xf32>)
// CHECK-NEXT: ^bb0(%[[X:.*]]: f32, %[[B:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[SQ:.*]] = arith.mulf %[[X]], %[[X]] : f32
// CHECK: %[[SUM:.*]] = arith.addf %[[SQ]], %[[B]] : f32
// CHECK: linalg.yield %[[SUM]] : f32
func.func @square_plus_bias(%x: tensor<?x8xf32>, %b: tensor<8xf32>) -> tensor<?x8xf32> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?x8xf32>
  %r = te.compute "square_plus_bias" axes ["n", "c"] ins(%x, %b : tensor<?x8xf32>, tensor<8xf32>) sizes(%n) -> tensor<?x8xf32> {
  ^bb0(%i: index, %j: index, %X: tensor<?x8xf32>, %B: tensor<8xf32>):
    %v = te.read %X[%i, %j] : tensor<?x8xf32>
    %w = te.read %X[%i, %j] : tensor<?x8xf32>
    %bias = te.read %B[%j] : tensor<8xf32>
    %sq = arith.mulf %v, %w : f32
    %s = arith.addf %sq, %bias : f32
    te.yield %s : f32
  }
  return %r : tensor<?x8xf32>
}

// -----

// A padded affine read with static bounds pads the input and shifts the map:
// a 3x3 convolution with padding 1, kept structured (and a named conv).
// CHECK-LABEL: func.func @conv_pad1
// CHECK: %[[PADDED:.*]] = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1]
// CHECK: tensor<1x2x10x10xf32>
// CHECK: linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>, te.stage = "conv"} ins(%[[PADDED]], %arg1 : tensor<1x2x10x10xf32>, tensor<4x2x3x3xf32>)
func.func @conv_pad1(%x: tensor<1x2x8x8xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<1x4x8x8xf32> {
  %y = te.compute "conv" axes ["n", "f", "h", "w"] reduce ["c", "kh", "kw"] [2, 3, 3] combiner sum
         ins(%x, %w : tensor<1x2x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x8x8xf32> {
  ^bb0(%n: index, %f: index, %h: index, %ww: index, %c: index, %kh: index, %kw: index,
       %X: tensor<1x2x8x8xf32>, %W: tensor<4x2x3x3xf32>):
    %c1 = arith.constant 1 : index
    %zero = arith.constant 0.0 : f32
    %hh = arith.addi %h, %kh : index
    %ih = arith.subi %hh, %c1 : index
    %wsum = arith.addi %ww, %kw : index
    %iw = arith.subi %wsum, %c1 : index
    %xv = te.read %X[%n, %c, %ih, %iw] padding %zero : tensor<1x2x8x8xf32>
    %wv = te.read %W[%f, %c, %kh, %kw] : tensor<4x2x3x3xf32>
    %p = arith.mulf %xv, %wv : f32
    te.yield %p : f32
  }
  return %y : tensor<1x4x8x8xf32>
}

// -----

// Non-affine reads (a gathered index, floordiv of a loop index by a
// non-constant) become tensor.extract; a padded one checks its bounds.
// CHECK-LABEL: func.func @gather
// CHECK: linalg.generic
// CHECK-SAME: ins(%arg1 : tensor<3xi64>)
// CHECK: ^bb0(%[[IDX:.*]]: i64, %{{.*}}: f32):
// CHECK: %[[ROW:.*]] = arith.index_cast %[[IDX]] : i64 to index
// CHECK: arith.cmpi slt, %[[ROW]]
// CHECK: scf.if %{{.*}} -> (f32) {
// CHECK-NEXT: tensor.extract %arg0[%[[ROW]], %{{.*}}] : tensor<5x4xf32>
// CHECK: } else {
// CHECK-NEXT: scf.yield %{{.*}} : f32
func.func @gather(%table: tensor<5x4xf32>, %ids: tensor<3xi64>) -> tensor<3x4xf32> {
  %r = te.compute "gather" axes ["i", "j"] ins(%table, %ids : tensor<5x4xf32>, tensor<3xi64>) -> tensor<3x4xf32> {
  ^bb0(%i: index, %j: index, %T: tensor<5x4xf32>, %I: tensor<3xi64>):
    %zero = arith.constant 0.0 : f32
    %id = te.read %I[%i] : tensor<3xi64>
    %row = arith.index_cast %id : i64 to index
    %v = te.read %T[%row, %j] padding %zero : tensor<5x4xf32>
    te.yield %v : f32
  }
  return %r : tensor<3x4xf32>
}

// -----

// A reduction extent no operand gives (the read is not affine) is carried by
// an operand of its shape; max starts at -inf. Reads under scf.if stay
// there.
// CHECK-DAG: #[[CARRY:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @strided_max
// CHECK: %[[CARRIER:.*]] = tensor.empty() : tensor<4xi1>
// CHECK: arith.constant 0xFF800000 : f32
// CHECK: linalg.generic {indexing_maps = [#[[CARRY]], {{.*}}], iterator_types = ["parallel", "reduction"]} ins(%[[CARRIER]] : tensor<4xi1>)
// CHECK: scf.if
// CHECK: tensor.extract %arg0
// CHECK: arith.maximumf
func.func @strided_max(%x: tensor<2x16xf32>, %flag: i1) -> tensor<2xf32> {
  %r = te.compute "strided_max" axes ["i"] reduce ["k"] [4] combiner max ins(%x : tensor<2x16xf32>) -> tensor<2xf32> {
  ^bb0(%i: index, %k: index, %X: tensor<2x16xf32>):
    %c3 = arith.constant 3 : index
    %true = arith.constant true
    %j = arith.muli %k, %c3 : index
    %v = scf.if %true -> (f32) {
      %e = te.read %X[%i, %j] : tensor<2x16xf32>
      scf.yield %e : f32
    } else {
      %z = arith.constant 0.0 : f32
      scf.yield %z : f32
    }
    te.yield %v : f32
  }
  return %r : tensor<2xf32>
}

// -----

// A custom two-result reduction (argmax) starts from its inits and applies
// the combine region.
// CHECK-LABEL: func.func @argmax
// CHECK-DAG: %[[NEG_INF:.*]] = arith.constant 0xFF800000 : f32
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0 : i64
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]} ins(%arg0 : tensor<4x7xf32>) outs(%{{.*}}, %{{.*}} : tensor<4xf32>, tensor<4xi64>)
// CHECK: ^bb0(%[[V:.*]]: f32, %[[ACC:.*]]: f32, %[[ACCI:.*]]: i64):
// CHECK: %[[GT:.*]] = arith.cmpf ogt, %[[V]], %[[ACC]] : f32
// CHECK: arith.select %[[GT]], %[[V]], %[[ACC]] : f32
// CHECK: linalg.yield
func.func @argmax(%x: tensor<4x7xf32>) -> (tensor<4xf32>, tensor<4xi64>) {
  %m, %a = te.compute "argmax" axes ["i"] reduce ["k"] [7] combiner custom
             inits [0xFF800000 : f32, 0 : i64]
             ins(%x : tensor<4x7xf32>) -> tensor<4xf32>, tensor<4xi64> {
  ^bb0(%i: index, %j: index, %X: tensor<4x7xf32>):
    %v = te.read %X[%i, %j] : tensor<4x7xf32>
    %jj = arith.index_cast %j : index to i64
    te.yield %v, %jj : f32, i64
  } combine {
  ^bb0(%accv: f32, %acci: i64, %v: f32, %vi: i64):
    %gt = arith.cmpf ogt, %v, %accv : f32
    %nv = arith.select %gt, %v, %accv : f32
    %ni = arith.select %gt, %vi, %acci : i64
    te.yield %nv, %ni : f32, i64
  }
  return %m, %a : tensor<4xf32>, tensor<4xi64>
}

// -----

// A transposed contraction stays generic: MLIR 22's specialization would
// drop the transpose. Index arithmetic feeding only indexing maps leaves the
// body.
// CHECK-LABEL: func.func @matmul_transposed_b
// CHECK: linalg.generic
// CHECK-NOT: linalg.matmul
// CHECK-LABEL: func.func @transpose
// CHECK: linalg.generic
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: linalg.yield %[[IN]] : f32
func.func @matmul_transposed_b(%a: tensor<4x64xf32>, %b: tensor<8x64xf32>) -> tensor<4x8xf32> {
  %c = te.compute "matmul" axes ["i", "j"] reduce ["k"] [64] combiner sum
         ins(%a, %b : tensor<4x64xf32>, tensor<8x64xf32>) -> tensor<4x8xf32> {
  ^bb0(%i: index, %j: index, %k: index, %A: tensor<4x64xf32>, %B: tensor<8x64xf32>):
    %x = te.read %A[%i, %k] : tensor<4x64xf32>
    %y = te.read %B[%j, %k] : tensor<8x64xf32>
    %p = arith.mulf %x, %y : f32
    te.yield %p : f32
  }
  return %c : tensor<4x8xf32>
}

func.func @transpose(%a: tensor<4x8xf32>) -> tensor<8x4xf32> {
  %t = te.compute "transpose" axes ["d0", "d1"] ins(%a : tensor<4x8xf32>) -> tensor<8x4xf32> {
  ^bb0(%i: index, %j: index, %A: tensor<4x8xf32>):
    %x = te.read %A[%j, %i] : tensor<4x8xf32>
    te.yield %x : f32
  }
  return %t : tensor<8x4xf32>
}

// -----

// A rank-0 result (a full reduction).
// CHECK-LABEL: func.func @sum_all
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #{{.*}}], iterator_types = ["reduction"]} ins(%arg0 : tensor<5xf32>) outs(%{{.*}} : tensor<f32>)
func.func @sum_all(%a: tensor<5xf32>) -> tensor<f32> {
  %s = te.compute "sum" axes [] reduce ["k"] [5] combiner sum ins(%a : tensor<5xf32>) -> tensor<f32> {
  ^bb0(%k: index, %A: tensor<5xf32>):
    %x = te.read %A[%k] : tensor<5xf32>
    te.yield %x : f32
  }
  return %s : tensor<f32>
}
