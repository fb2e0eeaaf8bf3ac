// UTF-8 decoding and encoding, and the character classes the analyzers share. Header-only:
// these run once per character of every indexed document.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/text_encoding.h"

namespace kc::text {

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

// Appends the UTF-8 encoding of a scalar value: the one encoder, in core.
using ::kc::AppendUtf8;

// True for the characters written without spaces between words, which the segmenter hands to
// the dictionary and the analyzer pairs into bigrams: Han ideographs (URO, extensions A–G,
// compatibility ideographs), 〇, kana and Hangul syllables.
inline bool IsCjkChar(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x20000 && cp <= 0x3134F) || (cp >= 0xF900 && cp <= 0xFAFF) || cp == 0x3007 ||
         (cp >= 0x3041 && cp <= 0x30FF && cp != 0x30FB) || (cp >= 0xAC00 && cp <= 0xD7A3);
}

// True for letters the segmenter joins into Latin-script words: ASCII, Latin-1, Latin
// Extended, lower-case Greek (Normalize folds the upper case) and Cyrillic letters.
inline bool IsWordLetter(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x3B1 && cp <= 0x3C9) ||
         (cp >= 0x400 && cp <= 0x4FF) || (cp >= 0x1E00 && cp <= 0x1EFF);
}

// Number of code points in s (malformed bytes count one each).
inline size_t CountCodePoints(std::string_view s) {
  size_t count = 0;
  for (size_t i = 0; i < s.size();) {
    DecodeUtf8(s, &i);
    ++count;
  }
  return count;
}

}  // namespace kc::text
