//===- Passes.h - Tessera's conversion passes -----------------------------===//

#ifndef TESSERA_CONVERSION_PASSES_H
#define TESSERA_CONVERSION_PASSES_H

#include "tessera/Conversion/GraphToTE/GraphToTE.h"
#include "tessera/Conversion/SchedToTransform/SchedToTransform.h"
#include "tessera/Conversion/TEToLinalg/TEToLinalg.h"

#include "mlir/Pass/Pass.h"

namespace tessera {

#define GEN_PASS_DECL
#define GEN_PASS_REGISTRATION
#include "tessera/Conversion/Passes.h.inc"

} // namespace tessera

#endif // TESSERA_CONVERSION_PASSES_H
