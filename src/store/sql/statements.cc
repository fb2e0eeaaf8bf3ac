#include "store/sql/statements.h"

namespace kc::sql {

std::string Marks(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += i ? ",?" : "?";
  return out;
}

std::string TotalAndPage(std::string_view total, std::string_view page, std::string_view order) {
  // The page is the right side of a LEFT JOIN with one row, so an empty page still brings the
  // total; the join does not promise to keep the page's order, hence the outer ORDER BY.
  return "SELECT (" + std::string(total) + "), pg.* FROM (SELECT 1) one LEFT JOIN (" +
         std::string(page) + ") pg ON 1 = 1" + std::string(order);
}

}  // namespace kc::sql
