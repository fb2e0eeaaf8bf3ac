// How list- and object-valued fields of records are kept in a text column, the same in every
// backend (so a backup moves between them unchanged): string lists as JSON arrays, a contact as
// a JSON object.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/campaign.h"
#include "core/challenge.h"
#include "core/listing.h"
#include "core/news.h"

namespace kc {

// ["a","b"] text for a list of strings.
std::string JoinArray(const std::vector<std::string>& v);
// The strings of a JSON array text; anything else (or non-string elements) is skipped.
std::vector<std::string> SplitArray(const std::string& text);

// {"name","phone","email"} text for a contact, and back (missing members read as "").
std::string ContactJson(const Contact& c);
Contact ContactFrom(const std::string& text);

// [{"name","weight"}] text for a challenge's criteria, and back (a missing weight reads as 1).
std::string ChallengeCriteriaJson(const std::vector<ChallengeCriterion>& criteria);
std::vector<ChallengeCriterion> ChallengeCriteriaFrom(const std::string& text);

// [{"url","caption","credit"}] text for a news article's images, and back.
std::string ImagesJson(const std::vector<NewsImage>& images);
std::vector<NewsImage> ImagesFrom(const std::string& text);

// A campaign's criteria: [{"key","name","description","weight","max_score"}] text, and back
// (a missing weight reads as 1, a missing max_score as 10).
std::string CampaignCriteriaJson(const std::vector<Criterion>& criteria);
std::vector<Criterion> CampaignCriteriaFrom(const std::string& text);

// A campaign's eligibility rules: {"self_nomination","min_materials","max_age"?,
// "min_founding_year"?} text, and back (unset rules are left out).
std::string RulesJson(const EligibilityRules& rules);
EligibilityRules RulesFrom(const std::string& text);

// A nomination's supporting documents: [{"title","url"}] text, and back.
std::string MaterialsJson(const std::vector<Material>& materials);
std::vector<Material> MaterialsFrom(const std::string& text);

// A published result's score per criterion: {"key": score} text, and back.
std::string BreakdownJson(const std::map<std::string, double>& breakdown);
std::map<std::string, double> BreakdownFrom(const std::string& text);

}  // namespace kc
