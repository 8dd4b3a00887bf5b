//===- ShapeInference.cpp - Shape rules shared by graph operators ---------===//

#include "tessera/Dialect/Graph/IR/Graph.h"

#include "mlir/Dialect/Traits.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/Operation.h"

using namespace mlir;

bool tessera::graph::areCompatibleTensorTypes(TypeRange inferred,
                                              TypeRange actual) {
  if (inferred.size() != actual.size())
    return false;
  for (auto [want, have] : llvm::zip_equal(inferred, actual)) {
    auto wantTensor = dyn_cast<RankedTensorType>(want);
    auto haveTensor = dyn_cast<RankedTensorType>(have);
    if (!wantTensor || !haveTensor) {
      if (want != have)
        return false;
      continue;
    }
    if (wantTensor.getElementType() != haveTensor.getElementType() ||
        failed(verifyCompatibleShape(wantTensor.getShape(),
                                     haveTensor.getShape())))
      return false;
  }
  return true;
}

SmallVector<int64_t> tessera::graph::broadcastShapes(ArrayRef<int64_t> lhs,
                                                    ArrayRef<int64_t> rhs) {
  SmallVector<int64_t> shape(std::max(lhs.size(), rhs.size()), 1);
  auto dimAt = [](ArrayRef<int64_t> dims, size_t fromBack) -> int64_t {
    return fromBack < dims.size() ? dims[dims.size() - 1 - fromBack] : 1;
  };
  for (size_t i = 0; i < shape.size(); ++i) {
    int64_t a = dimAt(lhs, i), b = dimAt(rhs, i);
    int64_t &out = shape[shape.size() - 1 - i];
    if (a == 1)
      out = b;
    else if (b == 1 || a == b)
      out = a;
    else if (ShapedType::isDynamic(a) || ShapedType::isDynamic(b))
      // Whichever is static wins if the other turns out to be 1 or equal.
      out = ShapedType::isDynamic(a) ? b : a;
    else
      out = ShapedType::kDynamic; // Conflict: the verifier reports it.
  }
  return shape;
}

void tessera::graph::inferBroadcastResult(Type lhs, Type rhs,
                                          Type elementType,
                                          SmallVectorImpl<Type> &inferred) {
  auto lhsTensor = cast<RankedTensorType>(lhs);
  auto rhsTensor = cast<RankedTensorType>(rhs);
  inferred.push_back(RankedTensorType::get(
      broadcastShapes(lhsTensor.getShape(), rhsTensor.getShape()),
      elementType ? elementType : lhsTensor.getElementType()));
}

LogicalResult tessera::graph::verifyBroadcastable(Operation *op, Type lhs,
                                                  Type rhs) {
  SmallVector<int64_t> shape;
  if (!OpTrait::util::getBroadcastedShape(
          cast<RankedTensorType>(lhs).getShape(),
          cast<RankedTensorType>(rhs).getShape(), shape))
    return op->emitOpError("operands of types ")
           << lhs << " and " << rhs << " do not broadcast";
  return success();
}

std::optional<SmallVector<int64_t>>
tessera::graph::getConstantIntValues(Value value) {
  DenseIntElementsAttr elements;
  if (!value || !matchPattern(value, m_Constant(&elements)))
    return std::nullopt;
  return llvm::to_vector(llvm::map_range(
      elements.getValues<APInt>(),
      [](const APInt &v) { return v.getSExtValue(); }));
}

std::optional<int64_t> tessera::graph::getConstantIntScalar(Value value) {
  std::optional<SmallVector<int64_t>> values = getConstantIntValues(value);
  if (!values || values->size() != 1)
    return std::nullopt;
  return values->front();
}

std::optional<SmallVector<double>>
tessera::graph::getConstantFloatValues(Value value) {
  DenseFPElementsAttr floats;
  if (value && matchPattern(value, m_Constant(&floats)))
    return llvm::to_vector(
        llvm::map_range(floats.getValues<APFloat>(),
                        [](const APFloat &v) { return v.convertToDouble(); }));
  std::optional<SmallVector<int64_t>> ints = getConstantIntValues(value);
  if (!ints)
    return std::nullopt;
  return llvm::to_vector(
      llvm::map_range(*ints, [](int64_t v) { return double(v); }));
}

std::optional<int64_t> tessera::graph::normalizeAxis(int64_t axis,
                                                     int64_t rank) {
  if (axis < -rank || axis >= rank)
    return std::nullopt;
  return axis < 0 ? axis + rank : axis;
}
