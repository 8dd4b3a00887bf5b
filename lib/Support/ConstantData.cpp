//===- ConstantData.cpp - Reading and writing constant tensors ------------===//

#include "tessera/Support/ConstantData.h"

#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Matchers.h"

#include <cstring>

using namespace mlir;

std::optional<SmallVector<float>> tessera::getConstantF32Values(Value value) {
  ElementsAttr elements;
  if (!value || !matchPattern(value, m_Constant(&elements)) ||
      !elements.getElementType().isF32())
    return std::nullopt;
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(elements)) {
    AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob)
      return std::nullopt;
    ArrayRef<char> bytes = blob->getData();
    if (int64_t(bytes.size()) != elements.getNumElements() * 4)
      return std::nullopt;
    SmallVector<float> values(elements.getNumElements());
    std::memcpy(values.data(), bytes.data(), bytes.size());
    return values;
  }
  if (auto dense = dyn_cast<DenseElementsAttr>(elements))
    return llvm::to_vector(dense.getValues<float>());
  return std::nullopt;
}

ElementsAttr tessera::createF32Elements(RankedTensorType type,
                                        ArrayRef<float> values,
                                        StringRef name) {
  if (type.getNumElements() <= kDenseElementLimit)
    return DenseElementsAttr::get(type, values);
  return DenseResourceElementsAttr::get(
      type, name, HeapAsmResourceBlob::allocateAndCopyInferAlign(values));
}
