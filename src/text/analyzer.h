// Text → index and query terms: the one analysis shared by indexing and searching.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/segmenter.h"

namespace kc::text {

// The terms of one text.
struct Terms {
  // The text's tokens without stop words, in order: CJK words (神经网络), Latin words in lower
  // case and unstemmed (controllers), numbers (3.5).
  std::vector<std::string> words;
  // positions[i] is the ordinal of words[i] among all the text's tokens, stop words included,
  // so that the distance between two words survives the dropping (for phrases, proximity).
  std::vector<uint32_t> positions;
  // Overlapping character pairs of each stretch of CJK text between stop words and
  // non-CJK characters (神经网络 → 神经 经网 网络); a one-character stretch gives the
  // character. A second term set, for recall when segmentations of query and text differ.
  std::vector<std::string> bigrams;
  // The Snowball English stem of each Latin word of `words`, in order (controllers → control).
  std::vector<std::string> english_stems;

  bool operator==(const Terms&) const = default;
};

// Normalize()s text, segments it with segmenter, drops stop words (IsStopWord) and derives
// the bigrams and stems. Weak terms (IsWeakTerm) are kept. Never fails; an empty or
// punctuation-only text gives empty Terms. Thread-safe.
Terms Analyze(std::string_view text, const Segmenter& segmenter);

// Analyze with Segmenter::Shared().
Terms Analyze(std::string_view text);

// The Snowball English stem (Xapian::Stem("english")) of a lower-case word. Thread-safe.
std::string StemEnglish(std::string_view word);

}  // namespace kc::text
