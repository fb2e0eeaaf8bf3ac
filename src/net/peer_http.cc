#include "net/peer_http.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <cctype>
#include <optional>
#include <string_view>

namespace kc::net {

namespace {

namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = boost::asio::ip::tcp;

namespace ssl = boost::asio::ssl;

struct Target {
  bool tls = false;  // https://
  std::string host;
  std::string port = "80";
  std::string path;  // with the query; "/" when the URL has none
};

// http(s)://HOST[:PORT][/PATH][?QUERY]; nullopt for anything else.
std::optional<Target> ParseHttpUrl(std::string_view url) {
  Target t;
  if (url.rfind("https://", 0) == 0) {
    t.tls = true;
    t.port = "443";
    url.remove_prefix(8);
  } else if (url.rfind("http://", 0) == 0) {
    url.remove_prefix(7);
  } else {
    return std::nullopt;
  }
  const size_t slash = url.find_first_of("/?");
  std::string_view authority = url.substr(0, slash);
  t.path = slash == std::string_view::npos ? "/" : std::string(url.substr(slash));
  if (t.path.front() == '?') t.path = "/" + t.path;
  if (!authority.empty() && authority.front() == '[') {  // [IPv6]:port
    const size_t close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    t.host = std::string(authority.substr(1, close - 1));
    authority.remove_prefix(close + 1);
    if (!authority.empty()) {
      if (authority.front() != ':') return std::nullopt;
      t.port = std::string(authority.substr(1));
    }
  } else {
    const size_t colon = authority.rfind(':');
    t.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) t.port = std::string(authority.substr(colon + 1));
  }
  if (t.host.empty() || t.port.empty() ||
      t.port.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return t;
}

Status Unreachable(const std::string& what, const std::string& why) {
  return Status::Error(ErrorKind::kUnavailable, "peer_unreachable",
                       "could not reach " + what.substr(0, 200) + ": " + why);
}

using Request = bhttp::request<bhttp::string_body>;
using Parser = bhttp::response_parser<bhttp::string_body>;

// Writes `req` on a connected (for TLS, handshaken) stream and reads the answer into `parser`:
// the header first, so that a declared length over `max_body` is refused before any body is read
// (the parser's own body limit is not applied to a declared length in every Boost version).
// Everything it is given must outlive the io_context's run; `max_body` is copied.
template <class Stream>
void WriteAndRead(Stream& stream, Request& req, beast::flat_buffer& buffer, Parser& parser,
                  size_t max_body, beast::error_code& ec) {
  bhttp::async_write(stream, req, [&stream, &buffer, &parser, &ec, max_body](beast::error_code e2,
                                                                           size_t) {
    if (e2) {
      ec = e2;
      return;
    }
    bhttp::async_read_header(stream, buffer, parser, [&stream, &buffer, &parser, &ec, max_body](
                                                         beast::error_code e3, size_t) {
      if (e3) {
        ec = e3;
        return;
      }
      if (parser.content_length() && *parser.content_length() > max_body) {
        ec = bhttp::error::body_limit;
        return;
      }
      bhttp::async_read(stream, buffer, parser, [&ec](beast::error_code e4, size_t) { ec = e4; });
    });
  });
}

}  // namespace

bool IsInternalAddress(const std::string& text) {
  boost::system::error_code ec;
  auto address = boost::asio::ip::make_address(text, ec);
  if (ec) return true;
  if (address.is_v6()) {
    const auto v6 = address.to_v6();
    if (v6.is_v4_mapped()) {
      address = boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, v6);
    } else {
      const auto b = v6.to_bytes();
      return v6.is_loopback() || v6.is_unspecified() || v6.is_link_local() ||
             v6.is_site_local() || v6.is_multicast() || (b[0] & 0xfe) == 0xfc;
    }
  }
  const auto b = address.to_v4().to_bytes();
  return b[0] == 0 || b[0] == 10 || b[0] == 127 || (b[0] == 100 && (b[1] & 0xc0) == 64) ||
         (b[0] == 169 && b[1] == 254) || (b[0] == 172 && (b[1] & 0xf0) == 16) ||
         (b[0] == 192 && b[1] == 168) || b[0] >= 224;
}


Result<PeerReply> Exchange(const OutgoingRequest& request, std::chrono::milliseconds timeout,
                           size_t max_body, const std::string& what) {
  auto target = ParseHttpUrl(request.url);
  if (!target) {
    return Invalid("base_url", "invalid_url",
                   "the base URL must be http(s)://HOST[:PORT][/PATH]");
  }
  try {
    // Asynchronous steps on a private io_context, so that the stream's deadline (which governs
    // only asynchronous operations) bounds the whole exchange.
    boost::asio::io_context io;
    tcp::resolver resolver(io);
    beast::error_code ec;
    auto endpoints = resolver.resolve(target->host, target->port, ec);
    if (ec) return Unreachable(what, ec.message());
    if (!request.allow_internal) {
      for (const auto& entry : endpoints) {
        if (IsInternalAddress(entry.endpoint().address().to_string())) {
          return Invalid("base_url", "internal_address",
                         "this node does not reach loopback, private or link-local addresses "
                         "(--net-allow-internal allows them, for a private network or tests)");
        }
      }
    }
    bhttp::verb verb = bhttp::string_to_verb(request.method);
    if (verb == bhttp::verb::unknown) return Invalid("method", "invalid_method", "unknown method");
    Request req(verb, target->path, 11);
    // An IPv6 address goes in brackets, as in the URL (RFC 9110 §7.2).
    const std::string host =
        target->host.find(':') == std::string::npos ? target->host : "[" + target->host + "]";
    const std::string default_port = target->tls ? "443" : "80";
    req.set(bhttp::field::host, host + (target->port == default_port ? "" : ":" + target->port));
    req.set(bhttp::field::accept, "application/json");
    req.set(bhttp::field::user_agent, "kechuang-net/1");
    for (const auto& [name, value] : request.headers) req.set(name, value);
    if (!request.body.empty()) req.set(bhttp::field::content_type, "application/json");
    req.body() = request.body;
    req.prepare_payload();
    beast::flat_buffer buffer;
    Parser parser;
    parser.body_limit(max_body);
    parser.header_limit(16 * 1024);

    std::optional<beast::tcp_stream> plain;
    std::optional<ssl::context> tls_context;
    std::optional<beast::ssl_stream<beast::tcp_stream>> tls;
    if (!target->tls) {
      plain.emplace(io);
      plain->expires_after(timeout);
      plain->async_connect(endpoints, [&](beast::error_code e, const tcp::endpoint&) {
        if (e) {
          ec = e;
          return;
        }
        WriteAndRead(*plain, req, buffer, parser, max_body, ec);
      });
    } else {
      // TLS 1.2 or later; the certificate must chain to the system's trusted authorities (or
      // to `ca_file`) and name the host (a DNS name, or an IP address in its IP SANs).
      tls_context.emplace(ssl::context::tls_client);
      tls_context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                               ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                               ssl::context::no_tlsv1_1);
      tls_context->set_default_verify_paths();
      if (!request.ca_file.empty()) tls_context->load_verify_file(request.ca_file);
      tls_context->set_verify_mode(ssl::verify_peer);
      tls.emplace(io, *tls_context);
      tls->set_verify_callback(ssl::host_name_verification(target->host));
      // The server name (SNI) for a DNS name; an IP address is not sent (RFC 6066 §3).
      beast::error_code not_address;
      boost::asio::ip::make_address(target->host, not_address);
      if (not_address && !SSL_set_tlsext_host_name(tls->native_handle(), target->host.c_str())) {
        return Unreachable(what, "the TLS server name could not be set");
      }
      beast::get_lowest_layer(*tls).expires_after(timeout);
      beast::get_lowest_layer(*tls).async_connect(
          endpoints, [&](beast::error_code e, const tcp::endpoint&) {
            if (e) {
              ec = e;
              return;
            }
            tls->async_handshake(ssl::stream_base::client, [&](beast::error_code e2) {
              if (e2) {
                ec = e2;
                return;
              }
              WriteAndRead(*tls, req, buffer, parser, max_body, ec);
            });
          });
    }
    io.run();
    const std::string cap = std::to_string(max_body / 1024) + " KiB";
    if (ec == bhttp::error::body_limit) return Unreachable(what, "the answer is over " + cap);
    if (ec == beast::error::timeout) return Unreachable(what, "no answer in time");
    if (ec) return Unreachable(what, ec.message());
    if (plain) plain->socket().shutdown(tcp::socket::shutdown_both, ec);
    auto& res = parser.get();
    if (res.body().size() > max_body) return Unreachable(what, "the answer is over " + cap);
    PeerReply reply;
    reply.status = res.result_int();
    for (const auto& field : res) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      reply.headers[name] = std::string(field.value());
    }
    reply.body = std::move(res.body());
    return reply;
  } catch (const std::exception& e) {
    return Unreachable(what, e.what());
  }
}

}  // namespace kc::net
