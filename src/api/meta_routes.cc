// GET /health, /taxonomy and /openapi.json.
#include "api/json_io.h"
#include "api/openapi.h"
#include "api/routes.h"
#include "api/schemas.h"
#include "core/resources.h"

namespace kc::api {

void RegisterMetaRoutes(http::Router& router, Context& ctx) {
  using namespace schema;
  router.Add(http::bhttp::verb::get, "/api/v1/health", Guarded([&ctx](http::Request&) {
               return JsonResponse(200, {{"status", "ok"}, {"version", ctx.version}});
             }),
             {.summary = "Liveness: the server answers",
              .tag = "meta",
              .response = Obj({{"status", Str()}, {"version", Str()}})});

  router.Add(http::bhttp::verb::get, "/api/v1/taxonomy", Guarded([](http::Request&) {
               http::Response r;
               r.body = std::string(Resource("data/taxonomy.json").value_or("{}"));
               r.AddHeader("Cache-Control", "public, max-age=3600");
               return r;
             }),
             {.summary = "The 13 categories (门类) and their disciplines (学科)",
              .tag = "meta",
              .response = Obj({{"categories", {{"type", "array"}}}})});

  router.Add(http::bhttp::verb::get, "/api/v1/openapi.json",
             Guarded([&router, &ctx](http::Request&) {
               return JsonResponse(200, OpenApiDocument(router, ctx.version));
             }),
             {.summary = "This API as an OpenAPI 3.1 document", .tag = "meta"});
}

}  // namespace kc::api
