// Test files for XLSX reading: workbooks written with libxlsxwriter, as spreadsheet programs
// write them, and raw ZIP archives of hand-written parts (for damaged or hostile files).
#pragma once

#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace kc::testing {

// A path for a scratch file, unique in this process.
inline std::string ScratchFile(const std::string& ext) {
  static int n = 0;
  return (std::filesystem::temp_directory_path() /
          ("kc-xlsx-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ext))
      .string();
}

inline std::string ReadAndRemove(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  in.close();
  std::filesystem::remove(path);
  return out.str();
}

// A workbook whose first sheet holds `rows`. A cell "#12.5" is written as the number 12.5,
// "@2027-06-30" as that date (formatted yyyy-mm-dd), "" is left empty, anything else is a
// string. With `inline_strings`, strings are written inline instead of shared (libxlsxwriter's
// constant-memory mode), as some programs write them.
inline std::string WorkbookOf(const std::vector<std::vector<std::string>>& rows,
                              bool inline_strings = false) {
  const std::string path = ScratchFile(".xlsx");
  lxw_workbook_options options = {};
  options.constant_memory = inline_strings ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
  lxw_worksheet* sheet = workbook_add_worksheet(book, "data");
  workbook_add_worksheet(book, "second");  // only the first sheet is read
  lxw_format* date = workbook_add_format(book);
  format_set_num_format(date, "yyyy-mm-dd");
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < rows[r].size(); ++c) {
      const std::string& v = rows[r][c];
      const auto row = static_cast<lxw_row_t>(r);
      const auto col = static_cast<lxw_col_t>(c);
      if (v.empty()) continue;
      if (v[0] == '#') {
        worksheet_write_number(sheet, row, col, std::strtod(v.c_str() + 1, nullptr), nullptr);
      } else if (v[0] == '@') {
        lxw_datetime dt = {std::atoi(v.substr(1, 4).c_str()),
                           std::atoi(v.substr(6, 2).c_str()),
                           std::atoi(v.substr(9, 2).c_str()),
                           0,
                           0,
                           0};
        worksheet_write_datetime(sheet, row, col, &dt, date);
      } else {
        worksheet_write_string(sheet, row, col, v.c_str(), nullptr);
      }
    }
  }
  workbook_close(book);
  return ReadAndRemove(path);
}

// A ZIP archive of the given (name, content) parts, deflated (large parts at the fastest level).
inline std::string ZipOf(const std::vector<std::pair<std::string, std::string>>& parts) {
  const std::string path = ScratchFile(".zip");
  zipFile zip = zipOpen64(path.c_str(), 0);
  for (const auto& [name, content] : parts) {
    zipOpenNewFileInZip64(zip, name.c_str(), nullptr, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                          content.size() > (1u << 20) ? Z_BEST_SPEED : Z_DEFAULT_COMPRESSION,
                          content.size() > 0xffffffffu ? 1 : 0);
    zipWriteInFileInZip(zip, content.data(), static_cast<unsigned>(content.size()));
    zipCloseFileInZip(zip);
  }
  zipClose(zip, nullptr);
  return ReadAndRemove(path);
}

// The smallest workbook parts around a hand-written sheet (and shared strings, when given).
inline std::string WorkbookOfParts(const std::string& sheet_xml,
                                   const std::string& shared_strings_xml = "",
                                   const std::string& styles_xml = "",
                                   const std::string& workbook_pr = "") {
  const std::string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  std::vector<std::pair<std::string, std::string>> parts = {
      {"xl/workbook.xml", "<workbook xmlns=\"" + ns + "\" xmlns:r=\"" + rel + "\">" + workbook_pr +
                              "<sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId7\"/></sheets>"
                              "</workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId7\" Type=\"" +
           rel + "/worksheet\" Target=\"worksheets/data.xml\"/></Relationships>"},
      {"xl/worksheets/data.xml",
       "<worksheet xmlns=\"" + ns + "\"><sheetData>" + sheet_xml + "</sheetData></worksheet>"},
  };
  if (!shared_strings_xml.empty()) {
    parts.push_back(
        {"xl/sharedStrings.xml", "<sst xmlns=\"" + ns + "\">" + shared_strings_xml + "</sst>"});
  }
  if (!styles_xml.empty()) {
    parts.push_back(
        {"xl/styles.xml", "<styleSheet xmlns=\"" + ns + "\">" + styles_xml + "</styleSheet>"});
  }
  return ZipOf(parts);
}

}  // namespace kc::testing
