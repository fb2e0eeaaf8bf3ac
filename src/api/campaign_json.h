// JSON of ranked lists and awards (榜单与奖项): campaigns, templates, nominations, review tasks,
// reviewer assignment and published results, read from and written to JSON. Each writer stands
// beside the OpenAPI schema of what it writes, and the routes document their requests and
// responses with these schemas, so the two change together; the response check (docs/api.md,
// "The document is checked") and tests/api/campaign_json_test.cc compare them.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/campaign.h"
#include "core/status.h"
#include "service/actor.h"
#include "service/campaigns.h"

namespace kc::api {

// A campaign with its criteria, eligibility rules and windows (ISO 8601 UTC, "" when unset).
nlohmann::json CampaignJson(const Campaign& campaign);
nlohmann::json CampaignSchema();

// A campaign made from the template `key`, not stored: CampaignJson without the id, with the
// template's key.
nlohmann::json CampaignTemplateJson(const std::string& key, const Campaign& campaign);
nlohmann::json CampaignTemplateSchema();

// What setting up a campaign takes: every editable field, optional (PATCH), or with "template"
// besides (POST /campaigns).
nlohmann::json CampaignInputSchema(bool for_create);
// 400 "unknown_field" when `body` has a field that is not an editable field of a campaign.
Status AllowOnlyCampaignFields(const nlohmann::json& body);
// Applies the editable fields present in `body` to `campaign` (create and PATCH): texts, year
// and min_reviewers (clamped to a sane range), kind, nominee_type, the four windows (ISO 8601
// with their zone), criteria and rules. 422 naming the field for a wrong type, an unknown kind
// or nominee type, or a bad time; 400 "unknown_field" for an unknown rule.
Status ReadCampaign(const nlohmann::json& body, Campaign* campaign);
// A new campaign from `body`: from {"template", "year"} when it names a template (422 without
// the year or for an unknown template), then ReadCampaign's fields over it; 400
// "unknown_field" for a field that is neither.
Result<Campaign> ReadNewCampaign(const nlohmann::json& body);

// A nomination as `viewer` sees it; `as_reviewer` when the viewer reads it as its assigned
// reviewer: the nominating organisation is shown only when SeesNominator
// (service/campaign_policy.h) says so, never to a reviewer.
nlohmann::json NominationJson(const Nomination& nomination, const Actor& viewer, bool as_reviewer);
nlohmann::json NominationSchema();
// What nominating takes, and reading it: the nominee's type and name are required, the
// materials are [{title, url?}]; 422 naming the field otherwise.
nlohmann::json NominationInputSchema();
Result<Nomination> ReadNomination(const nlohmann::json& body);

// A reviewer's task: the campaign's criteria, the nomination without its nominator, and the
// reviewer's scores so far.
nlohmann::json ReviewTaskJson(const ReviewTask& task, const Actor& reviewer);
nlohmann::json ReviewTaskSchema();
// A reviewer's scores, {criterion key: number}; 422 naming "scores" otherwise.
Result<std::map<std::string, double>> ReadScores(const nlohmann::json& body);

// What starting (or topping up) the review did.
nlohmann::json AssignmentReportJson(const AssignmentReport& report);
nlohmann::json AssignmentReportSchema();

// The published results: the campaign and, per nomination in rank order, the total and the
// score of every criterion; reviewers only as a count.
nlohmann::json ResultsJson(const Campaign& campaign, const std::vector<CampaignResult>& rows);
nlohmann::json ResultsSchema();

}  // namespace kc::api
