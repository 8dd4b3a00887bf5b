//===- Sched.h - The schedule dialect -------------------------------------===//

#ifndef TESSERA_DIALECT_SCHED_IR_SCHED_H
#define TESSERA_DIALECT_SCHED_IR_SCHED_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/SymbolTable.h"

#include "tessera/Dialect/Sched/IR/SchedDialect.h.inc"

#define GET_TYPEDEF_CLASSES
#include "tessera/Dialect/Sched/IR/SchedTypes.h.inc"

#define GET_OP_CLASSES
#include "tessera/Dialect/Sched/IR/SchedOps.h.inc"

#endif // TESSERA_DIALECT_SCHED_IR_SCHED_H
