// 语言: the languages a talent profile or a talent demand names, as ISO 639-1 codes in lower
// case ("zh", "en", "de"). The list is the languages the web words (`language.<code>`), so every
// code a reader sees has a name in both interface languages.
#pragma once

#include <string_view>
#include <vector>

#include "core/status.h"

namespace kc {

// The accepted codes, in the order the forms offer them.
const std::vector<std::string_view>& LanguageCodes();

// Returns whether `code` is one of LanguageCodes() ("EN" is not: codes are lower case).
bool IsLanguageCode(std::string_view code);

// Returns OK when IsLanguageCode(code); otherwise Invalid(field, "unknown_language", reason).
Status ValidateLanguageCode(std::string_view code, std::string_view field = "languages");

}  // namespace kc
