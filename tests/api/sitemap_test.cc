// The sitemap: one file while the URLs fit, else an index of numbered files.
#include "api/sitemap.h"

#include <gtest/gtest.h>

namespace kc::api {
namespace {

// n URLs "/demands/1" … "/demands/n".
SitemapWalk Urls(int n, int* visited = nullptr) {
  return [n, visited](const std::function<bool(const SitemapUrl&)>& visit) -> Status {
    for (int i = 1; i <= n; ++i) {
      if (visited) ++*visited;
      if (!visit({"/demands/" + std::to_string(i), i == 1 ? 1611020112 : 0})) break;
    }
    return Status::Ok();
  };
}

size_t Count(const std::string& s, const std::string& part) {
  size_t n = 0;
  for (size_t pos = 0; (pos = s.find(part, pos)) != std::string::npos; pos += part.size()) ++n;
  return n;
}

TEST(SitemapTest, OneFileWhileTheUrlsFit) {
  auto xml = SitemapXml(Urls(3), "http://example.org", 0, 3);
  ASSERT_TRUE(xml.ok());
  EXPECT_NE(xml->find("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"),
            std::string::npos);
  EXPECT_EQ(Count(*xml, "<url>"), 3u);
  EXPECT_NE(xml->find("<loc>http://example.org/demands/1</loc><lastmod>2021-01-19T01:35:12Z"),
            std::string::npos)
      << *xml;
  EXPECT_FALSE(SitemapXml(Urls(3), "http://example.org", 1, 3).ok());  // no parts then
}

TEST(SitemapTest, AnIndexOfNumberedFilesPastTheLimit) {
  auto index = SitemapXml(Urls(7), "http://example.org", 0, 3);
  ASSERT_TRUE(index.ok());
  EXPECT_NE(index->find("<sitemapindex"), std::string::npos) << *index;
  EXPECT_EQ(index->find("<urlset"), std::string::npos);
  EXPECT_EQ(Count(*index, "<sitemap>"), 3u);
  EXPECT_NE(index->find("<loc>http://example.org/sitemap-3.xml</loc>"), std::string::npos);

  auto first = SitemapXml(Urls(7), "http://example.org", 1, 3);
  auto last = SitemapXml(Urls(7), "http://example.org", 3, 3);
  ASSERT_TRUE(first.ok() && last.ok());
  EXPECT_EQ(Count(*first, "<url>"), 3u);
  EXPECT_NE(first->find("/demands/1<"), std::string::npos);
  EXPECT_NE(first->find("/demands/3<"), std::string::npos);
  EXPECT_EQ(Count(*last, "<url>"), 1u);
  EXPECT_NE(last->find("/demands/7<"), std::string::npos);
  EXPECT_FALSE(SitemapXml(Urls(7), "http://example.org", 4, 3).ok());

  // A part stops walking just past its end.
  int visited = 0;
  ASSERT_TRUE(SitemapXml(Urls(1000, &visited), "http://example.org", 1, 3).ok());
  EXPECT_EQ(visited, 4);
}

TEST(SitemapTest, AStoreErrorIsReturned) {
  SitemapWalk failing = [](const std::function<bool(const SitemapUrl&)>&) -> Status {
    return Internal("disk");
  };
  EXPECT_FALSE(SitemapXml(failing, "http://example.org", 0).ok());
}

}  // namespace
}  // namespace kc::api
