// The command line, driven through the real binary as a subprocess.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <grp.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "app/platform.h"
#include "search/rank_features.h"
#include "search/ranker.h"

extern char** environ;

namespace kc::app {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;

class TempDir {
 public:
  TempDir() {
    std::string templ = (std::filesystem::temp_directory_path() / "kc-cli-XXXXXX").string();
    path_ = mkdtemp(templ.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the kechuang binary with `args`; its environment is ours without KECHUANG_* plus `env`.
ProcessResult RunKechuang(const std::vector<std::string>& args, const std::string& scratch,
                          const std::vector<std::string>& env = {}) {
  std::vector<std::string> argv_s = {KC_BINARY};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);

  std::vector<std::string> env_s;
  for (char** e = environ; *e; ++e) {
    if (std::strncmp(*e, "KECHUANG_", 9) != 0) env_s.emplace_back(*e);
  }
  env_s.insert(env_s.end(), env.begin(), env.end());
  std::vector<char*> envp;
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);

  const std::string out_path = scratch + "/stdout.txt", err_path = scratch + "/stderr.txt";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  pid_t pid = 0;
  ProcessResult run;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    ADD_FAILURE() << "cannot start " << KC_BINARY << ": " << std::strerror(rc);
    return run;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.out = ReadFile(out_path);
  run.err = ReadFile(err_path);
  return run;
}

// Runs `kechuang serve` with `args` as the user `uid` (0: this process's user) and waits at
// most 30 s for it to exit (a server that does start is killed: exit code 128 + SIGKILL).
// stdout and stderr go to files in `scratch`, which must be writable by `uid`.
ProcessResult RunServeAs(uid_t uid, const std::vector<std::string>& args,
                         const std::string& scratch) {
  std::vector<std::string> argv_s = {KC_BINARY, "serve", "--listen", "127.0.0.1:0", "--no-demo"};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  const std::string out_path = scratch + "/serve-stdout.txt",
                    err_path = scratch + "/serve-stderr.txt";
  ProcessResult run;
  const pid_t pid = fork();
  if (pid < 0) {
    ADD_FAILURE() << "fork failed";
    return run;
  }
  if (pid == 0) {
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (out < 0 || err < 0) _exit(125);
    dup2(out, STDOUT_FILENO);
    dup2(err, STDERR_FILENO);
    if (uid != 0 && (setgroups(0, nullptr) != 0 || setgid(uid) != 0 || setuid(uid) != 0)) {
      _exit(126);
    }
    setenv("KECHUANG_ADMIN_PASSWORD", "cli-Keeper-password", 1);
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.out = ReadFile(out_path);
  run.err = ReadFile(err_path);
  return run;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

class CliTest : public ::testing::Test {
 protected:
  std::string Data() const { return dir_.path() + "/data"; }

  // Prepares a data directory with the admin (password chosen) and one organisation, without
  // the demo, and returns the organisation's id.
  int64_t PrepareDataDir() {
    Config c;
    c.data_dir = Data();
    c.demo = false;
    c.access_log = "off";
    c.admin_password = "cli-Keeper-password";
    Platform p(c);
    Status s = p.Open();
    EXPECT_TRUE(s.ok()) << s.message();
    if (!s.ok()) return 0;
    User admin;
    s = p.store().Read([&](StoreTx& tx) -> Status {
      auto u = tx.FindUserByName("admin");
      if (!u.ok()) return u.status();
      admin = *u;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    Org org;
    org.name = "苏州精密视觉科技有限公司";
    org.type = OrgType::kEnterprise;
    org.region = "320506";
    org.country = "CN";
    auto created = p.context().orgs.Create(Actor::Of(admin), org);
    EXPECT_TRUE(created.ok()) << created.status().message();
    return created.ok() ? created->id : 0;
  }

  std::string WriteFixture(const std::string& name, const std::string& content) {
    std::string path = dir_.path() + "/" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  TempDir dir_;
};

TEST_F(CliTest, VersionPrintsTheVersion) {
  ProcessResult r = RunKechuang({"version"}, dir_.path());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "kechuang " + std::string(kVersion) + "\n");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(RunKechuang({"--version"}, dir_.path()).out, r.out);
}

TEST_F(CliTest, UnknownCommandExits2WithUsageOnStderr) {
  ProcessResult r = RunKechuang({"frobnicate"}, dir_.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("unknown command 'frobnicate'"));
  EXPECT_THAT(r.err, HasSubstr("Usage:"));
  EXPECT_EQ(r.out, "");
}

TEST_F(CliTest, NoCommandExits2AndHelpExits0) {
  ProcessResult none = RunKechuang({}, dir_.path());
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_THAT(none.out, HasSubstr("Usage:"));
  ProcessResult help = RunKechuang({"help"}, dir_.path());
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.out, HasSubstr("kechuang serve"));
}

TEST_F(CliTest, ServeWithABadFlagExits2NamingIt) {
  ProcessResult r = RunKechuang({"serve", "--data", Data(), "--threads", "zero"}, dir_.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--threads"));
  EXPECT_FALSE(std::filesystem::exists(Data()));  // nothing was opened
}

TEST_F(CliTest, ImportReportsTheBadLineAndExportPrintsTheImportedListing) {
  const int64_t org_id = PrepareDataDir();
  ASSERT_NE(org_id, 0);
  json good = {
      {"id", "CLI-D-001"},
      {"org_id", org_id},
      {"title", "注塑件表面缩痕的在线检测"},
      {"description", "需要一套在线视觉系统，检测注塑件表面缩痕与熔接线，节拍每分钟60件。"},
      {"keywords", {"机器视觉", "注塑", "缺陷检测"}},
      {"region", "320506"}};
  json bad = {{"id", "CLI-D-002"}, {"org_id", org_id}, {"description", "没有标题的需求"}};
  std::string file = WriteFixture("demands.jsonl", good.dump() + "\n" + bad.dump() + "\n");

  ProcessResult imp = RunKechuang({"import", "demands", file, "--data", Data()}, dir_.path());
  EXPECT_EQ(imp.exit_code, 3) << imp.out << imp.err;
  EXPECT_THAT(imp.err, HasSubstr(file + ":2:"));       // the bad line, by number
  EXPECT_THAT(imp.err, Not(HasSubstr(file + ":1:")));  // the good line is not reported
  EXPECT_THAT(imp.out, HasSubstr("imported 1 demands, 1 lines failed"));

  ProcessResult exp =
      RunKechuang({"export", "demands", "--data", Data(), "--format", "jsonl"}, dir_.path());
  EXPECT_EQ(exp.exit_code, 0) << exp.err;
  std::vector<std::string> lines = Lines(exp.out);
  ASSERT_EQ(lines.size(), 1u) << exp.out;
  json listing = json::parse(lines[0], nullptr, false);
  ASSERT_TRUE(listing.is_object()) << lines[0];
  EXPECT_EQ(listing.value("ref", ""), "CLI-D-001");
  EXPECT_EQ(listing.value("title", ""), "注塑件表面缩痕的在线检测");
  EXPECT_EQ(listing.value("status", ""), "published");
  EXPECT_EQ(listing["keywords"], json({"机器视觉", "注塑", "缺陷检测"}));

  // The CSV export (the default) has the same listing under a header row, with a BOM.
  ProcessResult csv = RunKechuang({"export", "demands", "--data", Data()}, dir_.path());
  EXPECT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_THAT(csv.out, StartsWith("\xEF\xBB\xBF"));
  EXPECT_THAT(csv.out, HasSubstr("CLI-D-001"));
  EXPECT_THAT(csv.out, Not(HasSubstr("CLI-D-002")));
}

TEST_F(CliTest, ImportingAGoodFileExits0) {
  const int64_t org_id = PrepareDataDir();
  ASSERT_NE(org_id, 0);
  json good = {{"id", "CLI-A-1"},
               {"org_id", org_id},
               {"title", "一种高反光表面成像方法"},
               {"abstract", "采用偏振结构光抑制镜面反射。"},
               {"keywords", {"偏振成像"}}};
  std::string file = WriteFixture("achievements.jsonl", good.dump() + "\n");
  ProcessResult imp = RunKechuang({"import", "achievements", file, "--data", Data()}, dir_.path());
  EXPECT_EQ(imp.exit_code, 0) << imp.err;
  EXPECT_THAT(imp.out, HasSubstr("imported 1 achievements, 0 lines failed"));
  EXPECT_EQ(imp.err, "");
}

TEST_F(CliTest, TrainRankerWritesAModelOfThePublishedListings) {
  const int64_t org_id = PrepareDataDir();
  ASSERT_NE(org_id, 0);
  const std::vector<std::pair<std::string, std::string>> texts = {
      {"一种高反光表面成像方法", "本成果采用偏振结构光抑制镜面反射，实现高反光表面成像。"},
      {"锂电池正极材料制备技术", "本成果以共沉淀法制备锂电池正极材料，提高能量密度。"},
      {"污泥低温干化设备", "本成果提出一种污泥低温干化设备，能耗降低三成。"},
      {"桥梁裂缝智能检测系统", "本成果利用无人机图像识别桥梁裂缝，检测精度高。"}};
  std::string lines;
  for (size_t i = 0; i < texts.size(); ++i) {
    lines += json({{"id", "CLI-R-" + std::to_string(i)},
                   {"org_id", org_id},
                   {"title", texts[i].first},
                   {"abstract", texts[i].second}})
                 .dump() +
             "\n";
  }
  ProcessResult imp = RunKechuang(
      {"import", "achievements", WriteFixture("a.jsonl", lines), "--data", Data()}, dir_.path());
  ASSERT_EQ(imp.exit_code, 0) << imp.err;

  ProcessResult r = RunKechuang({"train-ranker", "--data", Data(), "--rounds", "5"}, dir_.path());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("trained on 4 listings"));
  auto model = search::Ranker::Load(Data() + "/ranker.json");
  ASSERT_TRUE(model.ok()) << model.status().message();
  EXPECT_EQ(model->feature_count(), search::kRankFeatureCount);
  EXPECT_FALSE(std::filesystem::exists(Data() + "/ranker-training"));  // scratch removed

  ProcessResult bad = RunKechuang({"train-ranker", "--data", Data(), "--rounds", "x"}, dir_.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("--rounds"));
}

TEST_F(CliTest, ImportUsageErrorsExit2) {
  std::string file = WriteFixture("x.jsonl", "{}\n");
  ProcessResult kind = RunKechuang({"import", "patents", file, "--data", Data()}, dir_.path());
  EXPECT_EQ(kind.exit_code, 2);
  EXPECT_THAT(kind.err, HasSubstr("KIND"));
  ProcessResult missing = RunKechuang(
      {"import", "demands", dir_.path() + "/nope.jsonl", "--data", Data()}, dir_.path());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("nope.jsonl"));
  ProcessResult no_file = RunKechuang({"import", "demands", "--data", Data()}, dir_.path());
  EXPECT_EQ(no_file.exit_code, 2);
}

// Bug: on a fresh data directory without KECHUANG_ADMIN_PASSWORD, `export` prints the generated
// admin password on stdout, into the exported data (see the report).
TEST_F(CliTest, ExportOnAFreshDirectoryPrintsOnlyData) {
  ProcessResult exp =
      RunKechuang({"export", "demands", "--data", Data(), "--format", "jsonl"}, dir_.path());
  EXPECT_EQ(exp.exit_code, 0) << exp.err;
  for (const auto& line : Lines(exp.out)) {
    EXPECT_FALSE(json::parse(line, nullptr, false).is_discarded()) << "not JSON: " << line;
  }
  EXPECT_THAT(exp.out, IsEmpty());
}

// A data directory the server may not write (here: root's, the server run as nobody) is
// refused at start with a message naming it, rather than failing request by request.
TEST_F(CliTest, ServeRefusesADataDirectoryItMayNotWrite) {
  if (geteuid() != 0) GTEST_SKIP() << "running the server as another user needs root";
  ASSERT_NE(PrepareDataDir(), 0);
  chmod(dir_.path().c_str(), 0777);  // nobody may write its output here, not in data/
  chmod(Data().c_str(), 0755);
  ProcessResult r = RunServeAs(65534, {"--data", Data()}, dir_.path());
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr("the data directory " + Data() + " must be writable"));
  EXPECT_THAT(r.err, HasSubstr("uid 65534"));
  EXPECT_THAT(r.err, HasSubstr("Permission denied"));
  EXPECT_THAT(r.out, Not(HasSubstr("serving")));
}

TEST_F(CliTest, ServeRefusesADataDirectoryOnAReadOnlyFileSystem) {
  std::filesystem::create_directories(Data());
  if (mount("tmpfs", Data().c_str(), "tmpfs", MS_RDONLY, "size=1m") != 0) {
    GTEST_SKIP() << "mounting a tmpfs needs root";
  }
  ProcessResult r = RunServeAs(0, {"--data", Data()}, dir_.path());
  umount2(Data().c_str(), MNT_DETACH);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr("the data directory " + Data() + " must be writable"));
  EXPECT_THAT(r.err, HasSubstr("Read-only file system"));
}

TEST_F(CliTest, ServeRefusesADataDirectoryItCannotCreate) {
  if (geteuid() != 0) GTEST_SKIP() << "running the server as another user needs root";
  chmod(dir_.path().c_str(), 0755);  // root's: nobody may not create data/ in it
  const std::string scratch = dir_.path() + "/out";
  std::filesystem::create_directories(scratch);
  chmod(scratch.c_str(), 0777);
  ProcessResult r = RunServeAs(65534, {"--data", Data()}, scratch);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr("must be writable"));
  EXPECT_THAT(r.err, HasSubstr(dir_.path()));
}

}  // namespace
}  // namespace kc::app
