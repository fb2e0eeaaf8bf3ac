#include "api/deal_json.h"

#include "api/schemas.h"
#include "core/iso_time.h"

namespace kc::api {

using nlohmann::json;

namespace {

json OrgRef(const Org& o) {
  return {{"id", o.id}, {"name", o.name}, {"type", OrgTypeName(o.type)}};
}

json OptId(const std::optional<int64_t>& id) { return id ? json(*id) : json(nullptr); }

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
  json j = {{"id", d.id},
            {"title", d.title},
            {"stage", DealStageName(d.stage)},
            {"demand_id", OptId(d.demand_id)},
            {"achievement_id", OptId(d.achievement_id)},
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
       {"stage", stage()},
       {"demand_id", Nullable(Int())},
       {"achievement_id", Nullable(Int())},
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
       {"contract", Nullable(Obj({{"type", Str()},
                                  {"amount_cny", Int()},
                                  {"signed_on", Str()},
                                  {"registration_no", Str()},
                                  {"recorded_at", Time()}},
                                 {"type", "amount_cny", "signed_on", "registration_no"}))},
       {"pending",
        {{"description", "a binding step one side proposed, awaiting the other's confirmation"},
         {"anyOf",
          {Obj({{"stage", stage()},
                {"by_org_id", Nullable(Int())},
                {"by_user_id", Nullable(Int())},
                {"at", Time()}},
               {"stage", "by_org_id", "by_user_id", "at"}),
           {{"type", "null"}}}}}},
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

}  // namespace kc::api
