// Writing a table as an XLSX workbook (libxlsxwriter), for exports.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace kc {

// Returns the bytes of a workbook with one sheet named `sheet` holding `rows` as text cells
// (the first row bold, as a header), exactly as given: the caller puts text that users wrote
// through GuardFormula (core/csv.h) as for CSV, since a cell that starts with "=" becomes a
// formula once someone edits it in a spreadsheet program or saves the sheet as CSV.
// libxlsxwriter writes files only, so the workbook passes through a uniquely named file in
// `tmp_dir`, removed before returning.
Result<std::string> WriteXlsx(const std::vector<std::vector<std::string>>& rows,
                              const std::string& sheet, const std::string& tmp_dir);

}  // namespace kc
