//===- Passes.td - Tessera's conversion passes ----------------------------===//

#ifndef TESSERA_CONVERSION_PASSES_TD
#define TESSERA_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertTEToLinalg : Pass<"convert-te-to-linalg"> {
  let summary = "Lower te.compute to Linalg on tensors";
  let description = [{
    Each `te.compute` becomes one `linalg.generic` (or a named Linalg op when
    the generic is one, e.g. `linalg.matmul`), with:
    - reads whose indices are affine functions of the loop indices turned
      into indexing maps (reads of the same tensor at the same map share one
      operand); affine reads with padding whose bounds are static become a
      `tensor.pad` of the input plus a shifted map (convolution pads);
    - every other read (non-affine indices such as floordiv or a gathered
      index, or padding with dynamic bounds) a `tensor.extract` in the body,
      guarded by a bounds check when it pads;
    - reduction axes as reduction iterators, the results initialized with
      the combiner's identity (or the custom `inits`), and the combiner
      applied in the body; an axis whose extent no operand's shape gives is
      carried by an extra input of that shape, as pooling ops do.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::linalg::LinalgDialect",
    "::mlir::scf::SCFDialect", "::mlir::tensor::TensorDialect"];
  let options = [
    Option<"specializeNamedOps", "specialize-named-ops", "bool", "true",
           "Turn generics that are named ops (matmul, ...) into them">];
}

#endif // TESSERA_CONVERSION_PASSES_TD
