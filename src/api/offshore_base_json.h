// JSON of the offshore innovation bases (海外人才离岸创新创业基地, docs/bases.md): bases, their
// people and projects, and the count by country, read from and written to JSON. Each writer
// stands beside the OpenAPI schema of what it writes, and the routes document their requests
// and responses with these schemas, so the two change together; the response check
// (docs/api.md, "The document is checked") and tests/api/offshore_base_json_test.cc compare
// them.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "core/offshore_base.h"
#include "core/status.h"
#include "service/offshore_bases.h"
#include "store/base_tx.h"

namespace kc::api {

// A base as lists show it (everything but its people and projects); all of it is public once
// the base is.
nlohmann::json OffshoreBaseJson(const OffshoreBase& base);
// A base with its people and projects (GET /bases/{id}).
nlohmann::json OffshoreBaseJson(const OffshoreBaseDetail& detail);
// The schema of a base; `detail` for the second writer.
nlohmann::json OffshoreBaseSchema(bool detail = false);

// What creating (`for_create`: name, country and city required) or editing a base takes.
nlohmann::json OffshoreBaseInputSchema(bool for_create);
// Reads the fields present in `body` over `base` (a PATCH merges; a create starts from an empty
// base). 400 "unknown_field" for a field not in the input schema, 422 naming the field for a
// wrong type or an unknown status; values are checked by the service.
Status ReadOffshoreBase(const nlohmann::json& body, bool for_create, OffshoreBase* base);

nlohmann::json BasePersonJson(const BasePerson& person);
nlohmann::json BasePersonSchema();
// {"people":[{name, role?}]}; 422 naming "people[i].…" for a wrong type.
Result<std::vector<BasePerson>> ReadBasePeople(const nlohmann::json& body);

// A project with its listing's id, type, title, status and organisation id.
nlohmann::json BaseProjectJson(const BaseProjectView& project);
nlohmann::json BaseProjectSchema();
// {"projects":[{listing_id, note?}]}; 422 naming "projects[i].…" for a wrong type.
Result<std::vector<BaseProject>> ReadBaseProjects(const nlohmann::json& body);

// {"items":[{country, count}], "total": n}: the public bases by country.
nlohmann::json BaseCountriesJson(const std::vector<BaseCountryCount>& counts);
nlohmann::json BaseCountriesSchema();

}  // namespace kc::api
