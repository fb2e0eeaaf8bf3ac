// OpenAPI schema fragments shared by the route groups.
#pragma once

#include <nlohmann/json.hpp>

#include "core/listing.h"

namespace kc::api::schema {

using nlohmann::json;

inline json Ref(const char* name) {
  return {{"$ref", std::string("#/components/schemas/") + name}};
}
inline json Str() { return {{"type", "string"}}; }
inline json Int() { return {{"type", "integer"}}; }
inline json Bool() { return {{"type", "boolean"}}; }
inline json StrList() { return {{"type", "array"}, {"items", Str()}}; }
inline json Obj(json props, json required = json::array()) {
  json j = {{"type", "object"}, {"properties", std::move(props)}};
  if (!required.empty()) j["required"] = std::move(required);
  return j;
}
inline json PageOf(json item) {
  return Obj({{"items", {{"type", "array"}, {"items", std::move(item)}}},
              {"total", Int()},
              {"page", Int()},
              {"size", Int()}});
}
inline json QueryParam(const char* name, const char* description, json type = Str()) {
  return {{"name", name},
          {"in", "query"},
          {"required", false},
          {"description", description},
          {"schema", std::move(type)}};
}
inline json PageQuery() {
  return json::array({QueryParam("page", "page number from 1", Int()),
                      QueryParam("size", "items per page, 1 to 100 (default 20)", Int())});
}

// The shared component schemas (User, Org, Error, listings per kind).
json Components();

// The input schema of a listing kind (create; every field optional for PATCH).
json ListingInput(ListingKind kind, bool for_patch);

}  // namespace kc::api::schema
