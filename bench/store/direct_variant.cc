// The store code before the SQL layer, kept as the benchmark's baseline (docs/store.md): the two
// reads as SqliteStore/SqliteTx and PostgresStore/PostgresTx ran them until the stores were
// written once over src/store/sql, copied from them (commit 7d7459d) with what the reads need:
// the transaction around each read (a pooled reader connection with BEGIN … COMMIT; a pooled
// PostgreSQL connection with a REPEATABLE READ, READ ONLY transaction), GetListing, and
// ListListings with its WHERE builder, each into the same records as the store. SQLite binds by
// index on sqlite::Connection's cached statements and counts and lists in two statements;
// PostgreSQL builds `$n` parameters with Params and sends each statement with exec_params,
// parsed and planned on every call.
#include <condition_variable>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>
#include <stdexcept>

#include "listing_sql.h"
#include "store/postgres/error.h"
#include "store/postgres/pool.h"
#include "store/records.h"
#include "store/sql/dialect.h"
#include "store/sqlite/connection.h"
#include "variant.h"

namespace kc::bench {

namespace {

void Check(const Status& s) {
  if (!s.ok()) throw std::runtime_error(s.message());
}

ListingQuery ListPageQuery() {
  ListingQuery q;
  q.kind = ListingKind::kDemand;
  q.statuses = {ListingStatus::kPublished};
  q.limit = 20;
  q.summary_only = true;
  return q;
}

int64_t PointSum(const Listing& l) {
  return Checksum(l.id, l.title, l.body, l.updated_at) + l.budget.max_cny.value_or(0) % 7;
}

int64_t PageSum(const Page<Listing>& page) {
  int64_t sum = page.total;
  for (const auto& l : page.items) sum += Checksum(l.id, l.title, l.body, l.updated_at);
  return sum;
}

namespace old_sqlite {

using sqlite::Connection;
using sqlite::Stmt;

// Escapes % and _ for a LIKE pattern with ESCAPE '\'.
std::string LikeContains(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  out += '%';
  return out;
}

// A LIKE pattern matching values that start with `prefix` taken literally.
std::string LikePrefix(std::string_view prefix) {
  std::string out;
  for (char c : prefix) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  out += '%';
  return out;
}

// A dynamic WHERE clause with its bound values, for list calls.
struct Where {
  std::string sql;
  std::vector<std::string> texts;
  std::vector<int64_t> ints;
  std::vector<bool> is_int;  // order of placeholders

  void Add(const std::string& clause) { sql += (sql.empty() ? " WHERE " : " AND ") + clause; }
  void AddText(const std::string& clause, std::string v) {
    Add(clause);
    texts.push_back(std::move(v));
    is_int.push_back(false);
  }
  void AddInt(const std::string& clause, int64_t v) {
    Add(clause);
    ints.push_back(v);
    is_int.push_back(true);
  }
  // Binds the values from index 1; returns the next free index.
  int BindTo(Stmt& s) const {
    size_t ti = 0, ii = 0;
    int i = 1;
    for (bool b : is_int) {
      if (b) {
        s.Bind(i++, ints[ii++]);
      } else {
        s.Bind(i++, texts[ti++]);
      }
    }
    return i;
  }
};

class Tx {
 public:
  explicit Tx(Connection& conn) : c_(conn) {}

  Result<std::unique_ptr<Stmt>> P(std::string_view sql) { return c_.Prepare(sql); }

  Result<Listing> GetListing(int64_t id) {
    auto s = P(std::string("SELECT ") + kListingCols + " FROM listings WHERE id = ?");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, id);
    if ((*s)->Step()) return ListingFromColumns(**s, 0);
    KC_RETURN_IF_ERROR((*s)->status());
    return NotFound("listing");
  }

  Result<Page<Listing>> ListListings(const ListingQuery& q) {
    Where w;
    if (q.kind) w.AddText("kind = ?", std::string(KindName(*q.kind)));
    if (q.statuses.size() == 1) {
      // An equality (not IN) lets the (kind, status) index give rows in id order, so a page
      // sorted by id stops after its rows instead of sorting every match.
      w.AddText("status = ?", std::string(StatusName(q.statuses[0])));
    } else if (!q.statuses.empty()) {
      std::vector<std::string> names;
      for (auto st : q.statuses) names.emplace_back(StatusName(st));
      w.AddText("status IN (SELECT value FROM json_each(?))", nlohmann::json(names).dump());
    }
    if (q.org_id) w.AddInt("org_id = ?", *q.org_id);
    if (!q.category.empty()) w.AddText("category = ?", q.category);
    if (!q.discipline.empty()) w.AddText("discipline = ?", q.discipline);
    if (!q.region_prefix.empty())
      w.AddText("region LIKE ? ESCAPE '\\'", LikePrefix(q.region_prefix));
    if (!q.text.empty()) {
      w.AddText("(title LIKE ? ESCAPE '\\'", LikeContains(q.text));
      w.sql += " OR keywords LIKE ? ESCAPE '\\')";
      w.texts.push_back(LikeContains(q.text));
      w.is_int.push_back(false);
    }
    if (q.id_from) w.AddInt("id >= ?", *q.id_from);
    if (q.id_to) w.AddInt("id < ?", *q.id_to);
    Page<Listing> page;
    const bool by_kind_and_status_only =
        q.kind && q.statuses.size() == 1 && !q.org_id && q.category.empty() &&
        q.discipline.empty() && q.region_prefix.empty() && q.text.empty() && !q.id_from && !q.id_to;
    if (!q.count_total) {
      page.total = -1;
    } else if (by_kind_and_status_only) {
      // The trigger-maintained counts answer the common public list without a scan.
      auto c = P("SELECT COALESCE(SUM(n), 0) FROM listing_counts WHERE kind = ? AND status = ?");
      if (!c.ok()) return c.status();
      (*c)->Bind(1, KindName(*q.kind)).Bind(2, StatusName(q.statuses[0]));
      page.total = (*c)->Step() ? (*c)->Int(0) : 0;
      KC_RETURN_IF_ERROR((*c)->status());
    } else {
      KC_RETURN_IF_ERROR(Count("listings", w, &page.total));
    }
    const char* order = " ORDER BY id DESC";
    switch (q.sort) {
      case ListingSort::kNewest:
        order = " ORDER BY id DESC";
        break;
      case ListingSort::kOldest:
        order = " ORDER BY id ASC";
        break;
      case ListingSort::kUpdated:
        order = " ORDER BY updated_at DESC, id DESC";
        break;
      case ListingSort::kTitle:
        order = " ORDER BY title ASC, id ASC";
        break;
    }
    // An id range is read through the primary key: left to itself, SQLite reads every row of
    // the status through listings_expiry and sorts them, on every page of a walk.
    const char* from = q.id_from || q.id_to ? " FROM listings NOT INDEXED" : " FROM listings";
    auto s = P("SELECT " + (q.summary_only ? kListingSummaryCols : std::string(kListingCols)) +
               from + w.sql + order + " LIMIT ? OFFSET ?");
    if (!s.ok()) return s.status();
    int i = w.BindTo(**s);
    (*s)->Bind(i, q.limit).Bind(i + 1, q.offset);
    while ((*s)->Step()) page.items.push_back(ListingFromColumns(**s, 0));
    KC_RETURN_IF_ERROR((*s)->status());
    return page;
  }

 private:
  Status Count(const std::string& table, const Where& w, int64_t* out) {
    auto s = P("SELECT COUNT(*) FROM " + table + w.sql);
    if (!s.ok()) return s.status();
    w.BindTo(**s);
    *out = (*s)->Step() ? (*s)->Int(0) : 0;
    return (*s)->status();
  }

  Connection& c_;
};

// SqliteStore's reads, on a pool of one reader connection.
class Store {
 public:
  explicit Store(std::unique_ptr<Connection> reader) { readers_.push_back(std::move(reader)); }

  Status Read(const std::function<Status(Tx&)>& fn) {
    std::unique_ptr<Connection> conn = TakeReader();
    // Prepared once per connection (every API read passes here), not parsed on each call.
    auto run = [&conn](std::string_view sql) -> Status {
      auto st = conn->Prepare(sql);
      return st.ok() ? (*st)->Run() : st.status();
    };
    Status s = run("BEGIN");
    if (s.ok()) {
      Tx tx(*conn);
      s = fn(tx);
      Status end = run("COMMIT");
      if (s.ok()) s = end;
    }
    ReturnReader(std::move(conn));
    return s;
  }

 private:
  std::unique_ptr<Connection> TakeReader() {
    std::unique_lock<std::mutex> lock(read_mu_);
    read_cv_.wait(lock, [&] { return !readers_.empty(); });
    auto conn = std::move(readers_.back());
    readers_.pop_back();
    return conn;
  }
  void ReturnReader(std::unique_ptr<Connection> conn) {
    {
      std::lock_guard<std::mutex> lock(read_mu_);
      readers_.push_back(std::move(conn));
    }
    read_cv_.notify_one();
  }

  std::mutex read_mu_;
  std::condition_variable read_cv_;
  std::vector<std::unique_ptr<Connection>> readers_;
};

}  // namespace old_sqlite

class SqliteDirect : public Variant {
 public:
  explicit SqliteDirect(const std::string& path) {
    auto c = sqlite::Connection::Open(path);
    Check(c.status());
    store_ = std::make_unique<old_sqlite::Store>(std::move(*c));
  }

  int64_t PointRead(int64_t id) override {
    int64_t sum = 0;
    Check(store_->Read([&](old_sqlite::Tx& tx) -> Status {
      auto l = tx.GetListing(id);
      if (!l.ok()) return l.status();
      sum = PointSum(*l);
      return Status::Ok();
    }));
    return sum;
  }

  int64_t ListPage() override {
    int64_t sum = 0;
    Check(store_->Read([&](old_sqlite::Tx& tx) -> Status {
      auto page = tx.ListListings(ListPageQuery());
      if (!page.ok()) return page.status();
      sum = PageSum(*page);
      return Status::Ok();
    }));
    return sum;
  }

 private:
  std::unique_ptr<old_sqlite::Store> store_;
};

// A libpqxx row read as the PostgreSQL store read it (NULL as 0, nullopt or "").
struct PqRow {
  const pqxx::row& r;
  int64_t Int(int c) const { return r[c].is_null() ? 0 : r[c].as<int64_t>(); }
  std::optional<int64_t> OptInt(int c) const {
    return r[c].is_null() ? std::nullopt : std::optional<int64_t>(r[c].as<int64_t>());
  }
  std::string Text(int c) const {
    return r[c].is_null() ? std::string() : std::string(r[c].c_str(), r[c].size());
  }
};

namespace old_pg {

// The parameters of one statement. Each Ref call adds a value and returns its placeholder
// ("$3"), so SQL is written as "WHERE id = " + p.Ref(id) and numbering cannot drift.
// Values travel as text and PostgreSQL infers their types from the statement.
class Params {
 public:
  std::string Ref(int64_t v) { return Add(std::to_string(v)); }
  std::string Ref(std::string_view v) { return Add(std::string(v)); }
  std::string Ref(const std::string& v) { return Add(v); }
  std::string Ref(const char* v) { return Add(std::string(v)); }
  std::string Ref(std::optional<int64_t> v) {
    return v ? Ref(*v) : Add(std::optional<std::string>());
  }
  // A text[] parameter holding `values`.
  std::string RefTexts(const std::vector<std::string>& values);

  // Pointers to the values (nullptr for NULL), valid while this object is unchanged.
  std::vector<const char*> Pointers() const;

 private:
  std::string Add(std::optional<std::string> v);
  std::vector<std::optional<std::string>> values_;
};

// A dynamic WHERE clause built beside its Params.
class Where {
 public:
  explicit Where(Params& p) : p_(p) {}
  // Adds `clause` joined with AND; `clause` may contain placeholders from params().
  void Add(const std::string& clause) { sql_ += (sql_.empty() ? " WHERE " : " AND ") + clause; }
  Params& params() { return p_; }
  const std::string& sql() const { return sql_; }

 private:
  Params& p_;
  std::string sql_;
};

inline std::string Params::Add(std::optional<std::string> v) {
  values_.push_back(std::move(v));
  return "$" + std::to_string(values_.size());
}

inline std::string Params::RefTexts(const std::vector<std::string>& values) {
  return Add(sql::Dialect::Postgres().TextList(values)) + "::text[]";
}

inline std::vector<const char*> Params::Pointers() const {
  std::vector<const char*> out;
  out.reserve(values_.size());
  for (const auto& v : values_) out.push_back(v ? v->c_str() : nullptr);
  return out;
}

Result<pqxx::result> Run(pqxx::transaction_base& tx, const std::string& sql, const Params& p) {
  try {
    auto ptrs = p.Pointers();
    return tx.exec_params(sql, pqxx::prepare::make_dynamic_params(ptrs));
  } catch (const std::exception& e) {
    return pg::ErrorFrom(e);
  }
}

class Tx {
 public:
  explicit Tx(pqxx::dbtransaction& tx) : tx_(tx) {}

  Result<Listing> GetListing(int64_t id) {
    Params p;
    auto r = Run(
        tx_, std::string("SELECT ") + kListingCols + " FROM listings WHERE id = " + p.Ref(id), p);
    if (!r.ok()) return r.status();
    if (r->empty()) return NotFound("listing");
    return ListingFromColumns(PqRow{(*r)[0]}, 0);
  }

  Result<Page<Listing>> ListListings(const ListingQuery& q) {
    Params p;
    Where w(p);
    if (q.kind) w.Add("kind = " + p.Ref(KindName(*q.kind)));
    if (!q.statuses.empty()) {
      std::vector<std::string> names;
      for (auto st : q.statuses) names.emplace_back(StatusName(st));
      w.Add("status = ANY(" + p.RefTexts(names) + ")");
    }
    if (q.org_id) w.Add("org_id = " + p.Ref(*q.org_id));
    if (!q.category.empty()) w.Add("category = " + p.Ref(q.category));
    if (!q.discipline.empty()) w.Add("discipline = " + p.Ref(q.discipline));
    if (!q.region_prefix.empty())
      w.Add("region LIKE " + p.Ref(sql::LikeEscape(q.region_prefix) + "%"));
    if (!q.text.empty()) {
      std::string pat = p.Ref("%" + sql::LikeEscape(q.text) + "%");
      w.Add("(title LIKE " + pat + " OR keywords LIKE " + pat + ")");
    }
    if (q.id_from) w.Add("id >= " + p.Ref(*q.id_from));
    if (q.id_to) w.Add("id < " + p.Ref(*q.id_to));
    const bool by_kind_and_status_only =
        q.kind && q.statuses.size() == 1 && !q.org_id && q.category.empty() &&
        q.discipline.empty() && q.region_prefix.empty() && q.text.empty() && !q.id_from && !q.id_to;
    // The total and the page in one round trip; the trigger-kept counts answer the common public
    // list without a scan.
    std::string total_sql = !q.count_total ? std::string("-1")
                            : by_kind_and_status_only
                                ? "(SELECT COALESCE(SUM(n), 0) FROM listing_counts WHERE kind = " +
                                      p.Ref(KindName(*q.kind)) +
                                      " AND status = " + p.Ref(StatusName(q.statuses[0])) + ")"
                                : "(SELECT COUNT(*) FROM listings" + w.sql() + ")";
    const char* order = " ORDER BY id DESC";
    switch (q.sort) {
      case ListingSort::kNewest:
        order = " ORDER BY id DESC";
        break;
      case ListingSort::kOldest:
        order = " ORDER BY id ASC";
        break;
      case ListingSort::kUpdated:
        order = " ORDER BY updated_at DESC, id DESC";
        break;
      case ListingSort::kTitle:
        // Byte order, as SQLite sorts, whatever the database's locale.
        order = " ORDER BY title COLLATE \"C\" ASC, id ASC";
        break;
    }
    std::string page_sql = "SELECT " + (q.summary_only ? kListingSummaryCols : kListingCols) +
                           " FROM listings" + w.sql() + order + " LIMIT " + p.Ref(q.limit) +
                           " OFFSET " + p.Ref(q.offset);
    auto r = Run(tx_,
                 "SELECT " + total_sql + "::bigint, pg.* FROM (SELECT 1) one LEFT JOIN (" +
                     page_sql + ") pg ON true",
                 p);
    if (!r.ok()) return r.status();
    Page<Listing> page;
    for (const auto& row : *r) {
      page.total = PqRow{row}.Int(0);
      if (row[1].is_null()) continue;  // no listing on this page: only the total came back
      page.items.push_back(ListingFromColumns(PqRow{row}, 1));
    }
    return page;
  }

 private:
  pqxx::dbtransaction& tx_;
};

// PostgresStore's reads, on a pool of one connection.
class Store {
 public:
  explicit Store(const std::string& url) : pool_(url, 1) {}

  Status Read(const std::function<Status(Tx&)>& fn) {
    auto lease = pool_.Take();
    if (!lease.ok()) return lease.status();
    Status s;
    try {
      pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(lease->conn());
      Tx store_tx(tx);
      s = fn(store_tx);
      if (s.ok()) {
        tx.commit();
      } else {
        tx.abort();
      }
    } catch (const std::exception& e) {
      s = pg::ErrorFrom(e);
    }
    if (!s.ok() && s.kind() == ErrorKind::kUnavailable) lease->Discard();
    return s;
  }

 private:
  pg::Pool pool_;
};

}  // namespace old_pg

class PostgresDirect : public Variant {
 public:
  explicit PostgresDirect(const std::string& url) : store_(url) {}

  int64_t PointRead(int64_t id) override {
    int64_t sum = 0;
    Check(store_.Read([&](old_pg::Tx& tx) -> Status {
      auto l = tx.GetListing(id);
      if (!l.ok()) return l.status();
      sum = PointSum(*l);
      return Status::Ok();
    }));
    return sum;
  }

  int64_t ListPage() override {
    int64_t sum = 0;
    Check(store_.Read([&](old_pg::Tx& tx) -> Status {
      auto page = tx.ListListings(ListPageQuery());
      if (!page.ok()) return page.status();
      sum = PageSum(*page);
      return Status::Ok();
    }));
    return sum;
  }

 private:
  old_pg::Store store_;
};

}  // namespace

std::unique_ptr<Variant> DirectVariant(const Target& target) {
  if (target.postgres) return std::make_unique<PostgresDirect>(target.db);
  return std::make_unique<SqliteDirect>(target.db);
}

}  // namespace kc::bench
