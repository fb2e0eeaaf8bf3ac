// JSON Lines (one JSON value per line) for bulk import and the embedded demo data (data/*.jsonl).
#pragma once

#include <string_view>
#include <vector>

namespace kc {

// One non-blank line of a JSON Lines text.
struct JsonLine {
  int line = 0;           // 1-based physical line number, for error reports
  std::string_view text;  // the line without its LF or trailing CR; views the input text
};

// Splits `text` on LF into its non-blank lines, in order. A CR before the LF (or at the end of the
// text) is dropped, lines of only spaces and tabs are skipped, and a leading UTF-8 BOM is ignored.
// The lines are not parsed. The returned views point into `text`, which must outlive them.
std::vector<JsonLine> SplitJsonLines(std::string_view text);

}  // namespace kc
