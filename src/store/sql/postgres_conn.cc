#include "store/sql/postgres_conn.h"

#include <charconv>
#include <cstdio>
#include <functional>
#include <vector>

#include "store/postgres/error.h"

namespace kc::sql {

namespace {

// Executes its prepared statement at the first Step and then walks the rows of the result.
class PostgresStmt : public Stmt {
 public:
  PostgresStmt(pqxx::transaction_base& tx, std::string name) : tx_(tx), name_(std::move(name)) {}

  Stmt& BindNull() override {
    values_.emplace_back();
    return *this;
  }
  Stmt& BindDouble(double v) override {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    values_.emplace_back(std::string(buf, ec == std::errc() ? end : buf));
    return *this;
  }

  bool Step() override {
    if (!ran_) Execute();
    if (!status_.ok()) return false;
    return ++row_ < static_cast<int64_t>(result_.size());
  }
  const Status& status() const override { return status_; }
  int64_t changes() const override { return ran_ ? result_.affected_rows() : 0; }
  int ColumnCount() const override { return static_cast<int>(result_.columns()); }
  std::string ColumnName(int col) const override {
    return result_.column_name(static_cast<pqxx::row::size_type>(col));
  }

  bool IsNull(int col) const override { return Field(col).is_null(); }
  int64_t Int(int col) const override {
    const pqxx::field f = Field(col);
    int64_t v = 0;
    if (!f.is_null()) std::from_chars(f.c_str(), f.c_str() + f.size(), v);
    return v;
  }
  double Double(int col) const override {
    const pqxx::field f = Field(col);
    return f.is_null() ? 0 : f.as<double>();
  }
  std::string Text(int col) const override {
    const pqxx::field f = Field(col);
    return f.is_null() ? std::string() : std::string(f.c_str(), f.size());
  }

 protected:
  Stmt& BindInt(int64_t v) override {
    values_.emplace_back(std::to_string(v));
    return *this;
  }
  Stmt& BindText(std::string_view v) override {
    values_.emplace_back(std::string(v));
    return *this;
  }

 private:
  pqxx::field Field(int col) const {
    return result_[static_cast<pqxx::result::size_type>(row_)][col];
  }

  void Execute() {
    ran_ = true;
    std::vector<const char*> ptrs;
    ptrs.reserve(values_.size());
    for (const auto& v : values_) ptrs.push_back(v ? v->c_str() : nullptr);
    try {
      result_ = tx_.exec_prepared(name_, pqxx::prepare::make_dynamic_params(ptrs));
    } catch (const std::exception& e) {
      status_ = pg::ErrorFrom(e);
    }
  }

  pqxx::transaction_base& tx_;
  const std::string name_;
  std::vector<std::optional<std::string>> values_;
  pqxx::result result_;
  bool ran_ = false;
  int64_t row_ = -1;
  Status status_;
};

}  // namespace

Result<std::unique_ptr<Stmt>> PostgresConn::Prepare(std::string_view sql) {
  std::string text = Dialect::Postgres().Placeholders(sql);
  char name[24];
  std::snprintf(name, sizeof name, "kc_%016zx", std::hash<std::string>{}(text));
  try {
    // Registers the statement with the connection, which prepares it on the server at its
    // first execution; registering the same text again only looks it up.
    tx_.conn().prepare(name, text);
  } catch (const std::exception& e) {
    return pg::ErrorFrom(e);
  }
  return std::unique_ptr<Stmt>(new PostgresStmt(tx_, name));
}

Status PostgresConn::Exec(std::string_view sql) {
  try {
    tx_.exec(std::string(sql));
    return Status::Ok();
  } catch (const std::exception& e) {
    return pg::ErrorFrom(e);
  }
}

}  // namespace kc::sql
