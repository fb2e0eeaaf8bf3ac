// The store code before the SQL layer, kept as the benchmark's baseline: the two reads as
// SqliteTx and PostgresTx ran them until the stores were written once over src/store/sql
// (docs/store.md). SQLite: sqlite::Connection's cached statements bound by index, the total and
// the page in two statements, each read in BEGIN … COMMIT on its connection. PostgreSQL: libpqxx
// exec_params (parsed and planned on every call) with `$n` placeholders, in a REPEATABLE READ,
// READ ONLY transaction; the total and the page in one statement.
#include <pqxx/pqxx>
#include <stdexcept>

#include "listing_sql.h"
#include "store/sql/dialect.h"
#include "store/sqlite/connection.h"
#include "variant.h"

namespace kc::bench {

namespace {

void Check(const Status& s) {
  if (!s.ok()) throw std::runtime_error(s.message());
}

int64_t PointSum(const Listing& l) {
  return Checksum(l.id, l.title, l.body, l.updated_at) + l.budget.max_cny.value_or(0) % 7;
}

class SqliteDirect : public Variant {
 public:
  explicit SqliteDirect(const std::string& path) {
    auto c = sqlite::Connection::Open(path);
    Check(c.status());
    conn_ = std::move(*c);
  }

  int64_t PointRead(int64_t id) override {
    return InTx([&] {
      auto s = conn_->Prepare(PointReadSql());
      Check(s.status());
      (*s)->Bind(1, id);
      if (!(*s)->Step()) throw std::runtime_error("listing not found");
      return PointSum(ListingFromColumns(**s, 0));
    });
  }

  int64_t ListPage() override {
    return InTx([&] {
      const std::string kind(KindName(ListingKind::kDemand));
      const std::string status(StatusName(ListingStatus::kPublished));
      int64_t sum = 0;
      auto count = conn_->Prepare(SqliteCountSql());
      Check(count.status());
      (*count)->Bind(1, kind).Bind(2, status);
      if ((*count)->Step()) sum = (*count)->Int(0);
      Check((*count)->status());
      count->reset();
      auto s = conn_->Prepare(SqlitePageSql());
      Check(s.status());
      (*s)->Bind(1, kind).Bind(2, status).Bind(3, int64_t{20}).Bind(4, int64_t{0});
      while ((*s)->Step()) {
        Listing l = ListingFromColumns(**s, 0);
        sum += Checksum(l.id, l.title, l.body, l.updated_at);
      }
      Check((*s)->status());
      return sum;
    });
  }

 private:
  // As SqliteStore::Read did: BEGIN and COMMIT prepared once per connection.
  template <typename F>
  int64_t InTx(F f) {
    Run("BEGIN");
    const int64_t v = f();
    Run("COMMIT");
    return v;
  }
  void Run(std::string_view sql) {
    auto s = conn_->Prepare(sql);
    Check(s.status());
    Check((*s)->Run());
  }

  std::unique_ptr<sqlite::Connection> conn_;
};

// A libpqxx row read as the PostgreSQL store read it (NULL as 0 or "").
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

class PostgresDirect : public Variant {
 public:
  explicit PostgresDirect(const std::string& url)
      : conn_(url),
        point_sql_(sql::Dialect::Postgres().Placeholders(PointReadSql())),
        list_sql_(sql::Dialect::Postgres().Placeholders(PostgresListSql())) {}

  int64_t PointRead(int64_t id) override {
    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(conn_);
    pqxx::result r = tx.exec_params(point_sql_, id);
    tx.commit();
    if (r.empty()) throw std::runtime_error("listing not found");
    return PointSum(ListingFromColumns(PqRow{r[0]}, 0));
  }

  int64_t ListPage() override {
    const std::string kind(KindName(ListingKind::kDemand));
    const std::string status(StatusName(ListingStatus::kPublished));
    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(conn_);
    pqxx::result r =
        tx.exec_params(list_sql_, kind, status, kind, sql::Dialect::Postgres().TextList({status}),
                       int64_t{20}, int64_t{0});
    tx.commit();
    int64_t sum = 0, total = 0;
    for (const auto& row : r) {
      total = PqRow{row}.Int(0);
      if (row[1].is_null()) continue;
      Listing l = ListingFromColumns(PqRow{row}, 1);
      sum += Checksum(l.id, l.title, l.body, l.updated_at);
    }
    return sum + total;
  }

 private:
  pqxx::connection conn_;
  const std::string point_sql_, list_sql_;
};

}  // namespace

std::unique_ptr<Variant> DirectVariant(const Target& target) {
  if (target.postgres) return std::make_unique<PostgresDirect>(target.db);
  return std::make_unique<SqliteDirect>(target.db);
}

}  // namespace kc::bench
