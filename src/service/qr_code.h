// QR codes as SVG, for the check-in code of an event registration (docs/events.md): written by
// the server so that the code shows without JavaScript. libqrencode does the encoding.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace kc {

// An SVG image (one <path> of dark modules on a white square with a 4-module quiet zone,
// error correction level M) of `text`, at most 1000 bytes of it. Thread-safe.
Result<std::string> QrSvg(std::string_view text);

}  // namespace kc
