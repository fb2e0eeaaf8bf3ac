// CSV (RFC 4180) for bulk import and export. The reader keeps physical line numbers so that an
// import report can say "line 17: …", and a malformed record does not stop the records after it.
// Input is UTF-8 text; convert uploaded bytes with DecodeToUtf8 (core/text_encoding.h) first.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace kc {

// One record (row) of a CSV file.
struct CsvRecord {
  std::vector<std::string> fields;
  int line = 0;  // the 1-based physical line where the record starts
};

// Reads records one by one from CSV text:
//   - fields are separated by `delimiter`; records end at LF or CRLF (a CR right before the LF,
//     or at the very end of the text, is dropped);
//   - a quoted field may contain delimiters, doubled quotes ("") and line breaks, which are kept
//     verbatim;
//   - empty lines are skipped; a leading UTF-8 BOM is ignored;
//   - fields are not trimmed and are returned exactly as written.
// A record is malformed when a quote is never closed, when a quote appears inside an unquoted
// field, or when anything but a delimiter or line end follows a closing quote. It is reported on
// its own, and reading resumes at the physical line after the record's first line, so that one
// unbalanced quote cannot swallow the rows that follow it.
// The text must outlive the reader. A reader is not safe for use from several threads.
class CsvReader {
 public:
  explicit CsvReader(std::string_view text, char delimiter = ',');

  // Reads the next record. Returns false when no records are left (*out and *error untouched).
  // Otherwise returns true and either fills *out and sets *error to Ok, or, for a malformed
  // record, sets *error to BadInput("csv_unclosed_quote" or "csv_stray_quote") whose message
  // names the line, and sets out->line to that line and out->fields to empty.
  bool Next(CsvRecord* out, Status* error);

 private:
  // Parses the record that starts at pos_; on success advances pos_ and line_ past it.
  Status ParseRecord(std::vector<std::string>* fields);

  std::string_view text_;
  char delimiter_;
  size_t pos_ = 0;
  int line_ = 1;  // physical line of text_[pos_]
};

// Returns the most likely delimiter of a CSV file given its first (header) line: whichever of
// ',', ';' and '\t' occurs most often outside quotes, preferring ',' then ';' then '\t' on a tie.
// Returns ',' when none occurs.
char DetectDelimiter(std::string_view first_line);

// Returns `field` ready to be written into a CSV line: unchanged when it contains no delimiter,
// quote, CR or LF; otherwise wrapped in quotes with inner quotes doubled. The data itself is never
// altered (no trimming, no spreadsheet-formula escaping).
std::string CsvEscape(std::string_view field, char delimiter = ',');

// Returns one CSV record: the escaped fields joined by `delimiter`, ending with CRLF. A record of
// one empty field is written as "" so that a reader does not skip it as an empty line; an empty
// vector gives a bare CRLF (a record with no fields cannot be represented).
std::string CsvLine(const std::vector<std::string>& fields, char delimiter = ',');

// Splits a list cell such as "神经网络;机器学习", "a, b" or "a；b、c" into its items. Separators
// are
// ',' ';' and their full-width forms '，' '；', the ideographic comma '、', and line breaks. Items
// are trimmed of ASCII whitespace and the ideographic space U+3000; empty items are dropped.
std::vector<std::string> SplitListField(std::string_view s);

}  // namespace kc
