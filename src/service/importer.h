// Bulk import (批量导入) of listings from JSON Lines, CSV or XLSX files: every good line (row) is
// imported, every bad one is reported with its line (row) number and the reason, and nothing
// else is lost. The columns are in docs/import.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/listing.h"
#include "service/actor.h"
#include "store/store.h"

namespace kc {

enum class ImportFormat { kAuto, kJsonl, kCsv, kXlsx };

struct ImportFailure {
  int line = 0;  // 1-based line in the file; for XLSX, the row number in the sheet
  Status error;
};

struct ImportReport {
  int created = 0;
  std::vector<ImportFailure> failed;
  std::vector<std::string> ignored_fields;  // fields no listing of this kind has, skipped
};

class Importer {
 public:
  // Lines are written in transactions of this many lines.
  static constexpr int kBatch = 1000;

  Importer(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Imports `bytes` (UTF-8 with or without BOM, UTF-16 with BOM, or GB18030; or an XLSX
  // workbook, recognised by its ZIP signature whatever `format` says) as listings of `kind`,
  // published at once. Admins only. The whole file fails (400) only when it cannot be decoded,
  // a CSV file or the workbook's first sheet has no header, or the workbook is not readable
  // (400 "invalid_xlsx"; 413 "xlsx_too_large" when it unpacks to too much); a bad line is
  // reported and the others go on.
  // CSV and XLSX: a header row of field names (API names, a few Chinese aliases such as 标题,
  // 关键词; budget_min/budget_max, price_min/price_max, contact_name/contact_phone/
  // contact_email); list cells are split on , ; ， ； 、; a single quote in front of = + - @
  // TAB CR, the formula guard of exports, is dropped (UnguardFormula, core/csv.h).
  // ImportColumns (import_template.h) lists the canonical names.
  Result<ImportReport> Import(const Actor& actor, ListingKind kind, std::string_view bytes,
                              ImportFormat format);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace kc
