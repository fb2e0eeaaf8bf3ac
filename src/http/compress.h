// gzip for responses: whether a client accepts it, and compressing a body (docs/api.md,
// "Compression"). Static files carry precompressed twins (static_files.h); JSON answers of the
// API are compressed as they are sent (server.cc).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kc::http {

// JSON bodies shorter than this are sent as they are: compressing them saves less than the
// headers it adds and costs CPU on every request.
inline constexpr size_t kCompressMinBytes = 1024;

// Whether an Accept-Encoding header value accepts gzip: a "gzip" (or "x-gzip") token without
// q=0, or else a "*" token without q=0. Case-insensitive; an empty header accepts nothing.
bool AcceptsGzip(std::string_view accept_encoding);

// `data` as a gzip stream (RFC 1952) at the fastest level, which keeps most of the gain on JSON
// for a fraction of the default level's CPU; nullopt only when the compressor cannot be made.
std::optional<std::string> Gzip(std::string_view data);

// Whether a response of `content_type` and `size` bytes is worth compressing: JSON of at least
// kCompressMinBytes.
bool ShouldCompress(std::string_view content_type, size_t size);

}  // namespace kc::http
