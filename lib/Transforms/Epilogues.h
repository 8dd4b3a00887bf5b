//===- Epilogues.h - Elementwise kernels fused after contractions -*- C++
//-*-===//
//
// TVM's FuseOps groups an "out-elemwise-fusable" kernel (conv, matmul) with
// the injective kernels that consume it (bias, activation, residual add).
// On Linalg, the group is a contraction and the chain of elementwise
// generics after it, rewritten to work in place on its result, so that the
// whole chain can run on each tile of the contraction while it is in cache.
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_LIB_TRANSFORMS_EPILOGUES_H
#define TESSERA_LIB_TRANSFORMS_EPILOGUES_H

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/PatternMatch.h"

namespace tessera {

/// A linalg.generic with parallel loops only, one result written through an
/// identity map, operands read through projected permutations and a body of
/// scalar elementwise ops.
bool isElementwiseKernel(mlir::Operation *op);

/// Brings elementwise kernels to the iteration space of the kernel that
/// produces their operand: unit dimensions are
/// dropped and reshapes between producer and consumer move past the
/// consumer (a convolution's [f, h * w] result reshaped to [1, f, h, w]
/// before its bias add, say). Other kernels are left alone.
void alignElementwiseKernels(mlir::ModuleOp module);

/// Fuses each elementwise kernel that only one elementwise kernel reads,
/// whole, into it (x * sigmoid(x) becomes one kernel reading x once; a
/// kernel broadcast to its reader is not recomputed per element), so that a
/// chain after a contraction has one use per link and forms its epilogue.
void fuseElementwiseKernels(mlir::ModuleOp module);

/// The chain of elementwise kernels that can follow `producer` tile by tile:
/// each reads the previous result (the producer's first) through an
/// identity map as its only user, with the same type. The kernels are
/// rewritten to update that value in place (it becomes their init), so that
/// a tile of the chain needs no buffer of its own.
llvm::SmallVector<mlir::linalg::GenericOp>
formEpilogue(mlir::RewriterBase &rewriter, mlir::linalg::LinalgOp producer);

/// Moves `collapse` of a kernel's result past the chain of elementwise
/// kernels that alone read it, one after the other, their loops expanded
/// like the result (a kernel packed into panels keeps its epilogue).
void expandIntoEpilogue(mlir::tensor::CollapseShapeOp collapse);

/// Tiles `producer` and its `epilogue` into one scf.forall: the last kernel
/// of the epilogue (else the producer) is tiled, with `producerTiles` given
/// per loop of the producer (0: not tiled), and the rest of the group is
/// fused into each tile through TilingInterface, last first: the epilogue,
/// the producer, the fill of its accumulator and, with `fuseInputPad`, the
/// tensor.pad producing its first input. The tile is still in cache when
/// the epilogue reads it, and the accumulator is zeroed tile by tile.
mlir::FailureOr<mlir::scf::ForallOp>
tileWithEpilogue(mlir::RewriterBase &rewriter, mlir::linalg::LinalgOp producer,
                 llvm::ArrayRef<mlir::linalg::GenericOp> epilogue,
                 llvm::ArrayRef<int64_t> producerTiles, bool fuseInputPad);

/// Tiles `last` with `tiles` (0: not tiled) into loops of `loopType` (the
/// outermost is returned), nested in the order of `interchange` (loop
/// positions, outermost first; empty: `last`'s order), and fuses into them,
/// tile by tile, the producers of its operands for which `fusable` holds
/// (through destinations too), last first. The fused producers are erased
/// when nothing outside the loop uses them.
mlir::FailureOr<mlir::LoopLikeOpInterface>
tileAndFuse(mlir::RewriterBase &rewriter, mlir::TilingInterface last,
            llvm::ArrayRef<int64_t> tiles,
            mlir::scf::SCFTilingOptions::LoopType loopType,
            llvm::function_ref<bool(mlir::Operation *)> fusable,
            llvm::ArrayRef<int64_t> interchange = {});

} // namespace tessera

#endif // TESSERA_LIB_TRANSFORMS_EPILOGUES_H
