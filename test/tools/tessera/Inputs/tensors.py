#!/usr/bin/env python3
"""Writes and prints the tensor files of the `tessera` CLI tests.

  tensors.py pb FILE.pb DTYPE SHAPE VALUES [--name NAME]
  tensors.py npy FILE.npy DTYPE SHAPE VALUES
  tensors.py npz FILE.npz [--compressed] NAME=DTYPE:SHAPE:VALUES ...
  tensors.py print FILE.pb ...       one line per file: name dtype shape: values

DTYPE: numpy's names (float32, int64, ...). SHAPE: dims joined by 'x', or
'scalar'. VALUES: comma-separated, or 'arange' (0, 1, 2, ...).
"""
import argparse
import sys

import numpy as np
from onnx import TensorProto, numpy_helper


def make_array(dtype, shape, values):
    dims = [] if shape == "scalar" else [int(d) for d in shape.split("x")]
    count = int(np.prod(dims))
    if values == "arange":
        data = np.arange(count)
    else:
        data = np.array([float(v) for v in values.split(",")] if values else [])
    return data.astype(dtype).reshape(dims)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    pb = sub.add_parser("pb")
    npy = sub.add_parser("npy")
    for p in (pb, npy):
        p.add_argument("file")
        p.add_argument("dtype")
        p.add_argument("shape")
        p.add_argument("values")
    pb.add_argument("--name", default="")
    npz = sub.add_parser("npz")
    npz.add_argument("file")
    npz.add_argument("--compressed", action="store_true")
    npz.add_argument("arrays", nargs="+")
    show = sub.add_parser("print")
    show.add_argument("files", nargs="+")
    args = parser.parse_args()

    if args.command == "pb":
        proto = numpy_helper.from_array(make_array(args.dtype, args.shape, args.values),
                                        args.name)
        with open(args.file, "wb") as f:
            f.write(proto.SerializeToString())
    elif args.command == "npy":
        np.save(args.file, make_array(args.dtype, args.shape, args.values))
    elif args.command == "npz":
        arrays = {}
        for spec in args.arrays:
            name, rest = spec.split("=", 1)
            arrays[name] = make_array(*rest.split(":", 2))
        (np.savez_compressed if args.compressed else np.savez)(args.file, **arrays)
    else:
        for path in args.files:
            proto = TensorProto()
            with open(path, "rb") as f:
                proto.ParseFromString(f.read())
            array = numpy_helper.to_array(proto)
            shape = "x".join(str(d) for d in array.shape) or "scalar"
            values = " ".join("%g" % v for v in array.flatten().tolist())
            print("%s %s %s: %s" % (proto.name, array.dtype, shape, values))


if __name__ == "__main__":
    sys.exit(main())
