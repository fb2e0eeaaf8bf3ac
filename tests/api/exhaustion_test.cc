// Resource exhaustion against the real server (docs/security.md): what anonymous clients can
// make it hold — memory for request bodies they never finish, memory for deeply nested JSON,
// connections, file descriptors — is bounded, and the server keeps serving afterwards. Each
// test prints its figures (RSS from /proc/PID/status, CPU time from /proc/PID/stat).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "api/api_fixture.h"

namespace kc::testing {
namespace {

using namespace std::chrono_literals;

// A blocking loopback socket that gives up reading after `timeout`; -1 when it cannot connect.
int Connect(uint16_t port, std::chrono::seconds timeout = 5s) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  timeval tv{static_cast<time_t>(timeout.count()), 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

bool SendAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Reads one response (its header and a Content-Length body); "" when none came in time.
std::string ReadResponse(int fd) {
  std::string in;
  char buf[4096];
  size_t need = std::string::npos;
  while (in.size() < need) {
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    in.append(buf, static_cast<size_t>(n));
    auto end = in.find("\r\n\r\n");
    if (need == std::string::npos && end != std::string::npos) {
      auto cl = in.find("Content-Length: ");
      need = end + 4 + (cl < end ? std::stoul(in.substr(cl + 16)) : 0);
    }
  }
  return in;
}

int StatusOf(const std::string& response) {
  return response.size() > 12 && response.starts_with("HTTP/1.1 ")
             ? std::stoi(response.substr(9, 3))
             : 0;
}

// The resident memory of a process, in KiB.
long RssKiB(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with("VmRSS:")) return std::stol(line.substr(6));
  }
  return -1;
}

// User plus system CPU time of a process, in seconds.
double CpuSeconds(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::istringstream fields(stat.substr(stat.rfind(')') + 2));
  std::string f;
  long utime = 0, stime = 0;
  for (int i = 3; fields >> f; ++i) {
    if (i == 14) utime = std::stol(f);
    if (i == 15) {
      stime = std::stol(f);
      break;
    }
  }
  return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

size_t OpenFiles(pid_t pid) {
  size_t n = 0;
  for ([[maybe_unused]] const auto& e :
       std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/fd")) {
    ++n;
  }
  return n;
}

void CloseAll(std::vector<int>& fds) {
  for (int fd : fds) close(fd);
  fds.clear();
}

std::string Post(const std::string& path, size_t content_length, const std::string& extra = "") {
  return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + extra +
         "Content-Length: " + std::to_string(content_length) + "\r\n\r\n";
}

class ExhaustionTest : public ApiTest {
 protected:
  // No cap per address, so that the tests meet the limits they are about.
  std::vector<std::string> ServerArgs() override {
    return {"--no-demo", "--max-client-connections", "0"};
  }
  pid_t pid() const { return server_->pid(); }

  // Waits (up to 5 s) for the server's RSS to fall to `kib` or below; returns the last value.
  long WaitForRssAtMost(long kib) {
    long rss = RssKiB(pid());
    for (int i = 0; i < 50 && rss > kib; ++i) {
      std::this_thread::sleep_for(100ms);
      rss = RssKiB(pid());
    }
    return rss;
  }
};

TEST_F(ExhaustionTest, StalledAnonymousBodiesAreRefusedFromTheirHeader) {
  const long before = RssKiB(pid());
  std::vector<int> fds;
  for (int i = 0; i < 200; ++i) {
    int fd = Connect(server_->port());
    ASSERT_GE(fd, 0);
    // 8 MiB announced, one byte sent: the old server buffered (and kept) the body.
    ASSERT_TRUE(SendAll(fd, Post("/api/v1/auth/login", 8 << 20) + "{"));
    fds.push_back(fd);
  }
  int refused = 0;
  for (int fd : fds) {
    std::string res = ReadResponse(fd);
    refused += StatusOf(res) == 413 && res.find("\"body_too_large\"") != std::string::npos;
  }
  const long during = RssKiB(pid());
  CloseAll(fds);
  std::cout << "[figures] 200 stalled 8 MiB anonymous bodies: RSS " << before / 1024 << " MiB → "
            << during / 1024 << " MiB; " << refused << " answered 413 from the header\n";
  EXPECT_EQ(refused, 200);
  EXPECT_LT(during - before, 30 * 1024);
  EXPECT_EQ(Anonymous().Get("/api/v1/health").status, 200);
}

TEST_F(ExhaustionTest, BodiesStalledShortOfTheirEndHoldLittleAndGiveItBack) {
  const long before = RssKiB(pid());
  std::vector<int> fds;
  const size_t size = 60 * 1024;  // within the anonymous limit: the server waits for the rest
  for (int i = 0; i < 200; ++i) {
    int fd = Connect(server_->port());
    ASSERT_GE(fd, 0);
    ASSERT_TRUE(SendAll(fd, Post("/api/v1/auth/login", size) + std::string(size - 1, ' ')));
    fds.push_back(fd);
  }
  std::this_thread::sleep_for(300ms);
  const long during = RssKiB(pid());
  CloseAll(fds);
  const long after = WaitForRssAtMost(before + 8 * 1024);
  std::cout << "[figures] 200 bodies stalled one byte short of 60 KiB: RSS " << before / 1024
            << " MiB → " << during / 1024 << " MiB while held → " << after / 1024
            << " MiB after they closed\n";
  EXPECT_LT(during - before, 64 * 1024);
  EXPECT_LE(after, before + 8 * 1024) << "the memory of the burst was not given back";
  EXPECT_EQ(Anonymous().Get("/api/v1/health").status, 200);
}

TEST_F(ExhaustionTest, DeeplyNestedJsonIs400TooDeepAndCostsNothing) {
  const long before = RssKiB(pid());
  std::string body = "{\"username\":" + std::string(60 * 1024, '[');
  Client c = Anonymous();
  auto r = c.Send("POST", "/api/v1/auth/login", body);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.ErrorCode(), "too_deep");
  auto big = c.Send("POST", "/api/v1/auth/register", std::string(1 << 20, '['));
  EXPECT_EQ(big.status, 413);
  const long after = RssKiB(pid());
  std::cout << "[figures] nested JSON on login: RSS " << before / 1024 << " MiB → " << after / 1024
            << " MiB\n";
  EXPECT_LT(after - before, 8 * 1024);
}

class ConnectionCapTest : public ApiTest {
 protected:
  std::vector<std::string> ServerArgs() override {
    return {"--no-demo", "--max-client-connections", "4"};
  }
};

TEST_F(ConnectionCapTest, ConnectionsOverTheCapAreRefusedWith503AndRetryAfter) {
  std::vector<int> held;
  for (int i = 0; i < 4; ++i) {
    int fd = Connect(server_->port());
    ASSERT_GE(fd, 0);
    // A whole request, so the connection is surely counted before the next one comes.
    ASSERT_TRUE(SendAll(fd, "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"));
    ASSERT_EQ(StatusOf(ReadResponse(fd)), 200);
    held.push_back(fd);
  }
  int fd = Connect(server_->port());
  ASSERT_GE(fd, 0);
  std::string refused = ReadResponse(fd);
  close(fd);
  EXPECT_EQ(StatusOf(refused), 503) << refused;
  EXPECT_NE(refused.find("Retry-After: 5\r\n"), std::string::npos);
  EXPECT_NE(refused.find("\"code\":\"too_many_connections\""), std::string::npos);
  CloseAll(held);
  // Their places are given back.
  int status = 0;
  for (int i = 0; i < 50 && status != 200; ++i) {
    status = Anonymous().Get("/api/v1/health").status;
    if (status != 200) std::this_thread::sleep_for(50ms);
  }
  EXPECT_EQ(status, 200);
}

class FileLimitTest : public ApiTest {
 protected:
  // No cap below the open-file limit, so that accepting really runs out of descriptors.
  std::vector<std::string> ServerArgs() override {
    return {"--no-demo", "--max-connections", "100000", "--max-client-connections", "0"};
  }
};

TEST_F(FileLimitTest, AtTheOpenFileLimitTheServerWaitsInsteadOfSpinningAndRecovers) {
  const pid_t pid = server_->pid();
  const size_t in_use = OpenFiles(pid);
  rlimit low{in_use + 32, in_use + 32};
  ASSERT_EQ(prlimit(pid, RLIMIT_NOFILE, &low, nullptr), 0) << "prlimit: " << strerror(errno);
  std::vector<int> fds;
  for (size_t i = 0; i < low.rlim_cur + 100; ++i) {
    int fd = Connect(server_->port());
    ASSERT_GE(fd, 0);
    fds.push_back(fd);
  }
  std::this_thread::sleep_for(300ms);
  const double cpu_start = CpuSeconds(pid);
  std::this_thread::sleep_for(2s);
  const double cpu = (CpuSeconds(pid) - cpu_start) / 2.0;
  EXPECT_GE(OpenFiles(pid), low.rlim_cur - 2);  // the limit was really reached
  CloseAll(fds);
  auto start = std::chrono::steady_clock::now();
  int status = 0;
  while (status != 200 && std::chrono::steady_clock::now() - start < 5s) {
    status = Anonymous().Get("/api/v1/health").status;
  }
  const double recovered_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::cout << "[figures] " << low.rlim_cur + 100 << " idle sockets at an open-file limit of "
            << low.rlim_cur << ": CPU " << static_cast<int>(cpu * 100)
            << " % of a core; served again " << static_cast<int>(recovered_ms)
            << " ms after they closed\n";
  EXPECT_LT(cpu, 0.15);
  EXPECT_EQ(status, 200);
}

}  // namespace
}  // namespace kc::testing
