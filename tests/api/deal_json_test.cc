#include "api/deal_json.h"

#include <gtest/gtest.h>

#include "api/schema_check.h"

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

TEST(DealJsonTest, DealsMessagesAndDocumentsValidateAgainstTheirSchemas) {
  DealView bare;
  DealView full;
  full.deal.id = 4;
  full.deal.stage = DealStage::kSigned;
  full.deal.proposed_stage = DealStage::kRegistered;
  full.deal.proposed_by_org = 1;
  full.broker = Org{};
  full.contract = Contract{4, ContractType::kLicense, 10, "2026-01-02", "R1", 1, 0};
  full.has_confidential = true;
  full.confidential = "secret";
  full.history.push_back(AuditEntry{1, 0, 7, "deal", 4, "open", R"({"stage":"intent"})"});
  testing::ExpectValid(DealSchema(), {DealJson(bare), DealJson(full)});
  DealMessage m{1, 4, 7, "李华", "您好", 0};
  testing::ExpectValid(MessageSchema(), {MessageJson(m)});
  DealAttachment a{2, 4, 7, "合同.pdf", "application/pdf", 1024, "x", 0};
  nlohmann::json file = AttachmentJson(a);
  EXPECT_EQ(file["url"], "/api/v1/deals/4/attachments/2");
  EXPECT_FALSE(file.contains("stored_name")) << "where the bytes lie stays on the server";
  testing::ExpectValid(AttachmentSchema(), {file});
}

TEST(DealJsonTest, ReadsContractsAndOpeningRequests) {
  auto c = ReadContract({{"type", "transfer"},
                         {"amount_cny", 500000},
                         {"signed_on", "2026-03-01"},
                         {"registration_no", "2026440001"}});
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->type, ContractType::kTransfer);
  EXPECT_EQ(c->amount_cny, 500000);
  EXPECT_EQ(ReadContract(
                {{"type", "gift"}, {"amount_cny", 1}, {"signed_on", "x"}, {"registration_no", "y"}})
                .status()
                .field(),
            "type");
  EXPECT_EQ(ReadContract({{"type", "transfer"}}).status().field(), "amount_cny");
  auto r = ReadOpenDeal({{"achievement_id", 3}, {"note", "有意向"}});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->achievement_id, 3);
  EXPECT_FALSE(r->demand_id.has_value());
  EXPECT_EQ(r->note, "有意向");
  EXPECT_EQ(ReadOpenDeal({{"price", 1}}).status().code(), "unknown_field");
}

}  // namespace
}  // namespace kc::api
