#include "search/matcher.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "search/document.h"
#include "search/schema.h"
#include "search/search.h"
#include "search/shared_terms.h"
#include "text/keyterms.h"

namespace kc::search {
namespace {

constexpr size_t kInventorAchievements = 50;

// The key terms of the source and the query made of them.
struct SourceQuery {
  std::vector<text::WeightedTerm> key_terms;
  std::vector<std::string> index_terms;  // key_terms[i] as its W or Z term
  std::vector<std::string> keyword_keys;
  // Every distinct term of the source ranked the same way (key_terms are the first of them):
  // the candidate query takes its terms from these.
  std::vector<text::WeightedTerm> ranked_terms;
};

// The candidate query: its terms, and for its reference weight (relevance.h) the terms of the
// source's own language and the alternatives of each translated key term.
struct CandidateQuery {
  TermWeights terms;
  TermWeights own;
  std::set<std::string> translated;  // own terms with a translation (TranslatedTerms)
  std::vector<Alternatives> translations;
};

std::vector<std::string> KeysOf(const text::Terms& terms) {
  std::vector<std::string> keys;
  for (const std::string& w : terms.words) keys.push_back(text::TermKey(w));
  return keys;
}

text::Terms Concat(const text::Terms& a, const text::Terms& b) {
  text::Terms t = a;
  const uint32_t base = a.positions.empty() ? 0 : a.positions.back() + 2;
  t.words.insert(t.words.end(), b.words.begin(), b.words.end());
  for (uint32_t p : b.positions) t.positions.push_back(base + p);
  t.bigrams.insert(t.bigrams.end(), b.bigrams.begin(), b.bigrams.end());
  t.english_stems.insert(t.english_stems.end(), b.english_stems.begin(), b.english_stems.end());
  return t;
}

struct Candidate {
  StoredListing stored;
  double text = 0;  // retrieval weight
  double achievements = 0;
  std::vector<std::string> via;
  std::vector<std::string> shared;
  double key_share = 0;
  double relevance = 0;
};

// What retrieval found: the candidates by document, the best weights the features are scaled
// by, and the reference weight of the candidate query that ran (relevance.h).
struct Retrieved {
  std::map<Xapian::docid, Candidate> candidates;
  double best_text = 0;
  double best_achievement = 0;
  Reference reference;
};

// Phase 1: the terms of the source (title and keywords as its head, the rest as its body,
// weighted by the index's statistics), the max_terms heaviest as its key terms, their index
// terms, and its keywords' keys.
Result<SourceQuery> KeyTermsOf(const SearchIndex& index, const ListingTerms& analysed,
                               size_t max_terms) {
  const text::Terms head = Concat(analysed.title, analysed.keywords);
  Result<text::TermStats> stats = index.StatsFor({&head, &analysed.body});
  KC_RETURN_IF_ERROR(stats);
  SourceQuery sq;
  sq.ranked_terms = text::KeyTerms(head, analysed.body, *stats, SIZE_MAX);
  sq.key_terms.assign(sq.ranked_terms.begin(),
                      sq.ranked_terms.begin() + std::min(max_terms, sq.ranked_terms.size()));
  sq.keyword_keys = KeysOf(analysed.keywords);
  for (const text::WeightedTerm& t : sq.key_terms) {
    sq.index_terms.push_back(SharedTerms::IndexTermOf(t.key));
  }
  return sq;
}

// Phase 2: the candidate query of the source's n heaviest terms (their words, bigrams and
// translations), with characters at char_weight; weights relative to the heaviest term.
// `sq` has at least one key term.
CandidateQuery CandidateQueryOf(const SourceQuery& sq, size_t n, double char_weight,
                                const QueryOptions& query_options, const Translator* translator) {
  const double top = std::max(sq.key_terms.front().weight, 1e-9);
  QueryOptions o = query_options;
  o.char_weight = char_weight;
  CandidateQuery q;
  text::Terms key_words;
  for (const text::WeightedTerm& t : sq.ranked_terms) {
    if (key_words.words.size() >= n) break;
    AddTextTerms(text::Analyze(t.term), t.weight / top, o, &q.own);
    key_words.words.push_back(t.term);
    key_words.positions.push_back(static_cast<uint32_t>(key_words.positions.size() * 3));
  }
  q.terms = q.own;
  if (translator != nullptr) {
    TermWeights translated;
    const std::vector<Translation> translations = translator->Translate(key_words, 2);
    q.translated = TranslatedTerms(translations, o);
    for (const Translation& tr : translations) {
      Alternatives& phrase = q.translations.emplace_back();
      for (const std::string& target : tr.targets) {
        AddTextTerms(text::Analyze(target), o.translation_weight / tr.targets.size(), o,
                     &phrase.emplace_back());
        for (const auto& [term, w] : phrase.back()) translated[term] += w;
      }
    }
    for (const auto& [term, w] : Heaviest(translated, o.max_translated_terms)) {
      q.terms[term] += w;
    }
  }
  return q;
}

// Drops the candidate query's frequent terms; the text query of what is left and its
// reference weight.
TextQuery PrepareQuery(const Xapian::Database& db, const QueryOptions& query_options,
                       CandidateQuery* q, Reference* reference) {
  std::map<std::string, double> idf;
  DropFrequentTerms(db, query_options, &q->terms, &idf, &q->own);
  *reference = ReferenceOf(q->own, q->translations, idf);
  WeighForeignQuery(db, query_options, q->own, q->translated, q->translations, idf, &q->terms,
                    reference);
  TextQuery text_query;
  text_query.terms = q->terms;
  text_query.in_members_text = InMembersText(db, query_options, text_query.terms);
  return text_query;
}

// The text a search with the whole listing would be given: its title, keywords and body.
std::string WholeTextOf(const Listing& l) {
  std::string text = l.title;
  for (const std::string& k : l.keywords) text.append(" ").append(k);
  return text.append("\n").append(l.body);
}

// The best n + 1 listings of `kind` for `query`, by BM25 with options' k1 and b.
Xapian::MSet RunQuery(Xapian::Database& db, const Xapian::Query& query, ListingKind kind, size_t n,
                      const MatchOptions& options) {
  Xapian::Enquire enquire(db);
  enquire.set_query(ApplyFilters(query, Filters{kind, "", "", ""}));
  enquire.set_weighting_scheme(Bm25Weighting(options.k1, options.b));
  return enquire.get_mset(0, static_cast<Xapian::doccount>(n + 1));
}

// Phase 3: the candidates `mset` found by their text (never the source itself), with their
// retrieval weight and relevance.
Status AddTextCandidates(const Xapian::MSet& mset, int64_t source_id, Retrieved* r) {
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    if (static_cast<int64_t>(*it) == source_id) continue;
    Result<StoredListing> stored = DecodeStored(it.get_document().get_data());
    KC_RETURN_IF_ERROR(stored);
    Candidate c{std::move(*stored), it.get_weight()};
    c.relevance = Relevance(c.text, r->reference.weight());
    r->candidates[*it] = std::move(c);
    r->best_text = std::max(r->best_text, it.get_weight());
  }
  return Status::Ok();
}

// Phase 4 (experts only): the inventors of the achievements `query` finds, followed in the
// index to the experts of the same name, each credited with the achievement's weight and
// title. A members-only achievement's inventors count for members only.
Status AddInventors(Xapian::Database& db, const Xapian::Query& query, int64_t source_id,
                    bool member, const MatchOptions& options, Retrieved* r) {
  const Xapian::MSet achievements =
      RunQuery(db, query, ListingKind::kAchievement, kInventorAchievements, options);
  for (auto it = achievements.begin(); it != achievements.end(); ++it) {
    if (static_cast<int64_t>(*it) == source_id) continue;
    r->best_achievement = std::max(r->best_achievement, it.get_weight());
    Result<StoredListing> a = DecodeStored(it.get_document().get_data());
    KC_RETURN_IF_ERROR(a);
    if (a->members_only && !member) continue;  // its inventors are not shown
    for (const std::string& inventor : a->inventors) {
      const std::string name_term = Term(kExpertNamePrefix, PersonKey(inventor));
      for (auto p = db.postlist_begin(name_term); p != db.postlist_end(name_term); ++p) {
        auto found = r->candidates.find(*p);
        if (found == r->candidates.end()) {
          Result<StoredListing> e = DecodeStored(db.get_document(*p).get_data());
          KC_RETURN_IF_ERROR(e);
          if (e->kind != ListingKind::kExpert || e->id == source_id) continue;
          found = r->candidates.emplace(*p, Candidate{std::move(*e)}).first;
        }
        Candidate& c = found->second;
        c.achievements = std::max(c.achievements, it.get_weight());
        if (c.via.size() < 5) c.via.push_back(a->title);
      }
    }
  }
  return Status::Ok();
}

// Phase 5: which key terms and phrases each candidate has (in its members-only text too, for a
// member), in one pass over its sorted term list: its shared terms and its share of the key
// terms' weight.
void FindSharedTerms(Xapian::Database& db, const SourceQuery& sq, const SharedTerms& shared_terms,
                     bool member, Retrieved* r) {
  const std::vector<std::string>& probes = shared_terms.probes();
  std::vector<std::pair<std::string, std::string>> member_probes;  // (index term, public)
  for (const std::string& t : probes) {
    member_probes.emplace_back(t, t);
    member_probes.emplace_back(MembersTerm(t), t);
  }
  std::sort(member_probes.begin(), member_probes.end());
  double total_weight = 0;
  for (const auto& t : sq.key_terms) total_weight += t.weight;
  std::unordered_set<std::string> found;
  for (auto& [docid, c] : r->candidates) {
    found.clear();
    Xapian::TermIterator it = db.termlist_begin(docid);
    const Xapian::TermIterator end = db.termlist_end(docid);
    if (member && c.stored.members_only) {
      for (const auto& [term, public_form] : member_probes) {
        it.skip_to(term);
        if (it == end) break;
        if (*it == term) found.insert(public_form);
      }
    } else {
      for (const std::string& term : probes) {
        it.skip_to(term);
        if (it == end) break;
        if (*it == term) found.insert(term);
      }
    }
    for (size_t i = 0; i < sq.index_terms.size(); ++i) {
      if (found.count(sq.index_terms[i]) == 0) continue;
      c.key_share += sq.key_terms[i].weight / std::max(total_weight, 1e-9);
    }
    c.shared = shared_terms.Shared(found);
  }
}

// A candidate as a hit: its features scored with `weights`, and the explanation.
MatchHit HitOf(const Listing& source, const MatchRequest& request, const SourceQuery& sq,
               const Retrieved& r, Candidate& c, double relevance, const MatchWeights& weights) {
  const StoredListing& s = c.stored;
  MatchFeatures f;
  f.text = r.best_text > 0 ? c.text / r.best_text : 0;
  f.key_terms = std::min(1.0, c.key_share);
  std::string keywords;
  for (const std::string& k : s.keywords) keywords.append(k).append("，");
  for (const std::string& d : s.disciplines) keywords.append(d).append("，");
  f.keywords = KeywordOverlap(sq.keyword_keys, KeysOf(text::Analyze(keywords)));
  const std::string discipline = SharedDiscipline(source, s);
  f.discipline = discipline.empty() ? 0 : 1;
  f.category = !s.category.empty() && s.category == source.category ? 1 : 0;
  f.maturity = s.maturity ? std::clamp(*s.maturity, 0, 9) / 9.0 : 0;
  f.region = SameProvince(source.region, s.region) ? 1 : 0;
  f.recency = Recency(s.published_at, request.now);
  f.achievements = r.best_achievement > 0 ? c.achievements / r.best_achievement : 0;
  MatchHit hit{s.id, s.kind, s.ref, s.title, 0, relevance, {}};
  hit.score = Score(f, weights, &hit.explanation.components);
  Explanation& e = hit.explanation;
  e.shared_terms = std::move(c.shared);
  if (f.discipline > 0) {
    e.field_match.push_back("discipline");
    e.field_values["discipline"] = discipline;
  }
  if (f.category > 0) {
    e.field_match.push_back("category");
    e.field_values["category"] = s.category;
  }
  if (f.region > 0) {
    e.field_match.push_back("region");
    e.field_values["region"] = ProvinceOf(s.region);
  }
  e.text_similarity = RelevanceLevel(relevance);
  hit.explanation.via_achievements = std::move(c.via);
  return hit;
}

// Phase 6: the candidates at or above the threshold (when graded) as hits, best first, at most
// the request's limit; how many there were and how many fell below.
MatchResult Rank(const Listing& source, const MatchRequest& request, const SourceQuery& sq,
                 Retrieved& r, const MatchOptions& options) {
  const MatchWeights weights = options.weights.value_or(DefaultWeights(request.target));
  const double min_relevance = options.min_relevance;
  MatchResult result;
  const bool graded = source.kind == ListingKind::kDemand && r.reference.graded();
  for (auto& [docid, c] : r.candidates) {
    // An expert found through an achievement they invented is as relevant as it (both were
    // found by the same query).
    const double relevance = std::max(c.relevance, Relevance(c.achievements, r.reference.weight()));
    if (graded && relevance < min_relevance) {
      ++result.below_threshold;
      continue;
    }
    result.hits.push_back(HitOf(source, request, sq, r, c, relevance, weights));
  }
  std::stable_sort(result.hits.begin(), result.hits.end(),
                   [](const MatchHit& a, const MatchHit& b) { return a.score > b.score; });
  result.good_total = result.hits.size();
  result.graded = graded;
  result.hits.resize(std::min(result.hits.size(), std::min(request.limit, kMaxLimit)));
  return result;
}

}  // namespace

Matcher::Matcher(const SearchIndex* index, const Translator* translator, MatchOptions options)
    : index_(index), translator_(translator), options_(options) {}

Result<MatchResult> Matcher::Match(const Listing& source, const MatchRequest& request) const {
  // A revision discarded by two commits while candidates are read: retry on a fresh one.
  for (int attempt = 0;; ++attempt) {
    try {
      return MatchOnce(source, request);
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt >= 2) return Internal(std::string("match: ") + e.get_msg());
    }
  }
}

Result<MatchResult> Matcher::MatchOnce(const Listing& source, const MatchRequest& request) const {
  const ListingTerms analysed = AnalyzeListing(source);
  Result<SourceQuery> sq = KeyTermsOf(*index_, analysed, options_.key_terms);
  KC_RETURN_IF_ERROR(sq);
  if (sq->key_terms.empty()) return MatchResult();
  const SharedTerms shared_terms(source, analysed, sq->key_terms);
  QueryOptions query_options = options_.query;
  query_options.members_text = request.member;
  size_t queried = options_.candidate_terms;
  CandidateQuery candidate_query =
      CandidateQueryOf(*sq, queried, options_.query.char_weight, query_options, translator_);

  Result<SearchIndex::Reader> reader = index_->AcquireReader();
  KC_RETURN_IF_ERROR(reader);
  Xapian::Database& db = **reader;
  Retrieved retrieved;
  try {
    Xapian::Query query =
        PrepareQuery(db, query_options, &candidate_query, &retrieved.reference).ToXapian();
    // A source matched mostly through translations (a foreign-language listing): the query of
    // its whole text, as a search with it would be (MatchOptions::foreign_whole_text).
    const bool whole = options_.foreign_whole_text && !retrieved.reference.graded();
    if (whole) {
      const TextQuery text = BuildTextQuery(WholeTextOf(source), db, translator_, query_options);
      retrieved.reference = text.reference;
      query = text.ToXapian();
    }
    Xapian::MSet mset = RunQuery(db, query, request.target, options_.candidates, options_);
    // Too few candidates (a small index, or a source whose heaviest terms are rare): widen
    // to every key term, with characters. Large indexes rarely get here, and then the wider
    // query's common terms are dropped as usual. A whole text is as wide as a query gets.
    const size_t wanted = std::min(options_.candidates, std::min(request.limit, kMaxLimit)) + 1;
    if (options_.widen_when_few && !whole && mset.size() < wanted) {
      candidate_query = CandidateQueryOf(*sq, std::max(queried, sq->key_terms.size()),
                                         options_.widen_char_weight, query_options, translator_);
      query = PrepareQuery(db, query_options, &candidate_query, &retrieved.reference).ToXapian();
      mset = RunQuery(db, query, request.target, options_.candidates, options_);
    }
    KC_RETURN_IF_ERROR(AddTextCandidates(mset, source.id, &retrieved));
    if (request.target == ListingKind::kExpert) {
      KC_RETURN_IF_ERROR(AddInventors(db, query, source.id, request.member, options_, &retrieved));
    }
    FindSharedTerms(db, *sq, shared_terms, request.member, &retrieved);
  } catch (const Xapian::DatabaseModifiedError&) {
    throw;
  } catch (const Xapian::Error& e) {
    return Internal(std::string("match: ") + e.get_type() + ": " + e.get_msg());
  }
  return Rank(source, request, *sq, retrieved, options_);
}

}  // namespace kc::search
