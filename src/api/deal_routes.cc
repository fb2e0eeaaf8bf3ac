// /deals: open a deal, list mine, read one, move it to another stage; its messages,
// documents and contract; an achievement's confidential details.

#include "api/deal_json.h"
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

http::Response OpenDeal(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, SignedIn(ctx, req, true));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  KC_ASSIGN_OR_RESPOND(r, ReadOpenDeal(*body));
  KC_ASSIGN_OR_RESPOND(deal, ctx.deals->Open(*actor, *r));
  return JsonResponse(201, DealJson(*deal));
}

http::Response ListDeals(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, SignedIn(ctx, req, false));
  KC_ASSIGN_OR_RESPOND(page, ReadPage(req));
  std::optional<DealStage> stage;
  if (auto name = req.Query("stage"); name && !name->empty()) {
    stage = DealStageFromName(*name);
    if (!stage) {
      return http::ErrorResponse(BadInput("invalid_parameter", "unknown stage", "stage"));
    }
  }
  KC_ASSIGN_OR_RESPOND(deals, ctx.deals->ListMine(*actor, stage, page->offset(), page->size));
  json items = json::array();
  for (const auto& d : deals->items) items.push_back(DealJson(d));
  return JsonResponse(200, PageJson(items, deals->total, *page));
}

http::Response GetDeal(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, SignedIn(ctx, req, false));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(deal, ctx.deals->Get(*actor, *id));
  return JsonResponse(200, DealJson(*deal));
}

http::Response ChangeStage(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, SignedIn(ctx, req, true));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  std::string stage_name;
  std::optional<std::string> reason_name, note;
  Status s = AllowOnly(*body, {"stage", "reason", "note"});
  if (s.ok()) s = RequireString(*body, "stage", &stage_name);
  if (s.ok()) s = OptString(*body, "reason", &reason_name);
  if (s.ok()) s = OptString(*body, "note", &note);
  std::optional<DealStage> stage = DealStageFromName(stage_name);
  if (s.ok() && !stage) {
    s = Invalid("stage", "invalid_stage",
                "stage is nda, negotiating, signed, registered, completed, declined or cancelled");
  }
  std::optional<DealReason> reason;
  if (s.ok() && reason_name && !reason_name->empty()) {
    reason = DealReasonFromName(*reason_name);
    if (!reason) {
      s = Invalid("reason", "invalid_reason",
                  "reason is too_early, price, technical_fit, ip_terms, capacity or other");
    }
  }
  if (!s.ok()) return http::ErrorResponse(s);
  KC_ASSIGN_OR_RESPOND(deal,
                       ctx.deals->ChangeStage(*actor, *id, *stage, reason, note.value_or("")));
  // 202: a binding step was proposed and waits for the other party.
  const bool proposed = deal->deal.stage != *stage && deal->deal.proposed_stage == *stage;
  return JsonResponse(proposed ? 202 : 200, DealJson(*deal));
}

http::Response WithdrawProposal(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, SignedIn(ctx, req, true));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(deal, ctx.deals->WithdrawProposal(*actor, *id));
  return JsonResponse(200, DealJson(*deal));
}

http::Response PostMessage(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, SignedIn(ctx, req, true));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  std::string text;
  Status s = AllowOnly(*body, {"text"});
  if (s.ok()) s = RequireString(*body, "text", &text);
  if (!s.ok()) return http::ErrorResponse(s);
  KC_ASSIGN_OR_RESPOND(m, ctx.deals->PostMessage(*actor, *id, text));
  return JsonResponse(201, MessageJson(*m));
}

http::Response ListMessages(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, SignedIn(ctx, req, false));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(messages, ctx.deals->Messages(*actor, *id));
  json items = json::array();
  for (const auto& m : *messages) items.push_back(MessageJson(m));
  return JsonResponse(200, {{"items", items}});
}

http::Response Upload(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, SignedIn(ctx, req, true));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  std::string name = req.Query("name").value_or("");
  if (name.empty()) {
    return http::ErrorResponse(Invalid("name", "required", "name the file: ?name=contract.pdf"));
  }
  KC_ASSIGN_OR_RESPOND(a, ctx.deals->Attach(*actor, *id, name, req.body()));
  return JsonResponse(201, AttachmentJson(*a));
}

http::Response ListAttachments(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, SignedIn(ctx, req, false));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(files, ctx.deals->Attachments(*actor, *id));
  json items = json::array();
  for (const auto& a : *files) items.push_back(AttachmentJson(a));
  return JsonResponse(200, {{"items", items}});
}

http::Response Download(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, SignedIn(ctx, req, false));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(file_id, ParseId(req.Param("file_id"), "file_id"));
  KC_ASSIGN_OR_RESPOND(file, ctx.deals->Download(*actor, *id, *file_id));
  http::Response r;
  r.content_type = file->first.content_type;
  r.body = std::move(file->second);
  // RFC 6266/5987: the UTF-8 name percent-encoded, with an ASCII fallback.
  r.AddHeader("Content-Disposition", "attachment; filename=\"attachment\"; filename*=UTF-8''" +
                                         http::PercentEncode(file->first.file_name));
  r.AddHeader("X-Content-Type-Options", "nosniff");
  return r;
}

http::Response PutContract(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, SignedIn(ctx, req, true));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  KC_ASSIGN_OR_RESPOND(c, ReadContract(*body));
  KC_ASSIGN_OR_RESPOND(deal, ctx.deals->RecordContract(*actor, *id, *c));
  return JsonResponse(200, DealJson(*deal));
}

http::Response PutConfidential(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, SignedIn(ctx, req, true));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(body, ParseObject(req));
  std::string details;
  Status s = AllowOnly(*body, {"details"});
  if (s.ok()) s = RequireString(*body, "details", &details);
  if (s.ok()) s = ctx.deals->SetConfidential(*actor, *id, details);
  if (!s.ok()) return http::ErrorResponse(s);
  return JsonResponse(200, {{"details", details}});
}

http::Response GetConfidential(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, SignedIn(ctx, req, false));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  KC_ASSIGN_OR_RESPOND(details, ctx.deals->Confidential(*actor, *id));
  return JsonResponse(200, {{"details", *details}});
}

http::Response ExportHistory(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, SignedIn(ctx, req, false));
  KC_ASSIGN_OR_RESPOND(id, ParseId(req.Param("id"), "id"));
  std::string format = req.Query("format").value_or("csv");
  if (format != "csv" && format != "xlsx") {
    return http::ErrorResponse(BadInput("invalid_parameter", "format is csv or xlsx", "format"));
  }
  KC_ASSIGN_OR_RESPOND(bytes, ctx.deals->ExportHistory(*actor, *id, format == "xlsx"));
  http::Response r;
  r.content_type = format == "xlsx"
                       ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                       : "text/csv; charset=utf-8";
  r.body = std::move(*bytes);
  r.AddHeader("Content-Disposition",
              "attachment; filename=\"deals-org" + std::to_string(*id) + "." + format + "\"");
  return r;
}

}  // namespace

void RegisterDealRoutes(http::Router& router, Context& ctx) {
  using namespace schema;
  const json deal = DealSchema();
  router.Add(verb::post, "/api/v1/deals",
             Guarded([&ctx](http::Request& r) { return OpenDeal(ctx, r); }),
             {.summary = "Open a deal (intent) from a demand, an achievement, or both (a match); "
                         "the side without a listing is org_id or the caller's organisation; a "
                         "service agency's member brokers it",
              .tag = "deals",
              .auth = true,
              .request_body = OpenDealInputSchema(),
              .success_status = 201,
              .response = deal,
              .errors = {400, 401, 403, 422}});
  json query = PageQuery();
  query.push_back(QueryParam("stage", "only deals in this stage"));
  router.Add(verb::get, "/api/v1/deals",
             Guarded([&ctx](http::Request& r) { return ListDeals(ctx, r); }),
             {.summary = "The deals of my organisation (every deal for an admin), newest first",
              .tag = "deals",
              .auth = true,
              .query_params = query,
              .response = PageOf(deal),
              .errors = {400, 401}});
  router.Add(verb::get, "/api/v1/deals/{id}",
             Guarded([&ctx](http::Request& r) { return GetDeal(ctx, r); }),
             {.summary = "A deal with its history; 404 for anyone but its parties and admins",
              .tag = "deals",
              .auth = true,
              .response = deal,
              .errors = {401, 404}});
  router.Add(
      verb::post, "/api/v1/deals/{id}/stage",
      Guarded([&ctx](http::Request& r) { return ChangeStage(ctx, r); }),
      {.summary = "Move a deal to another stage; declined and cancelled need a reason (too_early, "
                  "price, technical_fit, ip_terms, capacity, other) and may carry a note; "
                  "registered needs the contract record. signed, registered and completed bind "
                  "both parties: the first side's request is a proposal (202, `pending`), the "
                  "other side's request for the same stage confirms it (200)",
       .tag = "deals",
       .auth = true,
       .request_body = Obj({{"stage", Str()}, {"reason", Str()}, {"note", Str()}}, {"stage"}),
       .other_successes = {202},
       .response = deal,
       .errors = {400, 401, 403, 404, 409, 422}});
  router.Add(verb::delete_, "/api/v1/deals/{id}/proposal",
             Guarded([&ctx](http::Request& r) { return WithdrawProposal(ctx, r); }),
             {.summary = "Withdraw (the proposing side) or refuse (the other side) a proposed "
                         "binding step",
              .tag = "deals",
              .auth = true,
              .response = deal,
              .errors = {401, 403, 404}});
  const json message = MessageSchema();
  router.Add(verb::post, "/api/v1/deals/{id}/messages",
             Guarded([&ctx](http::Request& r) { return PostMessage(ctx, r); }),
             {.summary = "Post a message to a deal's parties",
              .tag = "deals",
              .auth = true,
              .request_body = Obj({{"text", Str()}}, {"text"}),
              .success_status = 201,
              .response = message,
              .errors = {400, 401, 404, 422}});
  router.Add(verb::get, "/api/v1/deals/{id}/messages",
             Guarded([&ctx](http::Request& r) { return ListMessages(ctx, r); }),
             {.summary = "A deal's messages, oldest first",
              .tag = "deals",
              .auth = true,
              .response = Obj({{"items", {{"type", "array"}, {"items", message}}}}),
              .errors = {401, 404}});
  const json file = AttachmentSchema();
  router.Add(verb::post, "/api/v1/deals/{id}/attachments",
             Guarded([&ctx](http::Request& r) { return Upload(ctx, r); }),
             {.summary = "Attach a document (the raw bytes as the body, at most 5 MiB; pdf, doc, "
                         "docx, xls, xlsx, ppt, pptx, png, jpg, txt or zip)",
              .tag = "deals",
              .auth = true,
              .query_params = json::array({QueryParam("name", "the file name, with extension")}),
              .request_body = {{"type", "string"}, {"format", "binary"}},
              .request_content_type = "application/octet-stream",
              .success_status = 201,
              .response = file,
              .errors = {401, 404, 413, 422},
              .body_size = http::BodySize::kUpload});
  router.Add(verb::get, "/api/v1/deals/{id}/attachments",
             Guarded([&ctx](http::Request& r) { return ListAttachments(ctx, r); }),
             {.summary = "A deal's documents",
              .tag = "deals",
              .auth = true,
              .response = Obj({{"items", {{"type", "array"}, {"items", file}}}}),
              .errors = {401, 404}});
  router.Add(verb::get, "/api/v1/deals/{id}/attachments/{file_id}",
             Guarded([&ctx](http::Request& r) { return Download(ctx, r); }),
             {.summary = "Download a document (parties only)",
              .tag = "deals",
              .auth = true,
              .response = Binary(),
              .errors = {401, 404}});
  router.Add(verb::put, "/api/v1/deals/{id}/contract",
             Guarded([&ctx](http::Request& r) { return PutContract(ctx, r); }),
             {.summary = "Record the signed deal's contract for registration (技术合同登记): "
                         "type, amount, signing date, registration number",
              .tag = "deals",
              .auth = true,
              .request_body = ContractInputSchema(),
              .response = deal,
              .errors = {400, 401, 404, 409, 422}});
  json secret = Obj({{"details", Str()}}, {"details"});
  router.Add(verb::put, "/api/v1/achievements/{id}/confidential",
             Guarded([&ctx](http::Request& r) { return PutConfidential(ctx, r); }),
             {.summary = "Set an achievement's confidential details, which deal parties see "
                         "only after the NDA stage",
              .tag = "deals",
              .auth = true,
              .request_body = secret,
              .response = secret,
              .errors = {400, 401, 403, 404, 422}});
  router.Add(verb::get, "/api/v1/achievements/{id}/confidential",
             Guarded([&ctx](http::Request& r) { return GetConfidential(ctx, r); }),
             {.summary = "An achievement's confidential details, for its organisation",
              .tag = "deals",
              .auth = true,
              .response = secret,
              .errors = {401, 403, 404}});
  router.Add(verb::get, "/api/v1/orgs/{id}/deals/export",
             Guarded([&ctx](http::Request& r) { return ExportHistory(ctx, r); }),
             {.summary = "The organisation's deal history (every recorded stage change, message "
                         "and document) as CSV or XLSX, for its admins",
              .tag = "deals",
              .auth = true,
              .query_params = json::array({QueryParam("format", "csv (default) or xlsx")}),
              .response = Binary(),
              .errors = {400, 401, 403, 404}});
}

}  // namespace kc::api
