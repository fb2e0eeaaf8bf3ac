// HTTP Message Signatures (RFC 9421) between nodes, as docs/network.md §3 fixes them: the
// label `kc`, algorithm ed25519, the covered components and parameters of §3.1, the signature
// base of §3.2 and the receiver's checks 2–6 of §3.3 with the error codes of §5. The replay
// check (step 7) is NonceCache's (net/nonce_cache.h); the body size (step 1) and the peer's
// status (step 8) are the caller's.
//
// Everything here is a pure function of its arguments (the nonce and the clock come from the
// caller) except NewNonce, and all of it is safe from several threads.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "net/node_key.h"

namespace kc::net {

// The RFC 9530 digest of `body` as §3.1 sends it: "sha-256=:BASE64:" (standard base64 with
// padding). The empty body gives "sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:".
std::string ContentDigest(std::string_view body);

// The IMF-fixdate (RFC 9110 §5.6.7) of a UNIX time, e.g. "Sun, 06 Dec 2026 12:00:00 GMT" for
// 1796558400. `unix_seconds` must lie in years 1970–9999.
std::string HttpDate(int64_t unix_seconds);
// The reverse, strict: exactly the 29-character IMF-fixdate form with a weekday that matches
// the date; nullopt for anything else (other HTTP date forms, whitespace, 31 Feb, …).
std::optional<int64_t> ParseHttpDate(std::string_view text);

// A fresh §3.1 nonce: 16 random bytes (libsodium) in base64url without padding, 22 characters.
std::string NewNonce();

// The four headers that carry a signature. The Sign functions fill them for sending; a
// receiver fills them from the message it got, with "" for a header that is absent.
struct SignatureHeaders {
  std::string content_digest;   // Content-Digest
  std::string date;             // Date
  std::string signature_input;  // Signature-Input
  std::string signature;        // Signature
};

// Signs a request (§3.1): covers @method, @target-uri (the full URI the request is sent to:
// the peer's base_url + path + "?query"), content-digest and date; created = `now`,
// expires = `now` + 300, keyid = key.NodeId(). `nonce` must be a §3.1 nonce (NewNonce()); the
// receiver refuses the signature otherwise.
SignatureHeaders SignRequest(const NodeKey& key, std::string_view method,
                             std::string_view target_uri, std::string_view body, int64_t now,
                             std::string_view nonce);

// Signs the response to the request (`request_method`, `request_target_uri`) (§3.1): covers
// @status, content-digest, date and the request's @method;req and @target-uri;req.
SignatureHeaders SignResponse(const NodeKey& key, int status, std::string_view body,
                              std::string_view request_method, std::string_view request_target_uri,
                              int64_t now, std::string_view nonce);

// What a valid signature says; the caller's replay check (step 7) needs keyid and nonce.
struct VerifiedSignature {
  std::string keyid;
  std::string nonce;
  int64_t created = 0;
  int64_t expires = 0;
};

// The public key (32 raw bytes) of a node id, or nullopt when it names no node the caller
// accepts (for peer-requests: the key in the body, §2 step 2).
using PublicKeyLookup = std::function<std::optional<std::array<uint8_t, NodeKey::kPublicKeyBytes>>(
    std::string_view keyid)>;

// Checks a received request, §3.3 steps 2–6 in that order, against the receiver's clock `now`:
//   2. signature headers          401 signature_missing (either header absent) /
//                                 400 signature_malformed (not exactly the form of §3.1)
//   3. keyid known to `key_of`    401 unknown_key
//   4. Content-Digest             401 digest_mismatch (absent, or not exactly
//                                 ContentDigest(body))
//   5. time                       401 signature_expired (created outside now ± 300,
//                                 expires < now, created > expires, expires − created > 300,
//                                 Date absent, not an IMF-fixdate, or outside now ± 300)
//   6. Ed25519 over the base      401 signature_invalid
// `method` and `target_uri` are the request as the receiver rebuilt it (its own base_url +
// path + query, §3.1). Errors are kBadInput (400) and kUnauthorized (401) with the §5 codes.
Result<VerifiedSignature> VerifyRequest(std::string_view method, std::string_view target_uri,
                                        std::string_view body, const SignatureHeaders& headers,
                                        const PublicKeyLookup& key_of, int64_t now);

// The same checks for a received response to the request (`request_method`,
// `request_target_uri`) the caller sent: a response signed for another request fails step 6.
Result<VerifiedSignature> VerifyResponse(int status, std::string_view body,
                                         const SignatureHeaders& headers,
                                         std::string_view request_method,
                                         std::string_view request_target_uri,
                                         const PublicKeyLookup& key_of, int64_t now);

}  // namespace kc::net
