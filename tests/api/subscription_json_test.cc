#include "api/subscription_json.h"

#include <gtest/gtest.h>

#include "api/schema_check.h"

namespace kc::api {
namespace {

using nlohmann::json;

TEST(SubscriptionJsonTest, SubscriptionsAndNotificationsValidateAgainstTheirSchemas) {
  Subscription search{1, 2, "search", R"({"q":"涂层","type":"achievement"})", 0, 0};
  Subscription follow{2, 2, "listing", "{}", 17, 0};
  json s = SubscriptionJson(search);
  EXPECT_EQ(s["query"]["q"], "涂层");
  EXPECT_FALSE(s.contains("listing_id"));
  json f = SubscriptionJson(follow);
  EXPECT_EQ(f["listing_id"], 17);
  EXPECT_FALSE(f.contains("query"));
  testing::ExpectValid(SubscriptionSchema(), {s, f});

  Notification deal;
  deal.id = 3;
  deal.kind = "deal_stage";
  deal.deal_id = 9;
  deal.detail = R"({"stage":"signed"})";
  Notification bad_detail;
  bad_detail.detail = "not json";
  json d = NotificationJson(deal);
  EXPECT_EQ(d["deal_id"], 9);
  EXPECT_FALSE(d.contains("call_id")) << "only the ids a notice concerns";
  EXPECT_EQ(d["detail"]["stage"], "signed");
  EXPECT_EQ(NotificationJson(bad_detail)["detail"], json::object());
  testing::ExpectValid(NotificationSchema(), {d, NotificationJson(bad_detail)});
}

TEST(SubscriptionJsonTest, ReadsAFollowOrASavedSearch) {
  auto follow = ReadSubscriptionRequest({{"listing_id", 5}});
  ASSERT_TRUE(follow.ok());
  EXPECT_EQ(follow->listing_id, 5);
  auto search = ReadSubscriptionRequest({{"q", "涂层"}, {"type", "demand"}, {"region", "44"}});
  ASSERT_TRUE(search.ok()) << search.status().message();
  EXPECT_FALSE(search->listing_id.has_value());
  EXPECT_EQ(search->search.type, ListingKind::kDemand);
  EXPECT_EQ(search->search.region, "44");
  EXPECT_EQ(ReadSubscriptionRequest({{"listing_id", 5}, {"q", "x"}}).status().code(),
            "conflicting_fields");
  EXPECT_EQ(ReadSubscriptionRequest({{"q", "x"}, {"type", "robot"}}).status().field(), "type");
  EXPECT_EQ(ReadSubscriptionRequest(json::object()).status().field(), "q");
}

}  // namespace
}  // namespace kc::api
