//===- Passes.h - Tessera's code generation passes ------------------------===//

#ifndef TESSERA_TRANSFORMS_PASSES_H
#define TESSERA_TRANSFORMS_PASSES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Pass/Pass.h"

namespace tessera {

/// Attribute names shared by the passes, the pipeline and the driver.
inline constexpr llvm::StringLiteral kInterfaceAttrName = "tessera.interface";
inline constexpr llvm::StringLiteral kWorkspaceAttrName = "tessera.workspace";
inline constexpr llvm::StringLiteral kWorkspaceBytesAttrName =
    "tessera.workspace_bytes";

#define GEN_PASS_DECL
#define GEN_PASS_REGISTRATION
#include "tessera/Transforms/Passes.h.inc"

} // namespace tessera

#endif // TESSERA_TRANSFORMS_PASSES_H
