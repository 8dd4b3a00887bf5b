#!/usr/bin/python3
"""Imports every ONNX backend test model and counts what imports.

For each model.onnx under the given suites of libonnx-testdata, runs
`tensor-translate --import-onnx` (and with --lower, `tensor-opt` lowering the
graph to Linalg on tensors) and sorts it into imported, unsupported (the
importer's "unsupported ONNX operators" error, or a converter's "... is not
supported" for an attribute value or type) and failed (any other error, or a
crash). Prints the counts per suite, the unsupported operators by how
many models they block, and every failure with its first error line.

  utils/onnx-import-conformance.py --tool build/bin/tensor-translate
  utils/onnx-import-conformance.py --lower build/bin/tensor-opt
"""
import argparse
import collections
import concurrent.futures
import os
import subprocess
import sys

from conformance_report import UNSUPPORTED_LINE, print_report

DATA = "/usr/share/libonnx-testdata/data"
SUITES = ["node", "pytorch-converted", "pytorch-operator", "simple"]


LOWERING = ["--canonicalize", "--convert-graph-to-te", "--convert-te-to-linalg"]


def import_model(tool, lower_tool, model):
    try:
        run = subprocess.run([tool, "--import-onnx", model],
                             capture_output=True, text=True, timeout=120)
        if run.returncode == 0 and lower_tool:
            lowered = subprocess.run([lower_tool, *LOWERING, "-o", os.devnull],
                                     input=run.stdout, capture_output=True,
                                     text=True, timeout=120)
            if lowered.returncode > 0:
                # The lowering rejects what it cannot lower with an error
                # naming the operator.
                error = next((line for line in lowered.stderr.splitlines()
                              if "error:" in line), "no message")
                return "unsupported", "", ["lowering: " + error.split("error: ")[-1]]
            run = lowered
    except subprocess.TimeoutExpired:
        return "failed", "timed out after 120 s", []
    if run.returncode == 0:
        return "imported", "", []
    lines = run.stderr.splitlines()
    if any("unsupported ONNX operators" in line for line in lines):
        ops = [m.group(1) for m in map(UNSUPPORTED_LINE.match, lines) if m]
        return "unsupported", "", ops
    # A supported operator used with an unsupported attribute, type or mode.
    feature = [line for line in lines if "not supported" in line]
    if feature and run.returncode > 0:
        return "unsupported", "", ["feature: " + feature[0].split("error: ")[-1]]
    if run.returncode < 0:
        return "failed", f"crashed with signal {-run.returncode}", []
    errors = [line for line in lines if "error" in line]
    return "failed", (errors or lines or ["no message"])[0], []


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tool", default="build/bin/tensor-translate")
    parser.add_argument("--lower", metavar="TENSOR_OPT",
                        help="also lower each imported model to Linalg with this tensor-opt")
    parser.add_argument("--suite", action="append", choices=SUITES,
                        help="suites to run (default: all)")
    parser.add_argument("--filter", default="", help="only tests whose name contains this")
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    args = parser.parse_args()

    tests = []
    for suite in args.suite or SUITES:
        root = os.path.join(DATA, suite)
        for name in sorted(os.listdir(root)):
            model = os.path.join(root, name, "model.onnx")
            if args.filter in name and os.path.exists(model):
                tests.append((suite, name, model))

    counts = collections.defaultdict(collections.Counter)
    blocking = collections.Counter()
    failures = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        results = pool.map(lambda t: import_model(args.tool, args.lower, t[2]), tests)
        for (suite, name, _), (status, message, ops) in zip(tests, results):
            counts[suite][status] += 1
            blocking.update(set(ops))
            if status == "failed":
                failures.append(f"{suite}/{name}: {message}")

    verb = "lowered" if args.lower else "imported"
    return print_report(failures, blocking, counts, args.suite or SUITES,
                        ("imported", verb), "models")


if __name__ == "__main__":
    sys.exit(main())
