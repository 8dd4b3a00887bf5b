//===- Patterns.h - Graph-to-te patterns, one populate per family ---------===//

#ifndef TESSERA_LIB_CONVERSION_GRAPHTOTE_PATTERNS_H
#define TESSERA_LIB_CONVERSION_GRAPHTOTE_PATTERNS_H

#include "mlir/Transforms/DialectConversion.h"

namespace tessera::graph_to_te {

void populateElementwisePatterns(const mlir::TypeConverter &typeConverter,
                                 mlir::RewritePatternSet &patterns);
void populateReductionPatterns(const mlir::TypeConverter &typeConverter,
                               mlir::RewritePatternSet &patterns);
void populateRecurrentPatterns(const mlir::TypeConverter &typeConverter,
                               mlir::RewritePatternSet &patterns);
void populateDataMovementPatterns(const mlir::TypeConverter &typeConverter,
                                  mlir::RewritePatternSet &patterns);
void populateIndexingPatterns(const mlir::TypeConverter &typeConverter,
                              mlir::RewritePatternSet &patterns);
void populateNNPatterns(const mlir::TypeConverter &typeConverter,
                        mlir::RewritePatternSet &patterns);
void populateNormalizationPatterns(const mlir::TypeConverter &typeConverter,
                                   mlir::RewritePatternSet &patterns);
void populateVisionPatterns(const mlir::TypeConverter &typeConverter,
                            mlir::RewritePatternSet &patterns);
void populateSignalPatterns(const mlir::TypeConverter &typeConverter,
                            mlir::RewritePatternSet &patterns);

/// Whether `type` (a graph tensor type before conversion) holds unsigned
/// integers: te computes on signless ones and picks unsigned arithmetic.
bool isUnsignedTensor(mlir::Type type);

} // namespace tessera::graph_to_te

#endif // TESSERA_LIB_CONVERSION_GRAPHTOTE_PATTERNS_H
