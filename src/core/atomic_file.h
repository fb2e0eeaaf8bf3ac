// Files written whole or not at all: what the server stores in the data directory (deal
// attachments, restored files) must never be left empty or cut short by a full disk or a crash.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace kc {

// Writes `bytes` to `path`: into a temporary file beside it, flushed to disk (fsync), renamed
// to `path` (replacing a file there) and the directory synced, so `path` holds either its old
// content or all of `bytes`, also after a crash. On any failure the temporary file is removed.
// Fails with storage_full (507) when the disk or a quota is full, read_only_storage (503) when
// the file system is read-only or the directory may not be written, kInternal otherwise; the
// message names the path and the system's reason.
Status WriteFileAtomically(const std::string& path, std::string_view bytes);

// Checks that `path` may be written: a directory by creating (atomically, as above) and
// removing a small file in it, a file by asking the system (access W_OK). Fails with the kind
// and code WriteFileAtomically would (read_only_storage, storage_full, internal), its message
// only the system's reason ("cannot create …: Permission denied"), for a start-up message; a
// path that does not exist is not an error.
Status CheckWritable(const std::string& path);

// The status for a failed file operation with errno `err` on `path` (as WriteFileAtomically
// classifies it).
Status FileError(const std::string& what, const std::string& path, int err);

}  // namespace kc
