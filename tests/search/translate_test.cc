#include "search/translate.h"

#include <gtest/gtest.h>

#include <fstream>

#include "search/fixture.h"

namespace kc::search {
namespace {

// A few CC-CEDICT entries in the tab-separated form (as ../shared/data/cc-cedict ships it).
constexpr const char* kTsv =
    "traditional\tsimplified\tpinyin\tdefinitions\tclassifiers\n"
    "污泥\t污泥\twu1 ni2\tsludge / mud\t\n"
    "脫水\t脱水\ttuo1 shui3\tto dehydrate / dehydration\t\n"
    "控制\t控制\tkong4 zhi4\tto control / to exercise control over / to contain\t\n"
    "控\t控\tkong4\tto control / to accuse / to charge / to sue\t\n"
    "電池\t电池\tdian4 chi2\tbattery / CL:節|节[jie2],組|组[zu3]\t\n";

// The same data in CC-CEDICT's original line format.
constexpr const char* kOriginal =
    "# CC-CEDICT\n"
    "污泥 污泥 [wu1 ni2] /sludge/mud/\n"
    "神經網絡 神经网络 [shen2 jing1 wang3 luo4] /neural network/\n";

std::string Write(const testing::TempDir& dir, const std::string& name, const char* content) {
  const std::string path = dir.Sub(name);
  std::ofstream(path) << content;
  return path;
}

TEST(TranslatorTest, LoadsTheTabSeparatedForm) {
  testing::TempDir dir;
  auto t = Translator::Load(Write(dir, "cedict.tsv", kTsv));
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ((*t)->ToChinese("Sludge"), std::vector<std::string>{"污泥"});
  EXPECT_EQ((*t)->ToChinese("dehydration"), std::vector<std::string>{"脱水"});
  // The word ranks above the single character with the same sense.
  EXPECT_EQ((*t)->ToChinese("controlling").front(), "控制");
  EXPECT_EQ((*t)->ToEnglish("电池"), std::vector<std::string>{"battery"});  // no CL: entry
}

TEST(TranslatorTest, LoadsTheOriginalForm) {
  testing::TempDir dir;
  auto t = Translator::Load(Write(dir, "cedict.u8", kOriginal));
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ((*t)->ToChinese("neural networks").front(), "神经网络");
  EXPECT_EQ((*t)->ToEnglish("污泥").front(), "sludge");
}

// Glosses of one sense separated by semicolons are each a translation; of the Chinese words
// sharing a gloss, the common one (by the frequency file) ranks first even when the gloss
// comes later in its entry, unless frequencies are off.
TEST(TranslatorTest, SemicolonGlossesAndCommonWordsFirst) {
  testing::TempDir dir;
  const std::string cedict = Write(dir, "cedict.tsv",
                                   "主要\t主要\tzhu3 yao4\tmain; principal; major\t\n"
                                   "乘積\t乘积\tcheng2 ji1\tproduct\t\n"
                                   "產品\t产品\tchan3 pin3\tgoods / merchandise / product\t\n");
  Translator::LoadOptions o;
  o.word_frequencies = Write(dir, "freq.txt", "产品 22801 n\n乘积 112 n\n主要 57991 b\n");
  o.frequency_weight = 3;
  auto t = Translator::Load(cedict, o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ((*t)->ToChinese("principal"), std::vector<std::string>{"主要"});
  EXPECT_EQ((*t)->ToChinese("products"), (std::vector<std::string>{"产品", "乘积"}));
  o.frequency_weight = 0;
  auto by_place = Translator::Load(cedict, o);
  ASSERT_TRUE(by_place.ok());
  EXPECT_EQ((*by_place)->ToChinese("products"), (std::vector<std::string>{"乘积", "产品"}));
  o.frequency_weight = 3;
  o.word_frequencies = dir.Sub("none");  // unreadable: ranked by place, still loads
  auto no_file = Translator::Load(cedict, o);
  ASSERT_TRUE(no_file.ok());
  EXPECT_EQ((*no_file)->ToChinese("products").front(), "乘积");
}

TEST(TranslatorTest, MissingOrEmptyFile) {
  testing::TempDir dir;
  EXPECT_EQ(Translator::Load(dir.Sub("none")).status().kind(), ErrorKind::kUnavailable);
  EXPECT_EQ(Translator::Load(Write(dir, "empty", "# nothing\n")).status().kind(),
            ErrorKind::kInvalid);
}

TEST(TranslatorTest, GlossaryAndLongestPhraseFirst) {
  auto t = Translator::GlossaryOnly();
  const auto translations =
      t->Translate(text::Analyze("Deep Learning for the lithium-ion battery"), 3);
  ASSERT_EQ(translations.size(), 2u);
  EXPECT_EQ(translations[0].source, "deep learning");
  EXPECT_EQ(translations[0].targets, std::vector<std::string>{"深度学习"});
  EXPECT_EQ(translations[1].targets, std::vector<std::string>{"锂离子电池"});
  const auto zh = t->Translate(text::Analyze("人工智能芯片"), 3);
  ASSERT_FALSE(zh.empty());
  EXPECT_EQ(zh[0].targets.front(), "artificial intelligence");
}

TEST(TranslatorTest, EnglishKey) {
  EXPECT_EQ(EnglishKey("The Neural Networks"), "neural network");
  EXPECT_EQ(EnglishKey("of the"), "");
}

}  // namespace
}  // namespace kc::search
