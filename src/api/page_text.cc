#include "api/page_text.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace kc::api {

namespace {

// "zh", "zh-TW", "ZH-cn" → zh-CN; "en", "en-GB" → en; anything else → "".
std::string Normalise(std::string_view tag) {
  std::string t(tag);
  std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return std::tolower(c); });
  if (t == "zh" || t.rfind("zh-", 0) == 0) return "zh-CN";
  if (t == "en" || t.rfind("en-", 0) == 0) return "en";
  return "";
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The first Chinese or English language of an Accept-Language header, by weight (q=0 never).
std::string FromAcceptLanguage(std::string_view header) {
  std::string best;
  double best_q = 0;
  while (!header.empty()) {
    auto comma = header.find(',');
    std::string_view item = TrimSpaces(header.substr(0, comma));
    double q = 1;
    if (auto semi = item.find(';'); semi != std::string_view::npos) {
      std::string_view param = TrimSpaces(item.substr(semi + 1));
      if (param.rfind("q=", 0) == 0) q = std::atof(std::string(param.substr(2)).c_str());
      item = TrimSpaces(item.substr(0, semi));
    }
    std::string lang = Normalise(item);
    if (!lang.empty() && q > best_q) {
      best = lang;
      best_q = q;
    }
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return best;
}

void Flatten(const nlohmann::json& tree, const std::string& prefix,
             std::map<std::string, std::string, std::less<>>& out) {
  for (const auto& [key, value] : tree.items()) {
    if (value.is_object()) {
      Flatten(value, prefix + key + ".", out);
    } else if (value.is_string()) {
      out[prefix + key] = value.get<std::string>();
    }
  }
}

}  // namespace

std::string PageLanguage(const http::Request& req) {
  std::string lang = Normalise(req.Cookie("kc-lang"));
  if (lang.empty()) lang = Normalise(req.Query("lang").value_or(""));
  if (lang.empty()) lang = FromAcceptLanguage(req.Header(http::bhttp::field::accept_language));
  return lang.empty() ? "zh-CN" : lang;
}

PageText PageText::FromJson(std::string_view messages_json) {
  PageText out;
  auto j = nlohmann::json::parse(messages_json, nullptr, false);
  if (!j.is_object()) return out;
  for (const char* lang : {"zh-CN", "en"}) {
    if (j.contains(lang) && j[lang].is_object()) {
      Flatten(j[lang], std::string(lang) + ":", out.messages_);
    }
  }
  return out;
}

std::string PageText::Get(std::string_view language, std::string_view key,
                          const std::vector<std::pair<std::string, std::string>>& params) const {
  auto it = messages_.find(std::string(language) + ":" + std::string(key));
  if (it == messages_.end()) it = messages_.find("zh-CN:" + std::string(key));
  std::string text = it == messages_.end() ? std::string(key) : it->second;
  for (const auto& [name, value] : params) {
    const std::string slot = "{" + name + "}";
    for (size_t pos = 0; (pos = text.find(slot, pos)) != std::string::npos; pos += value.size()) {
      text.replace(pos, slot.size(), value);
    }
  }
  return text;
}

}  // namespace kc::api
