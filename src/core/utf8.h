// UTF-8, the one encoding of text inside the platform: decoding and encoding code points,
// checking, repairing, measuring and cutting text. DecodeUtf8 and Utf8Length are inline: the
// analyzers run them once per character of every indexed document. Files in other encodings are
// converted at the edge (core/text_encoding.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kc {

// Returned by DecodeUtf8 for a byte that does not start a valid UTF-8 sequence.
inline constexpr char32_t kInvalidCodePoint = 0x110000;

// Decodes the code point starting at s[*pos] and advances *pos past it. A malformed sequence
// (bad lead or continuation byte, overlong form, surrogate, above U+10FFFF, truncated) yields
// kInvalidCodePoint and advances *pos by one byte. Requires *pos < s.size().
inline char32_t DecodeUtf8(std::string_view s, size_t* pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = *pos;
  const unsigned char b0 = p[i];
  if (b0 < 0x80) {
    *pos = i + 1;
    return b0;
  }
  size_t len;
  char32_t cp;
  char32_t min;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    *pos = i + 1;
    return kInvalidCodePoint;
  }
  if (i + len > n) {
    *pos = i + 1;
    return kInvalidCodePoint;
  }
  for (size_t k = 1; k < len; ++k) {
    const unsigned char b = p[i + k];
    if ((b & 0xC0) != 0x80) {
      *pos = i + 1;
      return kInvalidCodePoint;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    *pos = i + 1;
    return kInvalidCodePoint;
  }
  *pos = i + len;
  return cp;
}

// Appends the UTF-8 encoding of `cp`, a Unicode scalar value (not a surrogate), to *out.
void AppendUtf8(char32_t cp, std::string* out);

// Returns true when `s` is well-formed UTF-8 (Unicode 15, Table 3-7): no overlong forms, no
// surrogates (U+D800..U+DFFF), nothing above U+10FFFF and no truncated sequence. An empty string
// is valid.
bool IsValidUtf8(std::string_view s);

// Returns `s` with every ill-formed sequence replaced by U+FFFD, one replacement per maximal
// ill-formed subpart (the W3C/Unicode recommended practice); valid input is returned unchanged.
// Use it before quoting user input in an error message or a log line.
std::string SanitizeUtf8(std::string_view s);

// The number of characters (code points) of UTF-8 text: the bytes that do not continue a
// sequence. Exact for valid text; a malformed sequence counts one per byte that is not a
// continuation byte.
inline size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The first `max_chars` characters of valid UTF-8 text `s`, followed by "…" when it was longer.
std::string Utf8Prefix(std::string_view s, size_t max_chars);

}  // namespace kc
