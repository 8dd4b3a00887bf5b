//===- ModelInterface.h - Element types of model inputs and outputs -------===//

#ifndef TESSERA_LIB_TRANSFORMS_MODELINTERFACE_H
#define TESSERA_LIB_TRANSFORMS_MODELINTERFACE_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Types.h"

#include <optional>

namespace tessera {

/// The ABI's dtype name of a tensor element type ("float32", "uint8",
/// "bool", ...), or nullopt for types the runtime cannot hold.
std::optional<llvm::StringRef> getDTypeName(mlir::Type elementType);

/// The module's `tessera.interface`, or an error saying that
/// tessera-record-model-interface must run first.
mlir::FailureOr<mlir::DictionaryAttr> getModelInterface(mlir::ModuleOp module);

} // namespace tessera

#endif // TESSERA_LIB_TRANSFORMS_MODELINTERFACE_H
