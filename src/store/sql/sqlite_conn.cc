#include "store/sql/sqlite_conn.h"

namespace kc::sql {

namespace {

// A cached sqlite::Stmt with its next bind index; reset when it goes out of scope.
class SqliteStmt : public Stmt {
 public:
  explicit SqliteStmt(std::unique_ptr<sqlite::Stmt> s) : s_(std::move(s)) {}

  Stmt& BindNull() override {
    s_->BindNull(next_++);
    return *this;
  }
  Stmt& BindDouble(double v) override {
    s_->BindDouble(next_++, v);
    return *this;
  }
  // Stays at the end once there: stepping a finished sqlite3_stmt again would run it again.
  bool Step() override {
    if (done_) return false;
    done_ = !s_->Step();
    return !done_;
  }
  const Status& status() const override { return s_->status(); }
  int64_t changes() const override { return s_->changes(); }
  int ColumnCount() const override { return s_->ColumnCount(); }
  std::string ColumnName(int col) const override { return s_->ColumnName(col); }

  bool IsNull(int col) const override { return s_->IsNull(col); }
  int64_t Int(int col) const override { return s_->Int(col); }
  double Double(int col) const override { return s_->Double(col); }
  std::string Text(int col) const override { return s_->Text(col); }

 protected:
  Stmt& BindInt(int64_t v) override {
    s_->Bind(next_++, v);
    return *this;
  }
  Stmt& BindText(std::string_view v) override {
    // An empty string_view may have no data, which SQLite would bind as NULL.
    s_->Bind(next_++, v.data() ? v : std::string_view(""));
    return *this;
  }

 private:
  std::unique_ptr<sqlite::Stmt> s_;
  int next_ = 1;
  bool done_ = false;
};

}  // namespace

Result<std::unique_ptr<Stmt>> SqliteConn::Prepare(std::string_view sql) {
  auto s = c_.Prepare(sql);
  if (!s.ok()) return s.status();
  return std::unique_ptr<Stmt>(new SqliteStmt(std::move(*s)));
}

}  // namespace kc::sql
