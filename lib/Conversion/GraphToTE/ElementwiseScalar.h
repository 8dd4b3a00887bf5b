//===- ElementwiseScalar.h - Scalar functions of elementwise ops ----------===//
//
// What Elementwise.cpp and ElementwiseQuantize.cpp share: element type
// conversions as ONNX's Cast does them, and linear quantization.
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_LIB_CONVERSION_GRAPHTOTE_ELEMENTWISESCALAR_H
#define TESSERA_LIB_CONVERSION_GRAPHTOTE_ELEMENTWISESCALAR_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Transforms/DialectConversion.h"

namespace tessera::graph_to_te {

/// Whether `type` (a graph tensor type before conversion) holds unsigned
/// integers or booleans: both compare, extend and convert as unsigned values.
bool hasUnsignedElements(mlir::Type type);

/// `x` converted to the int or float type `to` as ONNX's Cast (numpy's
/// astype) does: floats to integers truncate toward zero, anything to i1
/// tests for non-zero, integers extend by their signedness. The signedness
/// flags say how the signless `x` and `to` are to be read.
mlir::Value convertScalar(mlir::OpBuilder &b, mlir::Location loc, mlir::Value x,
                          mlir::Type to, bool fromUnsigned, bool toUnsigned);

/// saturate(round_half_to_even(x / scale) + zeroPoint) to `resultType`,
/// computed in the scale's float type; `zeroPoint` (of `resultType`) may be
/// null. `resultUnsigned` says whether the result is ui8 or i8.
mlir::Value quantizeScalar(mlir::OpBuilder &b, mlir::Location loc,
                           mlir::Value x, mlir::Value scale,
                           mlir::Value zeroPoint, mlir::IntegerType resultType,
                           bool resultUnsigned);

/// quantize_linear, dequantize_linear, dynamic_quantize_linear.
void populateQuantizePatterns(const mlir::TypeConverter &typeConverter,
                              mlir::RewritePatternSet &patterns);

} // namespace tessera::graph_to_te

#endif // TESSERA_LIB_CONVERSION_GRAPHTOTE_ELEMENTWISESCALAR_H
