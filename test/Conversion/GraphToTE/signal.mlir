// RUN: tensor-opt %s --convert-graph-to-te | FileCheck %s
// RUN: tensor-opt %s --convert-graph-to-te --convert-te-to-linalg | FileCheck %s --check-prefix=LINALG

// A direct O(N^2) transform: the sum over n of x[n] * e^(-2 pi i k n / N),
// c picking the real or imaginary part.
// CHECK-LABEL: func @dft
// CHECK: te.compute "dft" axes ["d0", "k", "d2", "c"] reduce ["n"] [10] combiner sum ins(%arg0 : tensor<1x10x10x1xf32>) -> tensor<1x10x10x2xf32>
// CHECK: ^bb0(%[[D0:.*]]: index, %[[K:.*]]: index, %[[D2:.*]]: index, %[[C:.*]]: index, %[[N:.*]]: index, %[[X:.*]]: tensor<1x10x10x1xf32>):
// CHECK: %[[RE:.*]] = te.read %[[X]][%[[D0]], %[[N]], %[[D2]], %{{.*}}] : tensor<1x10x10x1xf32>
// CHECK: %[[KN:.*]] = arith.muli %[[K]], %[[N]] : index
// CHECK: arith.remui %[[KN]], %c10 : index
// CHECK: %[[COS:.*]] = math.cos
// CHECK: %[[SIN:.*]] = math.sin
// CHECK: %[[NSIN:.*]] = arith.negf %[[SIN]]
// CHECK: %[[ISREAL:.*]] = arith.cmpi eq, %[[C]], %{{.*}} : index
// CHECK: %[[PART:.*]] = arith.select %[[ISREAL]]
// CHECK: te.yield %[[PART]] : f32
// LINALG-DAG: #[[READ:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d4, d2, 0)>
// LINALG-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>
// LINALG-DAG: #[[FRAME:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1 * 8 + d4, 0)>
// LINALG-DAG: #[[WINDOW:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d4)>
// LINALG-LABEL: func @dft
// LINALG: linalg.generic {indexing_maps = [#[[READ]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%arg0 : tensor<1x10x10x1xf32>) outs(%{{.*}} : tensor<1x10x10x2xf32>)
// LINALG: math.cos
// LINALG: arith.addf
func.func @dft(%x: tensor<1x10x10x1xf32>) -> tensor<1x10x10x2xf32> {
  %0 = graph.dft %x {axis = 1 : i64} : (tensor<1x10x10x1xf32>) -> tensor<1x10x10x2xf32>
  return %0 : tensor<1x10x10x2xf32>
}

// A complex inverse with a non-constant dft_length N: the reduction runs to
// min(N, input length) (zero-padding adds nothing), onesided keeps
// N / 2 + 1 frequencies, each term is divided by N.
// CHECK-LABEL: func @dft_inverse_dynamic
// CHECK: %[[NV:.*]] = tensor.extract %arg1[] : tensor<i32>
// CHECK: %[[LEN:.*]] = arith.index_cast %[[NV]] : i32 to index
// CHECK: %[[B:.*]] = tensor.dim %arg0, %c0
// CHECK: %[[HALF:.*]] = arith.divui %[[LEN]], %c2 : index
// CHECK: %[[BINS:.*]] = arith.addi %[[HALF]], %c1 : index
// CHECK: %[[IN:.*]] = tensor.dim %arg0, %c1
// CHECK: %[[EXTENT:.*]] = arith.minsi %[[LEN]], %[[IN]] : index
// CHECK: te.compute "dft" axes ["d0", "k", "c"] reduce ["n"] [%[[EXTENT]]] combiner sum ins(%arg0, %arg1 : tensor<?x?x2xf64>, tensor<i32>) sizes(%[[B]], %[[BINS]]) -> tensor<?x?x2xf64>
// CHECK-COUNT-2: te.read %{{.*}}[%{{.*}}, %{{.*}}, %{{.*}}] : tensor<?x?x2xf64>
// CHECK: te.read %{{.*}}[] : tensor<i32>
// CHECK: math.cos %{{.*}} : f64
// CHECK-NOT: arith.negf
// CHECK: arith.select
// CHECK: arith.divf
// CHECK: te.yield %{{.*}} : f64
func.func @dft_inverse_dynamic(%x: tensor<?x?x2xf64>, %n: tensor<i32>) -> tensor<?x?x2xf64> {
  %0 = graph.dft %x, %n {inverse = 1 : i64, onesided = 1 : i64} : (tensor<?x?x2xf64>, tensor<i32>) -> tensor<?x?x2xf64>
  return %0 : tensor<?x?x2xf64>
}

// Each frame f reads x[f * frame_step + n] times window[n]: with a constant
// step, an affine read.
// CHECK-LABEL: func @stft
// CHECK: te.compute "stft" axes ["b", "f", "k", "c"] reduce ["n"] [16] combiner sum ins(%arg0, %arg1 : tensor<1x128x1xf32>, tensor<16xf32>) -> tensor<1x15x9x2xf32>
// CHECK: ^bb0(%[[B:.*]]: index, %[[F:.*]]: index, %[[K:.*]]: index, %[[C:.*]]: index, %[[N:.*]]: index, %[[X:.*]]: tensor<1x128x1xf32>, %[[W:.*]]: tensor<16xf32>):
// CHECK: %[[START:.*]] = arith.muli %[[F]], %c8 : index
// CHECK: %[[AT:.*]] = arith.addi %[[START]], %[[N]] : index
// CHECK: te.read %[[X]][%[[B]], %[[AT]], %{{.*}}] : tensor<1x128x1xf32>
// CHECK: te.read %[[W]][%[[N]]] : tensor<16xf32>
// CHECK: arith.remui %{{.*}}, %c16 : index
// LINALG-LABEL: func @stft
// LINALG: linalg.generic {indexing_maps = [#[[FRAME]], #[[WINDOW]], #{{.*}}], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%arg0, %arg1 : tensor<1x128x1xf32>, tensor<16xf32>) outs(%{{.*}} : tensor<1x15x9x2xf32>)
func.func @stft(%x: tensor<1x128x1xf32>, %w: tensor<16xf32>) -> tensor<1x15x9x2xf32> {
  %step = graph.constant dense<8> : tensor<i64>
  %0 = graph.stft %x, %step window %w : (tensor<1x128x1xf32>, tensor<i64>, tensor<16xf32>) -> tensor<1x15x9x2xf32>
  return %0 : tensor<1x15x9x2xf32>
}

// Non-constant step and frame length: (length - frame_length) / step + 1
// frames of frame_length bins (not onesided), reduced over frame_length.
// CHECK-LABEL: func @stft_dynamic
// CHECK: %[[LV:.*]] = tensor.extract %arg2[] : tensor<i64>
// CHECK: %[[LEN:.*]] = arith.index_cast %[[LV]] : i64 to index
// CHECK: %[[B:.*]] = tensor.dim %arg0, %c0
// CHECK: %[[L:.*]] = tensor.dim %arg0, %c1
// CHECK: %[[SPAN:.*]] = arith.subi %[[L]], %[[LEN]] : index
// CHECK: %[[SV:.*]] = tensor.extract %arg1[] : tensor<i64>
// CHECK: %[[STEP:.*]] = arith.index_cast %[[SV]] : i64 to index
// CHECK: %[[Q:.*]] = arith.divsi %[[SPAN]], %[[STEP]] : index
// CHECK: %[[FRAMES:.*]] = arith.addi %[[Q]], %c1
// CHECK: te.compute "stft" axes ["b", "f", "k", "c"] reduce ["n"] [%[[LEN]]] combiner sum ins(%arg0, %arg1, %arg2 : tensor<?x?x2xf32>, tensor<i64>, tensor<i64>) sizes(%[[B]], %[[FRAMES]], %[[LEN]]) -> tensor<?x?x?x2xf32>
// CHECK: te.read %{{.*}}[] : tensor<i64>
// CHECK-COUNT-2: te.read %{{.*}}[%{{.*}}, %{{.*}}, %{{.*}}] : tensor<?x?x2xf32>
// CHECK: te.read %{{.*}}[] : tensor<i64>
func.func @stft_dynamic(%x: tensor<?x?x2xf32>, %step: tensor<i64>, %len: tensor<i64>) -> tensor<?x?x?x2xf32> {
  %0 = graph.stft %x, %step frame_length %len {onesided = 0 : i64} : (tensor<?x?x2xf32>, tensor<i64>, tensor<i64>) -> tensor<?x?x?x2xf32>
  return %0 : tensor<?x?x?x2xf32>
}

// Non-constant operands: an elementwise stage of (dft_length / 2 + 1) x
// num_mel_bins evaluating the filters (mel edges in f32, points in f64).
// CHECK-LABEL: func @mel_weight_matrix
// CHECK: %[[LV:.*]] = tensor.extract %arg1[] : tensor<i32>
// CHECK: %[[LEN:.*]] = arith.index_cast %[[LV]] : i32 to index
// CHECK: %[[HALF:.*]] = arith.divsi %[[LEN]], %c2 : index
// CHECK: %[[ROWS:.*]] = arith.addi %[[HALF]], %c1 : index
// CHECK: %[[BV:.*]] = tensor.extract %arg0[] : tensor<i32>
// CHECK: %[[COLS:.*]] = arith.index_cast %[[BV]] : i32 to index
// CHECK: te.compute "mel_weight_matrix" axes ["j", "i"] ins(%arg0, %arg1, %arg2, %arg3, %arg4 : tensor<i32>, tensor<i32>, tensor<i32>, tensor<f32>, tensor<f32>) sizes(%[[ROWS]], %[[COLS]]) -> tensor<?x?xf32>
// CHECK: math.log10 %{{.*}} : f32
// CHECK: math.log10 %{{.*}} : f32
// CHECK-COUNT-3: math.powf %{{.*}}, %{{.*}} : f64
// CHECK: arith.truncf %{{.*}} : f64 to f32
// LINALG-LABEL: func @mel_weight_matrix
// LINALG: linalg.generic {{.*}} iterator_types = ["parallel", "parallel"]
func.func @mel_weight_matrix(%bins: tensor<i32>, %length: tensor<i32>, %rate: tensor<i32>, %low: tensor<f32>, %high: tensor<f32>) -> tensor<?x?xf32> {
  %0 = graph.mel_weight_matrix %bins, %length, %rate, %low, %high {output_datatype = f32}
      : (tensor<i32>, tensor<i32>, tensor<i32>, tensor<f32>, tensor<f32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// Constant operands fold away before the lowering.
// CHECK-LABEL: func @mel_weight_matrix_constant
// CHECK-NOT: te.compute
// CHECK: arith.constant dense<{{.*}}> : tensor<9x8xf32>
func.func @mel_weight_matrix_constant() -> tensor<9x8xf32> {
  %bins = graph.constant dense<8> : tensor<i32>
  %length = graph.constant dense<16> : tensor<i32>
  %rate = graph.constant dense<8192> : tensor<i32>
  %low = graph.constant dense<0.0> : tensor<f32>
  %high = graph.constant dense<4096.0> : tensor<f32>
  %0 = graph.mel_weight_matrix %bins, %length, %rate, %low, %high {output_datatype = f32}
      : (tensor<i32>, tensor<i32>, tensor<i32>, tensor<f32>, tensor<f32>) -> tensor<9x8xf32>
  return %0 : tensor<9x8xf32>
}
