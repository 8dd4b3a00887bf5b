// RUN: tensor-opt %s --convert-graph-to-te --split-input-file | FileCheck %s
// RUN: tensor-opt %s --convert-graph-to-te --convert-te-to-linalg --split-input-file | FileCheck %s --check-prefix=LINALG

// LSTM: the input projection of all steps before the loop, then an scf.for
// over the sequence carrying h, c and Y, whose body is the recurrence matmul
// and the gate math (gates i, o, f, c; peepholes i, o, f; clip on every
// gate input), and inserts h into Y.
// CHECK-LABEL: func.func @lstm
// CHECK: %[[W:.*]] = tensor.extract_slice %arg1[0, 0, 0] [1, 12, 4] [1, 1, 1] : tensor<1x12x4xf32> to tensor<12x4xf32>
// CHECK: %[[R:.*]] = tensor.extract_slice %arg2[0, 0, 0] [1, 12, 3] [1, 1, 1] : tensor<1x12x3xf32> to tensor<12x3xf32>
// CHECK: %[[RT:.*]] = te.compute "lstm.recurrence_t" axes ["k", "j"] ins(%[[R]] : tensor<12x3xf32>) -> tensor<3x12xf32>
// CHECK: %[[B:.*]] = tensor.expand_shape %{{.*}} {{\[\[}}0, 1]] output_shape [8, 3] : tensor<24xf32> into tensor<8x3xf32>
// CHECK: %[[P:.*]] = tensor.expand_shape %{{.*}} {{\[\[}}0, 1]] output_shape [3, 3] : tensor<9xf32> into tensor<3x3xf32>
// CHECK: %[[XW:.*]] = te.compute "lstm.input" axes ["t", "b", "j"] reduce ["k"] [4] combiner sum ins(%arg0, %[[W]] : tensor<5x2x4xf32>, tensor<12x4xf32>) -> tensor<5x2x12xf32>
// CHECK: te.read %in0[%t, %b, %k]
// CHECK: te.read %in1[%j, %k]
// CHECK: %[[H0:.*]] = tensor.extract_slice %arg4[0, 0, 0] [1, 2, 3] [1, 1, 1] : tensor<1x2x3xf32> to tensor<2x3xf32>
// CHECK: %[[C0:.*]] = tensor.extract_slice %arg5[0, 0, 0] [1, 2, 3] [1, 1, 1] : tensor<1x2x3xf32> to tensor<2x3xf32>
// CHECK: %[[Y0:.*]] = tensor.empty() : tensor<5x1x2x3xf32>
// CHECK: %[[LOOP:.*]]:3 = scf.for %[[T:.*]] = %{{.*}} to %c5 step %{{.*}} iter_args(%[[H:.*]] = %[[H0]], %[[C:.*]] = %[[C0]], %[[Y:.*]] = %[[Y0]])
// CHECK: %[[XT:.*]] = tensor.extract_slice %[[XW]][%[[T]], 0, 0] [1, 2, 12] [1, 1, 1] : tensor<5x2x12xf32> to tensor<2x12xf32>
// CHECK: %[[XG:.*]] = tensor.expand_shape %[[XT]] {{\[\[}}0], [1, 2]] output_shape [2, 4, 3] : tensor<2x12xf32> into tensor<2x4x3xf32>
// CHECK: %[[HR:.*]] = te.compute "lstm.recurrence" axes ["b", "j"] reduce ["k"] [3] combiner sum ins(%[[H]], %[[RT]] : tensor<2x3xf32>, tensor<3x12xf32>) -> tensor<2x12xf32>
// CHECK: %[[HG:.*]] = tensor.expand_shape %[[HR]]
// CHECK: %[[CELL:.*]]:2 = te.compute "lstm.cell" axes ["b", "h"] ins(%[[XG]], %[[HG]], %[[C]], %[[B]], %[[P]] : tensor<2x4x3xf32>, tensor<2x4x3xf32>, tensor<2x3xf32>, tensor<8x3xf32>, tensor<3x3xf32>) -> tensor<2x3xf32>, tensor<2x3xf32>
// CHECK: arith.maximumf
// CHECK: arith.minimumf
// CHECK: math.exp
// CHECK: math.tanh
// CHECK: %[[YT:.*]] = tensor.insert_slice %[[CELL]]#0 into %[[Y]][%[[T]], 0, 0, 0] [1, 1, 2, 3] [1, 1, 1, 1] : tensor<2x3xf32> into tensor<5x1x2x3xf32>
// CHECK: scf.yield %[[CELL]]#0, %[[CELL]]#1, %[[YT]]
// CHECK: tensor.insert_slice %[[LOOP]]#0 into %{{.*}}[0, 0, 0] [1, 2, 3] [1, 1, 1] : tensor<2x3xf32> into tensor<1x2x3xf32>
// CHECK: tensor.insert_slice %[[LOOP]]#1 into %{{.*}}[0, 0, 0] [1, 2, 3] [1, 1, 1] : tensor<2x3xf32> into tensor<1x2x3xf32>
// The step's stages lower inside the loop; the recurrence is a matmul and
// the gate math one generic whose reads are all indexing maps.
// LINALG-LABEL: func.func @lstm
// LINALG: scf.for
// LINALG: linalg.matmul {{.*}}ins(%{{.*}}, %{{.*}} : tensor<2x3xf32>, tensor<3x12xf32>)
// LINALG: linalg.generic
// LINALG-NOT: tensor.extract %
// LINALG: linalg.yield
// LINALG: tensor.insert_slice
// LINALG: scf.yield
func.func @lstm(%x: tensor<5x2x4xf32>, %w: tensor<1x12x4xf32>, %r: tensor<1x12x3xf32>, %b: tensor<1x24xf32>, %h0: tensor<1x2x3xf32>, %c0: tensor<1x2x3xf32>, %p: tensor<1x9xf32>) -> (tensor<5x1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>) {
  %y, %h, %c = graph.lstm %x, %w, %r bias(%b) initial_h(%h0) initial_c(%c0) peepholes(%p) {hidden_size = 3 : i64, clip = 2.5 : f32} : (tensor<5x2x4xf32>, tensor<1x12x4xf32>, tensor<1x12x3xf32>, tensor<1x24xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x9xf32>) -> (tensor<5x1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>)
  return %y, %h, %c : tensor<5x1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>
}

// -----

// input_forget couples the forget gate to the input gate: f = 1 - i.
// CHECK-LABEL: func.func @lstm_input_forget
// CHECK: te.compute "lstm.cell"
// CHECK: %[[I:.*]] = arith.divf %{{.*}}, %{{.*}} : f32
// CHECK: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: arith.subf %[[ONE]], %[[I]] : f32
func.func @lstm_input_forget(%x: tensor<1x2x4xf32>, %w: tensor<1x12x4xf32>, %r: tensor<1x12x3xf32>) -> tensor<1x2x3xf32> {
  %y, %h, %c = graph.lstm %x, %w, %r {input_forget = 1 : i64} : (tensor<1x2x4xf32>, tensor<1x12x4xf32>, tensor<1x12x3xf32>) -> (tensor<1x1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>)
  return %h : tensor<1x2x3xf32>
}

// -----

// Bidirectional GRU with dynamic sizes: one loop per direction up to the
// dynamic seq_length, the second reading step seq_length - 1 - t; without
// linear_before_reset the hidden gate's recurrence is (r .* H) * Rh^T. Y is
// unused: the loops carry only h.
// CHECK-LABEL: func.func @gru
// CHECK: %[[S:.*]] = tensor.dim %arg0, %c0
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c1
// CHECK: te.compute "gru.input" {{.*}} sizes(%[[S]], %[[N]]) -> tensor<?x?x15xf32>
// CHECK: te.compute "gru.initial_h" axes ["b", "h"] sizes(%[[N]]) -> tensor<?x5xf32>
// CHECK: %[[FWD:.*]] = scf.for %[[T:.*]] = %{{.*}} to %[[S]] step %{{.*}} iter_args(%{{.*}} = %{{.*}}) -> (tensor<?x5xf32>)
// CHECK: tensor.extract_slice %{{.*}}[%[[T]], 0, 0] [1, %[[N]], 15]
// CHECK: te.compute "gru.recurrence" axes ["b", "j"] {{.*}} -> tensor<?x10xf32>
// CHECK: %[[ZR:.*]]:2 = te.compute "gru.gates"
// CHECK: te.compute "gru.reset_recurrence" axes ["b", "j"] reduce ["k"] [5] combiner sum ins(%{{.*}}, %{{.*}}, %[[ZR]]#1 : tensor<?x5xf32>, tensor<5x15xf32>, tensor<?x5xf32>)
// CHECK: %[[ROW:.*]] = arith.addi %j, %c10
// CHECK: te.read %in1[%k, %[[ROW]]]
// CHECK: te.compute "gru.cell"
// CHECK: math.tanh
// CHECK: %[[BWD:.*]] = scf.for %[[T2:.*]] = %{{.*}} to %[[S]]
// CHECK: %[[LAST:.*]] = arith.subi %[[S]], %c1
// CHECK: %[[STEP:.*]] = arith.subi %[[LAST]], %[[T2]]
// CHECK: tensor.extract_slice %{{.*}}[%[[STEP]], 0, 0]
// CHECK: %[[E:.*]] = tensor.empty(%[[N]]) : tensor<2x?x5xf32>
// CHECK: %[[F:.*]] = tensor.insert_slice %[[FWD]] into %[[E]][0, 0, 0] [1, %[[N]], 5]
// CHECK: tensor.insert_slice %[[BWD]] into %[[F]][1, 0, 0] [1, %[[N]], 5]
// LINALG-LABEL: func.func @gru
// LINALG: scf.for
// LINALG: linalg.matmul
// LINALG: scf.for
// LINALG: linalg.matmul
func.func @gru(%x: tensor<?x?x4xf32>, %w: tensor<2x15x4xf32>, %r: tensor<2x15x5xf32>) -> tensor<2x?x5xf32> {
  %y, %h = graph.gru %x, %w, %r {direction = "bidirectional"} : (tensor<?x?x4xf32>, tensor<2x15x4xf32>, tensor<2x15x5xf32>) -> (tensor<?x2x?x5xf32>, tensor<2x?x5xf32>)
  return %h : tensor<2x?x5xf32>
}

// -----

// linear_before_reset: the recurrence covers all three gates and r scales
// the hidden gate's (recurrence + Rbh).
// CHECK-LABEL: func.func @gru_linear_before_reset
// CHECK: te.compute "gru.recurrence" {{.*}} -> tensor<2x15xf32>
// CHECK: %[[RG:.*]] = tensor.expand_shape %{{.*}} output_shape [2, 3, 5]
// CHECK: %[[ZR:.*]]:2 = te.compute "gru.gates"
// CHECK-NOT: reset_recurrence
// CHECK: te.compute "gru.cell" axes ["b", "h"] ins(%{{.*}}, %[[ZR]]#0, %{{.*}}, %[[RG]], %[[ZR]]#1, %{{.*}} :
// CHECK: te.read %in3[%b, %c2{{.*}}, %h]
// CHECK: te.read %in5[%c5{{.*}}, %h]
// CHECK: te.read %in4[%b, %h]
// CHECK: arith.mulf
func.func @gru_linear_before_reset(%x: tensor<3x2x4xf32>, %w: tensor<1x15x4xf32>, %r: tensor<1x15x5xf32>, %b: tensor<1x30xf32>) -> tensor<1x2x5xf32> {
  %y, %h = graph.gru %x, %w, %r bias(%b) {linear_before_reset = 1 : i64} : (tensor<3x2x4xf32>, tensor<1x15x4xf32>, tensor<1x15x5xf32>, tensor<1x30xf32>) -> (tensor<3x1x2x5xf32>, tensor<1x2x5xf32>)
  return %h : tensor<1x2x5xf32>
}

// -----

// RNN, batch first (layout 1), reverse, a dynamic batch from initial_h and
// a LeakyRelu with its alpha: X is read at (b, t, k), Y written at
// [0, step, 0, 0].
// CHECK-LABEL: func.func @rnn
// CHECK: te.compute "rnn.input" axes ["t", "b", "j"] {{.*}} -> tensor<7x?x4xf32>
// CHECK: te.read %in0[%b, %t, %k]
// CHECK: %[[H0:.*]] = tensor.extract_slice %arg3[0, 0, 0] [%{{.*}}, 1, 4] [1, 1, 1] : tensor<?x1x4xf32> to tensor<?x4xf32>
// CHECK: scf.for %[[T:.*]] = %{{.*}} to %c7 {{.*}} iter_args(%{{.*}} = %[[H0]], %[[Y:.*]] = %{{.*}})
// CHECK: %[[LAST:.*]] = arith.subi %c7, %c1
// CHECK: %[[STEP:.*]] = arith.subi %[[LAST]], %[[T]]
// CHECK: %[[CELL:.*]] = te.compute "rnn.cell"
// CHECK: %[[ALPHA:.*]] = arith.constant 5.000000e-01 : f32
// CHECK: %[[SCALED:.*]] = arith.mulf %[[ALPHA]]
// CHECK: arith.select %{{.*}}, %{{.*}}, %[[SCALED]]
// CHECK: tensor.insert_slice %[[CELL]] into %[[Y]][0, %[[STEP]], 0, 0] [%{{.*}}, 1, 1, 4] [1, 1, 1, 1] : tensor<?x4xf32> into tensor<?x7x1x4xf32>
func.func @rnn(%x: tensor<?x7x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>, %h0: tensor<?x1x4xf32>) -> tensor<?x7x1x4xf32> {
  %y, %h = graph.rnn %x, %w, %r initial_h(%h0) {direction = "reverse", layout = 1 : i64, activations = ["LeakyRelu"], activation_alpha = array<f32: 0.5>} : (tensor<?x7x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>, tensor<?x1x4xf32>) -> (tensor<?x7x1x4xf32>, tensor<?x1x4xf32>)
  return %y : tensor<?x7x1x4xf32>
}

// -----

// Every activation ONNX lists, with alphas and betas consumed in order
// (and defaults where they run out: HardSigmoid 0.2, 0.5).
// CHECK-LABEL: func.func @activations
// CHECK: te.compute "rnn.cell"
// CHECK: arith.constant 2.000000e+00 : f32
// CHECK: arith.constant 3.000000e+00 : f32
// CHECK: math.tanh
// CHECK: te.compute "rnn.cell"
// CHECK: arith.constant 2.000000e-01 : f32
// CHECK: arith.constant 5.000000e-01 : f32
// CHECK: arith.maximumf
// CHECK: arith.minimumf
func.func @activations(%x: tensor<2x1x3xf32>, %w: tensor<2x4x3xf32>, %r: tensor<2x4x4xf32>) -> tensor<2x1x4xf32> {
  %y, %h = graph.rnn %x, %w, %r {direction = "bidirectional", activations = ["ScaledTanh", "HardSigmoid"], activation_alpha = array<f32: 2.0>, activation_beta = array<f32: 3.0>} : (tensor<2x1x3xf32>, tensor<2x4x3xf32>, tensor<2x4x4xf32>) -> (tensor<2x2x1x4xf32>, tensor<2x1x4xf32>)
  return %h : tensor<2x1x4xf32>
}

// -----

// A constant sequence_lens equal to seq_length is accepted; with a dynamic
// seq_length it is checked at run time.
// CHECK-LABEL: func.func @sequence_lens
// CHECK: %[[S:.*]] = tensor.dim %arg0, %c0
// CHECK: %[[EQ:.*]] = arith.cmpi eq, %[[S]], %c4
// CHECK: cf.assert %[[EQ]], "sequence_lens must equal seq_length (per-batch sequence lengths are not supported)"
func.func @sequence_lens(%x: tensor<?x2x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>) -> tensor<1x2x4xf32> {
  %lens = graph.constant dense<4> : tensor<2xi32>
  %y, %h = graph.rnn %x, %w, %r sequence_lens(%lens) : (tensor<?x2x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>, tensor<2xi32>) -> (tensor<?x1x2x4xf32>, tensor<1x2x4xf32>)
  return %h : tensor<1x2x4xf32>
}
