//===- ConstantData.h - Reading and writing constant tensors ----*- C++ -*-===//
//
// Rewrites that compute with weights at compile time (batch-norm folding,
// weight packing) read constants whether the importer made them `dense` or
// resource blobs, and write them back the same way.
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_SUPPORT_CONSTANTDATA_H
#define TESSERA_SUPPORT_CONSTANTDATA_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Value.h"

#include <optional>
#include <string>

namespace tessera {

/// Constants with more elements than this are resource blobs, as the
/// importer makes them; smaller ones stay `dense` for other folders.
constexpr int64_t kDenseElementLimit = 256;

/// The bytes of `elements` as they lie in memory (splats repeated), dense or
/// a resource blob; nullopt for element types whose memory layout differs
/// from the attribute's (i1 is bit-packed in attributes, a byte in memory).
std::optional<std::string> getConstantBytes(mlir::ElementsAttr elements);

/// The values of a constant f32 tensor, dense or a resource blob.
std::optional<llvm::SmallVector<float>> getConstantF32Values(mlir::Value value);

/// An f32 constant of `type`: `dense` up to kDenseElementLimit elements, else
/// a resource blob named after `name` (made unique).
mlir::ElementsAttr createF32Elements(mlir::RankedTensorType type,
                                     llvm::ArrayRef<float> values,
                                     llvm::StringRef name);

} // namespace tessera

#endif // TESSERA_SUPPORT_CONSTANTDATA_H
