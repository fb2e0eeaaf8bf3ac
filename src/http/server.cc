#include "http/server.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <mutex>
#include <random>
#include <thread>
#include <unordered_set>

#include "http/request_id.h"

namespace kc::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

class Session;

// One I/O thread's share of the server: its io_context, its acceptor and its connections.
struct Worker {
  asio::io_context ctx{1};
  std::unique_ptr<tcp::acceptor> acceptor;
  std::mutex mu;
  std::unordered_set<Session*> sessions;
  std::thread thread;
};

struct Server::Impl {
  ServerOptions options;
  const Router& router;
  AccessLogger log;
  Fallback fallback;
  std::vector<std::unique_ptr<Worker>> workers;
  std::unique_ptr<asio::thread_pool> blocking;
  std::atomic<bool> stopping{false};

  Impl(ServerOptions o, const Router& r, AccessLogger l, Fallback f)
      : options(std::move(o)), router(r), log(std::move(l)), fallback(std::move(f)) {}
  void Accept(Worker& w);
};

// One connection: read a request, answer it, repeat while keep-alive holds.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, Server::Impl& server, Worker& worker)
      : stream_(std::move(socket)), server_(server), worker_(worker) {
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = ep.address().to_string();
    std::lock_guard<std::mutex> lock(worker_.mu);
    worker_.sessions.insert(this);
  }
  ~Session() {
    std::lock_guard<std::mutex> lock(worker_.mu);
    worker_.sessions.erase(this);
  }

  void Start() { ReadHeader(); }

  // Closes the connection if no request is being handled; called on shutdown.
  void CloseIfIdle() {
    if (!busy_) {
      beast::error_code ec;
      stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
      stream_.socket().close(ec);
    }
  }

 private:
  void ReadHeader() {
    busy_ = false;
    parser_.emplace();
    parser_->header_limit(static_cast<uint32_t>(server_.options.header_limit));
    parser_->body_limit(server_.options.body_limit);
    stream_.expires_after(server_.options.idle_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
  }

  void OnHeader(beast::error_code ec, size_t) {
    if (ec) return OnReadError(ec);
    busy_ = true;
    stream_.expires_after(server_.options.read_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&Session::OnBody, shared_from_this()));
  }

  void OnBody(beast::error_code ec, size_t) {
    if (ec) return OnReadError(ec);
    started_ = std::chrono::steady_clock::now();
    std::string id = RequestIdFrom(parser_->get()["X-Request-Id"]);
    auto req = std::make_shared<Request>(parser_->release(), std::move(id), remote_);
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
      r = ErrorResponse(
          413, "body_too_large",
          "the request body exceeds " + std::to_string(server_.options.body_limit) + " bytes");
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

  void Dispatch(std::shared_ptr<Request> req) {
    Response res;
    if (server_.fallback && server_.fallback(*req, res)) {
      return Write(req, std::move(res), req->keep_alive());
    }
    auto match = server_.router.Find(*req);
    if (!match.route) {
      if (match.status == 405) {
        res = ErrorResponse(405, "method_not_allowed",
                            std::string(req->method_name()) + " is not allowed on " + req->path());
        res.AddHeader("Allow", match.allow);
      } else {
        res = ErrorResponse(404, "not_found", "no route for " + req->path());
      }
      return Write(req, std::move(res), req->keep_alive());
    }
    const Route* route = match.route;
    if (!route->blocking) {
      return Write(req, route->handler(*req), req->keep_alive());
    }
    // Slow work runs on the blocking pool; the answer is written back on this connection's
    // I/O thread.
    // The work guard keeps the I/O thread alive (even during Stop) until the answer is back.
    auto work = asio::make_work_guard(worker_.ctx);
    asio::post(*server_.blocking, [self = shared_from_this(), req, route, work]() mutable {
      Response r = route->handler(*req);
      asio::post(self->worker_.ctx, [self, req, r = std::move(r)]() mutable {
        self->Write(req, std::move(r), req->keep_alive());
      });
      work.reset();
    });
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
    res->keep_alive(keep_alive);
    res->body() = std::move(r.body);
    res->prepare_payload();
    size_t bytes = res->body().size();
    if (req && req->method() == bhttp::verb::head) res->body().clear();

    if (server_.log) {
      auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                        std::chrono::steady_clock::now() - started_)
                        .count();
      std::string target = req ? std::string(req->target()) : "-";
      std::string method = req ? std::string(req->method_name()) : "-";
      server_.log(AccessRecord{&request_id, method, target, r.status, bytes, micros, &remote_});
    }
    stream_.expires_after(server_.options.read_timeout);
    bhttp::async_write(stream_, *res,
                       [self = shared_from_this(), res, keep_alive](beast::error_code ec, size_t) {
                         if (ec || !keep_alive) return self->Close();
                         self->ReadHeader();
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
  bool busy_ = false;
  std::chrono::steady_clock::time_point started_;
};

void Server::Impl::Accept(Worker& w) {
  w.acceptor->async_accept(w.ctx, [this, &w](beast::error_code ec, tcp::socket socket) {
    if (stopping.load() || !w.acceptor->is_open()) return;
    if (!ec) {
      socket.set_option(tcp::no_delay(true), ec);
      std::make_shared<Session>(std::move(socket), *this, w)->Start();
    }
    Accept(w);
  });
}

Server::Server(ServerOptions options, const Router& router, AccessLogger log, Fallback fallback)
    : impl_(std::make_unique<Impl>(std::move(options), router, std::move(log),
                                   std::move(fallback))) {}

Server::~Server() { Stop(); }

Status Server::Start() {
  auto& o = impl_->options;
  int threads = o.threads > 0 ? o.threads : static_cast<int>(std::thread::hardware_concurrency());
  threads = std::max(1, threads);
  beast::error_code ec;
  auto address = asio::ip::make_address(o.host == "localhost" ? "127.0.0.1" : o.host, ec);
  if (ec) return Invalid("listen", "bad_address", "not an IP address: " + o.host);
  uint16_t port = o.port;
  for (int i = 0; i < threads; ++i) {
    auto w = std::make_unique<Worker>();
    w->acceptor = std::make_unique<tcp::acceptor>(w->ctx);
    tcp::endpoint ep(address, port);
    w->acceptor->open(ep.protocol(), ec);
    if (!ec) w->acceptor->set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) {
      int one = 1;
      ::setsockopt(w->acceptor->native_handle(), SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one));
      w->acceptor->bind(ep, ec);
    }
    if (!ec) w->acceptor->listen(asio::socket_base::max_listen_connections, ec);
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
  impl_->blocking = std::make_unique<asio::thread_pool>(std::max(1, o.blocking_threads));
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
      std::lock_guard<std::mutex> lock(wp->mu);
      for (Session* s : wp->sessions) s->CloseIfIdle();
    });
  }
  // In-flight requests finish; each io_context's run() returns when its last connection ends.
  auto deadline = std::chrono::steady_clock::now() + impl_->options.shutdown_grace;
  for (auto& w : impl_->workers) {
    while (!w->ctx.stopped() && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    w->ctx.stop();
  }
  for (auto& w : impl_->workers) {
    if (w->thread.joinable()) w->thread.join();
  }
  if (impl_->blocking) impl_->blocking->join();
}

}  // namespace kc::http
