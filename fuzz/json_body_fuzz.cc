// Fuzz target: request bodies as every API handler reads them (src/api/json_io.h): the strict
// parse with its nesting limit, then the field readers on whatever object came out.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "api/json_io.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto body = kc::api::ParseObject(text);
  if (!body.ok()) return 0;
  (void)kc::api::AllowOnly(*body, {"title", "description", "budget", "page", "public"});
  std::string title;
  (void)kc::api::RequireString(*body, "title", &title);
  std::optional<std::string> description;
  (void)kc::api::OptString(*body, "description", &description);
  std::optional<int64_t> page;
  (void)kc::api::OptInt(*body, "page", &page);
  std::optional<bool> is_public;
  (void)kc::api::OptBool(*body, "public", &is_public);
  // Every string member once more, as an id would be read from a path or query.
  for (const auto& [key, value] : body->items()) {
    if (value.is_string()) (void)kc::api::ParseId(value.get<std::string>(), "id");
  }
  // And the response side: the value written back, invalid UTF-8 replaced.
  (void)kc::api::JsonResponse(200, *body);
  return 0;
}
