#include "core/offshore_base.h"

#include <algorithm>

#include "core/country_code.h"
#include "core/taxonomy.h"
#include "core/text_field.h"
#include "core/trim.h"

namespace kc {

namespace {

constexpr size_t kMaxFields = 10;

// Drops repeats, keeping the first occurrence's place.
void Dedupe(std::vector<std::string>& v) {
  std::vector<std::string> out;
  for (auto& s : v) {
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  }
  v = std::move(out);
}

Status CheckFields(std::vector<std::string>& fields) {
  const Taxonomy& t = Taxonomy::Get();
  for (auto& f : fields) {
    f = Trim(f);
    if (auto d = t.CanonicalDiscipline(f)) {
      f = *d;
    } else if (auto c = t.CanonicalCategory(f)) {
      f = *c;
    } else {
      return Invalid("fields", "unknown_focus_field",
                     "not a category or discipline of the taxonomy");
    }
  }
  Dedupe(fields);
  if (fields.size() > kMaxFields) {
    return Invalid("fields", "too_many_focus_fields", "at most 10 focus fields");
  }
  return Status::Ok();
}

Status CheckWebsite(std::string& url) {
  KC_RETURN_IF_ERROR(CheckTextField("website", url, 300, false));
  if (url.empty()) return Status::Ok();
  bool scheme = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
  if (!scheme || url.find_first_of(" <>\"") != std::string::npos) {
    return Invalid("website", "invalid_url", "a website starts with http:// or https://");
  }
  return Status::Ok();
}

}  // namespace

std::string_view BaseStatusName(BaseStatus s) {
  switch (s) {
    case BaseStatus::kDraft:
      return "draft";
    case BaseStatus::kPublished:
      return "published";
    case BaseStatus::kClosed:
      return "closed";
  }
  return "draft";
}

std::optional<BaseStatus> BaseStatusFromName(std::string_view n) {
  if (n == "draft") return BaseStatus::kDraft;
  if (n == "published") return BaseStatus::kPublished;
  if (n == "closed") return BaseStatus::kClosed;
  return std::nullopt;
}

bool IsBaseService(std::string_view name) {
  return std::find(std::begin(kBaseServices), std::end(kBaseServices), name) !=
         std::end(kBaseServices);
}

Status ValidateOffshoreBase(OffshoreBase& b) {
  KC_RETURN_IF_ERROR(CheckTextField("name", b.name, 100, true));
  KC_RETURN_IF_ERROR(CheckTextField("name_en", b.name_en, 200, false));
  b.country = Trim(b.country);
  KC_RETURN_IF_ERROR(ValidateCountryCode(b.country));
  KC_RETURN_IF_ERROR(CheckTextField("city", b.city, 60, true));
  KC_RETURN_IF_ERROR(CheckTextField("host_name", b.host_name, 200, false));
  KC_RETURN_IF_ERROR(CheckFields(b.fields));
  for (auto& s : b.services) {
    s = Trim(s);
    if (!IsBaseService(s)) {
      return Invalid("services", "unknown_service", "not a service of the list");
    }
  }
  Dedupe(b.services);
  KC_RETURN_IF_ERROR(CheckTextField("description", b.description, 5000, false, true));
  KC_RETURN_IF_ERROR(CheckWebsite(b.website));
  b.established = Trim(b.established);
  if (!b.established.empty()) {
    bool year =
        b.established.size() == 4 && std::all_of(b.established.begin(), b.established.end(),
                                                 [](char c) { return c >= '0' && c <= '9'; });
    if (!year) return Invalid("established", "invalid_date", "established is a year, YYYY");
  }
  return Status::Ok();
}

Status ValidateBasePerson(BasePerson& p) {
  KC_RETURN_IF_ERROR(CheckTextField("name", p.name, 100, true));
  return CheckTextField("role", p.role, 60, false);
}

Status ValidateBaseProject(BaseProject& p) { return CheckTextField("note", p.note, 200, false); }

}  // namespace kc
