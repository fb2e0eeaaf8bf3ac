#include "text/normalize.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace kc::text {
namespace {

TEST(NormalizeTest, OpenCcLoads) {
  EXPECT_TRUE(TraditionalConversionStatus().ok()) << TraditionalConversionStatus().message();
}

TEST(NormalizeTest, FullWidthToHalfWidthAndLowerCase) {
  EXPECT_EQ(Normalize("ＡＩ芯片"), "ai芯片");
  EXPECT_EQ(Normalize("ＧＰＵ集群：１２８卡（Ａ１００）"), "gpu集群:128卡(a100)");
  EXPECT_EQ(Normalize("Deep Learning for UAV Control"), "deep learning for uav control");
}

TEST(NormalizeTest, TraditionalToSimplified) {
  EXPECT_EQ(Normalize("神經網絡"), "神经网络");
  EXPECT_EQ(Normalize("基於機器學習的飛行器軌跡預測"), "基于机器学习的飞行器轨迹预测");
  // Phrase-level conversion: 沈 alone is a surname, in 沈默 it is 沉.
  EXPECT_EQ(Normalize("保持沈默"), "保持沉默");
  // Simplified text is unchanged.
  EXPECT_EQ(Normalize("采用最小二乘法估计模型参数"), "采用最小二乘法估计模型参数");
}

TEST(NormalizeTest, WhiteSpaceCollapses) {
  EXPECT_EQ(Normalize("  锂离子电池\t\n\r　 荷电状态\u00A0估计  "), "锂离子电池 荷电状态 估计");
  EXPECT_EQ(Normalize("\u200B零宽\uFEFF字符\u00AD"), "零宽字符");
  EXPECT_EQ(Normalize(""), "");
  EXPECT_EQ(Normalize(" \t　"), "");
}

TEST(NormalizeTest, CompatibilityCharacters) {
  EXPECT_EQ(Normalize("①②⑩"), "1210");
  EXPECT_EQ(Normalize("⑴"), "(1)");
  EXPECT_EQ(Normalize("面积100㎡，温度25℃"), "面积100m2,温度25°c");
  EXPECT_EQ(Normalize("H₂O与CO²"), "h2o与co2");
  EXPECT_EQ(Normalize("第Ⅻ章"), "第xii章");
  EXPECT_EQ(Normalize("½"), "1/2");
  EXPECT_EQ(Normalize("ﬁnite"), "finite");
  EXPECT_EQ(Normalize("⽅法"), "方法");  // Kangxi radical, as PDF extraction produces it.
  EXPECT_EQ(Normalize("ＥＣＨＯ　ＳＴＡＴＥ"), "echo state");
  EXPECT_EQ(Normalize("ΑΒΓ Ωmega ÉCOLE"), "αβγ ωmega école");
  // Chinese punctuation without a compatibility form stays.
  EXPECT_EQ(Normalize("算法。结论、“引用”"), "算法。结论、“引用”");
}

TEST(NormalizeTest, InvalidUtf8BecomesSpace) {
  EXPECT_EQ(Normalize("神经\xFF网络"), "神经 网络");
  EXPECT_EQ(Normalize("abc\xE7\xA5"), "abc");
}

TEST(NormalizeTest, ConcurrentCallsAgree) {
  const std::string input = "基於卷積神經網絡的ＵＡＶ目標檢測方法研究　";
  const std::string expected = Normalize(input);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) mismatches[t] += Normalize(input) != expected;
    });
  }
  for (auto& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

}  // namespace
}  // namespace kc::text
