#include "store/json_columns.h"

#include <nlohmann/json.hpp>

namespace kc {

std::string JoinArray(const std::vector<std::string>& v) { return nlohmann::json(v).dump(); }

// Strings without escapes (nearly all of them, and every list page reads several per row) are
// read directly; the rest through the JSON parser.
std::vector<std::string> SplitArray(const std::string& text) {
  if (text.empty() || text == "[]") return {};
  if (text.find('\\') == std::string::npos && text.front() == '[' && text.back() == ']') {
    std::vector<std::string> out;
    size_t i = 1;
    bool ok = true;
    while (ok && i < text.size() - 1) {
      size_t end = text[i] == '"' ? text.find('"', i + 1) : std::string::npos;
      if (end == std::string::npos) {
        ok = false;
        break;
      }
      out.emplace_back(text, i + 1, end - i - 1);
      i = end + 1;
      if (text[i] == ',') {
        ++i;
      } else if (i != text.size() - 1) {
        ok = false;
      }
    }
    if (ok) return out;
  }
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
  if (text.empty()) return c;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return c;
  c.name = j.value("name", "");
  c.phone = j.value("phone", "");
  c.email = j.value("email", "");
  return c;
}

}  // namespace kc
