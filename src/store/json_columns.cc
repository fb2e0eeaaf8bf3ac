#include "store/json_columns.h"

#include <nlohmann/json.hpp>

namespace kc {

std::string JoinArray(const std::vector<std::string>& v) { return nlohmann::json(v).dump(); }

std::vector<std::string> SplitArray(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> out;
  if (!j.is_array()) return out;
  for (const auto& e : j) {
    if (e.is_string()) out.push_back(e.get<std::string>());
  }
  return out;
}

std::string ContactJson(const Contact& c) {
  return nlohmann::json{{"name", c.name}, {"phone", c.phone}, {"email", c.email}}.dump();
}

Contact ContactFrom(const std::string& text) {
  Contact c;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return c;
  c.name = j.value("name", "");
  c.phone = j.value("phone", "");
  c.email = j.value("email", "");
  return c;
}

}  // namespace kc
