#include "core/campaign.h"

#include "core/utf8.h"


#include <array>
#include <set>
#include <utility>

namespace kc {

namespace {

constexpr std::array<std::pair<CampaignKind, std::string_view>, 2> kKinds{{
    {CampaignKind::kList, "list"},
    {CampaignKind::kAward, "award"},
}};
constexpr std::array<std::pair<NomineeType, std::string_view>, 4> kNomineeTypes{{
    {NomineeType::kAchievement, "achievement"},
    {NomineeType::kEnterprise, "enterprise"},
    {NomineeType::kOrganisation, "organisation"},
    {NomineeType::kPerson, "person"},
}};
constexpr std::array<std::pair<CampaignStatus, std::string_view>, 4> kStatuses{{
    {CampaignStatus::kDraft, "draft"},
    {CampaignStatus::kOpen, "open"},
    {CampaignStatus::kReview, "review"},
    {CampaignStatus::kPublished, "published"},
}};

template <typename E, size_t N>
std::string_view NameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [v, n] : table) {
    if (v == value) return n;
  }
  return "";
}

template <typename E, size_t N>
std::optional<E> ValueOf(const std::array<std::pair<E, std::string_view>, N>& table,
                         std::string_view name) {
  for (const auto& [v, n] : table) {
    if (n == name) return v;
  }
  return std::nullopt;
}

bool IsBlank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

Status Ineligible(std::string field, std::string message) {
  return Status::Error(ErrorKind::kInvalid, "ineligible", std::move(message), std::move(field));
}

Criterion C(const char* key, const char* name, const char* description, double weight) {
  return Criterion{key, name, description, weight, 10};
}

}  // namespace

std::string_view CampaignKindName(CampaignKind k) { return NameOf(kKinds, k); }
std::optional<CampaignKind> CampaignKindFromName(std::string_view n) { return ValueOf(kKinds, n); }
std::string_view NomineeTypeName(NomineeType t) { return NameOf(kNomineeTypes, t); }
std::optional<NomineeType> NomineeTypeFromName(std::string_view n) {
  return ValueOf(kNomineeTypes, n);
}
std::string_view CampaignStatusName(CampaignStatus s) { return NameOf(kStatuses, s); }
std::optional<CampaignStatus> CampaignStatusFromName(std::string_view n) {
  return ValueOf(kStatuses, n);
}

Status ValidateCampaign(const Campaign& c) {
  if (IsBlank(c.title)) return Invalid("title", "required", "a campaign needs a title");
  if (Utf8Length(c.title) > 200) return Invalid("title", "too_long", "at most 200 characters");
  if (c.year < 2000 || c.year > 2100) return Invalid("year", "out_of_range", "year 2000 to 2100");
  if (c.criteria.empty() || c.criteria.size() > 20) {
    return Invalid("criteria", "invalid_criteria", "a campaign has 1 to 20 criteria");
  }
  std::set<std::string> keys;
  for (const auto& k : c.criteria) {
    bool key_ok = !k.key.empty() && k.key.size() <= 40;
    for (char ch : k.key)
      key_ok = key_ok && ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_');
    if (!key_ok) return Invalid("criteria", "invalid_criteria", "a criterion key uses a-z, 0-9, _");
    if (!keys.insert(k.key).second) {
      return Invalid("criteria", "invalid_criteria", "criterion key repeated: " + k.key);
    }
    if (IsBlank(k.name)) return Invalid("criteria", "invalid_criteria", "a criterion needs a name");
    if (!(k.weight > 0) || k.weight > 1000) {
      return Invalid("criteria", "invalid_criteria", "a criterion's weight is above 0");
    }
    if (k.max_score < 1 || k.max_score > 100) {
      return Invalid("criteria", "invalid_criteria", "a criterion's max_score is 1 to 100");
    }
  }
  if (c.nomination_opens <= 0 || c.nomination_closes <= c.nomination_opens) {
    return Invalid("nomination_closes", "invalid_window",
                   "the nomination window needs an opening before its closing");
  }
  if (c.review_opens < c.nomination_closes || c.review_closes <= c.review_opens) {
    return Invalid("review_opens", "invalid_window",
                   "the review window opens after nominations close and closes after it opens");
  }
  if (c.min_reviewers < 1 || c.min_reviewers > 20) {
    return Invalid("min_reviewers", "out_of_range", "min_reviewers is 1 to 20");
  }
  if (c.rules.max_age && (*c.rules.max_age < 18 || *c.rules.max_age > 100)) {
    return Invalid("rules", "invalid_rules", "max_age is 18 to 100");
  }
  if (c.rules.min_materials < 0 || c.rules.min_materials > 20) {
    return Invalid("rules", "invalid_rules", "min_materials is 0 to 20");
  }
  return Status::Ok();
}

std::optional<int> AgeAtEndOfYear(std::string_view d, int year) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return std::nullopt;
  int y = 0, m = 0, day = 0;
  for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (d[i] < '0' || d[i] > '9') return std::nullopt;
  }
  y = std::stoi(std::string(d.substr(0, 4)));
  m = std::stoi(std::string(d.substr(5, 2)));
  day = std::stoi(std::string(d.substr(8, 2)));
  if (y < 1900 || m < 1 || m > 12 || day < 1 || day > 31) return std::nullopt;
  // On 31 December every birthday of the year has passed.
  return year - y;
}

Status CheckEligibility(const Campaign& c, const Nomination& n, bool self, int64_t now) {
  if (c.status != CampaignStatus::kOpen) {
    return Conflict("nominations_closed", "this campaign does not take nominations now");
  }
  if (now < c.nomination_opens || now >= c.nomination_closes) {
    return Conflict("nominations_closed", "outside the nomination window");
  }
  if (n.nominee_type != c.nominee_type) {
    return Ineligible("nominee_type", "this campaign takes nominations of a " +
                                          std::string(NomineeTypeName(c.nominee_type)));
  }
  if (IsBlank(n.nominee_name)) return Invalid("nominee_name", "required", "name the nominee");
  if (self && !c.rules.self_nomination) {
    return Ineligible("nominator_org_id",
                      "this campaign does not allow self-nomination: another organisation must "
                      "nominate");
  }
  if (c.rules.max_age) {
    auto age = AgeAtEndOfYear(n.birth_date, c.year);
    if (!age) {
      return Ineligible("birth_date",
                        "the birth date (YYYY-MM-DD) is needed to check the age limit");
    }
    if (*age > *c.rules.max_age) {
      return Ineligible("birth_date", "the nominee is " + std::to_string(*age) +
                                          " on 31 December " + std::to_string(c.year) +
                                          ", above the age limit of " +
                                          std::to_string(*c.rules.max_age));
    }
  }
  if (c.rules.min_founding_year) {
    if (!n.founding_year) {
      return Ineligible("founding_year", "the founding year is needed for this campaign");
    }
    if (*n.founding_year < *c.rules.min_founding_year) {
      return Ineligible("founding_year", "founded in " + std::to_string(*n.founding_year) +
                                             "; this campaign takes those founded in or after " +
                                             std::to_string(*c.rules.min_founding_year));
    }
    if (*n.founding_year > c.year) {
      return Ineligible("founding_year", "the founding year is after the campaign year");
    }
  }
  if (n.nominee_type == NomineeType::kAchievement && !n.listing_id) {
    return Ineligible("listing_id", "an achievement nomination names the achievement listing");
  }
  if (static_cast<int>(n.materials.size()) < c.rules.min_materials) {
    return Ineligible("materials", "at least " + std::to_string(c.rules.min_materials) +
                                       " supporting document(s) are required");
  }
  for (const auto& m : n.materials) {
    if (IsBlank(m.title)) return Invalid("materials", "required", "a material needs a title");
  }
  return Status::Ok();
}

std::vector<std::string> CampaignTemplateKeys() {
  return {"pioneer-technology", "emerging-enterprise", "industry-academia-organisation",
          "qiushi-young-scientist-award"};
}

std::optional<Campaign> CampaignFromTemplate(std::string_view key, int year) {
  Campaign c;
  c.series = std::string(key);
  c.year = year;
  const std::string y = std::to_string(year);
  if (key == "pioneer-technology") {
    c.title = y + "“科创中国”先导技术榜";
    c.title_en = "Sci-Tech China pioneering technologies " + y;
    c.kind = CampaignKind::kList;
    c.nominee_type = NomineeType::kAchievement;
    c.description = "遴选具有引领性、可产业化的先导技术成果。";
    c.criteria = {C("novelty", "技术先进性", "与国内外同类技术相比的领先程度", 0.35),
                  C("maturity", "成熟度", "技术就绪水平与工程化程度", 0.25),
                  C("market", "产业化前景", "市场规模与转化路径", 0.25),
                  C("impact", "带动作用", "对产业链和区域发展的带动", 0.15)};
    c.rules.self_nomination = false;
  } else if (key == "emerging-enterprise") {
    c.title = y + "“科创中国”新锐企业榜";
    c.title_en = "Sci-Tech China emerging enterprises " + y;
    c.kind = CampaignKind::kList;
    c.nominee_type = NomineeType::kEnterprise;
    c.description = "遴选成立不超过五年、以科技成果转化为核心的创新型企业。";
    c.criteria = {C("technology", "核心技术", "自主知识产权与技术壁垒", 0.4),
                  C("growth", "成长性", "营收、融资与团队增长", 0.3),
                  C("team", "团队", "创始团队的科研与经营能力", 0.15),
                  C("impact", "社会价值", "对行业和社会的贡献", 0.15)};
    c.rules.min_founding_year = year - 5;
    c.rules.self_nomination = true;
  } else if (key == "industry-academia-organisation") {
    c.title = y + "“科创中国”产学研融通组织榜";
    c.title_en = "Sci-Tech China industry-academia-research organisations " + y;
    c.kind = CampaignKind::kList;
    c.nominee_type = NomineeType::kOrganisation;
    c.description = "遴选促进产学研深度融合、成效显著的组织。";
    c.criteria = {C("mechanism", "协同机制", "产学研合作的机制与制度", 0.3),
                  C("results", "转化成效", "促成的成果转化与技术交易", 0.4),
                  C("reach", "覆盖面", "成员与服务的范围", 0.3)};
    c.rules.self_nomination = true;
  } else if (key == "qiushi-young-scientist-award") {
    c.title = "第" + std::to_string(year - 1998) + "届中国科协求是杰出青年成果转化奖";
    c.title_en = "CAST Qiushi Award for Outstanding Young Scientists in Technology Transfer " + y;
    c.kind = CampaignKind::kAward;
    c.nominee_type = NomineeType::kPerson;
    c.description = "表彰在科技成果转化中作出突出贡献的青年科技工作者。";
    c.criteria = {C("achievement", "成果水平", "成果的科学与技术水平", 0.4),
                  C("transfer", "转化业绩", "转化的经济与社会效益", 0.4),
                  C("potential", "发展潜力", "持续创新与转化的潜力", 0.2)};
    c.rules.max_age = 40;
    c.rules.self_nomination = false;
    c.rules.min_materials = 2;
  } else {
    return std::nullopt;
  }
  return c;
}

}  // namespace kc
