// Reading the parameters of a search and writing them back as the web app sends them (the
// search itself is tested through the API in search_routes_test.cc).
#include "api/search_response.h"

#include <gtest/gtest.h>

namespace kc::api {
namespace {

http::Request Get(const std::string& target) {
  http::BeastRequest raw(http::bhttp::verb::get, target, 11);
  return http::Request(std::move(raw), "id", "127.0.0.1");
}

TEST(SearchResponseTest, ReadsFiltersAndPage) {
  auto q =
      ReadSearchQuery(Get("/search?q=%E7%84%8A%E7%BC%9D&type=demand&region=44&page=3&size=10"));
  ASSERT_TRUE(q.ok()) << q.status().message();
  EXPECT_EQ(q->request.q, "焊缝");
  EXPECT_EQ(q->request.kind, ListingKind::kDemand);
  EXPECT_EQ(q->request.region, "44");
  EXPECT_EQ(q->request.offset, 20u);
  EXPECT_EQ(q->request.limit, 10u);
  EXPECT_EQ(SearchQueryJson(*q),
            json({{"q", "焊缝"}, {"page", 3}, {"size", 10}, {"type", "demand"}, {"region", "44"}}));
}

TEST(SearchResponseTest, WithPageSizeMovesTheOffset) {
  auto q = ReadSearchQuery(Get("/search?q=x&page=2&size=5"));
  ASSERT_TRUE(q.ok());
  SearchQuery sized = WithPageSize(*q, 20);
  EXPECT_EQ(sized.request.offset, 20u);
  EXPECT_EQ(sized.request.limit, 20u);
  EXPECT_EQ(SearchQueryJson(sized), json({{"q", "x"}, {"page", 2}, {"size", 20}}));
}

TEST(SearchResponseTest, BadParametersAreNamed) {
  auto type = ReadSearchQuery(Get("/search?q=x&type=patent"));
  ASSERT_FALSE(type.ok());
  EXPECT_EQ(type.status().field(), "type");
  auto page = ReadSearchQuery(Get("/search?q=x&page=zero"));
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().field(), "page");
  auto deep = ReadSearchQuery(Get("/search?q=x&page=100000"));
  ASSERT_FALSE(deep.ok());
  EXPECT_EQ(deep.status().field(), "page");
}

}  // namespace
}  // namespace kc::api
