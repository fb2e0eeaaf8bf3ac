// Query building in code (DESIGN §6): a weighted OR of a text's words, CJK bigrams, English
// stems and their translations, and field filters as boolean terms. Never Xapian's
// QueryParser, whose CJK mode ANDs every n-gram.
#pragma once

#include <xapian.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/listing.h"
#include "search/relevance.h"
#include "search/snippet.h"
#include "search/translate.h"

namespace kc::search {

// How a text becomes a query; the defaults are the ones bench/eval measured best.
struct QueryOptions {
  double word_weight = 1.0;    // a friso word, Latin word's stem or number
  double bigram_weight = 1.0;  // a CJK bigram
  double char_weight = 0.3;    // a CJK character
  // Each whitespace-separated part of a query (a keyword) gets its terms scaled by
  // (keyword_terms / n)^0.5 with n its number of terms, so that one long keyword's many
  // bigrams do not outweigh a short one. 0 disables.
  double keyword_terms = 4.0;
  // Weight of a term variant mined from the corpus (aliases.h) relative to its source, and
  // how many variants of one name are used.
  // Off by default: measured on csl-dev, −0.001 MRR@10 (bench/eval/README.md).
  double alias_weight = 0;
  size_t max_aliases = 2;
  // Weight of a translated term relative to the term it translates, and how many translations
  // of one word or phrase are used (the best ranked: Translator::Load).
  double translation_weight = 0.4;
  size_t max_translations = 2;
  // At most this many terms come from translations (the heaviest, ties by term); 0: no
  // limit. Off by default: on csprd-en2zh (long English queries) a limit of 40 / 100 / 200
  // terms cost MRR@10 0.74 → 0.63 / 0.67 / 0.70 (bench/eval/README.md), while the frequent-
  // term and character limits already keep common translated terms out of large indexes.
  size_t max_translated_terms = 0;
  // A query is foreign to an index when less than foreign_found_share of the weight of its
  // own words (numbers aside) is in terms that some document has: an English demand over
  // Chinese listings, of whose words only a few (high, core, LED …) turn up in Chinese text.
  // Such a word is common in its language but rare in the index, so its idf is high and its
  // chance matches outrank the translations, which carry the query's meaning. A foreign
  // query's own words that the dictionary translates therefore weigh foreign_own_weight of
  // their usual weight (its numbers, the same in every language, keep theirs). Both weights
  // were chosen on one half of the cross-lingual evaluation queries and checked on the other
  // (docs/search.md, "Translations"); 1 and 1 turn it off.
  double foreign_found_share = 0.5;
  double foreign_own_weight = 0.05;
  // The weight, in a foreign query, of an own word that the dictionary does not translate: a
  // name, an abbreviation, a Latin term (WPS, PROTAC, ALD), which the index's documents write
  // as the query does.
  double foreign_untranslated_weight = 0.15;
  // Chinese text often writes Latin names without spaces (WPSOffice, NANDFlash, MiniLED): two
  // adjacent Latin words of a query also make the term of the two written as one, at this
  // weight; 0 turns it off.
  double joined_latin_weight = 1.0;
  // A term found in more than this share of the documents is dropped (unless every term of
  // the query would be), once the index holds at least min_docs_for_share documents.
  double max_term_share = 0.2;
  // The same for a CJK character (U) term, a lower limit: single characters such as 技 or 统
  // are in a large share of the documents and, with their low weight, cannot be skipped by
  // Xapian's pruning, so every posting would be scored; the rare ones (锶, 铝) carry the gain.
  double max_char_share = 0.01;
  // ... but a character term in at most this many documents is never dropped for its share
  // (the general limit still applies): a short posting list costs little, so a small index
  // keeps its characters (they find titles written with other words: bench/eval/README.md).
  size_t char_docs_floor = 5000;
  // The same for a CJK bigram (B) term of the query's own text (DropFrequentTerms); 1:
  // bigrams obey max_term_share only (search). The matcher's candidate query sets 0.05: a
  // listing's query holds many bigrams, and at 1M documents the common ones (材料, 技术 …, in
  // tens of thousands of documents each) were three quarters of its cost while adding little
  // to what whole words already find (bench/scale/README.md, "Frequent bigrams").
  double max_bigram_share = 1.0;
  size_t bigram_docs_floor = 5000;
  size_t min_docs_for_share = 50;
  // The OR that retrieves holds at most this many of the query's own terms, those of most
  // weight × idf (ties: the smaller term), and every term that translations brought; 0: every
  // term. The others still count everywhere else (the reference of relevance, the re-ranker's
  // features, highlights): a long query's lightest terms add little to a hit's weight but each
  // costs a posting list to walk (bench/eval/README.md, "Long queries": 48 was chosen on one
  // half of the queries and changed no score on the other, while the slowest searches took half
  // the time).
  size_t max_terms = 48;
  // Whether the reader is a signed-in member: then a term also matches members-only text
  // (its kMembersPrefix form, schema.h), and its frequency counts both forms.
  bool members_text = false;
};

// Weighted terms, each a full Xapian term (with prefix).
using TermWeights = std::map<std::string, double>;

// The `n` heaviest of terms (ties: the smaller term first); all when n is 0 or not smaller.
TermWeights Heaviest(const TermWeights& terms, size_t n);

// The query of a text and what a snippet should mark.
struct TextQuery {
  TermWeights terms;  // after dropping frequent terms
  // The terms that members-only text of some listing has (QueryOptions::members_text).
  std::set<std::string> in_members_text;
  Highlight highlight;
  std::vector<Translation> translations;
  // The reference weight of terms (relevance.h): a hit's weight over it is its relevance.
  Reference reference;
  // What the re-ranker's features (rank_features.h) need besides: the terms of the query's own
  // language with their weights (before translations are added and frequent terms dropped),
  // the query's words in order as index terms (W, or Z for a Latin word), and the BM25 idf of
  // every term of `terms`.
  TermWeights own;
  std::vector<std::string> sequence;
  std::map<std::string, double> idf;
  // QueryOptions::max_terms: how many terms the OR holds (0: all).
  size_t max_terms = 0;
  // Whether the query is foreign to the index (QueryOptions::foreign_found_share).
  bool foreign = false;
  bool empty() const { return terms.empty(); }
  // The weighted OR of terms (of its own terms the max_terms of most weight × idf), each term of
  // in_members_text as a synonym of itself and its members-only form; Xapian::Query() (matches
  // nothing) when empty.
  Xapian::Query ToXapian() const;
};

// The terms of `terms` whose members-only form (MembersTerm) some document has: when
// options.members_text is set, every such term; else none.
std::set<std::string> InMembersText(const Xapian::Database& db, const QueryOptions& options,
                                    const TermWeights& terms);

// The term a matched index term stands for: `term` without kMembersPrefix.
std::string_view PublicFormOf(std::string_view term);

// Whether an index term is a number (W2019): the same in every language.
bool IsNumberTerm(const std::string& term);

// Builds the query of a free text (Chinese, English or mixed). translator may be null (no
// cross-lingual terms). db supplies term frequencies for dropping frequent terms.
// Thread-safe given a db used by this thread only.
TextQuery BuildTextQuery(std::string_view q, const Xapian::Database& db,
                         const Translator* translator, const QueryOptions& options);

// The terms of an analysed text added to *out with weight `scale` (words, bigrams at
// options.bigram_weight, Latin words as stems).
void AddTextTerms(const text::Terms& terms, double scale, const QueryOptions& options,
                  TermWeights* out);

// Drops terms found in more than options.max_term_share of db's documents, character terms
// found in more than options.max_char_share of them and in more than options.char_docs_floor
// documents, bigram terms likewise (max_bigram_share, bigram_docs_floor; see QueryOptions),
// and terms in no document. With
// options.members_text a term's frequency counts its members-only form too. When that would
// leave no term, all are kept. When idf is given it receives the BM25 idf (relevance.h) of
// every term left, from the frequencies read here. When own is given (the terms of the query's
// own text), a bigram not in it (one only a translation brought: the one way a foreign-language
// text reaches the index's language) is never dropped for max_bigram_share.
void DropFrequentTerms(const Xapian::Database& db, const QueryOptions& options, TermWeights* terms,
                       std::map<std::string, double>* idf = nullptr,
                       const TermWeights* own = nullptr);

// When the query is foreign to db (QueryOptions::foreign_found_share; `own` holds its own
// terms with their weights) and has translations, scales the part of each of its own terms in
// `terms`, numbers aside, by options.foreign_own_weight, and recomputes *reference from the
// scaled own terms and `translations` (idf as for ReferenceOf), and returns true; else changes
// nothing and returns false.
bool WeighForeignQuery(const Xapian::Database& db, const QueryOptions& options,
                       const TermWeights& own, const std::set<std::string>& translated,
                       const std::vector<Alternatives>& translations,
                       const std::map<std::string, double>& idf, TermWeights* terms,
                       Reference* reference);

// The own terms (AddTextTerms with options) of the source words of `translations`.
std::set<std::string> TranslatedTerms(const std::vector<Translation>& translations,
                                      const QueryOptions& options);

// The BM25 weighting of search and matching with k1 and b: Xapian::BM25Weight without k2, k3 1,
// and a document shorter than half the average length weighed as if that long.
Xapian::BM25Weight Bm25Weighting(double k1, double b);

// Field filters; empty strings and nullopt filter nothing.
struct Filters {
  std::optional<ListingKind> kind;
  std::string category;
  std::string discipline;
  std::string region;  // a region code at any level: 440000 (or 44) finds all of Guangdong
};

// The boolean query of the filters, or nullopt when there are none.
std::optional<Xapian::Query> FilterQuery(const Filters& filters);

// query filtered (OP_FILTER) by filters.
Xapian::Query ApplyFilters(const Xapian::Query& query, const Filters& filters);

}  // namespace kc::search
