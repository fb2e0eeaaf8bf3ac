#include "core/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace kc {
namespace {

using nlohmann::json;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

TEST(JsonWriterTest, WritesWhatNlohmannDumpsForTheSameValues) {
  JsonWriter w;
  w.BeginObject();
  w.Key("a").StringArray({"x", "低温", ""});
  w.Key("b").Bool(true).Key("c").Bool(false).Key("d").Int(-42);
  w.Key("e").BeginObject().EndObject();
  w.Key("f").BeginArray().BeginObject().Key("g").Int(1).EndObject().Int(2).EndArray();
  w.Key("h").String("引号\"反斜杠\\换行\n制表\t\b\f\r\x01\x1f\x7f😀");
  w.Key("i").Null().Key("j").BeginArray().Null().Int(0).EndArray();
  w.EndObject();
  json expected = {{"a", {"x", "低温", ""}},
                   {"b", true},
                   {"c", false},
                   {"d", -42},
                   {"e", json::object()},
                   {"f", {{{"g", 1}}, 2}},
                   {"h", "引号\"反斜杠\\换行\n制表\t\b\f\r\x01\x1f\x7f😀"},
                   {"i", nullptr},
                   {"j", {nullptr, 0}}};
  EXPECT_EQ(w.text(), Dump(expected));
  EXPECT_EQ(json::parse(w.Take()), expected);
}

TEST(JsonWriterTest, InvalidUtf8BecomesReplacementCharacters) {
  for (std::string bad :
       {std::string("a\xFF"
                    "b"),
        std::string("\xC0\xAF"), std::string("\xED\xA0\x80"), std::string("\xE4\xBD"),
        std::string("\xF4\x90\x80\x80"), std::string("\x80")}) {
    std::string out;
    AppendJsonString(out, bad);
    json parsed = json::parse(out);  // valid JSON, valid UTF-8
    EXPECT_NE(parsed.get<std::string>().find("\xEF\xBF\xBD"), std::string::npos) << out;
  }
  std::string out;
  AppendJsonString(out,
                   "a\xFF"
                   "b");
  EXPECT_EQ(out,
            "\"a\xEF\xBF\xBD"
            "b\"");
}

TEST(JsonWriterTest, EmptyContainersAndTopLevelArray) {
  JsonWriter w;
  w.BeginArray().BeginArray().EndArray().String("").EndArray();
  EXPECT_EQ(w.text(), "[[],\"\"]");
}

}  // namespace
}  // namespace kc
