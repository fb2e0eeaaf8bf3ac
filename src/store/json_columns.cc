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

std::string CriteriaJson(const std::vector<Criterion>& criteria) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& c : criteria) j.push_back({{"name", c.name}, {"weight", c.weight}});
  return j.dump();
}

std::vector<Criterion> CriteriaFrom(const std::string& text) {
  std::vector<Criterion> out;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& e : j) {
    if (!e.is_object()) continue;
    out.push_back({e.value("name", ""), e.value("weight", 1.0)});
  }
  return out;
}

std::string ImagesJson(const std::vector<NewsImage>& images) {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& i : images) {
    arr.push_back({{"url", i.url}, {"caption", i.caption}, {"credit", i.credit}});
  }
  return arr.dump();
}

std::vector<NewsImage> ImagesFrom(const std::string& text) {
  std::vector<NewsImage> out;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& i : j) {
    if (!i.is_object()) continue;
    out.push_back(NewsImage{i.value("url", ""), i.value("caption", ""), i.value("credit", "")});
  }
  return out;
}

}  // namespace kc
