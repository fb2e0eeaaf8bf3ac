// /challenges: open calls (揭榜挂帅) with proposals, scores and the announced winner.
#include "api/json_io.h"
#include "api/routes.h"
#include "api/schemas.h"
#include "core/iso_time.h"

namespace kc::api {

namespace {

using http::bhttp::verb;

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

json CallJson(const CallView& v) {
  const OpenCall& c = v.call;
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
      {"phase", CallPhaseName(v.phase)},
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

Result<Actor> SignedIn(Context& ctx, const http::Request& req, bool write) {
  auto actor = ctx.Authenticate(req, write);
  if (!actor.ok()) return actor.status();
  if (!actor->signed_in()) return Unauthorized();
  return actor;
}

Status ReadCriteria(const json& body, std::vector<CallCriterion>* out) {
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

http::Response CreateCall(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, SignedIn(ctx, req, true));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  NewCall c;
  std::optional<int64_t> demand_id, reward;
  std::optional<std::string> title, description;
  Status s = AllowOnly(
      *body, {"demand_id", "title", "description", "reward_cny", "deadline", "criteria", "judges"});
  if (s.ok()) s = OptInt(*body, "demand_id", &demand_id);
  if (s.ok() && !demand_id) s = Invalid("demand_id", "required", "demand_id is required");
  if (s.ok()) s = OptString(*body, "title", &title);
  if (s.ok()) s = OptString(*body, "description", &description);
  if (s.ok()) s = OptInt(*body, "reward_cny", &reward);
  if (s.ok()) s = RequireString(*body, "deadline", &c.deadline);
  if (s.ok()) s = ReadCriteria(*body, &c.criteria);
  if (s.ok() && body->contains("judges")) {
    const json& j = (*body)["judges"];
    if (!j.is_array()) s = Invalid("judges", "invalid_type", "judges is an array of usernames");
    for (const auto& e : j) {
      if (!s.ok()) break;
      if (!e.is_string()) {
        s = Invalid("judges", "invalid_type", "judges is an array of usernames");
      } else {
        c.judges.push_back(e.get<std::string>());
      }
    }
  }
  if (!s.ok()) return http::ErrorResponse(s);
  c.demand_id = *demand_id;
  c.title = title.value_or("");
  c.description = description.value_or("");
  c.reward_cny = reward.value_or(0);
  KC_ASSIGN_OR_RESPOND(call, ctx.calls->Create(*actor, c));
  return JsonResponse(201, CallJson(*call));
}

http::Response ListCalls(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(page, ReadPage(req));
  KC_ASSIGN_OR_RESPOND(calls, ctx.calls->List(*actor, page->offset(), page->size));
  json items = json::array();
  for (const auto& c : calls->items) items.push_back(CallJson(c));
  return JsonResponse(200, PageJson(items, calls->total, *page));
}

http::Response GetCall(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(call, ctx.calls->Get(*actor, *id));
  return JsonResponse(200, CallJson(*call));
}

http::Response Propose(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, SignedIn(ctx, req, true));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  std::string summary;
  std::optional<int64_t> achievement_id;
  Status s = AllowOnly(*body, {"summary", "achievement_id"});
  if (s.ok()) s = RequireString(*body, "summary", &summary);
  if (s.ok()) s = OptInt(*body, "achievement_id", &achievement_id);
  if (!s.ok()) return http::ErrorResponse(s);
  KC_ASSIGN_OR_RESPOND(p, ctx.calls->Propose(*actor, *id, summary, achievement_id));
  return JsonResponse(201, ProposalJson(*p));
}

http::Response Close(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, SignedIn(ctx, req, true));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(call, ctx.calls->Close(*actor, *id));
  return JsonResponse(200, CallJson(*call));
}

http::Response Score(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, SignedIn(ctx, req, true));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(pid, ParseId(req.Param("proposal_id"), "proposal_id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  Status s = AllowOnly(*body, {"scores"});
  std::vector<double> scores;
  if (s.ok() && (!body->contains("scores") || !(*body)["scores"].is_array())) {
    s = Invalid("scores", "required", "scores is an array of numbers, one per criterion");
  }
  if (s.ok()) {
    for (const auto& e : (*body)["scores"]) {
      if (!e.is_number()) {
        s = Invalid("scores", "invalid_type", "a score is a number from 0 to 100");
        break;
      }
      scores.push_back(e.get<double>());
    }
  }
  if (!s.ok()) return http::ErrorResponse(s);
  KC_ASSIGN_OR_RESPOND(p, ctx.calls->Score(*actor, *id, *pid, scores));
  return JsonResponse(200, ProposalJson(*p));
}

http::Response Announce(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, SignedIn(ctx, req, true));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  std::optional<int64_t> pid;
  Status s = AllowOnly(*body, {"proposal_id"});
  if (s.ok()) s = OptInt(*body, "proposal_id", &pid);
  if (s.ok() && !pid) s = Invalid("proposal_id", "required", "name the winning proposal");
  if (!s.ok()) return http::ErrorResponse(s);
  KC_ASSIGN_OR_RESPOND(call, ctx.calls->Announce(*actor, *id, *pid));
  return JsonResponse(200, CallJson(*call));
}

}  // namespace

void RegisterCallRoutes(http::Router& router, Context& ctx) {
  using namespace schema;
  json org = Obj({{"id", Int()}, {"name", Str()}}, {"id", "name"});
  json proposal = Obj({{"id", Int()},
                       {"org", org},
                       {"author_id", Int()},
                       {"summary", Str()},
                       {"achievement_id", Nullable(Int())},
                       {"score", {{"type", "number"}}},
                       {"judges_scored", Int()},
                       {"created_at", Time()}},
                      {"id", "org", "summary", "score", "judges_scored"});
  json call =
      Obj({{"id", Int()},
           {"demand_id", Int()},
           {"org", org},
           {"title", Str()},
           {"description", Str()},
           {"reward_cny", Int()},
           {"deadline", Str()},
           {"criteria", ListOf(Obj({{"name", Str()}, {"weight", {{"type", "number"}}}}))},
           {"phase", Enum({"open", "judging", "announced"})},
           {"judges", ListOf(Obj({{"id", Int()}, {"username", Str()}, {"display_name", Str()}}))},
           {"proposal_count", Int()},
           {"proposals", ListOf(proposal)},
           {"winner_proposal_id", Nullable(Int())},
           {"deal_id", Nullable(Int())},
           {"can_manage", Bool()},
           {"is_judge", Bool()},
           {"created_at", Time()},
           {"announced_at", Time()}},
          {"id", "demand_id", "org", "title", "phase", "proposal_count", "can_manage", "is_judge"});
  router.Add(verb::post, "/api/v1/challenges",
             Guarded([&ctx](http::Request& r) { return CreateCall(ctx, r); }),
             {.summary = "Turn a published demand into an open call (揭榜挂帅) with a reward, a "
                         "deadline, judging criteria and judges (usernames)",
              .tag = "challenges",
              .auth = true,
              .request_body = Obj({{"demand_id", Int()},
                                   {"title", Str()},
                                   {"description", Str()},
                                   {"reward_cny", Int()},
                                   {"deadline", Str()},
                                   {"criteria", {{"type", "array"}}},
                                   {"judges", StrList()}},
                                  {"demand_id", "deadline", "criteria"}),
              .success_status = 201,
              .response = call,
              .errors = {400, 401, 403, 422}});
  router.Add(verb::get, "/api/v1/challenges",
             Guarded([&ctx](http::Request& r) { return ListCalls(ctx, r); }),
             {.summary = "Open calls, newest first",
              .tag = "challenges",
              .query_params = PageQuery(),
              .response = PageOf(call),
              .errors = {400}});
  router.Add(verb::get, "/api/v1/challenges/{id}",
             Guarded([&ctx](http::Request& r) { return GetCall(ctx, r); }),
             {.summary = "An open call with its phase; proposals for its organisation, judges "
                         "and their own proposers",
              .tag = "challenges",
              .response = call,
              .errors = {404}});
  router.Add(verb::post, "/api/v1/challenges/{id}/proposals",
             Guarded([&ctx](http::Request& r) { return Propose(ctx, r); }),
             {.summary = "Propose (揭榜) for my organisation while the call is open",
              .tag = "challenges",
              .auth = true,
              .request_body = Obj({{"summary", Str()}, {"achievement_id", Int()}}, {"summary"}),
              .success_status = 201,
              .response = proposal,
              .errors = {400, 401, 404, 409, 422}});
  router.Add(verb::post, "/api/v1/challenges/{id}/close",
             Guarded([&ctx](http::Request& r) { return Close(ctx, r); }),
             {.summary = "End the proposal phase early and start judging",
              .tag = "challenges",
              .auth = true,
              .response = call,
              .errors = {401, 403, 404, 409}});
  router.Add(verb::post, "/api/v1/challenges/{id}/proposals/{proposal_id}/scores",
             Guarded([&ctx](http::Request& r) { return Score(ctx, r); }),
             {.summary = "A judge's scores of a proposal, one (0 to 100) per criterion",
              .tag = "challenges",
              .auth = true,
              .request_body = Obj(
                  {{"scores", {{"type", "array"}, {"items", {{"type", "number"}}}}}}, {"scores"}),
              .response = proposal,
              .errors = {400, 401, 403, 404, 409, 422}});
  router.Add(verb::post, "/api/v1/challenges/{id}/announce",
             Guarded([&ctx](http::Request& r) { return Announce(ctx, r); }),
             {.summary = "Announce the winning proposal; a deal opens with the winner",
              .tag = "challenges",
              .auth = true,
              .request_body = Obj({{"proposal_id", Int()}}, {"proposal_id"}),
              .response = call,
              .errors = {400, 401, 403, 404, 409, 422}});
}

}  // namespace kc::api
