#include "search/ranker_source.h"

#include <system_error>
#include <utility>

#include "search/rank_features.h"

namespace kc::search {

namespace {

// A model the features of this build can feed: loaded, and with kRankFeatureCount features.
Result<std::shared_ptr<const Ranker>> Usable(Result<Ranker> loaded) {
  KC_RETURN_IF_ERROR(loaded);
  if (loaded->feature_count() != kRankFeatureCount) {
    return Invalid("model", "feature_count_mismatch",
                   loaded->name() + " takes " + std::to_string(loaded->feature_count()) +
                       " features; this build computes " + std::to_string(kRankFeatureCount));
  }
  return std::make_shared<const Ranker>(std::move(*loaded));
}

}  // namespace

std::string_view RankerOriginName(RankerOrigin origin) {
  switch (origin) {
    case RankerOrigin::kFile:
      return "file";
    case RankerOrigin::kBuiltIn:
      return "built-in";
    case RankerOrigin::kNone:
      break;
  }
  return "none";
}

RankerSource::RankerSource(std::string path, std::string_view builtin, Log log,
                           std::chrono::milliseconds recheck)
    : path_(std::move(path)), log_(std::move(log)), recheck_(recheck) {
  if (!builtin.empty()) {
    auto model = Usable(Ranker::FromBuffer(builtin, "built-in"));
    if (model.ok()) {
      builtin_ = std::move(*model);
    } else if (log_) {
      log_(true, "re-ranker: the built-in model is unusable: " + model.status().message());
    }
  }
  std::lock_guard lock(mu_);
  checked_ = std::chrono::steady_clock::now();
  RefreshLocked();
}

std::shared_ptr<const Ranker> RankerSource::Current() const {
  std::lock_guard lock(mu_);
  const auto now = std::chrono::steady_clock::now();
  if (now - checked_ >= recheck_) {
    checked_ = now;
    RefreshLocked();
  }
  return current_;
}

RankerSource::State RankerSource::Describe() const {
  std::shared_ptr<const Ranker> model = Current();
  std::lock_guard lock(mu_);
  return {origin_, model ? model->name() : "", error_};
}

RankerSource::FileStamp RankerSource::StampOf() const {
  FileStamp stamp;
  std::error_code ec;
  const auto size = std::filesystem::file_size(path_, ec);
  if (ec) return stamp;
  const auto mtime = std::filesystem::last_write_time(path_, ec);
  if (ec) return stamp;
  return {true, size, mtime};
}

void RankerSource::RefreshLocked() const {
  const FileStamp stamp = path_.empty() ? FileStamp{} : StampOf();
  if (looked_ && stamp == stamp_) return;
  const bool first = !looked_;
  looked_ = true;
  stamp_ = stamp;
  const std::string fallback =
      builtin_ ? "the built-in model " + builtin_->name() + " re-ranks" : "no re-ranking";
  if (!stamp.exists) {
    const bool changed = first || origin_ == RankerOrigin::kFile || !error_.empty();
    current_ = builtin_;
    origin_ = builtin_ ? RankerOrigin::kBuiltIn : RankerOrigin::kNone;
    error_.clear();
    if (changed && log_) log_(false, "re-ranker: no model file at " + path_ + "; " + fallback);
    return;
  }
  auto model = Usable(Ranker::Load(path_));
  if (model.ok()) {
    current_ = std::move(*model);
    origin_ = RankerOrigin::kFile;
    error_.clear();
    if (log_) log_(false, "re-ranker: model " + current_->name() + " loaded from " + path_);
    return;
  }
  current_ = builtin_;
  origin_ = builtin_ ? RankerOrigin::kBuiltIn : RankerOrigin::kNone;
  error_ = model.status().code() + ": " + model.status().message();
  if (log_) log_(true, "re-ranker: cannot use " + path_ + " (" + error_ + "); " + fallback);
}

}  // namespace kc::search
