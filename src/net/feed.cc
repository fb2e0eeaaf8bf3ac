#include "net/feed.h"

#include <ctime>
#include <map>
#include <nlohmann/json.hpp>

#include "core/iso_time.h"
#include "core/utf8.h"
#include "service/listing_json.h"

namespace kc::net {

namespace {

using json = nlohmann::json;

// Limits on what a partner's page may hold (code points), kept generous: a page is at most
// kMaxFeedLimit entries and the fetch caps the bytes.
constexpr size_t kMaxTitle = 500;
constexpr size_t kMaxBody = 50000;
constexpr size_t kMaxShort = 200;  // category, discipline, region, org name, an expert's fields
constexpr size_t kMaxList = 50;    // items of a list
constexpr size_t kMaxUrl = 2000;

// "zh-CN" when the title or the start of the body has Han characters, else "en".
std::string LanguageOf(const Listing& l) {
  const std::string text = l.title + Utf8Prefix(l.body, 200);
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0xE4 && c <= 0xE9) return "zh-CN";  // U+4000..U+9FFF, the CJK ideographs
  }
  return "en";
}

// "YYYY-MM-DDTHH:MM:SSZ" → UNIX seconds; -1 otherwise.
int64_t ParseUtc(const std::string& s) {
  std::tm tm{};
  char z = 0;
  if (s.size() != 20 ||
      std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &z) != 7 ||
      z != 'Z') {
    return -1;
  }
  const std::tm asked = tm;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  const auto t = static_cast<int64_t>(timegm(&tm));
  // timegm normalises 31 February to 3 March: refuse what it had to move.
  if (tm.tm_mday != asked.tm_mday || tm.tm_hour != asked.tm_hour || tm.tm_min != asked.tm_min ||
      tm.tm_sec != asked.tm_sec) {
    return -1;
  }
  return t;
}

Status Bad(const std::string& where, const std::string& why) {
  return BadInput("bad_feed", where + ": " + why, where);
}

Status ReadText(const json& obj, const char* key, size_t max, const std::string& where,
                std::string* out, bool required = false) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    return required ? Bad(where + "." + key, "missing") : Status::Ok();
  }
  if (!it->is_string()) return Bad(where + "." + key, "not a string");
  *out = it->get<std::string>();
  if (!IsValidUtf8(*out) || Utf8Length(*out) > max) {
    return Bad(where + "." + key, "not UTF-8 or too long");
  }
  return Status::Ok();
}

Status ReadList(const json& obj, const char* key, const std::string& where,
                std::vector<std::string>* out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Status::Ok();
  if (!it->is_array() || it->size() > kMaxList) return Bad(where + "." + key, "not a short list");
  for (const auto& v : *it) {
    if (!v.is_string()) return Bad(where + "." + key, "not a list of strings");
    std::string s = v.get<std::string>();
    if (!IsValidUtf8(s) || Utf8Length(s) > kMaxShort) return Bad(where + "." + key, "too long");
    out->push_back(std::move(s));
  }
  return Status::Ok();
}

// `s` within `max` characters as served (with "…" when cut, counted in).
std::string Within(const std::string& s, size_t max) { return Utf8Prefix(s, max - 1); }
std::string Short(const std::string& s) {
  return Utf8Length(s) <= kMaxShort ? s : Within(s, kMaxShort);
}

// A list as served: at most kMaxList items, each within kMaxShort.
json ShortList(const std::vector<std::string>& items) {
  json out = json::array();
  for (size_t i = 0; i < items.size() && i < kMaxList; ++i) out.push_back(Short(items[i]));
  return out;
}

// The listing's fields cut to the limits ParseFeedPage enforces, so that no listing this node
// accepted can make a partner refuse the whole page.
json ListingJson(const FeedEntry& e) {
  const Listing& l = e.listing;
  json j = {{"title", Utf8Length(l.title) <= kMaxTitle ? l.title : Within(l.title, kMaxTitle)},
            {BodyField(l.kind), Utf8Length(l.body) <= kMaxBody ? l.body : Within(l.body, kMaxBody)},
            {"keywords", ShortList(l.keywords)},
            {"category", Short(l.category)},
            {"discipline", Short(l.discipline)},
            {"region", Short(l.region)},
            {"country", e.country},
            {"language", e.language},
            {"org_name", Short(l.origin_org_name)},
            {"url", l.origin_url}};
  switch (l.kind) {
    case ListingKind::kDemand:
      j["cooperation_modes"] = ShortList(l.cooperation_modes);
      break;
    case ListingKind::kAchievement:
      j["maturity"] = l.maturity ? json(*l.maturity) : json(nullptr);
      j["transfer_modes"] = ShortList(l.transfer_modes);
      j["inventors"] = ShortList(l.inventors);
      break;
    case ListingKind::kExpert:
      j["rank"] = Short(l.rank);
      j["affiliation"] = Short(l.affiliation);
      j["disciplines"] = ShortList(l.disciplines);
      break;
    case ListingKind::kTalent:  // never shared (IsShared)
    case ListingKind::kTalentDemand:
      break;
  }
  return j;
}

Result<FeedEntry> ParseEntry(const json& e, const std::string& where, std::string_view base_url) {
  if (!e.is_object()) return Bad(where, "not an object");
  FeedEntry out;
  auto seq = e.find("seq");
  if (seq == e.end() || !seq->is_number_integer() || seq->get<int64_t>() <= 0) {
    return Bad(where + ".seq", "not a positive integer");
  }
  out.seq = seq->get<int64_t>();
  auto op = e.find("op");
  if (op == e.end() || !op->is_string() || (*op != "upsert" && *op != "delete")) {
    return Bad(where + ".op", "neither upsert nor delete");
  }
  out.deleted = *op == "delete";
  auto id = e.find("id");
  if (id == e.end() || !id->is_string() || !IsOriginId(id->get<std::string>())) {
    return Bad(where + ".id", "not an id of 1 to 64 letters, digits, _ or -");
  }
  out.id = id->get<std::string>();
  if (out.deleted) return out;

  auto kind_it = e.find("kind");
  std::optional<ListingKind> kind;
  if (kind_it != e.end() && kind_it->is_string()) kind = KindFromName(kind_it->get<std::string>());
  // Talent listings stay on their own node (docs/talent.md): the feed carries none.
  if (!kind || IsTalentKind(*kind))
    return Bad(where + ".kind", "not demand, achievement or expert");
  Listing& l = out.listing;
  l.kind = *kind;
  std::string updated;
  KC_RETURN_IF_ERROR(ReadText(e, "updated_at", 30, where, &updated, true));
  l.updated_at = ParseUtc(updated);
  if (l.updated_at < 0) return Bad(where + ".updated_at", "not YYYY-MM-DDTHH:MM:SSZ");
  auto lj = e.find("listing");
  if (lj == e.end() || !lj->is_object()) return Bad(where + ".listing", "missing");
  const std::string at = where + ".listing";
  KC_RETURN_IF_ERROR(ReadText(*lj, "title", kMaxTitle, at, &l.title, true));
  if (l.title.empty()) return Bad(at + ".title", "empty");
  KC_RETURN_IF_ERROR(ReadText(*lj, BodyField(l.kind), kMaxBody, at, &l.body));
  KC_RETURN_IF_ERROR(ReadList(*lj, "keywords", at, &l.keywords));
  KC_RETURN_IF_ERROR(ReadText(*lj, "category", kMaxShort, at, &l.category));
  KC_RETURN_IF_ERROR(ReadText(*lj, "discipline", kMaxShort, at, &l.discipline));
  KC_RETURN_IF_ERROR(ReadText(*lj, "region", kMaxShort, at, &l.region));
  KC_RETURN_IF_ERROR(ReadText(*lj, "country", 2, at, &out.country));
  KC_RETURN_IF_ERROR(ReadText(*lj, "language", 35, at, &out.language));
  KC_RETURN_IF_ERROR(ReadText(*lj, "org_name", kMaxShort, at, &l.origin_org_name));
  KC_RETURN_IF_ERROR(ReadText(*lj, "url", kMaxUrl, at, &l.origin_url, true));
  // A copy links only into its origin: a page under the origin's base URL.
  const std::string prefix = std::string(base_url) + "/";
  if (l.origin_url.compare(0, prefix.size(), prefix) != 0) {
    return Bad(at + ".url", "not a page of the origin node");
  }
  switch (l.kind) {
    case ListingKind::kDemand:
      KC_RETURN_IF_ERROR(ReadList(*lj, "cooperation_modes", at, &l.cooperation_modes));
      break;
    case ListingKind::kAchievement: {
      auto m = lj->find("maturity");
      if (m != lj->end() && !m->is_null()) {
        if (!m->is_number_integer() || *m < 1 || *m > 9) {
          return Bad(at + ".maturity", "not a TRL from 1 to 9");
        }
        l.maturity = m->get<int>();
      }
      KC_RETURN_IF_ERROR(ReadList(*lj, "transfer_modes", at, &l.transfer_modes));
      KC_RETURN_IF_ERROR(ReadList(*lj, "inventors", at, &l.inventors));
      break;
    }
    case ListingKind::kExpert:
      KC_RETURN_IF_ERROR(ReadText(*lj, "rank", kMaxShort, at, &l.rank));
      KC_RETURN_IF_ERROR(ReadText(*lj, "affiliation", kMaxShort, at, &l.affiliation));
      KC_RETURN_IF_ERROR(ReadList(*lj, "disciplines", at, &l.disciplines));
      break;
    case ListingKind::kTalent:  // refused above
    case ListingKind::kTalentDemand:
      break;
  }
  return out;
}

}  // namespace

bool IsShared(const Listing& l, bool org_shared) {
  return !l.remote() && l.shared && org_shared && !l.demo && !IsTalentKind(l.kind) &&
         l.status == ListingStatus::kPublished && l.visibility == Visibility::kPublic;
}

Result<FeedPage> ReadFeed(StoreTx& tx, const std::string& node_id, const std::string& base_url,
                          int64_t after, int64_t limit) {
  if (limit < 1 || limit > kMaxFeedLimit) {
    return Invalid("limit", "invalid_limit", "limit is from 1 to 500");
  }
  if (after < 0) return Invalid("after", "invalid_cursor", "the cursor is a number from 0");
  // One more than asked tells whether more entries follow.
  auto changes = tx.net().FeedChanges(after, limit + 1);
  if (!changes.ok()) return changes.status();
  FeedPage page;
  page.node_id = node_id;
  page.more = static_cast<int64_t>(changes->size()) > limit;
  if (page.more) changes->pop_back();
  page.next = changes->empty() ? after : changes->back().seq;
  struct OrgFacts {
    bool shared = false;
    std::string name, country;
  };
  std::map<int64_t, OrgFacts> orgs;  // by id, read once per page
  for (const auto& ch : *changes) {
    FeedEntry e;
    e.seq = ch.seq;
    e.id = std::to_string(ch.listing_id);
    auto l = tx.GetListing(ch.listing_id);
    if (!l.ok() && l.status().kind() != ErrorKind::kNotFound) return l.status();
    if (l.ok()) {
      auto org = orgs.find(l->org_id);
      if (org == orgs.end()) {
        auto o = tx.GetOrg(l->org_id);
        if (!o.ok()) return o.status();
        org = orgs.emplace(l->org_id, OrgFacts{o->shared_to_network, o->name, o->country}).first;
      }
      if (IsShared(*l, org->second.shared)) {
        e.listing = std::move(*l);
        e.listing.origin_org_name = org->second.name;
        e.listing.origin_url =
            base_url + "/" + std::string(KindPlural(e.listing.kind)) + "/" + e.id;
        e.country = org->second.country;
        e.language = LanguageOf(e.listing);
        page.entries.push_back(std::move(e));
        continue;
      }
    }
    e.deleted = true;
    e.listing = Listing{};
    page.entries.push_back(std::move(e));
  }
  return page;
}

Result<FeedPage> FeedSource::Page(int64_t after, int64_t limit) {
  FeedPage page;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    auto p = ReadFeed(tx, node_id_, base_url_, after, limit);
    if (!p.ok()) return p.status();
    page = std::move(*p);
    return Status::Ok();
  }));
  return page;
}

std::string FeedPageJson(const FeedPage& page) {
  json entries = json::array();
  for (const auto& e : page.entries) {
    if (e.deleted) {
      entries.push_back({{"seq", e.seq}, {"op", "delete"}, {"id", e.id}});
    } else {
      entries.push_back({{"seq", e.seq},
                         {"op", "upsert"},
                         {"kind", KindName(e.listing.kind)},
                         {"id", e.id},
                         {"updated_at", IsoTime(e.listing.updated_at)},
                         {"listing", ListingJson(e)}});
    }
  }
  return json{{"node_id", page.node_id},
              {"entries", std::move(entries)},
              {"next", std::to_string(page.next)},
              {"more", page.more}}
      .dump();
}

Result<FeedPage> ParseFeedPage(std::string_view body, std::string_view node_id,
                               std::string_view base_url, int64_t after) {
  json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return Bad("page", "not a JSON object");
  FeedPage page;
  auto nid = j.find("node_id");
  if (nid == j.end() || !nid->is_string() || *nid != node_id) {
    return Bad("node_id", "not the peer's node id");
  }
  page.node_id = std::string(node_id);
  auto entries = j.find("entries");
  if (entries == j.end() || !entries->is_array() ||
      entries->size() > static_cast<size_t>(kMaxFeedLimit)) {
    return Bad("entries", "not a list of at most 500 entries");
  }
  int64_t last = after;
  for (size_t i = 0; i < entries->size(); ++i) {
    auto e = ParseEntry((*entries)[i], "entries[" + std::to_string(i) + "]", base_url);
    if (!e.ok()) return e.status();
    if (e->seq <= last) {
      return Bad("entries[" + std::to_string(i) + "].seq", "not after the previous entry");
    }
    last = e->seq;
    page.entries.push_back(std::move(*e));
  }
  auto next = j.find("next");
  if (next == j.end() || !next->is_string() || *next != std::to_string(last)) {
    return Bad("next", "not the last entry's seq");
  }
  page.next = last;
  auto more = j.find("more");
  if (more == j.end() || !more->is_boolean()) return Bad("more", "not true or false");
  page.more = more->get<bool>();
  // More after an empty page would have the puller ask the same page again forever.
  if (page.more && page.entries.empty()) return Bad("more", "true on an empty page");
  return page;
}

bool IsOriginId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
  }
  return true;
}

}  // namespace kc::net
