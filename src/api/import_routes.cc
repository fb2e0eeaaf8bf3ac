// POST /import/{demands|achievements|experts}: bulk import with a per-line report.
#include "api/json_io.h"
#include "api/routes.h"
#include "api/schemas.h"

namespace kc::api {

namespace {

using http::bhttp::verb;

http::Response Import(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  auto kind = KindFromPlural(req.Param("kind"));
  if (!kind) {
    return http::ErrorResponse(NotFound("import kind '" + std::string(req.Param("kind")) + "'"));
  }
  ImportFormat format = ImportFormat::kAuto;
  std::string ct(req.Header(http::bhttp::field::content_type));
  std::string f = req.Query("format").value_or("");
  if (f == "csv" || ct.starts_with("text/csv")) {
    format = ImportFormat::kCsv;
  } else if (f == "jsonl" || ct.starts_with("application/x-ndjson") ||
             ct.starts_with("application/jsonl") || ct.starts_with("application/json")) {
    format = ImportFormat::kJsonl;
  } else if (!f.empty()) {
    return http::ErrorResponse(BadInput("invalid_parameter", "format is csv or jsonl", "format"));
  }
  KC_ASSIGN_OR_RESPOND(report, ctx.importer.Import(*actor, *kind, req.body(), format));
  json failed = json::array();
  for (const auto& fl : report->failed) {
    json err = {{"code", fl.error.code()}, {"message", fl.error.message()}};
    if (!fl.error.field().empty()) err["field"] = fl.error.field();
    failed.push_back({{"line", fl.line}, {"error", err}});
  }
  return JsonResponse(200, {{"created", report->created},
                            {"failed", failed},
                            {"ignored_fields", report->ignored_fields}});
}

}  // namespace

void RegisterImportRoutes(http::Router& router, Context& ctx) {
  using namespace schema;
  router.Add(verb::post, "/api/v1/import/{kind}",
             Guarded([&ctx](http::Request& r) { return Import(ctx, r); }),
             {.summary = "Bulk import (admins) of demands, achievements or experts from JSON "
                         "Lines or CSV (UTF-8, UTF-16 or GB18030); published at once; every "
                         "bad line reported with its number",
              .tag = "import",
              .auth = true,
              .query_params = json::array({QueryParam("format",
                                                      "csv or jsonl (else from the "
                                                      "Content-Type or the content)")}),
              .request_body = {{"type", "string"}},
              .request_content_type = "application/x-ndjson",
              .response = Ref("ImportReport"),
              .errors = {400, 403, 404, 413}},
             /*blocking=*/true);
}

}  // namespace kc::api
