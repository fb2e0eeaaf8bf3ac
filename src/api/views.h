// JSON views of accounts and organisations (listings have theirs in service/listing_json.h).
#pragma once

#include <nlohmann/json.hpp>

#include "core/org.h"
#include "service/actor.h"

namespace kc::api {

// A user as `viewer` may see it: the e-mail and the disabled flag when SeesEmail, the
// requested organisation when SeesJoinRequest (service/user_policy.h).
nlohmann::json UserJson(const User& user, const Actor& viewer);

// An organisation (all of it is public).
nlohmann::json OrgJson(const Org& org);

}  // namespace kc::api
