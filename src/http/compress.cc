#include "http/compress.h"

#include <libdeflate.h>

#include <algorithm>

#include "core/ascii.h"

namespace kc::http {

bool AcceptsGzip(std::string_view accept_encoding) {
  bool gzip = false, star = false, gzip_named = false;
  while (!accept_encoding.empty()) {
    auto comma = accept_encoding.find(',');
    std::string_view item = TrimBlanks(accept_encoding.substr(0, comma));
    auto semi = item.find(';');
    std::string coding = LowerAscii(TrimBlanks(item.substr(0, semi)));
    bool refused = false;
    if (semi != std::string_view::npos) {
      std::string params = LowerAscii(item.substr(semi + 1));
      params.erase(std::remove(params.begin(), params.end(), ' '), params.end());
      // q=0, q=0.0, q=0.00, q=0.000 refuse the coding.
      if (params.starts_with("q=0") && params.find_first_not_of("0.", 2) == std::string::npos) {
        refused = true;
      }
    }
    if (coding == "gzip" || coding == "x-gzip") {
      gzip_named = true;
      gzip = !refused;
    } else if (coding == "*") {
      star = !refused;
    }
    if (comma == std::string_view::npos) break;
    accept_encoding.remove_prefix(comma + 1);
  }
  return gzip_named ? gzip : star;
}

std::optional<std::string> Gzip(std::string_view data) {
  // One compressor per thread (libdeflate: whole buffers at once, about twice zlib's speed at
  // the same level); setting one up allocates its tables, so it is kept, not made per body.
  struct Compressor {
    libdeflate_compressor* c = libdeflate_alloc_compressor(1);
    ~Compressor() {
      if (c) libdeflate_free_compressor(c);
    }
  };
  thread_local Compressor compressor;
  if (!compressor.c) return std::nullopt;
  std::string out(libdeflate_gzip_compress_bound(compressor.c, data.size()), '\0');
  const size_t n =
      libdeflate_gzip_compress(compressor.c, data.data(), data.size(), out.data(), out.size());
  if (n == 0) return std::nullopt;
  out.resize(n);
  return out;
}

bool ShouldCompress(std::string_view content_type, size_t size) {
  return size >= kCompressMinBytes && content_type.starts_with("application/json");
}

}  // namespace kc::http
