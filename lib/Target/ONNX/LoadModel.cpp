//===- LoadModel.cpp - Parse, check, convert and shape-infer ONNX models --===//
//
// Everything that touches libonnx's checker, version converter and shape
// inference lives here: they report errors by throwing, so this file is
// compiled with exceptions and turns each into a diagnostic.
//
//===----------------------------------------------------------------------===//

#include "ModelImporter.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "tessera/Dialect/Graph/IR/Graph.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include "onnx/checker.h"
#include "onnx/defs/schema.h"
#include "onnx/onnx_pb.h"
#include "onnx/shape_inference/implementation.h"
#include "onnx/version_converter/convert.h"

#include <exception>
#include <set>

using namespace mlir;
using namespace tessera;
using namespace tessera::onnx_import;

namespace {

bool isDefaultDomain(const std::string &domain) {
  return domain.empty() || domain == "ai.onnx";
}

class ModelLoader {
public:
  ModelLoader(MLIRContext *context, StringRef modelDir, StringRef modelName,
              const ONNXImportOptions &options)
      : context(context), modelDir(modelDir.str()),
        modelName(modelName.str()), options(options),
        loc(FileLineColLoc::get(context, modelName, 0, 0)) {}

  OwningOpRef<ModuleOp> load(StringRef bytes);

private:
  LogicalResult loadExternalData(onnx::TensorProto &tensor);
  LogicalResult loadAllExternalData();
  LogicalResult overrideInputShapes();
  void inferShapes();
  LogicalResult expandFunctions(int64_t opset);
  void reshapeLegacyPReluSlopes();
  std::set<std::string> getLegacyResizeOutputs(int64_t opset);
  void fixConvertedLegacyResizes(const std::set<std::string> &outputs);

  MLIRContext *context;
  std::string modelDir, modelName;
  const ONNXImportOptions &options;
  Location loc;
  onnx::ModelProto model;
};

} // namespace

LogicalResult ModelLoader::loadExternalData(onnx::TensorProto &tensor) {
  if (tensor.data_location() != onnx::TensorProto::EXTERNAL)
    return success();
  std::string location;
  uint64_t offset = 0;
  std::optional<uint64_t> length;
  for (const auto &entry : tensor.external_data()) {
    if (entry.key() == "location")
      location = entry.value();
    else if (entry.key() == "offset" || entry.key() == "length") {
      uint64_t value;
      if (StringRef(entry.value()).getAsInteger(10, value))
        return emitError(loc) << "tensor '" << tensor.name() << "': external "
                              << entry.key() << " '" << entry.value()
                              << "' is not a number";
      (entry.key() == "offset" ? offset : length.emplace()) = value;
    }
  }
  if (location.empty())
    return emitError(loc) << "tensor '" << tensor.name()
                          << "' has external data without a location";
  SmallString<256> path(modelDir);
  llvm::sys::path::append(path, location);
  auto file = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                          /*RequiresNullTerminator=*/false);
  if (!file)
    return emitError(loc) << "tensor '" << tensor.name()
                          << "': cannot read external data file '" << path
                          << "': " << file.getError().message();
  uint64_t size = (*file)->getBufferSize();
  uint64_t count = length ? *length : size - std::min(offset, size);
  if (offset > size || count > size - offset)
    return emitError(loc) << "tensor '" << tensor.name() << "': external data ["
                          << offset << ", " << offset + count
                          << ") lies outside '" << path << "' (" << size
                          << " bytes)";
  tensor.set_raw_data((*file)->getBufferStart() + offset, count);
  tensor.clear_external_data();
  tensor.set_data_location(onnx::TensorProto::DEFAULT);
  return success();
}

LogicalResult ModelLoader::loadAllExternalData() {
  onnx::GraphProto *graph = model.mutable_graph();
  for (onnx::TensorProto &tensor : *graph->mutable_initializer())
    if (failed(loadExternalData(tensor)))
      return failure();
  for (onnx::NodeProto &node : *graph->mutable_node())
    for (onnx::AttributeProto &attr : *node.mutable_attribute())
      if (attr.has_t() && failed(loadExternalData(*attr.mutable_t())))
        return failure();
  return success();
}

LogicalResult ModelLoader::overrideInputShapes() {
  onnx::GraphProto *graph = model.mutable_graph();
  llvm::StringSet<> initializers;
  for (const onnx::TensorProto &tensor : graph->initializer())
    initializers.insert(tensor.name());
  llvm::StringSet<> overridden;
  for (onnx::ValueInfoProto &input : *graph->mutable_input()) {
    if (initializers.contains(input.name()) ||
        !input.type().has_tensor_type())
      continue;
    onnx::TensorShapeProto *shape =
        input.mutable_type()->mutable_tensor_type()->mutable_shape();
    auto it = options.inputShapes.find(input.name());
    if (it != options.inputShapes.end()) {
      overridden.insert(input.name());
      shape->clear_dim();
      for (int64_t size : it->second) {
        onnx::TensorShapeProto::Dimension *dim = shape->add_dim();
        if (size >= 0)
          dim->set_dim_value(size);
      }
    }
    if (options.dynamicBatch && shape->dim_size() > 0) {
      shape->mutable_dim(0)->clear_dim_value();
      shape->mutable_dim(0)->set_dim_param("batch");
    }
  }
  // Shapes recorded for the old input shapes would contradict the new ones:
  // shape inference derives them again.
  if (!overridden.empty() || options.dynamicBatch) {
    graph->clear_value_info();
    for (onnx::ValueInfoProto &output : *graph->mutable_output())
      if (output.type().has_tensor_type())
        output.mutable_type()->mutable_tensor_type()->clear_shape();
  }
  for (const auto &[name, shape] : options.inputShapes)
    if (!overridden.contains(name)) {
      std::string known;
      for (const onnx::ValueInfoProto &input : graph->input())
        if (!initializers.contains(input.name()))
          known += (known.empty() ? "'" : ", '") + input.name() + "'";
      return emitError(loc) << "--input-shape names '" << name
                            << "', which is not an input of the model (inputs: "
                            << known << ")";
    }
  return success();
}

void ModelLoader::inferShapes() {
  try {
    // Data propagation lets Shape -> Gather -> Reshape chains get static
    // shapes.
    onnx::shape_inference::InferShapes(
        model, onnx::OpSchemaRegistry::Instance(),
        onnx::ShapeInferenceOptions(/*check_type=*/false, /*error_mode=*/0,
                                    /*data_prop=*/true));
  } catch (const std::exception &error) {
    // Shape inference only refines types; the graph ops infer their own.
    emitWarning(loc) << "ONNX shape inference stopped early: " << error.what();
  }
}

/// Before opset 7, PRelu's slope of shape [C] applied along the channel
/// axis (1); the version converter keeps the shape, which then broadcasts
/// along the last axis. Reshape such slope initializers to [C, 1, ..., 1].
void ModelLoader::reshapeLegacyPReluSlopes() {
  onnx::GraphProto *graph = model.mutable_graph();
  llvm::StringMap<int> inputRanks;
  for (const onnx::ValueInfoProto &input : graph->input())
    if (input.type().tensor_type().has_shape())
      inputRanks[input.name()] = input.type().tensor_type().shape().dim_size();
  for (const onnx::NodeProto &node : graph->node()) {
    if (node.op_type() != "PRelu" || node.input_size() != 2)
      continue;
    int rank = inputRanks.lookup(node.input(0));
    for (onnx::TensorProto &slope : *graph->mutable_initializer()) {
      if (slope.name() != node.input(1) || slope.dims_size() != 1 ||
          slope.dims(0) == 1 || rank < 3)
        continue;
      for (int dim = 2; dim < rank; ++dim)
        slope.add_dims(1);
      for (onnx::ValueInfoProto &input : *graph->mutable_input())
        if (input.name() == slope.name())
          for (int dim = 2; dim < rank; ++dim)
            input.mutable_type()->mutable_tensor_type()->mutable_shape()
                ->add_dim()->set_dim_value(1);
    }
  }
}

/// Upsample, and Resize before opset 11, sample at asymmetric coordinates
/// with nearest rounding down; libonnx's adapters to Resize-11 leave the
/// defaults (half_pixel, round_prefer_floor). The outputs of such nodes,
/// to find them after conversion.
std::set<std::string> ModelLoader::getLegacyResizeOutputs(int64_t opset) {
  std::set<std::string> outputs;
  for (const onnx::NodeProto &node : model.graph().node())
    if (node.op_type() == "Upsample" ||
        (node.op_type() == "Resize" && opset < 11))
      outputs.insert(node.output(0));
  return outputs;
}

void ModelLoader::fixConvertedLegacyResizes(
    const std::set<std::string> &outputs) {
  for (onnx::NodeProto &node : *model.mutable_graph()->mutable_node()) {
    if (node.op_type() != "Resize" || !outputs.count(node.output(0)))
      continue;
    google::protobuf::RepeatedPtrField<onnx::AttributeProto> attrs;
    for (const onnx::AttributeProto &attr : node.attribute())
      if (attr.name() != "coordinate_transformation_mode" &&
          attr.name() != "nearest_mode")
        *attrs.Add() = attr;
    for (auto [name, value] :
         {std::pair<const char *, const char *>{"coordinate_transformation_mode",
                                                "asymmetric"},
          {"nearest_mode", "floor"}}) {
      onnx::AttributeProto *attr = attrs.Add();
      attr->set_name(name);
      attr->set_type(onnx::AttributeProto::STRING);
      attr->set_s(value);
    }
    *node.mutable_attribute() = std::move(attrs);
  }
}

/// The body of `node`'s function in its op's `schema`, if the schema has
/// one; context-dependent bodies need the input types.
static std::optional<onnx::FunctionProto>
getFunctionBody(const onnx::NodeProto &node, const onnx::OpSchema *schema,
                const llvm::StringMap<const onnx::TypeProto *> &types) {
  if (schema->HasFunction())
    return *schema->GetFunction();
  if (!schema->HasContextDependentFunction())
    return std::nullopt;
  std::vector<onnx::TypeProto> inputTypes;
  for (const std::string &input : node.input()) {
    const onnx::TypeProto *type = types.lookup(input);
    inputTypes.push_back(type ? *type : onnx::TypeProto());
  }
  onnx::FunctionProto body;
  try {
    onnx::FunctionBodyBuildContextImpl buildContext(node, inputTypes);
    if (schema->BuildContextDependentFunction(buildContext, body))
      return body;
  } catch (const std::exception &) {
    // No body for these input types: the node stays, reported unsupported.
  }
  return std::nullopt;
}

/// `body` instantiated for `node`: formal inputs and outputs renamed to the
/// node's, internal values prefixed with `prefix`, attribute references
/// bound to the node's attributes or, where it has none, to the defaults of
/// its op's `schema`.
static std::vector<onnx::NodeProto>
inlineFunction(const onnx::NodeProto &node, const onnx::OpSchema &schema,
               const onnx::FunctionProto &body, const std::string &prefix) {
  std::map<std::string, std::string> rename;
  for (int i = 0; i < body.input_size(); ++i)
    rename[body.input(i)] = i < node.input_size() ? node.input(i) : "";
  for (int i = 0; i < body.output_size(); ++i)
    rename[body.output(i)] = i < node.output_size() ? node.output(i) : "";
  auto renamed = [&](const std::string &name) {
    if (name.empty())
      return name;
    auto it = rename.find(name);
    return it != rename.end() ? it->second : prefix + name;
  };
  std::map<std::string, const onnx::AttributeProto *> callerAttrs;
  for (const auto &[name, attr] : schema.attributes())
    if (attr.default_value.type() != onnx::AttributeProto::UNDEFINED)
      callerAttrs[name] = &attr.default_value;
  for (const onnx::AttributeProto &attr : node.attribute())
    callerAttrs[attr.name()] = &attr;

  std::vector<onnx::NodeProto> inlined;
  for (int index = 0; index < body.node_size(); ++index) {
    const onnx::NodeProto &bodyNode = body.node(index);
    onnx::NodeProto copy = bodyNode;
    for (std::string &input : *copy.mutable_input())
      input = renamed(input);
    for (std::string &output : *copy.mutable_output())
      output = renamed(output);
    copy.set_name(prefix + (bodyNode.name().empty()
                                ? bodyNode.op_type() + "_" +
                                      std::to_string(index)
                                : bodyNode.name()));
    google::protobuf::RepeatedPtrField<onnx::AttributeProto> attrs;
    for (const onnx::AttributeProto &attr : bodyNode.attribute()) {
      if (attr.ref_attr_name().empty()) {
        *attrs.Add() = attr;
        continue;
      }
      auto it = callerAttrs.find(attr.ref_attr_name());
      if (it == callerAttrs.end())
        continue; // Neither set nor defaulted: the body op's default applies.
      onnx::AttributeProto *bound = attrs.Add();
      *bound = *it->second;
      bound->set_name(attr.name());
    }
    *copy.mutable_attribute() = std::move(attrs);
    inlined.push_back(std::move(copy));
  }
  return inlined;
}

/// Replaces every node that has no converter but a function body in its
/// schema (LayerNormalization, SoftmaxCrossEntropyLoss, Celu, ...) by that
/// body. Bodies may call other function ops, whose context-dependent bodies
/// need the types shape inference gives the first body's values: expand one
/// level at a time, inferring shapes in between.
LogicalResult ModelLoader::expandFunctions(int64_t opset) {
  constexpr int kMaxDepth = 8;
  onnx::GraphProto *graph = model.mutable_graph();
  unsigned counter = 0;
  for (int depth = 0; depth < kMaxDepth; ++depth) {
    llvm::StringMap<const onnx::TypeProto *> types;
    for (const auto *list : {&graph->input(), &graph->value_info(),
                             &graph->output()})
      for (const onnx::ValueInfoProto &info : *list)
        types[info.name()] = &info.type();

    bool expanded = false;
    google::protobuf::RepeatedPtrField<onnx::NodeProto> nodes;
    for (const onnx::NodeProto &node : graph->node()) {
      const onnx::OpSchema *schema =
          isDefaultDomain(node.domain()) &&
                  !getConverterRegistry().lookup(node.op_type())
              ? onnx::OpSchemaRegistry::Schema(node.op_type(), opset, "")
              : nullptr;
      std::optional<onnx::FunctionProto> body =
          schema ? getFunctionBody(node, schema, types) : std::nullopt;
      if (!body) {
        *nodes.Add() = node;
        continue;
      }
      expanded = true;
      std::string prefix =
          (node.name().empty() ? node.op_type() : node.name()) + "/" +
          std::to_string(counter++) + "/";
      for (onnx::NodeProto &inlined :
           inlineFunction(node, *schema, *body, prefix))
        *nodes.Add() = std::move(inlined);
    }
    if (!expanded)
      return success();
    *graph->mutable_node() = std::move(nodes);
    graph->clear_value_info();
    inferShapes();
  }
  return emitError(loc) << "function ops nest deeper than " << kMaxDepth
                        << " levels";
}

OwningOpRef<ModuleOp> ModelLoader::load(StringRef bytes) {
  if (bytes.size() > static_cast<size_t>(INT_MAX) ||
      !model.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
    return emitError(loc) << "cannot parse '" << modelName
                          << "' as an ONNX model (truncated, or not an ONNX "
                             "protobuf file)",
           nullptr;
  if (!model.has_graph())
    return emitError(loc) << "'" << modelName << "' has no graph", nullptr;

  int64_t opset = -1;
  for (const onnx::OperatorSetIdProto &import : model.opset_import())
    if (isDefaultDomain(import.domain()))
      opset = import.version();
  if (opset < 0 && model.ir_version() < 3)
    opset = 1; // Before IR version 3, models did not list opset imports.
  if (opset < 0 && llvm::none_of(model.graph().node(), [](const auto &node) {
        return isDefaultDomain(node.domain());
      }))
    opset = kCanonicalOpset; // Only other domains: their nodes are reported.
  auto &versionRanges =
      onnx::OpSchemaRegistry::DomainToVersionRange::Instance().Map();
  int64_t maxOpset = versionRanges.at("").second;
  if (opset < 0)
    return emitError(loc) << "model imports no ai.onnx opset", nullptr;
  if (opset > maxOpset)
    return emitError(loc) << "model uses ai.onnx opset " << opset
                          << ", newer than the newest this build supports ("
                          << maxOpset << ")",
           nullptr;

  if (failed(loadAllExternalData()))
    return nullptr;
  try {
    onnx::checker::check_model(model);
  } catch (const std::exception &error) {
    return emitError(loc) << "invalid ONNX model: " << error.what(), nullptr;
  }

  if (opset != kCanonicalOpset) {
    if (opset < 7)
      reshapeLegacyPReluSlopes();
    std::set<std::string> legacyResizes = getLegacyResizeOutputs(opset);
    try {
      model = onnx::version_conversion::ConvertVersion(model, kCanonicalOpset);
      opset = kCanonicalOpset;
      fixConvertedLegacyResizes(legacyResizes);
    } catch (const std::exception &) {
      // Keep the model's own opset: converters check node versions where
      // semantics changed, and unsupported versions are reported per node.
    }
  }
  if (failed(overrideInputShapes()))
    return nullptr;
  inferShapes();
  if (failed(expandFunctions(opset)))
    return nullptr;
  return ModelImporter(context, options, modelName).importModel(model, opset);
}

OwningOpRef<ModuleOp>
tessera::importONNXBuffer(StringRef bytes, StringRef modelDir,
                          StringRef modelName, MLIRContext *context,
                          const ONNXImportOptions &options) {
  context->loadDialect<func::FuncDialect, graph::GraphDialect>();
  return ModelLoader(context, modelDir, modelName, options).load(bytes);
}

OwningOpRef<ModuleOp> tessera::importONNXFile(StringRef path,
                                              MLIRContext *context,
                                              const ONNXImportOptions &options) {
  auto file = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                          /*RequiresNullTerminator=*/false);
  if (!file)
    return emitError(UnknownLoc::get(context))
               << "cannot read '" << path << "': " << file.getError().message(),
           nullptr;
  return importONNXBuffer((*file)->getBuffer(),
                          llvm::sys::path::parent_path(path), path, context,
                          options);
}
