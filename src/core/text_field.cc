#include "core/text_field.h"

#include "core/trim.h"
#include "core/utf8.h"

namespace kc {

Status CheckTextField(std::string_view field, std::string& v, size_t max, bool required,
                      bool multiline) {
  v = Trim(v);
  const std::string f(field);
  if (required && v.empty()) return Invalid(f, "required", f + " is required");
  if (!IsValidUtf8(v)) return Invalid(f, "invalid_utf8", f + " is not valid UTF-8");
  for (unsigned char c : v) {
    const bool line_break_or_tab = c == '\n' || c == '\r' || c == '\t';
    if ((c < 0x20 && !(multiline && line_break_or_tab)) || c == 0x7f) {
      return Invalid(f, "invalid_text", f + " holds control characters");
    }
  }
  if (Utf8Length(v) > max) {
    return Invalid(f, "too_long", f + " has more than " + std::to_string(max) + " characters");
  }
  return Status::Ok();
}

}  // namespace kc
