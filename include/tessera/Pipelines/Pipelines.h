//===- Pipelines.h - Tessera's named pass pipelines -----------------------===//

#ifndef TESSERA_PIPELINES_PIPELINES_H
#define TESSERA_PIPELINES_PIPELINES_H

#include "mlir/Pass/PassOptions.h"

#include <string>

namespace mlir {
class OpPassManager;
} // namespace mlir

namespace tessera {

struct CPUPipelineOptions
    : public mlir::PassPipelineOptions<CPUPipelineOptions> {
  Option<std::string> scheduleFile{
      *this, "sched-file",
      llvm::cl::desc("Transform-dialect schedule library applied to the "
                     "Linalg payload (its entry point: "
                     "__transform_main)")};
  Option<int64_t> vectorWidth{
      *this, "vector-width",
      llvm::cl::desc("32-bit lanes per vector register of the target (16 "
                     "with AVX-512, 8 with AVX2, 4 with NEON)"),
      llvm::cl::init(16)};
  Option<bool> openMP{*this, "openmp",
                      llvm::cl::desc("Run parallel loops on OpenMP threads"),
                      llvm::cl::init(true)};
  Option<std::string> targetTriple{
      *this, "target-triple",
      llvm::cl::desc("Target triple recorded in the model's metadata")};
};

/// Graph dialect -> Linalg on tensors, recording the model's interface first.
void buildGraphToLinalgPipeline(mlir::OpPassManager &pm);

/// Linalg on tensors -> LLVM dialect with the model ABI's entry points:
/// schedule, bufferization, deallocation, memory planning, loops (OpenMP),
/// LLVM dialect.
void buildLinalgToLLVMPipeline(mlir::OpPassManager &pm,
                               const CPUPipelineOptions &options);

/// `tessera-cpu-pipeline`: both of the above.
void buildCPUPipeline(mlir::OpPassManager &pm,
                      const CPUPipelineOptions &options);

void registerPipelines();

} // namespace tessera

#endif // TESSERA_PIPELINES_PIPELINES_H
