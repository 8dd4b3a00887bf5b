//===- GraphReductionOps.td - Reductions -------------------*- tablegen -*-===//
//
// Reductions: reduce_sum, reduce_mean, ..., argmax, argmin
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_DIALECT_GRAPH_IR_GRAPHREDUCTIONOPS_TD
#define TESSERA_DIALECT_GRAPH_IR_GRAPHREDUCTIONOPS_TD

include "tessera/Dialect/Graph/IR/GraphBase.td"

//===----------------------------------------------------------------------===//
// reduce_*: ONNX's Reduce* operators.
//===----------------------------------------------------------------------===//

// Every reduction has ONNX opset 18's form: `axes` is an optional operand
// (opset 17 has it only for ReduceSum; the importer turns the other
// operators' `axes` attribute into a constant operand), so that all of them
// fold and infer alike.
//
// `identityOverUnitDims`: reducing dimensions of size 1 (keeping them)
// returns the input unchanged, which holds for sum, mean, max, min and prod
// but not for the reductions that transform elements (l1, l2, log_sum, ...).
class Graph_ReduceOp<string mnemonic, string summaryText,
                     string formula, bit identityOverUnitDims = 0>
    : Graph_InferredOp<mnemonic,
        [AllElementTypesMatch<["data", "reduced"]>]> {
  let summary = summaryText;
  let description = !strconcat([{
    Reduces `data` over the dimensions listed in `axes` (a 1-D i64 tensor,
    values in [-rank, rank), no repeats), computing }], formula, [{.
    With `keepdims` = 1 the reduced dimensions stay as size 1, with 0 they are
    removed. When `axes` is absent or empty the operator reduces every
    dimension, or, with `noop_with_empty_axes` = 1, returns `data` unchanged.

    When `axes` is not a constant, the result keeps the input's rank with
    `keepdims` = 1 (dimensions become `?` unless of size 1); with
    `keepdims` = 0 its rank is rank(data) - len(axes), so the verifier requires
    `axes` to have a static length then.

    ```mlir
    %axes = graph.constant dense<[1]> : tensor<1xi64>
    %0 = }], "graph." # mnemonic, [{ %x, %axes {keepdims = 0 : i64}
        : (tensor<?x8xf32>, tensor<1xi64>) -> tensor<?xf32>
    ```
  }]);
  let arguments = (ins Graph_NumericTensor:$data,
                       Optional<1DTensorOf<[I64]>>:$axes,
                       DefaultValuedAttr<I64Attr, "1">:$keepdims,
                       DefaultValuedAttr<I64Attr, "0">:$noop_with_empty_axes);
  let results = (outs Graph_NumericTensor:$reduced);
  let hasVerifier = 1;
  let hasFolder = 1;
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *, std::optional<::mlir::Location>,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &types) {
      types.push_back(::tessera::graph::inferReductionType(
          adaptor.getData().getType(), adaptor.getAxes(),
          adaptor.getKeepdims(), adaptor.getNoopWithEmptyAxes()));
      return ::mlir::success();
    }
    ::llvm::LogicalResult $cppClass::verify() {
      return ::tessera::graph::verifyReduction(
          *this, getData().getType(), getAxes(), getKeepdims(),
          getNoopWithEmptyAxes());
    }
    ::mlir::OpFoldResult $cppClass::fold(FoldAdaptor adaptor) {
      return ::tessera::graph::foldReduction(
          *this, getAxes(), getNoopWithEmptyAxes(), adaptor.getData(),
          /*identityOverUnitDims=*/}]
          # !if(identityOverUnitDims, "true", "false") # [{);
    }
  }];
}

def Graph_ReduceSumOp : Graph_ReduceOp<"reduce_sum", "Sum of elements",
    "the sum of the elements", 1>;
def Graph_ReduceMeanOp : Graph_ReduceOp<"reduce_mean", "Mean of elements",
    "the arithmetic mean of the elements", 1>;
def Graph_ReduceMaxOp : Graph_ReduceOp<"reduce_max", "Maximum of elements",
    "the largest element", 1>;
def Graph_ReduceMinOp : Graph_ReduceOp<"reduce_min", "Minimum of elements",
    "the smallest element", 1>;
def Graph_ReduceProdOp : Graph_ReduceOp<"reduce_prod", "Product of elements",
    "the product of the elements", 1>;
def Graph_ReduceL1Op : Graph_ReduceOp<"reduce_l1", "L1 norm of elements",
    "sum(|x|)">;
def Graph_ReduceL2Op : Graph_ReduceOp<"reduce_l2", "L2 norm of elements",
    "sqrt(sum(x * x))">;
def Graph_ReduceLogSumOp : Graph_ReduceOp<"reduce_log_sum",
    "Logarithm of the sum of elements", "log(sum(x))">;
def Graph_ReduceLogSumExpOp : Graph_ReduceOp<"reduce_log_sum_exp",
    "Logarithm of the sum of exponentials of elements", "log(sum(exp(x)))">;
def Graph_ReduceSumSquareOp : Graph_ReduceOp<"reduce_sum_square",
    "Sum of squares of elements", "sum(x * x)">;

//===----------------------------------------------------------------------===//
// argmax, argmin
//===----------------------------------------------------------------------===//

class Graph_ArgReduceOp<string mnemonic, string summaryText, string which>
    : Graph_InferredOp<mnemonic> {
  let summary = summaryText;
  let description = !strconcat([{
    The index (i64) of the }], which, [{ element of `data` along `axis`
    (in [-rank, rank)). With `keepdims` = 1 the axis stays as size 1, with 0
    it is removed. Among equal elements the first index is taken, or the last
    with `select_last_index` = 1.

    ```mlir
    %0 = }], "graph." # mnemonic, [{ %x {axis = 1 : i64, keepdims = 0 : i64}
        : (tensor<?x10xf32>) -> tensor<?xi64>
    ```
  }]);
  let arguments = (ins Graph_NumericTensor:$data,
                       DefaultValuedAttr<I64Attr, "0">:$axis,
                       DefaultValuedAttr<I64Attr, "1">:$keepdims,
                       DefaultValuedAttr<I64Attr, "0">:$select_last_index);
  let results = (outs Graph_I64Tensor:$reduced);
  let hasVerifier = 1;
  let hasFolder = 1;
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *, std::optional<::mlir::Location>,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &types) {
      types.push_back(::tessera::graph::inferArgReductionType(
          adaptor.getData().getType(), adaptor.getAxis(),
          adaptor.getKeepdims()));
      return ::mlir::success();
    }
    ::llvm::LogicalResult $cppClass::verify() {
      return ::tessera::graph::verifyArgReduction(
          *this, getData().getType(), getAxis(), getKeepdims(),
          getSelectLastIndex());
    }
    ::mlir::OpFoldResult $cppClass::fold(FoldAdaptor) {
      return ::tessera::graph::foldArgReduction(*this, getData().getType(),
                                                getAxis());
    }
  }];
}

def Graph_ArgMaxOp : Graph_ArgReduceOp<"argmax",
    "Index of the largest element along an axis", "largest">;
def Graph_ArgMinOp : Graph_ArgReduceOp<"argmin",
    "Index of the smallest element along an axis", "smallest">;

#endif // TESSERA_DIALECT_GRAPH_IR_GRAPHREDUCTIONOPS_TD
