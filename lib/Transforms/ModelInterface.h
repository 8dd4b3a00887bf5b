//===- ModelInterface.h - Element types of model inputs and outputs -------===//

#ifndef TESSERA_LIB_TRANSFORMS_MODELINTERFACE_H
#define TESSERA_LIB_TRANSFORMS_MODELINTERFACE_H

#include "mlir/IR/Types.h"

#include <optional>

namespace tessera {

/// The ABI's dtype name of a tensor element type ("float32", "uint8",
/// "bool", ...), or nullopt for types the runtime cannot hold.
std::optional<llvm::StringRef> getDTypeName(mlir::Type elementType);

} // namespace tessera

#endif // TESSERA_LIB_TRANSFORMS_MODELINTERFACE_H
