//===- InitAll.cpp - Register every Tessera dialect, pass and translation -===//

#include "tessera/InitAll.h"

#include "tessera/Conversion/Passes.h"
#include "tessera/Dialect/Graph/IR/Graph.h"
#include "tessera/Dialect/Sched/IR/Sched.h"
#include "tessera/Dialect/TE/IR/TE.h"
#include "tessera/Pipelines/Pipelines.h"
#include "tessera/Target/ONNX/ImportONNX.h"
#include "tessera/Transforms/Passes.h"

#include "mlir/IR/DialectRegistry.h"

void tessera::registerAllDialects(mlir::DialectRegistry &registry) {
  registry.insert<graph::GraphDialect, sched::SchedDialect, te::TEDialect>();
}

void tessera::registerAllPasses() {
  registerTesseraConversionPasses();
  registerTesseraTransformsPasses();
  registerPipelines();
}

void tessera::registerAllTranslations() {
  registerONNXImportTranslation();
}
