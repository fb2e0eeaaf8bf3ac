#include "store/sql/sql_event_tx.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store_fixture.h"

namespace kc {
namespace {

using ::testing::ElementsAre;

constexpr int64_t kStart = 1767225600;  // 2026-01-01T00:00:00Z

class SqlEventTxTest : public testing::StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    org_ = AddOrg("甲公司");
    other_org_ = AddOrg("乙大学");
    user_ = AddUser("organiser", org_);
    member_ = AddUser("member", other_org_);
  }

  Event MakeEvent(const std::string& title, int64_t starts_at,
                  EventStatus status = EventStatus::kPublished) {
    Event e;
    e.org_id = org_;
    e.kind = EventKind::kRoadshow;
    e.title = title;
    e.description = "路演说明";
    e.starts_at = starts_at;
    e.ends_at = starts_at + 3600;
    e.venue = "杭州";
    e.online_url = "https://meet.example.cn/1";
    e.capacity = 2;
    e.listing_ids = {7, 3};
    e.status = status;
    e.created_by = user_;
    e.created_at = e.updated_at = 100;
    return e;
  }

  int64_t InsertEvent(const Event& e) {
    int64_t id = 0;
    MustWrite([&](StoreTx& tx) -> Status {
      auto r = tx.events().InsertEvent(e);
      if (!r.ok()) return r.status();
      id = *r;
      return Status::Ok();
    });
    return id;
  }

  EventRegistration Registration(int64_t event, std::optional<int64_t> user,
                                 const std::string& email, const std::string& code, int64_t at) {
    EventRegistration g;
    g.event_id = event;
    g.user_id = user;
    g.name = "王芳";
    g.email = email;
    g.organisation = "丙研究院";
    g.status = RegistrationStatus::kConfirmed;
    g.code = code;
    g.created_at = g.updated_at = at;
    return g;
  }

  Result<int64_t> Register(const EventRegistration& g) {
    int64_t id = 0;
    Status s = store_->Write([&](StoreTx& tx) -> Status {
      auto r = tx.events().InsertRegistration(g);
      if (!r.ok()) return r.status();
      id = *r;
      return Status::Ok();
    });
    if (!s.ok()) return s;
    return id;
  }

  std::vector<std::string> Titles(const EventQuery& q) {
    std::vector<std::string> out;
    MustRead([&](StoreTx& tx) -> Status {
      auto page = tx.events().ListEvents(q);
      if (!page.ok()) return page.status();
      for (const Event& e : page->items) out.push_back(e.title);
      return Status::Ok();
    });
    return out;
  }

  int64_t org_ = 0, other_org_ = 0, user_ = 0, member_ = 0;
};

TEST_F(SqlEventTxTest, EventRoundTripsWithItsListingsInOrder) {
  Event e = MakeEvent("长三角路演", kStart);
  e.demo = true;
  const int64_t id = InsertEvent(e);
  MustRead([&](StoreTx& tx) -> Status {
    auto got = tx.events().GetEvent(id);
    if (!got.ok()) return got.status();
    EXPECT_EQ(got->title, "长三角路演");
    EXPECT_EQ(got->kind, EventKind::kRoadshow);
    EXPECT_EQ(got->org_id, org_);
    EXPECT_EQ(got->starts_at, kStart);
    EXPECT_EQ(got->ends_at, kStart + 3600);
    EXPECT_EQ(got->venue, "杭州");
    EXPECT_EQ(got->online_url, "https://meet.example.cn/1");
    EXPECT_EQ(got->capacity, 2);
    EXPECT_THAT(got->listing_ids, ElementsAre(7, 3));
    EXPECT_EQ(got->status, EventStatus::kPublished);
    EXPECT_TRUE(got->demo);
    EXPECT_EQ(got->created_by, user_);
    return Status::Ok();
  });
  e.id = id;
  e.title = "长三角路演（改期）";
  e.listing_ids = {9};
  e.status = EventStatus::kCancelled;
  MustWrite([&](StoreTx& tx) { return tx.events().UpdateEvent(e); });
  MustRead([&](StoreTx& tx) -> Status {
    auto got = tx.events().GetEvent(id);
    if (!got.ok()) return got.status();
    EXPECT_EQ(got->title, "长三角路演（改期）");
    EXPECT_THAT(got->listing_ids, ElementsAre(9));
    EXPECT_EQ(got->status, EventStatus::kCancelled);
    return Status::Ok();
  });
}

TEST_F(SqlEventTxTest, MissingEventIsNotFound) {
  Status s = store_->Read([](StoreTx& tx) { return tx.events().GetEvent(404).status(); });
  EXPECT_EQ(s.kind(), ErrorKind::kNotFound);
  Event e = MakeEvent("x", kStart);
  e.id = 404;
  s = store_->Write([&](StoreTx& tx) { return tx.events().UpdateEvent(e); });
  EXPECT_EQ(s.kind(), ErrorKind::kNotFound);
}

TEST_F(SqlEventTxTest, ListsFilterDraftsByOrganiserAndUpcomingSoonestFirst) {
  InsertEvent(MakeEvent("past", kStart - 10 * 86400));
  InsertEvent(MakeEvent("later", kStart + 20 * 86400));
  InsertEvent(MakeEvent("soon", kStart + 86400));
  InsertEvent(MakeEvent("draft", kStart + 2 * 86400, EventStatus::kDraft));
  Event other = MakeEvent("other draft", kStart + 3 * 86400, EventStatus::kDraft);
  other.org_id = other_org_;
  other.kind = EventKind::kConference;
  InsertEvent(other);

  EventQuery q;
  EXPECT_THAT(Titles(q), ElementsAre("later", "soon", "past"));
  q.ending_after = kStart;
  EXPECT_THAT(Titles(q), ElementsAre("soon", "later"));
  q.statuses.push_back(EventStatus::kDraft);
  q.drafts_of_orgs = {org_};
  EXPECT_THAT(Titles(q), ElementsAre("soon", "draft", "later"));
  q.all_drafts = true;
  EXPECT_THAT(Titles(q), ElementsAre("soon", "draft", "other draft", "later"));
  q.kind = EventKind::kConference;
  EXPECT_THAT(Titles(q), ElementsAre("other draft"));
  q.kind.reset();
  q.org_id = other_org_;
  EXPECT_THAT(Titles(q), ElementsAre("other draft"));

  EventQuery paged;
  paged.limit = 1;
  paged.offset = 1;
  MustRead([&](StoreTx& tx) -> Status {
    auto page = tx.events().ListEvents(paged);
    if (!page.ok()) return page.status();
    EXPECT_EQ(page->total, 3);
    EXPECT_EQ(page->items.size(), 1u);
    EXPECT_THAT(page->items[0].listing_ids, ElementsAre(7, 3));
    return Status::Ok();
  });
}

TEST_F(SqlEventTxTest, TextFindsTitlesAndVenuesLiterally) {
  Event battery = MakeEvent("新能源电池对接会", kStart + 86400);
  battery.venue = "深圳会展中心";
  InsertEvent(battery);
  Event percent = MakeEvent("100% 在线路演", kStart + 2 * 86400);
  percent.venue = "线上";
  InsertEvent(percent);
  EventQuery q;
  q.text = "电池";
  EXPECT_THAT(Titles(q), ElementsAre("新能源电池对接会"));
  q.text = "会展";
  EXPECT_THAT(Titles(q), ElementsAre("新能源电池对接会"));
  // LIKE's wildcards are taken literally.
  q.text = "%";
  EXPECT_THAT(Titles(q), ElementsAre("100% 在线路演"));
  q.text = "_";
  EXPECT_THAT(Titles(q), ElementsAre());
}

TEST_F(SqlEventTxTest, OneLiveRegistrationPerMemberAndPerEmail) {
  const int64_t event = InsertEvent(MakeEvent("e", kStart));
  ASSERT_TRUE(Register(Registration(event, member_, "", "AAAAAAAAAA", 1)).ok());
  auto again = Register(Registration(event, member_, "", "BBBBBBBBBB", 2));
  EXPECT_EQ(again.status().code(), "already_registered");
  ASSERT_TRUE(Register(Registration(event, std::nullopt, "v@example.cn", "CCCCCCCCCC", 3)).ok());
  auto same_mail = Register(Registration(event, std::nullopt, "v@example.cn", "DDDDDDDDDD", 4));
  EXPECT_EQ(same_mail.status().code(), "already_registered");
  auto same_code = Register(Registration(event, std::nullopt, "w@example.cn", "AAAAAAAAAA", 5));
  EXPECT_EQ(same_code.status().code(), "code_taken");
  EXPECT_EQ(same_code.status().kind(), ErrorKind::kConflict);

  // Once cancelled, the member may register again.
  MustWrite([&](StoreTx& tx) -> Status {
    auto mine = tx.events().FindRegistrationOfUser(event, member_);
    if (!mine.ok()) return mine.status();
    EXPECT_TRUE(mine->has_value());
    EventRegistration g = **mine;
    g.status = RegistrationStatus::kCancelled;
    return tx.events().UpdateRegistration(g);
  });
  MustRead([&](StoreTx& tx) -> Status {
    auto mine = tx.events().FindRegistrationOfUser(event, member_);
    if (!mine.ok()) return mine.status();
    EXPECT_FALSE(mine->has_value());
    return Status::Ok();
  });
  EXPECT_TRUE(Register(Registration(event, member_, "", "EEEEEEEEEE", 6)).ok());
}

TEST_F(SqlEventTxTest, WaitingListCountsAndCodes) {
  const int64_t event = InsertEvent(MakeEvent("e", kStart));
  const int64_t other = InsertEvent(MakeEvent("f", kStart));
  EventRegistration seated = Registration(event, std::nullopt, "a@example.cn", "A000000000", 1);
  seated.checked_in_at = 50;
  ASSERT_TRUE(Register(seated).ok());
  ASSERT_TRUE(Register(Registration(event, std::nullopt, "b@example.cn", "B000000000", 2)).ok());
  EventRegistration w2 = Registration(event, std::nullopt, "d@example.cn", "D000000000", 9);
  w2.status = RegistrationStatus::kWaiting;
  ASSERT_TRUE(Register(w2).ok());
  EventRegistration w1 = Registration(event, std::nullopt, "c@example.cn", "C000000000", 4);
  w1.status = RegistrationStatus::kWaiting;
  ASSERT_TRUE(Register(w1).ok());
  EventRegistration gone = Registration(event, std::nullopt, "e@example.cn", "E000000000", 5);
  gone.status = RegistrationStatus::kCancelled;
  ASSERT_TRUE(Register(gone).ok());

  MustRead([&](StoreTx& tx) -> Status {
    auto counts = tx.events().CountRegistrations(event);
    if (!counts.ok()) return counts.status();
    EXPECT_EQ(counts->confirmed, 2);
    EXPECT_EQ(counts->waiting, 2);
    EXPECT_EQ(counts->checked_in, 1);
    auto none = tx.events().CountRegistrations(other);
    EXPECT_EQ(none->confirmed + none->waiting + none->checked_in, 0);

    auto first = tx.events().FirstWaiting(event);
    if (!first.ok()) return first.status();
    EXPECT_EQ((*first)->email, "c@example.cn");  // the earlier of the two waiting
    auto nobody = tx.events().FirstWaiting(other);
    EXPECT_FALSE(nobody->has_value());

    auto byCode = tx.events().FindRegistrationByCode(event, "D000000000");
    if (!byCode.ok()) return byCode.status();
    EXPECT_EQ(byCode->status, RegistrationStatus::kWaiting);
    EXPECT_FALSE(byCode->user_id.has_value());
    // A code is found only for its own event.
    EXPECT_EQ(tx.events().FindRegistrationByCode(other, "D000000000").status().kind(),
              ErrorKind::kNotFound);

    auto live = tx.events().ListRegistrations(event, false, 0, 10);
    if (!live.ok()) return live.status();
    EXPECT_EQ(live->total, 4);
    std::vector<std::string> mails;
    for (const auto& g : live->items) mails.push_back(g.email);
    EXPECT_THAT(mails, ElementsAre("a@example.cn", "b@example.cn", "c@example.cn", "d@example.cn"));
    auto all = tx.events().ListRegistrations(event, true, 1, 2);
    EXPECT_EQ(all->total, 5);
    EXPECT_EQ(all->items.size(), 2u);
    return Status::Ok();
  });
}

TEST_F(SqlEventTxTest, CountsDealsOpenedOnTheListingsSinceAnInstant) {
  const int64_t demand = Insert(MakeListing(org_, user_, "需求"));
  const int64_t achievement = Insert(MakeListing(other_org_, member_, "成果"));
  const int64_t unrelated = Insert(MakeListing(other_org_, member_, "其他"));
  auto open = [&](std::optional<int64_t> d, std::optional<int64_t> a, int64_t at) {
    MustWrite([&](StoreTx& tx) -> Status {
      Deal deal;
      deal.title = "deal";
      deal.demand_id = d;
      deal.achievement_id = a;
      deal.buyer_org_id = org_;
      deal.seller_org_id = other_org_;
      deal.opened_by = user_;
      deal.created_at = deal.updated_at = at;
      return tx.deals().InsertDeal(deal).status();
    });
  };
  open(demand, std::nullopt, kStart - 1);  // before the event
  open(demand, std::nullopt, kStart);      // at its start
  open(std::nullopt, achievement, kStart + 5);
  open(demand, achievement, kStart + 6);      // counted once
  open(std::nullopt, unrelated, kStart + 7);  // another listing
  MustRead([&](StoreTx& tx) -> Status {
    auto n = tx.events().CountDealsOnListings({demand, achievement}, kStart);
    if (!n.ok()) return n.status();
    EXPECT_EQ(*n, 3);
    EXPECT_EQ(*tx.events().CountDealsOnListings({}, kStart), 0);
    EXPECT_EQ(*tx.events().CountDealsOnListings({demand}, 0), 3);
    return Status::Ok();
  });
}

}  // namespace
}  // namespace kc
