//===- KernelRewrites.h - Kernels rewritten before scheduling ---*- C++ -*-===//

#ifndef TESSERA_LIB_TRANSFORMS_KERNELREWRITES_H
#define TESSERA_LIB_TRANSFORMS_KERNELREWRITES_H

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Interfaces/LoopLikeInterface.h"

namespace tessera {

/// Rewrites every static f32 NCHW convolution into a contraction, after a
/// copy of the input windows unless it is 1x1 with unit strides. Returns
/// how many.
int64_t rewriteConvolutionsToContractions(mlir::ModuleOp module,
                                          int64_t vectorWidth,
                                          int64_t registerRows);

/// The height of the row panels a copy writes for a contraction of `rows`
/// rows (M) from rows copied `copiedRow` at a time: at most `registerRows`
/// (a register tile) and at least half of it, a divisor of both, so that
/// the copy indexes the panels without divisions, and at least two panels.
/// 0 when there is none.
int64_t rowPanelHeight(int64_t rows, int64_t copiedRow, int64_t registerRows);

/// `value` with the reshapes (collapse_shape, expand_shape) that produce it
/// looked through: the row-major data under them.
mlir::Value stripReshapes(mlir::Value value);

/// `buffer` with its border, the `low` and `high` elements of each
/// dimension, filled with `value` (one fill per face), its interior left as
/// it is.
mlir::Value fillBorder(mlir::RewriterBase &rewriter, mlir::Location loc,
                       mlir::Value buffer, llvm::ArrayRef<int64_t> low,
                       llvm::ArrayRef<int64_t> high, mlir::Value value);

/// A new buffer of `type` filled with `value`. Not a fill of a tensor.empty:
/// CSE merges equal fills of empty tensors into one tensor, which
/// bufferization then copies, serially and whole, for each kernel that
/// writes into it.
mlir::Value fillNewBuffer(mlir::RewriterBase &rewriter, mlir::Location loc,
                          mlir::Value value, mlir::RankedTensorType type);

/// `value` with its dimensions permuted (result dimension i is `value`'s
/// `permutation[i]`): a new constant when `value` is an f32 constant
/// (weights packed at compile time), else a linalg.transpose.
mlir::Value transposeValue(mlir::RewriterBase &rewriter, mlir::Location loc,
                           mlir::Value value,
                           llvm::ArrayRef<int64_t> permutation);

/// `generic` with inputs that read loop `dim` (the vector dimension of its
/// register tiles) along their innermost dimension: inputs that read it
/// along another one are transposed (see transposeValue).
mlir::linalg::GenericOp makeDimensionInnermost(mlir::RewriterBase &rewriter,
                                               mlir::linalg::GenericOp generic,
                                               unsigned dim);

/// Rewrites `op` so that loop `dim` (of a static extent that `width`
/// divides at least twice) becomes panels of `width`: an input read along
/// `dim` becomes [dim / width][its other dimensions][width] (weights packed
/// at compile time, see transposeValue), so that a register tile reads its
/// panel contiguously; the init, which must read `dim`, is expanded to
/// [..][dim / width][width][..] (the same memory), and a collapse_shape gives
/// `op`'s result back. Returns the new op, or null when `op` does not fit.
mlir::linalg::GenericOp packIntoPanels(mlir::RewriterBase &rewriter,
                                       mlir::linalg::GenericOp op, unsigned dim,
                                       int64_t width);

/// Whether `op` is a copy kernel: a Linalg op with parallel loops that
/// yields its one input into its one init (through any maps: a window copy,
/// a transpose).
bool isCopyKernel(mlir::Operation *op);

/// Replaces `transpose`, the panels [P / r][K][r] that packIntoPanels made
/// of rows read along P from X's data collapsed to [K][P] (X's K dimensions
/// first), with one copy kernel that writes them from X, or from the input
/// of X's copy kernel (a convolution's window copy: copying and packing in
/// one pass). P's innermost dimension in X must be a multiple of r, so that
/// the copy indexes without divisions.
mlir::LogicalResult copyIntoPanels(mlir::RewriterBase &rewriter,
                                   mlir::linalg::TransposeOp transpose);

/// Makes each iteration of `loop` copy the windows it reads itself: a
/// slice that it takes of a collapse_shape of a copy kernel's result (a
/// convolution's window copy, see copyIntoPanels) made before the loop
/// becomes that slice of the copy, made in the loop. Only where each group
/// of collapsed dimensions is sliced whole, or one contiguous run that
/// starts at a multiple of its length, and where no two iterations take the
/// same slice. Returns the copies made in the loop.
llvm::SmallVector<mlir::linalg::LinalgOp>
copyWindowsPerTile(mlir::RewriterBase &rewriter,
                   mlir::LoopLikeOpInterface loop);

/// Whether `op` is a window copy (a copy kernel, see isCopyKernel, whose
/// input indices are not all loops: windows, oh + kh) that writes each of its
/// innermost rows from a contiguous row of its input: windows with unit
/// stride and dilation along the rows.
bool isContiguousWindowCopy(mlir::Operation *op);

/// Makes `tile`, a register tile of a contraction that reads a slice of a
/// window copy (a copy kernel's result collapsed, see copyWindowsPerTile),
/// read the copy's input in place: its loop over the collapsed windows
/// becomes the copy's loops (channels and taps, by reshape fusion) and the
/// copy is fused into it. Only contiguous window copies
/// (isContiguousWindowCopy), whose rows a register tile's step reads as
/// slices of the input once its unit loops fold. Returns the new register
/// tile, or failure (`tile` then reads the same windows as before, a slice
/// of a thread tile's slice merged into one).
mlir::FailureOr<mlir::linalg::GenericOp>
readWindowsInPlace(mlir::RewriterBase &rewriter, mlir::linalg::GenericOp tile);

/// A depthwise convolution after rewriteDepthwiseConvolutions: `op` is one
/// generic over [g, oh, kh, kw, ow], or, with `perTap`, the first of a chain
/// of elementwise kernels, one per tap, each adding its products to the
/// previous sum.
struct DepthwiseConvolution {
  mlir::linalg::GenericOp op;
  bool perTap;
  /// Output rows a tile of the per-tap kernels covers (a divisor of the
  /// plane's height) so that the sum fits in vector registers.
  int64_t rows = 0;
  /// The planes the per-tap kernels read windows of, when they are made
  /// from the input (padded, split into column phases): each one-plane tile
  /// makes its own (makePlanesPerTile).
  mlir::Value planes;
};

/// Makes each iteration of `forall` (one plane of dimension 0 per
/// iteration) make its own plane of `planes` (a tensor.pad of the unpadded
/// planes or of their column phases, or the phases alone) and read the
/// slices it took of `planes` from it: the plane is made in cache right
/// before the kernels read it, instead of a pass over memory for the whole
/// tensor.
mlir::LogicalResult makePlanesPerTile(mlir::RewriterBase &rewriter,
                                      mlir::scf::ForallOp forall,
                                      mlir::Value planes);

/// Rewrites the depthwise convolutions of one image (grouped NCHW, one
/// input and one output channel per group, static shapes) on [g, h, w]
/// planes: one elementwise kernel per tap on (row-strided) windows of the
/// padded planes, vectorized over tiles of whole rows (rows no longer than
/// a vector, or a few rows of up to 16 vectors in all). Columns read with a
/// stride are read from the planes split into column phases, one contiguous
/// slice per tap. Otherwise (longer rows, widths the stride does not
/// divide, dilated strided columns) a generic over [g, oh, kh, kw, ow]:
/// the output row is the innermost loop, which LLVM vectorizes; a padded
/// input is padded per plane (the pad can join the tiles).
llvm::SmallVector<DepthwiseConvolution>
rewriteDepthwiseConvolutions(mlir::ModuleOp module, int64_t vectorWidth);

/// Rewrites every NCHW max or sum pooling with static shapes into a
/// generic whose output row is the innermost loop ([n, c, oh, kh, kw, ow]):
/// LLVM vectorizes the row (strided windows included) instead of reducing
/// each window of 3x3 scalars on its own. Returns the generics.
llvm::SmallVector<mlir::linalg::GenericOp>
moveWindowsOutward(mlir::ModuleOp module);

/// Rewrites every static tensor.pad with a constant value, except those
/// `keep` names, into a fill of the padded tensor and a linalg.copy of the
/// source into its interior: both are kernels the threads share, instead of
/// one serial copy.
void decomposePads(mlir::ModuleOp module,
                   llvm::function_ref<bool(mlir::tensor::PadOp)> keep);

/// Marks the floating-point ops of reduction kernels (sums, products,
/// maxima: softmax, layer_norm, means) `reassoc`, so that LLVM may vectorize
/// the reduction loops with partial sums per lane, as every deep learning
/// library does; results differ in rounding only. Maxima and minima are
/// also `nsz`: LLVM then lowers each to one max and a NaN check (NaN still
/// propagates) instead of also ordering -0 below +0, whose sign alone may
/// differ (3x3 max pooling of 64 x 112 x 112 alone: 1.02 -> 0.78 ms).
void reassociateReductions(mlir::ModuleOp module);

/// Collapses the innermost reduction loops of a generic into one where they
/// walk its inputs' innermost dimensions in order (a global pool's [h, w]):
/// LLVM then vectorizes the reduction along the whole plane, instead of
/// unrolling a short row and vectorizing across channels with gathers.
void collapseReducedPlanes(mlir::ModuleOp module);

} // namespace tessera

#endif // TESSERA_LIB_TRANSFORMS_KERNELREWRITES_H
