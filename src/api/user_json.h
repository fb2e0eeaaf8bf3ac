// JSON of accounts (账户): users as a viewer may see them, sessions, and what editing an
// account takes. Each writer stands beside the OpenAPI schema of what it writes (the
// components "User" and "UserWithOrg"), and the routes document their requests and responses
// with these schemas, so the two change together; the response check (docs/api.md, "The
// document is checked") and tests/api/user_json_test.cc compare them.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "core/org.h"
#include "core/status.h"
#include "service/accounts.h"
#include "service/actor.h"

namespace kc::api {

// A user as `viewer` may see it: the e-mail and the disabled flag when SeesEmail, the
// requested organisation when SeesJoinRequest (service/user_policy.h).
nlohmann::json UserJson(const User& user, const Actor& viewer);
// The schema of UserJson (the component "User"), every field a viewer may be shown.
nlohmann::json UserSchema();

// UserJson with the user's organisation ("org", OrgJson) when `org` is given (registration,
// GET /me).
nlohmann::json UserWithOrgJson(const User& user, const Actor& viewer,
                               const std::optional<Org>& org);
// Its schema (the component "UserWithOrg"; "org" refers to the component "Org").
nlohmann::json UserWithOrgSchema();

// A session just opened: the bearer token, the CSRF token, when it expires (seconds since the
// epoch), and the user as they see themselves.
nlohmann::json SignInJson(const SignIn& sign_in);
nlohmann::json SignInSchema();

// What editing an account takes, and reading it (every field optional; the service decides who
// may change which).
nlohmann::json UserPatchSchema();
Result<UserPatch> ReadUserPatch(const nlohmann::json& body);

}  // namespace kc::api
