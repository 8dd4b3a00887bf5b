#!/usr/bin/env python3
"""Writes the .npy, .npz and TensorProto fixtures of TensorIOTest.cpp.

Every array has shape 2x3 and element i (row-major) equal to
  i * 0.5 - 1 (floats), i - 2 (signed), i * 40 (unsigned), i % 2 == 1 (bool),
which the test recomputes.
"""
import os
import sys

import numpy as np
from numpy.lib import format as npy_format
from onnx import TensorProto, helper, numpy_helper

NPY_DTYPES = {  # npy descr suffix -> (numpy dtype, onnx data type)
    "f2": (np.float16, TensorProto.FLOAT16),
    "f4": (np.float32, TensorProto.FLOAT),
    "f8": (np.float64, TensorProto.DOUBLE),
    "i1": (np.int8, TensorProto.INT8),
    "i2": (np.int16, TensorProto.INT16),
    "i4": (np.int32, TensorProto.INT32),
    "i8": (np.int64, TensorProto.INT64),
    "u1": (np.uint8, TensorProto.UINT8),
    "u2": (np.uint16, TensorProto.UINT16),
    "u4": (np.uint32, TensorProto.UINT32),
    "u8": (np.uint64, TensorProto.UINT64),
    "b1": (np.bool_, TensorProto.BOOL),
}


def values(kind):
    i = np.arange(6).reshape(2, 3)
    if kind == "f":
        return i * 0.5 - 1
    if kind == "i":
        return i - 2
    if kind == "u":
        return i * 40
    return i % 2 == 1


def main(out):
    os.makedirs(out, exist_ok=True)
    path = lambda name: os.path.join(out, name)
    for code, (dtype, onnx_type) in NPY_DTYPES.items():
        array = values(code[0]).astype(dtype)
        np.save(path(code + ".npy"), array)
        with open(path(code + "_raw.pb"), "wb") as f:
            f.write(numpy_helper.from_array(array, "t_" + code).SerializeToString())
        typed = helper.make_tensor("t_" + code, onnx_type, array.shape,
                                   array.flatten().tolist(), raw=False)
        with open(path(code + "_typed.pb"), "wb") as f:
            f.write(typed.SerializeToString())

    # bfloat16 exists only as a TensorProto.
    bf16 = helper.make_tensor("t_bf16", TensorProto.BFLOAT16, [2, 3],
                              values("f").flatten().tolist(), raw=False)
    with open(path("bf16_typed.pb"), "wb") as f:
        f.write(bf16.SerializeToString())
    bits = (values("f").astype(np.float32).view(np.uint32) >> 16).astype("<u2")
    bf16_raw = helper.make_tensor("t_bf16", TensorProto.BFLOAT16, [2, 3],
                                  bits.tobytes(), raw=True)
    with open(path("bf16_raw.pb"), "wb") as f:
        f.write(bf16_raw.SerializeToString())

    # Header versions 2 and 3, a scalar, an empty array, C-order-equivalent
    # Fortran vectors.
    f4 = values("f").astype(np.float32)
    for version in [(2, 0), (3, 0)]:
        with open(path("f4_v%d.npy" % version[0]), "wb") as f:
            npy_format.write_array(f, f4, version=version)
    np.save(path("scalar.npy"), np.float32(3.5))
    np.save(path("empty.npy"), np.zeros((0, 3), np.float32))
    np.save(path("fortran_vector.npy"), np.asfortranarray(np.arange(4, dtype=np.int32)))

    # Unsupported arrays.
    np.save(path("fortran.npy"), np.asfortranarray(f4))
    np.save(path("big_endian.npy"), f4.astype(">f4"))
    np.save(path("complex.npy"), f4.astype(np.complex64))

    # Archives: stored and deflated.
    np.savez(path("stored.npz"), x=f4, y=values("i").astype(np.int64))
    np.savez_compressed(path("deflated.npz"), x=f4, y=values("i").astype(np.int64))

    # Malformed TensorProtos.
    external = numpy_helper.from_array(f4, "ext")
    external.ClearField("raw_data")
    external.data_location = TensorProto.EXTERNAL
    entry = external.external_data.add()
    entry.key, entry.value = "location", "weights.bin"
    short = TensorProto(name="short", data_type=TensorProto.FLOAT, dims=[2, 3])
    short.float_data.extend([1.0] * 5)
    wrong_field = TensorProto(name="wrong", data_type=TensorProto.FLOAT, dims=[2])
    wrong_field.int64_data.extend([1, 2])
    string = helper.make_tensor("s", TensorProto.STRING, [1], [b"a"])
    for name, proto in [("external.pb", external), ("short.pb", short),
                        ("wrong_field.pb", wrong_field), ("string.pb", string)]:
        with open(path(name), "wb") as f:
            f.write(proto.SerializeToString())


if __name__ == "__main__":
    main(sys.argv[1])
