// The SQL layer of src/store/sql: one code path for both databases.
#include <pqxx/pqxx>
#include <stdexcept>

#include "core/listing.h"
#include "listing_sql.h"
#include "store/sql/postgres_conn.h"
#include "store/sql/sqlite_conn.h"
#include "variant.h"

namespace kc::bench {

namespace {

void Check(const Status& s) {
  if (!s.ok()) throw std::runtime_error(s.message());
}

// The reads, written once over sql::Conn.
int64_t PointReadOn(sql::Conn& c, int64_t id) {
  auto s = c.Prepare(PointReadSql());
  Check(s.status());
  (*s)->Bind(id);
  if (!(*s)->Step()) {
    Check((*s)->status());
    throw std::runtime_error("listing not found");
  }
  Listing l = ListingFromColumns(**s, 0);
  return Checksum(l.id, l.title, l.body, l.updated_at) + l.budget.max_cny.value_or(0) % 7;
}

int64_t ListPageOn(sql::Conn& c) {
  const std::string kind(KindName(ListingKind::kDemand));
  const std::string status(StatusName(ListingStatus::kPublished));
  int64_t sum = 0;
  if (c.dialect().kind() == sql::Dialect::Kind::kPostgres) {
    auto s = c.Prepare(PostgresListSql());
    Check(s.status());
    (*s)->Bind(kind).Bind(status).Bind(kind).Bind(c.dialect().TextList({status}));
    (*s)->Bind(int64_t{20}).Bind(int64_t{0});
    int64_t total = 0;
    while ((*s)->Step()) {
      total = (*s)->Int(0);  // on every row, alone when the page is empty
      if ((*s)->IsNull(1)) continue;
      Listing l = ListingFromColumns(**s, 1);
      sum += Checksum(l.id, l.title, l.body, l.updated_at);
    }
    Check((*s)->status());
    return sum + total;
  }
  auto count = c.Prepare(SqliteCountSql());
  Check(count.status());
  (*count)->Bind(kind).Bind(status);
  if ((*count)->Step()) sum = (*count)->Int(0);
  Check((*count)->status());
  auto s = c.Prepare(SqlitePageSql());
  Check(s.status());
  (*s)->Bind(kind).Bind(status).Bind(int64_t{20}).Bind(int64_t{0});
  while ((*s)->Step()) {
    Listing l = ListingFromColumns(**s, 0);
    sum += Checksum(l.id, l.title, l.body, l.updated_at);
  }
  Check((*s)->status());
  return sum;
}

class SqliteLayer : public Variant {
 public:
  explicit SqliteLayer(const std::string& path) {
    auto c = sqlite::Connection::Open(path);
    Check(c.status());
    conn_ = std::move(*c);
  }
  int64_t PointRead(int64_t id) override {
    return InTx([&](sql::Conn& c) { return PointReadOn(c, id); });
  }
  int64_t ListPage() override {
    return InTx([&](sql::Conn& c) { return ListPageOn(c); });
  }

 private:
  template <typename F>
  int64_t InTx(F f) {
    sql::SqliteConn c(*conn_);
    Check(Run(c, "BEGIN"));
    int64_t v = f(c);
    Check(Run(c, "COMMIT"));
    return v;
  }
  // As SqliteStore::Read: BEGIN and COMMIT prepared once per connection.
  static Status Run(sql::Conn& c, std::string_view sql) {
    auto s = c.Prepare(sql);
    return s.ok() ? (*s)->Run() : s.status();
  }
  std::unique_ptr<sqlite::Connection> conn_;
};

class PostgresLayer : public Variant {
 public:
  explicit PostgresLayer(const std::string& url) : conn_(url) {}
  int64_t PointRead(int64_t id) override {
    return InTx([&](sql::Conn& c) { return PointReadOn(c, id); });
  }
  int64_t ListPage() override {
    return InTx([&](sql::Conn& c) { return ListPageOn(c); });
  }

 private:
  template <typename F>
  int64_t InTx(F f) {
    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(conn_);
    sql::PostgresConn c(tx);
    int64_t v = f(c);
    tx.commit();
    return v;
  }
  pqxx::connection conn_;
};

}  // namespace

std::unique_ptr<Variant> LayerVariant(const Target& target) {
  if (target.postgres) return std::make_unique<PostgresLayer>(target.db);
  return std::make_unique<SqliteLayer>(target.db);
}

}  // namespace kc::bench
