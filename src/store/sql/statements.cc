#include "store/sql/statements.h"

namespace kc::sql {

std::string Marks(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += i ? ",?" : "?";
  return out;
}

}  // namespace kc::sql
