// RUN: tensor-opt %s | tensor-opt | FileCheck %s

// CHECK-LABEL: func @grid_sample
func.func @grid_sample(%x: tensor<1x3x8x8xf32>, %grid: tensor<1x4x5x2xf32>,
                       %dx: tensor<?x3x?x?xf16>, %dgrid: tensor<?x?x?x2xf16>)
    -> (tensor<1x3x4x5xf32>, tensor<?x3x?x?xf16>) {
  // CHECK: graph.grid_sample %{{.*}}, %{{.*}} : (tensor<1x3x8x8xf32>, tensor<1x4x5x2xf32>) -> tensor<1x3x4x5xf32>
  %0 = graph.grid_sample %x, %grid : (tensor<1x3x8x8xf32>, tensor<1x4x5x2xf32>) -> tensor<1x3x4x5xf32>
  // CHECK: graph.grid_sample %{{.*}}, %{{.*}} {align_corners = 1 : i64, mode = "bicubic", padding_mode = "reflection"} : (tensor<?x3x?x?xf16>, tensor<?x?x?x2xf16>) -> tensor<?x3x?x?xf16>
  %1 = graph.grid_sample %dx, %dgrid {align_corners = 1 : i64, mode = "bicubic", padding_mode = "reflection"}
      : (tensor<?x3x?x?xf16>, tensor<?x?x?x2xf16>) -> tensor<?x3x?x?xf16>
  return %0, %1 : tensor<1x3x4x5xf32>, tensor<?x3x?x?xf16>
}

// CHECK-LABEL: func @roi_align
func.func @roi_align(%x: tensor<1x3x16x16xf32>, %rois: tensor<?x4xf32>, %batch: tensor<?xi64>)
    -> (tensor<?x3x5x7xf32>, tensor<?x3x1x1xf32>) {
  // CHECK: graph.roi_align %{{.*}}, %{{.*}}, %{{.*}} {coordinate_transformation_mode = "output_half_pixel", mode = "max", output_height = 5 : i64, output_width = 7 : i64, sampling_ratio = 2 : i64, spatial_scale = 2.500000e-01 : f32}
  // CHECK-SAME: -> tensor<?x3x5x7xf32>
  %0 = graph.roi_align %x, %rois, %batch {coordinate_transformation_mode = "output_half_pixel", mode = "max", output_height = 5 : i64, output_width = 7 : i64, sampling_ratio = 2 : i64, spatial_scale = 0.25 : f32}
      : (tensor<1x3x16x16xf32>, tensor<?x4xf32>, tensor<?xi64>) -> tensor<?x3x5x7xf32>
  // CHECK: graph.roi_align %{{.*}}, %{{.*}}, %{{.*}} : (tensor<1x3x16x16xf32>, tensor<?x4xf32>, tensor<?xi64>) -> tensor<?x3x1x1xf32>
  %1 = graph.roi_align %x, %rois, %batch : (tensor<1x3x16x16xf32>, tensor<?x4xf32>, tensor<?xi64>) -> tensor<?x3x1x1xf32>
  return %0, %1 : tensor<?x3x5x7xf32>, tensor<?x3x1x1xf32>
}

// CHECK-LABEL: func @non_max_suppression
func.func @non_max_suppression(%boxes: tensor<1x6x4xf32>, %scores: tensor<1x2x6xf32>,
                               %m: tensor<1xi64>, %iou: tensor<1xf32>, %score: tensor<f32>,
                               %dboxes: tensor<?x?x4xf32>, %dscores: tensor<?x?x?xf32>)
    -> (tensor<?x3xi64>, tensor<?x3xi64>, tensor<4x3xi64>) {
  // CHECK: graph.non_max_suppression %{{.*}}, %{{.*}} max_output_boxes_per_class %{{.*}} iou_threshold %{{.*}} score_threshold %{{.*}} {center_point_box = 1 : i64} : (tensor<1x6x4xf32>, tensor<1x2x6xf32>, tensor<1xi64>, tensor<1xf32>, tensor<f32>) -> tensor<?x3xi64>
  %0 = graph.non_max_suppression %boxes, %scores max_output_boxes_per_class %m iou_threshold %iou score_threshold %score {center_point_box = 1 : i64}
      : (tensor<1x6x4xf32>, tensor<1x2x6xf32>, tensor<1xi64>, tensor<1xf32>, tensor<f32>) -> tensor<?x3xi64>
  // CHECK: graph.non_max_suppression %{{.*}}, %{{.*}} score_threshold %{{.*}} : (tensor<?x?x4xf32>, tensor<?x?x?xf32>, tensor<f32>) -> tensor<?x3xi64>
  %1 = graph.non_max_suppression %dboxes, %dscores score_threshold %score
      : (tensor<?x?x4xf32>, tensor<?x?x?xf32>, tensor<f32>) -> tensor<?x3xi64>
  // A known count refines the `?`.
  // CHECK: graph.non_max_suppression %{{.*}}, %{{.*}} max_output_boxes_per_class %{{.*}} : (tensor<1x6x4xf32>, tensor<1x2x6xf32>, tensor<1xi64>) -> tensor<4x3xi64>
  %2 = graph.non_max_suppression %boxes, %scores max_output_boxes_per_class %m
      : (tensor<1x6x4xf32>, tensor<1x2x6xf32>, tensor<1xi64>) -> tensor<4x3xi64>
  return %0, %1, %2 : tensor<?x3xi64>, tensor<?x3xi64>, tensor<4x3xi64>
}
