// An acknowledged write survives kill -9; SIGTERM shuts down cleanly.
#include <gtest/gtest.h>

#include "api/api_fixture.h"

namespace kc::testing {
namespace {

class DurabilityTest : public ApiTest {};

TEST_F(DurabilityTest, AcknowledgedWriteSurvivesKill9) {
  Client owner = RegisterWithOrg("dur1", "持久公司");
  std::vector<int64_t> ids;
  for (int i = 0; i < 20; ++i) ids.push_back(CreateDemand(owner, "持久需求" + std::to_string(i)));
  // Kill right after the last acknowledgement: no clean shutdown, no checkpoint.
  EXPECT_EQ(server_->Stop(SIGKILL), 128 + SIGKILL);
  server_->Restart();
  ASSERT_TRUE(server_->running());
  Client again(server_->port());
  ASSERT_EQ(again.Login("dur1", PasswordOf("dur1")).status, 200);
  for (size_t i = 0; i < ids.size(); ++i) {
    auto r = again.Get("/api/v1/demands/" + std::to_string(ids[i]));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json["title"], "持久需求" + std::to_string(i));
  }
}

TEST_F(DurabilityTest, SigtermStopsCleanlyAndDataStays) {
  Client owner = RegisterWithOrg("dur2", "停机公司");
  int64_t id = CreateDemand(owner, "停机前的需求");
  EXPECT_EQ(server_->Stop(SIGTERM), 0);
  server_->Restart();
  Client again(server_->port());
  ASSERT_EQ(again.Login("dur2", PasswordOf("dur2")).status, 200);
  EXPECT_EQ(again.Get("/api/v1/demands/" + std::to_string(id)).status, 200);
}

}  // namespace
}  // namespace kc::testing
