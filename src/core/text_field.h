// The checks every free-text field of a form or an import gets (docs/api.md, "Errors").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/status.h"

namespace kc {

// Trims `v` (core/trim.h) and checks it: present when `required`, valid UTF-8, without control
// characters (line feeds, carriage returns and tabs allowed when `multiline`), at most `max`
// characters. The error names `field`: required, invalid_utf8, invalid_text or too_long.
Status CheckTextField(std::string_view field, std::string& v, size_t max, bool required,
                      bool multiline = false);

}  // namespace kc
