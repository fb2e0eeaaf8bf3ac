#include "service/campaigns.h"

#include "core/utf8.h"
#include "service/audit.h"
#include "service/campaign_policy.h"

namespace kc {

namespace {

// 401 for a visitor, 403 unless the actor runs campaigns.
Status RequireRunner(const Actor& actor) {
  if (!actor.signed_in()) return Unauthorized();
  if (!CanRunCampaigns(actor)) return Forbidden("only platform admins run campaigns");
  return Status::Ok();
}

Status CheckText(const Campaign& c) {
  for (const auto* f : {&c.series, &c.title, &c.title_en, &c.description}) {
    if (!IsValidUtf8(*f)) return BadInput("invalid_utf8", "the campaign is not valid UTF-8");
  }
  for (const auto& k : c.criteria) {
    if (!IsValidUtf8(k.name) || !IsValidUtf8(k.description)) {
      return BadInput("invalid_utf8", "the campaign is not valid UTF-8");
    }
  }
  if (c.series.empty() || c.series.size() > 60) {
    return Invalid("series", "invalid_series", "a series key has 1 to 60 characters");
  }
  for (char ch : c.series) {
    if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-')) {
      return Invalid("series", "invalid_series", "a series key uses a-z, 0-9 and '-'");
    }
  }
  if (c.description.size() > 20000) {
    return Invalid("description", "too_long", "the description is too long");
  }
  return Status::Ok();
}

}  // namespace

Status Campaigns::CheckNotPublished(const Campaign& c) {
  if (c.status == CampaignStatus::kPublished) {
    return Conflict("campaign_published", "the results are published and frozen");
  }
  return Status::Ok();
}

Result<Campaign> Campaigns::Load(StoreTx& tx, int64_t id) { return tx.campaigns().GetCampaign(id); }

Result<Campaign> Campaigns::Create(const Actor& actor, Campaign c) {
  KC_RETURN_IF_ERROR(RequireRunner(actor));
  KC_RETURN_IF_ERROR(CheckText(c));
  KC_RETURN_IF_ERROR(ValidateCampaign(c));
  c.id = 0;
  c.status = CampaignStatus::kDraft;
  c.created_by = *actor.id();
  c.created_at = clock_.Now();
  c.published_at = 0;
  Status s = store_.Write([&](StoreTx& tx) {
    auto id = tx.campaigns().InsertCampaign(c);
    if (!id.ok()) return id.status();
    c.id = *id;
    return tx.AppendAudit(AuditOf(c.created_at, actor.id(), "campaign", c.id, "create",
                                  {{"title", c.title}, {"year", c.year}}));
  });
  if (!s.ok()) return s;
  return c;
}

Result<Campaign> Campaigns::Update(const Actor& actor, Campaign c) {
  KC_RETURN_IF_ERROR(RequireRunner(actor));
  KC_RETURN_IF_ERROR(CheckText(c));
  KC_RETURN_IF_ERROR(ValidateCampaign(c));
  Status s = store_.Write([&](StoreTx& tx) {
    auto old = Load(tx, c.id);
    if (!old.ok()) return old.status();
    KC_RETURN_IF_ERROR(CheckNotPublished(*old));
    if (old->status == CampaignStatus::kReview) {
      return Conflict("campaign_in_review", "the review has started: the campaign is fixed");
    }
    c.status = old->status;
    c.created_by = old->created_by;
    c.created_at = old->created_at;
    c.published_at = 0;
    KC_RETURN_IF_ERROR(tx.campaigns().UpdateCampaign(c));
    return tx.AppendAudit(AuditOf(clock_.Now(), actor.id(), "campaign", c.id, "update", {}));
  });
  if (!s.ok()) return s;
  return c;
}

Result<Campaign> Campaigns::Open(const Actor& actor, int64_t id) {
  KC_RETURN_IF_ERROR(RequireRunner(actor));
  Campaign c;
  Status s = store_.Write([&](StoreTx& tx) {
    auto got = Load(tx, id);
    if (!got.ok()) return got.status();
    c = *got;
    if (c.status == CampaignStatus::kOpen) return Status::Ok();
    if (c.status != CampaignStatus::kDraft) {
      KC_RETURN_IF_ERROR(CheckNotPublished(c));
      return Conflict("invalid_transition", "only a draft campaign can be opened");
    }
    c.status = CampaignStatus::kOpen;
    KC_RETURN_IF_ERROR(tx.campaigns().UpdateCampaign(c));
    return tx.AppendAudit(AuditOf(clock_.Now(), actor.id(), "campaign", id, "open", {}));
  });
  if (!s.ok()) return s;
  return c;
}

Result<Campaign> Campaigns::Get(const Actor& actor, int64_t id) {
  Campaign c;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) {
    auto got = Load(tx, id);
    if (!got.ok()) return got.status();
    c = *got;
    return Status::Ok();
  }));
  if (!CanSeeCampaign(actor, c)) return NotFound("campaign");
  return c;
}

Result<Page<Campaign>> Campaigns::List(const Actor& actor, CampaignQuery q) {
  if (!SeesDraftCampaigns(actor)) {
    std::vector<CampaignStatus> visible;
    for (auto st : q.statuses) {
      if (st != CampaignStatus::kDraft) visible.push_back(st);
    }
    if (q.statuses.empty() || visible.empty()) {
      bool asked_only_drafts = !q.statuses.empty();
      visible = {CampaignStatus::kOpen, CampaignStatus::kReview, CampaignStatus::kPublished};
      if (asked_only_drafts) return Page<Campaign>{};
    }
    q.statuses = visible;
  }
  Page<Campaign> page;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) {
    auto got = tx.campaigns().ListCampaigns(q);
    if (!got.ok()) return got.status();
    page = std::move(*got);
    return Status::Ok();
  }));
  return page;
}

}  // namespace kc
