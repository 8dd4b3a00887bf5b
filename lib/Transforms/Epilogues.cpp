//===- Epilogues.cpp - Elementwise kernels fused after contractions -------===//

#include "Epilogues.h"

#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Linalg/Utils/Utils.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "mlir/Transforms/WalkPatternRewriteDriver.h"

using namespace mlir;

bool tessera::isElementwiseKernel(Operation *op) {
  auto generic = dyn_cast_or_null<linalg::GenericOp>(op);
  return generic && generic.hasPureTensorSemantics() &&
         generic.getNumDpsInits() == 1 && linalg::isElementwise(generic) &&
         generic.getIndexingMapMatchingResult(generic->getResult(0))
             .isIdentity();
}

void tessera::alignElementwiseKernels(ModuleOp module) {
  MLIRContext *context = module.getContext();
  // Unit dimensions first (walk-driven: these patterns must not run under
  // the greedy driver); the reshapes they leave compose with the producers'.
  linalg::ControlDropUnitDims dropUnitDims;
  dropUnitDims.controlFn = [](Operation *op) -> SmallVector<unsigned> {
    if (!isElementwiseKernel(op))
      return {};
    return llvm::to_vector(
        llvm::seq<unsigned>(0, cast<linalg::GenericOp>(op).getNumLoops()));
  };
  RewritePatternSet unitDims(context);
  linalg::populateFoldUnitExtentDimsPatterns(unitDims, dropUnitDims);
  walkAndApplyPatterns(module, FrozenRewritePatternSet(std::move(unitDims)));

  // Then an expand_shape between a producer and an elementwise consumer
  // that reads it whole becomes a collapse of the consumer's loops.
  RewritePatternSet reshapes(context);
  linalg::populateFoldReshapeOpsByCollapsingPatterns(
      reshapes, [](OpOperand *operand) {
        Operation *consumer = operand->getOwner();
        auto reshape = operand->get().getDefiningOp<tensor::ExpandShapeOp>();
        return isElementwiseKernel(consumer) && reshape &&
               isa_and_present<linalg::LinalgOp>(
                   reshape.getSrc().getDefiningOp()) &&
               cast<linalg::GenericOp>(consumer)
                   .getMatchingIndexingMap(operand)
                   .isIdentity();
      });
  linalg::populateFoldUnitExtentDimsCanonicalizationPatterns(reshapes,
                                                             dropUnitDims);
  tensor::ExpandShapeOp::getCanonicalizationPatterns(reshapes, context);
  tensor::CollapseShapeOp::getCanonicalizationPatterns(reshapes, context);
  // Every step leaves valid IR: a driver that stops before a fixpoint only
  // leaves some kernels unaligned (unfused), which is no reason to fail.
  (void)applyPatternsGreedily(module, std::move(reshapes));
}

/// Whether `consumer` reads each element of `operand` once: a kernel
/// broadcast to its reader would be recomputed for every element it is
/// broadcast to.
static bool readsWhole(linalg::GenericOp consumer, OpOperand *operand) {
  auto type = dyn_cast<RankedTensorType>(operand->get().getType());
  if (consumer.getMatchingIndexingMap(operand).isIdentity())
    return true;
  return type && type.hasStaticShape() && !consumer.hasDynamicShape() &&
         type.getNumElements() ==
             computeProduct(consumer.getStaticLoopRanges());
}

void tessera::fuseElementwiseKernels(ModuleOp module) {
  MLIRContext *context = module.getContext();
  RewritePatternSet fusion(context);
  linalg::populateElementwiseOpsFusionPatterns(fusion, [](OpOperand *operand) {
    Operation *producer = operand->get().getDefiningOp();
    auto consumer = dyn_cast<linalg::GenericOp>(operand->getOwner());
    return isElementwiseKernel(producer) && isElementwiseKernel(consumer) &&
           readsWhole(consumer, operand) &&
           llvm::all_of(producer->getUsers(), [&](Operation *user) {
             return user == operand->getOwner();
           });
  });
  linalg::GenericOp::getCanonicalizationPatterns(fusion, context);
  (void)applyPatternsGreedily(module, std::move(fusion));
}

void tessera::expandIntoEpilogue(tensor::CollapseShapeOp collapse) {
  tensor::CollapseShapeOp current = collapse;
  RewritePatternSet patterns(collapse.getContext());
  linalg::populateFoldReshapeOpsByExpansionPatterns(
      patterns, [&](OpOperand *operand) {
        return operand->get().getDefiningOp() == current &&
               cast<linalg::GenericOp>(operand->getOwner())
                   .getMatchingIndexingMap(operand)
                   .isIdentity();
      });
  FrozenRewritePatternSet frozen(std::move(patterns));
  GreedyRewriteConfig config;
  config.setStrictness(GreedyRewriteStrictness::ExistingOps);
  while (current->hasOneUse()) {
    Operation *consumer = *current->getUsers().begin();
    Value expanded = current.getSrc();
    bool changed = false;
    if (!isElementwiseKernel(consumer) ||
        failed(applyOpPatternsGreedily({consumer}, frozen, config, &changed)) ||
        !changed)
      return;
    // The expanded kernel reads the source now, and its result is collapsed.
    if (current->use_empty())
      current->erase();
    if (!expanded.hasOneUse())
      return;
    Operation *kernel = *expanded.getUsers().begin();
    if (!isElementwiseKernel(kernel) || !kernel->getResult(0).hasOneUse())
      return;
    current = dyn_cast<tensor::CollapseShapeOp>(
        *kernel->getResult(0).getUsers().begin());
    if (!current)
      return;
  }
}

/// Rewrites `kernel` so that its input `operand` becomes its init: the body
/// reads the value through the init's block argument (the old init was not
/// read: the kernel is elementwise).
static linalg::GenericOp updateInPlace(RewriterBase &rewriter,
                                       linalg::GenericOp kernel,
                                       OpOperand &operand) {
  SmallVector<Value> inputs;
  SmallVector<AffineMap> maps;
  for (OpOperand *input : kernel.getDpsInputOperands()) {
    if (input == &operand)
      continue;
    inputs.push_back(input->get());
    maps.push_back(kernel.getMatchingIndexingMap(input));
  }
  maps.push_back(kernel.getMatchingIndexingMap(&operand));
  rewriter.setInsertionPoint(kernel);
  auto updated = linalg::GenericOp::create(
      rewriter, kernel.getLoc(), kernel->getResultTypes(), inputs,
      ValueRange{operand.get()}, maps, kernel.getIteratorTypesArray());
  updated->setDiscardableAttrs(kernel->getDiscardableAttrDictionary());

  Block *body = kernel.getBody();
  SmallVector<Type> argTypes;
  SmallVector<Location> argLocs;
  for (Value input : inputs) {
    argTypes.push_back(getElementTypeOrSelf(input.getType()));
    argLocs.push_back(kernel.getLoc());
  }
  argTypes.push_back(getElementTypeOrSelf(operand.get().getType()));
  argLocs.push_back(kernel.getLoc());
  Block *newBody =
      rewriter.createBlock(&updated.getRegion(), {}, argTypes, argLocs);
  SmallVector<Value> replacements;
  unsigned next = 0;
  for (OpOperand *input : kernel.getDpsInputOperands())
    replacements.push_back(input == &operand ? newBody->getArguments().back()
                                             : newBody->getArgument(next++));
  replacements.push_back(newBody->getArguments().back());
  rewriter.mergeBlocks(body, newBody, replacements);
  rewriter.replaceOp(kernel, updated->getResults());
  return updated;
}

SmallVector<linalg::GenericOp>
tessera::formEpilogue(RewriterBase &rewriter, linalg::LinalgOp producer) {
  SmallVector<linalg::GenericOp> chain;
  if (producer->getNumResults() != 1)
    return chain;
  Value current = producer->getResult(0);
  while (current.hasOneUse()) {
    OpOperand &use = *current.getUses().begin();
    auto kernel = dyn_cast<linalg::GenericOp>(use.getOwner());
    if (!isElementwiseKernel(kernel) || !kernel.isDpsInput(&use) ||
        kernel->getResult(0).getType() != current.getType() ||
        !kernel.getMatchingIndexingMap(&use).isIdentity() ||
        kernel.payloadUsesValueFromOperand(kernel.getDpsInitOperand(0)))
      break;
    linalg::GenericOp updated = updateInPlace(rewriter, kernel, use);
    chain.push_back(updated);
    current = updated->getResult(0);
  }
  return chain;
}

FailureOr<scf::ForallOp>
tessera::tileWithEpilogue(RewriterBase &rewriter, linalg::LinalgOp producer,
                          ArrayRef<linalg::GenericOp> epilogue,
                          ArrayRef<int64_t> producerTiles, bool fuseInputPad) {
  Operation *last = producer;
  SmallVector<int64_t> tiles(producerTiles);
  if (!epilogue.empty()) {
    last = epilogue.back();
    // The epilogue iterates over the producer's result dimensions.
    tiles.clear();
    for (AffineExpr result :
         producer.getIndexingMapMatchingResult(producer->getResult(0))
             .getResults())
      tiles.push_back(producerTiles[cast<AffineDimExpr>(result).getPosition()]);
  }
  llvm::SmallPtrSet<Operation *, 8> group;
  group.insert(producer);
  for (linalg::GenericOp kernel : epilogue)
    group.insert(kernel);
  if (auto fill =
          producer.getDpsInitOperand(0)->get().getDefiningOp<linalg::FillOp>())
    group.insert(fill);
  if (fuseInputPad)
    if (auto pad = producer.getDpsInputOperand(0)
                       ->get()
                       .getDefiningOp<tensor::PadOp>())
      group.insert(pad);

  FailureOr<LoopLikeOpInterface> loop =
      tileAndFuse(rewriter, cast<TilingInterface>(last), tiles,
                  scf::SCFTilingOptions::LoopType::ForallOp,
                  [&](Operation *op) { return group.contains(op); });
  if (failed(loop))
    return failure();
  return cast<scf::ForallOp>(loop->getOperation());
}

FailureOr<LoopLikeOpInterface> tessera::tileAndFuse(
    RewriterBase &rewriter, TilingInterface last, ArrayRef<int64_t> tiles,
    scf::SCFTilingOptions::LoopType loopType,
    function_ref<bool(Operation *)> fusable, ArrayRef<int64_t> interchange) {
  scf::SCFTilingOptions tiling;
  tiling.setTileSizes(getAsIndexOpFoldResult(rewriter.getContext(), tiles));
  tiling.setInterchange(interchange);
  tiling.setLoopType(loopType);
  scf::SCFTileAndFuseOptions options;
  options.setTilingOptions(tiling);
  options.setFusionControlFn(
      [&](tensor::ExtractSliceOp, OpResult producerResult,
          bool) -> std::optional<scf::SCFTileAndFuseOptions::ControlFnResult> {
        if (!fusable(producerResult.getOwner()))
          return std::nullopt;
        return scf::SCFTileAndFuseOptions::ControlFnResult{};
      });
  rewriter.setInsertionPoint(last);
  FailureOr<scf::SCFTileAndFuseResult> result =
      scf::tileConsumerAndFuseProducersUsingSCF(rewriter, last, options);
  if (failed(result) || result->loops.empty())
    return failure();
  for (OpResult value : last->getResults())
    rewriter.replaceAllUsesWith(value, result->replacements.lookup(value));
  rewriter.eraseOp(last);
  // What was fused is dead outside the loop now (destinations included);
  // consumers were fused first.
  for (Operation *op : result->fusedProducers)
    if (op->use_empty())
      rewriter.eraseOp(op);
  return result->loops.front();
}
