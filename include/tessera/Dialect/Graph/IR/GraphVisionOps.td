//===- GraphVisionOps.td - Vision operators ---------------------------===//
//
// Vision operators: grid_sample, roi_align, non_max_suppression
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_DIALECT_GRAPH_IR_GRAPHVISIONOPS_TD
#define TESSERA_DIALECT_GRAPH_IR_GRAPHVISIONOPS_TD

include "tessera/Dialect/Graph/IR/GraphBase.td"

def Graph_GridSampleOp : Graph_InferredOp<"grid_sample",
    [AllElementTypesMatch<["input", "output"]>]> {
  let summary = "Samples an image at the positions a flow field gives";
  let description = [{
    ONNX GridSample (opset 16): for `input` N x C x H x W and `grid`
    N x H_out x W_out x 2, each output element (n, c, h, w) samples channel
    c of image n at the normalized position `grid[n, h, w]` = (x, y) in
    [-1, 1] (-1 the left/top, 1 the right/bottom edge: pixel centers with
    `align_corners` = 1, pixel borders with 0). The result is N x C x H_out x
    W_out.

    `mode` is "bilinear", "nearest" (rounding half to even) or "bicubic"
    (cubic kernel with a = -0.75); `padding_mode` says what positions
    outside the image read: "zeros" (0), "border" (the edge pixels) or
    "reflection" (the image mirrored at its border).

    ```mlir
    %0 = graph.grid_sample %x, %grid {mode = "nearest"}
        : (tensor<1x3x8x8xf32>, tensor<1x4x4x2xf32>) -> tensor<1x3x4x4xf32>
    ```
  }];
  let arguments = (ins Graph_NumericTensor:$input, Graph_FloatTensor:$grid,
                       DefaultValuedAttr<I64Attr, "0">:$align_corners,
                       DefaultValuedStrAttr<StrAttr, "bilinear">:$mode,
                       DefaultValuedStrAttr<StrAttr, "zeros">:$padding_mode);
  let results = (outs Graph_NumericTensor:$output);
  let hasVerifier = 1;
}

def Graph_RoiAlignOp : Graph_InferredOp<"roi_align",
    [AllElementTypesMatch<["input", "rois", "output"]>]> {
  let summary = "Pools regions of interest of a feature map by bilinear sampling";
  let description = [{
    ONNX RoiAlign (opset 16): for `input` N x C x H x W, `rois` R x 4 (x1,
    y1, x2, y2 in input coordinates before `spatial_scale`) and
    `batch_indices` R (the image of each region), the result R x C x
    output_height x output_width pools each region, divided into output_height
    x output_width bins, over a grid of sampling_ratio x sampling_ratio
    points per bin (0: ceil(region size / bins) points, per region), each
    point bilinearly interpolated. `mode` "avg" averages the points, "max"
    takes the largest weighted neighbour. `coordinate_transformation_mode`
    "half_pixel" shifts the scaled region by -0.5; "output_half_pixel" does
    not, and makes regions at least 1 x 1.

    ```mlir
    %0 = graph.roi_align %x, %rois, %batch {output_height = 5 : i64, output_width = 5 : i64}
        : (tensor<1x3x16x16xf32>, tensor<4x4xf32>, tensor<4xi64>) -> tensor<4x3x5x5xf32>
    ```
  }];
  let arguments = (ins
      Graph_FloatTensor:$input, Graph_FloatTensor:$rois,
      Graph_I64Tensor:$batch_indices,
      DefaultValuedStrAttr<StrAttr, "half_pixel">:$coordinate_transformation_mode,
      DefaultValuedStrAttr<StrAttr, "avg">:$mode,
      DefaultValuedAttr<I64Attr, "1">:$output_height,
      DefaultValuedAttr<I64Attr, "1">:$output_width,
      DefaultValuedAttr<I64Attr, "0">:$sampling_ratio,
      DefaultValuedAttr<F32Attr, "1.0">:$spatial_scale);
  let results = (outs Graph_FloatTensor:$output);
  let hasVerifier = 1;
}

def Graph_NonMaxSuppressionOp : Graph_InferredOp<"non_max_suppression",
    [AttrSizedOperandSegments]> {
  let summary = "Selects boxes by score, dropping those that overlap a better one";
  let description = [{
    ONNX NonMaxSuppression: for `boxes` B x S x 4 and `scores` B x K x S
    (B batches, K classes, S boxes), selects per batch and class, in order
    of decreasing score (ties: lower index first), up to
    `max_output_boxes_per_class` boxes (absent: 0) whose score is greater
    than `score_threshold` (absent: no threshold) and whose
    intersection-over-union with every box selected before is at most
    `iou_threshold` (absent: 0). The three are one-element tensors.
    `center_point_box` 0 gives boxes as two diagonal corners [y1, x1, y2,
    x2], 1 as [x_center, y_center, width, height]. The result lists the
    selections as rows [batch, class, box], by batch, then class, then
    selection order; their number depends on the data, so it is `?`.

    ```mlir
    %0 = graph.non_max_suppression %boxes, %scores max_output_boxes_per_class %m
        : (tensor<1x6x4xf32>, tensor<1x1x6xf32>, tensor<1xi64>) -> tensor<?x3xi64>
    ```
  }];
  let arguments = (ins
      RankedTensorOf<[F32]>:$boxes, RankedTensorOf<[F32]>:$scores,
      Optional<Graph_I64Tensor>:$max_output_boxes_per_class,
      Optional<RankedTensorOf<[F32]>>:$iou_threshold,
      Optional<RankedTensorOf<[F32]>>:$score_threshold,
      DefaultValuedAttr<I64Attr, "0">:$center_point_box);
  let results = (outs Graph_I64Tensor:$selected_indices);
  // Which optional operands are present must show in the text.
  let assemblyFormat = [{
    $boxes `,` $scores
    (`max_output_boxes_per_class` $max_output_boxes_per_class^)?
    (`iou_threshold` $iou_threshold^)?
    (`score_threshold` $score_threshold^)? attr-dict
    `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

#endif // TESSERA_DIALECT_GRAPH_IR_GRAPHVISIONOPS_TD
