#include "store/sql/dialect.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace kc::sql {

namespace {

// An element of a PostgreSQL array literal, quoted: "a\"b".
std::string QuoteElement(std::string_view v) {
  std::string out = "\"";
  for (char c : v) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
  return out;
}

// A JSON string: "a\"b". Bytes are kept as they are (json_each does not check UTF-8).
std::string JsonString(std::string_view v) {
  std::string out = "\"";
  for (char c : v) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

// `v` as a SQL string literal.
std::string QuoteLiteral(std::string_view v) {
  std::string out = "'";
  for (char c : v) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

}  // namespace

const Dialect& Dialect::Sqlite() {
  static const Dialect d(Kind::kSqlite);
  return d;
}

const Dialect& Dialect::Postgres() {
  static const Dialect d(Kind::kPostgres);
  return d;
}

std::string Dialect::Placeholders(std::string_view sql) const {
  if (kind_ == Kind::kSqlite) return std::string(sql);
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {
      // A literal or quoted name, to its closing quote (a doubled quote stays inside).
      size_t end = sql.find(c, i + 1);
      while (end != std::string_view::npos && end + 1 < sql.size() && sql[end + 1] == c) {
        end = sql.find(c, end + 2);
      }
      if (end == std::string_view::npos) end = sql.size() - 1;
      out.append(sql.substr(i, end - i + 1));
      i = end;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      size_t end = sql.find('\n', i);
      if (end == std::string_view::npos) end = sql.size() - 1;
      out.append(sql.substr(i, end - i + 1));
      i = end;
    } else if (c == '?') {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

std::string Dialect::InIds(std::string_view column) const {
  if (kind_ == Kind::kSqlite) {
    return std::string(column) + " IN (SELECT value FROM json_each(?))";
  }
  return std::string(column) + " = ANY(?::bigint[])";
}

std::string Dialect::IdList(const std::vector<int64_t>& ids) const {
  std::string out = kind_ == Kind::kSqlite ? "[" : "{";
  for (size_t i = 0; i < ids.size(); ++i) out += (i ? "," : "") + std::to_string(ids[i]);
  return out + (kind_ == Kind::kSqlite ? "]" : "}");
}

std::string Dialect::InTexts(std::string_view column) const {
  if (kind_ == Kind::kSqlite) {
    return std::string(column) + " IN (SELECT value FROM json_each(?))";
  }
  return std::string(column) + " = ANY(?::text[])";
}

std::string Dialect::TextList(const std::vector<std::string>& values) const {
  const bool sqlite = kind_ == Kind::kSqlite;
  std::string out = sqlite ? "[" : "{";
  for (size_t i = 0; i < values.size(); ++i) {
    out += (i ? "," : "") + (sqlite ? JsonString(values[i]) : QuoteElement(values[i]));
  }
  return out + (sqlite ? "]" : "}");
}

std::string Dialect::TextRows() const {
  if (kind_ == Kind::kSqlite) return "(SELECT value, key AS position FROM json_each(?))";
  return "(SELECT value, n - 1 AS position FROM unnest(?::text[]) WITH ORDINALITY AS e (value, "
         "n))";
}

std::string Dialect::Rows(std::initializer_list<Column> columns) const {
  std::string out = "(SELECT ";
  int i = 0;
  for (const Column& c : columns) {
    const std::string n = std::to_string(i++);
    if (kind_ == Kind::kSqlite) {
      out += "json_extract(value, '$[" + n + "]')";
    } else {
      out += c.type == Type::kInt    ? "(e.r->>" + n + ")::bigint"
             : c.type == Type::kReal ? "(e.r->>" + n + ")::float8"
                                     : "e.r->>" + n;
    }
    out += " AS " + std::string(c.name) + ", ";
  }
  if (kind_ == Kind::kSqlite) return out + "key AS position FROM json_each(?))";
  return out +
         "e.n - 1 AS position FROM jsonb_array_elements(?::jsonb) WITH ORDINALITY AS e (r, n))";
}

std::string Dialect::UtcMonth(std::string_view seconds) const {
  if (kind_ == Kind::kSqlite) return "strftime('%Y-%m', " + std::string(seconds) + ", 'unixepoch')";
  return "to_char(to_timestamp(" + std::string(seconds) + ") AT TIME ZONE 'UTC', 'YYYY-MM')";
}

std::string_view Dialect::TableNames() const {
  if (kind_ == Kind::kSqlite) {
    return "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND "
           "name <> 'schema_version' ORDER BY rowid";
  }
  return "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
         "n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> 'schema_version' "
         "ORDER BY c.oid";
}

std::string Dialect::ContinueIds(std::string_view table, std::string_view column) const {
  if (kind_ == Kind::kSqlite) return "";
  const std::string sequence = "pg_get_serial_sequence(" + QuoteLiteral(QuoteName(table)) + ", " +
                               QuoteLiteral(column) + ")";
  return "SELECT setval(" + sequence + ", COALESCE(MAX(" + QuoteName(column) +
         "), 0) + 1, false) FROM " + QuoteName(table) + " WHERE " + sequence + " IS NOT NULL";
}

JsonRows& JsonRows::Row() {
  json_ += json_.empty() ? "[[" : "],[";
  first_in_row_ = true;
  return *this;
}

JsonRows& JsonRows::Value(const std::string& v) {
  if (!first_in_row_) json_ += ',';
  first_in_row_ = false;
  json_ += v;
  return *this;
}

JsonRows& JsonRows::Int(int64_t v) { return Value(std::to_string(v)); }

JsonRows& JsonRows::OptInt(std::optional<int64_t> v) {
  return Value(v ? std::to_string(*v) : "null");
}

JsonRows& JsonRows::Real(double v) {
  if (!std::isfinite(v)) return Value("null");  // JSON has no infinity or NaN
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return Value(std::string(buf, ec == std::errc() ? end : buf));
}

JsonRows& JsonRows::Text(std::string_view v) { return Value(JsonString(v)); }

std::string QuoteName(std::string_view name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string LikeEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace kc::sql
