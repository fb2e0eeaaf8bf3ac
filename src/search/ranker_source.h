// The re-ranking model a server uses (docs/ranking.md, "The model in use"): the data
// directory's model file when it loads, else the model built into the binary. The file is
// looked at again at most once per `recheck` and loaded anew when its size or modification time
// changed, so that a model written by `kechuang train-ranker` takes effect without a restart,
// and a missing or corrupt file leaves the built-in model serving.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "search/ranker.h"

namespace kc::search {

// Where the model in use comes from.
enum class RankerOrigin { kNone, kFile, kBuiltIn };

// "none", "file" or "built-in", for the health check.
std::string_view RankerOriginName(RankerOrigin origin);

class RankerSource {
 public:
  // One line for the server's log: which model is in use now and why.
  using Log = std::function<void(bool warning, const std::string& line)>;

  // path: the model file (DATA/ranker.json); it need not exist. builtin: the built-in model's
  // JSON, empty for none. Loads both now and logs the outcome through log (may be null).
  RankerSource(std::string path, std::string_view builtin, Log log = nullptr,
               std::chrono::milliseconds recheck = std::chrono::seconds(2));

  // The model in use: the file's when it last loaded, else the built-in one; null when neither
  // loads. Looks at the file first when `recheck` has passed since the last look. Thread-safe;
  // a caller keeps the model it got for as long as it needs it, even across a reload.
  std::shared_ptr<const Ranker> Current() const;

  struct State {
    RankerOrigin origin = RankerOrigin::kNone;
    std::string name;   // Ranker::name() of the model in use, empty for none
    std::string error;  // why the file is not in use, when it exists and did not load
  };
  // What Current() would give now, and why (the health check). Thread-safe.
  State Describe() const;

 private:
  struct FileStamp {
    bool exists = false;
    uintmax_t size = 0;
    std::filesystem::file_time_type mtime{};
    bool operator==(const FileStamp&) const = default;
  };

  // Looks at the file and, when it changed, loads it or falls back. Holds mu_.
  void RefreshLocked() const;
  FileStamp StampOf() const;

  const std::string path_;
  const Log log_;
  const std::chrono::milliseconds recheck_;
  std::shared_ptr<const Ranker> builtin_;

  mutable std::mutex mu_;
  mutable std::chrono::steady_clock::time_point checked_{};
  mutable FileStamp stamp_;
  mutable bool looked_ = false;
  mutable std::shared_ptr<const Ranker> current_;
  mutable RankerOrigin origin_ = RankerOrigin::kNone;
  mutable std::string error_;
};

}  // namespace kc::search
