#include "http/server.h"

#include <malloc.h>
#include <spdlog/spdlog.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <array>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cerrno>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>

#include "core/utf8.h"
#include "http/compress.h"
#include "http/connection_limits.h"
#include "http/request_id.h"
#include "http/security_headers.h"
#include "http/work_pool.h"

namespace kc::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

namespace {

// Accepting again after running out of file descriptors: the first pause, and the longest.
constexpr auto kAcceptPauseFirst = 20ms;
constexpr auto kAcceptPauseMax = 500ms;
// How often the heap is looked at after a burst of connections, and what counts as a burst.
constexpr auto kTrimInterval = 1s;
constexpr size_t kBurstConnections = 32;
// Blocks of this size and more are mapped on their own and unmapped when freed, instead of
// staying in the heap once a large request body has come and gone. Fixing the threshold also
// stops glibc from raising it after the first large block is freed.
constexpr int kMmapThreshold = 128 * 1024;
// What is read and thrown away of a body the server refused, so that the client reads the
// answer instead of a reset: at most this much, for at most kDrainTime.
constexpr size_t kDrainBytes = 1024 * 1024;
constexpr auto kDrainTime = 1s;

bool OutOfDescriptors(const beast::error_code& ec) {
  if (ec.category() != boost::system::system_category()) return false;
  const int v = ec.value();
  return v == EMFILE || v == ENFILE || v == ENOBUFS || v == ENOMEM;
}

size_t ConnectionCap(const ServerOptions& o) {
  if (o.max_connections > 0) return o.max_connections;
  rlimit rl{};
  if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY) return 10000;
  size_t files = static_cast<size_t>(rl.rlim_cur);
  return files > kReservedFiles + 16 ? files - kReservedFiles : 16;
}

// True when the request's path and every query parameter are UTF-8 once percent-decoded: the
// only text a handler, a page or a database may be given (PostgreSQL refuses other bytes).
bool DecodesToUtf8(const Request& req) {
  if (!IsValidUtf8(req.path())) return false;
  for (const auto& [name, value] : req.query_params()) {
    if (!IsValidUtf8(name) || !IsValidUtf8(value)) return false;
  }
  return true;
}

// The answer to a request that finds the search pool's queue full.
Response SearchBusy() {
  Response r = ErrorResponse(503, "search_busy",
                             "the server is busy with other searches; try again in a moment");
  r.AddHeader("Retry-After", "1");
  return r;
}

// The 503 written to a connection over a cap, as bytes (no parser has seen a request yet).
std::string RefusalBytes(bool https) {
  const std::string body =
      R"({"error":{"code":"too_many_connections","message":"the server has too many open )"
      R"(connections; try again in a few seconds"}})";
  std::string out =
      "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
      "Retry-After: 5\r\nConnection: close\r\nX-Request-Id: " +
      NewRequestId() + "\r\n";
  for (const auto& [name, value] : SecurityHeaders(https)) {
    out.append(name).append(": ").append(value).append("\r\n");
  }
  return out + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

}  // namespace

class Session;

// One I/O thread's share of the server: its io_context, its acceptor and its connections.
struct Worker {
  // Before ctx, so that sessions whose handlers ctx still holds when it goes (after a shutdown
  // that outlasted its grace) can take themselves out.
  std::mutex mu;
  std::unordered_set<Session*> sessions;
  asio::io_context ctx{1};
  std::unique_ptr<tcp::acceptor> acceptor;
  asio::steady_timer accept_pause{ctx};
  std::chrono::milliseconds pause{0};  // the current pause after EMFILE; 0 when accepting
  asio::steady_timer trim_timer{ctx};  // the first worker's only
  std::thread thread;
};

struct Server::Impl {
  ServerOptions options;
  const Router& router;
  AccessLogger log;
  Fallback fallback;
  SignedInCheck signed_in;
  ConnectionLimits limits;
  std::vector<std::unique_ptr<Worker>> workers;
  std::unique_ptr<WorkPool> blocking;  // Pool::kBlocking
  std::unique_ptr<WorkPool> search;    // Pool::kSearch
  std::atomic<bool> stopping{false};
  bool bound = false;

  Impl(ServerOptions o, const Router& r, AccessLogger l, Fallback f, SignedInCheck s)
      : options(std::move(o)),
        router(r),
        log(std::move(l)),
        fallback(std::move(f)),
        signed_in(std::move(s)),
        limits(ConnectionCap(options), options.max_client_connections) {}
  void Accept(Worker& w);
  void PauseAccepting(Worker& w);
  void Refuse(tcp::socket& socket);
  void TrimAfterBursts(Worker& w);
};

// One connection: read a request, answer it, repeat while keep-alive holds.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, Server::Impl& server, Worker& worker, std::string remote)
      : stream_(std::move(socket)), server_(server), worker_(worker), remote_(std::move(remote)) {
    std::lock_guard<std::mutex> lock(worker_.mu);
    worker_.sessions.insert(this);
  }
  ~Session() {
    {
      std::lock_guard<std::mutex> lock(worker_.mu);
      worker_.sessions.erase(this);
    }
    server_.limits.Close(remote_);
  }

  // The first request must begin within header_timeout, like every header.
  void Start() { WaitForRequest(server_.options.header_timeout); }

  // Closes the connection if no request is being handled; called on shutdown.
  void CloseIfIdle() {
    if (!busy_) {
      beast::error_code ec;
      stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
      stream_.socket().close(ec);
    }
  }

 private:
  // Waits up to `timeout` for the first bytes of the next request, then reads its header.
  void WaitForRequest(std::chrono::seconds timeout) {
    busy_ = false;
    if (buffer_.size() > 0) return ReadHeader();  // a pipelined request is already here
    // A connection that waits holds no more than its socket.
    if (buffer_.capacity() > 4096) buffer_.shrink_to_fit();
    stream_.expires_after(timeout);
    stream_.async_read_some(buffer_.prepare(4096),
                            [self = shared_from_this()](beast::error_code ec, size_t n) {
                              if (ec) return self->OnReadError(ec);
                              self->buffer_.commit(n);
                              self->ReadHeader();
                            });
  }

  void ReadHeader() {
    parser_.emplace();
    parser_->header_limit(static_cast<uint32_t>(server_.options.header_limit));
    // No limit while the header is read: the request's own is decided from its header (OnHeader),
    // before any of the body is read.
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    stream_.expires_after(server_.options.header_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
  }

  // The body limit of the request whose header was read: decided before any of the body is.
  // body_limit bounds every other limit.
  size_t BodyLimit() {
    const auto& o = server_.options;
    const size_t anonymous = std::min(o.anonymous_body_limit, o.body_limit);
    const bool has_body = parser_->chunked() || parser_->content_length().value_or(0) > 0;
    if (!has_body || !match_.route) return anonymous;
    const size_t route_limit = match_.route->doc.body_size == BodySize::kUpload
                                   ? o.body_limit
                                   : std::min(o.json_body_limit, o.body_limit);
    if (route_limit <= anonymous) return route_limit;
    if (parser_->content_length() && *parser_->content_length() <= anonymous) {
      return anonymous;  // small enough for anyone: no need to ask who sends it
    }
    if (!server_.signed_in) return route_limit;
    Request probe(BeastRequest(parser_->get().base()), "", remote_);
    return server_.signed_in(probe) ? route_limit : anonymous;
  }

  void OnHeader(beast::error_code ec, size_t) {
    if (ec) return OnReadError(ec);
    busy_ = true;
    started_ = std::chrono::steady_clock::now();
    const auto& head = parser_->get();
    match_ = server_.router.Find(head.method(), head.target());
    body_limit_ = BodyLimit();
    if (parser_->content_length().value_or(0) > body_limit_) {
      // Refused before the body is read: the connection cannot carry another request.
      auto req = std::make_shared<Request>(BeastRequest(head.base()),
                                           RequestIdFrom(head["X-Request-Id"]), remote_);
      drain_ = true;
      return Write(req, TooLarge(), /*keep_alive=*/false);
    }
    parser_->body_limit(body_limit_);
    stream_.expires_after(server_.options.read_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&Session::OnBody, shared_from_this()));
  }

  Response TooLarge() const {
    return ErrorResponse(413, "body_too_large",
                         "the request body exceeds " + std::to_string(body_limit_) + " bytes");
  }

  void OnBody(beast::error_code ec, size_t) {
    if (ec) return OnReadError(ec);
    started_ = std::chrono::steady_clock::now();
    std::string id = RequestIdFrom(parser_->get()["X-Request-Id"]);
    auto req = std::make_shared<Request>(parser_->release(), std::move(id), remote_);
    parser_.reset();
    Dispatch(std::move(req));
  }

  void OnReadError(beast::error_code ec) {
    if (ec == bhttp::error::end_of_stream || ec == asio::error::operation_aborted ||
        ec == beast::error::timeout || ec == asio::error::connection_reset ||
        ec == asio::error::eof) {
      return Close();
    }
    started_ = std::chrono::steady_clock::now();
    Response r;
    if (ec == bhttp::error::body_limit) {
      r = TooLarge();
      drain_ = true;
    } else if (ec == bhttp::error::header_limit) {
      r = ErrorResponse(
          431, "headers_too_large",
          "the request headers exceed " + std::to_string(server_.options.header_limit) + " bytes");
    } else {
      r = ErrorResponse(400, "bad_request", "malformed HTTP request: " + ec.message());
    }
    busy_ = true;
    Write(nullptr, std::move(r), /*keep_alive=*/false);
  }

  // The answer to a request: 400 "invalid_encoding" when its path or query is not UTF-8, else
  // the route's handler's, else the fallback's (for the paths no route claims: the web pages),
  // else 404 or 405. An exception becomes a 500 whose detail goes to the log.
  Response Answer(Request& req) {
    try {
      if (!DecodesToUtf8(req)) {
        return ErrorResponse(400, "invalid_encoding",
                             "the path and query string must be UTF-8 once percent-decoded");
      }
      Response res;
      if (!match_.route && server_.fallback.serve && server_.fallback.serve(req, res)) return res;
      if (!match_.route) {
        if (match_.status == 405) {
          res = ErrorResponse(405, "method_not_allowed",
                              std::string(req.method_name()) + " is not allowed on " + req.path());
          res.AddHeader("Allow", match_.allow);
        } else {
          res = ErrorResponse(404, "not_found", "no route for " + req.path());
        }
        return res;
      }
      req.SetParams(std::move(match_.params));
      return match_.route->handler(req);
    } catch (const std::exception& e) {
      return ErrorResponse(Internal(std::string("exception: ") + e.what()));
    } catch (...) {
      return ErrorResponse(Internal("an exception that is not a std::exception"));
    }
  }

  // Where a request is answered: the route's pool, else where the fallback says for its own
  // pages.
  Pool PoolFor(const Request& req) const {
    if (!match_.route && server_.fallback.pool) {
      if (Pool p = server_.fallback.pool(req); p != Pool::kIoThread) return p;
    }
    return match_.route ? match_.route->pool : Pool::kIoThread;
  }

  void Dispatch(std::shared_ptr<Request> req) {
    const Pool pool = PoolFor(*req);
    if (pool == Pool::kIoThread) return Write(req, Answer(*req), req->keep_alive());
    // Slow work runs on its pool, while this I/O thread serves its other connections; the
    // answer is written back on this connection's I/O thread. The work guard keeps the I/O
    // thread alive (even during Stop) until the answer is back. Nothing else touches this
    // session meanwhile: it reads its next request only after writing this answer.
    auto work = asio::make_work_guard(worker_.ctx);
    WorkPool& workers = pool == Pool::kSearch ? *server_.search : *server_.blocking;
    const bool queued = workers.TryPost([self = shared_from_this(), req, work]() mutable {
      Response r = self->Answer(*req);
      asio::post(self->worker_.ctx, [self, req, r = std::move(r)]() mutable {
        self->Write(req, std::move(r), req->keep_alive());
      });
      work.reset();
    });
    if (!queued) Write(req, SearchBusy(), req->keep_alive());
  }

  void Write(const std::shared_ptr<Request>& req, Response r, bool keep_alive) {
    keep_alive = keep_alive && !server_.stopping.load();
    auto res = std::make_shared<bhttp::response<bhttp::string_body>>();
    res->version(11);
    res->result(static_cast<unsigned>(r.status));
    res->set(bhttp::field::content_type, r.content_type);
    std::string request_id = req ? req->request_id() : NewRequestId();
    res->set("X-Request-Id", request_id);
    for (auto& [k, v] : r.headers) res->insert(k, v);
    for (const auto& [name, value] : SecurityHeaders(server_.options.https)) {
      // A handler's own value wins (static files set X-Content-Type-Options themselves).
      if (r.headers.empty() || res->find(name) == res->end()) res->set(name, value);
    }
    res->keep_alive(keep_alive);
    // JSON of 1 KiB and more goes gzipped to a client that accepts it (docs/api.md,
    // "Compression"); a body a handler encoded itself is left alone.
    if (req && ShouldCompress(r.content_type, r.body.size()) &&
        res->find(bhttp::field::content_encoding) == res->end()) {
      res->set(bhttp::field::vary, "Accept-Encoding");
      if (AcceptsGzip(req->Header(bhttp::field::accept_encoding))) {
        if (auto gz = Gzip(r.body)) {
          res->set(bhttp::field::content_encoding, "gzip");
          r.body = std::move(*gz);
        }
      }
    }
    res->body() = std::move(r.body);
    res->prepare_payload();
    size_t bytes = res->body().size();
    if (req && req->method() == bhttp::verb::head) res->body().clear();

    const std::string_view target = req ? req->target() : "-";
    const std::string_view method = req ? req->method_name() : "-";
    if (r.status == 500) {
      // The response says "the server log has the details": here they are.
      spdlog::error("request {} {} {} failed: {}", request_id, method, target,
                    r.log_detail.empty() ? "(no detail given)" : r.log_detail);
    }
    if (server_.log) {
      auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                        std::chrono::steady_clock::now() - started_)
                        .count();
      server_.log(AccessRecord{&request_id, method, target, r.status, bytes, micros, &remote_});
    }
    stream_.expires_after(server_.options.read_timeout);
    bhttp::async_write(stream_, *res,
                       [self = shared_from_this(), res, keep_alive](beast::error_code ec, size_t) {
                         if (ec) return self->Close();
                         if (!keep_alive) return self->drain_ ? self->Drain() : self->Close();
                         self->body_limit_ = 0;
                         self->WaitForRequest(self->server_.options.idle_timeout);
                       });
  }

  // After refusing a body: stops sending, reads (and drops) what the client still sends for a
  // moment, then closes; a client busy sending its body then reads the answer instead of a
  // connection reset.
  void Drain() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    buffer_.clear();
    buffer_.shrink_to_fit();
    stream_.expires_after(kDrainTime);
    DrainSome();
  }
  void DrainSome() {
    stream_.async_read_some(asio::buffer(drain_buf_),
                            [self = shared_from_this()](beast::error_code ec, size_t n) {
                              self->drained_ += n;
                              if (ec || self->drained_ >= kDrainBytes) return self->Close();
                              self->DrainSome();
                            });
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.socket().close(ec);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  Server::Impl& server_;
  Worker& worker_;
  std::string remote_;
  Router::Match match_;    // the route of the request being read
  size_t body_limit_ = 0;  // of the request being read
  bool busy_ = false;
  bool drain_ = false;
  size_t drained_ = 0;
  std::array<char, 4096> drain_buf_;
  std::chrono::steady_clock::time_point started_;
};

void Server::Impl::Accept(Worker& w) {
  w.acceptor->async_accept(w.ctx, [this, &w](beast::error_code ec, tcp::socket socket) {
    if (stopping.load() || !w.acceptor->is_open()) return;
    if (ec) {
      if (OutOfDescriptors(ec)) return PauseAccepting(w);
      return Accept(w);  // e.g. the client gave up before it was accepted
    }
    if (w.pause.count() > 0) {
      spdlog::info("accepting connections again ({} open)", limits.open());
      w.pause = 0ms;
    }
    beast::error_code ignored;
    auto ep = socket.remote_endpoint(ignored);
    std::string remote = ignored ? std::string() : ep.address().to_string();
    if (!limits.TryOpen(remote)) {
      Refuse(socket);
    } else {
      socket.set_option(tcp::no_delay(true), ignored);
      std::make_shared<Session>(std::move(socket), *this, w, std::move(remote))->Start();
    }
    Accept(w);
  });
}

// Out of file descriptors: the pending connection stays in the listen queue and accepting
// would fail again at once, so wait (longer each time, up to kAcceptPauseMax) instead of
// spinning. Connections that end meanwhile give their descriptors back.
void Server::Impl::PauseAccepting(Worker& w) {
  if (w.pause.count() == 0) {
    spdlog::warn(
        "out of file descriptors with {} connections open: pausing accepting "
        "(raise the open-file limit, or lower --max-connections)",
        limits.open());
  }
  w.pause = w.pause.count() == 0
                ? std::chrono::milliseconds(kAcceptPauseFirst)
                : std::min(w.pause * 2, std::chrono::milliseconds(kAcceptPauseMax));
  w.accept_pause.expires_after(w.pause);
  w.accept_pause.async_wait([this, &w](beast::error_code ec) {
    if (ec || stopping.load() || !w.acceptor->is_open()) return;
    Accept(w);
  });
}

// Over a cap: a clear answer, written without waiting (a fresh socket's send buffer is empty),
// then the connection is closed at once so that it holds nothing.
void Server::Impl::Refuse(tcp::socket& socket) {
  static const std::string kPlain = RefusalBytes(false);
  static const std::string kHttps = RefusalBytes(true);
  const std::string& bytes = options.https ? kHttps : kPlain;
  (void)::send(socket.native_handle(), bytes.data(), bytes.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
  beast::error_code ec;
  socket.shutdown(tcp::socket::shutdown_send, ec);
  socket.close(ec);
}

// glibc keeps freed memory in its arenas; after a burst of connections (an attack, or a rush)
// give it back once most of them are gone.
void Server::Impl::TrimAfterBursts(Worker& w) {
  w.trim_timer.expires_after(kTrimInterval);
  w.trim_timer.async_wait([this, &w](beast::error_code ec) {
    if (ec || stopping.load()) return;
    size_t peak = limits.TakePeak();
    if (peak >= kBurstConnections && limits.open() <= peak / 4) malloc_trim(0);
    TrimAfterBursts(w);
  });
}

Server::Server(ServerOptions options, const Router& router, AccessLogger log, Fallback fallback,
               SignedInCheck signed_in)
    : impl_(std::make_unique<Impl>(std::move(options), router, std::move(log), std::move(fallback),
                                   std::move(signed_in))) {}

Server::~Server() { Stop(); }

size_t Server::max_connections() const { return impl_->limits.max_total(); }

size_t Server::open_connections() const { return impl_->limits.open(); }

Status Server::Bind() {
  if (impl_->bound) return Status::Ok();
  auto& o = impl_->options;
  int threads = o.threads > 0 ? o.threads : static_cast<int>(std::thread::hardware_concurrency());
  threads = std::max(1, threads);
  beast::error_code ec;
  auto address = asio::ip::make_address(o.host == "localhost" ? "127.0.0.1" : o.host, ec);
  if (ec) return Invalid("listen", "bad_address", "not an IP address: " + o.host);
  // One listening socket, bound without SO_REUSEPORT so that a second server on the same port
  // fails here instead of silently sharing its connections; each I/O thread accepts on a
  // duplicate of it.
  uint16_t port = o.port;
  for (int i = 0; i < threads; ++i) {
    auto w = std::make_unique<Worker>();
    w->acceptor = std::make_unique<tcp::acceptor>(w->ctx);
    tcp::endpoint ep(address, port);
    if (i == 0) {
      w->acceptor->open(ep.protocol(), ec);
      if (!ec) w->acceptor->set_option(asio::socket_base::reuse_address(true), ec);
      if (!ec) w->acceptor->bind(ep, ec);
      if (!ec) w->acceptor->listen(asio::socket_base::max_listen_connections, ec);
    } else {
      const int fd = ::dup(impl_->workers.front()->acceptor->native_handle());
      if (fd < 0) {
        ec.assign(errno, boost::system::system_category());
      } else {
        w->acceptor->assign(ep.protocol(), fd, ec);
        if (ec) ::close(fd);
      }
    }
    if (ec) {
      impl_->workers.clear();
      return Status::Error(
          ErrorKind::kUnavailable, "bind_failed",
          "cannot listen on " + o.host + ":" + std::to_string(port) + ": " + ec.message());
    }
    if (port == 0) port = w->acceptor->local_endpoint().port();
    impl_->workers.push_back(std::move(w));
  }
  port_ = port;
  impl_->bound = true;
  return Status::Ok();
}

Status Server::Start() {
  KC_RETURN_IF_ERROR(Bind());
  mallopt(M_MMAP_THRESHOLD, kMmapThreshold);
  auto& o = impl_->options;
  impl_->blocking = std::make_unique<WorkPool>(o.blocking_threads, WorkPool::kUnbounded);
  impl_->search = std::make_unique<WorkPool>(
      o.search_threads > 0 ? o.search_threads
                           : static_cast<int>(std::thread::hardware_concurrency()),
      o.search_queue);
  impl_->TrimAfterBursts(*impl_->workers.front());
  for (auto& w : impl_->workers) {
    impl_->Accept(*w);
    Worker* wp = w.get();
    w->thread = std::thread([wp] { wp->ctx.run(); });
  }
  return Status::Ok();
}

void Server::Stop() {
  if (!impl_ || impl_->workers.empty() || impl_->stopping.exchange(true)) return;
  for (auto& w : impl_->workers) {
    Worker* wp = w.get();
    asio::post(w->ctx, [wp] {
      beast::error_code ec;
      wp->acceptor->close(ec);
      wp->accept_pause.cancel();
      wp->trim_timer.cancel();
      std::lock_guard<std::mutex> lock(wp->mu);
      for (Session* s : wp->sessions) s->CloseIfIdle();
    });
  }
  // In-flight requests finish; each io_context's run() returns when its last connection ends.
  auto deadline = std::chrono::steady_clock::now() + impl_->options.shutdown_grace;
  for (auto& w : impl_->workers) {
    while (!w->ctx.stopped() && w->thread.joinable() &&
           std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    w->ctx.stop();
  }
  for (auto& w : impl_->workers) {
    if (w->thread.joinable()) w->thread.join();
  }
  // What is still queued runs now (its answers go nowhere: the I/O threads have stopped).
  if (impl_->blocking) impl_->blocking->Stop();
  if (impl_->search) impl_->search->Stop();
}

}  // namespace kc::http
