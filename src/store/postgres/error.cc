#include "store/postgres/error.h"

#include <pqxx/pqxx>
#include <string>
#include <string_view>

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

}  // namespace kc::pg
