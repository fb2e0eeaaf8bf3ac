// The HTTP/1.1 server: Boost.Beast, one io_context per thread, SO_REUSEPORT acceptors,
// keep-alive, size limits and timeouts, connection caps, and graceful shutdown.
//
// An I/O thread reads a request and, for a quick route, runs its handler and writes the answer;
// slow work (Route::pool) is handed to a pool of its own (work_pool.h) while the I/O thread goes
// on serving its other connections, and the answer is written back on the I/O thread. The
// search pool's queue is bounded: beyond it, 503 search_busy with Retry-After at once.
//
// What an unknown client can make the server hold is bounded (docs/security.md): a request's
// body limit is decided from its header before any of the body is read (the small anonymous
// limit unless a signed-in caller sends to a route that takes more), a header must arrive
// within header_timeout, connections are capped overall and per client address (503 beyond),
// running out of file descriptors pauses accepting instead of spinning, and the heap is given
// back to the system after a burst of connections. Every response carries the security headers
// (security_headers.h), and every internal error (500) is logged with its request id.
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
  uint16_t port = 8080;      // 0 picks a free port
  int threads = 0;           // I/O threads; 0 = one per core
  int blocking_threads = 2;  // the blocking pool (Pool::kBlocking)
  // The search pool (Pool::kSearch): its threads (0 = one per core) and how many requests may
  // wait for one of them; a request beyond is answered 503 search_busy with Retry-After.
  int search_threads = 0;
  size_t search_queue = 64;
  size_t header_limit = 16 * 1024;
  // Request bodies: a caller who is not signed in sends at most anonymous_body_limit anywhere;
  // a signed-in caller json_body_limit to an ordinary route and body_limit to an upload route
  // (RouteDoc::body_size). body_limit bounds the other two. Larger bodies get 413 before they
  // are read.
  size_t anonymous_body_limit = 64 * 1024;
  size_t json_body_limit = 1024 * 1024;
  size_t body_limit = 8 * 1024 * 1024;
  // Open connections: at most max_connections in all (0: the open-file limit less
  // kReservedFiles) and max_client_connections from one address (0: no cap per address).
  size_t max_connections = 0;
  size_t max_client_connections = 128;
  std::chrono::seconds header_timeout{10};  // to receive a request's header once it has begun
  std::chrono::seconds read_timeout{30};    // to receive a request's body
  std::chrono::seconds idle_timeout{75};    // a kept-alive connection with no request
  std::chrono::seconds shutdown_grace{15};
  bool https = false;  // served over HTTPS (--secure-cookies): responses carry HSTS
};

// File descriptors kept for the rest of the process (database, index, logs) when
// max_connections is derived from the open-file limit.
inline constexpr size_t kReservedFiles = 128;

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

// Offered every request before the router: may answer it itself (static files, the pages the
// server writes). `serve` returns false to leave the request to the router. `pool` says where
// `serve` runs for a request (asked on the I/O thread, from the request's method and path, so it
// must be quick); unset, or Pool::kIoThread, is the I/O thread.
struct Fallback {
  std::function<bool(Request&, Response&)> serve;
  std::function<Pool(const Request&)> pool;
};

// Whether a request (its header only; the body is not read yet) comes from a signed-in caller
// with a valid session. Called on an I/O thread, and only for a request that announces a body
// larger than anonymous_body_limit (or a chunked one) to a route that takes one.
using SignedInCheck = std::function<bool(const Request&)>;

class Server {
 public:
  // Without `signed_in`, every caller counts as signed in (a server without accounts).
  Server(ServerOptions options, const Router& router, AccessLogger log, Fallback fallback = {},
         SignedInCheck signed_in = {});
  ~Server();

  // Binds the address (after which port() is known) without serving yet. Fails when the
  // address cannot be bound.
  Status Bind();
  // Binds (unless Bind did) and starts the I/O threads.
  Status Start();
  // The bound port (useful with port 0).
  uint16_t port() const { return port_; }
  // The connection cap in force (max_connections, or what the open-file limit allows).
  size_t max_connections() const;
  // Open connections now.
  size_t open_connections() const;
  // Stops accepting, lets in-flight requests finish (up to shutdown_grace; those waiting in a
  // pool's queue too, answered once they have run), closes idle connections, and joins the
  // threads. Safe to call once from any thread but an I/O thread or a pool's.
  void Stop();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
  uint16_t port_ = 0;
};

}  // namespace kc::http
