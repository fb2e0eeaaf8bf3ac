// 排序特征: the features of a (query, candidate) pair that the learned re-ranker (ranker.h)
// scores — a fixed vector of named values per candidate of the first stage (docs/ranking.md,
// "Features").
#pragma once

#include <xapian.h>

#include <array>
#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "search/document.h"
#include "search/query.h"

namespace kc::search {

// The features, in the order of a row. Term sets: `word` (segmenter words, numbers and English
// stems), `bigram` (CJK character pairs), `char` (CJK characters), `translation` (the terms
// that translations of the query's words added, whatever their set). Fields: title, keywords
// and body, told apart by the within-document frequencies that document.h gives each field.
enum RankFeature : size_t {
  // Σ over the set's query terms in the field of weight × idf × tf·(k1+1)/(tf + k1·norm); norm is
  // 1 in title and keywords (short fields) and BM25's length norm in the body.
  kBm25WordTitle,
  kBm25WordKeywords,
  kBm25WordBody,
  kBm25BigramTitle,
  kBm25BigramKeywords,
  kBm25BigramBody,
  kBm25CharTitle,
  kBm25CharKeywords,
  kBm25CharBody,
  kBm25TranslationTitle,
  kBm25TranslationKeywords,
  kBm25TranslationBody,
  // The share of the query's own terms (by count) found in the field, and anywhere.
  kTermsTitle,
  kTermsKeywords,
  kTermsBody,
  kTermsAny,
  // The share of the query's own weight (weight × idf) found in the field, and anywhere.
  kWeightTitle,
  kWeightKeywords,
  kWeightBody,
  kWeightAny,
  // Proximity: the longest run of consecutive query words the candidate has, two CJK words
  // counting as consecutive only when the candidate also has the bigram across their boundary
  // (the index keeps no positions); as a count and as a share of the query's words.
  kLongestRun,
  kLongestRunShare,
  // The share of the candidate's keyword words that are words of the query.
  kKeywordOverlap,
  // Lengths in terms: the title's, and log(1 + the body's).
  kTitleLength,
  kBodyLength,
  // The share of the matched weight (weight × idf, all fields) that comes from translations.
  kTranslationShare,
  // The first stage: BM25 weight, weight over the best candidate's, relevance (relevance.h),
  // and rank (1 = first).
  kFirstStageScore,
  kFirstStageRatio,
  kRelevance,
  kFirstStageRank,
  // The query: its own terms after dropping, and its words.
  kQueryTerms,
  kQueryWords,
  kRankFeatureCount
};

// The name of each feature, by RankFeature: what an explanation shows beside its value.
inline constexpr std::array<std::string_view, kRankFeatureCount> kRankFeatureNames = {
    "bm25_word_title",
    "bm25_word_keywords",
    "bm25_word_body",
    "bm25_bigram_title",
    "bm25_bigram_keywords",
    "bm25_bigram_body",
    "bm25_char_title",
    "bm25_char_keywords",
    "bm25_char_body",
    "bm25_translation_title",
    "bm25_translation_keywords",
    "bm25_translation_body",
    "terms_title",
    "terms_keywords",
    "terms_body",
    "terms_any",
    "weight_title",
    "weight_keywords",
    "weight_body",
    "weight_any",
    "longest_run",
    "longest_run_share",
    "keyword_overlap",
    "title_length",
    "body_length",
    "translation_share",
    "first_stage_score",
    "first_stage_ratio",
    "relevance",
    "first_stage_rank",
    "query_terms",
    "query_words",
};

// A candidate of the first stage: its document, BM25 weight and stored fields.
struct RankCandidate {
  Xapian::docid docid = 0;
  double weight = 0;
  StoredListing stored;
};

// One row of kRankFeatureCount values per candidate, in the order given; `candidates` are the
// first stage's, best first (their position is the rank feature). Only public text counts: a
// term found in members-only text (schema.h) is not looked for. Reads each candidate's term
// list from db; throws Xapian::Error as Xapian does. Thread-safe given a db used by this
// thread only.
std::vector<std::vector<float>> ComputeRankFeatures(const Xapian::Database& db,
                                                    const TextQuery& query,
                                                    const std::vector<RankCandidate>& candidates);

// The row's values by name, in the order of kRankFeatureNames (for explanations and logs).
std::vector<std::pair<std::string_view, float>> NamedRankFeatures(const std::vector<float>& row);

}  // namespace kc::search
