#include "core/atomic_file.h"

#include <gtest/gtest.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace kc {
namespace {

namespace fs = std::filesystem;

constexpr uid_t kNobody = 65534;

class TempDir {
 public:
  TempDir() {
    path_ = (fs::temp_directory_path() /
             ("kc-atomic-" + std::to_string(getpid()) + "-" + std::to_string(std::random_device{}())))
                .string();
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The names in `dir`, sorted.
std::vector<std::string> Names(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// Runs `op` as the unprivileged user (root ignores file modes) in a forked child and returns
// the error code of its status ("ok" on success). When the test does not run as root, `op`
// runs in this process, which is unprivileged already.
std::string CodeAsNobody(const std::function<Status()>& op) {
  auto code_of = [](const Status& s) { return s.ok() ? std::string("ok") : s.code(); };
  if (geteuid() != 0) return code_of(op());
  int pipefd[2];
  if (pipe(pipefd) != 0) return "pipe failed";
  const pid_t pid = fork();
  if (pid == 0) {
    close(pipefd[0]);
    if (setgid(kNobody) != 0 || setuid(kNobody) != 0) _exit(2);
    const std::string code = code_of(op());
    (void)!write(pipefd[1], code.data(), code.size());
    _exit(0);
  }
  close(pipefd[1]);
  std::string out;
  char buf[256];
  for (ssize_t n; (n = read(pipefd[0], buf, sizeof buf)) > 0;) out.append(buf, n);
  close(pipefd[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return "child failed";
  return out;
}

TEST(WriteFileAtomicallyTest, WritesTheBytesAndLeavesNoTemporaryFile) {
  TempDir dir;
  const std::string bytes("a\0b\nc", 5);
  ASSERT_TRUE(WriteFileAtomically(dir.File("doc.pdf"), bytes).ok());
  EXPECT_EQ(ReadFile(dir.File("doc.pdf")), bytes);
  EXPECT_EQ(Names(dir.path()), std::vector<std::string>{"doc.pdf"});
}

TEST(WriteFileAtomicallyTest, WritesAnEmptyFile) {
  TempDir dir;
  ASSERT_TRUE(WriteFileAtomically(dir.File("empty"), "").ok());
  EXPECT_TRUE(fs::exists(dir.File("empty")));
  EXPECT_EQ(fs::file_size(dir.File("empty")), 0u);
}

TEST(WriteFileAtomicallyTest, ReplacesAnExistingFileWhole) {
  TempDir dir;
  ASSERT_TRUE(WriteFileAtomically(dir.File("f"), std::string(100000, 'o')).ok());
  ASSERT_TRUE(WriteFileAtomically(dir.File("f"), "new").ok());
  EXPECT_EQ(ReadFile(dir.File("f")), "new");
  EXPECT_EQ(Names(dir.path()), std::vector<std::string>{"f"});
}

TEST(WriteFileAtomicallyTest, AMissingDirectoryFailsWithoutAFile) {
  TempDir dir;
  Status s = WriteFileAtomically(dir.File("missing/f"), "x");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.kind(), ErrorKind::kInternal);
  EXPECT_NE(s.message().find(dir.File("missing/f")), std::string::npos) << s.message();
  EXPECT_TRUE(Names(dir.path()).empty());
}

TEST(WriteFileAtomicallyTest, ADirectoryItMayNotWriteIsReadOnlyStorage) {
  TempDir dir;
  const std::string locked = dir.File("locked");
  fs::create_directories(locked);
  ASSERT_TRUE(WriteFileAtomically(locked + "/old", "old").ok());
  chmod(locked.c_str(), 0755);  // the owner (root, or this user) writes; others do not
  if (geteuid() != 0) chmod(locked.c_str(), 0555);
  EXPECT_EQ(CodeAsNobody([&] { return WriteFileAtomically(locked + "/old", "new"); }),
            "read_only_storage");
  EXPECT_EQ(CodeAsNobody([&] { return WriteFileAtomically(locked + "/fresh", "new"); }),
            "read_only_storage");
  chmod(locked.c_str(), 0755);
  EXPECT_EQ(ReadFile(locked + "/old"), "old");
  EXPECT_EQ(Names(locked), std::vector<std::string>{"old"});
}

TEST(WriteFileAtomicallyTest, AReadOnlyFileSystemIsReadOnlyStorage) {
  TempDir dir;
  const std::string mnt = dir.File("ro");
  fs::create_directories(mnt);
  if (mount("tmpfs", mnt.c_str(), "tmpfs", MS_RDONLY, "size=64k") != 0) {
    GTEST_SKIP() << "mounting a tmpfs needs root";
  }
  Status s = WriteFileAtomically(mnt + "/f", "x");
  Status check = CheckWritable(mnt);
  umount2(mnt.c_str(), MNT_DETACH);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), "read_only_storage");
  EXPECT_EQ(s.kind(), ErrorKind::kUnavailable);
  EXPECT_NE(s.message().find("Read-only file system"), std::string::npos) << s.message();
  EXPECT_EQ(check.code(), "read_only_storage");
}

TEST(WriteFileAtomicallyTest, AFullDiskIsStorageFullAndKeepsTheOldFile) {
  TempDir dir;
  const std::string mnt = dir.File("small");
  fs::create_directories(mnt);
  if (mount("tmpfs", mnt.c_str(), "tmpfs", 0, "size=256k") != 0) {
    GTEST_SKIP() << "mounting a tmpfs needs root";
  }
  Status old = WriteFileAtomically(mnt + "/doc", "old content");
  Status s = WriteFileAtomically(mnt + "/doc", std::string(1024 * 1024, 'x'));
  Status fresh = WriteFileAtomically(mnt + "/other", std::string(1024 * 1024, 'x'));
  const std::string kept = ReadFile(mnt + "/doc");
  const std::vector<std::string> names = Names(mnt);
  umount2(mnt.c_str(), MNT_DETACH);
  ASSERT_TRUE(old.ok()) << old.message();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), "storage_full");
  EXPECT_EQ(s.kind(), ErrorKind::kStorageFull);
  EXPECT_EQ(fresh.code(), "storage_full");
  EXPECT_EQ(kept, "old content");
  EXPECT_EQ(names, std::vector<std::string>{"doc"});  // no temporary or cut-short file
}

TEST(CheckWritableTest, AWritableDirectoryOrFileOrAMissingPathPasses) {
  TempDir dir;
  EXPECT_TRUE(CheckWritable(dir.path()).ok());
  EXPECT_TRUE(Names(dir.path()).empty());  // the probe is removed
  ASSERT_TRUE(WriteFileAtomically(dir.File("db"), "x").ok());
  EXPECT_TRUE(CheckWritable(dir.File("db")).ok());
  EXPECT_TRUE(CheckWritable(dir.File("not-yet")).ok());
}

// Servers started side by side (tests, several nodes) probe the same parent directory at once:
// each probe has a name of its own, so none removes another's.
TEST(CheckWritableTest, ProbesOfTheSameDirectoryAtOnceDoNotCollide) {
  TempDir dir;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        if (!CheckWritable(dir.path()).ok()) ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_TRUE(Names(dir.path()).empty());
}

TEST(CheckWritableTest, ADirectoryOrFileOfAnotherUserIsReadOnlyStorage) {
  TempDir dir;
  ASSERT_TRUE(WriteFileAtomically(dir.File("db"), "x").ok());
  chmod(dir.File("db").c_str(), 0644);
  chmod(dir.path().c_str(), 0755);
  if (geteuid() != 0) {
    chmod(dir.File("db").c_str(), 0444);
    chmod(dir.path().c_str(), 0555);
  }
  EXPECT_EQ(CodeAsNobody([&] { return CheckWritable(dir.path()); }), "read_only_storage");
  EXPECT_EQ(CodeAsNobody([&] { return CheckWritable(dir.File("db")); }), "read_only_storage");
  chmod(dir.path().c_str(), 0755);
}

TEST(FileErrorTest, ClassifiesTheSystemsReason) {
  EXPECT_EQ(FileError("write", "/x", ENOSPC).code(), "storage_full");
  EXPECT_EQ(FileError("write", "/x", EDQUOT).code(), "storage_full");
  EXPECT_EQ(FileError("write", "/x", EROFS).code(), "read_only_storage");
  EXPECT_EQ(FileError("write", "/x", EACCES).code(), "read_only_storage");
  EXPECT_EQ(FileError("write", "/x", EIO).kind(), ErrorKind::kInternal);
  EXPECT_NE(FileError("write", "/x", EIO).message().find("/x"), std::string::npos);
}

}  // namespace
}  // namespace kc
