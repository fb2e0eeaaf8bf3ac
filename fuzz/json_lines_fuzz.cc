// Fuzz target: a JSON Lines import file as the importer reads it (src/service/importer.cc): the
// bytes decoded, split into lines, and each line parsed as JSON.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "core/json_lines.h"
#include "core/text_encoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto text = kc::DecodeToUtf8(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!text.ok()) return 0;
  int previous_line = 0;
  for (const kc::JsonLine& line : kc::SplitJsonLines(*text)) {
    if (line.line <= previous_line) __builtin_trap();
    previous_line = line.line;
    auto value = nlohmann::json::parse(line.text, nullptr, false);
    if (value.is_object()) {
      (void)value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
  }
  return 0;
}
