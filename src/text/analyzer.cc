#include "text/analyzer.h"

#include <xapian.h>

#include "core/utf8.h"
#include "text/normalize.h"
#include "text/stopwords.h"

namespace kc::text {
namespace {

// Appends the bigrams of one stretch of CJK text.
void AddBigrams(std::string_view stretch, std::vector<std::string>* out) {
  size_t first = 0;
  size_t second = 0;
  DecodeUtf8(stretch, &second);
  if (second >= stretch.size()) {
    out->emplace_back(stretch);
    return;
  }
  while (second < stretch.size()) {
    size_t end = second;
    DecodeUtf8(stretch, &end);
    out->emplace_back(stretch.substr(first, end - first));
    first = second;
    second = end;
  }
}

}  // namespace

std::string StemEnglish(std::string_view word) {
  // A Xapian::Stem keeps Snowball state between calls: one per thread.
  thread_local Xapian::Stem stemmer("english");
  return stemmer(std::string(word));
}

Terms Analyze(std::string_view text, const Segmenter& segmenter) {
  const std::string normalized = Normalize(text);
  const std::vector<Token> tokens = segmenter.Segment(normalized);
  Terms terms;
  terms.words.reserve(tokens.size());
  terms.positions.reserve(tokens.size());
  terms.bigrams.reserve(tokens.size() * 2);
  // The current stretch of CJK text for bigrams: [stretch_begin, stretch_end) of normalized.
  size_t stretch_begin = 0;
  size_t stretch_end = 0;
  auto flush_stretch = [&] {
    if (stretch_end > stretch_begin) {
      AddBigrams(std::string_view(normalized).substr(stretch_begin, stretch_end - stretch_begin),
                 &terms.bigrams);
    }
    stretch_begin = stretch_end = 0;
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    const bool stop = IsStopWord(token.text);
    if (token.kind == TokenKind::kCjkWord && !stop) {
      if (stretch_end != token.offset) flush_stretch();
      if (stretch_end == 0) stretch_begin = token.offset;
      stretch_end = token.offset + token.text.size();
    } else {
      flush_stretch();
    }
    if (stop) continue;
    terms.words.push_back(token.text);
    terms.positions.push_back(static_cast<uint32_t>(i));
    if (token.kind == TokenKind::kLatinWord) {
      terms.english_stems.push_back(StemEnglish(token.text));
    }
  }
  flush_stretch();
  return terms;
}

Terms Analyze(std::string_view text) { return Analyze(text, Segmenter::Shared()); }

}  // namespace kc::text
