// Backup and restore round trips: every table comes back equal, attachments too, the target
// must be empty, a damaged file loads nothing. Runs on SQLite and (pg: run) on PostgreSQL.
#include "service/backup.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "service/demo.h"
#include "service/fixture.h"

namespace kc {
namespace {

using testing::OpenOrDie;
using testing::TempDir;

using Tables = std::map<std::string, std::vector<std::vector<std::optional<std::string>>>>;

// Every table of `store`, rows sorted (backends return them in any order).
Tables AllTables(Store& store) {
  Tables out;
  Status s = store.ExportTables([&](const TableRows& t) {
    auto rows = t.rows;
    std::sort(rows.begin(), rows.end());
    out[t.name] = rows;
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.message();
  return out;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

class BackupTest : public testing::ServiceTest {
 protected:
  void SetUp() override {
    MakeWorld();
    ASSERT_TRUE(LoadDemo(store(), clock_, admin_.id).ok());
    // Rows in the tables the demo does not fill, NULLs and text that needs escaping included.
    Status s = store().Write([&](StoreTx& tx) -> Status {
      KC_RETURN_IF_ERROR(tx.InsertSession(Session{"hash\"1\n", admin_.id, "csrf", 1, 2}));
      KC_RETURN_IF_ERROR(tx.RecordAttempt(Attempt{"login_failure", "10.0.0.9", "mallory", 5}));
      auto sub = tx.InsertSubscription(
          Subscription{0, a_member_.id, "search", "{\"q\":\"锂电池\"}", 0, 7});
      if (!sub.ok()) return sub.status();
      KC_RETURN_IF_ERROR(tx.InsertNotification(Notification{0, a_member_.id, "saved_search", *sub,
                                                            1, "标题", "", 8})
                             .status());
      return tx.AppendAudit(AuditEntry{0, 9, std::nullopt, "org", 1, "update", "{}"});
    });
    ASSERT_TRUE(s.ok()) << s.message();
    std::filesystem::create_directories(data_.path() / "attachments" / "deal-1");
    std::ofstream(data_.path() / "attachments" / "deal-1" / "合同.pdf", std::ios::binary)
        << std::string("%PDF\0\xff binary", 13);
  }

  TempDir data_;
  TempDir out_;
};

TEST_F(BackupTest, RoundTripRestoresEveryTableAndTheAttachments) {
  const std::string file = out_.File("kc.backup");
  auto written = WriteBackup(store(), data_.path().string(), file, 100);
  ASSERT_TRUE(written.ok()) << written.status().message();
  EXPECT_GE(written->tables, 10);
  EXPECT_GT(written->rows, 50);
  EXPECT_EQ(written->files, 1);
  EXPECT_FALSE(std::filesystem::exists(file + ".tmp"));

  TempDir target_dir;
  auto target = OpenOrDie(target_dir.File("restored.db"));
  ASSERT_NE(target, nullptr);
  auto restored = RestoreBackup(*target, target_dir.path().string(), file);
  ASSERT_TRUE(restored.ok()) << restored.status().message();
  EXPECT_EQ(restored->rows, written->rows);

  Tables before = AllTables(store()), after = AllTables(*target);
  EXPECT_EQ(before.size(), static_cast<size_t>(written->tables));
  for (const auto& [name, rows] : before) {
    EXPECT_EQ(after[name], rows) << "table " << name;
  }
  EXPECT_EQ(ReadFile((target_dir.path() / "attachments" / "deal-1" / "合同.pdf").string()),
            std::string("%PDF\0\xff binary", 13));

  // New rows get ids after the restored ones, and the change log goes on from its last seq.
  Status s = target->Write([&](StoreTx& tx) -> Status {
    Org o;
    o.name = "恢复后新组织";
    auto id = tx.InsertOrg(o);
    if (!id.ok()) return id.status();
    EXPECT_GT(*id, static_cast<int64_t>(before["orgs"].size()));
    auto last = tx.LastChangeSeq();
    auto seq = tx.AppendChange(Change{0, "listing", 1, "upsert", 1});
    EXPECT_GT(*seq, *last);
    return seq.status();
  });
  EXPECT_TRUE(s.ok()) << s.message();
}

TEST_F(BackupTest, RestoreRefusesADatabaseThatHoldsData) {
  const std::string file = out_.File("kc.backup");
  ASSERT_TRUE(WriteBackup(store(), data_.path().string(), file, 100).ok());
  auto again = RestoreBackup(store(), data_.path().string(), file);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), "not_empty");
}

TEST_F(BackupTest, ADamagedOrTruncatedFileLoadsNothing) {
  const std::string file = out_.File("kc.backup");
  ASSERT_TRUE(WriteBackup(store(), data_.path().string(), file, 100).ok());
  std::string text = ReadFile(file);
  auto try_restore = [&](const std::string& content) {
    const std::string bad = out_.File("bad.backup");
    std::ofstream(bad, std::ios::binary) << content;
    TempDir dir;
    auto target = OpenOrDie(dir.File("t.db"));
    auto r = RestoreBackup(*target, dir.path().string(), bad);
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(AllTables(*target)["orgs"].size(), 0u) << "nothing loaded";
    return r.ok() ? std::string() : r.status().code();
  };
  EXPECT_EQ(try_restore(text.substr(0, text.size() / 2)), "bad_backup");  // no end line
  EXPECT_EQ(try_restore("not a backup\n"), "bad_backup");
  std::string evil = text;
  evil.insert(evil.find('\n') + 1, "{\"table\":\"orgs; DROP TABLE users\",\"columns\":[]}\n");
  EXPECT_EQ(try_restore(evil), "bad_backup");
  std::string escape = text;
  escape.insert(escape.rfind("{\"end\""), "{\"file\":\"../../etc/x\",\"base64\":\"\"}\n");
  EXPECT_EQ(try_restore(escape), "bad_backup");
  std::string newer = text;
  {  // a version from the future
    const size_t at = newer.find("\"schema_version\":") + 17;
    newer.replace(at, newer.find_first_not_of("0123456789", at) - at, "999");
  }
  EXPECT_EQ(try_restore(newer), "schema_mismatch");
}

}  // namespace
}  // namespace kc
