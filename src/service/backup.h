// Backup and restore (kechuang backup FILE / restore FILE): every table of the store from one
// consistent snapshot, taken while the platform serves, plus the files under
// <data>/attachments/, in one portable file. The format is the same for SQLite and PostgreSQL,
// so a backup of one restores into the other.
//
// Format (JSON Lines, UTF-8): a header {"kechuang_backup":1,"schema_version":N,"created_at":T};
// per table {"table":NAME,"columns":[…]} then one {"row":[…]} per row (values as strings or
// null); per file {"file":RELATIVE_PATH,"base64":…}; last {"end":{"tables":n,"rows":n,"files":n}}
// (a file without it is truncated and refused).
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"
#include "store/store.h"

namespace kc {

struct BackupSummary {
  int64_t tables = 0;
  int64_t rows = 0;
  int64_t files = 0;
};

// Writes the backup of `store` and of `data_dir`/attachments (when present) to `path`: first to
// `path`.tmp, renamed into place once complete.
Result<BackupSummary> WriteBackup(Store& store, const std::string& data_dir,
                                  const std::string& path, int64_t now);

// Restores the backup at `path` into `store`, which must be empty and at the backup's schema
// version, and its files into `data_dir`/attachments. Nothing is loaded from a damaged file.
Result<BackupSummary> RestoreBackup(Store& store, const std::string& data_dir,
                                    const std::string& path);

}  // namespace kc
