// The match path as an engine: each query is a demand listing matched with the achievements
// of an index another engine built (search::Matcher, as GET /demands/{id}/matches runs it).
#include <string>

#include "core/utf8.h"
#include "eval/engine.h"
#include "search/matcher.h"

namespace kc::eval {
namespace {

constexpr size_t kMaxTitleChars = 200;  // the importer's limit (listing_validation.cc)
constexpr size_t kTitleChars = 24;

class MatchEngine : public Engine {
 public:
  MatchEngine(const search::SearchIndex* index, const search::Translator* translator,
              search::MatchOptions options)
      : index_(index), matcher_(index, translator, options) {}

  std::string name() const override { return "kechuang-match"; }
  const search::SearchIndex* index() const override { return index_; }

  // The index is the first engine's, built already.
  Status Build(const std::vector<Doc>&, const std::string&) override { return Status::Ok(); }

  // A query that fits a title is the demand's title (csl's titles and keywords, Cranfield's
  // questions); a longer one (csprd's passages) is its description, titled by its first 24
  // characters as the data sets title their documents.
  Result<std::vector<std::string>> Search(const std::string& query, size_t k) override {
    Listing demand;
    demand.kind = ListingKind::kDemand;
    if (Utf8Length(query) <= kMaxTitleChars) {
      demand.title = query;
    } else {
      demand.title = Utf8Prefix(query, kTitleChars);
      demand.body = query;
    }
    search::MatchRequest request;
    request.target = ListingKind::kAchievement;
    request.limit = k;
    auto result = matcher_.Match(demand, request);
    KC_RETURN_IF_ERROR(result);
    std::vector<std::string> ids;
    for (const search::MatchHit& h : result->hits) ids.push_back(h.ref);
    return ids;
  }

 private:
  const search::SearchIndex* index_;
  search::Matcher matcher_;
};

}  // namespace

std::unique_ptr<Engine> MakeMatchEngine(const search::SearchIndex* index,
                                        const search::Translator* translator,
                                        search::MatchOptions options) {
  return std::make_unique<MatchEngine>(index, translator, options);
}

}  // namespace kc::eval
