#!/usr/bin/python3
"""Tessera's benchmark: runs each model with Tessera, ONNX Runtime (CPU) and
PyTorch in the same run and prints the median latencies and the ratios
Tessera/peer. A benchmark, not a test: it never fails because a ratio is bad.

  utils/bench/bench.py [--build build] [--models matmul,resnet50]
                       [--threads 1,2] [--repeat N] [--warmup N] [--rounds N]

Expects `make bench`'s setup (utils/bench/setup.sh): onnxruntime-node in
BUILD/bench/node_modules, the OpenBLAS and FMA-peak programs in BUILD/bench/bin.
Every peer runs in its own process; a peer that fails on a model puts its error
in the table and the run goes on.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))

MATMUL_SIZE = 1024
MATMUL_FLOP = 2.0 * MATMUL_SIZE ** 3

# name -> default timed runs per peer; the small ones get more.
MODELS = {
    "matmul": 20,
    "conv": 20,
    "resnet50": 10,
    "mobilenet_v2": 20,
    "efficientnet_b0": 20,
    "bert_encoder": 20,
    "vit": 20,
}
EXPORTED_MODELS = {"resnet50", "mobilenet_v2", "efficientnet_b0", "bert_encoder", "vit"}

# A peer process that takes longer than this fails its cell instead of the run.
PEER_TIMEOUT_S = 900


class PeerError(Exception):
    pass


def write_synthetic_models(out_dir):
    """Writes matmul.onnx (two 1024x1024 inputs) and conv.onnx (3x3, 64->64,
    56x56, pad 1, weights and bias as initializers) with their inputs."""
    path = os.path.join(out_dir, "matmul.onnx")
    if not os.path.exists(path):
        rng = np.random.default_rng(0)
        shape = [MATMUL_SIZE, MATMUL_SIZE]
        graph = helper.make_graph(
            [helper.make_node("MatMul", ["a", "b"], ["c"])], "matmul",
            [helper.make_tensor_value_info(name, TensorProto.FLOAT, shape) for name in "ab"],
            [helper.make_tensor_value_info("c", TensorProto.FLOAT, shape)])
        onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), path)
        for name in "ab":
            np.save(os.path.join(out_dir, f"matmul.{name}.npy"),
                    rng.standard_normal(shape, dtype=np.float32))
    path = os.path.join(out_dir, "conv.onnx")
    if not os.path.exists(path):
        rng = np.random.default_rng(1)
        weight = rng.standard_normal([64, 64, 3, 3], dtype=np.float32) * 0.05
        bias = rng.standard_normal([64], dtype=np.float32) * 0.1
        graph = helper.make_graph(
            [helper.make_node("Conv", ["x", "w", "bias"], ["y"], kernel_shape=[3, 3],
                              pads=[1, 1, 1, 1])], "conv",
            [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 64, 56, 56])],
            [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 64, 56, 56])],
            initializer=[numpy_helper.from_array(weight, "w"),
                         numpy_helper.from_array(bias, "bias")])
        onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), path)
        np.save(os.path.join(out_dir, "conv.x.npy"),
                rng.standard_normal([1, 64, 56, 56], dtype=np.float32))


def model_files(name, build_dir, bench_dir):
    """Returns the ONNX file and the (input name, .npy file) pairs of a model."""
    if name in EXPORTED_MODELS:
        models_dir = os.path.join(build_dir, "models")
        return (os.path.join(models_dir, name + ".onnx"),
                [("input", os.path.join(models_dir, name + ".input.npy"))])
    models_dir = os.path.join(bench_dir, "models")
    names = "ab" if name == "matmul" else "x"
    return (os.path.join(models_dir, name + ".onnx"),
            [(input_name, os.path.join(models_dir, f"{name}.{input_name}.npy"))
             for input_name in names])


def run_peer(command, env=None):
    """Runs a peer process and returns its stdout; raises PeerError with the
    last line of its output when it fails."""
    try:
        result = subprocess.run(command, capture_output=True, text=True, env=env,
                                timeout=PEER_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise PeerError(f"timed out after {PEER_TIMEOUT_S} s")
    if result.returncode != 0:
        lines = (result.stdout + result.stderr).strip().splitlines()
        # The first error line names the problem; what follows (an MLIR
        # diagnostic's IR dump, a traceback) is too long for the table.
        message = next((line for line in lines if "error" in line.lower()),
                       lines[-1] if lines else f"exit status {result.returncode}")
        try:
            message = json.loads(message)["error"]
        except (ValueError, KeyError, TypeError):
            pass
        raise PeerError(message.strip()[:300])
    return result.stdout


def median_from_json(output):
    result = json.loads(output.strip().splitlines()[-1])
    if "error" in result:
        raise PeerError(result["error"])
    return result["median_ms"]


class Peers:
    def __init__(self, build_dir, bench_dir):
        self.tessera_binary = os.path.join(build_dir, "bin", "tessera")
        self.library_dir = os.path.join(bench_dir, "tessera")
        self.node_env = dict(os.environ, NODE_PATH=os.path.join(bench_dir, "node_modules"))
        self.bin_dir = os.path.join(bench_dir, "bin")
        os.makedirs(self.library_dir, exist_ok=True)

    def tessera_compile(self, name, onnx_file):
        """Compiles the model to a shared library; returns (path, seconds)."""
        library = os.path.join(self.library_dir, name + ".so")
        start = time.perf_counter()
        run_peer([self.tessera_binary, "compile", onnx_file, "-o", library])
        return library, time.perf_counter() - start

    def tessera(self, library, inputs, threads, warmup, repeat):
        output = run_peer([self.tessera_binary, "bench", library, "--threads", str(threads),
                           "--warmup", str(warmup), "--repeat", str(repeat)] +
                          [arg for name, path in inputs for arg in ("--input", f"{name}={path}")])
        match = re.search(r"latency over \d+ runs \(ms\): min \S+\s+median (\S+)", output)
        if not match:
            raise PeerError(f"unexpected output of tessera bench: {output.strip()}")
        return float(match.group(1))

    def ort(self, onnx_file, inputs, threads, warmup, repeat):
        return median_from_json(run_peer(
            ["node", os.path.join(BENCH_DIR, "ort-bench.js"), onnx_file, str(threads),
             str(warmup), str(repeat)] + [f"{name}={path}" for name, path in inputs],
            env=self.node_env))

    def torch(self, name, onnx_file, inputs, warmup, repeat):
        return median_from_json(run_peer(
            ["/usr/bin/python3", os.path.join(BENCH_DIR, "torch-bench.py"), name, onnx_file,
             str(warmup), str(repeat)] + [path for _, path in inputs]))

    def openblas_gflops(self, threads, warmup, repeat):
        output = run_peer([os.path.join(self.bin_dir, "sgemm-bench"), str(threads),
                           str(MATMUL_SIZE), str(repeat), str(warmup)])
        return float(re.search(r"gflops (\S+)", output).group(1))

    def fma_peak_gflops(self, threads):
        output = run_peer([os.path.join(self.bin_dir, "fma-peak"), str(threads)])
        return float(re.search(r"gflops (\S+)", output).group(1))


def measure(function, errors, label):
    """Runs one peer measurement; returns its median (or GFLOP/s) or, when the
    peer failed, a reference to its error in `errors`."""
    try:
        return function()
    except (PeerError, OSError) as error:
        message = f"{label}: {error}"
        if message not in errors:
            errors.append(message)
        return f"error [{errors.index(message) + 1}]"


def best(current, new, larger_is_better=False):
    """The better of two rounds' results. Other processes only ever slow a
    round down, so the best round is the least disturbed one; an error shows
    only when every round failed."""
    if not isinstance(new, float):
        return current if isinstance(current, float) else new
    if not isinstance(current, float):
        return new
    return max(current, new) if larger_is_better else min(current, new)


def choose_openblas_coretype():
    """OpenBLAS 0.3.21 falls back to its SSE3 'Prescott' kernels on CPUs newer
    than it knows (Sapphire/Emerald Rapids: 35 instead of 140 GFLOP/s);
    name the newest kernel family the CPU supports unless the user did."""
    if "OPENBLAS_CORETYPE" in os.environ:
        return os.environ["OPENBLAS_CORETYPE"]
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            flags = next((line.split() for line in cpuinfo if line.startswith("flags")), [])
    except OSError:
        return None
    if "avx512f" in flags and "avx512bw" in flags and "avx512vl" in flags:
        return "SkylakeX"
    if "avx2" in flags and "fma" in flags:
        return "Haswell"
    return None


def format_cell(value, digits=2):
    if isinstance(value, str):
        return value
    if value is None:
        return "-"
    return f"{value:.{digits}f}"


def ratio(numerator, denominator):
    if isinstance(numerator, float) and isinstance(denominator, float):
        return f"{numerator / denominator:.2f}x"
    return "-"


def percent(numerator, denominator):
    if isinstance(numerator, float) and isinstance(denominator, float):
        return f"{100 * numerator / denominator:.1f}%"
    return "-"


def print_table(header, rows):
    widths = [max(len(str(row[i])) for row in [header] + rows) for i in range(len(header))]
    for row in [header] + rows:
        print("  ".join(str(cell).rjust(width) if i else str(cell).ljust(width)
                        for i, (cell, width) in enumerate(zip(row, widths))).rstrip())


def parse_list(text, convert=str):
    return [convert(item) for item in text.split(",") if item]


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default="build", help="Tessera's build directory")
    parser.add_argument("--models", default=",".join(MODELS),
                        help=f"comma-separated, from {','.join(MODELS)}")
    parser.add_argument("--threads", default="1,2", help="comma-separated thread counts")
    parser.add_argument("--repeat", type=int,
                        help="timed runs per peer and round (default: 10 for resnet50, 20 else)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs first")
    parser.add_argument("--rounds", type=int, default=3,
                        help="rounds alternating the peers; the best round's median counts "
                             "(default 3)")
    args = parser.parse_args()
    models = parse_list(args.models)
    unknown = [name for name in models if name not in MODELS]
    if unknown:
        parser.error(f"unknown models {','.join(unknown)}; known: {','.join(MODELS)}")
    thread_counts = parse_list(args.threads, int)
    if not thread_counts or min(thread_counts) < 1:
        parser.error("--threads takes positive thread counts")
    if (args.repeat is not None and args.repeat < 1) or args.warmup < 0 or args.rounds < 1:
        parser.error("--repeat and --rounds must be positive, --warmup not negative")

    build_dir = os.path.abspath(args.build)
    bench_dir = os.path.join(build_dir, "bench")
    os.makedirs(os.path.join(bench_dir, "models"), exist_ok=True)
    write_synthetic_models(os.path.join(bench_dir, "models"))
    coretype = choose_openblas_coretype()
    if coretype:
        # Also PyTorch's BLAS (Debian's torch uses libblas.so.3, OpenBLAS here).
        os.environ["OPENBLAS_CORETYPE"] = coretype
    peers = Peers(build_dir, bench_dir)

    errors = []
    rows = []
    matmul_gflops = {}  # (peer, threads) -> GFLOP/s or error text
    for name in models:
        onnx_file, inputs = model_files(name, build_dir, bench_dir)
        repeat = args.repeat or MODELS[name]
        print(f"bench: {name}", file=sys.stderr, flush=True)
        try:
            library, compile_seconds = peers.tessera_compile(name, onnx_file)
            compile_cell = f"{compile_seconds:.1f}"
        except (PeerError, OSError) as error:
            errors.append(f"{name}: tessera compile: {error}")
            library, compile_cell = None, f"error [{len(errors)}]"
        for threads in thread_counts:
            tessera_ms = ort_ms = torch_ms = None
            openblas = None
            for _ in range(args.rounds):
                # One round: every peer once, one after the other.
                if library:
                    tessera_ms = best(tessera_ms, measure(
                        lambda: peers.tessera(library, inputs, threads, args.warmup, repeat),
                        errors, f"{name} @{threads}: Tessera"))
                ort_ms = best(ort_ms, measure(
                    lambda: peers.ort(onnx_file, inputs, threads, args.warmup, repeat),
                    errors, f"{name} @{threads}: ONNX Runtime"))
                if threads == 1:
                    torch_ms = best(torch_ms, measure(
                        lambda: peers.torch(name, onnx_file, inputs, args.warmup, repeat),
                        errors, f"{name} @1: PyTorch"))
                if name == "matmul":
                    openblas = best(openblas, measure(
                        lambda: peers.openblas_gflops(threads, args.warmup, repeat),
                        errors, f"OpenBLAS @{threads}"), larger_is_better=True)
            if library is None:
                tessera_ms = compile_cell
            rows.append([name, threads, compile_cell if threads == thread_counts[0] else "",
                         format_cell(tessera_ms), format_cell(ort_ms), ratio(tessera_ms, ort_ms),
                         format_cell(torch_ms), ratio(tessera_ms, torch_ms)])
            print("bench:   " + "  ".join(str(cell) for cell in rows[-1]), file=sys.stderr,
                  flush=True)
            if name == "matmul":
                matmul_gflops["Tessera", threads] = (
                    MATMUL_FLOP / (tessera_ms * 1e6) if isinstance(tessera_ms, float)
                    else tessera_ms)
                matmul_gflops["ONNX Runtime", threads] = (
                    MATMUL_FLOP / (ort_ms * 1e6) if isinstance(ort_ms, float) else ort_ms)
                matmul_gflops["OpenBLAS", threads] = openblas
                matmul_gflops["FMA peak", threads] = measure(
                    lambda: peers.fma_peak_gflops(threads), errors, f"FMA peak @{threads}")

    print()
    print(f"Median latency in ms (warm-up {args.warmup}, repeat {args.repeat or 'per model'}, "
          f"rounds {args.rounds}); PyTorch at 1 thread only")
    print_table(["model", "threads", "compile s", "Tessera", "ORT", "Tessera/ORT", "PyTorch",
                 "Tessera/PyTorch"], rows)
    if matmul_gflops:
        print()
        print(f"matmul {MATMUL_SIZE}^3 GFLOP/s (OpenBLAS core type: {coretype or 'detected'})")
        gflops_rows = []
        for peer in ["Tessera", "ONNX Runtime", "OpenBLAS", "FMA peak"]:
            gflops_rows.append([peer] + [format_cell(matmul_gflops[peer, threads], 1)
                                         for threads in thread_counts])
        gflops_rows.append(["Tessera/OpenBLAS"] + [
            percent(matmul_gflops["Tessera", threads], matmul_gflops["OpenBLAS", threads])
            for threads in thread_counts])
        print_table([""] + [f"{threads} thread{'s' if threads > 1 else ''}"
                            for threads in thread_counts], gflops_rows)
    if errors:
        print()
        print("errors:")
        for index, error in enumerate(errors, 1):
            print(f"  [{index}] {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
