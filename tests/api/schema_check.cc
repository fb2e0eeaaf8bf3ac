#include "api/schema_check.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "api/schemas.h"

namespace kc::testing {

using nlohmann::json;

std::vector<std::vector<std::string>> SchemaErrors(const json& schema,
                                                   const std::vector<json>& instances) {
  json cases = json::array();
  for (const json& instance : instances) {
    cases.push_back({{"schema", schema}, {"instance", instance}});
  }
  const json doc = {{"components", {{"schemas", api::schema::Components()}}}, {"cases", cases}};
  char path[] = "/tmp/kc-schema-check-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) {
    ADD_FAILURE() << "cannot create a temporary file";
    return {};
  }
  close(fd);
  std::ofstream(path) << doc.dump();
  const std::string command = std::string("/usr/bin/python3 ") + KC_SOURCE_DIR +
                              "/tests/api/check_responses.py validate " + path + " 2>&1";
  std::string output;
  if (FILE* p = popen(command.c_str(), "r")) {
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) output.append(buf, n);
    const int status = pclose(p);
    if (status != 0) ADD_FAILURE() << "the validator failed:\n" << output;
  }
  std::remove(path);
  const json result = json::parse(output, nullptr, false);
  if (!result.is_array() || result.size() != instances.size()) {
    ADD_FAILURE() << "the validator answered:\n" << output;
    return {};
  }
  return result.get<std::vector<std::vector<std::string>>>();
}

void ExpectValid(const json& schema, const std::vector<json>& instances) {
  const auto errors = SchemaErrors(schema, instances);
  for (size_t i = 0; i < errors.size(); ++i) {
    if (errors[i].empty()) continue;
    std::string list;
    for (const auto& e : errors[i]) list += "\n  " + e;
    ADD_FAILURE() << "instance " << i << " does not validate: " << instances[i].dump() << list;
  }
}

}  // namespace kc::testing
