#!/usr/bin/python3
"""Writes depthwise convolutions with strides, pads and dilations that take
different paths through the default schedules (column phases, odd widths,
rows longer than the per-tap tiles), each an ONNX model NAME.onnx, an input
NAME.x.npy and PyTorch's output NAME.y.npy: depthwise-strides.py DIR."""
import sys

import numpy as np
import torch
from conv_cases import save_conv_case
from onnx import helper

out = sys.argv[1]
rng = np.random.default_rng(0)
# name: channels, height, width, kernel, strides, pads (top, left, bottom,
# right), dilations
CASES = {
    "s2_asymmetric_pads": (16, 20, 20, 3, (2, 2), (0, 0, 1, 1), (1, 1)),
    "s2_no_pads": (16, 20, 20, 3, (2, 2), (0, 0, 0, 0), (1, 1)),
    "s2_odd_width": (16, 21, 21, 3, (2, 2), (1, 1, 1, 1), (1, 1)),
    "s2_dilated": (16, 20, 20, 3, (2, 2), (2, 2, 2, 2), (2, 2)),
    "s2_rows_only": (16, 20, 20, 3, (2, 1), (1, 1, 1, 1), (1, 1)),
    "s3_k5": (16, 21, 21, 5, (3, 3), (2, 2, 2, 2), (1, 1)),
    "s2_k4": (16, 24, 24, 4, (2, 2), (1, 1, 1, 1), (1, 1)),
    "s2_long_rows": (8, 6, 600, 3, (2, 2), (1, 1, 1, 1), (1, 1)),
}
for name, (c, h, w, k, strides, pads, dilations) in CASES.items():
    x = rng.standard_normal((1, c, h, w), dtype=np.float32)
    weights = rng.standard_normal((c, 1, k, k), dtype=np.float32)
    bias = rng.standard_normal(c, dtype=np.float32)
    padded = torch.nn.functional.pad(torch.from_numpy(x),
                                     (pads[1], pads[3], pads[0], pads[2]))
    y = torch.nn.functional.conv2d(padded, torch.from_numpy(weights), torch.from_numpy(bias),
                                   stride=strides, dilation=dilations, groups=c).numpy()
    save_conv_case(out, name, x, y, weights, bias, [
        helper.make_node("Conv", ["x", "w", "b"], ["y"], group=c, kernel_shape=[k, k],
                         strides=list(strides), pads=list(pads), dilations=list(dilations))])
