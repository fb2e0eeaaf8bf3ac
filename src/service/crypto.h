// Password hashing (argon2id) and random tokens, through libsodium.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace kc {

// Initialises libsodium; call once before any other function here (idempotent, thread-safe).
Status InitCrypto();

// Returns an argon2id hash string (libsodium's interactive limits) of `password`.
Result<std::string> HashPassword(std::string_view password);

// True when `password` matches a hash made by HashPassword. Constant-time in the password.
bool VerifyPassword(std::string_view password, const std::string& hash);

// `bytes` random bytes as lower-case hex (2 × bytes characters).
std::string RandomHex(size_t bytes);

// A readable random password: 16 characters without look-alike characters.
std::string RandomPassword();

// The BLAKE2b-256 hash of a session token, as hex: what the store keeps instead of the token.
std::string TokenHash(std::string_view token);

// The BLAKE2b-128 hash of `message` keyed with `key` (16 to 64 bytes; longer keys are cut), as
// hex: a pseudonym that cannot be computed back, or recomputed, without the key.
std::string KeyedHash(std::string_view key, std::string_view message);

}  // namespace kc
