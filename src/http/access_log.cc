#include "http/access_log.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <ctime>
#include <filesystem>

namespace kc::http {

namespace {

void AppendNumber(std::string& out, int64_t n) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), n);
  out.append(buf, end);
}

// The second of `t` as "2026-12-06T05:39:13" and its zone offset as "+0800", local time;
// each thread remembers the last second it formatted (a log's lines come many to a second).
struct SecondText {
  time_t second = -1;
  char stamp[20] = {};
  char zone[6] = {};
};

const SecondText& FormatSecond(time_t second) {
  thread_local SecondText cached;
  if (cached.second != second) {
    tm local{};
    localtime_r(&second, &local);
    strftime(cached.stamp, sizeof(cached.stamp), "%Y-%m-%dT%H:%M:%S", &local);
    strftime(cached.zone, sizeof(cached.zone), "%z", &local);
    cached.second = second;
  }
  return cached;
}

// "access.log" with index 2 is "access.2.log" (spdlog's rotating sink names them so).
std::string RotatedName(const std::string& path, int index) {
  if (index == 0) return path;
  std::filesystem::path p(path);
  std::string stem = (p.parent_path() / p.stem()).string();
  return stem + "." + std::to_string(index) + p.extension().string();
}

}  // namespace

Result<std::unique_ptr<AccessLog>> AccessLog::Open(const std::string& target, Options options) {
  if (target == "-") return std::unique_ptr<AccessLog>(new AccessLog(STDOUT_FILENO, "", options));
  std::error_code ec;
  auto dir = std::filesystem::path(target).parent_path();
  if (!dir.empty()) std::filesystem::create_directories(dir, ec);
  const int fd = ::open(target.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Status::Error(ErrorKind::kUnavailable, "access_log_unavailable",
                         "cannot open the access log " + target + ": " + std::strerror(errno));
  }
  return std::unique_ptr<AccessLog>(new AccessLog(fd, target, options));
}

AccessLog::AccessLog(int fd, std::string path, Options options)
    : options_(options), fd_(fd), path_(std::move(path)) {
  struct stat st {};
  if (!path_.empty() && ::fstat(fd_, &st) == 0) file_bytes_ = static_cast<size_t>(st.st_size);
  pending_.reserve(options_.batch_bytes);
  writer_ = std::thread([this] { Run(); });
}

AccessLog::~AccessLog() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_one();
  writer_.join();
  if (!path_.empty()) ::close(fd_);
}

void AccessLog::FormatLine(const AccessRecord& r, std::chrono::system_clock::time_point when,
                           std::string& out) {
  using namespace std::chrono;
  const auto ms = duration_cast<milliseconds>(when.time_since_epoch()).count();
  const SecondText& s = FormatSecond(static_cast<time_t>(ms / 1000));
  const int millis = static_cast<int>(ms % 1000);
  out.append(s.stamp);
  out.push_back('.');
  out.push_back(static_cast<char>('0' + millis / 100));
  out.push_back(static_cast<char>('0' + millis / 10 % 10));
  out.push_back(static_cast<char>('0' + millis % 10));
  out.append(s.zone);
  out.push_back(' ');
  out.append(r.request_id ? *r.request_id : "-");
  out.push_back(' ');
  out.append(r.remote && !r.remote->empty() ? *r.remote : "-");
  out.append(" \"");
  out.append(r.method);
  out.push_back(' ');
  out.append(r.target);
  out.append("\" ");
  AppendNumber(out, r.status);
  out.push_back(' ');
  AppendNumber(out, static_cast<int64_t>(r.bytes));
  out.push_back(' ');
  AppendNumber(out, r.micros);
  out.append("us\n");
}

void AccessLog::Append(const AccessRecord& record) {
  thread_local std::string line;
  line.clear();
  FormatLine(record, std::chrono::system_clock::now(), line);
  bool wake = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (pending_.size() + line.size() > options_.max_pending_bytes) {
      ++dropped_;
      return;
    }
    const size_t before = pending_.size();
    pending_.append(line);
    // The writer is woken once per batch, not per line.
    wake = before < options_.batch_bytes && pending_.size() >= options_.batch_bytes;
  }
  if (wake) wake_.notify_one();
}

void AccessLog::Flush() {
  std::unique_lock<std::mutex> lock(mu_);
  const uint64_t ticket = ++flushes_asked_;
  wake_.notify_one();
  written_.wait(lock, [&] { return flushes_done_ >= ticket || stopping_; });
}

uint64_t AccessLog::dropped() const {
  std::lock_guard<std::mutex> lock(mu_);
  return dropped_;
}

void AccessLog::Run() {
  std::string batch;
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    wake_.wait_for(lock, options_.flush_interval, [this] {
      return stopping_ || pending_.size() >= options_.batch_bytes || flushes_asked_ > flushes_done_;
    });
    const uint64_t asked = flushes_asked_;
    batch.swap(pending_);
    if (dropped_ > dropped_reported_) {
      AccessRecord note{};
      std::string text = "(access log: " + std::to_string(dropped_ - dropped_reported_) +
                         " lines dropped, the disk did not keep up)";
      note.method = "-";
      note.target = text;
      FormatLine(note, std::chrono::system_clock::now(), batch);
      dropped_reported_ = dropped_;
    }
    const bool last = stopping_;
    lock.unlock();
    if (!batch.empty()) WriteBatch(batch);
    batch.clear();
    if (batch.capacity() > 4 * options_.batch_bytes) batch.shrink_to_fit();  // after a burst
    lock.lock();
    flushes_done_ = asked;
    written_.notify_all();
    if (last && pending_.empty()) return;
  }
}

void AccessLog::WriteBatch(const std::string& batch) {
  if (!path_.empty() && file_bytes_ > 0 && file_bytes_ + batch.size() > options_.max_file_bytes) {
    Rotate();
  }
  size_t done = 0;
  while (done < batch.size()) {
    const ssize_t n = ::write(fd_, batch.data() + done, batch.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // the disk refuses: this batch is lost, the next one tries again
    done += static_cast<size_t>(n);
  }
  file_bytes_ += done;
}

// access.log → access.1.log → … → access.{max_files}.log, the oldest overwritten.
void AccessLog::Rotate() {
  std::error_code ec;
  for (int i = options_.max_files - 1; i >= 0; --i) {
    const std::string from = RotatedName(path_, i);
    if (std::filesystem::exists(from, ec)) {
      std::filesystem::rename(from, RotatedName(path_, i + 1), ec);
    }
  }
  const int fd = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return;  // keeps writing to the renamed file rather than losing lines
  ::close(fd_);
  fd_ = fd;
  file_bytes_ = 0;
}

}  // namespace kc::http
