// Reading request bodies and query parameters strictly, and writing JSON responses: one
// validation style for every handler (DESIGN §5 error shape).
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "http/message.h"

namespace kc::api {

using nlohmann::json;

// The deepest nesting of arrays and objects a request body may have: every request shape of the
// API is a few levels deep, and a deeper document is only a way to make the parser work.
inline constexpr int kJsonMaxDepth = 64;

// The body as a JSON object: 400 "malformed_json" when it does not parse (including invalid
// UTF-8), 400 "too_deep" when arrays and objects nest deeper than kJsonMaxDepth (the parser
// stops there), 400 "invalid_body" when it is not an object.
Result<json> ParseObject(const http::Request& req);
// The same for a text that is not a request body.
Result<json> ParseObject(std::string_view text);

// 400 "unknown_field" naming the first field of `body` not in `allowed`.
Status AllowOnly(const json& body, std::initializer_list<const char*> allowed);

// Field readers: a missing required field is 422 "required", a wrong type 422 "invalid_type";
// both name the field. Optional readers leave `out` empty when the field is absent or null.
Status RequireString(const json& body, const char* name, std::string* out);
Status OptString(const json& body, const char* name, std::optional<std::string>* out);
Status OptInt(const json& body, const char* name, std::optional<int64_t>* out);
Status OptBool(const json& body, const char* name, std::optional<bool>* out);
// A list of strings; leaves `out` as it was when the field is absent or null.
Status ReadStringList(const json& body, const char* name, std::vector<std::string>* out);

// Page parameters: ?page= (from 1) and ?size= (1..100, default 20); 400 "invalid_parameter".
struct PageParams {
  int64_t page = 1;
  int64_t size = 20;
  int64_t offset() const { return (page - 1) * size; }
};
Result<PageParams> ReadPage(const http::Request& req);

// An integer query or path value; 400 "invalid_parameter" naming it when malformed.
Result<int64_t> ParseId(std::string_view text, const char* name);

// Declares `var` = `expr` (a Result) and returns its error as the handler's response when it
// failed: the one way handlers turn a failed step into the JSON error of DESIGN §5.
#define KC_ASSIGN_OR_RESPOND(var, expr) \
  auto var = (expr);                    \
  if (!var.ok()) return ::kc::http::ErrorResponse(var.status())

// A JSON response; invalid UTF-8 in strings is replaced, never a crash.
http::Response JsonResponse(int status, const json& body);

// The list envelope: {"items":[…],"total":n,"page":p,"size":s}.
json PageJson(json items, int64_t total, const PageParams& page);

}  // namespace kc::api
