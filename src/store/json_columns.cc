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

std::string ChallengeCriteriaJson(const std::vector<ChallengeCriterion>& criteria) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& c : criteria) j.push_back({{"name", c.name}, {"weight", c.weight}});
  return j.dump();
}

std::vector<ChallengeCriterion> ChallengeCriteriaFrom(const std::string& text) {
  std::vector<ChallengeCriterion> out;
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

std::string CampaignCriteriaJson(const std::vector<Criterion>& criteria) {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& c : criteria) {
    arr.push_back({{"key", c.key},
                   {"name", c.name},
                   {"description", c.description},
                   {"weight", c.weight},
                   {"max_score", c.max_score}});
  }
  return arr.dump();
}

std::vector<Criterion> CampaignCriteriaFrom(const std::string& text) {
  std::vector<Criterion> out;
  auto arr = nlohmann::json::parse(text, nullptr, false);
  if (!arr.is_array()) return out;
  for (const auto& c : arr) {
    if (!c.is_object()) continue;
    out.push_back(Criterion{c.value("key", ""), c.value("name", ""), c.value("description", ""),
                            c.value("weight", 1.0), c.value("max_score", 10)});
  }
  return out;
}

std::string RulesJson(const EligibilityRules& r) {
  nlohmann::json j = {{"self_nomination", r.self_nomination}, {"min_materials", r.min_materials}};
  if (r.max_age) j["max_age"] = *r.max_age;
  if (r.min_founding_year) j["min_founding_year"] = *r.min_founding_year;
  return j.dump();
}

EligibilityRules RulesFrom(const std::string& text) {
  EligibilityRules r;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return r;
  r.self_nomination = j.value("self_nomination", false);
  r.min_materials = j.value("min_materials", 1);
  if (j.contains("max_age") && j["max_age"].is_number_integer()) r.max_age = j["max_age"];
  if (j.contains("min_founding_year") && j["min_founding_year"].is_number_integer()) {
    r.min_founding_year = j["min_founding_year"];
  }
  return r;
}

std::string MaterialsJson(const std::vector<Material>& materials) {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& m : materials) arr.push_back({{"title", m.title}, {"url", m.url}});
  return arr.dump();
}

std::vector<Material> MaterialsFrom(const std::string& text) {
  std::vector<Material> out;
  auto arr = nlohmann::json::parse(text, nullptr, false);
  if (!arr.is_array()) return out;
  for (const auto& e : arr) {
    if (e.is_object()) out.push_back(Material{e.value("title", ""), e.value("url", "")});
  }
  return out;
}

std::string BreakdownJson(const std::map<std::string, double>& breakdown) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, v] : breakdown) j[k] = v;
  return j.dump();
}

std::map<std::string, double> BreakdownFrom(const std::string& text) {
  std::map<std::string, double> out;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return out;
  for (const auto& [k, v] : j.items()) out[k] = v.is_number() ? v.get<double>() : 0;
  return out;
}

}  // namespace kc
