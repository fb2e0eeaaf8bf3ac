// Checks what a JSON writer of src/api writes against the schema written beside it, with the
// validator of the response check (tests/api/check_responses.py "validate": Debian's
// python3-jsonschema, JSON Schema 2020-12), so a writer's test catches a drift before the API
// suites do (docs/api.md, "The document is checked").
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace kc::testing {

// The errors of each instance against `schema` ("$.path: message"; none when it validates),
// one list per instance, in order. "#/components/schemas/…" references resolve to the shared
// component schemas (api/schemas.h, Components). Fails the running test when the validator
// cannot be run or `schema` is not a JSON Schema.
std::vector<std::vector<std::string>> SchemaErrors(const nlohmann::json& schema,
                                                   const std::vector<nlohmann::json>& instances);

// Adds a failure naming the instance and its errors for every instance that does not validate
// against `schema`.
void ExpectValid(const nlohmann::json& schema, const std::vector<nlohmann::json>& instances);

}  // namespace kc::testing
