#include "api/peer_json.h"

#include "api/json_io.h"
#include "api/schemas.h"
#include "core/iso_time.h"

namespace kc::api {

namespace {

using json = nlohmann::json;

// A list of strings at `name`, when present; 422 "invalid_type" naming it for anything else.
Status OptStringList(const json& body, const char* name,
                     std::optional<std::vector<std::string>>* out) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return Status::Ok();
  if (!it->is_array() || it->size() > 100) {
    return Invalid(name, "invalid_type", std::string(name) + " must be a list of strings");
  }
  std::vector<std::string> items;
  for (const auto& v : *it) {
    if (!v.is_string()) {
      return Invalid(name, "invalid_type", std::string(name) + " must be a list of strings");
    }
    items.push_back(v.get<std::string>());
  }
  *out = std::move(items);
  return Status::Ok();
}

json StatusEnum() {
  json names = json::array();
  for (PeerStatus s : AllPeerStatuses()) names.push_back(PeerStatusName(s));
  return {{"type", "string"}, {"enum", names}};
}

}  // namespace

json PartnerJson(const Peer& p) {
  return {{"node_id", p.node_id},     {"name", p.name},           {"base_url", p.base_url},
          {"country", p.country},     {"languages", p.languages}, {"frameworks", p.frameworks},
          {"fingerprint", p.fingerprint}};
}

json PartnerSchema() {
  using namespace schema;
  return Obj({{"node_id", Str()},
              {"name", Str()},
              {"base_url", Str()},
              {"country", Str()},
              {"languages", StrList()},
              {"frameworks", StrList()},
              {"fingerprint", Str()}});
}

json PeerJson(const Peer& p) {
  json j = PartnerJson(p);
  j["id"] = p.id;
  j["public_key"] = p.public_key;
  j["status"] = PeerStatusName(p.status);
  j["incoming"] = p.incoming;
  j["feed_cursor"] = p.feed_cursor;
  j["synced_at"] = p.synced_at ? json(IsoTime(p.synced_at)) : json(nullptr);
  j["sync_error"] = p.sync_error;
  j["created_at"] = IsoTime(p.created_at);
  j["updated_at"] = IsoTime(p.updated_at);
  return j;
}

json PeerSchema() {
  using namespace schema;
  json s = PartnerSchema();
  s["properties"]["id"] = Int();
  s["properties"]["public_key"] = Str();
  s["properties"]["status"] = StatusEnum();
  s["properties"]["incoming"] = Bool();
  s["properties"]["feed_cursor"] = {
      {"type", "integer"}, {"description", "how far this node has pulled the peer's feed"}};
  s["properties"]["synced_at"] = Nullable(Time());
  s["properties"]["sync_error"] = {
      {"type", "string"}, {"description", "why the last pull failed; empty when it succeeded"}};
  s["properties"]["created_at"] = Time();
  s["properties"]["updated_at"] = Time();
  return s;
}

Result<NewPeer> ReadNewPeer(const json& body) {
  NewPeer p;
  std::optional<std::vector<std::string>> frameworks;
  KC_RETURN_IF_ERROR(AllowOnly(body, {"base_url", "fingerprint", "frameworks"}));
  KC_RETURN_IF_ERROR(RequireString(body, "base_url", &p.base_url));
  KC_RETURN_IF_ERROR(RequireString(body, "fingerprint", &p.fingerprint));
  KC_RETURN_IF_ERROR(OptStringList(body, "frameworks", &frameworks));
  p.frameworks = frameworks.value_or(std::vector<std::string>{});
  return p;
}

json NewPeerSchema() {
  using namespace schema;
  return Obj({{"base_url", Str()}, {"fingerprint", Str()}, {"frameworks", StrList()}},
             {"base_url", "fingerprint"});
}

Result<net::PeerChange> ReadPeerChange(const json& body) {
  net::PeerChange c;
  std::optional<std::string> status;
  KC_RETURN_IF_ERROR(AllowOnly(body, {"status", "country", "frameworks"}));
  KC_RETURN_IF_ERROR(OptString(body, "status", &status));
  KC_RETURN_IF_ERROR(OptString(body, "country", &c.country));
  KC_RETURN_IF_ERROR(OptStringList(body, "frameworks", &c.frameworks));
  if (status) {
    c.status = PeerStatusFromName(*status);
    if (!c.status) {
      return Invalid("status", "invalid_status", "requested, active, suspended or removed");
    }
  }
  return c;
}

json PeerChangeSchema() {
  using namespace schema;
  return Obj({{"status", StatusEnum()}, {"country", Str()}, {"frameworks", StrList()}});
}

}  // namespace kc::api
