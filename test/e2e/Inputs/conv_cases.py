"""Shared by the e2e scripts that write single-convolution test cases."""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def save_conv_case(out, name, x, y, weights, bias, nodes):
    """Writes `nodes` (reading x, w and b, writing y) as NAME.onnx with the
    weights and bias as initializers, and the input x and the expected
    output y as NAME.x.npy and NAME.y.npy in `out`."""
    graph = helper.make_graph(
        nodes, name, [helper.make_tensor_value_info("x", TensorProto.FLOAT, x.shape)],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, y.shape)],
        [numpy_helper.from_array(weights, "w"), numpy_helper.from_array(bias, "b")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(out, name + ".onnx"))
    np.save(os.path.join(out, name + ".x.npy"), x)
    np.save(os.path.join(out, name + ".y.npy"), y)
