#include "text/stopwords.h"

#include <gtest/gtest.h>

namespace kc::text {
namespace {

TEST(StopWordsTest, ChineseFunctionWords) {
  for (const char* w :
       {"的", "了", "和", "与", "及", "在", "对", "是", "等", "为", "中", "进行", "本文", "通过"}) {
    EXPECT_TRUE(IsStopWord(w)) << w;
  }
  for (const char* w : {"神经网络", "飞行器", "算法", "无人机", "研究", "方法"}) {
    EXPECT_FALSE(IsStopWord(w)) << w;
  }
}

TEST(StopWordsTest, EnglishFunctionWords) {
  for (const char* w : {"the", "a", "of", "and", "to", "in", "is", "with", "by"}) {
    EXPECT_TRUE(IsStopWord(w)) << w;
  }
  for (const char* w : {"controller", "network", "The", ""}) EXPECT_FALSE(IsStopWord(w)) << w;
}

TEST(StopWordsTest, WeakTermsAreNotStopWords) {
  for (const char* w : {"研究", "方法", "基于", "分析", "method", "analysis", "based"}) {
    EXPECT_TRUE(IsWeakTerm(w)) << w;
    EXPECT_FALSE(IsStopWord(w)) << w;
  }
  EXPECT_FALSE(IsWeakTerm("收敛性"));
  EXPECT_FALSE(IsWeakTerm("turbine"));
}

}  // namespace
}  // namespace kc::text
