// The calendar day in China's time zone (Asia/Shanghai, UTC+8 all year), the day that counts
// for daily figures whatever the server's own zone.
#pragma once

#include <cstdint>
#include <string>

namespace kc {

// Asia/Shanghai's offset from UTC, in seconds (no daylight saving time since 1991).
inline constexpr int64_t kShanghaiOffset = 8 * 3600;

// The day of `epoch_seconds` in Asia/Shanghai as "YYYY-MM-DD".
std::string ShanghaiDay(int64_t epoch_seconds);

// The year of `epoch_seconds` in Asia/Shanghai (a new year there begins at 16:00 UTC).
int ShanghaiYear(int64_t epoch_seconds);

}  // namespace kc
