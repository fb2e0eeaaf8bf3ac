// GET /health, /taxonomy and /openapi.json.
#include <chrono>
#include <memory>
#include <mutex>

#include "api/json_io.h"
#include "api/openapi.h"
#include "api/routes.h"
#include "api/schemas.h"
#include "core/atomic_file.h"
#include "core/resources.h"

namespace kc::api {

namespace {

// Whether the data directory takes a file: "ok", "read_only" or "full". Probed by writing a
// small file (core/atomic_file.h), at most once every two seconds however often /health is asked.
class StorageCheck {
 public:
  explicit StorageCheck(std::string dir) : dir_(std::move(dir)) {}

  std::string State() {
    std::lock_guard lock(mu_);
    const auto now = std::chrono::steady_clock::now();
    if (dir_.empty() || now - checked_ < std::chrono::seconds(2)) return state_;
    checked_ = now;
    Status probe = CheckWritable(dir_);
    state_ = probe.ok()                            ? "ok"
             : probe.code() == "read_only_storage" ? "read_only"
             : probe.code() == "storage_full"      ? "full"
                                                   : "failing";
    return state_;
  }

 private:
  const std::string dir_;
  std::mutex mu_;
  std::chrono::steady_clock::time_point checked_{};
  std::string state_ = "ok";
};

}  // namespace

void RegisterMetaRoutes(http::Router& router, Context& ctx) {
  using namespace schema;
  auto storage = std::make_shared<StorageCheck>(ctx.data_dir);
  router.Add(
      http::bhttp::verb::get, "/api/v1/health", Guarded([&ctx, storage](http::Request&) {
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
        // A data directory that takes no file (read-only after a device error, or full) refuses
        // writes with read_only_storage or storage_full; reads go on (docs/operations.md).
        body["storage"] = storage->State();
        if (body["storage"] != "ok") body["status"] = "degraded";
        // The re-ranking model in use (docs/ranking.md): a model file that does not load leaves
        // the built-in model serving, and says why here as in the log.
        if (ctx.rankers) {
          const auto ranker = ctx.rankers->Describe();
          body["ranker"] = {{"source", search::RankerOriginName(ranker.origin)},
                            {"model", ranker.name}};
          // Only the code: the message names the file's path, which is not for anonymous
          // callers; the log has it (RankerSource writes "code: message").
          if (!ranker.error.empty()) {
            body["ranker"]["file_error"] = ranker.error.substr(0, ranker.error.find(':'));
          }
        }
        return JsonResponse(200, body);
      }),
      {.summary = "Liveness, the search index's progress, the re-ranking model in use (ranker: "
                  "its source \"file\", \"built-in\" or \"none\", its name, and the error code "
                  "of a model file not in use) and the data directory's state (storage "
                  "\"ok\", \"read_only\", \"full\"): status \"ok\", or \"degraded\" when the "
                  "index is failing or more than 100 changes behind or the storage takes no "
                  "writes (docs/operations.md, docs/ranking.md)",
       .tag = "meta",
       .response = Obj({{"status", Str()},
                        {"version", Str()},
                        {"storage", Str()},
                        {"index", Obj({{"applied_seq", Int()},
                                       {"latest_seq", Int()},
                                       {"lag", Int()},
                                       {"state", Str()}})},
                        {"ranker", Obj({{"source", Enum({"file", "built-in", "none"})},
                                        {"model", Str()},
                                        {"file_error", Str()}})}})});

  router.Add(
      http::bhttp::verb::get, "/api/v1/taxonomy", Guarded([](http::Request&) {
        http::Response r;
        r.body = std::string(Resource("data/taxonomy.json").value_or("{}"));
        r.AddHeader("Cache-Control", "public, max-age=3600");
        return r;
      }),
      {.summary = "The 13 categories (门类) and their disciplines (学科)",
       .tag = "meta",
       .response = Obj(
           {{"categories",
             ListOf(Obj({{"code", Str()},
                         {"name", Str()},
                         {"name_en", Str()},
                         {"disciplines",
                          ListOf(Obj({{"code", Str()}, {"name", Str()}, {"name_en", Str()}}))}}))}},
           {"categories"})});

  router.Add(http::bhttp::verb::get, "/api/v1/openapi.json",
             Guarded([&router, &ctx](http::Request&) {
               return JsonResponse(200, OpenApiDocument(router, ctx.version));
             }),
             {.summary = "This API as an OpenAPI 3.1 document",
              .tag = "meta",
              .response = {{"type", "object"}, {"description", "an OpenAPI 3.1 document"}}});
}

}  // namespace kc::api
