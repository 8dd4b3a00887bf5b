//===- Translation.cpp - tensor-translate --import-onnx -------------------===//

#include "tessera/Target/ONNX/ImportONNX.h"

#include "tessera/Dialect/Graph/IR/Graph.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;

static llvm::cl::OptionCategory onnxCategory("ONNX import options");

static llvm::cl::list<std::string>
    inputShapes("input-shape",
                llvm::cl::desc("Override an input's shape: name:1x3x224x224 "
                               "(? or -1 for a dynamic dim)"),
                llvm::cl::cat(onnxCategory));

static llvm::cl::opt<bool>
    dynamicBatch("dynamic-batch",
                 llvm::cl::desc("Make dimension 0 of every input dynamic"),
                 llvm::cl::init(false), llvm::cl::cat(onnxCategory));

std::string tessera::addInputShapeOverride(StringRef spec,
                                           ONNXImportOptions &options) {
  auto [name, dims] = spec.rsplit(':');
  if (name.empty() || dims.empty())
    return ("--input-shape '" + spec +
            "' must look like name:1x3x224x224").str();
  SmallVector<int64_t> shape;
  if (dims != "scalar") {
    SmallVector<StringRef> parts;
    dims.split(parts, 'x');
    for (StringRef part : parts) {
      int64_t size;
      if (part == "?")
        size = -1;
      else if (part.getAsInteger(10, size) || size < -1)
        return ("--input-shape '" + spec + "': '" + part +
                "' is not a dimension size")
            .str();
      shape.push_back(size);
    }
  }
  options.inputShapes[name.str()] = shape;
  return "";
}

void tessera::registerONNXImportTranslation() {
  TranslateToMLIRRegistration registration(
      "import-onnx", "Import an ONNX model into the graph dialect",
      [](llvm::SourceMgr &sourceMgr,
         MLIRContext *context) -> OwningOpRef<Operation *> {
        ONNXImportOptions options;
        options.dynamicBatch = dynamicBatch;
        for (const std::string &spec : inputShapes) {
          std::string error = addInputShapeOverride(spec, options);
          if (!error.empty())
            return emitError(UnknownLoc::get(context)) << error, nullptr;
        }
        const llvm::MemoryBuffer *buffer =
            sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID());
        StringRef name = buffer->getBufferIdentifier();
        return importONNXBuffer(buffer->getBuffer(),
                                llvm::sys::path::parent_path(name), name,
                                context, options);
      },
      [](DialectRegistry &registry) {
        registry.insert<func::FuncDialect, graph::GraphDialect>();
      });
}
