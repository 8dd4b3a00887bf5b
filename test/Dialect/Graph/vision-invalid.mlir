// RUN: tensor-opt %s -split-input-file -verify-diagnostics

func.func @grid_sample_rank(%x: tensor<3x8x8xf32>, %grid: tensor<1x4x4x2xf32>) -> tensor<?x?x4x4xf32> {
  // expected-error @+1 {{input must have rank 4, got 'tensor<3x8x8xf32>'}}
  %0 = graph.grid_sample %x, %grid : (tensor<3x8x8xf32>, tensor<1x4x4x2xf32>) -> tensor<?x?x4x4xf32>
  return %0 : tensor<?x?x4x4xf32>
}

// -----

func.func @grid_sample_grid_rank(%x: tensor<1x3x8x8xf32>, %grid: tensor<1x4x2xf32>) -> tensor<1x3x?x?xf32> {
  // expected-error @+1 {{grid must have rank 4, got 'tensor<1x4x2xf32>'}}
  %0 = graph.grid_sample %x, %grid : (tensor<1x3x8x8xf32>, tensor<1x4x2xf32>) -> tensor<1x3x?x?xf32>
  return %0 : tensor<1x3x?x?xf32>
}

// -----

func.func @grid_sample_mode(%x: tensor<1x3x8x8xf32>, %grid: tensor<1x4x4x2xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{attribute 'mode' must be one of "bilinear", "nearest", "bicubic", got "linear"}}
  %0 = graph.grid_sample %x, %grid {mode = "linear"} : (tensor<1x3x8x8xf32>, tensor<1x4x4x2xf32>) -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

func.func @grid_sample_padding(%x: tensor<1x3x8x8xf32>, %grid: tensor<1x4x4x2xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{attribute 'padding_mode' must be one of "zeros", "border", "reflection", got "edge"}}
  %0 = graph.grid_sample %x, %grid {padding_mode = "edge"} : (tensor<1x3x8x8xf32>, tensor<1x4x4x2xf32>) -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

func.func @grid_sample_align(%x: tensor<1x3x8x8xf32>, %grid: tensor<1x4x4x2xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{attribute 'align_corners' must be 0 or 1, got 2}}
  %0 = graph.grid_sample %x, %grid {align_corners = 2 : i64} : (tensor<1x3x8x8xf32>, tensor<1x4x4x2xf32>) -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

func.func @grid_sample_last(%x: tensor<1x3x8x8xf32>, %grid: tensor<1x4x4x3xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{grid's last dim must be 2 (x, y), got 'tensor<1x4x4x3xf32>'}}
  %0 = graph.grid_sample %x, %grid : (tensor<1x3x8x8xf32>, tensor<1x4x4x3xf32>) -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

func.func @grid_sample_batch(%x: tensor<2x3x8x8xf32>, %grid: tensor<1x4x4x2xf32>) -> tensor<?x3x4x4xf32> {
  // expected-error @+1 {{input and grid batch sizes differ}}
  %0 = graph.grid_sample %x, %grid : (tensor<2x3x8x8xf32>, tensor<1x4x4x2xf32>) -> tensor<?x3x4x4xf32>
  return %0 : tensor<?x3x4x4xf32>
}

// -----

func.func @roi_align_rois(%x: tensor<1x3x8x8xf32>, %rois: tensor<2x5xf32>, %b: tensor<2xi64>) -> tensor<2x3x1x1xf32> {
  // expected-error @+1 {{rois must be R x 4 (x1, y1, x2, y2), got 'tensor<2x5xf32>'}}
  %0 = graph.roi_align %x, %rois, %b : (tensor<1x3x8x8xf32>, tensor<2x5xf32>, tensor<2xi64>) -> tensor<2x3x1x1xf32>
  return %0 : tensor<2x3x1x1xf32>
}

// -----

func.func @roi_align_count(%x: tensor<1x3x8x8xf32>, %rois: tensor<2x4xf32>, %b: tensor<3xi64>) -> tensor<?x3x1x1xf32> {
  // expected-error @+1 {{rois and batch_indices have different numbers of regions}}
  %0 = graph.roi_align %x, %rois, %b : (tensor<1x3x8x8xf32>, tensor<2x4xf32>, tensor<3xi64>) -> tensor<?x3x1x1xf32>
  return %0 : tensor<?x3x1x1xf32>
}

// -----

func.func @roi_align_mode(%x: tensor<1x3x8x8xf32>, %rois: tensor<2x4xf32>, %b: tensor<2xi64>) -> tensor<2x3x1x1xf32> {
  // expected-error @+1 {{attribute 'mode' must be one of "avg", "max", got "min"}}
  %0 = graph.roi_align %x, %rois, %b {mode = "min"} : (tensor<1x3x8x8xf32>, tensor<2x4xf32>, tensor<2xi64>) -> tensor<2x3x1x1xf32>
  return %0 : tensor<2x3x1x1xf32>
}

// -----

func.func @roi_align_transformation(%x: tensor<1x3x8x8xf32>, %rois: tensor<2x4xf32>, %b: tensor<2xi64>) -> tensor<2x3x1x1xf32> {
  // expected-error @+1 {{attribute 'coordinate_transformation_mode' must be one of "half_pixel", "output_half_pixel", got "asymmetric"}}
  %0 = graph.roi_align %x, %rois, %b {coordinate_transformation_mode = "asymmetric"} : (tensor<1x3x8x8xf32>, tensor<2x4xf32>, tensor<2xi64>) -> tensor<2x3x1x1xf32>
  return %0 : tensor<2x3x1x1xf32>
}

// -----

func.func @roi_align_output(%x: tensor<1x3x8x8xf32>, %rois: tensor<2x4xf32>, %b: tensor<2xi64>) -> tensor<2x3x?x1xf32> {
  // expected-error @+1 {{output_height and output_width must be positive, got 0 x 1}}
  %0 = graph.roi_align %x, %rois, %b {output_height = 0 : i64} : (tensor<1x3x8x8xf32>, tensor<2x4xf32>, tensor<2xi64>) -> tensor<2x3x?x1xf32>
  return %0 : tensor<2x3x?x1xf32>
}

// -----

func.func @roi_align_sampling(%x: tensor<1x3x8x8xf32>, %rois: tensor<2x4xf32>, %b: tensor<2xi64>) -> tensor<2x3x1x1xf32> {
  // expected-error @+1 {{attribute 'sampling_ratio' must not be negative, got -1}}
  %0 = graph.roi_align %x, %rois, %b {sampling_ratio = -1 : i64} : (tensor<1x3x8x8xf32>, tensor<2x4xf32>, tensor<2xi64>) -> tensor<2x3x1x1xf32>
  return %0 : tensor<2x3x1x1xf32>
}

// -----

func.func @roi_align_input(%x: tensor<3x8x8xf32>, %rois: tensor<2x4xf32>, %b: tensor<2xi64>) -> tensor<2x8x1x1xf32> {
  // expected-error @+1 {{input must have rank 4, got 'tensor<3x8x8xf32>'}}
  %0 = graph.roi_align %x, %rois, %b : (tensor<3x8x8xf32>, tensor<2x4xf32>, tensor<2xi64>) -> tensor<2x8x1x1xf32>
  return %0 : tensor<2x8x1x1xf32>
}

// -----

func.func @nms_boxes(%boxes: tensor<1x6x5xf32>, %scores: tensor<1x1x6xf32>) -> tensor<?x3xi64> {
  // expected-error @+1 {{boxes must be B x S x 4, got 'tensor<1x6x5xf32>'}}
  %0 = graph.non_max_suppression %boxes, %scores : (tensor<1x6x5xf32>, tensor<1x1x6xf32>) -> tensor<?x3xi64>
  return %0 : tensor<?x3xi64>
}

// -----

func.func @nms_rank(%boxes: tensor<6x4xf32>, %scores: tensor<1x1x6xf32>) -> tensor<?x3xi64> {
  // expected-error @+1 {{boxes must have rank 3, got 'tensor<6x4xf32>'}}
  %0 = graph.non_max_suppression %boxes, %scores : (tensor<6x4xf32>, tensor<1x1x6xf32>) -> tensor<?x3xi64>
  return %0 : tensor<?x3xi64>
}

// -----

func.func @nms_scores(%boxes: tensor<1x6x4xf32>, %scores: tensor<1x1x5xf32>) -> tensor<?x3xi64> {
  // expected-error @+1 {{scores must be B x K x S for boxes B x S x 4}}
  %0 = graph.non_max_suppression %boxes, %scores : (tensor<1x6x4xf32>, tensor<1x1x5xf32>) -> tensor<?x3xi64>
  return %0 : tensor<?x3xi64>
}

// -----

func.func @nms_center(%boxes: tensor<1x6x4xf32>, %scores: tensor<1x1x6xf32>) -> tensor<?x3xi64> {
  // expected-error @+1 {{attribute 'center_point_box' must be 0 or 1, got 3}}
  %0 = graph.non_max_suppression %boxes, %scores {center_point_box = 3 : i64} : (tensor<1x6x4xf32>, tensor<1x1x6xf32>) -> tensor<?x3xi64>
  return %0 : tensor<?x3xi64>
}

// -----

func.func @nms_scalar(%boxes: tensor<1x6x4xf32>, %scores: tensor<1x1x6xf32>, %m: tensor<2xi64>) -> tensor<?x3xi64> {
  // expected-error @+1 {{max_output_boxes_per_class must hold one element, got 'tensor<2xi64>'}}
  %0 = graph.non_max_suppression %boxes, %scores max_output_boxes_per_class %m : (tensor<1x6x4xf32>, tensor<1x1x6xf32>, tensor<2xi64>) -> tensor<?x3xi64>
  return %0 : tensor<?x3xi64>
}
