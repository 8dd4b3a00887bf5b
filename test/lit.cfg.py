# Tessera's lit suite: tests mirror lib/ (test/Dialect/Graph/..., ...).
import os

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "Tessera"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.excludes = ["CMakeLists.txt", "README.md", "lit.cfg.py", "lit.site.cfg.py", "package", "Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.tessera_obj_root, "test")

config.substitutions.append(("%PATH%", config.environment["PATH"]))
llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)

# Writes small ONNX models for importer tests (utils/onnx-node.py --help).
config.substitutions.append(
    ("%onnx-node", "/usr/bin/python3 " + os.path.join(config.tessera_src_root, "utils", "onnx-node.py")))

config.substitutions.append(("%tessera_src_root", config.tessera_src_root))
config.substitutions.append(("%tessera_bin_dir", config.tessera_tools_dir))

# Models exported by utils/export-torch-models.py (the tessera-test-models target).
config.substitutions.append(("%models", config.tessera_models_dir))

# Compares a produced tensor (.pb/.npy) with a reference (utils/compare-tensors.py).
config.substitutions.append(
    ("%compare", "/usr/bin/python3 " + os.path.join(config.tessera_src_root, "utils", "compare-tensors.py")))

# The C program linked with the runtime library alone (unittests/Runtime).
run_model_dir = os.path.join(config.tessera_obj_root, "unittests")
config.substitutions.append(
    ("%tessera_run_model_path", os.path.join(run_model_dir, "tessera-run-model")))

tool_dirs = [config.tessera_tools_dir, run_model_dir, config.llvm_tools_dir]
tools = ["tensor-opt", "tensor-translate", "tessera", "tessera-run-model"]
llvm_config.add_tool_substitutions(tools, tool_dirs)
