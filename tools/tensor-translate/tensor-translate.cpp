//===- tensor-translate.cpp - Tessera's mlir-translate-style driver -------===//
//
// Every upstream translation (MLIR <-> LLVM IR, SPIR-V, ...) plus Tessera's
// own (ONNX import, ...).
//
//===----------------------------------------------------------------------===//

#include "tessera/InitAll.h"

#include "mlir/InitAllTranslations.h"
#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"

int main(int argc, char **argv) {
  mlir::registerAllTranslations();
  tessera::registerAllTranslations();
  return mlir::failed(
      mlir::mlirTranslateMain(argc, argv, "Tessera translation driver\n"));
}
