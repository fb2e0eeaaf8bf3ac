// 提名: organisations put nominees forward; eligibility is checked on submission.
#include "core/trim.h"
#include "core/utf8.h"
#include "service/audit.h"
#include "service/campaign_policy.h"
#include "service/campaigns.h"
#include "service/listing_validation.h"

namespace kc {

namespace {

// 422 "too_long" when `value` has more than `max_chars` characters; nothing of it is echoed.
Status CheckLength(const char* field, const std::string& value, size_t max_chars) {
  if (value.size() <= max_chars || Utf8Length(value) <= max_chars) return Status::Ok();
  return Invalid(field, "too_long",
                 std::string(field) + " has at most " + std::to_string(max_chars) + " characters");
}

// Every field is bounded before anything is stored (docs/api.md "Campaigns").
Status CheckNominationText(const Nomination& n) {
  for (const auto* f : {&n.nominee_name, &n.discipline, &n.summary, &n.birth_date}) {
    if (!IsValidUtf8(*f)) return BadInput("invalid_utf8", "the nomination is not valid UTF-8");
  }
  KC_RETURN_IF_ERROR(CheckLength("nominee_name", n.nominee_name, 200));
  KC_RETURN_IF_ERROR(CheckLength("discipline", n.discipline, 100));
  KC_RETURN_IF_ERROR(CheckLength("birth_date", n.birth_date, 10));  // YYYY-MM-DD
  KC_RETURN_IF_ERROR(CheckLength("summary", n.summary, 8000));
  if (n.materials.size() > 20) return Invalid("materials", "too_many", "at most 20 materials");
  for (const auto& m : n.materials) {
    if (!IsValidUtf8(m.title) || !IsValidUtf8(m.url)) {
      return BadInput("invalid_utf8", "the nomination is not valid UTF-8");
    }
    KC_RETURN_IF_ERROR(CheckLength("materials", m.title, 200));
    KC_RETURN_IF_ERROR(CheckLength("materials", m.url, 2000));
    if (!m.url.empty() && m.url.rfind("https://", 0) != 0 && m.url.rfind("http://", 0) != 0) {
      return Invalid("materials", "invalid_url", "a material's url is http(s)://");
    }
  }
  return Status::Ok();
}

}  // namespace

Result<Nomination> Campaigns::Nominate(const Actor& actor, int64_t campaign_id, Nomination n) {
  if (!actor.signed_in()) return Unauthorized();
  if (n.nominator_org_id == 0) {
    if (!actor.user->org_id) {
      return Forbidden("nominations come from organisations: join one first");
    }
    n.nominator_org_id = *actor.user->org_id;
  }
  if (!CanNominateFor(actor, n.nominator_org_id)) {
    return Forbidden("only the organisation's admins nominate on its behalf");
  }
  KC_RETURN_IF_ERROR(CheckNominationText(n));
  n.nominee_name = Trim(n.nominee_name);
  n.id = 0;
  n.campaign_id = campaign_id;
  n.nominator_user_id = *actor.id();
  n.created_at = clock_.Now();
  Status s = store_.Write([&](StoreTx& tx) {
    auto c = Load(tx, campaign_id);
    if (!c.ok()) return c.status();
    if (!CanSeeCampaign(actor, *c)) return NotFound("campaign");
    KC_RETURN_IF_ERROR(CheckNotPublished(*c));
    auto nominator = tx.GetOrg(n.nominator_org_id);
    if (!nominator.ok()) {
      return nominator.status().kind() == ErrorKind::kNotFound
                 ? Invalid("nominator_org_id", "unknown_org", "no such organisation")
                 : nominator.status();
    }
    if (n.nominee_org_id) {
      auto org = tx.GetOrg(*n.nominee_org_id);
      if (!org.ok()) {
        return org.status().kind() == ErrorKind::kNotFound
                   ? Invalid("nominee_org_id", "unknown_org", "no such organisation")
                   : org.status();
      }
    }
    if (n.listing_id) {
      // An achievement is nominated by its listing; its owner organisation is the nominee's.
      auto l = tx.GetListing(*n.listing_id);
      if (!l.ok() || l->kind != ListingKind::kAchievement ||
          l->status != ListingStatus::kPublished) {
        return Invalid("listing_id", "unknown_listing", "no published achievement with this id");
      }
      n.nominee_org_id = l->org_id;
      if (n.discipline.empty()) n.discipline = l->discipline;
    }
    bool self = n.nominee_org_id && *n.nominee_org_id == n.nominator_org_id;
    KC_RETURN_IF_ERROR(CheckEligibility(*c, n, self, n.created_at));
    auto id = tx.campaigns().InsertNomination(n);
    if (!id.ok()) return id.status();
    n.id = *id;
    return tx.AppendAudit(AuditOf(n.created_at, actor.id(), "nomination", n.id, "create",
                                  {{"campaign_id", campaign_id}, {"nominee", n.nominee_name}}));
  });
  if (!s.ok()) return s;
  return n;
}

Result<std::vector<Nomination>> Campaigns::Nominations(const Actor& actor, int64_t campaign_id) {
  if (!actor.signed_in()) return Unauthorized();
  std::vector<Nomination> out;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) {
    auto c = Load(tx, campaign_id);
    if (!c.ok()) return c.status();
    if (!CanSeeCampaign(actor, *c)) return NotFound("campaign");
    auto all = tx.campaigns().ListNominations(campaign_id);
    if (!all.ok()) return all.status();
    for (auto& n : *all) {
      if (CanSeeNomination(actor, n)) out.push_back(std::move(n));
    }
    return Status::Ok();
  }));
  return out;
}

}  // namespace kc
