#include "core/email.h"

namespace kc {

bool IsEmailAddress(std::string_view e) {
  if (e.empty() || e.size() > 254) return false;
  const auto at = e.find('@');
  if (at == std::string_view::npos || at == 0 || e.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const auto dot = e.find('.', at);
  if (dot == std::string_view::npos || dot == at + 1 || dot + 1 == e.size()) return false;
  for (char c : e) {
    if (static_cast<unsigned char>(c) <= ' ' || c == 0x7f) return false;
  }
  return true;
}

}  // namespace kc
