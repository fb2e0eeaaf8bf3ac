#include "importers/page_encoding.h"

#include <cstdint>

#include "core/ascii.h"
#include "core/text_encoding.h"
#include "core/utf8.h"

namespace kc {

namespace {

bool IsCharsetNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
         c == ':';
}

// The value of "charset=…" at or after `from` in lower-case `s`, up to `end`; "" when none.
std::string CharsetParameter(std::string_view s, size_t from, size_t end) {
  for (size_t at = s.find("charset", from); at != std::string_view::npos && at < end;
       at = s.find("charset", at + 1)) {
    size_t i = at + 7;
    while (i < end && s[i] == ' ') ++i;
    if (i >= end || s[i] != '=') continue;
    ++i;
    while (i < end && (s[i] == ' ' || s[i] == '"' || s[i] == '\'')) ++i;
    size_t start = i;
    while (i < end && IsCharsetNameChar(s[i])) ++i;
    if (i > start) return std::string(s.substr(start, i - start));
  }
  return "";
}

}  // namespace

std::string DeclaredCharset(std::string_view html) {
  const std::string head = LowerAscii(html.substr(0, 4096));
  for (size_t at = head.find("<meta"); at != std::string::npos; at = head.find("<meta", at + 5)) {
    size_t end = head.find('>', at);
    if (end == std::string::npos) end = head.size();
    std::string charset = CharsetParameter(head, at, end);
    if (!charset.empty()) return charset;
  }
  return "";
}

std::string CharsetOfContentType(std::string_view content_type) {
  const std::string lower = LowerAscii(content_type);
  size_t semi = lower.find(';');
  if (semi == std::string::npos) return "";
  return CharsetParameter(lower, semi, lower.size());
}

bool LooksLikeBig5(std::string_view bytes) {
  size_t pairs = 0, low_second = 0;
  for (size_t i = 0; i + 1 < bytes.size();) {
    const auto lead = static_cast<uint8_t>(bytes[i]);
    if (lead < 0x81 || lead == 0xFF) {
      ++i;
      continue;
    }
    const auto second = static_cast<uint8_t>(bytes[i + 1]);
    if (second >= 0x30 && second <= 0x39) return false;  // a GB18030 four-byte sequence
    ++pairs;
    if (second < 0xA1) ++low_second;
    i += 2;
  }
  return pairs >= 4 && low_second * 10 >= pairs;
}

Result<std::string> DecodePageToUtf8(std::string_view bytes, std::string_view header_charset) {
  if (bytes.starts_with("\xEF\xBB\xBF") || bytes.starts_with("\xFF\xFE") ||
      bytes.starts_with("\xFE\xFF") || IsValidUtf8(bytes)) {
    return DecodeToUtf8(bytes);
  }
  for (std::string charset : {std::string(header_charset), DeclaredCharset(bytes)}) {
    if (charset.empty()) continue;
    auto decoded = DecodeCharsetToUtf8(bytes, charset);
    if (decoded.ok()) return decoded;
  }
  if (LooksLikeBig5(bytes)) {
    auto decoded = DecodeCharsetToUtf8(bytes, "big5");
    if (decoded.ok()) return decoded;
  }
  auto decoded = DecodeToUtf8(bytes);
  if (decoded.ok()) return decoded;
  return BadInput("bad_encoding",
                  "the page is not in UTF-8, GB18030 or Big5, nor in the encoding it declares");
}

}  // namespace kc
