#include "text/segmenter.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "text/normalize.h"

namespace kc::text {
namespace {

std::vector<std::string> Texts(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(t.text);
  return out;
}

bool Contains(const std::vector<Token>& tokens, const std::string& word) {
  for (const Token& t : tokens) {
    if (t.text == word) return true;
  }
  return false;
}

const Segmenter& Seg() {
  const Segmenter& s = Segmenter::Shared();
  EXPECT_TRUE(s.status().ok()) << s.status().message();
  return s;
}

// Scientific sentences written for these tests.
const char* const kSentences[] = {
    "本文基于卷积神经网络提出了一种飞行器姿态估计方法，并用最小二乘法分析了算法的收敛性。",
    "针对锂离子电池荷电状态估计问题，采用扩展卡尔曼滤波建立了等效电路模型。",
    "实验表明，经过热处理的高温合金涡轮叶片疲劳裂纹扩展速率降低了约35.6%。",
    "该传感器网络在复杂电磁环境下的数据传输可靠性达到99.2%以上。",
    "利用深度强化学习优化无人机编队的路径规划，仿真结果验证了方法的有效性。",
    "研究了纳米二氧化钛光催化降解有机污染物的反应动力学。",
    "基于遗传算法的多目标优化方法显著提高了风力发电机叶片的气动效率。",
    "水稻耐盐基因的克隆与功能分析为培育耐盐品种提供了理论依据。",
};

TEST(SegmenterTest, LexiconLoadsWithJiebaWords) {
  const Segmenter& s = Seg();
  EXPECT_GT(s.lexicon_size(), 300000u);
  EXPECT_GT(s.jieba_words_added(), 100000u);
  EXPECT_GT(s.load_millis(), 0);
  EXPECT_TRUE(s.IsDictionaryWord("神经网络"));
  EXPECT_TRUE(s.IsDictionaryWord("卷积"));  // from jieba; friso's lexicon lacks it
  EXPECT_TRUE(s.IsDictionaryWord("卡尔曼滤波"));
  EXPECT_FALSE(s.IsDictionaryWord("神经网络的"));
  EXPECT_FALSE(s.IsDictionaryWord("卡尔曼滤"));  // a prefix, not a word
  EXPECT_FALSE(s.IsDictionaryWord("的飞"));
}

TEST(SegmenterTest, TechnicalTermsStayWhole) {
  const std::vector<Token> tokens = Seg().Segment(Normalize(kSentences[0]));
  for (const char* term : {"神经网络", "最小二乘", "飞行器", "收敛性", "卷积", "姿态"}) {
    EXPECT_TRUE(Contains(tokens, term)) << term << " in " << testing::PrintToString(Texts(tokens));
  }
  const std::vector<Token> kalman = Seg().Segment(Normalize(kSentences[1]));
  for (const char* term : {"锂离子电池", "卡尔曼滤波", "等效电路"}) {
    EXPECT_TRUE(Contains(kalman, term)) << term << " in " << testing::PrintToString(Texts(kalman));
  }
}

TEST(SegmenterTest, LatinWordsAndNumbers) {
  const std::string text =
      Normalize("ＡＩ芯片的Controllers在5G网络下延迟3.25ms，版本v1.2用C++与C#实现。");
  const std::vector<Token> tokens = Seg().Segment(text);
  std::vector<std::pair<std::string, TokenKind>> latin;
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::kCjkWord) latin.emplace_back(t.text, t.kind);
  }
  const std::vector<std::pair<std::string, TokenKind>> expected = {
      {"ai", TokenKind::kLatinWord},   {"controllers", TokenKind::kLatinWord},
      {"5g", TokenKind::kLatinWord},   {"3.25ms", TokenKind::kLatinWord},
      {"v1.2", TokenKind::kLatinWord}, {"c++", TokenKind::kLatinWord},
      {"c#", TokenKind::kLatinWord}};
  EXPECT_EQ(latin, expected);
  const std::vector<Token> numbers = Seg().Segment("分别为7.0和4.8，提高了12%, 2023年");
  std::vector<std::string> got;
  for (const Token& t : numbers) {
    if (t.kind == TokenKind::kNumber) got.push_back(t.text);
  }
  EXPECT_EQ(got, (std::vector<std::string>{"7.0", "4.8", "12", "2023"}));
}

TEST(SegmenterTest, UppercaseInputIsLowerCased) {
  const std::vector<Token> tokens = Seg().Segment("LSTM Network");
  EXPECT_EQ(Texts(tokens), (std::vector<std::string>{"lstm", "network"}));
}

TEST(SegmenterTest, OffsetsPointIntoTheText) {
  for (const char* sentence : kSentences) {
    const std::string text = Normalize(sentence);
    size_t last = 0;
    for (const Token& t : Seg().Segment(text)) {
      ASSERT_LE(t.offset + t.text.size(), text.size());
      EXPECT_EQ(text.substr(t.offset, t.text.size()), t.text);
      EXPECT_GE(t.offset, last);
      last = t.offset + t.text.size();
    }
  }
}

TEST(SegmenterTest, CjkRunsAreCoveredCompletely) {
  // Every CJK character belongs to exactly one token: unknown characters come out alone.
  const std::string text = Normalize("㐀㐁神经网络〇カタカナ한국어");
  std::string joined;
  for (const Token& t : Seg().Segment(text)) joined += t.text;
  EXPECT_EQ(joined, text);
}

TEST(SegmenterTest, AgreesWithFrisosOwnDriver) {
  for (const char* sentence : kSentences) {
    const std::string text = Normalize(sentence);
    EXPECT_EQ(Texts(Seg().Segment(text)), Texts(Seg().SegmentWithFrisoDriver(text))) << sentence;
    EXPECT_EQ(Seg().Segment(text), Seg().SegmentWithFrisoDriver(text));
  }
}

TEST(SegmenterTest, EmptyAndPunctuationOnly) {
  EXPECT_TRUE(Seg().Segment("").empty());
  EXPECT_TRUE(Seg().Segment("，。！？…—— ()[]{}").empty());
  EXPECT_TRUE(Seg().Segment("😀🚀").empty());
}

TEST(SegmenterTest, OverlongLatinRunsAreDropped) {
  const std::string hash(100, 'f');
  EXPECT_TRUE(Seg().Segment(hash).empty());
}

TEST(SegmenterTest, ConcurrentSegmentationAgrees) {
  std::vector<std::vector<Token>> expected;
  for (const char* sentence : kSentences) expected.push_back(Seg().Segment(Normalize(sentence)));
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 50; ++round) {
        for (size_t i = 0; i < std::size(kSentences); ++i) {
          mismatches[t] += Seg().Segment(Normalize(kSentences[i])) != expected[i];
          mismatches[t] += Seg().SegmentWithFrisoDriver(Normalize(kSentences[i])) != expected[i];
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

TEST(SegmenterTest, MissingLexiconIsAnError) {
  Segmenter::Options options;
  options.friso_lex_dir = "/nonexistent/friso/";
  Result<std::unique_ptr<Segmenter>> loaded = Segmenter::Load(options);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().kind(), ErrorKind::kUnavailable);
  options = Segmenter::Options();
  options.jieba_dict = "/nonexistent/dict.txt";
  EXPECT_FALSE(Segmenter::Load(options).ok());
}

TEST(SegmenterTest, FrisoLexiconAloneSplitsJiebaOnlyTerms) {
  Segmenter::Options options;
  options.jieba_dict.clear();
  Result<std::unique_ptr<Segmenter>> loaded = Segmenter::Load(options);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_EQ((*loaded)->jieba_words_added(), 0u);
  EXPECT_FALSE((*loaded)->IsDictionaryWord("卷积"));
  EXPECT_TRUE((*loaded)->IsDictionaryWord("神经网络"));
}

TEST(SegmenterTest, KindOf) {
  EXPECT_EQ(KindOf("神经网络"), TokenKind::kCjkWord);
  EXPECT_EQ(KindOf("controller"), TokenKind::kLatinWord);
  EXPECT_EQ(KindOf("5g"), TokenKind::kLatinWord);
  EXPECT_EQ(KindOf("3.14"), TokenKind::kNumber);
}

}  // namespace
}  // namespace kc::text
