// /bodies: the advisory committee (咨询委员会) and the consortium (联合体) with their members.
#include "api/json_io.h"
#include "api/routes.h"
#include "api/schemas.h"
#include "core/iso_time.h"

namespace kc::api {

namespace {

using http::bhttp::verb;

json BodyJson(const Body& b) {
  return {{"id", b.id},
          {"kind", BodyKindName(b.kind)},
          {"slug", b.slug},
          {"name", b.name},
          {"name_en", b.name_en},
          {"description", b.description},
          {"established", b.established}};
}

json MemberJson(const BodyMember& m) {
  return {{"id", m.id},
          {"member_type", MemberTypeName(m.member_type)},
          {"name", m.name},
          {"org_id", m.org_id ? json(*m.org_id) : json(nullptr)},
          {"title", m.title},
          {"role", m.role},
          {"term_start", m.term_start},
          {"term_end", m.term_end},
          {"position", m.position}};
}

http::Response ListBodies(Context& ctx, http::Request&) {
  KC_ASSIGN_OR_RESPOND(bodies, ctx.bodies->List());
  json items = json::array();
  for (const auto& b : *bodies) items.push_back(BodyJson(b));
  return JsonResponse(200, {{"items", items}});
}

http::Response GetBody(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(got, ctx.bodies->Get(req.Param("slug")));
  json j = BodyJson(got->body);
  json members = json::array();
  for (const auto& m : got->members) members.push_back(MemberJson(m));
  j["members"] = members;
  return JsonResponse(200, j);
}

http::Response CreateBody(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  Body b;
  std::string kind;
  std::optional<std::string> name_en, description, established;
  Status s = AllowOnly(*body, {"kind", "slug", "name", "name_en", "description", "established"});
  if (s.ok()) s = RequireString(*body, "kind", &kind);
  if (s.ok()) s = RequireString(*body, "slug", &b.slug);
  if (s.ok()) s = RequireString(*body, "name", &b.name);
  if (s.ok()) s = OptString(*body, "name_en", &name_en);
  if (s.ok()) s = OptString(*body, "description", &description);
  if (s.ok()) s = OptString(*body, "established", &established);
  if (s.ok()) {
    auto k = BodyKindFromName(kind);
    if (!k) s = Invalid("kind", "invalid_kind", "kind is advisory_committee or consortium");
    b.kind = k.value_or(BodyKind::kAdvisoryCommittee);
  }
  if (!s.ok()) return http::ErrorResponse(s);
  b.name_en = name_en.value_or("");
  b.description = description.value_or("");
  b.established = established.value_or("");
  KC_ASSIGN_OR_RESPOND(created, ctx.bodies->Create(*actor, b));
  return JsonResponse(201, BodyJson(*created));
}

http::Response AddMember(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  BodyMember m;
  std::string type;
  std::optional<std::string> title, term_start, term_end;
  std::optional<int64_t> org_id, position;
  Status s = AllowOnly(*body, {"member_type", "name", "org_id", "title", "role", "term_start",
                               "term_end", "position"});
  if (s.ok()) s = RequireString(*body, "member_type", &type);
  if (s.ok()) s = RequireString(*body, "name", &m.name);
  if (s.ok()) s = RequireString(*body, "role", &m.role);
  if (s.ok()) s = OptString(*body, "title", &title);
  if (s.ok()) s = OptString(*body, "term_start", &term_start);
  if (s.ok()) s = OptString(*body, "term_end", &term_end);
  if (s.ok()) s = OptInt(*body, "org_id", &org_id);
  if (s.ok()) s = OptInt(*body, "position", &position);
  if (s.ok()) {
    auto t = MemberTypeFromName(type);
    if (!t) s = Invalid("member_type", "invalid_member_type", "person or organisation");
    m.member_type = t.value_or(MemberType::kPerson);
  }
  if (!s.ok()) return http::ErrorResponse(s);
  m.title = title.value_or("");
  m.term_start = term_start.value_or("");
  m.term_end = term_end.value_or("");
  m.org_id = org_id;
  m.position = static_cast<int>(std::clamp<int64_t>(position.value_or(0), -100000, 100000));
  KC_ASSIGN_OR_RESPOND(created, ctx.bodies->AddMember(*actor, req.Param("slug"), m));
  return JsonResponse(201, MemberJson(*created));
}

http::Response RemoveMember(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  Status s = ctx.bodies->RemoveMember(*actor, req.Param("slug"), *id);
  if (!s.ok()) return http::ErrorResponse(s);
  http::Response r;
  r.status = 204;
  return r;
}

}  // namespace

void RegisterBodyRoutes(http::Router& router, Context& ctx) {
  using namespace schema;
  json body = Obj({{"id", Int()},
                   {"kind", Str()},
                   {"slug", Str()},
                   {"name", Str()},
                   {"name_en", Str()},
                   {"description", Str()},
                   {"established", Str()}});
  json member = Obj({{"id", Int()},
                     {"member_type", Str()},
                     {"name", Str()},
                     {"org_id", Nullable(Int())},
                     {"title", Str()},
                     {"role", Str()},
                     {"term_start", Str()},
                     {"term_end", Str()},
                     {"position", Int()}});
  json with_members = body;
  with_members["properties"]["members"] = {{"type", "array"}, {"items", member}};
  router.Add(verb::get, "/api/v1/bodies",
             Guarded([&ctx](http::Request& r) { return ListBodies(ctx, r); }),
             {.summary = "The advisory committee (咨询委员会) and the consortium (联合体)",
              .tag = "bodies",
              .response = Obj({{"items", {{"type", "array"}, {"items", body}}}})});
  router.Add(verb::post, "/api/v1/bodies",
             Guarded([&ctx](http::Request& r) { return CreateBody(ctx, r); }),
             {.summary = "Add a body (admins): kind advisory_committee or consortium",
              .tag = "bodies",
              .auth = true,
              .request_body = body,
              .success_status = 201,
              .response = body,
              .errors = {400, 401, 403, 409, 422}});
  router.Add(verb::get, "/api/v1/bodies/{slug}",
             Guarded([&ctx](http::Request& r) { return GetBody(ctx, r); }),
             {.summary = "A body with its members, roles and terms",
              .tag = "bodies",
              .response = with_members,
              .errors = {404}});
  router.Add(verb::post, "/api/v1/bodies/{slug}/members",
             Guarded([&ctx](http::Request& r) { return AddMember(ctx, r); }),
             {.summary = "Add a member, a person or an organisation, with role and term (admins)",
              .tag = "bodies",
              .auth = true,
              .request_body = member,
              .success_status = 201,
              .response = member,
              .errors = {400, 401, 403, 404, 422}});
  router.Add(verb::delete_, "/api/v1/bodies/{slug}/members/{id}",
             Guarded([&ctx](http::Request& r) { return RemoveMember(ctx, r); }),
             {.summary = "Remove a member (admins)",
              .tag = "bodies",
              .auth = true,
              .success_status = 204,
              .errors = {400, 401, 403, 404}});
}

}  // namespace kc::api
