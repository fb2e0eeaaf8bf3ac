#include "service/news_feed.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

TEST(NewsFeedTest, EntriesCarryTitleLinkTimeAndEscapedText) {
  NewsArticle a;
  a.id = 7;
  a.title = "R&D <投入> 增长";
  a.author = "李明";
  a.published_at = 1611020112;
  a.updated_at = 1611020112;
  a.column = "headlines";
  a.tags = {"研发"};
  a.paragraphs = {"第一段 \"引号\"。", "第二段。"};
  std::string xml = AtomFeed({a}, FeedInfo{"https://kc.example.org", "新闻资讯", 1});
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>", 0), 0u);
  EXPECT_NE(xml.find("<feed xmlns=\"http://www.w3.org/2005/Atom\""), std::string::npos);
  EXPECT_NE(xml.find("<title>R&amp;D &lt;投入&gt; 增长</title>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<id>https://kc.example.org/news/7</id>"), std::string::npos);
  EXPECT_NE(xml.find("<published>2021-01-19T09:35:12+08:00</published>"), std::string::npos);
  EXPECT_NE(xml.find("<author><name>李明</name></author>"), std::string::npos);
  EXPECT_NE(xml.find("<category term=\"研发\"/>"), std::string::npos);
  EXPECT_NE(xml.find("第一段 &quot;引号&quot;。\n第二段。"), std::string::npos);
  EXPECT_EQ(xml.find("R&D"), std::string::npos) << "no raw ampersand";
}

TEST(NewsFeedTest, AnEmptyFeedIsStillValid) {
  std::string xml = AtomFeed({}, FeedInfo{"http://127.0.0.1:8080", "新闻", 1611020112});
  EXPECT_NE(xml.find("<updated>2021-01-19T01:35:12Z</updated>"), std::string::npos);
  EXPECT_EQ(xml.find("<entry>"), std::string::npos);
  EXPECT_NE(xml.find("</feed>"), std::string::npos);
}

TEST(NewsFeedTest, ControlCharactersAreDropped) {
  NewsArticle a;
  a.id = 1;
  a.title =
      "a\x01"
      "b";
  a.published_at = 1;
  a.paragraphs = {"x"};
  std::string xml = AtomFeed({a}, FeedInfo{"http://h", "t", 1});
  EXPECT_NE(xml.find("<title>ab</title>"), std::string::npos);
}

}  // namespace
}  // namespace kc
