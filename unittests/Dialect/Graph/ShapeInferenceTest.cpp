//===- ShapeInferenceTest.cpp - Graph dialect shape rules -----------------===//

#include "tessera/Dialect/Graph/IR/Graph.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/MLIRContext.h"

#include "gtest/gtest.h"

using namespace mlir;
using namespace tessera::graph;

namespace {

class ShapeInferenceTest : public ::testing::Test {
protected:
  ShapeInferenceTest() : builder(&context) {
    context.loadDialect<GraphDialect>();
  }
  RankedTensorType tensor(ArrayRef<int64_t> shape, Type element = nullptr) {
    return RankedTensorType::get(shape, element ? element : builder.getF32Type());
  }

  MLIRContext context;
  Builder builder;
};

TEST_F(ShapeInferenceTest, BroadcastAlignsTrailingDimensions) {
  SmallVector<Type> inferred;
  inferBroadcastResult(tensor({8, 1, 6, 1}), tensor({7, 1, 5}), nullptr,
                       inferred);
  EXPECT_EQ(inferred.front(), tensor({8, 7, 6, 5}));
}

TEST_F(ShapeInferenceTest, BroadcastKeepsDynamicDimensionsAndElementType) {
  SmallVector<Type> inferred;
  inferBroadcastResult(tensor({ShapedType::kDynamic, 4}), tensor({1, 4}),
                       builder.getI1Type(), inferred);
  EXPECT_EQ(inferred.front(),
            tensor({ShapedType::kDynamic, 4}, builder.getI1Type()));
}

TEST_F(ShapeInferenceTest, BroadcastOfConflictingSizesIsDynamic) {
  constexpr int64_t kDyn = ShapedType::kDynamic;
  EXPECT_EQ(broadcastShapes({2, 3}, {4}), (SmallVector<int64_t>{2, kDyn}));
  EXPECT_EQ(broadcastShapes({kDyn, 3}, {5, 1}), (SmallVector<int64_t>{5, 3}));
}

TEST_F(ShapeInferenceTest, CompatibleTypesMayRefineDynamicDimensions) {
  Type inferred = tensor({ShapedType::kDynamic, 3});
  EXPECT_TRUE(areCompatibleTensorTypes(inferred, tensor({5, 3})));
  EXPECT_FALSE(areCompatibleTensorTypes(inferred, tensor({5, 4})));
  EXPECT_FALSE(areCompatibleTensorTypes(inferred, tensor({5, 3, 1})));
  EXPECT_FALSE(areCompatibleTensorTypes(
      inferred, tensor({5, 3}, builder.getF16Type())));
}

} // namespace
