// 国家代码: an ISO 3166-1 alpha-2 country or territory code, upper case ("CN", "DE", "HK").
#pragma once

#include <string_view>

#include "core/status.h"

namespace kc {

// Returns whether `code` is one of the 249 officially assigned ISO 3166-1 alpha-2 codes, in
// upper case ("cn" is not).
bool IsCountryCode(std::string_view code);

// Returns OK when IsCountryCode(code); otherwise Invalid(field, "invalid_country", reason).
Status ValidateCountryCode(std::string_view code, std::string_view field = "country");

}  // namespace kc
