// Fuzz target: page import (POST /news/import, News::ImportPage in src/service/news_import.cc):
// the page's bytes decoded with a charset from the request's Content-Type or the page itself,
// then parsed. The first byte of the input chooses the format and the header's charset; the
// rest is the page.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/utf8.h"
#include "importers/news_page_parser.h"
#include "importers/page_encoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  constexpr std::array<kc::PageFormat, 3> kFormats = {kc::PageFormat::kAuto, kc::PageFormat::kText,
                                                      kc::PageFormat::kHtml};
  constexpr std::array<std::string_view, 4> kCharsets = {"", "gb2312", "big5", "utf-8"};
  const kc::PageFormat format = kFormats[data[0] % kFormats.size()];
  const std::string_view charset = kCharsets[(data[0] / kFormats.size()) % kCharsets.size()];
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  auto text = kc::DecodePageToUtf8(bytes, charset);
  if (!text.ok()) return 0;
  const kc::ParsedNewsPage page = kc::ParseNewsPage(*text, format);
  // What the parser returns is shown and stored as UTF-8 text.
  if (!kc::IsValidUtf8(page.title)) __builtin_trap();
  for (const auto& p : page.paragraphs) {
    if (!kc::IsValidUtf8(p)) __builtin_trap();
  }
  return 0;
}
