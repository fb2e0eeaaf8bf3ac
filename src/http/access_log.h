// The access log: one line per request, written in batches.
//
// A line is formatted on the thread that answered the request and appended to a buffer the log
// keeps for itself (a mutex held only for the append); a thread of the log's own writes the
// buffer with one write() about every flush_interval, or sooner once batch_bytes have gathered.
// So an I/O thread never waits for the disk and never wakes another thread per request (handing
// each line to a logging thread cost about a fifth of a small request's CPU, issue 15). What
// has not reached the file is at most one interval's lines; the destructor writes them. When
// the disk cannot keep up and max_pending_bytes wait, further lines are dropped and counted,
// and the log says so in a line of its own: memory stays bounded.
//
// Line: `2026-12-06T05:39:13.123+0800 REQUEST_ID CLIENT "METHOD TARGET" STATUS BYTES MICROSus`
// (local time with its offset; the bytes of the body sent; the time from the request's header to
// its answer). A file log is rotated like spdlog's rotating sink: at max_file_bytes,
// access.log becomes access.1.log, access.1.log access.2.log, … up to max_files.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/status.h"
#include "http/server.h"

namespace kc::http {

class AccessLog {
 public:
  struct Options {
    std::chrono::milliseconds flush_interval{200};
    size_t batch_bytes = 256 * 1024;
    size_t max_pending_bytes = 16 * 1024 * 1024;
    size_t max_file_bytes = 64 * 1024 * 1024;
    int max_files = 5;
  };

  // A log written to `target`: "-" is standard output, anything else a file (its directory is
  // created), appended to. Fails when the file cannot be opened.
  static Result<std::unique_ptr<AccessLog>> Open(const std::string& target, Options options);
  static Result<std::unique_ptr<AccessLog>> Open(const std::string& target) {
    return Open(target, Options());
  }
  // Writes what is pending and stops the log's thread.
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  // Adds a request's line. Safe from any thread.
  void Append(const AccessRecord& record);
  // Writes what is pending now, and returns once it is written.
  void Flush();
  // The lines dropped so far because max_pending_bytes were waiting.
  uint64_t dropped() const;

  // The line of `record` at `when`, with its newline, appended to `out`.
  static void FormatLine(const AccessRecord& record, std::chrono::system_clock::time_point when,
                         std::string& out);

 private:
  AccessLog(int fd, std::string path, Options options);
  void Run();
  void WriteBatch(const std::string& batch);
  void Rotate();

  const Options options_;
  int fd_;
  const std::string path_;  // empty for standard output
  size_t file_bytes_ = 0;

  mutable std::mutex mu_;
  std::condition_variable wake_;     // the writer: a full batch, a flush, or stopping
  std::condition_variable written_;  // Flush: a batch went out
  std::string pending_;
  uint64_t dropped_ = 0;
  uint64_t dropped_reported_ = 0;
  uint64_t flushes_asked_ = 0, flushes_done_ = 0;
  bool stopping_ = false;
  std::thread writer_;
};

}  // namespace kc::http
