#include "http/compress.h"

#include <gtest/gtest.h>
#include <libdeflate.h>

#include <string>

namespace kc::http {
namespace {

// Inflates a gzip stream (the client's side), or returns "<error>".
std::string Gunzip(const std::string& gz) {
  libdeflate_decompressor* d = libdeflate_alloc_decompressor();
  std::string out(1 << 20, '\0');
  size_t n = 0;
  const auto rc = libdeflate_gzip_decompress(d, gz.data(), gz.size(), out.data(), out.size(), &n);
  libdeflate_free_decompressor(d);
  if (rc != LIBDEFLATE_SUCCESS) return "<error>";
  out.resize(n);
  return out;
}

TEST(CompressTest, AcceptEncodingParsing) {
  EXPECT_TRUE(AcceptsGzip("gzip"));
  EXPECT_TRUE(AcceptsGzip("deflate, GZIP;q=0.5"));
  EXPECT_TRUE(AcceptsGzip("*"));
  EXPECT_TRUE(AcceptsGzip("br, x-gzip"));
  EXPECT_TRUE(AcceptsGzip("gzip, deflate, br, zstd"));
  EXPECT_FALSE(AcceptsGzip(""));
  EXPECT_FALSE(AcceptsGzip("identity"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0"));
  EXPECT_FALSE(AcceptsGzip("gzip; q=0.000"));
  EXPECT_FALSE(AcceptsGzip("*, gzip;q=0"));
  EXPECT_FALSE(AcceptsGzip("br;q=1, *;q=0"));
  EXPECT_FALSE(AcceptsGzip("gzipped"));
}

TEST(CompressTest, GzipRoundTripsAndShrinksJson) {
  std::string json = "[";
  for (int i = 0; i < 200; ++i) json += R"({"id":)" + std::to_string(i) + R"(,"title":"风电轴承"},)";
  json.back() = ']';
  auto gz = Gzip(json);
  ASSERT_TRUE(gz.has_value());
  EXPECT_LT(gz->size(), json.size() / 4) << gz->size() << " of " << json.size();
  EXPECT_EQ(Gunzip(*gz), json);
  auto empty = Gzip("");
  ASSERT_TRUE(empty.has_value());
  EXPECT_EQ(Gunzip(*empty), "");
}

TEST(CompressTest, OnlyJsonOfAKibibyteAndMoreIsWorthCompressing) {
  EXPECT_TRUE(ShouldCompress("application/json", 1024));
  EXPECT_TRUE(ShouldCompress("application/json; charset=utf-8", 50000));
  EXPECT_FALSE(ShouldCompress("application/json", 1023));
  EXPECT_FALSE(ShouldCompress("text/plain", 50000));
  EXPECT_FALSE(ShouldCompress("application/gzip", 50000));
}

}  // namespace
}  // namespace kc::http
