// GET /health, /taxonomy and /openapi.json.
#include "api/json_io.h"
#include "api/openapi.h"
#include "api/routes.h"
#include "api/schemas.h"
#include "core/resources.h"

namespace kc::api {

void RegisterMetaRoutes(http::Router& router, Context& ctx) {
  using namespace schema;
  router.Add(
      http::bhttp::verb::get, "/api/v1/health", Guarded([&ctx](http::Request&) {
        nlohmann::json body = {{"status", "ok"}, {"version", ctx.version}};
        if (ctx.indexer) {
          // The search index follows the store in the background; a failing or lagging one
          // makes the server "degraded": it serves, but new listings are not yet searchable.
          auto h = ctx.indexer->Health();
          if (h.ok()) {
            body["index"] = {{"applied_seq", h->applied_seq},
                             {"latest_seq", h->latest_seq},
                             {"lag", h->lag()},
                             {"state", h->state()}};
            if (!h->healthy()) body["status"] = "degraded";
          } else {
            body["index"] = {{"state", "unknown"}};
            body["status"] = "degraded";
          }
        }
        return JsonResponse(200, body);
      }),
      {.summary = "Liveness and the search index's progress: status \"ok\", or \"degraded\" "
                  "when the index is failing or more than 100 changes behind (docs/operations.md)",
       .tag = "meta",
       .response = Obj({{"status", Str()},
                        {"version", Str()},
                        {"index", Obj({{"applied_seq", Int()},
                                       {"latest_seq", Int()},
                                       {"lag", Int()},
                                       {"state", Str()}})}})});

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
