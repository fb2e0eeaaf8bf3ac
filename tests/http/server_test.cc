#include "http/server.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <atomic>
#include <boost/asio.hpp>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "http/security_headers.h"
#include "http/signal.h"
#include "http/test_client.h"

namespace kc::http {
namespace {

using nlohmann::json;
using testing::ClientResponse;
using ::testing::HasSubstr;
using testing::TestClient;
using namespace std::chrono_literals;

using testing::Signal;

// What the access logger saw, copied (the record's pointers live only during the call).
struct Logged {
  std::string request_id;
  std::string method;
  std::string target;
  int status;
  size_t bytes;
};

Response Text(std::string body, int status = 200) {
  Response r;
  r.status = status;
  r.content_type = "text/plain";
  r.body = std::move(body);
  return r;
}

bool IsGeneratedId(std::string_view id) {
  if (id.size() != 16) return false;
  for (char c : id) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

json ErrorOf(const ClientResponse& res) {
  EXPECT_EQ(res[bhttp::field::content_type], "application/json");
  json j = json::parse(res.body(), nullptr, false);
  EXPECT_TRUE(j.is_object() && j.contains("error")) << res.body();
  return j.is_object() ? j.value("error", json::object()) : json::object();
}

class ServerTest : public ::testing::Test {
 protected:
  static constexpr size_t kSlowBodySize = 256 * 1024;

  ServerTest() {
    router_.Add(bhttp::verb::get, "/echo",
                [](Request& req) {
                  json j = {{"request_id", req.request_id()}, {"path", req.path()}};
                  Response r;
                  r.body = j.dump();
                  return r;
                },
                {});
    router_.Add(bhttp::verb::get, "/items/{id}",
                [](Request& req) { return Text("item " + std::string(req.Param("id"))); }, {});
    router_.Add(bhttp::verb::post, "/upload",
                [](Request& req) { return Text("got " + std::to_string(req.body().size())); }, {});
    router_.Add(bhttp::verb::get, "/io-thread",
                [this](Request&) {
                  io_thread_ = std::this_thread::get_id();
                  return Text("io");
                },
                {});
    router_.Add(
        bhttp::verb::get, "/blocking",
        [this](Request&) {
          blocking_thread_ = std::this_thread::get_id();
          blocking_entered_.Notify();
          // Holds the blocking pool until the test has been answered on the I/O thread.
          bool released = release_blocking_.WaitFor(5s);
          return Text(released ? "blocking done" : "never released");
        },
        {}, Pool::kBlocking);
    auto slow = [this](Request&) {
      slow_entered_.Notify();
      std::this_thread::sleep_for(300ms);
      slow_finished_ = true;
      return Text(std::string(kSlowBodySize, 'x'));
    };
    router_.Add(bhttp::verb::get, "/slow", slow, {});
    router_.Add(bhttp::verb::get, "/slow-blocking", slow, {}, Pool::kBlocking);
    router_.Add(
        bhttp::verb::get, "/search",
        [this](Request& req) {
          {
            std::lock_guard<std::mutex> lock(search_mu_);
            search_threads_.insert(std::this_thread::get_id());
          }
          ++searches_entered_;
          // Holds the search pool until the test lets it go.
          bool released = release_searches_.WaitFor(5s);
          return Text(released ? "found " + std::string(req.Query("q").value_or("")) : "stuck");
        },
        {}, Pool::kSearch);
    router_.Add(bhttp::verb::post, "/files",
                [](Request& req) { return Text("stored " + std::to_string(req.body().size())); },
                {.body_size = BodySize::kUpload});
    router_.Add(bhttp::verb::get, "/list",
                [](Request& req) {
                  json items = json::array();
                  const int n = std::stoi(std::string(req.Query("n").value_or("100")));
                  for (int i = 0; i < n; ++i) items.push_back({{"id", i}, {"title", "风电轴承"}});
                  Response r;
                  r.body = json{{"items", items}}.dump();
                  return r;
                },
                {});
    router_.Add(bhttp::verb::get, "/broken",
                [](Request&) { return ErrorResponse(Internal("the disk is on fire")); }, {});
    router_.Add(bhttp::verb::get, "/throws",
                [](Request&) -> Response { throw std::runtime_error("a bug was hit"); }, {});
  }

  ServerOptions Options() {
    ServerOptions o;
    o.host = "127.0.0.1";
    o.port = 0;
    o.threads = 1;
    o.blocking_threads = 2;
    o.search_threads = 1;
    o.search_queue = 1;
    o.header_limit = 4096;
    o.anonymous_body_limit = 4096;
    o.json_body_limit = 4096;
    o.body_limit = 4096;
    o.shutdown_grace = 5s;
    return o;
  }

  void StartServer(ServerOptions options, Fallback fallback = {}, SignedInCheck signed_in = {}) {
    server_ = std::make_unique<Server>(
        options, router_,
        [this](const AccessRecord& r) {
          std::lock_guard<std::mutex> lock(log_mu_);
          log_.push_back(
              {*r.request_id, std::string(r.method), std::string(r.target), r.status, r.bytes});
        },
        std::move(fallback), std::move(signed_in));
    Status s = server_->Start();
    ASSERT_TRUE(s.ok()) << s.message();
    ASSERT_NE(server_->port(), 0);
  }
  void SetUp() override { StartServer(Options()); }

  std::vector<Logged> Log() {
    std::lock_guard<std::mutex> lock(log_mu_);
    return log_;
  }

  Router router_;
  std::mutex log_mu_;
  std::vector<Logged> log_;
  // Waits until `n` searches have entered their handler.
  bool SearchesEnter(int n) {
    for (int i = 0; i < 500 && searches_entered_.load() < n; ++i) std::this_thread::sleep_for(10ms);
    return searches_entered_.load() >= n;
  }

  std::thread::id io_thread_, blocking_thread_;
  std::mutex search_mu_;
  std::set<std::thread::id> search_threads_;
  std::atomic<int> searches_entered_{0};
  Signal release_searches_;
  Signal blocking_entered_, release_blocking_, slow_entered_;
  std::atomic<bool> slow_finished_{false};
  std::atomic<int> signed_in_asked_{0};
  std::unique_ptr<Server> server_;  // last: stopped before what its handlers use goes away
};

TEST_F(ServerTest, AnswersARoutedRequest) {
  TestClient c(server_->port());
  ASSERT_TRUE(c.connected()) << c.connect_error().message();
  ClientResponse res = c.Get("/items/42");
  ASSERT_FALSE(c.error) << c.error.message();
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_EQ(res.body(), "item 42");
  EXPECT_EQ(res[bhttp::field::content_type], "text/plain");
}

TEST_F(ServerTest, APathOrQueryThatIsNotUtf8Is400BeforeAnyHandler) {
  for (const char* target : {"/echo?q=%FF%FE", "/echo?%C0=1", "/items/%FF", "/no-route?q=%E8%B7"}) {
    TestClient c(server_->port());
    ASSERT_TRUE(c.connected()) << c.connect_error().message();
    ClientResponse res = c.Get(target);
    ASSERT_FALSE(c.error) << c.error.message();
    EXPECT_EQ(res.result_int(), 400) << target;
    EXPECT_EQ(json::parse(res.body())["error"]["code"], "invalid_encoding") << target;
  }
  TestClient c(server_->port());
  EXPECT_EQ(c.Get("/echo?q=%E8%B7%AF").result_int(), 200);  // 路
}

TEST_F(ServerTest, KeepsTheConnectionAliveBetweenRequests) {
  TestClient c(server_->port());
  ClientResponse first = c.Get("/items/1");
  ASSERT_FALSE(c.error) << c.error.message();
  EXPECT_EQ(first.body(), "item 1");
  EXPECT_TRUE(first.keep_alive());
  ClientResponse second = c.Send(bhttp::verb::post, "/upload", "hello");
  ASSERT_FALSE(c.error) << "the second request on the same connection failed: "
                        << c.error.message();
  EXPECT_EQ(second.body(), "got 5");
  ClientResponse third = c.Get("/items/3");
  ASSERT_FALSE(c.error) << c.error.message();
  EXPECT_EQ(third.body(), "item 3");
}

TEST_F(ServerTest, ClosesTheConnectionWhenTheClientAsks) {
  TestClient c(server_->port());
  ClientResponse res = c.Get("/items/1", {{"Connection", "close"}});
  ASSERT_FALSE(c.error) << c.error.message();
  EXPECT_FALSE(res.keep_alive());
  EXPECT_TRUE(c.WaitForClose());
}

TEST_F(ServerTest, EchoesAValidClientRequestId) {
  TestClient c(server_->port());
  ClientResponse res = c.Get("/echo", {{"X-Request-Id", "client-req.42_a"}});
  ASSERT_FALSE(c.error) << c.error.message();
  EXPECT_EQ(res["X-Request-Id"], "client-req.42_a");
  EXPECT_EQ(json::parse(res.body()).value("request_id", ""), "client-req.42_a");
}

TEST_F(ServerTest, GeneratesARequestIdWhenTheClientSendsNoneOrABadOne) {
  TestClient c(server_->port());
  ClientResponse none = c.Get("/echo");
  ASSERT_FALSE(c.error) << c.error.message();
  std::string id1(none["X-Request-Id"]);
  EXPECT_TRUE(IsGeneratedId(id1)) << id1;
  EXPECT_EQ(json::parse(none.body()).value("request_id", ""), id1);  // the handler saw it too

  ClientResponse bad = c.Get("/echo", {{"X-Request-Id", "no spaces/allowed"}});
  ASSERT_FALSE(c.error) << c.error.message();
  std::string id2(bad["X-Request-Id"]);
  EXPECT_TRUE(IsGeneratedId(id2)) << id2;
  EXPECT_NE(id1, id2);
}

TEST_F(ServerTest, ABodyOverTheLimitIs413Json) {
  TestClient c(server_->port());
  std::string body(6000, 'b');
  std::string raw =
      "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(body.size()) +
      "\r\n\r\n" + body;
  (void)c.WriteRaw(raw);  // the server may stop reading early
  ClientResponse res;
  auto ec = c.Read(&res);
  ASSERT_FALSE(ec) << ec.message();
  EXPECT_EQ(res.result_int(), 413);
  EXPECT_EQ(ErrorOf(res).value("code", ""), "body_too_large");
  EXPECT_FALSE(res.keep_alive());
}

TEST_F(ServerTest, ABodyJustUnderTheLimitIsAccepted) {
  TestClient c(server_->port());
  ClientResponse res = c.Send(bhttp::verb::post, "/upload", std::string(4096, 'b'));
  ASSERT_FALSE(c.error) << c.error.message();
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_EQ(res.body(), "got 4096");
}

TEST_F(ServerTest, AChunkedBodyOverTheLimitIs413) {
  TestClient c(server_->port());
  std::string raw = "POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 3; ++i) raw += "800\r\n" + std::string(0x800, 'c') + "\r\n";
  raw += "0\r\n\r\n";
  (void)c.WriteRaw(raw);
  ClientResponse res;
  auto ec = c.Read(&res);
  ASSERT_FALSE(ec) << ec.message();
  EXPECT_EQ(res.result_int(), 413);
}

TEST_F(ServerTest, HeadersOverTheLimitAre431Json) {
  TestClient c(server_->port());
  std::string raw =
      "GET /items/1 HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(5000, 'h') + "\r\n\r\n";
  (void)c.WriteRaw(raw);
  ClientResponse res;
  auto ec = c.Read(&res);
  ASSERT_FALSE(ec) << ec.message();
  EXPECT_EQ(res.result_int(), 431);
  EXPECT_EQ(ErrorOf(res).value("code", ""), "headers_too_large");
}

TEST_F(ServerTest, AMalformedRequestIs400JsonAndClosesTheConnection) {
  TestClient c(server_->port());
  ASSERT_FALSE(c.WriteRaw("THIS IS NOT HTTP\r\n\r\n"));
  ClientResponse res;
  auto ec = c.Read(&res);
  ASSERT_FALSE(ec) << ec.message();
  EXPECT_EQ(res.result_int(), 400);
  EXPECT_EQ(ErrorOf(res).value("code", ""), "bad_request");
  EXPECT_TRUE(IsGeneratedId(std::string(res["X-Request-Id"])));
  EXPECT_TRUE(c.WaitForClose());
}

TEST_F(ServerTest, UnknownRouteIs404Json) {
  TestClient c(server_->port());
  ClientResponse res = c.Get("/nothing/here");
  ASSERT_FALSE(c.error) << c.error.message();
  EXPECT_EQ(res.result_int(), 404);
  EXPECT_EQ(ErrorOf(res).value("code", ""), "not_found");
  // The connection stays usable after an error answer.
  ClientResponse next = c.Get("/items/2");
  ASSERT_FALSE(c.error) << c.error.message();
  EXPECT_EQ(next.body(), "item 2");
}

TEST_F(ServerTest, WrongMethodIs405JsonWithAllow) {
  TestClient c(server_->port());
  ClientResponse res = c.Send(bhttp::verb::delete_, "/items/7");
  ASSERT_FALSE(c.error) << c.error.message();
  EXPECT_EQ(res.result_int(), 405);
  EXPECT_EQ(res[bhttp::field::allow], "GET");
  json e = ErrorOf(res);
  EXPECT_EQ(e.value("code", ""), "method_not_allowed");
  EXPECT_THAT(e.value("message", ""), HasSubstr("DELETE"));
}

TEST_F(ServerTest, HeadAnswersWithTheGetHeadersAndNoBody) {
  TestClient c(server_->port());
  ClientResponse res = c.Send(bhttp::verb::head, "/items/12345");
  ASSERT_FALSE(c.error) << c.error.message();
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_EQ(res[bhttp::field::content_length], std::to_string(std::string("item 12345").size()));
  EXPECT_EQ(res.body(), "");
  // Nothing but the next response follows on the connection.
  ClientResponse next = c.Get("/items/1");
  ASSERT_FALSE(c.error) << c.error.message();
  EXPECT_EQ(next.body(), "item 1");
}

TEST_F(ServerTest, ABlockingRouteRunsOffTheIoThreadWhichKeepsServing) {
  TestClient io(server_->port());
  ASSERT_EQ(io.Get("/io-thread").body(), "io");

  TestClient slow(server_->port());
  ASSERT_FALSE(slow.Write(testing::ClientRequest{bhttp::verb::get, "/blocking", 11}));
  ASSERT_TRUE(blocking_entered_.WaitFor(5s));
  // The only I/O thread must be free while the blocking handler waits.
  ClientResponse other = io.Get("/items/5");
  ASSERT_FALSE(io.error) << io.error.message();
  EXPECT_EQ(other.body(), "item 5");
  release_blocking_.Notify();

  ClientResponse res;
  ASSERT_FALSE(slow.Read(&res));
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_EQ(res.body(), "blocking done");
  EXPECT_NE(blocking_thread_, std::thread::id());
  EXPECT_NE(blocking_thread_, io_thread_);
  EXPECT_NE(blocking_thread_, std::this_thread::get_id());
  // The connection goes on after a blocking answer.
  EXPECT_EQ(slow.Get("/items/6").body(), "item 6");
}

TEST_F(ServerTest, LogsEveryRequestOnceWithItsStatusAndRequestId) {
  {
    TestClient c(server_->port());
    ClientResponse ok = c.Get("/items/1?x=1", {{"X-Request-Id", "log-test-1"}});
    ClientResponse missing = c.Get("/missing");
    ClientResponse wrong = c.Send(bhttp::verb::put, "/items/1");
    ASSERT_FALSE(c.error) << c.error.message();
    EXPECT_EQ(std::string(missing["X-Request-Id"]).size(), 16u);
  }
  {
    TestClient bad(server_->port());
    (void)bad.WriteRaw("NOT HTTP AT ALL\r\n\r\n");
    ClientResponse res;
    (void)bad.Read(&res);
    EXPECT_EQ(res.result_int(), 400);
  }
  std::vector<Logged> log = Log();
  ASSERT_EQ(log.size(), 4u);
  EXPECT_EQ(log[0].request_id, "log-test-1");
  EXPECT_EQ(log[0].method, "GET");
  EXPECT_EQ(log[0].target, "/items/1?x=1");
  EXPECT_EQ(log[0].status, 200);
  EXPECT_EQ(log[0].bytes, std::string("item 1").size());
  EXPECT_EQ(log[1].status, 404);
  EXPECT_TRUE(IsGeneratedId(log[1].request_id)) << log[1].request_id;
  EXPECT_EQ(log[2].status, 405);
  EXPECT_EQ(log[2].method, "PUT");
  EXPECT_EQ(log[3].status, 400);
  EXPECT_TRUE(IsGeneratedId(log[3].request_id)) << log[3].request_id;
  EXPECT_NE(log[1].request_id, log[2].request_id);
}

TEST_F(ServerTest, TheFallbackAnswersBeforeTheRouter) {
  server_->Stop();
  StartServer(Options(), {.serve = [](Request& req, Response& res) {
                if (!req.path().starts_with("/static/")) return false;
                res = Text("static " + req.path());
                return true;
              }});
  TestClient c(server_->port());
  EXPECT_EQ(c.Get("/static/app.js").body(), "static /static/app.js");
  EXPECT_EQ(c.Get("/items/9").body(), "item 9");
}

TEST_F(ServerTest, SeveralIoThreadsShareOnePort) {
  server_->Stop();
  ServerOptions o = Options();
  o.threads = 4;
  StartServer(o);
  std::vector<std::unique_ptr<TestClient>> clients;
  for (int i = 0; i < 16; ++i) {
    clients.push_back(std::make_unique<TestClient>(server_->port()));
    ASSERT_TRUE(clients.back()->connected());
  }
  for (int i = 0; i < 16; ++i) {
    EXPECT_EQ(clients[i]->Get("/items/" + std::to_string(i)).body(), "item " + std::to_string(i));
  }
}

// A second server on a port in use fails to bind, whatever its number of I/O threads: the
// threads share one listening socket rather than each binding the port with SO_REUSEPORT, which
// let two servers (two test servers that picked the same port, or two instances started by
// mistake) split one port's connections between them.
TEST_F(ServerTest, ASecondServerOnTheSamePortIsRefused) {
  for (int threads : {1, 2}) {
    ServerOptions o = Options();
    o.port = server_->port();
    o.threads = threads;
    Server second(o, router_, [](const AccessRecord&) {});
    Status bound = second.Bind();
    ASSERT_FALSE(bound.ok()) << "a second server bound port " << o.port;
    EXPECT_EQ(bound.code(), "bind_failed");
  }
  TestClient c(server_->port());
  EXPECT_EQ(c.Get("/items/7").body(), "item 7");
}

TEST_F(ServerTest, AnIdleConnectionIsClosedAfterTheIdleTimeout) {
  server_->Stop();
  ServerOptions o = Options();
  o.idle_timeout = 1s;
  StartServer(o);
  TestClient c(server_->port());
  ASSERT_EQ(c.Get("/items/1").body(), "item 1");
  auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(c.WaitForClose());
  EXPECT_LT(std::chrono::steady_clock::now() - start, 4s);
}

TEST_F(ServerTest, StopLetsAnInFlightRequestFinishThenRefusesConnections) {
  TestClient idle(server_->port());
  ASSERT_EQ(idle.Get("/items/1").body(), "item 1");  // a kept-alive, idle connection

  TestClient busy(server_->port());
  ASSERT_FALSE(busy.Write(testing::ClientRequest{bhttp::verb::get, "/slow", 11}));
  ASSERT_TRUE(slow_entered_.WaitFor(5s));
  std::thread stopper([this] { server_->Stop(); });

  ClientResponse res;
  auto ec = busy.Read(&res);
  ASSERT_FALSE(ec) << "the in-flight request lost its answer: " << ec.message();
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_EQ(res.body().size(), kSlowBodySize);
  EXPECT_FALSE(res.keep_alive());  // the server is going away
  EXPECT_TRUE(idle.WaitForClose());
  stopper.join();
  EXPECT_TRUE(slow_finished_);

  TestClient late(server_->port());
  EXPECT_FALSE(late.connected());
  EXPECT_EQ(late.connect_error(), boost::asio::error::connection_refused)
      << late.connect_error().message();
}

// Bug: an in-flight request on a blocking route is dropped by Stop (see the report).
TEST_F(ServerTest, StopLetsAnInFlightBlockingRequestFinish) {
  TestClient busy(server_->port());
  ASSERT_FALSE(busy.Write(testing::ClientRequest{bhttp::verb::get, "/slow-blocking", 11}));
  ASSERT_TRUE(slow_entered_.WaitFor(5s));
  std::thread stopper([this] { server_->Stop(); });

  ClientResponse res;
  auto ec = busy.Read(&res);
  stopper.join();
  ASSERT_FALSE(ec) << "the in-flight request lost its answer: " << ec.message();
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_EQ(res.body().size(), kSlowBodySize);
}

TEST_F(ServerTest, StopIsSafeToCallTwice) {
  server_->Stop();
  server_->Stop();
  TestClient late(server_->port());
  EXPECT_FALSE(late.connected());
}

void ExpectSecurityHeaders(const ClientResponse& res, bool https, const std::string& what) {
  SCOPED_TRACE(what);
  EXPECT_EQ(res["Content-Security-Policy"], kContentSecurityPolicy);
  EXPECT_EQ(res["X-Frame-Options"], "DENY");
  EXPECT_EQ(res["Referrer-Policy"], "strict-origin-when-cross-origin");
  EXPECT_EQ(res["X-Content-Type-Options"], "nosniff");
  EXPECT_EQ(res.count("X-Content-Type-Options"), 1u);
  if (https) {
    EXPECT_EQ(res["Strict-Transport-Security"], kStrictTransportSecurity);
  } else {
    EXPECT_EQ(res.count("Strict-Transport-Security"), 0u);
  }
}

// Waits until the server counts `n` open connections (it learns of a close a moment later).
bool OpenConnectionsReach(const Server& server, size_t n) {
  for (int i = 0; i < 200 && server.open_connections() != n; ++i) std::this_thread::sleep_for(10ms);
  return server.open_connections() == n;
}

TEST_F(ServerTest, EveryKindOfResponseCarriesTheSecurityHeaders) {
  for (bool https : {false, true}) {
    server_->Stop();
    ServerOptions o = Options();
    o.https = https;
    o.max_client_connections = 8;
    StartServer(o, {.serve = [](Request& req, Response& res) {
                  if (!req.path().starts_with("/static/")) return false;
                  res = Text("static");
                  res.AddHeader("X-Content-Type-Options", "nosniff");  // set twice, sent once
                  return true;
                }});
    TestClient c(server_->port());
    ExpectSecurityHeaders(c.Get("/items/1"), https, "a routed answer");
    ExpectSecurityHeaders(c.Send(bhttp::verb::head, "/items/1"), https, "HEAD");
    ExpectSecurityHeaders(c.Get("/static/a.js"), https, "the fallback (static files, pages)");
    ExpectSecurityHeaders(c.Get("/missing"), https, "404");
    ExpectSecurityHeaders(c.Send(bhttp::verb::put, "/items/1"), https, "405");
    ExpectSecurityHeaders(c.Get("/broken"), https, "500");
    ASSERT_FALSE(c.error) << c.error.message();

    TestClient big(server_->port());
    (void)big.WriteRaw("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n");
    ClientResponse too_large;
    ASSERT_FALSE(big.Read(&too_large));
    ExpectSecurityHeaders(too_large, https, "413");

    TestClient bad(server_->port());
    (void)bad.WriteRaw("NOT HTTP\r\n\r\n");
    ClientResponse malformed;
    ASSERT_FALSE(bad.Read(&malformed));
    ExpectSecurityHeaders(malformed, https, "400");
  }
}

// One search runs on the search pool's only thread and one waits in its queue (search_queue 1),
// while the only I/O thread goes on answering cheap requests.
TEST_F(ServerTest, SearchesRunOnTheSearchPoolWhileTheIoThreadKeepsServing) {
  TestClient io(server_->port());
  ASSERT_EQ(io.Get("/io-thread").body(), "io");
  TestClient running(server_->port()), waiting(server_->port());
  ASSERT_FALSE(running.Write(testing::ClientRequest{bhttp::verb::get, "/search?q=a", 11}));
  ASSERT_TRUE(SearchesEnter(1));
  ASSERT_FALSE(waiting.Write(testing::ClientRequest{bhttp::verb::get, "/search?q=b", 11}));

  for (int i = 0; i < 3; ++i) {
    ClientResponse cheap = io.Get("/items/" + std::to_string(i));
    ASSERT_FALSE(io.error) << io.error.message();
    EXPECT_EQ(cheap.body(), "item " + std::to_string(i));
  }
  EXPECT_EQ(searches_entered_.load(), 1);  // the second still waits for the pool's thread
  release_searches_.Notify();

  ClientResponse a, b;
  ASSERT_FALSE(running.Read(&a));
  ASSERT_FALSE(waiting.Read(&b));
  EXPECT_EQ(a.body(), "found a");
  EXPECT_EQ(b.body(), "found b");
  EXPECT_EQ(searches_entered_.load(), 2);
  std::lock_guard<std::mutex> lock(search_mu_);
  EXPECT_EQ(search_threads_.size(), 1u);
  EXPECT_EQ(search_threads_.count(io_thread_), 0u);
  EXPECT_EQ(search_threads_.count(std::this_thread::get_id()), 0u);
  // The connections go on after an answer from the pool.
  EXPECT_EQ(running.Get("/items/7").body(), "item 7");
}

TEST_F(ServerTest, ASearchThatFindsTheQueueFullIs503WithRetryAfterAtOnce) {
  TestClient running(server_->port()), waiting(server_->port()), refused(server_->port());
  ASSERT_FALSE(running.Write(testing::ClientRequest{bhttp::verb::get, "/search?q=a", 11}));
  ASSERT_TRUE(SearchesEnter(1));
  ASSERT_FALSE(waiting.Write(testing::ClientRequest{bhttp::verb::get, "/search?q=b", 11}));
  std::this_thread::sleep_for(50ms);  // lets the I/O thread queue it first

  ClientResponse busy = refused.Get("/search?q=c");
  ASSERT_FALSE(refused.error) << refused.error.message();
  EXPECT_EQ(busy.result_int(), 503);
  EXPECT_EQ(busy[bhttp::field::retry_after], "1");
  json error = ErrorOf(busy);
  EXPECT_EQ(error.value("code", ""), "search_busy");
  EXPECT_FALSE(error.value("message", "").empty());
  ExpectSecurityHeaders(busy, false, "503 search_busy");
  EXPECT_TRUE(busy.keep_alive());
  EXPECT_EQ(refused.Get("/items/3").body(), "item 3");  // the same connection goes on

  release_searches_.Notify();
  ClientResponse a, b;
  ASSERT_FALSE(running.Read(&a));
  ASSERT_FALSE(waiting.Read(&b));
  EXPECT_EQ(a.result_int(), 200);
  EXPECT_EQ(b.result_int(), 200);
  // Once the pool has drained it takes searches again.
  EXPECT_EQ(refused.Get("/search?q=d").body(), "found d");
  bool logged = false;
  for (const Logged& l : Log()) logged = logged || (l.target == "/search?q=c" && l.status == 503);
  EXPECT_TRUE(logged);
}

TEST_F(ServerTest, StopAnswersTheSearchesRunningAndWaitingInTheQueue) {
  TestClient running(server_->port()), waiting(server_->port());
  ASSERT_FALSE(running.Write(testing::ClientRequest{bhttp::verb::get, "/search?q=a", 11}));
  ASSERT_TRUE(SearchesEnter(1));
  ASSERT_FALSE(waiting.Write(testing::ClientRequest{bhttp::verb::get, "/search?q=b", 11}));
  std::this_thread::sleep_for(50ms);  // lets the I/O thread queue it first
  std::thread stopper([this] { server_->Stop(); });
  std::this_thread::sleep_for(50ms);
  release_searches_.Notify();

  ClientResponse a, b;
  auto ea = running.Read(&a);
  auto eb = waiting.Read(&b);
  stopper.join();
  ASSERT_FALSE(ea) << "the running search lost its answer: " << ea.message();
  ASSERT_FALSE(eb) << "the waiting search lost its answer: " << eb.message();
  EXPECT_EQ(a.body(), "found a");
  EXPECT_EQ(b.body(), "found b");
  EXPECT_FALSE(b.keep_alive());  // the server is going away
}

TEST_F(ServerTest, TheFallbackRunsOnThePoolItNamesForARequest) {
  server_->Stop();
  std::mutex mu;
  std::thread::id page_thread;
  StartServer(Options(), {.serve =
                              [&](Request& req, Response& res) {
                                if (req.path() != "/page") return false;
                                std::lock_guard<std::mutex> lock(mu);
                                page_thread = std::this_thread::get_id();
                                res = Text("page");
                                return true;
                              },
                          .pool =
                              [](const Request& req) {
                                return req.path() == "/page" ? Pool::kSearch : Pool::kIoThread;
                              }});
  TestClient c(server_->port());
  ASSERT_EQ(c.Get("/io-thread").body(), "io");
  EXPECT_EQ(c.Get("/page").body(), "page");
  EXPECT_EQ(c.Get("/items/2").body(), "item 2");  // not the fallback's: the router's, as before
  std::lock_guard<std::mutex> lock(mu);
  EXPECT_NE(page_thread, std::thread::id());
  EXPECT_NE(page_thread, io_thread_);
}

TEST_F(ServerTest, LargeJsonIsGzippedForAClientThatAcceptsIt) {
  TestClient c(server_->port());
  ClientResponse plain = c.Get("/list?n=100");
  ASSERT_EQ(plain.result_int(), 200);
  EXPECT_EQ(plain[bhttp::field::content_encoding], "");
  EXPECT_EQ(plain[bhttp::field::vary], "Accept-Encoding");
  ASSERT_GT(plain.body().size(), 1024u);

  ClientResponse gz = c.Get("/list?n=100", {{"Accept-Encoding", "gzip, deflate, br"}});
  ASSERT_EQ(gz.result_int(), 200);
  EXPECT_EQ(gz[bhttp::field::content_encoding], "gzip");
  EXPECT_EQ(gz[bhttp::field::vary], "Accept-Encoding");
  EXPECT_LT(gz.body().size(), plain.body().size() / 4);
  EXPECT_EQ(gz.body().substr(0, 2), "\x1f\x8b") << "a gzip stream";

  // Small answers, text and a client that refuses gzip get the bytes as they are.
  ClientResponse small = c.Get("/list?n=2", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(small[bhttp::field::content_encoding], "");
  EXPECT_EQ(json::parse(small.body())["items"].size(), 2u);
  ClientResponse text = c.Get("/slow", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(text[bhttp::field::content_encoding], "");
  ClientResponse refused = c.Get("/list?n=100", {{"Accept-Encoding", "gzip;q=0"}});
  EXPECT_EQ(refused[bhttp::field::content_encoding], "");
  EXPECT_EQ(refused.body(), plain.body());
}

TEST_F(ServerTest, AnEncodedSlashIsNeverAPathSeparator) {
  TestClient c(server_->port());
  EXPECT_EQ(c.Get("/items%2F1").result_int(), 404);
  EXPECT_EQ(c.Get("/items%2f1").result_int(), 404);
  EXPECT_EQ(c.Get("/items/a%2Fb").body(), "item a/b");  // a parameter may hold one
  EXPECT_EQ(c.Get("/it%65ms/1").body(), "item 1");      // other escapes are decoded
  EXPECT_EQ(c.Get("/echo/../echo").result_int(), 404);  // no dot segments resolved either
  json echo = json::parse(c.Get("/ech%6F?x").body(), nullptr, false);
  EXPECT_EQ(echo.value("path", ""), "/echo");
}

TEST_F(ServerTest, ABodyTooLargeForAnAnonymousCallerIs413BeforeItIsRead) {
  server_->Stop();
  ServerOptions o = Options();
  o.anonymous_body_limit = 1024;
  o.json_body_limit = 8 * 1024;
  o.body_limit = 512 * 1024;
  StartServer(o, {}, [this](const Request& req) {
    ++signed_in_asked_;
    return req.Header(bhttp::field::authorization) == "Bearer good";
  });
  // The header alone announces 1 MiB: the answer comes without the body being sent.
  for (std::string credentials : {"", "Authorization: Bearer forged\r\n"}) {
    TestClient c(server_->port());
    ASSERT_FALSE(c.WriteRaw("POST /files HTTP/1.1\r\nHost: x\r\n" + credentials +
                            "Content-Length: 1048576\r\n\r\n"));
    ClientResponse res;
    auto ec = c.Read(&res);
    ASSERT_FALSE(ec) << ec.message();
    EXPECT_EQ(res.result_int(), 413);
    json e = ErrorOf(res);
    EXPECT_EQ(e.value("code", ""), "body_too_large");
    EXPECT_THAT(e.value("message", ""), HasSubstr("1024 bytes"));
    EXPECT_FALSE(res.keep_alive());
  }
  EXPECT_EQ(signed_in_asked_, 2);
  // A chunked body is held to the same limit as it comes.
  {
    TestClient c(server_->port());
    std::string raw = "POST /files HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 3; ++i) raw += "200\r\n" + std::string(0x200, 'c') + "\r\n";
    (void)c.WriteRaw(raw + "0\r\n\r\n");
    ClientResponse res;
    ASSERT_FALSE(c.Read(&res));
    EXPECT_EQ(res.result_int(), 413);
  }
  TestClient anonymous(server_->port());
  EXPECT_EQ(anonymous.Send(bhttp::verb::post, "/upload", std::string(1024, 'a')).body(),
            "got 1024");
  const int asked = signed_in_asked_;
  // A signed-in caller: the route's size, ordinary or upload.
  TestClient member(server_->port());
  const std::vector<std::pair<std::string, std::string>> good = {{"Authorization", "Bearer good"}};
  EXPECT_EQ(member.Send(bhttp::verb::post, "/upload", std::string(8 * 1024, 'j'), good).body(),
            "got 8192");
  EXPECT_EQ(member.Send(bhttp::verb::post, "/files", std::string(512 * 1024, 'f'), good).body(),
            "stored 524288");
  EXPECT_EQ(signed_in_asked_, asked + 2);  // a body within the anonymous limit asks nobody
  TestClient over(server_->port());
  EXPECT_EQ(
      over.Send(bhttp::verb::post, "/upload", std::string(8 * 1024 + 1, 'j'), good).result_int(),
      413);
}

TEST_F(ServerTest, TheBodyLimitBoundsEveryOtherLimit) {
  server_->Stop();
  ServerOptions o = Options();
  o.anonymous_body_limit = 64 * 1024;
  o.json_body_limit = 64 * 1024;
  o.body_limit = 2048;
  StartServer(o, {}, [](const Request&) { return true; });
  TestClient c(server_->port());
  EXPECT_EQ(c.Send(bhttp::verb::post, "/upload", std::string(2048, 'a')).result_int(), 200);
  TestClient over(server_->port());
  EXPECT_EQ(over.Send(bhttp::verb::post, "/upload", std::string(2049, 'a')).result_int(), 413);
}

TEST_F(ServerTest, ConnectionsOverThePerClientCapAre503WithRetryAfter) {
  server_->Stop();
  ServerOptions o = Options();
  o.max_client_connections = 2;
  StartServer(o);
  auto first = std::make_unique<TestClient>(server_->port());
  TestClient second(server_->port());
  ASSERT_EQ(first->Get("/items/1").body(), "item 1");
  ASSERT_EQ(second.Get("/items/2").body(), "item 2");
  ASSERT_TRUE(OpenConnectionsReach(*server_, 2));

  TestClient third(server_->port());
  ClientResponse refused;
  auto ec = third.Read(&refused);
  ASSERT_FALSE(ec) << ec.message();
  EXPECT_EQ(refused.result_int(), 503);
  EXPECT_EQ(refused[bhttp::field::retry_after], "5");
  EXPECT_EQ(ErrorOf(refused).value("code", ""), "too_many_connections");
  ExpectSecurityHeaders(refused, false, "503 over the cap");
  EXPECT_TRUE(third.WaitForClose());

  first.reset();  // gives its place back
  ASSERT_TRUE(OpenConnectionsReach(*server_, 1));
  TestClient fourth(server_->port());
  EXPECT_EQ(fourth.Get("/items/4").body(), "item 4");
}

TEST_F(ServerTest, ConnectionsOverTheGlobalCapAre503) {
  server_->Stop();
  ServerOptions o = Options();
  o.max_connections = 1;
  o.max_client_connections = 0;
  StartServer(o);
  EXPECT_EQ(server_->max_connections(), 1u);
  TestClient first(server_->port());
  ASSERT_EQ(first.Get("/items/1").body(), "item 1");
  TestClient second(server_->port());
  ClientResponse refused;
  ASSERT_FALSE(second.Read(&refused));
  EXPECT_EQ(refused.result_int(), 503);
}

TEST(ServerCapTest, TheConnectionCapFollowsTheOpenFileLimitByDefault) {
  rlimit rl{};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &rl), 0);
  Router router;
  ServerOptions o;
  o.port = 0;
  Server server(o, router, {});
  if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur > kReservedFiles + 16) {
    EXPECT_EQ(server.max_connections(), rl.rlim_cur - kReservedFiles);
  }
  o.max_connections = 7;
  EXPECT_EQ(Server(o, router, {}).max_connections(), 7u);
}

TEST_F(ServerTest, AHeaderStalledShortOfItsEndIsDroppedAfterTheHeaderTimeout) {
  server_->Stop();
  ServerOptions o = Options();
  o.header_timeout = 1s;
  o.idle_timeout = 60s;
  StartServer(o);
  TestClient silent(server_->port());  // sends nothing at all
  TestClient stalled(server_->port());
  ASSERT_FALSE(stalled.WriteRaw("GET /items/1 HTTP/1.1\r\nHost: x\r\nX-Slow: "));
  auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(stalled.WaitForClose());
  EXPECT_TRUE(silent.WaitForClose());
  EXPECT_LT(std::chrono::steady_clock::now() - start, 4s);
  EXPECT_TRUE(OpenConnectionsReach(*server_, 0));
}

TEST_F(ServerTest, AnInternalErrorIsLoggedWithItsRequestIdAndItsDetailIsNeverSent) {
  std::ostringstream out;
  auto previous = spdlog::default_logger();
  spdlog::set_default_logger(std::make_shared<spdlog::logger>(
      "server-test", std::make_shared<spdlog::sinks::ostream_sink_mt>(out)));
  TestClient c(server_->port());
  ClientResponse broken = c.Get("/broken", {{"X-Request-Id", "req-broken-1"}});
  ClientResponse thrown = c.Get("/throws", {{"X-Request-Id", "req-throws-2"}});
  spdlog::default_logger()->flush();
  spdlog::set_default_logger(previous);
  for (const ClientResponse* res : {&broken, &thrown}) {
    EXPECT_EQ(res->result_int(), 500);
    EXPECT_EQ(ErrorOf(*res).value("code", ""), "internal");
    EXPECT_THAT(res->body(), ::testing::Not(HasSubstr("fire")));
    EXPECT_THAT(res->body(), ::testing::Not(HasSubstr("bug")));
  }
  const std::string log = out.str();
  EXPECT_THAT(log, HasSubstr("req-broken-1 GET /broken failed: internal: the disk is on fire"));
  EXPECT_THAT(log, HasSubstr("req-throws-2 GET /throws failed:"));
  EXPECT_THAT(log, HasSubstr("a bug was hit"));
}

TEST(ServerStartTest, FailsOnAnAddressThatIsNotAnIp) {
  Router router;
  ServerOptions o;
  o.host = "not-an-address";
  o.port = 0;
  o.threads = 1;
  Server server(o, router, {});
  Status s = server.Start();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), "bad_address");
}

TEST(ServerStartTest, FailsWhenThePortIsTaken) {
  boost::asio::io_context ioc;
  boost::asio::ip::tcp::acceptor taken(
      ioc, {boost::asio::ip::make_address("127.0.0.1"), 0});  // no SO_REUSEPORT
  Router router;
  ServerOptions o;
  o.host = "127.0.0.1";
  o.port = taken.local_endpoint().port();
  o.threads = 1;
  Server server(o, router, {});
  Status s = server.Start();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.kind(), ErrorKind::kUnavailable);
  EXPECT_EQ(s.code(), "bind_failed");
  EXPECT_THAT(s.message(), HasSubstr(std::to_string(o.port)));
}

}  // namespace
}  // namespace kc::http
