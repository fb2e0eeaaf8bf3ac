#include "search/snippet.h"

#include <gtest/gtest.h>

namespace kc::search {
namespace {

TEST(SnippetTest, EscapesHtml) {
  EXPECT_EQ(EscapeHtml("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
}

TEST(SnippetTest, MarksChineseWordsLongestFirst) {
  Highlight h{{"神经网络", "神经", "检测"}, {}};
  EXPECT_EQ(MakeSnippet("利用神经网络进行缺陷检测", h, 100),
            "利用<mark>神经网络</mark>进行缺陷<mark>检测</mark>");
}

TEST(SnippetTest, OverlappingTermsMarkOneRun) {
  Highlight h{{"石墨", "烯", "浆料", "石墨烯", "烯浆"}, {}};
  EXPECT_EQ(MakeSnippet("含石墨烯浆料的配方", h, 100), "含<mark>石墨烯浆料</mark>的配方");
}

TEST(SnippetTest, MarksEnglishByStemInAnyCase) {
  Highlight h{{"controllers"}, {"control"}};
  EXPECT_EQ(MakeSnippet("Controlled flight <fast> & stable", h, 100),
            "<mark>Controlled</mark> flight &lt;fast&gt; &amp; stable");
  // Parts of words are not marked.
  EXPECT_EQ(MakeSnippet("uncontrolled", h, 100), "uncontrolled");
}

TEST(SnippetTest, MarkupInTextNeverSurvives) {
  Highlight h{{"脚本"}, {}};
  EXPECT_EQ(MakeSnippet("<script>alert(1)</script>脚本", h, 100),
            "&lt;script&gt;alert(1)&lt;/script&gt;<mark>脚本</mark>");
}

TEST(SnippetTest, WindowAroundTheTermsWithEllipses) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "甲";
  text += "石墨烯";
  for (int i = 0; i < 100; ++i) text += "乙";
  Highlight h{{"石墨烯"}, {}};
  const std::string s = MakeSnippet(text, h, 40);
  EXPECT_EQ(s.rfind("…", 0), 0u);
  EXPECT_NE(s.find("<mark>石墨烯</mark>"), std::string::npos);
  EXPECT_EQ(s.substr(s.size() - 3), "…");
  // No term: the beginning.
  const std::string plain = MakeSnippet(text, Highlight{}, 10);
  EXPECT_EQ(plain, "甲甲甲甲甲甲甲甲甲甲…");
}

TEST(SnippetTest, ShortTextIsWhole) { EXPECT_EQ(MakeSnippet("短文本", Highlight{}, 10), "短文本"); }

}  // namespace
}  // namespace kc::search
