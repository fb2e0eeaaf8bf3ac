#include "core/region_code.h"

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/resources.h"

namespace kc {
namespace {

struct Province {
  std::string code;  // the first two digits
  std::string name;
  std::string name_en;
};

// The province-level divisions of data/regions.json, the one list the server and the web UI
// share (the UI imports the same file when it is built).
const std::vector<Province>& Provinces() {
  static const std::vector<Province> provinces = [] {
    std::vector<Province> out;
    const auto doc = nlohmann::json::parse(Resource("data/regions.json").value_or("{}"),
                                           nullptr, /*allow_exceptions=*/false);
    if (doc.is_object() && doc.contains("provinces")) {
      for (const auto& p : doc["provinces"]) {
        out.push_back({p.value("code", "").substr(0, 2), p.value("zh", ""), p.value("en", "")});
      }
    }
    return out;
  }();
  return provinces;
}

// Returns `s` in single quotes, for error messages.
std::string Quoted(std::string_view s) {
  std::string q = "'";
  q.append(s);
  q += '\'';
  return q;
}

const Province* FindProvince(std::string_view code) {
  if (code.size() < 2) return nullptr;
  for (const Province& p : Provinces()) {
    if (p.code == code.substr(0, 2)) return &p;
  }
  return nullptr;
}

}  // namespace

Status ValidateRegionCode(std::string_view code, std::string_view field) {
  auto invalid = [field](std::string reason) {
    return Invalid(std::string(field), "invalid_region", std::move(reason));
  };
  if (code.size() != 6) {
    std::string reason = "a region code has 6 digits, this one has ";
    return invalid(reason.append(std::to_string(code.size())).append(" characters"));
  }
  for (char c : code) {
    if (c < '0' || c > '9') return invalid("a region code has only digits");
  }
  if (FindProvince(code) == nullptr) {
    return invalid(Quoted(code.substr(0, 2)) + " is not a province-level code");
  }
  return Status::Ok();
}

std::optional<std::string_view> ProvinceName(std::string_view code) {
  const Province* p = FindProvince(code);
  if (p == nullptr) return std::nullopt;
  return p->name;
}

std::string_view ProvinceNameEn(std::string_view code) {
  const Province* p = FindProvince(code);
  return p == nullptr ? std::string_view() : p->name_en;
}

}  // namespace kc
