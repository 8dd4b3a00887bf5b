//===- TEToLinalg.cpp - Lower te.compute to Linalg on tensors -------------===//
//
// One te.compute becomes one linalg.generic over its output and reduction
// axes. Reads at affine indices become indexing maps, so that schedules and
// vectorization see plain structured ops; the rest become tensor.extract.
//
//===----------------------------------------------------------------------===//

#include "tessera/Conversion/Passes.h"
#include "tessera/Dialect/TE/IR/TE.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/AffineExprVisitor.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/DialectConversion.h"

namespace tessera {
#define GEN_PASS_DEF_CONVERTTETOLINALG
#include "tessera/Conversion/Passes.h.inc"
} // namespace tessera

using namespace mlir;
using namespace tessera;
using namespace tessera::te;

/// The discardable attribute naming the te stage a Linalg op computes.
static constexpr llvm::StringLiteral kStageAttrName = "te.stage";

namespace {

/// How one top-level te.read is lowered.
struct AffineRead {
  unsigned inputIndex; // Which linalg input carries it.
};

class ComputeLowering {
public:
  ComputeLowering(ComputeOp op, RewriterBase &rewriter)
      : op(op), rewriter(rewriter), loc(op.getLoc()), rank(op.getRank()),
        numReduce(op.getNumReduceAxes()), numLoops(rank + numReduce) {}

  FailureOr<linalg::GenericOp> lower();

private:
  void computeLoopSizes();
  std::optional<AffineExpr> getAffine(Value value);
  bool hasLoopExtent(unsigned dim, Value tensor, unsigned tensorDim);
  std::optional<std::pair<int64_t, int64_t>> getBounds(AffineExpr expr);
  void planRead(ReadOp read);
  unsigned addInput(Value tensor, AffineMap map);
  Value buildExtract(OpBuilder &b, ReadOp read, IRMapping &mapping);
  Value buildCombine(OpBuilder &b, Value acc, Value value);
  TypedAttr getIdentity(Type elementType);

  ComputeOp op;
  RewriterBase &rewriter;
  Location loc;
  unsigned rank, numReduce, numLoops;

  /// Loop extents: static sizes (kDynamic when dynamic) and the values.
  SmallVector<int64_t> staticLoopSizes;
  SmallVector<OpFoldResult> loopSizes;

  SmallVector<Value> inputs;
  SmallVector<AffineMap> inputMaps;
  DenseMap<Operation *, AffineRead> affineReads;
  DenseMap<Value, std::optional<AffineExpr>> affineCache;
};

} // namespace

void ComputeLowering::computeLoopSizes() {
  auto resultType = cast<RankedTensorType>(op.getResult(0).getType());
  unsigned dynamicIndex = 0;
  for (int64_t size : resultType.getShape()) {
    staticLoopSizes.push_back(size);
    loopSizes.push_back(ShapedType::isDynamic(size)
                            ? OpFoldResult(op.getOutputSizes()[dynamicIndex++])
                            : OpFoldResult(rewriter.getIndexAttr(size)));
  }
  dynamicIndex = 0;
  for (int64_t extent : op.getStaticReduceExtents()) {
    staticLoopSizes.push_back(extent);
    loopSizes.push_back(
        ShapedType::isDynamic(extent)
            ? OpFoldResult(op.getReduceExtents()[dynamicIndex++])
            : OpFoldResult(rewriter.getIndexAttr(extent)));
  }
}

/// The affine function of the loop indices that `value` computes, if any.
std::optional<AffineExpr> ComputeLowering::getAffine(Value value) {
  auto it = affineCache.find(value);
  if (it != affineCache.end())
    return it->second;
  std::optional<AffineExpr> result;
  MLIRContext *context = op.getContext();
  if (auto arg = dyn_cast<BlockArgument>(value)) {
    if (arg.getOwner() == &op.getBodyBlock() && arg.getArgNumber() < numLoops)
      result = getAffineDimExpr(arg.getArgNumber(), context);
  } else if (IntegerAttr constant;
             value.getType().isIndex() &&
             matchPattern(value, m_Constant(&constant))) {
    result = getAffineConstantExpr(constant.getInt(), context);
  } else if (Operation *def = value.getDefiningOp();
             def && def->getNumOperands() == 2) {
    std::optional<AffineExpr> lhs = getAffine(def->getOperand(0));
    std::optional<AffineExpr> rhs = getAffine(def->getOperand(1));
    if (lhs && rhs) {
      auto rhsConstant = dyn_cast<AffineConstantExpr>(*rhs);
      auto lhsConstant = dyn_cast<AffineConstantExpr>(*lhs);
      if (isa<arith::AddIOp>(def))
        result = *lhs + *rhs;
      else if (isa<arith::SubIOp>(def))
        result = *lhs - *rhs;
      else if (isa<arith::MulIOp>(def) && (lhsConstant || rhsConstant))
        result = *lhs * *rhs;
      else if (isa<arith::FloorDivSIOp>(def) && rhsConstant &&
               rhsConstant.getValue() > 0)
        result = lhs->floorDiv(*rhs);
    }
  }
  affineCache[value] = result;
  return result;
}

/// Whether dimension `tensorDim` of the outer `tensor` has the extent of loop
/// `dim`: linalg takes loop ranges from operand shapes.
bool ComputeLowering::hasLoopExtent(unsigned dim, Value tensor,
                                    unsigned tensorDim) {
  int64_t size = cast<RankedTensorType>(tensor.getType()).getDimSize(tensorDim);
  if (!ShapedType::isDynamic(size))
    return size == staticLoopSizes[dim];
  if (!ShapedType::isDynamic(staticLoopSizes[dim]))
    return false;
  auto isDimOfTensor = [&](Value size) {
    auto dimOp = size.getDefiningOp<tensor::DimOp>();
    return dimOp && dimOp.getSource() == tensor &&
           dimOp.getConstantIndex() == static_cast<int64_t>(tensorDim);
  };
  Value loopSize = cast<Value>(loopSizes[dim]);
  if (isDimOfTensor(loopSize))
    return true;
  // Or a run-time assertion makes them equal (numpy broadcasting asserts
  // that dynamic dims match).
  return llvm::any_of(loopSize.getUsers(), [&](Operation *user) {
    auto cmp = dyn_cast<arith::CmpIOp>(user);
    if (!cmp || cmp.getPredicate() != arith::CmpIPredicate::eq)
      return false;
    Value other = cmp.getLhs() == loopSize ? cmp.getRhs() : cmp.getLhs();
    return isDimOfTensor(other) &&
           llvm::any_of(cmp->getUsers(),
                        [](Operation *u) { return isa<cf::AssertOp>(u); });
  });
}

/// The smallest and largest value of a linear `expr` over the iteration
/// space; std::nullopt when the space is dynamic or `expr` is not linear.
std::optional<std::pair<int64_t, int64_t>>
ComputeLowering::getBounds(AffineExpr expr) {
  if (auto constant = dyn_cast<AffineConstantExpr>(expr))
    return std::make_pair(constant.getValue(), constant.getValue());
  if (auto dim = dyn_cast<AffineDimExpr>(expr)) {
    int64_t size = staticLoopSizes[dim.getPosition()];
    if (ShapedType::isDynamic(size))
      return std::nullopt;
    return std::make_pair<int64_t, int64_t>(0, size - 1);
  }
  auto binary = dyn_cast<AffineBinaryOpExpr>(expr);
  if (!binary)
    return std::nullopt;
  auto lhs = getBounds(binary.getLHS()), rhs = getBounds(binary.getRHS());
  if (!lhs || !rhs)
    return std::nullopt;
  switch (binary.getKind()) {
  case AffineExprKind::Add:
    return std::make_pair(lhs->first + rhs->first, lhs->second + rhs->second);
  case AffineExprKind::Mul: {
    int64_t products[] = {lhs->first * rhs->first, lhs->first * rhs->second,
                          lhs->second * rhs->first, lhs->second * rhs->second};
    return std::make_pair(*llvm::min_element(products),
                          *llvm::max_element(products));
  }
  default:
    return std::nullopt;
  }
}

unsigned ComputeLowering::addInput(Value tensor, AffineMap map) {
  for (unsigned i = 0, e = inputs.size(); i < e; ++i)
    if (inputs[i] == tensor && inputMaps[i] == map)
      return i;
  inputs.push_back(tensor);
  inputMaps.push_back(map);
  return inputs.size() - 1;
}

/// Makes a top-level read of an input an indexing map where it can be one.
/// Other reads stay in the body and become tensor.extract.
void ComputeLowering::planRead(ReadOp read) {
  auto arg = dyn_cast<BlockArgument>(read.getTensor());
  if (!arg || arg.getOwner() != &op.getBodyBlock() ||
      arg.getArgNumber() < numLoops)
    return;
  Value tensor = op.getInputs()[arg.getArgNumber() - numLoops];
  SmallVector<AffineExpr> exprs;
  for (Value index : read.getIndices()) {
    std::optional<AffineExpr> expr = getAffine(index);
    if (!expr)
      return;
    exprs.push_back(*expr);
  }
  auto tensorType = cast<RankedTensorType>(tensor.getType());

  if (Value padding = read.getPadding()) {
    // Pad the input by as much as the reads reach outside it, and shift the
    // map: the convolution-padding case, kept structured.
    TypedAttr padValue;
    if (!matchPattern(padding, m_Constant(&padValue)) ||
        !tensorType.hasStaticShape())
      return;
    SmallVector<int64_t> low, high;
    bool needsPad = false;
    for (auto [dim, expr] : llvm::enumerate(exprs)) {
      auto bounds = getBounds(expr);
      if (!bounds)
        return;
      int64_t size = tensorType.getDimSize(dim);
      low.push_back(std::max<int64_t>(0, -bounds->first));
      high.push_back(std::max<int64_t>(0, bounds->second - (size - 1)));
      needsPad |= low.back() || high.back();
      expr = expr + low.back();
    }
    if (needsPad) {
      SmallVector<int64_t> paddedShape;
      for (auto [size, l, h] : llvm::zip(tensorType.getShape(), low, high))
        paddedShape.push_back(size + l + h);
      OpBuilder::InsertionGuard guard(rewriter);
      rewriter.setInsertionPoint(op);
      Value padConstant =
          arith::ConstantOp::create(rewriter, loc, padValue).getResult();
      SmallVector<OpFoldResult> lowSizes, highSizes;
      for (auto [l, h] : llvm::zip(low, high)) {
        lowSizes.push_back(rewriter.getIndexAttr(l));
        highSizes.push_back(rewriter.getIndexAttr(h));
      }
      tensor = tensor::PadOp::create(rewriter, loc, tensorType.clone(paddedShape),
                                     tensor, lowSizes, highSizes, padConstant);
    }
  }

  // Linalg derives loop ranges from the operands' dims that are a bare loop
  // index: those must have the loop's extent.
  for (auto [tensorDim, expr] : llvm::enumerate(exprs))
    if (auto dim = dyn_cast<AffineDimExpr>(expr))
      if (!hasLoopExtent(dim.getPosition(), tensor, tensorDim))
        return;
  AffineMap map = AffineMap::get(numLoops, 0, exprs, op.getContext());
  affineReads[read] = AffineRead{addInput(tensor, map)};
}

/// tensor.extract of a read that has no indexing map; a padded read checks
/// its bounds first.
Value ComputeLowering::buildExtract(OpBuilder &b, ReadOp read,
                                    IRMapping &mapping) {
  Value tensor = mapping.lookup(read.getTensor());
  SmallVector<Value> indices = llvm::map_to_vector(
      read.getIndices(), [&](Value v) { return mapping.lookup(v); });
  if (!read.getPadding())
    return tensor::ExtractOp::create(b, read.getLoc(), tensor, indices);
  Location readLoc = read.getLoc();
  Value zero = arith::ConstantIndexOp::create(b, readLoc, 0);
  Value inBounds;
  for (auto [dim, index] : llvm::enumerate(indices)) {
    Value size = tensor::DimOp::create(b, readLoc, tensor, dim);
    Value aboveZero = arith::CmpIOp::create(b, readLoc, arith::CmpIPredicate::sge,
                                            index, zero);
    Value belowSize = arith::CmpIOp::create(b, readLoc, arith::CmpIPredicate::slt,
                                            index, size);
    Value both = arith::AndIOp::create(b, readLoc, aboveZero, belowSize);
    inBounds = inBounds ? arith::AndIOp::create(b, readLoc, inBounds, both)
                        : both;
  }
  Value padding = mapping.lookup(read.getPadding());
  auto ifOp = scf::IfOp::create(
      b, readLoc, inBounds,
      [&](OpBuilder &thenBuilder, Location l) {
        Value element = tensor::ExtractOp::create(thenBuilder, l, tensor, indices);
        scf::YieldOp::create(thenBuilder, l, element);
      },
      [&](OpBuilder &elseBuilder, Location l) {
        scf::YieldOp::create(elseBuilder, l, padding);
      });
  return ifOp.getResult(0);
}

TypedAttr ComputeLowering::getIdentity(Type elementType) {
  CombinerKind kind = *op.getCombiner();
  if (auto floatType = dyn_cast<FloatType>(elementType)) {
    const llvm::fltSemantics &semantics = floatType.getFloatSemantics();
    switch (kind) {
    case CombinerKind::Sum:
      return rewriter.getFloatAttr(floatType, 0.0);
    case CombinerKind::Prod:
      return rewriter.getFloatAttr(floatType, 1.0);
    case CombinerKind::Max:
      return rewriter.getFloatAttr(floatType,
                                   llvm::APFloat::getInf(semantics, true));
    case CombinerKind::Min:
      return rewriter.getFloatAttr(floatType,
                                   llvm::APFloat::getInf(semantics, false));
    case CombinerKind::Custom:
      break;
    }
    llvm_unreachable("custom combiners have inits");
  }
  unsigned width = elementType.getIntOrFloatBitWidth();
  switch (kind) {
  case CombinerKind::Sum:
    return rewriter.getIntegerAttr(elementType, 0);
  case CombinerKind::Prod:
    return rewriter.getIntegerAttr(elementType, 1);
  case CombinerKind::Max:
    return rewriter.getIntegerAttr(elementType,
                                   llvm::APInt::getSignedMinValue(width));
  case CombinerKind::Min:
    return rewriter.getIntegerAttr(elementType,
                                   llvm::APInt::getSignedMaxValue(width));
  case CombinerKind::Custom:
    break;
  }
  llvm_unreachable("custom combiners have inits");
}

Value ComputeLowering::buildCombine(OpBuilder &b, Value acc, Value value) {
  bool isFloat = isa<FloatType>(acc.getType());
  switch (*op.getCombiner()) {
  case CombinerKind::Sum:
    return isFloat ? arith::AddFOp::create(b, loc, acc, value).getResult()
                   : arith::AddIOp::create(b, loc, acc, value).getResult();
  case CombinerKind::Prod:
    return isFloat ? arith::MulFOp::create(b, loc, acc, value).getResult()
                   : arith::MulIOp::create(b, loc, acc, value).getResult();
  case CombinerKind::Max:
    return isFloat ? arith::MaximumFOp::create(b, loc, acc, value).getResult()
                   : arith::MaxSIOp::create(b, loc, acc, value).getResult();
  case CombinerKind::Min:
    return isFloat ? arith::MinimumFOp::create(b, loc, acc, value).getResult()
                   : arith::MinSIOp::create(b, loc, acc, value).getResult();
  case CombinerKind::Custom:
    break;
  }
  llvm_unreachable("custom combiners are cloned");
}

FailureOr<linalg::GenericOp> ComputeLowering::lower() {
  computeLoopSizes();
  Block &body = op.getBodyBlock();
  for (auto read : body.getOps<ReadOp>())
    planRead(read);

  // A loop that no operand's shape gives gets an operand of its own shape.
  llvm::SmallBitVector covered(numLoops);
  for (unsigned dim = 0; dim < rank; ++dim)
    covered.set(dim); // The outputs give every output axis.
  for (AffineMap map : inputMaps)
    for (AffineExpr expr : map.getResults())
      if (auto dim = dyn_cast<AffineDimExpr>(expr))
        covered.set(dim.getPosition());
  SmallVector<AffineExpr> carrierExprs;
  SmallVector<OpFoldResult> carrierSizes;
  for (unsigned dim = rank; dim < numLoops; ++dim)
    if (!covered.test(dim)) {
      carrierExprs.push_back(getAffineDimExpr(dim, op.getContext()));
      carrierSizes.push_back(loopSizes[dim]);
    }
  if (!carrierExprs.empty()) {
    inputs.push_back(tensor::EmptyOp::create(rewriter, loc, carrierSizes,
                                             rewriter.getI1Type()));
    inputMaps.push_back(
        AffineMap::get(numLoops, 0, carrierExprs, op.getContext()));
  }

  // Results start empty, or at the combiner's identity.
  SmallVector<Value> inits;
  SmallVector<OpFoldResult> outputSizes(loopSizes.begin(),
                                        loopSizes.begin() + rank);
  for (auto [index, type] : llvm::enumerate(op.getResultTypes())) {
    Type elementType = cast<RankedTensorType>(type).getElementType();
    Value init = tensor::EmptyOp::create(rewriter, loc, outputSizes, elementType);
    if (numReduce) {
      TypedAttr identity = *op.getCombiner() == CombinerKind::Custom
                               ? cast<TypedAttr>((*op.getInits())[index])
                               : getIdentity(elementType);
      Value identityValue = arith::ConstantOp::create(rewriter, loc, identity);
      init = linalg::FillOp::create(rewriter, loc, identityValue, init)
                 .getResult(0);
    }
    inits.push_back(init);
  }

  SmallVector<AffineMap> maps(inputMaps);
  // The output axes are the leading loops (getMajorSubMap(0) is null).
  AffineMap outputMap =
      rank == 0 ? AffineMap::get(numLoops, 0, {}, op.getContext())
                : AffineMap::getMultiDimIdentityMap(numLoops, op.getContext())
                      .getMajorSubMap(rank);
  maps.append(op.getNumResults(), outputMap);
  SmallVector<utils::IteratorType> iterators(rank, utils::IteratorType::parallel);
  iterators.append(numReduce, utils::IteratorType::reduction);

  auto generic = linalg::GenericOp::create(
      rewriter, loc, op.getResultTypes(), inputs, inits, maps, iterators,
      [&](OpBuilder &b, Location bodyLoc, ValueRange args) {
        IRMapping mapping;
        for (unsigned dim = 0; dim < numLoops; ++dim)
          mapping.map(body.getArgument(dim),
                      linalg::IndexOp::create(b, bodyLoc, dim));
        for (auto [arg, input] :
             llvm::zip(op.getInputArguments(), op.getInputs()))
          mapping.map(arg, input);
        for (Operation &nested : body.without_terminator()) {
          auto read = dyn_cast<ReadOp>(nested);
          auto it = read ? affineReads.find(read) : affineReads.end();
          if (it != affineReads.end())
            mapping.map(read.getResult(), args[it->second.inputIndex]);
          else if (read)
            mapping.map(read.getResult(), buildExtract(b, read, mapping));
          else
            b.clone(nested, mapping);
        }
        // Reads inside nested regions (under scf.if, ...) stay guarded there.
        SmallVector<ReadOp> nestedReads;
        b.getInsertionBlock()->walk(
            [&](ReadOp read) { nestedReads.push_back(read); });
        for (ReadOp read : nestedReads) {
          OpBuilder::InsertionGuard guard(rewriter);
          rewriter.setInsertionPoint(read);
          IRMapping identity;
          for (Value operand : read->getOperands())
            identity.map(operand, operand);
          rewriter.replaceOp(read, buildExtract(rewriter, read, identity));
        }

        auto yield = cast<YieldOp>(body.getTerminator());
        SmallVector<Value> values = llvm::map_to_vector(
            yield.getValues(), [&](Value v) { return mapping.lookupOrDefault(v); });
        ValueRange accumulators = args.drop_front(inputs.size());
        if (numReduce && *op.getCombiner() == CombinerKind::Custom) {
          Block &combine = op.getCombinerBody().front();
          IRMapping combineMapping;
          combineMapping.map(combine.getArguments().take_front(values.size()),
                             accumulators);
          combineMapping.map(combine.getArguments().drop_front(values.size()),
                             values);
          for (Operation &nested : combine.without_terminator())
            b.clone(nested, combineMapping);
          values = llvm::map_to_vector(
              cast<YieldOp>(combine.getTerminator()).getValues(),
              [&](Value v) { return combineMapping.lookupOrDefault(v); });
        } else if (numReduce) {
          values = {buildCombine(b, accumulators.front(), values.front())};
        }
        linalg::YieldOp::create(b, bodyLoc, values);
      });
  return generic;
}

/// Erases what the body computed only for reads that became indexing maps
/// (index arithmetic, linalg.index): named-op matching wants a clean body.
static void eraseDeadBodyOps(linalg::GenericOp generic,
                             RewriterBase &rewriter) {
  Block &body = generic.getRegion().front();
  for (Operation &op : llvm::make_early_inc_range(llvm::reverse(body)))
    if (isOpTriviallyDead(&op))
      rewriter.eraseOp(&op);
}

/// Whether linalg's specialization is right for `generic`: MLIR 22's
/// specializeGenericOp turns contractions with transposed operands into
/// plain matmuls, dropping the transpose; keep those generic.
static bool canSpecialize(linalg::GenericOp generic) {
  if (!linalg::isaContractionOpInterface(generic))
    return true;
  SmallVector<AffineMap> maps = generic.getIndexingMapsArray();
  MLIRContext *context = generic.getContext();
  return maps == linalg::MatmulOp::getDefaultIndexingMaps(context) ||
         maps == linalg::BatchMatmulOp::getDefaultIndexingMaps(context);
}

namespace {

struct ComputeToLinalg : OpRewritePattern<ComputeOp> {
  ComputeToLinalg(MLIRContext *context, bool specializeNamedOps)
      : OpRewritePattern(context), specializeNamedOps(specializeNamedOps) {}

  LogicalResult matchAndRewrite(ComputeOp op,
                                PatternRewriter &rewriter) const override {
    FailureOr<linalg::GenericOp> generic =
        ComputeLowering(op, rewriter).lower();
    if (failed(generic))
      return failure();
    rewriter.replaceOp(op, generic->getResults());
    eraseDeadBodyOps(*generic, rewriter);
    Operation *kernel = *generic;
    if (specializeNamedOps && canSpecialize(*generic))
      if (FailureOr<linalg::LinalgOp> named =
              linalg::specializeGenericOp(rewriter, *generic);
          succeeded(named))
        kernel = *named;
    // Schedules find their kernel by its te stage name.
    kernel->setAttr(kStageAttrName, op.getStageAttr());
    return success();
  }

  bool specializeNamedOps;
};

struct ConvertTEToLinalgPass
    : tessera::impl::ConvertTEToLinalgBase<ConvertTEToLinalgPass> {
  using Base::Base;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populateTEToLinalgConversionPatterns(patterns, specializeNamedOps);
    ConversionTarget target(getContext());
    target.addIllegalDialect<TEDialect>();
    target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace

void tessera::populateTEToLinalgConversionPatterns(RewritePatternSet &patterns,
                                                   bool specializeNamedOps) {
  patterns.add<ComputeToLinalg>(patterns.getContext(), specializeNamedOps);
}
