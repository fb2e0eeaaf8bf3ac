#include "http/static_files.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include "core/ascii.h"
#include "http/compress.h"

namespace kc::http {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kRevalidate = "no-cache";

// A strong validator for a file's bytes: FNV-1a 64 plus the length, quoted.
std::string EtagOf(const std::string& body) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : body) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[48];
  std::snprintf(buf, sizeof buf, "\"%016llx-%zx\"", static_cast<unsigned long long>(h),
                body.size());
  return buf;
}

// Whether a decoded request path may name a file: no "..", no backslash, no NUL, and not
// absolute once the leading "/" is removed.
bool SafePath(std::string_view rel) {
  if (!rel.empty() && rel.front() == '/') return false;
  if (rel.find('\\') != std::string_view::npos) return false;
  if (rel.find('\0') != std::string_view::npos) return false;
  size_t start = 0;
  while (start <= rel.size()) {
    size_t slash = rel.find('/', start);
    std::string_view seg =
        rel.substr(start, slash == std::string_view::npos ? rel.npos : slash - start);
    if (seg == "..") return false;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return true;
}

bool HasExtension(std::string_view rel) {
  auto slash = rel.rfind('/');
  std::string_view last = slash == std::string_view::npos ? rel : rel.substr(slash + 1);
  return last.find('.') != std::string_view::npos;
}

bool EtagMatches(std::string_view if_none_match, std::string_view etag) {
  if (TrimBlanks(if_none_match) == "*") return true;
  while (!if_none_match.empty()) {
    auto comma = if_none_match.find(',');
    std::string_view tag = TrimBlanks(if_none_match.substr(0, comma));
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == etag) return true;
    if (comma == std::string_view::npos) break;
    if_none_match.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace

std::string StaticFiles::ContentTypeOf(std::string_view name) {
  static const std::array<std::pair<std::string_view, std::string_view>, 22> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".txt", "text/plain; charset=utf-8"},
      {".xml", "application/xml"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".avif", "image/avif"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".wasm", "application/wasm"},
      {".gz", "application/gzip"},
  }};
  auto dot = name.rfind('.');
  auto slash = name.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return "application/octet-stream";
  }
  std::string ext = LowerAscii(name.substr(dot));
  for (const auto& [e, type] : kTypes) {
    if (e == ext) return std::string(type);
  }
  return "application/octet-stream";
}

Result<std::shared_ptr<const StaticFiles>> StaticFiles::Load(const std::string& root) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    return NotFound("the web directory " + root);
  }
  std::shared_ptr<StaticFiles> out(new StaticFiles());
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::ifstream in(it->path(), std::ios::binary);
    if (!in) return Internal("cannot read " + it->path().string());
    std::ostringstream buf;
    buf << in.rdbuf();
    File f;
    f.body = std::move(buf).str();
    f.etag = EtagOf(f.body);
    out->files_.emplace(fs::relative(it->path(), root).generic_string(), std::move(f));
  }
  if (ec) return Internal("cannot list the web directory " + root + ": " + ec.message());
  if (!out->files_.count("index.html")) {
    return NotFound("index.html in the web directory " + root);
  }
  return std::shared_ptr<const StaticFiles>(std::move(out));
}

const StaticFiles::File* StaticFiles::Find(const std::string& rel) const {
  auto it = files_.find(rel);
  return it == files_.end() ? nullptr : &it->second;
}

bool StaticFiles::Serve(const Request& req, Response& res) const {
  if (req.method() != bhttp::verb::get && req.method() != bhttp::verb::head) return false;
  const std::string& path = req.path();
  if (path == "/api" || path.starts_with("/api/")) return false;
  if (path.empty() || path.front() != '/') {
    res = ErrorResponse(400, "bad_path", "the path must start with /");
    return true;
  }
  std::string rel = path.substr(1);
  if (!SafePath(rel)) {
    res = ErrorResponse(400, "bad_path", "the path may not leave the web directory");
    return true;
  }
  const bool page_route = !HasExtension(rel);
  if (rel.empty() || rel.back() == '/') rel += "index.html";
  const File* file = Find(rel);
  if (!file) {
    if (!page_route) {
      res = ErrorResponse(404, "not_found", "no file " + path);
      return true;
    }
    rel = "index.html";  // a route of the single-page application
    file = Find(rel);
  }

  res = Response{};
  res.content_type = ContentTypeOf(rel);
  res.AddHeader("Cache-Control",
                std::string(rel.starts_with("assets/") ? kImmutable : kRevalidate));
  res.AddHeader("X-Content-Type-Options", "nosniff");
  const File* gz = Find(rel + ".gz");
  std::string etag = file->etag;
  const std::string* body = &file->body;
  if (gz) {
    res.AddHeader("Vary", "Accept-Encoding");
    if (AcceptsGzip(req.Header(bhttp::field::accept_encoding))) {
      res.AddHeader("Content-Encoding", "gzip");
      etag.insert(etag.size() - 1, "-gz");
      body = &gz->body;
    }
  }
  res.AddHeader("ETag", etag);
  if (EtagMatches(req.Header(bhttp::field::if_none_match), etag)) {
    res.status = 304;
    return true;
  }
  res.body = *body;
  return true;
}

}  // namespace kc::http
