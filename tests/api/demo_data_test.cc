// A fresh platform starts with the shipped demo data; --no-demo starts empty.
#include <gtest/gtest.h>

#include "api/api_fixture.h"

namespace kc::testing {
namespace {

class DemoDataTest : public ApiTest {
 protected:
  std::vector<std::string> ServerArgs() override { return {}; }
};

TEST_F(DemoDataTest, FreshPlatformShowsDemoListings) {
  Client c = Anonymous();
  auto demands = c.Get("/api/v1/demands?size=100");
  EXPECT_EQ(demands.json["total"], 20);
  EXPECT_EQ(c.Get("/api/v1/achievements").json["total"], 20);
  EXPECT_EQ(c.Get("/api/v1/experts").json["total"], 10);
  // The twelve demo organisations and the platform operator's own.
  EXPECT_EQ(c.Get("/api/v1/orgs").json["total"], 13);
  int english = 0;
  for (const auto& d : demands.json["items"]) {
    EXPECT_TRUE(d["demo"].get<bool>());
    std::string title = d["title"];
    if (!title.empty() && static_cast<unsigned char>(title[0]) < 0x80) ++english;
  }
  EXPECT_GE(english, 1);
  // Restarting does not load it twice.
  server_->Restart();
  EXPECT_EQ(Client(server_->port()).Get("/api/v1/demands").json["total"], 20);
}

TEST(NoDemoTest, NoDemoStartsEmpty) {
  ServerProcess s({"--no-demo"});
  EXPECT_EQ(Client(s.port()).Get("/api/v1/demands").json["total"], 0);
  EXPECT_EQ(Client(s.port()).Get("/api/v1/orgs").json["total"], 1);  // the platform's own
}

}  // namespace
}  // namespace kc::testing
