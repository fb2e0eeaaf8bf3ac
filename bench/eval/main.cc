// eval: retrieval quality and latency of the search module and two stock engines on the data
// of ../shared/data, by the protocol of its README (bench/eval/README.md explains the output).
//
//   eval [--data DIR] [--work DIR] [--sets csl,cranfield,csprd] [--engines
//   kechuang,xapian-ngram,fts5-trigram] [--path import|direct|both]
//        [--cedict FILE] [--bigram-weight X] [--keyword-terms X] [--translation-weight X]
//        [--max-share X] [--char-share X] [--char-docs-floor N]
//        [--max-translated-terms N] [--max-translations N] [--foreign-own-weight X]
//        [--match-foreign-own-weight X] [--foreign-found-share X] [--max-terms N] [--k1 X] [--b X]
//        [--foreign-untranslated-weight X] [--match-foreign-untranslated-weight X]
//        [--joined-latin-weight X] [--translation-frequency-weight X]
//        [--feedback-docs N] [--feedback-terms N] [--feedback-weight X]
//        [--limit-queries N] [--relevance-study 1] [--weak-below X]
//        [--rerank 1] [--ltr-rounds N] [--ltr-max-depth N] [--ltr-eta X] [--ltr-depth N]
//        [--ltr-train-queries N] [--ltr-validate 1] [--ltr-english 1] [--served 1]
//        [--match 1] [--match-key-terms N] [--match-candidate-terms N] [--match-candidates N]
//        [--match-k1 X] [--match-b X] [--match-foreign-whole-text 0|1] [--match-min-relevance X]
//        [--match-text-weight X]
//        [--match-char-weight X] [--match-bigram-share X] [--match-bigram-floor N]
//        [--half even|odd] [--query-chars N]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "core/resources.h"
#include "core/utf8.h"
#include "eval/corpus.h"
#include "eval/engine.h"
#include "eval/metrics.h"
#include "eval/relevance_study.h"

namespace kc::eval {
namespace {

struct Options {
  std::string data = "../shared/data";
  std::string work = "/tmp/kc-eval";
  std::set<std::string> sets{"csl", "cranfield", "csprd"};
  std::set<std::string> engines{"kechuang", "xapian-ngram", "fts5-trigram"};
  std::string cedict;  // default: DATA/cc-cedict/cedict.tsv
  search::Translator::LoadOptions translator;
  search::QueryOptions query;
  search::RankingOptions ranking;
  size_t limit_queries = 0;
  bool reuse = false;
  // How our engine is filled: through the product's import path, straight Upserts, or both.
  std::string path = "import";
  bool show_misses = false;  // print each query whose first hit is not relevant
  // After each set, the relevance thresholds' study on our engine's index (relevance_study.h).
  bool relevance_study = false;
  // The learned re-ranker (engine kechuang-ltr): trained on csl's training queries (from
  // zh-sci-abstracts) over our engine's csl index, then scored on every set.
  bool rerank = false;
  search::RankTrainingDataOptions ltr_data;
  search::RankerTrainingOptions ltr{.rounds = 150, .max_depth = 6, .eta = 0.1};
  size_t ltr_depth = 50;         // candidates re-ranked per query
  size_t ltr_train_queries = 0;  // at most this many training queries (evenly spread); 0: all
  // Each training query also in the dictionary's English (search::DictionaryEnglish).
  bool ltr_english = false;
  // Also the search the server runs (engine kechuang-served): our engine's index with the
  // built-in re-ranking model (data/ranker/builtin.json) where it applies.
  bool served = false;
  // Instead of scoring: the model's options compared on halves of the training queries.
  bool ltr_validate = false;
  // The match path (engine kechuang-match) over our engine's index, each query as a demand.
  bool match = false;
  search::MatchOptions match_options;
  // Only the queries of even or odd position in each query set (tuning on one half, scoring
  // on the other); empty: all.
  std::string half;
  // Each query cut to its first this many characters, as a search box takes the start of a
  // passage (every engine, the match path too); 0: whole.
  size_t query_chars = 0;
};

std::set<std::string> SplitCommas(const std::string& s) {
  std::set<std::string> out;
  std::stringstream ss(s);
  std::string part;
  while (std::getline(ss, part, ',')) {
    if (!part.empty()) out.insert(part);
  }
  return out;
}

bool ParseArgs(int argc, char** argv, Options* o) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (i + 1 >= argc) {
      std::cerr << "missing value for " << a << "\n";
      return false;
    }
    const std::string v = argv[++i];
    if (a == "--data") {
      o->data = v;
    } else if (a == "--work") {
      o->work = v;
    } else if (a == "--sets") {
      o->sets = SplitCommas(v);
    } else if (a == "--engines") {
      o->engines = SplitCommas(v);
    } else if (a == "--path") {
      if (v != "import" && v != "direct" && v != "both") {
        std::cerr << "--path is import, direct or both\n";
        return false;
      }
      o->path = v;
    } else if (a == "--cedict") {
      o->cedict = v;
    } else if (a == "--bigram-weight") {
      o->query.bigram_weight = std::stod(v);
    } else if (a == "--alias-weight") {
      o->query.alias_weight = std::stod(v);
    } else if (a == "--char-weight") {
      o->query.char_weight = std::stod(v);
    } else if (a == "--keyword-terms") {
      o->query.keyword_terms = std::stod(v);
    } else if (a == "--translation-weight") {
      o->query.translation_weight = std::stod(v);
    } else if (a == "--max-share") {
      o->query.max_term_share = std::stod(v);
    } else if (a == "--char-share") {
      o->query.max_char_share = std::stod(v);
    } else if (a == "--char-docs-floor") {
      o->query.char_docs_floor = std::stoul(v);
    } else if (a == "--foreign-own-weight") {
      o->query.foreign_own_weight = std::stod(v);
    } else if (a == "--translation-frequency-weight") {
      o->translator.frequency_weight = std::stod(v);
    } else if (a == "--feedback-docs") {
      o->ranking.feedback.docs = std::stoul(v);
    } else if (a == "--feedback-terms") {
      o->ranking.feedback.terms = std::stoul(v);
    } else if (a == "--feedback-weight") {
      o->ranking.feedback.weight = std::stod(v);
    } else if (a == "--joined-latin-weight") {
      o->query.joined_latin_weight = std::stod(v);
      o->match_options.query.joined_latin_weight = std::stod(v);
    } else if (a == "--foreign-untranslated-weight") {
      o->query.foreign_untranslated_weight = std::stod(v);
    } else if (a == "--match-foreign-untranslated-weight") {
      o->match_options.query.foreign_untranslated_weight = std::stod(v);
    } else if (a == "--match-foreign-own-weight") {
      o->match_options.query.foreign_own_weight = std::stod(v);
    } else if (a == "--foreign-found-share") {
      o->query.foreign_found_share = std::stod(v);
      o->match_options.query.foreign_found_share = std::stod(v);
    } else if (a == "--max-translations") {
      o->query.max_translations = std::stoul(v);
    } else if (a == "--max-translated-terms") {
      o->query.max_translated_terms = std::stoul(v);
    } else if (a == "--max-terms") {
      o->query.max_terms = std::stoul(v);
    } else if (a == "--k1") {
      o->ranking.k1 = std::stod(v);
    } else if (a == "--b") {
      o->ranking.b = std::stod(v);
    } else if (a == "--show-misses") {
      o->show_misses = v == "1";
    } else if (a == "--relevance-study") {
      o->relevance_study = v == "1";
    } else if (a == "--weak-below") {
      o->ranking.weak_below = std::stod(v);
    } else if (a == "--rerank") {
      o->rerank = v == "1";
    } else if (a == "--ltr-rounds") {
      o->ltr.rounds = std::stoi(v);
    } else if (a == "--ltr-max-depth") {
      o->ltr.max_depth = std::stoi(v);
    } else if (a == "--ltr-eta") {
      o->ltr.eta = std::stod(v);
    } else if (a == "--ltr-validate") {
      o->ltr_validate = v == "1";
    } else if (a == "--ltr-depth") {
      o->ltr_depth = std::stoul(v);
    } else if (a == "--served") {
      o->served = v == "1";
    } else if (a == "--ltr-english") {
      o->ltr_english = v == "1";
    } else if (a == "--ltr-train-queries") {
      o->ltr_train_queries = std::stoul(v);
    } else if (a == "--match") {
      o->match = v == "1";
    } else if (a == "--match-key-terms") {
      o->match_options.key_terms = std::stoul(v);
    } else if (a == "--match-candidate-terms") {
      o->match_options.candidate_terms = std::stoul(v);
    } else if (a == "--match-candidates") {
      o->match_options.candidates = std::stoul(v);
    } else if (a == "--match-char-weight") {
      o->match_options.query.char_weight = std::stod(v);
    } else if (a == "--match-bigram-share") {
      o->match_options.query.max_bigram_share = std::stod(v);
    } else if (a == "--match-bigram-floor") {
      o->match_options.query.bigram_docs_floor = std::stoul(v);
    } else if (a == "--match-min-relevance") {
      o->match_options.min_relevance = std::stod(v);
    } else if (a == "--match-text-weight") {
      // The text feature at this weight, the others scaled to share the rest.
      search::MatchWeights w = search::DefaultWeights(ListingKind::kAchievement);
      const double t = std::stod(v), rest = 1 - w.text;
      const double scale = rest > 0 ? (1 - t) / rest : 0;
      w = {.text = t,
           .key_terms = w.key_terms * scale,
           .keywords = w.keywords * scale,
           .discipline = w.discipline * scale,
           .category = w.category * scale,
           .maturity = w.maturity * scale,
           .region = w.region * scale,
           .recency = w.recency * scale};
      o->match_options.weights = w;
    } else if (a == "--match-k1") {
      o->match_options.k1 = std::stod(v);
    } else if (a == "--match-b") {
      o->match_options.b = std::stod(v);
    } else if (a == "--match-foreign-whole-text") {
      o->match_options.foreign_whole_text = v == "1";
    } else if (a == "--query-chars") {
      o->query_chars = std::stoul(v);
    } else if (a == "--half") {
      if (v != "even" && v != "odd") {
        std::cerr << "--half is even or odd\n";
        return false;
      }
      o->half = v;
    } else if (a == "--reuse") {
      o->reuse = v == "1";
    } else if (a == "--limit-queries") {
      o->limit_queries = std::stoul(v);
    } else {
      std::cerr << "unknown option " << a << "\n";
      return false;
    }
  }
  return true;
}

struct Row {
  std::string set, queries, engine;
  double mrr = 0, ndcg = 0, recall = 0, p50 = 0, p99 = 0;
  double page_p50 = 0, page_p99 = 0;  // the same queries for a page of 10 hits
  size_t n = 0;
};

void PrintRow(const Row& r) {
  std::printf(
      "| %-12s | %-9s | %-15s | %5zu | %6.4f | %6.4f | %6.4f | %6.2f | %6.2f | %6.2f | %6.2f |\n",
      r.set.c_str(), r.queries.c_str(), r.engine.c_str(), r.n, r.mrr, r.ndcg, r.recall, r.p50,
      r.p99, r.page_p50, r.page_p99);
  std::fflush(stdout);
}

Status RunSet(const DataSet& data, Engine* engine, const Options& o, std::vector<Row>* rows,
              std::vector<std::string>* builds) {
  const auto t0 = std::chrono::steady_clock::now();
  const std::string work = o.work + "/" + data.name;
  std::filesystem::create_directories(work);
  KC_RETURN_IF_ERROR(engine->Build(data.docs, work));
  const double build_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  char line[600];
  std::snprintf(line, sizeof line, "%s: %s indexed %zu documents in %.1f s%s%s", data.name.c_str(),
                engine->name().c_str(), data.docs.size(), build_s,
                engine->note().empty() ? "" : "; ", engine->note().c_str());
  std::fprintf(stderr, "%s\n", line);
  builds->push_back(line);
  for (const auto& [set_name, queries] : data.query_sets) {
    Row row{data.name, set_name, engine->name()};
    std::vector<double> millis;
    static const std::map<std::string, int> kNone;
    for (const Query& q : queries) {
      if (o.limit_queries > 0 && row.n >= o.limit_queries) break;
      auto judged = data.qrels.find(q.id);
      const auto& gains = judged == data.qrels.end() ? kNone : judged->second;
      const auto start = std::chrono::steady_clock::now();
      auto ranked = engine->Search(q.text, 100);
      millis.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count());
      KC_RETURN_IF_ERROR(ranked);
      const double rr = ReciprocalRank(*ranked, gains, 10);
      if (o.show_misses && rr < 1.0) {
        std::fprintf(stderr, "miss %s %s rr=%.3f top=%s: %s\n", engine->name().c_str(),
                     q.id.c_str(), rr, ranked->empty() ? "-" : ranked->front().c_str(),
                     q.text.c_str());
      }
      row.mrr += rr;
      row.ndcg += Ndcg(*ranked, gains, 10);
      row.recall += Recall(*ranked, gains, 100);
      ++row.n;
    }
    if (row.n > 0) {
      row.mrr /= row.n;
      row.ndcg /= row.n;
      row.recall /= row.n;
    }
    row.p50 = Percentile(millis, 50);
    row.p99 = Percentile(millis, 99);
    millis.clear();
    for (size_t i = 0; i < row.n; ++i) {
      const auto start = std::chrono::steady_clock::now();
      KC_RETURN_IF_ERROR(engine->Search(queries[i].text, 10));
      millis.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count());
    }
    row.page_p50 = Percentile(millis, 50);
    row.page_p99 = Percentile(millis, 99);
    PrintRow(row);
    rows->push_back(row);
  }
  return Status::Ok();
}

// The re-ranked variant of our engine on `index` (our engine's index of `data`): the model is
// trained first, on the first data set that has training queries (csl: zh-sci-abstracts'
// titles and keywords), and kept for the sets after it.
Status RunReranked(const DataSet& data, const search::SearchIndex& index,
                   const search::Translator* translator, const Options& o,
                   std::optional<search::Ranker>* ranker, std::vector<Row>* rows,
                   std::vector<std::string>* builds) {
  if (!ranker->has_value()) {
    if (data.training.empty()) {
      return Invalid("sets", "no_training_set", "--rerank needs the csl set, which trains it");
    }
    std::vector<TrainingQuery> training = data.training;
    const size_t n = o.ltr_train_queries;
    if (n > 0 && training.size() > n) {
      std::vector<TrainingQuery> spread;
      for (size_t i = 0; i < n; ++i) spread.push_back(training[i * training.size() / n]);
      training = std::move(spread);
    }
    if (o.ltr_english && translator != nullptr) {
      const size_t chinese = training.size();
      for (size_t i = 0; i < chinese; ++i) {
        std::string english = search::DictionaryEnglish(training[i].text, *translator);
        if (!english.empty()) training.push_back({std::move(english), training[i].doc_id});
      }
      std::fprintf(stderr, "re-ranker: %zu training queries, %zu of them in English\n",
                   training.size(), training.size() - chinese);
    }
    search::RankTrainingDataOptions data_options = o.ltr_data;
    data_options.candidates = o.ltr_depth;
    data_options.query = o.query;
    data_options.ranking = o.ranking;
    if (o.ltr_validate) {
      const std::vector<search::RankerTrainingOptions> configs = {
          o.ltr,
          {.rounds = 50, .max_depth = 3, .eta = 0.1},
          {.rounds = 300, .max_depth = 4, .eta = 0.05},
          {.rounds = 100, .max_depth = 6, .eta = 0.3},
          {.rounds = 400, .max_depth = 8, .eta = 0.03}};
      return ValidateReranker(index, translator, training, data_options, configs);
    }
    auto model = TrainRerankerOn(index, translator, training, data_options, o.ltr);
    KC_RETURN_IF_ERROR(model);
    auto loaded = search::Ranker::FromBuffer(*model, "eval-ranker.json");
    KC_RETURN_IF_ERROR(loaded);
    ranker->emplace(std::move(*loaded));
  }
  auto engine = MakeRerankedEngine(&index, translator, o.query, o.ranking, &**ranker, o.ltr_depth);
  return RunSet(data, engine.get(), o, rows, builds);
}

int Main(int argc, char** argv) {
  Options o;
  if (!ParseArgs(argc, argv, &o)) return 2;
  if (o.cedict.empty()) o.cedict = o.data + "/cc-cedict/cedict.tsv";
  std::filesystem::create_directories(o.work);

  std::unique_ptr<search::Translator> translator;
  if (auto t = search::Translator::Load(o.cedict, o.translator); t.ok()) {
    translator = std::move(*t);
    std::fprintf(stderr, "dictionary: %zu English keys, %zu Chinese keys\n",
                 translator->english_keys(), translator->chinese_keys());
  } else {
    std::fprintf(stderr, "dictionary: %s (glossary only)\n", t.status().message().c_str());
    translator = search::Translator::GlossaryOnly();
  }

  std::printf(
      "| set          | queries   | engine          |     n | MRR@10 | nDCG@10 | R@100  | p50 ms | "
      "p99 ms | p50@10 | p99@10 |\n");
  std::printf(
      "|--------------|-----------|-----------------|-------|--------|---------|--------|--------|"
      "--------|--------|--------|\n");
  std::vector<Row> rows;
  std::vector<std::string> builds;
  std::optional<search::Ranker> ranker;  // trained on the first set with training queries
  const search::RankerSource builtin_ranker("", Resource("data/ranker/builtin.json").value_or(""));
  const std::pair<const char*, Result<DataSet> (*)(const std::string&)> sets[] = {
      {"csl", LoadCsl}, {"cranfield", LoadCranfield}, {"csprd", LoadCsprd}};
  for (const auto& [key, load] : sets) {
    if (!o.sets.count(key)) continue;
    Result<DataSet> data = load(o.data);
    if (!data.ok()) {
      std::fprintf(stderr, "%s: %s\n", key, data.status().message().c_str());
      return 1;
    }
    if (!o.half.empty()) {
      for (auto& [set_name, queries] : data->query_sets) {
        std::vector<Query> kept;
        for (size_t i = (o.half == "even" ? 0 : 1); i < queries.size(); i += 2) {
          kept.push_back(queries[i]);
        }
        queries = std::move(kept);
      }
    }
    if (o.query_chars > 0) {
      for (auto& [set_name, queries] : data->query_sets) {
        for (Query& q : queries) q.text = Utf8Prefix(q.text, o.query_chars);
      }
    }
    std::vector<std::unique_ptr<Engine>> engines;
    if (o.engines.count("kechuang")) {
      if (o.path != "direct") {
        engines.push_back(
            MakeOurEngine(translator.get(), o.query, o.ranking, o.reuse, IndexPath::kImport));
      }
      if (o.path != "import") {
        engines.push_back(
            MakeOurEngine(translator.get(), o.query, o.ranking, o.reuse, IndexPath::kDirect));
      }
    }
    if (o.engines.count("xapian-ngram")) engines.push_back(MakeXapianNgramEngine());
    if (o.engines.count("fts5-trigram")) engines.push_back(MakeFts5TrigramEngine());
    for (auto& engine : engines) {
      Status s = RunSet(*data, engine.get(), o, &rows, &builds);
      if (s.ok() && o.relevance_study && engine->index() != nullptr) {
        s = RunRelevanceStudy(*data, *engine->index(), translator.get(), o.query, o.ranking);
      }
      if (s.ok() && o.served && engine->index() != nullptr) {
        auto served = MakeServedEngine(engine->index(), translator.get(), o.query, o.ranking,
                                       &builtin_ranker, o.ltr_depth);
        s = RunSet(*data, served.get(), o, &rows, &builds);
      }
      if (s.ok() && o.match && engine->index() != nullptr) {
        auto matches = MakeMatchEngine(engine->index(), translator.get(), o.match_options);
        s = RunSet(*data, matches.get(), o, &rows, &builds);
      }
      if (s.ok() && o.rerank && engine->index() != nullptr) {
        s = RunReranked(*data, *engine->index(), translator.get(), o, &ranker, &rows, &builds);
      }
      if (!s.ok()) {
        std::fprintf(stderr, "%s/%s: %s\n", key, engine->name().c_str(), s.message().c_str());
        return 1;
      }
    }
  }
  std::printf("\nIndex builds (wall time, this run):\n");
  for (const std::string& b : builds) std::printf("- %s\n", b.c_str());
  return 0;
}

}  // namespace
}  // namespace kc::eval

int main(int argc, char** argv) { return kc::eval::Main(argc, argv); }
