// Request ids: one per request, echoed in X-Request-Id and in the access log line.
#pragma once

#include <string>
#include <string_view>

namespace kc::http {

// A new id: 16 lower-case hex characters, unique within the process.
std::string NewRequestId();

// The client's X-Request-Id when it is 1–64 characters of [A-Za-z0-9._-]; a new id otherwise.
std::string RequestIdFrom(std::string_view client_value);

}  // namespace kc::http
