#include "api/response_log.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

namespace kc::testing {

namespace {
std::string HeaderOf(const std::multimap<std::string, std::string>& headers,
                     const std::string& name) {
  auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

std::string CurrentTestName() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  return info ? std::string(info->test_suite_name()) + "." + info->name() : "";
}
}  // namespace

void RecordResponse(const std::string& method, const std::string& target, int status,
                    const std::multimap<std::string, std::string>& headers,
                    const std::string& body) {
  const char* dir = std::getenv("KC_API_RESPONSES");
  if (dir == nullptr || *dir == '\0') return;
  const std::string type = HeaderOf(headers, "content-type");
  const std::string encoding = HeaderOf(headers, "content-encoding");
  nlohmann::json line = {{"test", CurrentTestName()}, {"method", method},
                         {"target", target},          {"status", status},
                         {"content_type", type},      {"content_encoding", encoding}};
  if (type.rfind("application/json", 0) == 0 && encoding.empty()) line["body"] = body;
  // Bodies need not be UTF-8 (a test may send bytes that come back quoted): replace, not throw.
  std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  const std::string path = std::string(dir) + "/" + std::to_string(getpid()) + ".jsonl";
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return;
  ssize_t written = write(fd, text.data(), text.size());
  (void)written;
  close(fd);
}

}  // namespace kc::testing
