// 行政区划代码: a GB/T 2260 administrative division code, six digits: province (2), city (2),
// county (2), as in "440305" (广东省深圳市南山区) or "110000" (北京市).
#pragma once

#include <optional>
#include <string_view>

#include "core/status.h"

namespace kc {

// Returns OK when `code` is six ASCII digits whose first two are one of the 34 province-level
// codes (11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81, 82). Otherwise returns
// Invalid(field, "invalid_region", reason). Cities and counties are not looked up.
Status ValidateRegionCode(std::string_view code, std::string_view field = "region");

// Returns the Chinese name of the province-level division of `code` ("440305" → "广东省"),
// looking only at its first two characters; nullopt when they are not a province code.
std::optional<std::string_view> ProvinceName(std::string_view code);

// Returns the English name of the province-level division of `code` ("440305" → "Guangdong"),
// or an empty view when its first two characters are not a province code.
std::string_view ProvinceNameEn(std::string_view code);

}  // namespace kc
