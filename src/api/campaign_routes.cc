// /campaigns (榜单与奖项): set-up, nominations, review, publication, results; /me/reviews and
// /nominations/{id}/scores for reviewers.
#include "api/campaign_json.h"
#include "api/json_io.h"
#include "api/routes.h"
#include "api/schemas.h"
#include "core/shanghai_day.h"

namespace kc::api {

namespace {

using http::bhttp::verb;

http::Response ListTemplates(Context& ctx, http::Request& req) {
  // This year in China's time zone, by the platform's clock, unless the caller names one.
  int year = ShanghaiYear(ctx.clock.Now());
  if (auto y = req.Query("year"); y && !y->empty()) {
    auto parsed = ParseId(*y, "year");
    if (!parsed.ok()) return http::ErrorResponse(parsed.status());
    year = static_cast<int>(std::clamp<int64_t>(*parsed, 2000, 2100));
  }
  json items = json::array();
  for (const auto& key : CampaignTemplateKeys()) {
    items.push_back(CampaignTemplateJson(key, *CampaignFromTemplate(key, year)));
  }
  return JsonResponse(200, {{"items", items}});
}

http::Response CreateCampaign(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  KC_ASSIGN_OR_RESPOND(c, ReadNewCampaign(*body));
  KC_ASSIGN_OR_RESPOND(created, ctx.campaigns->Create(*actor, *c));
  return JsonResponse(201, CampaignJson(*created));
}

http::Response PatchCampaign(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  Status s = AllowOnlyCampaignFields(*body);
  if (!s.ok()) return http::ErrorResponse(s);
  KC_ASSIGN_OR_RESPOND(c, ctx.campaigns->Get(*actor, *id));
  s = ReadCampaign(*body, &*c);
  if (!s.ok()) return http::ErrorResponse(s);
  KC_ASSIGN_OR_RESPOND(updated, ctx.campaigns->Update(*actor, *c));
  return JsonResponse(200, CampaignJson(*updated));
}

http::Response ListCampaigns(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(page, ReadPage(req));
  CampaignQuery q;
  q.offset = page->offset();
  q.limit = page->size;
  q.series = req.Query("series").value_or("");
  if (auto st = req.Query("status"); st && !st->empty()) {
    auto status = CampaignStatusFromName(*st);
    if (!status) {
      return http::ErrorResponse(
          BadInput("invalid_parameter", "status is draft, open, review or published", "status"));
    }
    q.statuses = {*status};
  }
  KC_ASSIGN_OR_RESPOND(campaigns, ctx.campaigns->List(*actor, q));
  json items = json::array();
  for (const auto& c : campaigns->items) items.push_back(CampaignJson(c));
  return JsonResponse(200, PageJson(items, campaigns->total, *page));
}

http::Response GetCampaign(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(c, ctx.campaigns->Get(*actor, *id));
  return JsonResponse(200, CampaignJson(*c));
}

http::Response OpenCampaign(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(c, ctx.campaigns->Open(*actor, *id));
  return JsonResponse(200, CampaignJson(*c));
}

http::Response Nominate(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  KC_ASSIGN_OR_RESPOND(n, ReadNomination(*body));
  KC_ASSIGN_OR_RESPOND(created, ctx.campaigns->Nominate(*actor, *id, *n));
  return JsonResponse(201, NominationJson(*created, *actor, false));
}

http::Response ListNominations(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(noms, ctx.campaigns->Nominations(*actor, *id));
  json items = json::array();
  for (const auto& n : *noms) items.push_back(NominationJson(n, *actor, false));
  return JsonResponse(200, {{"items", items}});
}

http::Response DeclareConflict(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  std::optional<int64_t> org, reviewer;
  std::optional<std::string> reason;
  Status s = AllowOnly(*body, {"org_id", "reviewer_id", "reason"});
  if (s.ok()) s = OptInt(*body, "org_id", &org);
  if (s.ok()) s = OptInt(*body, "reviewer_id", &reviewer);
  if (s.ok()) s = OptString(*body, "reason", &reason);
  if (s.ok() && !org) s = Invalid("org_id", "required", "name the organisation");
  if (!s.ok()) return http::ErrorResponse(s);
  s = ctx.campaigns->DeclareConflict(*actor, *id, reviewer.value_or(0), *org, reason.value_or(""));
  if (!s.ok()) return http::ErrorResponse(s);
  http::Response r;
  r.status = 204;
  return r;
}

http::Response StartReview(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(report, ctx.campaigns->StartReview(*actor, *id));
  return JsonResponse(200, AssignmentReportJson(*report));
}

http::Response MyReviews(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(tasks, ctx.campaigns->MyReviews(*actor));
  json items = json::array();
  for (const auto& t : *tasks) items.push_back(ReviewTaskJson(t, *actor));
  return JsonResponse(200, {{"items", items}});
}

http::Response Score(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  KC_ASSIGN_OR_RESPOND(scores, ReadScores(*body));
  Status s = ctx.campaigns->Score(*actor, *id, *scores);
  if (!s.ok()) return http::ErrorResponse(s);
  http::Response r;
  r.status = 204;
  return r;
}

http::Response Publish(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(published, ctx.campaigns->Publish(*actor, *id));
  return JsonResponse(200, ResultsJson(published->campaign, published->results));
}

http::Response Results(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(c, ctx.campaigns->Get(*actor, *id));
  KC_ASSIGN_OR_RESPOND(rows, ctx.campaigns->Results(*id));
  return JsonResponse(200, ResultsJson(*c, *rows));
}

}  // namespace

void RegisterCampaignRoutes(http::Router& router, Context& ctx) {
  using namespace schema;
  const json campaign = CampaignSchema();
  const json nomination = NominationSchema();
  const json results = ResultsSchema();
  json list_query = PageQuery();
  list_query.push_back(QueryParam("series", "one series (e.g. pioneer-technology): its history"));
  list_query.push_back(QueryParam("status", "draft (admins), open, review or published"));
  router.Add(verb::get, "/api/v1/campaigns",
             Guarded([&ctx](http::Request& r) { return ListCampaigns(ctx, r); }),
             {.summary = "Ranked lists and awards, newest year first (with series=…&status="
                         "published: a list's history by year)",
              .tag = "campaigns",
              .query_params = list_query,
              .response = PageOf(campaign),
              .errors = {400}});
  router.Add(verb::get, "/api/v1/campaigns/templates",
             Guarded([&ctx](http::Request& r) { return ListTemplates(ctx, r); }),
             {.summary = "The built-in templates: 先导技术, 新锐企业, 产学研融通组织, "
                         "求是杰出青年成果转化奖",
              .tag = "campaigns",
              .query_params = json::array({QueryParam("year",
                                                      "the edition's year (default: this year in "
                                                      "China's time zone)",
                                                      Int())}),
              .response = Obj({{"items", ListOf(CampaignTemplateSchema())}}),
              .errors = {400}});
  router.Add(verb::post, "/api/v1/campaigns",
             Guarded([&ctx](http::Request& r) { return CreateCampaign(ctx, r); }),
             {.summary = "Create a campaign as a draft (admins), from {template, year} and the "
                         "four windows, or from every field",
              .tag = "campaigns",
              .auth = true,
              .request_body = CampaignInputSchema(/*for_create=*/true),
              .success_status = 201,
              .response = campaign,
              .errors = {400, 401, 403, 409, 422}});
  router.Add(verb::get, "/api/v1/campaigns/{id}",
             Guarded([&ctx](http::Request& r) { return GetCampaign(ctx, r); }),
             {.summary = "A campaign (drafts for admins only)",
              .tag = "campaigns",
              .response = campaign,
              .errors = {400, 404}});
  router.Add(verb::patch, "/api/v1/campaigns/{id}",
             Guarded([&ctx](http::Request& r) { return PatchCampaign(ctx, r); }),
             {.summary = "Edit a draft or open campaign (admins); 409 once under review or "
                         "published",
              .tag = "campaigns",
              .auth = true,
              .request_body = CampaignInputSchema(/*for_create=*/false),
              .response = campaign,
              .errors = {400, 401, 403, 404, 409, 422}});
  router.Add(verb::post, "/api/v1/campaigns/{id}/open",
             Guarded([&ctx](http::Request& r) { return OpenCampaign(ctx, r); }),
             {.summary = "Open a draft for nominations (admins)",
              .tag = "campaigns",
              .auth = true,
              .response = campaign,
              .errors = {400, 401, 403, 404, 409}});
  router.Add(verb::post, "/api/v1/campaigns/{id}/nominations",
             Guarded([&ctx](http::Request& r) { return Nominate(ctx, r); }),
             {.summary = "Nominate (an organisation's admins): eligibility is checked and a "
                         "refusal says why (422 ineligible)",
              .tag = "campaigns",
              .auth = true,
              .request_body = NominationInputSchema(),
              .success_status = 201,
              .response = nomination,
              .errors = {400, 401, 403, 404, 409, 422}});
  router.Add(verb::get, "/api/v1/campaigns/{id}/nominations",
             Guarded([&ctx](http::Request& r) { return ListNominations(ctx, r); }),
             {.summary = "Nominations: all for admins, one's own organisation's for others",
              .tag = "campaigns",
              .auth = true,
              .response = Obj({{"items", {{"type", "array"}, {"items", nomination}}}}),
              .errors = {400, 401, 404}});
  router.Add(verb::post, "/api/v1/campaigns/{id}/conflicts",
             Guarded([&ctx](http::Request& r) { return DeclareConflict(ctx, r); }),
             {.summary = "Declare a conflict of interest with an organisation (a reviewer for "
                         "themself; admins for reviewer_id)",
              .tag = "campaigns",
              .auth = true,
              .request_body = Obj({{"org_id", Int()}, {"reviewer_id", Int()}, {"reason", Str()}},
                                  json::array({"org_id"})),
              .success_status = 204,
              .errors = {400, 401, 403, 404, 409, 422}});
  router.Add(verb::post, "/api/v1/campaigns/{id}/review",
             Guarded([&ctx](http::Request& r) { return StartReview(ctx, r); }),
             {.summary = "Close nominations and draw reviewers from the expert pool by "
                         "discipline, never of a nominee's or nominator's organisation or a "
                         "declared conflict (admins); again to top up",
              .tag = "campaigns",
              .auth = true,
              .response = AssignmentReportSchema(),
              .errors = {400, 401, 403, 404, 409}});
  router.Add(verb::post, "/api/v1/campaigns/{id}/publish",
             Guarded([&ctx](http::Request& r) { return Publish(ctx, r); }),
             {.summary = "Rank and publish (admins); results are frozen afterwards (409)",
              .tag = "campaigns",
              .auth = true,
              .response = results,
              .errors = {400, 401, 403, 404, 409}});
  router.Add(verb::get, "/api/v1/campaigns/{id}/results",
             Guarded([&ctx](http::Request& r) { return Results(ctx, r); }),
             {.summary = "The published list: rank, nominee, total and score per criterion; "
                         "reviewers stay anonymous",
              .tag = "campaigns",
              .response = results,
              .errors = {400, 404}});
  router.Add(verb::get, "/api/v1/me/reviews",
             Guarded([&ctx](http::Request& r) { return MyReviews(ctx, r); }),
             {.summary = "My review tasks with the criteria and my scores so far",
              .tag = "campaigns",
              .auth = true,
              .response = Obj({{"items", ListOf(ReviewTaskSchema())}}),
              .errors = {401}});
  router.Add(verb::post, "/api/v1/nominations/{id}/scores",
             Guarded([&ctx](http::Request& r) { return Score(ctx, r); }),
             {.summary = "Score a nomination assigned to me: {scores: {criterion: 0..max}}",
              .tag = "campaigns",
              .auth = true,
              .request_body = Obj({{"scores", {{"type", "object"}}}}, json::array({"scores"})),
              .success_status = 204,
              .errors = {400, 401, 403, 404, 409, 422}});
}

}  // namespace kc::api
