//===- NNConverters.cpp - ONNX NN operators to the graph dialect ----------===//
//
// Matrix products, convolutions, pooling, normalization and the softmax
// family. Each ONNX operator has a graph op with the same inputs and
// attributes, so the converters only translate attributes (absent optional
// ones stay absent and mean ONNX's defaults).
//
//===----------------------------------------------------------------------===//

#include "NodeImporter.h"

#include "tessera/Dialect/Graph/IR/Graph.h"

using namespace mlir;
using namespace tessera;
using namespace tessera::onnx_import;

/// An INTS attribute as a dense array; null when the node does not have it.
static DenseI64ArrayAttr getOptionalInts(NodeImporter &node, StringRef name) {
  if (!node.hasAttr(name))
    return nullptr;
  return node.getBuilder().getDenseI64ArrayAttr(node.getIntsAttr(name));
}

static IntegerAttr getI64(NodeImporter &node, StringRef name,
                          int64_t defaultValue) {
  return node.getBuilder().getI64IntegerAttr(
      node.getIntAttr(name, defaultValue));
}

static FloatAttr getF32(NodeImporter &node, StringRef name,
                        float defaultValue) {
  return node.getBuilder().getF32FloatAttr(
      node.getFloatAttr(name, defaultValue));
}

static StringAttr getAutoPad(NodeImporter &node) {
  return node.getBuilder().getStringAttr(
      node.getStringAttr("auto_pad", "NOTSET"));
}

/// Pooling's kernel_shape. The ONNX checker has made sure it is there.
static DenseI64ArrayAttr getKernelShape(NodeImporter &node) {
  return node.getBuilder().getDenseI64ArrayAttr(
      node.getIntsAttr("kernel_shape"));
}

/// ONNX epsilon attributes default to 1e-5.
static FloatAttr getEpsilon(NodeImporter &node) {
  return getF32(node, "epsilon", 1e-5f);
}

//===----------------------------------------------------------------------===//
// Matrix products
//===----------------------------------------------------------------------===//

static LogicalResult convertMatMul(NodeImporter &node) {
  return node.setResults(
      graph::MatMulOp::create(node.getBuilder(), node.getLoc(),
                              node.getInput(0), node.getInput(1))
          .getOperation());
}

static LogicalResult convertGemm(NodeImporter &node) {
  return node.setResults(
      graph::GemmOp::create(
          node.getBuilder(), node.getLoc(), node.getInput(0), node.getInput(1),
          node.getInput(2), getF32(node, "alpha", 1.0f),
          getF32(node, "beta", 1.0f), getI64(node, "transA", 0),
          getI64(node, "transB", 0))
          .getOperation());
}

static LogicalResult convertMatMulInteger(NodeImporter &node) {
  return node.setResults(
      graph::MatMulIntegerOp::create(node.getBuilder(), node.getLoc(),
                                     node.getInput(0), node.getInput(1),
                                     node.getInput(2), node.getInput(3))
          .getOperation());
}

static LogicalResult convertQLinearMatMul(NodeImporter &node) {
  return node.setResults(
      graph::QLinearMatMulOp::create(
          node.getBuilder(), node.getLoc(), node.getInput(0), node.getInput(1),
          node.getInput(2), node.getInput(3), node.getInput(4),
          node.getInput(5), node.getInput(6), node.getInput(7))
          .getOperation());
}

//===----------------------------------------------------------------------===//
// Convolutions
//===----------------------------------------------------------------------===//

static LogicalResult convertConv(NodeImporter &node) {
  return node.setResults(
      graph::ConvOp::create(
          node.getBuilder(), node.getLoc(), node.getInput(0), node.getInput(1),
          node.getInput(2), getAutoPad(node),
          getOptionalInts(node, "dilations"), getI64(node, "group", 1),
          getOptionalInts(node, "kernel_shape"), getOptionalInts(node, "pads"),
          getOptionalInts(node, "strides"))
          .getOperation());
}

static LogicalResult convertConvInteger(NodeImporter &node) {
  return node.setResults(
      graph::ConvIntegerOp::create(
          node.getBuilder(), node.getLoc(), node.getInput(0), node.getInput(1),
          node.getInput(2), node.getInput(3), getAutoPad(node),
          getOptionalInts(node, "dilations"), getI64(node, "group", 1),
          getOptionalInts(node, "kernel_shape"), getOptionalInts(node, "pads"),
          getOptionalInts(node, "strides"))
          .getOperation());
}

static LogicalResult convertQLinearConv(NodeImporter &node) {
  return node.setResults(
      graph::QLinearConvOp::create(
          node.getBuilder(), node.getLoc(), node.getInput(0), node.getInput(1),
          node.getInput(2), node.getInput(3), node.getInput(4),
          node.getInput(5), node.getInput(6), node.getInput(7),
          node.getInput(8), getAutoPad(node),
          getOptionalInts(node, "dilations"), getI64(node, "group", 1),
          getOptionalInts(node, "kernel_shape"), getOptionalInts(node, "pads"),
          getOptionalInts(node, "strides"))
          .getOperation());
}

static LogicalResult convertConvTranspose(NodeImporter &node) {
  return node.setResults(
      graph::ConvTransposeOp::create(
          node.getBuilder(), node.getLoc(), node.getInput(0), node.getInput(1),
          node.getInput(2), getAutoPad(node),
          getOptionalInts(node, "dilations"), getI64(node, "group", 1),
          getOptionalInts(node, "kernel_shape"),
          getOptionalInts(node, "output_padding"),
          getOptionalInts(node, "output_shape"), getOptionalInts(node, "pads"),
          getOptionalInts(node, "strides"))
          .getOperation());
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

static LogicalResult convertMaxPool(NodeImporter &node) {
  DenseI64ArrayAttr kernelShape = getKernelShape(node);
  // Y and the optional Indices: setResults maps only the outputs the node
  // has.
  return node.setResults(
      graph::MaxPoolOp::create(
          node.getBuilder(), node.getLoc(), node.getInput(0), getAutoPad(node),
          getI64(node, "ceil_mode", 0), getOptionalInts(node, "dilations"),
          kernelShape, getOptionalInts(node, "pads"),
          getI64(node, "storage_order", 0), getOptionalInts(node, "strides"))
          .getOperation());
}

static LogicalResult convertAveragePool(NodeImporter &node) {
  DenseI64ArrayAttr kernelShape = getKernelShape(node);
  return node.setResults(graph::AveragePoolOp::create(
                             node.getBuilder(), node.getLoc(), node.getInput(0),
                             getAutoPad(node), getI64(node, "ceil_mode", 0),
                             getI64(node, "count_include_pad", 0), kernelShape,
                             getOptionalInts(node, "pads"),
                             getOptionalInts(node, "strides"))
                             .getOperation());
}

static LogicalResult convertLpPool(NodeImporter &node) {
  DenseI64ArrayAttr kernelShape = getKernelShape(node);
  return node.setResults(
      graph::LpPoolOp::create(
          node.getBuilder(), node.getLoc(), node.getInput(0), getAutoPad(node),
          kernelShape, getI64(node, "p", 2), getOptionalInts(node, "pads"),
          getOptionalInts(node, "strides"))
          .getOperation());
}

template <typename OpTy>
static LogicalResult convertGlobalPool(NodeImporter &node) {
  return node.setResults(
      OpTy::create(node.getBuilder(), node.getLoc(), node.getInput(0))
          .getOperation());
}

static LogicalResult convertGlobalLpPool(NodeImporter &node) {
  return node.setResults(
      graph::GlobalLpPoolOp::create(node.getBuilder(), node.getLoc(),
                                    node.getInput(0), getI64(node, "p", 2))
          .getOperation());
}

//===----------------------------------------------------------------------===//
// Normalization
//===----------------------------------------------------------------------===//

static LogicalResult convertBatchNormalization(NodeImporter &node) {
  // graph.batch_norm is the inference form: training would compute batch
  // statistics and update running averages (outputs 1 and 2).
  int64_t trainingMode = node.getIntAttr("training_mode", 0);
  if (trainingMode != 0)
    return node.emitError()
           << "attribute 'training_mode' value " << trainingMode
           << " is not supported (only inference batch normalization is)";
  // `momentum` only weighs the running averages of training mode.
  return node.setResults(
      graph::BatchNormOp::create(node.getBuilder(), node.getLoc(),
                                 node.getInput(0), node.getInput(1),
                                 node.getInput(2), node.getInput(3),
                                 node.getInput(4), getEpsilon(node))
          .getOperation());
}

static LogicalResult convertLayerNormalization(NodeImporter &node) {
  return node.setResults(graph::LayerNormOp::create(
                             node.getBuilder(), node.getLoc(), node.getInput(0),
                             node.getInput(1), node.getInput(2),
                             getI64(node, "axis", -1), getEpsilon(node),
                             getI64(node, "stash_type", 1))
                             .getOperation());
}

static LogicalResult convertInstanceNormalization(NodeImporter &node) {
  return node.setResults(
      graph::InstanceNormOp::create(node.getBuilder(), node.getLoc(),
                                    node.getInput(0), node.getInput(1),
                                    node.getInput(2), getEpsilon(node))
          .getOperation());
}

static LogicalResult convertLRN(NodeImporter &node) {
  return node.setResults(
      graph::LRNOp::create(node.getBuilder(), node.getLoc(), node.getInput(0),
                           getF32(node, "alpha", 1e-4f),
                           getF32(node, "beta", 0.75f),
                           getF32(node, "bias", 1.0f), getI64(node, "size", 0))
          .getOperation());
}

static LogicalResult convertMeanVarianceNormalization(NodeImporter &node) {
  return node.setResults(graph::MeanVarianceNormalizationOp::create(
                             node.getBuilder(), node.getLoc(), node.getInput(0),
                             node.getBuilder().getDenseI64ArrayAttr(
                                 node.getIntsAttr("axes", {0, 2, 3})))
                             .getOperation());
}

//===----------------------------------------------------------------------===//
// Softmax family
//===----------------------------------------------------------------------===//

template <typename OpTy>
static LogicalResult convertSoftmaxLike(NodeImporter &node) {
  OpBuilder &b = node.getBuilder();
  Location loc = node.getLoc();
  if (node.getOpsetVersion() >= 13)
    return node.setResults(
        OpTy::create(b, loc, node.getInput(0), getI64(node, "axis", -1))
            .getOperation());
  // Before opset 13 these ops coerced the input to 2-D at `axis` (default
  // 1) and normalized each row: flatten, normalize along axis 1, reshape
  // back.
  Value input = node.getInput(0);
  Value rows =
      graph::FlattenOp::create(b, loc, input, getI64(node, "axis", 1));
  Value normalized = OpTy::create(b, loc, rows, b.getI64IntegerAttr(1));
  Value shape = graph::ShapeOp::create(b, loc, input, /*start=*/0,
                                       /*end=*/IntegerAttr());
  return node.setResults(
      graph::ReshapeOp::create(b, loc, normalized, shape).getOperation());
}

void tessera::onnx_import::populateNNConverters(ConverterRegistry &registry) {
  registry.add("MatMul", convertMatMul);
  registry.add("Gemm", convertGemm);
  registry.add("MatMulInteger", convertMatMulInteger);
  registry.add("QLinearMatMul", convertQLinearMatMul);
  registry.add("Conv", convertConv);
  registry.add("ConvInteger", convertConvInteger);
  registry.add("QLinearConv", convertQLinearConv);
  registry.add("ConvTranspose", convertConvTranspose);
  registry.add("MaxPool", convertMaxPool);
  registry.add("AveragePool", convertAveragePool);
  registry.add("LpPool", convertLpPool);
  registry.add("GlobalAveragePool",
               convertGlobalPool<graph::GlobalAveragePoolOp>);
  registry.add("GlobalMaxPool", convertGlobalPool<graph::GlobalMaxPoolOp>);
  registry.add("GlobalLpPool", convertGlobalLpPool);
  registry.add("BatchNormalization", convertBatchNormalization);
  registry.add("LayerNormalization", convertLayerNormalization);
  registry.add("InstanceNormalization", convertInstanceNormalization);
  registry.add("LRN", convertLRN);
  registry.add("MeanVarianceNormalization", convertMeanVarianceNormalization);
  registry.add("Softmax", convertSoftmaxLike<graph::SoftmaxOp>);
  registry.add("LogSoftmax", convertSoftmaxLike<graph::LogSoftmaxOp>);
  registry.add("Hardmax", convertSoftmaxLike<graph::HardmaxOp>);
}
