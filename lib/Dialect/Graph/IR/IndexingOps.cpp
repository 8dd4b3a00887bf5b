//===- IndexingOps.cpp - Indexing and index-producing operators -------===//

#include "tessera/Dialect/Graph/IR/Graph.h"

#include "mlir/Dialect/Traits.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/TypeUtilities.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <cmath>

using namespace mlir;
using namespace tessera::graph;

#define GET_OP_CLASSES
#include "tessera/Dialect/Graph/IR/GraphIndexingOps.cpp.inc"

void GraphDialect::registerIndexingOps() {
  addOperations<
#define GET_OP_LIST
#include "tessera/Dialect/Graph/IR/GraphIndexingOps.cpp.inc"
      >();
}

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// Whether `type` holds exactly one element, or may once its `?` is known:
/// rank 0, or rank 1 of size 1 or `?`.
static bool isScalarLike(RankedTensorType type) {
  return type.getRank() == 0 ||
         (type.getRank() == 1 &&
          (type.isDynamicDim(0) || type.getDimSize(0) == 1));
}

static LogicalResult verifyBooleanAttr(Operation *op, StringRef name,
                                       int64_t value) {
  if (value != 0 && value != 1)
    return op->emitOpError("attribute '")
           << name << "' must be 0 or 1, got " << value;
  return success();
}

static LogicalResult verifyStringChoice(Operation *op, StringRef name,
                                        StringRef value,
                                        ArrayRef<StringRef> choices) {
  if (llvm::is_contained(choices, value))
    return success();
  InFlightDiagnostic diag = op->emitOpError("attribute '")
                            << name << "' must be one of ";
  llvm::interleave(
      choices, [&](StringRef choice) { diag << '"' << choice << '"'; },
      [&] { diag << ", "; });
  return diag << ", got \"" << value << '"';
}

static LogicalResult verifyReduction(Operation *op, StringRef reduction) {
  return verifyStringChoice(op, "reduction", reduction, {"none", "add", "mul"});
}

//===----------------------------------------------------------------------===//
// ScatterElementsOp
//===----------------------------------------------------------------------===//

LogicalResult
ScatterElementsOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                    Adaptor adaptor,
                                    SmallVectorImpl<Type> &types) {
  types.push_back(adaptor.getData().getType());
  return success();
}

LogicalResult ScatterElementsOp::verify() {
  if (failed(verifyReduction(*this, getReduction())))
    return failure();
  RankedTensorType data = getData().getType();
  RankedTensorType indices = getIndices().getType();
  RankedTensorType updates = getUpdates().getType();
  if (indices.getRank() != data.getRank() ||
      updates.getRank() != data.getRank())
    return emitOpError("indices and updates must have the rank of data (")
           << data.getRank() << "), got " << indices.getRank() << " and "
           << updates.getRank();
  if (failed(verifyCompatibleShape(indices, updates)))
    return emitOpError("indices of type ")
           << indices << " and updates of type " << updates
           << " must have the same shape";
  if (!normalizeAxis(getAxis(), data.getRank()))
    return emitOpError("attribute 'axis' value ")
           << int64_t(getAxis()) << " is out of range for data of rank "
           << data.getRank();
  return success();
}

//===----------------------------------------------------------------------===//
// ScatterNDOp
//===----------------------------------------------------------------------===//

LogicalResult ScatterNDOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location>,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &types) {
  types.push_back(adaptor.getData().getType());
  return success();
}

LogicalResult ScatterNDOp::verify() {
  if (failed(verifyReduction(*this, getReduction())))
    return failure();
  RankedTensorType data = getData().getType();
  RankedTensorType indices = getIndices().getType();
  RankedTensorType updates = getUpdates().getType();
  if (data.getRank() < 1 || indices.getRank() < 1)
    return emitOpError("data and indices must have rank at least 1");
  ArrayRef<int64_t> batchDims = indices.getShape().drop_back();
  int64_t indexLength = indices.getShape().back();
  if (ShapedType::isDynamic(indexLength)) {
    // Only the leading (batch) dimensions of updates can be checked.
    if (updates.getRank() < int64_t(batchDims.size()) ||
        failed(verifyCompatibleShape(
            updates.getShape().take_front(batchDims.size()), batchDims)))
      return emitOpError("updates of type ")
             << updates << " must start with the dimensions of indices "
             << indices << " but the last";
    return success();
  }
  if (indexLength < 1 || indexLength > data.getRank())
    return emitOpError("the last dimension of indices (")
           << indexLength << ") must be in [1, " << data.getRank()
           << "], the rank of data";
  SmallVector<int64_t> expected(batchDims);
  llvm::append_range(expected, data.getShape().drop_front(indexLength));
  if (failed(verifyCompatibleShape(updates.getShape(), expected)))
    return emitOpError("updates of type ")
           << updates << " must have shape indices.shape[:-1] ++ data.shape["
           << indexLength << ":] = "
           << RankedTensorType::get(expected, updates.getElementType());
  return success();
}

//===----------------------------------------------------------------------===//
// OneHotOp
//===----------------------------------------------------------------------===//

/// The constant `depth` of a one_hot; ONNX truncates a float depth.
static std::optional<int64_t> getOneHotDepth(Value depth) {
  std::optional<SmallVector<double>> values = getConstantFloatValues(depth);
  // Beyond 2^62 (or NaN) the size is not representable: unknown.
  if (!values || values->size() != 1 || !(std::abs(values->front()) < 0x1p62))
    return std::nullopt;
  return int64_t(values->front());
}

LogicalResult OneHotOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  RankedTensorType indices = getRankedTensorType(adaptor.getIndices());
  int64_t rank = indices.getRank() + 1;
  SmallVector<int64_t> shape(rank, ShapedType::kDynamic);
  if (std::optional<int64_t> axis = normalizeAxis(adaptor.getAxis(), rank)) {
    SmallVector<int64_t> indexShape(indices.getShape());
    std::optional<int64_t> depth = getOneHotDepth(adaptor.getDepth());
    indexShape.insert(indexShape.begin() + *axis,
                      depth && *depth > 0 ? *depth : ShapedType::kDynamic);
    shape = indexShape;
  }
  types.push_back(RankedTensorType::get(
      shape, getRankedTensorType(adaptor.getValues()).getElementType()));
  return success();
}

LogicalResult OneHotOp::verify() {
  int64_t rank = getIndices().getType().getRank() + 1;
  if (!normalizeAxis(getAxis(), rank))
    return emitOpError("attribute 'axis' value ")
           << int64_t(getAxis()) << " is out of range [" << -rank << ", "
           << rank - 1 << "]";
  if (!isScalarLike(getDepth().getType()))
    return emitOpError("depth must be a scalar or a one-element 1-D tensor, "
                       "got ")
           << getDepth().getType();
  RankedTensorType values = getValues().getType();
  if (values.getRank() != 1 ||
      (!values.isDynamicDim(0) && values.getDimSize(0) != 2))
    return emitOpError("values must be a 1-D tensor of two elements (off, "
                       "on), got ")
           << values;
  if (std::optional<int64_t> depth = getOneHotDepth(getDepth());
      depth && *depth < 1)
    return emitOpError("depth must be positive, got ") << *depth;
  return success();
}

//===----------------------------------------------------------------------===//
// TopKOp
//===----------------------------------------------------------------------===//

LogicalResult TopKOp::inferReturnTypes(MLIRContext *context,
                                       std::optional<Location>, Adaptor adaptor,
                                       SmallVectorImpl<Type> &types) {
  RankedTensorType input = getRankedTensorType(adaptor.getInput());
  SmallVector<int64_t> shape(input.getRank(), ShapedType::kDynamic);
  if (std::optional<int64_t> axis =
          normalizeAxis(adaptor.getAxis(), input.getRank())) {
    shape.assign(input.getShape().begin(), input.getShape().end());
    std::optional<int64_t> k = getConstantIntScalar(adaptor.getK());
    shape[*axis] = k && *k >= 0 ? *k : ShapedType::kDynamic;
  }
  types.push_back(RankedTensorType::get(shape, input.getElementType()));
  types.push_back(RankedTensorType::get(shape, IntegerType::get(context, 64)));
  return success();
}

LogicalResult TopKOp::verify() {
  RankedTensorType input = getInput().getType();
  std::optional<int64_t> axis = normalizeAxis(getAxis(), input.getRank());
  if (!axis)
    return emitOpError("attribute 'axis' value ")
           << int64_t(getAxis()) << " is out of range for input of rank "
           << input.getRank();
  if (failed(verifyBooleanAttr(*this, "largest", getLargest())) ||
      failed(verifyBooleanAttr(*this, "sorted", getSorted())))
    return failure();
  RankedTensorType k = getK().getType();
  if (k.getRank() != 1 || !isScalarLike(k))
    return emitOpError("k must be a one-element 1-D tensor, got ") << k;
  if (std::optional<int64_t> kValue = getConstantIntScalar(getK())) {
    if (*kValue < 0)
      return emitOpError("k must not be negative, got ") << *kValue;
    int64_t axisSize = input.getDimSize(*axis);
    if (!ShapedType::isDynamic(axisSize) && *kValue > axisSize)
      return emitOpError("k (") << *kValue << ") exceeds the size of axis "
                                << *axis << " (" << axisSize << ")";
  }
  return success();
}

//===----------------------------------------------------------------------===//
// CumSumOp
//===----------------------------------------------------------------------===//

LogicalResult CumSumOp::verify() {
  if (failed(verifyBooleanAttr(*this, "exclusive", getExclusive())) ||
      failed(verifyBooleanAttr(*this, "reverse", getReverse())))
    return failure();
  if (getAxis().getType().getRank() != 0)
    return emitOpError("axis must be a scalar (rank 0), got ")
           << getAxis().getType();
  int64_t rank = getInput().getType().getRank();
  if (std::optional<int64_t> axis = getConstantIntScalar(getAxis());
      axis && !normalizeAxis(*axis, rank))
    return emitOpError("axis ")
           << *axis << " is out of range for input of rank " << rank;
  return success();
}

//===----------------------------------------------------------------------===//
// TriluOp
//===----------------------------------------------------------------------===//

LogicalResult TriluOp::verify() {
  if (failed(verifyBooleanAttr(*this, "upper", getUpper())))
    return failure();
  if (getInput().getType().getRank() < 2)
    return emitOpError("input must have rank at least 2, got ")
           << getInput().getType();
  if (getK() && getK().getType().getRank() != 0)
    return emitOpError("k must be a scalar (rank 0), got ") << getK().getType();
  return success();
}

//===----------------------------------------------------------------------===//
// NonZeroOp
//===----------------------------------------------------------------------===//

LogicalResult NonZeroOp::inferReturnTypes(MLIRContext *context,
                                          std::optional<Location>,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &types) {
  types.push_back(RankedTensorType::get(
      {getRankedTensorType(adaptor.getInput()).getRank(), ShapedType::kDynamic},
      IntegerType::get(context, 64)));
  return success();
}

//===----------------------------------------------------------------------===//
// EinsumOp
//===----------------------------------------------------------------------===//

namespace {
/// The subscripts of one einsum operand (or of the output): one letter per
/// dimension, and `...` before letter `ellipsisAt` when present.
struct EinsumTerm {
  std::string letters;
  std::optional<size_t> ellipsisAt;

  bool operator==(const EinsumTerm &other) const {
    return letters == other.letters && ellipsisAt == other.ellipsisAt;
  }
};

/// A parsed equation. Without `->` (implicit mode) `output` is empty.
struct EinsumEquation {
  SmallVector<EinsumTerm> inputs;
  std::optional<EinsumTerm> output;
};

/// What the operand shapes give for an equation: the output shape, the
/// output's subscripts, and the first inconsistency found (empty when
/// none). Sizes that conflict or cannot be known are `?`.
struct EinsumAnalysis {
  SmallVector<int64_t> outputShape;
  EinsumTerm outputTerm;
  std::string error;
};
} // namespace

static FailureOr<EinsumTerm> parseEinsumTerm(StringRef text,
                                             std::string &error) {
  EinsumTerm term;
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    if (llvm::isAlpha(c)) {
      term.letters.push_back(c);
      ++i;
      continue;
    }
    if (text.substr(i).starts_with("...") && !term.ellipsisAt) {
      term.ellipsisAt = term.letters.size();
      i += 3;
      continue;
    }
    error = c == '.' ? "'...' may appear once per term, as three dots"
                     : std::string("invalid character '") + c + "'";
    return failure();
  }
  return term;
}

static FailureOr<EinsumEquation> parseEinsumEquation(StringRef equation,
                                                     std::string &error) {
  std::string compact;
  for (char c : equation)
    if (c != ' ')
      compact.push_back(c);
  StringRef text = compact;
  auto [inputsText, outputText] = text.split("->");
  EinsumEquation parsed;
  SmallVector<StringRef> terms;
  inputsText.split(terms, ',');
  for (StringRef termText : terms) {
    FailureOr<EinsumTerm> term = parseEinsumTerm(termText, error);
    if (failed(term))
      return failure();
    parsed.inputs.push_back(*term);
  }
  if (inputsText.size() == text.size())
    return parsed;
  FailureOr<EinsumTerm> output = parseEinsumTerm(outputText, error);
  if (failed(output))
    return failure();
  for (auto [i, c] : llvm::enumerate(output->letters)) {
    if (output->letters.find(c, i + 1) != std::string::npos) {
      error = std::string("output letter '") + c + "' appears twice";
      return failure();
    }
    if (llvm::none_of(parsed.inputs, [c = c](const EinsumTerm &term) {
          return term.letters.find(c) != std::string::npos;
        })) {
      error = std::string("output letter '") + c +
              "' does not appear in any operand";
      return failure();
    }
  }
  parsed.output = *output;
  return parsed;
}

/// Merges `size` into `known` the way numpy's einsum does: 1 stretches, `?`
/// takes the static size. Returns false on a conflict of two static sizes.
static bool mergeEinsumSize(int64_t &known, int64_t size) {
  if (known == 1 || (ShapedType::isDynamic(known) && size != 1)) {
    known = size;
    return true;
  }
  return size == 1 || ShapedType::isDynamic(size) || size == known;
}

static EinsumAnalysis analyzeEinsum(const EinsumEquation &equation,
                                    ArrayRef<RankedTensorType> operands) {
  EinsumAnalysis analysis;
  auto fail = [&](const Twine &message) {
    if (analysis.error.empty())
      analysis.error = message.str();
  };
  if (equation.inputs.size() != operands.size())
    fail("equation has " + Twine(equation.inputs.size()) +
         " operand terms but the op has " + Twine(operands.size()) +
         " operands");

  // Letter sizes, and the broadcast shape of the `...` dimensions.
  llvm::DenseMap<char, int64_t> letterSizes;
  llvm::DenseSet<char> conflicting;
  llvm::DenseMap<char, unsigned> occurrences;
  SmallVector<int64_t> ellipsisShape;
  bool anyEllipsis = false;
  size_t paired = std::min(equation.inputs.size(), operands.size());
  for (size_t index = 0; index < paired; ++index) {
    const EinsumTerm &term = equation.inputs[index];
    RankedTensorType operand = operands[index];
    for (char c : term.letters)
      ++occurrences[c];
    anyEllipsis |= term.ellipsisAt.has_value();
    int64_t ellipsisRank = operand.getRank() - int64_t(term.letters.size());
    if (ellipsisRank < 0 || (!term.ellipsisAt && ellipsisRank != 0)) {
      fail("term '" + term.letters + "' of operand #" + Twine(index) +
           " does not match its rank " + Twine(operand.getRank()));
      continue;
    }
    ArrayRef<int64_t> shape = operand.getShape();
    size_t ellipsisAt = term.ellipsisAt.value_or(term.letters.size());
    ArrayRef<int64_t> operandEllipsis = shape.slice(ellipsisAt, ellipsisRank);
    SmallVector<int64_t> broadcast;
    if (!OpTrait::util::getBroadcastedShape(ellipsisShape, operandEllipsis,
                                            broadcast))
      fail("the '...' dimensions of operand #" + Twine(index) +
           " do not broadcast with those of the operands before it");
    ellipsisShape = broadcastShapes(ellipsisShape, operandEllipsis);
    for (auto [position, c] : llvm::enumerate(term.letters)) {
      int64_t size =
          shape[position < ellipsisAt ? position : position + ellipsisRank];
      auto [it, inserted] = letterSizes.try_emplace(c, size);
      if (inserted || mergeEinsumSize(it->second, size))
        continue;
      fail("letter '" + Twine(c) + "' has sizes " + Twine(it->second) +
           " and " + Twine(size));
      conflicting.insert(c);
    }
  }

  if (equation.output) {
    analysis.outputTerm = *equation.output;
    if (!equation.output->ellipsisAt && !ellipsisShape.empty())
      fail("the output must have '...' for the broadcast dimensions of the "
           "operands");
  } else {
    // Implicit mode: the broadcast dimensions, then the letters that occur
    // once, in alphabetical (ASCII) order.
    for (auto [c, count] : occurrences)
      if (count == 1)
        analysis.outputTerm.letters.push_back(c);
    llvm::sort(analysis.outputTerm.letters);
    if (anyEllipsis)
      analysis.outputTerm.ellipsisAt = 0;
  }

  const EinsumTerm &output = analysis.outputTerm;
  for (auto [position, c] : llvm::enumerate(output.letters)) {
    if (output.ellipsisAt == position)
      llvm::append_range(analysis.outputShape, ellipsisShape);
    auto it = letterSizes.find(c);
    analysis.outputShape.push_back(it == letterSizes.end() ||
                                           conflicting.contains(c)
                                       ? ShapedType::kDynamic
                                       : it->second);
  }
  if (output.ellipsisAt == output.letters.size())
    llvm::append_range(analysis.outputShape, ellipsisShape);
  return analysis;
}

static SmallVector<RankedTensorType> getTensorTypes(ValueRange values) {
  return llvm::to_vector(llvm::map_range(values, getRankedTensorType));
}

LogicalResult EinsumOp::inferReturnTypes(MLIRContext *context,
                                         std::optional<Location>,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  SmallVector<RankedTensorType> operands = getTensorTypes(adaptor.getInputs());
  // The element type of the first operand (the verifier wants one for all
  // and at least one operand); f32 only for an op that cannot verify.
  Type elementType = operands.empty() ? Type(Float32Type::get(context))
                                      : operands.front().getElementType();
  std::string error;
  FailureOr<EinsumEquation> equation =
      parseEinsumEquation(adaptor.getEquation(), error);
  // A malformed equation leaves even the rank unknown; any result type
  // will do, the verifier reports the equation.
  SmallVector<int64_t> shape;
  if (succeeded(equation))
    shape = analyzeEinsum(*equation, operands).outputShape;
  types.push_back(RankedTensorType::get(shape, elementType));
  return success();
}

LogicalResult EinsumOp::verify() {
  if (getInputs().empty())
    return emitOpError("requires at least one operand");
  for (Value input : getInputs().drop_front())
    if (getElementTypeOrSelf(input) !=
        getElementTypeOrSelf(getInputs().front()))
      return emitOpError("operands must have the same element type");
  if (getElementTypeOrSelf(getOutput()) !=
      getElementTypeOrSelf(getInputs().front()))
    return emitOpError("result must have the element type of the operands");
  std::string error;
  FailureOr<EinsumEquation> equation =
      parseEinsumEquation(getEquation(), error);
  if (failed(equation))
    return emitOpError("invalid equation \"")
           << getEquation() << "\": " << error;
  EinsumAnalysis analysis =
      analyzeEinsum(*equation, getTensorTypes(getInputs()));
  if (!analysis.error.empty())
    return emitOpError("equation \"")
           << getEquation() << "\": " << analysis.error;
  return success();
}

OpFoldResult EinsumOp::fold(FoldAdaptor) {
  // One operand whose subscripts are the output's: a copy.
  if (getInputs().size() != 1 ||
      getInputs().front().getType() != getOutput().getType())
    return {};
  std::string error;
  FailureOr<EinsumEquation> equation =
      parseEinsumEquation(getEquation(), error);
  if (failed(equation) || equation->inputs.size() != 1)
    return {};
  const EinsumTerm &input = equation->inputs.front();
  // A repeated letter takes a diagonal.
  if (llvm::SmallDenseSet<char>(input.letters.begin(), input.letters.end())
          .size() != input.letters.size())
    return {};
  EinsumAnalysis analysis =
      analyzeEinsum(*equation, {getRankedTensorType(getInputs().front())});
  if (!analysis.error.empty() || !(analysis.outputTerm == input))
    return {};
  return getInputs().front();
}

//===----------------------------------------------------------------------===//
// ResizeOp
//===----------------------------------------------------------------------===//

LogicalResult ResizeOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  RankedTensorType input = getRankedTensorType(adaptor.getInput());
  int64_t rank = input.getRank();
  SmallVector<int64_t> shape(rank, ShapedType::kDynamic);
  if (std::optional<SmallVector<int64_t>> sizes =
          getConstantIntValues(adaptor.getSizes());
      sizes && int64_t(sizes->size()) == rank) {
    for (auto [dim, size] : llvm::zip_equal(shape, *sizes))
      dim = size >= 0 ? size : ShapedType::kDynamic;
  } else if (std::optional<SmallVector<double>> scales =
                 getConstantFloatValues(adaptor.getScales());
             scales && int64_t(scales->size()) == rank) {
    for (auto [dim, inputDim, scale] :
         llvm::zip_equal(shape, input.getShape(), *scales)) {
      // In f32, as ONNX shape inference computes it, so that both agree.
      float size = std::floor(float(inputDim) * float(scale));
      if (!ShapedType::isDynamic(inputDim) && scale > 0 && size < 1e18f)
        dim = int64_t(size);
    }
  }
  types.push_back(RankedTensorType::get(shape, input.getElementType()));
  return success();
}

LogicalResult ResizeOp::verify() {
  if (failed(verifyStringChoice(*this, "mode", getMode(),
                                {"nearest", "linear", "cubic"})) ||
      failed(verifyStringChoice(*this, "coordinate_transformation_mode",
                                getCoordinateTransformationMode(),
                                {"half_pixel", "pytorch_half_pixel",
                                 "align_corners", "asymmetric",
                                 "tf_crop_and_resize"})) ||
      failed(verifyStringChoice(
          *this, "nearest_mode", getNearestMode(),
          {"round_prefer_floor", "round_prefer_ceil", "floor", "ceil"})) ||
      failed(verifyBooleanAttr(*this, "exclude_outside", getExcludeOutside())))
    return failure();
  int64_t rank = getInput().getType().getRank();
  if (bool(getScales()) == bool(getSizes()))
    return emitOpError("requires exactly one of 'scales' and 'sizes'");
  auto verifyPerDim = [&](Value operand, StringRef name,
                          int64_t length) -> LogicalResult {
    RankedTensorType type = getRankedTensorType(operand);
    if (type.getRank() != 1 ||
        (!type.isDynamicDim(0) && type.getDimSize(0) != length))
      return emitOpError() << name << " must be a 1-D tensor of " << length
                           << " elements, got " << type;
    return success();
  };
  if (Value scales = getScales()) {
    if (failed(verifyPerDim(scales, "scales", rank)))
      return failure();
    if (std::optional<SmallVector<double>> values =
            getConstantFloatValues(scales);
        values && llvm::any_of(*values, [](double v) { return !(v > 0); }))
      return emitOpError("scales must be positive");
  }
  if (Value sizes = getSizes()) {
    if (failed(verifyPerDim(sizes, "sizes", rank)))
      return failure();
    if (std::optional<SmallVector<int64_t>> values =
            getConstantIntValues(sizes);
        values && llvm::any_of(*values, [](int64_t v) { return v < 0; }))
      return emitOpError("sizes must not be negative");
  }
  if (Value roi = getRoi()) {
    if (failed(verifyPerDim(roi, "roi", 2 * rank)))
      return failure();
  } else if (getCoordinateTransformationMode() == "tf_crop_and_resize") {
    return emitOpError("coordinate_transformation_mode \"tf_crop_and_resize\" "
                       "requires roi");
  }
  return success();
}

OpFoldResult ResizeOp::fold(FoldAdaptor) {
  // Same sizes: every mode reads the input at exactly its own coordinates,
  // except tf_crop_and_resize, which reads the region of interest.
  if (getInput().getType() != getOutput().getType() ||
      !getInput().getType().hasStaticShape() ||
      getCoordinateTransformationMode() == "tf_crop_and_resize")
    return {};
  if (std::optional<SmallVector<int64_t>> sizes =
          getConstantIntValues(getSizes());
      sizes && ArrayRef<int64_t>(*sizes) == getInput().getType().getShape())
    return getInput();
  if (std::optional<SmallVector<double>> scales =
          getConstantFloatValues(getScales());
      scales && llvm::all_of(*scales, [](double v) { return v == 1.0; }))
    return getInput();
  return {};
}

//===----------------------------------------------------------------------===//
// MaxUnpoolOp
//===----------------------------------------------------------------------===//

LogicalResult MaxUnpoolOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location>,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &types) {
  RankedTensorType input = getRankedTensorType(adaptor.getInput());
  int64_t rank = input.getRank();
  SmallVector<int64_t> shape(rank, ShapedType::kDynamic);
  if (Value outputShape = adaptor.getOutputShape()) {
    if (std::optional<SmallVector<int64_t>> sizes =
            getConstantIntValues(outputShape);
        sizes && int64_t(sizes->size()) == rank)
      for (auto [dim, size] : llvm::zip_equal(shape, *sizes))
        dim = size >= 0 ? size : ShapedType::kDynamic;
  } else if (rank >= 2) {
    shape[0] = input.getDimSize(0);
    shape[1] = input.getDimSize(1);
    size_t spatialRank = rank - 2;
    ArrayRef<int64_t> kernel = adaptor.getKernelShape();
    SmallVector<int64_t> strides(spatialRank, 1), pads(2 * spatialRank, 0);
    if (adaptor.getStrides())
      strides.assign(adaptor.getStrides()->begin(),
                     adaptor.getStrides()->end());
    if (adaptor.getPads())
      pads.assign(adaptor.getPads()->begin(), adaptor.getPads()->end());
    if (kernel.size() == spatialRank && strides.size() == spatialRank &&
        pads.size() == 2 * spatialRank) {
      for (size_t i = 0; i < spatialRank; ++i) {
        int64_t in = input.getDimSize(i + 2);
        int64_t size =
            (in - 1) * strides[i] - pads[i] - pads[i + spatialRank] + kernel[i];
        if (!ShapedType::isDynamic(in) && in > 0 && size >= 0)
          shape[i + 2] = size;
      }
    }
  }
  types.push_back(RankedTensorType::get(shape, input.getElementType()));
  return success();
}

LogicalResult MaxUnpoolOp::verify() {
  RankedTensorType input = getInput().getType();
  int64_t rank = input.getRank();
  if (rank < 3)
    return emitOpError("input must have rank at least 3 (N x C x D1 ...), "
                       "got ")
           << input;
  size_t spatialRank = rank - 2;
  if (getKernelShape().size() != spatialRank)
    return emitOpError("attribute 'kernel_shape' must have ")
           << spatialRank << " values, one per spatial dimension";
  if (llvm::any_of(getKernelShape(), [](int64_t v) { return v < 1; }))
    return emitOpError("attribute 'kernel_shape' values must be positive");
  if (std::optional<ArrayRef<int64_t>> strides = getStrides()) {
    if (strides->size() != spatialRank)
      return emitOpError("attribute 'strides' must have ")
             << spatialRank << " values, one per spatial dimension";
    if (llvm::any_of(*strides, [](int64_t v) { return v < 1; }))
      return emitOpError("attribute 'strides' values must be positive");
  }
  if (std::optional<ArrayRef<int64_t>> pads = getPads()) {
    if (pads->size() != 2 * spatialRank)
      return emitOpError("attribute 'pads' must have ")
             << 2 * spatialRank
             << " values, the begin and end of each spatial dimension";
    if (llvm::any_of(*pads, [](int64_t v) { return v < 0; }))
      return emitOpError("attribute 'pads' values must not be negative");
  }
  if (failed(verifyCompatibleShape(input, getIndices().getType())))
    return emitOpError("indices of type ")
           << getIndices().getType() << " must have the shape of the input "
           << input;
  if (Value outputShape = getOutputShape()) {
    RankedTensorType type = getRankedTensorType(outputShape);
    if (type.getRank() != 1 ||
        (!type.isDynamicDim(0) && type.getDimSize(0) != rank))
      return emitOpError("output_shape must be a 1-D tensor of ")
             << rank << " elements, got " << type;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// EyeLikeOp
//===----------------------------------------------------------------------===//

LogicalResult EyeLikeOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location>,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &types) {
  RankedTensorType input = getRankedTensorType(adaptor.getInput());
  Type elementType = input.getElementType();
  // Only a numeric dtype can be a tensor's element type; the verifier
  // rejects the others.
  if (std::optional<Type> dtype = adaptor.getDtype();
      dtype && isa<IntegerType, FloatType>(*dtype))
    elementType = *dtype;
  types.push_back(RankedTensorType::get(input.getShape(), elementType));
  return success();
}

LogicalResult EyeLikeOp::verify() {
  if (getInput().getType().getRank() != 2)
    return emitOpError("input must be 2-D, got ") << getInput().getType();
  if (std::optional<Type> dtype = getDtype();
      dtype && !isa<IntegerType, FloatType>(*dtype))
    return emitOpError("attribute 'dtype' must be an integer or float type, "
                       "got ")
           << *dtype;
  return success();
}

//===----------------------------------------------------------------------===//
// CompressOp
//===----------------------------------------------------------------------===//

/// How many of the first `length` entries of a constant condition are true;
/// std::nullopt when the condition is not a constant.
static std::optional<int64_t> countSelected(Value condition, int64_t length) {
  std::optional<SmallVector<int64_t>> values = getConstantIntValues(condition);
  if (!values)
    return std::nullopt;
  ArrayRef<int64_t> considered = ArrayRef<int64_t>(*values).take_front(
      std::min<int64_t>(length, values->size()));
  return llvm::count_if(considered, [](int64_t v) { return v != 0; });
}

LogicalResult CompressOp::inferReturnTypes(MLIRContext *,
                                           std::optional<Location>,
                                           Adaptor adaptor,
                                           SmallVectorImpl<Type> &types) {
  RankedTensorType input = getRankedTensorType(adaptor.getInput());
  Value condition = adaptor.getCondition();
  SmallVector<int64_t> shape;
  if (std::optional<uint64_t> axisAttr = adaptor.getAxis()) {
    shape.assign(input.getRank(), ShapedType::kDynamic);
    if (std::optional<int64_t> axis =
            normalizeAxis(int64_t(*axisAttr), input.getRank())) {
      shape.assign(input.getShape().begin(), input.getShape().end());
      int64_t axisSize = input.getDimSize(*axis);
      std::optional<int64_t> selected;
      if (!ShapedType::isDynamic(axisSize))
        selected = countSelected(condition, axisSize);
      shape[*axis] = selected.value_or(ShapedType::kDynamic);
    }
  } else {
    std::optional<int64_t> selected;
    if (input.hasStaticShape())
      selected = countSelected(condition, input.getNumElements());
    shape.push_back(selected.value_or(ShapedType::kDynamic));
  }
  types.push_back(RankedTensorType::get(shape, input.getElementType()));
  return success();
}

LogicalResult CompressOp::verify() {
  if (getCondition().getType().getRank() != 1)
    return emitOpError("condition must be 1-D, got ")
           << getCondition().getType();
  int64_t rank = getInput().getType().getRank();
  if (std::optional<uint64_t> axis = getAxis();
      axis && !normalizeAxis(int64_t(*axis), rank))
    return emitOpError("attribute 'axis' value ")
           << int64_t(*axis) << " is out of range for input of rank " << rank;
  return success();
}

//===----------------------------------------------------------------------===//
// ReverseSequenceOp
//===----------------------------------------------------------------------===//

LogicalResult ReverseSequenceOp::verify() {
  RankedTensorType input = getInput().getType();
  if (input.getRank() < 2)
    return emitOpError("input must have rank at least 2, got ") << input;
  int64_t batchAxis = getBatchAxis(), timeAxis = getTimeAxis();
  if (!((batchAxis == 0 && timeAxis == 1) || (batchAxis == 1 && timeAxis == 0)))
    return emitOpError("attributes 'batch_axis' and 'time_axis' must be 0 "
                       "and 1 in some order, got ")
           << batchAxis << " and " << timeAxis;
  RankedTensorType lengths = getSequenceLens().getType();
  if (lengths.getRank() != 1)
    return emitOpError("sequence_lens must be 1-D, got ") << lengths;
  if (failed(verifyCompatibleShape({lengths.getDimSize(0)},
                                   {input.getDimSize(batchAxis)})))
    return emitOpError("sequence_lens has ")
           << lengths.getDimSize(0) << " elements but the batch axis has "
           << input.getDimSize(batchAxis);
  return success();
}

//===----------------------------------------------------------------------===//
// DetOp
//===----------------------------------------------------------------------===//

LogicalResult DetOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                      Adaptor adaptor,
                                      SmallVectorImpl<Type> &types) {
  RankedTensorType input = getRankedTensorType(adaptor.getInput());
  // An input of rank < 2 (the verifier rejects it) gives a scalar.
  ArrayRef<int64_t> batch =
      input.getShape().drop_back(std::min<int64_t>(2, input.getRank()));
  types.push_back(RankedTensorType::get(batch, input.getElementType()));
  return success();
}

LogicalResult DetOp::verify() {
  RankedTensorType input = getInput().getType();
  if (input.getRank() < 2)
    return emitOpError("input must have rank at least 2, got ") << input;
  ArrayRef<int64_t> matrix = input.getShape().take_back(2);
  if (failed(verifyCompatibleShape({matrix[0]}, {matrix[1]})))
    return emitOpError("innermost matrices must be square, got ") << input;
  return success();
}
