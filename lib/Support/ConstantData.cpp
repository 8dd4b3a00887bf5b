//===- ConstantData.cpp - Reading and writing constant tensors ------------===//

#include "tessera/Support/ConstantData.h"

#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Matchers.h"

#include <cstring>

using namespace mlir;

std::optional<std::string> tessera::getConstantBytes(ElementsAttr elements) {
  Type elementType = elements.getElementType();
  if (!elementType.isIntOrFloat() ||
      elementType.getIntOrFloatBitWidth() % 8 != 0)
    return std::nullopt;
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(elements)) {
    AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob)
      return std::nullopt;
    ArrayRef<char> data = blob->getData();
    return std::string(data.data(), data.size());
  }
  auto dense = dyn_cast<DenseElementsAttr>(elements);
  if (!dense)
    return std::nullopt;
  ArrayRef<char> raw = dense.getRawData();
  if (!dense.isSplat())
    return std::string(raw.data(), raw.size());
  std::string bytes;
  bytes.reserve(raw.size() * dense.getNumElements());
  for (int64_t i = 0, e = dense.getNumElements(); i < e; ++i)
    bytes.append(raw.data(), raw.size());
  return bytes;
}

std::optional<SmallVector<float>> tessera::getConstantF32Values(Value value) {
  ElementsAttr elements;
  if (!value || !matchPattern(value, m_Constant(&elements)) ||
      !elements.getElementType().isF32())
    return std::nullopt;
  std::optional<std::string> bytes = getConstantBytes(elements);
  if (!bytes || int64_t(bytes->size()) != elements.getNumElements() * 4)
    return std::nullopt;
  SmallVector<float> values(elements.getNumElements());
  std::memcpy(values.data(), bytes->data(), bytes->size());
  return values;
}

ElementsAttr tessera::createF32Elements(RankedTensorType type,
                                        ArrayRef<float> values,
                                        StringRef name) {
  if (type.getNumElements() <= kDenseElementLimit)
    return DenseElementsAttr::get(type, values);
  return DenseResourceElementsAttr::get(
      type, name, HeapAsmResourceBlob::allocateAndCopyInferAlign(values));
}
