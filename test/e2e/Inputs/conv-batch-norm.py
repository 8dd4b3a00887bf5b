#!/usr/bin/python3
"""Writes an ONNX Conv -> BatchNormalization model (weights large enough to be
resource blobs), an input and PyTorch's output: conv-batch-norm.py DIR."""
import os
import sys

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper, numpy_helper

out = sys.argv[1]
rng = np.random.default_rng(0)
x = rng.standard_normal((1, 16, 12, 12), dtype=np.float32)
w = rng.standard_normal((32, 16, 3, 3), dtype=np.float32)
b = rng.standard_normal(32, dtype=np.float32)
scale = rng.uniform(0.5, 1.5, 32).astype(np.float32)
shift = rng.uniform(-0.2, 0.2, 32).astype(np.float32)
mean = rng.uniform(-0.5, 0.5, 32).astype(np.float32)
var = rng.uniform(0.5, 2.0, 32).astype(np.float32)
inits = [numpy_helper.from_array(a, n) for a, n in
         [(w, "w"), (b, "b"), (scale, "scale"), (shift, "shift"), (mean, "mean"), (var, "var")]]
graph = helper.make_graph(
    [helper.make_node("Conv", ["x", "w", "b"], ["c"], pads=[1, 1, 1, 1]),
     helper.make_node("BatchNormalization", ["c", "scale", "shift", "mean", "var"], ["y"],
                      epsilon=1e-3)],
    "conv_batch_norm", [helper.make_tensor_value_info("x", TensorProto.FLOAT, x.shape)],
    [helper.make_tensor_value_info("y", TensorProto.FLOAT, (1, 32, 12, 12))], inits)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
onnx.checker.check_model(model)
onnx.save(model, os.path.join(out, "model.onnx"))
conv = torch.nn.functional.conv2d(torch.from_numpy(x), torch.from_numpy(w), torch.from_numpy(b),
                                  padding=1)
y = torch.nn.functional.batch_norm(conv, torch.from_numpy(mean), torch.from_numpy(var),
                                   torch.from_numpy(scale), torch.from_numpy(shift), eps=1e-3)
np.save(os.path.join(out, "x.npy"), x)
np.save(os.path.join(out, "y.npy"), y.numpy())
