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
// altered (no trimming; a text cell that may start like a formula goes through GuardFormula
// first).
std::string CsvEscape(std::string_view field, char delimiter = ',');

// Returns one CSV record: the escaped fields joined by `delimiter`, ending with CRLF. A record of
// one empty field is written as "" so that a reader does not skip it as an empty line; an empty
// vector gives a bare CRLF (a record with no fields cannot be represented).
std::string CsvLine(const std::vector<std::string>& fields, char delimiter = ',');

// Formula injection (CSV injection): a spreadsheet program that opens an exported file may take a
// cell starting with = + - @ (some programs also a leading tab or carriage return) for a formula
// and run it. Exports therefore write such a *text* cell with a single quote in front, as the
// OWASP guidance on CSV injection advises; a cell of a number type is written as the number, with
// no quote. Import drops the quote again (docs/import.md, "Formula guard").

// True when `text` starts with one of = + - @ TAB CR.
bool StartsLikeFormula(std::string_view text);

// Returns a text cell for export: `text` with a single quote in front when it starts like a
// formula, or when it starts with quotes followed by such a character (so that UnguardFormula
// gives back exactly `text`: "'=x" is written "''=x"); otherwise `text` unchanged.
std::string GuardFormula(std::string_view text);

// The inverse, for import: drops the first character of `cell` when it is a single quote
// followed by one of = + - @ TAB CR, possibly after more single quotes; otherwise returns `cell`
// unchanged. UnguardFormula(GuardFormula(s)) == s for every s.
std::string_view UnguardFormula(std::string_view cell);

// Splits a list cell such as "神经网络;机器学习", "a, b" or "a；b、c" into its items. Separators
// are
// ',' ';' and their full-width forms '，' '；', the ideographic comma '、', and line breaks. Items
// are trimmed of ASCII whitespace and the ideographic space U+3000; empty items are dropped.
std::vector<std::string> SplitListField(std::string_view s);

}  // namespace kc
