#include "service/events.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "service/deals.h"
#include "service/fixture.h"
#include "service/listings.h"

namespace kc {
namespace {

using testing::AchievementDraft;
using testing::DemandDraft;
using ::testing::ElementsAre;
using testing::kDay;
using testing::kT0;

class EventsTest : public testing::ServiceTest {
 protected:
  void SetUp() override {
    MakeWorld();  // org A: a-admin (org admin), a-member; org B: b-member
    b_admin_ = AddUser("b-admin", Role::kMember, org_b_.id, OrgRole::kAdmin);
    demand_ = Publish(a_member_, DemandDraft("风电轴承故障诊断"));
    achievement_ = Publish(b_member_, AchievementDraft("声发射轴承早期故障诊断"));
  }

  Listing Publish(const User& who, Listing draft) {
    return testing::PublishListing(listings_, who, reviewer_, std::move(draft));
  }

  Event Draft(int64_t capacity = 2) {
    Event e;
    e.org_id = org_a_.id;
    e.kind = EventKind::kMatchmaking;
    e.title = "  新能源技术对接会 ";
    e.description = "风电与储能专场。";
    e.starts_at = kT0 + 10 * kDay;
    e.ends_at = e.starts_at + 4 * 3600;
    e.venue = "杭州国际博览中心";
    e.capacity = capacity;
    e.listing_ids = {demand_.id, achievement_.id};
    return e;
  }

  // A published event of org A.
  EventView MustPublish(Event e) {
    auto created = events_.Create(Actor::Of(a_admin_), std::move(e));
    EXPECT_TRUE(created.ok()) << created.status().code() << ": " << created.status().message();
    auto published = events_.Apply(Actor::Of(a_admin_), created->event.id, "publish");
    EXPECT_TRUE(published.ok()) << published.status().code();
    return *published;
  }

  EventRegistration MustRegister(const Actor& who, int64_t id, Registrant r = {}) {
    auto g = events_.Register(who, id, std::move(r));
    EXPECT_TRUE(g.ok()) << g.status().code() << ": " << g.status().message();
    return g.ok() ? *g : EventRegistration{};
  }

  static Registrant Visitor(const std::string& email) {
    return Registrant{"访客", email, "丙研究院"};
  }

  User b_admin_;
  Listing demand_, achievement_;
  Listings listings_{store(), clock_};
  Deals deals_{store(), clock_};
  Events events_{store(), clock_};
};

TEST_F(EventsTest, OrganisersCreateDraftsOthersMayNot) {
  auto e = events_.Create(Actor::Of(a_admin_), Draft());
  ASSERT_TRUE(e.ok()) << e.status().message();
  EXPECT_EQ(e->event.status, EventStatus::kDraft);
  EXPECT_EQ(e->event.title, "新能源技术对接会");  // trimmed
  EXPECT_EQ(e->event.created_by, a_admin_.id);
  EXPECT_EQ(e->org_name, "甲公司");
  ASSERT_EQ(e->listings.size(), 2u);
  EXPECT_EQ(e->listings[0].id, demand_.id);
  EXPECT_THAT(AuditActions("event", e->event.id), ElementsAre("create"));

  EXPECT_TRUE(events_.Create(Actor::Of(admin_), Draft()).ok());
  EXPECT_EQ(events_.Create(Actor::Visitor(), Draft()).status().kind(), ErrorKind::kUnauthorized);
  for (const User& u : {a_member_, b_member_, b_admin_, reviewer_}) {
    EXPECT_EQ(events_.Create(Actor::Of(u), Draft()).status().kind(), ErrorKind::kForbidden)
        << u.username;
  }
  Event nowhere = Draft();
  nowhere.org_id = 999;
  EXPECT_EQ(events_.Create(Actor::Of(admin_), nowhere).status().code(), "unknown_org");
}

TEST_F(EventsTest, RefusesBadFieldsAndListingsThatCannotBePresented) {
  Event bad = Draft();
  bad.ends_at = bad.starts_at - 1;
  EXPECT_EQ(events_.Create(Actor::Of(a_admin_), bad).status().code(), "ends_before_start");
  bad = Draft();
  bad.title = "\xff\xfe";
  EXPECT_EQ(events_.Create(Actor::Of(a_admin_), bad).status().code(), "invalid_utf8");
  bad = Draft();
  bad.listing_ids = {demand_.id, 9999};
  EXPECT_EQ(events_.Create(Actor::Of(a_admin_), bad).status().code(), "unknown_listing");
  auto draft = listings_.Create(Actor::Of(a_member_), DemandDraft("未发布的需求"));
  ASSERT_TRUE(draft.ok());
  bad.listing_ids = {draft->listing.id};
  EXPECT_EQ(events_.Create(Actor::Of(a_admin_), bad).status().code(), "unknown_listing");
  Listing expert;
  expert.kind = ListingKind::kExpert;
  expert.title = "王教授";
  expert.body = "风电装备可靠性研究二十年。";
  expert.discipline = "机械工程";
  const Listing published_expert = Publish(b_member_, expert);
  bad.listing_ids = {published_expert.id};
  EXPECT_EQ(events_.Create(Actor::Of(a_admin_), bad).status().code(), "unknown_listing");
}

TEST_F(EventsTest, DraftsAreTheOrganisersAlone) {
  auto e = events_.Create(Actor::Of(a_admin_), Draft());
  ASSERT_TRUE(e.ok());
  const int64_t id = e->event.id;
  EXPECT_TRUE(events_.Get(Actor::Of(a_admin_), id).ok());
  EXPECT_TRUE(events_.Get(Actor::Of(admin_), id).ok());
  for (const Actor& a : {Actor::Visitor(), Actor::Of(a_member_), Actor::Of(b_admin_)}) {
    EXPECT_EQ(events_.Get(a, id).status().kind(), ErrorKind::kNotFound);
    EXPECT_EQ(events_.Register(a, id, Visitor("x@example.cn")).status().kind(),
              ErrorKind::kNotFound);
  }
  EXPECT_EQ(events_.List(Actor::Visitor(), {})->total, 0);
  EXPECT_EQ(events_.List(Actor::Of(b_admin_), {})->total, 0);
  EXPECT_EQ(events_.List(Actor::Of(a_admin_), {})->total, 1);
  EXPECT_EQ(events_.List(Actor::Of(admin_), {})->total, 1);
  EXPECT_EQ(events_.List(Actor::Of(a_member_), {})->total, 0);
  EventListRequest long_words;
  long_words.text = std::string(201, 'x');
  EXPECT_EQ(events_.List(Actor::Visitor(), long_words).status().code(), "invalid_parameter");
  long_words.text = std::string(200, 'x');
  EXPECT_TRUE(events_.List(Actor::Visitor(), long_words).ok());
}

TEST_F(EventsTest, OnlyOrganisersEditPublishAndCancel) {
  auto e = events_.Create(Actor::Of(a_admin_), Draft());
  ASSERT_TRUE(e.ok());
  const int64_t id = e->event.id;
  ASSERT_TRUE(events_.Apply(Actor::Of(a_admin_), id, "publish").ok());
  EventChanges c;
  c.title = "改名的对接会";
  EXPECT_EQ(events_.Update(Actor::Visitor(), id, c).status().kind(), ErrorKind::kUnauthorized);
  EXPECT_EQ(events_.Update(Actor::Of(a_member_), id, c).status().kind(), ErrorKind::kForbidden);
  EXPECT_EQ(events_.Update(Actor::Of(b_admin_), id, c).status().kind(), ErrorKind::kForbidden);
  EXPECT_EQ(events_.Apply(Actor::Of(b_admin_), id, "cancel").status().kind(),
            ErrorKind::kForbidden);
  auto changed = events_.Update(Actor::Of(admin_), id, c);
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(changed->event.title, "改名的对接会");
  EXPECT_EQ(changed->event.venue, "杭州国际博览中心");  // untouched
  EventChanges bad;
  bad.capacity = -3;
  EXPECT_EQ(events_.Update(Actor::Of(a_admin_), id, bad).status().field(), "capacity");
  EXPECT_EQ(events_.Apply(Actor::Of(a_admin_), id, "publish").status().code(),
            "invalid_transition");
  ASSERT_TRUE(events_.Apply(Actor::Of(a_admin_), id, "cancel").ok());
  EXPECT_EQ(events_.Update(Actor::Of(a_admin_), id, c).status().code(), "event_cancelled");
  EXPECT_THAT(AuditActions("event", id), ElementsAre("create", "publish", "update", "cancel"));
  // A cancelled event stays readable.
  EXPECT_EQ(events_.Get(Actor::Visitor(), id)->event.status, EventStatus::kCancelled);
}

TEST_F(EventsTest, RegistrationFillsSeatsThenTheWaitingList) {
  const int64_t id = MustPublish(Draft(2)).event.id;
  auto member = MustRegister(Actor::Of(a_member_), id);
  EXPECT_EQ(member.status, RegistrationStatus::kConfirmed);
  EXPECT_EQ(member.name, "User a-member");  // taken from the account
  EXPECT_EQ(member.user_id, a_member_.id);
  EXPECT_TRUE(IsCheckInCode(member.code));
  auto visitor = MustRegister(Actor::Visitor(), id, Visitor("v1@example.cn"));
  EXPECT_EQ(visitor.status, RegistrationStatus::kConfirmed);
  EXPECT_FALSE(visitor.user_id.has_value());
  auto waiting1 = MustRegister(Actor::Visitor(), id, Visitor("v2@example.cn"));
  auto waiting2 = MustRegister(Actor::Of(b_member_), id);
  EXPECT_EQ(waiting1.status, RegistrationStatus::kWaiting);
  EXPECT_EQ(waiting2.status, RegistrationStatus::kWaiting);
  EXPECT_NE(member.code, visitor.code);

  auto view = events_.Get(Actor::Visitor(), id);
  EXPECT_EQ(view->counts.confirmed, 2);
  EXPECT_EQ(view->counts.waiting, 2);

  EXPECT_EQ(events_.Register(Actor::Of(a_member_), id, {}).status().code(), "already_registered");
  EXPECT_EQ(events_.Register(Actor::Visitor(), id, Visitor("v1@example.cn")).status().code(),
            "already_registered");
  EXPECT_EQ(events_.Register(Actor::Visitor(), id, Registrant{"访客", "", ""}).status().field(),
            "email");
  EXPECT_EQ(events_.Register(Actor::Visitor(), id, Visitor("nomail")).status().code(),
            "invalid_email");

  // A waiting visitor looks their registration up with its code.
  auto looked = events_.RegistrationByCode(Actor::Visitor(), id, waiting1.code);
  ASSERT_TRUE(looked.ok()) << looked.status().message();
  EXPECT_EQ(looked->status, RegistrationStatus::kWaiting);
  EXPECT_EQ(looked->email, "v2@example.cn");

  // A cancellation seats the longest waiting.
  auto cancelled = events_.CancelRegistration(Actor::Visitor(), id, visitor.code);
  ASSERT_TRUE(cancelled.ok()) << cancelled.status().message();
  EXPECT_EQ(cancelled->status, RegistrationStatus::kCancelled);
  auto seated = events_.MyRegistration(Actor::Of(b_member_), id);
  EXPECT_EQ(seated->status, RegistrationStatus::kWaiting);  // the visitor waited longer
  auto page = events_.Registrations(Actor::Of(a_admin_), id, false, 0, 10);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->total, 3);
  EXPECT_EQ(page->items[1].email, "v2@example.cn");
  EXPECT_EQ(page->items[1].status, RegistrationStatus::kConfirmed);
  // The visitor sees the seat with the same code.
  EXPECT_EQ(events_.RegistrationByCode(Actor::Visitor(), id, waiting1.code)->status,
            RegistrationStatus::kConfirmed);
  // Another event's id, or a code that is not one, finds nothing.
  EXPECT_EQ(events_.RegistrationByCode(Actor::Visitor(), id + 100, waiting1.code).status().kind(),
            ErrorKind::kNotFound);
  EXPECT_EQ(events_.RegistrationByCode(Actor::Visitor(), id, "0000000000").status().kind(),
            ErrorKind::kNotFound);
  EXPECT_EQ(events_.CancelRegistration(Actor::Visitor(), id, visitor.code).status().code(),
            "already_cancelled");
  EXPECT_EQ(events_.Registrations(Actor::Of(a_admin_), id, true, 0, 10)->total, 4);

  // A larger capacity seats the rest.
  EventChanges bigger;
  bigger.capacity = 10;
  auto grown = events_.Update(Actor::Of(a_admin_), id, bigger);
  ASSERT_TRUE(grown.ok());
  EXPECT_EQ(grown->counts.confirmed, 3);
  EXPECT_EQ(grown->counts.waiting, 0);
  EXPECT_EQ(events_.MyRegistration(Actor::Of(b_member_), id)->status,
            RegistrationStatus::kConfirmed);
  // The member taken off the waiting list is told so.
  ASSERT_TRUE(store()
                  .Read([&](StoreTx& tx) -> Status {
                    auto notes = tx.ListNotifications(b_member_.id, false, 0, 10);
                    if (!notes.ok()) return notes.status();
                    int seats = 0;
                    for (const Notification& n : notes->items) {
                      if (n.kind != "event_seat") continue;
                      ++seats;
                      EXPECT_EQ(n.title, "新能源技术对接会");
                      EXPECT_EQ(n.detail, "{\"event_id\":" + std::to_string(id) + "}");
                    }
                    EXPECT_EQ(seats, 1);
                    return Status::Ok();
                  })
                  .ok());
  // Having cancelled, the visitor may register again (at the end of the queue).
  EXPECT_TRUE(events_.Register(Actor::Visitor(), id, Visitor("v1@example.cn")).ok());
}

// A script cannot fill an event's seats with made-up addresses: a visitor's registrations are
// limited per client address (ThrottlePolicy::event_registrations_per_client); another address
// and members are not held back.
TEST_F(EventsTest, VisitorsRegistrationsAreLimitedPerClientAddress) {
  const int64_t id = MustPublish(Draft(0)).event.id;
  const int limit = ThrottlePolicy{}.event_registrations_per_client;
  for (int i = 0; i < limit; ++i) {
    auto g = events_.Register(Actor::Visitor(), id,
                              Visitor("v" + std::to_string(i) + "@example.cn"), "203.0.113.7");
    ASSERT_TRUE(g.ok()) << i << ": " << g.status().code();
  }
  int64_t retry_after = 0;
  auto refused = events_.Register(Actor::Visitor(), id, Visitor("one-more@example.cn"),
                                  "203.0.113.7", &retry_after);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().kind(), ErrorKind::kTooMany);
  EXPECT_EQ(refused.status().code(), "too_many_registrations");
  EXPECT_GT(retry_after, 0);
  EXPECT_EQ(events_.Get(Actor::Visitor(), id)->counts.confirmed, limit);  // nothing was added
  EXPECT_TRUE(events_.Register(Actor::Visitor(), id, Visitor("w@example.cn"), "198.51.100.9").ok());
  EXPECT_TRUE(events_.Register(Actor::Of(a_member_), id, {}, "203.0.113.7").ok());
  clock_.Advance(ThrottlePolicy{}.registration_window);
  EXPECT_TRUE(
      events_.Register(Actor::Visitor(), id, Visitor("later@example.cn"), "203.0.113.7").ok());
}

TEST_F(EventsTest, CodesAreTypedLooselyAndUnknownCodesAreNotFound) {
  const int64_t id = MustPublish(Draft()).event.id;
  auto g = MustRegister(Actor::Visitor(), id, Visitor("v@example.cn"));
  std::string typed = g.code.substr(0, 5) + "-" + g.code.substr(5);
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(events_.CancelRegistration(Actor::Visitor(), id, "ZZZZZZZZZZ").status().kind(),
            ErrorKind::kNotFound);
  EXPECT_EQ(events_.CancelRegistration(Actor::Visitor(), id, "bad code!").status().kind(),
            ErrorKind::kNotFound);
  EXPECT_EQ(events_.CancelRegistration(Actor::Visitor(), id, typed)->id, g.id);
  // A code of one event does nothing at another.
  const int64_t other = MustPublish(Draft()).event.id;
  auto h = MustRegister(Actor::Visitor(), other, Visitor("v@example.cn"));
  EXPECT_EQ(events_.CancelRegistration(Actor::Visitor(), id, h.code).status().kind(),
            ErrorKind::kNotFound);
}

TEST_F(EventsTest, RegistrationClosesWhenTheEventIsOverOrCancelled) {
  const int64_t id = MustPublish(Draft()).event.id;
  auto draft = events_.Create(Actor::Of(a_admin_), Draft());
  EXPECT_EQ(events_.Register(Actor::Of(a_admin_), draft->event.id, {}).status().code(),
            "event_not_published");
  clock_.Advance(11 * kDay);
  EXPECT_EQ(events_.Register(Actor::Of(a_member_), id, {}).status().code(), "event_over");
  const int64_t later = MustPublish(Draft()).event.id;  // starts in the past now, but valid
  ASSERT_TRUE(events_.Apply(Actor::Of(a_admin_), later, "cancel").ok());
  EXPECT_EQ(events_.Register(Actor::Of(a_member_), later, {}).status().code(), "event_cancelled");
}

TEST_F(EventsTest, OnlyOrganisersSeeRegistrationsAndCheckIn) {
  const int64_t id = MustPublish(Draft()).event.id;
  auto g = MustRegister(Actor::Of(a_member_), id);
  EXPECT_EQ(events_.Registrations(Actor::Visitor(), id, false, 0, 10).status().kind(),
            ErrorKind::kUnauthorized);
  for (const User& u : {a_member_, b_member_, b_admin_, reviewer_}) {
    EXPECT_EQ(events_.Registrations(Actor::Of(u), id, false, 0, 10).status().kind(),
              ErrorKind::kForbidden)
        << u.username;
    EXPECT_EQ(events_.CheckIn(Actor::Of(u), id, g.code).status().kind(), ErrorKind::kForbidden)
        << u.username;
  }
  EXPECT_EQ(events_.CheckIn(Actor::Visitor(), id, g.code).status().kind(),
            ErrorKind::kUnauthorized);
  // Too early, then on the day.
  EXPECT_EQ(events_.CheckIn(Actor::Of(a_admin_), id, g.code).status().code(), "check_in_closed");
  clock_.Advance(10 * kDay);
  auto in = events_.CheckIn(Actor::Of(a_admin_), id, g.code);
  ASSERT_TRUE(in.ok()) << in.status().message();
  EXPECT_EQ(in->checked_in_at, clock_.Now());
  EXPECT_EQ(events_.CheckIn(Actor::Of(admin_), id, g.code).status().code(), "already_checked_in");
  EXPECT_EQ(events_.CheckIn(Actor::Of(a_admin_), id, "0000000000").status().kind(),
            ErrorKind::kNotFound);
  EXPECT_EQ(events_.Get(Actor::Visitor(), id)->counts.checked_in, 1);
  // The member reads its own registration; nobody else's.
  EXPECT_EQ(events_.MyRegistration(Actor::Of(a_member_), id)->code, g.code);
  EXPECT_EQ(events_.MyRegistration(Actor::Of(b_member_), id).status().kind(), ErrorKind::kNotFound);
  EXPECT_EQ(events_.MyRegistration(Actor::Visitor(), id).status().kind(), ErrorKind::kUnauthorized);
}

TEST_F(EventsTest, CountsDealsOpenedFromItsListingsSinceItBegan) {
  const int64_t id = MustPublish(Draft()).event.id;
  EXPECT_EQ(events_.Get(Actor::Visitor(), id)->deals_opened, 0);
  clock_.Advance(10 * kDay + 3600);
  OpenDealRequest r;
  r.demand_id = demand_.id;
  r.achievement_id = achievement_.id;
  auto opened = deals_.Open(Actor::Of(a_member_), r);
  ASSERT_TRUE(opened.ok()) << opened.status().code() << ": " << opened.status().message();
  EXPECT_EQ(events_.Get(Actor::Visitor(), id)->deals_opened, 1);
  // An event that began after the deal was opened does not count it.
  Event later = Draft();
  later.starts_at = clock_.Now() + kDay;
  later.ends_at = later.starts_at + 3600;
  EXPECT_EQ(events_.Get(Actor::Visitor(), MustPublish(later).event.id)->deals_opened, 0);
}

TEST_F(EventsTest, UpcomingListsPublishedEventsNotYetOverSoonestFirst) {
  Event later = Draft();
  later.title = "later";
  later.starts_at += 5 * kDay;
  later.ends_at += 5 * kDay;
  MustPublish(later);
  Event sooner = Draft();
  sooner.title = "sooner";
  MustPublish(sooner);
  ASSERT_TRUE(events_.Create(Actor::Of(a_admin_), Draft()).ok());  // a draft: not listed
  auto up = events_.Upcoming(10);
  ASSERT_TRUE(up.ok());
  ASSERT_EQ(up->size(), 2u);
  EXPECT_EQ((*up)[0].title, "sooner");
  clock_.Advance(11 * kDay);
  EXPECT_EQ(events_.Upcoming(10)->size(), 1u);
  EventListRequest r;
  r.upcoming = true;
  EXPECT_EQ(events_.List(Actor::Visitor(), r)->total, 1);
  r.upcoming = false;
  EXPECT_EQ(events_.List(Actor::Visitor(), r)->total, 2);
}

}  // namespace
}  // namespace kc
