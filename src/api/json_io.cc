#include "api/json_io.h"

#include <charconv>

namespace kc::api {

namespace {

// Builds the document as json::parse does, but gives up at the first array or object nested
// deeper than kJsonMaxDepth, before building it.
class DepthLimitedSax {
 public:
  explicit DepthLimitedSax(json& out) : dom_(out, /*allow_exceptions_=*/false) {}

  bool null() { return dom_.null(); }
  bool boolean(bool v) { return dom_.boolean(v); }
  bool number_integer(json::number_integer_t v) { return dom_.number_integer(v); }
  bool number_unsigned(json::number_unsigned_t v) { return dom_.number_unsigned(v); }
  bool number_float(json::number_float_t v, const json::string_t& s) {
    return dom_.number_float(v, s);
  }
  bool string(json::string_t& v) { return dom_.string(v); }
  bool binary(json::binary_t& v) { return dom_.binary(v); }
  bool key(json::string_t& k) { return dom_.key(k); }
  bool start_object(std::size_t n) { return Enter() && dom_.start_object(n); }
  bool end_object() { return Leave() && dom_.end_object(); }
  bool start_array(std::size_t n) { return Enter() && dom_.start_array(n); }
  bool end_array() { return Leave() && dom_.end_array(); }
  template <class Exception>
  bool parse_error(std::size_t position, const std::string& token, const Exception& e) {
    return dom_.parse_error(position, token, e);
  }

  bool too_deep() const { return too_deep_; }

 private:
  bool Enter() {
    too_deep_ = ++depth_ > kJsonMaxDepth;
    return !too_deep_;
  }
  bool Leave() {
    --depth_;
    return true;
  }

  nlohmann::detail::json_sax_dom_parser<json> dom_;
  int depth_ = 0;
  bool too_deep_ = false;
};

}  // namespace

Result<json> ParseObject(std::string_view text) {
  json body;
  DepthLimitedSax sax(body);
  if (!json::sax_parse(text, &sax)) {
    if (sax.too_deep()) {
      return BadInput("too_deep", "the request body nests arrays and objects deeper than " +
                                      std::to_string(kJsonMaxDepth) + " levels");
    }
    return BadInput("malformed_json", "the request body is not valid JSON (or not UTF-8)");
  }
  if (!body.is_object()) return BadInput("invalid_body", "the request body must be a JSON object");
  return body;
}

Result<json> ParseObject(const http::Request& req) { return ParseObject(req.body()); }

Status AllowOnly(const json& body, std::initializer_list<const char*> allowed) {
  for (const auto& [k, v] : body.items()) {
    bool ok = false;
    for (const char* a : allowed) ok = ok || k == a;
    if (!ok) return BadInput("unknown_field", "unknown field: " + k, k);
  }
  return Status::Ok();
}

Status RequireString(const json& body, const char* name, std::string* out) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    return Invalid(name, "required", std::string(name) + " is required");
  }
  if (!it->is_string())
    return Invalid(name, "invalid_type", std::string(name) + " must be a string");
  *out = it->get<std::string>();
  return Status::Ok();
}

Status OptString(const json& body, const char* name, std::optional<std::string>* out) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return Status::Ok();
  if (!it->is_string())
    return Invalid(name, "invalid_type", std::string(name) + " must be a string");
  *out = it->get<std::string>();
  return Status::Ok();
}

Status OptInt(const json& body, const char* name, std::optional<int64_t>* out) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return Status::Ok();
  if (!it->is_number_integer()) {
    return Invalid(name, "invalid_type", std::string(name) + " must be an integer");
  }
  *out = it->get<int64_t>();
  return Status::Ok();
}

Status OptBool(const json& body, const char* name, std::optional<bool>* out) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return Status::Ok();
  if (!it->is_boolean())
    return Invalid(name, "invalid_type", std::string(name) + " must be true or false");
  *out = it->get<bool>();
  return Status::Ok();
}

Status ReadStringList(const json& body, const char* name, std::vector<std::string>* out) {
  if (!body.contains(name) || body[name].is_null()) return Status::Ok();
  const json& v = body[name];
  if (!v.is_array()) return Invalid(name, "invalid_type", std::string(name) + " is a list");
  out->clear();
  for (const auto& e : v) {
    if (!e.is_string()) {
      return Invalid(name, "invalid_type", std::string(name) + " holds strings");
    }
    out->push_back(e.get<std::string>());
  }
  return Status::Ok();
}

Result<int64_t> ParseId(std::string_view text, const char* name) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size() || text.empty()) {
    return BadInput("invalid_parameter", std::string(name) + " must be an integer", name);
  }
  return v;
}

Result<PageParams> ReadPage(const http::Request& req) {
  PageParams p;
  if (auto v = req.Query("page")) {
    auto n = ParseId(*v, "page");
    if (!n.ok()) return n.status();
    if (*n < 1 || *n > 1000000) return BadInput("invalid_parameter", "page starts at 1", "page");
    p.page = *n;
  }
  if (auto v = req.Query("size")) {
    auto n = ParseId(*v, "size");
    if (!n.ok()) return n.status();
    if (*n < 1 || *n > 100) return BadInput("invalid_parameter", "size is 1 to 100", "size");
    p.size = *n;
  }
  return p;
}

http::Response JsonResponse(int status, const json& body) {
  http::Response r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  return r;
}

json PageJson(json items, int64_t total, const PageParams& page) {
  return json{
      {"items", std::move(items)}, {"total", total}, {"page", page.page}, {"size", page.size}};
}

}  // namespace kc::api
