// The web front end's files (web/ built into build/web): a single-page application served
// beside the API.
//
// Every file under the root is read into memory once, at Load (the built front end is a few
// megabytes), so a request never touches the disk and never races a rebuild; a rebuilt front
// end is picked up on the next start. Paths are looked up in that table, so nothing outside the
// root can be served whatever the request says; paths with ".." segments, backslashes or NUL
// bytes are refused all the same, with 400.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "core/status.h"
#include "http/message.h"

namespace kc::http {

class StaticFiles {
 public:
  // Reads every regular file under `root` (recursively). Fails when `root` is not a readable
  // directory or has no index.html.
  static Result<std::shared_ptr<const StaticFiles>> Load(const std::string& root);

  // Answers a GET or HEAD request for a path outside /api and returns true; returns false
  // (leaving `res` untouched) for /api paths and other methods, which belong to the router.
  //  - "/" and paths without a file extension that match no file get index.html (SPA routes);
  //    a missing path with an extension (a stale /assets/x.js) gets 404.
  //  - /assets/* (content-hashed names) are cached for a year ("immutable"); everything else is
  //    "no-cache" with an ETag, and If-None-Match answers 304.
  //  - When FILE.gz exists and Accept-Encoding allows gzip, its bytes are sent with
  //    Content-Encoding: gzip; every file with a .gz twin carries Vary: Accept-Encoding.
  // Thread-safe: the table is immutable after Load.
  bool Serve(const Request& req, Response& res) const;

  size_t file_count() const { return files_.size(); }

  // The Content-Type for a file name by its extension (application/octet-stream when unknown).
  static std::string ContentTypeOf(std::string_view name);

 private:
  struct File {
    std::string body;
    std::string etag;
  };
  StaticFiles() = default;
  const File* Find(const std::string& rel) const;

  std::unordered_map<std::string, File> files_;  // by path relative to the root, "a/b.js"
};

}  // namespace kc::http
