//===- TEOps.td - Tensor-expression operations ----------------------------===//

#ifndef TESSERA_DIALECT_TE_IR_TEOPS_TD
#define TESSERA_DIALECT_TE_IR_TEOPS_TD

include "tessera/Dialect/TE/IR/TEBase.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"

class TE_Op<string mnemonic, list<Trait> traits = []>
    : Op<TE_Dialect, mnemonic, traits>;

def TE_ComputeOp : TE_Op<"compute", [
    IsolatedFromAbove, Pure, AttrSizedOperandSegments,
    DeclareOpInterfaceMethods<OpAsmOpInterface, ["getAsmBlockArgumentNames"]>]> {
  let summary = "Defines every element of its results by an index expression";
  let description = [{
    One stage of a tensor program. The `body` region computes the element(s)
    of the results at one output index. Its block arguments are, in order:
    one `index` per output axis, one `index` per reduction axis, and one
    tensor per input (the inputs themselves: the region is isolated from
    above and reads them with `te.read`). It yields one scalar per result.

    Without reduction axes, the yielded values are the result elements. With
    reduction axes, the body is evaluated for every point of the reduction
    space and the yielded values are combined: by `sum`, `prod`, `max` or
    `min` (one result; identity 0, 1, lowest, highest), or by the `combiner`
    region (`custom`), which takes the accumulators and the new values
    (2 x #results scalars) and yields the new accumulators, starting from
    `inits`. Multi-result custom reductions express argmax/argmin.

    Dynamic output sizes are operands, one per `?` in the result type, as in
    `tensor.empty`; dynamic reduction extents are operands too.

    ```mlir
    %c = te.compute "matmul" axes ["i", "j"] reduce ["k"] [64] combiner sum
           ins(%a, %b : tensor<4x64xf32>, tensor<64x8xf32>) -> tensor<4x8xf32> {
    ^bb0(%i: index, %j: index, %k: index, %A: tensor<4x64xf32>, %B: tensor<64x8xf32>):
      %x = te.read %A[%i, %k] : tensor<4x64xf32>
      %y = te.read %B[%k, %j] : tensor<64x8xf32>
      %p = arith.mulf %x, %y : f32
      te.yield %p : f32
    }
    ```
  }];
  let arguments = (ins
    StrAttr:$stage,
    StrArrayAttr:$axes,
    DefaultValuedAttr<StrArrayAttr, "{}">:$reduce_axes,
    DefaultValuedAttr<DenseI64ArrayAttr, "{}">:$static_reduce_extents,
    OptionalAttr<TE_CombinerKind>:$combiner,
    OptionalAttr<TypedArrayAttrBase<TypedAttrInterface, "identities">>:$inits,
    Variadic<AnyRankedTensor>:$inputs,
    Variadic<Index>:$output_sizes,
    Variadic<Index>:$reduce_extents);
  let results = (outs Variadic<AnyRankedTensor>:$results);
  let regions = (region SizedRegion<1>:$body, AnyRegion:$combiner_body);
  let assemblyFormat = [{
    $stage `axes` $axes
    (`reduce` $reduce_axes^
       custom<DynamicIndexList>($reduce_extents, $static_reduce_extents)
       `combiner` $combiner)?
    (`inits` $inits^)?
    (`ins` `(` $inputs^ `:` type($inputs) `)`)?
    (`sizes` `(` $output_sizes^ `)`)?
    attr-dict `->` type($results) $body (`combine` $combiner_body^)?
  }];
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
  let extraClassDeclaration = [{
    int64_t getRank() {
      return ::llvm::cast<::mlir::RankedTensorType>(getResult(0).getType())
          .getRank();
    }
    int64_t getNumReduceAxes() { return getStaticReduceExtents().size(); }
    /// The block arguments of the body: output indices, reduction indices,
    /// inputs.
    ::mlir::Block::BlockArgListType getOutputIndices() {
      return getBody().getArguments().take_front(getRank());
    }
    ::mlir::Block::BlockArgListType getReduceIndices() {
      return getBody().getArguments().slice(getRank(), getNumReduceAxes());
    }
    ::mlir::Block::BlockArgListType getInputArguments() {
      return getBody().getArguments().drop_front(getRank() +
                                                 getNumReduceAxes());
    }
    ::mlir::Block &getBodyBlock() { return getBody().front(); }
  }];
}

def TE_ReadOp : TE_Op<"read", [Pure, AttrSizedOperandSegments,
    TypesMatchWith<"result is the tensor's element type", "tensor", "result",
                   "::llvm::cast<::mlir::TensorType>($_self).getElementType()">,
    OptionalTypesMatchWith<"padding is the tensor's element type", "tensor", "padding",
                   "::llvm::cast<::mlir::TensorType>($_self).getElementType()">]> {
  let summary = "Reads one element of a compute's input";
  let description = [{
    Reads `tensor` (an input block argument of the enclosing `te.compute`) at
    `indices`, which may be any index expressions. With `padding`, an index
    outside the tensor reads `padding` instead (convolution and pooling pads);
    without it, indices must be in bounds.

    ```mlir
    %x = te.read %A[%i, %k] : tensor<4x64xf32>
    %p = te.read %X[%n, %c, %h, %w] padding %zero : tensor<1x3x8x8xf32>
    ```
  }];
  let arguments = (ins AnyRankedTensor:$tensor, Variadic<Index>:$indices,
                       Optional<AnyType>:$padding);
  let results = (outs AnyType:$result);
  let assemblyFormat = [{
    $tensor `[` $indices `]` (`padding` $padding^)? attr-dict `:` type($tensor)
  }];
  let builders = [
    OpBuilder<(ins "::mlir::Value":$tensor, "::mlir::ValueRange":$indices,
                   CArg<"::mlir::Value", "{}">:$padding), [{
      build($_builder, $_state,
            ::llvm::cast<::mlir::TensorType>(tensor.getType()).getElementType(),
            tensor, indices, padding);
    }]>];
  let hasVerifier = 1;
}

def TE_YieldOp : TE_Op<"yield", [Pure, Terminator, ReturnLike,
    ParentOneOf<["ComputeOp"]>]> {
  let summary = "Yields the element(s) a te.compute region computed";
  let arguments = (ins Variadic<AnyType>:$values);
  let assemblyFormat = "$values attr-dict `:` type($values)";
}

#endif // TESSERA_DIALECT_TE_IR_TEOPS_TD
