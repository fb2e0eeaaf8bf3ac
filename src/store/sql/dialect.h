// What SQLite and PostgreSQL spell differently, asked by code written once over the SQL layer
// (conn.h). Everything else the store says is the same in both: `ON CONFLICT … DO NOTHING` and
// `DO UPDATE SET … = excluded.…`, `RETURNING id` (SQLite 3.35+), `LIKE ? ESCAPE '\'`,
// `LIMIT ? OFFSET ?`, `SAVEPOINT`.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
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

  // A table of rows bound to its one placeholder as a JsonRows value: one row per element,
  // with `columns` (named and typed as given, NULL for a JSON null) and `position` (0-based).
  // Usable after FROM with an alias. One statement text for any number of rows.
  enum class Type { kInt, kReal, kText };
  struct Column {
    std::string_view name;
    Type type;
  };
  std::string Rows(std::initializer_list<Column> columns) const;

  // Appended to a text expression in ORDER BY so that it sorts by bytes, as SQLite always
  // does, whatever the PostgreSQL database's locale.
  std::string_view ByteOrder() const { return kind_ == Kind::kSqlite ? "" : " COLLATE \"C\""; }

  // The UTC month ("YYYY-MM") of a Unix time in seconds.
  std::string UtcMonth(std::string_view seconds) const;

  // Appended to a table after FROM to read it through its primary key and no other index:
  // SQLite's planner otherwise prefers an index that a range of ids makes the slower path.
  // Nothing on PostgreSQL, whose planner weighs this itself.
  std::string_view PrimaryKeyOnly() const { return kind_ == Kind::kSqlite ? " NOT INDEXED" : ""; }

  // The tables of the schema in creation order (parents before children), without
  // schema_version: a statement whose one column is the name.
  std::string_view TableNames() const;
  // A statement that makes the ids of `column` of `table` continue after those inserted with
  // their values, or "" when the database does this itself (SQLite).
  std::string ContinueIds(std::string_view table, std::string_view column) const;

 private:
  explicit Dialect(Kind kind) : kind_(kind) {}
  Kind kind_;
};

// The value of a Dialect::Rows placeholder: a JSON array of arrays, which both databases read.
// Bytes of text are kept as they are.
class JsonRows {
 public:
  // Starts the next row; its values follow in the order of the columns.
  JsonRows& Row();
  JsonRows& Int(int64_t v);
  JsonRows& OptInt(std::optional<int64_t> v);
  JsonRows& Real(double v);
  JsonRows& Text(std::string_view v);
  std::string str() const { return json_ + (json_.empty() ? "[]" : "]]"); }

 private:
  JsonRows& Value(const std::string& v);
  std::string json_;
  bool first_in_row_ = true;
};

// `name` quoted as an identifier ("a""b"), the same in both databases.
std::string QuoteName(std::string_view name);

// Escapes % _ and \ so that `text` matches literally in `LIKE ? ESCAPE '\'` (the same in both
// databases).
std::string LikeEscape(std::string_view text);

}  // namespace kc::sql
