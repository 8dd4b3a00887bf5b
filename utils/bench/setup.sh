#!/usr/bin/env bash
# The benchmark's setup (`make bench` runs it before bench.py): installs
# onnxruntime-node from package-lock.json into BUILD/bench/node_modules and
# compiles the OpenBLAS and FMA-peak programs into BUILD/bench/bin. Reruns
# only what is out of date.
set -euo pipefail
build=${1:-build}
bench_dir="$build/bench"
source_dir=$(dirname "$0")
clang=/usr/lib/llvm-22/bin/clang
mkdir -p "$bench_dir/bin"

if ! cmp -s "$source_dir/package-lock.json" "$bench_dir/package-lock.json" ||
   [ ! -d "$bench_dir/node_modules/onnxruntime-node" ]; then
  cp "$source_dir/package.json" "$source_dir/package-lock.json" "$bench_dir/"
  # The CPU binaries come with the package; its install script would fetch
  # the CUDA ones from nuget.org, which the CPU benchmark doesn't need.
  (cd "$bench_dir" && ONNXRUNTIME_NODE_INSTALL=skip npm ci --no-audit --no-fund --loglevel=error)
fi

if [ "$source_dir/sgemm-bench.c" -nt "$bench_dir/bin/sgemm-bench" ]; then
  "$clang" -O2 -o "$bench_dir/bin/sgemm-bench" "$source_dir/sgemm-bench.c" -lopenblas
fi
if [ "$source_dir/fma-peak.c" -nt "$bench_dir/bin/fma-peak" ]; then
  "$clang" -O2 -march=native -o "$bench_dir/bin/fma-peak" "$source_dir/fma-peak.c" -lpthread
fi
