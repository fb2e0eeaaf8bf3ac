#include "core/taxonomy.h"

#include <gtest/gtest.h>

#include <iterator>
#include <set>
#include <string>
#include <utility>

namespace kc {
namespace {

const Taxonomy& T() { return Taxonomy::Get(); }

TEST(TaxonomyTest, HasTheThirteenCategoriesInCatalogueOrder) {
  const char* kNames[] = {"哲学", "经济学", "法学", "教育学", "文学",   "历史学", "理学",
                          "工学", "农学",   "医学", "军事学", "管理学", "艺术学"};
  ASSERT_EQ(T().categories().size(), 13u);
  for (int i = 0; i < 13; ++i) {
    const Category& c = T().categories()[i];
    EXPECT_EQ(c.name, kNames[i]);
    std::string code = i < 9 ? "0" : "";
    EXPECT_EQ(c.code, code.append(std::to_string(i + 1)));
    EXPECT_TRUE(T().HasCategory(kNames[i]));
    EXPECT_FALSE(c.name_en.empty());
    EXPECT_FALSE(c.disciplines.empty()) << c.name;
  }
  EXPECT_FALSE(T().HasCategory("交叉学科"));
  EXPECT_FALSE(T().HasCategory("08"));
  EXPECT_FALSE(T().HasCategory("Engineering"));
}

TEST(TaxonomyTest, DisciplineCodesStartWithTheirCategoryCode) {
  std::set<std::string> names;
  for (const Category& c : T().categories()) {
    for (const Discipline& d : c.disciplines) {
      EXPECT_TRUE(names.insert(d.name).second) << d.name;
      if (!d.code.empty()) {
        EXPECT_EQ(d.code.size(), 4u) << d.name;
        EXPECT_EQ(d.code.substr(0, 2), c.code) << d.name;
      }
      EXPECT_EQ(T().CategoryOf(d.name), c.name);
    }
  }
}

TEST(TaxonomyTest, CslDisciplinesMapToTheirCategories) {
  // Every discipline/category pair of the CSL corpus (data/csl-dev/docs.jsonl), all 67.
  const std::pair<const char*, const char*> kPairs[] = {
      {"中医学/中药学", "医学"},
      {"中国语言文学", "文学"},
      {"交通运输工程", "工学"},
      {"体育学", "教育学"},
      {"作物学", "农学"},
      {"信息与通信工程", "工学"},
      {"光学工程", "工学"},
      {"公共卫生与预防医学", "医学"},
      {"公共管理", "管理学"},
      {"兵器科学与技术", "工学"},
      {"军事学", "军事学"},
      {"农业工程", "工学"},
      {"农业资源利用", "农学"},
      {"农林经济管理", "管理学"},
      {"冶金工程", "工学"},
      {"力学", "工学"},
      {"动力工程及工程热物理", "工学"},
      {"化学/化学工程与技术", "工学"},
      {"历史学", "历史学"},
      {"口腔医学", "医学"},
      {"哲学", "哲学"},
      {"园艺学", "农学"},
      {"图书馆、情报与档案管理", "管理学"},
      {"土木工程", "工学"},
      {"地球物理学", "理学"},
      {"地理学", "理学"},
      {"地质学/地质资源与地质工程", "理学"},
      {"基础医学/临床医学", "医学"},
      {"大气科学", "理学"},
      {"天文学", "理学"},
      {"工商管理", "管理学"},
      {"应用经济学", "经济学"},
      {"建筑学", "工学"},
      {"心理学", "教育学"},
      {"控制科学与工程", "工学"},
      {"政治学", "法学"},
      {"教育学", "教育学"},
      {"数学", "理学"},
      {"新闻传播学", "文学"},
      {"机械工程", "工学"},
      {"材料科学与工程", "工学"},
      {"林学/林业工程", "农学"},
      {"核科学与技术", "工学"},
      {"植物保护", "农学"},
      {"民族学", "法学"},
      {"水产", "农学"},
      {"水利工程", "工学"},
      {"法学", "法学"},
      {"测绘科学与技术", "工学"},
      {"海洋科学", "理学"},
      {"物理学", "理学"},
      {"环境科学与工程", "工学"},
      {"理论经济学", "经济学"},
      {"生物学/生物科学与工程", "理学"},
      {"电子科学与技术", "工学"},
      {"电气工程", "工学"},
      {"畜牧学/兽医学", "农学"},
      {"石油与天然气工程", "工学"},
      {"矿业工程", "工学"},
      {"社会学", "法学"},
      {"纺织科学与工程", "工学"},
      {"航空宇航科学与技术", "工学"},
      {"船舶与海洋工程", "工学"},
      {"艺术学", "艺术学"},
      {"药学", "医学"},
      {"计算机科学与技术", "工学"},
      {"食品科学与工程", "工学"},
  };
  static_assert(std::size(kPairs) == 67);
  for (const auto& [discipline, category] : kPairs) {
    EXPECT_TRUE(T().HasDiscipline(discipline)) << discipline;
    EXPECT_EQ(T().CategoryOf(discipline), category) << discipline;
    EXPECT_TRUE(T().Validate(category, discipline).ok()) << discipline;
  }
  EXPECT_FALSE(T().CategoryOf("炼金术").has_value());
}

TEST(TaxonomyTest, ValidateNamesTheFieldToBlame) {
  EXPECT_TRUE(T().Validate("", "").ok());
  EXPECT_TRUE(T().Validate("工学", "").ok());
  EXPECT_TRUE(T().Validate("", "数学").ok());

  Status s = T().Validate("炼金学", "数学");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.kind(), ErrorKind::kInvalid);
  EXPECT_EQ(s.field(), "category");
  EXPECT_EQ(s.code(), "unknown_category");

  s = T().Validate("工学", "炼金术");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.field(), "discipline");
  EXPECT_EQ(s.code(), "unknown_discipline");

  s = T().Validate("", "Computer Science and Technology");  // lookups take Chinese names only
  EXPECT_EQ(s.code(), "unknown_discipline");

  s = T().Validate("医学", "计算机科学与技术");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.field(), "discipline");
  EXPECT_EQ(s.code(), "discipline_not_in_category");
  EXPECT_NE(s.message().find("工学"), std::string::npos) << s.message();
}

TEST(TaxonomyTest, CanonicalNamesFromEnglishOrCode) {
  EXPECT_EQ(T().CanonicalCategory("Engineering"), "工学");
  EXPECT_EQ(T().CanonicalCategory(" engineering "), "工学");
  EXPECT_EQ(T().CanonicalCategory("MILITARY SCIENCE"), "军事学");
  EXPECT_EQ(T().CanonicalCategory("08"), "工学");
  EXPECT_EQ(T().CanonicalCategory("工学"), "工学");
  EXPECT_FALSE(T().CanonicalCategory("Alchemy").has_value());
  EXPECT_FALSE(T().CanonicalCategory("").has_value());

  EXPECT_EQ(T().CanonicalDiscipline("Computer Science and Technology"), "计算机科学与技术");
  EXPECT_EQ(T().CanonicalDiscipline("computer science and technology"), "计算机科学与技术");
  EXPECT_EQ(T().CanonicalDiscipline("0812"), "计算机科学与技术");
  EXPECT_EQ(T().CanonicalDiscipline("Chemistry / Chemical Engineering and Technology"),
            "化学/化学工程与技术");
  EXPECT_EQ(T().CanonicalDiscipline("力学"), "力学");
  EXPECT_FALSE(T().CanonicalDiscipline("08").has_value());
  EXPECT_FALSE(T().CanonicalDiscipline("Engineering").has_value());
}

TEST(TaxonomyTest, ParseRejectsMalformedJson) {
  for (const char* text :
       {"", "[]", "{\"categories\":{}}", "{\"categories\":[{\"code\":\"01\"}]}",
        "{\"categories\":[{\"code\":\"01\",\"name\":\"哲学\",\"name_en\":\"Philosophy\"}]}",
        "{\"categories\":[{\"code\":\"01\",\"name\":\"哲学\",\"name_en\":\"Philosophy\","
        "\"disciplines\":[{\"name\":7,\"name_en\":\"X\"}]}]}"}) {
    Result<Taxonomy> t = Taxonomy::Parse(text);
    ASSERT_FALSE(t.ok()) << text;
    EXPECT_EQ(t.status().field(), "taxonomy");
  }
}

TEST(TaxonomyTest, ParseRejectsDuplicateNames) {
  Result<Taxonomy> t = Taxonomy::Parse(
      R"({"categories":[{"code":"01","name":"哲学","name_en":"Philosophy","disciplines":[
          {"name":"哲学","name_en":"Philosophy"},{"name":"哲学","name_en":"Philosophy 2"}]}]})");
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("twice"), std::string::npos);

  Result<Taxonomy> ok = Taxonomy::Parse(
      R"({"categories":[{"code":"01","name":"哲学","name_en":"Philosophy","disciplines":[
          {"code":"0101","name":"哲学","name_en":"Philosophy"}]}]})");
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->CategoryOf("哲学"), "哲学");
}

}  // namespace
}  // namespace kc
