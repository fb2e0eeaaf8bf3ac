#include "core/csv.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/text_encoding.h"

namespace kc {
namespace {

std::string Where(int line, size_t field) {
  return "line " + std::to_string(line) + ", field " + std::to_string(field) + ": ";
}

// True when text[i] ends a line: LF, or a CR that is followed by LF or by the end of the text.
bool AtLineEnd(std::string_view text, size_t i) {
  if (i >= text.size()) return false;
  if (text[i] == '\n') return true;
  return text[i] == '\r' && (i + 1 == text.size() || text[i + 1] == '\n');
}

constexpr std::array<std::string_view, 7> kListSeparators = {
    ",",           ";", "\n", "\r", "\xEF\xBC\x8C" /* ， */, "\xEF\xBC\x9B" /* ； */,
    "\xE3\x80\x81" /* 、 */};
constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";  // U+3000

std::string_view TrimListItem(std::string_view s) {
  constexpr std::string_view kAsciiSpace = " \t\r\n\v\f";
  while (true) {
    const size_t before = s.size();
    while (!s.empty() && kAsciiSpace.find(s.front()) != std::string_view::npos) s.remove_prefix(1);
    while (!s.empty() && kAsciiSpace.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
    if (s.starts_with(kIdeographicSpace)) s.remove_prefix(kIdeographicSpace.size());
    if (s.ends_with(kIdeographicSpace)) s.remove_suffix(kIdeographicSpace.size());
    if (s.size() == before) return s;
  }
}

}  // namespace

CsvReader::CsvReader(std::string_view text, char delimiter)
    : text_(StripUtf8Bom(text)), delimiter_(delimiter) {}

bool CsvReader::Next(CsvRecord* out, Status* error) {
  while (AtLineEnd(text_, pos_)) {  // skip empty lines
    pos_ = text_[pos_] == '\r' ? pos_ + 2 : pos_ + 1;
    ++line_;
  }
  if (pos_ >= text_.size()) return false;
  out->line = line_;
  out->fields.clear();
  *error = ParseRecord(&out->fields);
  if (!error->ok()) {
    out->fields.clear();
    const size_t newline = text_.find('\n', pos_);
    pos_ = newline == std::string_view::npos ? text_.size() : newline + 1;
    ++line_;
  }
  return true;
}

Status CsvReader::ParseRecord(std::vector<std::string>* fields) {
  const size_t n = text_.size();
  const int start_line = line_;
  size_t i = pos_;
  int line = line_;
  while (true) {
    const size_t field_no = fields->size() + 1;
    std::string field;
    if (i < n && text_[i] == '"') {
      ++i;
      while (true) {
        const size_t quote = text_.find('"', i);
        if (quote == std::string_view::npos) {
          return BadInput("csv_unclosed_quote",
                          Where(start_line, field_no) + "the quoted field is never closed");
        }
        line += static_cast<int>(std::count(text_.begin() + i, text_.begin() + quote, '\n'));
        field.append(text_.substr(i, quote - i));
        i = quote + 1;
        if (i < n && text_[i] == '"') {  // "" stands for one quote
          field.push_back('"');
          ++i;
          continue;
        }
        break;
      }
      if (i < n && text_[i] != delimiter_ && !AtLineEnd(text_, i)) {
        return BadInput("csv_stray_quote",
                        Where(line, field_no) + "unexpected text after the closing quote");
      }
    } else {
      size_t end = i;
      while (end < n && text_[end] != delimiter_ && text_[end] != '\n') {
        if (text_[end] == '"') {
          return BadInput("csv_stray_quote", Where(line, field_no) +
                                                 "a quote inside an unquoted field; quote the "
                                                 "whole field and double the inner quotes");
        }
        ++end;
      }
      std::string_view raw = text_.substr(i, end - i);
      if (raw.ends_with('\r') && (end == n || text_[end] == '\n')) raw.remove_suffix(1);
      field.assign(raw);
      i = end;
    }
    fields->push_back(std::move(field));
    if (i < n && text_[i] == delimiter_) {
      ++i;
      continue;
    }
    if (i < n && text_[i] == '\r') ++i;  // AtLineEnd held: LF or end follows
    if (i < n) {                         // text_[i] == '\n'
      ++i;
      ++line;
    }
    pos_ = i;
    line_ = line;
    return Status::Ok();
  }
}

char DetectDelimiter(std::string_view first_line) {
  constexpr std::array<char, 3> kCandidates = {',', ';', '\t'};
  std::array<int, 3> counts = {0, 0, 0};
  bool in_quotes = false;
  for (const char c : first_line) {
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes) continue;
    for (size_t k = 0; k < kCandidates.size(); ++k) {
      if (c == kCandidates[k]) ++counts[k];
    }
  }
  size_t best = 0;
  for (size_t k = 1; k < kCandidates.size(); ++k) {
    if (counts[k] > counts[best]) best = k;
  }
  return kCandidates[best];
}

std::string CsvEscape(std::string_view field, char delimiter) {
  const bool needs_quotes = std::any_of(field.begin(), field.end(), [&](char c) {
    return c == delimiter || c == '"' || c == '\r' || c == '\n';
  });
  if (!needs_quotes) return std::string(field);
  std::string out = "\"";
  for (const char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string CsvLine(const std::vector<std::string>& fields, char delimiter) {
  if (fields.size() == 1 && fields[0].empty()) return "\"\"\r\n";
  std::string out;
  for (size_t k = 0; k < fields.size(); ++k) {
    if (k > 0) out.push_back(delimiter);
    out += CsvEscape(fields[k], delimiter);
  }
  out += "\r\n";
  return out;
}

bool StartsLikeFormula(std::string_view text) {
  return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

std::string GuardFormula(std::string_view text) {
  const size_t quotes = text.find_first_not_of('\'');
  const bool guard = quotes != std::string_view::npos && StartsLikeFormula(text.substr(quotes));
  return guard ? "'" + std::string(text) : std::string(text);
}

std::string_view UnguardFormula(std::string_view cell) {
  if (!cell.starts_with('\'')) return cell;
  const size_t quotes = cell.find_first_not_of('\'');
  if (quotes == std::string_view::npos || !StartsLikeFormula(cell.substr(quotes))) return cell;
  return cell.substr(1);
}

std::vector<std::string> SplitListField(std::string_view s) {
  std::vector<std::string> items;
  size_t start = 0;
  size_t i = 0;
  const auto flush = [&](size_t end) {
    const std::string_view item = TrimListItem(s.substr(start, end - start));
    if (!item.empty()) items.emplace_back(item);
  };
  while (i < s.size()) {
    const std::string_view rest = s.substr(i);
    const auto sep = std::find_if(kListSeparators.begin(), kListSeparators.end(),
                                  [&](std::string_view p) { return rest.starts_with(p); });
    if (sep == kListSeparators.end()) {
      ++i;
      continue;
    }
    flush(i);
    i += sep->size();
    start = i;
  }
  flush(s.size());
  return items;
}

}  // namespace kc
