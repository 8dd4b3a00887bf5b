//===- CPUPipeline.cpp - Graph dialect to LLVM dialect for CPUs -----------===//

#include "tessera/Conversion/Passes.h"
#include "tessera/Pipelines/Pipelines.h"
#include "tessera/Transforms/Passes.h"

#include "mlir/Conversion/AffineToStandard/AffineToStandard.h"
#include "mlir/Conversion/BufferizationToMemRef/BufferizationToMemRef.h"
#include "mlir/Conversion/ConvertToLLVM/ToLLVMPass.h"
#include "mlir/Conversion/MathToFuncs/MathToFuncs.h"
#include "mlir/Conversion/MathToLLVM/MathToLLVM.h"
#include "mlir/Conversion/MathToLibm/MathToLibm.h"
#include "mlir/Conversion/MemRefToLLVM/MemRefToLLVM.h"
#include "mlir/Conversion/ReconcileUnrealizedCasts/ReconcileUnrealizedCasts.h"
#include "mlir/Conversion/SCFToControlFlow/SCFToControlFlow.h"
#include "mlir/Conversion/SCFToOpenMP/SCFToOpenMP.h"
#include "mlir/Conversion/VectorToLLVM/ConvertVectorToLLVMPass.h"
#include "mlir/Conversion/VectorToSCF/VectorToSCF.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/SCF/Transforms/Passes.h"
#include "mlir/Dialect/Transform/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

void tessera::buildGraphToLinalgPipeline(OpPassManager &pm) {
  pm.addPass(createRecordModelInterface());
  // Graph-level rewrites (batch_norm into conv weights, reshape chains)
  // before operators become loops.
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createConvertGraphToTE());
  pm.addPass(createConvertTEToLinalg());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  pm.addPass(createOutlineShapeChecks());
  pm.addPass(createCanonicalizerPass());
}

void tessera::buildLinalgToLLVMPipeline(OpPassManager &pm,
                                        const CPUPipelineOptions &options) {
  // The schedule hook: a transform script rewrites the Linalg payload
  // (tiling, fusion, vectorization) while it is still on tensors.
  if (options.scheduleFile.empty()) {
    DefaultCPUSchedulesOptions defaults;
    defaults.vectorWidth = options.vectorWidth;
    pm.addPass(createDefaultCPUSchedules(defaults));
    pm.addPass(createCanonicalizerPass());
    pm.addPass(createCSEPass());
  } else {
    // sched.schedule ops (converted to transform sequences), or a transform
    // library with @__transform_main.
    ApplySchedulesOptions schedules;
    schedules.schedFile = options.scheduleFile;
    pm.addPass(createApplySchedules(schedules));
    pm.addPass(createCanonicalizerPass());
    pm.addPass(createCSEPass());
  }
  pm.addNestedPass<func::FuncOp>(createRegisterTileTransfers());

  pm.addPass(createBufferize());
  bufferization::buildBufferDeallocationPipeline(pm);
  pm.addPass(createConvertBufferizationToMemRefPass());
  pm.addPass(createCanonicalizerPass());
  PlanMemoryOptions memoryPlan;
  memoryPlan.stackScratch = options.openMP;
  pm.addNestedPass<func::FuncOp>(createPlanMemory(memoryPlan));
  // CSE merges the identical subviews a tiled loop's bufferized insertion
  // leaves, so that the copy of each tile onto itself folds away.
  pm.addPass(createCSEPass());
  pm.addPass(createCanonicalizerPass());
  pm.addNestedPass<func::FuncOp>(createHoistVectorTransfers());
  FlattenVectorTransfersOptions flatten;
  flatten.vectorWidth = options.vectorWidth;
  pm.addNestedPass<func::FuncOp>(createFlattenVectorTransfers(flatten));
  pm.addNestedPass<func::FuncOp>(createPrefetchPanels());

  // Schedules put the parallelism in scf.forall loops; inside them, kernels
  // become serial loops.
  if (options.openMP) {
    pm.addNestedPass<func::FuncOp>(createForallToParallelLoopPass());
    pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
    pm.addPass(createCanonicalizerPass());
    pm.addPass(createConvertSCFToOpenMPPass());
  } else {
    pm.addNestedPass<func::FuncOp>(createForallToForLoopPass());
    pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
  }
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createConvertVectorToSCFPass(
      VectorTransferToSCFOptions().enableFullUnroll()));
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  // Before scf-to-cf: OpenMP regions must still be single-block structured
  // ops when memref.alloca_scope is lowered.
  pm.addPass(createFinalizeMemRefToLLVMConversionPass());
  pm.addPass(createSCFToControlFlowPass());
  // exp, tanh and erf as polynomials, so that activations vectorize.
  pm.addPass(createApproximateMath());
  // Integer powers become loops in generated functions.
  pm.addPass(createConvertMathToFuncs());
  // LLVM intrinsics first (they handle e.g. powf of negative bases exactly);
  // then expansions for ops without one (asinh, acosh, atanh, ...) and libm
  // calls for the rest (erf, tan, ...).
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(math::createMathExpandOpsPass());
  pm.addPass(createConvertMathToLibmPass());
  // Register tiles of contractions become chains of FMAs.
  ConvertVectorToLLVMPassOptions vectorToLLVM;
  vectorToLLVM.vectorContractLowering =
      vector::VectorContractLowering::OuterProduct;
  // Register tiles written transposed become one shuffle, not an insert and
  // an extract per element.
  vectorToLLVM.vectorTransposeLowering =
      vector::VectorTransposeLowering::Shuffle1D;
  pm.addPass(createConvertVectorToLLVMPass(vectorToLLVM));
  pm.addPass(createConvertToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  EmitModelABIOptions abi;
  abi.targetTriple = options.targetTriple;
  pm.addPass(createEmitModelABI(abi));
}

void tessera::buildCPUPipeline(OpPassManager &pm,
                               const CPUPipelineOptions &options) {
  buildGraphToLinalgPipeline(pm);
  buildLinalgToLLVMPipeline(pm, options);
}

void tessera::registerPipelines() {
  PassPipelineRegistration<CPUPipelineOptions>(
      "tessera-cpu-pipeline",
      "Compile a graph-dialect model to the LLVM dialect for CPUs, with the "
      "model ABI's entry points",
      buildCPUPipeline);
}
