// Maps method + path to a handler; patterns hold parameters in braces: /demands/{id}/submit.
// Every route carries its documentation, from which the OpenAPI document is generated, so a
// route cannot exist without being documented.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "http/message.h"

namespace kc::http {

using Handler = std::function<Response(Request&)>;

// How large a request body a route takes from a signed-in caller (the sizes are the server's,
// ServerOptions, documented as 413). A caller who is not signed in may send only the small
// anonymous size.
enum class BodySize {
  kJson,    // ordinary JSON requests
  kUpload,  // files and imports
};

// What the OpenAPI document says about a route.
struct RouteDoc {
  std::string summary;
  std::string tag;
  bool auth = false;            // needs a signed-in user
  nlohmann::json query_params;  // array of OpenAPI parameter objects (path ones are added)
  nlohmann::json request_body;  // OpenAPI schema of the JSON body, or null
  std::string request_content_type = "application/json";
  int success_status = 200;
  std::vector<int> other_successes;      // further success statuses with the same body
  nlohmann::json response;               // OpenAPI schema of the success body, or null
  std::vector<int> errors;               // error statuses the route may return
  BodySize body_size = BodySize::kJson;  // how large a body it takes (413 beyond)
};

// Where a request's handler runs (the pools are sized by ServerOptions).
enum class Pool {
  kIoThread,  // quick work: on the connection's I/O thread
  kBlocking,  // rare slow work (password hashing, imports): the blocking pool, queued unbounded
  kSearch,    // search-engine work (search, matching): the search pool, whose queue is bounded;
              // a request that finds it full is answered 503 search_busy with Retry-After
};

struct Route {
  bhttp::verb method;
  std::string pattern;
  Handler handler;
  RouteDoc doc;
  Pool pool = Pool::kIoThread;
  std::vector<std::string> segments;
};

// A route table. Add routes at start-up, then Find from any thread.
class Router {
 public:
  // Adds a route; later routes never shadow earlier ones with the same pattern.
  Route& Add(bhttp::verb method, std::string pattern, Handler handler, RouteDoc doc,
             Pool pool = Pool::kIoThread);

  // The result of matching a request: a route and its path parameters, or 404 when no pattern
  // matches the path, or 405 with the allowed methods.
  struct Match {
    const Route* route = nullptr;
    int status = 200;
    std::string allow;
    std::vector<std::pair<std::string, std::string>> params;
  };
  // Matches a method and a raw request target (as sent, query string ignored). Patterns are
  // compared with the target's segments split on the slashes as sent and then each decoded
  // (PathSegments), so "%2F" is never a separator: /api%2Fv1%2Fhealth matches nothing.
  Match Find(bhttp::verb method, std::string_view target) const;
  // The same for a request, whose path parameters are then set from the match.
  Match Find(Request& request) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace kc::http
