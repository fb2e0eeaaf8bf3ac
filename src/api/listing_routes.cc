// /demands, /achievements and /experts: list, create, read, edit, delete, export and the
// review workflow (submit, approve, reject, close, renew) with each listing's history.
#include "api/json_io.h"
#include "api/routes.h"
#include "api/schemas.h"
#include "core/iso_time.h"
#include "service/listing_json.h"
#include "service/listing_policy.h"

namespace kc::api {

namespace {

using http::bhttp::verb;

// The listing as `actor` may see it, written as the answer's body.
void WriteView(JsonWriter& w, const ListingWithOrg& item, const Actor& actor) {
  WriteListing(w, item.listing, &item.org, ViewLevelFor(actor, item.listing));
}

http::Response ViewResponse(int status, const ListingWithOrg& item, const Actor& actor) {
  JsonWriter w;
  WriteView(w, item, actor);
  http::Response r;
  r.status = status;
  r.body = w.Take();
  return r;
}

// Reads the list filters shared by list and export.
Result<ListingQuery> ReadQuery(const http::Request& req, const Actor& actor) {
  ListingQuery q;
  if (auto st = req.Query("status"); st && !st->empty()) {
    auto s = StatusFromName(*st);
    if (!s) return BadInput("invalid_parameter", "unknown status: " + *st, "status");
    q.statuses = {*s};
  }
  if (auto org = req.Query("org_id"); org && !org->empty()) {
    if (*org == "mine") {
      if (!actor.user || !actor.user->org_id) return Unauthorized("sign in with an organisation");
      q.org_id = *actor.user->org_id;
    } else {
      auto id = ParseId(*org, "org_id");
      if (!id.ok()) return id.status();
      q.org_id = *id;
    }
  }
  q.category = req.Query("category").value_or("");
  q.discipline = req.Query("discipline").value_or("");
  q.region_prefix = req.Query("region").value_or("");
  q.text = req.Query("q").value_or("");
  std::string sort = req.Query("sort").value_or("newest");
  if (sort == "newest") {
    q.sort = ListingSort::kNewest;
  } else if (sort == "oldest") {
    q.sort = ListingSort::kOldest;
  } else if (sort == "updated") {
    q.sort = ListingSort::kUpdated;
  } else if (sort == "title") {
    q.sort = ListingSort::kTitle;
  } else {
    return BadInput("invalid_parameter", "sort is newest, oldest, updated or title", "sort");
  }
  return q;
}

class ListingHandlers {
 public:
  ListingHandlers(Context& ctx, ListingKind kind) : ctx_(ctx), kind_(kind) {}

  http::Response List(http::Request& req) {
    KC_ASSIGN_OR_RESPOND(actor, ctx_.Authenticate(req, false));
    KC_ASSIGN_OR_RESPOND(page, ReadPage(req));
    KC_ASSIGN_OR_RESPOND(q, ReadQuery(req, *actor));
    // A list gives each listing as GET /{kind}/{id} does; view=summary gives what list pages
    // show, read and written in a fraction of the time.
    std::string view = req.Query("view").value_or("full");
    if (view != "summary" && view != "full") {
      return http::ErrorResponse(BadInput("invalid_parameter", "view is summary or full", "view"));
    }
    q->kind = kind_;
    q->offset = page->offset();
    q->limit = page->size;
    q->summary_only = view == "summary";
    KC_ASSIGN_OR_RESPOND(result, ctx_.listings.List(*actor, *q));
    // The list envelope of PageJson, written as text.
    JsonWriter w;
    w.BeginObject().Key("items").BeginArray();
    for (const auto& item : result->items) {
      if (q->summary_only) {
        WriteListingSummary(w, item.listing, &item.org, ViewLevelFor(*actor, item.listing));
      } else {
        WriteView(w, item, *actor);
      }
    }
    w.EndArray().Key("page").Int(page->page).Key("size").Int(page->size);
    w.Key("total").Int(result->total).EndObject();
    http::Response r;
    r.body = w.Take();
    return r;
  }

  http::Response Create(http::Request& req) {
    KC_ASSIGN_OR_RESPOND(actor, ctx_.Authenticate(req, true));
    if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
    KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
    KC_ASSIGN_OR_RESPOND(draft, ListingFromJson(*body, kind_, JsonMode::kStrict));
    KC_ASSIGN_OR_RESPOND(created, ctx_.listings.Create(*actor, std::move(*draft)));
    return ViewResponse(201, *created, *actor);
  }

  http::Response Get(http::Request& req) {
    KC_ASSIGN_OR_RESPOND(actor, ctx_.Authenticate(req, false));
    KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
    // Every visitor sees a listing alike: their answer is kept until the next write.
    VisitorCache* cache = actor->signed_in() ? nullptr : ctx_.visitor_cache;
    std::string key;
    VisitorCache::Stamp stamp;
    if (cache != nullptr) {
      key = std::string(KindName(kind_)) + "/" + std::to_string(*id);
      if (std::optional<std::string> kept = cache->Find(key)) {
        http::Response r;
        r.body = std::move(*kept);
        return r;
      }
      stamp = cache->Take();
    }
    KC_ASSIGN_OR_RESPOND(item, ctx_.listings.Get(*actor, kind_, *id));
    http::Response r = ViewResponse(200, *item, *actor);
    if (cache != nullptr) cache->Put(key, stamp, r.body);
    return r;
  }

  http::Response Patch(http::Request& req) {
    KC_ASSIGN_OR_RESPOND(actor, ctx_.Authenticate(req, true));
    if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
    KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
    KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
    if (body->contains("org_id")) {
      return http::ErrorResponse(
          BadInput("unknown_field", "a listing cannot move to another organisation", "org_id"));
    }
    KC_ASSIGN_OR_RESPOND(current, ctx_.listings.Get(*actor, kind_, *id));
    json merged = EditableJson(current->listing);
    merged.merge_patch(*body);
    KC_ASSIGN_OR_RESPOND(edited, ListingFromJson(merged, kind_, JsonMode::kStrict));
    KC_ASSIGN_OR_RESPOND(updated, ctx_.listings.Update(*actor, kind_, *id, std::move(*edited)));
    return ViewResponse(200, *updated, *actor);
  }

  http::Response Delete(http::Request& req) {
    KC_ASSIGN_OR_RESPOND(actor, ctx_.Authenticate(req, true));
    KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
    Status s = ctx_.listings.Delete(*actor, kind_, *id);
    if (!s.ok()) return http::ErrorResponse(s);
    http::Response r;
    r.status = 204;
    return r;
  }

  http::Response Step(http::Request& req, ReviewAction action) {
    KC_ASSIGN_OR_RESPOND(actor, ctx_.Authenticate(req, true));
    if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
    KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
    std::string reason;
    if (!req.body().empty() || action == ReviewAction::kReject) {
      KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
      Status s = AllowOnly(*body, {"reason"});
      if (s.ok() && action == ReviewAction::kReject) s = RequireString(*body, "reason", &reason);
      if (!s.ok()) return http::ErrorResponse(s);
    }
    KC_ASSIGN_OR_RESPOND(item, ctx_.listings.Apply(*actor, kind_, *id, action, reason));
    return ViewResponse(200, *item, *actor);
  }

  http::Response History(http::Request& req) {
    KC_ASSIGN_OR_RESPOND(actor, ctx_.Authenticate(req, false));
    KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
    KC_ASSIGN_OR_RESPOND(entries, ctx_.listings.History(*actor, kind_, *id));
    json items = json::array();
    for (const auto& e : *entries) {
      items.push_back({{"at", IsoTime(e.at)},
                       {"actor_id", e.actor_id ? json(*e.actor_id) : json(nullptr)},
                       {"action", e.action},
                       {"detail", json::parse(e.detail, nullptr, false)}});
    }
    return JsonResponse(200, {{"items", items}});
  }

  http::Response Export(http::Request& req) {
    KC_ASSIGN_OR_RESPOND(actor, ctx_.Authenticate(req, false));
    if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
    KC_ASSIGN_OR_RESPOND(q, ReadQuery(req, *actor));
    std::string format = req.Query("format").value_or("csv");
    if (format != "csv" && format != "jsonl") {
      return http::ErrorResponse(BadInput("invalid_parameter", "format is csv or jsonl", "format"));
    }
    KC_ASSIGN_OR_RESPOND(
        data, ctx_.exporter.Export(*actor, kind_, *q,
                                   format == "csv" ? ExportFormat::kCsv : ExportFormat::kJsonl));
    http::Response r;
    r.content_type = format == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson";
    r.body = std::move(*data);
    r.AddHeader("Content-Disposition",
                "attachment; filename=\"" + std::string(KindPlural(kind_)) + "." + format + "\"");
    return r;
  }

 private:
  Context& ctx_;
  ListingKind kind_;
};

const char* InputSchemaName(ListingKind kind) {
  switch (kind) {
    case ListingKind::kDemand:
      return "DemandInput";
    case ListingKind::kAchievement:
      return "AchievementInput";
    case ListingKind::kExpert:
      return "ExpertInput";
    case ListingKind::kTalent:
      return "TalentInput";
    case ListingKind::kTalentDemand:
      return "TalentDemandInput";
  }
  return "DemandInput";
}

void RegisterKind(http::Router& router, Context& ctx, ListingKind kind) {
  using namespace schema;
  auto h = std::make_shared<ListingHandlers>(ctx, kind);
  const std::string base = "/api/v1/" + std::string(KindPlural(kind));
  const std::string noun(KindName(kind));
  const std::string tag(KindPlural(kind));
  json filters = PageQuery();
  filters.push_back(QueryParam("status",
                               "draft, pending, published, rejected, closed or "
                               "expired (other than published: reviewers and the "
                               "owning organisation)"));
  filters.push_back(QueryParam("org_id", "an organisation id, or 'mine'"));
  filters.push_back(QueryParam("category", "门类"));
  filters.push_back(QueryParam("discipline", "学科"));
  filters.push_back(QueryParam("region", "GB/T 2260 code or prefix"));
  filters.push_back(QueryParam("q", "part of the title or a keyword"));
  filters.push_back(QueryParam("sort", "newest, oldest, updated or title"));

  json list_params = filters;
  list_params.push_back(QueryParam(
      "view", "full (default: each Listing) or summary (each listing's ListingSummary)"));
  router.Add(
      verb::get, base, Guarded([h](http::Request& r) { return h->List(r); }),
      {.summary = "List " + tag + " (view=summary for compact summaries)",
       .tag = tag,
       .query_params = list_params,
       .response = PageOf({{"anyOf", {Ref(ListingSchemaName(kind)), Ref("ListingSummary")}}}),
       .errors = {400, 403}});
  router.Add(verb::post, base, Guarded([h](http::Request& r) { return h->Create(r); }),
             {.summary = "Create a " + noun + " as a draft",
              .tag = tag,
              .auth = true,
              .request_body = Ref(InputSchemaName(kind)),
              .success_status = 201,
              .response = Ref(ListingSchemaName(kind)),
              .errors = {400, 403, 409, 422}});
  json export_params = filters;
  export_params.push_back(QueryParam("format", "csv (default) or jsonl"));
  router.Add(verb::get, base + "/export", Guarded([h](http::Request& r) { return h->Export(r); }),
             {.summary = "Export " + tag + " as CSV or JSON Lines",
              .tag = tag,
              .auth = true,
              .query_params = export_params,
              .errors = {400, 403}});
  router.Add(verb::get, base + "/{id}", Guarded([h](http::Request& r) { return h->Get(r); }),
             {.summary = "A " + noun + " (details for signed-in members)",
              .tag = tag,
              .response = Ref(ListingSchemaName(kind)),
              .errors = {400, 404}});
  router.Add(verb::patch, base + "/{id}", Guarded([h](http::Request& r) { return h->Patch(r); }),
             {.summary = "Edit a " + noun +
                         " (owning organisation); a published one is "
                         "reviewed again",
              .tag = tag,
              .auth = true,
              .request_body = ListingInput(kind, true),
              .response = Ref(ListingSchemaName(kind)),
              .errors = {400, 403, 404, 409, 422}});
  router.Add(verb::delete_, base + "/{id}", Guarded([h](http::Request& r) { return h->Delete(r); }),
             {.summary = "Delete a " + noun,
              .tag = tag,
              .auth = true,
              .success_status = 204,
              .errors = {403, 404}});
  struct StepDoc {
    const char* name;
    ReviewAction action;
    const char* summary;
  };
  for (const StepDoc& s :
       {StepDoc{"submit", ReviewAction::kSubmit, "Submit for review"},
        StepDoc{"approve", ReviewAction::kApprove, "Publish (reviewers)"},
        StepDoc{"reject", ReviewAction::kReject, "Reject with a reason the owner sees (reviewers)"},
        StepDoc{"close", ReviewAction::kClose, "Close"},
        StepDoc{"renew", ReviewAction::kRenew, "Extend the expiry by a year"}}) {
    ReviewAction action = s.action;
    json body = action == ReviewAction::kReject ? Obj({{"reason", Str()}}, {"reason"}) : json();
    router.Add(verb::post, base + "/{id}/" + s.name,
               Guarded([h, action](http::Request& r) { return h->Step(r, action); }),
               {.summary = std::string(s.summary) + ": " + noun,
                .tag = tag,
                .auth = true,
                .request_body = body,
                .response = Ref(ListingSchemaName(kind)),
                .errors = {400, 403, 404, 409, 422}});
  }
  router.Add(verb::get, base + "/{id}/history",
             Guarded([h](http::Request& r) { return h->History(r); }),
             {.summary = "The audit trail of a " + noun + " (owning organisation, reviewers)",
              .tag = tag,
              .auth = true,
              .response = Obj({{"items", ListOf(Obj({{"at", Time()},
                                                     {"actor_id", Nullable(Int())},
                                                     {"action", Str()},
                                                     {"detail", json::object()}},
                                                    {"at", "actor_id", "action", "detail"}))}},
                              {"items"}),
              .errors = {403, 404}});
}

}  // namespace

void RegisterListingRoutes(http::Router& router, Context& ctx) {
  for (auto kind : AllKinds()) RegisterKind(router, ctx, kind);
}

}  // namespace kc::api
