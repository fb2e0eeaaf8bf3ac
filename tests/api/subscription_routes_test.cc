// Saved searches, follows and notifications through the API.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "api/api_fixture.h"

namespace kc::testing {
namespace {

using nlohmann::json;

class SubscriptionRoutesTest : public ApiTest {
 protected:
  HttpResult WaitForNotifications(Client& c, int n) {
    HttpResult r;
    for (int i = 0; i < 60; ++i) {
      r = c.Get("/api/v1/me/notifications");
      if (r.json.value("total", 0) >= n) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return r;
  }
};

TEST_F(SubscriptionRoutesTest, SavedSearchNotifiesAboutANewMatchingListingOnce) {
  Client watcher = RegisterUser("watcher");
  auto saved =
      watcher.Post("/api/v1/me/subscriptions", {{"q", "焊缝缺陷检测"}, {"type", "demand"}});
  ASSERT_EQ(saved.status, 201) << saved.body;
  EXPECT_EQ(saved.json["kind"], "search");
  Client owner = RegisterWithOrg("poster", "焊接企业");
  Client reviewer = Reviewer();
  int64_t unrelated = PublishedDemand(owner, reviewer, "果汁浓缩工艺节能改造");
  int64_t related = PublishedDemand(owner, reviewer, "机器人焊缝缺陷在线检测");
  auto notes = WaitForNotifications(watcher, 1);
  ASSERT_EQ(notes.json["total"], 1) << notes.body;
  EXPECT_EQ(notes.json["items"][0]["listing_id"], related);
  EXPECT_EQ(notes.json["items"][0]["kind"], "saved_search");
  EXPECT_EQ(notes.json["items"][0]["listing_type"], "demand");
  EXPECT_FALSE(notes.json["items"][0]["read"].get<bool>());
  (void)unrelated;
  // Re-publishing after an edit does not notify twice.
  std::string base = "/api/v1/demands/" + std::to_string(related);
  owner.Patch(base, {{"keywords", {"焊缝", "缺陷检测"}}});
  owner.Post(base + "/submit", json::object());
  reviewer.Post(base + "/approve", json::object());
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(watcher.Get("/api/v1/me/notifications").json["total"], 1);
  int64_t note = notes.json["items"][0]["id"];
  EXPECT_EQ(
      watcher.Post("/api/v1/me/notifications/" + std::to_string(note) + "/read", json::object())
          .status,
      204);
  EXPECT_EQ(watcher.Get("/api/v1/me/notifications?unread=true").json["total"], 0);
  EXPECT_EQ(owner.Post("/api/v1/me/notifications/" + std::to_string(note) + "/read", json::object())
                .status,
            404);
}

TEST_F(SubscriptionRoutesTest, FollowingADemandNotifiesAboutAMatchingAchievement) {
  Client ent = RegisterWithOrg("follower", "电池公司");
  Client reviewer = Reviewer();
  int64_t demand = PublishedDemand(ent, reviewer, "磷酸铁锂电池低温电解液");
  auto follow = ent.Post("/api/v1/me/subscriptions", {{"listing_id", demand}});
  ASSERT_EQ(follow.status, 201) << follow.body;
  EXPECT_EQ(ent.Get("/api/v1/me/subscriptions").json["items"].size(), 1u);
  Client uni = RegisterWithOrg("inventor", "某研究院", "institute");
  auto a = uni.Post("/api/v1/achievements",
                    {{"title", "磷酸铁锂电池宽温域低温电解液"},
                     {"abstract", "一种低温电解液配方，显著提升磷酸铁锂电池-30℃放电容量。"},
                     {"keywords", {"锂电池", "低温电解液"}},
                     {"discipline", "化学工程与技术"}});
  ASSERT_EQ(a.status, 201);
  std::string base = "/api/v1/achievements/" + std::to_string(a.json["id"].get<int64_t>());
  uni.Post(base + "/submit", json::object());
  reviewer.Post(base + "/approve", json::object());
  // Two notices: the demand's approval, then the new match.
  auto notes = WaitForNotifications(ent, 2);
  ASSERT_GE(notes.json.value("total", 0), 2) << notes.body;
  EXPECT_EQ(notes.json["items"][0]["kind"], "new_match");
  EXPECT_EQ(notes.json["items"][0]["listing_id"], a.json["id"]);
  EXPECT_EQ(notes.json["items"][1]["kind"], "listing_approved");
  // Unsubscribe.
  int64_t sub = follow.json["id"];
  EXPECT_EQ(ent.Delete("/api/v1/me/subscriptions/" + std::to_string(sub)).status, 204);
  EXPECT_EQ(ent.Delete("/api/v1/me/subscriptions/" + std::to_string(sub)).status, 404);
}

TEST_F(SubscriptionRoutesTest, BadSubscriptions) {
  Client c = RegisterUser("picky");
  EXPECT_EQ(c.Post("/api/v1/me/subscriptions", json::object()).status, 422);
  EXPECT_EQ(c.Post("/api/v1/me/subscriptions", {{"q", "  "}}).status, 422);
  EXPECT_EQ(c.Post("/api/v1/me/subscriptions", {{"listing_id", 99999}}).status, 422);
  EXPECT_EQ(c.Post("/api/v1/me/subscriptions", {{"q", "x"}, {"colour", "red"}}).status, 400);
  EXPECT_EQ(Anonymous().Get("/api/v1/me/notifications").status, 401);
}

}  // namespace
}  // namespace kc::testing
