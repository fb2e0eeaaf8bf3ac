#include "net/http_signature.h"

#include <gtest/gtest.h>
#include <sodium.h>
#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <vector>

namespace kc::net {
namespace {

constexpr int64_t kNow = 1796558400;  // Sun, 06 Dec 2026 12:00:00 GMT, the example of §3.2
constexpr std::string_view kNonce = "r4nD0m-n0nce-AAAAAAAAAA";
constexpr std::string_view kFeedUri = "https://kc.example.org/api/v1/net/feed?after=0&limit=200";
constexpr std::string_view kEmptyDigest = "sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:";

// Replaces the first `from` in `s` by `to` (the test fails when there is none).
std::string Replace(std::string s, std::string_view from, std::string_view to) {
  size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from << " not in " << s;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

class HttpSignatureTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                     ("kc-http-signature-" + std::to_string(::getpid())));
    std::filesystem::remove_all(*dir_);
    std::filesystem::create_directories(*dir_ / "a");
    std::filesystem::create_directories(*dir_ / "b");
    key_ = new NodeKey(NodeKey::LoadOrCreate((*dir_ / "a").string()).value());
    other_ = new NodeKey(NodeKey::LoadOrCreate((*dir_ / "b").string()).value());
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete key_;
    delete other_;
    delete dir_;
  }

  // The receiver knows `key_` under its node id, and no one else.
  static PublicKeyLookup KnowsSigner() {
    return [](std::string_view keyid) -> std::optional<std::array<uint8_t, 32>> {
      if (keyid == key_->NodeId()) return key_->public_key();
      return std::nullopt;
    };
  }

  static SignatureHeaders SignedFeedRequest() {
    return SignRequest(*key_, "GET", kFeedUri, "", kNow, kNonce);
  }

  static Result<VerifiedSignature> VerifyFeed(const SignatureHeaders& h, int64_t now = kNow,
                                              std::string_view body = "") {
    return VerifyRequest("GET", kFeedUri, body, h, KnowsSigner(), now);
  }

  static void ExpectRefused(const Result<VerifiedSignature>& r, ErrorKind kind,
                            std::string_view code) {
    ASSERT_FALSE(r.ok()) << "expected " << code;
    EXPECT_EQ(r.status().code(), code) << r.status().message();
    EXPECT_EQ(r.status().kind(), kind) << r.status().code();
  }
  static void ExpectMalformed(const Result<VerifiedSignature>& r) {
    ExpectRefused(r, ErrorKind::kBadInput, "signature_malformed");
  }

  static std::filesystem::path* dir_;
  static NodeKey* key_;
  static NodeKey* other_;
};

std::filesystem::path* HttpSignatureTest::dir_ = nullptr;
NodeKey* HttpSignatureTest::key_ = nullptr;
NodeKey* HttpSignatureTest::other_ = nullptr;

TEST_F(HttpSignatureTest, ContentDigestIsSha256InBase64) {
  EXPECT_EQ(ContentDigest(""), kEmptyDigest);
  EXPECT_EQ(ContentDigest("abc"), "sha-256=:ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=:");
}

TEST_F(HttpSignatureTest, HttpDateOfKnownTimes) {
  EXPECT_EQ(HttpDate(kNow), "Sun, 06 Dec 2026 12:00:00 GMT");
  EXPECT_EQ(HttpDate(0), "Thu, 01 Jan 1970 00:00:00 GMT");
  EXPECT_EQ(HttpDate(951782400 + 86399), "Tue, 29 Feb 2000 23:59:59 GMT");
  EXPECT_EQ(HttpDate(4102444800), "Fri, 01 Jan 2100 00:00:00 GMT");
}

TEST_F(HttpSignatureTest, ParseHttpDateIsTheStrictInverse) {
  for (int64_t t : {int64_t{0}, int64_t{951782400}, kNow, kNow + 86399, int64_t{4102444799}})
    EXPECT_EQ(ParseHttpDate(HttpDate(t)), t) << HttpDate(t);
  for (std::string_view bad : {"", "Mon, 06 Dec 2026 12:00:00 GMT", "Sun, 06 Dec 2026 12:00:00 UTC",
                               "Sun, 06 Dec 2026 12:00:00 gmt", "Sun, 6 Dec 2026 12:00:00 GMT",
                               "Sun, 06 dec 2026 12:00:00 GMT", "Sun, 06 Dec 2026 24:00:00 GMT",
                               "Sun, 06 Dec 2026 12:60:00 GMT", "Sun, 06 Dec 2026 12:00:60 GMT",
                               "Sat, 31 Feb 2026 12:00:00 GMT", "Sun, 29 Feb 2026 12:00:00 GMT",
                               "Sunday, 06-Dec-26 12:00:00 GMT", "Sun Dec  6 12:00:00 2026",
                               " Sun, 06 Dec 2026 12:00:00 GMT", "Sun, 06 Dec 2026 12:00:00 GMT ",
                               "Sun, 06 Dec 2026 12:0a:00 GMT", "Sun, 06 Dec +026 12:00:00 GMT"})
    EXPECT_FALSE(ParseHttpDate(bad).has_value()) << bad;
}

TEST_F(HttpSignatureTest, NewNonceIs128RandomBitsInBase64Url) {
  std::string a = NewNonce(), b = NewNonce();
  EXPECT_EQ(a.size(), 22u);
  EXPECT_NE(a, b);
  for (char c : a) EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_');
  SignatureHeaders h = SignRequest(*key_, "GET", kFeedUri, "", kNow, a);
  EXPECT_TRUE(VerifyFeed(h).ok());
}

// §3.2's example, with this test's key as the sender.
TEST_F(HttpSignatureTest, RequestHeadersAndBaseAreExactlyThoseOfTheProtocol) {
  SignatureHeaders h = SignedFeedRequest();
  const std::string keyid = key_->NodeId();
  EXPECT_EQ(h.content_digest, kEmptyDigest);
  EXPECT_EQ(h.date, "Sun, 06 Dec 2026 12:00:00 GMT");
  const std::string params =
      R"(("@method" "@target-uri" "content-digest" "date");created=1796558400;expires=1796558700;)"
      R"(nonce="r4nD0m-n0nce-AAAAAAAAAA";keyid=")" +
      keyid + R"(";alg="ed25519")";
  EXPECT_EQ(h.signature_input, "kc=" + params);
  const std::string base =
      "\"@method\": GET\n"
      "\"@target-uri\": https://kc.example.org/api/v1/net/feed?after=0&limit=200\n"
      "\"content-digest\": sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:\n"
      "\"date\": Sun, 06 Dec 2026 12:00:00 GMT\n"
      "\"@signature-params\": " +
      params;

  ASSERT_EQ(h.signature.size(), 4u + 88u + 1u);  // kc=: + base64 of 64 bytes + :
  ASSERT_EQ(h.signature.substr(0, 4), "kc=:");
  ASSERT_EQ(h.signature.back(), ':');
  unsigned char sig[64];
  size_t len = 0;
  std::string b64 = h.signature.substr(4, 88);
  ASSERT_EQ(sodium_base642bin(sig, sizeof sig, b64.data(), b64.size(), nullptr, &len, nullptr,
                              sodium_base64_VARIANT_ORIGINAL),
            0);
  ASSERT_EQ(len, 64u);
  EXPECT_EQ(crypto_sign_verify_detached(sig, reinterpret_cast<const unsigned char*>(base.data()),
                                        base.size(), key_->public_key().data()),
            0);
}

TEST_F(HttpSignatureTest, ResponseHeadersAndBaseCoverTheRequest) {
  const std::string body = R"({"node_id":"kc1","entries":[],"next":"0","more":false})";
  SignatureHeaders h = SignResponse(*key_, 200, body, "GET", kFeedUri, kNow, kNonce);
  const std::string params =
      R"(("@status" "content-digest" "date" "@method";req "@target-uri";req);created=1796558400;)"
      R"(expires=1796558700;nonce="r4nD0m-n0nce-AAAAAAAAAA";keyid=")" +
      key_->NodeId() + R"(";alg="ed25519")";
  EXPECT_EQ(h.signature_input, "kc=" + params);
  const std::string base =
      "\"@status\": 200\n"
      "\"content-digest\": " +
      ContentDigest(body) +
      "\n"
      "\"date\": Sun, 06 Dec 2026 12:00:00 GMT\n"
      "\"@method\";req: GET\n"
      "\"@target-uri\";req: " +
      std::string(kFeedUri) + "\n\"@signature-params\": " + params;
  unsigned char sig[64];
  size_t len = 0;
  std::string b64 = h.signature.substr(4, 88);
  ASSERT_EQ(sodium_base642bin(sig, sizeof sig, b64.data(), b64.size(), nullptr, &len, nullptr,
                              sodium_base64_VARIANT_ORIGINAL),
            0);
  EXPECT_EQ(crypto_sign_verify_detached(sig, reinterpret_cast<const unsigned char*>(base.data()),
                                        base.size(), key_->public_key().data()),
            0);
}

TEST_F(HttpSignatureTest, ASignedRequestVerifies) {
  const std::string body = R"({"node":{"protocol":"kechuang-net"}})";
  const std::string uri = "https://kc.example.org/api/v1/net/peer-requests";
  SignatureHeaders h = SignRequest(*key_, "POST", uri, body, kNow, kNonce);
  auto v = VerifyRequest("POST", uri, body, h, KnowsSigner(), kNow + 10);
  ASSERT_TRUE(v.ok()) << v.status().code() << ": " << v.status().message();
  EXPECT_EQ(v->keyid, key_->NodeId());
  EXPECT_EQ(v->nonce, kNonce);
  EXPECT_EQ(v->created, kNow);
  EXPECT_EQ(v->expires, kNow + 300);
}

TEST_F(HttpSignatureTest, ASignedResponseVerifiesAgainstItsRequestOnly) {
  const std::string body = R"({"entries":[]})";
  SignatureHeaders h = SignResponse(*key_, 200, body, "GET", kFeedUri, kNow, kNonce);
  auto v = VerifyResponse(200, body, h, "GET", kFeedUri, KnowsSigner(), kNow);
  ASSERT_TRUE(v.ok()) << v.status().code() << ": " << v.status().message();
  EXPECT_EQ(v->keyid, key_->NodeId());

  const std::string other_uri = "https://kc.example.org/api/v1/net/feed?after=42&limit=200";
  ExpectRefused(VerifyResponse(200, body, h, "GET", other_uri, KnowsSigner(), kNow),
                ErrorKind::kUnauthorized, "signature_invalid");
  ExpectRefused(VerifyResponse(200, body, h, "POST", kFeedUri, KnowsSigner(), kNow),
                ErrorKind::kUnauthorized, "signature_invalid");
  ExpectRefused(VerifyResponse(201, body, h, "GET", kFeedUri, KnowsSigner(), kNow),
                ErrorKind::kUnauthorized, "signature_invalid");
  ExpectRefused(VerifyResponse(-200, body, h, "GET", kFeedUri, KnowsSigner(), kNow),
                ErrorKind::kUnauthorized, "signature_invalid");
}

TEST_F(HttpSignatureTest, RequestAndResponseSignaturesAreNotInterchangeable) {
  SignatureHeaders request = SignedFeedRequest();
  ExpectMalformed(VerifyResponse(200, "", request, "GET", kFeedUri, KnowsSigner(), kNow));
  SignatureHeaders response = SignResponse(*key_, 200, "", "GET", kFeedUri, kNow, kNonce);
  ExpectMalformed(VerifyFeed(response));
}

TEST_F(HttpSignatureTest, AFlippedByteInTheBodyIsADigestMismatch) {
  SignatureHeaders h = SignRequest(*key_, "POST", kFeedUri, "{\"a\":1}", kNow, kNonce);
  ExpectRefused(VerifyRequest("POST", kFeedUri, "{\"a\":2}", h, KnowsSigner(), kNow),
                ErrorKind::kUnauthorized, "digest_mismatch");
  // A new body with its own digest: the digest is covered, so the signature fails.
  SignatureHeaders swapped = h;
  swapped.content_digest = ContentDigest("{\"a\":2}");
  ExpectRefused(VerifyRequest("POST", kFeedUri, "{\"a\":2}", swapped, KnowsSigner(), kNow),
                ErrorKind::kUnauthorized, "signature_invalid");
  // A digest header in another form than §3.1's is not the body's digest.
  swapped.content_digest = "sha-512=:AAAA:, " + ContentDigest("{\"a\":1}");
  ExpectRefused(VerifyRequest("POST", kFeedUri, "{\"a\":1}", swapped, KnowsSigner(), kNow),
                ErrorKind::kUnauthorized, "digest_mismatch");
}

TEST_F(HttpSignatureTest, AChangedMethodOrUriDoesNotVerify) {
  SignatureHeaders h = SignedFeedRequest();
  ExpectRefused(VerifyRequest("HEAD", kFeedUri, "", h, KnowsSigner(), kNow),
                ErrorKind::kUnauthorized, "signature_invalid");
  ExpectRefused(VerifyRequest("GET", Replace(std::string(kFeedUri), "after=0", "after=1"), "", h,
                              KnowsSigner(), kNow),
                ErrorKind::kUnauthorized, "signature_invalid");
  ExpectRefused(VerifyRequest("GET", Replace(std::string(kFeedUri), "https", "http"), "", h,
                              KnowsSigner(), kNow),
                ErrorKind::kUnauthorized, "signature_invalid");
  // A line break in a component cannot be in a signed base.
  ExpectRefused(VerifyRequest("GET", std::string(kFeedUri) + "\n", "", h, KnowsSigner(), kNow),
                ErrorKind::kUnauthorized, "signature_invalid");
}

TEST_F(HttpSignatureTest, AFlippedByteInTheSignatureDoesNotVerify) {
  SignatureHeaders h = SignedFeedRequest();
  char& c = h.signature[20];
  c = c == 'A' ? 'B' : 'A';
  ExpectRefused(VerifyFeed(h), ErrorKind::kUnauthorized, "signature_invalid");
}

TEST_F(HttpSignatureTest, ASignatureByAnotherKeyDoesNotVerify) {
  // `other_` signs but claims the keyid of `key_`.
  SignatureHeaders forged = SignRequest(*other_, "GET", kFeedUri, "", kNow, kNonce);
  forged.signature_input = Replace(forged.signature_input, other_->NodeId(), key_->NodeId());
  ExpectRefused(VerifyFeed(forged), ErrorKind::kUnauthorized, "signature_invalid");
  // And the right keyid looked up to the wrong key.
  SignatureHeaders h = SignedFeedRequest();
  auto wrong = [](std::string_view) -> std::optional<std::array<uint8_t, 32>> {
    return other_->public_key();
  };
  ExpectRefused(VerifyRequest("GET", kFeedUri, "", h, wrong, kNow), ErrorKind::kUnauthorized,
                "signature_invalid");
}

TEST_F(HttpSignatureTest, AnUnknownKeyIdIsRefused) {
  SignatureHeaders h = SignRequest(*other_, "GET", kFeedUri, "", kNow, kNonce);
  ExpectRefused(VerifyFeed(h), ErrorKind::kUnauthorized, "unknown_key");
  ExpectRefused(VerifyRequest("GET", kFeedUri, "", h, PublicKeyLookup(), kNow),
                ErrorKind::kUnauthorized, "unknown_key");
}

TEST_F(HttpSignatureTest, TheTimeWindowIsThreeHundredSeconds) {
  SignatureHeaders h = SignedFeedRequest();
  EXPECT_TRUE(VerifyFeed(h, kNow + 300).ok());
  EXPECT_TRUE(VerifyFeed(h, kNow - 300).ok());
  ExpectRefused(VerifyFeed(h, kNow + 301), ErrorKind::kUnauthorized, "signature_expired");
  ExpectRefused(VerifyFeed(h, kNow - 301), ErrorKind::kUnauthorized, "signature_expired");
}

TEST_F(HttpSignatureTest, BadTimeParametersAreExpiredBeforeTheSignatureIsChecked) {
  SignatureHeaders h = SignedFeedRequest();
  SignatureHeaders longer = h;
  longer.signature_input = Replace(h.signature_input, "expires=1796558700", "expires=1796558701");
  ExpectRefused(VerifyFeed(longer), ErrorKind::kUnauthorized, "signature_expired");
  SignatureHeaders backwards = h;
  backwards.signature_input =
      Replace(h.signature_input, "expires=1796558700", "expires=1796558399");
  ExpectRefused(VerifyFeed(backwards), ErrorKind::kUnauthorized, "signature_expired");
  // Past expires while created is still in the window.
  SignatureHeaders short_lived = h;
  short_lived.signature_input =
      Replace(h.signature_input, "expires=1796558700", "expires=1796558410");
  ExpectRefused(VerifyFeed(short_lived, kNow + 11), ErrorKind::kUnauthorized, "signature_expired");
  // Still in time, but the changed parameter is covered.
  ExpectRefused(VerifyFeed(short_lived, kNow + 10), ErrorKind::kUnauthorized, "signature_invalid");
}

TEST_F(HttpSignatureTest, TheDateMustBeAnIMFFixdateWithinTheWindow) {
  SignatureHeaders h = SignedFeedRequest();
  SignatureHeaders skewed = h;
  skewed.date = HttpDate(kNow + 301);
  ExpectRefused(VerifyFeed(skewed), ErrorKind::kUnauthorized, "signature_expired");
  skewed.date = HttpDate(kNow - 301);
  ExpectRefused(VerifyFeed(skewed), ErrorKind::kUnauthorized, "signature_expired");
  skewed.date = "Sunday, 06-Dec-26 12:00:00 GMT";
  ExpectRefused(VerifyFeed(skewed), ErrorKind::kUnauthorized, "signature_expired");
  skewed.date = "";
  ExpectRefused(VerifyFeed(skewed), ErrorKind::kUnauthorized, "signature_expired");
  // Within the window but not the signed Date.
  skewed.date = HttpDate(kNow + 1);
  ExpectRefused(VerifyFeed(skewed), ErrorKind::kUnauthorized, "signature_invalid");
}

TEST_F(HttpSignatureTest, MissingSignatureHeaders) {
  SignatureHeaders h = SignedFeedRequest();
  SignatureHeaders no_input = h;
  no_input.signature_input.clear();
  ExpectRefused(VerifyFeed(no_input), ErrorKind::kUnauthorized, "signature_missing");
  SignatureHeaders no_signature = h;
  no_signature.signature.clear();
  ExpectRefused(VerifyFeed(no_signature), ErrorKind::kUnauthorized, "signature_missing");
  ExpectRefused(VerifyFeed(SignatureHeaders{}), ErrorKind::kUnauthorized, "signature_missing");
  SignatureHeaders no_digest = h;
  no_digest.content_digest.clear();
  ExpectRefused(VerifyFeed(no_digest), ErrorKind::kUnauthorized, "digest_mismatch");
}

TEST_F(HttpSignatureTest, SignatureInputNotExactlyAsTheProtocolIsMalformed) {
  SignatureHeaders h = SignedFeedRequest();
  const std::string in = h.signature_input;
  const std::string covered = R"(("@method" "@target-uri" "content-digest" "date"))";
  std::vector<std::string> bad = {
      Replace(in, "kc=", "sig="),
      Replace(in, "kc=", "KC="),
      Replace(in, "kc=", "kc ="),
      in + ", kc2=" + in.substr(3),
      in + ", " + in,
      in + ",",
      in + ";tag=\"x\"",
      Replace(in, covered, R"(("@target-uri" "@method" "content-digest" "date"))"),
      Replace(in, covered, R"(("@method" "@target-uri" "content-digest"))"),
      Replace(in, covered, R"(("@method" "@target-uri" "content-digest" "date" "host"))"),
      Replace(in, covered, R"(("@method" "@target-uri"  "content-digest" "date"))"),
      Replace(in, covered, R"(("@method" "@target-uri" "Content-Digest" "date"))"),
      Replace(in, ";created=1796558400;expires=1796558700",
              ";expires=1796558700;created=1796558400"),
      Replace(in, "created=1796558400", "created=01796558400"),
      Replace(in, "created=1796558400", "created=-1796558400"),
      Replace(in, "created=1796558400", "created=1796558400.0"),
      Replace(in, "created=1796558400", "created=1234567890123456"),
      Replace(in, "created=1796558400", "created="),
      Replace(in, "created=1796558400", "created=\"1796558400\""),
      Replace(in, "nonce=\"r4nD0m-n0nce-AAAAAAAAAA\"", "nonce=\"r4nD0m-n0nce-AA\""),  // 15
      Replace(in, "nonce=\"r4nD0m-n0nce-AAAAAAAAAA\"", "nonce=\"r4nD0m+n0nce/AAAAAAAAAA\""),
      Replace(in, "nonce=\"r4nD0m-n0nce-AAAAAAAAAA\"", "nonce=\"" + std::string(65, 'a') + "\""),
      Replace(in, "nonce=\"r4nD0m-n0nce-AAAAAAAAAA\"", "nonce=r4nD0m-n0nce-AAAAAAAAAA"),
      Replace(in, "nonce=\"r4nD0m-n0nce-AAAAAAAAAA\"", "nonce=\"r4nD0m-n0nce-AAAAAAAAAA"),
      Replace(in, "keyid=\"" + key_->NodeId() + "\"", "keyid=\"\""),
      Replace(in, "keyid=\"" + key_->NodeId() + "\"", "keyid=\"a b\""),
      Replace(in, "keyid=\"" + key_->NodeId() + "\"", "keyid=\"" + std::string(129, 'k') + "\""),
      Replace(in, "alg=\"ed25519\"", "alg=\"rsa-pss-sha512\""),
      Replace(in, "alg=\"ed25519\"", "alg=\"Ed25519\""),
      Replace(in, ";alg=\"ed25519\"", ""),
      in.substr(0, in.size() - 1),
      in + std::string("\0", 1),
      std::string("\xff\xfe", 2) + in,
      "kc",
      "=",
      ";",
  };
  for (size_t i = 0; i < bad.size(); ++i) {
    SignatureHeaders m = h;
    m.signature_input = bad[i];
    SCOPED_TRACE(bad[i]);
    ExpectMalformed(VerifyFeed(m));
  }
  // Every proper prefix of a valid Signature-Input, and the header with optional whitespace.
  for (size_t n = 1; n < in.size(); ++n) {
    SignatureHeaders m = h;
    m.signature_input = in.substr(0, n);
    auto r = VerifyFeed(m);
    ASSERT_FALSE(r.ok()) << m.signature_input;
    EXPECT_EQ(r.status().code(), "signature_malformed") << m.signature_input;
  }
  SignatureHeaders spaced = h;
  spaced.signature_input = " " + in + "\t";
  EXPECT_TRUE(VerifyFeed(spaced).ok());
}

TEST_F(HttpSignatureTest, SignatureNotExactlySixtyFourBytesInBase64IsMalformed) {
  SignatureHeaders h = SignedFeedRequest();
  const std::string b64 = h.signature.substr(4, 88);
  unsigned char bytes63[63] = {};
  char enc63[sodium_base64_ENCODED_LEN(63, sodium_base64_VARIANT_ORIGINAL)];
  sodium_bin2base64(enc63, sizeof enc63, bytes63, sizeof bytes63, sodium_base64_VARIANT_ORIGINAL);
  unsigned char bytes65[65] = {};
  char enc65[sodium_base64_ENCODED_LEN(65, sodium_base64_VARIANT_ORIGINAL)];
  sodium_bin2base64(enc65, sizeof enc65, bytes65, sizeof bytes65, sodium_base64_VARIANT_ORIGINAL);
  std::string urlsafe = b64;
  for (char& c : urlsafe) c = c == '+' ? '-' : c == '/' ? '_' : c;
  std::vector<std::string> bad = {
      "kc=:" + std::string(enc63) + ":",
      "kc=:" + std::string(enc65) + ":",
      "kc=:" + b64.substr(0, 86) + ":",  // no padding
      "kc=:" + b64.substr(0, 80) + "!!!!!!!==:",
      "kc=:" + b64,
      "kc=" + b64,
      "sig=:" + b64 + ":",
      "kc=:" + b64 + ":, kc=:" + b64 + ":",
      "kc=:" + b64 + "::",
      "kc=:" + b64 + ":;x=1",
      "kc=::",
      "kc=:",
      ":",
      "kc=:" + b64.substr(0, 40) + " " + b64.substr(40) + ":",
  };
  if (urlsafe != b64) bad.push_back("kc=:" + urlsafe + ":");
  for (const std::string& s : bad) {
    SignatureHeaders m = h;
    m.signature = s;
    SCOPED_TRACE(s);
    ExpectMalformed(VerifyFeed(m));
  }
}

TEST_F(HttpSignatureTest, ChecksComeInTheProtocolsOrder) {
  SignatureHeaders h = SignRequest(*other_, "GET", kFeedUri, "x", kNow + 1000, kNonce);
  h.date = "nonsense";
  SignatureHeaders malformed = h;
  malformed.signature = "kc=:AAAA:";
  ExpectMalformed(VerifyFeed(malformed));
  ExpectRefused(VerifyFeed(h), ErrorKind::kUnauthorized, "unknown_key");  // before digest
  auto any = [](std::string_view) -> std::optional<std::array<uint8_t, 32>> {
    return other_->public_key();
  };
  ExpectRefused(VerifyRequest("GET", kFeedUri, "y", h, any, kNow), ErrorKind::kUnauthorized,
                "digest_mismatch");  // before time
  ExpectRefused(VerifyRequest("GET", kFeedUri, "x", h, any, kNow), ErrorKind::kUnauthorized,
                "signature_expired");  // before the signature
}

}  // namespace
}  // namespace kc::net
