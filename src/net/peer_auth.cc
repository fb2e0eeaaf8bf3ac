#include "net/peer_auth.h"

#include <spdlog/spdlog.h>

namespace kc::net {

namespace {

Status Refused(Status s, std::string_view keyid) {
  spdlog::warn("network request refused ({}, key {}): {}", s.code(),
               keyid.empty() ? "-" : std::string(keyid.substr(0, 80)), s.message());
  return s;
}

// The key id of a Signature-Input, for the log only (the check parses it properly).
std::string KeyIdForLog(const std::string& input) {
  const size_t at = input.find("keyid=\"");
  if (at == std::string::npos) return "";
  const size_t end = input.find('"', at + 7);
  return input.substr(at + 7, end == std::string::npos ? 0 : end - at - 7);
}

}  // namespace

Result<VerifiedSignature> PeerAuth::Check(const ReceivedRequest& request,
                                          const PublicKeyLookup& key_of) {
  const std::string uri = base_url_ + request.path_and_query;
  auto v = VerifyRequest(request.method, uri, request.body, request.headers, key_of,
                         clock_.Now());
  if (!v.ok()) return Refused(v.status(), KeyIdForLog(request.headers.signature_input));
  if (!per_key_.Count(v->keyid, clock_.Now())) {
    return Refused(Status::Error(ErrorKind::kTooMany, "rate_limited",
                                 "too many requests from this node; try again in a minute"),
                   v->keyid);
  }
  if (!nonces_.Remember(v->keyid, v->nonce, clock_.Now())) {
    return Refused(Status::Error(ErrorKind::kUnauthorized, "replayed",
                                 "this signature's nonce was already used"),
                   v->keyid);
  }
  // The memory in this process catches a replay to this process at no cost; the database's
  // catches one sent to another app node on the same database.
  Status shared = store_.Write([&](StoreTx& tx) {
    return tx.net().RememberNonce(v->keyid, v->nonce,
                                  clock_.Now() + NonceCache::kMemorySeconds);
  });
  if (!shared.ok()) return Refused(shared, v->keyid);
  return v;
}

bool PeerAuth::Window::Count(const std::string& key, int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  if (now / seconds_ != window_) {
    window_ = now / seconds_;
    count_.clear();
  }
  return ++count_[key] <= limit_;
}

Status PeerAuth::AllowPeerRequest(const std::string& client) {
  if (per_client_.Count(client, clock_.Now())) return Status::Ok();
  return Refused(Status::Error(ErrorKind::kTooMany, "rate_limited",
                               "too many peer requests from this address; try again later"),
                 client);
}

Result<Peer> PeerAuth::Authenticate(const ReceivedRequest& request, bool need_active) {
  std::optional<Peer> signer;
  Status lookup_failed = Status::Ok();
  auto key_of = [&](std::string_view keyid)
      -> std::optional<std::array<uint8_t, NodeKey::kPublicKeyBytes>> {
    Status s = store_.Read([&](StoreTx& tx) -> Status {
      auto p = tx.net().FindPeerByNodeId(keyid);
      if (!p.ok()) return p.status();
      signer = std::move(*p);
      return Status::Ok();
    });
    if (!s.ok()) lookup_failed = s;
    if (!signer) return std::nullopt;
    std::array<uint8_t, NodeKey::kPublicKeyBytes> key{};
    if (!DecodePublicKey(signer->public_key, &key)) return std::nullopt;
    return key;
  };
  auto v = Check(request, key_of);
  if (!lookup_failed.ok()) return lookup_failed;
  if (!v.ok()) return v.status();
  if (need_active && signer->status != PeerStatus::kActive) {
    return Refused(Status::Error(ErrorKind::kForbidden, "peer_not_active",
                                 "this node is not an active partner here"),
                   v->keyid);
  }
  return std::move(*signer);
}

Result<VerifiedSignature> PeerAuth::AuthenticateKey(
    const ReceivedRequest& request,
    const std::array<uint8_t, NodeKey::kPublicKeyBytes>& public_key) {
  const std::string node_id = NodeIdOf(public_key);
  return Check(request, [&](std::string_view keyid)
                            -> std::optional<std::array<uint8_t, NodeKey::kPublicKeyBytes>> {
    if (keyid != node_id) return std::nullopt;
    return public_key;
  });
}

}  // namespace kc::net
