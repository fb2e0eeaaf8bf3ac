#include "http/router.h"

namespace kc::http {

namespace {
bool IsParam(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Matches segments; fills params on success.
bool MatchSegments(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
                   std::vector<std::pair<std::string, std::string>>* params) {
  if (pattern.size() != path.size()) return false;
  params->clear();
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (IsParam(pattern[i])) {
      params->emplace_back(pattern[i].substr(1, pattern[i].size() - 2), path[i]);
    } else if (pattern[i] != path[i]) {
      return false;
    }
  }
  return true;
}
}  // namespace

Route& Router::Add(bhttp::verb method, std::string pattern, Handler handler, RouteDoc doc,
                   Pool pool) {
  Route r{method, pattern, std::move(handler), std::move(doc), pool, PathSegments(pattern)};
  routes_.push_back(std::move(r));
  return routes_.back();
}

Router::Match Router::Find(Request& request) const {
  Match m = Find(request.method(), request.target());
  if (m.route) request.SetParams(m.params);
  return m;
}

Router::Match Router::Find(bhttp::verb method, std::string_view target) const {
  const auto path = PathSegments(target);
  Match m;
  std::vector<std::pair<std::string, std::string>> params;
  // Literal segments win over parameters: /demands/export before /demands/{id}.
  const Route* best = nullptr;
  int best_literals = -1;
  std::vector<std::pair<std::string, std::string>> best_params;
  bool path_matched = false;
  for (const auto& r : routes_) {
    if (!MatchSegments(r.segments, path, &params)) continue;
    path_matched = true;
    bool method_ok =
        r.method == method || (method == bhttp::verb::head && r.method == bhttp::verb::get);
    if (!method_ok) {
      std::string name(bhttp::to_string(r.method));
      if (m.allow.find(name) == std::string::npos) m.allow += (m.allow.empty() ? "" : ", ") + name;
      continue;
    }
    int literals = static_cast<int>(r.segments.size() - params.size());
    if (literals > best_literals) {
      best = &r;
      best_literals = literals;
      best_params = params;
    }
  }
  if (best) {
    m.params = std::move(best_params);
    m.route = best;
    m.allow.clear();
    return m;
  }
  m.status = path_matched ? 405 : 404;
  return m;
}

}  // namespace kc::http
