#include "core/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <random>

namespace kc {
namespace {

// Calls fn until it is not interrupted by a signal.
template <typename Fn>
auto Retrying(Fn fn) {
  decltype(fn()) r;
  do {
    r = fn();
  } while (r < 0 && errno == EINTR);
  return r;
}

std::string TempNameFor(const std::string& path) {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  char suffix[24];
  std::snprintf(suffix, sizeof suffix, ".tmp-%016llx", static_cast<unsigned long long>(rng()));
  return path + suffix;
}

// Why a file operation failed: errno, the operation and the path.
struct Failure {
  int err = 0;
  std::string what;
  std::string path;
};

ErrorKind KindOf(int err) {
  if (err == ENOSPC || err == EDQUOT) return ErrorKind::kStorageFull;
  if (err == EROFS || err == EACCES || err == EPERM) return ErrorKind::kUnavailable;
  return ErrorKind::kInternal;
}

std::string Describe(const Failure& f) {
  return "cannot " + f.what + " " + f.path + ": " + std::strerror(f.err);
}

// WriteFileAtomically without the status: the failure, if any.
std::optional<Failure> WriteAtomically(const std::string& path, std::string_view bytes) {
  const std::string tmp = TempNameFor(path);
  const int fd =
      Retrying([&] { return ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644); });
  if (fd < 0) return Failure{errno, "create", tmp};
  auto fail = [&](const char* what) {
    const int err = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    return Failure{err, what, tmp};
  };
  for (size_t done = 0; done < bytes.size();) {
    const ssize_t n =
        Retrying([&] { return ::write(fd, bytes.data() + done, bytes.size() - done); });
    if (n < 0) return fail("write");
    done += static_cast<size_t>(n);
  }
  // fsync reports a write-back failure (a full thin volume, an I/O error) that write did not.
  if (::fsync(fd) != 0) return fail("sync");
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return Failure{err, "close", tmp};
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return Failure{err, "rename to", path};
  }
  // The rename itself is durable once the directory is synced.
  const std::string dir = std::filesystem::path(path).parent_path().string();
  const int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return std::nullopt;
}

// The status of CheckWritable: the kind and code of FileError, the system's reason alone.
Status CheckFailure(const Failure& f) {
  const ErrorKind kind = KindOf(f.err);
  const char* code = kind == ErrorKind::kStorageFull   ? "storage_full"
                     : kind == ErrorKind::kUnavailable ? "read_only_storage"
                                                       : "internal";
  return Status::Error(kind, code, Describe(f));
}

}  // namespace

Status FileError(const std::string& what, const std::string& path, int err) {
  const std::string detail = Describe(Failure{err, what, path});
  switch (KindOf(err)) {
    case ErrorKind::kStorageFull:
      return StorageFull(detail);
    case ErrorKind::kUnavailable:
      return ReadOnlyStorage(detail);
    default:
      return Internal(detail);
  }
}

Status WriteFileAtomically(const std::string& path, std::string_view bytes) {
  if (auto f = WriteAtomically(path, bytes)) return FileError(f->what, f->path, f->err);
  return Status::Ok();
}

Status CheckWritable(const std::string& path) {
  std::error_code ec;
  const auto type = std::filesystem::status(path, ec).type();
  if (type == std::filesystem::file_type::not_found) return Status::Ok();
  if (type != std::filesystem::file_type::directory) {
    if (::access(path.c_str(), W_OK) == 0) return Status::Ok();
    return CheckFailure(Failure{errno, "write", path});
  }
  // A name of its own: servers starting side by side may probe the same directory.
  const std::string probe = TempNameFor(path + "/.write-check");
  if (auto f = WriteAtomically(probe, "ok\n")) return CheckFailure(*f);
  if (::unlink(probe.c_str()) != 0) return CheckFailure(Failure{errno, "remove", probe});
  return Status::Ok();
}

}  // namespace kc
