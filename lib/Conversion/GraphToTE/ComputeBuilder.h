//===- ComputeBuilder.h - Helpers for building te.compute -----------------===//
//
// What every graph-to-te pattern uses: build a te.compute from a body
// callback, numpy broadcasting, output sizes, scalar constants, and the
// small tensor and diagnostic helpers several families share.
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_LIB_CONVERSION_GRAPHTOTE_COMPUTEBUILDER_H
#define TESSERA_LIB_CONVERSION_GRAPHTOTE_COMPUTEBUILDER_H

#include "tessera/Dialect/TE/IR/TE.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/PatternMatch.h"

#include <functional>
#include <optional>
#include <string>

namespace mlir {
class TypeConverter;
} // namespace mlir

namespace tessera::graph_to_te {

/// What a te.compute body callback sees: the index and input block
/// arguments, and a builder positioned in the body.
class ComputeBody {
public:
  ComputeBody(mlir::OpBuilder &b, mlir::Location loc,
              mlir::ValueRange outputIndices, mlir::ValueRange reduceIndices,
              mlir::ValueRange inputs)
      : b(b), loc(loc), outputIndices(outputIndices),
        reduceIndices(reduceIndices), inputs(inputs) {}

  /// te.read of input `input` at `indices`, `padding` outside its bounds.
  mlir::Value read(unsigned input, mlir::ValueRange indices,
                   mlir::Value padding = {});
  /// The indices of input `input` numpy-broadcast against the output: a
  /// size-1 dim reads index 0. (Dynamic dims are checked to equal the
  /// output's before the compute: see buildCompute.)
  llvm::SmallVector<mlir::Value> broadcastIndices(unsigned input);
  /// read(input, broadcastIndices(input)).
  mlir::Value readBroadcast(unsigned input);
  /// The one element of the rank-0 or one-element input `input`.
  mlir::Value readScalar(unsigned input);
  /// The size of dim `dim` of input `input`: a constant, or a tensor.dim.
  mlir::Value dimSize(unsigned input, int64_t dim);
  mlir::Value index(int64_t value);

  mlir::OpBuilder &b;
  mlir::Location loc;
  mlir::ValueRange outputIndices, reduceIndices, inputs;
};

struct ReductionSpec {
  llvm::SmallVector<std::string> axes;
  llvm::SmallVector<mlir::OpFoldResult> extents;
  te::CombinerKind combiner = te::CombinerKind::Sum;
  /// For te::CombinerKind::Custom: the identities, and the combine function
  /// (accumulators, values) -> new accumulators.
  llvm::SmallVector<mlir::TypedAttr> inits;
  std::function<llvm::SmallVector<mlir::Value>(
      mlir::OpBuilder &, mlir::Location, mlir::ValueRange, mlir::ValueRange)>
      combine;
};

using BodyFn =
    llvm::function_ref<llvm::SmallVector<mlir::Value>(ComputeBody &)>;

/// Builds a te.compute named `stage` with `resultTypes` (all of one shape,
/// whose sizes `outputSizes` gives), output axes `axes`, an optional
/// reduction and a body. Returns its results.
llvm::SmallVector<mlir::Value>
buildCompute(mlir::OpBuilder &b, mlir::Location loc, llvm::StringRef stage,
             mlir::TypeRange resultTypes,
             llvm::ArrayRef<mlir::OpFoldResult> outputSizes,
             mlir::ValueRange inputs, llvm::ArrayRef<std::string> axes,
             const ReductionSpec *reduction, BodyFn body);

/// "d0", "d1", ... for `rank` axes.
llvm::SmallVector<std::string> defaultAxes(unsigned rank,
                                           llvm::StringRef prefix = "d");

/// The sizes of `resultType`, the numpy broadcast of `operands`. A dynamic
/// operand dim must equal the result's: that is asserted at run time
/// (stretching a dynamic dim of size 1 is not supported), so any operand's
/// dynamic dim gives the size.
llvm::SmallVector<mlir::OpFoldResult>
broadcastSizes(mlir::OpBuilder &b, mlir::Location loc,
               mlir::RankedTensorType resultType, mlir::ValueRange operands);

/// A compute whose every element is `fn` of the operands' broadcast elements.
mlir::Value buildElementwise(
    mlir::OpBuilder &b, mlir::Location loc, llvm::StringRef stage,
    mlir::RankedTensorType resultType, mlir::ValueRange operands,
    llvm::function_ref<mlir::Value(mlir::OpBuilder &, mlir::Location,
                                   mlir::ValueRange)>
        fn);

/// Float scalar arithmetic at one location: the coordinate and weight math
/// of resampling and signal operators.
struct FloatOps {
  mlir::OpBuilder &b;
  mlir::Location loc;
  mlir::Value add(mlir::Value x, mlir::Value y) const;
  mlir::Value sub(mlir::Value x, mlir::Value y) const;
  mlir::Value mul(mlir::Value x, mlir::Value y) const;
  mlir::Value div(mlir::Value x, mlir::Value y) const;
};

/// A scalar constant of int or float `type`.
mlir::Value scalarConstant(mlir::OpBuilder &b, mlir::Location loc,
                           mlir::Type type, double value);

/// The graph op's mnemonic ("conv", "add"): the default stage name.
llvm::StringRef stageName(mlir::Operation *op);

/// Reports `message` on `op` (the user sees it; the pass then fails) and
/// fails the match: how patterns reject what they do not lower.
llvm::LogicalResult reject(mlir::Operation *op, mlir::RewriterBase &rewriter,
                           const llvm::Twine &message);

/// The converted (te-side) type of `value`'s type.
mlir::RankedTensorType convertedType(const mlir::TypeConverter *converter,
                                     mlir::Value value);

/// The size of dim `dim` of `tensor`: an index attribute where it is
/// static, a tensor.dim otherwise.
mlir::OpFoldResult dimSize(mlir::OpBuilder &b, mlir::Location loc,
                           mlir::Value tensor, int64_t dim);

mlir::Value constantIndex(mlir::OpBuilder &b, mlir::Location loc,
                          int64_t value);

/// `value` as a tensor of `type` (a tensor.cast where the shapes differ in
/// which sizes are static).
mlir::Value castTo(mlir::OpBuilder &b, mlir::Location loc, mlir::Value value,
                   mlir::Type type);

/// The one element of a rank-0 or one-element tensor, outside a compute.
mlir::Value extractScalar(mlir::OpBuilder &b, mlir::Location loc,
                          mlir::Value tensor);

/// The single value of a constant one-element integer tensor.
std::optional<int64_t> getConstantScalar(mlir::Value value);

} // namespace tessera::graph_to_te

#endif // TESSERA_LIB_CONVERSION_GRAPHTOTE_COMPUTEBUILDER_H
