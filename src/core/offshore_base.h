// 海外人才离岸创新创业基地: an offshore innovation base — a place abroad where overseas talent
// starts projects with a Chinese partner before (or instead of) moving them to China. A base has
// a host country and city, a host organisation, focus fields from the taxonomy, the services it
// offers, a contact and a status; it hosts projects (the platform's listings) and people.
// docs/bases.md describes the directory.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/listing.h"
#include "core/status.h"

namespace kc {

// draft: seen only by those who maintain the base; published: in the public directory;
// closed: no longer operating, still public (marked as closed).
enum class BaseStatus { kDraft, kPublished, kClosed };
std::string_view BaseStatusName(BaseStatus status);  // "draft", "published", "closed"
std::optional<BaseStatus> BaseStatusFromName(std::string_view name);

// The services a base offers, one vocabulary (the web words them in both languages).
inline constexpr std::string_view kBaseServices[] = {
    "incubation",   "office_space", "legal",       "finance",  "talent_recruitment",
    "market_entry", "ip_services",  "matchmaking", "training", "visa_support"};
bool IsBaseService(std::string_view name);

// A base. `org_id` is the platform organisation that runs it: its org admins maintain the base
// with the platform admins (service/offshore_base_policy.h). `host_name` is the host organisation
// as it is shown (e.g. a university abroad), which need not be an organisation of the platform.
struct OffshoreBase {
  int64_t id = 0;
  std::string name;
  std::string name_en;
  std::string country;  // ISO 3166-1 alpha-2 ("DE")
  std::string city;
  std::optional<int64_t> org_id;
  std::string host_name;
  std::vector<std::string> fields;    // taxonomy names: 门类 or 一级学科, Chinese
  std::vector<std::string> services;  // from kBaseServices
  std::string description;
  Contact contact;
  std::string website;      // http(s)://… or empty
  std::string established;  // YYYY or empty
  BaseStatus status = BaseStatus::kDraft;
  int64_t created_by = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// A person at a base, named in free text for now: a founder, a resident researcher, a mentor.
struct BasePerson {
  int64_t id = 0;
  int64_t base_id = 0;
  std::string name;
  std::string role;
  int position = 0;  // display order
};

// A project a base hosts: one of the platform's listings (a demand, an achievement or an
// expert), with an optional note ("孵化中", "incubated 2024").
struct BaseProject {
  int64_t base_id = 0;
  int64_t listing_id = 0;
  std::string note;
  int position = 0;
};

// Checks and normalises a base: trims the text fields; maps focus fields given by code or
// English name to their Chinese names and drops repeats; drops repeated services. Returns
// Invalid naming the first bad field: "name" (required, ≤ 100 characters), "name_en" (≤ 200),
// "country" (invalid_country), "city" (required, ≤ 60), "host_name" (≤ 200), "fields"
// (unknown_focus_field, too_many_focus_fields: at most 10), "services" (unknown_service),
// "description" (≤ 5000), "website" (invalid_url), "established" (invalid_date: YYYY).
Status ValidateOffshoreBase(OffshoreBase& base);

// Checks a person: a name (≤ 100 characters) and a role (≤ 60, may be empty).
Status ValidateBasePerson(BasePerson& person);

// Checks a project's note (≤ 200 characters).
Status ValidateBaseProject(BaseProject& project);

}  // namespace kc
