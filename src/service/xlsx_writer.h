// Writing a table as an XLSX workbook (libxlsxwriter), for exports.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace kc {

// Returns the bytes of a workbook with one sheet named `sheet` holding `rows` as text cells
// (the first row bold, as a header). libxlsxwriter writes files only, so the workbook passes
// through a uniquely named file in `tmp_dir`, removed before returning.
Result<std::string> WriteXlsx(const std::vector<std::vector<std::string>>& rows,
                              const std::string& sheet, const std::string& tmp_dir);

}  // namespace kc
