#include "search/aliases.h"

#include <algorithm>

#include "core/utf8.h"
#include "search/schema.h"
#include "text/analyzer.h"
#include "text/char_class.h"

namespace kc::search {
namespace {

constexpr std::string_view kAliasPrefix = "XA";
constexpr char kSeparator = '\x1f';
constexpr size_t kMaxCjkBefore = 12;  // characters of Chinese looked at before "("
constexpr size_t kMaxInside = 40;     // bytes inside the parentheses

bool IsLatinAlias(std::string_view s) {
  if (s.size() < 2 || s.size() > kMaxInside) return false;
  bool letter = false;
  size_t words = 1;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') {
      letter = true;
    } else if (c == ' ') {
      ++words;
    } else if (!(c >= '0' && c <= '9') && c != '-' && c != '+' && c != '.') {
      return false;
    }
  }
  return letter && words <= 4;
}

std::string Trim(std::string_view s) {
  const size_t b = s.find_first_not_of(' ');
  if (b == std::string_view::npos) return "";
  return std::string(s.substr(b, s.find_last_not_of(' ') - b + 1));
}

// The Chinese names ending right before `end` in text: the last one, two and three words of
// the CJK stretch there, joined.
std::vector<std::string> CjkNamesBefore(std::string_view text, size_t end) {
  size_t begin = end;
  size_t chars = 0;
  while (begin > 0 && chars < kMaxCjkBefore) {
    size_t b = begin - 1;
    while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
    size_t probe = b;
    if (!text::IsCjkChar(DecodeUtf8(text, &probe))) break;
    begin = b;
    ++chars;
  }
  std::vector<std::string> names;
  if (chars < 2) return names;
  const std::vector<std::string> words = text::Analyze(text.substr(begin, end - begin)).words;
  std::string name;
  for (size_t n = 0; n < 3 && n < words.size(); ++n) {
    name = words[words.size() - 1 - n] + name;
    if (Utf8Length(name) >= 2) names.push_back(name);
  }
  return names;
}

// The Latin word (letters, digits) ending right before `end`, or "".
std::string LatinBefore(std::string_view text, size_t end) {
  size_t begin = end;
  while (begin > 0) {
    const char c = text[begin - 1];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) break;
    --begin;
  }
  std::string word(text.substr(begin, end - begin));
  return IsLatinAlias(word) ? word : "";
}

bool IsCjkName(std::string_view s) {
  const size_t n = Utf8Length(s);
  if (n < 2 || n > kMaxCjkBefore) return false;
  for (size_t i = 0; i < s.size();) {
    if (!text::IsCjkChar(DecodeUtf8(s, &i))) return false;
  }
  return true;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> FindAliases(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> pairs;
  auto add = [&](const std::string& a, const std::string& b) {
    if (a.empty() || b.empty() || a == b) return;
    pairs.emplace_back(a, b);
    pairs.emplace_back(b, a);
  };
  for (size_t open = text.find('('); open != std::string_view::npos;
       open = text.find('(', open + 1)) {
    const size_t close = text.find(')', open + 1);
    if (close == std::string_view::npos || close - open - 1 > kMaxInside) continue;
    const std::string_view inside = text.substr(open + 1, close - open - 1);
    const size_t before = open > 0 && text[open - 1] == ' ' ? open - 1 : open;
    const std::vector<std::string> cjk_names = CjkNamesBefore(text, before);
    if (!cjk_names.empty()) {
      // 修正Rodrigues参数(modified rodrigues parameters, mrp): every Latin part.
      size_t from = 0;
      while (from <= inside.size()) {
        size_t to = inside.find_first_of(",;", from);
        if (to == std::string_view::npos) to = inside.size();
        const std::string part = Trim(inside.substr(from, to - from));
        if (IsLatinAlias(part)) {
          for (const std::string& name : cjk_names) add(name, part);
        }
        from = to + 1;
      }
      continue;
    }
    const std::string latin = LatinBefore(text, before);
    const std::string inner = Trim(inside);
    if (!latin.empty() && IsCjkName(inner)) add(latin, inner);
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

std::string AliasTerm(std::string_view from, std::string_view to) {
  std::string term(kAliasPrefix);
  term.append(from).push_back(kSeparator);
  term.append(to);
  return term;
}

std::vector<std::string> LookupAliases(const Xapian::Database& db, std::string_view name,
                                       size_t max) {
  const std::string prefix = AliasTerm(name, "");
  std::vector<std::pair<Xapian::doccount, std::string>> found;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    found.emplace_back(it.get_termfreq(), (*it).substr(prefix.size()));
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> out;
  for (size_t i = 0; i < found.size() && i < max; ++i) out.push_back(std::move(found[i].second));
  return out;
}

}  // namespace kc::search
