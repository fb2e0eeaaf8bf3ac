#include "net/node_document.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace kc::net {
namespace {

class NodeDocumentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("kc-node-doc-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto key = NodeKey::LoadOrCreate(dir_.string());
    ASSERT_TRUE(key.ok()) << key.status().message();
    doc_ = DescribeNode(*key, "科创中国·上海", "https://kc.example.org", {"zh-CN", "en"}, "CN");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // The document as JSON with one field replaced (or removed, for a null value).
  std::string With(const std::string& field, const nlohmann::json& value) const {
    auto j = nlohmann::json::parse(NodeDocumentJson(doc_));
    if (value.is_null()) {
      j.erase(field);
    } else {
      j[field] = value;
    }
    return j.dump();
  }

  std::filesystem::path dir_;
  NodeDocument doc_;
};

TEST_F(NodeDocumentTest, TheJsonHasEveryFieldOfTheProtocol) {
  auto j = nlohmann::json::parse(NodeDocumentJson(doc_));
  EXPECT_EQ(j["protocol"], "kechuang-net");
  EXPECT_EQ(j["versions"], nlohmann::json::array({1}));
  EXPECT_EQ(j["key_alg"], "ed25519");
  EXPECT_EQ(j["node_id"].get<std::string>().substr(0, 3), "kc1");
  EXPECT_EQ(j["node_id"].get<std::string>().size(), 35u);
  EXPECT_EQ(j["public_key"].get<std::string>().size(), 43u);
  EXPECT_EQ(j["fingerprint"].get<std::string>().size(), 64u);
  EXPECT_EQ(j["name"], "科创中国·上海");
  EXPECT_EQ(j["base_url"], "https://kc.example.org");
  EXPECT_EQ(j["languages"], nlohmann::json::array({"zh-CN", "en"}));
  EXPECT_EQ(j["country"], "CN");
}

TEST_F(NodeDocumentTest, ADocumentReadsBackAsItWasWritten) {
  auto read = ParseNodeDocument(NodeDocumentJson(doc_));
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(read->node_id, doc_.node_id);
  EXPECT_EQ(read->public_key, doc_.public_key);
  EXPECT_EQ(read->fingerprint, doc_.fingerprint);
  EXPECT_EQ(read->name, doc_.name);
  EXPECT_EQ(read->base_url, doc_.base_url);
  EXPECT_EQ(read->languages, doc_.languages);
  EXPECT_EQ(read->country, "CN");
  EXPECT_EQ(read->versions, std::vector<int>{1});
}

// A node that claims another node's id or fingerprint beside its own key is dropped (§1.1).
TEST_F(NodeDocumentTest, AnIdOrFingerprintNotDerivedFromTheKeyIsRefused) {
  std::filesystem::create_directories(dir_ / "other");
  auto other = NodeKey::LoadOrCreate((dir_ / "other").string());
  ASSERT_TRUE(other.ok());
  auto id = ParseNodeDocument(With("node_id", other->NodeId()));
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.status().code(), "bad_node_document");
  EXPECT_EQ(id.status().field(), "node_id");
  auto fp = ParseNodeDocument(With("fingerprint", other->Fingerprint()));
  ASSERT_FALSE(fp.ok());
  EXPECT_EQ(fp.status().field(), "fingerprint");
  // The key swapped for another: the id no longer follows from it.
  auto key = ParseNodeDocument(With("public_key", other->PublicKeyBase64()));
  ASSERT_FALSE(key.ok());
  EXPECT_EQ(key.status().field(), "node_id");
}

TEST_F(NodeDocumentTest, EachMalformedFieldIsRefusedByName) {
  const std::vector<std::pair<std::string, nlohmann::json>> bad = {
      {"protocol", "activitypub"},
      {"protocol", nullptr},
      {"versions", nlohmann::json::array()},
      {"versions", nlohmann::json::array({2, 1})},
      {"versions", nlohmann::json::array({"1"})},
      {"key_alg", "rsa"},
      {"public_key", "AAAA"},
      {"public_key", 42},
      {"name", ""},
      {"name", std::string(201, 'x')},
      {"name", nullptr},
      {"base_url", "ftp://kc.example.org"},
      {"base_url", "https://kc.example.org/"},
      {"base_url", "https://"},
      {"base_url", "https://kc.example.org/?q=1"},
      {"languages", "zh-CN"},
      {"languages", nlohmann::json::array({"z"})},
      {"languages", nlohmann::json::array({"zh CN"})},
      {"country", "cn"},
      {"country", "ZZZ"},
      {"country", nullptr},
  };
  for (const auto& [field, value] : bad) {
    auto read = ParseNodeDocument(With(field, value));
    ASSERT_FALSE(read.ok()) << field << " = " << value.dump();
    EXPECT_EQ(read.status().code(), "bad_node_document") << field << " = " << value.dump();
    EXPECT_EQ(read.status().field(), field) << value.dump();
  }
  EXPECT_FALSE(ParseNodeDocument("not json").ok());
  EXPECT_FALSE(ParseNodeDocument("[1,2]").ok());
}

TEST_F(NodeDocumentTest, ANodeWithoutVersionOneIsRefusedAsUnsupported) {
  auto read = ParseNodeDocument(With("versions", nlohmann::json::array({2, 3})));
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), "unsupported_version");
  // A later node that also speaks 1 is understood.
  auto later = ParseNodeDocument(With("versions", nlohmann::json::array({1, 2})));
  ASSERT_TRUE(later.ok()) << later.status().message();
  EXPECT_EQ(later->versions, (std::vector<int>{1, 2}));
}

TEST_F(NodeDocumentTest, ALoopbackHttpBaseUrlIsAccepted) {
  auto read = ParseNodeDocument(With("base_url", "http://127.0.0.1:8080"));
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(read->base_url, "http://127.0.0.1:8080");
}

}  // namespace
}  // namespace kc::net
