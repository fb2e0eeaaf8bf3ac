// The columns of bulk import files (CSV and XLSX) for each kind of listing, and template files
// that hold them with one example row. docs/import.md describes each column.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/listing.h"
#include "core/status.h"

namespace kc {

// What a column holds, which decides how a template writes its example.
enum class ColumnType {
  kText,
  kList,    // several values separated by ; , ； ， or 、
  kNumber,  // an integer
  kDate,    // YYYY-MM-DD
};

// One column of an import file.
struct ImportColumn {
  std::string_view name;  // the header cell, as the importer reads it
  bool required = false;
  ColumnType type = ColumnType::kText;
  std::string_view example;  // the template's example cell ("" leaves it empty)
};

// The columns the importer reads for `kind`, in template order: exactly the canonical header
// names (the importer also takes a few Chinese aliases, see importer.h).
const std::vector<ImportColumn>& ImportColumns(ListingKind kind);

enum class TemplateFormat { kCsv, kXlsx };

// A template file for `kind`: the header row of ImportColumns(kind) and one example row that
// imports as it is. CSV is UTF-8 with a BOM (so spreadsheet programs read it as UTF-8) and CRLF
// line ends; XLSX has one sheet, numbers as numbers and dates as dates.
Result<std::string> ImportTemplate(ListingKind kind, TemplateFormat format);

}  // namespace kc
