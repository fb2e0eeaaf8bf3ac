#include "api/page_assets.h"

#include <nlohmann/json.hpp>
#include <set>

namespace kc::api {

namespace {

// Asset names come from the build; anything that could leave the attribute is not linked.
bool SafeFile(const std::string& file) {
  return !file.empty() && file.find_first_of("\"'<>& \\") == std::string::npos &&
         file.find("..") == std::string::npos;
}

std::vector<std::string> Strings(const nlohmann::json& j, const char* name) {
  std::vector<std::string> out;
  auto it = j.find(name);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& v : *it) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

}  // namespace

PageAssets PageAssets::FromManifest(std::string_view manifest_json) {
  PageAssets out;
  auto j = nlohmann::json::parse(manifest_json, nullptr, false);
  if (!j.is_object()) return out;
  for (const auto& [key, v] : j.items()) {
    if (!v.is_object() || !v.contains("file") || !v["file"].is_string()) continue;
    Chunk c;
    c.file = v["file"].get<std::string>();
    c.entry = v.value("isEntry", false);
    c.imports = Strings(v, "imports");
    c.css = Strings(v, "css");
    out.chunks_.emplace(key, std::move(c));
  }
  return out;
}

std::string PageAssets::PreloadLinks(std::string_view source) const {
  if (chunks_.find(source) == chunks_.end()) return "";
  std::vector<const Chunk*> order;
  std::set<std::string, std::less<>> seen;
  std::vector<std::string> to_visit = {std::string(source)};
  while (!to_visit.empty()) {
    std::string key = std::move(to_visit.back());
    to_visit.pop_back();
    if (!seen.insert(key).second) continue;
    auto it = chunks_.find(key);
    if (it == chunks_.end() || it->second.entry) continue;
    order.push_back(&it->second);
    for (auto i = it->second.imports.rbegin(); i != it->second.imports.rend(); ++i) {
      to_visit.push_back(*i);
    }
  }
  std::string links;
  std::set<std::string> css_seen;
  std::string styles;
  for (const Chunk* c : order) {
    if (SafeFile(c->file)) {
      links += "<link rel=\"modulepreload\" crossorigin href=\"/" + c->file + "\">\n";
    }
    for (const auto& css : c->css) {
      if (SafeFile(css) && css_seen.insert(css).second) {
        styles += "<link rel=\"stylesheet\" crossorigin href=\"/" + css + "\">\n";
      }
    }
  }
  return links + styles;
}

}  // namespace kc::api
