// SOCI 4.0.3 over the same SQL: a session per database, each statement prepared once and
// re-executed (SOCI keeps no statement cache of its own), rows read through soci::row.
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <stdexcept>

#include "core/listing.h"
#include "listing_sql.h"
#include "store/json_columns.h"
#include "variant.h"

namespace kc::bench {

namespace {

// A column as an integer, whatever type the backend described it with (SQLite describes by
// declared type, PostgreSQL by the column's type); NULL reads as 0.
int64_t Int(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return 0;
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_integer:
      return r.get<int>(i);
    case soci::dt_long_long:
      return r.get<long long>(i);
    case soci::dt_unsigned_long_long:
      return static_cast<int64_t>(r.get<unsigned long long>(i));
    case soci::dt_double:
      return static_cast<int64_t>(r.get<double>(i));
    case soci::dt_string:
      return std::stoll(r.get<std::string>(i));
    default:
      throw std::runtime_error("unexpected column type");
  }
}

std::optional<int64_t> OptInt(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return std::nullopt;
  return Int(r, i);
}

std::string Text(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return "";
  if (r.get_properties(i).get_data_type() == soci::dt_string) return r.get<std::string>(i);
  return std::to_string(Int(r, i));
}

Listing ListingFrom(const soci::row& s, std::size_t c0) {
  auto at = [c0](std::size_t i) { return c0 + i; };
  Listing l;
  l.id = Int(s, at(0));
  l.kind = KindFromName(Text(s, at(1))).value_or(ListingKind::kDemand);
  l.org_id = Int(s, at(2));
  l.owner_id = Int(s, at(3));
  l.ref = Text(s, at(4));
  l.title = Text(s, at(5));
  l.body = Text(s, at(6));
  l.keywords = SplitArray(Text(s, at(7)));
  l.category = Text(s, at(8));
  l.discipline = Text(s, at(9));
  l.region = Text(s, at(10));
  l.status = StatusFromName(Text(s, at(11))).value_or(ListingStatus::kDraft);
  l.reject_reason = Text(s, at(12));
  l.visibility = VisibilityFromName(Text(s, at(13))).value_or(Visibility::kPublic);
  l.contact = ContactFrom(Text(s, at(14)));
  l.demo = Int(s, at(15)) != 0;
  l.created_at = Int(s, at(16));
  l.updated_at = Int(s, at(17));
  l.published_at = Int(s, at(18));
  l.expires_at = Int(s, at(19));
  l.budget.min_cny = OptInt(s, at(20));
  l.budget.max_cny = OptInt(s, at(21));
  l.deadline = Text(s, at(22));
  l.cooperation_modes = SplitArray(Text(s, at(23)));
  if (auto m = OptInt(s, at(24))) l.maturity = static_cast<int>(*m);
  l.patents = SplitArray(Text(s, at(25)));
  l.transfer_modes = SplitArray(Text(s, at(26)));
  l.price.min_cny = OptInt(s, at(27));
  l.price.max_cny = OptInt(s, at(28));
  l.inventors = SplitArray(Text(s, at(29)));
  l.rank = Text(s, at(30));
  l.affiliation = Text(s, at(31));
  l.disciplines = SplitArray(Text(s, at(32)));
  return l;
}

// SOCI names its placeholders (":p1"), and rewrites them to "$1" for PostgreSQL itself.
std::string Named(const std::string& sql) {
  std::string out;
  int n = 0;
  for (char c : sql) {
    if (c == '?') {
      out += ":p" + std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

// SOCI's postgresql backend takes key=value settings, not a URL:
// postgresql://USER@HOST:PORT/DB → "user=USER host=HOST port=PORT dbname=DB".
std::string SociConnectString(const Target& t) {
  if (!t.postgres) return "db=" + t.db;
  std::string rest = t.db.substr(t.db.find("://") + 3);
  std::string out;
  if (auto at = rest.find('@'); at != std::string::npos) {
    out += "user=" + rest.substr(0, at) + " ";
    rest = rest.substr(at + 1);
  }
  const auto slash = rest.find('/');
  std::string host = rest.substr(0, slash);
  if (auto colon = host.find(':'); colon != std::string::npos) {
    out += "port=" + host.substr(colon + 1) + " ";
    host = host.substr(0, colon);
  }
  out += "host=" + host;
  if (slash != std::string::npos) out += " dbname=" + rest.substr(slash + 1);
  return out;
}

class Soci : public Variant {
 public:
  explicit Soci(const Target& t)
      : postgres_(t.postgres),
        sql_(t.postgres ? static_cast<const soci::backend_factory&>(soci::postgresql)
                        : static_cast<const soci::backend_factory&>(soci::sqlite3),
             SociConnectString(t)),
        kind_(KindName(ListingKind::kDemand)),
        status_(StatusName(ListingStatus::kPublished)),
        status_list_("{" + status_ + "}") {
    if (!postgres_) {
      // The settings of sqlite::Connection::Open.
      sql_ << "PRAGMA journal_mode=WAL";
      sql_ << "PRAGMA synchronous=FULL";
      sql_ << "PRAGMA foreign_keys=ON";
      sql_ << "PRAGMA temp_store=MEMORY";
      sql_ << "PRAGMA cache_size=-16000";
    }
    begin_ = postgres_ ? "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY" : "BEGIN";
    point_ = std::make_unique<soci::statement>(
        (sql_.prepare << Named(PointReadSql()), soci::use(id_), soci::into(point_row_)));
    if (postgres_) {
      list_ = std::make_unique<soci::statement>(
          (sql_.prepare << Named(PostgresListSql()), soci::use(kind_), soci::use(status_),
           soci::use(kind_), soci::use(status_list_), soci::use(limit_), soci::use(offset_),
           soci::into(list_row_)));
    } else {
      count_ = std::make_unique<soci::statement>((sql_.prepare << Named(SqliteCountSql()),
                                                  soci::use(kind_), soci::use(status_),
                                                  soci::into(total_)));
      list_ = std::make_unique<soci::statement>(
          (sql_.prepare << Named(SqlitePageSql()), soci::use(kind_), soci::use(status_),
           soci::use(limit_), soci::use(offset_), soci::into(list_row_)));
    }
  }

  int64_t PointRead(int64_t id) override {
    sql_ << begin_;
    id_ = id;
    point_->execute(true);
    Listing l = ListingFrom(point_row_, 0);
    sql_ << "COMMIT";
    return Checksum(l.id, l.title, l.body, l.updated_at) + l.budget.max_cny.value_or(0) % 7;
  }

  int64_t ListPage() override {
    sql_ << begin_;
    int64_t sum = 0;
    if (postgres_) {
      int64_t total = 0;
      list_->execute(false);
      while (list_->fetch()) {
        total = Int(list_row_, 0);
        if (list_row_.get_indicator(1) == soci::i_null) continue;
        Listing l = ListingFrom(list_row_, 1);
        sum += Checksum(l.id, l.title, l.body, l.updated_at);
      }
      sum += total;
    } else {
      count_->execute(true);
      sum = total_;
      list_->execute(false);
      while (list_->fetch()) {
        Listing l = ListingFrom(list_row_, 0);
        sum += Checksum(l.id, l.title, l.body, l.updated_at);
      }
    }
    sql_ << "COMMIT";
    return sum;
  }

 private:
  bool postgres_;
  soci::session sql_;
  std::string kind_, status_, status_list_, begin_;
  long long id_ = 0, limit_ = 20, offset_ = 0, total_ = 0;
  soci::row point_row_, list_row_;
  std::unique_ptr<soci::statement> point_, count_, list_;
};

}  // namespace

std::unique_ptr<Variant> SociVariant(const Target& target) {
  return std::make_unique<Soci>(target);
}

}  // namespace kc::bench
