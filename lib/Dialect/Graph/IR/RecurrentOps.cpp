//===- RecurrentOps.cpp - Recurrent operators -----------------------------===//

#include "tessera/Dialect/Graph/IR/Graph.h"

#include "llvm/ADT/StringSwitch.h"

using namespace mlir;
using namespace tessera::graph;

#define GET_OP_CLASSES
#include "tessera/Dialect/Graph/IR/GraphRecurrentOps.cpp.inc"

void GraphDialect::registerRecurrentOps() {
  addOperations<
#define GET_OP_LIST
#include "tessera/Dialect/Graph/IR/GraphRecurrentOps.cpp.inc"
      >();
}

//===----------------------------------------------------------------------===//
// Shapes shared by lstm, gru and rnn
//===----------------------------------------------------------------------===//

// Gate blocks stacked in the weights' rows, and activation functions per
// direction.
static constexpr int64_t kLSTMGates = 4, kLSTMActivations = 3;
static constexpr int64_t kGRUGates = 3, kGRUActivations = 2;
static constexpr int64_t kRNNGates = 1, kRNNActivations = 1;

static std::optional<int64_t> getNumDirections(StringRef direction) {
  return llvm::StringSwitch<std::optional<int64_t>>(direction)
      .Cases({"forward", "reverse"}, 1)
      .Case("bidirectional", 2)
      .Default(std::nullopt);
}

/// The size of dimension `dim` of `value`; `?` when absent, and when the
/// rank is wrong (the ODS constraints report it, inference must not crash).
static int64_t getDimSize(Value value, int64_t dim) {
  auto type = value ? dyn_cast<RankedTensorType>(value.getType()) : nullptr;
  if (!type || dim >= type.getRank())
    return ShapedType::kDynamic;
  return type.getDimSize(dim);
}

static int64_t firstStatic(std::initializer_list<int64_t> sizes) {
  for (int64_t size : sizes)
    if (!ShapedType::isDynamic(size))
      return size;
  return ShapedType::kDynamic;
}

/// `rows` / `gates` when `rows` is static and a multiple of `gates`.
static int64_t divideRows(int64_t rows, int64_t gates) {
  if (ShapedType::isDynamic(rows) || rows % gates != 0)
    return ShapedType::kDynamic;
  return rows / gates;
}

namespace {
/// The sizes a recurrent operator's operands agree on, as far as they are
/// static; `?` where none of them says.
struct RecurrentSizes {
  int64_t numDirections, seqLength, batchSize, inputSize, hiddenSize;
  bool batchFirst; // layout = 1

  RecurrentSizes(Value input, Value weight, Value recurrence,
                 Value sequenceLens, Value initialH, StringRef direction,
                 std::optional<uint64_t> hiddenSizeAttr, int64_t layout,
                 int64_t gates) {
    numDirections = getNumDirections(direction).value_or(ShapedType::kDynamic);
    batchFirst = layout == 1;
    int64_t seqDim = batchFirst ? 1 : 0, batchDim = batchFirst ? 0 : 1;
    // A layout out of range gives no sizes (the verifier reports it).
    bool validLayout = layout == 0 || layout == 1;
    seqLength = validLayout ? getDimSize(input, seqDim) : ShapedType::kDynamic;
    batchSize = validLayout ? firstStatic({getDimSize(input, batchDim),
                                           getDimSize(sequenceLens, 0),
                                           getDimSize(initialH, batchDim)})
                            : ShapedType::kDynamic;
    inputSize = getDimSize(input, 2);
    if (hiddenSizeAttr && static_cast<int64_t>(*hiddenSizeAttr) > 0)
      hiddenSize = *hiddenSizeAttr;
    else
      hiddenSize = firstStatic({getDimSize(recurrence, 2),
                                divideRows(getDimSize(recurrence, 1), gates),
                                divideRows(getDimSize(weight, 1), gates)});
  }

  /// `output`'s shape (ONNX's Y).
  SmallVector<int64_t> getOutputShape() const {
    if (batchFirst)
      return {batchSize, seqLength, numDirections, hiddenSize};
    return {seqLength, numDirections, batchSize, hiddenSize};
  }
  /// The shape of states: initial_h, initial_c, final_h, final_c.
  SmallVector<int64_t> getStateShape() const {
    if (batchFirst)
      return {batchSize, numDirections, hiddenSize};
    return {numDirections, batchSize, hiddenSize};
  }
};
} // namespace

static int64_t scaled(int64_t factor, int64_t size) {
  return ShapedType::isDynamic(size) ? size : factor * size;
}

/// `output`, `final_h` and, with `numStates` = 2, `final_c`.
static void inferRecurrentTypes(const RecurrentSizes &sizes, Value input,
                                unsigned numStates,
                                SmallVectorImpl<Type> &types) {
  Type elementType = cast<RankedTensorType>(input.getType()).getElementType();
  types.push_back(RankedTensorType::get(sizes.getOutputShape(), elementType));
  for (unsigned i = 0; i < numStates; ++i)
    types.push_back(RankedTensorType::get(sizes.getStateShape(), elementType));
}

namespace {
/// An expected dimension size and what it stands for, e.g. "4 * hidden_size".
struct ExpectedDim {
  int64_t size;
  std::string meaning;
};
} // namespace

/// Checks the static dimensions of `value` (when present) against
/// `expected`, where both are known.
static LogicalResult verifyDims(Operation *op, Value value, StringRef name,
                                ArrayRef<ExpectedDim> expected,
                                Type elementType) {
  if (!value)
    return success();
  auto type = cast<RankedTensorType>(value.getType());
  if (type.getElementType() != elementType)
    return op->emitOpError("operand '")
           << name << "' has element type " << type.getElementType()
           << " but 'input' has " << elementType;
  for (auto [dim, want] : llvm::enumerate(expected)) {
    int64_t have = getDimSize(value, dim);
    if (!ShapedType::isDynamic(have) && !ShapedType::isDynamic(want.size) &&
        have != want.size)
      return op->emitOpError("operand '")
             << name << "' has size " << have << " in dimension " << dim
             << " but " << want.meaning << " is " << want.size;
  }
  return success();
}

static bool isKnownActivation(StringRef name) {
  return llvm::is_contained({"Relu", "Tanh", "Sigmoid", "Affine", "LeakyRelu",
                             "ThresholdedRelu", "ScaledTanh", "HardSigmoid",
                             "Elu", "Softsign", "Softplus"},
                            name);
}

/// The checks shared by lstm, gru and rnn; `initialC` and `peepholes` are
/// LSTM's (null for the others).
template <typename OpTy>
static LogicalResult verifyRecurrentOp(OpTy op, int64_t gates,
                                       int64_t activationsPerDirection,
                                       Value initialC, Value peepholes) {
  std::optional<int64_t> numDirections = getNumDirections(op.getDirection());
  if (!numDirections)
    return op.emitOpError("attribute 'direction' must be \"forward\", "
                          "\"reverse\" or \"bidirectional\", got \"")
           << op.getDirection() << "\"";
  int64_t layout = op.getLayout();
  if (layout != 0 && layout != 1)
    return op.emitOpError("attribute 'layout' must be 0 or 1, got ") << layout;
  if (std::optional<uint64_t> hiddenSize = op.getHiddenSize();
      hiddenSize && static_cast<int64_t>(*hiddenSize) <= 0)
    return op.emitOpError("attribute 'hidden_size' must be positive, got ")
           << static_cast<int64_t>(*hiddenSize);
  if (std::optional<APFloat> clip = op.getClip();
      clip && !(clip->convertToDouble() > 0))
    return op.emitOpError("attribute 'clip' must be positive, got ")
           << clip->convertToDouble();

  int64_t numActivations = *numDirections * activationsPerDirection;
  if (std::optional<ArrayAttr> activations = op.getActivations()) {
    if (static_cast<int64_t>(activations->size()) != numActivations)
      return op.emitOpError("attribute 'activations' must have ")
             << numActivations << " functions (" << activationsPerDirection
             << " per direction), got " << activations->size();
    for (StringRef name : activations->getAsValueRange<StringAttr>())
      if (!isKnownActivation(name))
        return op.emitOpError("attribute 'activations' has unknown function \"")
               << name << "\"";
  }
  // Alphas and betas are consumed by the activations that take them, at most
  // one each.
  for (auto [name, values] :
       {std::pair("activation_alpha", op.getActivationAlpha()),
        std::pair("activation_beta", op.getActivationBeta())})
    if (values && static_cast<int64_t>(values->size()) > numActivations)
      return op.emitOpError("attribute '")
             << name << "' has " << values->size() << " values for "
             << numActivations << " activations";

  RecurrentSizes sizes(op.getInput(), op.getWeight(), op.getRecurrence(),
                       op.getSequenceLens(), op.getInitialH(),
                       op.getDirection(), op.getHiddenSize(), layout, gates);
  ExpectedDim directionsDim{sizes.numDirections, "num_directions"};
  ExpectedDim hiddenDim{sizes.hiddenSize, "hidden_size"};
  std::string gatesText = gates == 1 ? "" : std::to_string(gates) + " * ";
  ExpectedDim gateRowsDim{scaled(gates, sizes.hiddenSize),
                          gatesText + "hidden_size"};
  ExpectedDim batchDim{sizes.batchSize, "batch_size"};
  SmallVector<ExpectedDim> stateDims = {directionsDim, batchDim, hiddenDim};
  if (sizes.batchFirst)
    std::swap(stateDims[0], stateDims[1]);
  Type elementType =
      cast<RankedTensorType>(op.getInput().getType()).getElementType();
  Operation *operation = op.getOperation();
  if (failed(verifyDims(
          operation, op.getWeight(), "weight",
          {directionsDim, gateRowsDim, {sizes.inputSize, "input_size"}},
          elementType)) ||
      failed(verifyDims(operation, op.getRecurrence(), "recurrence",
                        {directionsDim, gateRowsDim, hiddenDim},
                        elementType)) ||
      failed(verifyDims(operation, op.getBias(), "bias",
                        {directionsDim,
                         {scaled(2 * gates, sizes.hiddenSize),
                          std::to_string(2 * gates) + " * hidden_size"}},
                        elementType)) ||
      failed(verifyDims(operation, op.getInitialH(), "initial_h", stateDims,
                        elementType)) ||
      failed(verifyDims(operation, initialC, "initial_c", stateDims,
                        elementType)) ||
      failed(verifyDims(
          operation, peepholes, "peepholes",
          {directionsDim, {scaled(3, sizes.hiddenSize), "3 * hidden_size"}},
          elementType)))
    return failure();
  if (Value sequenceLens = op.getSequenceLens()) {
    int64_t have = getDimSize(sequenceLens, 0);
    if (!ShapedType::isDynamic(have) &&
        !ShapedType::isDynamic(sizes.batchSize) && have != sizes.batchSize)
      return op.emitOpError("operand 'sequence_lens' has size ")
             << have << " but batch_size is " << sizes.batchSize;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// lstm
//===----------------------------------------------------------------------===//

LogicalResult LSTMOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &types) {
  RecurrentSizes sizes(
      adaptor.getInput(), adaptor.getWeight(), adaptor.getRecurrence(),
      adaptor.getSequenceLens(), adaptor.getInitialH(), adaptor.getDirection(),
      adaptor.getHiddenSize(), adaptor.getLayout(), kLSTMGates);
  inferRecurrentTypes(sizes, adaptor.getInput(), /*numStates=*/2, types);
  return success();
}

LogicalResult LSTMOp::verify() {
  if (getInputForget() != 0 && getInputForget() != 1)
    return emitOpError("attribute 'input_forget' must be 0 or 1, got ")
           << static_cast<int64_t>(getInputForget());
  return verifyRecurrentOp(*this, kLSTMGates, kLSTMActivations, getInitialC(),
                           getPeepholes());
}

//===----------------------------------------------------------------------===//
// gru
//===----------------------------------------------------------------------===//

LogicalResult GRUOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                      Adaptor adaptor,
                                      SmallVectorImpl<Type> &types) {
  RecurrentSizes sizes(adaptor.getInput(), adaptor.getWeight(),
                       adaptor.getRecurrence(), adaptor.getSequenceLens(),
                       adaptor.getInitialH(), adaptor.getDirection(),
                       adaptor.getHiddenSize(), adaptor.getLayout(), kGRUGates);
  inferRecurrentTypes(sizes, adaptor.getInput(), /*numStates=*/1, types);
  return success();
}

LogicalResult GRUOp::verify() {
  if (getLinearBeforeReset() != 0 && getLinearBeforeReset() != 1)
    return emitOpError("attribute 'linear_before_reset' must be 0 or 1, got ")
           << static_cast<int64_t>(getLinearBeforeReset());
  return verifyRecurrentOp(*this, kGRUGates, kGRUActivations, Value(), Value());
}

//===----------------------------------------------------------------------===//
// rnn
//===----------------------------------------------------------------------===//

LogicalResult RNNOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                      Adaptor adaptor,
                                      SmallVectorImpl<Type> &types) {
  RecurrentSizes sizes(adaptor.getInput(), adaptor.getWeight(),
                       adaptor.getRecurrence(), adaptor.getSequenceLens(),
                       adaptor.getInitialH(), adaptor.getDirection(),
                       adaptor.getHiddenSize(), adaptor.getLayout(), kRNNGates);
  inferRecurrentTypes(sizes, adaptor.getInput(), /*numStates=*/1, types);
  return success();
}

LogicalResult RNNOp::verify() {
  return verifyRecurrentOp(*this, kRNNGates, kRNNActivations, Value(), Value());
}
