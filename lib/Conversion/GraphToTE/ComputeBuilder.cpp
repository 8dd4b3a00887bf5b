//===- ComputeBuilder.cpp - Helpers for building te.compute ---------------===//

#include "ComputeBuilder.h"

#include "tessera/Dialect/Graph/IR/Graph.h"

#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace tessera;
using namespace tessera::graph_to_te;

Value ComputeBody::read(unsigned input, ValueRange indices, Value padding) {
  return te::ReadOp::create(b, loc, inputs[input], indices, padding);
}

Value ComputeBody::readScalar(unsigned input) {
  int64_t rank = cast<RankedTensorType>(inputs[input].getType()).getRank();
  return read(input, rank ? SmallVector<Value>(rank, index(0))
                          : SmallVector<Value>());
}

Value ComputeBody::dimSize(unsigned input, int64_t dim) {
  auto type = cast<RankedTensorType>(inputs[input].getType());
  if (!type.isDynamicDim(dim))
    return index(type.getDimSize(dim));
  return tensor::DimOp::create(b, loc, inputs[input], dim);
}

Value ComputeBody::index(int64_t value) {
  return arith::ConstantIndexOp::create(b, loc, value);
}

SmallVector<Value> ComputeBody::broadcastIndices(unsigned input) {
  auto type = cast<RankedTensorType>(inputs[input].getType());
  unsigned offset = outputIndices.size() - type.getRank();
  SmallVector<Value> indices;
  for (auto [dim, size] : llvm::enumerate(type.getShape()))
    indices.push_back(size == 1 ? index(0) : outputIndices[offset + dim]);
  return indices;
}

Value ComputeBody::readBroadcast(unsigned input) {
  return read(input, broadcastIndices(input));
}

SmallVector<Value>
graph_to_te::buildCompute(OpBuilder &b, Location loc, StringRef stage,
                          TypeRange resultTypes,
                          ArrayRef<OpFoldResult> outputSizes,
                          ValueRange inputs, ArrayRef<std::string> axes,
                          const ReductionSpec *reduction, BodyFn body) {
  auto shapeType = cast<RankedTensorType>(resultTypes.front());
  SmallVector<Value> dynamicSizes;
  for (auto [dim, size] : llvm::enumerate(outputSizes))
    if (shapeType.isDynamicDim(dim))
      dynamicSizes.push_back(getValueOrCreateConstantIndexOp(b, loc, size));

  auto names = [&](ArrayRef<std::string> strings) {
    return b.getStrArrayAttr(llvm::map_to_vector(
        strings, [](const std::string &s) { return StringRef(s); }));
  };
  SmallVector<int64_t> staticExtents;
  SmallVector<Value> dynamicExtents;
  te::CombinerKindAttr combiner;
  ArrayAttr inits;
  ArrayAttr reduceAxes = b.getStrArrayAttr({});
  if (reduction) {
    dispatchIndexOpFoldResults(reduction->extents, dynamicExtents,
                               staticExtents);
    reduceAxes = names(reduction->axes);
    combiner = te::CombinerKindAttr::get(b.getContext(), reduction->combiner);
    if (reduction->combiner == te::CombinerKind::Custom)
      inits = b.getArrayAttr(llvm::map_to_vector(
          reduction->inits, [](TypedAttr a) { return Attribute(a); }));
  }
  auto compute = te::ComputeOp::create(
      b, loc, resultTypes, stage, names(axes), reduceAxes, staticExtents,
      combiner, inits, inputs, dynamicSizes, dynamicExtents);

  OpBuilder::InsertionGuard guard(b);
  SmallVector<Type> argTypes(axes.size() + staticExtents.size(),
                             b.getIndexType());
  llvm::append_range(argTypes, inputs.getTypes());
  Block *block = b.createBlock(&compute.getBody(), {}, argTypes,
                               SmallVector<Location>(argTypes.size(), loc));
  ComputeBody computeBody(
      b, loc, block->getArguments().take_front(axes.size()),
      block->getArguments().slice(axes.size(), staticExtents.size()),
      block->getArguments().drop_front(axes.size() + staticExtents.size()));
  te::YieldOp::create(b, loc, body(computeBody));

  if (reduction && reduction->combiner == te::CombinerKind::Custom) {
    SmallVector<Type> elementTypes;
    for (Type type : resultTypes)
      elementTypes.push_back(cast<RankedTensorType>(type).getElementType());
    SmallVector<Type> combineTypes(elementTypes);
    llvm::append_range(combineTypes, elementTypes);
    Block *combine =
        b.createBlock(&compute.getCombinerBody(), {}, combineTypes,
                      SmallVector<Location>(combineTypes.size(), loc));
    te::YieldOp::create(
        b, loc,
        reduction->combine(
            b, loc, combine->getArguments().take_front(elementTypes.size()),
            combine->getArguments().drop_front(elementTypes.size())));
  }
  return SmallVector<Value>(compute.getResults());
}

SmallVector<std::string> graph_to_te::defaultAxes(unsigned rank,
                                                  StringRef prefix) {
  SmallVector<std::string> axes;
  for (unsigned dim = 0; dim < rank; ++dim)
    axes.push_back((prefix + Twine(dim)).str());
  return axes;
}

SmallVector<OpFoldResult>
graph_to_te::broadcastSizes(OpBuilder &b, Location loc,
                            RankedTensorType resultType, ValueRange operands) {
  SmallVector<OpFoldResult> sizes;
  for (auto [dim, size] : llvm::enumerate(resultType.getShape())) {
    if (!ShapedType::isDynamic(size)) {
      sizes.push_back(b.getIndexAttr(size));
      continue;
    }
    // Every operand whose dim here is dynamic must have the result's size.
    Value resultSize;
    for (Value operand : operands) {
      auto type = cast<RankedTensorType>(operand.getType());
      int64_t operandDim = dim - (resultType.getRank() - type.getRank());
      if (operandDim < 0 || !type.isDynamicDim(operandDim))
        continue;
      Value operandSize = tensor::DimOp::create(b, loc, operand, operandDim);
      if (!resultSize) {
        resultSize = operandSize;
        continue;
      }
      Value equal = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq,
                                          resultSize, operandSize);
      cf::AssertOp::create(
          b, loc, equal,
          "dynamic dimensions must be equal: broadcasting a dynamic "
          "dimension of size 1 is not supported");
    }
    sizes.push_back(resultSize);
  }
  return sizes;
}

Value graph_to_te::buildElementwise(
    OpBuilder &b, Location loc, StringRef stage, RankedTensorType resultType,
    ValueRange operands,
    function_ref<Value(OpBuilder &, Location, ValueRange)> fn) {
  SmallVector<OpFoldResult> sizes =
      broadcastSizes(b, loc, resultType, operands);
  return buildCompute(
      b, loc, stage, resultType, sizes, operands,
      defaultAxes(resultType.getRank()), /*reduction=*/nullptr,
      [&](ComputeBody &body) -> SmallVector<Value> {
        SmallVector<Value> scalars;
        for (unsigned i = 0, e = operands.size(); i < e; ++i)
          scalars.push_back(body.readBroadcast(i));
        return {fn(body.b, body.loc, scalars)};
      })
      .front();
}

Value FloatOps::add(Value x, Value y) const {
  return arith::AddFOp::create(b, loc, x, y);
}
Value FloatOps::sub(Value x, Value y) const {
  return arith::SubFOp::create(b, loc, x, y);
}
Value FloatOps::mul(Value x, Value y) const {
  return arith::MulFOp::create(b, loc, x, y);
}
Value FloatOps::div(Value x, Value y) const {
  return arith::DivFOp::create(b, loc, x, y);
}

Value graph_to_te::scalarConstant(OpBuilder &b, Location loc, Type type,
                                  double value) {
  if (auto floatType = dyn_cast<FloatType>(type))
    return arith::ConstantOp::create(b, loc, b.getFloatAttr(floatType, value));
  return arith::ConstantOp::create(
      b, loc, b.getIntegerAttr(type, static_cast<int64_t>(value)));
}

StringRef graph_to_te::stageName(Operation *op) {
  return op->getName().stripDialect();
}

LogicalResult graph_to_te::reject(Operation *op, RewriterBase &rewriter,
                                  const Twine &message) {
  op->emitOpError() << message;
  return rewriter.notifyMatchFailure(op, message);
}

RankedTensorType graph_to_te::convertedType(const TypeConverter *converter,
                                            Value value) {
  return cast<RankedTensorType>(converter->convertType(value.getType()));
}

OpFoldResult graph_to_te::dimSize(OpBuilder &b, Location loc, Value tensor,
                                  int64_t dim) {
  auto type = cast<RankedTensorType>(tensor.getType());
  if (!type.isDynamicDim(dim))
    return b.getIndexAttr(type.getDimSize(dim));
  return tensor::DimOp::create(b, loc, tensor, dim).getResult();
}

Value graph_to_te::constantIndex(OpBuilder &b, Location loc, int64_t value) {
  return arith::ConstantIndexOp::create(b, loc, value);
}

Value graph_to_te::castTo(OpBuilder &b, Location loc, Value value, Type type) {
  if (value.getType() == type)
    return value;
  return tensor::CastOp::create(b, loc, type, value);
}

Value graph_to_te::extractScalar(OpBuilder &b, Location loc, Value tensor) {
  int64_t rank = cast<RankedTensorType>(tensor.getType()).getRank();
  return tensor::ExtractOp::create(
      b, loc, tensor,
      rank ? SmallVector<Value>(rank, constantIndex(b, loc, 0))
           : SmallVector<Value>());
}

std::optional<int64_t> graph_to_te::getConstantScalar(Value value) {
  std::optional<SmallVector<int64_t>> values =
      graph::getConstantIntValues(value);
  if (!values || values->size() != 1)
    return std::nullopt;
  return values->front();
}
