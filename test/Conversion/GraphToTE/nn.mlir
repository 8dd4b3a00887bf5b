// RUN: tensor-opt %s --convert-graph-to-te --split-input-file | FileCheck %s
// RUN: tensor-opt %s --convert-graph-to-te --convert-te-to-linalg --split-input-file | FileCheck %s --check-prefix=LINALG

// A 2-D product is a contraction over k: linalg.matmul.
// CHECK-LABEL: func.func @matmul_2d
// CHECK: te.compute "matmul" axes ["i", "j"] reduce ["k"] [64] combiner sum
// CHECK: te.read %in0[%i, %k] : tensor<8x64xf32>
// CHECK: te.read %in1[%k, %j] : tensor<64x16xf32>
// CHECK: arith.mulf
// LINALG-LABEL: func.func @matmul_2d
// LINALG: linalg.matmul {{.*}}ins(%arg0, %arg1 : tensor<8x64xf32>, tensor<64x16xf32>)
func.func @matmul_2d(%a: tensor<8x64xf32>, %b: tensor<64x16xf32>) -> tensor<8x16xf32> {
  %0 = graph.matmul %a, %b : (tensor<8x64xf32>, tensor<64x16xf32>) -> tensor<8x16xf32>
  return %0 : tensor<8x16xf32>
}

// -----

// Matching batch dims: linalg.batch_matmul.
// CHECK-LABEL: func.func @matmul_batch
// CHECK: te.compute "matmul" axes ["b", "i", "j"] reduce ["k"] [64] combiner sum
// CHECK: te.read %in0[%b, %i, %k]
// CHECK: te.read %in1[%b, %k, %j]
// LINALG-LABEL: func.func @matmul_batch
// LINALG: linalg.batch_matmul {{.*}}ins(%arg0, %arg1 : tensor<4x8x64xf32>, tensor<4x64x16xf32>)
func.func @matmul_batch(%a: tensor<4x8x64xf32>, %b: tensor<4x64x16xf32>) -> tensor<4x8x16xf32> {
  %0 = graph.matmul %a, %b : (tensor<4x8x64xf32>, tensor<4x64x16xf32>) -> tensor<4x8x16xf32>
  return %0 : tensor<4x8x16xf32>
}

// -----

// Broadcast batch dims: a size-1 dim reads index 0, missing dims are dropped.
// CHECK-LABEL: func.func @matmul_broadcast_batch
// CHECK: te.compute "matmul" axes ["b0", "b1", "i", "j"] reduce ["k"] [64] combiner sum
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: te.read %in0[%b0, %[[C0]], %i, %k] : tensor<4x1x8x64xf32>
// CHECK: te.read %in1[%b1, %k, %j] : tensor<3x64x16xf32>
// LINALG-LABEL: func.func @matmul_broadcast_batch
// LINALG: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]
func.func @matmul_broadcast_batch(%a: tensor<4x1x8x64xf32>, %b: tensor<3x64x16xf32>) -> tensor<4x3x8x16xf32> {
  %0 = graph.matmul %a, %b : (tensor<4x1x8x64xf32>, tensor<3x64x16xf32>) -> tensor<4x3x8x16xf32>
  return %0 : tensor<4x3x8x16xf32>
}

// -----

// A dynamic batch of rows times a matrix is one (B * M) x K product.
// CHECK-LABEL: func.func @matmul_dynamic_rows
// CHECK: %[[ROWS:.*]] = tensor.collapse_shape %arg0 {{\[\[}}0, 1], [2]] : tensor<?x8x64xf32> into tensor<?x64xf32>
// CHECK: %[[M:.*]] = tensor.dim %[[ROWS]], %c0
// CHECK: %[[MM:.*]] = te.compute "matmul" axes ["i", "j"] reduce ["k"] [64] combiner sum ins(%[[ROWS]], %arg1 : tensor<?x64xf32>, tensor<64x16xf32>) sizes(%[[M]])
// CHECK: tensor.expand_shape %[[MM]] {{\[\[}}0, 1], [2]]
// LINALG-LABEL: func.func @matmul_dynamic_rows
// LINALG: linalg.matmul {{.*}}ins(%{{.*}}, %arg1 : tensor<?x64xf32>, tensor<64x16xf32>)
func.func @matmul_dynamic_rows(%a: tensor<?x8x64xf32>, %b: tensor<64x16xf32>) -> tensor<?x8x16xf32> {
  %0 = graph.matmul %a, %b : (tensor<?x8x64xf32>, tensor<64x16xf32>) -> tensor<?x8x16xf32>
  return %0 : tensor<?x8x16xf32>
}

// -----

// A 1-D lhs has no i axis; a dynamic batch size is the operand's dim.
// CHECK-LABEL: func.func @matmul_vector
// CHECK: %[[N:.*]] = tensor.dim %arg1, %c0
// CHECK: te.compute "matmul" axes ["b", "j"] reduce ["k"] [64] combiner sum {{.*}} sizes(%[[N]])
// CHECK: te.read %in0[%k] : tensor<64xf32>
// CHECK: te.read %in1[%b, %k, %j]
func.func @matmul_vector(%a: tensor<64xf32>, %b: tensor<?x64x16xf32>) -> tensor<?x16xf32> {
  %0 = graph.matmul %a, %b : (tensor<64xf32>, tensor<?x64x16xf32>) -> tensor<?x16xf32>
  return %0 : tensor<?x16xf32>
}

// -----

// Vector times vector: a rank-0 result.
// CHECK-LABEL: func.func @matmul_dot
// CHECK: %[[DOT:.*]] = te.compute "matmul" axes [] reduce ["k"] [8] combiner sum {{.*}} -> tensor<i32>
// CHECK: arith.muli
// CHECK: return %[[DOT]] : tensor<i32>
func.func @matmul_dot(%a: tensor<8xi32>, %b: tensor<8xi32>) -> tensor<i32> {
  %0 = graph.matmul %a, %b : (tensor<8xi32>, tensor<8xi32>) -> tensor<i32>
  return %0 : tensor<i32>
}

// -----

// MatMulInteger: extend to i32, subtract the zero points (per row of lhs).
// CHECK-LABEL: func.func @matmul_integer
// CHECK: te.compute "matmul_integer" axes ["i", "j"] reduce ["k"] [3] combiner sum {{.*}} -> tensor<4x2xi32>
// CHECK: %[[A:.*]] = te.read %in0[%i, %k] : tensor<4x3xi8>
// CHECK: %[[B:.*]] = te.read %in1[%k, %j] : tensor<3x2xi8>
// CHECK: %[[AE:.*]] = arith.extui %[[A]] : i8 to i32
// CHECK: %[[BE:.*]] = arith.extsi %[[B]] : i8 to i32
// CHECK: %[[ZA:.*]] = te.read %in2[%i] : tensor<4xi8>
// CHECK: %[[ZAE:.*]] = arith.extui %[[ZA]] : i8 to i32
// CHECK: %[[AS:.*]] = arith.subi %[[AE]], %[[ZAE]]
// CHECK: arith.muli %[[AS]], %[[BE]]
func.func @matmul_integer(%a: tensor<4x3xui8>, %b: tensor<3x2xi8>, %za: tensor<4xui8>) -> tensor<4x2xi32> {
  %y = graph.matmul_integer %a, %b lhs_zero_point(%za)
      : (tensor<4x3xui8>, tensor<3x2xi8>, tensor<4xui8>) -> tensor<4x2xi32>
  return %y : tensor<4x2xi32>
}

// -----

// QLinearMatMul: an i32 contraction, then requantization (round half to
// even, zero point, saturation).
// CHECK-LABEL: func.func @qlinear_matmul
// CHECK: %[[ACC:.*]] = te.compute "qlinear_matmul" axes ["i", "j"] reduce ["k"] [4] combiner sum {{.*}} -> tensor<2x3xi32>
// CHECK: te.compute "qlinear_matmul.requantize" axes ["d0", "d1"] ins(%[[ACC]], {{.*}}) -> tensor<2x3xi8>
// CHECK: arith.sitofp
// CHECK: math.roundeven
// CHECK: arith.uitofp
// CHECK: arith.maximumf
// CHECK: arith.minimumf
// CHECK: arith.fptoui {{.*}} : f32 to i8
func.func @qlinear_matmul(%a: tensor<2x4xui8>, %sa: tensor<f32>, %za: tensor<ui8>, %b: tensor<4x3xui8>,
                          %sb: tensor<f32>, %zb: tensor<ui8>, %sy: tensor<f32>, %zy: tensor<ui8>) -> tensor<2x3xui8> {
  %y = graph.qlinear_matmul %a, %sa, %za, %b, %sb, %zb, %sy, %zy
      : (tensor<2x4xui8>, tensor<f32>, tensor<ui8>, tensor<4x3xui8>, tensor<f32>,
         tensor<ui8>, tensor<f32>, tensor<ui8>) -> tensor<2x3xui8>
  return %y : tensor<2x3xui8>
}

// -----

// Conv: the input read at h * stride + kh * dilation - pad with padding 0,
// then the bias as an epilogue: tensor.pad + linalg.conv_2d_nchw_fchw.
// CHECK-LABEL: func.func @conv_2d
// CHECK: %[[CONV:.*]] = te.compute "conv" axes ["n", "f", "h", "w"] reduce ["c", "kh", "kw"] [3, 3, 3] combiner sum
// CHECK: %[[C2:.*]] = arith.constant 2 : index
// CHECK: %[[H2:.*]] = arith.muli %h, %[[C2]]
// CHECK: %[[HK:.*]] = arith.addi %[[H2]], %kh
// CHECK: %[[C1:.*]] = arith.constant 1 : index
// CHECK: %[[IH:.*]] = arith.subi %[[HK]], %[[C1]]
// CHECK: %[[IW:.*]] = arith.subi
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: te.read %in0[%n, %c, %[[IH]], %[[IW]]] padding %[[ZERO]] : tensor<1x3x224x224xf32>
// CHECK: te.read %in1[%f, %c, %kh, %kw] : tensor<64x3x3x3xf32>
// CHECK: te.compute "conv.bias" axes ["n", "f", "h", "w"] ins(%[[CONV]], %arg2
// CHECK: te.read %in1[%f] : tensor<64xf32>
// LINALG-LABEL: func.func @conv_2d
// LINALG: %[[PADDED:.*]] = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 0, 0]
// LINALG: linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>, te.stage = {{.*}}} ins(%[[PADDED]], %arg1 : tensor<1x3x225x225xf32>, tensor<64x3x3x3xf32>)
func.func @conv_2d(%x: tensor<1x3x224x224xf32>, %w: tensor<64x3x3x3xf32>, %b: tensor<64xf32>) -> tensor<1x64x112x112xf32> {
  %y = graph.conv %x, %w, %b {pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}
      : (tensor<1x3x224x224xf32>, tensor<64x3x3x3xf32>, tensor<64xf32>) -> tensor<1x64x112x112xf32>
  return %y : tensor<1x64x112x112xf32>
}

// -----

// A dynamic batch: the input is padded before the compute (a padded read
// needs static bounds) and still becomes a named convolution.
// CHECK-LABEL: func.func @conv_dynamic_batch
// CHECK: %[[PADDED:.*]] = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1]
// CHECK: tensor<?x8x16x16xf32> to tensor<?x8x18x18xf32>
// CHECK: %[[N:.*]] = tensor.dim %[[PADDED]], %c0
// CHECK: te.compute "conv" axes ["n", "f", "h", "w"] reduce ["c", "kh", "kw"] [8, 3, 3] combiner sum ins(%[[PADDED]], %arg1 : tensor<?x8x18x18xf32>, tensor<16x8x3x3xf32>) sizes(%[[N]])
// CHECK: %[[IH:.*]] = arith.addi %h, %kh
// CHECK: %[[IW:.*]] = arith.addi %w, %kw
// CHECK: te.read %in0[%n, %c, %[[IH]], %[[IW]]] : tensor<?x8x18x18xf32>
// LINALG-LABEL: func.func @conv_dynamic_batch
// LINALG: linalg.conv_2d_nchw_fchw {{.*}} ins(%{{.*}}, %arg1 : tensor<?x8x18x18xf32>, tensor<16x8x3x3xf32>)
func.func @conv_dynamic_batch(%x: tensor<?x8x16x16xf32>, %w: tensor<16x8x3x3xf32>) -> tensor<?x16x16x16xf32> {
  %y = graph.conv %x, %w {auto_pad = "SAME_UPPER"}
      : (tensor<?x8x16x16xf32>, tensor<16x8x3x3xf32>) -> tensor<?x16x16x16xf32>
  return %y : tensor<?x16x16x16xf32>
}

// -----

// Depthwise (group = C = M): N x G x 1 x ... views, linalg.conv_2d_ngchw_gfchw.
// CHECK-LABEL: func.func @conv_depthwise
// CHECK: %[[X:.*]] = tensor.expand_shape %arg0 {{\[\[}}0], [1, 2], [3], [4]] {{.*}} : tensor<1x32x56x56xf32> into tensor<1x32x1x56x56xf32>
// CHECK: %[[W:.*]] = tensor.expand_shape %arg1 {{\[\[}}0, 1], [2], [3], [4]] {{.*}} : tensor<32x1x3x3xf32> into tensor<32x1x1x3x3xf32>
// CHECK: %[[Y:.*]] = te.compute "conv" axes ["n", "g", "f", "h", "w"] reduce ["c", "kh", "kw"] [1, 3, 3] combiner sum ins(%[[X]], %[[W]]
// CHECK: te.read %in0[%n, %g, %c, %{{.*}}, %{{.*}}] padding
// CHECK: te.read %in1[%g, %f, %c, %kh, %kw]
// CHECK: tensor.collapse_shape %[[Y]] {{\[\[}}0], [1, 2], [3], [4]] : tensor<1x32x1x56x56xf32> into tensor<1x32x56x56xf32>
// LINALG-LABEL: func.func @conv_depthwise
// LINALG: tensor.pad
// LINALG: linalg.conv_2d_ngchw_gfchw
func.func @conv_depthwise(%x: tensor<1x32x56x56xf32>, %w: tensor<32x1x3x3xf32>) -> tensor<1x32x56x56xf32> {
  %y = graph.conv %x, %w {pads = array<i64: 1, 1, 1, 1>, group = 32 : i64}
      : (tensor<1x32x56x56xf32>, tensor<32x1x3x3xf32>) -> tensor<1x32x56x56xf32>
  return %y : tensor<1x32x56x56xf32>
}

// -----

// 1-D and 3-D convolutions, with dilations.
// CHECK-LABEL: func.func @conv_1d_3d
// CHECK: te.compute "conv" axes ["n", "f", "w"] reduce ["c", "kw"] [2, 3] combiner sum
// CHECK: te.compute "conv" axes ["n", "f", "d", "h", "w"] reduce ["c", "kd", "kh", "kw"] [2, 2, 2, 2] combiner sum
// LINALG-LABEL: func.func @conv_1d_3d
// LINALG: linalg.conv_1d_ncw_fcw {dilations = dense<2> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>, te.stage = {{.*}}}
// LINALG: linalg.conv_3d_ncdhw_fcdhw
func.func @conv_1d_3d(%x: tensor<1x2x10xf32>, %w: tensor<4x2x3xf32>, %v: tensor<1x2x5x5x5xf32>, %k: tensor<4x2x2x2x2xf32>)
    -> (tensor<1x4x6xf32>, tensor<1x4x4x4x4xf32>) {
  %y = graph.conv %x, %w {dilations = array<i64: 2>} : (tensor<1x2x10xf32>, tensor<4x2x3xf32>) -> tensor<1x4x6xf32>
  %z = graph.conv %v, %k : (tensor<1x2x5x5x5xf32>, tensor<4x2x2x2x2xf32>) -> tensor<1x4x4x4x4xf32>
  return %y, %z : tensor<1x4x6xf32>, tensor<1x4x4x4x4xf32>
}

// -----

// ConvInteger: the input minus its zero point is a stage (pads read 0), the
// weight's zero point is subtracted as it is read.
// CHECK-LABEL: func.func @conv_integer
// CHECK: %[[SHIFTED:.*]] = te.compute "conv_integer.input" axes ["d0", "d1", "d2", "d3"] {{.*}} -> tensor<1x1x3x3xi32>
// CHECK: arith.extui
// CHECK: arith.subi
// CHECK: te.compute "conv_integer" axes ["n", "f", "h", "w"] reduce ["c", "kh", "kw"] [1, 2, 2] combiner sum ins(%[[SHIFTED]], %arg1, %arg3
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i32
// CHECK: te.read %in0[{{.*}}] padding %[[ZERO]] : tensor<1x1x3x3xi32>
// CHECK: %[[W:.*]] = te.read %in1[%f, %c, %kh, %kw] : tensor<1x1x2x2xi8>
// CHECK: %[[WE:.*]] = arith.extui %[[W]]
// CHECK: %[[ZW:.*]] = te.read %in2[%{{.*}}] : tensor<1xi8>
// CHECK: arith.subi %[[WE]]
func.func @conv_integer(%x: tensor<1x1x3x3xui8>, %w: tensor<1x1x2x2xui8>, %zx: tensor<ui8>, %zw: tensor<1xui8>) -> tensor<1x1x4x4xi32> {
  %y = graph.conv_integer %x, %w input_zero_point(%zx) weight_zero_point(%zw) {pads = array<i64: 1, 1, 1, 1>}
      : (tensor<1x1x3x3xui8>, tensor<1x1x2x2xui8>, tensor<ui8>, tensor<1xui8>) -> tensor<1x1x4x4xi32>
  return %y : tensor<1x1x4x4xi32>
}

// -----

// QLinearConv: the i32 convolution, then bias and requantization per filter.
// CHECK-LABEL: func.func @qlinear_conv
// CHECK: te.compute "qlinear_conv.input"
// CHECK: %[[ACC:.*]] = te.compute "qlinear_conv" axes ["n", "f", "h", "w"] reduce ["c", "kh", "kw"] [1, 1, 1] combiner sum
// CHECK: te.compute "qlinear_conv.requantize" axes ["n", "f", "h", "w"] ins(%[[ACC]],
// CHECK: %[[B:.*]] = te.read %in5[%f] : tensor<2xi32>
// CHECK: arith.addi %{{.*}}, %[[B]]
// CHECK: te.read %in2[%f] : tensor<2xf32>
// CHECK: math.roundeven
// CHECK: arith.fptosi {{.*}} : f32 to i8
func.func @qlinear_conv(%x: tensor<1x1x7x7xui8>, %sx: tensor<f32>, %zx: tensor<ui8>, %w: tensor<2x1x1x1xi8>,
                        %sw: tensor<2xf32>, %zw: tensor<2xi8>, %sy: tensor<f32>, %zy: tensor<i8>,
                        %b: tensor<2xi32>) -> tensor<1x2x7x7xi8> {
  %y = graph.qlinear_conv %x, %sx, %zx, %w, %sw, %zw, %sy, %zy, %b
      : (tensor<1x1x7x7xui8>, tensor<f32>, tensor<ui8>, tensor<2x1x1x1xi8>, tensor<2xf32>,
         tensor<2xi8>, tensor<f32>, tensor<i8>, tensor<2xi32>) -> tensor<1x2x7x7xi8>
  return %y : tensor<1x2x7x7xi8>
}

// -----

// ConvTranspose with strides: the input index (o + pad - k * dilation) /
// stride where the stride divides it, else -1, read with padding 0.
// CHECK-LABEL: func.func @conv_transpose
// CHECK: te.compute "conv_transpose" axes ["n", "f", "h", "w"] reduce ["c", "kh", "kw"] [1, 3, 3] combiner sum
// CHECK: %[[OFF:.*]] = arith.subi %h, %kh
// CHECK: %[[S:.*]] = arith.constant 3 : index
// CHECK: %[[REM:.*]] = arith.remsi %[[OFF]], %[[S]]
// CHECK: %[[DIV:.*]] = arith.cmpi eq, %[[REM]]
// CHECK: %[[Q:.*]] = arith.floordivsi %[[OFF]], %[[S]]
// CHECK: %[[IH:.*]] = arith.select %[[DIV]], %[[Q]]
// CHECK: te.read %in0[%n, %c, %[[IH]], %{{.*}}] padding
// CHECK: te.read %in1[%c, %f, %kh, %kw]
func.func @conv_transpose(%x: tensor<1x1x3x3xf32>, %w: tensor<1x2x3x3xf32>) -> tensor<1x2x10x8xf32> {
  %y = graph.conv_transpose %x, %w {strides = array<i64: 3, 2>, output_padding = array<i64: 1, 1>}
      : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x10x8xf32>
  return %y : tensor<1x2x10x8xf32>
}

// -----

// With strides 1 the read is affine (o + pad - k), and groups pick the
// input channels g * C/G + c and the weight's filter f - g * M/G.
// CHECK-LABEL: func.func @conv_transpose_grouped
// CHECK: te.compute "conv_transpose" axes ["n", "f", "h", "w"] reduce ["c", "kh", "kw"] [2, 2, 2] combiner sum
// CHECK: %[[G:.*]] = arith.floordivsi %f, %{{.*}}
// CHECK: %[[GC:.*]] = arith.muli %[[G]], %{{.*}}
// CHECK: %[[CH:.*]] = arith.addi %[[GC]], %c
// CHECK-NOT: arith.remsi
// CHECK: te.read %in0[%n, %[[CH]], {{.*}}] padding
// CHECK: conv_transpose.bias
// LINALG-LABEL: func.func @conv_transpose_grouped
// LINALG: linalg.generic
func.func @conv_transpose_grouped(%x: tensor<1x4x5x5xf32>, %w: tensor<4x3x2x2xf32>, %b: tensor<6xf32>) -> tensor<1x6x6x6xf32> {
  %y = graph.conv_transpose %x, %w, %b {group = 2 : i64}
      : (tensor<1x4x5x5xf32>, tensor<4x3x2x2xf32>, tensor<6xf32>) -> tensor<1x6x6x6xf32>
  return %y : tensor<1x6x6x6xf32>
}

// -----

// Max pooling without used indices: a max reduction reading -inf outside
// the input: linalg.pooling_nchw_max.
// CHECK-LABEL: func.func @max_pool
// CHECK: te.compute "max_pool" axes ["n", "c", "h", "w"] reduce ["kh", "kw"] [3, 3] combiner max
// CHECK: %[[NEG_INF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: te.read %in0[%n, %c, %{{.*}}, %{{.*}}] padding %[[NEG_INF]]
// LINALG-LABEL: func.func @max_pool
// LINALG: tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 0, 0]
// LINALG: linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>, te.stage = {{.*}}}
func.func @max_pool(%x: tensor<1x64x112x112xf32>) -> tensor<1x64x56x56xf32> {
  %y, %i = graph.max_pool %x {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>}
      : (tensor<1x64x112x112xf32>) -> (tensor<1x64x56x56xf32>, tensor<1x64x56x56xi64>)
  return %y : tensor<1x64x56x56xf32>
}

// -----

// Used indices: a (value, flat index) reduction keeping the first maximum;
// the index is ((n * C + c) * H + ih) * W + iw (storage_order 0).
// CHECK-LABEL: func.func @max_pool_indices
// CHECK: te.compute "max_pool" axes ["n", "c", "h", "w"] reduce ["kh", "kw"] [2, 2] combiner custom inits [0xFF800000 : f32, -1]
// CHECK: %[[NC:.*]] = arith.addi %{{.*}}, %c
// CHECK: arith.index_cast %{{.*}} : index to i64
// CHECK: te.yield %{{.*}}, %{{.*}} : f32, i64
// CHECK: combine
// CHECK: %[[GT:.*]] = arith.cmpf ogt
// CHECK: arith.select %[[GT]]
// LINALG-LABEL: func.func @max_pool_indices
// LINALG: linalg.generic {{.*}} outs(%{{.*}}, %{{.*}} : tensor<?x3x2x2xf32>, tensor<?x3x2x2xi64>)
func.func @max_pool_indices(%x: tensor<?x3x4x4xf32>) -> (tensor<?x3x2x2xf32>, tensor<?x3x2x2xi64>) {
  %y, %i = graph.max_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>}
      : (tensor<?x3x4x4xf32>) -> (tensor<?x3x2x2xf32>, tensor<?x3x2x2xi64>)
  return %y, %i : tensor<?x3x2x2xf32>, tensor<?x3x2x2xi64>
}

// -----

// Unsigned bytes combine by maxui, from 0.
// CHECK-LABEL: func.func @max_pool_unsigned
// CHECK: te.compute "max_pool" {{.*}} combiner custom inits [0 : i8]
// CHECK: arith.maxui
func.func @max_pool_unsigned(%x: tensor<1x1x4x4xui8>) -> tensor<1x1x3x3xui8> {
  %y, %i = graph.max_pool %x {kernel_shape = array<i64: 2, 2>}
      : (tensor<1x1x4x4xui8>) -> (tensor<1x1x3x3xui8>, tensor<1x1x3x3xi64>)
  return %y : tensor<1x1x3x3xui8>
}

// -----

// Average pooling: a sum (linalg.pooling_nchw_sum), then division by the
// in-bounds count of each window (count_include_pad 0): a constant table.
// CHECK-LABEL: func.func @average_pool
// CHECK: %[[SUM:.*]] = te.compute "average_pool" axes ["n", "c", "h", "w"] reduce ["kh", "kw"] [3, 3] combiner sum
// CHECK: %[[COUNTS:.*]] = arith.constant dense<{{\[\[}}4.000000e+00, 6.000000e+00, 4.000000e+00], [6.000000e+00, 9.000000e+00, 6.000000e+00], [4.000000e+00, 6.000000e+00, 4.000000e+00]]> : tensor<3x3xf32>
// CHECK: te.compute "average_pool.div" axes ["n", "c", "h", "w"] ins(%[[SUM]], %[[COUNTS]]
// CHECK: te.read %in1[%h, %w]
// CHECK: arith.divf
// LINALG-LABEL: func.func @average_pool
// LINALG: linalg.pooling_nchw_sum
func.func @average_pool(%x: tensor<1x2x5x5xf32>) -> tensor<1x2x3x3xf32> {
  %y = graph.average_pool %x {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>}
      : (tensor<1x2x5x5xf32>) -> tensor<1x2x3x3xf32>
  return %y : tensor<1x2x3x3xf32>
}

// -----

// count_include_pad: every window counts 9 here, a constant divisor.
// CHECK-LABEL: func.func @average_pool_include_pad
// CHECK: te.compute "average_pool.div"
// CHECK: arith.constant 9.000000e+00 : f32
func.func @average_pool_include_pad(%x: tensor<1x2x5x5xf32>) -> tensor<1x2x3x3xf32> {
  %y = graph.average_pool %x {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, count_include_pad = 1 : i64}
      : (tensor<1x2x5x5xf32>) -> tensor<1x2x3x3xf32>
  return %y : tensor<1x2x3x3xf32>
}

// -----

// CHECK-LABEL: func.func @lp_pool
// CHECK: te.compute "lp_pool" axes ["n", "c", "w"] reduce ["kw"] [3] combiner sum
// CHECK: math.absf
// CHECK: math.powf
// CHECK: te.compute "lp_pool.root"
// CHECK: math.powf
func.func @lp_pool(%x: tensor<1x3x32xf32>) -> tensor<1x3x30xf32> {
  %y = graph.lp_pool %x {kernel_shape = array<i64: 3>, p = 3 : i64} : (tensor<1x3x32xf32>) -> tensor<1x3x30xf32>
  return %y : tensor<1x3x30xf32>
}

// -----

// Global pooling reduces the spatial dims into N x C x 1 x 1.
// CHECK-LABEL: func.func @global_pools
// CHECK: %[[SUM:.*]] = te.compute "global_average_pool" axes ["n", "c", "h", "w"] reduce ["rh", "rw"] [7, 7] combiner sum
// CHECK: te.read %in0[%n, %c, %rh, %rw]
// CHECK: te.compute "global_average_pool.div"
// CHECK: arith.constant 4.900000e+01 : f32
// CHECK: te.compute "global_max_pool" axes ["n", "c", "h", "w"] reduce ["rh", "rw"] [7, 7] combiner max
// CHECK: te.compute "global_lp_pool" {{.*}} combiner sum
// CHECK: arith.mulf
// CHECK: te.compute "global_lp_pool.root"
// CHECK: math.sqrt
func.func @global_pools(%x: tensor<?x512x7x7xf32>) -> (tensor<?x512x1x1xf32>, tensor<?x512x1x1xf32>, tensor<?x512x1x1xf32>) {
  %a = graph.global_average_pool %x : (tensor<?x512x7x7xf32>) -> tensor<?x512x1x1xf32>
  %m = graph.global_max_pool %x : (tensor<?x512x7x7xf32>) -> tensor<?x512x1x1xf32>
  %l = graph.global_lp_pool %x : (tensor<?x512x7x7xf32>) -> tensor<?x512x1x1xf32>
  return %a, %m, %l : tensor<?x512x1x1xf32>, tensor<?x512x1x1xf32>, tensor<?x512x1x1xf32>
}
