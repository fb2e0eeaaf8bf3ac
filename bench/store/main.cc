// store_bench: the cost of a point read and of a list page through the store code from before
// the SQL layer, SOCI, the SQL layer of src/store/sql, and the store as it runs now (SqlStore),
// on the same data in the same run (README.md).
//
//   store_bench [--sqlite FILE] [--postgres URL] [--listings N] [--rounds N] [--point-ops N]
//               [--list-ops N]
//
// Each database is filled with N listings when it holds none. Then, in each round, every
// variant runs the point reads and then the list pages, in an order that rotates from round
// to round; a round's figure is its mean time per operation. The table gives, per variant, the
// median of the rounds (after one warm-up round that is not counted), the fastest and slowest
// round, and the median's ratio to the code from before the layer.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/postgres/postgres_store.h"
#include "store/sqlite/sqlite_store.h"
#include "variant.h"

namespace kc::bench {
namespace {

struct Options {
  std::string sqlite, postgres;
  int listings = 5000;
  int rounds = 7;
  int point_ops = 2000;
  int list_ops = 500;
};

// Fills the database with `n` listings of both kinds and every status when it holds none.
void Seed(const Target& t, int n) {
  auto opened = t.postgres ? OpenPostgresStore(t.db, 1) : OpenSqliteStore(t.db, 1);
  if (!opened.ok()) throw std::runtime_error(opened.status().message());
  Store& store = **opened;
  int64_t existing = 0;
  Status s = store.Read([&](StoreTx& tx) -> Status {
    ListingQuery q;
    q.limit = 1;
    auto page = tx.ListListings(q);
    if (!page.ok()) return page.status();
    existing = page->total;
    return Status::Ok();
  });
  if (!s.ok()) throw std::runtime_error(s.message());
  if (existing > 0) return;
  std::mt19937 rng(7);
  s = store.Write([&](StoreTx& tx) -> Status {
    Org org;
    org.name = "基准测试机构";
    org.type = OrgType::kEnterprise;
    auto org_id = tx.InsertOrg(org);
    if (!org_id.ok()) return org_id.status();
    User user;
    user.username = "bench";
    user.org_id = *org_id;
    auto user_id = tx.InsertUser(user);
    if (!user_id.ok()) return user_id.status();
    const ListingStatus statuses[] = {ListingStatus::kPublished, ListingStatus::kPublished,
                                      ListingStatus::kPublished, ListingStatus::kPending,
                                      ListingStatus::kDraft,     ListingStatus::kClosed};
    for (int i = 0; i < n; ++i) {
      Listing l;
      l.kind = i % 3 == 2 ? ListingKind::kAchievement : ListingKind::kDemand;
      l.org_id = *org_id;
      l.owner_id = *user_id;
      l.title = "高效低成本的工业废水处理技术需求 " + std::to_string(i);
      l.body.clear();
      for (int k = 0; k < 12 + static_cast<int>(rng() % 12); ++k) {
        l.body += "本项目面向化工园区的高盐有机废水，需要一种能耗低、可连续运行的处理工艺。";
      }
      l.keywords = {"废水处理", "膜分离", "高级氧化"};
      l.category = "environment";
      l.region = "440300";
      l.status = statuses[rng() % 6];
      l.contact = Contact{"联系人", "13800000000", "bench@example.com"};
      l.created_at = l.updated_at = 1700000000 + i;
      l.published_at = l.status == ListingStatus::kPublished ? l.created_at : 0;
      l.budget.min_cny = 100000;
      l.budget.max_cny = 500000 + i;
      l.deadline = "2030-12-31";
      l.cooperation_modes = {"transfer", "license"};
      auto id = tx.InsertListing(l);
      if (!id.ok()) return id.status();
    }
    return Status::Ok();
  });
  if (!s.ok()) throw std::runtime_error(s.message());
}

struct Named {
  std::string name;
  std::unique_ptr<Variant> variant;
};

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Microseconds per call of `op` over `ops` calls; the checksum of the last call in `*check`.
double TimeOps(int ops, const std::function<int64_t(int)>& op, int64_t* check) {
  const auto start = std::chrono::steady_clock::now();
  int64_t last = 0;
  for (int i = 0; i < ops; ++i) last = op(i);
  const auto end = std::chrono::steady_clock::now();
  *check = last;
  return std::chrono::duration<double, std::micro>(end - start).count() / ops;
}

void Bench(const std::string& backend, const Target& t, const Options& o) {
  Seed(t, o.listings);
  std::vector<Named> variants;
  variants.push_back({"direct (before)", DirectVariant(t)});
  variants.push_back({"SOCI 4.0.3", SociVariant(t)});
  variants.push_back({"sql layer", LayerVariant(t)});
  variants.push_back({"SqlStore (now)", StoreVariant(t)});
  // The same pseudo-random ids for every variant.
  std::vector<int64_t> ids(o.point_ops);
  std::mt19937 rng(42);
  for (auto& id : ids) id = 1 + static_cast<int64_t>(rng() % o.listings);

  // times[op][variant] = one figure per counted round.
  std::map<std::string, std::vector<std::vector<double>>> times;
  times["point read"].resize(variants.size());
  times["list page"].resize(variants.size());
  for (int round = 0; round <= o.rounds; ++round) {
    std::vector<int64_t> point_check(variants.size()), list_check(variants.size());
    for (size_t k = 0; k < variants.size(); ++k) {
      const size_t v = (k + round) % variants.size();  // rotate who goes first
      Variant& var = *variants[v].variant;
      double point = TimeOps(
          o.point_ops, [&](int i) { return var.PointRead(ids[i]); }, &point_check[v]);
      double list = TimeOps(
          o.list_ops, [&](int) { return var.ListPage(); }, &list_check[v]);
      if (round == 0) continue;  // warm-up
      times["point read"][v].push_back(point);
      times["list page"][v].push_back(list);
    }
    for (size_t v = 1; v < variants.size(); ++v) {
      if (point_check[v] != point_check[0] || list_check[v] != list_check[0]) {
        throw std::runtime_error(variants[v].name + " read something else than " +
                                 variants[0].name);
      }
    }
  }
  for (const char* op : {"point read", "list page"}) {
    const double base = Median(times[op][0]);
    for (size_t v = 0; v < variants.size(); ++v) {
      const auto& r = times[op][v];
      std::printf("| %-8s | %-10s | %-15s | %9.1f | %9.1f | %9.1f | %5.3f |\n", backend.c_str(), op,
                  variants[v].name.c_str(), Median(r), *std::min_element(r.begin(), r.end()),
                  *std::max_element(r.begin(), r.end()), Median(r) / base);
    }
  }
  std::fflush(stdout);
}

Options Parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--sqlite") {
      o.sqlite = v;
    } else if (a == "--postgres") {
      o.postgres = v;
    } else if (a == "--listings") {
      o.listings = std::stoi(v);
    } else if (a == "--rounds") {
      o.rounds = std::stoi(v);
    } else if (a == "--point-ops") {
      o.point_ops = std::stoi(v);
    } else if (a == "--list-ops") {
      o.list_ops = std::stoi(v);
    } else {
      throw std::runtime_error("unknown option " + a);
    }
  }
  return o;
}

}  // namespace
}  // namespace kc::bench

int main(int argc, char** argv) {
  using namespace kc::bench;
  try {
    Options o = Parse(argc, argv);
    std::printf(
        "%d listings; %d rounds (+1 warm-up) of %d point reads and %d list pages per "
        "variant; µs per operation\n\n",
        o.listings, o.rounds, o.point_ops, o.list_ops);
    std::printf(
        "| backend  | read       | variant         |    median |   fastest |   slowest | "
        "ratio |\n|---|---|---|---:|---:|---:|---:|\n");
    if (!o.sqlite.empty()) Bench("sqlite", Target{false, o.sqlite}, o);
    if (!o.postgres.empty()) Bench("postgres", Target{true, o.postgres}, o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "store_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
