#!/usr/bin/python3
"""Compares a tensor Tessera produced with a reference tensor.

  compare-tensors.py ACTUAL EXPECTED [--rtol R] [--atol A]

Each file is a .npy or an ONNX TensorProto .pb. Passes (exit 0) when dtypes
and shapes match and every element satisfies |a - e| <= atol + rtol * |e|
(integers and bools: equal). Prints the largest absolute and relative
differences either way.
"""
import argparse
import sys

import numpy as np
from onnx import TensorProto, numpy_helper


def load(path):
    if path.endswith(".npy"):
        return np.load(path)
    tensor = TensorProto()
    with open(path, "rb") as f:
        tensor.ParseFromString(f.read())
    return numpy_helper.to_array(tensor)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("actual")
    parser.add_argument("expected")
    parser.add_argument("--rtol", type=float, default=1e-3)
    parser.add_argument("--atol", type=float, default=1e-4)
    args = parser.parse_args()
    actual, expected = load(args.actual), load(args.expected)
    if actual.dtype != expected.dtype or actual.shape != expected.shape:
        print(f"mismatch: {actual.dtype}{list(actual.shape)} vs "
              f"{expected.dtype}{list(expected.shape)}")
        return 1
    if expected.dtype.kind not in "fc":
        equal = np.array_equal(actual, expected)
        print("equal" if equal else f"{np.count_nonzero(actual != expected)} elements differ")
        return 0 if equal else 1
    a, e = actual.astype(np.float64), expected.astype(np.float64)
    difference = np.abs(a - e)
    relative = difference / np.maximum(np.abs(e), np.finfo(np.float64).tiny)
    bad = ~np.isclose(a, e, rtol=args.rtol, atol=args.atol)
    print(f"max abs diff {difference.max():.3g}, max rel diff {relative.max():.3g}, "
          f"{np.count_nonzero(bad)} of {e.size} outside rtol {args.rtol} atol {args.atol}")
    return 1 if bad.any() else 0


if __name__ == "__main__":
    sys.exit(main())
