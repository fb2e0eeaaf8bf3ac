#include "service/listing_json.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace kc {
namespace {

using nlohmann::json;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

Result<Listing> Strict(const json& j, ListingKind kind = ListingKind::kDemand) {
  return ListingFromJson(j, kind, JsonMode::kStrict);
}

void ExpectStatus(const Status& s, ErrorKind kind, const std::string& code,
                  const std::string& field) {
  ASSERT_FALSE(s.ok()) << "expected " << code << " on " << field;
  EXPECT_EQ(s.kind(), kind) << s.message();
  EXPECT_EQ(s.code(), code) << s.message();
  EXPECT_EQ(s.field(), field) << s.message();
}

TEST(ListingJsonTest, ReadsEveryDemandField) {
  json j = {{"ref", "D-1"},
            {"org_id", 7},
            {"title", "需求"},
            {"description", "描述"},
            {"keywords", {"a", "b"}},
            {"category", "工学"},
            {"discipline", "机械工程"},
            {"region", 440305},
            {"visibility", "members"},
            {"contact", {{"name", "王"}, {"phone", "123"}, {"email", "w@example.com"}}},
            {"budget", {{"min_cny", 100}, {"max_cny", 200}}},
            {"deadline", "2026-05-01"},
            {"cooperation_modes", {"license"}}};
  auto l = Strict(j);
  ASSERT_TRUE(l.ok()) << l.status().message();
  EXPECT_EQ(l->kind, ListingKind::kDemand);
  EXPECT_EQ(l->ref, "D-1");
  EXPECT_EQ(l->org_id, 7);
  EXPECT_EQ(l->title, "需求");
  EXPECT_EQ(l->body, "描述");
  EXPECT_THAT(l->keywords, ElementsAre("a", "b"));
  EXPECT_EQ(l->category, "工学");
  EXPECT_EQ(l->discipline, "机械工程");
  EXPECT_EQ(l->region, "440305");
  EXPECT_EQ(l->visibility, Visibility::kMembers);
  EXPECT_EQ(l->contact.name, "王");
  EXPECT_EQ(l->contact.email, "w@example.com");
  EXPECT_EQ(l->budget.min_cny, 100);
  EXPECT_EQ(l->budget.max_cny, 200);
  EXPECT_EQ(l->deadline, "2026-05-01");
  EXPECT_THAT(l->cooperation_modes, ElementsAre("license"));
}

TEST(ListingJsonTest, ReadsAchievementAndExpertFields) {
  auto a = Strict({{"title", "成果"},
                   {"abstract", "摘要"},
                   {"maturity", 6.0},
                   {"patents", {"202210487361.8"}},
                   {"transfer_modes", {"transfer"}},
                   {"price", "面议"},
                   {"inventors", {"周"}}},
                  ListingKind::kAchievement);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->body, "摘要");
  EXPECT_EQ(a->maturity, 6);
  EXPECT_THAT(a->patents, ElementsAre("202210487361.8"));
  EXPECT_TRUE(a->price.negotiable());
  EXPECT_THAT(a->inventors, ElementsAre("周"));

  auto e = Strict({{"name", "李明"},
                   {"title", "教授"},
                   {"bio", "简介"},
                   {"affiliation", "某大学"},
                   {"disciplines", {"力学"}}},
                  ListingKind::kExpert);
  ASSERT_TRUE(e.ok()) << e.status().message();
  EXPECT_EQ(e->title, "李明");
  EXPECT_EQ(e->rank, "教授");
  EXPECT_EQ(e->body, "简介");
  EXPECT_EQ(e->affiliation, "某大学");
  EXPECT_THAT(e->disciplines, ElementsAre("力学"));
}

TEST(ListingJsonTest, StrictModeRejectsUnknownFieldsNamingThem) {
  ExpectStatus(Strict({{"title", "t"}, {"colour", "red"}}).status(), ErrorKind::kBadInput,
               "unknown_field", "colour");
  ExpectStatus(Strict({{"id", "x-1"}}).status(), ErrorKind::kBadInput, "unknown_field", "id");
  // A field of another kind is unknown to this one.
  ExpectStatus(Strict({{"abstract", "a"}}).status(), ErrorKind::kBadInput, "unknown_field",
               "abstract");
  ExpectStatus(Strict({{"name", "n"}}, ListingKind::kAchievement).status(), ErrorKind::kBadInput,
               "unknown_field", "name");
  ExpectStatus(Strict({{"budget", {{"min_cny", 1}, {"currency", "USD"}}}}).status(),
               ErrorKind::kBadInput, "unknown_field", "budget.currency");
  ExpectStatus(Strict({{"contact", {{"fax", "1"}}}}).status(), ErrorKind::kBadInput,
               "unknown_field", "contact.fax");
  ExpectStatus(Strict(json::array()).status(), ErrorKind::kBadInput, "invalid_body", "");
}

TEST(ListingJsonTest, LenientModeMapsIdToRefAndReportsSkippedFields) {
  std::vector<std::string> ignored;
  auto l = ListingFromJson({{"id", "cslb-dev-0001"},
                            {"split", "dev"},
                            {"title", "t"},
                            {"keywords", "甲；乙、丙, 丁"},
                            {"extra", 1}},
                           ListingKind::kAchievement, JsonMode::kLenient, &ignored);
  ASSERT_TRUE(l.ok()) << l.status().message();
  EXPECT_EQ(l->ref, "cslb-dev-0001");
  EXPECT_THAT(l->keywords, ElementsAre("甲", "乙", "丙", "丁"));
  EXPECT_THAT(ignored, ElementsAre("extra", "split"));  // json objects iterate sorted

  auto numeric =
      ListingFromJson({{"id", 42}, {"title", "t"}}, ListingKind::kDemand, JsonMode::kLenient);
  ASSERT_TRUE(numeric.ok());
  EXPECT_EQ(numeric->ref, "42");

  auto both = ListingFromJson({{"id", "from-id"}, {"ref", "own"}}, ListingKind::kDemand,
                              JsonMode::kLenient);
  ASSERT_TRUE(both.ok());
  EXPECT_EQ(both->ref, "own") << "an explicit ref wins over id";

  // Without a place to report them, skipped fields are still skipped.
  EXPECT_TRUE(ListingFromJson({{"x", 1}}, ListingKind::kDemand, JsonMode::kLenient).ok());
}

TEST(ListingJsonTest, WrongTypesAreInvalidTypeNamingTheField) {
  struct Case {
    json body;
    ListingKind kind;
    std::string field;
  };
  const Case cases[] = {
      {{{"title", 5}}, ListingKind::kDemand, "title"},
      {{{"description", {"a"}}}, ListingKind::kDemand, "description"},
      {{{"keywords", "a,b"}}, ListingKind::kDemand, "keywords"},  // strict: arrays only
      {{{"keywords", {"a", 1}}}, ListingKind::kDemand, "keywords"},
      {{{"org_id", "7"}}, ListingKind::kDemand, "org_id"},
      {{{"maturity", "high"}}, ListingKind::kAchievement, "maturity"},
      {{{"maturity", 6.5}}, ListingKind::kAchievement, "maturity"},
      {{{"budget", "cheap"}}, ListingKind::kDemand, "budget"},
      {{{"budget", {1, 2}}}, ListingKind::kDemand, "budget"},
      {{{"budget", {{"min_cny", "100"}}}}, ListingKind::kDemand, "budget.min_cny"},
      {{{"budget", {{"negotiable", "yes"}}}}, ListingKind::kDemand, "budget.negotiable"},
      {{{"price", true}}, ListingKind::kAchievement, "price"},
      {{{"contact", "王 123"}}, ListingKind::kDemand, "contact"},
      {{{"contact", {{"phone", 123}}}}, ListingKind::kDemand, "contact.phone"},
      {{{"disciplines", "力学"}}, ListingKind::kExpert, "disciplines"},
      {{{"visibility", 1}}, ListingKind::kDemand, "visibility"},
  };
  for (const Case& c : cases) {
    ExpectStatus(Strict(c.body, c.kind).status(), ErrorKind::kInvalid, "invalid_type", c.field);
  }
}

TEST(ListingJsonTest, ValueRulesCheckedWhileReading) {
  ExpectStatus(Strict({{"maturity", 12}}, ListingKind::kAchievement).status(), ErrorKind::kInvalid,
               "invalid_maturity", "maturity");
  ExpectStatus(Strict({{"visibility", "secret"}}).status(), ErrorKind::kInvalid,
               "invalid_visibility", "visibility");
  ExpectStatus(Strict({{"budget", {{"negotiable", true}, {"min_cny", 5}}}}).status(),
               ErrorKind::kInvalid, "invalid_range", "budget");
  ExpectStatus(Strict({{"org_id", 18446744073709551615ull}}).status(), ErrorKind::kInvalid,
               "out_of_range", "org_id");
}

TEST(ListingJsonTest, MoneyShapesAndNulls) {
  auto single = Strict({{"budget", 5000}});
  ASSERT_TRUE(single.ok());
  EXPECT_EQ(single->budget.min_cny, 5000);
  EXPECT_EQ(single->budget.max_cny, 5000);
  for (json negotiable :
       {json("面议"), json("negotiable"), json(""), json(nullptr), json{{"negotiable", true}}}) {
    auto l = Strict({{"budget", negotiable}});
    ASSERT_TRUE(l.ok()) << negotiable.dump();
    EXPECT_TRUE(l->budget.negotiable()) << negotiable.dump();
  }
  auto nulls = Strict({{"title", nullptr},
                       {"keywords", nullptr},
                       {"visibility", nullptr},
                       {"contact", nullptr},
                       {"region", nullptr}});
  ASSERT_TRUE(nulls.ok()) << nulls.status().message();
  EXPECT_EQ(nulls->title, "");
  EXPECT_THAT(nulls->keywords, IsEmpty());
  EXPECT_EQ(nulls->visibility, Visibility::kPublic);
}

Listing FullDemand() {
  Listing l;
  l.id = 9;
  l.kind = ListingKind::kDemand;
  l.org_id = 3;
  l.ref = "D-9";
  l.title = "需求标题";
  l.body = std::string(130, 'x') + "尾";
  l.keywords = {"k1", "k2"};
  l.category = "工学";
  l.discipline = "机械工程";
  l.region = "440305";
  l.status = ListingStatus::kRejected;
  l.reject_reason = "请补充预算";
  l.contact = {"王", "123", "w@example.com"};
  l.budget = {100, 200};
  l.deadline = "2026-05-01";
  l.cooperation_modes = {"license"};
  l.created_at = 1767225600;
  l.updated_at = 1767225600;
  return l;
}

TEST(ListingJsonTest, OwnerViewShowsEverythingIncludingTheRejectReason) {
  Org org;
  org.id = 3;
  org.name = "甲公司";
  json j = ListingToJson(FullDemand(), &org, ViewLevel::kOwner);
  EXPECT_EQ(j["id"], 9);
  EXPECT_EQ(j["type"], "demand");
  EXPECT_EQ(j["status"], "rejected");
  EXPECT_EQ(j["org_id"], 3);
  EXPECT_EQ(j["org"]["name"], "甲公司");
  EXPECT_EQ(j["org"]["type"], "enterprise");
  EXPECT_EQ(j["region_name"], "广东省");
  EXPECT_EQ(j["reject_reason"], "请补充预算");
  EXPECT_EQ(j["contact"]["phone"], "123");
  EXPECT_EQ(j["description"], FullDemand().body);
  EXPECT_EQ(j["summary"], std::string(120, 'x') + "…");
  EXPECT_EQ(j["budget"]["min_cny"], 100);
  EXPECT_EQ(j["budget"]["negotiable"], false);
  EXPECT_EQ(j["created_at"], "2026-01-01T00:00:00Z");
  EXPECT_EQ(j["published_at"], "");  // never published
  EXPECT_FALSE(j.contains("details_hidden"));

  // The reason is shown only while the listing is rejected.
  Listing pending = FullDemand();
  pending.status = ListingStatus::kPending;
  EXPECT_FALSE(ListingToJson(pending, nullptr, ViewLevel::kOwner).contains("reject_reason"));
  EXPECT_FALSE(ListingToJson(pending, nullptr, ViewLevel::kOwner).contains("org"));
}

TEST(ListingJsonTest, LowerLevelsHideContactReasonAndDetails) {
  const Listing l = FullDemand();
  json member = ListingToJson(l, nullptr, ViewLevel::kMember);
  EXPECT_TRUE(member.contains("contact"));
  EXPECT_FALSE(member.contains("reject_reason"));
  EXPECT_TRUE(member.contains("description"));

  json pub = ListingToJson(l, nullptr, ViewLevel::kPublic);
  EXPECT_FALSE(pub.contains("contact"));
  EXPECT_FALSE(pub.contains("reject_reason"));
  EXPECT_TRUE(pub.contains("description"));
  EXPECT_TRUE(pub.contains("budget"));
  EXPECT_FALSE(pub.contains("details_hidden"));

  json summary = ListingToJson(l, nullptr, ViewLevel::kSummary);
  EXPECT_FALSE(summary.contains("contact"));
  EXPECT_FALSE(summary.contains("reject_reason"));
  for (const char* hidden : {"description", "budget", "deadline"}) {
    EXPECT_FALSE(summary.contains(hidden)) << hidden;
  }
  EXPECT_EQ(summary["details_hidden"], true);
  EXPECT_EQ(summary["title"], "需求标题");
  EXPECT_THAT(summary["keywords"], ElementsAre("k1", "k2"));
  EXPECT_TRUE(summary.contains("summary"));
  // Nothing of the contact leaks anywhere in the text.
  EXPECT_EQ(summary.dump().find("w@example.com"), std::string::npos);
  EXPECT_EQ(pub.dump().find("w@example.com"), std::string::npos);

  Listing a;
  a.kind = ListingKind::kAchievement;
  a.title = "成果";
  a.body = "摘要";
  a.patents = {"202210487361.8"};
  a.inventors = {"周"};
  a.price = {1, 2};
  json as = ListingToJson(a, nullptr, ViewLevel::kSummary);
  for (const char* hidden : {"abstract", "price", "patents", "inventors"}) {
    EXPECT_FALSE(as.contains(hidden)) << hidden;
  }
}

TEST(ListingJsonTest, SummaryHasWhatAListShowsAndNoDetails) {
  Listing l;
  l.id = 9;
  l.kind = ListingKind::kDemand;
  l.org_id = 3;
  l.title = "低温电解液";
  l.body = std::string(200, 'x');
  l.keywords = {"电池"};
  l.region = "440305";
  l.status = ListingStatus::kRejected;
  l.reject_reason = "不完整";
  l.contact.phone = "123";
  l.budget.min_cny = 100;
  Org org;
  org.id = 3;
  org.name = "公司";
  json owner = ListingSummaryJson(l, &org, ViewLevel::kOwner);
  EXPECT_EQ(owner["id"], 9);
  EXPECT_EQ(owner["type"], "demand");
  EXPECT_EQ(owner["title"], "低温电解液");
  EXPECT_EQ(owner["summary"], ListingToJson(l, &org, ViewLevel::kOwner)["summary"]);
  EXPECT_EQ(owner["keywords"], json::array({"电池"}));
  EXPECT_EQ(owner["org"]["name"], "公司");
  EXPECT_EQ(owner["region_name"], "广东省");
  EXPECT_EQ(owner["reject_reason"], "不完整");
  for (const char* k : {"description", "contact", "budget", "deadline", "cooperation_modes"}) {
    EXPECT_FALSE(owner.contains(k)) << k;
  }
  EXPECT_FALSE(owner.contains("details_hidden"));
  json visitor = ListingSummaryJson(l, &org, ViewLevel::kSummary);
  EXPECT_FALSE(visitor.contains("reject_reason"));
  EXPECT_EQ(visitor["details_hidden"], true);

  Listing expert;
  expert.kind = ListingKind::kExpert;
  expert.title = "张明";
  expert.rank = "教授";
  expert.affiliation = "大学";
  json e = ListingSummaryJson(expert, nullptr, ViewLevel::kPublic);
  EXPECT_EQ(e["name"], "张明");
  EXPECT_EQ(e["title"], "教授");
  EXPECT_EQ(e["affiliation"], "大学");
  EXPECT_FALSE(e.contains("org"));
}

// The text written is what dump() writes of the same value (sorted keys, the same escapes), for
// every kind and view level: clients and the response check see one format.
TEST(ListingJsonTest, WrittenTextIsWhatDumpWritesOfItsValue) {
  Org org;
  org.id = 3;
  org.name = "研究院\"";
  for (ListingKind kind : AllKinds()) {
    for (ViewLevel level :
         {ViewLevel::kSummary, ViewLevel::kPublic, ViewLevel::kMember, ViewLevel::kOwner}) {
      Listing l;
      l.kind = kind;
      l.id = 5;
      l.status = ListingStatus::kRejected;
      l.reject_reason = "缺少\n说明";
      l.title = "标题";
      l.body = std::string(150, 'x') + "控制字符\x01与坏字节\xff";
      l.keywords = {"锂电池", "a\"b"};
      l.region = "440305";
      l.contact.email = "w@example.com";
      l.budget.max_cny = 9;
      l.price.min_cny = 1;
      l.maturity = kind == ListingKind::kAchievement ? std::optional<int>(4) : std::nullopt;
      l.patents = {"CN1"};
      l.person_name = "李\"华";
      l.languages = {"en", "de"};
      l.talent_modes = {"post"};
      l.talent_type = "overseas";
      l.country = "DE";
      for (const Org* o : std::vector<const Org*>{nullptr, &org}) {
        JsonWriter w;
        WriteListing(w, l, o, level);
        EXPECT_EQ(w.text(), json::parse(w.text()).dump())
            << KindName(kind) << " at level " << static_cast<int>(level);
        EXPECT_EQ(json::parse(w.text()), ListingToJson(l, o, level));
      }
    }
  }
}

TEST(ListingJsonTest, EditableJsonReadsBackInStrictMode) {
  for (ListingKind kind : AllKinds()) {
    Listing l = FullDemand();
    l.kind = kind;
    l.maturity = 4;
    l.patents = {"202210487361.8"};
    l.price = {std::nullopt, 50};
    l.inventors = {"周"};
    l.rank = "研究员";
    l.affiliation = "某所";
    l.disciplines = {"力学"};
    l.person_name = "李华";
    l.talent_type = "returnee";
    l.languages = {"zh", "en"};
    l.talent_modes = {"post", "funding"};
    l.country = "DE";
    json j = EditableJson(l);
    EXPECT_TRUE(j.contains(BodyField(kind)));
    auto back = Strict(j, kind);
    ASSERT_TRUE(back.ok()) << KindName(kind) << ": " << back.status().message();
    EXPECT_EQ(back->title, l.title);
    EXPECT_EQ(back->body, l.body);
    EXPECT_EQ(back->ref, l.ref);
    EXPECT_EQ(back->keywords, l.keywords);
    EXPECT_EQ(back->contact.email, l.contact.email);
    if (kind == ListingKind::kDemand) {
      EXPECT_EQ(back->budget.max_cny, 200);
      EXPECT_EQ(back->deadline, l.deadline);
    } else if (kind == ListingKind::kAchievement) {
      EXPECT_EQ(back->maturity, 4);
      EXPECT_FALSE(back->price.min_cny.has_value());
      EXPECT_EQ(back->price.max_cny, 50);
      EXPECT_EQ(back->patents, l.patents);
    } else if (kind == ListingKind::kExpert) {
      EXPECT_EQ(back->rank, "研究员");
      EXPECT_EQ(back->affiliation, "某所");
      EXPECT_EQ(back->disciplines, l.disciplines);
    } else {
      EXPECT_EQ(back->talent_type, "returnee");
      EXPECT_EQ(back->languages, l.languages);
      EXPECT_EQ(back->talent_modes, l.talent_modes);
      if (kind == ListingKind::kTalent) {
        EXPECT_EQ(back->person_name, "李华");
        EXPECT_EQ(back->rank, "研究员");
        EXPECT_EQ(back->affiliation, "某所");
        EXPECT_EQ(back->country, "DE");
        EXPECT_EQ(back->disciplines, l.disciplines);
      } else {
        EXPECT_EQ(back->budget.max_cny, 200);
        EXPECT_EQ(back->deadline, l.deadline);
      }
    }
  }
}

TEST(ListingJsonTest, BodyFieldNames) {
  EXPECT_STREQ(BodyField(ListingKind::kDemand), "description");
  EXPECT_STREQ(BodyField(ListingKind::kAchievement), "abstract");
  EXPECT_STREQ(BodyField(ListingKind::kExpert), "bio");
  EXPECT_STREQ(BodyField(ListingKind::kTalent), "bio");
  EXPECT_STREQ(BodyField(ListingKind::kTalentDemand), "description");
}

Listing FullTalent() {
  Listing l;
  l.id = 11;
  l.kind = ListingKind::kTalent;
  l.title = "德国固态电池研究员";
  l.person_name = "李华";
  l.rank = "研究员";
  l.affiliation = "Fraunhofer ISE";
  l.body = "十五年固态电解质研究";
  l.disciplines = {"材料科学"};
  l.country = "DE";
  l.talent_type = "overseas";
  l.languages = {"zh", "de"};
  l.talent_modes = {"post", "partner"};
  l.contact = {"李华", "+49 30 123", "li@example.de"};
  l.visibility = Visibility::kMembers;
  return l;
}

// docs/talent.md: a public headline for everyone, the name and affiliation for members, the
// contact for the profile's own organisation only — others reach the person through a deal.
TEST(ListingJsonTest, ATalentsNameIsForMembersAndTheirContactForTheirOwnOrganisationOnly) {
  const Listing l = FullTalent();
  json owner = ListingToJson(l, nullptr, ViewLevel::kOwner);
  EXPECT_EQ(owner["name"], "李华");
  EXPECT_EQ(owner["affiliation"], "Fraunhofer ISE");
  EXPECT_EQ(owner["contact"]["email"], "li@example.de");
  EXPECT_EQ(owner["title"], "德国固态电池研究员");
  EXPECT_EQ(owner["rank"], "研究员");
  EXPECT_THAT(owner["languages"], ElementsAre("zh", "de"));
  EXPECT_THAT(owner["seeking"], ElementsAre("post", "partner"));
  EXPECT_EQ(owner["talent_type"], "overseas");
  EXPECT_EQ(owner["country"], "DE");

  json member = ListingToJson(l, nullptr, ViewLevel::kMember);
  EXPECT_EQ(member["name"], "李华");
  EXPECT_EQ(member["affiliation"], "Fraunhofer ISE");
  EXPECT_EQ(member["bio"], l.body);
  EXPECT_FALSE(member.contains("contact"));
  EXPECT_EQ(member.dump().find("li@example.de"), std::string::npos);
  EXPECT_EQ(member.dump().find("+49 30 123"), std::string::npos);

  for (ViewLevel level : {ViewLevel::kPublic, ViewLevel::kSummary}) {
    json v = ListingToJson(l, nullptr, level);
    EXPECT_EQ(v["title"], "德国固态电池研究员");
    EXPECT_FALSE(v.contains("name"));
    EXPECT_FALSE(v.contains("affiliation"));
    EXPECT_FALSE(v.contains("contact"));
    const std::string text = v.dump();
    for (const char* secret : {"李华", "Fraunhofer", "li@example.de", "+49"}) {
      EXPECT_EQ(text.find(secret), std::string::npos)
          << secret << " at level " << static_cast<int>(level);
    }
  }
  // A list's summary never carries the name, whoever reads it.
  json row = ListingSummaryJson(l, nullptr, ViewLevel::kMember);
  EXPECT_FALSE(row.contains("name"));
  EXPECT_EQ(row["country"], "DE");
  EXPECT_THAT(row["seeking"], ElementsAre("post", "partner"));
}

TEST(ListingJsonTest, ATalentProfileIsForMembersUnlessItsOwnerSaysOtherwise) {
  json j = {{"title", "归国学者"}, {"name", "王"}};
  auto l = Strict(j, ListingKind::kTalent);
  ASSERT_TRUE(l.ok()) << l.status().message();
  EXPECT_EQ(l->visibility, Visibility::kMembers);
  EXPECT_EQ(l->person_name, "王");
  j["visibility"] = "public";
  EXPECT_EQ(Strict(j, ListingKind::kTalent)->visibility, Visibility::kPublic);
  // A talent demand is an ordinary public offer.
  auto d = Strict({{"title", "引才"}, {"description", "岗位"}}, ListingKind::kTalentDemand);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->visibility, Visibility::kPublic);
  // Each kind has its own fields: a demand has no `seeking`, a talent no `offers`.
  ExpectStatus(Strict({{"title", "x"}, {"seeking", {"post"}}}).status(), ErrorKind::kBadInput,
               "unknown_field", "seeking");
  ExpectStatus(Strict({{"title", "x"}, {"offers", {"post"}}}, ListingKind::kTalent).status(),
               ErrorKind::kBadInput, "unknown_field", "offers");
  ExpectStatus(Strict({{"title", "x"}, {"languages", "en"}}, ListingKind::kTalent).status(),
               ErrorKind::kInvalid, "invalid_type", "languages");
}

}  // namespace
}  // namespace kc
