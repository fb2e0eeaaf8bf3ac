// Shorthands for the statements the store areas run over the SQL layer (conn.h). Each prepares
// its statement, binds `values` to its `?` placeholders in order and runs it: integers (and
// bool) bind as integers, std::optional<int64_t> as an integer or NULL, doubles with BindDouble,
// a Where its own values, a function taking the Stmt whatever it binds (a record's columns),
// anything else as text. Rows are read by a `from` function taking a
// Row. Every statement is finished before the shorthand returns, so the same text may be run
// again at once.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "core/status.h"
#include "store/records.h"
#include "store/sql/conn.h"

namespace kc::sql {

// The WHERE clause of a list, from the filters present: one statement text per combination of
// filters, with the values of its placeholders kept beside it.
class Where {
 public:
  // Adds `clause` (joined with AND) whose `?` take `values` in order.
  template <typename... V>
  Where& And(std::string_view clause, const V&... values) {
    sql_ += (sql_.empty() ? " WHERE " : " AND ") + std::string(clause);
    (Keep(values), ...);
    return *this;
  }
  // " WHERE …", or "" without filters.
  const std::string& sql() const { return sql_; }
  void BindTo(Stmt& s) const {
    for (const auto& v : values_) {
      if (const auto* i = std::get_if<int64_t>(&v)) {
        s.Bind(*i);
      } else {
        s.Bind(std::get<std::string>(v));
      }
    }
  }

 private:
  template <typename V>
  void Keep(const V& v) {
    if constexpr (std::is_integral_v<V>) {
      values_.emplace_back(static_cast<int64_t>(v));
    } else {
      values_.emplace_back(std::string(v));
    }
  }

  std::string sql_;
  std::vector<std::variant<int64_t, std::string>> values_;
};

// A row of another read, from its column `first` on: the rows of a page after their total.
class ShiftedRow : public Row {
 public:
  ShiftedRow(const Row& row, int first) : r_(row), first_(first) {}
  bool IsNull(int col) const override { return r_.IsNull(first_ + col); }
  int64_t Int(int col) const override { return r_.Int(first_ + col); }
  double Double(int col) const override { return r_.Double(first_ + col); }
  std::string Text(int col) const override { return r_.Text(first_ + col); }

 private:
  const Row& r_;
  int first_;
};

template <typename V>
void BindValue(Stmt& s, const V& v) {
  if constexpr (std::is_same_v<V, Where>) {
    v.BindTo(s);
  } else if constexpr (std::is_invocable_v<const V&, Stmt&>) {
    v(s);
  } else if constexpr (std::is_floating_point_v<V>) {
    s.BindDouble(v);
  } else if constexpr (std::is_integral_v<V>) {
    s.Bind(static_cast<int64_t>(v));
  } else {
    s.Bind(v);
  }
}

// The statement for `sql` with `values` bound, not yet run.
template <typename... V>
Result<std::unique_ptr<Stmt>> Query(Conn& c, std::string_view sql, const V&... values) {
  auto s = c.Prepare(sql);
  if (s.ok()) (BindValue(**s, values), ...);
  return s;
}

// Runs a statement whose rows do not matter.
template <typename... V>
Status Exec(Conn& c, std::string_view sql, const V&... values) {
  auto s = Query(c, sql, values...);
  return s.ok() ? (*s)->Run() : s.status();
}

// Runs an UPDATE or DELETE; NotFound(`what`) when it changed no row.
template <typename... V>
Status Touch(Conn& c, std::string_view what, std::string_view sql, const V&... values) {
  auto s = Query(c, sql, values...);
  if (!s.ok()) return s.status();
  KC_RETURN_IF_ERROR((*s)->Run());
  return (*s)->changes() > 0 ? Status::Ok() : NotFound(std::string(what));
}

// The first column of the first row (an id from RETURNING, a COUNT), 0 without rows.
template <typename... V>
Result<int64_t> Scalar(Conn& c, std::string_view sql, const V&... values) {
  auto s = Query(c, sql, values...);
  if (!s.ok()) return s.status();
  const int64_t v = (*s)->Step() ? (*s)->Int(0) : 0;
  KC_RETURN_IF_ERROR((*s)->Run());
  return v;
}

// Runs an `INSERT … ON CONFLICT DO NOTHING [RETURNING id]`: the id (0 without RETURNING), or
// `conflict` when a unique key already held the values. Unlike a failed statement, a refused
// insert leaves a PostgreSQL transaction usable.
template <typename... V>
Result<int64_t> InsertUnique(Conn& c, const Status& conflict, std::string_view sql,
                             const V&... values) {
  auto s = Query(c, sql, values...);
  if (!s.ok()) return s.status();
  const int64_t id = (*s)->Step() ? (*s)->Int(0) : 0;
  KC_RETURN_IF_ERROR((*s)->Run());
  if (id == 0 && (*s)->changes() == 0) return conflict;
  return id;
}

// Every row, read with `from`.
template <typename F, typename... V>
auto All(Conn& c, F from, std::string_view sql, const V&... values)
    -> Result<std::vector<std::invoke_result_t<F, const Row&>>> {
  auto s = Query(c, sql, values...);
  if (!s.ok()) return s.status();
  std::vector<std::invoke_result_t<F, const Row&>> out;
  while ((*s)->Step()) out.push_back(from(**s));
  KC_RETURN_IF_ERROR((*s)->status());
  return out;
}

// The first row, read with `from`, or nullopt.
template <typename F, typename... V>
auto First(Conn& c, F from, std::string_view sql, const V&... values)
    -> Result<std::optional<std::invoke_result_t<F, const Row&>>> {
  auto s = Query(c, sql, values...);
  if (!s.ok()) return s.status();
  std::optional<std::invoke_result_t<F, const Row&>> out;
  if ((*s)->Step()) out = from(**s);
  KC_RETURN_IF_ERROR((*s)->Run());
  return out;
}

// The first row, read with `from`; NotFound(`what`) without one.
template <typename F, typename... V>
auto One(Conn& c, F from, std::string_view what, std::string_view sql, const V&... values)
    -> Result<std::invoke_result_t<F, const Row&>> {
  auto found = First(c, from, sql, values...);
  if (!found.ok()) return found.status();
  if (!*found) return NotFound(std::string(what));
  return std::move(**found);
}

// "?,?,…,?": `n` placeholders, for a VALUES list.
std::string Marks(int n);

// A page of rows with their total, in one statement: "SELECT (<total>), <page>", where `total`
// is a SELECT of one number whose placeholders take `total_values` (a Where, or a function
// binding them), and `page` the columns and the rest of the SELECT (FROM, WHERE, ORDER BY,
// LIMIT ? OFFSET ?) whose placeholders take `page_values`. The total is read from the first
// column and each item with `from` from the columns after it. An empty page (past the end, or
// nothing matches) has no row to carry the total, which is then asked for alone.
template <typename F, typename T, typename... V>
auto ReadPage(Conn& c, F from, std::string_view total, const T& total_values, std::string_view page,
              const V&... page_values) -> Result<Page<std::invoke_result_t<F, const Row&>>> {
  const std::string total_sql(total);
  auto s =
      Query(c, "SELECT (" + total_sql + "), " + std::string(page), total_values, page_values...);
  if (!s.ok()) return s.status();
  Page<std::invoke_result_t<F, const Row&>> out;
  while ((*s)->Step()) {
    out.total = (*s)->Int(0);
    out.items.push_back(from(ShiftedRow(**s, 1)));
  }
  KC_RETURN_IF_ERROR((*s)->status());
  if (!out.items.empty()) return out;
  auto n = Scalar(c, total_sql, total_values);
  if (!n.ok()) return n.status();
  out.total = *n;
  return out;
}

}  // namespace kc::sql
