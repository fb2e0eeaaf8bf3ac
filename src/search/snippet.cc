#include "search/snippet.h"

#include <algorithm>
#include <unordered_map>

#include "core/utf8.h"
#include "text/analyzer.h"
#include "text/char_class.h"

namespace kc::search {
namespace {

struct Span {
  size_t begin;  // code point index
  size_t end;
};

bool IsAsciiAlnum(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char32_t Lower(char32_t c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

// CJK and numeric terms by their first code point.
using TermsByFirst = std::unordered_map<char32_t, std::vector<std::u32string>>;

// The length of the longest of terms occurring at text[at], 0 if none.
size_t MatchLength(const std::u32string& text, size_t at, const TermsByFirst& by_first) {
  auto found = by_first.find(Lower(text[at]));
  if (found == by_first.end()) return 0;
  size_t best = 0;
  for (const std::u32string& w : found->second) {
    if (w.size() <= best || at + w.size() > text.size()) continue;
    bool same = true;
    for (size_t k = 0; k < w.size() && same; ++k) same = Lower(text[at + k]) == w[k];
    if (same) best = w.size();
  }
  return best;
}

}  // namespace

// The terms of a Highlight arranged for scanning.
struct Highlighter::Compiled {
  TermsByFirst cjk;
  std::unordered_set<std::string> latin_words;
  std::unordered_set<std::string> stems;
};

Highlighter::Highlighter(const Highlight& h) {
  auto compiled = std::make_shared<Compiled>();
  TermsByFirst& cjk = compiled->cjk;
  std::unordered_set<std::string>& latin_words = compiled->latin_words;
  compiled->stems = h.stems;
  for (const std::string& w : h.words) {
    size_t pos = 0;
    if (w.empty()) continue;
    const char32_t first = DecodeUtf8(w, &pos);
    if (text::IsWordLetter(first)) {
      latin_words.insert(w);
      continue;
    }
    std::u32string u;
    for (size_t i = 0; i < w.size();) u.push_back(DecodeUtf8(w, &i));
    const char32_t key = u[0];
    cjk[key].push_back(std::move(u));
  }
  compiled_ = std::move(compiled);
}

namespace {

// The marked spans of text, in order, not overlapping.
std::vector<Span> FindSpans(const std::u32string& text, const TermsByFirst& cjk,
                            const std::unordered_set<std::string>& latin_words,
                            const std::unordered_set<std::string>& stems) {
  std::vector<Span> spans;
  for (size_t i = 0; i < text.size();) {
    const char32_t c = text[i];
    if (c < 0x80 && IsAsciiAlnum(c) && (text::IsWordLetter(c))) {
      size_t j = i;
      std::string word;
      while (j < text.size() && text[j] < 0x80 && IsAsciiAlnum(text[j])) {
        word.push_back(static_cast<char>(Lower(text[j])));
        ++j;
      }
      if (latin_words.count(word) || stems.count(text::StemEnglish(word))) {
        spans.push_back({i, j});
      }
      i = j;
      continue;
    }
    // Overlapping and adjacent CJK terms make one mark, so the words and bigrams of
    // 石墨烯浆料 mark it whole rather than as 石墨|烯浆|料.
    size_t reach = i + MatchLength(text, i, cjk);
    if (reach == i) {
      ++i;
      continue;
    }
    for (size_t k = i + 1; k <= reach && k < text.size(); ++k) {
      reach = std::max(reach, k + MatchLength(text, k, cjk));
    }
    spans.push_back({i, reach});
    i = reach;
  }
  return spans;
}

void AppendEscaped(char32_t c, std::string* out) {
  switch (c) {
    case '&':
      out->append("&amp;");
      break;
    case '<':
      out->append("&lt;");
      break;
    case '>':
      out->append("&gt;");
      break;
    case '"':
      out->append("&quot;");
      break;
    case '\'':
      out->append("&#39;");
      break;
    case kInvalidCodePoint:
      out->append("\xEF\xBF\xBD");
      break;
    default:
      AppendUtf8(c, out);
  }
}

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) AppendEscaped(DecodeUtf8(text, &i), &out);
  return out;
}

std::string MakeSnippet(std::string_view text, const Highlight& highlight, size_t max_chars) {
  return Highlighter(highlight).Snippet(text, max_chars);
}

std::string Highlighter::Snippet(std::string_view text, size_t max_chars) const {
  std::u32string chars;
  for (size_t i = 0; i < text.size();) chars.push_back(DecodeUtf8(text, &i));
  const std::vector<Span> spans =
      FindSpans(chars, compiled_->cjk, compiled_->latin_words, compiled_->stems);
  // The window start with the most whole spans inside, starting a little before a span.
  size_t start = 0;
  if (chars.size() > max_chars && !spans.empty()) {
    size_t best_count = 0;
    const size_t lead = max_chars / 8;
    for (size_t a = 0; a < spans.size(); ++a) {
      const size_t from = spans[a].begin > lead ? spans[a].begin - lead : 0;
      size_t count = 0;
      for (size_t b = a; b < spans.size() && spans[b].end <= from + max_chars; ++b) ++count;
      if (count > best_count) best_count = count, start = from;
    }
    start = std::min(start, chars.size() - max_chars);
  }
  const size_t end = std::min(chars.size(), start + max_chars);
  std::string out;
  if (start > 0) out.append("…");
  size_t s = 0;
  while (s < spans.size() && spans[s].begin < start) ++s;
  for (size_t i = start; i < end;) {
    if (s < spans.size() && spans[s].begin == i && spans[s].end <= end) {
      out.append("<mark>");
      for (size_t k = spans[s].begin; k < spans[s].end; ++k) AppendEscaped(chars[k], &out);
      out.append("</mark>");
      i = spans[s].end;
      ++s;
      continue;
    }
    if (s < spans.size() && spans[s].begin <= i) ++s;
    AppendEscaped(chars[i], &out);
    ++i;
  }
  if (end < chars.size()) out.append("…");
  return out;
}

}  // namespace kc::search
