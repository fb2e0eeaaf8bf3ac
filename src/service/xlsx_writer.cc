#include "service/xlsx_writer.h"

#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "service/crypto.h"

namespace kc {

Result<std::string> WriteXlsx(const std::vector<std::vector<std::string>>& rows,
                              const std::string& sheet, const std::string& tmp_dir) {
  std::error_code ec;
  std::filesystem::create_directories(tmp_dir, ec);
  const std::string path =
      (std::filesystem::path(tmp_dir) / ("export-" + RandomHex(8) + ".xlsx")).string();
  lxw_workbook_options options = {};
  options.constant_memory = LXW_FALSE;
  options.tmpdir = const_cast<char*>(tmp_dir.c_str());
  lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
  if (!book) return Internal("cannot create workbook " + path);
  lxw_worksheet* ws = workbook_add_worksheet(book, sheet.c_str());
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < rows[r].size(); ++c) {
      worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                             rows[r][c].c_str(), r == 0 ? bold : nullptr);
    }
  }
  lxw_error err = workbook_close(book);
  if (err != LXW_NO_ERROR) {
    std::filesystem::remove(path, ec);
    return Internal(std::string("cannot write workbook: ") + lxw_strerror(err));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) return Internal("cannot read back workbook " + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  in.close();
  std::filesystem::remove(path, ec);
  return bytes.str();
}

}  // namespace kc
