// JSON of organisations (组织): read from and written to JSON. The writer stands beside the
// OpenAPI schema of what it writes (the component "Org"), and the routes document their
// requests and responses with these schemas, so the two change together; the response check
// (docs/api.md, "The document is checked") and tests/api/org_json_test.cc compare them.
#pragma once

#include <nlohmann/json.hpp>

#include "core/org.h"
#include "core/status.h"
#include "service/orgs.h"

namespace kc::api {

// An organisation (all of it is public), with the name of its province when its region has one.
nlohmann::json OrgJson(const Org& org);
// The schema of OrgJson (the component "Org").
nlohmann::json OrgSchema();

// What creating an organisation takes (the component "OrgInput"); every field optional for
// PATCH.
nlohmann::json OrgInputSchema(bool for_patch);
// A new organisation from `body` (POST /orgs, and "org" at registration): name and type
// required, type one of OrgType's names, country "CN" unless given. 422 naming the field
// otherwise, 400 "unknown_field" for a field OrgInputSchema does not name.
Result<Org> ReadOrg(const nlohmann::json& body);
// The fields present in `body` (PATCH /orgs/{id}), as ReadOrg refuses unknown ones.
Result<OrgPatch> ReadOrgPatch(const nlohmann::json& body);

// A member's role within the organisation, "role" in the membership routes' bodies (member or
// org_admin; never a platform role); `fallback` when the body names none. 422 naming "role"
// for another value.
Result<OrgRole> ReadOrgRole(const nlohmann::json& body, OrgRole fallback);

}  // namespace kc::api
