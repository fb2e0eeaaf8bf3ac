// The small layer every PostgreSQL store area (users, listings, …) runs its SQL through:
// parameters collected as text with their $n placeholders, one statement per call, and
// libpqxx's exceptions turned into Status values.
#pragma once

#include <cstdint>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace kc::pg {

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
  // A double in its shortest text that reads back to the same value.
  std::string RefDouble(double v);
  // A bigint[] parameter holding `ids` (for "id = ANY($1)").
  std::string RefIds(const std::vector<int64_t>& ids);
  // A text[] parameter holding `values`.
  std::string RefTexts(const std::vector<std::string>& values);

  // Pointers to the values (nullptr for NULL), valid while this object is unchanged.
  std::vector<const char*> Pointers() const;
  size_t size() const { return values_.size(); }

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

// The Status for a failed statement: a unique violation becomes a Conflict naming the last
// column of the violated key (as the SQLite store does), a lost connection Unavailable, the
// rest Internal.
Status ErrorFrom(const std::exception& e);

// Runs one statement in `tx` and returns its rows.
Result<pqxx::result> Run(pqxx::transaction_base& tx, const std::string& sql, const Params& p);
inline Result<pqxx::result> Run(pqxx::transaction_base& tx, const std::string& sql) {
  return Run(tx, sql, Params{});
}

// The open transaction a store area runs its statements in: an area of its own (say deals) is
// a class in its own file holding a `Txn&`, with the PostgresTx returning it from its accessor.
class Txn {
 public:
  explicit Txn(pqxx::dbtransaction& tx) : tx_(&tx) {}
  Result<pqxx::result> Run(const std::string& sql, const Params& p) {
    return pg::Run(*tx_, sql, p);
  }
  Result<pqxx::result> Run(const std::string& sql) { return pg::Run(*tx_, sql); }
  pqxx::dbtransaction& current() { return *tx_; }

 private:
  pqxx::dbtransaction* tx_;
};

// Runs `sql` and returns its single bigint (COUNT, id of RETURNING), 0 without rows.
Result<int64_t> Scalar(Txn& t, const std::string& sql, const Params& p);
// Runs a statement without rows; NotFound(`what`) when it touched no row.
Status Touch(Txn& t, const std::string& sql, const Params& p, const std::string& what);
// Runs an INSERT … ON CONFLICT DO NOTHING [RETURNING id] and returns the id (0 without
// RETURNING), or `conflict` when a unique key already held the values. Unlike a failed
// statement, this leaves the transaction usable, as a refused insert leaves a SQLite one.
Result<int64_t> InsertUnique(Txn& t, const std::string& sql, const Params& p,
                             const Status& conflict);
// Runs a statement whose rows do not matter.
inline Status Exec(Txn& t, const std::string& sql, const Params& p) {
  return t.Run(sql, p).status();
}

// Column readers: NULL reads as "" / 0 / nullopt.
inline std::string Text(const pqxx::field& f) {
  return f.is_null() ? std::string() : std::string(f.c_str(), f.size());
}
inline int64_t Int(const pqxx::field& f) { return f.is_null() ? 0 : f.as<int64_t>(); }
inline std::optional<int64_t> OptInt(const pqxx::field& f) {
  return f.is_null() ? std::nullopt : std::optional<int64_t>(f.as<int64_t>());
}
inline double Double(const pqxx::field& f) { return f.is_null() ? 0 : f.as<double>(); }

}  // namespace kc::pg
