//===- Recurrent.cpp - LSTM, GRU and RNN to te ----------------------------===//
//
// te.compute has no loop over time: each direction is an scf.for over the
// sequence that carries the hidden (and cell) state and the output, whose
// body is te.compute stages: the recurrence matmul H * R^T and the
// elementwise gate math. The input projection X * W^T does not depend on the
// state, so it is one stage over the whole sequence before the loop (one
// large matmul instead of one per step). Each step's hidden state is
// inserted into the output with tensor.insert_slice.
//
//===----------------------------------------------------------------------===//

#include "ComputeBuilder.h"
#include "Patterns.h"

#include "tessera/Dialect/Graph/IR/Graph.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

#include "llvm/ADT/StringSwitch.h"

#include <cmath>
#include <limits>
#include <tuple>

using namespace mlir;
using namespace tessera;
using namespace tessera::graph_to_te;

namespace {

//===----------------------------------------------------------------------===//
// Activations
//===----------------------------------------------------------------------===//

enum class ActivationKind {
  Relu,
  Tanh,
  Sigmoid,
  Affine,
  LeakyRelu,
  ThresholdedRelu,
  ScaledTanh,
  HardSigmoid,
  Elu,
  Softsign,
  Softplus
};

/// One of ONNX's recurrent activation functions with its alpha and beta.
struct Activation {
  ActivationKind kind;
  double alpha = 0, beta = 0;

  Value apply(OpBuilder &b, Location loc, Value x) const;
};

Value Activation::apply(OpBuilder &b, Location loc, Value x) const {
  Type type = x.getType();
  auto constant = [&](double value) {
    return scalarConstant(b, loc, type, value);
  };
  auto mul = [&](Value lhs, Value rhs) -> Value {
    return arith::MulFOp::create(b, loc, lhs, rhs);
  };
  auto add = [&](Value lhs, Value rhs) -> Value {
    return arith::AddFOp::create(b, loc, lhs, rhs);
  };
  auto isNonNegative = [&]() -> Value {
    return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGE, x,
                                 constant(0));
  };
  switch (kind) {
  case ActivationKind::Relu:
    return arith::MaximumFOp::create(b, loc, x, constant(0));
  case ActivationKind::Tanh:
    return math::TanhOp::create(b, loc, x);
  case ActivationKind::Sigmoid: {
    Value exp = math::ExpOp::create(b, loc, arith::NegFOp::create(b, loc, x));
    return arith::DivFOp::create(b, loc, constant(1), add(constant(1), exp));
  }
  case ActivationKind::Affine:
    return add(mul(constant(alpha), x), constant(beta));
  case ActivationKind::LeakyRelu:
    return arith::SelectOp::create(b, loc, isNonNegative(), x,
                                   mul(constant(alpha), x));
  case ActivationKind::ThresholdedRelu: {
    Value above = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, x,
                                        constant(alpha));
    return arith::SelectOp::create(b, loc, above, x, constant(0));
  }
  case ActivationKind::ScaledTanh:
    return mul(constant(alpha),
               math::TanhOp::create(b, loc, mul(constant(beta), x)));
  case ActivationKind::HardSigmoid: {
    Value linear = add(mul(constant(alpha), x), constant(beta));
    return arith::MinimumFOp::create(
        b, loc, arith::MaximumFOp::create(b, loc, linear, constant(0)),
        constant(1));
  }
  case ActivationKind::Elu:
    return arith::SelectOp::create(
        b, loc, isNonNegative(), x,
        mul(constant(alpha), math::ExpM1Op::create(b, loc, x)));
  case ActivationKind::Softsign:
    return arith::DivFOp::create(
        b, loc, x, add(constant(1), math::AbsFOp::create(b, loc, x)));
  case ActivationKind::Softplus: {
    // log(1 + e^x) = max(x, 0) + log1p(e^-|x|), which does not overflow.
    Value negAbs =
        arith::NegFOp::create(b, loc, math::AbsFOp::create(b, loc, x));
    return add(arith::MaximumFOp::create(b, loc, x, constant(0)),
               math::Log1pOp::create(b, loc, math::ExpOp::create(b, loc, negAbs)));
  }
  }
  llvm_unreachable("unknown activation");
}

/// The activations of every direction, in order, with the alphas and betas
/// they consume. Following ONNX Runtime, the functions that take an alpha
/// (beta) consume `alphas` (`betas`) in order, and take the default of
/// ONNX's operator of that name when they run out.
FailureOr<SmallVector<Activation>>
getActivations(Operation *op, std::optional<ArrayAttr> names,
               std::optional<ArrayRef<float>> alphas,
               std::optional<ArrayRef<float>> betas,
               ArrayRef<StringRef> defaultNames, int64_t numDirections) {
  SmallVector<StringRef> functions;
  if (names)
    llvm::append_range(functions, names->getAsValueRange<StringAttr>());
  else
    for (int64_t direction = 0; direction < numDirections; ++direction)
      llvm::append_range(functions, defaultNames);

  ArrayRef<float> alphaValues = alphas.value_or(ArrayRef<float>());
  ArrayRef<float> betaValues = betas.value_or(ArrayRef<float>());
  SmallVector<Activation> activations;
  for (StringRef name : functions) {
    auto kind = llvm::StringSwitch<std::optional<ActivationKind>>(name)
                    .Case("Relu", ActivationKind::Relu)
                    .Case("Tanh", ActivationKind::Tanh)
                    .Case("Sigmoid", ActivationKind::Sigmoid)
                    .Case("Affine", ActivationKind::Affine)
                    .Case("LeakyRelu", ActivationKind::LeakyRelu)
                    .Case("ThresholdedRelu", ActivationKind::ThresholdedRelu)
                    .Case("ScaledTanh", ActivationKind::ScaledTanh)
                    .Case("HardSigmoid", ActivationKind::HardSigmoid)
                    .Case("Elu", ActivationKind::Elu)
                    .Case("Softsign", ActivationKind::Softsign)
                    .Case("Softplus", ActivationKind::Softplus)
                    .Default(std::nullopt);
    if (!kind) // The verifier accepts only the names above.
      return op->emitOpError("unknown activation \"") << name << "\"";
    // Which of alpha and beta the function takes, and their defaults (NaN:
    // none, ScaledTanh's experimental operator had no defaults).
    double nan = std::numeric_limits<double>::quiet_NaN();
    auto [takesAlpha, takesBeta, defaultAlpha, defaultBeta] =
        llvm::StringSwitch<std::tuple<bool, bool, double, double>>(name)
            .Case("Affine", {true, true, 1.0, 0.0})
            .Case("LeakyRelu", {true, false, 0.01, 0.0})
            .Case("ThresholdedRelu", {true, false, 1.0, 0.0})
            .Case("ScaledTanh", {true, true, nan, nan})
            .Case("HardSigmoid", {true, true, 0.2, 0.5})
            .Case("Elu", {true, false, 1.0, 0.0})
            .Default({false, false, 0.0, 0.0});
    Activation activation{*kind, 0.0, 0.0};
    auto consume = [&](bool takes, ArrayRef<float> &values, double fallback,
                       double &out, StringRef attrName) -> LogicalResult {
      if (!takes)
        return success();
      if (!values.empty()) {
        out = values.front();
        values = values.drop_front();
        return success();
      }
      if (std::isnan(fallback))
        return op->emitOpError("activation ")
               << name << " needs a value in '" << attrName
               << "' (it has no default)";
      out = fallback;
      return success();
    };
    if (failed(consume(takesAlpha, alphaValues, defaultAlpha, activation.alpha,
                       "activation_alpha")) ||
        failed(consume(takesBeta, betaValues, defaultBeta, activation.beta,
                       "activation_beta")))
      return failure();
    activations.push_back(activation);
  }
  return activations;
}

//===----------------------------------------------------------------------===//
// The shared lowering
//===----------------------------------------------------------------------===//

/// `index` + `offset` in a te.compute body.
Value addOffset(ComputeBody &body, Value index, int64_t offset) {
  if (offset == 0)
    return index;
  return arith::AddIOp::create(body.b, body.loc, index, body.index(offset));
}

OpFoldResult getSize(OpBuilder &b, Location loc, Value tensor, int64_t dim) {
  auto type = cast<RankedTensorType>(tensor.getType());
  if (!type.isDynamicDim(dim))
    return b.getIndexAttr(type.getDimSize(dim));
  return tensor::DimOp::create(b, loc, tensor, dim).getResult();
}

/// Slice `direction` of a weight, bias or peephole tensor (leading
/// num_directions dimension), without that dimension.
Value sliceDirection(OpBuilder &b, Location loc, Value tensor,
                     int64_t direction) {
  auto type = cast<RankedTensorType>(tensor.getType());
  SmallVector<OpFoldResult> offsets(type.getRank(), b.getIndexAttr(0));
  SmallVector<OpFoldResult> strides(type.getRank(), b.getIndexAttr(1));
  SmallVector<OpFoldResult> sizes = {b.getIndexAttr(1)};
  offsets[0] = b.getIndexAttr(direction);
  for (int64_t dim = 1; dim < type.getRank(); ++dim)
    sizes.push_back(getSize(b, loc, tensor, dim));
  auto sliceType = RankedTensorType::get(type.getShape().drop_front(),
                                         type.getElementType());
  return tensor::ExtractSliceOp::create(b, loc, sliceType, tensor, offsets,
                                        sizes, strides);
}

/// The sizes, operands and attributes of one lstm, gru or rnn, and the
/// stages they all use. Per-operator gate math comes as a step function.
struct Recurrence {
  explicit Recurrence(Location loc) : loc(loc) {}

  Location loc;
  std::string name; // The mnemonic, prefix of the stage names.
  Type elementType;
  int64_t gates = 1, numDirections = 1, hiddenSize = 0;
  bool batchFirst = false, reverse = false;
  OpFoldResult seqLength, batchSize;
  RankedTensorType stateType; // [batch_size, hidden_size]
  std::optional<double> clip;
  SmallVector<Activation> activations;
  int64_t activationsPerDirection = 1;
  Value input; // [seq_length, batch_size, input_size], or batch first.

  std::string stage(StringRef part) const { return name + "." + part.str(); }

  /// batch_size for a stage that reads `value` (batch first): a dynamic one
  /// is `value`'s dim, so that convert-te-to-linalg can take the loop's
  /// extent from that operand and keep its reads indexing maps.
  OpFoldResult batchSizeOf(OpBuilder &b, Value value) const {
    if (getConstantIntValue(batchSize))
      return batchSize;
    return getSize(b, loc, value, 0);
  }

  const Activation &activation(int64_t direction, int64_t index) const {
    return activations[direction * activationsPerDirection + index];
  }

  Value clipped(OpBuilder &b, Value x) const {
    if (!clip)
      return x;
    Value bound = scalarConstant(b, loc, elementType, *clip);
    Value low = scalarConstant(b, loc, elementType, -*clip);
    return arith::MinimumFOp::create(
        b, loc, arith::MaximumFOp::create(b, loc, x, low), bound);
  }

  /// X * W^T for every step: [seq_length, batch_size, gates * hidden_size]
  /// (whatever the layout, so that a step is a slice of the leading dim).
  Value project(OpBuilder &b, Value weight) const {
    int64_t rows = gates * hiddenSize;
    auto type = RankedTensorType::get(
        {getConstantIntValue(seqLength).value_or(ShapedType::kDynamic),
         stateType.getDimSize(0), rows},
        elementType);
    ReductionSpec sum;
    sum.axes = {"k"};
    sum.extents = {getSize(b, loc, input, 2)};
    return buildCompute(
               b, loc, stage("input"), type,
               {seqLength, batchSize, b.getIndexAttr(rows)}, {input, weight},
               {"t", "b", "j"}, &sum,
               [&](ComputeBody &body) -> SmallVector<Value> {
                 ValueRange out = body.outputIndices;
                 Value k = body.reduceIndices[0];
                 Value x = batchFirst ? body.read(0, {out[1], out[0], k})
                                      : body.read(0, {out[0], out[1], k});
                 Value w = body.read(1, {out[2], k});
                 return {arith::MulFOp::create(body.b, body.loc, x, w)};
               })
        .front();
  }

  /// R^T of one direction, [hidden_size, gates * hidden_size], once before
  /// the loop: the step's recurrence is then a plain matmul (a transposed
  /// one would specialize to an invalid linalg.matmul: MLIR 22's
  /// specializeGenericOp drops the transpose).
  Value transposeRecurrence(OpBuilder &b, Value recurrence) const {
    int64_t rows = gates * hiddenSize;
    auto type = RankedTensorType::get({hiddenSize, rows}, elementType);
    return buildCompute(b, loc, stage("recurrence_t"), type,
                        {b.getIndexAttr(hiddenSize), b.getIndexAttr(rows)},
                        recurrence, {"k", "j"}, /*reduction=*/nullptr,
                        [&](ComputeBody &body) -> SmallVector<Value> {
                          return {body.read(0, {body.outputIndices[1],
                                                body.outputIndices[0]})};
                        })
        .front();
  }

  /// H * R^T restricted to rows [rowOffset, rowOffset + rows) of R, with
  /// `recurrenceT` = R^T: [batch_size, rows]; with `scale`,
  /// (scale .* H) * R^T (GRU's reset gate).
  Value recur(OpBuilder &b, StringRef part, Value state, Value recurrenceT,
              int64_t rowOffset, int64_t rows, Value scale = {}) const {
    ReductionSpec sum;
    sum.axes = {"k"};
    sum.extents = {b.getIndexAttr(hiddenSize)};
    SmallVector<Value> inputs = {state, recurrenceT};
    if (scale)
      inputs.push_back(scale);
    auto type = RankedTensorType::get({stateType.getDimSize(0), rows},
                                      elementType);
    return buildCompute(
               b, loc, stage(part), type,
               {batchSizeOf(b, state), b.getIndexAttr(rows)},
               inputs, {"b", "j"}, &sum,
               [&](ComputeBody &body) -> SmallVector<Value> {
                 OpBuilder &b = body.b;
                 Value batch = body.outputIndices[0];
                 Value k = body.reduceIndices[0];
                 Value row =
                     addOffset(body, body.outputIndices[1], rowOffset);
                 Value h = body.read(0, {batch, k});
                 if (scale)
                   h = arith::MulFOp::create(b, body.loc, body.read(2, {batch, k}),
                                             h);
                 Value r = body.read(1, {k, row});
                 return {arith::MulFOp::create(b, body.loc, h, r)};
               })
        .front();
  }

  /// An elementwise stage over [batch_size, hidden_size] with `numResults`
  /// results; `fn` gets the body and the (batch, hidden) indices.
  SmallVector<Value>
  cell(OpBuilder &b, StringRef part, unsigned numResults, ValueRange inputs,
       function_ref<SmallVector<Value>(ComputeBody &)> fn) const {
    OpFoldResult batch =
        inputs.empty() ? batchSize : batchSizeOf(b, inputs.front());
    return buildCompute(b, loc, stage(part),
                        SmallVector<Type>(numResults, stateType),
                        {batch, b.getIndexAttr(hiddenSize)}, inputs,
                        {"b", "h"}, /*reduction=*/nullptr, fn);
  }

  /// The initial state of `direction`: a slice of `state` ([num_directions,
  /// batch_size, hidden_size], or batch first with layout 1), or zeros.
  Value initialState(OpBuilder &b, Value state, int64_t direction,
                     StringRef part) const {
    if (!state)
      return cell(b, part, 1, {}, [&](ComputeBody &body) -> SmallVector<Value> {
               return {scalarConstant(body.b, body.loc, elementType, 0)};
             }).front();
    int64_t directionDim = batchFirst ? 1 : 0, batchDim = batchFirst ? 0 : 1;
    SmallVector<OpFoldResult> offsets(3, b.getIndexAttr(0));
    SmallVector<OpFoldResult> sizes(3, b.getIndexAttr(1));
    SmallVector<OpFoldResult> strides(3, b.getIndexAttr(1));
    offsets[directionDim] = b.getIndexAttr(direction);
    sizes[batchDim] = getSize(b, loc, state, batchDim);
    sizes[2] = getSize(b, loc, state, 2);
    auto type = cast<RankedTensorType>(state.getType());
    auto sliceType = RankedTensorType::get(
        {type.getDimSize(batchDim), type.getDimSize(2)}, elementType);
    Value slice = tensor::ExtractSliceOp::create(b, loc, sliceType, state,
                                                 offsets, sizes, strides);
    if (sliceType == stateType)
      return slice;
    return tensor::CastOp::create(b, loc, stateType, slice);
  }

  /// Inserts the state of `direction` ([batch_size, hidden_size]) into
  /// `dest`: `final_h`/`final_c`-shaped, or, with a `step`, `output`-shaped.
  Value insertState(OpBuilder &b, Value state, Value dest, int64_t direction,
                    Value step = {}) const {
    SmallVector<OpFoldResult> offsets, sizes;
    if (step) {
      offsets.push_back(step);
      sizes.push_back(b.getIndexAttr(1));
    }
    offsets.push_back(b.getIndexAttr(direction));
    sizes.push_back(b.getIndexAttr(1));
    if (batchFirst) {
      // The batch dim comes first: rotate it to the front.
      offsets.insert(offsets.begin(), b.getIndexAttr(0));
      sizes.insert(sizes.begin(), batchSize);
    } else {
      offsets.push_back(b.getIndexAttr(0));
      sizes.push_back(batchSize);
    }
    offsets.push_back(b.getIndexAttr(0));
    sizes.push_back(b.getIndexAttr(hiddenSize));
    SmallVector<OpFoldResult> strides(offsets.size(), b.getIndexAttr(1));
    return tensor::InsertSliceOp::create(b, loc, state, dest, offsets, sizes,
                                         strides);
  }

  /// [..., n * hidden_size] -> [..., n, hidden_size] (free): the gate
  /// math then reads gate g at (batch, g, hidden), whose maps keep bare loop
  /// indices on dims of the loops' extents, so they stay indexing maps.
  Value splitGates(OpBuilder &b, Value value) const {
    auto type = cast<RankedTensorType>(value.getType());
    SmallVector<int64_t> shape(type.getShape().drop_back());
    shape.append({type.getShape().back() / hiddenSize, hiddenSize});
    SmallVector<ReassociationIndices> reassociation;
    for (int64_t dim = 0; dim + 1 < type.getRank(); ++dim)
      reassociation.push_back({dim});
    reassociation.push_back({type.getRank() - 1, type.getRank()});
    return tensor::ExpandShapeOp::create(
        b, loc, RankedTensorType::get(shape, elementType), value,
        reassociation);
  }

  /// The sum of `gate`'s input projection (input `projectedInput` of
  /// `body`, [batch_size, gates, hidden_size]), recurrence (input
  /// `recurrenceInput` of the same shape, unless negative) and biases (input
  /// `biasInput` [2 * gates, hidden_size], unless negative: Wb, and Rb
  /// `withRecurrenceBias`) at the output index (batch, hidden).
  Value gateSum(ComputeBody &body, int64_t gate, unsigned projectedInput,
                int recurrenceInput, int biasInput,
                bool withRecurrenceBias = true) const {
    OpBuilder &b = body.b;
    Value batch = body.outputIndices[0], hidden = body.outputIndices[1];
    Value sum = body.read(projectedInput, {batch, body.index(gate), hidden});
    if (recurrenceInput >= 0)
      sum = arith::AddFOp::create(
          b, loc, sum,
          body.read(recurrenceInput, {batch, body.index(gate), hidden}));
    if (biasInput >= 0) {
      sum = arith::AddFOp::create(
          b, loc, sum, body.read(biasInput, {body.index(gate), hidden}));
      if (withRecurrenceBias)
        sum = arith::AddFOp::create(b, loc, sum,
                                    recurrenceBias(body, gate, biasInput));
    }
    return sum;
  }

  Value recurrenceBias(ComputeBody &body, int64_t gate,
                       unsigned biasInput) const {
    return body.read(biasInput,
                     {body.index(gates + gate), body.outputIndices[1]});
  }
};

/// One step of a recurrence: (direction, projected input of the step
/// [batch_size, gates, hidden_size], states) -> new states, the hidden
/// state first.
using StepFn = function_ref<SmallVector<Value>(OpBuilder &, int64_t, Value,
                                               ValueRange)>;

/// Runs the time loops of every direction; returns output, final_h and
/// (with two states) final_c. `projections` are the input projections of
/// each direction, `initialStates` the states per direction.
SmallVector<Value> runLoops(OpBuilder &b, const Recurrence &rec,
                            ArrayRef<Value> projections,
                            ArrayRef<SmallVector<Value>> initialStates,
                            RankedTensorType outputType, bool outputUsed,
                            ArrayRef<RankedTensorType> finalTypes,
                            StepFn step) {
  Location loc = rec.loc;
  auto empty = [&](RankedTensorType type) -> Value {
    // Sizes: seq_length and batch_size where dynamic (hidden_size and
    // num_directions are static).
    SmallVector<Value> dynamicSizes;
    int64_t seqDim = rec.batchFirst ? 1 : 0;
    for (int64_t dim = 0; dim < type.getRank(); ++dim) {
      if (!type.isDynamicDim(dim))
        continue;
      bool isSeq = type.getRank() == 4 && dim == seqDim;
      dynamicSizes.push_back(getValueOrCreateConstantIndexOp(
          b, loc, isSeq ? rec.seqLength : rec.batchSize));
    }
    return tensor::EmptyOp::create(b, loc, type, dynamicSizes);
  };

  Value output = empty(outputType);
  unsigned numStates = initialStates.front().size();
  SmallVector<SmallVector<Value>> finals(numStates);
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  Value seqLength = getValueOrCreateConstantIndexOp(b, loc, rec.seqLength);
  for (int64_t direction = 0; direction < rec.numDirections; ++direction) {
    bool reverse = rec.reverse || direction == 1;
    SmallVector<Value> iterArgs(initialStates[direction]);
    if (outputUsed)
      iterArgs.push_back(output);
    auto loop = scf::ForOp::create(
        b, loc, zero, seqLength, one, iterArgs,
        [&](OpBuilder &b, Location loc, Value t, ValueRange args) {
          Value time = t;
          if (reverse) // seq_length - 1 - t
            time = arith::SubIOp::create(
                b, loc, arith::SubIOp::create(b, loc, seqLength, one), t);
          Value projection = projections[direction];
          auto projectionType = cast<RankedTensorType>(projection.getType());
          SmallVector<OpFoldResult> offsets = {time, b.getIndexAttr(0),
                                               b.getIndexAttr(0)};
          SmallVector<OpFoldResult> sizes = {
              b.getIndexAttr(1), rec.batchSize,
              b.getIndexAttr(projectionType.getDimSize(2))};
          SmallVector<OpFoldResult> strides(3, b.getIndexAttr(1));
          Value projected = tensor::ExtractSliceOp::create(
              b, loc,
              RankedTensorType::get(projectionType.getShape().drop_front(),
                                    rec.elementType),
              projection, offsets, sizes, strides);
          SmallVector<Value> yields =
              step(b, direction, rec.splitGates(b, projected),
                   args.take_front(numStates));
          if (outputUsed)
            yields.push_back(
                rec.insertState(b, yields.front(), args.back(), direction, time));
          scf::YieldOp::create(b, loc, yields);
        });
    for (unsigned state = 0; state < numStates; ++state)
      finals[state].push_back(loop.getResult(state));
    if (outputUsed)
      output = loop.getResults().back();
  }

  SmallVector<Value> results = {output};
  for (auto [state, type] : llvm::enumerate(finalTypes)) {
    Value result = empty(type);
    for (int64_t direction = 0; direction < rec.numDirections; ++direction)
      result = rec.insertState(b, finals[state][direction], result, direction);
    results.push_back(result);
  }
  return results;
}

template <typename OpTy>
struct RecurrentPattern : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using Adaptor = typename OpTy::Adaptor;
  static constexpr bool isLSTM = std::is_same_v<OpTy, graph::LSTMOp>;
  static constexpr bool isGRU = std::is_same_v<OpTy, graph::GRUOp>;

  LogicalResult
  matchAndRewrite(OpTy op, Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    SmallVector<RankedTensorType> resultTypes;
    for (Type type : op->getResultTypes())
      resultTypes.push_back(cast<RankedTensorType>(
          this->getTypeConverter()->convertType(type)));
    RankedTensorType outputType = resultTypes.front();
    auto inputType = cast<RankedTensorType>(adaptor.getInput().getType());

    Recurrence rec(loc);
    rec.name = stageName(op).str();
    rec.elementType = inputType.getElementType();
    rec.gates = isLSTM ? 4 : isGRU ? 3 : 1;
    rec.batchFirst = op.getLayout() == 1;
    rec.reverse = op.getDirection() == "reverse";
    rec.numDirections = op.getDirection() == "bidirectional" ? 2 : 1;
    rec.hiddenSize = outputType.getDimSize(3);
    if (ShapedType::isDynamic(rec.hiddenSize)) {
      op.emitOpError() << "hidden_size must be static to lower to te (set "
                          "'hidden_size' or give 'recurrence' static sizes)";
      return rewriter.notifyMatchFailure(op, "dynamic hidden_size");
    }
    if (std::optional<APFloat> clip = op.getClip())
      rec.clip = clip->convertToDouble();
    rec.input = adaptor.getInput();

    SmallVector<StringRef> defaultActivations;
    if (isLSTM)
      defaultActivations = {"Sigmoid", "Tanh", "Tanh"};
    else if (isGRU)
      defaultActivations = {"Sigmoid", "Tanh"};
    else
      defaultActivations = {"Tanh"};
    rec.activationsPerDirection = defaultActivations.size();
    FailureOr<SmallVector<Activation>> activations = getActivations(
        op, op.getActivations(), op.getActivationAlpha(),
        op.getActivationBeta(), defaultActivations, rec.numDirections);
    if (failed(activations))
      return rewriter.notifyMatchFailure(op, "unsupported activations");
    rec.activations = std::move(*activations);

    // seq_length and batch_size, static where any type knows them.
    int64_t seqDim = rec.batchFirst ? 1 : 0, batchDim = rec.batchFirst ? 0 : 1;
    auto size = [&](int64_t inputDim, int64_t outputDim) -> OpFoldResult {
      for (int64_t known : {inputType.getDimSize(inputDim),
                            outputType.getDimSize(outputDim)})
        if (!ShapedType::isDynamic(known))
          return rewriter.getIndexAttr(known);
      return getSize(rewriter, loc, rec.input, inputDim);
    };
    rec.seqLength = size(seqDim, rec.batchFirst ? 1 : 0);
    rec.batchSize = size(batchDim, rec.batchFirst ? 0 : 2);
    rec.stateType = RankedTensorType::get(
        {getConstantIntValue(rec.batchSize).value_or(ShapedType::kDynamic),
         rec.hiddenSize},
        rec.elementType);

    if (failed(checkSequenceLens(op, adaptor, rewriter, rec)))
      return failure();


    // Per direction: weights, input projection and initial states.
    SmallVector<Value> weights, recurrences, biases, peepholes, projections;
    SmallVector<SmallVector<Value>> initialStates;
    Value initialC, peepholeTensor;
    if constexpr (isLSTM) {
      initialC = adaptor.getInitialC();
      peepholeTensor = adaptor.getPeepholes();
    }
    for (int64_t direction = 0; direction < rec.numDirections; ++direction) {
      Value weight = sliceDirection(rewriter, loc, adaptor.getWeight(), direction);
      recurrences.push_back(rec.transposeRecurrence(
          rewriter,
          sliceDirection(rewriter, loc, adaptor.getRecurrence(), direction)));
      // Biases [2 * gates, hidden_size], peepholes [3, hidden_size].
      biases.push_back(adaptor.getBias()
                           ? rec.splitGates(rewriter,
                                            sliceDirection(rewriter, loc,
                                                           adaptor.getBias(),
                                                           direction))
                           : Value());
      peepholes.push_back(
          peepholeTensor
              ? rec.splitGates(rewriter, sliceDirection(rewriter, loc,
                                                        peepholeTensor,
                                                        direction))
              : Value());
      projections.push_back(rec.project(rewriter, weight));
      SmallVector<Value> states = {rec.initialState(
          rewriter, adaptor.getInitialH(), direction, "initial_h")};
      if (isLSTM)
        states.push_back(
            rec.initialState(rewriter, initialC, direction, "initial_c"));
      initialStates.push_back(states);
    }

    auto step = [&](OpBuilder &b, int64_t direction, Value projected,
                    ValueRange states) -> SmallVector<Value> {
      if constexpr (isLSTM)
        return lstmStep(b, rec, direction, projected, states,
                        recurrences[direction], biases[direction],
                        peepholes[direction], op.getInputForget() != 0);
      else if constexpr (isGRU)
        return gruStep(b, rec, direction, projected, states.front(),
                       recurrences[direction], biases[direction],
                       op.getLinearBeforeReset() != 0);
      else
        return rnnStep(b, rec, direction, projected, states.front(),
                       recurrences[direction], biases[direction]);
    };
    SmallVector<Value> results =
        runLoops(rewriter, rec, projections, initialStates, outputType,
                 !op.getOutput().use_empty(),
                 ArrayRef<RankedTensorType>(resultTypes).drop_front(), step);
    rewriter.replaceOp(op, results);
    return success();
  }

  /// sequence_lens must be a constant whose values all equal seq_length:
  /// per-batch lengths (padded sequences) are not supported. A dynamic
  /// seq_length is checked at run time.
  static LogicalResult checkSequenceLens(OpTy op, Adaptor adaptor,
                                         ConversionPatternRewriter &rewriter,
                                         const Recurrence &rec) {
    if (!adaptor.getSequenceLens())
      return success();
    std::optional<SmallVector<int64_t>> lengths =
        graph::getConstantIntValues(adaptor.getSequenceLens());
    if (!lengths)
      lengths = graph::getConstantIntValues(op.getSequenceLens());
    std::optional<int64_t> staticSeqLength =
        getConstantIntValue(rec.seqLength);
    auto reject = [&](StringRef why) {
      op.emitOpError() << "operand 'sequence_lens' " << why
                       << ": per-batch sequence lengths are not supported "
                          "(only lengths equal to seq_length)";
      return rewriter.notifyMatchFailure(op, "unsupported sequence_lens");
    };
    if (!lengths)
      return reject("must be a constant");
    if (lengths->empty())
      return success();
    if (!llvm::all_equal(*lengths) ||
        (staticSeqLength && lengths->front() != *staticSeqLength))
      return reject("has a length other than seq_length");
    if (!staticSeqLength) {
      Location loc = rec.loc;
      Value equal = arith::CmpIOp::create(
          rewriter, loc, arith::CmpIPredicate::eq, cast<Value>(rec.seqLength),
          arith::ConstantIndexOp::create(rewriter, loc, lengths->front()));
      cf::AssertOp::create(rewriter, loc, equal,
                           "sequence_lens must equal seq_length (per-batch "
                           "sequence lengths are not supported)");
    }
    return success();
  }

  /// it = f(Xt*Wi + Ht-1*Ri + Pi.*Ct-1 + Wbi + Rbi), likewise ft (or 1 - it
  /// with input_forget), ct = g(Xt*Wc + Ht-1*Rc + Wbc + Rbc),
  /// Ct = ft.*Ct-1 + it.*ct, ot = f(Xt*Wo + Ht-1*Ro + Po.*Ct + Wbo + Rbo),
  /// Ht = ot.*h(Ct). Gates are stacked i, o, f, c; peepholes i, o, f.
  static SmallVector<Value> lstmStep(OpBuilder &b, const Recurrence &rec,
                                     int64_t direction, Value projected,
                                     ValueRange states, Value recurrence,
                                     Value bias, Value peepholes,
                                     bool inputForget) {
    int64_t hidden = rec.hiddenSize;
    Value h = states[0], c = states[1];
    Value recurred = rec.splitGates(
        b, rec.recur(b, "recurrence", h, recurrence, 0, 4 * hidden));
    SmallVector<Value> inputs = {projected, recurred, c};
    int biasInput = -1, peepholeInput = -1;
    if (bias) {
      biasInput = inputs.size();
      inputs.push_back(bias);
    }
    if (peepholes) {
      peepholeInput = inputs.size();
      inputs.push_back(peepholes);
    }
    const Activation &f = rec.activation(direction, 0);
    const Activation &g = rec.activation(direction, 1);
    const Activation &hAct = rec.activation(direction, 2);
    SmallVector<Value> next = rec.cell(
        b, "cell", 2, inputs, [&](ComputeBody &body) -> SmallVector<Value> {
          OpBuilder &b = body.b;
          Location loc = body.loc;
          Value cPrev = body.read(2, body.outputIndices);
          auto preActivation = [&](int64_t gate, int64_t peephole,
                                   Value cell) {
            Value sum = rec.gateSum(body, gate, 0, 1, biasInput);
            if (peepholeInput >= 0 && cell) {
              Value p = body.read(peepholeInput, {body.index(peephole),
                                                  body.outputIndices[1]});
              sum = arith::AddFOp::create(
                  b, loc, sum, arith::MulFOp::create(b, loc, p, cell));
            }
            return rec.clipped(b, sum);
          };
          Value i = f.apply(b, loc, preActivation(0, 0, cPrev));
          Value forget =
              inputForget
                  ? arith::SubFOp::create(
                        b, loc, scalarConstant(b, loc, rec.elementType, 1), i)
                        .getResult()
                  : f.apply(b, loc, preActivation(2, 2, cPrev));
          Value candidate = g.apply(b, loc, preActivation(3, 0, Value()));
          Value cNext = arith::AddFOp::create(
              b, loc, arith::MulFOp::create(b, loc, forget, cPrev),
              arith::MulFOp::create(b, loc, i, candidate));
          Value o = f.apply(b, loc, preActivation(1, 1, cNext));
          Value hNext =
              arith::MulFOp::create(b, loc, o, hAct.apply(b, loc, cNext));
          return {hNext, cNext};
        });
    return next;
  }

  /// zt = f(Xt*Wz + Ht-1*Rz + Wbz + Rbz), rt likewise, ht = g(Xt*Wh +
  /// (rt.*Ht-1)*Rh + Rbh + Wbh), or with linear_before_reset g(Xt*Wh +
  /// rt.*(Ht-1*Rh + Rbh) + Wbh); Ht = (1 - zt).*ht + zt.*Ht-1. Gates are
  /// stacked z, r, h.
  static SmallVector<Value> gruStep(OpBuilder &b, const Recurrence &rec,
                                    int64_t direction, Value projected,
                                    Value h, Value recurrence, Value bias,
                                    bool linearBeforeReset) {
    int64_t hidden = rec.hiddenSize;
    // Without linear_before_reset, the hidden gate's recurrence needs rt.
    Value recurred = rec.splitGates(
        b, rec.recur(b, "recurrence", h, recurrence, 0,
                     (linearBeforeReset ? 3 : 2) * hidden));
    SmallVector<Value> inputs = {projected, recurred};
    int biasInput = -1;
    if (bias) {
      biasInput = inputs.size();
      inputs.push_back(bias);
    }
    const Activation &f = rec.activation(direction, 0);
    const Activation &g = rec.activation(direction, 1);
    SmallVector<Value> zr = rec.cell(
        b, "gates", 2, inputs, [&](ComputeBody &body) -> SmallVector<Value> {
          auto gate = [&](int64_t index) {
            return f.apply(body.b, body.loc,
                           rec.clipped(body.b, rec.gateSum(body, index, 0, 1, biasInput)));
          };
          return {gate(0), gate(1)};
        });
    Value z = zr[0], r = zr[1];

    // The hidden gate's recurrence: rows 2H.. of `recurred` (times rt in the
    // cell), or (rt.*Ht-1)*Rh^T.
    SmallVector<Value> cellInputs = {
        projected, z, h,
        linearBeforeReset ? recurred
                          : rec.recur(b, "reset_recurrence", h, recurrence,
                                      2 * hidden, hidden, r)};
    if (linearBeforeReset)
      cellInputs.push_back(r);
    int cellBias = -1;
    if (bias) {
      cellBias = cellInputs.size();
      cellInputs.push_back(bias);
    }
    return rec.cell(
        b, "cell", 1, cellInputs, [&](ComputeBody &body) -> SmallVector<Value> {
          OpBuilder &b = body.b;
          Location loc = body.loc;
          ValueRange at = body.outputIndices;
          // Xt*Wh + Wbh.
          Value sum = rec.gateSum(body, 2, 0, -1, cellBias,
                                  /*withRecurrenceBias=*/false);
          Value recurrent =
              linearBeforeReset
                  ? body.read(3, {at[0], body.index(2), at[1]})
                  : body.read(3, at);
          if (cellBias >= 0)
            recurrent = arith::AddFOp::create(
                b, loc, recurrent, rec.recurrenceBias(body, 2, cellBias));
          if (linearBeforeReset)
            recurrent =
                arith::MulFOp::create(b, loc, body.read(4, at), recurrent);
          sum = arith::AddFOp::create(b, loc, sum, recurrent);
          Value candidate = g.apply(b, loc, rec.clipped(b, sum));
          Value zt = body.read(1, at), hPrev = body.read(2, at);
          Value keep = arith::SubFOp::create(
              b, loc, scalarConstant(b, loc, rec.elementType, 1), zt);
          return {arith::AddFOp::create(
              b, loc, arith::MulFOp::create(b, loc, keep, candidate),
              arith::MulFOp::create(b, loc, zt, hPrev))};
        });
  }

  /// Ht = f(Xt*Wi + Ht-1*Ri + Wbi + Rbi).
  static SmallVector<Value> rnnStep(OpBuilder &b, const Recurrence &rec,
                                    int64_t direction, Value projected,
                                    Value h, Value recurrence, Value bias) {
    Value recurred =
        rec.splitGates(b, rec.recur(b, "recurrence", h, recurrence, 0,
                                    rec.hiddenSize));
    SmallVector<Value> inputs = {projected, recurred};
    int biasInput = -1;
    if (bias) {
      biasInput = inputs.size();
      inputs.push_back(bias);
    }
    const Activation &f = rec.activation(direction, 0);
    return rec.cell(b, "cell", 1, inputs,
                    [&](ComputeBody &body) -> SmallVector<Value> {
                      Value sum = rec.gateSum(body, 0, 0, 1, biasInput);
                      return {f.apply(body.b, body.loc,
                                      rec.clipped(body.b, sum))};
                    });
  }
};

} // namespace

void graph_to_te::populateRecurrentPatterns(const TypeConverter &typeConverter,
                                            RewritePatternSet &patterns) {
  patterns.add<RecurrentPattern<graph::LSTMOp>, RecurrentPattern<graph::GRUOp>,
               RecurrentPattern<graph::RNNOp>>(typeConverter,
                                               patterns.getContext());
}
