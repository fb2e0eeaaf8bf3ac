#include "service/crypto.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace kc {
namespace {

class CryptoTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(InitCrypto().ok()); }
};

bool IsLowerHex(const std::string& s) {
  return s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

TEST_F(CryptoTest, InitIsIdempotent) {
  EXPECT_TRUE(InitCrypto().ok());
  EXPECT_TRUE(InitCrypto().ok());
}

TEST_F(CryptoTest, HashVerifiesOnlyTheRightPassword) {
  auto hash = HashPassword("s3cret passphrase");
  ASSERT_TRUE(hash.ok());
  EXPECT_TRUE(hash->starts_with("$argon2id$")) << *hash;
  EXPECT_EQ(hash->find("s3cret"), std::string::npos) << "the password is not in the hash";
  EXPECT_TRUE(VerifyPassword("s3cret passphrase", *hash));
  EXPECT_FALSE(VerifyPassword("s3cret passphrasE", *hash));
  EXPECT_FALSE(VerifyPassword("", *hash));
  EXPECT_FALSE(VerifyPassword("s3cret passphrase", ""));
  EXPECT_FALSE(VerifyPassword("s3cret passphrase", "$argon2id$garbage"));

  // A fresh salt every time: the same password hashes differently, and both verify.
  auto again = HashPassword("s3cret passphrase");
  ASSERT_TRUE(again.ok());
  EXPECT_NE(*hash, *again);
  EXPECT_TRUE(VerifyPassword("s3cret passphrase", *again));
}

TEST_F(CryptoTest, HashHandlesNonAsciiAndEmbeddedNul) {
  std::string pw("密码\0tail", 11);
  auto hash = HashPassword(pw);
  ASSERT_TRUE(hash.ok());
  EXPECT_TRUE(VerifyPassword(pw, *hash));
  EXPECT_FALSE(VerifyPassword("密码", *hash)) << "the bytes after a NUL count";
}

TEST_F(CryptoTest, RandomHexHasTwoCharactersPerByteAndDiffers) {
  EXPECT_EQ(RandomHex(0), "");
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    std::string h = RandomHex(16);
    EXPECT_EQ(h.size(), 32u);
    EXPECT_TRUE(IsLowerHex(h)) << h;
    seen.insert(h);
  }
  EXPECT_EQ(seen.size(), 50u);
  EXPECT_EQ(RandomHex(1).size(), 2u);
}

TEST_F(CryptoTest, RandomPasswordAvoidsLookAlikes) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    std::string pw = RandomPassword();
    ASSERT_EQ(pw.size(), 16u);
    for (char c : pw) {
      EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c))) << pw;
      EXPECT_EQ(std::string("0O1lI").find(c), std::string::npos) << pw;
    }
    seen.insert(pw);
  }
  EXPECT_EQ(seen.size(), 200u);
}

TEST_F(CryptoTest, TokenHashIsBlake2b256Hex) {
  // Reference values: Python hashlib.blake2b(data, digest_size=32).hexdigest().
  EXPECT_EQ(TokenHash(""), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  EXPECT_EQ(TokenHash("abc"), "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
  std::string t = RandomHex(32);
  EXPECT_EQ(TokenHash(t), TokenHash(t));
  EXPECT_NE(TokenHash(t), TokenHash(t + "0"));
  EXPECT_NE(TokenHash(t), t);
}

TEST_F(CryptoTest, KeyedHashIsKeyedBlake2b128Hex) {
  // Reference: Python hashlib.blake2b(b"abc", digest_size=16, key=b"k" * 16).hexdigest().
  EXPECT_EQ(KeyedHash(std::string(16, 'k'), "abc"), "afec5971bc113d6df7d55ca0df1aba7f");
  EXPECT_NE(KeyedHash(std::string(16, 'k'), "abc"), KeyedHash(std::string(16, 'j'), "abc"));
  // Keys above 64 bytes are cut to 64.
  EXPECT_EQ(KeyedHash(std::string(64, 'k'), "x"), KeyedHash(std::string(80, 'k'), "x"));
}

}  // namespace
}  // namespace kc
