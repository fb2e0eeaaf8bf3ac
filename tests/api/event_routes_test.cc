// /api/v1/events against the real server: organisers, registration by members and visitors,
// the waiting list, check-in, the calendar files, and callers who must not reach what is not
// theirs (docs/events.md).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ctime>

#include "api/api_fixture.h"
#include "core/iso_time.h"

namespace kc::testing {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

class EventRoutesTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    organiser_ = std::make_unique<Client>(RegisterWithOrg("ev_org", "活动主办公司"));
    org_id_ = organiser_->Get("/api/v1/me").json.value("org_id", int64_t{0});
    Client reviewer = Reviewer("ev_reviewer");
    demand_ = PublishedDemand(*organiser_, reviewer, "活动展示的需求");
  }

  // An event starting `hours_ahead` from now, lasting two hours.
  json EventBody(const std::string& title, int capacity, double hours_ahead = 48) {
    const int64_t start = std::time(nullptr) + static_cast<int64_t>(hours_ahead * 3600);
    return {{"org_id", org_id_},
            {"kind", "matchmaking"},
            {"title", title},
            {"description", "储能专场, 欢迎参加; 现场对接"},
            {"starts_at", IsoTime(start)},
            {"ends_at", IsoTime(start + 7200)},
            {"venue", "杭州国际博览中心"},
            {"capacity", capacity},
            {"listing_ids", {demand_}}};
  }

  // A published event of the organiser; returns its path.
  std::string Published(const std::string& title, int capacity, double hours_ahead = 48) {
    auto created = organiser_->Post("/api/v1/events", EventBody(title, capacity, hours_ahead));
    EXPECT_EQ(created.status, 201) << created.body;
    const std::string path = "/api/v1/events/" + std::to_string(created.json.value("id", 0));
    auto published = organiser_->Post(path + "/publish", json::object());
    EXPECT_EQ(published.status, 200) << published.body;
    return path;
  }

  std::unique_ptr<Client> organiser_;
  int64_t org_id_ = 0;
  int64_t demand_ = 0;
};

TEST_F(EventRoutesTest, VisitorsAndMembersRegisterAndWaitForASeat) {
  const std::string path = Published("新能源技术对接会", 1);
  auto read = Anonymous().Get(path);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.json["org_name"], "活动主办公司");
  EXPECT_EQ(read.json["listings"][0]["title"], "活动展示的需求");
  EXPECT_EQ(read.json["seats_left"], 1);
  EXPECT_EQ(Anonymous().Get("/api/v1/events?upcoming=true").json["total"], 1);
  // Words of the title find it (新能源), others do not (路演会).
  EXPECT_EQ(Anonymous().Get("/api/v1/events?q=%E6%96%B0%E8%83%BD%E6%BA%90").json["total"], 1);
  EXPECT_EQ(Anonymous().Get("/api/v1/events?q=%E8%B7%AF%E6%BC%94%E4%BC%9A").json["total"], 0);
  EXPECT_EQ(Anonymous().Get("/api/v1/events?q=" + std::string(201, 'x')).status, 400);

  auto first =
      Anonymous().Post(path + "/registrations", {{"name", "访客甲"}, {"email", "jia@example.cn"}});
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.json["status"], "confirmed");
  EXPECT_EQ(first.json["code"].get<std::string>().size(), 10u);
  EXPECT_THAT(first.json["qr_svg"].get<std::string>(), HasSubstr("<svg"));
  Client member = RegisterUser("ev_member");
  auto second = member.Post(path + "/registrations", json::object());
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_EQ(second.json["status"], "waiting");
  EXPECT_EQ(member.Get(path + "/registration").json["status"], "waiting");
  EXPECT_EQ(member.Post(path + "/registrations", json::object()).ErrorCode(), "already_registered");

  // The waiting member's code tells a visitor's browser (no account needed) the status, with
  // the QR code again; a made-up code finds nothing.
  auto waiting = Anonymous().Post(path + "/registrations/lookup", {{"code", second.json["code"]}});
  ASSERT_EQ(waiting.status, 200) << waiting.body;
  EXPECT_EQ(waiting.json["status"], "waiting");
  EXPECT_THAT(waiting.json["qr_svg"].get<std::string>(), HasSubstr("<svg"));
  EXPECT_EQ(Anonymous().Post(path + "/registrations/lookup", {{"code", "0000000000"}}).status, 404);
  EXPECT_EQ(Anonymous().Post(path + "/registrations/lookup", json::object()).status, 422);

  auto cancelled = Anonymous().Post(path + "/registrations/cancel", {{"code", first.json["code"]}});
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.json["status"], "cancelled");
  EXPECT_FALSE(cancelled.json.contains("qr_svg"));
  EXPECT_EQ(member.Get(path + "/registration").json["status"], "confirmed");
  EXPECT_EQ(Anonymous()
                .Post(path + "/registrations/lookup", {{"code", second.json["code"]}})
                .json["status"],
            "confirmed");
  auto again = Anonymous().Post(path + "/registrations/cancel", {{"code", first.json["code"]}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.ErrorCode(), "already_cancelled");

  auto list = organiser_->Get(path + "/registrations?cancelled=true");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.json["total"], 2);
  EXPECT_EQ(list.json["items"][0]["email"], "jia@example.cn");
}

TEST_F(EventRoutesTest, CheckInByCodeOnTheDay) {
  const std::string path = Published("路演", 0, 1);  // starts in an hour
  auto g = Anonymous().Post(path + "/registrations", {{"name", "乙"}, {"email", "yi@example.cn"}});
  ASSERT_EQ(g.status, 201) << g.body;
  std::string typed = g.json["code"];
  typed.insert(5, "-");
  auto in = organiser_->Post(path + "/check-in", {{"code", typed}});
  ASSERT_EQ(in.status, 200) << in.body;
  EXPECT_NE(in.json["checked_in_at"], "");
  auto twice = organiser_->Post(path + "/check-in", {{"code", g.json["code"]}});
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.ErrorCode(), "already_checked_in");
  EXPECT_EQ(organiser_->Post(path + "/check-in", {{"code", "0000000000"}}).status, 404);
  EXPECT_EQ(Anonymous().Get(path).json["registrations"]["checked_in"], 1);

  // Far ahead, check-in is not open yet.
  const std::string later = Published("下月路演", 0, 24 * 30);
  auto h = Anonymous().Post(later + "/registrations", {{"name", "丙"}, {"email", "b@example.cn"}});
  EXPECT_EQ(organiser_->Post(later + "/check-in", {{"code", h.json["code"]}}).ErrorCode(),
            "check_in_closed");
}

TEST_F(EventRoutesTest, AttackersReachNoRegistrationsCodesOrDrafts) {
  const std::string path = Published("对接会", 10);
  auto g = Anonymous().Post(path + "/registrations",
                            {{"name", "丁"}, {"email", "secret-ding@example.cn"}});
  ASSERT_EQ(g.status, 201);
  const std::string code = g.json["code"];
  auto draft = organiser_->Post("/api/v1/events", EventBody("草稿活动XYZ", 10));
  const std::string draft_path = "/api/v1/events/" + std::to_string(draft.json.value("id", 0));

  Client other_admin = RegisterWithOrg("ev_other_admin", "别的公司");
  Client plain_member = RegisterUser("ev_plain", org_id_);  // a member of the organiser
  Client visitor = Anonymous();
  struct Attacker {
    const char* name;
    Client* client;
    int status;  // what reading the registrations answers
  };
  for (const Attacker& a :
       {Attacker{"other org's admin", &other_admin, 403},
        Attacker{"plain member", &plain_member, 403}, Attacker{"visitor", &visitor, 401}}) {
    auto list = a.client->Get(path + "/registrations");
    EXPECT_EQ(list.status, a.status) << a.name;
    EXPECT_THAT(list.body, ::testing::Not(HasSubstr("secret-ding"))) << a.name;
    EXPECT_THAT(list.body, ::testing::Not(HasSubstr(code))) << a.name;
    EXPECT_EQ(a.client->Post(path + "/check-in", {{"code", code}}).status, a.status) << a.name;
    EXPECT_EQ(a.client->Patch(path, {{"title", "hijacked"}}).status, a.status) << a.name;
    EXPECT_EQ(a.client->Post(path + "/cancel", json::object()).status, a.status) << a.name;
    // A draft does not exist for them.
    EXPECT_EQ(a.client->Get(draft_path).status, 404) << a.name;
    EXPECT_THAT(a.client->Get("/api/v1/events").body, ::testing::Not(HasSubstr("草稿活动XYZ")));
    EXPECT_EQ(
        a.client->Post(draft_path + "/registrations", {{"name", "x"}, {"email", "x@example.cn"}})
            .status,
        404)
        << a.name;
    // Another registration's code is not to be guessed into a read: the own registration of
    // a caller that has none is 404 (401 for a visitor).
    EXPECT_EQ(a.client->Get(path + "/registration").status, a.status == 401 ? 401 : 404);
    // Nor may another organisation create events for the organiser.
    EXPECT_EQ(a.client->Post("/api/v1/events", EventBody("冒名活动", 5)).status, a.status)
        << a.name;
  }
  EXPECT_EQ(Anonymous().Get(path).json["title"], "对接会");
}

TEST_F(EventRoutesTest, BadInputIsRefusedInTheErrorShape) {
  auto expect = [](const HttpResult& r, int status, const std::string& code,
                   const std::string& field = "") {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(r.ErrorCode(), code) << r.body;
    if (!field.empty()) {
      EXPECT_EQ(r.ErrorField(), field) << r.body;
    }
  };
  json body = EventBody("对接会", 10);
  json bad = body;
  bad["ends_at"] = body["starts_at"];
  bad["starts_at"] = IsoTime(std::time(nullptr) + 72 * 3600);
  expect(organiser_->Post("/api/v1/events", bad), 422, "ends_before_start", "ends_at");
  bad = body;
  bad["kind"] = "banquet";
  expect(organiser_->Post("/api/v1/events", bad), 422, "invalid_kind", "kind");
  bad = body;
  bad["starts_at"] = "tomorrow";
  expect(organiser_->Post("/api/v1/events", bad), 422, "invalid_time", "starts_at");
  bad = body;
  bad["online_url"] = "javascript:alert(1)";
  expect(organiser_->Post("/api/v1/events", bad), 422, "invalid_url", "online_url");
  bad = body;
  bad["listing_ids"] = {demand_, 987654};
  expect(organiser_->Post("/api/v1/events", bad), 422, "unknown_listing", "listing_ids");
  bad = body;
  bad["capacity"] = -1;
  expect(organiser_->Post("/api/v1/events", bad), 422, "out_of_range", "capacity");
  bad = body;
  bad["extra"] = 1;
  expect(organiser_->Post("/api/v1/events", bad), 400, "unknown_field");
  bad = body;
  bad["org_id"] = 987654;
  expect(Admin().Post("/api/v1/events", bad), 422, "unknown_org", "org_id");
  expect(organiser_->Send("POST", "/api/v1/events", "{not json", {}, "application/json"), 400,
         "malformed_json");
  expect(Anonymous().Get("/api/v1/events/abc"), 400, "invalid_parameter");
  expect(Anonymous().Get("/api/v1/events/987654"), 404, "not_found");
  expect(Anonymous().Get("/api/v1/events?kind=party"), 400, "invalid_parameter", "kind");
  expect(Anonymous().Get("/api/v1/events?upcoming=yes"), 400, "invalid_parameter", "upcoming");
  // Words that are not UTF-8 never reach the database (PostgreSQL would refuse them: a 500).
  expect(Anonymous().Get("/api/v1/events?q=%FF%FE"), 400, "invalid_encoding");
  expect(Anonymous().Get("/api/v1/demands?q=%FF%FE"), 400, "invalid_encoding");
  expect(Anonymous().Get("/events?q=%FF%FE"), 400, "invalid_encoding");

  const std::string path = Published("对接会", 10);
  expect(Anonymous().Post(path + "/registrations", {{"name", "戊"}}), 422, "required", "email");
  expect(Anonymous().Post(path + "/registrations", {{"name", "戊"}, {"email", "nope"}}), 422,
         "invalid_email", "email");
  expect(Anonymous().Post(path + "/registrations", {{"email", "w@example.cn"}}), 422, "required",
         "name");
  expect(Anonymous().Post(path + "/registrations/cancel", json::object()), 422, "required", "code");
  expect(Anonymous().Post(path + "/registrations/cancel", {{"code", "nonsense"}}), 404,
         "not_found");
  expect(organiser_->Post(path + "/publish", json::object()), 409, "invalid_transition");
  expect(organiser_->Patch(path, {{"capacity", "many"}}), 422, "invalid_type", "capacity");
  ASSERT_EQ(organiser_->Post(path + "/cancel", json::object()).status, 200);
  expect(Anonymous().Post(path + "/registrations", {{"name", "己"}, {"email", "j@example.cn"}}),
         409, "event_cancelled");
  expect(organiser_->Patch(path, {{"title", "x"}}), 409, "event_cancelled");
}

TEST_F(EventRoutesTest, CalendarFileAndFeed) {
  const std::string path = Published("新能源路演, 第二场", 0);
  auto ics = Anonymous().Get(path + "/calendar.ics");
  ASSERT_EQ(ics.status, 200) << ics.body;
  EXPECT_THAT(ics.Header("content-type"), HasSubstr("text/calendar"));
  EXPECT_THAT(ics.Header("content-disposition"), HasSubstr(".ics"));
  EXPECT_THAT(ics.body, HasSubstr("BEGIN:VEVENT\r\n"));
  EXPECT_THAT(ics.body, HasSubstr("SUMMARY:新能源路演\\, 第二场\r\n"));
  auto draft = organiser_->Post("/api/v1/events", EventBody("草稿", 0));
  const std::string draft_path = "/api/v1/events/" + std::to_string(draft.json.value("id", 0));
  EXPECT_EQ(Anonymous().Get(draft_path + "/calendar.ics").status, 404);
  EXPECT_EQ(organiser_->Get(draft_path + "/calendar.ics").status, 200);

  auto feed = Anonymous().Get("/api/v1/events/feed.ics");
  ASSERT_EQ(feed.status, 200);
  EXPECT_THAT(feed.Header("content-type"), HasSubstr("text/calendar"));
  EXPECT_THAT(feed.body, HasSubstr("新能源路演"));
  EXPECT_THAT(feed.body, ::testing::Not(HasSubstr("SUMMARY:草稿")));
}

}  // namespace
}  // namespace kc::testing
