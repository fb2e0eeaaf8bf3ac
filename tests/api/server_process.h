// Starts the real kechuang binary on a free loopback port with a temporary data directory, for
// API tests. The process is stopped (SIGTERM) and the directory removed on destruction. In a
// PostgreSQL run (KC_TEST_POSTGRES) the server gets a fresh database, dropped at the end.
#pragma once

#include <signal.h>
#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace kc::testing {

class ServerProcess {
 public:
  // `args` are extra flags for `kechuang serve` (e.g. "--no-demo"); registrations are not
  // throttled unless they set --registrations-per-client. The admin password is
  // kAdminPassword. Fails the current test (ADD_FAILURE) when the server does not come up.
  explicit ServerProcess(std::vector<std::string> args = {"--no-demo"});
  // The same, run as the user `uid` with group `gid` (for permission tests: root ignores file
  // modes). The test process must be root.
  ServerProcess(std::vector<std::string> args, uid_t uid, gid_t gid);
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  static constexpr const char* kAdminPassword = "Platform-Keeper-472";

  uint16_t port() const { return port_; }
  const std::string& data_dir() const { return data_dir_; }
  // The flags that point another kechuang command at this server's data: "--data DIR", and
  // "--db URL" in a PostgreSQL run.
  std::string StoreFlags() const;
  // The --db value this server runs with ("" for the default SQLite file).
  std::string DbUrl() const;
  bool running() const { return pid_ > 0; }
  // Everything the process printed on stdout so far (up to the "serving" line).
  const std::string& output() const { return output_; }
  // Everything the process printed on stdout since it started, its log included (read as it
  // comes, so it may lag the process by a moment).
  std::string Log() const;
  pid_t pid() const { return pid_; }

  // Sends `sig` and waits for the exit; returns the exit status (or 128 + signal).
  int Stop(int sig = SIGTERM);
  // Starts the binary again on the same data directory (after Stop).
  void Restart();

 private:
  void Init();
  void Start();

  std::vector<std::string> args_;
  std::string data_dir_;
  std::string database_;  // the PostgreSQL database created for this server, if any
  std::string output_;
  struct LogBuffer {
    std::mutex mu;
    std::string text;
  };
  std::shared_ptr<LogBuffer> log_ = std::make_shared<LogBuffer>();
  pid_t pid_ = -1;
  uint16_t port_ = 0;
  uid_t uid_ = 0;  // 0: the test's own user
  gid_t gid_ = 0;
};

}  // namespace kc::testing
