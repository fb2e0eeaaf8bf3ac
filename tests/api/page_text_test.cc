// The language of a server-written page and the app's texts it is written with.
#include "api/page_text.h"

#include <gtest/gtest.h>

namespace kc::api {
namespace {

http::Request MakeRequest(std::string target,
                          std::vector<std::pair<std::string, std::string>> headers = {}) {
  http::BeastRequest raw{http::bhttp::verb::get, target, 11};
  for (auto& [k, v] : headers) raw.set(k, v);
  return http::Request(std::move(raw), "0123456789abcdef", "10.0.0.1");
}

TEST(PageLanguageTest, TheAppsChoiceThenTheUrlThenTheBrowserThenChinese) {
  EXPECT_EQ(PageLanguage(MakeRequest("/news")), "zh-CN");
  EXPECT_EQ(PageLanguage(MakeRequest("/news?lang=en")), "en");
  EXPECT_EQ(PageLanguage(MakeRequest("/news?lang=fr")), "zh-CN");
  EXPECT_EQ(PageLanguage(MakeRequest("/news", {{"Accept-Language", "fr-FR,en-GB;q=0.8,zh;q=0.5"}})),
            "en");
  EXPECT_EQ(PageLanguage(MakeRequest("/news", {{"Accept-Language", "en;q=0.3, zh-TW;q=0.9"}})),
            "zh-CN");
  EXPECT_EQ(PageLanguage(MakeRequest("/news", {{"Accept-Language", "en;q=0"}})), "zh-CN");
  // The cookie the app writes when the reader picks a language wins, as localStorage does there.
  EXPECT_EQ(PageLanguage(MakeRequest("/news?lang=zh-CN", {{"Cookie", "a=b; kc-lang=en"}})), "en");
  EXPECT_EQ(PageLanguage(MakeRequest("/news?lang=en", {{"Accept-Language", "zh-CN"}})), "en");
}

TEST(PageTextTest, LooksUpNestedKeysFallsBackToChineseThenTheKey) {
  PageText text = PageText::FromJson(R"({
    "zh-CN": {"form": {"category": "门类", "trl": "TRL {n} 级"}, "only": {"zh": "仅中文"}},
    "en": {"form": {"category": "Category", "trl": "TRL {n}"}}})");
  EXPECT_EQ(text.Get("zh-CN", "form.category"), "门类");
  EXPECT_EQ(text.Get("en", "form.category"), "Category");
  EXPECT_EQ(text.Get("en", "only.zh"), "仅中文");
  EXPECT_EQ(text.Get("en", "form.missing"), "form.missing");
  EXPECT_EQ(text.Get("zh-CN", "form.trl", {{"n", "7"}}), "TRL 7 级");
  EXPECT_EQ(text.Get("en", "form.trl", {{"n", "{n}"}}), "TRL {n}");  // no re-expansion
  EXPECT_EQ(PageText::FromJson("not json").Get("en", "form.category"), "form.category");
}

}  // namespace
}  // namespace kc::api
