#include "core/resources.h"

#include <algorithm>
#include <string>
#include <utility>

namespace kc::resources_data {
const std::vector<std::pair<std::string_view, std::string_view>>& All();
}

namespace kc {

std::optional<std::string_view> Resource(std::string_view path) {
  for (const auto& [name, content] : resources_data::All()) {
    if (name == path) return content;
  }
  return std::nullopt;
}

std::vector<std::string_view> ResourcesUnder(std::string_view prefix) {
  std::vector<std::string_view> out;
  for (const auto& [name, content] : resources_data::All()) {
    if (name.substr(0, prefix.size()) == prefix) out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace kc
