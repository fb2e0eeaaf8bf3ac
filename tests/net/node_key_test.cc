#include "net/node_key.h"

#include <gtest/gtest.h>
#include <sodium.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

namespace kc::net {
namespace {

class NodeKeyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("kc-node-key-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(NodeKeyTest, FirstStartMakesAPrivateKeyAndTheNextStartReadsTheSameOne) {
  auto first = NodeKey::LoadOrCreate(dir_.string());
  ASSERT_TRUE(first.ok()) << first.status().message();
  struct stat st {};
  ASSERT_EQ(::stat((dir_ / "node.key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  EXPECT_EQ(st.st_size, 64);

  auto second = NodeKey::LoadOrCreate(dir_.string());
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->NodeId(), first->NodeId());
  EXPECT_EQ(second->PublicKeyBase64(), first->PublicKeyBase64());
}

TEST_F(NodeKeyTest, PublicFormsAreDerivedFromTheKeyAsTheProtocolSays) {
  auto key = NodeKey::LoadOrCreate(dir_.string());
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(key->PublicKeyBase64().size(), 43u);
  EXPECT_EQ(key->NodeId().size(), 35u);
  EXPECT_EQ(key->NodeId().rfind("kc1", 0), 0u);
  EXPECT_EQ(key->Fingerprint().size(), 64u);

  std::array<uint8_t, NodeKey::kPublicKeyBytes> decoded{};
  ASSERT_TRUE(DecodePublicKey(key->PublicKeyBase64(), &decoded));
  EXPECT_EQ(decoded, key->public_key());
  EXPECT_EQ(NodeIdOf(decoded), key->NodeId());
  EXPECT_FALSE(DecodePublicKey("not a key", &decoded));
  EXPECT_FALSE(DecodePublicKey(key->PublicKeyBase64() + "AA", &decoded));
}

TEST_F(NodeKeyTest, NodeIdOfAKnownKey) {
  // All-zero key: SHA-256 of 32 zero bytes is 66687aad…2925; node id by Python hashlib/base64
  std::array<uint8_t, NodeKey::kPublicKeyBytes> zero{};
  EXPECT_EQ(FingerprintOf(zero),
            "66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925");
  EXPECT_EQ(NodeIdOf(zero).substr(0, 11), "kc1mzuhvlpy");
}

TEST_F(NodeKeyTest, SignaturesVerifyWithThePublicKeyOnly) {
  auto key = NodeKey::LoadOrCreate(dir_.string());
  ASSERT_TRUE(key.ok());
  std::string sig = key->Sign("hello");
  ASSERT_EQ(sig.size(), 64u);
  auto verify = [&](std::string_view msg) {
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(sig.data()),
                                       reinterpret_cast<const unsigned char*>(msg.data()),
                                       msg.size(), key->public_key().data()) == 0;
  };
  EXPECT_TRUE(verify("hello"));
  EXPECT_FALSE(verify("hellp"));
}

TEST_F(NodeKeyTest, AKeyReadableByOthersOrOfTheWrongSizeIsRefused) {
  ASSERT_TRUE(NodeKey::LoadOrCreate(dir_.string()).ok());
  std::filesystem::permissions(dir_ / "node.key", std::filesystem::perms::group_read,
                               std::filesystem::perm_options::add);
  EXPECT_FALSE(NodeKey::LoadOrCreate(dir_.string()).ok());
  std::filesystem::remove(dir_ / "node.key");
  { std::ofstream(dir_ / "node.key") << "short"; }
  std::filesystem::permissions(dir_ / "node.key", std::filesystem::perms::owner_read |
                                                      std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::replace);
  EXPECT_FALSE(NodeKey::LoadOrCreate(dir_.string()).ok());
}

TEST(FingerprintTest, AdminsMayTypeItGroupedAndInUpperCase) {
  std::string fp(64, 'a');
  EXPECT_EQ(NormaliseFingerprint("AAAA aaaa " + std::string(56, 'A')), fp);
  EXPECT_EQ(NormaliseFingerprint("abc"), "");
  EXPECT_EQ(NormaliseFingerprint(std::string(63, 'a') + "g"), "");
}

}  // namespace
}  // namespace kc::net
