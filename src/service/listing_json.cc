#include "service/listing_json.h"

#include <set>

#include "core/csv.h"
#include "core/iso_time.h"
#include "core/region_code.h"
#include "core/utf8.h"
#include "service/listing_validation.h"
#include "store/records.h"

namespace kc {

using nlohmann::json;

const char* BodyField(ListingKind kind) {
  switch (kind) {
    case ListingKind::kDemand:
      return "description";
    case ListingKind::kAchievement:
      return "abstract";
    case ListingKind::kExpert:
    case ListingKind::kTalent:
      return "bio";
    case ListingKind::kTalentDemand:
      return "description";
  }
  return "description";
}

namespace {

Status WrongType(const std::string& field, const char* expected) {
  return Invalid(field, "invalid_type", field + " must be " + expected);
}

Status ReadString(const json& v, const std::string& field, std::string* out) {
  if (v.is_null()) {
    out->clear();
    return Status::Ok();
  }
  if (!v.is_string()) return WrongType(field, "a string");
  *out = v.get<std::string>();
  return Status::Ok();
}

// An array of strings; in lenient mode also a string "a; b; c" (CSV cells).
Status ReadList(const json& v, const std::string& field, JsonMode mode,
                std::vector<std::string>* out) {
  out->clear();
  if (v.is_null()) return Status::Ok();
  if (v.is_string() && mode == JsonMode::kLenient) {
    *out = SplitListField(v.get<std::string>());
    return Status::Ok();
  }
  if (!v.is_array()) return WrongType(field, "an array of strings");
  for (const auto& e : v) {
    if (!e.is_string()) return WrongType(field, "an array of strings");
    out->push_back(e.get<std::string>());
  }
  return Status::Ok();
}

Status ReadInt(const json& v, const std::string& field, std::optional<int64_t>* out) {
  if (v.is_null()) {
    out->reset();
    return Status::Ok();
  }
  if (v.is_number_integer() || v.is_number_unsigned()) {
    if (v.is_number_unsigned() && v.get<uint64_t>() > INT64_MAX) {
      return Invalid(field, "out_of_range", field + " is too large");
    }
    *out = v.get<int64_t>();
    return Status::Ok();
  }
  if (v.is_number_float()) {
    double d = v.get<double>();
    if (d != static_cast<double>(static_cast<int64_t>(d))) return WrongType(field, "an integer");
    *out = static_cast<int64_t>(d);
    return Status::Ok();
  }
  return WrongType(field, "an integer");
}

// {"min_cny":…, "max_cny":…} or {"negotiable":true} or "面议"/"negotiable" or null.
Status ReadMoney(const json& v, const std::string& field, MoneyRange* out) {
  *out = MoneyRange{};
  if (v.is_null()) return Status::Ok();
  if (v.is_string()) {
    std::string s = v.get<std::string>();
    if (s == "面议" || s == "negotiable" || s.empty()) return Status::Ok();
    return Invalid(field, "invalid_type",
                   field + " must be an object {min_cny, max_cny} or \"面议\"");
  }
  if (v.is_number()) {
    std::optional<int64_t> n;
    KC_RETURN_IF_ERROR(ReadInt(v, field, &n));
    out->min_cny = out->max_cny = n;
    return Status::Ok();
  }
  if (!v.is_object()) return WrongType(field, "an object {min_cny, max_cny, negotiable}");
  for (const auto& [k, x] : v.items()) {
    if (k == "min_cny") {
      KC_RETURN_IF_ERROR(ReadInt(x, field + ".min_cny", &out->min_cny));
    } else if (k == "max_cny") {
      KC_RETURN_IF_ERROR(ReadInt(x, field + ".max_cny", &out->max_cny));
    } else if (k == "negotiable") {
      if (!x.is_boolean()) return WrongType(field + ".negotiable", "true or false");
    } else {
      return BadInput("unknown_field", "unknown field " + field + "." + k, field + "." + k);
    }
  }
  if (v.contains("negotiable") && v["negotiable"] == true && (out->min_cny || out->max_cny)) {
    return Invalid(field, "invalid_range", field + " is negotiable or has amounts, not both");
  }
  return Status::Ok();
}

// Reads one field into the listing; returns false in `known` when the kind has no such field.
Status ReadField(const std::string& k, const json& v, ListingKind kind, JsonMode mode, Listing& l,
                 bool* known) {
  *known = true;
  const bool demand = kind == ListingKind::kDemand;
  const bool achievement = kind == ListingKind::kAchievement;
  const bool expert = kind == ListingKind::kExpert;
  const bool talent = kind == ListingKind::kTalent;
  const bool talent_demand = kind == ListingKind::kTalentDemand;
  if (k == "ref") return ReadString(v, k, &l.ref);
  if (k == "org_id") {
    std::optional<int64_t> id;
    KC_RETURN_IF_ERROR(ReadInt(v, k, &id));
    l.org_id = id.value_or(0);
    return Status::Ok();
  }
  if ((k == "title" && !expert) || (k == "name" && expert)) return ReadString(v, k, &l.title);
  if (k == BodyField(kind)) return ReadString(v, k, &l.body);
  if (k == "keywords") return ReadList(v, k, mode, &l.keywords);
  if (k == "category") return ReadString(v, k, &l.category);
  if (k == "discipline") return ReadString(v, k, &l.discipline);
  if (k == "region") {
    if (v.is_number_integer()) {
      l.region = std::to_string(v.get<int64_t>());
      return Status::Ok();
    }
    return ReadString(v, k, &l.region);
  }
  if (k == "visibility") {
    std::string s;
    KC_RETURN_IF_ERROR(ReadString(v, k, &s));
    auto vis = VisibilityFromName(s.empty() ? "public" : s);
    if (!vis) return Invalid(k, "invalid_visibility", "visibility is public or members");
    l.visibility = *vis;
    return Status::Ok();
  }
  if (k == "contact") return ReadContact(v, &l.contact);
  if ((demand || talent_demand) && k == "budget") return ReadMoney(v, k, &l.budget);
  if ((demand || talent_demand) && k == "deadline") return ReadString(v, k, &l.deadline);
  if (demand && k == "cooperation_modes") return ReadList(v, k, mode, &l.cooperation_modes);
  if (achievement && k == "maturity") {
    std::optional<int64_t> m;
    KC_RETURN_IF_ERROR(ReadInt(v, k, &m));
    if (m && (*m < 1 || *m > 9)) {
      return Invalid(k, "invalid_maturity", "maturity is a TRL from 1 to 9");
    }
    l.maturity = m ? std::optional<int>(static_cast<int>(*m)) : std::nullopt;
    return Status::Ok();
  }
  if (achievement && k == "patents") return ReadList(v, k, mode, &l.patents);
  if (achievement && k == "transfer_modes") return ReadList(v, k, mode, &l.transfer_modes);
  if (achievement && k == "price") return ReadMoney(v, k, &l.price);
  if (achievement && k == "inventors") return ReadList(v, k, mode, &l.inventors);
  if (expert && k == "title") return ReadString(v, k, &l.rank);
  if (expert && k == "affiliation") return ReadString(v, k, &l.affiliation);
  if (expert && k == "disciplines") return ReadList(v, k, mode, &l.disciplines);
  // Talent and talent demand (docs/talent.md).
  if (talent && k == "name") return ReadString(v, k, &l.person_name);
  if (talent && k == "rank") return ReadString(v, k, &l.rank);
  if (talent && k == "affiliation") return ReadString(v, k, &l.affiliation);
  if (talent && k == "disciplines") return ReadList(v, k, mode, &l.disciplines);
  if (talent && k == "country") return ReadString(v, k, &l.country);
  if (talent && k == "seeking") return ReadList(v, k, mode, &l.talent_modes);
  if (talent_demand && k == "offers") return ReadList(v, k, mode, &l.talent_modes);
  if ((talent || talent_demand) && k == "talent_type") return ReadString(v, k, &l.talent_type);
  if ((talent || talent_demand) && k == "languages") return ReadList(v, k, mode, &l.languages);
  if (k == "shared") {
    if (!v.is_boolean()) return WrongType(k, "true or false");
    l.shared = v.get<bool>();
    return Status::Ok();
  }
  *known = false;
  return Status::Ok();
}

// {"negotiable":true}, or the bounds given and "negotiable":false.
void WriteMoney(JsonWriter& w, const MoneyRange& m) {
  w.BeginObject();
  if (!m.negotiable()) {
    if (m.max_cny) w.Key("max_cny").Int(*m.max_cny);
    if (m.min_cny) w.Key("min_cny").Int(*m.min_cny);
  }
  w.Key("negotiable").Bool(m.negotiable()).EndObject();
}

json MoneyJson(const MoneyRange& m) {
  if (m.negotiable()) return json{{"negotiable", true}};
  json j = json::object();
  if (m.min_cny) j["min_cny"] = *m.min_cny;
  if (m.max_cny) j["max_cny"] = *m.max_cny;
  j["negotiable"] = false;
  return j;
}

}  // namespace

Status ReadContact(const json& v, Contact* out) {
  *out = Contact{};
  if (v.is_null()) return Status::Ok();
  if (!v.is_object()) return WrongType("contact", "an object {name, phone, email}");
  for (const auto& [k, x] : v.items()) {
    std::string* dst = k == "name"    ? &out->name
                       : k == "phone" ? &out->phone
                       : k == "email" ? &out->email
                                      : nullptr;
    if (!dst) return BadInput("unknown_field", "unknown field contact." + k, "contact." + k);
    KC_RETURN_IF_ERROR(ReadString(x, "contact." + k, dst));
  }
  return Status::Ok();
}

Result<Listing> ListingFromJson(const json& j, ListingKind kind, JsonMode mode,
                                std::vector<std::string>* ignored) {
  if (!j.is_object()) return BadInput("invalid_body", "the body must be a JSON object");
  Listing l;
  l.kind = kind;
  std::string id_as_ref;
  for (const auto& [k, v] : j.items()) {
    bool known = false;
    KC_RETURN_IF_ERROR(ReadField(k, v, kind, mode, l, &known));
    if (known) continue;
    if (mode == JsonMode::kLenient) {
      if (k == "id" && (v.is_string() || v.is_number_integer())) {
        id_as_ref = v.is_string() ? v.get<std::string>() : std::to_string(v.get<int64_t>());
      } else if (ignored) {
        ignored->push_back(k);
      }
      continue;
    }
    return BadInput("unknown_field", "unknown field: " + k, k);
  }
  if (l.ref.empty()) l.ref = id_as_ref;
  // A talent profile shows its details to members only unless its owner says otherwise.
  if (kind == ListingKind::kTalent && !j.contains("visibility"))
    l.visibility = Visibility::kMembers;
  return l;
}

json EditableJson(const Listing& l) {
  json j = {{"ref", l.ref},
            {"keywords", l.keywords},
            {"category", l.category},
            {"discipline", l.discipline},
            {"region", l.region},
            {"visibility", VisibilityName(l.visibility)},
            {"contact",
             {{"name", l.contact.name}, {"phone", l.contact.phone}, {"email", l.contact.email}}},
            {"shared", l.shared},
            {BodyField(l.kind), l.body}};
  switch (l.kind) {
    case ListingKind::kDemand:
      j["title"] = l.title;
      j["budget"] = MoneyJson(l.budget);
      j["deadline"] = l.deadline;
      j["cooperation_modes"] = l.cooperation_modes;
      break;
    case ListingKind::kAchievement:
      j["title"] = l.title;
      j["maturity"] = l.maturity ? json(*l.maturity) : json(nullptr);
      j["patents"] = l.patents;
      j["transfer_modes"] = l.transfer_modes;
      j["price"] = MoneyJson(l.price);
      j["inventors"] = l.inventors;
      break;
    case ListingKind::kExpert:
      j["name"] = l.title;
      j["title"] = l.rank;
      j["affiliation"] = l.affiliation;
      j["disciplines"] = l.disciplines;
      break;
    case ListingKind::kTalent:
      j["title"] = l.title;
      j["name"] = l.person_name;
      j["rank"] = l.rank;
      j["affiliation"] = l.affiliation;
      j["disciplines"] = l.disciplines;
      j["country"] = l.country;
      j["seeking"] = l.talent_modes;
      j["talent_type"] = l.talent_type;
      j["languages"] = l.languages;
      break;
    case ListingKind::kTalentDemand:
      j["title"] = l.title;
      j["budget"] = MoneyJson(l.budget);
      j["deadline"] = l.deadline;
      j["offers"] = l.talent_modes;
      j["talent_type"] = l.talent_type;
      j["languages"] = l.languages;
      break;
  }
  return j;
}

namespace {

// The full view (`full`) or the summary a list shows: the summary is the full view without the
// text, the contact and the kind's own fields (but an expert's name and affiliation, and what a
// talent listing seeks or offers). A talent's name and affiliation are for members, and their
// contact for their own organisation only: others reach them through the platform
// (docs/talent.md).
void WriteFields(JsonWriter& w, const Listing& l, const Org* org, ViewLevel level, bool full) {
  const bool demand = full && l.kind == ListingKind::kDemand;
  const bool achievement = full && l.kind == ListingKind::kAchievement;
  const bool expert = l.kind == ListingKind::kExpert;
  const bool talent = l.kind == ListingKind::kTalent;
  const bool talent_demand = l.kind == ListingKind::kTalentDemand;
  const bool member = level == ViewLevel::kMember || level == ViewLevel::kOwner;
  // A members-only listing seen by a visitor: the summary stays, the details go.
  const bool details = level != ViewLevel::kSummary;
  const bool contact =
      full && (talent ? level == ViewLevel::kOwner
                      : level != ViewLevel::kSummary && level != ViewLevel::kPublic);
  // Members in sorted order, as nlohmann::json::dump() writes them.
  w.BeginObject();
  if (achievement && details) w.Key("abstract").String(l.body);
  if (expert || (talent && full && member)) w.Key("affiliation").String(l.affiliation);
  if ((expert || talent) && full && details) w.Key("bio").String(l.body);
  if ((demand || (talent_demand && full)) && details) WriteMoney(w.Key("budget"), l.budget);
  w.Key("category").String(l.category);
  if (contact) {
    w.Key("contact").BeginObject();
    w.Key("email").String(l.contact.email).Key("name").String(l.contact.name);
    w.Key("phone").String(l.contact.phone).EndObject();
  }
  if (demand) w.Key("cooperation_modes").StringArray(l.cooperation_modes);
  if (talent) w.Key("country").String(l.country);
  w.Key("created_at").String(IsoTime(l.created_at));
  if ((demand || talent_demand) && details) w.Key("deadline").String(l.deadline);
  w.Key("demo").Bool(l.demo);
  if ((demand || (talent_demand && full)) && details) w.Key("description").String(l.body);
  if (!details) w.Key("details_hidden").Bool(true);
  w.Key("discipline").String(l.discipline);
  if ((expert || talent) && full) w.Key("disciplines").StringArray(l.disciplines);
  w.Key("expires_at").String(IsoTime(l.expires_at));
  w.Key("id").Int(l.id);
  if (achievement && details) w.Key("inventors").StringArray(l.inventors);
  w.Key("keywords").StringArray(l.keywords);
  if ((talent || talent_demand) && full) w.Key("languages").StringArray(l.languages);
  if (achievement) {
    w.Key("maturity");
    if (l.maturity) {
      w.Int(*l.maturity);
    } else {
      w.Null();
    }
  }
  if (expert) w.Key("name").String(l.title);
  if (talent && full && member) w.Key("name").String(l.person_name);
  if (talent_demand) w.Key("offers").StringArray(l.talent_modes);
  if (org) {
    w.Key("org").BeginObject();
    w.Key("id").Int(org->id).Key("name").String(org->name);
    w.Key("type").String(OrgTypeName(org->type));
    w.EndObject();
  }
  w.Key("org_id").Int(l.org_id);
  if (l.remote()) {  // a partner's listing (docs/network.md §4): where it comes from
    w.Key("origin").BeginObject();
    w.Key("id").String(l.origin_id).Key("org_name").String(l.origin_org_name);
    w.Key("peer_id").Int(l.origin_peer_id).Key("url").String(l.origin_url);
    w.EndObject();
  }
  if (achievement && details) w.Key("patents").StringArray(l.patents);
  if (achievement && details) WriteMoney(w.Key("price"), l.price);
  w.Key("published_at").String(IsoTime(l.published_at));
  if (talent) w.Key("rank").String(l.rank);
  w.Key("ref").String(l.ref);
  w.Key("region").String(l.region);
  if (auto p = ProvinceName(l.region)) w.Key("region_name").String(*p);
  if (level == ViewLevel::kOwner && l.status == ListingStatus::kRejected) {
    w.Key("reject_reason").String(l.reject_reason);
  }
  if (talent) w.Key("seeking").StringArray(l.talent_modes);
  if (!l.remote()) w.Key("shared").Bool(l.shared);
  w.Key("status").String(StatusName(l.status));
  w.Key("summary").String(Utf8Prefix(l.body, kSummaryChars));
  if (talent || talent_demand) w.Key("talent_type").String(l.talent_type);
  w.Key("title").String(expert ? l.rank : l.title);
  if (achievement) w.Key("transfer_modes").StringArray(l.transfer_modes);
  w.Key("type").String(KindName(l.kind));
  w.Key("updated_at").String(IsoTime(l.updated_at));
  w.Key("visibility").String(VisibilityName(l.visibility));
  w.EndObject();
}

json ParsedFields(const Listing& l, const Org* org, ViewLevel level, bool full) {
  JsonWriter w;
  WriteFields(w, l, org, level, full);
  return json::parse(w.text());
}

}  // namespace

void WriteListing(JsonWriter& w, const Listing& l, const Org* org, ViewLevel level) {
  WriteFields(w, l, org, level, /*full=*/true);
}

json ListingToJson(const Listing& l, const Org* org, ViewLevel level) {
  return ParsedFields(l, org, level, /*full=*/true);
}

void WriteListingSummary(JsonWriter& w, const Listing& l, const Org* org, ViewLevel level) {
  WriteFields(w, l, org, level, /*full=*/false);
}

json ListingSummaryJson(const Listing& l, const Org* org, ViewLevel level) {
  return ParsedFields(l, org, level, /*full=*/false);
}

}  // namespace kc
