//===- Elementwise.cpp - Elementwise graph operators to te ----------------===//
//
// Each operator is one te.compute reading its operands at the (broadcast)
// output index; what differs is the scalar function, given here per op.
//
//===----------------------------------------------------------------------===//

#include "ComputeBuilder.h"
#include "Patterns.h"

#include "tessera/Dialect/Graph/IR/Graph.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"

using namespace mlir;
using namespace tessera;
using namespace tessera::graph_to_te;

namespace {

/// The scalar function of an elementwise op: operand elements (converted to
/// signless types) -> result element. `isUnsigned` says whether the graph
/// operands held unsigned integers.
template <typename OpTy>
using ScalarFn = Value (*)(OpBuilder &b, Location loc, ValueRange x, OpTy op,
                           bool isUnsigned);

template <typename OpTy>
struct ElementwisePattern : OpConversionPattern<OpTy> {
  ElementwisePattern(const TypeConverter &typeConverter, MLIRContext *context,
                     ScalarFn<OpTy> fn)
      : OpConversionPattern<OpTy>(typeConverter, context), fn(fn) {}

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = cast<RankedTensorType>(
        this->getTypeConverter()->convertType(op->getResult(0).getType()));
    bool isUnsigned = isUnsignedTensor(op->getOperand(0).getType());
    Value result = buildElementwise(
        rewriter, op.getLoc(), stageName(op), resultType,
        adaptor.getOperands(), [&](OpBuilder &b, Location loc, ValueRange x) {
          return fn(b, loc, x, op, isUnsigned);
        });
    rewriter.replaceOp(op, result);
    return success();
  }

  ScalarFn<OpTy> fn;
};

template <typename OpTy>
void add(RewritePatternSet &patterns, const TypeConverter &typeConverter,
         ScalarFn<OpTy> fn) {
  patterns.add<ElementwisePattern<OpTy>>(typeConverter, patterns.getContext(),
                                         fn);
}

bool isFloat(Value v) { return isa<FloatType>(v.getType()); }

} // namespace

void graph_to_te::populateElementwisePatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  auto &tc = typeConverter;
  add<graph::NegOp>(patterns, tc, [](OpBuilder &b, Location loc, ValueRange x,
                                     graph::NegOp, bool) -> Value {
    if (isFloat(x[0]))
      return arith::NegFOp::create(b, loc, x[0]);
    return arith::SubIOp::create(b, loc, scalarConstant(b, loc, x[0].getType(), 0),
                                 x[0]);
  });
  add<graph::AbsOp>(patterns, tc, [](OpBuilder &b, Location loc, ValueRange x,
                                     graph::AbsOp, bool isUnsigned) -> Value {
    if (isFloat(x[0]))
      return math::AbsFOp::create(b, loc, x[0]);
    if (isUnsigned)
      return x[0];
    return math::AbsIOp::create(b, loc, x[0]);
  });
  add<graph::ExpOp>(patterns, tc, [](OpBuilder &b, Location loc, ValueRange x,
                                     graph::ExpOp, bool) -> Value {
    return math::ExpOp::create(b, loc, x[0]);
  });
  add<graph::ReluOp>(patterns, tc, [](OpBuilder &b, Location loc, ValueRange x,
                                      graph::ReluOp, bool isUnsigned) -> Value {
    Value zero = scalarConstant(b, loc, x[0].getType(), 0);
    if (isFloat(x[0]))
      return arith::MaximumFOp::create(b, loc, x[0], zero);
    if (isUnsigned)
      return x[0];
    return arith::MaxSIOp::create(b, loc, x[0], zero);
  });
  add<graph::AddOp>(patterns, tc, [](OpBuilder &b, Location loc, ValueRange x,
                                     graph::AddOp, bool) -> Value {
    if (isFloat(x[0]))
      return arith::AddFOp::create(b, loc, x[0], x[1]);
    return arith::AddIOp::create(b, loc, x[0], x[1]);
  });
  add<graph::SubOp>(patterns, tc, [](OpBuilder &b, Location loc, ValueRange x,
                                     graph::SubOp, bool) -> Value {
    if (isFloat(x[0]))
      return arith::SubFOp::create(b, loc, x[0], x[1]);
    return arith::SubIOp::create(b, loc, x[0], x[1]);
  });
  add<graph::MulOp>(patterns, tc, [](OpBuilder &b, Location loc, ValueRange x,
                                     graph::MulOp, bool) -> Value {
    if (isFloat(x[0]))
      return arith::MulFOp::create(b, loc, x[0], x[1]);
    return arith::MulIOp::create(b, loc, x[0], x[1]);
  });
  add<graph::DivOp>(patterns, tc, [](OpBuilder &b, Location loc, ValueRange x,
                                     graph::DivOp, bool isUnsigned) -> Value {
    if (isFloat(x[0]))
      return arith::DivFOp::create(b, loc, x[0], x[1]);
    if (isUnsigned)
      return arith::DivUIOp::create(b, loc, x[0], x[1]);
    return arith::DivSIOp::create(b, loc, x[0], x[1]);
  });
}
