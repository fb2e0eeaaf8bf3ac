// The node document (docs/network.md §1.1): who a node is, published unsigned at
// GET /.well-known/kechuang-node, and read back from a peer's answer with every derived field
// checked against its public key.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "net/node_key.h"

namespace kc::net {

inline constexpr std::string_view kNodeDocumentPath = "/.well-known/kechuang-node";
inline constexpr int kProtocolVersion = 1;

struct NodeDocument {
  std::vector<int> versions{kProtocolVersion};  // ascending
  std::string node_id;                          // "kc1…" (§1)
  std::string name;                             // display name, ≤ 200 characters
  std::string base_url;                         // no trailing slash
  std::string public_key;                       // base64url of the 32 key bytes
  std::string fingerprint;                      // 64 lowercase hex digits
  std::vector<std::string> languages;           // BCP 47 tags
  std::string country;                          // ISO 3166-1 alpha-2, upper case
};

// The document of this node: the public forms of `key` and the given descriptive fields.
NodeDocument DescribeNode(const NodeKey& key, std::string name, std::string base_url,
                          std::vector<std::string> languages, std::string country);

// The document as the JSON object of §1.1 (with "protocol" and "key_alg").
std::string NodeDocumentJson(const NodeDocument& doc);

// Reads a peer's document from the body of its answer. Refuses (bad_node_document, naming the
// field) what is not JSON, a protocol other than kechuang-net, no version in common with this
// node, a key algorithm other than ed25519, a malformed key, base URL, country or name, and a
// node id or fingerprint that is not derived from the public key.
Result<NodeDocument> ParseNodeDocument(std::string_view body);

}  // namespace kc::net
