#include "eval/relevance_study.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "core/utf8.h"
#include "eval/metrics.h"
#include "search/matcher.h"
#include "search/relevance.h"
#include "search/schema.h"
#include "search/shared_terms.h"
#include "text/keyterms.h"

namespace kc::eval {
namespace {

constexpr size_t kTop = 10;
constexpr double kCommonShare = 0.005;  // a word in ≥ 0.5% of the documents is common
const double kThresholds[] = {0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6};

// One hit of one query.
struct Observed {
  double relevance = 0;
  bool relevant = false;
  bool noise = false;  // the proxy: at most one (common) word of the query
  int off_topic = -1;  // 1 another discipline than the known item's, 0 the same, -1 unknown
};

struct QueryRun {
  bool tune = false;
  std::vector<Observed> hits;
};

// A whole word of a query is worth naming: not a single CJK character, not a number.
bool Whole(const std::string& w) {
  const text::TokenKind k = text::KindOf(w);
  if (k == text::TokenKind::kNumber) return false;
  return k != text::TokenKind::kCjkWord || Utf8Length(w) > 1;
}

std::vector<std::string> WordTerms(const std::string& q) {
  std::set<std::string> terms;
  for (const std::string& w : text::Analyze(q).words) {
    if (Whole(w)) terms.insert(search::SharedTerms::IndexTermOf(text::TermKey(w)));
  }
  return {terms.begin(), terms.end()};
}

bool Common(const Xapian::Database& db, const std::string& term) {
  return db.get_termfreq(term) >= kCommonShare * db.get_doccount();
}

// The noise proxy of a search hit: the query has two whole words or more, and the hit has at
// most one of them, a common one.
bool OneCommonWord(const Xapian::Database& db, const std::vector<std::string>& words,
                   Xapian::docid doc) {
  if (words.size() < 2) return false;
  std::vector<std::string> present;
  Xapian::TermIterator it = db.termlist_begin(doc);
  for (const std::string& t : words) {
    it.skip_to(t);
    if (it == db.termlist_end(doc)) break;
    if (*it == t) present.push_back(t);
  }
  if (present.empty()) return true;
  return present.size() == 1 && Common(db, present[0]);
}

// The same for a match: its explanation names at most one term, a common word.
bool OneCommonTerm(const Xapian::Database& db, const std::vector<std::string>& shared) {
  if (shared.empty()) return true;
  if (shared.size() > 1) return false;
  const text::Terms t = text::Analyze(shared[0]);
  if (t.words.size() != 1) return false;  // a phrase of several words is specific
  return Common(db, search::SharedTerms::IndexTermOf(text::TermKey(t.words[0])));
}

struct Sweep {
  double kept = 0, noise = 0, off_topic = 0, precision = 0, per_query = 0, empty = 0;
};

Sweep At(const std::vector<QueryRun>& runs, bool tune, double threshold) {
  double relevant = 0, relevant_kept = 0, kept = 0, noise = 0, known = 0, off = 0, hit_rel = 0;
  double queries = 0, empty = 0;
  for (const QueryRun& q : runs) {
    if (q.tune != tune) continue;
    ++queries;
    size_t n = 0;
    for (const Observed& o : q.hits) {
      relevant += o.relevant;
      if (o.relevance < threshold) continue;
      ++n;
      relevant_kept += o.relevant;
      hit_rel += o.relevant;
      noise += o.noise;
      if (o.off_topic >= 0) {
        ++known;
        off += o.off_topic;
      }
    }
    kept += n;
    empty += n == 0;
  }
  Sweep s;
  s.kept = relevant > 0 ? relevant_kept / relevant : 0;
  s.noise = kept > 0 ? noise / kept : 0;
  s.off_topic = known > 0 ? off / known : 0;
  s.precision = kept > 0 ? hit_rel / kept : 0;
  s.per_query = queries > 0 ? kept / queries : 0;
  s.empty = queries > 0 ? empty / queries : 0;
  return s;
}

void PrintSweep(const std::string& title, const std::vector<QueryRun>& runs) {
  std::printf("\n%s (%zu queries; tune = even positions, test = odd)\n", title.c_str(),
              runs.size());
  std::printf(
      "| threshold | tune kept | tune noise | tune off-topic | tune P | tune F1 | test kept | "
      "test noise | test off-topic | test P | test hits/q | test none |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  // F1 of the relevant documents kept and the share of kept hits that are not noise.
  auto f1 = [](const Sweep& s) {
    const double clean = 1 - s.noise;
    return s.kept + clean > 0 ? 2 * s.kept * clean / (s.kept + clean) : 0;
  };
  for (double t : kThresholds) {
    const Sweep a = At(runs, true, t), b = At(runs, false, t);
    std::printf(
        "| %.2f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.2f | %.4f "
        "|\n",
        t, a.kept, a.noise, a.off_topic, a.precision, f1(a), b.kept, b.noise, b.off_topic,
        b.precision, b.per_query, b.empty);
  }
  std::fflush(stdout);
}

double Millis(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

std::vector<std::string> SplitSpaces(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string w;
  while (ss >> w) out.push_back(w);
  return out;
}

}  // namespace

Status RunRelevanceStudy(const DataSet& data, const search::SearchIndex& index,
                         const search::Translator* translator, const search::QueryOptions& query,
                         const search::RankingOptions& ranking) {
  std::map<std::string, const Doc*> docs;
  for (const Doc& d : data.docs) docs[d.id] = &d;
  auto reader = index.AcquireReader();
  KC_RETURN_IF_ERROR(reader);
  const Xapian::Database& db = **reader;
  // The known item's discipline, for the off-topic proxy (csl-dev).
  auto known_discipline = [&](const std::string& qid) -> std::string {
    auto q = data.qrels.find(qid);
    if (q == data.qrels.end() || q->second.size() != 1) return "";
    auto d = docs.find(q->second.begin()->first);
    return d == docs.end() ? "" : d->second->discipline;
  };
  auto off_topic = [&](const std::string& known, const std::string& ref) {
    auto d = docs.find(ref);
    if (known.empty() || d == docs.end() || d->second->discipline.empty()) return -1;
    return d->second->discipline == known ? 0 : 1;
  };
  static const std::map<std::string, int> kNone;

  search::RankingOptions plain = ranking;
  plain.weak_below = 0;
  const search::Searcher graded_searcher(&index, translator, query, ranking);
  const search::Searcher plain_searcher(&index, translator, query, plain);
  for (const auto& [set_name, queries] : data.query_sets) {
    std::vector<QueryRun> runs;
    std::vector<double> graded_ms, plain_ms;
    for (size_t i = 0; i < queries.size(); ++i) {
      const Query& q = queries[i];
      auto judged = data.qrels.find(q.id);
      const auto& gains = judged == data.qrels.end() ? kNone : judged->second;
      // Alternate which one runs first, so that caches and load favour neither.
      search::SearchRequest r{.q = q.text, .limit = kTop};
      for (int k = 0; k < 2; ++k) {
        const bool graded = (k == 0) == (i % 2 == 0);
        const auto t0 = std::chrono::steady_clock::now();
        auto result = (graded ? graded_searcher : plain_searcher).Search(r);
        (graded ? graded_ms : plain_ms).push_back(Millis(t0));
        KC_RETURN_IF_ERROR(result);
        if (!graded) continue;
        QueryRun run{i % 2 == 0, {}};
        const std::vector<std::string> words = WordTerms(q.text);
        const std::string known = known_discipline(q.id);
        for (const search::SearchHit& h : result->hits) {
          auto g = gains.find(h.ref);
          // An ungraded query's hits are all kept, whatever the threshold.
          run.hits.push_back({result->graded ? h.relevance : 1.0, g != gains.end() && g->second > 0,
                              OneCommonWord(db, words, static_cast<Xapian::docid>(h.id)),
                              off_topic(known, h.ref)});
        }
        runs.push_back(std::move(run));
      }
    }
    PrintSweep("search: " + data.name + " / " + set_name + ", top " + std::to_string(kTop), runs);
    const double p50 = Percentile(plain_ms, 50), g50 = Percentile(graded_ms, 50);
    std::printf(
        "\nsearch latency, page of %zu, %zu queries alternating: without grading p50 %.2f p99 "
        "%.2f ms; with grading p50 %.2f p99 %.2f ms; ratio of medians %.3f\n",
        kTop, plain_ms.size(), p50, Percentile(plain_ms, 99), g50, Percentile(graded_ms, 99),
        p50 > 0 ? g50 / p50 : 0);
  }

  // Matching (csl-dev): each document's title and keywords as a demand, its abstract to find.
  std::map<std::string, std::string> titles, keywords;
  for (const auto& [set_name, queries] : data.query_sets) {
    for (const Query& q : queries) (set_name == "title" ? titles : keywords)[q.id] = q.text;
  }
  if (titles.empty() || keywords.empty()) return Status::Ok();
  search::MatchOptions all;
  all.min_relevance = 0;
  const search::Matcher matcher(&index, translator, all);
  const search::Matcher graded_matcher(&index, translator);
  std::vector<QueryRun> runs;
  std::vector<double> graded_ms, plain_ms;
  size_t i = 0;
  for (const auto& [qid, title] : titles) {
    Listing demand;
    demand.kind = ListingKind::kDemand;
    demand.title = title;
    demand.keywords = SplitSpaces(keywords[qid]);
    search::MatchRequest request;
    request.target = ListingKind::kAchievement;
    request.limit = kTop;
    auto judged = data.qrels.find(qid);
    const auto& gains = judged == data.qrels.end() ? kNone : judged->second;
    const std::string known = known_discipline(qid);
    for (int k = 0; k < 2; ++k) {
      const bool graded = (k == 0) == (i % 2 == 0);
      const auto t0 = std::chrono::steady_clock::now();
      auto result = (graded ? graded_matcher : matcher).Match(demand, request);
      (graded ? graded_ms : plain_ms).push_back(Millis(t0));
      KC_RETURN_IF_ERROR(result);
      if (graded) continue;
      QueryRun run{i % 2 == 0, {}};
      for (const search::MatchHit& h : result->hits) {
        auto g = gains.find(h.ref);
        run.hits.push_back({result->graded ? h.relevance : 1.0, g != gains.end() && g->second > 0,
                            OneCommonTerm(db, h.explanation.shared_terms),
                            off_topic(known, h.ref)});
      }
      runs.push_back(std::move(run));
    }
    ++i;
  }
  PrintSweep("matching: " + data.name + ", demand = title + keywords, top " + std::to_string(kTop),
             runs);
  const double p50 = Percentile(plain_ms, 50), g50 = Percentile(graded_ms, 50);
  std::printf(
      "\nmatch latency, %zu demands alternating: threshold 0 p50 %.2f p99 %.2f ms; threshold "
      "%.2f p50 %.2f p99 %.2f ms; ratio of medians %.3f\n",
      plain_ms.size(), p50, Percentile(plain_ms, 99), search::kMinMatchRelevance, g50,
      Percentile(graded_ms, 99), p50 > 0 ? g50 / p50 : 0);
  return Status::Ok();
}

}  // namespace kc::eval
