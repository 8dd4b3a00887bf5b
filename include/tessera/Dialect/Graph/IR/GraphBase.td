//===- GraphBase.td - Graph dialect definition and op base classes -------===//

#ifndef TESSERA_DIALECT_GRAPH_IR_GRAPHBASE_TD
#define TESSERA_DIALECT_GRAPH_IR_GRAPHBASE_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def Graph_Dialect : Dialect {
  let name = "graph";
  let cppNamespace = "::tessera::graph";
  let summary = "Tessera's model-level tensor operator dialect";
  let description = [{
    The graph dialect is Tessera's model-level IR, the counterpart of TVM's
    Relay/Relax: tensor-level operators (convolutions, matrix products,
    normalizations, reductions, data movement, ...) on ranked tensors with
    static or dynamic (`?`) dimensions, with value semantics, inside
    `func.func`. The ONNX importer produces it; graph passes fold, simplify and
    fuse it; every operator lowers to the te dialect.

    Every operator infers its result types from its operands and attributes.
    Where a dimension cannot be known before run time (it depends on a tensor's
    values) it is inferred as `?`; a result type written in the IR may refine a
    `?` to a static size but never contradict an inferred one.
  }];
  let hasConstantMaterializer = 1;
  let extraClassDeclaration = [{
    // Each operator family registers its operations from its own file.
    void registerCoreOps();
    void registerElementwiseOps();
    void registerNNOps();
    void registerDataMovementOps();
    void registerIndexingOps();
    void registerReductionOps();
    void registerRecurrentOps();
    void registerVisionOps();
    void registerSignalOps();
  }];
}

class Graph_Op<string mnemonic, list<Trait> traits = []>
    : Op<Graph_Dialect, mnemonic, traits>;

// An operator without side effects whose result types are inferred from its
// operands and attributes (`inferReturnTypes` with an adaptor). Written result
// types may refine inferred dynamic dimensions (`isCompatibleReturnTypes`).
//
// Inference never fails for operands that meet the ODS type constraints: it
// infers `?` where sizes conflict or attributes are out of range, and the
// op's verifier reports the problem. So the builders that infer result types
// never abort, and the ONNX importer can build any node and verify it.
def Graph_InferTypes : InferTypeOpAdaptorBase<[{
  static bool isCompatibleReturnTypes(::mlir::TypeRange inferred,
                                      ::mlir::TypeRange actual) {
    return ::tessera::graph::areCompatibleTensorTypes(inferred, actual);
  }
}]>;

class Graph_InferredOp<string mnemonic, list<Trait> traits = []>
    : Graph_Op<mnemonic, !listconcat(traits, [Pure, Graph_InferTypes])> {
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
}

// An operator whose one result has the type of its `input` operand
// (normalizations, clip, cumsum, unary math, ...).
class Graph_SameTypeOp<string mnemonic, list<Trait> traits = []>
    : Graph_InferredOp<mnemonic, traits> {
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *, std::optional<::mlir::Location>,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &types) {
      types.push_back(adaptor.getInput().getType());
      return ::mlir::success();
    }
  }];
}

//===----------------------------------------------------------------------===//
// Type constraints
//===----------------------------------------------------------------------===//

def Graph_Tensor : RankedTensorOf<[AnyType]>;
def Graph_FloatTensor : RankedTensorOf<[AnyFloat]>;
def Graph_IntTensor : RankedTensorOf<[AnyInteger]>;
def Graph_BoolTensor : RankedTensorOf<[I1]>;
def Graph_IndexTensor : RankedTensorOf<[I32, I64]>;
// ONNX's signed integers are signless MLIR integers, its unsigned ones are
// `ui8`...`ui64`, its bool is `i1`.
def Graph_NumericTensor : RankedTensorOf<[AnyFloat, AnyInteger]>;
// Indices, counts and sizes that ONNX fixes to int64.
def Graph_I64Tensor : RankedTensorOf<[I64]>;
// Element types of linear quantization at opset 17 (quantized data of
// QuantizeLinear, QLinearConv, MatMulInteger, ...).
def Graph_QuantizedTensor : RankedTensorOf<[I8, UI8]>;

// A 1-D i64 tensor of static length: a shape or a list of axes whose length
// decides the rank of the result.
def Graph_ShapeVector : RankedTensorOf<[I64],
    [HasAnyRankOfPred<[1]>, HasStaticShapePred],
    "1-D i64 tensor of static length">;
// A 1-D i32 or i64 tensor (slice bounds, split sizes, tile repeats, pads).
def Graph_IndexVector : RankedTensorOf<[I32, I64], [HasAnyRankOfPred<[1]>],
    "1-D i32 or i64 tensor">;
def Graph_I64Vector : RankedTensorOf<[I64], [HasAnyRankOfPred<[1]>],
    "1-D i64 tensor">;

#endif // TESSERA_DIALECT_GRAPH_IR_GRAPHBASE_TD
