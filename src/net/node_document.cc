#include "net/node_document.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>

#include "core/country_code.h"
#include "core/utf8.h"

namespace kc::net {

namespace {

constexpr size_t kMaxName = 200;
constexpr size_t kMaxBaseUrl = 2000;
constexpr size_t kMaxLanguages = 20;

Status Bad(std::string_view field, std::string message) {
  return BadInput("bad_node_document", std::string(field) + ": " + message, std::string(field));
}

// §1.1: an absolute http(s) URL with a host and without a trailing slash, query or fragment.
bool IsBaseUrl(std::string_view url) {
  std::string_view rest;
  if (url.rfind("https://", 0) == 0) {
    rest = url.substr(8);
  } else if (url.rfind("http://", 0) == 0) {
    rest = url.substr(7);
  } else {
    return false;
  }
  if (rest.empty() || rest.front() == '/' || url.back() == '/') return false;
  return std::none_of(rest.begin(), rest.end(), [](char c) {
    return c == '?' || c == '#' || c == ' ' || static_cast<unsigned char>(c) < 0x21;
  });
}

// A BCP 47 tag as far as this protocol needs: letters, digits and hyphens, 2 to 35 characters,
// starting with a letter.
bool IsLanguageTag(std::string_view tag) {
  if (tag.size() < 2 || tag.size() > 35) return false;
  if (!std::isalpha(static_cast<unsigned char>(tag.front()))) return false;
  return std::all_of(tag.begin(), tag.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
  });
}

}  // namespace

NodeDocument DescribeNode(const NodeKey& key, std::string name, std::string base_url,
                          std::vector<std::string> languages, std::string country) {
  NodeDocument doc;
  doc.node_id = key.NodeId();
  doc.name = std::move(name);
  doc.base_url = std::move(base_url);
  doc.public_key = key.PublicKeyBase64();
  doc.fingerprint = key.Fingerprint();
  doc.languages = std::move(languages);
  doc.country = std::move(country);
  return doc;
}

std::string NodeDocumentJson(const NodeDocument& doc) {
  nlohmann::json j = {{"protocol", "kechuang-net"},      {"versions", doc.versions},
                      {"node_id", doc.node_id},          {"name", doc.name},
                      {"base_url", doc.base_url},        {"public_key", doc.public_key},
                      {"key_alg", "ed25519"},            {"fingerprint", doc.fingerprint},
                      {"languages", doc.languages},      {"country", doc.country}};
  return j.dump();
}

Result<NodeDocument> ParseNodeDocument(std::string_view body) {
  nlohmann::json j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return Bad("document", "not a JSON object");
  auto str = [&](const char* field) -> const std::string* {
    auto it = j.find(field);
    return it != j.end() && it->is_string() ? it->get_ptr<const std::string*>() : nullptr;
  };
  if (const auto* p = str("protocol"); !p || *p != "kechuang-net") {
    return Bad("protocol", "must be \"kechuang-net\"");
  }
  NodeDocument doc;
  doc.versions.clear();
  auto versions = j.find("versions");
  if (versions == j.end() || !versions->is_array() || versions->empty() || versions->size() > 100) {
    return Bad("versions", "must be a non-empty list of protocol versions");
  }
  for (const auto& v : *versions) {
    if (!v.is_number_integer()) return Bad("versions", "must hold integers");
    const int version = v.get<int>();
    if (!doc.versions.empty() && version <= doc.versions.back()) {
      return Bad("versions", "must be ascending");
    }
    doc.versions.push_back(version);
  }
  if (std::find(doc.versions.begin(), doc.versions.end(), kProtocolVersion) == doc.versions.end()) {
    return BadInput("unsupported_version", "the node speaks no protocol version in common with "
                                           "this one (1)", "versions");
  }
  if (const auto* alg = str("key_alg"); !alg || *alg != "ed25519") {
    return Bad("key_alg", "must be \"ed25519\"");
  }
  const auto* public_key = str("public_key");
  std::array<uint8_t, NodeKey::kPublicKeyBytes> key{};
  if (!public_key || !DecodePublicKey(*public_key, &key)) {
    return Bad("public_key", "must be 32 bytes in base64url without padding");
  }
  doc.public_key = *public_key;
  const auto* node_id = str("node_id");
  if (!node_id || *node_id != NodeIdOf(key)) {
    return Bad("node_id", "is not derived from the public key");
  }
  doc.node_id = *node_id;
  const auto* fingerprint = str("fingerprint");
  if (!fingerprint || *fingerprint != FingerprintOf(key)) {
    return Bad("fingerprint", "is not derived from the public key");
  }
  doc.fingerprint = *fingerprint;
  const auto* name = str("name");
  if (!name || name->empty() || !IsValidUtf8(*name) || Utf8Length(*name) > kMaxName) {
    return Bad("name", "must be UTF-8 text of 1 to 200 characters");
  }
  doc.name = *name;
  const auto* base_url = str("base_url");
  if (!base_url || base_url->size() > kMaxBaseUrl || !IsBaseUrl(*base_url)) {
    return Bad("base_url", "must be an absolute http(s) URL without a trailing slash");
  }
  doc.base_url = *base_url;
  auto languages = j.find("languages");
  if (languages == j.end() || !languages->is_array() || languages->size() > kMaxLanguages) {
    return Bad("languages", "must be a list of at most 20 language tags");
  }
  for (const auto& l : *languages) {
    if (!l.is_string() || !IsLanguageTag(l.get<std::string>())) {
      return Bad("languages", "must hold BCP 47 language tags");
    }
    doc.languages.push_back(l.get<std::string>());
  }
  const auto* country = str("country");
  if (!country || !IsCountryCode(*country)) {
    return Bad("country", "must be an ISO 3166-1 alpha-2 code in upper case");
  }
  doc.country = *country;
  return doc;
}

}  // namespace kc::net
