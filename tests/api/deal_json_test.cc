#include "api/deal_json.h"

#include <gtest/gtest.h>

namespace kc::api {
namespace {

TEST(DealJsonTest, ShowsConfidentialDetailsOnlyWhenTheViewCarriesThem) {
  DealView v;
  v.deal.id = 4;
  v.deal.title = "t";
  v.deal.stage = DealStage::kDeclined;
  v.deal.reason = DealReason::kPrice;
  v.buyer.id = 1;
  v.seller.id = 2;
  v.has_confidential = true;
  auto j = DealJson(v);
  EXPECT_EQ(j["stage"], "declined");
  EXPECT_EQ(j["reason"], "price");
  EXPECT_TRUE(j["broker"].is_null());
  EXPECT_TRUE(j["contract"].is_null());
  EXPECT_TRUE(j["confidential"]["exists"].get<bool>());
  EXPECT_FALSE(j["confidential"]["visible"].get<bool>());
  EXPECT_FALSE(j["confidential"].contains("details"));
  EXPECT_FALSE(j.contains("history"));
  v.confidential = "secret";
  v.contract = Contract{4, ContractType::kLicense, 10, "2026-01-02", "R1", 1, 0};
  v.history.push_back(AuditEntry{1, 0, std::nullopt, "deal", 4, "open", "not json"});
  j = DealJson(v);
  EXPECT_EQ(j["confidential"]["details"], "secret");
  EXPECT_EQ(j["contract"]["type"], "license");
  EXPECT_EQ(j["contract"]["registration_no"], "R1");
  EXPECT_TRUE(j["history"][0]["detail"].is_object());
  EXPECT_TRUE(j["history"][0]["actor_id"].is_null());
}

}  // namespace
}  // namespace kc::api
