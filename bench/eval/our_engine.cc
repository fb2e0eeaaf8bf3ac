#include <filesystem>

#include "eval/engine.h"
#include "search/index.h"

namespace kc::eval {
namespace {

class OurEngine : public Engine {
 public:
  OurEngine(const search::Translator* translator, search::QueryOptions query,
            search::RankingOptions ranking, bool reuse)
      : translator_(translator), query_(query), ranking_(ranking), reuse_(reuse) {}

  std::string name() const override { return "kechuang"; }

  Status Build(const std::vector<Doc>& docs, const std::string& work_dir) override {
    const std::string dir = work_dir + "/kechuang";
    const bool reuse = reuse_ && std::filesystem::exists(dir);
    if (!reuse) std::filesystem::remove_all(dir);
    auto index = search::SearchIndex::Open(dir);
    KC_RETURN_IF_ERROR(index);
    index_ = std::move(*index);
    if (reuse) {
      searcher_ = std::make_unique<search::Searcher>(index_.get(), translator_, query_, ranking_);
      return Status::Ok();
    }
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
  const search::Translator* translator_;
  search::QueryOptions query_;
  search::RankingOptions ranking_;
  bool reuse_;
  std::unique_ptr<search::SearchIndex> index_;
  std::unique_ptr<search::Searcher> searcher_;
};

}  // namespace

std::unique_ptr<Engine> MakeOurEngine(const search::Translator* translator,
                                      search::QueryOptions query, search::RankingOptions ranking,
                                      bool reuse) {
  return std::make_unique<OurEngine>(translator, query, ranking, reuse);
}

}  // namespace kc::eval
