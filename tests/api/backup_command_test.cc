// `kechuang backup` while the server takes writes, then `kechuang restore` into an empty data
// directory (and, in the pg: run, an empty database): a server on the restored data has every
// listing and finds them by search.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "api/api_fixture.h"
#include "store/test_postgres.h"

namespace kc::testing {
namespace {

class BackupCommandTest : public ApiTest {};

TEST_F(BackupCommandTest, BackupWhileServingRestoresIntoAnEmptyTargetThatServesIt) {
  Client owner = RegisterWithOrg("bkowner", "备份公司");
  Client reviewer = Reviewer();
  int64_t published = PublishedDemand(owner, reviewer, "备份前发布的超导磁体需求");
  std::vector<int64_t> drafts;
  for (int i = 0; i < 5; ++i) drafts.push_back(CreateDemand(owner, "备份草稿" + std::to_string(i)));

  // Writes go on while the backup runs.
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    Client w = Client(server_->port());
    w.token = owner.token;
    for (int i = 0; !stop && i < 200; ++i)
      (void)w.Post("/api/v1/demands", DemandBody("并发" + std::to_string(i)));
  });
  const std::string file =
      server_->data_dir() + "/../kc-backup-" + std::to_string(getpid()) + ".jsonl";
  std::string cmd =
      std::string(KC_BINARY) + " backup " + file + " " + server_->StoreFlags() + " > /dev/null";
  int rc = std::system(cmd.c_str());
  stop = true;
  writer.join();
  ASSERT_EQ(rc, 0);

  // Restore into an empty target.
  const std::string target_dir = server_->data_dir() + "-restored";
  std::string target_db;
  std::vector<std::string> args = {"--no-demo", "--data", target_dir};
  std::string flags = "--data " + target_dir;
  if (UsingPostgres()) {
    target_db = NewTestDatabaseName();
    std::string url = EnsureTestDatabase(target_db);
    args.insert(args.end(), {"--db", url});
    flags += " --db " + url;
  }
  cmd = std::string(KC_BINARY) + " restore " + file + " " + flags + " > /dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  // A second restore into the now full target is refused.
  cmd = std::string(KC_BINARY) + " restore " + file + " " + flags + " > /dev/null 2>&1";
  EXPECT_NE(std::system(cmd.c_str()), 0);
  {
    ServerProcess restored(args);
    ASSERT_TRUE(restored.running());
    Client again(restored.port());
    ASSERT_EQ(again.Login("bkowner", PasswordOf("bkowner")).status, 200);
    EXPECT_EQ(again.Get("/api/v1/demands/" + std::to_string(published)).json["title"],
              "备份前发布的超导磁体需求");
    for (int64_t id : drafts)
      EXPECT_EQ(again.Get("/api/v1/demands/" + std::to_string(id)).status, 200);
    bool found = false;
    for (int i = 0; i < 100 && !found; ++i) {
      auto r = again.Get("/api/v1/search?q=%E8%B6%85%E5%AF%BC%E7%A3%81%E4%BD%93");  // 超导磁体
      for (const auto& h : r.json["hits"]) found = found || h["id"] == published;
      if (!found) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_TRUE(found) << "the restored server indexes the restored listings";
  }
  if (!target_db.empty()) DropTestDatabase(target_db);
  std::error_code ec;
  std::filesystem::remove_all(target_dir, ec);
  std::filesystem::remove(file, ec);
}

}  // namespace
}  // namespace kc::testing
