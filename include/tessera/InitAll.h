//===- InitAll.h - Register every Tessera dialect, pass and translation ---===//
//
// The one entry point for tools and for MLIR projects embedding Tessera.
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_INITALL_H
#define TESSERA_INITALL_H

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace tessera {

/// Adds every Tessera dialect to `registry`.
void registerAllDialects(mlir::DialectRegistry &registry);

/// Registers every Tessera pass and named pass pipeline with the global
/// registry (command-line options of tensor-opt and friends).
void registerAllPasses();

/// Registers every Tessera translation (tensor-translate).
void registerAllTranslations();

} // namespace tessera

#endif // TESSERA_INITALL_H
