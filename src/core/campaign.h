// Ranked lists and awards (榜单与奖项): a campaign with weighted criteria, nomination and review
// windows and eligibility rules; the nominations it receives; the built-in templates for the
// programme's lists and award.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace kc {

// Whether a campaign publishes a ranked list (榜单) or gives an award (奖项).
enum class CampaignKind { kList, kAward };
std::string_view CampaignKindName(CampaignKind kind);
std::optional<CampaignKind> CampaignKindFromName(std::string_view name);

// What a campaign's nominations put forward.
enum class NomineeType { kAchievement, kEnterprise, kOrganisation, kPerson };
std::string_view NomineeTypeName(NomineeType type);
std::optional<NomineeType> NomineeTypeFromName(std::string_view name);

// A campaign's life: draft (being set up) → open (nominations) → review (reviewers assigned,
// scoring) → published (results frozen).
enum class CampaignStatus { kDraft, kOpen, kReview, kPublished };
std::string_view CampaignStatusName(CampaignStatus status);
std::optional<CampaignStatus> CampaignStatusFromName(std::string_view name);

// 评审指标: one criterion, scored from 0 to max_score; weights are relative (any positive).
struct Criterion {
  std::string key;  // a-z, 0-9, '_'
  std::string name;
  std::string description;
  double weight = 1;
  int max_score = 10;
};

// 资格条件: rules checked when a nomination is submitted. Unset rules do not apply.
struct EligibilityRules {
  std::optional<int> max_age;            // a person's age on 31 December of the campaign year
  std::optional<int> min_founding_year;  // an enterprise founded in or after this year
  bool self_nomination = false;          // the nominee's own organisation may nominate it
  int min_materials = 1;                 // supporting documents required
};

// 榜单/奖项: one year's edition of a list or an award.
struct Campaign {
  int64_t id = 0;
  std::string series;  // the template or series key, e.g. "pioneer-technology"; history by year
  std::string title;
  std::string title_en;
  int year = 0;
  CampaignKind kind = CampaignKind::kList;
  NomineeType nominee_type = NomineeType::kAchievement;
  std::string description;
  std::vector<Criterion> criteria;
  EligibilityRules rules;
  int64_t nomination_opens = 0, nomination_closes = 0;  // seconds since the epoch
  int64_t review_opens = 0, review_closes = 0;
  int min_reviewers = 3;  // each nomination is reviewed by at least this many
  CampaignStatus status = CampaignStatus::kDraft;
  int64_t created_by = 0;
  int64_t created_at = 0;
  int64_t published_at = 0;
};

// A supporting document of a nomination (推荐材料).
struct Material {
  std::string title;
  std::string url;
};

// 提名: an organisation puts a nominee forward to a campaign.
struct Nomination {
  int64_t id = 0;
  int64_t campaign_id = 0;
  int64_t nominator_org_id = 0;
  int64_t nominator_user_id = 0;
  NomineeType nominee_type = NomineeType::kAchievement;
  std::string nominee_name;
  std::optional<int64_t> nominee_org_id;  // the nominee's own organisation (conflicts)
  std::optional<int64_t> listing_id;      // the achievement listing, for an achievement
  std::string discipline;                 // 学科, to draw reviewers
  std::string birth_date;                 // YYYY-MM-DD, for a person
  std::optional<int> founding_year;       // for an enterprise or organisation
  std::string summary;
  std::vector<Material> materials;
  int64_t created_at = 0;
};

// Checks a campaign's own fields: title, a year 2000..2100, 1..20 criteria with distinct keys
// and positive weights, windows in order (nomination before review), min_reviewers 1..20.
// Returns 422 naming the first bad field.
Status ValidateCampaign(const Campaign& campaign);

// Checks a nomination against its campaign's rules at time `now`; the refusal says why in its
// message and names the field (422 "ineligible"), or 409 "nominations_closed" outside the
// nomination window or status. `self` is true when the nominator is the nominee's own
// organisation (or the person themself).
Status CheckEligibility(const Campaign& campaign, const Nomination& nomination, bool self,
                        int64_t now);

// A person's age in whole years on 31 December of `year`, from "YYYY-MM-DD"; nullopt when the
// date is malformed.
std::optional<int> AgeAtEndOfYear(std::string_view birth_date, int year);

// The built-in templates: 先导技术 (pioneer-technology), 新锐企业 (emerging-enterprise),
// 产学研融通组织 (industry-academia-organisation), 求是杰出青年成果转化奖
// (qiushi-young-scientist-award). A template fills series, titles, kind, nominee type,
// description, criteria and rules for `year`; the caller sets the windows.
std::vector<std::string> CampaignTemplateKeys();
std::optional<Campaign> CampaignFromTemplate(std::string_view key, int year);

}  // namespace kc
