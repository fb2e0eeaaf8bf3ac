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
