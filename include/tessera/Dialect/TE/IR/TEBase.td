//===- TEBase.td - The tensor-expression dialect and its attributes -------===//

#ifndef TESSERA_DIALECT_TE_IR_TEBASE_TD
#define TESSERA_DIALECT_TE_IR_TEBASE_TD

include "mlir/IR/EnumAttr.td"
include "mlir/IR/OpBase.td"

def TE_Dialect : Dialect {
  let name = "te";
  let cppNamespace = "::tessera::te";
  let summary = "Tensor expressions: what every operator computes";
  let description = [{
    The te dialect says what an operator computes, element by element, the
    way TVM's `te.compute` and TOPI do: a `te.compute` defines every element
    of its result tensors by a region over the output indices (and reduction
    indices), reading its inputs with `te.read` at arbitrary index
    expressions (affine ones, floordiv, clamps, data-dependent gathers).
    Every graph operator lowers to te; te lowers to Linalg on tensors, where
    schedules take over. Users write custom operators directly in te.

    Output axes and reduction axes have names, and each compute a stage name,
    so that schedules can say `matmul.k`.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

def TE_CombinerKind : I32EnumAttr<"CombinerKind",
    "how a reduction combines its values", [
      I32EnumAttrCase<"Sum", 0, "sum">,
      I32EnumAttrCase<"Prod", 1, "prod">,
      I32EnumAttrCase<"Max", 2, "max">,
      I32EnumAttrCase<"Min", 3, "min">,
      I32EnumAttrCase<"Custom", 4, "custom">]> {
  let cppNamespace = "::tessera::te";
}

#endif // TESSERA_DIALECT_TE_IR_TEBASE_TD
