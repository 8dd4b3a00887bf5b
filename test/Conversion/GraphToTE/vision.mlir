// RUN: tensor-opt %s --convert-graph-to-te | FileCheck %s
// RUN: tensor-opt %s --convert-graph-to-te --convert-te-to-linalg | FileCheck %s --check-prefix=LINALG

// Bilinear: the source coordinate from the grid, 4 neighbours read with
// zero padding outside the image.
// CHECK-LABEL: func @grid_sample_bilinear
// CHECK: te.compute "grid_sample" axes ["n", "c", "h", "w"] ins(%{{.*}}, %{{.*}} : tensor<1x3x8x8xf32>, tensor<1x4x5x2xf32>) -> tensor<1x3x4x5xf32>
// CHECK: ^bb0(%[[N:.*]]: index, %[[C:.*]]: index, %[[H:.*]]: index, %[[W:.*]]: index, %[[X:.*]]: tensor<1x3x8x8xf32>, %[[G:.*]]: tensor<1x4x5x2xf32>):
// CHECK: te.read %[[G]][%[[N]], %[[H]], %[[W]], %{{.*}}] : tensor<1x4x5x2xf32>
// CHECK: te.read %[[G]][%[[N]], %[[H]], %[[W]], %{{.*}}] : tensor<1x4x5x2xf32>
// CHECK: math.floor
// CHECK-COUNT-4: te.read %[[X]][%[[N]], %[[C]], %{{.*}}, %{{.*}}] padding %{{.*}} : tensor<1x3x8x8xf32>
// CHECK-NOT: te.read
// CHECK: te.yield
// LINALG-LABEL: func @grid_sample_bilinear
// LINALG: linalg.generic {indexing_maps = [#{{.*}}, #{{.*}}, #{{.*}}], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%{{.*}}, %{{.*}} : tensor<1x4x5x2xf32>, tensor<1x4x5x2xf32>) outs(%{{.*}} : tensor<1x3x4x5xf32>)
// LINALG: scf.if
// LINALG: tensor.extract %{{.*}} : tensor<1x3x8x8xf32>
func.func @grid_sample_bilinear(%x: tensor<1x3x8x8xf32>, %grid: tensor<1x4x5x2xf32>) -> tensor<1x3x4x5xf32> {
  %0 = graph.grid_sample %x, %grid : (tensor<1x3x8x8xf32>, tensor<1x4x5x2xf32>) -> tensor<1x3x4x5xf32>
  return %0 : tensor<1x3x4x5xf32>
}

// Nearest rounds half to even; border clamps the neighbour's indices; f16
// computes in f32; dynamic sizes come from the input and the grid.
// CHECK-LABEL: func @grid_sample_nearest_border
// CHECK-DAG: %[[NB:.*]] = tensor.dim %arg0, %c0
// CHECK-DAG: %[[HO:.*]] = tensor.dim %arg1, %c1
// CHECK-DAG: %[[WO:.*]] = tensor.dim %arg1, %c2
// CHECK: te.compute "grid_sample" axes ["n", "c", "h", "w"] ins(%arg0, %arg1 : tensor<?x3x?x?xf16>, tensor<?x?x?x2xf16>) sizes(%[[NB]], %[[HO]], %[[WO]]) -> tensor<?x3x?x?xf16>
// CHECK: arith.extf %{{.*}} : f16 to f32
// CHECK: math.roundeven
// CHECK: math.roundeven
// CHECK: arith.minsi
// CHECK: arith.maxsi
// CHECK: arith.minsi
// CHECK: arith.maxsi
// CHECK: %[[P:.*]] = te.read %{{.*}}[%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}] : tensor<?x3x?x?xf16>
// CHECK-NOT: te.read
// CHECK: arith.truncf %{{.*}} : f32 to f16
func.func @grid_sample_nearest_border(%x: tensor<?x3x?x?xf16>, %grid: tensor<?x?x?x2xf16>) -> tensor<?x3x?x?xf16> {
  %0 = graph.grid_sample %x, %grid {mode = "nearest", padding_mode = "border", align_corners = 1 : i64}
      : (tensor<?x3x?x?xf16>, tensor<?x?x?x2xf16>) -> tensor<?x3x?x?xf16>
  return %0 : tensor<?x3x?x?xf16>
}

// Bicubic reads 16 neighbours; reflection mirrors coordinates and indices.
// CHECK-LABEL: func @grid_sample_bicubic_reflection
// CHECK: te.compute "grid_sample"
// CHECK: math.trunc
// CHECK-COUNT-16: te.read %{{.*}}[%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}] : tensor<1x1x4x4xf64>
// CHECK-NOT: te.read
// CHECK: te.yield %{{.*}} : f64
func.func @grid_sample_bicubic_reflection(%x: tensor<1x1x4x4xf64>, %grid: tensor<1x2x2x2xf64>) -> tensor<1x1x2x2xf64> {
  %0 = graph.grid_sample %x, %grid {mode = "bicubic", padding_mode = "reflection"}
      : (tensor<1x1x4x4xf64>, tensor<1x2x2x2xf64>) -> tensor<1x1x2x2xf64>
  return %0 : tensor<1x1x2x2xf64>
}

// A fixed sampling ratio: a max reduction over the 2 x 2 points of each bin,
// each the largest of its 4 weighted neighbours of image batch_indices[r].
// CHECK-LABEL: func @roi_align_max
// CHECK: %[[R:.*]] = tensor.dim %arg1, %c0 : tensor<?x4xf32>
// CHECK: te.compute "roi_align" axes ["r", "c", "ph", "pw"] reduce ["iy", "ix"] [2, 2] combiner max ins(%arg0, %arg1, %arg2 : tensor<1x3x16x16xf32>, tensor<?x4xf32>, tensor<?xi64>) sizes(%[[R]]) -> tensor<?x3x5x7xf32>
// CHECK: ^bb0(%[[RI:.*]]: index, %[[CI:.*]]: index, %{{.*}}: index, %{{.*}}: index, %{{.*}}: index, %{{.*}}: index, %[[X:.*]]: tensor<1x3x16x16xf32>, %[[ROIS:.*]]: tensor<?x4xf32>, %[[B:.*]]: tensor<?xi64>):
// CHECK: %[[BV:.*]] = te.read %[[B]][%[[RI]]] : tensor<?xi64>
// CHECK: %[[BI:.*]] = arith.index_cast %[[BV]] : i64 to index
// CHECK: te.read %[[ROIS]][%[[RI]], %{{.*}}] : tensor<?x4xf32>
// CHECK-COUNT-4: te.read %[[X]][%[[BI]], %[[CI]], %{{.*}}, %{{.*}}] : tensor<1x3x16x16xf32>
// CHECK: arith.maximumf
// CHECK: arith.maximumf
// CHECK: arith.maximumf
// LINALG-LABEL: func @roi_align_max
// LINALG: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]
// LINALG: arith.maximumf
func.func @roi_align_max(%x: tensor<1x3x16x16xf32>, %rois: tensor<?x4xf32>, %batch: tensor<?xi64>) -> tensor<?x3x5x7xf32> {
  %0 = graph.roi_align %x, %rois, %batch {mode = "max", output_height = 5 : i64, output_width = 7 : i64, sampling_ratio = 2 : i64}
      : (tensor<1x3x16x16xf32>, tensor<?x4xf32>, tensor<?xi64>) -> tensor<?x3x5x7xf32>
  return %0 : tensor<?x3x5x7xf32>
}

// An adaptive sampling ratio: "roi_align.grid" finds the largest point grid
// over the regions (at least 1 x 1), the average masks the points beyond
// each region's own grid.
// CHECK-LABEL: func @roi_align_adaptive
// CHECK: %[[GRID:.*]] = te.compute "roi_align.grid" axes ["d"] reduce ["r"] [2] combiner max ins(%arg1 : tensor<2x4xf32>) -> tensor<2xi64>
// CHECK: math.ceil
// CHECK: te.yield %{{.*}} : i64
// CHECK: %[[GH:.*]] = tensor.extract %[[GRID]][%c0] : tensor<2xi64>
// CHECK: %[[GH1:.*]] = arith.maxsi %[[GH]], %c1_i64
// CHECK: %[[EH:.*]] = arith.index_cast %[[GH1]] : i64 to index
// CHECK: %[[GW:.*]] = tensor.extract %[[GRID]][%c1] : tensor<2xi64>
// CHECK: %[[GW1:.*]] = arith.maxsi %[[GW]], %{{.*}}
// CHECK: %[[EW:.*]] = arith.index_cast %[[GW1]] : i64 to index
// CHECK: te.compute "roi_align" axes ["r", "c", "ph", "pw"] reduce ["iy", "ix"] [%[[EH]], %[[EW]]] combiner sum
// CHECK: math.ceil
// CHECK: math.ceil
// CHECK: arith.divf
// CHECK: arith.cmpf oge
// CHECK: arith.cmpf oge
// CHECK: arith.select
// CHECK-NEXT: te.yield
func.func @roi_align_adaptive(%x: tensor<1x3x16x16xf32>, %rois: tensor<2x4xf32>, %batch: tensor<2xi64>) -> tensor<2x3x2x2xf32> {
  %0 = graph.roi_align %x, %rois, %batch {output_height = 2 : i64, output_width = 2 : i64}
      : (tensor<1x3x16x16xf32>, tensor<2x4xf32>, tensor<2xi64>) -> tensor<2x3x2x2xf32>
  return %0 : tensor<2x3x2x2xf32>
}

// Greedy suppression in scf loops per batch and class; the selections fill
// a buffer of B * K * min(max_output, S) rows, cut to the count.
// CHECK-LABEL: func @non_max_suppression
// CHECK-DAG: %[[B:.*]] = tensor.dim %arg0, %c0{{.*}} : tensor<?x?x4xf32>
// CHECK-DAG: %[[S:.*]] = tensor.dim %arg0, %c1{{.*}} : tensor<?x?x4xf32>
// CHECK-DAG: %[[K:.*]] = tensor.dim %arg1, %c1{{.*}} : tensor<?x?x?xf32>
// CHECK: %[[M:.*]] = tensor.extract %arg2[%{{.*}}] : tensor<1xi64>
// CHECK: %[[MI:.*]] = arith.index_cast %[[M]] : i64 to index
// CHECK: %[[M0:.*]] = arith.maxsi %[[MI]], %{{.*}} : index
// CHECK: %[[MAX:.*]] = arith.minsi %[[M0]], %[[S]] : index
// CHECK: %[[IOU:.*]] = tensor.extract %arg3
// CHECK: %[[THRESHOLD:.*]] = tensor.extract %arg4
// CHECK: %[[BK:.*]] = arith.muli %[[B]], %[[K]] : index
// CHECK: %[[CAP:.*]] = arith.muli %[[BK]], %[[MAX]] : index
// CHECK: %[[BUF:.*]] = tensor.empty(%[[CAP]]) : tensor<?x3xi64>
// CHECK: %[[ALL:.*]]:2 = scf.for %[[BI:.*]] = %{{.*}} to %[[B]] step %{{.*}} iter_args(%{{.*}} = %[[BUF]], %{{.*}} = %{{.*}}) -> (tensor<?x3xi64>, index)
// CHECK: scf.for %[[KI:.*]] = %{{.*}} to %[[K]] step
// CHECK: tensor.generate %[[S]]
// CHECK: %[[SC:.*]] = tensor.extract %arg1[%[[BI]], %[[KI]], %{{.*}}] : tensor<?x?x?xf32>
// CHECK: arith.cmpf ogt, %[[SC]], %[[THRESHOLD]] : f32
// CHECK: scf.while
// CHECK: scf.for {{.*}} -> (index, f32)
// CHECK: scf.condition
// CHECK: } do {
// CHECK: tensor.insert
// CHECK: tensor.insert
// CHECK: tensor.insert
// CHECK: scf.for {{.*}} -> (tensor<?xi1>)
// CHECK: arith.divf
// CHECK: arith.cmpf ogt, %{{.*}}, %[[IOU]] : f32
// CHECK: %[[RESULT:.*]] = tensor.extract_slice %[[ALL]]#0[0, 0] [%[[ALL]]#1, 3] [1, 1] : tensor<?x3xi64> to tensor<?x3xi64>
// CHECK: return %[[RESULT]]
func.func @non_max_suppression(%boxes: tensor<?x?x4xf32>, %scores: tensor<?x?x?xf32>, %m: tensor<1xi64>, %iou: tensor<1xf32>, %s: tensor<f32>) -> tensor<?x3xi64> {
  %0 = graph.non_max_suppression %boxes, %scores max_output_boxes_per_class %m iou_threshold %iou score_threshold %s
      : (tensor<?x?x4xf32>, tensor<?x?x?xf32>, tensor<1xi64>, tensor<1xf32>, tensor<f32>) -> tensor<?x3xi64>
  return %0 : tensor<?x3xi64>
}

// Without max_output_boxes_per_class nothing is selected (the buffer has no
// rows); a known count casts the result.
// CHECK-LABEL: func @non_max_suppression_defaults
// CHECK: %[[BUF:.*]] = tensor.empty(%{{.*}}) : tensor<?x3xi64>
// CHECK: tensor.generate
// CHECK-NEXT: ^bb0
// CHECK-NEXT: %[[TRUE:.*]] = arith.constant true
// CHECK-NEXT: tensor.yield %[[TRUE]] : i1
// CHECK: tensor.extract_slice
// CHECK: tensor.cast %{{.*}} : tensor<?x3xi64> to tensor<0x3xi64>
func.func @non_max_suppression_defaults(%boxes: tensor<1x6x4xf32>, %scores: tensor<1x1x6xf32>) -> tensor<0x3xi64> {
  %0 = graph.non_max_suppression %boxes, %scores : (tensor<1x6x4xf32>, tensor<1x1x6xf32>) -> tensor<0x3xi64>
  return %0 : tensor<0x3xi64>
}
