#include "api/client_address.h"

#include <gtest/gtest.h>

namespace kc::api {
namespace {

TrustedProxies Trust(std::vector<std::string> specs) {
  auto t = TrustedProxies::Parse(specs);
  EXPECT_TRUE(t.ok()) << t.status().message();
  return t.ok() ? *t : TrustedProxies();
}

TEST(TrustedProxiesTest, ParsesAddressesAndRanges) {
  TrustedProxies t = Trust({"10.0.0.5", "192.168.0.0/16", "fd00::/8", "::1"});
  EXPECT_TRUE(t.Contains("10.0.0.5"));
  EXPECT_FALSE(t.Contains("10.0.0.6"));
  EXPECT_TRUE(t.Contains("192.168.37.4"));
  EXPECT_FALSE(t.Contains("192.169.0.1"));
  EXPECT_TRUE(t.Contains("fd12:3456::1"));
  EXPECT_FALSE(t.Contains("fe80::1"));
  EXPECT_TRUE(t.Contains("::1"));
  EXPECT_TRUE(t.Contains("::ffff:10.0.0.5")) << "IPv4-mapped";
  EXPECT_FALSE(t.Contains("not-an-address"));
  EXPECT_FALSE(t.Contains(""));
  EXPECT_TRUE(Trust({"0.0.0.0/0"}).Contains("203.0.113.9"));
  EXPECT_FALSE(Trust({"0.0.0.0/0"}).Contains("2001:db8::1")) << "an IPv4 range holds no IPv6";
}

TEST(TrustedProxiesTest, RefusesWhatIsNotAnAddressOrRange) {
  for (const char* bad : {"", "proxy.example", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/8x",
                          "fd00::/129", "10.0.0.300", "/8"}) {
    auto t = TrustedProxies::Parse({bad});
    EXPECT_FALSE(t.ok()) << bad;
    if (!t.ok()) {
      EXPECT_EQ(t.status().code(), "bad_flag");
    }
  }
}

TEST(TrustedProxiesTest, TheHeaderIsIgnoredFromAnUntrustedPeer) {
  TrustedProxies none;
  EXPECT_EQ(none.ClientOf("198.51.100.7", "203.0.113.1"), "198.51.100.7");
  TrustedProxies t = Trust({"127.0.0.1"});
  EXPECT_EQ(t.ClientOf("198.51.100.7", "203.0.113.1"), "198.51.100.7");
  EXPECT_EQ(t.ClientOf("127.0.0.1", ""), "127.0.0.1");
}

TEST(TrustedProxiesTest, TheClientIsTheRightMostUntrustedHop) {
  TrustedProxies t = Trust({"127.0.0.1", "10.0.0.0/8"});
  EXPECT_EQ(t.ClientOf("127.0.0.1", "203.0.113.1"), "203.0.113.1");
  // A client that sends its own X-Forwarded-For cannot choose its address: the proxy appended
  // the one it saw.
  EXPECT_EQ(t.ClientOf("127.0.0.1", "1.2.3.4, 203.0.113.1"), "203.0.113.1");
  // Through two trusted proxies.
  EXPECT_EQ(t.ClientOf("127.0.0.1", "1.2.3.4,203.0.113.1 , 10.1.2.3"), "203.0.113.1");
  // Every hop trusted: the left-most.
  EXPECT_EQ(t.ClientOf("127.0.0.1", "10.0.0.9, 10.0.0.8"), "10.0.0.9");
  // Garbage stops the walk at the last trusted hop.
  EXPECT_EQ(t.ClientOf("127.0.0.1", "203.0.113.1, garbage, 10.0.0.8"), "10.0.0.8");
  EXPECT_EQ(t.ClientOf("127.0.0.1", ","), "127.0.0.1");
  EXPECT_EQ(t.ClientOf("127.0.0.1", std::string(100000, 'x')), "127.0.0.1");
  // IPv6 and mapped forms come out in one canonical form.
  EXPECT_EQ(t.ClientOf("::ffff:127.0.0.1", "2001:DB8::1"), "2001:db8::1");
  EXPECT_EQ(t.ClientOf("127.0.0.1", "::ffff:203.0.113.1"), "203.0.113.1");
}

}  // namespace
}  // namespace kc::api
