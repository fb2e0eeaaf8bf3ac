// A fixed number of connections to one PostgreSQL database, opened on first use and replaced
// after they are lost (the server restarted): the store recovers by itself once the server is
// back, and answers Unavailable while it is not.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "core/status.h"

namespace kc::pg {

// Opens one connection to `url` (a libpq URI, postgres://user@host:port/db); Unavailable when
// the server cannot be reached.
Result<std::unique_ptr<pqxx::connection>> Connect(const std::string& url);

class Pool {
 public:
  // A borrowed connection, given back when the lease ends (dropped instead when Discard was
  // called, or when it is no longer open).
  class Lease {
   public:
    Lease(Pool* pool, std::unique_ptr<pqxx::connection> conn)
        : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    pqxx::connection& conn() { return *conn_; }
    void Discard() { discard_ = true; }

   private:
    Pool* pool_;
    std::unique_ptr<pqxx::connection> conn_;
    bool discard_ = false;
  };

  // Thread-safe. `size` connections at most; Take waits for a free one.
  Pool(std::string url, int size);

  // A live connection (opening one when its slot is empty), or Unavailable.
  Result<Lease> Take();

  const std::string& url() const { return url_; }

 private:
  void Give(std::unique_ptr<pqxx::connection> conn);

  const std::string url_;
  std::mutex mu_;
  std::condition_variable cv_;
  int free_slots_;
  std::vector<std::unique_ptr<pqxx::connection>> idle_;
};

}  // namespace kc::pg
