#include "api/import_json.h"

#include "api/schemas.h"

namespace kc::api {

using nlohmann::json;

json ImportReportJson(const ImportReport& report) {
  json failed = json::array();
  for (const auto& fl : report.failed) {
    json err = {{"code", fl.error.code()}, {"message", fl.error.message()}};
    if (!fl.error.field().empty()) err["field"] = fl.error.field();
    failed.push_back({{"line", fl.line}, {"error", err}});
  }
  return {
      {"created", report.created}, {"failed", failed}, {"ignored_fields", report.ignored_fields}};
}

json ImportReportSchema() {
  using namespace schema;
  return Obj(
      {{"created", Int()},
       {"failed",
        ListOf(Obj({{"line", Int()},
                    {"error", Obj({{"code", Str()}, {"message", Str()}, {"field", Str()}})}}))},
       {"ignored_fields", StrList()}});
}

}  // namespace kc::api
