#include "api/server_process.h"

#include <grp.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <random>
#include <regex>
#include <thread>

#include "store/test_postgres.h"

namespace kc::testing {

ServerProcess::ServerProcess(std::vector<std::string> args, uid_t uid, gid_t gid)
    : args_(std::move(args)), uid_(uid), gid_(gid) {
  Init();
}

ServerProcess::ServerProcess(std::vector<std::string> args) : args_(std::move(args)) { Init(); }

void ServerProcess::Init() {
  std::random_device rd;
  data_dir_ = (std::filesystem::temp_directory_path() /
               ("kc-api-" + std::to_string(getpid()) + "-" + std::to_string(rd())))
                  .string();
  // A PostgreSQL run gives every server a database of its own, unless the test chose one.
  if (UsingPostgres() && std::find(args_.begin(), args_.end(), "--db") == args_.end()) {
    database_ = NewTestDatabaseName();
    args_.push_back("--db");
    args_.push_back(EnsureTestDatabase(database_));
  }
  Start();
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) Stop(SIGKILL);
  if (!database_.empty()) DropTestDatabase(database_);
  std::error_code ec;
  std::filesystem::remove_all(data_dir_, ec);
}

void ServerProcess::Start() {
  int out[2];
  if (pipe(out) != 0) {
    ADD_FAILURE() << "pipe failed";
    return;
  }
  std::vector<std::string> argv = {KC_BINARY,     "serve",     "--data", data_dir_,      "--listen",
                                   "127.0.0.1:0", "--threads", "2",      "--access-log", "off"};
  // Tests register many accounts from one address: registrations are not throttled unless a
  // test sets the limit itself.
  if (std::find(args_.begin(), args_.end(), "--registrations-per-client") == args_.end()) {
    argv.insert(argv.end(), {"--registrations-per-client", "0"});
  }
  argv.insert(argv.end(), args_.begin(), args_.end());
  pid_ = fork();
  if (pid_ == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    setenv("KECHUANG_ADMIN_PASSWORD", kAdminPassword, 1);
    if (uid_ != 0 && (setgroups(0, nullptr) != 0 || setgid(gid_) != 0 || setuid(uid_) != 0)) {
      _exit(126);
    }
    std::vector<char*> cargs;
    for (auto& a : argv) cargs.push_back(a.data());
    cargs.push_back(nullptr);
    execv(cargs[0], cargs.data());
    _exit(127);
  }
  close(out[1]);
  output_.clear();
  port_ = 0;
  const std::regex serving(R"(serving http://127\.0\.0\.1:(\d+)/)");
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  char buf[4096];
  std::smatch m;
  while (std::chrono::steady_clock::now() < deadline) {
    ssize_t n = read(out[0], buf, sizeof(buf));
    if (n <= 0) break;
    output_.append(buf, static_cast<size_t>(n));
    if (std::regex_search(output_, m, serving)) {
      port_ = static_cast<uint16_t>(std::stoi(m[1].str()));
      break;
    }
  }
  {
    std::lock_guard<std::mutex> lock(log_->mu);
    log_->text += output_;
  }
  // The server keeps writing to the pipe; a detached reader drains it (so it never blocks)
  // into the log.
  int fd = out[0];
  std::thread([fd, log = log_] {
    char sink[4096];
    ssize_t n;
    while ((n = read(fd, sink, sizeof(sink))) > 0) {
      std::lock_guard<std::mutex> lock(log->mu);
      log->text.append(sink, static_cast<size_t>(n));
    }
    close(fd);
  }).detach();
  if (port_ == 0) ADD_FAILURE() << "the server did not start; output:\n" << output_;
}

std::string ServerProcess::Log() const {
  std::lock_guard<std::mutex> lock(log_->mu);
  return log_->text;
}

std::string ServerProcess::DbUrl() const {
  auto db = std::find(args_.begin(), args_.end(), "--db");
  return db != args_.end() && db + 1 != args_.end() ? *(db + 1) : "";
}

std::string ServerProcess::StoreFlags() const {
  std::string flags = "--data " + data_dir_;
  if (!DbUrl().empty()) flags += " --db " + DbUrl();
  return flags;
}

int ServerProcess::Stop(int sig) {
  if (pid_ <= 0) return -1;
  kill(pid_, sig);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

void ServerProcess::Restart() {
  if (pid_ > 0) Stop();
  Start();
}

}  // namespace kc::testing
