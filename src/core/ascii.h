// ASCII helpers for protocol text (HTTP header values, charset names, file extensions): no
// locale, and bytes outside A–Z untouched, so UTF-8 passes through unchanged.
#pragma once

#include <string>
#include <string_view>

namespace kc {

// `s` with A–Z lowered.
inline std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// `s` without the spaces and tabs at either end (HTTP's optional whitespace).
inline std::string_view TrimBlanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace kc
