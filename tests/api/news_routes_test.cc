// /api/v1/news against the real server: editors publish, visitors read; the feed; page import.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "api/api_fixture.h"

namespace kc::testing {
namespace {

using nlohmann::json;

class NewsRoutesTest : public ApiTest {
 protected:
  // A user with the editor role, signed in.
  Client Editor(const std::string& username = "editor1") {
    Client c = RegisterUser(username);
    int64_t id = c.Get("/api/v1/me").json.value("id", 0);
    Client admin = Admin();
    auto r = admin.Patch("/api/v1/users/" + std::to_string(id), {{"role", "editor"}});
    EXPECT_EQ(r.status, 200) << r.body;
    return c;
  }

  static json ArticleBody(const std::string& title) {
    return {{"title", title},
            {"source", "示范新闻网"},
            {"author", "李明"},
            {"editor", "赵强"},
            {"published_at", "2023-05-06T14:20:05+08:00"},
            {"column", "headlines"},
            {"tags", {"技术转移"}},
            {"paragraphs", {"第一段。", "第二段。"}},
            {"images", {{{"url", "https://img.example.com/1.jpg"}, {"caption", "现场。"}}}}};
  }
};

TEST_F(NewsRoutesTest, AnEditorPublishesAndAVisitorReads) {
  Client editor = Editor();
  auto created = editor.Post("/api/v1/news", ArticleBody("联盟在杭州成立"));
  ASSERT_EQ(created.status, 201) << created.body;
  int64_t id = created.json.value("id", 0);
  EXPECT_EQ(created.json["status"], "draft");
  std::string path = "/api/v1/news/" + std::to_string(id);

  Client visitor = Anonymous();
  EXPECT_EQ(visitor.Get(path).status, 404) << "a draft is not public";
  EXPECT_EQ(visitor.Get("/api/v1/news").json["total"], 0);

  auto published = editor.Post(path + "/publish", json::object());
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(published.json["published_at"], "2023-05-06T14:20:05+08:00");

  auto read = visitor.Get(path);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.json["title"], "联盟在杭州成立");
  EXPECT_EQ(read.json["time_zone"], "+08:00");
  EXPECT_EQ(read.json["paragraphs"], json({"第一段。", "第二段。"}));
  EXPECT_EQ(read.json["images"][0]["caption"], "现场。");
  EXPECT_EQ(read.json["column_name"]["zh"], "要闻");
  ASSERT_EQ(read.json["breadcrumbs"].size(), 3u);
  EXPECT_EQ(read.json["breadcrumbs"][0]["label"], "首页");
  EXPECT_EQ(read.json["breadcrumbs"][1]["label"], "新闻资讯");
  EXPECT_EQ(read.json["breadcrumbs"][2]["label"], "要闻");
  EXPECT_EQ(read.json["breadcrumbs"][2]["path"], "/news?column=headlines");

  auto list = visitor.Get("/api/v1/news?column=headlines");
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.json["total"], 1);
  EXPECT_EQ(list.json["items"][0]["summary"], "第一段。");
  EXPECT_EQ(visitor.Get("/api/v1/news?column=notices").json["total"], 0);
  EXPECT_EQ(visitor.Get("/api/v1/news/tags").json["items"][0]["tag"], "技术转移");

  auto unpublished = editor.Post(path + "/unpublish", json::object());
  EXPECT_EQ(unpublished.status, 200);
  EXPECT_EQ(visitor.Get(path).status, 404);
}

TEST_F(NewsRoutesTest, OnlyEditorsWrite) {
  Client member = RegisterUser("member1");
  auto r = member.Post("/api/v1/news", ArticleBody("不许"));
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.json["error"]["code"], "forbidden");
  EXPECT_EQ(Anonymous().Post("/api/v1/news", ArticleBody("不许")).status, 401);
  EXPECT_EQ(member.Post("/api/v1/news/import", {{"content", "标题\n正文。"}}).status, 403);
  EXPECT_EQ(member.Post("/api/v1/news/columns", {{"slug", "x"}, {"name", "X"}}).status, 403);
}

TEST_F(NewsRoutesTest, BadInputGetsAClearError) {
  Client editor = Editor();
  struct Case {
    json body;
    int status;
    const char* code;
    const char* field;
  };
  json no_title = ArticleBody("x");
  no_title.erase("title");
  json bad_time = ArticleBody("x");
  bad_time["published_at"] = "2023-05-06 14:20";
  json bad_tags = ArticleBody("x");
  bad_tags["tags"] = "技术转移";
  json bad_column = ArticleBody("x");
  bad_column["column"] = "nope";
  json unknown = ArticleBody("x");
  unknown["body"] = "x";
  json bad_image = ArticleBody("x");
  bad_image["images"] = {{{"url", "x"}, {"alt", "y"}}};
  const Case cases[] = {
      {no_title, 422, "required", "title"},    {bad_time, 422, "invalid_time", "published_at"},
      {bad_tags, 422, "invalid_type", "tags"}, {bad_column, 422, "unknown_column", "column"},
      {unknown, 400, "unknown_field", ""},     {bad_image, 400, "unknown_field", "images"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.body.dump());
    auto r = editor.Post("/api/v1/news", c.body);
    EXPECT_EQ(r.status, c.status) << r.body;
    EXPECT_EQ(r.json["error"]["code"], c.code) << r.body;
    if (*c.field) {
      EXPECT_EQ(r.json["error"]["field"], c.field) << r.body;
    }
  }
  EXPECT_EQ(editor.Get("/api/v1/news/abc").status, 400);
  EXPECT_EQ(editor.Get("/api/v1/news/999").status, 404);
  EXPECT_EQ(editor.Get("/api/v1/news?status=gone").status, 400);
  auto dup = editor.Post("/api/v1/news/columns", {{"slug", "headlines"}, {"name", "重复"}});
  EXPECT_EQ(dup.status, 409) << dup.body;
}

TEST_F(NewsRoutesTest, TheFeedIsAtom) {
  Client editor = Editor();
  json body = ArticleBody("R&D 投入增长");
  body["publish"] = true;
  ASSERT_EQ(editor.Post("/api/v1/news", body).status, 201);
  body["title"] = "草稿不进订阅";
  body["publish"] = false;
  ASSERT_EQ(editor.Post("/api/v1/news", body).status, 201);
  auto feed = Anonymous().Get("/api/v1/news/feed");
  ASSERT_EQ(feed.status, 200);
  auto type = feed.headers.find("content-type");
  ASSERT_NE(type, feed.headers.end());
  EXPECT_EQ(type->second.rfind("application/atom+xml", 0), 0u);
  EXPECT_NE(feed.body.find("<title>R&amp;D 投入增长</title>"), std::string::npos) << feed.body;
  EXPECT_EQ(feed.body.find("草稿不进订阅"), std::string::npos);
}

constexpr char kTextPage[] =
    "要闻一 要闻二 要闻三 要闻四 要闻五 要闻六 要闻七 要闻八 要闻九 要闻十 要闻十一\n"
    "您的位置:首页 >新闻资讯 >\n"
    "长三角技术转移联盟在杭州成立\n"
    "2023-05-06 14:20:05来源:示范新闻网\n"
    "示范网杭州5月6日电 (记者 李明)32家机构6日签署协议。\n"
    "签约现场。 李明 摄签约现场。 李明 摄\n"
    "联盟每季度举办对接会。(完)\n"
    "【编辑:赵强】\n";

TEST_F(NewsRoutesTest, ImportAPlainTextPageAndSaveItAsADraft) {
  Client editor = Editor();
  auto r = editor.Post("/api/v1/news/import",
                       {{"content", kTextPage}, {"save", true}, {"column", "programme"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json["title"], "长三角技术转移联盟在杭州成立");
  EXPECT_EQ(r.json["published_at"], "2023-05-06T14:20:05+08:00");
  EXPECT_EQ(r.json["source"], "示范新闻网");
  EXPECT_EQ(r.json["dateline"], "示范网杭州5月6日电");
  EXPECT_EQ(r.json["author"], "李明");
  EXPECT_EQ(r.json["editor"], "赵强");
  EXPECT_EQ(r.json["paragraphs"], json({"32家机构6日签署协议。", "联盟每季度举办对接会。"}));
  ASSERT_EQ(r.json["images"].size(), 1u);
  EXPECT_EQ(r.json["images"][0]["caption"], "签约现场。");
  EXPECT_EQ(r.json["missing"], json::array());
  EXPECT_EQ(r.json["assumed"], json({"time_zone"}));

  int64_t id = r.json.value("id", 0);
  auto stored = editor.Get("/api/v1/news/" + std::to_string(id));
  ASSERT_EQ(stored.status, 200);
  EXPECT_EQ(stored.json["status"], "draft");
  EXPECT_EQ(stored.json["column"], "programme");
  EXPECT_EQ(stored.json["dateline"], "示范网杭州5月6日电");
}

TEST_F(NewsRoutesTest, ImportRawHtmlReportsMissingFields) {
  Client editor = Editor();
  auto r = editor.Send("POST", "/api/v1/news/import",
                       "<html><body><nav>导航</nav><h1>只有标题和正文</h1><p>正文一段。</p>"
                       "</body></html>",
                       {}, "text/html; charset=utf-8");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["format"], "html");
  EXPECT_EQ(r.json["title"], "只有标题和正文");
  EXPECT_EQ(r.json["published_at"], "");
  EXPECT_EQ(r.json["paragraphs"], json({"正文一段。"}));
  EXPECT_EQ(r.json["missing"],
            json({"published_at", "source", "author", "dateline", "editor", "images"}));
  EXPECT_FALSE(r.json.contains("id")) << "not saved unless asked";
}

TEST_F(NewsRoutesTest, ImportReadsBig5AndGbkPagesByTheirCharset) {
  Client editor = Editor();
  // "產學合作成果展" and "來源：寶島資訊" in Big5; "产学合作成果展" and "来源：华夏网" in GBK.
  const std::string big5_title = "\xB2\xA3\xBE\xC7\xA6\x58\xA7\x40\xA6\xA8\xAA\x47\xAE\x69";
  const std::string big5_source = "\xA8\xD3\xB7\xBD\xA1\x47\xC4\x5F\xAE\x71\xB8\xEA\xB0\x54";
  const std::string gbk_title = "\xB2\xFA\xD1\xA7\xBA\xCF\xD7\xF7\xB3\xC9\xB9\xFB\xD5\xB9";
  const std::string gbk_source = "\xC0\xB4\xD4\xB4\xA3\xBA\xBB\xAA\xCF\xC4\xCD\xF8";
  auto page = [](const std::string& meta, const std::string& title, const std::string& source) {
    return "<html><head>" + meta + "</head><body><h1>" + title + "</h1><p>2023-10-12 14:05 " +
           source + "</p><p>" + title + "</p></body></html>";
  };
  struct Case {
    std::string body, content_type, title, source;
  };
  const Case cases[] = {
      {page("<meta charset=\"big5\">", big5_title, big5_source), "text/html", "產學合作成果展",
       "寶島資訊"},
      {page("", big5_title, big5_source), "text/html; charset=Big5", "產學合作成果展", "寶島資訊"},
      {page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">", gbk_title,
            gbk_source),
       "text/html", "产学合作成果展", "华夏网"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.content_type);
    auto r = editor.Send("POST", "/api/v1/news/import", c.body, {}, c.content_type);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json["title"], c.title);
    EXPECT_EQ(r.json["source"], c.source);
    EXPECT_EQ(r.json["published_at"], "2023-10-12T14:05:00+08:00");
  }
}

TEST_F(NewsRoutesTest, ImportRefusesEmptyAndBadRequests) {
  Client editor = Editor();
  auto empty = editor.Post("/api/v1/news/import", {{"content", "  \n"}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_EQ(empty.json["error"]["field"], "content");
  auto format = editor.Post("/api/v1/news/import", {{"content", "x"}, {"format", "pdf"}});
  EXPECT_EQ(format.status, 422);
  EXPECT_EQ(format.json["error"]["field"], "format");
  EXPECT_EQ(editor.Post("/api/v1/news/import", json::object()).status, 422);
  // A page whose fields fail validation cannot be saved, and says why.
  auto unsaveable = editor.Post("/api/v1/news/import", {{"content", "只有一行"}, {"save", true}});
  EXPECT_EQ(unsaveable.status, 422) << unsaveable.body;
  EXPECT_EQ(unsaveable.json["error"]["field"], "paragraphs");
}

}  // namespace
}  // namespace kc::testing
