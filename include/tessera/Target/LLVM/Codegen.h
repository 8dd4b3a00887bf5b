//===- Codegen.h - LLVM dialect to machine code ---------------------------===//
//
// Target selection (the host by default), translation of the LLVM dialect to
// optimized LLVM IR, object/assembly emission and linking of a model's shared
// library.
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_TARGET_LLVM_CODEGEN_H
#define TESSERA_TARGET_LLVM_CODEGEN_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/CodeGen.h"
#include "llvm/Support/Error.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/TargetParser/Triple.h"

#include <memory>
#include <string>
#include <vector>

namespace llvm {
class LLVMContext;
class Module;
class raw_pwrite_stream;
} // namespace llvm

namespace tessera {

struct TargetOptions {
  /// Empty: the host.
  std::string triple;
  /// Empty: the host CPU for the host triple, "generic" otherwise.
  std::string cpu;
  /// Extra subtarget features ("+avx2,-fma"), added to the CPU's.
  std::string features;
};

/// The target machine for `options`; an unknown triple, CPU or feature is an
/// error naming it.
llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createTargetMachine(const TargetOptions &options, unsigned optLevel);

/// 32-bit lanes of the target's widest vector registers worth using: 16 with
/// AVX-512, 8 with AVX2, 4 otherwise (SSE, NEON).
int64_t getVectorLanes32(const llvm::TargetMachine &targetMachine);

/// Whether code for `triple` runs on this machine (and may use its OpenMP
/// runtime).
bool isHostCompatible(const llvm::Triple &triple);

/// Translates an LLVM-dialect module to LLVM IR for `targetMachine` and,
/// with `optimize`, runs LLVM's optimization pipeline at `optLevel`.
llvm::Expected<std::unique_ptr<llvm::Module>>
translateToLLVMIR(mlir::ModuleOp module, llvm::LLVMContext &context,
                  llvm::TargetMachine &targetMachine, unsigned optLevel,
                  bool optimize = true);

/// Optimizes the unoptimized `module` at `optLevel` and compiles it into one
/// object file per path of `objectPaths`: its functions are split into that
/// many parts (llvm::SplitModule), each optimized and compiled in a thread
/// of its own with its own context and a target machine from
/// `createMachine`. Internal symbols that parts share become hidden ones.
llvm::Error emitObjectsInParallel(
    llvm::Module &module, unsigned optLevel,
    llvm::function_ref<llvm::Expected<std::unique_ptr<llvm::TargetMachine>>()>
        createMachine,
    llvm::ArrayRef<std::string> objectPaths);

/// Writes an object file or assembly.
llvm::Error emitMachineCode(llvm::Module &module,
                            llvm::TargetMachine &targetMachine,
                            llvm::CodeGenFileType fileType,
                            llvm::raw_pwrite_stream &os);

/// The bytes of a constant global cut out of a module.
struct ExternalConstant {
  std::string symbol;
  uint64_t alignment;
  std::string bytes;
};

/// Where the externalized constants will be defined.
enum class ConstantPlacement {
  /// An object linked into the same shared library (writeConstantsObject).
  SameLibrary,
  /// Memory anywhere in the process (the JIT).
  Process
};

/// Turns every constant global of the LLVM-dialect `module` holding at least
/// `minBytes` of data into an external declaration and returns the data the
/// symbols must be given.
std::vector<ExternalConstant> externalizeConstants(mlir::ModuleOp module,
                                                   int64_t minBytes,
                                                   ConstantPlacement placement);

/// Writes an object file defining `constants` (hidden symbols in read-only
/// data), assembled from the raw bytes with `.incbin`.
llvm::Error writeConstantsObject(llvm::ArrayRef<ExternalConstant> constants,
                                 const llvm::Triple &triple,
                                 llvm::StringRef objectPath);

/// Links `objectPaths` into the shared library `outputPath` with clang and
/// lld (libm, and the OpenMP runtime when `openMP`).
llvm::Error linkSharedLibrary(llvm::ArrayRef<std::string> objectPaths,
                              llvm::StringRef outputPath,
                              const llvm::Triple &triple, bool openMP);

} // namespace tessera

#endif // TESSERA_TARGET_LLVM_CODEGEN_H
