#!/usr/bin/python3
"""Writes a small ONNX model, for importer tests.

One node by default; chain more with --node. Examples:

  onnx-node.py Conv -i X:f32:1x3x8x8 -i W:f32:4x3x3x3 -o Y \\
      -a kernel_shape=ints:3,3 -a pads=ints:1,1,1,1 -f model.onnx
  onnx-node.py Reshape -i X:f32:N,12 --init shape:i64:2:3,4 -o Y -f m.onnx

Value specs:
  -i/--input  NAME:DTYPE:SHAPE         a graph input ('' NAME: an absent optional input)
  --init      NAME:DTYPE:SHAPE:VALUES  an initializer, also a node input; VALUES
                                       comma-separated, or 'random'
  -o/--output NAME[:DTYPE:SHAPE]       a node output; the graph output too
  -a/--attr   KEY=KIND:VALUE           KIND: i, f, s, ints, floats, strings,
                                       t (tensor: DTYPE:SHAPE:VALUES)
SHAPE: dims joined by 'x' or ','; a non-numeric dim is symbolic (dynamic);
'scalar' is rank 0. DTYPE: f16 f32 f64 bf16 i8 i16 i32 i64 u8 u16 u32 u64 bool.
--opset N sets the ai.onnx opset (default 17); --no-check skips the checker.
"""
import argparse
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

DTYPES = {
    "f16": (TensorProto.FLOAT16, np.float16), "f32": (TensorProto.FLOAT, np.float32),
    "f64": (TensorProto.DOUBLE, np.float64), "bf16": (TensorProto.BFLOAT16, None),
    "i8": (TensorProto.INT8, np.int8), "i16": (TensorProto.INT16, np.int16),
    "i32": (TensorProto.INT32, np.int32), "i64": (TensorProto.INT64, np.int64),
    "u8": (TensorProto.UINT8, np.uint8), "u16": (TensorProto.UINT16, np.uint16),
    "u32": (TensorProto.UINT32, np.uint32), "u64": (TensorProto.UINT64, np.uint64),
    "bool": (TensorProto.BOOL, np.bool_),
}


def parse_shape(text):
    if text == "scalar":
        return []
    dims = text.replace(",", "x").split("x")
    return [int(d) if d.lstrip("-").isdigit() else d for d in dims]


def make_tensor(name, dtype, shape_text, values_text, rng):
    shape = parse_shape(shape_text)
    np_type = DTYPES[dtype][1]
    if values_text == "random":
        data = rng.standard_normal(shape).astype(np.float64)
        if np.issubdtype(np_type, np.integer):
            data = rng.integers(0, 4, size=shape)
    else:
        data = [float(v) for v in values_text.split(",")] if values_text else []
        data = np.array(data).reshape(shape)
    return numpy_helper.from_array(np.array(data).astype(np_type), name)


def parse_attr(text, rng):
    key, _, spec = text.partition("=")
    kind, _, value = spec.partition(":")
    if kind == "i":
        return helper.make_attribute(key, int(value))
    if kind == "f":
        return helper.make_attribute(key, float(value))
    if kind == "s":
        return helper.make_attribute(key, value.encode())
    if kind == "ints":
        return helper.make_attribute(key, [int(v) for v in value.split(",") if v])
    if kind == "floats":
        return helper.make_attribute(key, [float(v) for v in value.split(",") if v])
    if kind == "strings":
        return helper.make_attribute(key, [v.encode() for v in value.split(",")])
    if kind == "t":
        dtype, shape, values = value.split(":", 2)
        return helper.make_attribute(key, make_tensor(key, dtype, shape, values, rng))
    sys.exit(f"onnx-node.py: unknown attribute kind '{kind}' in '{text}'")


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("op_type")
    parser.add_argument("-i", "--input", action="append", default=[])
    parser.add_argument("--init", action="append", default=[])
    parser.add_argument("-o", "--output", action="append", default=[])
    parser.add_argument("-a", "--attr", action="append", default=[])
    parser.add_argument("--domain", default="")
    parser.add_argument("--opset", type=int, default=17)
    parser.add_argument("--name", default="node0")
    parser.add_argument("--no-check", action="store_true")
    parser.add_argument("--external-data", metavar="FILE",
                        help="store initializers in FILE next to the model")
    parser.add_argument("-f", "--file", required=True)
    args = parser.parse_args()
    rng = np.random.default_rng(0)

    graph_inputs, node_inputs, initializers = [], [], []
    for spec in args.input:
        name, dtype, shape = spec.split(":")
        node_inputs.append(name)
        if name:
            graph_inputs.append(helper.make_tensor_value_info(
                name, DTYPES[dtype][0], parse_shape(shape)))
    for spec in args.init:
        name, dtype, shape, values = spec.split(":", 3)
        node_inputs.append(name)
        initializers.append(make_tensor(name, dtype, shape, values, rng))
    outputs, node_outputs = [], []
    for spec in args.output:
        parts = spec.split(":")
        node_outputs.append(parts[0])
        if len(parts) == 3:
            outputs.append(helper.make_tensor_value_info(
                parts[0], DTYPES[parts[1]][0], parse_shape(parts[2])))
        elif parts[0]:
            outputs.append(helper.make_empty_tensor_value_info(parts[0]))
    node = helper.make_node(args.op_type, node_inputs, node_outputs,
                            name=args.name, domain=args.domain)
    node.attribute.extend(parse_attr(a, rng) for a in args.attr)
    graph = helper.make_graph([node], "test", graph_inputs, outputs, initializers)
    opsets = [helper.make_opsetid("", args.opset)]
    if args.domain:
        opsets.append(helper.make_opsetid(args.domain, 1))
    model = helper.make_model(graph, opset_imports=opsets,
                              producer_name="onnx-node.py")
    model.ir_version = 8
    # Outputs given without a type take the one ONNX shape inference gives.
    untyped = [o.name for o in model.graph.output if not o.type.HasField("tensor_type")]
    if untyped:
        inferred = {v.name: v for v in onnx.shape_inference.infer_shapes(model).graph.value_info}
        for output in model.graph.output:
            if output.name in inferred:
                output.CopyFrom(inferred[output.name])
    if not args.no_check:
        onnx.checker.check_model(model)
    if args.external_data:
        onnx.save_model(model, args.file, save_as_external_data=True,
                        all_tensors_to_one_file=True, location=args.external_data,
                        size_threshold=0)
    else:
        onnx.save(model, args.file)


if __name__ == "__main__":
    main()
