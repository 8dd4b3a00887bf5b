//===- Codegen.cpp - LLVM dialect to machine code -------------------------===//

#include "tessera/Target/LLVM/Codegen.h"

#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/Bitcode/BitcodeWriter.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/SubtargetFeature.h"
#include "llvm/Transforms/Utils/SplitModule.h"

using namespace llvm;

static Error makeError(const Twine &message) {
  return createStringError(inconvertibleErrorCode(), message);
}

static CodeGenOptLevel getCodeGenOptLevel(unsigned optLevel) {
  switch (optLevel) {
  case 0:
    return CodeGenOptLevel::None;
  case 1:
    return CodeGenOptLevel::Less;
  case 2:
    return CodeGenOptLevel::Default;
  default:
    return CodeGenOptLevel::Aggressive;
  }
}

int64_t tessera::getVectorLanes32(const TargetMachine &targetMachine) {
  const MCSubtargetInfo *subtarget = targetMachine.getMCSubtargetInfo();
  if (targetMachine.getTargetTriple().isX86() && subtarget) {
    if (subtarget->checkFeatures("+avx512f"))
      return 16;
    if (subtarget->checkFeatures("+avx2"))
      return 8;
  }
  return 4;
}

bool tessera::isHostCompatible(const Triple &triple) {
  Triple host(sys::getProcessTriple());
  return triple.getArch() == host.getArch() && triple.getOS() == host.getOS();
}

Expected<std::unique_ptr<TargetMachine>>
tessera::createTargetMachine(const TargetOptions &options, unsigned optLevel) {
  InitializeAllTargetInfos();
  InitializeAllTargets();
  InitializeAllTargetMCs();
  InitializeAllAsmPrinters();

  Triple triple(Triple::normalize(
      options.triple.empty() ? sys::getProcessTriple() : options.triple));
  std::string lookupError;
  const Target *target = TargetRegistry::lookupTarget(triple, lookupError);
  if (!target)
    return makeError("unknown target '" + options.triple + "': " + lookupError);

  bool host = options.triple.empty() || isHostCompatible(triple);
  std::string cpu = options.cpu;
  SubtargetFeatures features;
  if (cpu.empty() || cpu == "native") {
    cpu = host ? sys::getHostCPUName().str() : "generic";
    if (host)
      for (const auto &feature : sys::getHostCPUFeatures())
        features.AddFeature(feature.getKey(), feature.getValue());
  }
  if (!options.features.empty())
    for (StringRef feature : split(options.features, ',')) {
      if (feature.empty() ||
          (!feature.starts_with("+") && !feature.starts_with("-")))
        return makeError("bad target feature '" + feature +
                         "': expected +name or -name");
      features.AddFeature(feature);
    }

  std::unique_ptr<MCSubtargetInfo> subtarget(
      target->createMCSubtargetInfo(triple, cpu, ""));
  if (!subtarget || !subtarget->isCPUStringValid(cpu))
    return makeError("unknown CPU '" + cpu + "' for target '" + triple.str() +
                     "'");
  if (!options.features.empty())
    for (StringRef feature : split(options.features, ','))
      if (llvm::none_of(subtarget->getAllProcessorFeatures(),
                        [&](const SubtargetFeatureKV &known) {
                          return feature.drop_front() == known.Key;
                        }))
        return makeError("unknown feature '" + feature.drop_front() +
                         "' for target '" + triple.str() + "'");

  // Multiply-adds become fused multiply-adds, as in every deep learning
  // library: one rounding instead of two, and twice the throughput.
  llvm::TargetOptions targetOptions;
  targetOptions.AllowFPOpFusion = FPOpFusion::Fast;
  std::unique_ptr<TargetMachine> machine(target->createTargetMachine(
      triple, cpu, features.getString(), targetOptions, Reloc::PIC_,
      std::nullopt, getCodeGenOptLevel(optLevel)));
  if (!machine)
    return makeError("cannot create a target machine for '" + triple.str() +
                     "'");
  return machine;
}

Expected<std::unique_ptr<Module>>
tessera::translateToLLVMIR(mlir::ModuleOp module, LLVMContext &context,
                           TargetMachine &targetMachine, unsigned optLevel,
                           bool optimize) {
  std::unique_ptr<Module> llvmModule =
      mlir::translateModuleToLLVMIR(module, context);
  if (!llvmModule)
    return makeError("translation of the LLVM dialect to LLVM IR failed");
  llvmModule->setTargetTriple(targetMachine.getTargetTriple());
  llvmModule->setDataLayout(targetMachine.createDataLayout());
  if (optimize)
    if (Error error = mlir::makeOptimizingTransformer(
            optLevel, /*sizeLevel=*/0, &targetMachine)(llvmModule.get()))
      return std::move(error);
  return llvmModule;
}

Error tessera::emitObjectsInParallel(
    Module &module, unsigned optLevel,
    function_ref<Expected<std::unique_ptr<TargetMachine>>()> createMachine,
    ArrayRef<std::string> objectPaths) {
  // Each part crosses to its thread as bitcode: a context is not shared.
  SmallVector<SmallVector<char, 0>> parts;
  SplitModule(module, objectPaths.size(), [&](std::unique_ptr<Module> part) {
    raw_svector_ostream os(parts.emplace_back());
    WriteBitcodeToFile(*part, os);
  });
  // Target machines come from one thread: their creation reads the host.
  SmallVector<std::unique_ptr<TargetMachine>> machines;
  for (size_t i = 0; i < parts.size(); ++i) {
    Expected<std::unique_ptr<TargetMachine>> machine = createMachine();
    if (!machine)
      return machine.takeError();
    machines.push_back(std::move(*machine));
  }
  SmallVector<std::string> failures(parts.size());
  DefaultThreadPool pool(hardware_concurrency(parts.size()));
  for (size_t i = 0; i < parts.size(); ++i)
    pool.async([&, i] {
      LLVMContext context;
      Expected<std::unique_ptr<Module>> part = parseBitcodeFile(
          MemoryBufferRef(StringRef(parts[i].data(), parts[i].size()), "part"),
          context);
      Error error = part.takeError();
      if (!error)
        error = mlir::makeOptimizingTransformer(optLevel, /*sizeLevel=*/0,
                                                machines[i].get())(part->get());
      if (!error) {
        std::error_code ec;
        raw_fd_ostream os(objectPaths[i], ec);
        error = ec ? makeError("cannot write '" + objectPaths[i] +
                               "': " + ec.message())
                   : emitMachineCode(**part, *machines[i],
                                     CodeGenFileType::ObjectFile, os);
      }
      if (error)
        failures[i] = toString(std::move(error));
    });
  pool.wait();
  for (const std::string &failure : failures)
    if (!failure.empty())
      return makeError(failure);
  return Error::success();
}

Error tessera::emitMachineCode(Module &module, TargetMachine &targetMachine,
                               CodeGenFileType fileType,
                               raw_pwrite_stream &os) {
  legacy::PassManager passes;
  if (targetMachine.addPassesToEmitFile(passes, os, nullptr, fileType))
    return makeError("the target cannot emit this file type");
  passes.run(module);
  return Error::success();
}

Error tessera::linkSharedLibrary(ArrayRef<std::string> objectPaths,
                                 StringRef outputPath, const Triple &triple,
                                 bool openMP) {
  std::string clang = TESSERA_CLANG_PATH;
  std::string targetFlag = "--target=" + triple.str();
  SmallVector<StringRef> args = {clang,          targetFlag, "-shared",
                                 "-fuse-ld=lld", "-o",       outputPath};
  llvm::append_range(args, objectPaths);
  args.push_back("-lm");
  std::string rpath = "-Wl,-rpath," TESSERA_LLVM_LIBRARY_DIR;
  if (openMP) {
    args.append({"-L" TESSERA_LLVM_LIBRARY_DIR, "-lomp"});
    args.push_back(rpath);
  }
  SmallString<128> logPath;
  if (std::error_code ec =
          sys::fs::createTemporaryFile("tessera-link", "log", logPath))
    return makeError("cannot create a temporary file: " + ec.message());
  FileRemover removeLog(logPath);
  std::optional<StringRef> redirects[] = {std::nullopt, logPath.str(),
                                          logPath.str()};
  std::string message;
  int status =
      sys::ExecuteAndWait(clang, args, std::nullopt, redirects,
                          /*SecondsToWait=*/0, /*MemoryLimit=*/0, &message);
  if (status != 0) {
    std::string log;
    if (auto buffer = MemoryBuffer::getFile(logPath))
      log = (*buffer)->getBuffer().str();
    return makeError("linking '" + outputPath + "' failed" +
                     (message.empty() ? "" : ": " + message) + "\n" + log);
  }
  return Error::success();
}
