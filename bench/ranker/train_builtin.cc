// Trains the re-ranking model built into the binary (data/ranker/builtin.json, docs/ranking.md
// "The built-in model") the way `kechuang train-ranker` trains on a platform's listings
// (search::TrainRankerOnListings), from the zh-sci-abstracts documents of ../shared/data that
// come from CSL (Apache-2.0; the FewCLUE-derived ones, whose licence is not stated, are left
// out). No evaluation set's queries or documents take part. scripts/train-builtin-ranker.sh
// runs it.
//
// Usage: train_builtin_ranker --data ../shared/data --out data/ranker/builtin.json
//        [--work DIR] [--cedict FILE] [--rounds N] [--max-depth N] [--eta X]
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "search/rank_training_data.h"
#include "search/translate.h"

namespace {

std::string Str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

// Whether one of the document's sources is CSL's own release.
bool FromCsl(const nlohmann::json& doc) {
  auto it = doc.find("sources");
  if (it == doc.end() || !it->is_array()) return false;
  for (const auto& s : *it) {
    if (s.is_string() && s.get<std::string>().starts_with("csl-")) return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = "../shared/data", out = "data/ranker/builtin.json";
  std::string work = "/tmp/kc-builtin-ranker", cedict;
  kc::search::RankerTrainingOptions training{.rounds = 50, .max_depth = 3, .eta = 0.1};
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--data") data = v;
    else if (a == "--out") out = v;
    else if (a == "--work") work = v;
    else if (a == "--cedict") cedict = v;
    else if (a == "--rounds") training.rounds = std::stoi(v);
    else if (a == "--max-depth") training.max_depth = std::stoi(v);
    else if (a == "--eta") training.eta = std::stod(v);
    else {
      std::fprintf(stderr, "unknown option %s\n", a.c_str());
      return 2;
    }
  }
  if (cedict.empty()) cedict = data + "/cc-cedict/cedict.tsv";
  auto translator = kc::search::Translator::Load(cedict);
  if (!translator.ok()) {
    std::fprintf(stderr, "%s\n", translator.status().message().c_str());
    return 1;
  }
  std::ifstream in(data + "/zh-sci-abstracts/docs.jsonl");
  if (!in) {
    std::fprintf(stderr, "cannot read %s/zh-sci-abstracts/docs.jsonl\n", data.c_str());
    return 1;
  }
  std::vector<kc::Listing> listings;
  std::string line;
  while (std::getline(in, line)) {
    const auto doc = nlohmann::json::parse(line);
    if (!FromCsl(doc)) continue;
    kc::Listing l;
    l.id = static_cast<int64_t>(listings.size()) + 1;
    l.kind = kc::ListingKind::kAchievement;
    l.status = kc::ListingStatus::kPublished;
    l.title = Str(doc, "title");
    l.body = Str(doc, "abstract");
    if (auto k = doc.find("keywords"); k != doc.end() && k->is_array()) {
      for (const auto& w : *k) {
        if (w.is_string()) l.keywords.push_back(w.get<std::string>());
      }
    }
    l.ref = Str(doc, "id");
    listings.push_back(std::move(l));
  }
  kc::search::RankTrainingDataSummary summary;
  auto model = kc::search::TrainRankerOnListings(listings, work, translator->get(), {}, training,
                                                  &summary);
  std::error_code ec;
  std::filesystem::remove_all(work, ec);
  if (!model.ok()) {
    std::fprintf(stderr, "%s\n", model.status().message().c_str());
    return 1;
  }
  if (auto s = kc::WriteFileAtomically(out, *model); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    return 1;
  }
  std::printf("%zu CSL documents, %zu queries, %zu found their document among the first %zu; "
              "%d rounds, depth %d, eta %.2f: %s (%zu bytes)\n",
              listings.size(), summary.queries, summary.kept,
              kc::search::RankTrainingDataOptions{}.candidates, training.rounds, training.max_depth,
              training.eta, out.c_str(), model->size());
  return 0;
}
