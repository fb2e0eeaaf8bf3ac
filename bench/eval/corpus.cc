#include "eval/corpus.h"

#include "core/utf8.h"


#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>


namespace kc::eval {
namespace {

using nlohmann::json;

constexpr size_t kTitleChars = 24;

Status Unreadable(const std::string& path) {
  return Status::Error(ErrorKind::kUnavailable, "no_data", "cannot read " + path);
}

std::string Prefix(const std::string& s, size_t chars) {
  size_t pos = 0;
  for (size_t n = 0; n < chars && pos < s.size(); ++n) DecodeUtf8(s, &pos);
  return s.substr(0, pos);
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> f;
  std::stringstream ss(line);
  std::string part;
  while (std::getline(ss, part, '\t')) f.push_back(part);
  return f;
}

Status ReadJsonl(const std::string& path, const std::function<void(const json&)>& each) {
  std::ifstream in(path);
  if (!in) return Unreadable(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    each(json::parse(line));
  }
  return Status::Ok();
}

// qid\ttext per line; skip_header for files with a header line; text_field picks the column.
Result<std::vector<Query>> ReadQueries(const std::string& path, bool skip_header,
                                       size_t text_field) {
  std::ifstream in(path);
  if (!in) return Unreadable(path);
  std::vector<Query> out;
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    if (first && skip_header) {
      first = false;
      continue;
    }
    first = false;
    const auto f = SplitTabs(line);
    if (f.size() > text_field) out.push_back({f[0], f[text_field]});
  }
  return out;
}

Result<Qrels> ReadQrels(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Unreadable(path);
  Qrels q;
  std::string qid, zero, docid;
  int gain = 0;
  while (in >> qid >> zero >> docid >> gain) q[qid][docid] = gain;
  return q;
}

std::string Str(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

}  // namespace

Result<DataSet> LoadCsl(const std::string& data_dir) {
  DataSet d;
  d.name = "csl-dev";
  auto add = [&](const json& j) {
    const std::string abstract = Str(j, "abstract");
    d.docs.push_back({Str(j, "id"), Prefix(abstract, kTitleChars), abstract, Str(j, "category"),
                      Str(j, "discipline")});
  };
  KC_RETURN_IF_ERROR(ReadJsonl(data_dir + "/csl-dev/docs.jsonl", add));
  KC_RETURN_IF_ERROR(ReadJsonl(data_dir + "/zh-sci-abstracts/docs.jsonl", [&](const json& j) {
    add(j);
    const std::string id = Str(j, "id");
    if (!Str(j, "title").empty()) d.training.push_back({Str(j, "title"), id});
    std::string keywords;
    if (j.contains("keywords") && j["keywords"].is_array()) {
      for (const json& k : j["keywords"]) {
        if (!k.is_string()) continue;
        keywords.append(keywords.empty() ? "" : " ").append(k.get<std::string>());
      }
    }
    if (!keywords.empty()) d.training.push_back({keywords, id});
  }));
  for (const char* set : {"keywords", "title"}) {
    auto q = ReadQueries(data_dir + "/csl-dev/queries_" + set + ".tsv", false, 1);
    KC_RETURN_IF_ERROR(q);
    d.query_sets.emplace_back(set, std::move(*q));
  }
  auto qrels = ReadQrels(data_dir + "/csl-dev/qrels.txt");
  KC_RETURN_IF_ERROR(qrels);
  d.qrels = std::move(*qrels);
  return d;
}

Result<DataSet> LoadCranfield(const std::string& data_dir) {
  DataSet d;
  d.name = "cranfield-en";
  KC_RETURN_IF_ERROR(ReadJsonl(data_dir + "/cranfield-en/docs.jsonl", [&](const json& j) {
    d.docs.push_back({Str(j, "id"), Str(j, "title"), Str(j, "text"), "", ""});
  }));
  auto q = ReadQueries(data_dir + "/cranfield-en/queries.tsv", true, 2);
  KC_RETURN_IF_ERROR(q);
  d.query_sets.emplace_back("queries", std::move(*q));
  auto qrels = ReadQrels(data_dir + "/cranfield-en/qrels.txt");
  KC_RETURN_IF_ERROR(qrels);
  d.qrels = std::move(*qrels);
  return d;
}

Result<DataSet> LoadCsprd(const std::string& data_dir) {
  DataSet d;
  d.name = "csprd-en2zh";
  const std::string docs = data_dir + "/csprd-en2zh/docs_zh.tsv";
  std::ifstream in(docs);
  if (!in) return Unreadable(docs);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    const auto f = SplitTabs(line);
    if (f.size() >= 3) d.docs.push_back({f[0], f[1], f[2], "", ""});
  }
  auto q = ReadQueries(data_dir + "/csprd-en2zh/queries_en.tsv", true, 2);
  KC_RETURN_IF_ERROR(q);
  d.query_sets.emplace_back("en→zh", std::move(*q));
  auto qrels = ReadQrels(data_dir + "/csprd-en2zh/qrels.txt");
  KC_RETURN_IF_ERROR(qrels);
  d.qrels = std::move(*qrels);
  return d;
}

}  // namespace kc::eval
