//===- GraphToTE.h - Lower graph operators to tensor expressions ----------===//

#ifndef TESSERA_CONVERSION_GRAPHTOTE_GRAPHTOTE_H
#define TESSERA_CONVERSION_GRAPHTOTE_GRAPHTOTE_H

#include "mlir/Transforms/DialectConversion.h"

namespace tessera {

/// te and Linalg compute on signless integers: `ui8` tensors become `i8`
/// ones, and the patterns pick unsigned arithmetic from the original types.
class GraphToTETypeConverter : public mlir::TypeConverter {
public:
  GraphToTETypeConverter();
};

/// Adds the patterns lowering every graph operator to te.compute (and
/// graph.constant to arith.constant).
void populateGraphToTEConversionPatterns(
    const mlir::TypeConverter &typeConverter,
    mlir::RewritePatternSet &patterns);

} // namespace tessera

#endif // TESSERA_CONVERSION_GRAPHTOTE_GRAPHTOTE_H
