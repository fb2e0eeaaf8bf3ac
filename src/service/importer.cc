#include "service/importer.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/csv.h"
#include "core/json_lines.h"
#include "core/text_encoding.h"
#include "service/import_rows.h"
#include "service/listing_json.h"
#include "service/listings.h"
#include "service/xlsx_reader.h"

namespace kc {

namespace {

using nlohmann::json;

// A line of input turned into JSON, or the reason it could not be.
struct ParsedLine {
  int line = 0;
  json object;
  Status error;
};

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Maps a CSV header cell to an API field name (or a dotted pseudo-field for nested values).
std::string FieldOfHeader(const std::string& raw, ListingKind kind) {
  static const std::map<std::string, std::string> kAliases = {
      {"标题", "title"},
      {"名称", "title"},
      {"需求描述", "description"},
      {"描述", "description"},
      {"摘要", "abstract"},
      {"简介", "bio"},
      {"关键词", "keywords"},
      {"门类", "category"},
      {"学科", "discipline"},
      {"地区", "region"},
      {"行政区划", "region"},
      {"编号", "ref"},
      {"项目编号", "ref"},
      {"姓名", "name"},
      {"单位", "affiliation"},
      {"成熟度", "maturity"},
      {"专利", "patents"},
      {"发明人", "inventors"},
      {"截止日期", "deadline"},
      {"合作方式", "cooperation_modes"},
      {"国家", "country"},
      {"国家或地区", "country"},
      {"语言", "languages"},
      {"人才类型", "talent_type"},
      {"寻求", "seeking"},
      {"提供", "offers"},
      {"budget_min_cny", "budget.min_cny"},
      {"budget_max_cny", "budget.max_cny"},
      {"budget_min", "budget.min_cny"},
      {"budget_max", "budget.max_cny"},
      {"price_min_cny", "price.min_cny"},
      {"price_max_cny", "price.max_cny"},
      {"price_min", "price.min_cny"},
      {"price_max", "price.max_cny"},
      {"contact_name", "contact.name"},
      {"contact_phone", "contact.phone"},
      {"contact_email", "contact.email"},
  };
  std::string h = raw;
  auto b = h.find_first_not_of(" \t");
  auto e = h.find_last_not_of(" \t");
  h = b == std::string::npos ? "" : h.substr(b, e - b + 1);
  if (h == "职称" && kind == ListingKind::kExpert) return "title";
  if (h == "职称" && kind == ListingKind::kTalent) return "rank";
  auto it = kAliases.find(h);
  if (it != kAliases.end()) return it->second;
  it = kAliases.find(Lower(h));
  return it != kAliases.end() ? it->second : Lower(h);
}

// One CSV record as a JSON object; empty cells are left out. A cell loses the single quote that
// an export puts in front of text starting like a formula (UnguardFormula, core/csv.h).
Result<json> CsvObject(const std::vector<std::string>& header,
                       const std::vector<std::string>& row) {
  json obj = json::object();
  for (size_t i = 0; i < row.size(); ++i) {
    if (row[i].empty()) continue;
    if (i >= header.size())
      return BadInput("extra_cells", "the row has more cells than the header");
    const std::string& f = header[i];
    const std::string cell(UnguardFormula(row[i]));
    auto dot = f.find('.');
    bool numeric = f == "maturity" || f == "org_id" || f.ends_with("_cny");
    json value = cell;
    if (numeric) {
      auto parsed = json::parse(cell, nullptr, false);
      if (!parsed.is_number()) {
        return Invalid(f, "invalid_type", f + " must be a number, not '" + cell + "'");
      }
      value = parsed;
    }
    if (dot == std::string::npos) {
      obj[f] = value;
    } else {
      obj[f.substr(0, dot)][f.substr(dot + 1)] = value;
    }
  }
  return obj;
}

// One record of a table (a CSV line, a sheet row) as a JSON object, or the reason it is not.
ParsedLine TableLine(const std::vector<std::string>& header, int line,
                     const std::vector<std::string>& cells) {
  ParsedLine p;
  p.line = line;
  auto obj = CsvObject(header, cells);
  if (obj.ok()) {
    p.object = std::move(*obj);
  } else {
    p.error = obj.status();
  }
  return p;
}

std::vector<ParsedLine> ParseCsv(std::string_view text, ListingKind kind, Status* file_error) {
  std::vector<ParsedLine> out;
  auto first_nl = text.find('\n');
  char delim = DetectDelimiter(text.substr(0, first_nl));
  CsvReader reader(text, delim);
  CsvRecord rec;
  Status err;
  std::vector<std::string> header;
  while (reader.Next(&rec, &err)) {
    if (header.empty()) {
      if (!err.ok()) {
        *file_error = BadInput("bad_header", "the CSV header cannot be read: " + err.message());
        return out;
      }
      for (const auto& h : rec.fields) header.push_back(FieldOfHeader(h, kind));
      continue;
    }
    if (!err.ok()) {
      ParsedLine p;
      p.line = rec.line;
      p.error = err;
      out.push_back(std::move(p));
    } else {
      out.push_back(TableLine(header, rec.line, rec.fields));
    }
    err = Status::Ok();
  }
  if (header.empty()) *file_error = BadInput("empty_file", "the file has no header row");
  return out;
}

// The first sheet of a workbook: its first row is the header, as in CSV; a record's line is its
// row number in the sheet.
std::vector<ParsedLine> ParseXlsx(std::string_view bytes, ListingKind kind, Status* file_error) {
  std::vector<ParsedLine> out;
  auto rows = ReadXlsxSheet(bytes);
  if (!rows.ok()) {
    *file_error = rows.status();
    return out;
  }
  if (rows->empty()) {
    *file_error = BadInput("empty_file", "the first sheet has no header row");
    return out;
  }
  std::vector<std::string> header;
  for (const auto& h : rows->front().cells) header.push_back(FieldOfHeader(h, kind));
  for (size_t i = 1; i < rows->size(); ++i) {
    out.push_back(TableLine(header, (*rows)[i].number, (*rows)[i].cells));
  }
  return out;
}

std::vector<ParsedLine> ParseJsonl(std::string_view text) {
  std::vector<ParsedLine> out;
  for (const auto& jl : SplitJsonLines(text)) {
    ParsedLine p;
    p.line = jl.line;
    p.object = json::parse(jl.text, nullptr, false);
    if (p.object.is_discarded()) {
      p.error =
          BadInput("malformed_json", "line " + std::to_string(jl.line) + " is not valid JSON");
    } else if (!p.object.is_object()) {
      p.error = BadInput("invalid_body", "a line must hold one JSON object");
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

Result<ImportReport> Importer::Import(const Actor& actor, ListingKind kind, std::string_view bytes,
                                      ImportFormat format) {
  if (!actor.signed_in()) return Unauthorized();
  if (!actor.is_admin()) return Forbidden("only admins import listings");
  // A workbook is a ZIP archive whatever the caller called it; no text file starts so.
  if (LooksLikeZip(bytes)) format = ImportFormat::kXlsx;
  Status file_error;
  std::vector<ParsedLine> lines;
  if (format == ImportFormat::kXlsx) {
    lines = ParseXlsx(bytes, kind, &file_error);
  } else {
    auto text = DecodeToUtf8(bytes);
    if (!text.ok()) return text.status();
    if (format == ImportFormat::kAuto) {
      auto first = text->find_first_not_of(" \t\r\n");
      format = first != std::string::npos && (*text)[first] == '{' ? ImportFormat::kJsonl
                                                                   : ImportFormat::kCsv;
    }
    lines = format == ImportFormat::kCsv ? ParseCsv(*text, kind, &file_error) : ParseJsonl(*text);
  }
  if (!file_error.ok()) return file_error;

  ImportReport report;
  std::set<std::string> ignored;
  for (size_t start = 0; start < lines.size(); start += kBatch) {
    size_t end = std::min(lines.size(), start + kBatch);
    std::vector<ImportFailure> failed;
    int created = 0;
    Status s = store_.Write([&](StoreTx& tx) -> Status {
      failed.clear();
      created = 0;
      const int64_t now = clock_.Now();
      for (size_t i = start; i < end; ++i) {
        ParsedLine& p = lines[i];
        if (!p.error.ok()) {
          failed.push_back({p.line, p.error});
          continue;
        }
        std::vector<std::string> skipped;
        auto listing = ListingFromJson(p.object, kind, JsonMode::kLenient, &skipped);
        ignored.insert(skipped.begin(), skipped.end());
        if (!listing.ok()) {
          failed.push_back({p.line, listing.status()});
          continue;
        }
        Status line_status = tx.Nested([&](StoreTx& inner) {
          return Listings::CreateIn(inner, actor, std::move(*listing), true, now).status();
        });
        if (!line_status.ok()) {
          if (IsStoreFailure(line_status)) {
            return line_status;  // the database failed, not the line
          }
          failed.push_back({p.line, line_status});
          continue;
        }
        ++created;
      }
      return Status::Ok();
    });
    if (!s.ok()) return s;
    AddRows(created, std::move(failed), &report);
  }
  report.ignored_fields.assign(ignored.begin(), ignored.end());
  return report;
}

}  // namespace kc
