#include "core/json_lines.h"

#include "core/text_encoding.h"

namespace kc {

std::vector<JsonLine> SplitJsonLines(std::string_view text) {
  std::vector<JsonLine> lines;
  text = StripUtf8Bom(text);
  int number = 1;
  while (!text.empty()) {
    const size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.find_first_not_of(" \t") != std::string_view::npos) lines.push_back({number, line});
    ++number;
  }
  return lines;
}

}  // namespace kc
