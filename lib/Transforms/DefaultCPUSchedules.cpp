//===- DefaultCPUSchedules.cpp - Rule-based CPU schedules -----------------===//
//
// The schedule of every kernel is a transform script written from its kind
// and shape; the script is parsed and applied like a user's schedule would
// be, so defaults and user schedules go through the same machinery.
//
//===----------------------------------------------------------------------===//

#include "tessera/Transforms/Passes.h"

#include "Epilogues.h"
#include "KernelRewrites.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Transform/IR/TransformDialect.h"
#include "mlir/Dialect/Transform/IR/TransformOps.h"
#include "mlir/Dialect/Transform/Transforms/TransformInterpreterUtils.h"
#include "mlir/Dialect/Utils/StructuredOpsUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Dialect/Vector/Transforms/VectorRewritePatterns.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/Support/FormatVariadic.h"

namespace tessera {
#define GEN_PASS_DEF_DEFAULTCPUSCHEDULES
#include "tessera/Transforms/Passes.h.inc"
} // namespace tessera

using namespace mlir;

namespace {

constexpr llvm::StringLiteral kKernelAttrName = "tessera.kernel";

// Cache tiles (elements) for the M, N and K dimensions: a K x N slice of the
// right operand (up to 640 x 128 floats, 320 KiB) stays in L2 while register
// tiles of up to 256 rows sweep it; K tiles that long leave one K tile (no
// reload of the accumulators) for K <= 640: 3x3 convolutions of 64 channels,
// 1x1 ones of up to 640 (deeper ones see kMaxRowPanelBytes).
constexpr int64_t kCacheTileM = 256;
// Parallel tiles a contraction needs at least: two per core of this
// two-core class of machine.
constexpr int64_t kMinThreadTiles = 4;
// Below this many tiles, an odd count leaves a core idle for the time of a
// whole tile: the tiles are split further.
constexpr int64_t kBalancedThreadTiles = 16;
constexpr int64_t kCacheTileN = 128;
// Rows (M) and depth (K) of a contraction that repay the copy of a runtime
// N operand into panels: each element is copied once and then read once per
// register tile of rows; a shallow operand fits the caches unpacked.
// Measured: packing the operands of convolutions with 64-128 output
// channels cost resnet50 8 %.
constexpr int64_t kMinRowsToPackCopies = 256;
constexpr int64_t kMinDepthToPackCopies = 256;
constexpr int64_t kCacheTileK = 640;
// Contractions shallower than this run their epilogue on each register
// tile, on the sums in registers, rather than in a second pass over the
// thread tile: that pass costs a 1x1 convolution of 16 channels about as
// much as its sums (mobilenet_v2's block 16 -> 96 -> 24 at 112x112: 10-17 %
// faster), but little after hundreds of FMAs per element, and the fused
// epilogues of deeper ones took resnet50 1.3 s longer to compile (7.1 ->
// 8.4 s) for no measurable gain.
constexpr int64_t kMaxDepthOfRegisterEpilogues = 256;
// A contraction takes all of K in one tile while a register tile's rows of
// its left operand (rows x K floats, a row panel or rows read in place) fill
// at most this much of L1 (48 KiB here): its accumulators are then read and
// written once instead of once per K tile, and each register tile fills its
// own. Measured on 3x3 convolutions of 128 channels with rows in panels
// (K = 1152): 6-10 % faster at one and two threads; K = 2304 (64 KiB panels)
// was mixed, 2-10 % faster at one thread, 6 % slower at two. A 1024^3
// matmul (K = 1024 instead of two tiles of 512): 3 % faster.
constexpr int64_t kMaxRowPanelBytes = 32 * 1024;
// Chunks a threaded kernel's outermost parallel dimension is split into:
// a few per core, so that uneven chunks still balance.
constexpr int64_t kThreadChunks = 8;
// Vectors a copy kernel moves per row at most.
constexpr int64_t kMaxCopiedRow = 8;
// Elements a copy kernel moves per row at least, in a row shorter than two
// vectors that fits a narrower vector register exactly (rows of 8 positions
// of a window copy into panels; left to LLVM, they were scalar moves). A
// window copy's rows shorter than a vector of other lengths (panels of 7
// positions) move as masked vectors of the next power of two: 3-7 % faster
// 3x3 convolutions at 7x7 to 28x28 than scalar moves; unmasked vectors of
// 7 were slower than those.
constexpr int64_t kMinCopiedRow = 4;
// Taps of a window whose loops a register tile that reads its windows in
// place unrolls (5 x 5 at most).
constexpr int64_t kMaxUnrolledTaps = 25;
// Column phases a split into phases may have (strides of convolutions).
constexpr int64_t kMaxPhases = 4;

/// Loop positions of a contraction's dimensions. `unit` holds the batch
/// dimension and the extra M/N/K dimensions of extent 1 (the batch of a
/// convolution's contraction is an N dimension): they tile by 1 everywhere.
struct ContractionLoops {
  SmallVector<unsigned> unit;
  unsigned m, n, k;
  /// The dimensions of the panels when M or N is split into panels of `m`
  /// or `n` (an operand packed as [M/m][K][m] or [N/n][K][n]): tiled by one
  /// panel per register tile.
  std::optional<unsigned> mPanels, nPanels;
};

/// The one dimension of `dims` whose extent is not 1 (the last one when all
/// are 1); unit ones are appended to `unit`.
std::optional<unsigned> pickDimension(ArrayRef<unsigned> dims,
                                      ArrayRef<int64_t> bounds,
                                      SmallVectorImpl<unsigned> &unit) {
  std::optional<unsigned> picked;
  for (unsigned dim : dims) {
    if (bounds[dim] != 1) {
      if (picked)
        return std::nullopt;
      picked = dim;
    }
  }
  if (!picked && !dims.empty())
    picked = dims.back();
  for (unsigned dim : dims)
    if (dim != picked)
      unit.push_back(dim);
  return picked;
}

/// Like pickDimension, for M or N split into panels: of two dimensions of
/// `dims` whose extent is not 1, the one an input reads innermost is picked
/// and the other one is returned in `panels`.
std::optional<unsigned> pickPanelledDimension(linalg::LinalgOp op,
                                              ArrayRef<unsigned> dims,
                                              ArrayRef<int64_t> bounds,
                                              SmallVectorImpl<unsigned> &unit,
                                              std::optional<unsigned> &panels) {
  SmallVector<unsigned> split(dims);
  llvm::erase_if(split, [&](unsigned dim) { return bounds[dim] == 1; });
  std::optional<unsigned> innermost;
  for (OpOperand *input : op.getDpsInputOperands()) {
    AffineMap map = op.getMatchingIndexingMap(input);
    if (map.getNumResults() && isa<AffineDimExpr>(map.getResults().back()) &&
        llvm::is_contained(split, map.getDimPosition(map.getNumResults() - 1)))
      innermost = map.getDimPosition(map.getNumResults() - 1);
  }
  if (split.size() != 2 || !innermost)
    return pickDimension(dims, bounds, unit);
  panels = split[0] == *innermost ? split[1] : split[0];
  for (unsigned dim : dims)
    if (bounds[dim] == 1)
      unit.push_back(dim);
  return innermost;
}

/// Tile sizes of a contraction per loop (0: not tiled): thread (cache)
/// tiles, the K loop, register tiles; the loop of a ragged M or N whose
/// register tiles are peeled and masked.
struct ContractionTiles {
  SmallVector<int64_t> thread, reduction, registers;
  std::optional<unsigned> raggedM, raggedN;
};

std::optional<ContractionLoops> getContractionLoops(linalg::LinalgOp op) {
  if (!linalg::isaContractionOpInterface(op) || !op.hasPureTensorSemantics() ||
      op.hasDynamicShape())
    return std::nullopt;
  for (Type type : op->getOperandTypes())
    if (!getElementTypeOrSelf(type).isF32())
      return std::nullopt;
  FailureOr<linalg::ContractionDimensions> dims =
      linalg::inferContractionDims(op);
  if (failed(dims))
    return std::nullopt;
  SmallVector<int64_t> bounds = op.getStaticLoopRanges();
  ContractionLoops loops;
  for (unsigned batch : dims->batch) {
    if (bounds[batch] != 1 && dims->batch.size() > 1)
      return std::nullopt;
    loops.unit.push_back(batch);
  }
  std::optional<unsigned> m =
      pickPanelledDimension(op, dims->m, bounds, loops.unit, loops.mPanels);
  std::optional<unsigned> n =
      pickPanelledDimension(op, dims->n, bounds, loops.unit, loops.nPanels);
  std::optional<unsigned> k = pickDimension(dims->k, bounds, loops.unit);
  if (!m || !n || !k)
    return std::nullopt;
  loops.m = *m;
  loops.n = *n;
  loops.k = *k;
  return loops;
}

std::string formatSizes(ArrayRef<int64_t> sizes) {
  return "[" +
         llvm::join(llvm::map_range(
                        sizes, [](int64_t s) { return std::to_string(s); }),
                    ", ") +
         "]";
}

int64_t roundUp(int64_t value, int64_t multiple) {
  return llvm::divideCeil(value, multiple) * multiple;
}

struct DefaultCPUSchedulesPass
    : tessera::impl::DefaultCPUSchedulesBase<DefaultCPUSchedulesPass> {
  using Base::Base;

  /// The tag of kernel `kernel`, which its part of the script matches.
  IntegerAttr kernelTag(int64_t kernel) {
    return IntegerAttr::get(IntegerType::get(&getContext(), 64), kernel);
  }

  /// A script line that matches kernel `kernel` as handle %k<kernel>.
  static std::string matchKernel(int64_t kernel) {
    return llvm::formatv(R"(
    %k{0} = transform.structured.match attributes {{{1} = {0} : i64} in %root
        : (!transform.any_op) -> !transform.any_op
)",
                         kernel, kKernelAttrName)
        .str();
  }

  /// The poolings (tessera::moveWindowsOutward), whose pads are made per
  /// chunk of channels.
  llvm::SmallPtrSet<Operation *, 4> poolings;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (vectorWidth <= 0 || registerRows <= 0) {
      module.emitError() << "vector-width and register-rows must be positive";
      return signalPassFailure();
    }
    tessera::fuseElementwiseKernels(module);
    numConvolutions += tessera::rewriteConvolutionsToContractions(
        module, vectorWidth, registerRows);
    SmallVector<tessera::DepthwiseConvolution> depthwiseConvolutions =
        tessera::rewriteDepthwiseConvolutions(module, vectorWidth);
    poolings.clear();
    for (linalg::GenericOp pooling : tessera::moveWindowsOutward(module))
      poolings.insert(pooling);
    tessera::reassociateReductions(module);
    tessera::collapseReducedPlanes(module);

    // Each scheduled op is tagged with its kernel number, which its part of
    // the script matches.
    std::string script;
    int64_t kernel = 0;
    auto addKernel = [&](linalg::LinalgOp op,
                         std::optional<std::string> schedule) {
      if (!schedule)
        return false;
      op->setAttr(kKernelAttrName, kernelTag(kernel++));
      script += *schedule;
      return true;
    };
    tessera::alignElementwiseKernels(module);
    // Pads read by depthwise generics are fused into their tiles. After the
    // alignment: its rank-reducing slice patterns would put reshapes between
    // the interior of a decomposed pad and its copy, which bufferization
    // then resolves with serial copies of the whole tensor.
    // Pads that the per-tap kernels read are made per plane in their tiles.
    tessera::decomposePads(module, [&](tensor::PadOp pad) {
      auto readPerTile = [&](const tessera::DepthwiseConvolution &conv) {
        return conv.planes == pad.getResult();
      };
      return llvm::any_of(depthwiseConvolutions, readPerTile) ||
             llvm::all_of(
                 pad->getUsers(),
                 [&](Operation *user) { return poolings.contains(user); }) ||
             llvm::all_of(pad->getUsers(), [&](Operation *user) {
               return llvm::any_of(
                   depthwiseConvolutions,
                   [&](const tessera::DepthwiseConvolution &conv) {
                     return !conv.perTap && conv.op == user;
                   });
             });
    });
    SmallVector<std::pair<linalg::LinalgOp, ContractionLoops>> contractions;
    module.walk([&](linalg::LinalgOp op) {
      if (std::optional<ContractionLoops> loops = getContractionLoops(op))
        contractions.emplace_back(op, *loops);
    });
    IRRewriter rewriter(&getContext());
    // Contractions and depthwise convolutions are tiled for the threads
    // here, with their epilogues and the fills of their accumulators fused
    // (TilingInterface); their register tiles are scheduled by the script.
    auto tileForThreads = [&](linalg::LinalgOp op,
                              ArrayRef<linalg::GenericOp> epilogue,
                              ArrayRef<int64_t> threadTiles,
                              bool fuseInputPad) -> FailureOr<scf::ForallOp> {
      numFusedEpilogues += epilogue.size();
      FailureOr<scf::ForallOp> forall = tessera::tileWithEpilogue(
          rewriter, op, epilogue, threadTiles, fuseInputPad);
      if (failed(forall))
        op->emitError() << "the kernel could not be tiled for the threads";
      return forall;
    };
    for (auto &[contraction, loops] : contractions) {
      // Register tiles load vectors along N: the operand read along N is
      // packed into panels of one register tile's width, or at least
      // transposed so that it is read along N (constant weights at compile
      // time).
      linalg::LinalgOp op = contraction;
      auto generic = dyn_cast<linalg::GenericOp>(op.getOperation());
      if (!generic) {
        rewriter.setInsertionPoint(op);
        FailureOr<linalg::GenericOp> generalized =
            linalg::generalizeNamedOp(rewriter, op);
        if (succeeded(generalized))
          generic = *generalized;
      }
      if (generic) {
        if (linalg::GenericOp packed =
                packLeftOperand(rewriter, generic, loops)) {
          generic = packed;
          std::optional<ContractionLoops> packedLoops =
              getContractionLoops(generic);
          if (!packedLoops) {
            generic->emitError() << "a contraction packed into row panels is "
                                    "no longer recognized as one";
            return signalPassFailure();
          }
          loops = *packedLoops;
        }
        if (linalg::GenericOp packed =
                packRightOperand(rewriter, generic, loops)) {
          op = packed;
          std::optional<ContractionLoops> packedLoops = getContractionLoops(op);
          if (!packedLoops) {
            op->emitError() << "a contraction packed into panels is no "
                               "longer recognized as one";
            return signalPassFailure();
          }
          loops = *packedLoops;
        } else {
          op = tessera::makeDimensionInnermost(rewriter, generic, loops.n);
        }
      }
      ContractionTiles tiles = chooseContractionTiles(op, loops);
      // With one K tile and no ragged edge, each register tile is filled and
      // summed on its own: with rows of the result along M, the zeros of the
      // fill reach the accumulators in registers instead of through memory;
      // a transposed tile (result in panels) reads them back from the tile
      // it just zeroed, which is still cheaper than a fill of the thread
      // tile or of the whole result.
      SmallVector<int64_t> bounds = op.getStaticLoopRanges();
      AffineMap resultMap = op.getIndexingMapMatchingResult(op->getResult(0));
      bool rowsAlongM =
          *resultMap.getResultPosition(rewriter.getAffineDimExpr(loops.m)) <
          *resultMap.getResultPosition(rewriter.getAffineDimExpr(loops.n));
      bool fillPerRegisterTile =
          (rowsAlongM || loops.nPanels) && !tiles.raggedM && !tiles.raggedN &&
          tiles.reduction[loops.k] == bounds[loops.k] &&
          op.getDpsInitOperand(0)->get().getDefiningOp<linalg::FillOp>();
      // A transposed result in panels is filled on its own, as rows: in a
      // thread tile the fill would be panels of a few rows, which LLVM
      // unrolls into one straight run of stores whose instruction
      // scheduling takes seconds (resnet50: 5 -> 12 s).
      if (loops.nPanels && !rowsAlongM && !fillPerRegisterTile)
        fillBeforePanels(rewriter, op);
      auto tag = kernelTag(kernel);
      op->setAttr(kKernelAttrName, tag);
      FailureOr<scf::ForallOp> forall =
          tileForThreads(op, tessera::formEpilogue(rewriter, op), tiles.thread,
                         /*fuseInputPad=*/false);
      if (failed(forall))
        return signalPassFailure();
      // Each tile copies the windows it reads. (Copies of rows that are not
      // contiguous, those of strided convolutions, stay generics that LLVM
      // compiles.)
      SmallVector<linalg::LinalgOp> windowCopies =
          tessera::copyWindowsPerTile(rewriter, *forall);
      // The fill of this tile (a fill shared by several contractions is
      // fused into each, so a tag goes on this clone only).
      linalg::LinalgOp tiled;
      forall->walk([&](linalg::LinalgOp inner) {
        if (inner->getAttr(kKernelAttrName) == tag)
          tiled = inner;
      });
      linalg::FillOp fill = tiled ? tiled.getDpsInitOperand(0)
                                        ->get()
                                        .getDefiningOp<linalg::FillOp>()
                                  : nullptr;
      if (fillPerRegisterTile) {
        if (fill)
          fill->setAttr(kKernelAttrName, tag);
        SmallVector<int64_t> registerTiles(tiles.registers);
        registerTiles[loops.k] = 0;
        // A shallow contraction's epilogue runs on each register tile too,
        // on the sums still in registers: the thread tile is not written,
        // read back and written again.
        SmallVector<Operation *> epilogue;
        for (Value sum = tiled->getResult(0);
             bounds[loops.k] < kMaxDepthOfRegisterEpilogues &&
             sum.hasOneUse();) {
          Operation *user = *sum.getUsers().begin();
          if (!tessera::isElementwiseKernel(user))
            break;
          epilogue.push_back(user);
          sum = user->getResult(0);
        }
        Operation *last = epilogue.empty() ? tiled : epilogue.back();
        SmallVector<int64_t> lastTiles = registerTiles;
        if (!epilogue.empty()) {
          lastTiles.clear();
          for (AffineExpr result : resultMap.getResults())
            lastTiles.push_back(
                registerTiles[cast<AffineDimExpr>(result).getPosition()]);
        }
        // Register tiles that read their windows in place (see below) loop
        // over the panels of the weights outermost: each panel stays in L2
        // while the tile's rows of windows go by. (Their epilogues' loops,
        // in the result's order, have the panels outermost already.)
        SmallVector<int64_t> interchange;
        if (epilogue.empty() && readsContiguousWindows(tiled)) {
          if (loops.nPanels)
            interchange.push_back(*loops.nPanels);
          interchange.push_back(loops.n);
          for (int64_t loop = 0, e = bounds.size(); loop < e; ++loop)
            if (!llvm::is_contained(interchange, loop))
              interchange.push_back(loop);
        }
        if (!fill || failed(tessera::tileAndFuse(
                         rewriter, cast<TilingInterface>(last), lastTiles,
                         scf::SCFTilingOptions::LoopType::ForOp,
                         [&](Operation *producer) {
                           return producer == fill || producer == tiled ||
                                  llvm::is_contained(epilogue, producer);
                         },
                         interchange))) {
          module.emitError() << "a contraction could not be tiled by "
                                "registers";
          return signalPassFailure();
        }
        // A register tile of a convolution reads its windows from the input
        // rather than from the tile's copy of them, which it leaves unread.
        // 3x3 convolutions 64 -> 64 at 56 x 56 and 128 -> 128 at 28 x 28:
        // 12-16 % faster at one and two threads.
        linalg::GenericOp registerTile;
        forall->getBody()->walk([&](linalg::GenericOp inner) {
          if (inner->getAttr(kKernelAttrName) == tag &&
              !isa<scf::ForallOp>(inner->getParentOp()))
            registerTile = inner;
        });
        FailureOr<linalg::GenericOp> inPlace =
            registerTile ? tessera::readWindowsInPlace(rewriter, registerTile)
                         : FailureOr<linalg::GenericOp>(failure());
        if (succeeded(inPlace)) {
          llvm::erase_if(windowCopies, [&](linalg::LinalgOp copy) {
            return succeeded(eraseUnread(rewriter, copy));
          });
          script += scheduleWindowsInPlace(*inPlace, kernel);
        } else {
          SmallVector<int64_t> kSteps(bounds.size(), 0);
          kSteps[loops.k] = 1;
          script += matchFillAndTile(kernel) +
                    llvm::formatv(R"(
    %k{0}_step, %k{0}_kloop = transform.structured.tile_using_for %k{0}_tile
        tile_sizes {1} : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.structured.vectorize %k{0}_fill : !transform.any_op
    transform.structured.vectorize %k{0}_step : !transform.any_op
)",
                                  kernel, formatSizes(kSteps))
                        .str();
        }
        // The register tile's epilogue, vectorized whole; one with
        // polynomial approximations (exp, tanh, erf, the ops ApproximateMath
        // expands: a few temporaries per vector) a row at a time. Whole, SiLU
        // on an 8x32 tile spilled 80 vectors to the stack; by rows,
        // efficientnet_b0 is 1-2 % faster at one thread, 1 % at two. Cheap
        // epilogues (bias, relu) stay whole: resnet50 by rows was 5 % slower.
        forall->getBody()->walk([&](linalg::GenericOp step) {
          if (!tessera::isElementwiseKernel(step) ||
              step->hasAttr(kKernelAttrName) ||
              !isa<scf::ForOp>(step->getParentOp()))
            return;
          step->setAttr(kKernelAttrName, kernelTag(++kernel));
          bool approximates =
              llvm::any_of(step.getBody()->getOperations(), [](Operation &op) {
                return isa<math::ExpOp, math::TanhOp, math::ErfOp>(op);
              });
          script +=
              scheduleRows(step, kernel, approximates ? 1 : step.getNumLoops());
        });
      } else {
        script += scheduleRegisterTiles(tiles, kernel);
      }
      ++kernel;
      ++numContractions;
      for (linalg::LinalgOp copy : windowCopies) {
        std::optional<std::string> rows = scheduleCopiedRows(
            copy, kernel, llvm::formatv("%k{0}", kernel).str());
        if (!rows)
          continue;
        copy->setAttr(kKernelAttrName, kernelTag(kernel));
        script += matchKernel(kernel) + *rows;
        ++kernel;
      }
      // The epilogue in the thread tile walks its rows a vector at a time
      // (LLVM unrolled short rows, such as those of panels, and vectorized
      // across them with gathers and scatters).
      forall->getBody()->walk([&](linalg::GenericOp epilogue) {
        if (!tessera::isElementwiseKernel(epilogue) ||
            !epilogue.hasPureTensorSemantics() || epilogue.hasDynamicShape() ||
            epilogue->hasAttr(kKernelAttrName))
          return;
        epilogue->setAttr(kKernelAttrName, kernelTag(kernel));
        script += scheduleRows(epilogue, kernel++);
      });
    }
    // Depthwise convolutions: one channel per tile. A generic's padded plane
    // is made in the tile and read from cache right away, and the tile is a
    // serial loop nest that LLVM vectorizes along the output row; the
    // kernels of the taps, the fill and the epilogue are vectorized over the
    // whole plane (masked rows), their sum kept in registers.
    for (tessera::DepthwiseConvolution &conv : depthwiseConvolutions) {
      SmallVector<linalg::GenericOp> epilogue =
          tessera::formEpilogue(rewriter, conv.op);
      SmallVector<int64_t> threadTiles(conv.op.getNumLoops(), 0);
      threadTiles[0] = 1;
      if (!conv.perTap) {
        if (failed(tileForThreads(conv.op, epilogue, threadTiles,
                                  /*fuseInputPad=*/true)))
          return signalPassFailure();
        continue;
      }
      // The per-tap kernels, the fill and the epilogue share a tag: the
      // script vectorizes them with vectors of the tile's exact shape
      // (unmasked, so that each tap's sum passes to the next in registers).
      auto tag = kernelTag(kernel);
      auto isTagged = [&](Operation *op) {
        return op->getAttr(kKernelAttrName) == tag;
      };
      conv.op->setAttr(kKernelAttrName, tag);
      for (linalg::GenericOp tail : epilogue)
        tail->setAttr(kKernelAttrName, tag);
      if (auto fill = conv.op.getDpsInitOperand(0)
                          ->get()
                          .getDefiningOp<linalg::FillOp>())
        fill->setAttr(kKernelAttrName, tag);
      script += matchKernel(kernel) + llvm::formatv(R"(
    transform.structured.vectorize %k{0} : !transform.any_op
)",
                                                    kernel)
                                          .str();
      ++kernel;
      int64_t height = conv.op.getStaticLoopRanges()[1];
      FailureOr<scf::ForallOp> forall = tileForThreads(
          conv.op, epilogue, threadTiles, /*fuseInputPad=*/false);
      if (failed(forall))
        return signalPassFailure();
      // Each plane's tile makes (splits, pads) its plane right before its
      // taps read it; a split into column phases (a transpose of the two
      // innermost dimensions, [.., w / s, s] -> [.., s, w / s]) moves one
      // input row at a time, loaded whole and split with shuffles.
      if (conv.planes) {
        if (failed(
                tessera::makePlanesPerTile(rewriter, *forall, conv.planes))) {
          conv.op->emitError()
              << "the planes of a depthwise convolution could not be made "
                 "per tile";
          return signalPassFailure();
        }
        forall->getBody()->walk([&](linalg::LinalgOp made) {
          bool split = isColumnPhaseSplit(made);
          if (!split && !isa<linalg::CopyOp>(made))
            return;
          made->setAttr(kKernelAttrName, kernelTag(kernel));
          script += scheduleRows(made, kernel, /*rowDims=*/split ? 2 : 1);
          // The split reads a row [positions][phases] as it lies in memory
          // and transposes it in registers, rather than reading each phase
          // at a stride.
          if (split)
            script += llvm::formatv(R"(
    transform.apply_patterns to %k{0}_row_loops#0 {{
      transform.apply_patterns.vector.transfer_permutation_patterns
    } : !transform.any_op
)",
                                    kernel)
                          .str();
          ++kernel;
        });
      }
      if (conv.rows == height)
        continue;
      // Tiles of rows within the channel's tile, the taps, the fill and the
      // epilogue fused into each.
      auto insert = cast<tensor::ParallelInsertSliceOp>(
          *forall->getTerminator().getYieldingOps().begin());
      auto tiledLast = insert.getSource().getDefiningOp<TilingInterface>();
      if (!tiledLast ||
          failed(tessera::tileAndFuse(rewriter, tiledLast, {0, conv.rows, 0},
                                      scf::SCFTilingOptions::LoopType::ForOp,
                                      isTagged))) {
        module.emitError() << "a depthwise convolution could not be tiled "
                              "by rows";
        return signalPassFailure();
      }
    }
    module.walk([&](linalg::LinalgOp op) {
      if (op->hasAttr(kKernelAttrName) || op->getParentOfType<scf::ForallOp>())
        return;
      // (A pooling's fill is made in its chunks.)
      if (isa<linalg::FillOp>(op) && op->hasOneUse() &&
          isa<linalg::LinalgOp>(*op->getUsers().begin()) &&
          fusesPadAndFill(cast<linalg::LinalgOp>(*op->getUsers().begin())))
        return;
      if (addKernel(op, scheduleAcrossThreads(op, kernel)))
        ++numThreaded;
    });
    if (kernel == 0)
      return;
    if (failed(applySchedule(module, script)))
      return signalPassFailure();
    module.walk([](Operation *op) { op->removeAttr(kKernelAttrName); });
  }

  /// `op` with its N operand packed into panels (tessera::packIntoPanels)
  /// when N splits into register tiles without a rest: weights at compile
  /// time, other operands by a copy when enough rows of the result repay
  /// it. Null when not packed.
  linalg::GenericOp packRightOperand(IRRewriter &rewriter, linalg::GenericOp op,
                                     const ContractionLoops &loops) {
    SmallVector<int64_t> bounds = op.getStaticLoopRanges();
    AffineExpr n = rewriter.getAffineDimExpr(loops.n);
    bool repaysCopy = bounds[loops.m] >= kMinRowsToPackCopies &&
                      bounds[loops.k] >= kMinDepthToPackCopies;
    for (OpOperand *input : op.getDpsInputOperands())
      if (op.getMatchingIndexingMap(input).getResultPosition(n) &&
          !repaysCopy &&
          !matchPattern(tessera::stripReshapes(input->get()), m_Constant()))
        return nullptr;
    std::optional<int64_t> width = chooseRegisterColumns(bounds[loops.n]);
    if (!width)
      return nullptr;
    linalg::GenericOp packed =
        tessera::packIntoPanels(rewriter, op, loops.n, *width);
    if (packed)
      tessera::expandIntoEpilogue(cast<tensor::CollapseShapeOp>(
          *packed->getResult(0).getUsers().begin()));
    return packed;
  }

  /// `op` with its M operand packed into panels of rows (tessera::
  /// packIntoPanels) when it is read along M ([K][M], such as the columns of
  /// a convolution whose output channels are the register tiles' vectors):
  /// the register tiles broadcast each row from a separate cache line
  /// otherwise, and sweep the whole depth of K in L2. Only where a copy
  /// makes the operand anyway (a window copy): the panels (of
  /// tessera::rowPanelHeight) are then what the copy writes
  /// (tessera::copyIntoPanels). A copy made only to pack the input of a 1x1
  /// convolution measured no faster. Null when not packed.
  linalg::GenericOp packLeftOperand(IRRewriter &rewriter, linalg::GenericOp op,
                                    const ContractionLoops &loops) {
    if (loops.mPanels)
      return nullptr;
    AffineExpr m = rewriter.getAffineDimExpr(loops.m);
    OpOperand *rows = nullptr;
    for (OpOperand *input : op.getDpsInputOperands()) {
      AffineMap map = op.getMatchingIndexingMap(input);
      if (map.getNumResults() > 1 && map.getResults().back() == m)
        rows = input;
    }
    auto collapse =
        rows ? rows->get().getDefiningOp<tensor::CollapseShapeOp>() : nullptr;
    if (!collapse || !tessera::isCopyKernel(collapse.getSrc().getDefiningOp()))
      return nullptr;
    int64_t height = tessera::rowPanelHeight(
        op.getStaticLoopRanges()[loops.m],
        collapse.getSrcType().getShape().back(), registerRows);
    if (height == 0)
      return nullptr;
    // The packed op (which replaces `op`) keeps the order of the inputs.
    unsigned rowsOperand = rows->getOperandNumber();
    linalg::GenericOp packed =
        tessera::packIntoPanels(rewriter, op, loops.m, height);
    if (!packed)
      return nullptr;
    tessera::expandIntoEpilogue(cast<tensor::CollapseShapeOp>(
        *packed->getResult(0).getUsers().begin()));
    // The packed rows: a transpose of the copy's result, which the copy
    // then writes itself.
    if (auto transpose = packed->getOperand(rowsOperand)
                             .getDefiningOp<linalg::TransposeOp>())
      (void)tessera::copyIntoPanels(rewriter, transpose);
    return packed;
  }

  /// Rewrites the init of `op`, a fill of panels expanded from an empty
  /// tensor, to the expanded fill of a new buffer (tessera::fillNewBuffer).
  static void fillBeforePanels(IRRewriter &rewriter, linalg::LinalgOp op) {
    OpOperand *init = op.getDpsInitOperand(0);
    auto fill = init->get().getDefiningOp<linalg::FillOp>();
    if (!fill)
      return;
    // The expansions into panels (of M and of N), innermost last.
    SmallVector<tensor::ExpandShapeOp> panels;
    Value rows = fill.getDpsInitOperand(0)->get();
    while (auto expand = rows.getDefiningOp<tensor::ExpandShapeOp>()) {
      panels.push_back(expand);
      rows = expand.getSrc();
    }
    if (panels.empty() || !rows.getDefiningOp<tensor::EmptyOp>())
      return;
    rewriter.setInsertionPoint(op);
    rows = tessera::fillNewBuffer(rewriter, fill.getLoc(),
                                  fill.getDpsInputOperand(0)->get(),
                                  cast<RankedTensorType>(rows.getType()));
    for (tensor::ExpandShapeOp expand : llvm::reverse(panels))
      rows = tensor::ExpandShapeOp::create(rewriter, expand.getLoc(),
                                           expand.getResultType(), rows,
                                           expand.getReassociationIndices());
    rewriter.modifyOpInPlace(op, [&] { init->set(rows); });
  }

  /// Whether every operand reads loop `dim` only as a whole index (d_dim),
  /// so that a chunk of it reads a chunk of each operand. Windows such as
  /// d2 - d5 * 2 + 2 would need the whole range.
  static bool isIndexedDirectly(linalg::LinalgOp op, unsigned dim) {
    for (AffineMap map : op.getIndexingMapsArray())
      for (AffineExpr result : map.getResults())
        if (result.isFunctionOfDim(dim) && !isa<AffineDimExpr>(result))
          return false;
    return true;
  }

  /// Every other kernel: its outermost parallel dimension of more than one
  /// iteration split into chunks for the threads; the rest stays serial
  /// loops that LLVM vectorizes (a loop nest collapsed into one parallel
  /// loop would recompute every index with divisions).
  std::optional<std::string> scheduleAcrossThreads(linalg::LinalgOp op,
                                                   int64_t kernel) {
    if (!op.hasPureTensorSemantics() || op.getNumLoops() == 0)
      return std::nullopt;
    SmallVector<int64_t> bounds = op.getStaticLoopRanges();
    if (llvm::is_contained(bounds, 0))
      return std::nullopt;
    SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
    std::optional<unsigned> dim;
    for (unsigned i = 0; i < bounds.size(); ++i)
      if (iterators[i] == utils::IteratorType::parallel && bounds[i] != 1 &&
          isIndexedDirectly(op, i)) {
        dim = i;
        break;
      }
    if (!dim)
      return std::nullopt;
    SmallVector<int64_t> numThreads(bounds.size(), 0);
    numThreads[*dim] = ShapedType::isDynamic(bounds[*dim])
                           ? kThreadChunks
                           : std::min(bounds[*dim], kThreadChunks);
    // Small kernels run on one thread: forking and joining the threads
    // costs more than their work. With the default of 8192 iterations,
    // 119 of efficientnet_b0's 177 parallel regions remain (its
    // squeeze-and-excitation kernels are tiny; 2 % faster at two threads);
    // 65536 slowed the transformer encoders' 32K-element kernels by 14-16 %.
    if (!ShapedType::isDynamicShape(bounds) &&
        llvm::product_of(bounds) < minThreadedIterations)
      numThreads[*dim] = 1;
    bool fusesProducers = fusesPadAndFill(op);
    std::string schedule = matchKernel(kernel);
    if (fusesProducers)
      schedule += llvm::formatv(R"(
    %k{0}_pad = transform.get_producer_of_operand %k{0}[0]
        : (!transform.any_op) -> !transform.any_op
    %k{0}_fill = transform.get_producer_of_operand %k{0}[{1}]
        : (!transform.any_op) -> !transform.any_op
)",
                                kernel, op.getNumDpsInputs())
                      .str();
    schedule += llvm::formatv(R"(
    %k{0}_chunks, %k{0}_forall = transform.structured.tile_using_forall %k{0}
        num_threads {1} : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
)",
                              kernel, formatSizes(numThreads))
                    .str();
    if (fusesProducers)
      schedule += llvm::formatv(R"(
    %k{0}_fused_fill, %k{0}_forall_fill = transform.structured.fuse_into_containing_op %k{0}_fill into %k{0}_forall
        : (!transform.any_op, !transform.any_op) -> (!transform.any_op, !transform.any_op)
    %k{0}_fused_pad, %k{0}_forall_pad = transform.structured.fuse_into_containing_op %k{0}_pad into %k{0}_forall_fill
        : (!transform.any_op, !transform.any_op) -> (!transform.any_op, !transform.any_op)
)",
                                kernel)
                      .str();
    // (Rows the thread split cuts into uneven chunks would not have a
    // static length.)
    if (*dim == bounds.size() - 1)
      return schedule;
    std::optional<std::string> rows = scheduleCopiedRows(
        op, kernel, llvm::formatv("%k{0}_chunks", kernel).str());
    return rows ? schedule + *rows : schedule;
  }

  /// Whether `op` is a pooling whose padded input and the fill of its
  /// result are made per chunk of its thread split, in cache, rather than
  /// each in a pass over memory.
  bool fusesPadAndFill(linalg::LinalgOp op) {
    if (!poolings.contains(op))
      return false;
    auto pad = op.getDpsInputOperand(0)->get().getDefiningOp<tensor::PadOp>();
    auto fill = op.getDpsInitOperand(0)->get().getDefiningOp<linalg::FillOp>();
    return pad && fill && pad->hasOneUse() && fill->hasOneUse();
  }

  /// A script part that matches the fill and the register tile of kernel
  /// `kernel` (a contraction filled per register tile), in this order, as
  /// %k<kernel>_fill and %k<kernel>_tile.
  static std::string matchFillAndTile(int64_t kernel) {
    return llvm::formatv(R"(
    %k{0}_all = transform.structured.match attributes {{{1} = {0} : i64} in %root
        : (!transform.any_op) -> !transform.any_op
    %k{0}_fill, %k{0}_tile = transform.split_handle %k{0}_all
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
)",
                         kernel, kKernelAttrName)
        .str();
  }

  /// Erases window copy `copy` when nothing reads it (only collapses of it
  /// that nothing reads).
  static LogicalResult eraseUnread(RewriterBase &rewriter,
                                   linalg::LinalgOp copy) {
    Value windows = copy->getResult(0);
    for (Operation *user : windows.getUsers())
      if (!isa<tensor::CollapseShapeOp>(user) || !user->use_empty())
        return failure();
    for (Operation *user : llvm::make_early_inc_range(windows.getUsers()))
      rewriter.eraseOp(user);
    rewriter.eraseOp(copy);
    return success();
  }

  /// A script part for register tile `kernel` (`tile`, after its fill)
  /// that reads its windows in place (tessera::readWindowsInPlace): a loop
  /// per reduction (channels, then the taps' rows and columns) steps by
  /// one; once the step's unit loops fold, it reads each row of windows as
  /// a slice of the input, broadcast along the tile. The accumulators leave
  /// the loops innermost first, and the loops of the taps are unrolled
  /// (left to LLVM, 3 x 3 taps stayed loops: the 3x3 convolution 64 -> 64 at
  /// 56 x 56 was 5 % slower).
  std::string scheduleWindowsInPlace(linalg::GenericOp tile, int64_t kernel) {
    SmallVector<int64_t> steps, trips;
    for (auto [bound, iterator] : llvm::zip_equal(
             tile.getStaticLoopRanges(), tile.getIteratorTypesArray())) {
      bool reduces = iterator == utils::IteratorType::reduction && bound != 1;
      steps.push_back(reduces ? 1 : 0);
      if (reduces)
        trips.push_back(bound);
    }
    int64_t innermost = trips.size() - 1;
    std::string schedule =
        matchFillAndTile(kernel) +
        llvm::formatv(R"(
    %k{0}_step, %k{0}_kloops:{2} = transform.structured.tile_using_for %k{0}_tile
        tile_sizes {1} : (!transform.any_op) -> (!transform.any_op{3})
    transform.apply_patterns to %k{0}_kloops#{4} {{
      transform.apply_patterns.linalg.fold_unit_extent_dims_via_slices
    } : !transform.any_op
    %k{0}_row = transform.structured.match interface{{LinalgOp} in %k{0}_kloops#{4}
        : (!transform.any_op) -> !transform.any_op
    transform.structured.vectorize %k{0}_fill : !transform.any_op
    transform.structured.vectorize %k{0}_row : !transform.any_op
)",
                      kernel, formatSizes(steps), trips.size(),
                      repeatHandle(trips.size()), innermost)
            .str();
    for (int64_t loop = innermost; loop >= 0; --loop)
      schedule += llvm::formatv(R"(
    transform.loop.hoist_loop_invariant_subsets %k{0}_kloops#{1} : !transform.any_op
)",
                                kernel, loop)
                      .str();
    int64_t taps = 1;
    for (int64_t loop = innermost; loop >= 1; --loop) {
      taps *= trips[loop];
      if (taps > kMaxUnrolledTaps)
        break;
      schedule += llvm::formatv(R"(
    transform.loop.unroll %k{0}_kloops#{1} {{factor = {2}} : !transform.any_op
)",
                                kernel, loop, trips[loop])
                      .str();
    }
    return schedule;
  }

  /// A script part that walks copy kernel `kernel` (`op`, its handle
  /// `handle`) a row at a time, whole vectors at once: LLVM unrolls short
  /// rows fully and leaves them scalar. Unit loops are folded first, so that
  /// a window copy (in[c, oh + kh, ow + kw]) reads each of its rows as a
  /// plain slice. None when `op` is not a copy of rows.
  std::optional<std::string>
  scheduleCopiedRows(linalg::LinalgOp op, int64_t kernel, StringRef handle) {
    std::optional<int64_t> row = copiedRowLength(op);
    if (!row)
      return std::nullopt;
    SmallVector<int64_t> rows(op.getNumLoops(), 1);
    rows.back() = *row;
    // A short row that fits no vector exactly: one masked vector, once
    // the unit loops are folded.
    std::string maskedSize;
    if (*row < vectorWidth && vectorWidth % *row != 0)
      maskedSize =
          llvm::formatv("vector_sizes [{0}]", llvm::PowerOf2Ceil(*row)).str();
    return llvm::formatv(R"(
    %k{0}_rows, %k{0}_row_loops:{1} = transform.structured.tile_using_for {4}
        tile_sizes {2} : (!transform.any_op) -> (!transform.any_op{3})
    transform.apply_patterns to %k{0}_row_loops#0 {{
      transform.apply_patterns.linalg.fold_unit_extent_dims_via_slices
    } : !transform.any_op
    %k{0}_row = transform.structured.match interface{{LinalgOp} in %k{0}_row_loops#0
        : (!transform.any_op) -> !transform.any_op
    transform.structured.vectorize %k{0}_row {5} : !transform.any_op
)",
                         kernel, rows.size(), formatSizes(rows),
                         repeatHandle(rows.size()), handle, maskedSize)
        .str();
  }

  /// A script part that tiles kernel `kernel` (`op`) into rows of its
  /// `rowDims` innermost loops and vectorizes each row.
  static std::string scheduleRows(linalg::LinalgOp op, int64_t kernel,
                                  int64_t rowDims = 1) {
    SmallVector<int64_t> rows(op.getNumLoops(), 1);
    int64_t numRowLoops = std::max<int64_t>(0, rows.size() - rowDims);
    std::fill(rows.begin() + numRowLoops, rows.end(), 0);
    std::string schedule = matchKernel(kernel);
    if (numRowLoops == 0)
      return schedule + llvm::formatv(R"(
    transform.structured.vectorize %k{0} : !transform.any_op
)",
                                      kernel)
                            .str();
    return schedule + llvm::formatv(R"(
    %k{0}_row, %k{0}_row_loops:{1} = transform.structured.tile_using_for %k{0}
        tile_sizes {2} : (!transform.any_op) -> (!transform.any_op{3})
    transform.structured.vectorize %k{0}_row : !transform.any_op
)",
                                    kernel, numRowLoops, formatSizes(rows),
                                    repeatHandle(numRowLoops))
                          .str();
  }

  /// Whether `op` splits the columns of rows into phases: a transpose of
  /// its two innermost dimensions whose input rows are [positions][phases]
  /// with a few phases (a stride).
  static bool isColumnPhaseSplit(linalg::LinalgOp op) {
    auto transpose = dyn_cast<linalg::TransposeOp>(op.getOperation());
    if (!transpose)
      return false;
    ArrayRef<int64_t> permutation = transpose.getPermutation();
    int64_t rank = permutation.size();
    if (rank < 2 || permutation[rank - 1] != rank - 2 ||
        permutation[rank - 2] != rank - 1 ||
        !llvm::equal(permutation.drop_back(2), llvm::seq<int64_t>(0, rank - 2)))
      return false;
    int64_t phases = transpose.getInput().getType().getDimSize(rank - 1);
    return !ShapedType::isDynamic(phases) && phases <= kMaxPhases;
  }

  /// The elements of a row a copy kernel moves at once, if it is one: a
  /// single input yielded as it is, whose innermost loop walks the input
  /// and the result contiguously (the input maybe shifted by other loops).
  /// Rows shorter than a vector that do not divide it only for generics,
  /// whose unit loops fold away before their masked vectorization.
  std::optional<int64_t> copiedRowLength(linalg::LinalgOp op) {
    unsigned innermost = op.getNumLoops() - 1;
    int64_t length = op.getStaticLoopRanges()[innermost];
    if (!tessera::isCopyKernel(op) || ShapedType::isDynamic(length) ||
        (length < 2 * vectorWidth &&
         (length < kMinCopiedRow ||
          (vectorWidth % length != 0 &&
           !(length < vectorWidth && isa<linalg::GenericOp>(op))))))
      return std::nullopt;
    AffineExpr row = getAffineDimExpr(innermost, op.getContext());
    for (AffineMap map : op.getIndexingMapsArray()) {
      ArrayRef<AffineExpr> results = map.getResults();
      if (results.empty() ||
          llvm::any_of(results.drop_back(), [&](AffineExpr result) {
            return result.isFunctionOfDim(innermost);
          }))
        return std::nullopt;
      // The row, shifted by other loops: last = row + shift.
      AffineExpr last = results.back();
      AffineExpr shift =
          last.replace(row, getAffineConstantExpr(0, op.getContext()));
      if (shift.isFunctionOfDim(innermost) ||
          simplifyAffineExpr(last - shift, map.getNumDims(),
                             map.getNumSymbols()) != row)
        return std::nullopt;
    }
    if (length <= kMaxCopiedRow * vectorWidth)
      return length;
    if (length % vectorWidth == 0)
      return largestMultipleDividing(length, vectorWidth,
                                     kMaxCopiedRow * vectorWidth);
    return std::nullopt;
  }

  /// Cache tiles over the parallel dimensions on threads, a K loop, and
  /// register tiles of up to registerRows x (2 vectors) x 1 vectorized into
  /// one vector.contract. Tiles divide their dimensions where they can, so
  /// that register tiles keep static shapes; where M or N has no divisor of a
  /// useful size, the last register tiles are masked.
  ContractionTiles chooseContractionTiles(linalg::LinalgOp op,
                                          const ContractionLoops &loops) {
    SmallVector<int64_t> bounds = op.getStaticLoopRanges();
    int64_t m = bounds[loops.m], n = bounds[loops.n], k = bounds[loops.k];
    auto [registerRows, raggedM] = chooseRegisterRows(m);
    // Panels of N are as wide as the register tiles (packRightOperand).
    std::optional<int64_t> columns =
        loops.nPanels ? n : chooseRegisterColumns(n);
    // Masked vectors of two vectors cover the edges when no width divides N.
    bool raggedN = !columns;
    int64_t registerCols = columns.value_or(2 * vectorWidth);
    unsigned numLoops = bounds.size();
    SmallVector<int64_t> threadTiles(numLoops, 0), reductionTiles(numLoops, 0),
        registerTiles(numLoops, 0);
    for (unsigned unit : loops.unit) {
      threadTiles[unit] = 1;
      registerTiles[unit] = 1;
    }
    threadTiles[loops.n] =
        raggedN ? std::min(roundUp(n, registerCols), kCacheTileN)
                : largestMultipleDividing(n, registerCols, kCacheTileN);
    // Tiles of whole rows of windows, which each tile can copy for itself
    // (tessera::copyWindowsPerTile).
    if (std::optional<int64_t> row = getWindowRowLength(op, loops.n)) {
      int64_t rows = std::lcm(registerCols, *row);
      if (!raggedN && n % rows == 0)
        threadTiles[loops.n] =
            largestMultipleDividing(n, rows, std::max(kCacheTileN, rows));
    }
    // Tall cache tiles reuse each slice of the right operand longest, but
    // the threads need some tiles each, and an even number of few: halve
    // the height until they have.
    int64_t otherTiles = llvm::divideCeil(n, threadTiles[loops.n]);
    for (unsigned unit : loops.unit)
      otherTiles *= bounds[unit];
    if (loops.nPanels) {
      // Tiles of fewer rows than a full one take several panels, as many
      // accumulators: a vector-matrix product (M = 1) with one panel would
      // wait on the latency of each FMA of a single vector.
      int64_t panels = bounds[*loops.nPanels];
      int64_t vectorsPerPanel = llvm::divideCeil(registerCols, vectorWidth);
      int64_t panelsPerTile = largestDivisor(
          panels,
          std::max<int64_t>(1, 2 * this->registerRows /
                                   (registerRows * vectorsPerPanel)),
          1);
      threadTiles[*loops.nPanels] = largestMultipleDividing(
          panels, panelsPerTile,
          std::max<int64_t>(1, kCacheTileN / threadTiles[loops.n]));
      registerTiles[*loops.nPanels] = panelsPerTile;
      otherTiles *= panels / threadTiles[*loops.nPanels];
    }
    // Rows in panels: thread tiles of whole panels.
    int64_t panels = 1;
    if (loops.mPanels) {
      panels = bounds[*loops.mPanels];
      threadTiles[loops.m] = m;
      registerTiles[*loops.mPanels] = 1;
    }
    for (int64_t limit = kCacheTileM;; limit /= 2) {
      int64_t tiles = otherTiles;
      if (loops.mPanels) {
        // Tiles of whole rows of windows, or of parts of one, so that each
        // tile can copy its windows (tessera::copyWindowsPerTile).
        std::optional<int64_t> row = getWindowRowLength(op, *loops.mPanels);
        threadTiles[*loops.mPanels] = 1;
        for (int64_t d = std::min(panels, std::max<int64_t>(1, limit / m));
             d > 1; --d)
          if (panels % d == 0 && (!row || d % *row == 0 || *row % d == 0)) {
            threadTiles[*loops.mPanels] = d;
            break;
          }
        tiles *= panels / threadTiles[*loops.mPanels];
      } else {
        threadTiles[loops.m] =
            raggedM ? std::min(roundUp(m, registerRows), limit)
                    : largestMultipleDividing(m, registerRows, limit);
        tiles *= llvm::divideCeil(m, threadTiles[loops.m]);
      }
      if (limit <= registerRows ||
          (tiles >= kMinThreadTiles &&
           (tiles % 2 == 0 || tiles >= kBalancedThreadTiles)))
        break;
    }
    // A K tile that divides K keeps the K loop's bounds static, which the
    // hoisting of the accumulators out of it needs.
    int64_t kTile = largestDivisor(k, kCacheTileK, kCacheTileK / 4);
    // A register tile that reads its windows in place has no row panel to
    // keep in L1: it takes all of K while its panel of the right operand
    // fits a cache tile's K x N slice in L2.
    if (registerRows * k * int64_t(sizeof(float)) <= kMaxRowPanelBytes ||
        (readsContiguousWindows(op) &&
         k * registerCols <= kCacheTileK * kCacheTileN))
      reductionTiles[loops.k] = k;
    else
      reductionTiles[loops.k] = kTile ? kTile : std::min(k, kCacheTileK);
    registerTiles[loops.m] = registerRows;
    registerTiles[loops.n] = registerCols;
    registerTiles[loops.k] = 1;
    return {threadTiles, reductionTiles, registerTiles,
            raggedM ? std::optional<unsigned>(loops.m) : std::nullopt,
            raggedN ? std::optional<unsigned>(loops.n) : std::nullopt};
  }

  /// Whether `op` reads a contiguous window copy (a slice of it, collapsed)
  /// whose windows its register tiles can read in place instead
  /// (tessera::readWindowsInPlace).
  static bool readsContiguousWindows(linalg::LinalgOp op) {
    return llvm::any_of(op.getDpsInputOperands(), [](OpOperand *input) {
      Value windows = input->get();
      if (auto slice = windows.getDefiningOp<tensor::ExtractSliceOp>())
        windows = slice.getSource();
      auto collapse = windows.getDefiningOp<tensor::CollapseShapeOp>();
      return collapse &&
             tessera::isContiguousWindowCopy(collapse.getSrc().getDefiningOp());
    });
  }

  /// The length of the rows of windows that `op` reads along loop `dim`
  /// from a window copy (a copy kernel's result collapsed, rows innermost),
  /// if it does.
  static std::optional<int64_t> getWindowRowLength(linalg::LinalgOp op,
                                                   unsigned dim) {
    AffineExpr expr = getAffineDimExpr(dim, op.getContext());
    for (OpOperand *input : op.getDpsInputOperands()) {
      std::optional<unsigned> position =
          op.getMatchingIndexingMap(input).getResultPosition(expr);
      auto collapse = input->get().getDefiningOp<tensor::CollapseShapeOp>();
      if (!position || !collapse ||
          !tessera::isCopyKernel(collapse.getSrc().getDefiningOp()))
        continue;
      ReassociationIndices group =
          collapse.getReassociationIndices()[*position];
      if (group.size() > 1)
        return collapse.getSrcType().getDimSize(group.back());
    }
    return std::nullopt;
  }

  /// The script for a contraction tiled for the threads (tagged `kernel`):
  /// the K loop and the register tiles, vectorized; ragged register loops
  /// are peeled (the inner N loop first, then the M loop around it), so that
  /// all but the last iteration have full static tiles (vectors without
  /// masks); only the rest is masked.
  std::string scheduleRegisterTiles(const ContractionTiles &tiles,
                                    int64_t kernel) {
    int64_t registerLoops = countNonZero(tiles.registers);
    std::string header =
        llvm::formatv(R"(
    %k{0}_threads = transform.structured.match attributes {{{1} = {0} : i64} in %root
        : (!transform.any_op) -> !transform.any_op
    %k{0}_forall = transform.get_parent_op %k{0}_threads {{op_name = "scf.forall"}
        : (!transform.any_op) -> !transform.any_op
    %k{0}_reduction, %k{0}_kloop = transform.structured.tile_using_for %k{0}_threads
        tile_sizes {2} : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %k{0}_registers, %k{0}_rloops:{4} = transform.structured.tile_using_for %k{0}_reduction
        tile_sizes {3} : (!transform.any_op) -> (!transform.any_op{5})
)",
                      kernel, kKernelAttrName, formatSizes(tiles.reduction),
                      formatSizes(tiles.registers), registerLoops,
                      repeatHandle(registerLoops))
            .str();
    if (!tiles.raggedM && !tiles.raggedN)
      return header + llvm::formatv(R"(
    transform.structured.vectorize %k{0}_registers : !transform.any_op
)",
                                    kernel)
                          .str();
    auto loopIndex = [&](unsigned dim) {
      unsigned index = 0;
      for (unsigned d = 0; d < dim; ++d)
        index += tiles.registers[d] != 0;
      return index;
    };
    std::string peels;
    for (auto [ragged, name] : {std::make_pair(tiles.raggedN, "n"),
                                std::make_pair(tiles.raggedM, "m")}) {
      if (!ragged)
        continue;
      unsigned dim = *ragged;
      peels += llvm::formatv(R"(
    %k{0}_{1}loop = transform.cast %k{0}_rloops#{2} : !transform.any_op to !transform.op<"scf.for">
    %k{0}_{1}full, %k{0}_{1}rest = transform.loop.peel %k{0}_{1}loop
        : (!transform.op<"scf.for">) -> (!transform.any_op, !transform.any_op)
)",
                             kernel, name, loopIndex(dim))
                   .str();
    }
    return header + peels +
           llvm::formatv(R"(
    transform.apply_patterns to %k{0}_forall {{
      transform.apply_patterns.canonicalization
    } : !transform.any_op
    %k{0}_tiles = transform.structured.match attributes {{{1} = {0} : i64} in %k{0}_forall
        : (!transform.any_op) -> !transform.any_op
    transform.structured.vectorize %k{0}_tiles vector_sizes {2} : !transform.any_op
)",
                         kernel, kKernelAttrName, formatSizes(tiles.registers))
               .str();
  }

  /// Rows of a contraction's register tiles for M rows: full height when a
  /// divisor of at least half of it exists (or M is small); else full tiles
  /// and a masked rest (the second result).
  std::pair<int64_t, bool> chooseRegisterRows(int64_t m) {
    int64_t rows = largestDivisor(m, registerRows, 1);
    if (m > registerRows && rows < (registerRows + 1) / 2)
      return {registerRows, true};
    return {rows, false};
  }

  /// Columns of a contraction's register tiles (and of the panels of its
  /// N operand) for N columns: the widest multiple of half a vector, up to
  /// two vectors, that divides N. None when none does.
  std::optional<int64_t> chooseRegisterColumns(int64_t n) {
    for (int64_t cols = 2 * vectorWidth; cols >= vectorWidth / 2;
         cols -= vectorWidth / 2)
      if (n % cols == 0)
        return cols;
    return std::nullopt;
  }

  /// The largest divisor of `value` that is at most `limit`, if it is at
  /// least `minimum`; else 0.
  static int64_t largestDivisor(int64_t value, int64_t limit, int64_t minimum) {
    for (int64_t d = std::min(value, limit); d >= minimum; --d)
      if (value % d == 0)
        return d;
    return 0;
  }

  /// The largest multiple of `step` that divides `value` and is at most
  /// `limit` (at least `step`, which divides `value`).
  static int64_t largestMultipleDividing(int64_t value, int64_t step,
                                         int64_t limit) {
    int64_t best = step;
    for (int64_t t = step; t <= std::min(value, limit); t += step)
      if (value % t == 0)
        best = t;
    return best;
  }

  static int64_t countNonZero(ArrayRef<int64_t> sizes) {
    return llvm::count_if(sizes, [](int64_t s) { return s != 0; });
  }

  static std::string repeatHandle(int64_t count) {
    std::string handles;
    for (int64_t i = 0; i < count; ++i)
      handles += ", !transform.any_op";
    return handles;
  }

  /// Wraps the kernels' schedules into one named sequence, followed by the
  /// clean-up every schedule needs (vector transfer folding, hoisting of the
  /// accumulators out of the K loops), and applies it.
  LogicalResult applySchedule(ModuleOp module, StringRef kernels) {
    std::string source = llvm::formatv(R"(
module attributes {{transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {{transform.readonly}) {
{0}
    // Accumulator tiles leave the K loops before the tensor subsets fold
    // into vector transfers: a transposed write folds no further.
    %tiled_loops = transform.structured.match ops{{["scf.for"]} in %root
        : (!transform.any_op) -> !transform.any_op
    transform.loop.hoist_loop_invariant_subsets %tiled_loops : !transform.any_op
    %functions = transform.structured.match ops{{["func.func"]} in %root
        : (!transform.any_op) -> !transform.any_op
    transform.apply_patterns to %functions {{
      transform.apply_patterns.vector.lower_masked_transfers
      transform.apply_patterns.vector.cast_away_vector_leading_one_dim
      transform.apply_patterns.vector.drop_unit_dims_with_shape_cast
      transform.apply_patterns.canonicalization
      transform.apply_patterns.tensor.fold_tensor_subset_ops_into_vector_transfers
    } : !transform.any_op
    transform.apply_cse to %functions : !transform.any_op
    %loops = transform.structured.match ops{{["scf.for"]} in %root
        : (!transform.any_op) -> !transform.any_op
    transform.loop.hoist_loop_invariant_subsets %loops : !transform.any_op
    transform.yield
  }
}
)",
                                       kernels);
    OwningOpRef<ModuleOp> transformModule =
        parseSourceString<ModuleOp>(source, &getContext(), "default-schedule");
    if (!transformModule)
      return module.emitError() << "the default schedule does not parse";
    auto entry = transformModule->lookupSymbol<transform::NamedSequenceOp>(
        "__transform_main");
    // The generated script is known to use its handles correctly: the
    // interpreter's handle-invalidation checks would only cost compile time.
    return transform::applyTransformNamedSequence(
        module, entry, *transformModule,
        transform::TransformOptions().enableExpensiveChecks(false));
  }
};

} // namespace
