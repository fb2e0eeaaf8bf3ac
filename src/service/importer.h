// Bulk import (批量导入) of listings from JSON Lines or CSV files: every good line is imported,
// every bad line is reported with its line number and the reason, and nothing else is lost.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/listing.h"
#include "service/actor.h"
#include "store/store.h"

namespace kc {

enum class ImportFormat { kAuto, kJsonl, kCsv };

struct ImportFailure {
  int line = 0;  // 1-based line in the file
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

  // Imports `bytes` (UTF-8 with or without BOM, UTF-16 with BOM, or GB18030) as listings of
  // `kind`, published at once. Admins only. The whole file fails (400) only when it cannot be
  // decoded or a CSV file has no header; a bad line is reported and the others go on.
  // CSV: a header row of field names (API names, a few Chinese aliases such as 标题, 关键词;
  // budget_min/budget_max, price_min/price_max, contact_name/contact_phone/contact_email);
  // list cells are split on , ; ， ； 、.
  Result<ImportReport> Import(const Actor& actor, ListingKind kind, std::string_view bytes,
                              ImportFormat format);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace kc
