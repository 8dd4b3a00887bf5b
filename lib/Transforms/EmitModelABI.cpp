//===- EmitModelABI.cpp - The compiled module's C entry points ------------===//
//
// The runtime loads any compiled model through three fixed symbols, so the
// model's own signature (which depends on its inputs' ranks and the memref
// descriptor layout) stays internal to the module.
//
//===----------------------------------------------------------------------===//

#include "ModelInterface.h"
#include "tessera/Transforms/Passes.h"

#include "mlir/Dialect/OpenMP/OpenMPDialect.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/JSON.h"

namespace tessera {
#define GEN_PASS_DEF_EMITMODELABI
#include "tessera/Transforms/Passes.h.inc"
} // namespace tessera

using namespace mlir;

std::optional<StringRef> tessera::getDTypeName(Type type) {
  if (type.isF16())
    return StringRef("float16");
  if (type.isBF16())
    return StringRef("bfloat16");
  if (type.isF32())
    return StringRef("float32");
  if (type.isF64())
    return StringRef("float64");
  auto integer = dyn_cast<IntegerType>(type);
  if (!integer)
    return std::nullopt;
  switch (integer.getWidth()) {
  case 1:
    return StringRef("bool");
  case 8:
    return StringRef(integer.isUnsigned() ? "uint8" : "int8");
  case 16:
    return StringRef(integer.isUnsigned() ? "uint16" : "int16");
  case 32:
    return StringRef(integer.isUnsigned() ? "uint32" : "int32");
  case 64:
    return StringRef(integer.isUnsigned() ? "uint64" : "int64");
  default:
    return std::nullopt;
  }
}

FailureOr<DictionaryAttr> tessera::getModelInterface(ModuleOp module) {
  auto interface = module->getAttrOfType<DictionaryAttr>(kInterfaceAttrName);
  if (!interface)
    return module.emitError() << "missing '" << kInterfaceAttrName
                              << "' (run tessera-record-model-interface first)";
  return interface;
}

namespace {

constexpr int64_t kABIVersion = 1;

FailureOr<llvm::json::Array> describeTensors(Operation *anchor,
                                             ArrayAttr entries) {
  llvm::json::Array tensors;
  for (Attribute entry : entries) {
    auto dict = cast<DictionaryAttr>(entry);
    StringRef name = dict.getAs<StringAttr>("name").getValue();
    auto type = cast<RankedTensorType>(dict.getAs<TypeAttr>("type").getValue());
    std::optional<StringRef> dtype =
        tessera::getDTypeName(type.getElementType());
    if (!dtype)
      return anchor->emitError()
             << "model input or output '" << name << "' has element type "
             << type.getElementType() << ", which the runtime does not support";
    llvm::json::Array shape;
    for (int64_t dim : type.getShape())
      shape.push_back(ShapedType::isDynamic(dim) ? int64_t(-1) : dim);
    tensors.push_back(llvm::json::Object{
        {"name", name}, {"dtype", *dtype}, {"shape", std::move(shape)}});
  }
  return tensors;
}

struct EmitModelABIPass : tessera::impl::EmitModelABIBase<EmitModelABIPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    FailureOr<DictionaryAttr> maybeInterface =
        tessera::getModelInterface(module);
    if (failed(maybeInterface))
      return signalPassFailure();
    DictionaryAttr interface = *maybeInterface;
    StringRef entryName = interface.getAs<StringAttr>("function").getValue();
    auto inputs = interface.getAs<ArrayAttr>("inputs");
    auto outputs = interface.getAs<ArrayAttr>("outputs");
    auto entry = module.lookupSymbol<LLVM::LLVMFuncOp>(entryName);
    auto wrapper = module.lookupSymbol<LLVM::LLVMFuncOp>(
        ("_mlir_ciface_" + entryName).str());
    if (!entry || !wrapper || entry.isExternal()) {
      module.emitError() << "the model function '" << entryName
                         << "' and its C interface must be lowered to the "
                            "LLVM dialect first";
      return signalPassFailure();
    }
    int64_t workspaceBytes = 0;
    if (auto bytes =
            entry->getAttrOfType<IntegerAttr>(tessera::kWorkspaceBytesAttrName))
      workspaceBytes = bytes.getInt();
    unsigned resultPointers = outputs.empty() ? 0 : 1;
    unsigned expectedParams =
        resultPointers + inputs.size() + (workspaceBytes > 0 ? 1 : 0);
    if (wrapper.getNumArguments() != expectedParams) {
      wrapper.emitError() << "expected " << expectedParams
                          << " parameters in the model's C interface";
      return signalPassFailure();
    }

    llvm::json::Array checkMessages;
    LLVM::LLVMFuncOp checksWrapper;
    if (auto checks = interface.getAs<ArrayAttr>("checks")) {
      for (Attribute message : checks)
        checkMessages.push_back(cast<StringAttr>(message).getValue());
      StringRef checksName =
          interface.getAs<StringAttr>("checks_function").getValue();
      checksWrapper = module.lookupSymbol<LLVM::LLVMFuncOp>(
          ("_mlir_ciface_" + checksName).str());
      if (!checksWrapper || checksWrapper.getNumArguments() != inputs.size()) {
        module.emitError() << "the shape checks '" << checksName
                           << "' must be lowered with their C interface";
        return signalPassFailure();
      }
    }
    FailureOr<llvm::json::Array> inputJson = describeTensors(module, inputs);
    FailureOr<llvm::json::Array> outputJson = describeTensors(module, outputs);
    if (failed(inputJson) || failed(outputJson))
      return signalPassFailure();
    llvm::json::Object metadata{{"abi_version", kABIVersion},
                                {"name", entryName},
                                {"target", targetTriple},
                                {"workspace_bytes", workspaceBytes},
                                {"inputs", std::move(*inputJson)},
                                {"outputs", std::move(*outputJson)},
                                {"checks", std::move(checkMessages)}};

    // Only the ABI's entry points stay visible.
    for (auto function : module.getOps<LLVM::LLVMFuncOp>())
      if (!function.isExternal())
        function.setLinkage(LLVM::Linkage::Internal);

    OpBuilder builder = OpBuilder::atBlockEnd(module.getBody());
    buildMetadataFunction(
        builder, module.getLoc(),
        llvm::formatv("{0}", llvm::json::Value(std::move(metadata))).str());
    buildRunFunction(builder, module.getLoc(), wrapper, checksWrapper, entry,
                     inputs.size(), outputs.size(), workspaceBytes);
    buildSetNumThreadsFunction(builder, module);
  }

  void buildMetadataFunction(OpBuilder &builder, Location loc, StringRef json) {
    MLIRContext *context = builder.getContext();
    auto pointerType = LLVM::LLVMPointerType::get(context);
    auto function =
        LLVM::LLVMFuncOp::create(builder, loc, "tessera_model_metadata",
                                 LLVM::LLVMFunctionType::get(pointerType, {}));
    OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPointToStart(function.addEntryBlock(builder));
    // A C string: the terminator is part of the global.
    std::string text = json.str();
    text.push_back('\0');
    Value global =
        LLVM::createGlobalString(loc, builder, "tessera_model_metadata_json",
                                 text, LLVM::Linkage::Internal);
    LLVM::ReturnOp::create(builder, loc, global);
  }

  /// tessera_model_run(void **inputs, void **outputs, void *workspace):
  /// returns the shape checks' status when one fails, else runs the model.
  void buildRunFunction(OpBuilder &builder, Location loc,
                        LLVM::LLVMFuncOp wrapper,
                        LLVM::LLVMFuncOp checksWrapper, LLVM::LLVMFuncOp entry,
                        unsigned numInputs, unsigned numOutputs,
                        int64_t workspaceBytes) {
    MLIRContext *context = builder.getContext();
    auto pointerType = LLVM::LLVMPointerType::get(context);
    auto i32Type = IntegerType::get(context, 32);
    auto i64Type = IntegerType::get(context, 64);
    auto function = LLVM::LLVMFuncOp::create(
        builder, loc, "tessera_model_run",
        LLVM::LLVMFunctionType::get(i32Type,
                                    {pointerType, pointerType, pointerType}));
    OpBuilder::InsertionGuard guard(builder);
    Block *body = function.addEntryBlock(builder);
    builder.setInsertionPointToStart(body);
    Value inputArray = body->getArgument(0);
    Value outputArray = body->getArgument(1);
    Value workspace = body->getArgument(2);
    Value one = LLVM::ConstantOp::create(builder, loc, i64Type,
                                         builder.getI64IntegerAttr(1));

    auto loadPointer = [&](Value array, unsigned index) -> Value {
      Value slot =
          LLVM::GEPOp::create(builder, loc, pointerType, pointerType, array,
                              ArrayRef<LLVM::GEPArg>{int32_t(index)});
      return LLVM::LoadOp::create(builder, loc, pointerType, slot);
    };

    SmallVector<Value> inputDescriptors;
    for (unsigned i = 0; i < numInputs; ++i)
      inputDescriptors.push_back(loadPointer(inputArray, i));
    if (checksWrapper) {
      Value status =
          LLVM::CallOp::create(builder, loc, checksWrapper, inputDescriptors)
              .getResult();
      Value zero = LLVM::ConstantOp::create(builder, loc, i32Type,
                                            builder.getI32IntegerAttr(0));
      Value failed = LLVM::ICmpOp::create(builder, loc, LLVM::ICmpPredicate::ne,
                                          status, zero);
      Block *failure = function.addBlock();
      Block *model = function.addBlock();
      LLVM::CondBrOp::create(builder, loc, failed, failure, model);
      builder.setInsertionPointToStart(failure);
      LLVM::ReturnOp::create(builder, loc, status);
      builder.setInsertionPointToStart(model);
    }

    SmallVector<Value> arguments;
    Type resultType = entry.getFunctionType().getReturnType();
    Value resultSlot;
    if (numOutputs > 0) {
      resultSlot =
          LLVM::AllocaOp::create(builder, loc, pointerType, resultType, one);
      arguments.push_back(resultSlot);
    }
    llvm::append_range(arguments, inputDescriptors);
    if (workspaceBytes > 0)
      arguments.push_back(
          buildWorkspaceDescriptor(builder, loc, workspace, workspaceBytes));
    LLVM::CallOp::create(builder, loc, wrapper, arguments);

    if (numOutputs > 0) {
      Value results =
          LLVM::LoadOp::create(builder, loc, resultType, resultSlot);
      for (unsigned j = 0; j < numOutputs; ++j) {
        Value descriptor =
            numOutputs == 1 ? results
                            : LLVM::ExtractValueOp::create(
                                  builder, loc, results, ArrayRef<int64_t>{j});
        LLVM::StoreOp::create(builder, loc, descriptor,
                              loadPointer(outputArray, j));
      }
    }
    Value success = LLVM::ConstantOp::create(builder, loc, i32Type,
                                             builder.getI32IntegerAttr(0));
    LLVM::ReturnOp::create(builder, loc, success);
  }

  /// A rank-1 i8 memref descriptor {workspace, workspace, 0, [bytes], [1}}.
  Value buildWorkspaceDescriptor(OpBuilder &builder, Location loc,
                                 Value workspace, int64_t bytes) {
    MLIRContext *context = builder.getContext();
    auto pointerType = LLVM::LLVMPointerType::get(context);
    auto i64Type = IntegerType::get(context, 64);
    auto arrayType = LLVM::LLVMArrayType::get(i64Type, 1);
    auto descriptorType = LLVM::LLVMStructType::getLiteral(
        context, {pointerType, pointerType, i64Type, arrayType, arrayType});
    auto constant = [&](int64_t value) -> Value {
      return LLVM::ConstantOp::create(builder, loc, i64Type,
                                      builder.getI64IntegerAttr(value));
    };
    Value descriptor = LLVM::UndefOp::create(builder, loc, descriptorType);
    descriptor = LLVM::InsertValueOp::create(builder, loc, descriptor,
                                             workspace, ArrayRef<int64_t>{0});
    descriptor = LLVM::InsertValueOp::create(builder, loc, descriptor,
                                             workspace, ArrayRef<int64_t>{1});
    descriptor = LLVM::InsertValueOp::create(builder, loc, descriptor,
                                             constant(0), ArrayRef<int64_t>{2});
    descriptor = LLVM::InsertValueOp::create(
        builder, loc, descriptor, constant(bytes), ArrayRef<int64_t>{3, 0});
    descriptor = LLVM::InsertValueOp::create(
        builder, loc, descriptor, constant(1), ArrayRef<int64_t>{4, 0});
    Value slot = LLVM::AllocaOp::create(builder, loc, pointerType,
                                        descriptorType, constant(1));
    LLVM::StoreOp::create(builder, loc, descriptor, slot);
    return slot;
  }

  void buildSetNumThreadsFunction(OpBuilder &builder, ModuleOp module) {
    MLIRContext *context = builder.getContext();
    Location loc = module.getLoc();
    auto i32Type = IntegerType::get(context, 32);
    auto voidType = LLVM::LLVMVoidType::get(context);
    bool usesOpenMP = false;
    module.walk([&](Operation *op) {
      if (isa<omp::OpenMPDialect>(op->getDialect()))
        usesOpenMP = true;
    });
    LLVM::LLVMFuncOp setThreads;
    if (usesOpenMP) {
      setThreads = module.lookupSymbol<LLVM::LLVMFuncOp>("omp_set_num_threads");
      if (!setThreads)
        setThreads = LLVM::LLVMFuncOp::create(
            builder, loc, "omp_set_num_threads",
            LLVM::LLVMFunctionType::get(voidType, {i32Type}));
    }
    auto function = LLVM::LLVMFuncOp::create(
        builder, loc, "tessera_model_set_num_threads",
        LLVM::LLVMFunctionType::get(voidType, {i32Type}));
    OpBuilder::InsertionGuard guard(builder);
    Block *body = function.addEntryBlock(builder);
    builder.setInsertionPointToStart(body);
    if (setThreads)
      LLVM::CallOp::create(builder, loc, setThreads,
                           ValueRange{body->getArgument(0)});
    LLVM::ReturnOp::create(builder, loc, ValueRange());
  }
};

} // namespace
