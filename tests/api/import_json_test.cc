#include "api/import_json.h"

#include <gtest/gtest.h>

#include "api/schema_check.h"

namespace kc::api {
namespace {

using nlohmann::json;

TEST(ImportJsonTest, ReportsValidateAgainstTheirSchema) {
  ImportReport report;
  report.created = 2;
  report.failed = {{3, Invalid("title", "required", "title is required")},
                   {5, BadInput("malformed_json", "line 5 is not JSON")}};
  report.ignored_fields = {"colour"};
  json j = ImportReportJson(report);
  EXPECT_EQ(j["failed"][0],
            json({{"line", 3},
                  {"error",
                   {{"code", "required"}, {"message", "title is required"}, {"field", "title"}}}}));
  EXPECT_FALSE(j["failed"][1]["error"].contains("field")) << "only an error about a field";
  testing::ExpectValid(ImportReportSchema(), {j, ImportReportJson(ImportReport{})});
}

}  // namespace
}  // namespace kc::api
