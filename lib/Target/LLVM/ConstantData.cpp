//===- ConstantData.cpp - Model weights outside of LLVM IR ----------------===//
//
// LLVM handles constant arrays element by element: resnet50's 100 MB of
// weights took minutes to translate, optimize and emit. Large constants are
// therefore cut out of the module as hidden external symbols and their bytes
// land in the shared library through an assembler `.incbin`, or are handed
// to the JIT directly.
//
//===----------------------------------------------------------------------===//

#include "tessera/Support/ConstantData.h"
#include "tessera/Target/LLVM/Codegen.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using llvm::Error;

static Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

std::vector<tessera::ExternalConstant>
tessera::externalizeConstants(ModuleOp module, int64_t minBytes,
                              ConstantPlacement placement) {
  std::vector<ExternalConstant> constants;
  for (auto global : module.getOps<LLVM::GlobalOp>()) {
    if (!global.getConstant())
      continue;
    auto elements = dyn_cast_or_null<ElementsAttr>(global.getValueOrNull());
    if (!elements)
      continue;
    std::optional<std::string> bytes = tessera::getConstantBytes(elements);
    if (!bytes || int64_t(bytes->size()) < minBytes)
      continue;
    constants.push_back(
        {global.getSymName().str(),
         std::max<uint64_t>(global.getAlignment().value_or(1), 64),
         std::move(*bytes)});
    global.removeValueAttr();
    global.setLinkage(LLVM::Linkage::External);
    // Linked into the same shared library: direct PC-relative access and no
    // export. Anywhere else (JIT memory) may be out of PC-relative reach.
    if (placement == ConstantPlacement::SameLibrary) {
      global.setVisibility_(LLVM::Visibility::Hidden);
      global.setDsoLocal(true);
    }
  }
  return constants;
}

Error tessera::writeConstantsObject(ArrayRef<ExternalConstant> constants,
                                    const llvm::Triple &triple,
                                    llvm::StringRef objectPath) {
  llvm::SmallString<128> directory;
  if (std::error_code ec =
          llvm::sys::fs::createUniqueDirectory("tessera-constants", directory))
    return makeError("cannot create a temporary directory: " + ec.message());
  llvm::SmallString<128> dataPath(directory), assemblyPath(directory);
  llvm::sys::path::append(dataPath, "constants.bin");
  llvm::sys::path::append(assemblyPath, "constants.s");
  auto cleanup = llvm::make_scope_exit([&] {
    llvm::sys::fs::remove(dataPath);
    llvm::sys::fs::remove(assemblyPath);
    llvm::sys::fs::remove(directory);
  });

  std::error_code ec;
  llvm::raw_fd_ostream data(dataPath, ec);
  llvm::raw_fd_ostream assembly(assemblyPath, ec);
  if (ec)
    return makeError("cannot write '" + dataPath + "': " + ec.message());
  assembly << "  .section .rodata.tessera_constants,\"a\"\n";
  uint64_t offset = 0;
  for (const ExternalConstant &constant : constants) {
    uint64_t padding = llvm::alignTo(offset, constant.alignment) - offset;
    data.write_zeros(padding);
    offset += padding;
    data << constant.bytes;
    assembly << "  .p2align " << llvm::Log2_64(constant.alignment) << "\n"
             << "  .globl " << constant.symbol << "\n"
             << "  .hidden " << constant.symbol << "\n"
             << "  .type " << constant.symbol << ", %object\n"
             << "  .size " << constant.symbol << ", " << constant.bytes.size()
             << "\n"
             << constant.symbol << ":\n"
             << "  .incbin \"" << dataPath << "\", " << offset << ", "
             << constant.bytes.size() << "\n";
    offset += constant.bytes.size();
  }
  data.close();
  assembly.close();
  if (data.has_error() || assembly.has_error())
    return makeError("cannot write the constant data to '" + directory + "'");

  std::string clang = TESSERA_CLANG_PATH;
  std::string targetFlag = "--target=" + triple.str();
  llvm::StringRef args[] = {clang,        targetFlag, "-c",
                            assemblyPath, "-o",       objectPath};
  std::string message;
  if (llvm::sys::ExecuteAndWait(clang, args, std::nullopt, {}, 0, 0,
                                &message) != 0)
    return makeError("assembling the constant data failed" +
                     (message.empty() ? "" : ": " + message));
  return Error::success();
}
