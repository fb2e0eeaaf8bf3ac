#include "importers/html_text.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

using Kind = TextBlock::Kind;

std::vector<std::string> Texts(const std::vector<TextBlock>& blocks) {
  std::vector<std::string> out;
  for (const auto& b : blocks) out.push_back(b.text);
  return out;
}

TEST(HtmlTextTest, BlockElementsSplitAndInlineElementsJoin) {
  auto blocks = HtmlToBlocks(
      "<p>第一段<b>加粗</b>文字</p><div>第二段<br>换行</div><ul><li>甲</li><li>乙</li></ul>");
  EXPECT_EQ(Texts(blocks),
            (std::vector<std::string>{"第一段加粗文字", "第二段", "换行", "甲", "乙"}));
  for (const auto& b : blocks) EXPECT_EQ(b.kind, Kind::kText);
}

TEST(HtmlTextTest, NavigationScriptsAndCommentsHoldNoText) {
  auto blocks = HtmlToBlocks(
      "<html><head><title>标题_某网</title><style>p{color:red}</style>"
      "<script>var s = '<p>不是正文</p>';</script></head><body>"
      "<nav><a href=/>首页</a><nav>嵌套</nav><a>国内</a></nav><!-- <p>注释</p> -->"
      "<header>站点头部</header><p>正文</p><footer>版权所有</footer></body></html>");
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[0].kind, Kind::kTitle);
  EXPECT_EQ(blocks[0].text, "标题_某网");
  EXPECT_EQ(blocks[1].text, "正文");
}

TEST(HtmlTextTest, HeadingsCaptionsAndImagesAreMarked) {
  auto blocks = HtmlToBlocks(
      "<h1>文章标题</h1><figure><img src=\"/a.jpg\" alt=\"图注\"><figcaption>会议现场 "
      "张三 摄</figcaption></figure><p class=\"pic-caption\">另一图注</p><p>正文</p>");
  ASSERT_EQ(blocks.size(), 5u);
  EXPECT_EQ(blocks[0].kind, Kind::kHeading);
  EXPECT_EQ(blocks[1].kind, Kind::kImage);
  EXPECT_EQ(blocks[1].src, "/a.jpg");
  EXPECT_EQ(blocks[1].text, "图注");
  EXPECT_EQ(blocks[2].kind, Kind::kCaption);
  EXPECT_EQ(blocks[2].text, "会议现场 张三 摄");
  EXPECT_EQ(blocks[3].kind, Kind::kCaption);
  EXPECT_EQ(blocks[3].text, "另一图注");
  EXPECT_EQ(blocks[4].kind, Kind::kText);
}

TEST(HtmlTextTest, EntitiesAndWhiteSpace) {
  EXPECT_EQ(DecodeHtmlEntities("A&amp;B &lt;p&gt; &#20013;&#x6587; &ldquo;x&rdquo; &bogus; & "),
            "A&B <p> 中文 “x” &bogus; & ");
  EXPECT_EQ(DecodeHtmlEntities("&#0; &#xD800; &#99999999;"), "&#0; &#xD800; &#99999999;");
  auto blocks = HtmlToBlocks("<p>  多个\n\t空白&nbsp;&nbsp;和\xE3\x80\x80全角  </p>");
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].text, "多个 空白 和 全角");
}

TEST(HtmlTextTest, MalformedMarkupNeverFails) {
  for (const char* html : {"<", "<p", "<p>未闭合", "</div></div>文字", "<a href='x>断开",
                           "<script>没有结束", "a < b 且 c > d", "<<>>", "<!-- 未闭合"}) {
    SCOPED_TRACE(html);
    auto blocks = HtmlToBlocks(html);
    for (const auto& b : blocks) EXPECT_FALSE(b.text.empty());
  }
  EXPECT_EQ(Texts(HtmlToBlocks("a < b 且 c > d")), (std::vector<std::string>{"a < b 且 c > d"}));
}

TEST(HtmlTextTest, CollapseWhitespace) {
  EXPECT_EQ(CollapseWhitespace("  a \n b\xC2\xA0\xC2\xA0"
                               "c  "),
            "a b c");
  EXPECT_EQ(CollapseWhitespace(" \t "), "");
}

}  // namespace
}  // namespace kc
