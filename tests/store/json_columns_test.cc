#include "store/json_columns.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

TEST(JsonColumnsTest, ArraysRoundTripAndJunkReadsAsEmpty) {
  std::vector<std::string> v = {"锂电池", "a\"b", ""};
  EXPECT_EQ(SplitArray(JoinArray(v)), v);
  EXPECT_EQ(JoinArray({}), "[]");
  EXPECT_TRUE(SplitArray("not json").empty());
  EXPECT_TRUE(SplitArray("{\"a\":1}").empty());
  EXPECT_EQ(SplitArray("[\"x\", 3, null]"), std::vector<std::string>{"x"});
}

TEST(JsonColumnsTest, ContactRoundTripsAndMissingMembersAreEmpty) {
  Contact c{"王工", "0755-12345678", "w@example.com"};
  Contact back = ContactFrom(ContactJson(c));
  EXPECT_EQ(back.name, c.name);
  EXPECT_EQ(back.phone, c.phone);
  EXPECT_EQ(back.email, c.email);
  Contact partial = ContactFrom("{\"name\":\"x\"}");
  EXPECT_EQ(partial.name, "x");
  EXPECT_EQ(partial.phone, "");
  EXPECT_EQ(ContactFrom("[]").name, "");
}

}  // namespace
}  // namespace kc
