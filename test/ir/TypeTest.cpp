#include <gtest/gtest.h>

#include "ir/Literal.h"
#include "ir/Type.h"

using namespace flytecc::ir;

TEST(Type, TextForm) {
  EXPECT_EQ(Type::list(Type::of(Simple::Integer)).str(), "[int]");
  EXPECT_EQ(Type::map(Type::of(Simple::Float)).str(), "{str: float}");
  EXPECT_EQ(Type::optional(Type::of(Simple::Boolean)).str(), "bool?");
  EXPECT_EQ(Type::directory().str(), "dir");
}

TEST(Type, SimpleTypesMustMatchExactly) {
  EXPECT_TRUE(isCastable(Type::of(Simple::Integer), Type::of(Simple::Integer)));
  EXPECT_FALSE(isCastable(Type::of(Simple::Integer), Type::of(Simple::Float)));  // no INTEGER -> FLOAT
  EXPECT_FALSE(isCastable(Type::of(Simple::Float), Type::of(Simple::Integer)));
}

TEST(Type, CollectionsCheckElementsAndScalarsNeverBecomeLists) {
  auto ints = Type::list(Type::of(Simple::Integer));
  EXPECT_TRUE(isCastable(ints, ints));
  EXPECT_FALSE(isCastable(ints, Type::list(Type::of(Simple::Float))));
  EXPECT_FALSE(isCastable(Type::of(Simple::Integer), ints));
  EXPECT_TRUE(isCastable(Type::list(Type::of(Simple::None)), ints));  // empty list fits any list
}

TEST(Type, UnionsAcceptExactlyOneVariant) {
  auto optInt = Type::optional(Type::of(Simple::Integer));
  EXPECT_TRUE(isCastable(Type::of(Simple::Integer), optInt));
  EXPECT_TRUE(isCastable(Type::of(Simple::None), optInt));
  EXPECT_FALSE(isCastable(Type::of(Simple::String), optInt));
  EXPECT_FALSE(isCastable(optInt, Type::of(Simple::Integer)));  // an optional never flows into a plain value
  EXPECT_TRUE(isCastable(optInt, optInt));
  EXPECT_FALSE(isCastable(Type::list(optInt), Type::list(Type::of(Simple::Integer))));
}

TEST(Literal, TextAndFit) {
  auto l = Literal::list({Literal::ofInt(1), Literal::ofInt(2)});
  EXPECT_EQ(l.str(), "[1, 2]");
  EXPECT_EQ(Literal::ofFloat(6).str(), "6.0");
  EXPECT_EQ(Literal::ofFloat(8.7).str(), "8.7");
  EXPECT_EQ(Literal::ofString("a\"b").str(), "\"a\\\"b\"");
  EXPECT_EQ(Literal::map({{"b", Literal::ofBool(true)}, {"a", Literal::ofBool(false)}}).str(),
            "{\"a\": false, \"b\": true}");
  EXPECT_TRUE(literalFits(l, Type::list(Type::of(Simple::Integer))));
  EXPECT_FALSE(literalFits(l, Type::list(Type::of(Simple::Float))));
  EXPECT_TRUE(literalFits(Literal::none(), Type::optional(Type::of(Simple::Integer))));
  EXPECT_FALSE(literalFits(Literal::none(), Type::of(Simple::Integer)));
}
