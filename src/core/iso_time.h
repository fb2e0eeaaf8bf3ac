// Times on the wire: ISO 8601 in UTC ("2026-11-29T09:35:00Z").
#pragma once

#include <cstdint>
#include <string>

namespace kc {

// Formats seconds since the epoch; 0 gives "" (no time).
std::string IsoTime(int64_t epoch_seconds);

}  // namespace kc
