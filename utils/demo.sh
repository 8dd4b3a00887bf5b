#!/usr/bin/env bash
# `make demo`: compiles the small image classifier shipped in
# examples/shapes-cnn to a shared library, classifies its sample images
# (top-5 classes) and measures the latency.
set -euo pipefail
build=${1:-build}
tessera="$build/bin/tessera"
example=examples/shapes-cnn
library="$build/demo/shapes-cnn.so"
mkdir -p "$build/demo"

echo "== tessera compile $example/shapes-cnn.onnx -o $library =="
"$tessera" compile "$example/shapes-cnn.onnx" -o "$library" --stats
for sample in circle triangle checkerboard; do
  echo
  echo "== tessera run $library --input image=$example/$sample.npy --print-top 5 =="
  "$tessera" run "$library" --input "image=$example/$sample.npy" --print-top 5 \
    --labels "$example/labels.txt"
done
echo
echo "== tessera bench $library (1 thread, then 2) =="
"$tessera" bench "$library" --input "image=$example/circle.npy" --threads 1
"$tessera" bench "$library" --input "image=$example/circle.npy" --threads 2
