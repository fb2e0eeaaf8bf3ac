#include "net/peer_link.h"

#include "net/http_signature.h"

namespace kc::net {

Result<PeerReply> PeerLink::Send(const std::string& method, const std::string& url,
                                 const std::string& body, size_t max_body) {
  const SignatureHeaders sig =
      SignRequest(key_, method, url, body, clock_.Now(), NewNonce());
  OutgoingRequest req;
  req.method = method;
  req.url = url;
  req.body = body;
  req.allow_internal = allow_internal_;
  req.ca_file = ca_file_;
  req.headers = {{"Content-Digest", sig.content_digest},
                 {"Date", sig.date},
                 {"Signature-Input", sig.signature_input},
                 {"Signature", sig.signature}};
  return Exchange(req, timeout_, max_body, url);
}

Result<PeerReply> PeerLink::Post(const std::string& base_url, std::string_view path,
                                 const std::string& body) {
  return Send("POST", base_url + std::string(path), body, 64 * 1024);
}

Result<PeerReply> PeerLink::GetSigned(
    const std::string& base_url, std::string_view path_and_query,
    const std::array<uint8_t, NodeKey::kPublicKeyBytes>& peer_key, size_t max_body) {
  const std::string url = base_url + std::string(path_and_query);
  auto reply = Send("GET", url, "", max_body);
  if (!reply.ok() || reply->status != 200) return reply;
  auto header = [&](const char* name) {
    auto it = reply->headers.find(name);
    return it == reply->headers.end() ? std::string() : it->second;
  };
  SignatureHeaders got{header("content-digest"), header("date"), header("signature-input"),
                       header("signature")};
  // The answer's keyid must be the peer's node id, whose key is the one given.
  const std::string peer_id = NodeIdOf(peer_key);
  auto verified = VerifyResponse(
      reply->status, reply->body, got, "GET", url,
      [&](std::string_view keyid) -> std::optional<std::array<uint8_t, NodeKey::kPublicKeyBytes>> {
        if (keyid != peer_id) return std::nullopt;
        return peer_key;
      },
      clock_.Now());
  if (!verified.ok()) return verified.status();
  return reply;
}

}  // namespace kc::net
