#include "net/node_key.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>

namespace kc::net {
namespace {

constexpr const char* kFileName = "node.key";

Status Init() {
  if (sodium_init() < 0) return Internal("libsodium could not start");
  return Status::Ok();
}

std::array<uint8_t, crypto_hash_sha256_BYTES> Sha256(const uint8_t* data, size_t size) {
  std::array<uint8_t, crypto_hash_sha256_BYTES> out{};
  crypto_hash_sha256(out.data(), data, size);
  return out;
}

std::string Base32Lower(const uint8_t* data, size_t size) {
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (size_t i = 0; i < size; ++i) {
    buffer = (buffer << 8) | data[i];
    bits += 8;
    while (bits >= 5) {
      out.push_back(kAlphabet[(buffer >> (bits - 5)) & 31]);
      bits -= 5;
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(buffer << (5 - bits)) & 31]);
  return out;
}

Status ReadKey(const std::string& path, std::array<uint8_t, NodeKey::kSecretKeyBytes>* sk) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Internal("cannot read " + path + ": " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || st.st_size != NodeKey::kSecretKeyBytes) {
    ::close(fd);
    return Internal(path + " is not a node key (" + std::to_string(NodeKey::kSecretKeyBytes) +
                    " bytes)");
  }
  if ((st.st_mode & 077) != 0) {
    ::close(fd);
    return Internal(path + " is readable by others than its owner; make it mode 0600");
  }
  ssize_t n = ::read(fd, sk->data(), sk->size());
  ::close(fd);
  if (n != static_cast<ssize_t>(sk->size())) return Internal("short read of " + path);
  return Status::Ok();
}

}  // namespace

Result<NodeKey> NodeKey::LoadOrCreate(const std::string& dir) {
  KC_RETURN_IF_ERROR(Init());
  NodeKey key;
  const std::string path = dir + "/" + kFileName;
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) {
    crypto_sign_keypair(key.pk_.data(), key.sk_.data());
    bool written = ::write(fd, key.sk_.data(), key.sk_.size()) ==
                       static_cast<ssize_t>(key.sk_.size()) &&
                   ::fsync(fd) == 0;
    ::close(fd);
    if (!written) {
      ::unlink(path.c_str());
      return Internal("cannot write " + path);
    }
    return key;
  }
  if (errno != EEXIST) return Internal("cannot create " + path + ": " + std::strerror(errno));
  KC_RETURN_IF_ERROR(ReadKey(path, &key.sk_));
  crypto_sign_ed25519_sk_to_pk(key.pk_.data(), key.sk_.data());
  return key;
}

std::string NodeKey::PublicKeyBase64() const {
  char out[sodium_base64_ENCODED_LEN(kPublicKeyBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, pk_.data(), pk_.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string NodeKey::NodeId() const { return NodeIdOf(pk_); }
std::string NodeKey::Fingerprint() const { return FingerprintOf(pk_); }

std::string NodeKey::Sign(std::string_view message) const {
  std::string sig(crypto_sign_BYTES, '\0');
  crypto_sign_detached(reinterpret_cast<unsigned char*>(sig.data()), nullptr,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       sk_.data());
  return sig;
}

std::string NodeIdOf(const std::array<uint8_t, NodeKey::kPublicKeyBytes>& public_key) {
  auto digest = Sha256(public_key.data(), public_key.size());
  return "kc1" + Base32Lower(digest.data(), 20);
}

std::string FingerprintOf(const std::array<uint8_t, NodeKey::kPublicKeyBytes>& public_key) {
  auto digest = Sha256(public_key.data(), public_key.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest.data(), digest.size());
  return hex;
}

bool DecodePublicKey(std::string_view base64url,
                     std::array<uint8_t, NodeKey::kPublicKeyBytes>* out) {
  if (!Init().ok()) return false;
  size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(out->data(), out->size(), base64url.data(), base64url.size(), nullptr,
                        &len, &end, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
    return false;
  return len == out->size() && end == base64url.data() + base64url.size();
}

std::string NormaliseFingerprint(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if (c == ' ') continue;
    if (!std::isxdigit(static_cast<unsigned char>(c))) return "";
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out.size() == 64 ? out : "";
}

}  // namespace kc::net
