#include "core/offshore_base.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kc {
namespace {

using ::testing::ElementsAre;

OffshoreBase Good() {
  OffshoreBase b;
  b.name = " 慕尼黑离岸创新创业基地 ";
  b.name_en = "Munich Offshore Innovation Base";
  b.country = "DE";
  b.city = "Munich";
  b.host_name = "Example Technology Park";
  b.fields = {"0812", "Engineering", "计算机科学与技术"};
  b.services = {"incubation", "legal", "incubation"};
  b.website = "https://base.example.de";
  b.established = "2019";
  return b;
}

TEST(OffshoreBaseTest, NormalisesAGoodBase) {
  OffshoreBase b = Good();
  ASSERT_TRUE(ValidateOffshoreBase(b).ok());
  EXPECT_EQ(b.name, "慕尼黑离岸创新创业基地");
  // Codes and English names become the taxonomy's Chinese names, each once.
  EXPECT_THAT(b.fields, ElementsAre("计算机科学与技术", "工学"));
  EXPECT_THAT(b.services, ElementsAre("incubation", "legal"));
}

TEST(OffshoreBaseTest, NamesTheFirstBadField) {
  auto field_of = [](void (*change)(OffshoreBase&)) {
    OffshoreBase b = Good();
    change(b);
    Status s = ValidateOffshoreBase(b);
    return s.ok() ? std::string("ok") : s.field() + ":" + s.code();
  };
  EXPECT_EQ(field_of([](OffshoreBase& b) { b.name = "  "; }), "name:required");
  EXPECT_EQ(field_of([](OffshoreBase& b) { b.name = std::string(101, 'x'); }), "name:too_long");
  EXPECT_EQ(field_of([](OffshoreBase& b) { b.name = "a\x01z"; }), "name:invalid_text");
  EXPECT_EQ(field_of([](OffshoreBase& b) { b.name = "\xff"; }), "name:invalid_utf8");
  EXPECT_EQ(field_of([](OffshoreBase& b) { b.country = "de"; }), "country:invalid_country");
  EXPECT_EQ(field_of([](OffshoreBase& b) { b.country = "XX"; }), "country:invalid_country");
  EXPECT_EQ(field_of([](OffshoreBase& b) { b.city = ""; }), "city:required");
  EXPECT_EQ(field_of([](OffshoreBase& b) { b.fields = {"炼金术"}; }), "fields:unknown_focus_field");
  EXPECT_EQ(field_of([](OffshoreBase& b) {
              b.fields = {"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "12"};
            }),
            "fields:too_many_focus_fields");
  EXPECT_EQ(field_of([](OffshoreBase& b) { b.services = {"catering"}; }),
            "services:unknown_service");
  EXPECT_EQ(field_of([](OffshoreBase& b) { b.website = "ftp://x"; }), "website:invalid_url");
  EXPECT_EQ(field_of([](OffshoreBase& b) { b.website = "javascript:alert(1)"; }),
            "website:invalid_url");
  EXPECT_EQ(field_of([](OffshoreBase& b) { b.established = "19"; }), "established:invalid_date");
  EXPECT_EQ(field_of([](OffshoreBase& b) { b.description = "第一段\n第二段"; }), "ok");
  EXPECT_EQ(field_of([](OffshoreBase& b) { b.description = std::string(5001, 'x'); }),
            "description:too_long");
}

TEST(OffshoreBaseTest, StatusNamesRoundTrip) {
  for (BaseStatus s : {BaseStatus::kDraft, BaseStatus::kPublished, BaseStatus::kClosed}) {
    EXPECT_EQ(BaseStatusFromName(BaseStatusName(s)), s);
  }
  EXPECT_FALSE(BaseStatusFromName("open").has_value());
  EXPECT_TRUE(IsBaseService("visa_support"));
  EXPECT_FALSE(IsBaseService("Visa_support"));
}

TEST(OffshoreBaseTest, ChecksPeopleAndProjects) {
  BasePerson p{0, 0, " 王芳 ", "创始人", 0};
  ASSERT_TRUE(ValidateBasePerson(p).ok());
  EXPECT_EQ(p.name, "王芳");
  p.name = "";
  EXPECT_EQ(ValidateBasePerson(p).field(), "name");
  p.name = "王芳";
  p.role = std::string(61, 'r');
  EXPECT_EQ(ValidateBasePerson(p).field(), "role");
  BaseProject project{0, 1, std::string(201, 'n'), 0};
  EXPECT_EQ(ValidateBaseProject(project).field(), "note");
}

}  // namespace
}  // namespace kc
