#include "search/schema.h"

#include <algorithm>

#include "core/utf8.h"
#include "text/normalize.h"
#include "text/char_class.h"

namespace kc::search {

std::string Term(std::string_view prefix, std::string_view value) {
  std::string term;
  term.reserve(prefix.size() + value.size());
  term.append(prefix).append(value);
  return term;
}

std::string MembersTerm(std::string_view term) { return Term(kMembersPrefix, term); }

namespace {
bool IsSixDigits(std::string_view code) {
  return code.size() == 6 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}
}  // namespace

std::vector<std::string> RegionLevels(std::string_view region) {
  if (!IsSixDigits(region)) return {};
  std::vector<std::string> levels{std::string(region)};
  const std::string city = std::string(region.substr(0, 4)) + "00";
  const std::string province = std::string(region.substr(0, 2)) + "0000";
  if (city != levels.back()) levels.push_back(city);
  if (province != levels.back()) levels.push_back(province);
  return levels;
}

std::string ProvinceOf(std::string_view region) {
  if (!IsSixDigits(region)) return "";
  return std::string(region.substr(0, 2)) + "0000";
}

std::vector<std::string_view> CjkChars(std::string_view word) {
  std::vector<std::string_view> chars;
  for (size_t i = 0; i < word.size();) {
    const size_t start = i;
    if (!text::IsCjkChar(DecodeUtf8(word, &i))) return {};
    chars.push_back(word.substr(start, i - start));
  }
  return chars;
}

std::string PersonKey(std::string_view name) {
  std::string key = text::Normalize(name);
  key.erase(std::remove(key.begin(), key.end(), ' '), key.end());
  return key;
}

}  // namespace kc::search
