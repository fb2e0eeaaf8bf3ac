// The HTTP/1.1 server: Boost.Beast, one io_context per thread, SO_REUSEPORT acceptors,
// keep-alive, size limits and timeouts, and graceful shutdown.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/status.h"
#include "http/router.h"

namespace kc::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;  // 0 picks a free port
  int threads = 0;       // I/O threads; 0 = one per core
  int blocking_threads = 2;
  size_t header_limit = 16 * 1024;
  size_t body_limit = 8 * 1024 * 1024;
  std::chrono::seconds read_timeout{30};  // to receive a whole request once it has begun
  std::chrono::seconds idle_timeout{75};  // a kept-alive connection with no request
  std::chrono::seconds shutdown_grace{15};
};

// Called once per request after the response is sent: for the access log.
struct AccessRecord {
  const std::string* request_id;
  std::string_view method;
  std::string_view target;
  int status;
  size_t bytes;
  int64_t micros;
  const std::string* remote;
};
using AccessLogger = std::function<void(const AccessRecord&)>;

// Called before routing: may answer the request itself (e.g. static files); returns false to
// let the router handle it.
using Fallback = std::function<bool(Request&, Response&)>;

class Server {
 public:
  Server(ServerOptions options, const Router& router, AccessLogger log, Fallback fallback = {});
  ~Server();

  // Binds and starts the I/O threads. Fails when the address cannot be bound.
  Status Start();
  // The bound port (useful with port 0).
  uint16_t port() const { return port_; }
  // Stops accepting, lets in-flight requests finish (up to shutdown_grace), closes idle
  // connections, and joins the threads. Safe to call once from any thread but an I/O thread.
  void Stop();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
  uint16_t port_ = 0;
};

}  // namespace kc::http
