//===- TEDialect.cpp - The tensor-expression dialect ----------------------===//

#include "tessera/Dialect/TE/IR/TE.h"


using namespace mlir;
using namespace tessera::te;

#include "tessera/Dialect/TE/IR/TEDialect.cpp.inc"
#include "tessera/Dialect/TE/IR/TEEnums.cpp.inc"

void TEDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "tessera/Dialect/TE/IR/TEOps.cpp.inc"
      >();
}
