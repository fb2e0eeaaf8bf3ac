// /bases: the offshore innovation bases (海外人才离岸创新创业基地), their people and projects, and
// the count by country (docs/bases.md).
#include "api/import_json.h"
#include "api/json_io.h"
#include "api/offshore_base_json.h"
#include "api/routes.h"
#include "api/schemas.h"

namespace kc::api {

namespace {

using http::bhttp::verb;

http::Response ListBases(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(page, ReadPage(req));
  BaseListFilter f;
  f.offset = page->offset();
  f.limit = page->size;
  f.country = req.Query("country").value_or("");
  f.field = req.Query("field").value_or("");
  f.text = req.Query("q").value_or("");
  if (auto org = req.Query("org_id"); org && !org->empty()) {
    KC_ASSIGN_OR_RESPOND(id, ParseId(*org, "org_id"));
    f.org_id = *id;
  }
  if (auto status = req.Query("status"); status && !status->empty()) {
    f.status = BaseStatusFromName(*status);
    if (!f.status) {
      return http::ErrorResponse(
          BadInput("invalid_parameter", "status is draft, published or closed", "status"));
    }
  }
  KC_ASSIGN_OR_RESPOND(bases, ctx.bases->List(*actor, f));
  json items = json::array();
  for (const auto& b : bases->items) items.push_back(OffshoreBaseJson(b));
  return JsonResponse(200, PageJson(items, bases->total, *page));
}

http::Response Countries(Context& ctx, http::Request&) {
  KC_ASSIGN_OR_RESPOND(counts, ctx.bases->CountByCountry());
  return JsonResponse(200, BaseCountriesJson(*counts));
}

http::Response GetBase(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, false));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(detail, ctx.bases->Get(*actor, *id));
  return JsonResponse(200, OffshoreBaseJson(*detail));
}

http::Response CreateBase(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  OffshoreBase b;
  Status s = ReadOffshoreBase(*body, /*for_create=*/true, &b);
  if (!s.ok()) return http::ErrorResponse(s);
  KC_ASSIGN_OR_RESPOND(created, ctx.bases->Create(*actor, std::move(b)));
  return JsonResponse(201, OffshoreBaseJson(*created));
}

http::Response PatchBase(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  KC_ASSIGN_OR_RESPOND(current, ctx.bases->Get(*actor, *id));
  OffshoreBase b = current->base;
  Status s = ReadOffshoreBase(*body, /*for_create=*/false, &b);
  if (!s.ok()) return http::ErrorResponse(s);
  KC_ASSIGN_OR_RESPOND(updated, ctx.bases->Update(*actor, std::move(b)));
  return JsonResponse(200, OffshoreBaseJson(*updated));
}

http::Response DeleteBase(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  Status s = ctx.bases->Delete(*actor, *id);
  if (!s.ok()) return http::ErrorResponse(s);
  http::Response r;
  r.status = 204;
  return r;
}

http::Response SetPeople(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  KC_ASSIGN_OR_RESPOND(people, ReadBasePeople(*body));
  KC_ASSIGN_OR_RESPOND(saved, ctx.bases->SetPeople(*actor, *id, std::move(*people)));
  json items = json::array();
  for (const auto& p : *saved) items.push_back(BasePersonJson(p));
  return JsonResponse(200, {{"people", items}});
}

http::Response SetProjects(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  KC_ASSIGN_OR_RESPOND(projects, ReadBaseProjects(*body));
  KC_ASSIGN_OR_RESPOND(saved, ctx.bases->SetProjects(*actor, *id, std::move(*projects)));
  json items = json::array();
  for (const auto& p : *saved) items.push_back(BaseProjectJson(p));
  return JsonResponse(200, {{"projects", items}});
}

http::Response ImportBases(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(report, ctx.bases->Import(*actor, req.body()));
  return JsonResponse(200, ImportReportJson(*report));
}

}  // namespace

void RegisterOffshoreBaseRoutes(http::Router& router, Context& ctx) {
  using namespace schema;
  const json base = OffshoreBaseSchema();
  json query = PageQuery();
  query.push_back(QueryParam("country", "an ISO 3166-1 alpha-2 code"));
  query.push_back(QueryParam("field", "a taxonomy category or discipline (Chinese name)"));
  query.push_back(QueryParam("org_id", "the organisation that runs the base", Int()));
  query.push_back(QueryParam("q", "text in the name, English name, city or host"));
  query.push_back(
      QueryParam("status", "draft, published or closed (drafts for those who maintain them)"));
  router.Add(
      verb::get, "/api/v1/bases", Guarded([&ctx](http::Request& r) { return ListBases(ctx, r); }),
      {.summary = "Offshore innovation bases (海外人才离岸创新创业基地), by country, city and "
                  "name; visitors see published and closed bases",
       .tag = "bases",
       .query_params = query,
       .response = PageOf(base),
       .errors = {400}});
  router.Add(verb::post, "/api/v1/bases",
             Guarded([&ctx](http::Request& r) { return CreateBase(ctx, r); }),
             {.summary = "Add a base (platform admins; org admins for their own organisation), "
                         "a draft unless status says otherwise",
              .tag = "bases",
              .auth = true,
              .request_body = OffshoreBaseInputSchema(/*for_create=*/true),
              .success_status = 201,
              .response = base,
              .errors = {400, 401, 403, 422}});
  router.Add(verb::post, "/api/v1/bases/import",
             Guarded([&ctx](http::Request& r) { return ImportBases(ctx, r); }),
             {.summary = "Import bases from CSV (UTF-8, UTF-16 or GB18030; columns in "
                         "docs/bases.md): platform admins, and org admins for their own "
                         "organisation; every bad line reported with its number, the others "
                         "imported",
              .tag = "bases",
              .auth = true,
              .request_body = {{"type", "string"}},
              .request_content_type = "text/csv",
              .response = Ref("ImportReport"),
              .errors = {400, 401, 403, 413},
              .body_size = http::BodySize::kUpload},
             http::Pool::kBlocking);
  router.Add(verb::get, "/api/v1/bases/countries",
             Guarded([&ctx](http::Request& r) { return Countries(ctx, r); }),
             {.summary = "The public bases by country, most first (the chart of the bases page)",
              .tag = "bases",
              .response = BaseCountriesSchema()});
  router.Add(verb::get, "/api/v1/bases/{id}",
             Guarded([&ctx](http::Request& r) { return GetBase(ctx, r); }),
             {.summary = "A base with its people and the projects the caller may read",
              .tag = "bases",
              .response = OffshoreBaseSchema(/*detail=*/true),
              .errors = {400, 404}});
  router.Add(verb::patch, "/api/v1/bases/{id}",
             Guarded([&ctx](http::Request& r) { return PatchBase(ctx, r); }),
             {.summary = "Edit a base, its status included (those who maintain it; only platform "
                         "admins change org_id)",
              .tag = "bases",
              .auth = true,
              .request_body = OffshoreBaseInputSchema(/*for_create=*/false),
              .response = base,
              .errors = {400, 401, 403, 404, 422}});
  router.Add(verb::delete_, "/api/v1/bases/{id}",
             Guarded([&ctx](http::Request& r) { return DeleteBase(ctx, r); }),
             {.summary = "Delete a base with its people and projects (those who maintain it)",
              .tag = "bases",
              .auth = true,
              .success_status = 204,
              .errors = {400, 401, 403, 404}});
  router.Add(
      verb::put, "/api/v1/bases/{id}/people",
      Guarded([&ctx](http::Request& r) { return SetPeople(ctx, r); }),
      {.summary = "Replace the people of a base, in display order (at most 50)",
       .tag = "bases",
       .auth = true,
       .request_body =
           Obj({{"people", ListOf(Obj({{"name", Str()}, {"role", Str()}}, json::array({"name"})))}},
               json::array({"people"})),
       .response = Obj({{"people", ListOf(BasePersonSchema())}}, json::array({"people"})),
       .errors = {400, 401, 403, 404, 422}});
  router.Add(
      verb::put, "/api/v1/bases/{id}/projects",
      Guarded([&ctx](http::Request& r) { return SetProjects(ctx, r); }),
      {.summary = "Replace the projects a base hosts: listings the caller may read, in "
                  "display order (at most 50)",
       .tag = "bases",
       .auth = true,
       .request_body = Obj({{"projects", ListOf(Obj({{"listing_id", Int()}, {"note", Str()}},
                                                    json::array({"listing_id"})))}},
                           json::array({"projects"})),
       .response = Obj({{"projects", ListOf(BaseProjectSchema())}}, json::array({"projects"})),
       .errors = {400, 401, 403, 404, 422}});
}

}  // namespace kc::api
