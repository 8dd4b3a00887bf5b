#!/usr/bin/env bash
# `make demo`: imports a real model (SqueezeNet, exported with PyTorch by the
# build) and lowers it to Linalg, showing the operators at each level. It
# becomes a compile-and-run demo once the CPU backend lands.
set -euo pipefail
build=${1:-build}
model="$build/models/squeezenet1_0.onnx"

count_ops() { grep -oE "= $1\.[a-z_0-9]+" | sed 's/= //' | sort | uniq -c | sort -rn; }

echo "== Dialects Tessera adds to tensor-opt =="
"$build/bin/tensor-opt" --show-dialects | tr ',' '\n' | grep -xE 'graph|te|sched'
echo
echo "== $model -> graph dialect =="
time "$build/bin/tensor-translate" --import-onnx "$model" -o "$build/demo.graph.mlir"
count_ops graph < "$build/demo.graph.mlir"
echo
echo "== graph -> te -> Linalg on tensors =="
time "$build/bin/tensor-opt" "$build/demo.graph.mlir" --canonicalize \
  --convert-graph-to-te --convert-te-to-linalg -o "$build/demo.linalg.mlir"
count_ops linalg < "$build/demo.linalg.mlir"
echo
echo "IR written to $build/demo.graph.mlir and $build/demo.linalg.mlir"
