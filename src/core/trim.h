// Trimming of form input: the one definition of the whitespace around a field's value.
#pragma once

#include <string>
#include <string_view>

namespace kc {

// `s` without its leading and trailing spaces, tabs, carriage returns and line feeds ("" when
// it has nothing else). Other characters, full-width spaces included, are kept.
std::string Trim(std::string_view s);

}  // namespace kc
