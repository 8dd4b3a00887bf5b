//===- GraphElementwiseOps.td - Elementwise graph operators ---------------===//

#ifndef TESSERA_DIALECT_GRAPH_IR_GRAPHELEMENTWISEOPS_TD
#define TESSERA_DIALECT_GRAPH_IR_GRAPHELEMENTWISEOPS_TD

include "tessera/Dialect/Graph/IR/GraphBase.td"

//===----------------------------------------------------------------------===//
// Unary operators: the result has the operand's type.
//===----------------------------------------------------------------------===//

class Graph_UnaryOp<string mnemonic, string summaryText,
                    Type operandType = Graph_FloatTensor,
                    list<Trait> traits = []>
    : Graph_InferredOp<mnemonic, traits> {
  let summary = summaryText;
  let arguments = (ins operandType:$input);
  let results = (outs operandType:$output);
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *, std::optional<::mlir::Location>,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &types) {
      types.push_back(adaptor.getInput().getType());
      return ::mlir::success();
    }
  }];
}

def Graph_NegOp : Graph_UnaryOp<"neg", "Elementwise negation", Graph_NumericTensor>;
def Graph_AbsOp : Graph_UnaryOp<"abs", "Elementwise absolute value", Graph_NumericTensor>;
def Graph_ExpOp : Graph_UnaryOp<"exp", "Elementwise exponential">;
def Graph_ReluOp : Graph_UnaryOp<"relu", "Rectified linear unit: max(x, 0)", Graph_NumericTensor>;

//===----------------------------------------------------------------------===//
// Binary operators with numpy-style broadcasting.
//===----------------------------------------------------------------------===//

class Graph_BroadcastBinaryOp<string mnemonic, string summaryText,
                              Type operandType = Graph_NumericTensor,
                              list<Trait> traits = []>
    : Graph_InferredOp<mnemonic, !listconcat(traits,
        [AllElementTypesMatch<["lhs", "rhs", "output"]>])> {
  let summary = summaryText;
  let description = [{
    Operands broadcast against each other numpy-style: shapes are aligned at
    the trailing dimension and a dimension of size 1 stretches.
  }];
  let arguments = (ins operandType:$lhs, operandType:$rhs);
  let results = (outs operandType:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *, std::optional<::mlir::Location>,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &types) {
      ::tessera::graph::inferBroadcastResult(adaptor.getLhs().getType(),
                                             adaptor.getRhs().getType(),
                                             /*elementType=*/nullptr, types);
      return ::mlir::success();
    }
    ::llvm::LogicalResult $cppClass::verify() {
      return ::tessera::graph::verifyBroadcastable(
          *this, getLhs().getType(), getRhs().getType());
    }
  }];
}

def Graph_AddOp : Graph_BroadcastBinaryOp<"add", "Elementwise addition", Graph_NumericTensor, [Commutative]>;
def Graph_SubOp : Graph_BroadcastBinaryOp<"sub", "Elementwise subtraction">;
def Graph_MulOp : Graph_BroadcastBinaryOp<"mul", "Elementwise multiplication", Graph_NumericTensor, [Commutative]>;
def Graph_DivOp : Graph_BroadcastBinaryOp<"div", "Elementwise division">;

#endif // TESSERA_DIALECT_GRAPH_IR_GRAPHELEMENTWISEOPS_TD
