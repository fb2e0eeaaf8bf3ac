// Reading an XLSX workbook (Office Open XML spreadsheet, ECMA-376) from memory, for bulk import:
// the first sheet's cells as text. minizip reads the ZIP container, expat the XML parts; both
// stream, and every part is read under a size limit, so a ZIP bomb costs no more than the limit.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace kc {

// How much a workbook may unpack to. The defaults hold tens of thousands of listings.
struct XlsxLimits {
  size_t max_part_bytes = 64 << 20;    // one XML part (a sheet, the shared strings)
  size_t max_total_bytes = 128 << 20;  // everything read from the archive
  size_t max_columns = 256;            // a cell right of this column is an error
};

// One row of the sheet: its 1-based row number and its cells from column A, empty strings for
// empty cells (trailing empty cells are left out). Rows without any cell are not listed.
struct XlsxRow {
  int number = 0;
  std::vector<std::string> cells;
};

// True when `bytes` begin like a ZIP archive ("PK\3\4"), as every XLSX file does.
bool LooksLikeZip(std::string_view bytes);

// Reads the first sheet of the workbook in `bytes`. Cells become text: shared and inline
// strings as they are (rich-text runs joined, phonetic guides left out), numbers in their
// shortest form ("3", "0.25"), numbers formatted as dates (built-in or custom date formats)
// as "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS" (1900 and 1904 date systems), booleans as "true" or
// "false", formula cells as their cached value, error cells as their code ("#N/A").
// Errors: 400 "invalid_xlsx" for anything that is not a readable workbook (not a ZIP archive,
// damaged, encrypted, malformed XML, no sheet); 413 "xlsx_too_large" when it unpacks to more
// than `limits` allow.
Result<std::vector<XlsxRow>> ReadXlsxSheet(std::string_view bytes, const XlsxLimits& limits = {});

}  // namespace kc
