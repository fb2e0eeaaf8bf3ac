// /challenges: open challenges (揭榜挂帅) with proposals, scores and the announced winner.
#include "api/challenge_json.h"
#include "api/json_io.h"
#include "api/routes.h"
#include "api/schemas.h"

namespace kc::api {

namespace {

using http::bhttp::verb;

Result<Actor> SignedIn(Context& ctx, const http::Request& req, bool write) {
  auto actor = ctx.Authenticate(req, write);
  if (!actor.ok()) return actor.status();
  if (!actor->signed_in()) return Unauthorized();
  return actor;
}

http::Response CreateChallenge(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, SignedIn(ctx, req, true));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  KC_ASSIGN_OR_RESPOND(c, ReadChallenge(*body));
  KC_ASSIGN_OR_RESPOND(challenge, ctx.challenges->Create(*actor, *c));
  return JsonResponse(201, ChallengeJson(*challenge));
}

http::Response ListChallenges(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(page, ReadPage(req));
  KC_ASSIGN_OR_RESPOND(challenges, ctx.challenges->List(*actor, page->offset(), page->size));
  json items = json::array();
  for (const auto& c : challenges->items) items.push_back(ChallengeJson(c));
  return JsonResponse(200, PageJson(items, challenges->total, *page));
}

http::Response GetChallenge(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(challenge, ctx.challenges->Get(*actor, *id));
  return JsonResponse(200, ChallengeJson(*challenge));
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
  KC_ASSIGN_OR_RESPOND(p, ctx.challenges->Propose(*actor, *id, summary, achievement_id));
  return JsonResponse(201, ProposalJson(*p));
}

http::Response Close(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, SignedIn(ctx, req, true));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(challenge, ctx.challenges->Close(*actor, *id));
  return JsonResponse(200, ChallengeJson(*challenge));
}

http::Response Score(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, SignedIn(ctx, req, true));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(pid, ParseId(req.Param("proposal_id"), "proposal_id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  KC_ASSIGN_OR_RESPOND(scores, ReadJudgeScores(*body));
  KC_ASSIGN_OR_RESPOND(p, ctx.challenges->Score(*actor, *id, *pid, *scores));
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
  KC_ASSIGN_OR_RESPOND(challenge, ctx.challenges->Announce(*actor, *id, *pid));
  return JsonResponse(200, ChallengeJson(*challenge));
}

}  // namespace

void RegisterChallengeRoutes(http::Router& router, Context& ctx) {
  using namespace schema;
  const json challenge = ChallengeSchema();
  const json proposal = ProposalSchema();
  router.Add(verb::post, "/api/v1/challenges",
             Guarded([&ctx](http::Request& r) { return CreateChallenge(ctx, r); }),
             {.summary = "Turn a published demand into a challenge (揭榜挂帅) with a reward, a "
                         "deadline, judging criteria and judges (usernames)",
              .tag = "challenges",
              .auth = true,
              .request_body = ChallengeInputSchema(),
              .success_status = 201,
              .response = challenge,
              .errors = {400, 401, 403, 422}});
  router.Add(verb::get, "/api/v1/challenges",
             Guarded([&ctx](http::Request& r) { return ListChallenges(ctx, r); }),
             {.summary = "Challenges, newest first",
              .tag = "challenges",
              .query_params = PageQuery(),
              .response = PageOf(challenge),
              .errors = {400}});
  router.Add(verb::get, "/api/v1/challenges/{id}",
             Guarded([&ctx](http::Request& r) { return GetChallenge(ctx, r); }),
             {.summary = "A challenge with its phase; proposals for its organisation, judges "
                         "and their own proposers",
              .tag = "challenges",
              .response = challenge,
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
              .response = challenge,
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
              .response = challenge,
              .errors = {400, 401, 403, 404, 409, 422}});
}

}  // namespace kc::api
