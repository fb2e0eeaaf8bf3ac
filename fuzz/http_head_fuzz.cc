// Fuzz target: the head of an HTTP request as the server reads it (src/http/server.cc): Beast's
// parser with the server's header limit, then what the platform does with a parsed head before
// any handler runs: the Request (path decoding, query string, cookies), the router's match, the
// request id and the client address behind a trusted proxy.
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "api/client_address.h"
#include "http/message.h"
#include "http/request_id.h"
#include "http/router.h"

namespace {

namespace bhttp = boost::beast::http;

// A route table of the shapes the API uses: fixed paths, parameters, nested parameters.
const kc::http::Router& Routes() {
  static const kc::http::Router* router = [] {
    auto* r = new kc::http::Router();
    const kc::http::Handler ok = [](kc::http::Request&) { return kc::http::Response{}; };
    r->Add(bhttp::verb::get, "/api/v1/health", ok, {});
    r->Add(bhttp::verb::get, "/api/v1/demands", ok, {});
    r->Add(bhttp::verb::post, "/api/v1/demands", ok, {});
    r->Add(bhttp::verb::get, "/api/v1/demands/{id}", ok, {});
    r->Add(bhttp::verb::post, "/api/v1/demands/{id}/submit", ok, {});
    r->Add(bhttp::verb::get, "/api/v1/orgs/{id}/deals/export", ok, {});
    r->Add(bhttp::verb::post, "/api/v1/deals/{id}/attachments", ok, {});
    return r;
  }();
  return *router;
}

const kc::api::TrustedProxies& Proxies() {
  static const kc::api::TrustedProxies proxies =
      *kc::api::TrustedProxies::Parse({"127.0.0.1", "10.0.0.0/8", "fd00::/8"});
  return proxies;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(16 * 1024);  // the server's default --header-limit
  parser.body_limit(64 * 1024);
  parser.eager(true);
  boost::beast::error_code ec;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  while (!input.empty() && !parser.is_done()) {
    const size_t used = parser.put(boost::asio::buffer(input.data(), input.size()), ec);
    if (ec == bhttp::error::need_more) break;
    if (ec || used == 0) break;
    input.remove_prefix(used);
  }
  if (!parser.is_header_done()) return 0;

  const std::string id = kc::http::RequestIdFrom(parser.get()["X-Request-Id"]);
  const std::string client = Proxies().ClientOf("127.0.0.1", parser.get()["X-Forwarded-For"]);
  kc::http::Request request(kc::http::BeastRequest(parser.release()), id, client);
  (void)request.path();
  (void)request.Query("page");
  (void)request.Cookie("kc_session");
  (void)request.Header(bhttp::field::content_type);
  (void)request.Header("Authorization");
  kc::http::Router::Match match = Routes().Find(request);
  if (match.route) (void)request.Param("id");
  return 0;
}
