// What SQLite and PostgreSQL spell differently, asked by code written once over the SQL layer
// (conn.h). Everything else the store says is the same in both: `ON CONFLICT … DO NOTHING` and
// `DO UPDATE SET … = excluded.…`, `RETURNING id` (SQLite 3.35+), `LIKE ? ESCAPE '\'`,
// `LIMIT ? OFFSET ?`, `SAVEPOINT`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kc::sql {

class Dialect {
 public:
  enum class Kind { kSqlite, kPostgres };

  static const Dialect& Sqlite();
  static const Dialect& Postgres();

  Kind kind() const { return kind_; }
  std::string_view name() const { return kind_ == Kind::kSqlite ? "sqlite" : "postgres"; }

  // `sql` with its `?` placeholders as the database takes them: unchanged for SQLite, `$1`,
  // `$2`, … for PostgreSQL. A `?` inside a string literal, a quoted name or a comment stays.
  std::string Placeholders(std::string_view sql) const;

  // A condition true when `column` is one of a list of ids bound to its one placeholder as
  // IdList(ids): "id IN (SELECT value FROM json_each(?))" or "id = ANY(?::bigint[])". One
  // statement text for any number of ids, so prepared statements stay few.
  std::string InIds(std::string_view column) const;
  std::string IdList(const std::vector<int64_t>& ids) const;
  // The same for text values, bound as TextList(values).
  std::string InTexts(std::string_view column) const;
  std::string TextList(const std::vector<std::string>& values) const;
  // A table of the elements of a list bound to its one placeholder as TextList(values), with
  // columns `value` and `position` (0-based), usable after FROM with an alias.
  std::string TextRows() const;

  // Appended to a text expression in ORDER BY so that it sorts by bytes, as SQLite always
  // does, whatever the PostgreSQL database's locale.
  std::string_view ByteOrder() const { return kind_ == Kind::kSqlite ? "" : " COLLATE \"C\""; }

 private:
  explicit Dialect(Kind kind) : kind_(kind) {}
  Kind kind_;
};

// Escapes % _ and \ so that `text` matches literally in `LIKE ? ESCAPE '\'` (the same in both
// databases).
std::string LikeEscape(std::string_view text);

}  // namespace kc::sql
