// The character classes the segmenter and the analyzers share (decoding is core/utf8.h).
// Header-only: these run once per character of every indexed document.
#pragma once

namespace kc::text {

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

}  // namespace kc::text
