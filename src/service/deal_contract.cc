// 技术合同登记 and the confidential details of achievements.
#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "service/audit.h"
#include "service/deal_notices.h"
#include "service/deals.h"
#include "service/listing_policy.h"
#include "service/listing_validation.h"

namespace kc {

namespace {

Status ValidateContract(const Contract& c) {
  if (c.amount_cny < 0) return Invalid("amount_cny", "invalid_amount", "the amount is ≥ 0 yuan");
  if (!IsIsoDate(c.signed_on)) {
    return Invalid("signed_on", "invalid_date", "signed_on is a date as YYYY-MM-DD");
  }
  const size_t n = Utf8Length(c.registration_no);
  if (c.registration_no.find_first_not_of(' ') == std::string::npos || n == 0 || n > 64) {
    return Invalid("registration_no", "required",
                   "the registration number (登记编号) is 1 to 64 characters");
  }
  return Status::Ok();
}

// The achievement `id` for someone who may edit it; NotFound otherwise.
Result<Listing> EditableAchievement(StoreTx& tx, const Actor& actor, int64_t id) {
  auto l = tx.GetListing(id);
  if (!l.ok()) return l.status();
  if (l->kind != ListingKind::kAchievement || !CanRead(actor, *l)) return NotFound("achievement");
  if (!CanEdit(actor, *l)) return Forbidden("only the achievement's organisation may do this");
  return l;
}

}  // namespace

Result<DealView> Deals::RecordContract(const Actor& actor, int64_t deal_id, Contract contract) {
  if (!actor.signed_in()) return Unauthorized();
  const int64_t now = clock_.Now();
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    auto d = PartyDeal(tx, actor, deal_id);
    if (!d.ok()) return d.status();
    if (d->kind == DealKind::kTalent) {
      return Conflict("no_contract_registration",
                      "a talent engagement has no technology contract to register");
    }
    if (d->stage != DealStage::kSigned) {
      return Conflict("invalid_stage", "record the contract once the deal is signed (it is " +
                                           std::string(DealStageName(d->stage)) + ")");
    }
    KC_RETURN_IF_ERROR(ValidateContract(contract));
    contract.deal_id = deal_id;
    contract.recorded_by = actor.user->id;
    contract.recorded_at = now;
    KC_RETURN_IF_ERROR(tx.deals().PutContract(contract));
    KC_RETURN_IF_ERROR(tx.AppendAudit(AuditOf(now, actor.id(), "deal", deal_id, "contract",
                                              {{"type", ContractTypeName(contract.type)},
                                               {"amount_cny", contract.amount_cny},
                                               {"signed_on", contract.signed_on},
                                               {"registration_no", contract.registration_no}})));
    return NotifyDealParties(tx, *d, actor.id(), "deal_contract", contract.registration_no, now,
                             {{"type", ContractTypeName(contract.type)},
                              {"amount_cny", contract.amount_cny},
                              {"registration_no", contract.registration_no}})
        .status();
  }));
  return Get(actor, deal_id);
}

Status Deals::SetConfidential(const Actor& actor, int64_t achievement_id,
                              const std::string& details) {
  if (!actor.signed_in()) return Unauthorized();
  if (Utf8Length(details) > 20000) {
    return Invalid("details", "too_long", "confidential details are at most 20000 characters");
  }
  const int64_t now = clock_.Now();
  return store_.Write([&](StoreTx& tx) -> Status {
    KC_RETURN_IF_ERROR(EditableAchievement(tx, actor, achievement_id));
    KC_RETURN_IF_ERROR(tx.deals().PutConfidential(achievement_id, details, actor.user->id, now));
    return tx.AppendAudit(AuditOf(now, actor.id(), "listing", achievement_id, "confidential",
                                  {{"characters", Utf8Length(details)}}));
  });
}

Result<std::string> Deals::Confidential(const Actor& actor, int64_t achievement_id) {
  if (!actor.signed_in()) return Unauthorized();
  std::string out;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    KC_RETURN_IF_ERROR(EditableAchievement(tx, actor, achievement_id));
    auto got = tx.deals().GetConfidential(achievement_id);
    if (!got.ok()) return got.status();
    out = got->value_or("");
    return Status::Ok();
  }));
  return out;
}

}  // namespace kc
