#include "text/analyzer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace kc::text {
namespace {

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(AnalyzerTest, TraditionalQueryGivesTheSimplifiedTerms) {
  EXPECT_EQ(Analyze("神經網絡"), Analyze("神经网络"));
  const Terms traditional = Analyze("基於卷積神經網絡的飛行器姿態估計與收斂性分析");
  const Terms simplified = Analyze("基于卷积神经网络的飞行器姿态估计与收敛性分析");
  EXPECT_EQ(traditional, simplified);
  EXPECT_TRUE(Has(traditional.words, "神经网络"));
  EXPECT_TRUE(Has(traditional.words, "收敛性"));
}

TEST(AnalyzerTest, FullWidthQuery) {
  const Terms terms = Analyze("ＡＩ芯片");
  EXPECT_EQ(terms.words, (std::vector<std::string>{"ai", "芯片"}));
  EXPECT_EQ(terms.english_stems, (std::vector<std::string>{"ai"}));
  EXPECT_EQ(terms.bigrams, (std::vector<std::string>{"芯片"}));
  EXPECT_EQ(Analyze("AI芯片"), terms);
}

TEST(AnalyzerTest, StopWordsDroppedPositionsKept) {
  const Terms terms = Analyze("本文提出了一种基于最小二乘的飞行器参数辨识方法");
  EXPECT_FALSE(Has(terms.words, "的"));
  EXPECT_FALSE(Has(terms.words, "了"));
  EXPECT_FALSE(Has(terms.words, "本文"));
  EXPECT_TRUE(Has(terms.words, "基于"));  // weak, kept
  EXPECT_TRUE(Has(terms.words, "方法"));
  EXPECT_TRUE(Has(terms.words, "最小二乘"));
  EXPECT_TRUE(Has(terms.words, "飞行器"));
  ASSERT_EQ(terms.words.size(), terms.positions.size());
  EXPECT_TRUE(std::is_sorted(terms.positions.begin(), terms.positions.end()));
  // 最小二乘 [的] 飞行器: the dropped 的 leaves a gap of two positions.
  const auto a =
      std::find(terms.words.begin(), terms.words.end(), "最小二乘") - terms.words.begin();
  const auto b = std::find(terms.words.begin(), terms.words.end(), "飞行器") - terms.words.begin();
  EXPECT_EQ(terms.positions[b] - terms.positions[a], 2u);
}

TEST(AnalyzerTest, BigramsOfCjkStretchesBetweenStopWords) {
  const Terms terms = Analyze("神经网络的收敛性");
  EXPECT_EQ(terms.bigrams, (std::vector<std::string>{"神经", "经网", "网络", "收敛", "敛性"}));
  // A lone character between stop words and Latin text is its own term.
  EXPECT_EQ(Analyze("GPU与铁").bigrams, (std::vector<std::string>{"铁"}));
}

TEST(AnalyzerTest, EnglishStemsConflate) {
  const Terms terms = Analyze("Controllers controlling the controlled plant");
  EXPECT_EQ(terms.words,
            (std::vector<std::string>{"controllers", "controlling", "controlled", "plant"}));
  ASSERT_EQ(terms.english_stems.size(), 4u);
  EXPECT_EQ(terms.english_stems[0], terms.english_stems[1]);
  EXPECT_EQ(terms.english_stems[1], terms.english_stems[2]);
  EXPECT_EQ(terms.english_stems[0], "control");
  EXPECT_EQ(StemEnglish("turbines"), StemEnglish("turbine"));
}

TEST(AnalyzerTest, MixedChineseEnglishSentence) {
  const Terms terms = Analyze("采用LSTM与Transformer模型预测风电功率，预测误差降低12.5%。");
  EXPECT_TRUE(Has(terms.words, "lstm"));
  EXPECT_TRUE(Has(terms.words, "transformer"));
  EXPECT_TRUE(Has(terms.words, "12.5"));
  EXPECT_TRUE(Has(terms.words, "风电"));
  EXPECT_TRUE(Has(terms.english_stems, "transform"));
  EXPECT_TRUE(Has(terms.bigrams, "型预"));   // 模型预测 is one stretch of CJK text
  EXPECT_FALSE(Has(terms.bigrams, "率预"));  // 。 ends a stretch
}

TEST(AnalyzerTest, EmptyAndPunctuationOnly) {
  EXPECT_EQ(Analyze(""), Terms());
  EXPECT_EQ(Analyze("！？。，……"), Terms());
  EXPECT_EQ(Analyze("😀😀"), Terms());
  EXPECT_EQ(Analyze("the of and"), Terms());
}

}  // namespace
}  // namespace kc::text
