//===- TEToLinalg.h - Lower te.compute to Linalg on tensors ---------------===//

#ifndef TESSERA_CONVERSION_TETOLINALG_TETOLINALG_H
#define TESSERA_CONVERSION_TETOLINALG_TETOLINALG_H

#include "mlir/IR/PatternMatch.h"

namespace tessera {

/// Adds the pattern lowering te.compute to linalg.generic, and to the named
/// Linalg op it is when `specializeNamedOps` (linalg.matmul, ...).
void populateTEToLinalgConversionPatterns(mlir::RewritePatternSet &patterns,
                                          bool specializeNamedOps = true);

} // namespace tessera

#endif // TESSERA_CONVERSION_TETOLINALG_TETOLINALG_H
