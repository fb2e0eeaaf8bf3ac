#include "service/listing_validation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "core/patent_number.h"
#include "core/utf8.h"

namespace kc {
namespace {

using ::testing::ElementsAre;

Listing Demand() {
  Listing l;
  l.kind = ListingKind::kDemand;
  l.title = "高精度焊缝检测";
  l.body = "需要一种在线检测焊缝缺陷的方法。";
  return l;
}

Listing Achievement() {
  Listing l = Demand();
  l.kind = ListingKind::kAchievement;
  return l;
}

Listing Expert() {
  Listing l;
  l.kind = ListingKind::kExpert;
  l.title = "李明";
  return l;
}

Listing Talent() {
  Listing l;
  l.kind = ListingKind::kTalent;
  l.title = "德国固态电池研究员";
  l.person_name = "李华";
  return l;
}

Listing TalentDemand() {
  Listing l = Demand();
  l.kind = ListingKind::kTalentDemand;
  l.title = "招聘电池首席科学家";
  return l;
}

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// Expects ValidateListing to fail with 422 naming `field` and `code`.
void ExpectInvalid(Listing l, const std::string& field, const std::string& code) {
  Status s = ValidateListing(l);
  ASSERT_FALSE(s.ok()) << "expected " << field << "/" << code;
  EXPECT_EQ(s.kind(), ErrorKind::kInvalid);
  EXPECT_EQ(s.field(), field) << s.message();
  EXPECT_EQ(s.code(), code) << s.message();
}

TEST(ListingValidationTest, AMinimalListingOfEachKindIsValid) {
  for (Listing l : {Demand(), Achievement(), Expert(), Talent(), TalentDemand()}) {
    Status s = ValidateListing(l);
    EXPECT_TRUE(s.ok()) << s.field() << ": " << s.message();
  }
}

TEST(ListingValidationTest, TitleIsRequiredAndTrimmed) {
  for (const char* title : {"", "   ", "\t\n"}) {
    Listing l = Demand();
    l.title = title;
    ExpectInvalid(l, "title", "required");
  }
  Listing e = Expert();
  e.title = " ";
  ExpectInvalid(e, "name", "required");  // an expert's title field is "name"

  Listing l = Demand();
  l.title = "  带空格的标题 \n";
  ASSERT_TRUE(ValidateListing(l).ok());
  EXPECT_EQ(l.title, "带空格的标题");
}

TEST(ListingValidationTest, TitleLengthCountsCharactersNotBytes) {
  Listing ok = Demand();
  ok.title = Repeat("技", 200);  // 600 bytes
  EXPECT_TRUE(ValidateListing(ok).ok());
  Listing long_title = Demand();
  long_title.title = Repeat("技", 201);
  ExpectInvalid(long_title, "title", "too_long");
  Listing ascii = Demand();
  ascii.title = std::string(201, 'a');
  ExpectInvalid(ascii, "title", "too_long");
}

TEST(ListingValidationTest, TextMustBeCleanUtf8) {
  Listing bad_utf8 = Demand();
  bad_utf8.title = "abc\xE6\x8A";
  ExpectInvalid(bad_utf8, "title", "invalid_utf8");
  Listing control = Demand();
  control.title =
      "a\x01"
      "b";
  ExpectInvalid(control, "title", "invalid_text");
  Listing newline_in_title = Demand();
  newline_in_title.title = "a\nb";
  ExpectInvalid(newline_in_title, "title", "invalid_text");
  // The body is multi-line text; only NUL is refused.
  Listing body = Demand();
  body.body = "第一行\n第二行\t缩进";
  EXPECT_TRUE(ValidateListing(body).ok());
  body.body = std::string("a\0b", 3);
  ExpectInvalid(body, "description", "invalid_text");
}

TEST(ListingValidationTest, BodyIsRequiredUnderItsKindsName) {
  Listing d = Demand();
  d.body = " ";
  ExpectInvalid(d, "description", "required");
  Listing a = Achievement();
  a.body = "";
  ExpectInvalid(a, "abstract", "required");
  Listing e = Expert();
  e.body = "";
  EXPECT_TRUE(ValidateListing(e).ok()) << "a bio is optional";
  e.body = Repeat("字", 10001);
  ExpectInvalid(e, "bio", "too_long");
}

TEST(ListingValidationTest, KeywordsAreTrimmedAndDeduplicated) {
  Listing l = Demand();
  l.keywords = {" 机器视觉", "机器视觉 ", "", "  ", "焊接", "机器视觉", "焊接"};
  ASSERT_TRUE(ValidateListing(l).ok());
  EXPECT_THAT(l.keywords, ElementsAre("机器视觉", "焊接"));

  Listing many = Demand();
  for (int i = 0; i < 31; ++i) many.keywords.push_back("k" + std::to_string(i));
  ExpectInvalid(many, "keywords", "too_many");
  // 31 items that deduplicate to 30 are fine.
  Listing dup = Demand();
  for (int i = 0; i < 30; ++i) dup.keywords.push_back("k" + std::to_string(i));
  dup.keywords.push_back("k0");
  EXPECT_TRUE(ValidateListing(dup).ok());
  EXPECT_EQ(dup.keywords.size(), 30u);

  Listing long_kw = Demand();
  long_kw.keywords = {Repeat("词", 201)};
  ExpectInvalid(long_kw, "keywords", "too_long");
}

TEST(ListingValidationTest, RefIsOptionalAndBounded) {
  Listing l = Demand();
  l.ref = " R-1 ";
  ASSERT_TRUE(ValidateListing(l).ok());
  EXPECT_EQ(l.ref, "R-1");
  l.ref = std::string(65, 'r');
  ExpectInvalid(l, "ref", "too_long");
}

TEST(ListingValidationTest, MaturityIsATrlFromOneToNine) {
  struct Case {
    std::optional<int> maturity;
    bool ok;
  };
  for (const Case& c : {Case{std::nullopt, true}, Case{1, true}, Case{9, true}, Case{0, false},
                        Case{10, false}, Case{-1, false}}) {
    Listing l = Achievement();
    l.maturity = c.maturity;
    Status s = ValidateListing(l);
    EXPECT_EQ(s.ok(), c.ok) << c.maturity.value_or(-99);
    if (!c.ok) {
      EXPECT_EQ(s.field(), "maturity");
      EXPECT_EQ(s.code(), "invalid_maturity");
    }
  }
}

TEST(ListingValidationTest, PatentNumbersAreNormalisedAndChecked) {
  const std::string body = "202210487361";
  const std::string good = body + "." + PatentCheckChar(body);
  Listing l = Achievement();
  l.patents = {"ZL " + good, "cn112345678a"};
  ASSERT_TRUE(ValidateListing(l).ok());
  EXPECT_THAT(l.patents, ElementsAre(good, "CN112345678A"));
  Listing no_dot = Achievement();
  no_dot.patents = {body + PatentCheckChar(body)};
  ASSERT_TRUE(ValidateListing(no_dot).ok());
  EXPECT_THAT(no_dot.patents, ElementsAre(good));

  Listing bad = Achievement();
  const char wrong = PatentCheckChar(body) == '1' ? '2' : '1';
  bad.patents = {good, body + "." + wrong};
  ExpectInvalid(bad, "patents", "invalid_patent_number");
  bad.patents = {"not a patent"};
  ExpectInvalid(bad, "patents", "invalid_patent_number");
}

TEST(ListingValidationTest, MoneyRangesAreNonNegativeAndOrdered) {
  struct Case {
    MoneyRange range;
    const char* code;  // nullptr when valid
  };
  const Case cases[] = {
      {{std::nullopt, std::nullopt}, nullptr},
      {{0, 0}, nullptr},
      {{100, 100}, nullptr},
      {{100, std::nullopt}, nullptr},
      {{std::nullopt, 5}, nullptr},
      {{-1, 5}, "invalid_amount"},
      {{std::nullopt, -5}, "invalid_amount"},
      {{10, 5}, "invalid_range"},
  };
  for (const Case& c : cases) {
    Listing d = Demand();
    d.budget = c.range;
    Listing a = Achievement();
    a.price = c.range;
    if (c.code) {
      ExpectInvalid(d, "budget", c.code);
      ExpectInvalid(a, "price", c.code);
    } else {
      EXPECT_TRUE(ValidateListing(d).ok());
      EXPECT_TRUE(ValidateListing(a).ok());
    }
  }
}

TEST(ListingValidationTest, DeadlineIsARealDate) {
  struct Case {
    const char* deadline;
    bool ok;
  };
  for (const Case& c :
       {Case{"", true}, Case{"2024-02-29", true}, Case{"2023-02-29", false},
        Case{"2000-02-29", true}, Case{"2100-02-29", false}, Case{"2026-12-31", true},
        Case{"2026-04-31", false}, Case{"2026-13-01", false}, Case{"2026-00-10", false},
        Case{"2026-01-00", false}, Case{"2026-1-01", false}, Case{"2026/01/01", false},
        Case{"2026-01-01T00:00", false}, Case{"abcd-01-01", false}, Case{"1899-12-31", false}}) {
    Listing l = Demand();
    l.deadline = c.deadline;
    Status s = ValidateListing(l);
    EXPECT_EQ(s.ok(), c.ok) << c.deadline;
    if (!c.ok) {
      EXPECT_EQ(s.field(), "deadline") << c.deadline;
      EXPECT_EQ(s.code(), "invalid_date") << c.deadline;
    }
  }
}

TEST(ListingValidationTest, IsIsoDate) {
  EXPECT_TRUE(IsIsoDate("2024-02-29"));
  EXPECT_FALSE(IsIsoDate("2023-02-29"));
  EXPECT_TRUE(IsIsoDate("1900-01-01"));
  EXPECT_FALSE(IsIsoDate("1900-02-29"));
  EXPECT_FALSE(IsIsoDate(""));
  EXPECT_FALSE(IsIsoDate("2024-02-2"));
  EXPECT_FALSE(IsIsoDate("+024-02-20"));
}

TEST(ListingValidationTest, CooperationModesComeFromTheVocabulary) {
  Listing d = Demand();
  d.cooperation_modes = {"transfer",
                         "license",
                         "joint_development",
                         "commissioned_development",
                         "consulting",
                         "talent",
                         "equity",
                         "other"};
  EXPECT_TRUE(ValidateListing(d).ok());
  d.cooperation_modes = {"license", "franchise"};
  ExpectInvalid(d, "cooperation_modes", "invalid_mode");
  Listing a = Achievement();
  a.transfer_modes = {"License"};
  ExpectInvalid(a, "transfer_modes", "invalid_mode");
}

TEST(ListingValidationTest, TaxonomyNamesAreMappedToChinese) {
  Listing l = Demand();
  l.category = "Engineering";
  l.discipline = "computer science and technology";
  ASSERT_TRUE(ValidateListing(l).ok());
  EXPECT_EQ(l.category, "工学");
  EXPECT_EQ(l.discipline, "计算机科学与技术");

  Listing by_code = Demand();
  by_code.discipline = "0812";
  ASSERT_TRUE(ValidateListing(by_code).ok());
  EXPECT_EQ(by_code.discipline, "计算机科学与技术");
}

TEST(ListingValidationTest, DisciplineFillsTheCategory) {
  Listing l = Demand();
  l.discipline = "兵器科学与技术";
  ASSERT_TRUE(ValidateListing(l).ok());
  EXPECT_EQ(l.category, "工学");

  Listing mismatch = Demand();
  mismatch.category = "医学";
  mismatch.discipline = "兵器科学与技术";
  ExpectInvalid(mismatch, "discipline", "discipline_not_in_category");

  Listing unknown_cat = Demand();
  unknown_cat.category = "魔法学";
  ExpectInvalid(unknown_cat, "category", "unknown_category");

  Listing unknown_disc = Demand();
  unknown_disc.discipline = "炼金术";
  ExpectInvalid(unknown_disc, "discipline", "unknown_discipline");
}

TEST(ListingValidationTest, ExpertDisciplinesAreCanonicalAndFillTheDiscipline) {
  Listing e = Expert();
  e.disciplines = {"Mechanics", "机械工程"};
  e.rank = " 教授 ";
  ASSERT_TRUE(ValidateListing(e).ok());
  EXPECT_THAT(e.disciplines, ElementsAre("力学", "机械工程"));
  EXPECT_EQ(e.discipline, "力学");
  EXPECT_EQ(e.category, "工学");
  EXPECT_EQ(e.rank, "教授");

  Listing bad = Expert();
  bad.disciplines = {"炼金术"};
  ExpectInvalid(bad, "disciplines", "unknown_discipline");
  Listing rank = Expert();
  rank.rank = Repeat("长", 51);
  ExpectInvalid(rank, "title", "too_long");  // an expert's rank is "title" in JSON
}

// BUG (src/service/listing_validation.cc, CheckKindFields): lists are deduplicated before their
// items are normalised, so two spellings of one patent or discipline are both kept.
TEST(ListingValidationTest, ItemsThatNormaliseAlikeAreDeduplicated) {
  const std::string body = "202210487361";
  const std::string good = body + "." + PatentCheckChar(body);
  Listing a = Achievement();
  a.patents = {good, "CN" + good};
  ASSERT_TRUE(ValidateListing(a).ok());
  EXPECT_THAT(a.patents, ElementsAre(good));
  Listing e = Expert();
  e.disciplines = {"机械工程", "0802", "Mechanical Engineering"};
  ASSERT_TRUE(ValidateListing(e).ok());
  EXPECT_THAT(e.disciplines, ElementsAre("机械工程"));
}

TEST(ListingValidationTest, RegionAndContactAreChecked) {
  Listing r = Demand();
  r.region = "990000";
  ExpectInvalid(r, "region", "invalid_region");
  r.region = "440305";
  EXPECT_TRUE(ValidateListing(r).ok());

  Listing phone = Demand();
  phone.contact.phone = "+86 (755) 1234-5678 #2";
  EXPECT_TRUE(ValidateListing(phone).ok());
  phone.contact.phone = "call me";
  ExpectInvalid(phone, "contact.phone", "invalid_phone");

  Listing email = Demand();
  email.contact.email = "nobody.example.com";
  ExpectInvalid(email, "contact.email", "invalid_email");
}

// docs/talent.md
TEST(ListingValidationTest, ATalentNeedsANameAndItsCodesComeFromTheVocabularies) {
  Listing nameless = Talent();
  nameless.person_name = "  ";
  ExpectInvalid(nameless, "name", "required");
  Listing long_name = Talent();
  long_name.person_name = Repeat("李", 51);
  ExpectInvalid(long_name, "name", "too_long");

  Listing l = Talent();
  l.talent_modes = {"post", "funding", "post"};
  l.languages = {"EN", "zh", "en"};
  l.country = " de ";
  l.talent_type = "returnee";
  l.disciplines = {"Mechanics"};
  ASSERT_TRUE(ValidateListing(l).ok());
  EXPECT_THAT(l.talent_modes, ElementsAre("post", "funding"));
  EXPECT_THAT(l.languages, ElementsAre("en", "zh"));
  EXPECT_EQ(l.country, "DE");
  EXPECT_EQ(l.discipline, "力学");  // the first field fills the discipline, as for experts

  Listing bad_mode = Talent();
  bad_mode.talent_modes = {"job"};
  ExpectInvalid(bad_mode, "seeking", "invalid_talent_mode");
  Listing bad_offer = TalentDemand();
  bad_offer.talent_modes = {"equity"};
  ExpectInvalid(bad_offer, "offers", "invalid_talent_mode");
  Listing bad_type = Talent();
  bad_type.talent_type = "foreign";
  ExpectInvalid(bad_type, "talent_type", "invalid_talent_type");
  Listing bad_language = TalentDemand();
  bad_language.languages = {"english"};
  ExpectInvalid(bad_language, "languages", "unknown_language");
  Listing bad_country = Talent();
  bad_country.country = "Germany";
  ExpectInvalid(bad_country, "country", "invalid_country");
  Listing bad_field = Talent();
  bad_field.disciplines = {"炼金术"};
  ExpectInvalid(bad_field, "disciplines", "unknown_discipline");
}

TEST(ListingValidationTest, ATalentDemandNeedsADescriptionAndARealDeadline) {
  Listing empty = TalentDemand();
  empty.body.clear();
  ExpectInvalid(empty, "description", "required");
  Listing bad_date = TalentDemand();
  bad_date.deadline = "2027-02-30";
  ExpectInvalid(bad_date, "deadline", "invalid_date");
  Listing bad_budget = TalentDemand();
  bad_budget.budget = {300, 100};
  EXPECT_FALSE(ValidateListing(bad_budget).ok());
}

}  // namespace
}  // namespace kc
