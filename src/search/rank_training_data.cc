#include "search/rank_training_data.h"

#include <filesystem>

#include "core/utf8.h"
#include "search/rank_features.h"
#include "search/rerank.h"
#include "text/analyzer.h"
#include "text/segmenter.h"

namespace kc::search {

std::string DictionaryEnglish(std::string_view text, const Translator& translator) {
  std::string out;
  size_t cjk = 0, known = 0;
  for (const std::string& word : text::Analyze(text).words) {
    std::string english;
    if (text::KindOf(word) != text::TokenKind::kCjkWord) {
      english = word;
    } else {
      ++cjk;
      std::vector<std::string> found = translator.ToEnglish(word);
      if (found.empty()) continue;
      ++known;
      english = std::move(found.front());
    }
    out.append(out.empty() ? "" : " ").append(english);
  }
  if (cjk == 0 || known * 2 < cjk) return "";
  return out;
}

std::vector<RankTrainingQuery> RankTrainingQueriesOf(const std::vector<Listing>& listings) {
  std::vector<RankTrainingQuery> queries;
  for (const Listing& l : listings) {
    if (l.kind != ListingKind::kExpert && !l.title.empty()) queries.push_back({l.title, l.id});
    std::string keywords;
    for (const std::string& k : l.keywords) keywords.append(keywords.empty() ? "" : " ").append(k);
    if (!keywords.empty()) queries.push_back({keywords, l.id});
  }
  return queries;
}

Listing WithoutQueryText(const Listing& listing) {
  Listing l = listing;
  size_t pos = 0;
  for (size_t n = 0; n < kStandInTitleChars && pos < l.body.size(); ++n) DecodeUtf8(l.body, &pos);
  l.title = l.body.substr(0, pos);
  l.keywords.clear();
  return l;
}

Result<RankerTrainingSet> CollectRankTrainingSet(const SearchIndex& index,
                                                 const Translator* translator,
                                                 const std::vector<RankTrainingQuery>& queries,
                                                 const RankTrainingDataOptions& options,
                                                 RankTrainingDataSummary* summary) {
  Result<SearchIndex::Reader> reader = index.AcquireReader();
  KC_RETURN_IF_ERROR(reader);
  const Xapian::Database& db = **reader;
  RankerTrainingSet set;
  RankTrainingDataSummary counts;
  try {
    for (const RankTrainingQuery& q : queries) {
      ++counts.queries;
      Result<FirstStage> stage = RunFirstStage(db, translator, options.query, options.ranking,
                                               q.text, Filters{}, options.candidates);
      KC_RETURN_IF_ERROR(stage);
      RankerQuery query;
      bool found = false;
      for (const RankCandidate& c : stage->candidates) {
        const bool relevant = c.stored.id == q.relevant_id;
        found = found || relevant;
        query.grades.push_back(relevant ? 1 : 0);
      }
      if (!found) continue;
      query.rows = ComputeRankFeatures(db, stage->query, stage->candidates);
      set.queries.push_back(std::move(query));
      ++counts.kept;
    }
  } catch (const Xapian::Error& e) {
    return Internal(std::string("ranker training data: ") + e.get_type() + ": " + e.get_msg());
  }
  if (summary != nullptr) *summary = counts;
  return set;
}

Result<std::string> TrainRankerOnListings(const std::vector<Listing>& listings,
                                          const std::string& work_dir, const Translator* translator,
                                          const RankTrainingDataOptions& data_options,
                                          const RankerTrainingOptions& training_options,
                                          RankTrainingDataSummary* summary) {
  std::error_code ec;
  std::filesystem::remove_all(work_dir, ec);
  Result<RankerTrainingSet> set = RankerTrainingSet{};
  {
    Result<std::unique_ptr<SearchIndex>> index = SearchIndex::Open(work_dir);
    KC_RETURN_IF_ERROR(index);
    for (const Listing& l : listings) KC_RETURN_IF_ERROR((*index)->Upsert(WithoutQueryText(l)));
    KC_RETURN_IF_ERROR((*index)->Commit());
    set = CollectRankTrainingSet(**index, translator, RankTrainingQueriesOf(listings), data_options,
                                 summary);
  }
  KC_RETURN_IF_ERROR(set);
  if (set->queries.empty()) {
    return Invalid("listings", "no_training_queries",
                   "no title or keyword query found its listing among the first stage's "
                   "candidates: nothing to train on");
  }
  return TrainRanker(*set, training_options);
}

}  // namespace kc::search
