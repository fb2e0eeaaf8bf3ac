// POST /import/{demands|achievements|experts}: bulk import with a per-line report, and
// GET /import/{kind}/template: a file to fill in. The formats are in docs/import.md.
#include "api/import_json.h"
#include "api/json_io.h"
#include "api/routes.h"
#include "api/schemas.h"
#include "service/import_template.h"

namespace kc::api {

namespace {

using http::bhttp::verb;

constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

http::Response Import(Context& ctx, http::Request& req) {
  KC_ASSIGN_OR_RESPOND(actor, ctx.Authenticate(req, true));
  if (!actor->signed_in()) return http::ErrorResponse(Unauthorized());
  auto kind = KindFromPlural(req.Param("kind"));
  if (!kind) {
    return http::ErrorResponse(NotFound("import kind '" + std::string(req.Param("kind")) + "'"));
  }
  // An XLSX body is also recognised by its ZIP signature, whatever it is called.
  ImportFormat format = ImportFormat::kAuto;
  std::string ct(req.Header(http::bhttp::field::content_type));
  std::string f = req.Query("format").value_or("");
  if (f == "xlsx" || (f.empty() && ct.starts_with(kXlsxType))) {
    format = ImportFormat::kXlsx;
  } else if (f == "csv" || (f.empty() && ct.starts_with("text/csv"))) {
    format = ImportFormat::kCsv;
  } else if (f == "jsonl" || (f.empty() && (ct.starts_with("application/x-ndjson") ||
                                            ct.starts_with("application/jsonl") ||
                                            ct.starts_with("application/json")))) {
    format = ImportFormat::kJsonl;
  } else if (!f.empty()) {
    return http::ErrorResponse(
        BadInput("invalid_parameter", "format is csv, jsonl or xlsx", "format"));
  }
  KC_ASSIGN_OR_RESPOND(report, ctx.importer.Import(*actor, *kind, req.body(), format));
  return JsonResponse(200, ImportReportJson(*report));
}

http::Response Template(http::Request& req) {
  auto kind = KindFromPlural(req.Param("kind"));
  if (!kind) {
    return http::ErrorResponse(NotFound("import kind '" + std::string(req.Param("kind")) + "'"));
  }
  const std::string f = req.Query("format").value_or("csv");
  if (f != "csv" && f != "xlsx") {
    return http::ErrorResponse(BadInput("invalid_parameter", "format is csv or xlsx", "format"));
  }
  const bool xlsx = f == "xlsx";
  KC_ASSIGN_OR_RESPOND(data,
                       ImportTemplate(*kind, xlsx ? TemplateFormat::kXlsx : TemplateFormat::kCsv));
  http::Response r;
  r.content_type = xlsx ? kXlsxType : "text/csv; charset=utf-8";
  r.body = std::move(*data);
  r.AddHeader("Content-Disposition",
              "attachment; filename=\"" + std::string(KindPlural(*kind)) + "-template." + f + "\"");
  return r;
}

}  // namespace

void RegisterImportRoutes(http::Router& router, Context& ctx) {
  using namespace schema;
  router.Add(verb::post, "/api/v1/import/{kind}",
             Guarded([&ctx](http::Request& r) { return Import(ctx, r); }),
             {.summary = "Bulk import (admins) of demands, achievements or experts from JSON "
                         "Lines, CSV (UTF-8, UTF-16 or GB18030) or XLSX (the first sheet); "
                         "published at once; every bad line reported with its number (for "
                         "XLSX, its row number)",
              .tag = "import",
              .auth = true,
              .query_params = json::array({QueryParam("format",
                                                      "csv, jsonl or xlsx (else from the "
                                                      "Content-Type or the content; a ZIP "
                                                      "body is always read as XLSX)")}),
              .request_body = {{"type", "string"}},
              .request_content_type = "application/x-ndjson",
              .response = Ref("ImportReport"),
              .errors = {400, 403, 404, 413},
              .body_size = http::BodySize::kUpload},
             http::Pool::kBlocking);
  router.Add(verb::get, "/api/v1/import/{kind}/template", Guarded(Template),
             {.summary = "A file to fill in for a bulk import: the header row of every column "
                         "the import reads for this kind, and one example row",
              .tag = "import",
              .query_params =
                  json::array({QueryParam("format", "csv (default; UTF-8 with a BOM) or xlsx")}),
              .errors = {400, 404}},
             http::Pool::kBlocking);
}

}  // namespace kc::api
