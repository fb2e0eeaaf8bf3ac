#include "service/import_template.h"

#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/csv.h"
#include "service/crypto.h"

namespace kc {

namespace {

using T = ColumnType;

// The kind's own columns, then those every kind has: where it is, who may see it, whom to
// contact, and the organisation it is imported for (admins only; empty: the importer's own).
std::vector<ImportColumn> WithCommon(std::vector<ImportColumn> own) {
  own.insert(own.end(), {{"region", false, T::kText, "440305"},
                         {"visibility", false, T::kText, "public"},
                         {"contact_name", false, T::kText, "王工"},
                         {"contact_phone", false, T::kText, "0755-26000000"},
                         {"contact_email", false, T::kText, "contact@example.com"},
                         {"org_id", false, T::kNumber, ""}});
  return own;
}

const std::vector<ImportColumn> kDemandColumns = WithCommon({
    {"ref", false, T::kText, "D-2026-001"},
    {"title", true, T::kText, "锂电池极片缺陷在线检测"},
    {"description", true, T::kText,
     "需要一套在线检测锂电池极片表面缺陷的机器视觉系统，检出率不低于99%。"},
    {"keywords", false, T::kList, "机器视觉; 缺陷检测; 锂电池"},
    {"category", false, T::kText, "工学"},
    {"discipline", false, T::kText, "计算机科学与技术"},
    {"budget_min", false, T::kNumber, "500000"},
    {"budget_max", false, T::kNumber, "1000000"},
    {"deadline", false, T::kDate, "2027-06-30"},
    {"cooperation_modes", false, T::kList, "joint_development; commissioned_development"},
});

const std::vector<ImportColumn> kAchievementColumns = WithCommon({
    {"ref", false, T::kText, "A-2026-001"},
    {"title", true, T::kText, "低温锂电池电解液配方"},
    {"abstract", true, T::kText, "一种低温电解液配方，-30℃下容量保持率85%，已完成中试。"},
    {"keywords", false, T::kList, "锂电池; 低温电解液"},
    {"category", false, T::kText, "工学"},
    {"discipline", false, T::kText, "化学工程与技术"},
    {"maturity", false, T::kNumber, "6"},
    {"patents", false, T::kList, "202010123456.2"},
    {"transfer_modes", false, T::kList, "license; transfer"},
    {"price_min", false, T::kNumber, "300000"},
    {"price_max", false, T::kNumber, "800000"},
    {"inventors", false, T::kList, "张伟; 李娜"},
});

const std::vector<ImportColumn> kExpertColumns = WithCommon({
    {"ref", false, T::kText, "E-2026-001"},
    {"name", true, T::kText, "陈明"},
    {"title", false, T::kText, "教授"},
    {"affiliation", false, T::kText, "华南理工大学材料科学与工程学院"},
    {"bio", false, T::kText, "长期从事锂离子电池电极材料研究。"},
    {"keywords", false, T::kList, "电极材料; 锂离子电池"},
    {"disciplines", false, T::kList, "材料科学与工程"},
    {"category", false, T::kText, ""},
    {"discipline", false, T::kText, ""},
});

// Talent and talent demands (docs/talent.md).
const std::vector<ImportColumn> kTalentColumns = WithCommon({
    {"ref", false, T::kText, "T-2026-001"},
    {"title", true, T::kText, "固态电池电解质方向海外博士后，寻求回国合作"},
    {"name", true, T::kText, "刘洋"},
    {"rank", false, T::kText, "博士后"},
    {"affiliation", false, T::kText, "慕尼黑工业大学"},
    {"bio", false, T::kText, "从事硫化物固态电解质研究五年，发表论文十余篇。"},
    {"keywords", false, T::kList, "固态电池; 硫化物电解质"},
    {"disciplines", false, T::kList, "材料科学与工程"},
    {"country", false, T::kText, "DE"},
    {"talent_type", false, T::kText, "overseas"},
    {"seeking", false, T::kList, "post; partner"},
    {"languages", false, T::kList, "zh; en; de"},
    {"category", false, T::kText, ""},
    {"discipline", false, T::kText, ""},
});

const std::vector<ImportColumn> kTalentDemandColumns = WithCommon({
    {"ref", false, T::kText, "TD-2026-001"},
    {"title", true, T::kText, "招聘固态电池研发负责人"},
    {"description", true, T::kText, "负责固态电池电解质研发团队，提供安家费与科研启动经费。"},
    {"keywords", false, T::kList, "固态电池; 电解质"},
    {"category", false, T::kText, "工学"},
    {"discipline", false, T::kText, "材料科学与工程"},
    {"offers", false, T::kList, "post; funding"},
    {"talent_type", false, T::kText, "overseas"},
    {"languages", false, T::kList, "zh; en"},
    {"budget_min", false, T::kNumber, "500000"},
    {"budget_max", false, T::kNumber, "1000000"},
    {"deadline", false, T::kDate, "2027-06-30"},
});

Result<std::string> CsvTemplate(const std::vector<ImportColumn>& columns) {
  std::vector<std::string> header, example;
  for (const auto& c : columns) {
    header.emplace_back(c.name);
    // Numbers and dates as they are; text behind the formula guard, as in exports.
    example.push_back(c.type == T::kNumber || c.type == T::kDate ? std::string(c.example)
                                                                 : GuardFormula(c.example));
  }
  return "\xEF\xBB\xBF" + CsvLine(header) + CsvLine(example);
}

// libxlsxwriter writes files only: the workbook passes through a uniquely named temporary file.
Result<std::string> XlsxTemplate(const std::vector<ImportColumn>& columns, ListingKind kind) {
  const auto dir = std::filesystem::temp_directory_path() / "kechuang-templates";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  const std::string path = (dir / ("template-" + RandomHex(8) + ".xlsx")).string();
  const std::string tmp_dir = dir.string();
  lxw_workbook_options options = {};
  options.tmpdir = const_cast<char*>(tmp_dir.c_str());
  lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
  if (!book) return Internal("cannot create workbook " + path);
  lxw_worksheet* sheet = workbook_add_worksheet(book, std::string(KindPlural(kind)).c_str());
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  lxw_format* date = workbook_add_format(book);
  format_set_num_format(date, "yyyy-mm-dd");
  for (size_t i = 0; i < columns.size(); ++i) {
    const ImportColumn& c = columns[i];
    const auto col = static_cast<lxw_col_t>(i);
    const std::string example(c.example);
    worksheet_write_string(sheet, 0, col, std::string(c.name).c_str(), bold);
    worksheet_set_column(sheet, col, col, c.type == T::kText ? 24 : 16, nullptr);
    if (example.empty()) continue;
    if (c.type == T::kNumber) {
      worksheet_write_number(sheet, 1, col, std::strtod(example.c_str(), nullptr), nullptr);
    } else if (c.type == T::kDate) {
      lxw_datetime dt = {std::atoi(example.substr(0, 4).c_str()),
                         std::atoi(example.substr(5, 2).c_str()),
                         std::atoi(example.substr(8, 2).c_str()),
                         0,
                         0,
                         0};
      worksheet_write_datetime(sheet, 1, col, &dt, date);
    } else {
      worksheet_write_string(sheet, 1, col, GuardFormula(example).c_str(), nullptr);
    }
  }
  worksheet_freeze_panes(sheet, 1, 0);
  lxw_error err = workbook_close(book);
  if (err != LXW_NO_ERROR) {
    std::filesystem::remove(path, ec);
    return Internal(std::string("cannot write workbook: ") + lxw_strerror(err));
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  in.close();
  std::filesystem::remove(path, ec);
  if (bytes.str().empty()) return Internal("cannot read back workbook " + path);
  return bytes.str();
}

}  // namespace

const std::vector<ImportColumn>& ImportColumns(ListingKind kind) {
  switch (kind) {
    case ListingKind::kAchievement:
      return kAchievementColumns;
    case ListingKind::kExpert:
      return kExpertColumns;
    case ListingKind::kTalent:
      return kTalentColumns;
    case ListingKind::kTalentDemand:
      return kTalentDemandColumns;
    case ListingKind::kDemand:
      break;
  }
  return kDemandColumns;
}

Result<std::string> ImportTemplate(ListingKind kind, TemplateFormat format) {
  const auto& columns = ImportColumns(kind);
  return format == TemplateFormat::kXlsx ? XlsxTemplate(columns, kind) : CsvTemplate(columns);
}

}  // namespace kc
