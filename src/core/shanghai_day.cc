#include "core/shanghai_day.h"

#include <chrono>
#include <cstdio>

namespace kc {

std::string ShanghaiDay(int64_t epoch_seconds) {
  using namespace std::chrono;
  const sys_seconds local{seconds(epoch_seconds + kShanghaiOffset)};
  const year_month_day ymd{floor<days>(local)};
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return out;
}

int ShanghaiYear(int64_t epoch_seconds) {
  using namespace std::chrono;
  const sys_seconds local{seconds(epoch_seconds + kShanghaiOffset)};
  return static_cast<int>(year_month_day{floor<days>(local)}.year());
}

}  // namespace kc
