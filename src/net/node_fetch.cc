#include "net/node_fetch.h"

#include "net/node_document.h"
#include "net/peer_http.h"

namespace kc::net {

Result<std::string> FetchNodeDocument(const std::string& base_url,
                                      std::chrono::milliseconds timeout, bool allow_internal,
                                      const std::string& ca_file) {
  OutgoingRequest req;
  req.allow_internal = allow_internal;
  req.ca_file = ca_file;
  req.url = base_url;
  while (!req.url.empty() && req.url.back() == '/') req.url.pop_back();
  req.url += std::string(kNodeDocumentPath);
  auto reply = Exchange(req, timeout, 64 * 1024, "the node document of " + base_url);
  if (!reply.ok()) return reply.status();
  if (reply->status != 200) {
    return Status::Error(ErrorKind::kUnavailable, "peer_unreachable",
                         "could not reach the node document of " + base_url.substr(0, 200) +
                             ": it answered HTTP " + std::to_string(reply->status));
  }
  return std::move(reply->body);
}

}  // namespace kc::net
