#include "service/crypto.h"

#include <sodium.h>

#include <algorithm>
#include <vector>

namespace kc {

Status InitCrypto() {
  if (sodium_init() < 0) return Internal("libsodium failed to initialise");
  return Status::Ok();
}

Result<std::string> HashPassword(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Internal("password hashing ran out of memory");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view password, const std::string& hash) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string RandomHex(size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  randombytes_buf(buf.data(), buf.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), buf.data(), buf.size());
  hex.pop_back();
  return hex;
}

std::string RandomPassword() {
  static constexpr std::string_view kChars =
      "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string out;
  for (int i = 0; i < 16; ++i) {
    out += kChars[randombytes_uniform(static_cast<uint32_t>(kChars.size()))];
  }
  return out;
}

std::string TokenHash(std::string_view token) {
  unsigned char h[32];
  crypto_generichash(h, sizeof(h), reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
  return std::string(hex);
}

std::string KeyedHash(std::string_view key, std::string_view message) {
  unsigned char h[16];
  const size_t key_size = std::min<size_t>(key.size(), crypto_generichash_KEYBYTES_MAX);
  crypto_generichash(h, sizeof(h), reinterpret_cast<const unsigned char*>(message.data()),
                     message.size(), reinterpret_cast<const unsigned char*>(key.data()), key_size);
  char hex[33];
  sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
  return std::string(hex);
}

}  // namespace kc
