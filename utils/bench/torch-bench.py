#!/usr/bin/python3
"""PyTorch peer of utils/bench/bench.py: times one model on one thread and
prints one JSON line, {"median_ms": M} or {"error": "..."}.

  torch-bench.py MODEL ONNX_FILE WARMUP REPEAT FILE.npy...

MODEL is "matmul", "conv" (built from torch ops, the conv's weights read from
ONNX_FILE's initializers) or a model of utils/export-torch-models.py; the
.npy files are its inputs in order.
"""
import importlib.util
import json
import os
import statistics
import sys
import time

# torch.set_num_threads does not reach the OpenBLAS that Debian's torch calls
# for matmul and linear layers (it ran on both cores); the BLAS reads its
# thread count when it is loaded, so it is set before torch is imported.
for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
    os.environ[variable] = "1"

import numpy as np
import onnx
from onnx import numpy_helper
import torch
import torch.nn.functional as F


def load_export_models():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir,
                        "export-torch-models.py")
    spec = importlib.util.spec_from_file_location("export_torch_models", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_callable(name, onnx_file):
    if name == "matmul":
        return torch.matmul
    if name == "conv":
        initializers = {tensor.name: torch.from_numpy(numpy_helper.to_array(tensor).copy())
                        for tensor in onnx.load(onnx_file).graph.initializer}
        weight, bias = initializers["w"], initializers["bias"]
        return lambda x: F.conv2d(x, weight, bias, padding=1)
    export_models = load_export_models()
    torch.manual_seed(0)
    construct, _ = export_models.MODELS[name]
    return construct().eval()


def main():
    name, onnx_file, warmup, repeat, *input_files = sys.argv[1:]
    warmup, repeat = int(warmup), int(repeat)
    # Debian's torch oversubscribes two cores at two threads: one thread only.
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    try:
        model = make_callable(name, onnx_file)
        inputs = [torch.from_numpy(np.load(path)) for path in input_files]
        milliseconds = []
        with torch.inference_mode():
            for i in range(warmup + repeat):
                start = time.perf_counter()
                model(*inputs)
                if i >= warmup:
                    milliseconds.append((time.perf_counter() - start) * 1e3)
    except Exception as error:  # reported in the table, not a crash
        print(json.dumps({"error": f"{type(error).__name__}: {error}".splitlines()[0]}))
        return 1
    print(json.dumps({"median_ms": statistics.median(milliseconds)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
