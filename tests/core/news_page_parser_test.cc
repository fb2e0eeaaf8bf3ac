#include "core/news_page_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kc {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// A page as a browser's "copy all" gives it: the site's headline list on one line, the
// breadcrumbs, title, time and source, the body with a dateline, a caption the page prints
// twice, the end mark, the editor, then the footer.
constexpr char kTextPage[] =
    "示范区新增三家孵化器 某省发布十条措施 高校科技成果转化周开幕 海关数据显示出口增长 "
    "暴雨预警升级为橙色 新能源汽车下乡活动启动 科普讲解大赛决赛举行 两部门发文支持专精特新\n"
    "您的位置:首页 >新闻资讯 >\n"
    "\n"
    "长三角技术转移联盟在杭州成立\n"
    "\n"
    "2023-05-06 14:20:05来源:示范新闻网\n"
    "\n"
    "示范网杭州5月6日电 (记者 李明 王芳)长三角四省市的32家高校和技术转移机构6日在杭州"
    "签署协议,成立技术转移联盟。\n"
    "\n"
    "联盟将建设统一的成果库和需求库,每季度举办一次对接会。\n"
    "\n"
    "签约仪式现场。 李明 摄签约仪式现场。 李明 摄\n"
    "\n"
    "联盟首批发布了120项可转化成果,涉及新材料、生物医药和智能制造。(完)\n"
    "\n"
    "【编辑:赵强】\n"
    "关于我们 | 联系方式 | 版权声明\n";

constexpr char kHtmlPage[] = R"(<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>成果转化对接会在深圳举行_示范新闻网</title>
<script>window.ad = "<p>广告</p>";</script></head>
<body>
<header><a href="/">首页</a> <a href="/news">新闻</a></header>
<nav class="hot"><ul><li><a>今日热点一</a></li><li><a>今日热点二</a></li></ul></nav>
<div class="crumbs">当前位置：首页 &gt; 新闻资讯 &gt; 要闻</div>
<h1>成果转化对接会在深圳举行</h1>
<div class="info"><span>2023年06月12日 09:05</span> <span>来源：示范新闻网</span>
 <span>作者：陈晨</span></div>
<div class="article">
<p>新华社深圳6月12日电（记者 刘洋）12日，80余家企业与20所高校在深圳开展成果转化对接。</p>
<figure><img src="https://img.example.com/1.jpg" alt="对接会现场"><figcaption>对接会现场。 刘洋 摄</figcaption></figure>
<p>对接会共达成合作意向46项，&ldquo;意向金额&rdquo;超过3亿元。</p>
<p class="pic-caption">对接会现场。 刘洋 摄</p>
<p>主办方表示，下一场对接会将于9月举行。（完）</p>
<p class="editor">【责任编辑：孙丽】</p>
</div>
<ul class="related"><li>相关新闻一</li><li>相关新闻二</li></ul>
<footer>Copyright 示范新闻网</footer>
</body></html>)";

TEST(NewsPageParserTest, PlainTextPageGivesEveryField) {
  ParsedNewsPage p = ParseNewsPage(kTextPage);
  EXPECT_EQ(p.format, PageFormat::kText);
  EXPECT_EQ(p.title, "长三角技术转移联盟在杭州成立");
  EXPECT_EQ(p.local_time, "2023-05-06 14:20:05");
  EXPECT_EQ(IsoTimeWithOffset(p.published_at, p.utc_offset_minutes), "2023-05-06T14:20:05+08:00");
  EXPECT_EQ(p.source, "示范新闻网");
  EXPECT_EQ(p.dateline, "示范网杭州5月6日电");
  EXPECT_EQ(p.author, "李明 王芳");
  EXPECT_EQ(p.editor, "赵强");
  EXPECT_THAT(p.breadcrumbs, ElementsAre("首页", "新闻资讯"));
  EXPECT_THAT(
      p.paragraphs,
      ElementsAre("长三角四省市的32家高校和技术转移机构6日在杭州签署协议,成立技术转移联盟。",
                  "联盟将建设统一的成果库和需求库,每季度举办一次对接会。",
                  "联盟首批发布了120项可转化成果,涉及新材料、生物医药和智能制造。"));
  // The caption the page printed twice appears once, with its photographer.
  ASSERT_EQ(p.images.size(), 1u);
  EXPECT_EQ(p.images[0].caption, "签约仪式现场。");
  EXPECT_EQ(p.images[0].credit, "李明");
  EXPECT_THAT(p.missing, IsEmpty());
  // The page gives a local time without a zone: China Standard Time is assumed, and said so.
  EXPECT_THAT(p.assumed, ElementsAre("time_zone"));
}

TEST(NewsPageParserTest, HtmlPageGivesEveryField) {
  ParsedNewsPage p = ParseNewsPage(kHtmlPage);
  EXPECT_EQ(p.format, PageFormat::kHtml);
  EXPECT_EQ(p.title, "成果转化对接会在深圳举行");
  EXPECT_EQ(p.local_time, "2023年06月12日 09:05");
  EXPECT_EQ(IsoTimeWithOffset(p.published_at, p.utc_offset_minutes), "2023-06-12T09:05:00+08:00");
  EXPECT_EQ(p.source, "示范新闻网");
  EXPECT_EQ(p.dateline, "新华社深圳6月12日电");
  EXPECT_EQ(p.author, "刘洋") << "the dateline's reporter wins over the page's 作者";
  EXPECT_EQ(p.editor, "孙丽");
  EXPECT_THAT(p.breadcrumbs, ElementsAre("首页", "新闻资讯", "要闻"));
  EXPECT_THAT(p.paragraphs, ElementsAre("12日，80余家企业与20所高校在深圳开展成果转化对接。",
                                        "对接会共达成合作意向46项，“意向金额”超过3亿元。",
                                        "主办方表示，下一场对接会将于9月举行。"));
  ASSERT_EQ(p.images.size(), 1u) << "the caption repeated below the picture appears once";
  EXPECT_EQ(p.images[0].url, "https://img.example.com/1.jpg");
  EXPECT_EQ(p.images[0].caption, "对接会现场。");
  EXPECT_EQ(p.images[0].credit, "刘洋");
  EXPECT_THAT(p.missing, IsEmpty());
}

TEST(NewsPageParserTest, AnExplicitZoneIsKeptAndNotAssumed) {
  ParsedNewsPage p = ParseNewsPage(
      "Title line of a page\n2023-05-06 14:20 UTC+2 来源:Example Wire\nA paragraph.\n");
  EXPECT_EQ(p.utc_offset_minutes, 120);
  EXPECT_EQ(IsoTimeWithOffset(p.published_at, p.utc_offset_minutes), "2023-05-06T14:20:00+02:00");
  EXPECT_THAT(p.assumed, IsEmpty());
  EXPECT_EQ(p.title, "Title line of a page");
  EXPECT_EQ(p.source, "Example Wire");

  ParsedNewsPage beijing = ParseNewsPage("标题\n北京时间2023年5月6日 14:20 来源:某报\n正文。\n");
  EXPECT_THAT(beijing.assumed, IsEmpty());
  EXPECT_EQ(beijing.utc_offset_minutes, 480);
}

TEST(NewsPageParserTest, MissingFieldsAreReportedNotInvented) {
  // No breadcrumbs, source, dateline, caption or editor.
  ParsedNewsPage p = ParseNewsPage(
      "科技成果评价新规发布\n"
      "2023-07-01 10:00:00\n"
      "新规明确了评价机构的责任。\n"
      "新规自8月1日起施行。\n");
  EXPECT_EQ(p.title, "科技成果评价新规发布");
  EXPECT_NE(p.published_at, 0);
  EXPECT_EQ(p.source, "");
  EXPECT_EQ(p.dateline, "");
  EXPECT_EQ(p.editor, "");
  EXPECT_THAT(p.paragraphs, ElementsAre("新规明确了评价机构的责任。", "新规自8月1日起施行。"));
  EXPECT_THAT(p.missing, ElementsAre("source", "author", "dateline", "editor", "images"));
}

TEST(NewsPageParserTest, APageWithoutATimeReportsIt) {
  ParsedNewsPage p = ParseNewsPage("<h1>只有标题</h1><p>只有一段正文。</p>");
  EXPECT_EQ(p.title, "只有标题");
  EXPECT_EQ(p.published_at, 0);
  EXPECT_EQ(p.local_time, "");
  EXPECT_THAT(p.paragraphs, ElementsAre("只有一段正文。"));
  EXPECT_THAT(p.missing,
              ElementsAre("published_at", "source", "author", "dateline", "editor", "images"));
  EXPECT_THAT(p.assumed, IsEmpty()) << "no time, so no zone was assumed";
}

TEST(NewsPageParserTest, AnEmptyPageMissesEverything) {
  ParsedNewsPage p = ParseNewsPage("   \n\n");
  EXPECT_THAT(p.missing, ElementsAre("title", "published_at", "source", "author", "dateline",
                                     "editor", "paragraphs", "images"));
}

TEST(NewsPageParserTest, HtmlTitleFallsBackToTheDocumentTitle) {
  ParsedNewsPage p = ParseNewsPage(
      "<html><head><title>某项成果通过鉴定 - 示范网</title></head><body>"
      "<p>2023-01-02 08:00 来源：示范网</p><p>正文第一段。</p></body></html>");
  EXPECT_EQ(p.title, "某项成果通过鉴定");
  EXPECT_EQ(p.source, "示范网");
  EXPECT_THAT(p.paragraphs, ElementsAre("正文第一段。"));
}

TEST(NewsPageParserTest, TheFormatCanBeForced) {
  // Read as text, markup stays text; read as HTML, it is parsed.
  const char* page = "<p>标题</p>";
  EXPECT_EQ(ParseNewsPage(page, PageFormat::kText).format, PageFormat::kText);
  EXPECT_EQ(ParseNewsPage(page, PageFormat::kText).title, "<p>标题</p>");
  EXPECT_EQ(ParseNewsPage(page, PageFormat::kHtml).title, "标题");
}

TEST(NewsPageParserTest, EditorInsideASentenceIsNotTheEditor) {
  ParsedNewsPage p = ParseNewsPage(
      "标题\n2023-05-06 14:20 来源:某报\n他曾任杂志编辑:负责科普栏目。\n【编辑:王五】\n");
  EXPECT_EQ(p.editor, "王五");
  EXPECT_THAT(p.paragraphs, ElementsAre("他曾任杂志编辑:负责科普栏目。"));
}

}  // namespace
}  // namespace kc
