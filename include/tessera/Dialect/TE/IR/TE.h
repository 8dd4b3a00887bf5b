//===- TE.h - The tensor-expression dialect -------------------------------===//

#ifndef TESSERA_DIALECT_TE_IR_TE_H
#define TESSERA_DIALECT_TE_IR_TE_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "tessera/Dialect/TE/IR/TEDialect.h.inc"
#include "tessera/Dialect/TE/IR/TEEnums.h.inc"

#define GET_OP_CLASSES
#include "tessera/Dialect/TE/IR/TEOps.h.inc"

#endif // TESSERA_DIALECT_TE_IR_TE_H
