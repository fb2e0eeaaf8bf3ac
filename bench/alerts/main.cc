// Alerts apart from indexing (bench/alerts/README.md): how fast an import becomes searchable
// when indexing does nothing else, and how long announcing it to many saved searches takes,
// batch by batch (Alerts::CatchUp) against one listing at a time as a baseline.
//
//   alerts_bench --data ../shared/data [--searches 10000] [--baseline 10] [--cedict FILE]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/utf8.h"
#include "eval/corpus.h"
#include "search/index.h"
#include "search/matcher.h"
#include "search/percolate.h"
#include "search/translate.h"
#include "service/accounts.h"
#include "service/actor.h"
#include "service/alerts.h"
#include "service/crypto.h"
#include "service/importer.h"
#include "service/indexer.h"
#include "service/subscriptions.h"
#include "store/sqlite/sqlite_store.h"

namespace kc {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// CPU seconds this process has used (user and system): on a shared machine a steadier measure
// than wall time.
double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto s = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
  return s(u.ru_utime) + s(u.ru_stime);
}

struct Options {
  std::string data = "../shared/data";
  std::string cedict;
  size_t searches = 10000;
  size_t baseline = 10;  // listings announced one at a time, for the baseline
};

int Fail(const Status& s) {
  std::fprintf(stderr, "alerts_bench: %s\n", s.message().c_str());
  return 1;
}

int Run(const Options& o) {
  if (Status s = InitCrypto(); !s.ok()) return Fail(s);
  auto data = eval::LoadCsl(o.data);
  if (!data.ok()) return Fail(data.status());
  const std::string dir = std::filesystem::temp_directory_path() /
                          ("kc-alerts-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  struct Cleanup {
    std::string dir;
    ~Cleanup() { std::filesystem::remove_all(dir); }
  } cleanup{dir};

  auto store = OpenSqliteStore(dir + "/kc.db");
  if (!store.ok()) return Fail(store.status());
  SystemClock clock;
  Accounts accounts(**store, clock);
  if (auto a = accounts.EnsureAdmin(std::string("correct-horse-battery-7")); !a.ok()) {
    return Fail(a.status());
  }
  Result<User> admin = User{};
  if (Status s = (*store)->Read([&](StoreTx& tx) -> Status {
        admin = tx.FindUserByName("admin");
        return admin.status();
      });
      !s.ok()) {
    return Fail(s);
  }

  // The import an operator would upload: one achievement per abstract.
  std::string jsonl;
  for (const eval::Doc& d : data->docs) {
    nlohmann::json j = {{"ref", d.id}, {"title", Utf8Prefix(d.title, 200)}, {"abstract", d.body}};
    if (!d.category.empty()) j["category"] = d.category;
    if (!d.discipline.empty()) j["discipline"] = d.discipline;
    jsonl += j.dump() + "\n";
  }
  auto t0 = Clock::now();
  Importer importer(**store, clock);
  auto report =
      importer.Import(Actor::Of(*admin), ListingKind::kAchievement, jsonl, ImportFormat::kJsonl);
  if (!report.ok()) return Fail(report.status());
  const double import_s = SecondsSince(t0);

  // Import to searchable: the indexer alone, its hook only a signal (as in the server).
  auto index = search::SearchIndex::Open(dir + "/index");
  if (!index.ok()) return Fail(index.status());
  Indexer indexer(**store, **index);
  size_t signalled = 0;
  indexer.OnPublished([&](const Listing&) { ++signalled; });
  t0 = Clock::now();
  double cpu0 = CpuSeconds();
  auto indexed = indexer.CatchUp();
  if (!indexed.ok()) return Fail(indexed.status());
  const double index_s = SecondsSince(t0);
  const double index_cpu = CpuSeconds() - cpu0;
  std::printf("import: %d listings in %.1f s (%.0f rows/s)\n", report->created, import_s,
              report->created / import_s);
  std::printf(
      "import to searchable: %lld changes indexed in %.1f s (%.0f listings/s; %.1f CPU s, "
      "%.0f listings per CPU s)\n",
      static_cast<long long>(*indexed), index_s, signalled / index_s, index_cpu,
      signalled / index_cpu);

  std::unique_ptr<search::Translator> translator;
  if (!o.cedict.empty()) {
    auto t = search::Translator::Load(o.cedict);
    if (!t.ok()) return Fail(t.status());
    translator = std::move(*t);
  } else {
    translator = search::Translator::GlossaryOnly();
  }
  search::Matcher matcher(index->get(), translator.get());
  Subscriptions subs(**store, clock, **index, translator.get(), matcher);

  // Saved searches: the data set's keyword and title queries, in turn.
  std::vector<std::string> queries;
  for (const auto& [name, set] : data->query_sets) {
    for (const eval::Query& q : set) queries.push_back(q.text);
  }
  if (Status s = (*store)->Write([&](StoreTx& tx) -> Status {
        for (size_t i = 0; i < o.searches; ++i) {
          Subscription sub;
          sub.user_id = admin->id;
          sub.kind = "search";
          sub.query = nlohmann::json({{"q", queries[i % queries.size()]}}).dump();
          sub.created_at = clock.Now();
          auto id = tx.InsertSubscription(sub);
          if (!id.ok()) return id.status();
        }
        return tx.SetMeta(Alerts::kCursorKey, "0");
      });
      !s.ok()) {
    return Fail(s);
  }

  // Baseline: the first listings announced one at a time (a batch of one), as when every
  // published listing was announced on its own.
  std::vector<int64_t> ids;
  if (Status s = (*store)->Read([&](StoreTx& tx) -> Status {
        auto changes = tx.ChangesAfter(0, static_cast<int64_t>(o.baseline) + 10);
        if (!changes.ok()) return changes.status();
        for (const Change& c : *changes) {
          if (c.entity == "listing" && ids.size() < o.baseline) ids.push_back(c.entity_id);
        }
        return Status::Ok();
      });
      !s.ok()) {
    return Fail(s);
  }
  t0 = Clock::now();
  cpu0 = CpuSeconds();
  for (int64_t id : ids) {
    auto n = subs.Announce({id});
    if (!n.ok()) return Fail(n.status());
  }
  const double one_s = ids.empty() ? 0 : SecondsSince(t0) / static_cast<double>(ids.size());
  const double one_cpu = ids.empty() ? 0 : (CpuSeconds() - cpu0) / static_cast<double>(ids.size());

  // Alerts in batches over the whole import.
  Alerts alerts(**store, **index, subs);
  t0 = Clock::now();
  cpu0 = CpuSeconds();
  auto created = alerts.CatchUp();
  if (!created.ok()) return Fail(created.status());
  const double alerts_s = SecondsSince(t0);
  const double alerts_cpu = CpuSeconds() - cpu0;
  const double n = static_cast<double>(signalled);
  std::printf("saved searches: %zu; new listings: %zu; batch of %lld changes\n", o.searches,
              signalled, static_cast<long long>(Alerts::kBatch));
  std::printf("alerts in batches: %.1f s, %.1f CPU s (%.2f CPU ms per listing), %lld notifications\n",
              alerts_s, alerts_cpu, 1000 * alerts_cpu / n, static_cast<long long>(*created));
  std::printf("baseline, one listing at a time: %.1f ms, %.1f CPU ms per listing (%zu listings), "
              "projected %.0f CPU s for all\n",
              1000 * one_s, 1000 * one_cpu, ids.size(), one_cpu * n);
  if (alerts_cpu > 0 && one_cpu > 0) {
    std::printf("ratio baseline / batches (CPU): %.1f\n", one_cpu * n / alerts_cpu);
  }
  return 0;
}

}  // namespace
}  // namespace kc

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  kc::Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const char* value = argv[i + 1];
    if (flag == "--data") {
      o.data = value;
    } else if (flag == "--cedict") {
      o.cedict = value;
    } else if (flag == "--searches") {
      o.searches = std::strtoul(value, nullptr, 10);
    } else if (flag == "--baseline") {
      o.baseline = std::strtoul(value, nullptr, 10);
    } else {
      std::fprintf(stderr, "alerts_bench: unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  return kc::Run(o);
}
