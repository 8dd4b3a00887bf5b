#!/usr/bin/env bash
# `make demo`: shows what this build of Tessera provides. It becomes a real
# model compile-and-run once the CPU backend lands.
set -euo pipefail
build=${1:-build}
echo "== Tessera dialects registered in tensor-opt =="
"$build/bin/tensor-opt" --show-dialects | tr ',' '\n' | grep -xE 'graph|te|sched' 
echo
echo "== A graph-dialect function, verified and canonicalized =="
"$build/bin/tensor-opt" --canonicalize "$(dirname "$0")/../test/Dialect/Graph/ops.mlir"
