#include "api/app_routes.h"

#include <string>

namespace kc::api {

namespace {

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 1;  // after the leading '/'
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

bool MatchesSegment(std::string_view pattern, std::string_view segment) {
  if (pattern.empty() || pattern[0] != ':') return pattern == segment;
  if (segment.empty()) return false;
  auto open = pattern.find('(');
  if (open == std::string_view::npos) return true;  // ":name": any segment
  std::string_view rule = pattern.substr(open + 1, pattern.size() - open - 2);
  if (rule == "\\d+") {
    return segment.find_first_not_of("0123456789") == std::string_view::npos;
  }
  while (true) {  // "a|b|c"
    auto bar = rule.find('|');
    if (rule.substr(0, bar) == segment) return true;
    if (bar == std::string_view::npos) return false;
    rule.remove_prefix(bar + 1);
  }
}

}  // namespace

const std::vector<std::string_view>& AppRoutePatterns() {
  static const std::vector<std::string_view> patterns = {
      "/",
      "/search",
      "/:plural(demands|achievements|experts)",
      "/:plural(demands|achievements|experts)/:id(\\d+)",
      "/listings/:id(\\d+)",
      "/orgs/:id(\\d+)",
      "/news",
      "/dashboard",
      "/challenges",
      "/challenges/new",
      "/challenges/:id(\\d+)",
      "/news/new",
      "/news/:id(\\d+)",
      "/news/:id(\\d+)/edit",
      "/events",
      "/events/new",
      "/events/:id(\\d+)",
      "/events/:id(\\d+)/edit",
      "/campaigns",
      "/campaigns/:id(\\d+)",
      "/bodies",
      "/partners",
      "/bases",
      "/bases/new",
      "/bases/:id(\\d+)",
      "/bases/:id(\\d+)/edit",
      "/plans",
      "/plans/:id(\\d+)",
      "/plans/:id(\\d+)/tasks/:taskId(\\d+)",
      "/workspace/reviews",
      "/login",
      "/register",
      "/workspace",
      "/workspace/:plural(demands|achievements|experts)/new",
      "/workspace/:plural(demands|achievements|experts)/:id(\\d+)/edit",
      "/workspace/notifications",
      "/workspace/deals",
      "/workspace/deals/:id(\\d+)",
      "/workspace/subscriptions",
      "/workspace/org",
      "/review",
      "/admin/users",
      "/admin/orgs",
      "/admin/import",
      "/admin/peers",
  };
  return patterns;
}

bool MatchesRoutePattern(std::string_view pattern, std::string_view path) {
  if (pattern == "/" || path == "/") return pattern == path;
  auto want = Segments(pattern);
  auto have = Segments(path);
  if (want.size() != have.size()) return false;
  for (size_t i = 0; i < want.size(); ++i) {
    if (!MatchesSegment(want[i], have[i])) return false;
  }
  return true;
}

bool IsAppRoute(std::string_view path) {
  if (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  for (auto pattern : AppRoutePatterns()) {
    if (MatchesRoutePattern(pattern, path)) return true;
  }
  return false;
}

}  // namespace kc::api
