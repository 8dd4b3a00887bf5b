//===- Compiler.cpp - Compile ONNX models ahead of time or in process -----===//

#include "tessera/Compiler/Compiler.h"

#include "tessera/Conversion/Passes.h"
#include "tessera/InitAll.h"
#include "tessera/Pipelines/Pipelines.h"
#include "tessera/Transforms/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/Timer.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <deque>

using namespace mlir;
using llvm::Error;
using llvm::Expected;

std::optional<tessera::CompileStage>
tessera::parseCompileStage(llvm::StringRef name) {
  return llvm::StringSwitch<std::optional<CompileStage>>(name)
      .Case("graph", CompileStage::Graph)
      .Case("te", CompileStage::TE)
      .Case("linalg", CompileStage::Linalg)
      .Case("llvm", CompileStage::LLVMIR)
      .Case("asm", CompileStage::Assembly)
      .Case("obj", CompileStage::Object)
      .Case("so", CompileStage::SharedLibrary)
      .Default(std::nullopt);
}

namespace {

Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

/// An MLIRContext with everything the pipeline and a schedule may use, whose
/// diagnostics are collected into text for llvm::Error.
class CompilerContext {
public:
  CompilerContext() : context(makeRegistry()) {
    context.loadAllAvailableDialects();
    handler = std::make_unique<ScopedDiagnosticHandler>(
        &context, [this](Diagnostic &diagnostic) {
          llvm::raw_string_ostream os(diagnostics);
          os << diagnostic.getLocation() << ": "
             << (diagnostic.getSeverity() == DiagnosticSeverity::Error
                     ? "error: "
                 : diagnostic.getSeverity() == DiagnosticSeverity::Warning
                     ? "warning: "
                     : "note: ")
             << diagnostic << "\n";
          for (Diagnostic &note : diagnostic.getNotes())
            os << note.getLocation() << ": note: " << note << "\n";
          return success();
        });
  }

  /// The diagnostics so far, prefixed by `what`.
  Error takeError(const llvm::Twine &what) {
    std::string text = what.str();
    if (!diagnostics.empty())
      text += ":\n" + diagnostics;
    diagnostics.clear();
    return makeError(llvm::StringRef(text).rtrim());
  }

  MLIRContext context;

private:
  static DialectRegistry makeRegistry() {
    DialectRegistry registry;
    registerAllDialects(registry);
    registerAllExtensions(registry);
    registerAllToLLVMIRTranslations(registry);
    tessera::registerAllDialects(registry);
    return registry;
  }

  std::string diagnostics;
  std::unique_ptr<ScopedDiagnosticHandler> handler;
};

void setPipelineOptions(tessera::CPUPipelineOptions &pipeline,
                        const tessera::CompileOptions &options,
                        const llvm::TargetMachine &targetMachine) {
  const llvm::Triple &triple = targetMachine.getTargetTriple();
  pipeline.scheduleFile = options.schedFile;
  pipeline.vectorWidth = tessera::getVectorLanes32(targetMachine);
  // The OpenMP runtime of this machine exists only for its own target.
  pipeline.openMP = tessera::isHostCompatible(triple);
  pipeline.targetTriple = triple.str();
}

/// Imports the model and lowers it to `stage` (at most the LLVM dialect);
/// `targetMachine` is needed for the stages after Linalg.
Expected<OwningOpRef<ModuleOp>>
importAndLower(CompilerContext &compiler, llvm::StringRef modelPath,
               tessera::CompileStage stage,
               const tessera::CompileOptions &options,
               const llvm::TargetMachine *targetMachine) {
  OwningOpRef<ModuleOp> module =
      tessera::importONNXFile(modelPath, &compiler.context, options.import);
  if (!module)
    return compiler.takeError("cannot import '" + modelPath + "'");

  PassManager pm(&compiler.context);
  switch (stage) {
  case tessera::CompileStage::Graph:
    pm.addPass(createCanonicalizerPass());
    break;
  case tessera::CompileStage::TE:
    pm.addPass(createCanonicalizerPass());
    pm.addPass(tessera::createConvertGraphToTE());
    break;
  case tessera::CompileStage::Linalg:
    tessera::buildGraphToLinalgPipeline(pm);
    break;
  default: {
    tessera::CPUPipelineOptions pipeline;
    setPipelineOptions(pipeline, options, *targetMachine);
    tessera::buildCPUPipeline(pm, pipeline);
    break;
  }
  }
  if (failed(pm.run(*module)))
    return compiler.takeError("cannot compile '" + modelPath + "'");
  return module;
}

void printStats(ModuleOp module, double seconds) {
  int64_t workspaceBytes = 0, weightBytes = 0;
  module.walk([&](Operation *op) {
    if (auto bytes =
            op->getAttrOfType<IntegerAttr>(tessera::kWorkspaceBytesAttrName))
      workspaceBytes = std::max(workspaceBytes, bytes.getInt());
    if (auto global = dyn_cast<LLVM::GlobalOp>(op))
      if (global.getConstant())
        if (auto elements =
                dyn_cast_or_null<ElementsAttr>(global.getValueOrNull()))
          if (elements.getElementType().isIntOrFloat())
            weightBytes +=
                elements.getNumElements() *
                llvm::divideCeil(
                    elements.getElementType().getIntOrFloatBitWidth(), 8);
  });
  auto mib = [](int64_t bytes) { return double(bytes) / (1024.0 * 1024.0); };
  llvm::errs() << llvm::format(
      "peak intermediate memory: %lld bytes (%.2f MiB)\n"
      "constant data: %lld bytes (%.2f MiB)\n"
      "compile time to LLVM dialect: %.2f s\n",
      (long long)workspaceBytes, mib(workspaceBytes), (long long)weightBytes,
      mib(weightBytes), seconds);
}

/// Constants smaller than this stay in the LLVM module.
constexpr int64_t kMinExternalConstantBytes = 1024;

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
      .count();
}

} // namespace

Error tessera::compileONNXFile(llvm::StringRef modelPath,
                               llvm::StringRef outputPath, CompileStage stage,
                               const CompileOptions &options) {
  if (options.optLevel > 3)
    return makeError("--opt-level must be 0, 1, 2 or 3");
  auto start = std::chrono::steady_clock::now();
  bool toMachineCode = stage >= CompileStage::LLVMIR;
  std::unique_ptr<llvm::TargetMachine> targetMachine;
  if (toMachineCode) {
    auto machine = createTargetMachine(options.target, options.optLevel);
    if (!machine)
      return machine.takeError();
    targetMachine = std::move(*machine);
  }
  CompilerContext compiler;
  auto module =
      importAndLower(compiler, modelPath, stage, options, targetMachine.get());
  if (!module)
    return module.takeError();
  if (options.printStats)
    printStats(**module, secondsSince(start));

  if (!toMachineCode || stage == CompileStage::LLVMIR) {
    std::string message;
    auto output = openOutputFile(outputPath, &message);
    if (!output)
      return makeError("cannot write '" + outputPath + "': " + message);
    if (!toMachineCode) {
      (*module)->print(output->os());
    } else {
      llvm::LLVMContext llvmContext;
      auto llvmModule = translateToLLVMIR(**module, llvmContext, *targetMachine,
                                          options.optLevel);
      if (!llvmModule)
        return llvmModule.takeError();
      (*llvmModule)->print(output->os(), nullptr);
    }
    output->keep();
    return Error::success();
  }

  // A shared library gets the weights from an object of raw bytes; the
  // other outputs keep them inline so that they stand alone.
  std::vector<ExternalConstant> constants;
  if (stage == CompileStage::SharedLibrary)
    constants = externalizeConstants(**module, kMinExternalConstantBytes,
                                     ConstantPlacement::SameLibrary);
  // A shared library is compiled in parts, one per core; the other
  // outputs are one module.
  bool parallel = stage == CompileStage::SharedLibrary;
  auto phaseStart = std::chrono::steady_clock::now();
  llvm::LLVMContext llvmContext;
  auto llvmModule = translateToLLVMIR(**module, llvmContext, *targetMachine,
                                      options.optLevel, /*optimize=*/!parallel);
  if (!llvmModule)
    return llvmModule.takeError();

  if (!parallel) {
    std::string message;
    auto output = openOutputFile(outputPath, &message);
    if (!output)
      return makeError("cannot write '" + outputPath + "': " + message);
    if (Error error = emitMachineCode(**llvmModule, *targetMachine,
                                      stage == CompileStage::Object
                                          ? llvm::CodeGenFileType::ObjectFile
                                          : llvm::CodeGenFileType::AssemblyFile,
                                      output->os()))
      return error;
    output->keep();
    return Error::success();
  }

  unsigned numParts =
      std::clamp(llvm::hardware_concurrency().compute_thread_count(), 1u, 8u);
  std::vector<std::string> objects;
  std::deque<llvm::FileRemover> removeObjects;
  for (unsigned part = 0; part < numParts; ++part) {
    llvm::SmallString<128> objectPath;
    if (std::error_code ec = llvm::sys::fs::createTemporaryFile(
            "tessera-model", "o", objectPath))
      return makeError("cannot create a temporary object file: " +
                       ec.message());
    objects.push_back(objectPath.str().str());
    removeObjects.emplace_back(objectPath);
  }
  if (Error error = emitObjectsInParallel(
          **llvmModule, options.optLevel,
          [&] { return createTargetMachine(options.target, options.optLevel); },
          objects))
    return error;
  if (options.printStats)
    llvm::errs() << llvm::format(
        "LLVM optimization and machine code (%u threads): %.2f s\n", numParts,
        secondsSince(phaseStart));
  llvm::SmallString<128> constantsPath;
  std::optional<llvm::FileRemover> removeConstants;
  if (!constants.empty()) {
    if (std::error_code ec = llvm::sys::fs::createTemporaryFile(
            "tessera-constants", "o", constantsPath))
      return makeError("cannot create a temporary object file: " +
                       ec.message());
    removeConstants.emplace(constantsPath);
    if (Error error = writeConstantsObject(
            constants, targetMachine->getTargetTriple(), constantsPath))
      return error;
    objects.push_back(constantsPath.str().str());
  }
  const llvm::Triple &triple = targetMachine->getTargetTriple();
  if (Error error = linkSharedLibrary(objects, outputPath, triple,
                                      isHostCompatible(triple)))
    return error;
  if (options.printStats)
    llvm::errs() << llvm::format("total compile time: %.2f s\n",
                                 secondsSince(start));
  return Error::success();
}

tessera::JITModel::~JITModel() = default;

Expected<std::unique_ptr<tessera::JITModel>>
tessera::JITModel::compileONNXFile(llvm::StringRef modelPath,
                                   const CompileOptions &options) {
  if (!options.target.triple.empty())
    return makeError("in-process compilation targets the host; compile to a "
                     "shared library for --target");
  if (options.optLevel > 3)
    return makeError("--opt-level must be 0, 1, 2 or 3");
  auto start = std::chrono::steady_clock::now();
  auto targetMachine = createTargetMachine(options.target, options.optLevel);
  if (!targetMachine)
    return targetMachine.takeError();
  CompilerContext compiler;
  auto module = importAndLower(compiler, modelPath, CompileStage::SharedLibrary,
                               options, targetMachine->get());
  if (!module)
    return module.takeError();
  if (options.printStats)
    printStats(**module, secondsSince(start));

  // The JIT links the weights from memory instead of compiling them.
  std::unique_ptr<JITModel> model(new JITModel());
  for (ExternalConstant &constant : externalizeConstants(
           **module, kMinExternalConstantBytes, ConstantPlacement::Process)) {
    size_t size = llvm::alignTo(std::max<size_t>(constant.bytes.size(), 1),
                                constant.alignment);
    AlignedBytes storage(
        static_cast<char *>(std::aligned_alloc(constant.alignment, size)));
    std::memcpy(storage.get(), constant.bytes.data(), constant.bytes.size());
    model->constants.emplace_back(constant.symbol, std::move(storage));
  }

  llvm::StringRef openMPRuntime = TESSERA_OPENMP_RUNTIME;
  ExecutionEngineOptions engineOptions;
  auto optimize =
      makeOptimizingTransformer(options.optLevel, 0, targetMachine->get());
  engineOptions.transformer = optimize;
  engineOptions.jitCodeGenOptLevel = (*targetMachine)->getOptLevel();
  engineOptions.sharedLibPaths = openMPRuntime;
  auto engine = ExecutionEngine::create(**module, engineOptions,
                                        std::move(*targetMachine));
  if (!engine)
    return compiler.takeError("cannot JIT-compile '" + modelPath +
                              "': " + llvm::toString(engine.takeError()));

  model->engine = std::move(*engine);
  model->engine->registerSymbols([&](llvm::orc::MangleAndInterner interner) {
    llvm::orc::SymbolMap symbols;
    for (auto &[name, bytes] : model->constants)
      symbols[interner(name)] = {llvm::orc::ExecutorAddr::fromPtr(bytes.get()),
                                 llvm::JITSymbolFlags::Exported};
    return symbols;
  });
  auto lookup = [&](llvm::StringRef name) -> Expected<void *> {
    return model->engine->lookup(name);
  };
  auto metadata = lookup("tessera_model_metadata");
  if (!metadata)
    return metadata.takeError();
  auto run = lookup("tessera_model_run");
  if (!run)
    return run.takeError();
  auto setNumThreads = lookup("tessera_model_set_num_threads");
  if (!setNumThreads)
    return setNumThreads.takeError();
  model->metadata = reinterpret_cast<const char *(*)(void)>(*metadata);
  model->run = reinterpret_cast<int32_t (*)(void **, void **, void *)>(*run);
  model->setNumThreads = reinterpret_cast<void (*)(int32_t)>(*setNumThreads);
  return model;
}
