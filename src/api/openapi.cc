#include "api/openapi.h"

#include <map>

#include "api/schemas.h"

namespace kc::api {

namespace {
std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const char* Reason(int status) {
  static const std::map<int, const char*> kReasons = {{200, "OK"},
                                                      {201, "Created"},
                                                      {202, "Accepted (a proposal)"},
                                                      {204, "No content"},
                                                      {400, "Bad input"},
                                                      {401, "Not signed in"},
                                                      {403, "Not allowed"},
                                                      {404, "Not found"},
                                                      {409, "Conflict"},
                                                      {413, "Too large"},
                                                      {415, "Not JSON"},
                                                      {422, "Invalid field"},
                                                      {429, "Too many attempts"},
                                                      {503, "Busy; try again"}};
  auto it = kReasons.find(status);
  return it == kReasons.end() ? "Response" : it->second;
}
// The error answers any operation may give besides its own (docs/api.md, "Errors a client
// should expect"), named by status; the response check (tests/api/check_responses.py) accepts
// them for every operation.
nlohmann::json SharedResponses() {
  auto error = [](const char* description) {
    return nlohmann::json{{"description", description},
                          {"content", {{"application/json", {{"schema", schema::Ref("Error")}}}}}};
  };
  return {{"401", error("A bearer token or session that is not (or no longer) valid")},
          {"413", error("A body larger than the route takes (smaller for visitors)")},
          {"500", error("internal: a bug; the server log has the details under the request's "
                        "X-Request-Id")},
          {"503", error("read_only_storage: the storage refuses writes; nothing was saved")},
          {"507", error("storage_full: the disk is full; nothing was saved")}};
}
}  // namespace

nlohmann::json OpenApiDocument(const http::Router& router, const std::string& version) {
  using nlohmann::json;
  json paths = json::object();
  for (const auto& r : router.routes()) {
    std::string path = r.pattern;
    json op = {{"summary", r.doc.summary},
               {"tags", {r.doc.tag}},
               {"operationId", Lower(http::bhttp::to_string(r.method)) + path}};
    json params = json::array();
    std::vector<int> errors = r.doc.errors;
    for (const auto& seg : r.segments) {
      if (seg.size() > 2 && seg.front() == '{') {
        std::string name = seg.substr(1, seg.size() - 2);
        // An id ("id", "user_id" …) is read with ParseId: anything but an integer is 400.
        const bool id = name == "id" || name.ends_with("_id");
        if (id) errors.push_back(400);
        params.push_back({{"name", name},
                          {"in", "path"},
                          {"required", true},
                          {"schema", {{"type", id ? "integer" : "string"}}}});
      }
    }
    if (r.doc.query_params.is_array()) {
      for (const auto& q : r.doc.query_params) params.push_back(q);
    }
    if (!params.empty()) op["parameters"] = params;
    if (!r.doc.request_body.is_null()) {
      op["requestBody"] = {
          {"required", true},
          {"content", {{r.doc.request_content_type, {{"schema", r.doc.request_body}}}}}};
    }
    json ok = {{"description", Reason(r.doc.success_status)}};
    if (!r.doc.response.is_null()) {
      // A file (schema::Binary()) is sent as bytes, anything else as JSON.
      const bool file = r.doc.response == schema::Binary();
      ok["content"] = {
          {file ? "application/octet-stream" : "application/json", {{"schema", r.doc.response}}}};
    }
    json responses = {{std::to_string(r.doc.success_status), ok}};
    for (int status : r.doc.other_successes) {
      json other = ok;
      other["description"] = Reason(status);
      responses[std::to_string(status)] = other;
    }
    if (r.doc.auth) errors.push_back(401);
    for (int e : errors) {
      responses[std::to_string(e)] = {
          {"description", Reason(e)},
          {"content", {{"application/json", {{"schema", schema::Ref("Error")}}}}}};
    }
    op["responses"] = responses;
    if (r.doc.auth)
      op["security"] = json::array({{{"bearer", json::array()}}, {{"cookie", json::array()}}});
    paths[path][Lower(http::bhttp::to_string(r.method))] = op;
  }
  return {
      {"openapi", "3.1.0"},
      {"info",
       {{"title", "Kechuang API"},
        {"version", version},
        {"description",
         "科创 technology-transfer platform: accounts, organisations, demands (技术需求), "
         "achievements (科技成果) and experts (专家) with review, import and export. Errors "
         "are {\"error\":{\"code\",\"message\",\"field\"?}}."}}},
      {"servers", json::array({{{"url", "/"}}})},
      {"paths", paths},
      {"components",
       {{"schemas", schema::Components()},
        {"responses", SharedResponses()},
        {"securitySchemes",
         {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}},
          {"cookie", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "kc_session"}}}}}}},
  };
}

}  // namespace kc::api
