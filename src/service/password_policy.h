// 密码规则: what a new password must be (docs/api.md "Passwords"). Checked at registration, on a
// password change and for the administrator password an operator chooses.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/status.h"

namespace kc {

// Bounds on what a client may send as a password, checked before it is hashed.
inline constexpr size_t kMinPasswordChars = 8;
inline constexpr size_t kMaxPasswordChars = 128;
inline constexpr size_t kMaxPasswordBytes = 1024;  // at sign-in too: larger is never a password

// Checks a new password for the account `username`: valid UTF-8 of at most kMaxPasswordBytes
// bytes and kMaxPasswordChars characters ("too_long"), at least kMinPasswordChars characters
// ("weak_password"), not only white space ("blank_password"), not a common password or a common
// stem with digits and punctuation around it, one character repeated or a run like "abcdefgh"
// or a date like "19880808" ("common_password"), and not containing the user name, ignoring case
// ("password_has_username"). Each failure is 422 naming the field "password".
Status ValidatePassword(std::string_view password, std::string_view username);

// True when `password` is one that ValidatePassword refuses as "common_password".
bool IsCommonPassword(std::string_view password);

}  // namespace kc
