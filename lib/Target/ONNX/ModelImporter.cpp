//===- ModelImporter.cpp - Build a func.func of graph ops from ONNX -------===//

#include "ModelImporter.h"

#include "tessera/Dialect/Graph/IR/Graph.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/StringSet.h"

#include "onnx/onnx_pb.h"

using namespace mlir;
using namespace tessera;
using namespace tessera::onnx_import;

ModelImporter::ModelImporter(MLIRContext *context,
                             const ONNXImportOptions &options,
                             StringRef modelName)
    : context(context), options(options), modelName(modelName.str()) {}

Location ModelImporter::nodeLocation(StringRef name, StringRef opType) {
  // loc(fused<"Conv">["conv1"]): the node's op type and name.
  return FusedLoc::get(context, {NameLoc::get(StringAttr::get(context, name))},
                       StringAttr::get(context, opType));
}

static StringRef dataTypeName(int32_t dataType) {
  if (onnx::TensorProto::DataType_IsValid(dataType))
    return onnx::TensorProto::DataType_Name(
        static_cast<onnx::TensorProto::DataType>(dataType));
  return "UNKNOWN";
}

Type ModelImporter::convertType(const onnx::TypeProto &type, Location loc) {
  if (!type.has_tensor_type()) {
    emitError(loc) << "sequence, map and optional values are not supported "
                      "(only tensors are)";
    return nullptr;
  }
  const onnx::TypeProto::Tensor &tensor = type.tensor_type();
  Type elementType = convertDataType(tensor.elem_type(), context);
  if (!elementType) {
    emitError(loc) << "element type " << dataTypeName(tensor.elem_type())
                   << " is not supported";
    return nullptr;
  }
  if (!tensor.has_shape())
    return nullptr; // Unknown rank.
  SmallVector<int64_t> shape;
  for (const auto &dim : tensor.shape().dim())
    shape.push_back(dim.has_dim_value() && dim.dim_value() >= 0
                        ? dim.dim_value()
                        : ShapedType::kDynamic);
  return RankedTensorType::get(shape, elementType);
}

/// Copies `values` converted to `T` into `bytes`.
template <typename T, typename Range>
static void appendAs(const Range &values, std::vector<char> &bytes) {
  for (auto value : values) {
    T converted = static_cast<T>(value);
    const char *raw = reinterpret_cast<const char *>(&converted);
    bytes.insert(bytes.end(), raw, raw + sizeof(T));
  }
}

ElementsAttr ModelImporter::convertTensor(const onnx::TensorProto &tensor,
                                          Location loc) {
  Type elementType = convertDataType(tensor.data_type(), context);
  if (!elementType) {
    emitError(loc) << "tensor '" << tensor.name() << "' has element type "
                   << dataTypeName(tensor.data_type())
                   << ", which is not supported";
    return nullptr;
  }
  SmallVector<int64_t> shape(tensor.dims().begin(), tensor.dims().end());
  auto type = RankedTensorType::get(shape, elementType);
  int64_t numElements = type.getNumElements();
  unsigned byteWidth =
      elementType.isInteger(1) ? 1 : elementType.getIntOrFloatBitWidth() / 8;

  // The little-endian bytes of every element, whichever field holds them.
  std::vector<char> bytes;
  if (tensor.has_raw_data()) {
    const std::string &raw = tensor.raw_data();
    bytes.assign(raw.begin(), raw.end());
  } else {
    switch (tensor.data_type()) {
    case onnx::TensorProto::FLOAT:
      appendAs<float>(tensor.float_data(), bytes);
      break;
    case onnx::TensorProto::DOUBLE:
      appendAs<double>(tensor.double_data(), bytes);
      break;
    case onnx::TensorProto::INT64:
      appendAs<int64_t>(tensor.int64_data(), bytes);
      break;
    case onnx::TensorProto::UINT32:
      appendAs<uint32_t>(tensor.uint64_data(), bytes);
      break;
    case onnx::TensorProto::UINT64:
      appendAs<uint64_t>(tensor.uint64_data(), bytes);
      break;
    case onnx::TensorProto::INT32:
      appendAs<int32_t>(tensor.int32_data(), bytes);
      break;
    case onnx::TensorProto::INT16:
    case onnx::TensorProto::UINT16:
    case onnx::TensorProto::FLOAT16:
    case onnx::TensorProto::BFLOAT16:
      appendAs<uint16_t>(tensor.int32_data(), bytes);
      break;
    case onnx::TensorProto::INT8:
    case onnx::TensorProto::UINT8:
    case onnx::TensorProto::BOOL:
      appendAs<uint8_t>(tensor.int32_data(), bytes);
      break;
    }
  }
  if (static_cast<int64_t>(bytes.size()) != numElements * byteWidth) {
    emitError(loc) << "tensor '" << tensor.name() << "' of type " << type
                   << " holds " << bytes.size() << " bytes of data, expected "
                   << numElements * byteWidth;
    return nullptr;
  }

  if (elementType.isInteger(1)) {
    SmallVector<bool> values(bytes.begin(), bytes.end());
    return DenseElementsAttr::get(type, ArrayRef<bool>(values));
  }
  if (numElements <= options.denseElementLimit)
    return DenseElementsAttr::getFromRawBuffer(type, bytes);
  // Weights: a blob printed apart from the IR, not a textual hex dump.
  auto blob = HeapAsmResourceBlob::allocateAndCopyWithAlign(
      ArrayRef<char>(bytes), byteWidth);
  return DenseResourceElementsAttr::get(
      type, tensor.name().empty() ? "tensor" : tensor.name(), std::move(blob));
}

OwningOpRef<ModuleOp>
ModelImporter::importModel(const onnx::ModelProto &model,
                           int64_t opsetVersion) {
  const onnx::GraphProto &graph = model.graph();
  Location modelLoc = FileLineColLoc::get(context, modelName, 0, 0);
  const ConverterRegistry &registry = getConverterRegistry();

  // Unnamed nodes are called after their op type and position.
  auto nodeName = [&](int index) {
    const onnx::NodeProto &node = graph.node(index);
    return node.name().empty() ? node.op_type() + "_" + std::to_string(index)
                               : node.name();
  };

  // One error for every unsupported operator, before converting anything.
  std::map<std::string, SmallVector<std::string>> unsupported;
  for (int index = 0; index < graph.node_size(); ++index) {
    const onnx::NodeProto &node = graph.node(index);
    bool defaultDomain = node.domain().empty() || node.domain() == "ai.onnx";
    if (defaultDomain && registry.lookup(node.op_type()))
      continue;
    int64_t version = opsetVersion;
    if (!defaultDomain)
      for (const auto &import : model.opset_import())
        if (import.domain() == node.domain())
          version = import.version();
    std::string key = (defaultDomain ? "ai.onnx" : node.domain()) + "::" +
                      node.op_type() + " (opset " + std::to_string(version) +
                      ")";
    unsupported[key].push_back(nodeName(index));
  }
  if (!unsupported.empty()) {
    InFlightDiagnostic diag = emitError(modelLoc)
                              << "unsupported ONNX operators:";
    for (const auto &[op, names] : unsupported) {
      diag << "\n  " << op << ": " << names.size() << " node(s)";
      for (size_t i = 0; i < std::min<size_t>(names.size(), 5); ++i)
        diag << (i ? ", '" : " '") << names[i] << "'";
      if (names.size() > 5)
        diag << ", ...";
    }
    return nullptr;
  }

  for (const auto *list : {&graph.input(), &graph.value_info(),
                           &graph.output()})
    for (const onnx::ValueInfoProto &info : *list)
      if (info.type().has_tensor_type())
        if (Type type = convertDataType(
                info.type().tensor_type().elem_type(), context);
            type && info.type().tensor_type().has_shape()) {
          SmallVector<int64_t> shape;
          for (const auto &dim : info.type().tensor_type().shape().dim())
            shape.push_back(dim.has_dim_value() ? dim.dim_value()
                                                : ShapedType::kDynamic);
          inferredTypes[info.name()] = RankedTensorType::get(shape, type);
        }

  OpBuilder builder(context);
  OwningOpRef<ModuleOp> module = ModuleOp::create(modelLoc);
  builder.setInsertionPointToEnd(module->getBody());

  // Inputs that are also initializers are constants (IR version < 4 lists
  // every initializer as an input).
  llvm::StringSet<> initializerNames;
  for (const onnx::TensorProto &tensor : graph.initializer())
    initializerNames.insert(tensor.name());
  SmallVector<Type> argTypes;
  SmallVector<Attribute> argNames;
  for (const onnx::ValueInfoProto &input : graph.input()) {
    if (initializerNames.contains(input.name()))
      continue;
    Location inputLoc = NameLoc::get(StringAttr::get(context, input.name()));
    Type type = convertType(input.type(), inputLoc);
    if (!type) {
      emitError(inputLoc) << "graph input '" << input.name()
                          << "' must be a tensor of known rank";
      return nullptr;
    }
    argTypes.push_back(type);
    argNames.push_back(builder.getStringAttr(input.name()));
  }

  auto func = func::FuncOp::create(builder, modelLoc, options.functionName,
                                   builder.getFunctionType(argTypes, {}));
  Block *entry = func.addEntryBlock();
  for (auto [index, name] : llvm::enumerate(argNames)) {
    func.setArgAttr(index, "graph.name", name);
    mapValue(cast<StringAttr>(name).getValue(), entry->getArgument(index));
  }
  builder.setInsertionPointToStart(entry);

  for (const onnx::TensorProto &tensor : graph.initializer()) {
    Location tensorLoc = NameLoc::get(StringAttr::get(context, tensor.name()));
    ElementsAttr value = convertTensor(tensor, tensorLoc);
    if (!value)
      return nullptr;
    mapValue(tensor.name(), graph::ConstantOp::create(builder, tensorLoc, value));
  }

  for (int index = 0; index < graph.node_size(); ++index) {
    const onnx::NodeProto &node = graph.node(index);
    std::string name = nodeName(index);
    Location loc = nodeLocation(name, node.op_type());
    for (const std::string &input : node.input())
      if (!input.empty() && !lookupValue(input))
        return emitError(loc) << "node '" << name << "' (" << node.op_type()
                              << "): input '" << input
                              << "' is neither a graph input, an initializer "
                                 "nor an earlier node's output",
               nullptr;
    NodeImporter nodeImporter(*this, node, builder, loc, opsetVersion);
    if (failed(registry.lookup(node.op_type())(nodeImporter)))
      return nullptr;
  }

  SmallVector<Value> results;
  SmallVector<Attribute> resultNames;
  for (const onnx::ValueInfoProto &output : graph.output()) {
    Value value = lookupValue(output.name());
    if (!value)
      return emitError(modelLoc) << "graph output '" << output.name()
                                 << "' is not produced by any node",
             nullptr;
    results.push_back(value);
    resultNames.push_back(builder.getStringAttr(output.name()));
  }
  func::ReturnOp::create(builder, modelLoc, results);
  func.setType(builder.getFunctionType(argTypes, ValueRange(results).getTypes()));
  for (auto [index, name] : llvm::enumerate(resultNames))
    func.setResultAttr(index, "graph.name", name);

  if (failed(verify(*module)))
    return nullptr;
  return module;
}
