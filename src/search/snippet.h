// Snippets: the part of a listing's text around the query's terms, HTML-escaped, with each
// occurrence of a query term wrapped in <mark>…</mark>.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace kc::search {

// What to mark: normalised words (CJK words and bigrams, Latin words, numbers) and English
// stems. Latin text matches by stem, so "controllers" marks "Controlled".
struct Highlight {
  std::vector<std::string> words;
  std::unordered_set<std::string> stems;
};

// HTML-escapes & < > " '.
std::string EscapeHtml(std::string_view text);

// A window of at most max_chars code points of text, chosen to hold the most marked terms,
// with "…" where text was cut; the whole of it is HTML-escaped and every marked term wrapped
// in <mark>…</mark>. CJK terms match the text literally (the text as stored, so a traditional
// text is not marked by a simplified query); ASCII letters match in any case. Thread-safe.
std::string MakeSnippet(std::string_view text, const Highlight& highlight, size_t max_chars);

// MakeSnippet with the highlight's terms prepared once, for the many hits of one query.
// Immutable: safe to use from several threads.
class Highlighter {
 public:
  explicit Highlighter(const Highlight& highlight);
  std::string Snippet(std::string_view text, size_t max_chars) const;

 private:
  struct Compiled;
  std::shared_ptr<const Compiled> compiled_;
};

}  // namespace kc::search
