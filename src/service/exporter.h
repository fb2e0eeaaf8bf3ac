// Export (导出) of listings as CSV or JSON Lines, in the shapes that import reads back.
#pragma once

#include <string>

#include "core/listing.h"
#include "service/actor.h"
#include "service/listings.h"

namespace kc {

enum class ExportFormat { kCsv, kJsonl };

class Exporter {
 public:
  explicit Exporter(Listings& listings) : listings_(listings) {}

  // Every listing that `query` selects and the actor may see (paged through internally), at
  // the actor's view level. CSV has a header row, one row per listing, lists joined with "; ",
  // UTF-8 with a BOM so that spreadsheet programs read Chinese correctly; a text cell that
  // starts like a formula (= + - @ TAB CR) has a single quote in front (GuardFormula,
  // core/csv.h), numbers are written as they are. JSON Lines is written exactly.
  Result<std::string> Export(const Actor& actor, ListingKind kind, ListingQuery query,
                             ExportFormat format);

 private:
  Listings& listings_;
};

}  // namespace kc
