// The paths the web app has a page for (web/src/router.js), so that the server answers every
// other path with 404 instead of the app's shell with 200. The list is the router's own path
// patterns, written the same way; tests/api/app_routes_test.cc reads web/src/router.js and
// fails when the two differ, so they cannot drift apart.
#pragma once

#include <string_view>
#include <vector>

namespace kc::api {

// The router's path patterns as written there (JavaScript escapes undone): "/news",
// "/news/:id(\d+)", "/:plural(demands|achievements|experts)". Its catch-all (not-found) route is
// not among them.
const std::vector<std::string_view>& AppRoutePatterns();

// True when `pattern` matches the whole of `path`. Segments are literals or parameters:
// ":name(\d+)" (digits), ":name(a|b|c)" (one of the words), ":name" (any one segment).
bool MatchesRoutePattern(std::string_view pattern, std::string_view path);

// True when one of AppRoutePatterns() matches `path` (a trailing slash is ignored, as the
// router ignores it).
bool IsAppRoute(std::string_view path);

}  // namespace kc::api
