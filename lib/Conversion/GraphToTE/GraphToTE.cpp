//===- GraphToTE.cpp - Lower graph operators to tensor expressions --------===//

#include "tessera/Conversion/GraphToTE/GraphToTE.h"

#include "Patterns.h"
#include "tessera/Conversion/Passes.h"
#include "tessera/Dialect/Graph/IR/Graph.h"
#include "tessera/Dialect/TE/IR/TE.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Func/Transforms/FuncConversions.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectResourceBlobManager.h"

namespace tessera {
#define GEN_PASS_DEF_CONVERTGRAPHTOTE
#include "tessera/Conversion/Passes.h.inc"
} // namespace tessera

using namespace mlir;
using namespace tessera;
using namespace tessera::graph_to_te;

bool graph_to_te::isUnsignedTensor(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && tensor.getElementType().isUnsignedInteger();
}

GraphToTETypeConverter::GraphToTETypeConverter() {
  addConversion([](Type type) { return type; });
  addConversion([](RankedTensorType type) -> Type {
    auto integer = dyn_cast<IntegerType>(type.getElementType());
    if (!integer || integer.isSignless())
      return type;
    return type.clone(IntegerType::get(type.getContext(), integer.getWidth()));
  });
}

namespace {

/// graph.constant becomes arith.constant; unsigned values are reinterpreted
/// as signless ones of the same bits.
struct ConstantPattern : OpConversionPattern<graph::ConstantOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(graph::ConstantOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto type = cast<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    ElementsAttr value = op.getValue();
    if (type != value.getType()) {
      if (auto dense = dyn_cast<DenseElementsAttr>(value))
        value = dense.bitcast(type.getElementType()).reshape(type);
      else if (auto resource = dyn_cast<DenseResourceElementsAttr>(value))
        value = DenseResourceElementsAttr::get(type, resource.getRawHandle());
      else
        return rewriter.notifyMatchFailure(op, "unsupported constant kind");
    }
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(op, type,
                                                   cast<TypedAttr>(value));
    return success();
  }
};

struct ConvertGraphToTEPass
    : tessera::impl::ConvertGraphToTEBase<ConvertGraphToTEPass> {
  void runOnOperation() override {
    MLIRContext *context = &getContext();
    GraphToTETypeConverter typeConverter;
    RewritePatternSet patterns(context);
    populateGraphToTEConversionPatterns(typeConverter, patterns);
    populateFunctionOpInterfaceTypeConversionPattern<func::FuncOp>(
        patterns, typeConverter);
    populateReturnOpTypeConversionPattern(patterns, typeConverter);
    populateCallOpTypeConversionPattern(patterns, typeConverter);

    ConversionTarget target(*context);
    target.addIllegalDialect<graph::GraphDialect>();
    target.addLegalDialect<te::TEDialect, arith::ArithDialect,
                           cf::ControlFlowDialect, math::MathDialect,
                           scf::SCFDialect, tensor::TensorDialect>();
    target.addDynamicallyLegalOp<func::FuncOp>([&](func::FuncOp op) {
      return typeConverter.isSignatureLegal(op.getFunctionType());
    });
    target.addDynamicallyLegalOp<func::ReturnOp, func::CallOp>(
        [&](Operation *op) { return typeConverter.isLegal(op); });
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace

void tessera::populateGraphToTEConversionPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<ConstantPattern>(typeConverter, patterns.getContext());
  populateElementwisePatterns(typeConverter, patterns);
  populateReductionPatterns(typeConverter, patterns);
  populateRecurrentPatterns(typeConverter, patterns);
  populateDataMovementPatterns(typeConverter, patterns);
  populateIndexingPatterns(typeConverter, patterns);
  populateNNPatterns(typeConverter, patterns);
  populateNormalizationPatterns(typeConverter, patterns);
  populateVisionPatterns(typeConverter, patterns);
  populateSignalPatterns(typeConverter, patterns);
}
