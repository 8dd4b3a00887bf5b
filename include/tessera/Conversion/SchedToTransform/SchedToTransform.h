//===- SchedToTransform.h - sched.schedule to transform sequences ---------===//

#ifndef TESSERA_CONVERSION_SCHEDTOTRANSFORM_SCHEDTOTRANSFORM_H
#define TESSERA_CONVERSION_SCHEDTOTRANSFORM_SCHEDTOTRANSFORM_H

#include "mlir/Support/LLVM.h"

namespace mlir {
class ModuleOp;
} // namespace mlir

namespace tessera {

/// Replaces the sched.schedule ops of `module` by transform.named_sequence
/// ops and a @__transform_main that includes each of them. Reports errors
/// at primitives the transform dialect cannot express.
llvm::LogicalResult convertSchedulesToTransform(mlir::ModuleOp module);

} // namespace tessera

#endif // TESSERA_CONVERSION_SCHEDTOTRANSFORM_SCHEDTOTRANSFORM_H
