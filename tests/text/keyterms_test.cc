#include "text/keyterms.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kc::text {
namespace {

// A small corpus of abstracts written for this test.
const char* const kCorpus[] = {
    "本文研究了基于卷积神经网络的图像分类方法，实验结果表明该方法提高了分类精度。",
    "针对锂离子电池荷电状态估计问题，提出了一种基于扩展卡尔曼滤波的估计方法。",
    "研究了高温合金涡轮叶片的疲劳裂纹扩展行为，分析了热处理工艺对力学性能的影响。",
    "基于遗传算法的多目标优化方法提高了风力发电机叶片的气动效率。",
    "采用有限元方法分析了桥梁结构在地震作用下的动力响应。",
    "本文提出了一种基于深度学习的语音识别方法，并分析了模型的收敛性。",
    "研究了水稻耐盐基因的表达调控机制，为培育耐盐品种提供了理论依据。",
    "基于最小二乘支持向量机的短期电力负荷预测方法研究。",
};

TermStats CorpusStats() {
  TermStats stats;
  for (const char* doc : kCorpus) stats.Add(Analyze(doc));
  return stats;
}

std::vector<std::string> Keys(const std::vector<WeightedTerm>& terms) {
  std::vector<std::string> out;
  for (const WeightedTerm& t : terms) out.push_back(t.term);
  return out;
}

TEST(TermStatsTest, CountsDocumentsAndDistinctTerms) {
  const TermStats stats = CorpusStats();
  EXPECT_EQ(stats.documents(), std::size(kCorpus));
  // Six documents say 方法, but the lexicon keeps 识别方法 whole in one of them.
  EXPECT_EQ(stats.DocumentFrequency("方法"), 5u);
  EXPECT_EQ(stats.DocumentFrequency("分类"), 1u);  // once, though the document says it twice
  EXPECT_EQ(stats.DocumentFrequency("叶片"), 2u);
  EXPECT_EQ(stats.DocumentFrequency("不存在的词"), 0u);
}

TEST(TermStatsTest, EnglishWordsCountByStem) {
  TermStats stats;
  stats.Add(Analyze("Adaptive controllers for turbines"));
  stats.Add(Analyze("A controller controlling the turbine"));
  EXPECT_EQ(TermKey("controllers"), "control");
  EXPECT_EQ(stats.DocumentFrequency("control"), 2u);
  EXPECT_EQ(stats.DocumentFrequency("turbin"), 2u);
}

TEST(TermStatsTest, RemoveUndoesAdd) {
  TermStats stats = CorpusStats();
  const std::string before = stats.Serialize();
  const Terms extra = Analyze("基于神经网络的飞行器故障诊断方法");
  stats.Add(extra);
  EXPECT_EQ(stats.DocumentFrequency("神经网络"), 2u);
  stats.Remove(extra);
  EXPECT_EQ(stats.Serialize(), before);
}

TEST(TermStatsTest, TitleAndBodyCountOnce) {
  TermStats stats;
  stats.Add(Analyze("飞行器姿态估计"), Analyze("提出了飞行器姿态估计的新方法"));
  EXPECT_EQ(stats.documents(), 1u);
  EXPECT_EQ(stats.DocumentFrequency("飞行器"), 1u);
}

TEST(TermStatsTest, SerializeRoundTrips) {
  const TermStats stats = CorpusStats();
  const std::string text = stats.Serialize();
  EXPECT_EQ(text.rfind("kc-termstats 1\ndocuments 8\n", 0), 0u);
  Result<TermStats> parsed = TermStats::Parse(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->Serialize(), text);
  EXPECT_EQ(parsed->DocumentFrequency("方法"), 5u);
  EXPECT_EQ(parsed->size(), stats.size());
}

TEST(TermStatsTest, MergeAddsCounts) {
  TermStats a;
  TermStats b;
  a.Add(Analyze("卷积神经网络"));
  b.Add(Analyze("神经网络与遗传算法"));
  a.Merge(b);
  EXPECT_EQ(a.documents(), 2u);
  EXPECT_EQ(a.DocumentFrequency("神经网络"), 2u);
  EXPECT_EQ(a.DocumentFrequency("遗传算法"), 1u);
}

TEST(TermStatsTest, ParseRejectsMalformedInput) {
  for (const char* bad :
       {"", "kc-termstats 2\ndocuments 1\n", "kc-termstats 1\n", "kc-termstats 1\ndocuments x\n",
        "kc-termstats 1\ndocuments 3\n2\n", "kc-termstats 1\ndocuments 3\n0 方法\n",
        "kc-termstats 1\ndocuments 3\n1 方法\n2 方法\n",
        "kc-termstats 1\ndocuments 3\n-1 方法\n"}) {
    Result<TermStats> parsed = TermStats::Parse(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.status().kind(), ErrorKind::kInvalid);
    EXPECT_EQ(parsed.status().code(), "bad_term_stats");
  }
  EXPECT_TRUE(TermStats::Parse("kc-termstats 1\ndocuments 0\n").ok());
}

TEST(KeyTermsTest, RanksSpecificTechnicalTermsAboveCommonWords) {
  const TermStats stats = CorpusStats();
  const Terms text = Analyze(
      "提出了一种基于卷积神经网络的飞行器故障诊断方法。该方法利用卷积神经网络提取振动信号特征，"
      "实验结果表明飞行器故障诊断准确率提高了8.5%。");
  const std::vector<WeightedTerm> top = KeyTerms(text, stats, 5);
  ASSERT_EQ(top.size(), 5u);
  const std::vector<std::string> keys = Keys(top);
  // The three repeated technical terms lead; 神经网络 last, the corpus having seen it once.
  EXPECT_EQ(std::vector<std::string>(keys.begin(), keys.begin() + 3),
            (std::vector<std::string>{"故障诊断", "飞行器", "神经网络"}))
      << testing::PrintToString(keys);
  for (const std::string& k : keys) {
    EXPECT_NE(k, "方法");  // weak and frequent in the corpus
    EXPECT_NE(k, "8.5");
  }
  for (size_t i = 1; i < top.size(); ++i) EXPECT_GE(top[i - 1].weight, top[i].weight);
  EXPECT_EQ(top[0].frequency, 2u);
}

TEST(KeyTermsTest, TitleTermsAreBoosted) {
  const TermStats stats = CorpusStats();
  const Terms body = Analyze("采用振动信号与温度信号两类传感器数据，建立轴承寿命预测模型。");
  const std::vector<WeightedTerm> without = KeyTerms(body, stats, 20);
  const std::vector<WeightedTerm> with = KeyTerms(Analyze("轴承寿命预测"), body, stats, 20);
  auto weight_of = [](const std::vector<WeightedTerm>& terms, const std::string& term) {
    for (const WeightedTerm& t : terms) {
      if (t.term == term) return t.weight;
    }
    return 0.0;
  };
  EXPECT_GT(weight_of(with, "轴承"), weight_of(without, "轴承") * 1.5);
  EXPECT_EQ(with[0].in_title, true);
}

TEST(KeyTermsTest, LongerCjkWordsWeighMore) {
  TermStats stats;  // Empty statistics: every term is equally rare.
  const std::vector<WeightedTerm> top = KeyTerms(Analyze("锂离子电池 电池 电"), stats, 3);
  ASSERT_EQ(top.size(), 3u);
  EXPECT_EQ(Keys(top), (std::vector<std::string>{"锂离子电池", "电池", "电"}));
}

TEST(KeyTermsTest, KZeroAndEmptyText) {
  const TermStats stats = CorpusStats();
  EXPECT_TRUE(KeyTerms(Analyze("神经网络"), stats, 0).empty());
  EXPECT_TRUE(KeyTerms(Analyze(""), stats, 10).empty());
}

}  // namespace
}  // namespace kc::text
