#include "core/language_code.h"

#include <algorithm>
#include <string>

namespace kc {

const std::vector<std::string_view>& LanguageCodes() {
  static const std::vector<std::string_view> codes = {
      "zh", "en", "de", "fr", "ja", "ko", "ru", "es", "pt", "it", "nl", "sv", "da", "no", "fi",
      "pl", "cs", "hu", "el", "tr", "ar", "he", "fa", "hi", "th", "vi", "id", "ms", "uk", "kk"};
  return codes;
}

bool IsLanguageCode(std::string_view code) {
  const auto& codes = LanguageCodes();
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

Status ValidateLanguageCode(std::string_view code, std::string_view field) {
  if (IsLanguageCode(code)) return Status::Ok();
  return Invalid(std::string(field), "unknown_language",
                 "unknown language: " + std::string(code) + " (an ISO 639-1 code such as en)");
}

}  // namespace kc
