#include "service/subscriptions.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "search/matcher.h"
#include "service/indexed_fixture.h"

namespace kc {
namespace {

using testing::AchievementDraft;
using testing::DemandDraft;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

class SubscriptionsTest : public testing::IndexedServiceTest {
 protected:
  SubscriptionsTest()
      : matcher_(index_.get(), translator_.get()),
        subs_(store(), clock_, *index_, translator_.get(), matcher_) {}

  // Announces one listing (as Alerts does a batch).
  int MustAnnounce(const Listing& l) {
    auto n = subs_.Announce({l.id});
    EXPECT_TRUE(n.ok()) << n.status().message();
    return n.ok() ? *n : -1;
  }

  Subscription MustSave(const User& who, SavedSearch search) {
    auto s = subs_.SaveSearch(Actor::Of(who), search);
    EXPECT_TRUE(s.ok()) << s.status().message();
    return s.ok() ? *s : Subscription{};
  }

  Subscription MustFollow(const User& who, int64_t listing_id) {
    auto s = subs_.Follow(Actor::Of(who), listing_id);
    EXPECT_TRUE(s.ok()) << s.status().message();
    return s.ok() ? *s : Subscription{};
  }

  // The subscription notices of `who` (saved searches and followed listings), newest first; the
  // review outcomes of their own listings are left out.
  std::vector<Notification> NotificationsOf(const User& who, bool unread_only = false) {
    auto page = subs_.Notifications(Actor::Of(who), unread_only, 0, 100);
    EXPECT_TRUE(page.ok()) << page.status().message();
    std::vector<Notification> out;
    for (const Notification& n : page.ok() ? page->items : std::vector<Notification>{}) {
      if (!n.kind.starts_with("listing_")) out.push_back(n);
    }
    return out;
  }

  std::vector<Subscription> SubscriptionsOf(const User& who) {
    auto list = subs_.List(Actor::Of(who));
    EXPECT_TRUE(list.ok()) << list.status().message();
    return list.ok() ? *list : std::vector<Subscription>{};
  }

  search::Matcher matcher_;
  Subscriptions subs_;
};

// A demand about detecting defects on lithium battery electrodes.
Listing BatteryDemand() {
  Listing l = DemandDraft("锂电池极片表面缺陷在线视觉检测");
  l.body =
      "我公司生产动力锂电池，需要在涂布和辊压工序对极片表面的划痕、漏箔、气泡等缺陷进行在线"
      "视觉检测，检出率不低于99%，并能与产线控制系统联动剔除不良品。";
  l.keywords = {"锂电池", "极片", "缺陷检测", "机器视觉"};
  return l;
}

// An achievement that answers BatteryDemand.
Listing BatteryAchievement() {
  Listing l = AchievementDraft("锂电池极片缺陷机器视觉在线检测系统");
  l.body =
      "本成果采用线阵相机与深度学习算法，对锂电池极片涂布和辊压后的表面缺陷进行实时在线检测，"
      "可识别划痕、漏箔、气泡、褶皱等十余类缺陷，检出率达99.5%。";
  l.keywords = {"锂电池", "极片", "机器视觉", "缺陷检测"};
  l.discipline = "计算机科学与技术";
  return l;
}

// An achievement about something else entirely.
Listing TeaAchievement() {
  Listing l = AchievementDraft("红茶低温揉捻与控温发酵工艺");
  l.body =
      "本成果提出一种红茶低温揉捻与控温发酵的加工工艺，提高茶黄素含量，改善茶汤色泽与口感，"
      "已在茶叶合作社推广应用。";
  l.keywords = {"茶叶加工", "发酵工艺"};
  l.discipline = "食品科学与工程";
  return l;
}

// A demand about sludge drying, sharing no subject with the others.
Listing SludgeDemand() {
  Listing l = DemandDraft("污水处理厂污泥低能耗脱水干化");
  l.body = "我厂每天产生约两百吨含水率百分之八十的市政污泥，寻求低能耗的深度脱水与热干化设备。";
  l.keywords = {"污泥脱水", "污泥干化"};
  l.discipline = "环境科学与工程";
  l.region = "320100";
  return l;
}

TEST_F(SubscriptionsTest, SaveSearchNeedsWordsAndASignedInUser) {
  for (const std::string q : {"", "   ", " \t\n"}) {
    auto s = subs_.SaveSearch(Actor::Of(a_member_), {.q = q});
    ASSERT_FALSE(s.ok()) << "q='" << q << "'";
    EXPECT_EQ(s.status().kind(), ErrorKind::kInvalid);
    EXPECT_EQ(s.status().field(), "q");
  }
  auto too_long = subs_.SaveSearch(Actor::Of(a_member_), {.q = std::string(1001, 'a')});
  ASSERT_FALSE(too_long.ok());
  EXPECT_EQ(too_long.status().kind(), ErrorKind::kInvalid);
  EXPECT_EQ(too_long.status().field(), "q");

  auto visitor = subs_.SaveSearch(Actor::Visitor(), {.q = "污泥干化"});
  ASSERT_FALSE(visitor.ok());
  EXPECT_EQ(visitor.status().kind(), ErrorKind::kUnauthorized);
  EXPECT_THAT(SubscriptionsOf(a_member_), IsEmpty());
}

TEST_F(SubscriptionsTest, SaveSearchKeepsTheFiltersForTheOwner) {
  const Subscription s =
      MustSave(a_member_, {.q = "污泥干化", .type = ListingKind::kAchievement, .region = "44"});
  EXPECT_GT(s.id, 0);
  EXPECT_EQ(s.user_id, a_member_.id);
  EXPECT_EQ(s.kind, "search");
  EXPECT_EQ(s.created_at, testing::kT0);

  const std::vector<Subscription> mine = SubscriptionsOf(a_member_);
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].id, s.id);
  EXPECT_THAT(mine[0].query, ::testing::HasSubstr("污泥干化"));
  EXPECT_THAT(mine[0].query, ::testing::HasSubstr("achievement"));
  EXPECT_THAT(SubscriptionsOf(b_member_), IsEmpty());
}

TEST_F(SubscriptionsTest, FollowNeedsAListingTheActorMayRead) {
  auto unknown = subs_.Follow(Actor::Of(b_member_), 987654);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().kind(), ErrorKind::kInvalid);
  EXPECT_EQ(unknown.status().field(), "listing_id");

  // A draft of organisation A: B's member may not read it, A's member may.
  const Listing draft = MustCreate(a_member_, DemandDraft("草稿：高速公路边坡生态修复"));
  auto unreadable = subs_.Follow(Actor::Of(b_member_), draft.id);
  ASSERT_FALSE(unreadable.ok());
  EXPECT_EQ(unreadable.status().kind(), ErrorKind::kInvalid);
  EXPECT_EQ(unreadable.status().field(), "listing_id");
  EXPECT_THAT(SubscriptionsOf(b_member_), IsEmpty());

  const Subscription own = MustFollow(a_member_, draft.id);
  EXPECT_EQ(own.kind, "listing");
  EXPECT_EQ(own.listing_id, draft.id);

  auto visitor = subs_.Follow(Actor::Visitor(), draft.id);
  ASSERT_FALSE(visitor.ok());
  EXPECT_EQ(visitor.status().kind(), ErrorKind::kUnauthorized);
}

TEST_F(SubscriptionsTest, FollowingTwiceIsFollowingOnce) {
  const Listing l = Publish(a_member_, BatteryDemand());
  const Subscription first = MustFollow(b_member_, l.id);
  const Subscription second = MustFollow(b_member_, l.id);
  EXPECT_EQ(first.id, second.id);
  const std::vector<Subscription> mine = SubscriptionsOf(b_member_);
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].listing_id, l.id);
}

TEST_F(SubscriptionsTest, AUserHasAtMostMaxPerUserSubscriptions) {
  const Listing followed = Publish(a_member_, BatteryDemand());
  const Listing other = Publish(a_member_, DemandDraft("城市供水管网漏损智能定位"));
  MustFollow(b_member_, followed.id);
  for (size_t i = 1; i < Subscriptions::kMaxPerUser; ++i) {
    MustSave(b_member_, {.q = "第" + std::to_string(i) + "个关注方向：工业废水处理"});
  }
  ASSERT_EQ(SubscriptionsOf(b_member_).size(), Subscriptions::kMaxPerUser);

  auto search = subs_.SaveSearch(Actor::Of(b_member_), {.q = "再多一个"});
  ASSERT_FALSE(search.ok());
  EXPECT_EQ(search.status().kind(), ErrorKind::kConflict);
  auto follow = subs_.Follow(Actor::Of(b_member_), other.id);
  ASSERT_FALSE(follow.ok());
  EXPECT_EQ(follow.status().kind(), ErrorKind::kConflict);
  // Following an already followed listing is not a new subscription.
  EXPECT_TRUE(subs_.Follow(Actor::Of(b_member_), followed.id).ok());
  EXPECT_EQ(SubscriptionsOf(b_member_).size(), Subscriptions::kMaxPerUser);

  // The limit is per user.
  MustSave(a_member_, {.q = "另一个用户的订阅"});
  // Deleting one makes room again.
  ASSERT_TRUE(subs_.Delete(Actor::Of(b_member_), SubscriptionsOf(b_member_)[0].id).ok());
  EXPECT_TRUE(subs_.SaveSearch(Actor::Of(b_member_), {.q = "再多一个"}).ok());
}

TEST_F(SubscriptionsTest, DeleteOnlyTheActorsOwnSubscriptions) {
  const Subscription s = MustSave(a_member_, {.q = "污泥干化"});

  Status other = subs_.Delete(Actor::Of(b_member_), s.id);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.kind(), ErrorKind::kNotFound);
  ASSERT_EQ(SubscriptionsOf(a_member_).size(), 1u);

  Status missing = subs_.Delete(Actor::Of(a_member_), s.id + 100);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.kind(), ErrorKind::kNotFound);

  ASSERT_TRUE(subs_.Delete(Actor::Of(a_member_), s.id).ok());
  EXPECT_THAT(SubscriptionsOf(a_member_), IsEmpty());
  EXPECT_EQ(subs_.Delete(Actor::Of(a_member_), s.id).kind(), ErrorKind::kNotFound);
}

TEST_F(SubscriptionsTest, AnnounceNotifiesMatchingSavedSearchesOnce) {
  const Subscription wanted = MustSave(b_member_, {.q = "锂电池极片 缺陷检测"});
  MustSave(a_admin_, {.q = "污泥脱水干化 污水处理厂"});

  clock_.Advance(60);
  const Listing l = Publish(a_member_, BatteryDemand());
  EXPECT_EQ(MustAnnounce(l), 1);

  const std::vector<Notification> notes = NotificationsOf(b_member_);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].kind, "saved_search");
  EXPECT_EQ(notes[0].user_id, b_member_.id);
  EXPECT_EQ(notes[0].subscription_id, wanted.id);
  EXPECT_EQ(notes[0].listing_id, l.id);
  EXPECT_EQ(notes[0].title, l.title);
  EXPECT_EQ(notes[0].message, "锂电池极片 缺陷检测");
  EXPECT_EQ(notes[0].created_at, testing::kT0 + 60);
  EXPECT_EQ(notes[0].read_at, 0);
  EXPECT_THAT(NotificationsOf(a_admin_), IsEmpty());

  // Told once, however often the listing is announced.
  EXPECT_EQ(MustAnnounce(l), 0);
  EXPECT_EQ(NotificationsOf(b_member_).size(), 1u);
}

TEST_F(SubscriptionsTest, SavedSearchFiltersAreApplied) {
  MustSave(b_member_, {.q = "锂电池极片 缺陷检测", .type = ListingKind::kAchievement});
  MustSave(b_member_, {.q = "锂电池极片 缺陷检测", .region = "32"});
  const Subscription in_region = MustSave(b_member_, {.q = "锂电池极片 缺陷检测", .region = "44"});

  const Listing demand = Publish(a_member_, BatteryDemand());  // region 440305
  EXPECT_EQ(MustAnnounce(demand), 1);
  const std::vector<Notification> notes = NotificationsOf(b_member_);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].subscription_id, in_region.id);
}

TEST_F(SubscriptionsTest, AnEnglishSavedSearchHearsOfAChineseListing) {
  const Subscription sludge = MustSave(b_member_, {.q = "sludge"});
  MustSave(b_member_, {.q = "lithium battery"});
  const Listing l = Publish(a_member_, SludgeDemand());  // 污泥 (glossary: sludge)
  EXPECT_EQ(MustAnnounce(l), 1);
  const std::vector<Notification> notes = NotificationsOf(b_member_);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].subscription_id, sludge.id);
}

TEST_F(SubscriptionsTest, ASavedSearchHearsOfMembersOnlyDetails) {
  // The saved words are only in the details past the public summary.
  MustSave(b_member_, {.q = "钙钛矿 封装"});
  Listing l = SludgeDemand();
  l.body = std::string(130, 'x') + "另需钙钛矿组件封装工艺。";
  l.visibility = Visibility::kMembers;
  EXPECT_EQ(MustAnnounce(Publish(a_member_, l)), 1);
}

TEST_F(SubscriptionsTest, ABatchIsTestedAgainstEverySavedSearch) {
  const Subscription battery = MustSave(b_member_, {.q = "锂电池极片 缺陷检测"});
  const Subscription sludge = MustSave(b_member_, {.q = "污泥脱水干化"});
  MustSave(a_admin_, {.q = "钙钛矿 封装"});
  const Listing b = Publish(a_member_, BatteryDemand());
  const Listing s = Publish(a_member_, SludgeDemand());
  const Listing draft = MustCreate(a_member_, TeaAchievement());

  auto n = subs_.Announce({b.id, s.id, draft.id, b.id});
  ASSERT_TRUE(n.ok()) << n.status().message();
  EXPECT_EQ(*n, 2) << "a draft is not announced, a listing twice in a batch once";
  std::vector<std::pair<int64_t, int64_t>> told;  // (subscription, listing)
  for (const Notification& note : NotificationsOf(b_member_)) {
    told.emplace_back(note.subscription_id, note.listing_id);
  }
  EXPECT_THAT(told, ::testing::UnorderedElementsAre(std::pair(battery.id, b.id),
                                                    std::pair(sludge.id, s.id)));
  EXPECT_THAT(NotificationsOf(a_admin_), IsEmpty());
}

TEST_F(SubscriptionsTest, FollowersHearOfANewMatchingAchievement) {
  const Listing demand = Publish(a_member_, BatteryDemand());
  const Subscription follow = MustFollow(b_member_, demand.id);
  // Someone who follows an unrelated demand.
  const Listing sludge = Publish(a_member_, SludgeDemand());
  MustFollow(a_admin_, sludge.id);

  clock_.Advance(120);
  const Listing match = Publish(b_member_, BatteryAchievement());
  EXPECT_EQ(MustAnnounce(match), 1);
  const std::vector<Notification> notes = NotificationsOf(b_member_);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].kind, "new_match");
  EXPECT_EQ(notes[0].subscription_id, follow.id);
  EXPECT_EQ(notes[0].listing_id, match.id);
  EXPECT_EQ(notes[0].title, match.title);
  EXPECT_EQ(notes[0].message, demand.title);
  EXPECT_EQ(notes[0].created_at, testing::kT0 + 120);
  EXPECT_THAT(NotificationsOf(a_admin_), IsEmpty());

  // Told once per (subscription, listing).
  EXPECT_EQ(MustAnnounce(match), 0);
  EXPECT_EQ(NotificationsOf(b_member_).size(), 1u);
}

TEST_F(SubscriptionsTest, FollowersOfOtherKindsAreNotToldOfANewDemand) {
  // A new demand is matched against achievements: the follower of a demand is not told.
  const Listing demand = Publish(a_member_, BatteryDemand());
  MustFollow(b_member_, demand.id);
  EXPECT_EQ(MustAnnounce(Publish(a_admin_, BatteryDemand())), 0);
  EXPECT_THAT(NotificationsOf(b_member_), IsEmpty());
}

// Disabled: a bug. An achievement about tea shares no key term with the followed battery
// demand, yet its follower is told of a "new match": the matcher's text feature is relative
// to the best candidate (text = 1 for whichever demand ranks first, worth 0.45 of the score),
// so the top candidate always clears kMinMatchScore = 0.25, and a candidate is found through
// a single shared CJK character. See the report (subscriptions.cc, NotifyFollowers).
TEST_F(SubscriptionsTest, FollowersAreNotToldOfAnUnrelatedAchievement) {
  const Listing demand = Publish(a_member_, BatteryDemand());
  MustFollow(b_member_, demand.id);
  const Listing sludge = Publish(a_member_, SludgeDemand());
  MustFollow(a_admin_, sludge.id);

  const Listing tea = Publish(b_member_, TeaAchievement());
  EXPECT_EQ(MustAnnounce(tea), 0);
  EXPECT_THAT(NotificationsOf(b_member_), IsEmpty());
  EXPECT_THAT(NotificationsOf(a_admin_), IsEmpty());
}

TEST_F(SubscriptionsTest, NotificationsArePagedNewestFirstAndFilteredByUnread) {
  for (int i = 0; i < 5; ++i) MustSave(b_member_, {.q = "锂电池极片缺陷 " + std::to_string(i)});
  const Listing l = Publish(a_member_, BatteryDemand());
  ASSERT_EQ(MustAnnounce(l), 5);

  auto first = subs_.Notifications(Actor::Of(b_member_), false, 0, 2);
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(first->total, 5);
  ASSERT_EQ(first->items.size(), 2u);
  EXPECT_GT(first->items[0].id, first->items[1].id);
  auto last = subs_.Notifications(Actor::Of(b_member_), false, 4, 2);
  ASSERT_TRUE(last.ok()) << last.status().message();
  EXPECT_EQ(last->total, 5);
  ASSERT_EQ(last->items.size(), 1u);
  EXPECT_LT(last->items[0].id, first->items[1].id);

  const int64_t read_id = first->items[0].id;
  clock_.Advance(30);
  ASSERT_TRUE(subs_.MarkRead(Actor::Of(b_member_), read_id).ok());
  auto unread = subs_.Notifications(Actor::Of(b_member_), true, 0, 10);
  ASSERT_TRUE(unread.ok()) << unread.status().message();
  EXPECT_EQ(unread->total, 4);
  ASSERT_EQ(unread->items.size(), 4u);
  for (const auto& n : unread->items) EXPECT_NE(n.id, read_id);

  auto all = subs_.Notifications(Actor::Of(b_member_), false, 0, 10);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->total, 5);
  EXPECT_EQ(all->items[0].id, read_id);
  EXPECT_EQ(all->items[0].read_at, testing::kT0 + 30);

  // Marking again keeps the first time it was read.
  clock_.Advance(30);
  ASSERT_TRUE(subs_.MarkRead(Actor::Of(b_member_), read_id).ok());
  EXPECT_EQ(NotificationsOf(b_member_)[0].read_at, testing::kT0 + 30);

  // Another user sees none of them (only the review outcomes of their own listings).
  auto others = subs_.Notifications(Actor::Of(a_member_), false, 0, 10);
  ASSERT_TRUE(others.ok());
  for (const Notification& n : others->items) EXPECT_EQ(n.kind, "listing_approved");
  EXPECT_FALSE(subs_.Notifications(Actor::Visitor(), false, 0, 10).ok());
}

TEST_F(SubscriptionsTest, MarkReadOfAnotherUsersNotificationIsNotFound) {
  MustSave(b_member_, {.q = "锂电池极片 缺陷检测"});
  const Listing l = Publish(a_member_, BatteryDemand());
  ASSERT_EQ(MustAnnounce(l), 1);
  const int64_t id = NotificationsOf(b_member_).at(0).id;

  Status other = subs_.MarkRead(Actor::Of(a_member_), id);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.kind(), ErrorKind::kNotFound);
  EXPECT_EQ(NotificationsOf(b_member_, /*unread_only=*/true).size(), 1u);

  Status missing = subs_.MarkRead(Actor::Of(b_member_), id + 100);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.kind(), ErrorKind::kNotFound);

  ASSERT_TRUE(subs_.MarkRead(Actor::Of(b_member_), id).ok());
  EXPECT_THAT(NotificationsOf(b_member_, /*unread_only=*/true), IsEmpty());
}

}  // namespace
}  // namespace kc
