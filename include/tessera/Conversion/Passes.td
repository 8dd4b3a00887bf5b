//===- Passes.td - Tessera's conversion passes ----------------------------===//

#ifndef TESSERA_CONVERSION_PASSES_TD
#define TESSERA_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertGraphToTE : Pass<"convert-graph-to-te", "::mlir::ModuleOp"> {
  let summary = "Lower graph operators to te.compute";
  let description = [{
    Every graph operator becomes one or more `te.compute` stages that say
    what it computes element by element (the operator library, TVM's TOPI);
    `graph.constant` becomes `arith.constant`. Unsigned integer tensors
    become signless ones (function signatures included); the stages use
    unsigned arithmetic where the graph types were unsigned.

    An operator with an attribute value or dynamic shape that the lowering
    does not handle is an error naming the operator and its ONNX node.
  }];
  let dependentDialects = [
    "::tessera::te::TEDialect", "::mlir::arith::ArithDialect",
    "::mlir::cf::ControlFlowDialect", "::mlir::math::MathDialect",
    "::mlir::scf::SCFDialect", "::mlir::tensor::TensorDialect"];
}

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
