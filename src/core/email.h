// E-mail addresses as the platform accepts them: a plausible shape, not a deliverability check.
#pragma once

#include <string_view>

namespace kc {

// True for "local@domain.tld": something before one '@', a '.' after it, no spaces or control
// characters, at most 254 bytes.
bool IsEmailAddress(std::string_view text);

}  // namespace kc
