# Thin wrapper over CMake + Ninja. `make demo` and `make check` install what is
# missing, configure once and build incrementally into build/.
BUILD_DIR ?= build
BUILD_TYPE ?= Release
LLVM_DIR ?= /usr/lib/llvm-22

# ccache keys on paths relative to the checkout, so a fresh clone hits the cache.
export CCACHE_BASEDIR ?= $(CURDIR)
export CCACHE_SLOPPINESS ?= pch_defines,time_macros,include_file_mtime,include_file_ctime

CMAKE_FLAGS = -G Ninja -S . -B $(BUILD_DIR) \
  -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) \
  -DMLIR_DIR=$(LLVM_DIR)/lib/cmake/mlir \
  -DLLVM_EXTERNAL_LIT=$(LLVM_DIR)/bin/lit \
  -DCMAKE_C_COMPILER=$(LLVM_DIR)/bin/clang \
  -DCMAKE_CXX_COMPILER=$(LLVM_DIR)/bin/clang++ \
  -DCMAKE_C_COMPILER_LAUNCHER=ccache \
  -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
  -DLLVM_USE_LINKER=lld \
  -DPython3_EXECUTABLE=/usr/bin/python3

.PHONY: all deps build check demo docs import-conformance conformance bench clean

all: build

deps:
	@bash utils/install-deps.sh

$(BUILD_DIR)/build.ninja:
	cmake $(CMAKE_FLAGS)

build: deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR)

check: build
	@bash utils/run-tests.sh $(BUILD_DIR)

demo: build
	@bash utils/demo.sh $(BUILD_DIR)

# Imports every ONNX backend test model and lowers it to Linalg; prints the
# counts and the unsupported operators.
import-conformance: build
	/usr/bin/python3 utils/onnx-import-conformance.py --tool $(BUILD_DIR)/bin/tensor-translate --lower $(BUILD_DIR)/bin/tensor-opt

# Compiles and runs every ONNX backend test and compares the outputs with the
# references; prints passed/failed/unsupported counts and the failures.
conformance: build
	/usr/bin/python3 utils/onnx-conformance.py --tessera $(BUILD_DIR)/bin/tessera

# Compares Tessera's latency with ONNX Runtime and PyTorch (utils/bench/README.md);
# BENCH_ARGS are bench.py's options, e.g. BENCH_ARGS="--models matmul --threads 1".
bench: build
	@bash utils/bench/setup.sh $(BUILD_DIR)
	/usr/bin/python3 utils/bench/bench.py --build $(BUILD_DIR) $(BENCH_ARGS)

docs: deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) --target tessera-doc-copy

clean:
	rm -rf $(BUILD_DIR)
