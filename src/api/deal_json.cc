#include "api/deal_json.h"

#include "api/json_io.h"
#include "api/schemas.h"
#include "core/iso_time.h"

namespace kc::api {

using nlohmann::json;

namespace {

json OrgRef(const Org& o) {
  return {{"id", o.id}, {"name", o.name}, {"type", OrgTypeName(o.type)}};
}

json OptId(const std::optional<int64_t>& id) { return id ? json(*id) : json(nullptr); }

// A contract's fields, as a schema's properties.
json ContractProperties() {
  using namespace schema;
  return {{"type", Str()}, {"amount_cny", Int()}, {"signed_on", Str()}, {"registration_no", Str()}};
}

}  // namespace

json ContractJson(const Contract& c) {
  return {{"type", ContractTypeName(c.type)},
          {"amount_cny", c.amount_cny},
          {"signed_on", c.signed_on},
          {"registration_no", c.registration_no},
          {"recorded_at", IsoTime(c.recorded_at)}};
}

json DealJson(const DealView& v) {
  const Deal& d = v.deal;
  // A talent engagement names its listings as talent_demand_id and talent_id (docs/talent.md).
  const bool talent = d.kind == DealKind::kTalent;
  const std::optional<int64_t> none;
  json j = {{"id", d.id},
            {"title", d.title},
            {"kind", DealKindName(d.kind)},
            {"stage", DealStageName(d.stage)},
            {"demand_id", OptId(talent ? none : d.demand_id)},
            {"achievement_id", OptId(talent ? none : d.achievement_id)},
            {"talent_demand_id", OptId(talent ? d.demand_id : none)},
            {"talent_id", OptId(talent ? d.achievement_id : none)},
            {"call_id", OptId(d.call_id)},
            {"buyer", OrgRef(v.buyer)},
            {"seller", OrgRef(v.seller)},
            {"broker", v.broker ? OrgRef(*v.broker) : json(nullptr)},
            {"reason", d.reason ? json(DealReasonName(*d.reason)) : json(nullptr)},
            {"reason_note", d.reason_note},
            {"nda_passed", d.nda_passed},
            {"created_at", IsoTime(d.created_at)},
            {"updated_at", IsoTime(d.updated_at)},
            {"signed_at", IsoTime(d.signed_at)},
            {"registered_at", IsoTime(d.registered_at)},
            {"contract", v.contract ? ContractJson(*v.contract) : json(nullptr)}};
  // A binding step one side proposed, awaiting the other side's confirmation.
  if (d.proposed_stage) {
    j["pending"] = {{"stage", DealStageName(*d.proposed_stage)},
                    {"by_org_id", OptId(d.proposed_by_org)},
                    {"by_user_id", OptId(d.proposed_by)},
                    {"at", IsoTime(d.proposed_at)}};
  } else {
    j["pending"] = nullptr;
  }
  // An inquiry between nodes (docs/network.md §6).
  if (v.network) {
    j["network"] = {{"peer_id", v.network->peer_id}, {"node_name", v.network->node_name},
                    {"inquiry", v.network->inquiry}, {"pending", v.network->pending},
                    {"failed", v.network->failed},   {"last_error", v.network->last_error}};
  } else {
    j["network"] = nullptr;
  }
  json confidential = {{"exists", v.has_confidential}, {"visible", v.confidential.has_value()}};
  if (v.confidential) confidential["details"] = *v.confidential;
  j["confidential"] = confidential;
  if (!v.history.empty()) {
    json history = json::array();
    for (const auto& e : v.history) {
      json detail = json::parse(e.detail, nullptr, false);
      json entry = {
          {"at", IsoTime(e.at)},   {"actor_id", OptId(e.actor_id)},
          {"actor_name", nullptr}, {"actor_org_id", nullptr},
          {"action", e.action},    {"detail", detail.is_discarded() ? json::object() : detail}};
      if (e.actor_id) {
        if (auto a = v.actors.find(*e.actor_id); a != v.actors.end()) {
          entry["actor_name"] = a->second.name;
          entry["actor_org_id"] = OptId(a->second.org_id);
        }
      }
      history.push_back(std::move(entry));
    }
    j["history"] = history;
  }
  return j;
}

json DealSchema() {
  using namespace schema;
  json org = Obj({{"id", Int()}, {"name", Str()}, {"type", Str()}}, {"id", "name", "type"});
  auto stage = [] {
    return Enum({"intent", "nda", "negotiating", "signed", "registered", "completed", "declined",
                 "cancelled"});
  };
  return Obj(
      {{"id", Int()},
       {"title", Str()},
       {"kind", Enum({"technology", "talent"})},
       {"stage", stage()},
       {"demand_id", Nullable(Int())},
       {"achievement_id", Nullable(Int())},
       {"talent_demand_id", Nullable(Int())},
       {"talent_id", Nullable(Int())},
       {"call_id", Nullable(Int())},
       {"buyer", org},
       {"seller", org},
       {"broker", Nullable(org)},
       {"reason", Nullable(Str())},
       {"reason_note", Str()},
       {"nda_passed", Bool()},
       {"created_at", Time()},
       {"updated_at", Time()},
       {"signed_at", Time()},
       {"registered_at", Time()},
       {"contract", Nullable([] {
          json contract = ContractInputSchema();
          contract["properties"]["recorded_at"] = Time();
          return contract;
        }())},
       {"pending",
        {{"description", "a binding step one side proposed, awaiting the other's confirmation"},
         {"anyOf",
          {Obj({{"stage", stage()},
                {"by_org_id", Nullable(Int())},
                {"by_user_id", Nullable(Int())},
                {"at", Time()}},
               {"stage", "by_org_id", "by_user_id", "at"}),
           {{"type", "null"}}}}}},
       {"network",
        Nullable(Obj({{"peer_id", Int()},
                      {"node_name", Str()},
                      {"inquiry", Str()},
                      {"pending", Int()},
                      {"failed", Int()},
                      {"last_error", Str()}},
                     {"peer_id", "node_name", "inquiry", "pending", "failed", "last_error"}))},
       {"confidential",
        Obj({{"exists", Bool()}, {"visible", Bool()}, {"details", Str()}}, {"exists", "visible"})},
       {"history", ListOf(Obj({{"at", Time()},
                               {"actor_id", Nullable(Int())},
                               {"actor_name", Nullable(Str())},
                               {"actor_org_id", Nullable(Int())},
                               {"action", Str()},
                               {"detail", AnyObj()}},
                              {"at", "actor_id", "action", "detail"}))}},
      {"id", "title", "stage", "buyer", "seller", "broker", "pending", "confidential"});
}

json OpenDealInputSchema() {
  using namespace schema;
  return Obj({{"demand_id", Int()},
              {"achievement_id", Int()},
              {"talent_demand_id", Int()},
              {"talent_id", Int()},
              {"org_id", Int()},
              {"broker_org_id", Int()},
              {"title", Str()},
              {"note", Str()}});
}

Result<OpenDealRequest> ReadOpenDeal(const json& body) {
  OpenDealRequest r;
  std::optional<std::string> title, note;
  KC_RETURN_IF_ERROR(AllowOnly(body, {"demand_id", "achievement_id", "talent_demand_id",
                                      "talent_id", "org_id", "broker_org_id", "title", "note"}));
  KC_RETURN_IF_ERROR(OptInt(body, "demand_id", &r.demand_id));
  KC_RETURN_IF_ERROR(OptInt(body, "achievement_id", &r.achievement_id));
  KC_RETURN_IF_ERROR(OptInt(body, "talent_demand_id", &r.talent_demand_id));
  KC_RETURN_IF_ERROR(OptInt(body, "talent_id", &r.talent_id));
  KC_RETURN_IF_ERROR(OptInt(body, "org_id", &r.org_id));
  KC_RETURN_IF_ERROR(OptInt(body, "broker_org_id", &r.broker_org_id));
  KC_RETURN_IF_ERROR(OptString(body, "title", &title));
  KC_RETURN_IF_ERROR(OptString(body, "note", &note));
  r.title = title.value_or("");
  r.note = note.value_or("");
  return r;
}

json ContractInputSchema() {
  return schema::Obj(ContractProperties(), {"type", "amount_cny", "signed_on", "registration_no"});
}

Result<Contract> ReadContract(const json& body) {
  std::string type;
  std::optional<int64_t> amount;
  Contract c;
  KC_RETURN_IF_ERROR(AllowOnly(body, {"type", "amount_cny", "signed_on", "registration_no"}));
  KC_RETURN_IF_ERROR(RequireString(body, "type", &type));
  KC_RETURN_IF_ERROR(OptInt(body, "amount_cny", &amount));
  if (!amount) return Invalid("amount_cny", "required", "amount_cny is required");
  KC_RETURN_IF_ERROR(RequireString(body, "signed_on", &c.signed_on));
  KC_RETURN_IF_ERROR(RequireString(body, "registration_no", &c.registration_no));
  auto t = ContractTypeFromName(type);
  if (!t) {
    return Invalid("type", "invalid_type",
                   "type is development (技术开发), transfer (技术转让), license (技术许可), "
                   "consulting (技术咨询) or service (技术服务)");
  }
  c.type = *t;
  c.amount_cny = *amount;
  return c;
}

json MessageJson(const DealMessage& m) {
  return {{"id", m.id},
          {"author_id", m.author_id},
          {"author_name", m.author_name},
          {"text", m.text},
          {"created_at", IsoTime(m.created_at)}};
}

json MessageSchema() {
  using namespace schema;
  return Obj({{"id", Int()},
              {"author_id", Int()},
              {"author_name", Str()},
              {"text", Str()},
              {"created_at", Str()}});
}

json AttachmentJson(const DealAttachment& a) {
  return {{"id", a.id},
          {"file_name", a.file_name},
          {"content_type", a.content_type},
          {"size", a.size},
          {"uploader_id", a.uploader_id},
          {"created_at", IsoTime(a.created_at)},
          {"url",
           "/api/v1/deals/" + std::to_string(a.deal_id) + "/attachments/" + std::to_string(a.id)}};
}

json AttachmentSchema() {
  using namespace schema;
  return Obj({{"id", Int()},
              {"file_name", Str()},
              {"content_type", Str()},
              {"size", Int()},
              {"uploader_id", Int()},
              {"created_at", Str()},
              {"url", Str()}});
}

}  // namespace kc::api
