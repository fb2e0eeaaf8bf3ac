#include "store/sqlite/connection.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>

#include "core/atomic_file.h"

namespace kc::sqlite {

Status ErrorStatus(sqlite3* db, int rc) {
  std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  int ext = db ? sqlite3_extended_errcode(db) : rc;
  if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY) {
    // "UNIQUE constraint failed: listings.org_id, listings.kind, listings.ref" → the last column.
    std::string field;
    auto dot = msg.rfind('.');
    if (dot != std::string::npos) field = msg.substr(dot + 1);
    return Conflict("duplicate",
                    "a record with this " + (field.empty() ? "value" : field) + " already exists",
                    field);
  }
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) {
    return Status::Error(ErrorKind::kUnavailable, "database_busy", "database is busy: " + msg);
  }
  if ((rc & 0xff) == SQLITE_FULL || (ext & 0xff) == SQLITE_FULL)
    return StorageFull("sqlite: " + msg);
  // A database file, journal or directory that may not be written: opened read-only after a
  // chmod, or an I/O error whose cause is a read-only file system or a denied permission.
  const int sys = db ? sqlite3_system_errno(db) : 0;
  if ((rc & 0xff) == SQLITE_READONLY || (ext & 0xff) == SQLITE_READONLY) {
    return ReadOnlyStorage("sqlite: " + msg);
  }
  if (((rc & 0xff) == SQLITE_IOERR || (rc & 0xff) == SQLITE_CANTOPEN) &&
      (sys == EROFS || sys == EACCES || sys == EPERM)) {
    return ReadOnlyStorage("sqlite: " + msg + ": " + std::strerror(sys));
  }
  if ((rc & 0xff) == SQLITE_IOERR && (sys == ENOSPC || sys == EDQUOT)) {
    return StorageFull("sqlite: " + msg + ": " + std::strerror(sys));
  }
  // A file system the kernel turned read-only while the server ran (ext4 errors=remount-ro after
  // a device error) or that filled: the failed write's errno is often lost, so ask the database's
  // directory whether it takes a file.
  const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
  if ((rc & 0xff) == SQLITE_IOERR && file && *file) {
    Status probe = CheckWritable(std::filesystem::path(file).parent_path().string());
    const std::string detail = "sqlite: " + msg + "; " + (probe.ok() ? "" : probe.message());
    if (!probe.ok() && probe.code() == "read_only_storage") return ReadOnlyStorage(detail);
    if (!probe.ok() && probe.code() == "storage_full") return StorageFull(detail);
  }
  return Internal("sqlite: " + msg + " (extended code " + std::to_string(ext) +
                  (sys ? ", " + std::string(std::strerror(sys)) : std::string()) + ")");
}

Stmt::~Stmt() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Stmt& Stmt::Bind(int i, int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
Stmt& Stmt::BindDouble(int i, double v) {
  sqlite3_bind_double(stmt_, i, v);
  return *this;
}
Stmt& Stmt::Bind(int i, std::string_view v) {
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::Bind(int i, std::optional<int64_t> v) { return v ? Bind(i, *v) : BindNull(i); }
Stmt& Stmt::BindNull(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

bool Stmt::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) status_ = ErrorStatus(sqlite3_db_handle(stmt_), rc);
  return false;
}

Status Stmt::Run() {
  while (Step()) {
  }
  return status_;
}

int Stmt::changes() const { return sqlite3_changes(sqlite3_db_handle(stmt_)); }

std::string Stmt::Text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  if (!p) return {};
  return std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Status s = ErrorStatus(db, rc);
    sqlite3_close(db);
    return s;
  }
  std::unique_ptr<Connection> conn(new Connection(db));
  sqlite3_busy_timeout(db, 5000);
  sqlite3_extended_result_codes(db, 1);
  Status s = conn->Exec(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
      "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-16000;");
  if (!s.ok()) return s;
  return conn;
}

Connection::~Connection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

Result<std::unique_ptr<Stmt>> Connection::Prepare(std::string_view sql) {
  auto it = cache_.find(std::string(sql));
  if (it != cache_.end()) return std::make_unique<Stmt>(it->second);
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return ErrorStatus(db_, rc);
  cache_.emplace(std::string(sql), stmt);
  return std::make_unique<Stmt>(stmt);
}

Status Connection::Exec(std::string_view sql) {
  char* err = nullptr;
  std::string text(sql);
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    Status s = ErrorStatus(db_, rc);
    sqlite3_free(err);
    return s;
  }
  return Status::Ok();
}

}  // namespace kc::sqlite
