#include "service/listing_validation.h"

#include <algorithm>
#include <string>

#include "core/country_code.h"
#include "core/language_code.h"
#include "core/patent_number.h"
#include "core/region_code.h"
#include "core/taxonomy.h"
#include "core/text_field.h"
#include "core/trim.h"
#include "core/utf8.h"

namespace kc {

bool IsIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  int y = std::stoi(std::string(s.substr(0, 4)));
  int m = std::stoi(std::string(s.substr(5, 2)));
  int d = std::stoi(std::string(s.substr(8, 2)));
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  return d <= max;
}

namespace {

Status CheckBody(const std::string& field, std::string& v, size_t max, bool required) {
  v = Trim(v);
  if (required && v.empty()) return Invalid(field, "required", field + " is required");
  if (!IsValidUtf8(v)) return Invalid(field, "invalid_utf8", field + " is not valid UTF-8");
  if (v.find('\0') != std::string::npos) {
    return Invalid(field, "invalid_text", field + " holds a NUL character");
  }
  if (Utf8Length(v) > max) {
    return Invalid(field, "too_long",
                   field + " has more than " + std::to_string(max) + " characters");
  }
  return Status::Ok();
}

Status CheckList(const std::string& field, std::vector<std::string>& items, size_t max_items,
                 size_t max_chars) {
  std::vector<std::string> out;
  for (auto& item : items) {
    KC_RETURN_IF_ERROR(CheckTextField(field, item, max_chars, false));
    if (!item.empty() && std::find(out.begin(), out.end(), item) == out.end()) {
      out.push_back(item);
    }
  }
  if (out.size() > max_items) {
    return Invalid(field, "too_many",
                   field + " has more than " + std::to_string(max_items) + " items");
  }
  items = std::move(out);
  return Status::Ok();
}

// Removes later copies of equal items, keeping the order (after normalisation made them equal).
void Deduplicate(std::vector<std::string>& items) {
  std::vector<std::string> out;
  for (auto& item : items) {
    if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(std::move(item));
  }
  items = std::move(out);
}

Status CheckModes(const std::string& field, std::vector<std::string>& modes) {
  KC_RETURN_IF_ERROR(CheckList(field, modes, 8, 40));
  for (const auto& m : modes) {
    if (!IsCooperationMode(m)) {
      return Invalid(field, "invalid_mode",
                     "unknown mode '" + m +
                         "'; use transfer, license, joint_development, "
                         "commissioned_development, consulting, talent, equity or other");
    }
  }
  return Status::Ok();
}

// Talent and talent demand (docs/talent.md): what is sought or offered, the kind of talent,
// the languages.
Status CheckTalentFields(Listing& l, const std::string& modes_field) {
  KC_RETURN_IF_ERROR(CheckList(modes_field, l.talent_modes, 3, 20));
  for (const auto& m : l.talent_modes) {
    if (!IsTalentMode(m)) {
      return Invalid(modes_field, "invalid_talent_mode",
                     "unknown value '" + m + "'; use post, partner or funding");
    }
  }
  Deduplicate(l.talent_modes);
  KC_RETURN_IF_ERROR(CheckTextField("talent_type", l.talent_type, 20, false));
  if (!l.talent_type.empty() && !IsTalentType(l.talent_type)) {
    return Invalid("talent_type", "invalid_talent_type",
                   "talent_type is overseas, returnee or domestic");
  }
  KC_RETURN_IF_ERROR(CheckList("languages", l.languages, 10, 10));
  for (auto& code : l.languages) {
    std::transform(code.begin(), code.end(), code.begin(),
                   [](unsigned char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; });
    KC_RETURN_IF_ERROR(ValidateLanguageCode(code));
  }
  Deduplicate(l.languages);
  return Status::Ok();
}

// Disciplines given by name, code or English name, stored by their Chinese name.
Status CheckDisciplines(std::vector<std::string>& disciplines) {
  KC_RETURN_IF_ERROR(CheckList("disciplines", disciplines, 10, 60));
  const Taxonomy& t = Taxonomy::Get();
  for (auto& d : disciplines) {
    if (auto c = t.CanonicalDiscipline(d)) d = *c;
    if (!t.HasDiscipline(d)) {
      return Invalid("disciplines", "unknown_discipline", "unknown discipline: " + d);
    }
  }
  Deduplicate(disciplines);
  return Status::Ok();
}

Status CheckMoney(const std::string& field, const MoneyRange& m) {
  if ((m.min_cny && *m.min_cny < 0) || (m.max_cny && *m.max_cny < 0)) {
    return Invalid(field, "invalid_amount", field + " cannot be negative");
  }
  if (m.min_cny && m.max_cny && *m.min_cny > *m.max_cny) {
    return Invalid(field, "invalid_range", field + ": min_cny is above max_cny");
  }
  return Status::Ok();
}

Status CheckTaxonomy(Listing& l) {
  const Taxonomy& t = Taxonomy::Get();
  if (!l.category.empty()) {
    if (auto c = t.CanonicalCategory(l.category)) l.category = *c;
  }
  if (!l.discipline.empty()) {
    if (auto d = t.CanonicalDiscipline(l.discipline)) l.discipline = *d;
  }
  if (l.category.empty() && !l.discipline.empty()) {
    if (auto c = t.CategoryOf(l.discipline)) l.category = std::string(*c);
  }
  return t.Validate(l.category, l.discipline);
}

Status CheckContactFields(Contact& c) {
  KC_RETURN_IF_ERROR(CheckTextField("contact.name", c.name, 50, false));
  KC_RETURN_IF_ERROR(CheckTextField("contact.phone", c.phone, 40, false));
  KC_RETURN_IF_ERROR(CheckTextField("contact.email", c.email, 254, false));
  for (char ch : c.phone) {
    if (!((ch >= '0' && ch <= '9') || ch == '+' || ch == '-' || ch == ' ' || ch == '(' ||
          ch == ')' || ch == '#')) {
      return Invalid("contact.phone", "invalid_phone", "a phone number uses digits, + - ( ) #");
    }
  }
  if (!c.email.empty() && c.email.find('@') == std::string::npos) {
    return Invalid("contact.email", "invalid_email", "not an e-mail address");
  }
  return Status::Ok();
}

Status CheckKindFields(Listing& l) {
  switch (l.kind) {
    case ListingKind::kDemand:
      KC_RETURN_IF_ERROR(CheckBody("description", l.body, 20000, true));
      KC_RETURN_IF_ERROR(CheckMoney("budget", l.budget));
      if (!l.deadline.empty() && !IsIsoDate(l.deadline)) {
        return Invalid("deadline", "invalid_date", "deadline must be a date as YYYY-MM-DD");
      }
      return CheckModes("cooperation_modes", l.cooperation_modes);
    case ListingKind::kAchievement:
      KC_RETURN_IF_ERROR(CheckBody("abstract", l.body, 20000, true));
      if (l.maturity && (*l.maturity < 1 || *l.maturity > 9)) {
        return Invalid("maturity", "invalid_maturity", "maturity is a TRL from 1 to 9");
      }
      KC_RETURN_IF_ERROR(CheckList("patents", l.patents, 50, 40));
      for (auto& p : l.patents) {
        KC_RETURN_IF_ERROR(ValidatePatentNumber(p, "patents"));
        p = NormalizePatentNumber(p);
      }
      Deduplicate(l.patents);
      KC_RETURN_IF_ERROR(CheckModes("transfer_modes", l.transfer_modes));
      KC_RETURN_IF_ERROR(CheckMoney("price", l.price));
      return CheckList("inventors", l.inventors, 50, 50);
    case ListingKind::kExpert: {
      KC_RETURN_IF_ERROR(CheckBody("bio", l.body, 10000, false));
      KC_RETURN_IF_ERROR(CheckTextField("title", l.rank, 50, false));
      KC_RETURN_IF_ERROR(CheckTextField("affiliation", l.affiliation, 200, false));
      KC_RETURN_IF_ERROR(CheckDisciplines(l.disciplines));
      if (l.discipline.empty() && !l.disciplines.empty()) l.discipline = l.disciplines.front();
      return Status::Ok();
    }
    case ListingKind::kTalent: {
      KC_RETURN_IF_ERROR(CheckBody("bio", l.body, 10000, false));
      KC_RETURN_IF_ERROR(CheckTextField("name", l.person_name, 50, true));
      KC_RETURN_IF_ERROR(CheckTextField("rank", l.rank, 50, false));
      KC_RETURN_IF_ERROR(CheckTextField("affiliation", l.affiliation, 200, false));
      KC_RETURN_IF_ERROR(CheckDisciplines(l.disciplines));
      if (l.discipline.empty() && !l.disciplines.empty()) l.discipline = l.disciplines.front();
      l.country = Trim(l.country);
      if (!l.country.empty()) {
        std::transform(l.country.begin(), l.country.end(), l.country.begin(),
                       [](unsigned char c) { return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c; });
        KC_RETURN_IF_ERROR(ValidateCountryCode(l.country));
      }
      return CheckTalentFields(l, "seeking");
    }
    case ListingKind::kTalentDemand:
      KC_RETURN_IF_ERROR(CheckBody("description", l.body, 20000, true));
      KC_RETURN_IF_ERROR(CheckMoney("budget", l.budget));
      if (!l.deadline.empty() && !IsIsoDate(l.deadline)) {
        return Invalid("deadline", "invalid_date", "deadline must be a date as YYYY-MM-DD");
      }
      return CheckTalentFields(l, "offers");
  }
  return Status::Ok();
}

}  // namespace

Status ValidateListing(Listing& l) {
  const std::string title_field = l.kind == ListingKind::kExpert ? "name" : "title";
  KC_RETURN_IF_ERROR(CheckTextField(title_field, l.title, 200, true));
  KC_RETURN_IF_ERROR(CheckTextField("ref", l.ref, 64, false));
  KC_RETURN_IF_ERROR(CheckList("keywords", l.keywords, 30, 200));
  KC_RETURN_IF_ERROR(CheckKindFields(l));
  KC_RETURN_IF_ERROR(CheckTaxonomy(l));
  if (!l.region.empty()) KC_RETURN_IF_ERROR(ValidateRegionCode(l.region));
  return ValidateContact(l.contact);
}

Status ValidateContact(Contact& c) { return CheckContactFields(c); }

}  // namespace kc
