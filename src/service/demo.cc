#include "service/demo.h"

#include <map>
#include <nlohmann/json.hpp>

#include "core/json_lines.h"
#include "core/resources.h"
#include "service/listing_json.h"
#include "service/listings.h"
#include "service/orgs.h"

namespace kc {

namespace {

constexpr const char* kMetaKey = "demo_loaded";

Result<std::map<std::string, int64_t>> LoadOrgs(StoreTx& tx, int64_t now) {
  std::map<std::string, int64_t> ids;
  auto text = Resource("data/demo/orgs.jsonl");
  if (!text) return Internal("data/demo/orgs.jsonl is not embedded");
  for (const auto& line : SplitJsonLines(*text)) {
    auto j = nlohmann::json::parse(line.text);
    Org org;
    org.name = j.value("name", "");
    org.type = OrgTypeFromName(j.value("type", "")).value_or(OrgType::kEnterprise);
    org.region = j.value("region", "");
    org.country = j.value("country", "CN");
    org.credit_code = j.value("credit_code", "");
    org.description = j.value("description", "");
    org.website = j.value("website", "");
    org.demo = true;
    auto created = Orgs::CreateIn(tx, org, std::nullopt, now);
    if (!created.ok()) {
      return Internal("demo organisation on line " + std::to_string(line.line) + ": " +
                      created.status().message());
    }
    ids[j.value("key", "")] = created->id;
  }
  return ids;
}

Result<int> LoadListings(StoreTx& tx, const Actor& owner, ListingKind kind,
                         const std::map<std::string, int64_t>& orgs, int64_t now) {
  std::string path = "data/demo/" + std::string(KindPlural(kind)) + ".jsonl";
  auto text = Resource(path);
  if (!text) return Internal(path + " is not embedded");
  int n = 0;
  for (const auto& line : SplitJsonLines(*text)) {
    auto j = nlohmann::json::parse(line.text);
    auto org = orgs.find(j.value("org", ""));
    j.erase("org");
    auto listing = ListingFromJson(j, kind, JsonMode::kStrict);
    Status s = listing.status();
    if (s.ok() && org == orgs.end()) s = Invalid("org", "unknown_org", "unknown org key");
    if (s.ok()) {
      listing->org_id = org->second;
      listing->demo = true;
      s = Listings::CreateIn(tx, owner, std::move(*listing), true, now).status();
    }
    if (!s.ok()) {
      return Internal(path + " line " + std::to_string(line.line) + ": " + s.message() +
                      (s.field().empty() ? "" : " (" + s.field() + ")"));
    }
    ++n;
  }
  return n;
}

}  // namespace

Result<int> LoadDemo(Store& store, const Clock& clock, int64_t owner_id) {
  int total = 0;
  KC_RETURN_IF_ERROR(store.Write([&](StoreTx& tx) -> Status {
    auto done = tx.GetMeta(kMetaKey);
    if (!done.ok()) return done.status();
    if (done->has_value()) return Status::Ok();
    auto owner = tx.GetUser(owner_id);
    if (!owner.ok()) return owner.status();
    Actor actor = Actor::Of(*owner);
    const int64_t now = clock.Now();
    auto orgs = LoadOrgs(tx, now);
    if (!orgs.ok()) return orgs.status();
    for (auto kind : {ListingKind::kDemand, ListingKind::kAchievement, ListingKind::kExpert}) {
      auto n = LoadListings(tx, actor, kind, *orgs, now);
      if (!n.ok()) return n.status();
      total += *n;
    }
    return tx.SetMeta(kMetaKey, std::to_string(now));
  }));
  return total;
}

}  // namespace kc
