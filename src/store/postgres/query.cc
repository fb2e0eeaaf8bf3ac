#include "store/postgres/query.h"

#include <charconv>

#include "store/sql/dialect.h"

namespace kc::pg {

namespace {

// "…DETAIL:  Key (org_id, kind, ref)=(1, demand, R-1) already exists." → "ref".
std::string ConflictField(std::string_view message) {
  auto key = message.find("Key (");
  if (key == std::string_view::npos) return "";
  auto end = message.find(")=", key);
  if (end == std::string_view::npos) return "";
  std::string_view cols = message.substr(key + 5, end - key - 5);
  auto comma = cols.rfind(',');
  if (comma != std::string_view::npos) cols = cols.substr(comma + 1);
  while (!cols.empty() && cols.front() == ' ') cols.remove_prefix(1);
  return std::string(cols);
}

}  // namespace

std::string Params::Add(std::optional<std::string> v) {
  values_.push_back(std::move(v));
  return "$" + std::to_string(values_.size());
}

std::string Params::RefDouble(double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return Add(std::string(buf, ec == std::errc() ? end : buf));
}

std::string Params::RefIds(const std::vector<int64_t>& ids) {
  std::string lit = "{";
  for (size_t i = 0; i < ids.size(); ++i) lit += (i ? "," : "") + std::to_string(ids[i]);
  return Add(lit + "}") + "::bigint[]";
}

std::string Params::RefTexts(const std::vector<std::string>& values) {
  return Add(sql::Dialect::Postgres().TextList(values)) + "::text[]";
}

std::vector<const char*> Params::Pointers() const {
  std::vector<const char*> out;
  out.reserve(values_.size());
  for (const auto& v : values_) out.push_back(v ? v->c_str() : nullptr);
  return out;
}

Status ErrorFrom(const std::exception& e) {
  if (dynamic_cast<const pqxx::unique_violation*>(&e)) {
    std::string field = ConflictField(e.what());
    return Conflict("duplicate",
                    "a record with this " + (field.empty() ? "value" : field) + " already exists",
                    field);
  }
  if (dynamic_cast<const pqxx::broken_connection*>(&e) ||
      dynamic_cast<const pqxx::in_doubt_error*>(&e)) {
    return Status::Error(ErrorKind::kUnavailable, "database_unavailable",
                         std::string("the database is unavailable: ") + e.what());
  }
  if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e)) {
    // Class 08 (connection exception) and 57P (operator intervention: the server shuts down).
    const std::string& state = sql->sqlstate();
    if (state.starts_with("08") || state.starts_with("57P")) {
      return Status::Error(ErrorKind::kUnavailable, "database_unavailable",
                           std::string("the database is unavailable: ") + e.what());
    }
    // Class 53: insufficient resources (53100 disk_full, 53200 out_of_memory, …).
    if (state.starts_with("53")) return StorageFull(std::string("postgres: ") + e.what());
    // 25006 read_only_sql_transaction: a standby, or default_transaction_read_only set by an
    // operator (docs/operations.md).
    if (state == "25006") return ReadOnlyStorage(std::string("postgres: ") + e.what());
  }
  return Internal(std::string("postgres: ") + e.what());
}

Result<pqxx::result> Run(pqxx::transaction_base& tx, const std::string& sql, const Params& p) {
  try {
    auto ptrs = p.Pointers();
    return tx.exec_params(sql, pqxx::prepare::make_dynamic_params(ptrs));
  } catch (const std::exception& e) {
    return ErrorFrom(e);
  }
}

Result<int64_t> Scalar(Txn& t, const std::string& sql, const Params& p) {
  auto r = t.Run(sql, p);
  if (!r.ok()) return r.status();
  if (r->empty()) return int64_t{0};
  return Int((*r)[0][0]);
}

Status Touch(Txn& t, const std::string& sql, const Params& p, const std::string& what) {
  auto r = t.Run(sql, p);
  if (!r.ok()) return r.status();
  return r->affected_rows() > 0 ? Status::Ok() : NotFound(what);
}

Result<int64_t> InsertUnique(Txn& t, const std::string& sql, const Params& p,
                             const Status& conflict) {
  auto r = t.Run(sql, p);
  if (!r.ok()) return r.status();
  if (r->affected_rows() == 0) return conflict;
  return r->empty() ? int64_t{0} : Int((*r)[0][0]);
}

}  // namespace kc::pg
