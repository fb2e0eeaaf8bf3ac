// JSON of the advisory committee (咨询委员会) and the consortium (联合体): bodies and their
// members, read from and written to JSON. Each writer stands beside the OpenAPI schema of what
// it writes, and the routes document their requests and responses with these schemas, so the
// two change together; the response check (docs/api.md, "The document is checked") and
// tests/api/body_json_test.cc compare them.
#pragma once

#include <nlohmann/json.hpp>

#include "core/programme_body.h"
#include "core/status.h"
#include "service/programme_bodies.h"

namespace kc::api {

// A body (all of it is public); with its members (GET /bodies/{slug}).
nlohmann::json ProgrammeBodyJson(const ProgrammeBody& body);
nlohmann::json ProgrammeBodyJson(const ProgrammeBodyWithMembers& body);
// The schema of a body, also what creating one takes; `with_members` for the second writer.
nlohmann::json ProgrammeBodySchema(bool with_members = false);
// A new body from `body`: kind, slug and name required; 422 naming the field otherwise.
Result<ProgrammeBody> ReadProgrammeBody(const nlohmann::json& body);

// A member, a person or an organisation, with role and term.
nlohmann::json MemberJson(const ProgrammeBodyMember& member);
// The schema of a member, also what adding one takes.
nlohmann::json MemberSchema();
// A new member from `body`: member_type, name and role required; 422 naming the field
// otherwise.
Result<ProgrammeBodyMember> ReadMember(const nlohmann::json& body);

}  // namespace kc::api
