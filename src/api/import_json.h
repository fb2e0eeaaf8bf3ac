// JSON of bulk import (批量导入, docs/import.md): the report of an import. The writer stands
// beside the OpenAPI schema of what it writes (the component "ImportReport"), so the two change
// together; the response check (docs/api.md, "The document is checked") and
// tests/api/import_json_test.cc compare them.
#pragma once

#include <nlohmann/json.hpp>

#include "service/importer.h"

namespace kc::api {

// How many listings were created, every line that failed with its number and error (in the
// one error shape's inner object: code, message, field when there is one), and the fields no
// listing of the kind has, which were skipped.
nlohmann::json ImportReportJson(const ImportReport& report);
nlohmann::json ImportReportSchema();

}  // namespace kc::api
