//===- ShapeInference.cpp - Shape rules shared by graph operators ---------===//

#include "tessera/Dialect/Graph/IR/Graph.h"

#include "mlir/Dialect/Traits.h"
#include "mlir/IR/Diagnostics.h"

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

LogicalResult tessera::graph::inferBroadcastResult(
    std::optional<Location> location, Type lhs, Type rhs, Type elementType,
    SmallVectorImpl<Type> &inferred) {
  auto lhsTensor = cast<RankedTensorType>(lhs);
  auto rhsTensor = cast<RankedTensorType>(rhs);
  SmallVector<int64_t> shape;
  if (!OpTrait::util::getBroadcastedShape(lhsTensor.getShape(),
                                          rhsTensor.getShape(), shape))
    return emitOptionalError(location, "operands of types ", lhs, " and ",
                             rhs, " do not broadcast");
  inferred.push_back(RankedTensorType::get(
      shape, elementType ? elementType : lhsTensor.getElementType()));
  return success();
}
