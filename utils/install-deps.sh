#!/usr/bin/env bash
# Installs every Debian package Tessera needs to build, test and run its demo.
# Idempotent: installs only what is missing and says what it installed.
set -euo pipefail

PACKAGES=(
  # Toolchain: Debian's LLVM/MLIR 22, clang + lld, Ninja, ccache.
  cmake ninja-build ccache make
  clang-22 lld-22 llvm-22-dev llvm-22-tools libmlir-22-dev mlir-22-tools
  libomp-22-dev
  # Tests.
  libgtest-dev libgmock-dev
  # ONNX import: protobuf + libonnx (checker, version converter, shape inference).
  libprotobuf-dev protobuf-compiler libonnx-dev
  # Runtime: DLPack tensors, metadata JSON.
  libdlpack-dev nlohmann-json3-dev
  # .npz inputs of the tessera CLI (deflated zip entries).
  zlib1g-dev
  # aarch64 cross compilation (libc, libgcc, libstdc++ for the runtime) and
  # running the result under qemu.
  libc6-dev-arm64-cross libgcc-12-dev-arm64-cross libstdc++-12-dev-arm64-cross
  qemu-user
  # Test data and model export.
  libonnx-testdata python3-onnx python3-numpy python3-torch python3-torchvision
  # Benchmark (utils/bench): ONNX Runtime through onnxruntime-node, OpenBLAS.
  nodejs npm libopenblas-dev
)

# Packages that installed packages provide (NodeSource's nodejs provides npm
# and conflicts with Debian's).
provided=$(dpkg-query -W -f='${Status}\t${Provides}\n' 2>/dev/null |
  awk -F'\t' '$1 == "install ok installed" { print $2 }' |
  tr ',' '\n' | sed -E 's/^ *//; s/ *\(.*//' | sort -u)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" &&
     ! grep -qxF "$pkg" <<<"$provided"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: installed ${#missing[@]} package(s): ${missing[*]}"
