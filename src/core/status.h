// Errors as values: every fallible call returns a Status or a Result<T>.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace kc {

// The class of a failure; each maps to one HTTP status in the API (DESIGN §5).
enum class ErrorKind {
  kBadInput,      // 400: malformed request
  kUnauthorized,  // 401: no valid session
  kForbidden,     // 403: signed in, not allowed
  kNotFound,      // 404
  kConflict,      // 409: state does not allow it, or a unique value is taken
  kTooLarge,      // 413
  kInvalid,       // 422: a field has a bad value
  kTooMany,       // 429: throttled
  kUnavailable,   // 503: a dependency is down
  kStorageFull,   // 507: the disk (or the database's) is full; nothing was written
  kInternal,      // 500: never shown to clients in detail
};

// Status: success, or an error with a machine code (snake_case), a human message and,
// when one field is to blame, that field's name.
class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(ErrorKind kind, std::string code, std::string message,
                      std::string field = "") {
    Status s;
    s.error_ = Detail{kind, std::move(code), std::move(message), std::move(field)};
    return s;
  }

  bool ok() const { return !error_.has_value(); }
  ErrorKind kind() const { return error_->kind; }
  const std::string& code() const { return error_->code; }
  const std::string& message() const { return error_->message; }
  const std::string& field() const { return error_->field; }

 private:
  struct Detail {
    ErrorKind kind;
    std::string code;
    std::string message;
    std::string field;
  };
  std::optional<Detail> error_;
};

// Shorthands for the common errors.
inline Status BadInput(std::string code, std::string message, std::string field = "") {
  return Status::Error(ErrorKind::kBadInput, std::move(code), std::move(message), std::move(field));
}
inline Status Invalid(std::string field, std::string code, std::string message) {
  return Status::Error(ErrorKind::kInvalid, std::move(code), std::move(message), std::move(field));
}
inline Status NotFound(std::string what) {
  return Status::Error(ErrorKind::kNotFound, "not_found", what + " not found");
}
inline Status Forbidden(std::string message) {
  return Status::Error(ErrorKind::kForbidden, "forbidden", std::move(message));
}
inline Status Unauthorized(std::string message = "sign in first") {
  return Status::Error(ErrorKind::kUnauthorized, "unauthorized", std::move(message));
}
inline Status Conflict(std::string code, std::string message, std::string field = "") {
  return Status::Error(ErrorKind::kConflict, std::move(code), std::move(message), std::move(field));
}
// The write could not be stored for want of space; the caller may retry once space returns.
inline Status StorageFull(std::string detail) {
  return Status::Error(ErrorKind::kStorageFull, "storage_full",
                       "the server's storage is full, so nothing was saved; try again once an "
                       "operator has freed space (" +
                           detail + ")");
}
// The write could not be stored because the storage refuses writes (a read-only file system,
// a data directory without write permission, a read-only database); reads go on. 503: the
// request may succeed once an operator has made the storage writable again.
inline Status ReadOnlyStorage(std::string detail) {
  return Status::Error(ErrorKind::kUnavailable, "read_only_storage",
                       "the server's storage is read-only, so nothing was saved; try again once an "
                       "operator has made it writable (" +
                           detail + ")");
}
inline Status Internal(std::string message) {
  return Status::Error(ErrorKind::kInternal, "internal", std::move(message));
}

// Result<T>: a value or a failed Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}  // NOLINT: must not be Ok

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

inline const Status& StatusOf(const Status& s) { return s; }
template <typename T>
const Status& StatusOf(const Result<T>& r) {
  return r.status();
}

// Returns early from the enclosing function when a Status or Result failed. The status is
// copied while `expr`'s temporaries live (`f().status()` refers into a temporary Result).
#define KC_RETURN_IF_ERROR(expr)                      \
  do {                                                \
    ::kc::Status _kc_status = ::kc::StatusOf((expr)); \
    if (!_kc_status.ok()) return _kc_status;          \
  } while (0)

// Declares `var` = `expr` (a Result) and returns its status from the enclosing function when it
// failed; `*var` is the value after it.
#define KC_ASSIGN_OR_RETURN(var, expr) \
  auto var = (expr);                   \
  if (!var.ok()) return var.status()

}  // namespace kc
