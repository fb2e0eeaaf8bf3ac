#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/clock.h"
#include "core/utf8.h"
#include "eval/engine.h"
#include "search/index.h"
#include "service/accounts.h"
#include "service/actor.h"
#include "service/crypto.h"
#include "service/importer.h"
#include "service/indexer.h"
#include "store/sqlite/sqlite_store.h"

namespace kc::eval {
namespace {

constexpr size_t kTitleChars = 24;
constexpr size_t kMaxTitleChars = 200;  // the importer's limit (listing_validation.cc)

double SecondsSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::string Prefix(const std::string& s, size_t chars) {
  size_t pos = 0;
  for (size_t n = 0; n < chars && pos < s.size(); ++n) DecodeUtf8(s, &pos);
  return s.substr(0, pos);
}

bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// The title an operator would upload: the importer requires one of at most 200 characters,
// so a blank title becomes the body's first 24 characters and a longer one is cut (8 of
// Cranfield's 1,400 documents).
std::string ImportTitle(const Doc& d) {
  return Blank(d.title) ? Prefix(d.body, kTitleChars) : Prefix(d.title, kMaxTitleChars);
}

class OurEngine : public Engine {
 public:
  OurEngine(const search::Translator* translator, search::QueryOptions query,
            search::RankingOptions ranking, bool reuse, IndexPath path)
      : translator_(translator), query_(query), ranking_(ranking), reuse_(reuse), path_(path) {}

  std::string name() const override {
    return path_ == IndexPath::kImport ? "kechuang" : "kechuang-direct";
  }
  std::string note() const override { return note_; }
  const search::SearchIndex* index() const override { return index_.get(); }

  Status Build(const std::vector<Doc>& docs, const std::string& work_dir) override {
    const std::string dir = work_dir + "/" + name();
    const bool reuse = reuse_ && std::filesystem::exists(dir);
    if (!reuse) std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    auto index = search::SearchIndex::Open(dir + "/index");
    KC_RETURN_IF_ERROR(index);
    index_ = std::move(*index);
    if (!reuse) {
      KC_RETURN_IF_ERROR(path_ == IndexPath::kImport ? BuildByImport(docs, dir)
                                                     : BuildDirect(docs));
    }
    searcher_ = std::make_unique<search::Searcher>(index_.get(), translator_, query_, ranking_);
    return Status::Ok();
  }

  Result<std::vector<std::string>> Search(const std::string& query, size_t k) override {
    search::SearchRequest r;
    r.q = query;
    r.limit = k;
    auto result = searcher_->Search(r);
    KC_RETURN_IF_ERROR(result);
    std::vector<std::string> ids;
    for (const auto& h : result->hits) ids.push_back(h.ref);
    return ids;
  }

 private:
  // Each document an achievement listing handed straight to SearchIndex::Upsert.
  Status BuildDirect(const std::vector<Doc>& docs) {
    const auto t0 = std::chrono::steady_clock::now();
    for (size_t i = 0; i < docs.size(); ++i) {
      Listing l;
      l.id = static_cast<int64_t>(i + 1);
      l.kind = ListingKind::kAchievement;
      l.status = ListingStatus::kPublished;
      l.ref = docs[i].id;
      l.title = docs[i].title;
      l.body = docs[i].body;
      l.category = docs[i].category;
      l.discipline = docs[i].discipline;
      KC_RETURN_IF_ERROR(index_->Upsert(l));
    }
    KC_RETURN_IF_ERROR(index_->Commit());
    const double s = SecondsSince(t0);
    char buf[160];
    std::snprintf(buf, sizeof buf, "direct Upsert: %zu documents in %.1f s (%.0f docs/s)",
                  docs.size(), s, docs.size() / s);
    note_ = buf;
    return Status::Ok();
  }

  // The product's path: the documents as a JSON Lines file of achievements, imported by an
  // admin with kc::Importer into a SQLite store, then indexed from the store's change log by
  // kc::Indexer::CatchUp.
  Status BuildByImport(const std::vector<Doc>& docs, const std::string& dir) {
    KC_RETURN_IF_ERROR(InitCrypto());
    auto store = OpenSqliteStore(dir + "/kc.db");
    KC_RETURN_IF_ERROR(store);
    SystemClock clock;
    Accounts accounts(**store, clock);
    KC_RETURN_IF_ERROR(accounts.EnsureAdmin(std::string("eval-Keeper-password-7")).status());
    Result<User> admin = User{};
    KC_RETURN_IF_ERROR((*store)->Read([&](StoreTx& tx) -> Status {
      admin = tx.FindUserByName("admin");
      return admin.status();
    }));

    // The file an operator would upload (see ImportTitle).
    const std::string file = dir + "/import.jsonl";
    {
      std::ofstream out(file, std::ios::binary);
      for (const Doc& d : docs) {
        nlohmann::json j = {{"ref", d.id}, {"title", ImportTitle(d)}, {"abstract", d.body}};
        if (!d.category.empty()) j["category"] = d.category;
        if (!d.discipline.empty()) j["discipline"] = d.discipline;
        out << j.dump() << "\n";
      }
    }
    std::string bytes;
    {
      std::ifstream in(file, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      bytes = ss.str();
    }
    const auto t0 = std::chrono::steady_clock::now();
    Importer importer(**store, clock);
    auto report =
        importer.Import(Actor::Of(*admin), ListingKind::kAchievement, bytes, ImportFormat::kJsonl);
    KC_RETURN_IF_ERROR(report);
    const double import_s = SecondsSince(t0);
    for (size_t i = 0; i < report->failed.size() && i < 5; ++i) {
      std::fprintf(stderr, "import: line %d: %s\n", report->failed[i].line,
                   report->failed[i].error.message().c_str());
    }

    const auto t1 = std::chrono::steady_clock::now();
    Indexer indexer(**store, *index_);
    auto applied = indexer.CatchUp();
    KC_RETURN_IF_ERROR(applied);
    const double index_s = SecondsSince(t1);
    char buf[320];
    std::snprintf(buf, sizeof buf,
                  "import: %d of %zu rows in %.1f s (%.0f rows/s), %zu failed; "
                  "Indexer::CatchUp: %lld changes in %.1f s (%.0f docs/s)",
                  report->created, docs.size(), import_s, report->created / import_s,
                  report->failed.size(), static_cast<long long>(*applied), index_s,
                  *applied / index_s);
    note_ = buf;
    store_ = std::move(*store);
    return Status::Ok();
  }

  const search::Translator* translator_;
  search::QueryOptions query_;
  search::RankingOptions ranking_;
  bool reuse_;
  IndexPath path_;
  std::string note_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<search::SearchIndex> index_;
  std::unique_ptr<search::Searcher> searcher_;
};

}  // namespace

std::unique_ptr<Engine> MakeOurEngine(const search::Translator* translator,
                                      search::QueryOptions query, search::RankingOptions ranking,
                                      bool reuse, IndexPath path) {
  return std::make_unique<OurEngine>(translator, query, ranking, reuse, path);
}

}  // namespace kc::eval
