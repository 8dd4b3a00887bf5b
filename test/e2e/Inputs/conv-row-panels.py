#!/usr/bin/python3
"""Writes convolutions whose output channels are the register tiles'
vectors (output planes no multiple of 32 positions, or window copies at
least 512 deep), with strides, pads,
dilations and depths that take different paths through the panels of
output positions the window copies write, each followed by a ReLU: an ONNX
model NAME.onnx, an input NAME.x.npy and PyTorch's output NAME.y.npy.
conv-row-panels.py DIR."""
import sys

import numpy as np
import torch
from conv_cases import save_conv_case
from onnx import helper

out = sys.argv[1]
rng = np.random.default_rng(0)
# name: input channels, output channels, height, width, kernel, strides,
# pads (top, left, bottom, right), dilations
CASES = {
    "k3": (16, 64, 14, 14, 3, (1, 1), (1, 1, 1, 1), (1, 1)),
    "k3_s2_asymmetric_pads": (16, 64, 28, 28, 3, (2, 2), (0, 0, 1, 1), (1, 1)),
    "k1_s2": (32, 64, 28, 28, 1, (2, 2), (0, 0, 0, 0), (1, 1)),
    "k3_dilated": (16, 64, 14, 14, 3, (1, 1), (2, 2, 2, 2), (2, 2)),
    "panels_of_6": (16, 32, 12, 12, 3, (1, 1), (1, 1, 1, 1), (1, 1)),
    "wide_rows": (16, 32, 10, 21, 3, (1, 1), (1, 1, 1, 1), (1, 1)),
    "prime_width": (16, 32, 11, 11, 5, (1, 1), (2, 2, 2, 2), (1, 1)),
    "deep": (128, 64, 14, 14, 3, (1, 1), (1, 1, 1, 1), (1, 1)),
    "several_k_tiles": (256, 64, 14, 14, 3, (1, 1), (1, 1, 1, 1), (1, 1)),
    "aligned_positions": (64, 64, 24, 24, 3, (1, 1), (1, 1, 1, 1), (1, 1)),
}
for name, (c, f, h, w, k, strides, pads, dilations) in CASES.items():
    x = rng.standard_normal((1, c, h, w), dtype=np.float32)
    weights = rng.standard_normal((f, c, k, k), dtype=np.float32) / np.sqrt(c * k * k)
    bias = rng.standard_normal(f, dtype=np.float32)
    padded = torch.nn.functional.pad(torch.from_numpy(x),
                                     (pads[1], pads[3], pads[0], pads[2]))
    y = torch.relu(torch.nn.functional.conv2d(
        padded, torch.from_numpy(weights), torch.from_numpy(bias), stride=strides,
        dilation=dilations)).numpy()
    save_conv_case(out, name, x, y, weights, bias, [
        helper.make_node("Conv", ["x", "w", "b"], ["conv"], kernel_shape=[k, k],
                         strides=list(strides), pads=list(pads), dilations=list(dilations)),
        helper.make_node("Relu", ["conv"], ["y"])])
