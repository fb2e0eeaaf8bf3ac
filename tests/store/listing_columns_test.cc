#include "store/listing_columns.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace kc {
namespace {

size_t Columns(const std::string& list) {
  // substr(body, 1, N) holds two commas of its own.
  return std::count(list.begin(), list.end(), ',') + 1 -
         (list.find("substr(") != std::string::npos ? 2 : 0);
}

TEST(ListingColumnsTest, TheSummaryKeepsEveryColumnsPosition) {
  std::string full = kListingCols;
  EXPECT_EQ(Columns(full), 43u);
  EXPECT_EQ(Columns(kListingSummaryCols), Columns(full));
  EXPECT_NE(kListingSummaryCols.find("substr(body, 1, " + std::to_string(kSummaryChars + 1)),
            std::string::npos);
  // Where the full list has id, title and rank, so has the summary.
  EXPECT_TRUE(kListingSummaryCols.starts_with("id, kind, org_id, owner_id, ref, title, "));
  EXPECT_NE(kListingSummaryCols.find("rank, affiliation, NULL, "), std::string::npos);
  // A list marks partners' listings: the network columns are read in full.
  EXPECT_NE(
      kListingSummaryCols.find("shared, origin_peer_id, origin_id, origin_url, origin_org_name, "),
      std::string::npos);
  EXPECT_NE(full.find("shared, origin_peer_id, origin_id, origin_url, origin_org_name, "),
            std::string::npos);
  // A talent's name is never read for a list (docs/talent.md); what it seeks is.
  EXPECT_TRUE(kListingSummaryCols.ends_with("NULL, talent_type, NULL, talent_modes, country"));
  EXPECT_TRUE(full.ends_with("person_name, talent_type, languages, talent_modes, country"));
}

}  // namespace
}  // namespace kc
