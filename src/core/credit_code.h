// 统一社会信用代码: the unified social credit code of an organisation (GB 32100-2015).
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace kc {

// The 31 characters a credit code may use, in the order that gives each its value (0..30):
// digits, then upper-case letters without I, O, S, V and Z.
inline constexpr std::string_view kCreditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// Returns OK when `code` is 18 characters from kCreditCodeAlphabet (upper case only) whose last
// character is the check character of the first 17. Otherwise returns
// Invalid("credit_code", "invalid_credit_code", reason), the reason naming the length, the
// first bad character and its position, or the expected check character.
Status ValidateCreditCode(std::string_view code);

// Returns `code` with surrounding ASCII whitespace removed and ASCII letters upper-cased; it
// does not validate.
std::string NormalizeCreditCode(std::string_view code);

// Returns the check character for the first 17 characters of a credit code: weights 3^i mod 31,
// check = 31 - (sum mod 31), where 31 becomes 0. Returns '\0' when `first17` is not 17
// characters of kCreditCodeAlphabet.
char CreditCodeCheckChar(std::string_view first17);

}  // namespace kc
