#include "api/challenge_json.h"

#include "api/json_io.h"
#include "api/schemas.h"
#include "core/iso_time.h"

namespace kc::api {

using nlohmann::json;

namespace {

json OrgSchema() {
  using namespace schema;
  return Obj({{"id", Int()}, {"name", Str()}}, {"id", "name"});
}

Status ReadCriteria(const json& body, std::vector<ChallengeCriterion>* out) {
  if (!body.contains("criteria")) return Invalid("criteria", "required", "criteria are required");
  const json& c = body["criteria"];
  if (!c.is_array()) return Invalid("criteria", "invalid_type", "criteria is an array");
  for (const auto& e : c) {
    if (e.is_string()) {
      out->push_back({e.get<std::string>(), 1});
    } else if (e.is_object() && e.contains("name") && e["name"].is_string() &&
               (!e.contains("weight") || e["weight"].is_number())) {
      out->push_back({e["name"].get<std::string>(), e.value("weight", 1.0)});
    } else {
      return Invalid("criteria", "invalid_type",
                     "a criterion is a name or {\"name\": …, \"weight\": number}");
    }
  }
  return Status::Ok();
}

Status ReadJudges(const json& body, std::vector<std::string>* out) {
  if (!body.contains("judges")) return Status::Ok();
  const json& j = body["judges"];
  if (!j.is_array()) return Invalid("judges", "invalid_type", "judges is an array of usernames");
  for (const auto& e : j) {
    if (!e.is_string()) return Invalid("judges", "invalid_type", "judges is an array of usernames");
    out->push_back(e.get<std::string>());
  }
  return Status::Ok();
}

}  // namespace

json ProposalJson(const Proposal& p) {
  return {{"id", p.id},
          {"org", {{"id", p.org_id}, {"name", p.org_name}}},
          {"author_id", p.author_id},
          {"summary", p.summary},
          {"achievement_id", p.achievement_id ? json(*p.achievement_id) : json(nullptr)},
          {"score", p.score},
          {"judges_scored", p.judges_scored},
          {"created_at", IsoTime(p.created_at)}};
}

json ProposalSchema() {
  using namespace schema;
  return Obj({{"id", Int()},
              {"org", OrgSchema()},
              {"author_id", Int()},
              {"summary", Str()},
              {"achievement_id", Nullable(Int())},
              {"score", {{"type", "number"}}},
              {"judges_scored", Int()},
              {"created_at", Time()}},
             {"id", "org", "summary", "score", "judges_scored"});
}

json ChallengeJson(const ChallengeView& v) {
  const Challenge& c = v.challenge;
  json criteria = json::array();
  for (const auto& k : c.criteria) criteria.push_back({{"name", k.name}, {"weight", k.weight}});
  json judges = json::array();
  for (const auto& u : v.judges) {
    judges.push_back({{"id", u.id}, {"username", u.username}, {"display_name", u.display_name}});
  }
  json proposals = json::array();
  for (const auto& p : v.proposals) proposals.push_back(ProposalJson(p));
  return {
      {"id", c.id},
      {"demand_id", c.demand_id},
      {"org", {{"id", v.org.id}, {"name", v.org.name}}},
      {"title", c.title},
      {"description", c.description},
      {"reward_cny", c.reward_cny},
      {"deadline", c.deadline},
      {"criteria", criteria},
      {"phase", ChallengePhaseName(v.phase)},
      {"judges", judges},
      {"proposal_count", v.proposal_count},
      {"proposals", proposals},
      {"winner_proposal_id", c.winner_proposal_id ? json(*c.winner_proposal_id) : json(nullptr)},
      {"deal_id", c.deal_id ? json(*c.deal_id) : json(nullptr)},
      {"can_manage", v.can_manage},
      {"is_judge", v.is_judge},
      {"created_at", IsoTime(c.created_at)},
      {"announced_at", IsoTime(c.announced_at)}};
}

json ChallengeSchema() {
  using namespace schema;
  return Obj(
      {{"id", Int()},
       {"demand_id", Int()},
       {"org", OrgSchema()},
       {"title", Str()},
       {"description", Str()},
       {"reward_cny", Int()},
       {"deadline", Str()},
       {"criteria", ListOf(Obj({{"name", Str()}, {"weight", {{"type", "number"}}}}))},
       {"phase", Enum({"open", "judging", "announced"})},
       {"judges", ListOf(Obj({{"id", Int()}, {"username", Str()}, {"display_name", Str()}}))},
       {"proposal_count", Int()},
       {"proposals", ListOf(ProposalSchema())},
       {"winner_proposal_id", Nullable(Int())},
       {"deal_id", Nullable(Int())},
       {"can_manage", Bool()},
       {"is_judge", Bool()},
       {"created_at", Time()},
       {"announced_at", Time()}},
      {"id", "demand_id", "org", "title", "phase", "proposal_count", "can_manage", "is_judge"});
}

json ChallengeInputSchema() {
  using namespace schema;
  return Obj({{"demand_id", Int()},
              {"title", Str()},
              {"description", Str()},
              {"reward_cny", Int()},
              {"deadline", Str()},
              {"criteria", {{"type", "array"}}},
              {"judges", StrList()}},
             {"demand_id", "deadline", "criteria"});
}

Result<NewChallenge> ReadChallenge(const json& body) {
  NewChallenge c;
  std::optional<int64_t> demand_id, reward;
  std::optional<std::string> title, description;
  KC_RETURN_IF_ERROR(AllowOnly(
      body, {"demand_id", "title", "description", "reward_cny", "deadline", "criteria", "judges"}));
  KC_RETURN_IF_ERROR(OptInt(body, "demand_id", &demand_id));
  if (!demand_id) return Invalid("demand_id", "required", "demand_id is required");
  KC_RETURN_IF_ERROR(OptString(body, "title", &title));
  KC_RETURN_IF_ERROR(OptString(body, "description", &description));
  KC_RETURN_IF_ERROR(OptInt(body, "reward_cny", &reward));
  KC_RETURN_IF_ERROR(RequireString(body, "deadline", &c.deadline));
  KC_RETURN_IF_ERROR(ReadCriteria(body, &c.criteria));
  KC_RETURN_IF_ERROR(ReadJudges(body, &c.judges));
  c.demand_id = *demand_id;
  c.title = title.value_or("");
  c.description = description.value_or("");
  c.reward_cny = reward.value_or(0);
  return c;
}

Result<std::vector<double>> ReadJudgeScores(const json& body) {
  KC_RETURN_IF_ERROR(AllowOnly(body, {"scores"}));
  if (!body.contains("scores") || !body["scores"].is_array()) {
    return Invalid("scores", "required", "scores is an array of numbers, one per criterion");
  }
  std::vector<double> scores;
  for (const auto& e : body["scores"]) {
    if (!e.is_number())
      return Invalid("scores", "invalid_type", "a score is a number from 0 to 100");
    scores.push_back(e.get<double>());
  }
  return scores;
}

}  // namespace kc::api
