//===- GraphElementwiseOps.td - Elementwise graph operators ---------------===//
//
// Unary math and activations, broadcasting binary arithmetic, logic and
// comparisons, select (where), casts and linear quantization: every result
// element depends only on the operand elements at the same (broadcast)
// position.
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_DIALECT_GRAPH_IR_GRAPHELEMENTWISEOPS_TD
#define TESSERA_DIALECT_GRAPH_IR_GRAPHELEMENTWISEOPS_TD

include "tessera/Dialect/Graph/IR/GraphBase.td"

// Element types of linear quantization at opset 17 (see also
// Graph_QuantizedTensor).
def Graph_DequantizableTensor : RankedTensorOf<[I8, UI8, I32]>;
def Graph_QuantizableTensor : RankedTensorOf<[AnyFloat, I32]>;
def Graph_UnsignedTensor : RankedTensorOf<[UI8, UI16, UI32, UI64]>;

//===----------------------------------------------------------------------===//
// Unary operators: the result has the operand's type.
//===----------------------------------------------------------------------===//

// `attributes` are the op's ONNX attributes, after the operand.
class Graph_UnaryOp<string mnemonic, string summaryText,
                    Type operandType = Graph_FloatTensor,
                    list<Trait> traits = [], dag attributes = (ins),
                    string exampleElement = "f32">
    : Graph_SameTypeOp<mnemonic, traits> {
  let summary = summaryText;
  let description = !strconcat(summaryText, [{, elementwise. The result has
    the operand's type.

    ```mlir
    %y = graph.}], mnemonic, " %x : (tensor<?x4x", exampleElement,
    ">) -> tensor<?x4x", exampleElement, [{>
    ```
  }]);
  let arguments = !con((ins operandType:$input), attributes);
  let results = (outs operandType:$output);
}

// A unary operator that folds constant operands.
class Graph_FoldingUnaryOp<string mnemonic, string summaryText,
                           Type operandType = Graph_FloatTensor,
                           list<Trait> traits = [],
                           string exampleElement = "f32">
    : Graph_UnaryOp<mnemonic, summaryText, operandType, traits, (ins),
                    exampleElement> {
  let hasFolder = 1;
}

def Graph_NegOp : Graph_FoldingUnaryOp<"neg", "Negation: -x", Graph_NumericTensor>;
def Graph_AbsOp : Graph_FoldingUnaryOp<"abs", "Absolute value: |x|", Graph_NumericTensor>;
def Graph_SignOp : Graph_FoldingUnaryOp<"sign", "Sign: -1, 0 or 1", Graph_NumericTensor>;
def Graph_ExpOp : Graph_FoldingUnaryOp<"exp", "Exponential: e^x">;
def Graph_LogOp : Graph_FoldingUnaryOp<"log", "Natural logarithm">;
def Graph_SqrtOp : Graph_FoldingUnaryOp<"sqrt", "Square root">;
def Graph_ReciprocalOp : Graph_FoldingUnaryOp<"reciprocal", "Reciprocal: 1 / x">;
def Graph_TanhOp : Graph_FoldingUnaryOp<"tanh", "Hyperbolic tangent">;
def Graph_SigmoidOp : Graph_FoldingUnaryOp<"sigmoid", "Logistic sigmoid: 1 / (1 + e^-x)">;
// ONNX defines Erf on integers too.
def Graph_ErfOp : Graph_FoldingUnaryOp<"erf", "Gauss error function", Graph_NumericTensor>;
def Graph_SinOp : Graph_FoldingUnaryOp<"sin", "Sine">;
def Graph_CosOp : Graph_FoldingUnaryOp<"cos", "Cosine">;
def Graph_TanOp : Graph_FoldingUnaryOp<"tan", "Tangent">;
def Graph_AsinOp : Graph_FoldingUnaryOp<"asin", "Arcsine">;
def Graph_AcosOp : Graph_FoldingUnaryOp<"acos", "Arccosine">;
def Graph_AtanOp : Graph_FoldingUnaryOp<"atan", "Arctangent">;
def Graph_SinhOp : Graph_FoldingUnaryOp<"sinh", "Hyperbolic sine">;
def Graph_CoshOp : Graph_FoldingUnaryOp<"cosh", "Hyperbolic cosine">;
def Graph_AsinhOp : Graph_FoldingUnaryOp<"asinh", "Inverse hyperbolic sine">;
def Graph_AcoshOp : Graph_FoldingUnaryOp<"acosh", "Inverse hyperbolic cosine">;
def Graph_AtanhOp : Graph_FoldingUnaryOp<"atanh", "Inverse hyperbolic tangent">;
def Graph_FloorOp : Graph_FoldingUnaryOp<"floor", "Rounding toward negative infinity">;
def Graph_CeilOp : Graph_FoldingUnaryOp<"ceil", "Rounding toward positive infinity">;
def Graph_RoundOp : Graph_FoldingUnaryOp<"round", "Rounding to nearest, ties to even">;
def Graph_NotOp : Graph_FoldingUnaryOp<"not", "Logical negation", Graph_BoolTensor, [], "i1">;

//===----------------------------------------------------------------------===//
// Activations
//===----------------------------------------------------------------------===//

def Graph_ReluOp : Graph_FoldingUnaryOp<"relu", "Rectified linear unit: max(x, 0)", Graph_NumericTensor>;

def Graph_LeakyReluOp : Graph_UnaryOp<"leaky_relu", "Leaky rectified linear unit",
    Graph_FloatTensor, [], (ins DefaultValuedAttr<F32Attr, "0.01f">:$alpha)> {
  let description = [{
    `x >= 0 ? x : alpha * x`.

    ```mlir
    %y = graph.leaky_relu %x {alpha = 1.000000e-01 : f32} : (tensor<?x4xf32>) -> tensor<?x4xf32>
    ```
  }];
}

def Graph_EluOp : Graph_UnaryOp<"elu", "Exponential linear unit",
    Graph_FloatTensor, [], (ins DefaultValuedAttr<F32Attr, "1.0f">:$alpha)> {
  let description = [{
    `x >= 0 ? x : alpha * (e^x - 1)`.

    ```mlir
    %y = graph.elu %x {alpha = 2.000000e+00 : f32} : (tensor<?x4xf32>) -> tensor<?x4xf32>
    ```
  }];
}

def Graph_SeluOp : Graph_UnaryOp<"selu", "Scaled exponential linear unit",
    Graph_FloatTensor, [],
    (ins DefaultValuedAttr<F32Attr, "1.67326319217681884765625f">:$alpha,
         DefaultValuedAttr<F32Attr, "1.05070102214813232421875f">:$gamma)> {
  let description = [{
    `gamma * (x > 0 ? x : alpha * (e^x - 1))`; the defaults are the
    self-normalizing constants.

    ```mlir
    %y = graph.selu %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
    ```
  }];
}

def Graph_CeluOp : Graph_UnaryOp<"celu", "Continuously differentiable exponential linear unit",
    Graph_FloatTensor, [], (ins DefaultValuedAttr<F32Attr, "1.0f">:$alpha)> {
  let description = [{
    `max(0, x) + min(0, alpha * (e^(x / alpha) - 1))`; the verifier rejects
    `alpha = 0`.

    ```mlir
    %y = graph.celu %x {alpha = 2.000000e+00 : f32} : (tensor<?x4xf32>) -> tensor<?x4xf32>
    ```
  }];
  let hasVerifier = 1;
}

def Graph_HardSigmoidOp : Graph_UnaryOp<"hard_sigmoid", "Piecewise linear sigmoid",
    Graph_FloatTensor, [],
    (ins DefaultValuedAttr<F32Attr, "0.2f">:$alpha,
         DefaultValuedAttr<F32Attr, "0.5f">:$beta)> {
  let description = [{
    `max(0, min(1, alpha * x + beta))`.

    ```mlir
    %y = graph.hard_sigmoid %x {alpha = 0.166666672 : f32} : (tensor<?x4xf32>) -> tensor<?x4xf32>
    ```
  }];
}

def Graph_HardSwishOp : Graph_UnaryOp<"hard_swish", "Hard swish: x * max(0, min(1, x / 6 + 1 / 2))">;
def Graph_SoftplusOp : Graph_UnaryOp<"softplus", "Softplus: ln(1 + e^x)">;
def Graph_SoftsignOp : Graph_UnaryOp<"softsign", "Softsign: x / (1 + |x|)">;
def Graph_MishOp : Graph_UnaryOp<"mish", "Mish: x * tanh(ln(1 + e^x))">;

def Graph_ThresholdedReluOp : Graph_UnaryOp<"thresholded_relu", "Thresholded rectified linear unit",
    Graph_FloatTensor, [], (ins DefaultValuedAttr<F32Attr, "1.0f">:$alpha)> {
  let description = [{
    `x > alpha ? x : 0`.

    ```mlir
    %y = graph.thresholded_relu %x {alpha = 2.000000e+00 : f32} : (tensor<?x4xf32>) -> tensor<?x4xf32>
    ```
  }];
}

def Graph_ShrinkOp : Graph_UnaryOp<"shrink", "Soft or hard shrinkage",
    Graph_NumericTensor, [],
    (ins DefaultValuedAttr<F32Attr, "0.0f">:$bias,
         DefaultValuedAttr<F32Attr, "0.5f">:$lambd)> {
  let description = [{
    `x < -lambd ? x + bias : (x > lambd ? x - bias : 0)`.

    ```mlir
    %y = graph.shrink %x {bias = 1.500000e+00 : f32, lambd = 1.500000e+00 : f32} : (tensor<?x4xf32>) -> tensor<?x4xf32>
    ```
  }];
}

def Graph_GeluOp : Graph_UnaryOp<"gelu", "Gaussian error linear unit",
    Graph_FloatTensor, [],
    (ins DefaultValuedAttr<StrAttr, "\"none\"">:$approximate)> {
  let description = [{
    `approximate = "none"`: `x / 2 * (1 + erf(x / sqrt(2)))`;
    `approximate = "tanh"`: `x / 2 * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))`.
    ONNX has Gelu from opset 20; graph fusion also forms it.

    ```mlir
    %y = graph.gelu %x {approximate = "tanh"} : (tensor<?x4xf32>) -> tensor<?x4xf32>
    ```
  }];
  let hasVerifier = 1;
}

def Graph_ClipOp : Graph_SameTypeOp<"clip", [AttrSizedOperandSegments]> {
  let summary = "Clamping to [min, max]";
  let description = [{
    `min(max(x, min), max)`; a bound that is absent does not clamp. The
    bounds are single-element tensors of the input's element type.

    ```mlir
    %y = graph.clip %x min %lo max %hi : (tensor<?x4xf32>, tensor<f32>, tensor<f32>) -> tensor<?x4xf32>
    %z = graph.clip %x max %hi : (tensor<?x4xf32>, tensor<f32>) -> tensor<?x4xf32>
    ```
  }];
  let arguments = (ins Graph_NumericTensor:$input,
                       Optional<Graph_NumericTensor>:$min,
                       Optional<Graph_NumericTensor>:$max);
  let results = (outs Graph_NumericTensor:$output);
  let assemblyFormat = [{
    $input (`min` $min^)? (`max` $max^)? attr-dict `:`
    functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Graph_PReluOp : Graph_InferredOp<"prelu",
    [AllElementTypesMatch<["input", "slope", "output"]>]> {
  let summary = "Parametric rectified linear unit";
  let description = [{
    `x >= 0 ? x : slope * x`, where `slope` broadcasts to the input's shape
    (unidirectionally: the result has the input's shape).

    ```mlir
    %y = graph.prelu %x, %slope : (tensor<?x3x8x8xf32>, tensor<3x1x1xf32>) -> tensor<?x3x8x8xf32>
    ```
  }];
  let arguments = (ins Graph_NumericTensor:$input, Graph_NumericTensor:$slope);
  let results = (outs Graph_NumericTensor:$output);
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Elementwise predicates on floating-point values.
//===----------------------------------------------------------------------===//

class Graph_FloatPredicateOp<string mnemonic, string summaryText,
                             dag attributes = (ins)>
    : Graph_InferredOp<mnemonic> {
  let summary = summaryText;
  let arguments = !con((ins Graph_FloatTensor:$input), attributes);
  let results = (outs Graph_BoolTensor:$output);
  let hasFolder = 1;
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *context, std::optional<::mlir::Location>,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &types) {
      types.push_back(::mlir::cast<::mlir::RankedTensorType>(
          adaptor.getInput().getType()).clone(
              ::mlir::IntegerType::get(context, 1)));
      return ::mlir::success();
    }
  }];
}

def Graph_IsNaNOp : Graph_FloatPredicateOp<"is_nan", "Whether each element is NaN"> {
  let description = [{
    ```mlir
    %y = graph.is_nan %x : (tensor<?x4xf32>) -> tensor<?x4xi1>
    ```
  }];
}

def Graph_IsInfOp : Graph_FloatPredicateOp<"is_inf", "Whether each element is infinite",
    (ins DefaultValuedAttr<I64Attr, "1">:$detect_negative,
         DefaultValuedAttr<I64Attr, "1">:$detect_positive)> {
  let description = [{
    `detect_negative` and `detect_positive` (0 or 1) select which infinities
    count.

    ```mlir
    %y = graph.is_inf %x {detect_negative = 0 : i64} : (tensor<?x4xf32>) -> tensor<?x4xi1>
    ```
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Binary operators with numpy-style broadcasting.
//===----------------------------------------------------------------------===//

// The result's element type is `resultElement`, C++ for an mlir::Type built
// from `context`, or the lhs's when it is "nullptr". Ops whose attributes need
// checking set `customVerifier` and define verify() themselves.
class Graph_BroadcastOpBase<string mnemonic, string summaryText,
                            Type lhsType, Type rhsType, Type resultType,
                            string resultElement, list<Trait> traits,
                            dag attributes, bit customVerifier,
                            string exampleElement>
    : Graph_InferredOp<mnemonic, traits> {
  defvar inferredElement = !ne(resultElement, "nullptr");
  let summary = summaryText;
  let description = !strconcat(summaryText, [{. Operands broadcast against
    each other numpy-style: shapes are aligned at the trailing dimension and a
    dimension of size 1 stretches.

    ```mlir
    %z = graph.}], mnemonic, " %x, %y : (tensor<?x4x", exampleElement,
    ">, tensor<4x", exampleElement, ">) -> tensor<?x4x",
    !if(inferredElement, "i1", exampleElement), [{>
    ```
  }]);
  let arguments = !con((ins lhsType:$lhs, rhsType:$rhs), attributes);
  let results = (outs resultType:$output);
  let hasVerifier = 1;
  let extraClassDefinition = !strconcat([{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *}], !if(inferredElement, "context", ""), [{,
        std::optional<::mlir::Location>, Adaptor adaptor,
        ::llvm::SmallVectorImpl<::mlir::Type> &types) {
      ::tessera::graph::inferBroadcastResult(adaptor.getLhs().getType(),
                                             adaptor.getRhs().getType(),
                                             }], resultElement, [{, types);
      return ::mlir::success();
    }
  }], !if(customVerifier, "", [{
    ::llvm::LogicalResult $cppClass::verify() {
      return ::tessera::graph::verifyBroadcastable(
          *this, getLhs().getType(), getRhs().getType());
    }
  }]));
}

// Operands and result of one element type.
class Graph_BroadcastBinaryOp<string mnemonic, string summaryText,
                              Type operandType = Graph_NumericTensor,
                              list<Trait> traits = [],
                              dag attributes = (ins),
                              bit customVerifier = 0,
                              string exampleElement = "f32">
    : Graph_BroadcastOpBase<mnemonic, summaryText, operandType, operandType,
        operandType, "nullptr",
        !listconcat(traits, [AllElementTypesMatch<["lhs", "rhs", "output"]>]),
        attributes, customVerifier, exampleElement> {
  let hasFolder = 1;
}

// Operands of one element type, an i1 result.
class Graph_ComparisonOp<string mnemonic, string summaryText,
                         list<Trait> traits = []>
    : Graph_BroadcastOpBase<mnemonic, summaryText, Graph_NumericTensor,
        Graph_NumericTensor, Graph_BoolTensor,
        "::mlir::IntegerType::get(context, 1)",
        !listconcat(traits, [AllElementTypesMatch<["lhs", "rhs"]>]),
        (ins), 0, "f32"> {
  let hasFolder = 1;
}

def Graph_AddOp : Graph_BroadcastBinaryOp<"add", "Addition", Graph_NumericTensor, [Commutative]>;
def Graph_SubOp : Graph_BroadcastBinaryOp<"sub", "Subtraction">;
def Graph_MulOp : Graph_BroadcastBinaryOp<"mul", "Multiplication", Graph_NumericTensor, [Commutative]>;
def Graph_DivOp : Graph_BroadcastBinaryOp<"div", "Division (integers: truncating)">;
def Graph_MaxOp : Graph_BroadcastBinaryOp<"max", "Maximum", Graph_NumericTensor, [Commutative]>;
def Graph_MinOp : Graph_BroadcastBinaryOp<"min", "Minimum", Graph_NumericTensor, [Commutative]>;
def Graph_AndOp : Graph_BroadcastBinaryOp<"and", "Logical and", Graph_BoolTensor, [Commutative], (ins), 0, "i1">;
def Graph_OrOp : Graph_BroadcastBinaryOp<"or", "Logical or", Graph_BoolTensor, [Commutative], (ins), 0, "i1">;
def Graph_XorOp : Graph_BroadcastBinaryOp<"xor", "Logical exclusive or", Graph_BoolTensor, [Commutative], (ins), 0, "i1">;

def Graph_ModOp : Graph_BroadcastBinaryOp<"mod", "Remainder", Graph_NumericTensor, [],
    (ins DefaultValuedAttr<I64Attr, "0">:$fmod), 1> {
  let description = [{
    With `fmod = 0` (integers only) the remainder has the divisor's sign, as
    Python's `%`; with `fmod = 1` it has the dividend's sign, as C's `fmod`.
    Operands broadcast numpy-style.

    ```mlir
    %z = graph.mod %x, %y {fmod = 1 : i64} : (tensor<?x4xf32>, tensor<4xf32>) -> tensor<?x4xf32>
    ```
  }];
}

def Graph_BitShiftOp : Graph_BroadcastBinaryOp<"bit_shift", "Bitwise shift of unsigned integers",
    Graph_UnsignedTensor, [], (ins StrAttr:$direction), 1> {
  let description = [{
    Shifts `lhs` by `rhs` bits, `direction = "LEFT"` or `"RIGHT"`. Operands
    broadcast numpy-style.

    ```mlir
    %z = graph.bit_shift %x, %y {direction = "LEFT"} : (tensor<?x4xui8>, tensor<4xui8>) -> tensor<?x4xui8>
    ```
  }];
}

def Graph_PowOp : Graph_BroadcastOpBase<"pow", "Power: lhs^rhs",
    RankedTensorOf<[I32, I64, AnyFloat]>, Graph_NumericTensor,
    RankedTensorOf<[I32, I64, AnyFloat]>, "nullptr",
    [AllElementTypesMatch<["lhs", "output"]>], (ins), 0, "f32"> {
  let description = [{
    The result has the base's element type; the exponent's may differ.
    Operands broadcast numpy-style.

    ```mlir
    %z = graph.pow %x, %y : (tensor<?x4xf32>, tensor<i64>) -> tensor<?x4xf32>
    ```
  }];
  let hasFolder = 1;
}

def Graph_EqualOp : Graph_ComparisonOp<"equal", "Comparison lhs == rhs", [Commutative]>;
def Graph_GreaterOp : Graph_ComparisonOp<"greater", "Comparison lhs > rhs">;
def Graph_GreaterOrEqualOp : Graph_ComparisonOp<"greater_or_equal", "Comparison lhs >= rhs">;
def Graph_LessOp : Graph_ComparisonOp<"less", "Comparison lhs < rhs">;
def Graph_LessOrEqualOp : Graph_ComparisonOp<"less_or_equal", "Comparison lhs <= rhs">;

def Graph_WhereOp : Graph_InferredOp<"where",
    [AllElementTypesMatch<["x", "y", "output"]>]> {
  let summary = "Elementwise select: condition ? x : y";
  let description = [{
    The three operands broadcast against each other numpy-style.

    ```mlir
    %z = graph.where %c, %x, %y : (tensor<?x4xi1>, tensor<4xf32>, tensor<f32>) -> tensor<?x4xf32>
    ```
  }];
  let arguments = (ins Graph_BoolTensor:$condition, Graph_Tensor:$x,
                       Graph_Tensor:$y);
  let results = (outs Graph_Tensor:$output);
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Conversions
//===----------------------------------------------------------------------===//

def Graph_CastOp : Graph_InferredOp<"cast"> {
  let summary = "Elementwise conversion to another element type";
  let description = [{
    Converts to the element type `to` as ONNX's Cast does: floats to
    integers truncate toward zero, anything to `i1` tests for non-zero,
    integers convert by their signedness (`ui*` zero-extend).

    ```mlir
    %y = graph.cast %x {to = f32} : (tensor<?x4xi64>) -> tensor<?x4xf32>
    ```
  }];
  let arguments = (ins Graph_NumericTensor:$input,
                       TypeAttrOf<AnyTypeOf<[AnyFloat, AnyInteger]>>:$to);
  let results = (outs Graph_NumericTensor:$output);
  let hasFolder = 1;
}

def Graph_QuantizeLinearOp : Graph_InferredOp<"quantize_linear"> {
  let summary = "Linear quantization: saturate(round(x / scale) + zero_point)";
  let description = [{
    Rounds half to even and saturates to the range of the zero point's
    element type (`ui8` when there is no zero point). `scale` and
    `zero_point` are scalars (per-tensor) or 1-D with one value per index
    along `axis` (per-axis).

    ```mlir
    %q = graph.quantize_linear %x, %scale, %zp : (tensor<?x3xf32>, tensor<3xf32>, tensor<3xi8>) -> tensor<?x3xi8>
    ```
  }];
  let arguments = (ins Graph_QuantizableTensor:$input,
                       Graph_FloatTensor:$scale,
                       Optional<Graph_QuantizedTensor>:$zero_point,
                       DefaultValuedAttr<I64Attr, "1">:$axis);
  let results = (outs Graph_QuantizedTensor:$output);
  let hasVerifier = 1;
}

def Graph_DequantizeLinearOp : Graph_InferredOp<"dequantize_linear"> {
  let summary = "Linear dequantization: (x - zero_point) * scale";
  let description = [{
    The result has the scale's element type. `scale` and `zero_point` (of
    the input's element type) are scalars (per-tensor) or 1-D with one value
    per index along `axis` (per-axis).

    ```mlir
    %x = graph.dequantize_linear %q, %scale, %zp : (tensor<?x3xi8>, tensor<f32>, tensor<i8>) -> tensor<?x3xf32>
    ```
  }];
  let arguments = (ins Graph_DequantizableTensor:$input,
                       Graph_FloatTensor:$scale,
                       Optional<Graph_DequantizableTensor>:$zero_point,
                       DefaultValuedAttr<I64Attr, "1">:$axis);
  let results = (outs Graph_FloatTensor:$output);
  let hasVerifier = 1;
}

def Graph_DynamicQuantizeLinearOp : Graph_InferredOp<"dynamic_quantize_linear"> {
  let summary = "Quantization to ui8 with a scale and zero point computed from the input";
  let description = [{
    `scale = (max(x, 0) - min(x, 0)) / 255`, `zero_point =
    saturate(round(-min(x, 0) / scale))`, `output = saturate(round(x / scale)
    + zero_point)`.

    ```mlir
    %y, %scale, %zp = graph.dynamic_quantize_linear %x : (tensor<?x4xf32>) -> (tensor<?x4xui8>, tensor<f32>, tensor<ui8>)
    ```
  }];
  let arguments = (ins RankedTensorOf<[F32]>:$input);
  let results = (outs RankedTensorOf<[UI8]>:$output,
                      0DTensorOf<[F32]>:$scale,
                      0DTensorOf<[UI8]>:$zero_point);
}

#endif // TESSERA_DIALECT_GRAPH_IR_GRAPHELEMENTWISEOPS_TD
