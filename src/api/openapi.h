// The OpenAPI 3.1 document, generated from the route table: a route cannot go undocumented.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "http/router.h"

namespace kc::api {

nlohmann::json OpenApiDocument(const http::Router& router, const std::string& version);

}  // namespace kc::api
