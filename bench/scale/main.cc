// scale: the search module at N synthetic documents (bench/scale/README.md).
//
//   scale build --dir DIR --n N [--data DIR] [--threads 2] [--batch 1000] [--mode shards|shared]
//   scale query --dir DIR --n N [--data DIR] [--cedict FILE] [--threads 1] [--queries 1000]
//               [--matches 300] [--warmup 50] [--member 0|1]
//               variants of the defaults: [--char-weight X] [--search-char-weight X]
//               [--match-char-weight X] [--bigram-weight X] [--translation-weight X]
//               [--key-terms N] [--candidate-terms N] [--candidates N] [--char-share X]
//               [--char-docs-floor N] [--max-translated-terms N]
//               [--match-bigram-share X] [--match-k1 X] [--match-b X]
//               [--dump FILE]   (every answer's ids, for
//               bench/scale/overlap.py)
//   scale explain --dir DIR --n N [--matches 50] [--queries 200]   (what the queries cost)
//   scale terms --dir DIR                 (the index's terms and postings by prefix)
//   scale sample --n K [--data DIR]        (prints K generated listings as JSON lines)
//   scale reindex --dir DIR --n N [--threads 2]   (`kechuang reindex` from a SQLite store of N)
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "scale/generator.h"
#include "search/bulk_build.h"
#include "search/document.h"
#include "search/index.h"
#include "search/matcher.h"
#include "search/query.h"
#include "search/schema.h"
#include "search/search.h"
#include "search/translate.h"
#include "service/indexer.h"
#include "store/sqlite/sqlite_store.h"
#include "text/analyzer.h"
#include "text/keyterms.h"

namespace kc::scale {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}
double Millis(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// A field of /proc/self/status in MiB (VmRSS, VmHWM).
double StatusMiB(const std::string& field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field + ":", 0) == 0) return std::stod(line.substr(field.size() + 1)) / 1024;
  }
  return 0;
}

// The 1, 5 and 15-minute load averages, as /proc/loadavg gives them: the machine is shared.
std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

double DirMiB(const std::string& dir) {
  uintmax_t bytes = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) bytes += e.file_size();
  }
  return bytes / 1048576.0;
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t rank = static_cast<size_t>(std::ceil(p / 100 * v.size()));
  return v[std::min(v.size() - 1, rank == 0 ? 0 : rank - 1)];
}

struct Options {
  std::string cmd;
  std::string data = "../shared/data";
  std::string dir;
  std::string cedict;
  uint64_t n = 100000;
  int threads = 0;
  size_t batch = 1000;
  std::string mode = "shards";  // build: shards (BulkIndexBuilder) or shared (one database)
  size_t queries = 1000;
  size_t matches = 300;
  size_t warmup = 50;
  bool member = false;  // query as a signed-in member (members-only text too)
  std::string dump;     // query: where to write every answer's ids (bench/scale/overlap.py)
  // Variants of the product defaults, to find where the time goes.
  search::QueryOptions query;
  search::MatchOptions match;
};

bool Parse(int argc, char** argv, Options* o) {
  if (argc < 2) return false;
  o->cmd = argv[1];
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--data")
      o->data = v;
    else if (a == "--dir")
      o->dir = v;
    else if (a == "--cedict")
      o->cedict = v;
    else if (a == "--n")
      o->n = std::stoull(v);
    else if (a == "--threads")
      o->threads = std::stoi(v);
    else if (a == "--batch")
      o->batch = std::stoul(v);
    else if (a == "--mode")
      o->mode = v;
    else if (a == "--queries")
      o->queries = std::stoul(v);
    else if (a == "--matches")
      o->matches = std::stoul(v);
    else if (a == "--warmup")
      o->warmup = std::stoul(v);
    else if (a == "--member")
      o->member = v == "1";
    else if (a == "--char-weight")
      o->query.char_weight = o->match.query.char_weight = std::stod(v);
    else if (a == "--search-char-weight")
      o->query.char_weight = std::stod(v);
    else if (a == "--match-char-weight")
      o->match.query.char_weight = std::stod(v);
    else if (a == "--bigram-weight")
      o->query.bigram_weight = o->match.query.bigram_weight = std::stod(v);
    else if (a == "--translation-weight")
      o->query.translation_weight = o->match.query.translation_weight = std::stod(v);
    else if (a == "--key-terms")
      o->match.key_terms = std::stoul(v);
    else if (a == "--candidate-terms")
      o->match.candidate_terms = std::stoul(v);
    else if (a == "--char-share")
      o->query.max_char_share = o->match.query.max_char_share = std::stod(v);
    else if (a == "--char-docs-floor")
      o->query.char_docs_floor = o->match.query.char_docs_floor = std::stoul(v);
    else if (a == "--max-translated-terms")
      o->query.max_translated_terms = o->match.query.max_translated_terms = std::stoul(v);
    else if (a == "--match-bigram-share")
      o->match.query.max_bigram_share = std::stod(v);
    else if (a == "--candidates")
      o->match.candidates = std::stoul(v);
    else if (a == "--match-k1")
      o->match.k1 = std::stod(v);
    else if (a == "--match-b")
      o->match.b = std::stod(v);
    else if (a == "--dump")
      o->dump = v;
    else {
      std::cerr << "unknown option " << a << "\n";
      return false;
    }
  }
  if ((argc - 2) % 2 != 0) return false;
  return o->cmd == "sample" || !o->dir.empty();
}

int Sample(const Generator& g, const Options& o) {
  for (uint64_t i = 0; i < o.n; ++i) {
    const Listing l = g.Make(i);
    nlohmann::json j = {{"id", l.id},
                        {"kind", KindName(l.kind)},
                        {"title", l.title},
                        {"keywords", l.keywords},
                        {"category", l.category},
                        {"discipline", l.discipline},
                        {"region", l.region},
                        {"body", l.body},
                        {"query", g.QueryFor(i, 0)}};
    std::cout << j.dump() << "\n";
  }
  return 0;
}

double CpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec +
         ru.ru_stime.tv_usec / 1e6;
}

// Indexes documents 0..n-1 (listing ids 1..n) on `threads` threads. --mode shards (the
// default, as `kechuang reindex` builds): a search::BulkIndexBuilder shard of a contiguous id
// range per thread, committed every `batch` documents, then compacted into one database.
// --mode shared: SearchIndex::Upsert into one database from every thread (analysis outside
// its writer lock), committing every `batch` documents.
int BuildShared(const Generator& g, const Options& o, int threads) {
  std::filesystem::remove_all(o.dir);
  auto index = search::SearchIndex::Open(o.dir);
  if (!index.ok()) {
    std::cerr << index.status().message() << "\n";
    return 1;
  }
  std::atomic<uint64_t> next{0}, done{0};
  std::atomic<bool> failed{false};
  std::mutex log_mu;
  double commit_s = 0;
  const auto t0 = Clock::now();
  auto work = [&] {
    for (;;) {
      const uint64_t i = next.fetch_add(1);
      if (i >= o.n || failed) return;
      const Status s = (*index)->Upsert(g.Make(i));
      if (!s.ok()) {
        std::lock_guard lock(log_mu);
        std::cerr << "upsert " << i << ": " << s.message() << "\n";
        failed = true;
        return;
      }
      const uint64_t d = done.fetch_add(1) + 1;
      if (d % o.batch == 0) {
        const auto c0 = Clock::now();
        const Status c = (*index)->Commit();
        const double cs = Seconds(c0);
        std::lock_guard lock(log_mu);
        commit_s += cs;
        if (!c.ok()) {
          std::cerr << "commit: " << c.message() << "\n";
          failed = true;
          return;
        }
        if (d % (o.batch * 5) == 0) {
          const double s = Seconds(t0);
          std::fprintf(stderr,
                       "  %8llu docs  %7.1f s  %6.0f docs/s  RSS %6.0f MiB  commits %.1f s\n",
                       static_cast<unsigned long long>(d), s, d / s, StatusMiB("VmRSS"), commit_s);
        }
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(work);
  for (auto& t : pool) t.join();
  if (failed) return 1;
  const auto c0 = Clock::now();
  if (Status c = (*index)->Commit(); !c.ok()) {
    std::cerr << "commit: " << c.message() << "\n";
    return 1;
  }
  commit_s += Seconds(c0);
  const double build_s = Seconds(t0);
  index->reset();  // closes the database
  std::printf("(load average at the end: %s)\n", LoadAverage().c_str());
  std::printf(
      "| build | N | threads | wall s | docs/s | CPU s | commits s | peak RSS MiB | index MiB |\n");
  std::printf(
      "|-------|---|---------|--------|--------|-------|-----------|--------------|-----------|\n");
  std::printf(
      "| shared: SearchIndex::Upsert | %llu | %d | %.1f | %.0f | %.1f | %.1f | %.0f | %.0f |\n",
      static_cast<unsigned long long>(o.n), threads, build_s, o.n / build_s, CpuSeconds(), commit_s,
      StatusMiB("VmHWM"), DirMiB(o.dir));
  return 0;
}

int BuildShards(const Generator& g, const Options& o, int threads) {
  std::filesystem::remove_all(o.dir);
  std::vector<int64_t> bounds;
  for (int k = 0; k <= threads; ++k) bounds.push_back(1 + static_cast<int64_t>(o.n * k / threads));
  auto builder = search::BulkIndexBuilder::Create(o.dir + ".shards", bounds, o.batch);
  if (!builder.ok()) {
    std::cerr << builder.status().message() << "\n";
    return 1;
  }
  std::atomic<uint64_t> done{0};
  std::atomic<bool> failed{false};
  std::mutex log_mu;
  const auto t0 = Clock::now();
  auto work = [&](int k) {
    for (int64_t id = bounds[k]; id < bounds[k + 1] && !failed; ++id) {
      const Status s = (*builder)->Add(g.Make(static_cast<uint64_t>(id - 1)));
      if (!s.ok()) {
        std::lock_guard lock(log_mu);
        std::cerr << "add " << id << ": " << s.message() << "\n";
        failed = true;
        return;
      }
      const uint64_t d = done.fetch_add(1) + 1;
      if (d % (o.batch * 5) == 0) {
        const double s = Seconds(t0);
        std::lock_guard lock(log_mu);
        std::fprintf(stderr, "  %8llu docs  %7.1f s  %6.0f docs/s  RSS %6.0f MiB  CPU %.0f s\n",
                     static_cast<unsigned long long>(d), s, d / s, StatusMiB("VmRSS"),
                     CpuSeconds());
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(work, t);
  for (auto& t : pool) t.join();
  if (failed) return 1;
  const double shards_s = Seconds(t0);
  const double shards_cpu = CpuSeconds();
  const auto c0 = Clock::now();
  if (Status f = (*builder)->Finish(o.dir, 0); !f.ok()) {
    std::cerr << "finish: " << f.message() << "\n";
    return 1;
  }
  const double compact_s = Seconds(c0);
  const double build_s = Seconds(t0);
  builder->reset();
  std::printf("(load average at the end: %s)\n", LoadAverage().c_str());
  std::printf(
      "| build | N | threads | wall s | docs/s | CPU s | shards wall s / CPU s | compaction wall s "
      "/ CPU s | peak RSS MiB | index MiB |\n");
  std::printf(
      "|-------|---|---------|--------|--------|-------|-----------------------|-------------------"
      "--------|--------------|-----------|\n");
  std::printf(
      "| shards: BulkIndexBuilder | %llu | %d | %.1f | %.0f | %.1f | %.1f / %.1f | %.1f / %.1f | "
      "%.0f | %.0f |\n",
      static_cast<unsigned long long>(o.n), threads, build_s, o.n / build_s, CpuSeconds(), shards_s,
      shards_cpu, compact_s, CpuSeconds() - shards_cpu, StatusMiB("VmHWM"), DirMiB(o.dir));
  return 0;
}

int Build(const Generator& g, const Options& o) {
  const int threads = o.threads > 0 ? o.threads : 2;
  // What generating costs, to tell it apart from indexing.
  const auto g0 = Clock::now();
  size_t gen_bytes = 0;
  for (uint64_t i = 0; i < 2000; ++i) gen_bytes += g.Make(i).body.size();
  std::printf(
      "(generator: %.0f µs per document, bodies average %.0f bytes; the build's wall and CPU time "
      "include generating)\n",
      Seconds(g0) * 1e6 / 2000, gen_bytes / 2000.0);
  std::printf("(load average at the start: %s)\n", LoadAverage().c_str());
  const int rc = o.mode == "shared" ? BuildShared(g, o, threads) : BuildShards(g, o, threads);
  std::fflush(stdout);
  return rc;
}

// What `kechuang reindex` does at N: fills a SQLite store at DIR/store.db with documents
// 0..n-1 as published listings, one in five members-only (listing ids 1..n; skipped when the
// store already holds n),
// then times Indexer::Rebuild into DIR/index — the store read by id ranges on `threads`
// threads, BulkIndexBuilder shards, compaction and the swap.
int Reindex(const Generator& g, const Options& o) {
  const int threads = o.threads > 0 ? o.threads : 2;
  std::filesystem::create_directories(o.dir);
  auto store = OpenSqliteStore(o.dir + "/store.db");
  if (!store.ok()) {
    std::cerr << store.status().message() << "\n";
    return 1;
  }
  int64_t have = 0;
  Status counted = (*store)->Read([&](StoreTx& tx) -> Status {
    ListingQuery q;
    q.limit = 1;
    auto page = tx.ListListings(q);
    if (!page.ok()) return page.status();
    have = page->total;
    return Status::Ok();
  });
  if (!counted.ok()) {
    std::cerr << counted.message() << "\n";
    return 1;
  }
  if (have != static_cast<int64_t>(o.n)) {
    if (have != 0) {
      std::cerr << o.dir << "/store.db holds " << have << " listings, not " << o.n << "\n";
      return 1;
    }
    const auto f0 = Clock::now();
    Status filled = (*store)->Write([&](StoreTx& tx) -> Status {
      User u;
      u.username = "scale";
      u.display_name = "scale";
      u.password_hash = "-";
      auto user = tx.InsertUser(u);
      if (!user.ok()) return user.status();
      for (int k = 1; k <= 5000; ++k) {  // the generator's organisations
        Org org;
        org.name = "org " + std::to_string(k);
        org.country = "CN";
        auto id = tx.InsertOrg(org);
        if (!id.ok()) return id.status();
      }
      return Status::Ok();
    });
    for (uint64_t i = 0; filled.ok() && i < o.n; i += o.batch) {
      filled = (*store)->Write([&](StoreTx& tx) -> Status {
        for (uint64_t j = i; j < std::min<uint64_t>(o.n, i + o.batch); ++j) {
          Listing l = g.Make(j);
          l.owner_id = 1;
          // One in five members-only, so that an index built from the store has members-only
          // text (kMembersPrefix) for `scale query --member 1` to meet.
          if (j % 5 == 4) l.visibility = Visibility::kMembers;
          auto id = tx.InsertListing(l);
          if (!id.ok()) return id.status();
        }
        return Status::Ok();
      });
    }
    if (!filled.ok()) {
      std::cerr << "filling the store: " << filled.message() << "\n";
      return 1;
    }
    std::printf("(store filled with %llu listings in %.1f s; %.0f MiB)\n",
                static_cast<unsigned long long>(o.n), Seconds(f0),
                std::filesystem::file_size(o.dir + "/store.db") / 1048576.0);
  }
  std::filesystem::remove_all(o.dir + "/index");
  auto index = search::SearchIndex::Open(o.dir + "/index");
  if (!index.ok()) {
    std::cerr << index.status().message() << "\n";
    return 1;
  }
  Indexer indexer(**store, **index);
  std::printf("(load average at the start: %s)\n", LoadAverage().c_str());
  const double cpu0 = CpuSeconds();
  const auto t0 = Clock::now();
  auto n = indexer.Rebuild(static_cast<size_t>(threads));
  const double wall = Seconds(t0);
  if (!n.ok()) {
    std::cerr << "rebuild: " << n.status().message() << "\n";
    return 1;
  }
  std::printf("(load average at the end: %s)\n", LoadAverage().c_str());
  std::printf("| reindex | N | threads | wall s | docs/s | CPU s | peak RSS MiB | index MiB |\n");
  std::printf("|---------|---|---------|--------|--------|-------|--------------|-----------|\n");
  std::printf("| Indexer::Rebuild from SQLite | %lld | %d | %.1f | %.0f | %.1f | %.0f | %.0f |\n",
              static_cast<long long>(*n), threads, wall, *n / wall, CpuSeconds() - cpu0,
              StatusMiB("VmHWM"), DirMiB(o.dir + "/index"));
  return *n == static_cast<int64_t>(o.n) ? 0 : 1;
}

// Evenly spaced document numbers, shuffled by a fixed stride.
std::vector<uint64_t> SampleIds(uint64_t n, size_t k, uint64_t offset) {
  std::vector<uint64_t> out;
  for (size_t j = 0; j < k; ++j) out.push_back((offset + j * 7919 * 104729ULL) % n);
  return out;
}

struct Timed {
  std::vector<double> ms;
  std::vector<double> cpu_ms;  // CPU time of the calling thread: robust on a shared machine
  double wall_s = 0;
};

double ThreadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

// Runs f(j) for j in [0, count) on `threads` threads, timing each call.
template <typename F>
Timed RunTimed(size_t count, int threads, F f) {
  Timed t;
  t.ms.resize(count);
  t.cpu_ms.resize(count);
  std::atomic<size_t> next{0};
  const auto t0 = Clock::now();
  std::vector<std::thread> pool;
  for (int k = 0; k < threads; ++k) {
    pool.emplace_back([&] {
      for (size_t j; (j = next.fetch_add(1)) < count;) {
        const auto s = Clock::now();
        const double c = ThreadCpuMs();
        f(j);
        t.ms[j] = Millis(s);
        t.cpu_ms[j] = ThreadCpuMs() - c;
      }
    });
  }
  for (auto& th : pool) th.join();
  t.wall_s = Seconds(t0);
  return t;
}

int Query(const Generator& g, const Options& o) {
  const int threads = o.threads > 0 ? o.threads : 1;
  std::unique_ptr<search::Translator> translator;
  const std::string cedict = o.cedict.empty() ? o.data + "/cc-cedict/cedict.tsv" : o.cedict;
  if (auto t = search::Translator::Load(cedict); t.ok()) {
    translator = std::move(*t);
  } else {
    translator = search::Translator::GlossaryOnly();
  }
  auto index = search::SearchIndex::Open(o.dir);
  if (!index.ok()) {
    std::cerr << index.status().message() << "\n";
    return 1;
  }
  const search::Searcher searcher(index->get(), translator.get(), o.query);
  const search::Matcher matcher(index->get(), translator.get(), o.match);

  // Queries: from the titles and keywords of sampled documents, never the field verbatim.
  const std::vector<uint64_t> qdocs = SampleIds(o.n, o.queries + o.warmup, 17);
  std::vector<std::string> queries;
  for (size_t j = 0; j < qdocs.size(); ++j) queries.push_back(g.QueryFor(qdocs[j], j));
  // Demands to match: sampled documents that are demands.
  std::vector<Listing> demands;
  for (uint64_t i : SampleIds(o.n, o.matches * 8 + o.warmup, 31)) {
    if (demands.size() >= o.matches + o.warmup) break;
    Listing l = g.Make(i);
    if (l.kind == ListingKind::kDemand) demands.push_back(std::move(l));
  }

  for (size_t j = 0; j < o.warmup; ++j) {
    search::SearchRequest r;
    r.q = queries[o.queries + j];
    r.member = o.member;
    (void)searcher.Search(r);
  }
  std::atomic<size_t> found_top10{0}, empty{0}, facets{0};
  std::atomic<bool> failed{false};
  std::vector<std::vector<int64_t>> search_ids(o.queries);
  const Timed s = RunTimed(o.queries, threads, [&](size_t j) {
    search::SearchRequest r;
    r.q = queries[j];
    r.limit = 10;
    r.member = o.member;
    auto res = searcher.Search(r);
    if (!res.ok()) {
      failed = true;
      return;
    }
    if (res->hits.empty()) ++empty;
    if (!res->facets.discipline.empty()) ++facets;
    for (const auto& h : res->hits) {
      if (h.id == static_cast<int64_t>(qdocs[j] + 1)) ++found_top10;
      search_ids[j].push_back(h.id);
    }
  });
  for (size_t j = 0; j < std::min(o.warmup, demands.size()); ++j) {
    search::MatchRequest r;
    r.member = o.member;
    (void)matcher.Match(demands[demands.size() - 1 - j], r);
  }
  const size_t nm = std::min(o.matches, demands.size());
  std::atomic<size_t> match_hits{0};
  std::vector<std::vector<int64_t>> match_ids(nm);
  const Timed m = RunTimed(nm, threads, [&](size_t j) {
    search::MatchRequest r;
    r.target = ListingKind::kAchievement;
    r.limit = 10;
    r.now = demands[j].published_at;
    r.member = o.member;
    auto res = matcher.Match(demands[j], r);
    if (!res.ok()) {
      failed = true;
      return;
    }
    match_hits += res->hits.size();
    for (const auto& h : res->hits) match_ids[j].push_back(h.id);
  });
  if (failed) {
    std::cerr << "a search or match failed\n";
    return 1;
  }
  if (!o.dump.empty()) {
    std::ofstream out(o.dump);
    auto write = [&out](const char* what, size_t j, const std::vector<int64_t>& ids) {
      out << what << ' ' << j;
      for (int64_t id : ids) out << ' ' << id;
      out << '\n';
    };
    for (size_t j = 0; j < search_ids.size(); ++j) write("search", j, search_ids[j]);
    for (size_t j = 0; j < match_ids.size(); ++j) write("match", j, match_ids[j]);
  }
  auto mean = [](const std::vector<double>& v) {
    double t = 0;
    for (double x : v) t += x;
    return v.empty() ? 0 : t / v.size();
  };
  std::printf(
      "| N | threads | what | n | p50 ms | p90 ms | p99 ms | max ms | mean ms | per s | CPU p50 ms "
      "| CPU p99 ms | notes |\n");
  std::printf(
      "|---|---------|------|---|--------|--------|--------|--------|---------|-------|------------"
      "|------------|-------|\n");
  std::printf(
      "| %llu | %d | search, page of 10 + facets | %zu | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | "
      "%.1f | %.1f | source doc in top 10: %.1f%%, no hits: %zu, with facets: %zu |\n",
      static_cast<unsigned long long>(o.n), threads, o.queries, Percentile(s.ms, 50),
      Percentile(s.ms, 90), Percentile(s.ms, 99), Percentile(s.ms, 100), mean(s.ms),
      o.queries / s.wall_s, Percentile(s.cpu_ms, 50), Percentile(s.cpu_ms, 99),
      100.0 * found_top10 / o.queries, empty.load(), facets.load());
  std::printf(
      "| %llu | %d | match demand → achievements | %zu | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | "
      "%.1f | %.1f | %.1f hits each |\n",
      static_cast<unsigned long long>(o.n), threads, nm, Percentile(m.ms, 50), Percentile(m.ms, 90),
      Percentile(m.ms, 99), Percentile(m.ms, 100), mean(m.ms), nm / m.wall_s,
      Percentile(m.cpu_ms, 50), Percentile(m.cpu_ms, 99),
      nm ? static_cast<double>(match_hits) / nm : 0.0);
  std::printf("(peak RSS of this process %.0f MiB, index %.0f MiB; load average at the end %s)\n",
              StatusMiB("VmHWM"), DirMiB(o.dir), LoadAverage().c_str());
  return 0;
}

// Terms and postings of a weighted query, by prefix (W words, B bigrams, U characters,
// Z English stems).
struct Cost {
  std::map<char, size_t> terms;
  std::map<char, double> postings;
};

void Count(const Xapian::Database& db, const search::TermWeights& terms, Cost* c) {
  for (const auto& [term, w] : terms) {
    c->terms[term[0]] += 1;
    c->postings[term[0]] += db.get_termfreq(term);
  }
}

double MsetMs(const Xapian::Database& db, const search::TermWeights& terms, size_t n, bool facets) {
  search::TextQuery q;
  q.terms = terms;
  const double c0 = ThreadCpuMs();
  Xapian::Enquire enquire(db);
  enquire.set_query(q.ToXapian());
  enquire.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.9, 0.5));
  Xapian::ValueCountMatchSpy spy(search::kDisciplineSlot);
  if (facets) enquire.add_matchspy(&spy);
  (void)enquire.get_mset(0, static_cast<Xapian::doccount>(n),
                         static_cast<Xapian::doccount>(facets ? search::kFacetSample : 0));
  return ThreadCpuMs() - c0;
}

// The terms without those of `prefix` found in more than `share` of the documents.
search::TermWeights Without(const Xapian::Database& db, const search::TermWeights& t, char prefix,
                            double share = 0) {
  search::TermWeights out;
  const double limit = share * db.get_doccount();
  for (const auto& [term, w] : t) {
    if (term[0] != prefix || db.get_termfreq(term) <= limit) out.emplace(term, w);
  }
  return out;
}

void PrintCost(const char* what, const Cost& c, size_t n, const std::vector<double>& all,
               const std::vector<double>& no_chars, const std::vector<double>& rare_chars) {
  std::printf("| %s | %zu |", what, n);
  for (char p : {'W', 'B', 'U', 'Z'}) {
    std::printf(" %.0f / %.0f |", n ? c.terms.count(p) ? c.terms.at(p) * 1.0 / n : 0 : 0,
                n && c.postings.count(p) ? c.postings.at(p) / n : 0);
  }
  std::printf(" %.1f / %.1f | %.1f / %.1f | %.1f / %.1f |\n", Percentile(all, 50),
              Percentile(all, 99), Percentile(no_chars, 50), Percentile(no_chars, 99),
              Percentile(rare_chars, 50), Percentile(rare_chars, 99));
}

// What the queries of `query` cost: their terms, the postings Xapian merges, and the CPU time
// of the retrieval alone with and without the character (U) terms. The matcher's candidate
// query is rebuilt here as src/search/matcher.cc builds it.
int Explain(const Generator& g, const Options& o) {
  auto translator = search::Translator::Load(o.data + "/cc-cedict/cedict.tsv");
  if (!translator.ok()) return 1;
  auto index = search::SearchIndex::Open(o.dir);
  if (!index.ok()) return 1;
  auto reader = (*index)->AcquireReader();
  if (!reader.ok()) return 1;
  const Xapian::Database& db = **reader;
  std::printf(
      "| query | n | W terms / postings | B terms / postings | U terms / postings | Z terms / "
      "postings | retrieval CPU p50 / p99 ms | without U terms p50 / p99 ms | U terms only if in "
      "≤1%% of documents |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|\n");
  {
    Cost c;
    std::vector<double> all, no_chars, rare_chars;
    const std::vector<uint64_t> ids = SampleIds(o.n, o.queries, 17);
    for (size_t j = 0; j < ids.size(); ++j) {
      const search::TextQuery q =
          search::BuildTextQuery(g.QueryFor(ids[j], j), db, translator->get(), o.query);
      Count(db, q.terms, &c);
      all.push_back(MsetMs(db, q.terms, 10, true));
      no_chars.push_back(MsetMs(db, Without(db, q.terms, 'U'), 10, true));
      rare_chars.push_back(MsetMs(db, Without(db, q.terms, 'U', 0.01), 10, true));
    }
    PrintCost("search (page of 10, facets over 1000)", c, ids.size(), all, no_chars, rare_chars);
  }
  Cost c;
  std::vector<double> all, no_chars, rare_chars;
  size_t n = 0;
  for (uint64_t i : SampleIds(o.n, o.matches * 8, 31)) {
    if (n >= o.matches) break;
    const Listing source = g.Make(i);
    if (source.kind != ListingKind::kDemand) continue;
    ++n;
    const search::ListingTerms analysed = search::AnalyzeListing(source);
    text::Terms head = analysed.title;
    const uint32_t base = head.positions.empty() ? 0 : head.positions.back() + 2;
    head.words.insert(head.words.end(), analysed.keywords.words.begin(),
                      analysed.keywords.words.end());
    for (uint32_t p : analysed.keywords.positions) head.positions.push_back(base + p);
    head.bigrams.insert(head.bigrams.end(), analysed.keywords.bigrams.begin(),
                        analysed.keywords.bigrams.end());
    auto stats = (*index)->StatsFor({&head, &analysed.body});
    if (!stats.ok()) return 1;
    const auto key_terms = text::KeyTerms(head, analysed.body, *stats, o.match.key_terms);
    if (key_terms.empty()) continue;
    search::TermWeights terms;
    text::Terms key_words;
    const double top = std::max(key_terms.front().weight, 1e-9);
    for (const auto& t : key_terms) {
      if (key_words.words.size() >= o.match.candidate_terms) break;
      search::AddTextTerms(text::Analyze(t.term), t.weight / top, o.match.query, &terms);
      key_words.words.push_back(t.term);
      key_words.positions.push_back(static_cast<uint32_t>(key_words.positions.size() * 3));
    }
    search::TermWeights translated;
    for (const auto& tr : (*translator)->Translate(key_words, 2)) {
      for (const std::string& target : tr.targets) {
        search::AddTextTerms(text::Analyze(target),
                             o.match.query.translation_weight / tr.targets.size(), o.match.query,
                             &translated);
      }
    }
    for (const auto& [term, w] : search::Heaviest(translated, o.match.query.max_translated_terms)) {
      terms[term] += w;
    }
    search::DropFrequentTerms(db, o.match.query, &terms);
    Count(db, terms, &c);
    all.push_back(MsetMs(db, terms, o.match.candidates + 1, false));
    no_chars.push_back(MsetMs(db, Without(db, terms, 'U'), o.match.candidates + 1, false));
    rare_chars.push_back(MsetMs(db, Without(db, terms, 'U', 0.01), o.match.candidates + 1, false));
  }
  PrintCost("match candidates (top 101)", c, n, all, no_chars, rare_chars);
  return 0;
}

// The index's terms by prefix: distinct terms and postings (the sum of their document
// frequencies), and the mean number of distinct terms per document.
int Terms(const Options& o) {
  auto index = search::SearchIndex::Open(o.dir);
  if (!index.ok()) return 1;
  auto reader = (*index)->AcquireReader();
  if (!reader.ok()) return 1;
  const Xapian::Database& db = **reader;
  std::map<std::string, std::pair<double, double>> by;  // prefix → (terms, postings)
  for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
    const std::string t = *it;
    size_t p = 0;
    while (p < t.size() && t[p] >= 'A' && t[p] <= 'Z') ++p;
    auto& e = by[t.substr(0, p)];
    e.first += 1;
    e.second += it.get_termfreq();
  }
  const double docs = db.get_doccount();
  std::printf(
      "| prefix | distinct terms | postings | postings per document |\n|---|---|---|---|\n");
  for (const auto& [prefix, e] : by) {
    std::printf("| %s | %.0f | %.0f | %.1f |\n", prefix.c_str(), e.first, e.second,
                e.second / docs);
  }
  return 0;
}

int Main(int argc, char** argv) {
  Options o;
  if (!Parse(argc, argv, &o)) {
    std::cerr
        << "usage: scale build|query|explain|terms|reindex|sample --dir DIR --n N [options]\n";
    return 2;
  }
  auto g = Generator::Load(o.data);
  if (!g.ok()) {
    std::cerr << g.status().message() << "\n";
    return 1;
  }
  std::fprintf(stderr, "generator: %zu abstracts, %zu sentences\n", g->seed_documents(),
               g->sentences());
  if (o.cmd == "sample") return Sample(*g, o);
  if (o.cmd == "build") return Build(*g, o);
  if (o.cmd == "query") return Query(*g, o);
  if (o.cmd == "explain") return Explain(*g, o);
  if (o.cmd == "terms") return Terms(o);
  if (o.cmd == "reindex") return Reindex(*g, o);
  std::cerr << "unknown command " << o.cmd << "\n";
  return 2;
}

}  // namespace
}  // namespace kc::scale

int main(int argc, char** argv) { return kc::scale::Main(argc, argv); }
