// OpenAPI schema fragments shared by the route groups.
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>

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
// A file's bytes (documented as application/octet-stream, not JSON).
inline json Binary() { return {{"type", "string"}, {"format", "binary"}}; }
inline json Date() { return {{"type", "string"}, {"format", "date"}}; }
inline json Time() { return {{"type", "string"}, {"description", "ISO 8601 UTC, or \"\""}}; }
inline json ListOf(json item) { return {{"type", "array"}, {"items", std::move(item)}}; }
// One of `values` (strings).
inline json Enum(std::initializer_list<const char*> values) {
  json j = {{"type", "string"}, {"enum", json::array()}};
  for (const char* v : values) j["enum"].push_back(v);
  return j;
}
// `schema`, or null.
inline json Nullable(json schema) {
  if (schema.contains("type") && schema["type"].is_string()) {
    schema["type"] = json::array({schema["type"], "null"});
    if (schema.contains("enum")) schema["enum"].push_back(nullptr);
    return schema;
  }
  return {{"anyOf", json::array({std::move(schema), {{"type", "null"}}})}};
}
// An object of the named properties and no other (additionalProperties false): a response
// holding a property the document does not name fails the response check (docs/api.md), and a
// client may rely on the document's list.
inline json Obj(json props, json required = json::array()) {
  json j = {{"type", "object"}, {"properties", std::move(props)}, {"additionalProperties", false}};
  if (!required.empty()) j["required"] = std::move(required);
  return j;
}
// An object whose keys are data (a map from names to `value`s).
inline json MapOf(json value) {
  return {{"type", "object"}, {"additionalProperties", std::move(value)}};
}
// Any JSON object (free-form data, such as an audit entry's detail).
inline json AnyObj() { return {{"type", "object"}}; }
inline json PageOf(json item) {
  return Obj(
      {{"items", ListOf(std::move(item))}, {"total", Int()}, {"page", Int()}, {"size", Int()}},
      {"items", "total", "page", "size"});
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

// The shared component schemas (User, Org, Error, listings per kind, ImportReport). The schemas
// of users, organisations and import reports are written beside their writers
// (api/user_json.h, api/org_json.h, api/import_json.h).
json Components();

// The component name of a listing kind as a response ("Demand", "Achievement", "Expert"), and
// its schema: what service/listing_json.h's ListingToJson writes for it.
const char* ListingSchemaName(ListingKind kind);
json ListingOutput(ListingKind kind);

// The input schema of a listing kind (create; every field optional for PATCH).
json ListingInput(ListingKind kind, bool for_patch);

}  // namespace kc::api::schema
