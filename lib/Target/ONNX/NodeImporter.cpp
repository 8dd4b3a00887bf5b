//===- NodeImporter.cpp - What an ONNX node converter sees ----------------===//

#include "NodeImporter.h"
#include "ModelImporter.h"

#include "tessera/Dialect/Graph/IR/Graph.h"

#include "onnx/onnx_pb.h"

using namespace mlir;
using namespace tessera;
using namespace tessera::onnx_import;

ConverterRegistry::ConverterRegistry() {
  populateCoreConverters(*this);
  populateElementwiseConverters(*this);
  populateNNConverters(*this);
  populateDataMovementConverters(*this);
  populateIndexingConverters(*this);
  populateReductionConverters(*this);
  populateRecurrentConverters(*this);
  populateVisionConverters(*this);
  populateSignalConverters(*this);
}

const ConverterRegistry &tessera::onnx_import::getConverterRegistry() {
  static const ConverterRegistry registry;
  return registry;
}

NodeImporter::NodeImporter(ModelImporter &model, const onnx::NodeProto &node,
                           OpBuilder &builder, Location loc,
                           int64_t opsetVersion)
    : model(model), node(node), builder(builder), loc(loc),
      opsetVersion(opsetVersion) {
  builder.setListener(&created);
}

NodeImporter::~NodeImporter() { builder.setListener(nullptr); }

DenseMap<Value, Value> NodeImporter::foldCreatedOps() {
  DenseMap<Value, Value> replacements;
  OpBuilder::Listener *listener = builder.getListener();
  builder.setListener(nullptr); // Constants materialized here stay.
  SmallVector<Operation *> folded;
  OpBuilder::InsertionGuard guard(builder);
  for (Operation *op : created.ops) {
    // Constants a fold materializes must dominate the op's users.
    builder.setInsertionPoint(op);
    SmallVector<Value> results;
    if (isa<graph::ConstantOp>(op) || op->getNumRegions() ||
        failed(builder.tryFold(op, results)) || results.empty())
      continue;
    for (auto [result, replacement] : llvm::zip(op->getResults(), results)) {
      result.replaceAllUsesWith(replacement);
      replacements[result] = replacement;
    }
    folded.push_back(op);
  }
  for (Operation *op : llvm::reverse(folded))
    if (op->use_empty())
      op->erase();
  created.ops.clear();
  builder.setListener(listener);
  return replacements;
}

Type onnx_import::convertDataType(int64_t dataType, MLIRContext *context) {
  Builder b(context);
  switch (dataType) {
  case onnx::TensorProto::FLOAT:
    return b.getF32Type();
  case onnx::TensorProto::DOUBLE:
    return b.getF64Type();
  case onnx::TensorProto::FLOAT16:
    return b.getF16Type();
  case onnx::TensorProto::BFLOAT16:
    return b.getBF16Type();
  case onnx::TensorProto::BOOL:
    return b.getI1Type();
  case onnx::TensorProto::INT8:
    return b.getIntegerType(8);
  case onnx::TensorProto::INT16:
    return b.getIntegerType(16);
  case onnx::TensorProto::INT32:
    return b.getIntegerType(32);
  case onnx::TensorProto::INT64:
    return b.getIntegerType(64);
  case onnx::TensorProto::UINT8:
    return b.getIntegerType(8, /*isSigned=*/false);
  case onnx::TensorProto::UINT16:
    return b.getIntegerType(16, /*isSigned=*/false);
  case onnx::TensorProto::UINT32:
    return b.getIntegerType(32, /*isSigned=*/false);
  case onnx::TensorProto::UINT64:
    return b.getIntegerType(64, /*isSigned=*/false);
  default:
    return nullptr;
  }
}

StringRef NodeImporter::getOpType() const { return node.op_type(); }

StringRef NodeImporter::getName() const {
  return cast<NameLoc>(cast<FusedLoc>(loc).getLocations().front())
      .getName()
      .getValue();
}

unsigned NodeImporter::getNumInputs() const { return node.input_size(); }

bool NodeImporter::hasInput(unsigned index) const {
  return index < static_cast<unsigned>(node.input_size()) &&
         !node.input(index).empty();
}

Value NodeImporter::getInput(unsigned index) const {
  return hasInput(index) ? model.lookupValue(node.input(index)) : Value();
}

ElementsAttr NodeImporter::getConstantInput(unsigned index) const {
  if (auto constant = getInput(index).getDefiningOp<graph::ConstantOp>())
    return constant.getValue();
  return nullptr;
}

unsigned NodeImporter::getNumOutputs() const { return node.output_size(); }

bool NodeImporter::hasOutput(unsigned index) const {
  return index < static_cast<unsigned>(node.output_size()) &&
         !node.output(index).empty();
}

Type NodeImporter::getOutputType(unsigned index) const {
  return hasOutput(index) ? model.lookupInferredType(node.output(index))
                          : Type();
}

const onnx::AttributeProto *NodeImporter::findAttr(StringRef name) const {
  for (const onnx::AttributeProto &attr : node.attribute())
    if (attr.name() == name)
      return &attr;
  return nullptr;
}

bool NodeImporter::hasAttr(StringRef name) const {
  return findAttr(name) != nullptr;
}

int64_t NodeImporter::getIntAttr(StringRef name, int64_t defaultValue) const {
  const onnx::AttributeProto *attr = findAttr(name);
  return attr && attr->has_i() ? attr->i() : defaultValue;
}

float NodeImporter::getFloatAttr(StringRef name, float defaultValue) const {
  const onnx::AttributeProto *attr = findAttr(name);
  return attr && attr->has_f() ? attr->f() : defaultValue;
}

std::string NodeImporter::getStringAttr(StringRef name,
                                        StringRef defaultValue) const {
  const onnx::AttributeProto *attr = findAttr(name);
  return attr && attr->has_s() ? attr->s() : defaultValue.str();
}

FailureOr<std::string>
NodeImporter::getStringAttrChoice(StringRef name, StringRef defaultValue,
                                  ArrayRef<StringRef> supported) const {
  std::string value = getStringAttr(name, defaultValue);
  if (llvm::is_contained(supported, value))
    return value;
  return emitError() << "attribute '" << name << "' value \"" << value
                     << "\" is not supported";
}

SmallVector<int64_t> NodeImporter::getIntsAttr(StringRef name,
                                               ArrayRef<int64_t> defaultValue) const {
  const onnx::AttributeProto *attr = findAttr(name);
  if (!attr)
    return SmallVector<int64_t>(defaultValue);
  return SmallVector<int64_t>(attr->ints().begin(), attr->ints().end());
}

SmallVector<float> NodeImporter::getFloatsAttr(StringRef name,
                                               ArrayRef<float> defaultValue) const {
  const onnx::AttributeProto *attr = findAttr(name);
  if (!attr)
    return SmallVector<float>(defaultValue);
  return SmallVector<float>(attr->floats().begin(), attr->floats().end());
}

SmallVector<std::string>
NodeImporter::getStringsAttr(StringRef name,
                             ArrayRef<StringRef> defaultValue) const {
  const onnx::AttributeProto *attr = findAttr(name);
  if (!attr)
    return llvm::map_to_vector(defaultValue,
                               [](StringRef s) { return s.str(); });
  return SmallVector<std::string>(attr->strings().begin(),
                                  attr->strings().end());
}

ElementsAttr NodeImporter::getTensorAttr(StringRef name) const {
  const onnx::AttributeProto *attr = findAttr(name);
  if (!attr || !attr->has_t()) {
    emitError() << "attribute '" << name << "' is missing";
    return nullptr;
  }
  return model.convertTensor(attr->t(), loc);
}

InFlightDiagnostic NodeImporter::emitError() const {
  return mlir::emitError(loc) << "node '" << getName() << "' ("
                              << getOpType() << "): ";
}

/// The more static of two compatible types: each dim static where either is.
static Type mostStatic(RankedTensorType a, RankedTensorType b) {
  SmallVector<int64_t> shape;
  for (auto [x, y] : llvm::zip_equal(a.getShape(), b.getShape()))
    shape.push_back(ShapedType::isDynamic(x) ? y : x);
  return a.clone(shape);
}

LogicalResult NodeImporter::setResults(ValueRange values) {
  DenseMap<Value, Value> folded = foldCreatedOps();
  for (unsigned i = 0, e = getNumOutputs(); i < e; ++i) {
    if (!hasOutput(i))
      continue;
    if (i >= values.size() || !values[i])
      return emitError() << "output #" << i << " ('" << node.output(i)
                         << "') is not supported";
    Value value = folded.lookup(values[i]);
    if (!value)
      value = values[i];
    auto type = dyn_cast<RankedTensorType>(value.getType());
    auto inferred =
        dyn_cast_or_null<RankedTensorType>(getOutputType(i));
    if (type && inferred && type != inferred) {
      if (!graph::areCompatibleTensorTypes(type, inferred))
        return emitError() << "output '" << node.output(i) << "' has type "
                           << type << " but ONNX shape inference gives "
                           << inferred;
      // Refine only results this node created, not values it forwards.
      Operation *producer = value.getDefiningOp();
      if (producer && producer->getLoc() == loc &&
          isa<graph::GraphDialect>(producer->getDialect()))
        value.setType(mostStatic(type, inferred));
    }
    model.mapValue(node.output(i), value);
  }
  return success();
}
