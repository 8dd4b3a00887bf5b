#!/usr/bin/python3
"""Compiles and runs the ONNX backend tests and compares their outputs.

For each model.onnx under the given suites of libonnx-testdata, compiles it
with `tessera compile` to a shared library and runs every test_data_set_*
with `tessera run --input-dir ... --output-dir ...`, then compares each
output with the reference output_N.pb: same dtype and shape, integers and
bools exactly, floats with onnx's backend-test tolerances (rtol 1e-3,
atol 1e-7; NaN where the reference has NaN) unless TOLERANCES loosens them
for a test (each with its reason). Sorts each test into passed, failed and
unsupported (the compiler's "unsupported ONNX operators" or "... is not
supported" errors) and prints the counts per suite, the operators that block
the unsupported tests and every failure.

  utils/onnx-conformance.py --tessera build/bin/tessera
  utils/onnx-conformance.py --tessera build/bin/tessera --tests-file test/e2e/node-subset.txt
"""
import argparse
import collections
import concurrent.futures
import glob
import os
import re
import subprocess
import sys
import tempfile

import numpy as np
import onnx
from onnx import TensorProto, numpy_helper

from conformance_report import UNSUPPORTED_LINE, print_report

DATA = "/usr/share/libonnx-testdata/data"
SUITES = ["node", "pytorch-converted", "pytorch-operator", "simple"]
DEFAULT_RTOL, DEFAULT_ATOL = 1e-3, 1e-7

# (rtol, atol, reason) for tests whose reference data needs looser bounds.
_DFT_REASON = ("float32 DFT sums of O(10) terms: outputs that cancel to zero in the "
               "float64 reference keep ~1e-5 of float32 rounding")
TOLERANCES = {
    "node/test_dft": (1e-3, 1e-4, _DFT_REASON),
    "node/test_dft_axis": (1e-3, 1e-4, _DFT_REASON),
    "node/test_dft_inverse": (1e-3, 1e-4, _DFT_REASON),
    "node/test_stft": (1e-3, 1e-4, _DFT_REASON),
    "node/test_stft_with_window": (1e-3, 1e-4, _DFT_REASON),
}
# One bfloat16 ulp.
_BF16_REASON = ("onnx 1.12's reference truncates to bfloat16; Tessera rounds to nearest "
                "even (IEEE, as onnx >= 1.14's reference does)")
for _test in ["test_cast_FLOAT_to_BFLOAT16", "test_castlike_FLOAT_to_BFLOAT16",
              "test_castlike_FLOAT_to_BFLOAT16_expanded"]:
    TOLERANCES["node/" + _test] = (8e-3, 0, _BF16_REASON)


def classify_compile_error(stderr):
    lines = stderr.splitlines()
    if any("unsupported ONNX operators" in line for line in lines):
        ops = [m.group(1) for m in map(UNSUPPORTED_LINE.match, lines) if m]
        return "unsupported", ops
    feature = [line for line in lines if "not supported" in line]
    if feature:
        return "unsupported", ["feature: " + feature[0].split("error: ")[-1].strip()]
    return "failed", []


def first_error(stderr):
    lines = [line for line in stderr.splitlines() if line.strip()]
    errors = [line for line in lines if "error" in line]
    return (errors or lines or ["no message"])[0][:300]


def compare(name, expected, actual, rtol, atol):
    """Returns None when `actual` matches `expected`, else why not."""
    if expected.dtype != actual.dtype:
        return f"{name}: dtype {actual.dtype}, expected {expected.dtype}"
    if expected.shape != actual.shape:
        return f"{name}: shape {actual.shape}, expected {expected.shape}"
    if expected.dtype.kind in "fc":
        e = expected.astype(np.float64)
        a = actual.astype(np.float64)
        nan = np.isnan(e)
        if not np.array_equal(nan, np.isnan(a)):
            return f"{name}: NaN at other positions than the reference"
        close = np.isclose(a, e, rtol=rtol, atol=atol, equal_nan=True)
        if not close.all():
            worst = np.unravel_index(np.argmax(np.where(close, 0, np.abs(a - e))), e.shape)
            return (f"{name}: {np.count_nonzero(~close)} of {e.size} elements differ; "
                    f"at {tuple(int(i) for i in worst)}: {a[worst]} vs {e[worst]}")
        return None
    if not np.array_equal(expected, actual):
        mismatch = np.count_nonzero(expected != actual)
        return f"{name}: {mismatch} of {expected.size} elements differ"
    return None


def load_tensor(path):
    tensor = TensorProto()
    with open(path, "rb") as f:
        tensor.ParseFromString(f.read())
    return numpy_helper.to_array(tensor)


def bfloat16_bits_to_float32(bits):
    return (bits.astype(np.uint32) << 16).view(np.float32)


def fix_bfloat16_inputs(dataset, input_types, tmp):
    """onnx 1.12 stores the bfloat16 tests' data as UINT16 tensors of the
    same bits; retypes them as BFLOAT16 (in a copy) for inputs that are."""
    if TensorProto.BFLOAT16 not in input_types:
        return dataset
    fixed = os.path.join(tmp, "inputs-" + os.path.basename(dataset))
    os.makedirs(fixed)
    for index, elem_type in enumerate(input_types):
        tensor = TensorProto()
        with open(os.path.join(dataset, f"input_{index}.pb"), "rb") as f:
            tensor.ParseFromString(f.read())
        if elem_type == TensorProto.BFLOAT16 and tensor.data_type == TensorProto.UINT16:
            tensor.data_type = TensorProto.BFLOAT16
        with open(os.path.join(fixed, f"input_{index}.pb"), "wb") as f:
            f.write(tensor.SerializeToString())
    return fixed


def graph_interface(model_path):
    """The graph inputs' (name, elem_type, shape) and the outputs' elem_types."""
    graph = onnx.load(model_path, load_external_data=False).graph
    initializers = {t.name for t in graph.initializer}
    inputs = []
    for i in graph.input:
        if i.name in initializers:
            continue
        tensor_type = i.type.tensor_type
        shape = [d.dim_value if d.HasField("dim_value") else -1
                 for d in tensor_type.shape.dim] if tensor_type.HasField("shape") else None
        inputs.append((i.name, tensor_type.elem_type, shape))
    outputs = [o.type.tensor_type.elem_type for o in graph.output]
    return inputs, outputs


def input_shape_overrides(inputs, dataset):
    """--input-shape flags for inputs whose test data has another shape than
    the model declares (some onnx 1.12 tests, e.g. CastLike's 'like')."""
    flags = []
    for index, (name, _, declared) in enumerate(inputs):
        path = os.path.join(dataset, f"input_{index}.pb")
        if declared is None or not os.path.exists(path):
            continue
        tensor = TensorProto()
        with open(path, "rb") as f:
            tensor.ParseFromString(f.read())
        actual = list(tensor.dims)
        if len(actual) != len(declared) or any(
                d >= 0 and d != a for d, a in zip(declared, actual)):
            dims = "x".join(str(d) for d in actual) if actual else ""
            flags.append(f"--input-shape={name}:{dims}")
    return flags


def run_test(tessera, test_dir, key, timeout):
    model = os.path.join(test_dir, "model.onnx")
    datasets = sorted(glob.glob(os.path.join(test_dir, "test_data_set_*")))
    inputs, output_types = graph_interface(model)
    input_types = [elem_type for _, elem_type, _ in inputs]
    overrides = input_shape_overrides(inputs, datasets[0]) if datasets else []
    with tempfile.TemporaryDirectory(prefix="tessera-conformance-") as tmp:
        library = os.path.join(tmp, "model.so")
        try:
            compiled = subprocess.run([tessera, "compile", model, "-o", library, *overrides],
                                      capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return "failed", f"compile timed out after {timeout} s", []
        if compiled.returncode != 0:
            if compiled.returncode < 0:
                return "failed", f"compile crashed with signal {-compiled.returncode}", []
            status, ops = classify_compile_error(compiled.stderr)
            return status, "compile: " + first_error(compiled.stderr), ops
        rtol, atol, _ = TOLERANCES.get(key, (DEFAULT_RTOL, DEFAULT_ATOL, ""))
        for dataset in datasets:
            out_dir = os.path.join(tmp, os.path.basename(dataset))
            input_dir = fix_bfloat16_inputs(dataset, input_types, tmp)
            try:
                ran = subprocess.run([tessera, "run", library, "--input-dir", input_dir,
                                      "--output-dir", out_dir],
                                     capture_output=True, text=True, timeout=timeout)
            except subprocess.TimeoutExpired:
                return "failed", f"run timed out after {timeout} s", []
            if ran.returncode != 0:
                how = (f"crashed with signal {-ran.returncode}" if ran.returncode < 0
                       else first_error(ran.stderr))
                return "failed", f"run {os.path.basename(dataset)}: {how}", []
            references = sorted(glob.glob(os.path.join(dataset, "output_*.pb")),
                                key=lambda p: int(re.findall(r"\d+", os.path.basename(p))[0]))
            for index, reference in enumerate(references):
                produced = os.path.join(out_dir, f"output_{index}.pb")
                if not os.path.exists(produced):
                    return "failed", f"output_{index}.pb was not written", []
                expected = load_tensor(reference)
                if (index < len(output_types) and output_types[index] == TensorProto.BFLOAT16
                        and expected.dtype == np.uint16):
                    expected = bfloat16_bits_to_float32(expected)
                why = compare(f"output {index}", expected, load_tensor(produced), rtol, atol)
                if why:
                    return "failed", f"{os.path.basename(dataset)} {why}", []
    return "passed", "", []


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tessera", default="build/bin/tessera")
    parser.add_argument("--suite", action="append", choices=SUITES,
                        help="suites to run (default: all)")
    parser.add_argument("--filter", default="", help="only tests whose name contains this")
    parser.add_argument("--tests-file",
                        help="only the tests listed in this file (suite/name per line)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--timeout", type=int, default=300)
    args = parser.parse_args()

    listed = None
    if args.tests_file:
        with open(args.tests_file) as f:
            listed = {line.split("#")[0].strip() for line in f} - {""}
    tests = []
    for suite in args.suite or SUITES:
        root = os.path.join(DATA, suite)
        for name in sorted(os.listdir(root)):
            key = f"{suite}/{name}"
            if listed is not None and key not in listed:
                continue
            if args.filter in name and os.path.exists(os.path.join(root, name, "model.onnx")):
                tests.append((suite, key, os.path.join(root, name)))
    if listed is not None:
        missing = listed - {key for _, key, _ in tests}
        if missing:
            print("unknown tests in", args.tests_file, ":", ", ".join(sorted(missing)))
            return 2

    counts = collections.defaultdict(collections.Counter)
    blocking = collections.Counter()
    failures = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        results = pool.map(lambda t: run_test(args.tessera, t[2], t[1], args.timeout), tests)
        for (suite, key, _), (status, message, ops) in zip(tests, results):
            counts[suite][status] += 1
            blocking.update(set(ops))
            if status == "failed":
                failures.append(f"{key}: {message}")

    return print_report(failures, blocking, counts, args.suite or SUITES,
                        ("passed", "passed"), "tests")


if __name__ == "__main__":
    sys.exit(main())
