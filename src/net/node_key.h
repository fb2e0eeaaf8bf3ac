// The node's Ed25519 identity in the network (docs/network.md §1): the key pair kept in the
// data directory, and the public forms derived from it (node id, public key, fingerprint).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace kc::net {

class NodeKey {
 public:
  static constexpr int kPublicKeyBytes = 32;
  static constexpr int kSecretKeyBytes = 64;

  // Reads `dir`/node.key, or makes a new key pair there when the file is missing (mode 0600,
  // created exclusively so two starts never write two keys). Refuses a file of the wrong size
  // or one readable by others than its owner.
  static Result<NodeKey> LoadOrCreate(const std::string& dir);

  // docs/network.md §1: 32 raw bytes in base64url without padding.
  std::string PublicKeyBase64() const;
  // "kc1" + lowercase base32 of the first 20 bytes of SHA-256(public key).
  std::string NodeId() const;
  // Lowercase hex SHA-256 of the public key, 64 characters.
  std::string Fingerprint() const;

  // A detached 64-byte Ed25519 signature of `message`.
  std::string Sign(std::string_view message) const;

  const std::array<uint8_t, kPublicKeyBytes>& public_key() const { return pk_; }

 private:
  std::array<uint8_t, kPublicKeyBytes> pk_{};
  std::array<uint8_t, kSecretKeyBytes> sk_{};
};

// The derivations of NodeKey for any peer's public key (32 raw bytes).
std::string NodeIdOf(const std::array<uint8_t, NodeKey::kPublicKeyBytes>& public_key);
std::string FingerprintOf(const std::array<uint8_t, NodeKey::kPublicKeyBytes>& public_key);
// Decodes a public key in the wire form; false when it is not 32 bytes of base64url.
bool DecodePublicKey(std::string_view base64url,
                     std::array<uint8_t, NodeKey::kPublicKeyBytes>* out);
// A fingerprint as an admin types it: spaces removed, lower case; empty when not 64 hex digits.
std::string NormaliseFingerprint(std::string_view typed);

}  // namespace kc::net
