// Deals through the API: opening, permissions, stages.
#include <gtest/gtest.h>

#include "api/api_fixture.h"

namespace kc::testing {
namespace {

using nlohmann::json;

class DealRoutesTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    buyer_ = std::make_unique<Client>(RegisterWithOrg("buyer", "买方电池公司"));
    seller_ = std::make_unique<Client>(RegisterWithOrg("seller", "卖方研究院", "institute"));
    outsider_ = std::make_unique<Client>(RegisterWithOrg("outsider", "无关公司"));
    Client reviewer = Reviewer();
    demand_ = PublishedDemand(*buyer_, reviewer, "低温锂电池电解液");
    auto a = seller_->Post("/api/v1/achievements",
                           {{"title", "宽温域锂电池电解液"},
                            {"abstract", "一种低温电解液配方，-30℃容量保持率85%。"},
                            {"keywords", {"锂电池", "低温电解液"}}});
    ASSERT_EQ(a.status, 201) << a.body;
    achievement_ = a.json["id"];
    std::string base = "/api/v1/achievements/" + std::to_string(achievement_);
    ASSERT_EQ(seller_->Post(base + "/submit", json::object()).status, 200);
    ASSERT_EQ(reviewer.Post(base + "/approve", json::object()).status, 200);
  }

  int64_t OpenDeal() {
    auto r = buyer_->Post(
        "/api/v1/deals",
        {{"demand_id", demand_}, {"achievement_id", achievement_}, {"note", "想了解授权条件"}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json.value("id", 0);
  }

  std::string DealPath(int64_t id) { return "/api/v1/deals/" + std::to_string(id); }

  std::unique_ptr<Client> buyer_, seller_, outsider_;
  int64_t demand_ = 0, achievement_ = 0;
};

TEST_F(DealRoutesTest, OpenReadAndListAsAParty) {
  int64_t id = OpenDeal();
  auto got = seller_->Get(DealPath(id));
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.json["stage"], "intent");
  EXPECT_EQ(got.json["buyer"]["name"], "买方电池公司");
  EXPECT_EQ(got.json["seller"]["name"], "卖方研究院");
  EXPECT_TRUE(got.json["broker"].is_null());
  ASSERT_EQ(got.json["history"].size(), 1u);
  EXPECT_EQ(got.json["history"][0]["action"], "open");
  EXPECT_EQ(got.json["history"][0]["detail"]["note"], "想了解授权条件");
  auto mine = seller_->Get("/api/v1/deals");
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(mine.json["total"], 1);
  EXPECT_EQ(mine.json["items"][0]["id"], id);
  EXPECT_EQ(seller_->Get("/api/v1/deals?stage=signed").json["total"], 0);
  EXPECT_EQ(seller_->Get("/api/v1/deals?stage=nope").status, 400);
}

TEST_F(DealRoutesTest, ANonPartyCannotReadWriteOrListADeal) {
  int64_t id = OpenDeal();
  auto read = outsider_->Get(DealPath(id));
  EXPECT_EQ(read.status, 404);
  EXPECT_EQ(read.ErrorCode(), "not_found");
  auto write = outsider_->Post(DealPath(id) + "/stage", {{"stage", "negotiating"}});
  EXPECT_EQ(write.status, 404);
  auto list = outsider_->Get("/api/v1/deals");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json["total"], 0);
  EXPECT_EQ(Anonymous().Get(DealPath(id)).status, 401);
  EXPECT_EQ(Anonymous().Get("/api/v1/deals").status, 401);
  // Nothing changed for the parties.
  EXPECT_EQ(buyer_->Get(DealPath(id)).json["stage"], "intent");
  // An outsider cannot open a deal between two other organisations' listings.
  auto open =
      outsider_->Post("/api/v1/deals", {{"demand_id", demand_}, {"achievement_id", achievement_}});
  EXPECT_EQ(open.status, 403);
  // An admin sees every deal.
  EXPECT_EQ(Admin().Get(DealPath(id)).status, 200);
}

TEST_F(DealRoutesTest, StagesFollowTheMachine) {
  int64_t id = OpenDeal();
  auto illegal = seller_->Post(DealPath(id) + "/stage", {{"stage", "signed"}});
  EXPECT_EQ(illegal.status, 409);
  EXPECT_EQ(illegal.ErrorCode(), "invalid_transition");
  auto nda = seller_->Post(DealPath(id) + "/stage", {{"stage", "nda"}});
  ASSERT_EQ(nda.status, 200) << nda.body;
  EXPECT_EQ(nda.json["stage"], "nda");
  auto bad_stage = seller_->Post(DealPath(id) + "/stage", {{"stage", "married"}});
  EXPECT_EQ(bad_stage.status, 422);
  EXPECT_EQ(bad_stage.ErrorField(), "stage");
  auto missing = seller_->Post(DealPath(id) + "/stage", json::object());
  EXPECT_EQ(missing.status, 422);
  auto unknown = seller_->Post(DealPath(id) + "/stage", {{"stage", "nda"}, {"x", 1}});
  EXPECT_EQ(unknown.status, 400);
  auto no_reason = seller_->Post(DealPath(id) + "/stage", {{"stage", "declined"}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_EQ(no_reason.ErrorCode(), "reason_required");
  auto bad_reason =
      seller_->Post(DealPath(id) + "/stage", {{"stage", "declined"}, {"reason", "mood"}});
  EXPECT_EQ(bad_reason.status, 422);
  EXPECT_EQ(bad_reason.ErrorCode(), "invalid_reason");
  auto declined =
      seller_->Post(DealPath(id) + "/stage",
                    {{"stage", "declined"}, {"reason", "ip_terms"}, {"note", "专利仅限独占许可"}});
  ASSERT_EQ(declined.status, 200) << declined.body;
  auto seen = buyer_->Get(DealPath(id));
  EXPECT_EQ(seen.json["stage"], "declined");
  EXPECT_EQ(seen.json["reason"], "ip_terms");
  EXPECT_EQ(seen.json["reason_note"], "专利仅限独占许可");
  auto notes = buyer_->Get("/api/v1/me/notifications");
  ASSERT_GE(notes.json.value("total", 0), 2) << notes.body;
  EXPECT_EQ(notes.json["items"][0]["kind"], "deal_stage");
  EXPECT_EQ(notes.json["items"][0]["deal_id"], id);
}

TEST_F(DealRoutesTest, BadOpeningsAreClearErrors) {
  EXPECT_EQ(buyer_->Post("/api/v1/deals", json::object()).ErrorCode(), "listing_required");
  auto wrong = buyer_->Post("/api/v1/deals", {{"demand_id", achievement_}, {"org_id", 1}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_EQ(wrong.ErrorField(), "demand_id");
  auto type = buyer_->Post("/api/v1/deals", {{"demand_id", "1"}});
  EXPECT_EQ(type.status, 422);
  EXPECT_EQ(type.ErrorCode(), "invalid_type");
  auto junk = buyer_->Send("POST", "/api/v1/deals", "{not json");
  EXPECT_EQ(junk.status, 400);
  EXPECT_EQ(buyer_->Get("/api/v1/deals/abc").status, 400);
  EXPECT_EQ(buyer_->Get("/api/v1/deals/999").status, 404);
}

TEST_F(DealRoutesTest, AttachmentsOverTheLimitAre413AndFilesAreForPartiesOnly) {
  int64_t id = OpenDeal();
  std::string big = "%PDF-1.4\n" + std::string(5 * 1024 * 1024, 'x');
  auto too_big =
      seller_->Send("POST", DealPath(id) + "/attachments?name=big.pdf", big, {}, "application/pdf");
  EXPECT_EQ(too_big.status, 413) << too_big.body;
  EXPECT_EQ(too_big.ErrorCode(), "attachment_too_large");
  auto exe = seller_->Send("POST", DealPath(id) + "/attachments?name=run.exe", "MZ\x90", {},
                           "application/octet-stream");
  EXPECT_EQ(exe.status, 422);
  EXPECT_EQ(exe.ErrorCode(), "unsupported_type");
  auto no_name =
      seller_->Send("POST", DealPath(id) + "/attachments", "%PDF-1.4", {}, "application/pdf");
  EXPECT_EQ(no_name.status, 422);
  EXPECT_EQ(no_name.ErrorField(), "name");
  const std::string pdf = "%PDF-1.4\n技术方案\n%%EOF";
  auto up = seller_->Send("POST", DealPath(id) + "/attachments?name=%E6%96%B9%E6%A1%88.pdf", pdf,
                          {}, "application/pdf");
  ASSERT_EQ(up.status, 201) << up.body;
  EXPECT_EQ(up.json["file_name"], "方案.pdf");
  std::string url = up.json["url"];
  auto down = buyer_->Get(url);
  ASSERT_EQ(down.status, 200);
  EXPECT_EQ(down.body, pdf);
  EXPECT_EQ(down.Header("content-type"), "application/pdf");
  EXPECT_NE(down.Header("content-disposition").find("%E6%96%B9%E6%A1%88.pdf"), std::string::npos);
  EXPECT_EQ(outsider_->Get(url).status, 404);
  EXPECT_EQ(Anonymous().Get(url).status, 401);
  auto stranger_upload =
      outsider_->Send("POST", DealPath(id) + "/attachments?name=a.pdf", pdf, {}, "application/pdf");
  EXPECT_EQ(stranger_upload.status, 404);
  EXPECT_EQ(buyer_->Get(DealPath(id) + "/attachments").json["items"].size(), 1u);
  EXPECT_EQ(outsider_->Get(DealPath(id) + "/attachments").status, 404);
}

TEST_F(DealRoutesTest, MessagesReachTheOtherSide) {
  int64_t id = OpenDeal();
  auto m = buyer_->Post(DealPath(id) + "/messages", {{"text", "能否提供样品？"}});
  ASSERT_EQ(m.status, 201) << m.body;
  auto list = seller_->Get(DealPath(id) + "/messages");
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.json["items"].size(), 1u);
  EXPECT_EQ(list.json["items"][0]["text"], "能否提供样品？");
  EXPECT_EQ(outsider_->Get(DealPath(id) + "/messages").status, 404);
  EXPECT_EQ(outsider_->Post(DealPath(id) + "/messages", {{"text", "hi"}}).status, 404);
  EXPECT_EQ(buyer_->Post(DealPath(id) + "/messages", json::object()).status, 422);
  auto notes = seller_->Get("/api/v1/me/notifications");
  EXPECT_EQ(notes.json["items"][0]["kind"], "deal_message");
}

TEST_F(DealRoutesTest, ConfidentialDetailsAreHiddenBeforeTheNdaStage) {
  std::string secret_path =
      "/api/v1/achievements/" + std::to_string(achievement_) + "/confidential";
  auto put =
      seller_->Send("PUT", secret_path, json({{"details", "电解液配方：LiFSI 1.2M"}}).dump());
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(buyer_->Get(secret_path).status, 403);
  EXPECT_EQ(seller_->Get(secret_path).json["details"], "电解液配方：LiFSI 1.2M");
  int64_t id = OpenDeal();
  auto intent = buyer_->Get(DealPath(id));
  EXPECT_TRUE(intent.json["confidential"]["exists"].get<bool>());
  EXPECT_FALSE(intent.json["confidential"]["visible"].get<bool>());
  EXPECT_EQ(intent.body.find("LiFSI"), std::string::npos);
  ASSERT_EQ(buyer_->Post(DealPath(id) + "/stage", {{"stage", "nda"}}).status, 200);
  auto nda = buyer_->Get(DealPath(id));
  EXPECT_EQ(nda.body.find("LiFSI"), std::string::npos);
  auto after = seller_->Post(DealPath(id) + "/stage", {{"stage", "negotiating"}});
  ASSERT_EQ(after.status, 200);
  auto seen = buyer_->Get(DealPath(id));
  EXPECT_TRUE(seen.json["confidential"]["visible"].get<bool>());
  EXPECT_EQ(seen.json["confidential"]["details"], "电解液配方：LiFSI 1.2M");
}

// The attack of registering with another organisation's id (org_id) to read its deals and
// confidential details: the account only asks to join and sees nothing until approved.
TEST_F(DealRoutesTest, RegisteringIntoAPartyGivesNoAccessUntilItsAdminApproves) {
  std::string secret_path =
      "/api/v1/achievements/" + std::to_string(achievement_) + "/confidential";
  ASSERT_EQ(seller_->Send("PUT", secret_path, json({{"details", "电解液配方：LiFSI 1.2M"}}).dump())
                .status,
            200);
  int64_t id = OpenDeal();
  ASSERT_EQ(buyer_->Post(DealPath(id) + "/stage", {{"stage", "nda"}}).status, 200);
  ASSERT_EQ(seller_->Post(DealPath(id) + "/stage", {{"stage", "negotiating"}}).status, 200);
  int64_t seller_org = seller_->Get("/api/v1/me").json["org_id"];

  Client spy(server_->port());
  auto reg =
      spy.Post("/api/v1/auth/register",
               {{"username", "spy"}, {"password", PasswordOf("spy")}, {"org_id", seller_org}});
  ASSERT_EQ(reg.status, 201) << reg.body;
  EXPECT_TRUE(reg.json["org_id"].is_null());
  EXPECT_EQ(reg.json["role"], "member");
  ASSERT_EQ(spy.Login("spy", PasswordOf("spy")).status, 200);
  EXPECT_EQ(spy.Get("/api/v1/deals").json["total"], 0);
  auto deal = spy.Get(DealPath(id));
  EXPECT_EQ(deal.status, 404);
  EXPECT_EQ(deal.body.find("LiFSI"), std::string::npos);
  EXPECT_EQ(spy.Get(secret_path).status, 403);
  EXPECT_EQ(spy.Get(DealPath(id) + "/messages").status, 404);
  EXPECT_EQ(spy.Get("/api/v1/orgs/" + std::to_string(seller_org) + "/deals/export").status, 403);
  EXPECT_EQ(spy.Get("/api/v1/me/notifications").json["total"], 0);
  // Once the seller's admin approves, the member sees the deal like the others.
  int64_t spy_id = spy.Get("/api/v1/me").json["id"];
  ASSERT_EQ(seller_
                ->Post("/api/v1/orgs/" + std::to_string(seller_org) + "/join-requests/" +
                           std::to_string(spy_id) + "/approve",
                       json::object())
                .status,
            200);
  EXPECT_EQ(spy.Get(DealPath(id)).status, 200);
}

TEST_F(DealRoutesTest, RegisteringWithoutAContractRecordIs422) {
  int64_t id = OpenDeal();
  ASSERT_EQ(buyer_->Post(DealPath(id) + "/stage", {{"stage", "negotiating"}}).status, 200);
  ASSERT_EQ(seller_->Post(DealPath(id) + "/stage", {{"stage", "signed"}}).status, 202);
  ASSERT_EQ(buyer_->Post(DealPath(id) + "/stage", {{"stage", "signed"}}).status, 200);
  auto reg = buyer_->Post(DealPath(id) + "/stage", {{"stage", "registered"}});
  EXPECT_EQ(reg.status, 422) << reg.body;
  EXPECT_EQ(reg.ErrorCode(), "contract_required");
  json contract = {{"type", "transfer"},
                   {"amount_cny", 1500000},
                   {"signed_on", "2026-11-20"},
                   {"registration_no", "2026440305000123"}};
  json bad = contract;
  bad["type"] = "sale";
  auto bad_type = buyer_->Send("PUT", DealPath(id) + "/contract", bad.dump());
  EXPECT_EQ(bad_type.status, 422);
  EXPECT_EQ(bad_type.ErrorField(), "type");
  bad = contract;
  bad.erase("amount_cny");
  EXPECT_EQ(buyer_->Send("PUT", DealPath(id) + "/contract", bad.dump()).ErrorField(), "amount_cny");
  EXPECT_EQ(outsider_->Send("PUT", DealPath(id) + "/contract", contract.dump()).status, 404);
  auto put = buyer_->Send("PUT", DealPath(id) + "/contract", contract.dump());
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.json["contract"]["registration_no"], "2026440305000123");
  ASSERT_EQ(buyer_->Post(DealPath(id) + "/stage", {{"stage", "registered"}}).status, 202);
  auto ok = seller_->Post(DealPath(id) + "/stage", {{"stage", "registered"}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json["stage"], "registered");
  EXPECT_EQ(ok.json["contract"]["amount_cny"], 1500000);
}

// docs/talent.md: a talent engagement is a deal between a talent demand and a talent profile;
// once signed it is completed, with no technology contract to register.
TEST_F(DealRoutesTest, ATalentEngagementIsCompletedWithoutAContract) {
  Client reviewer = Reviewer("reviewer2");
  auto want = buyer_->Post("/api/v1/talent-demands", {{"title", "引进电解液首席科学家"},
                                                      {"description", "提供岗位与实验室。"},
                                                      {"offers", {"post"}}});
  ASSERT_EQ(want.status, 201) << want.body;
  auto person = seller_->Post(
      "/api/v1/talents",
      {{"title", "电解液研究员"}, {"name", "钱"}, {"contact", {{"email", "q@example.com"}}}});
  ASSERT_EQ(person.status, 201) << person.body;
  for (auto [c, path] :
       {std::pair{buyer_.get(),
                  "/api/v1/talent-demands/" + std::to_string(want.json.value("id", 0))},
        std::pair{seller_.get(),
                  "/api/v1/talents/" + std::to_string(person.json.value("id", 0))}}) {
    ASSERT_EQ(c->Post(path + "/submit", json::object()).status, 200);
    ASSERT_EQ(reviewer.Post(path + "/approve", json::object()).status, 200);
  }
  auto mixed =
      buyer_->Post("/api/v1/deals", {{"demand_id", demand_}, {"talent_id", person.json["id"]}});
  EXPECT_EQ(mixed.status, 422) << mixed.body;
  EXPECT_EQ(mixed.ErrorCode(), "mixed_listings");

  auto opened = buyer_->Post(
      "/api/v1/deals", {{"talent_demand_id", want.json["id"]}, {"talent_id", person.json["id"]}});
  ASSERT_EQ(opened.status, 201) << opened.body;
  EXPECT_EQ(opened.json["kind"], "talent");
  EXPECT_EQ(opened.json["talent_id"], person.json["id"]);
  EXPECT_EQ(opened.json["talent_demand_id"], want.json["id"]);
  EXPECT_TRUE(opened.json["demand_id"].is_null());
  const std::string d = DealPath(opened.json.value("id", 0));
  EXPECT_EQ(outsider_->Get(d).status, 404);
  ASSERT_EQ(seller_->Post(d + "/stage", {{"stage", "negotiating"}}).status, 200);
  ASSERT_EQ(seller_->Post(d + "/stage", {{"stage", "signed"}}).status, 202);
  ASSERT_EQ(buyer_->Post(d + "/stage", {{"stage", "signed"}}).status, 200);
  auto contract = buyer_->Send("PUT", d + "/contract",
                               json({{"type", "service"},
                                     {"amount_cny", 1},
                                     {"signed_on", "2026-11-20"},
                                     {"registration_no", "X1"}})
                                   .dump());
  EXPECT_EQ(contract.status, 409) << contract.body;
  EXPECT_EQ(contract.ErrorCode(), "no_contract_registration");
  EXPECT_EQ(buyer_->Post(d + "/stage", {{"stage", "registered"}}).ErrorCode(),
            "invalid_transition");
  ASSERT_EQ(buyer_->Post(d + "/stage", {{"stage", "completed"}}).status, 202);
  auto done = seller_->Post(d + "/stage", {{"stage", "completed"}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json["stage"], "completed");
}

TEST_F(DealRoutesTest, ABindingStepTakesEffectOnlyWhenTheOtherPartyConfirms) {
  int64_t id = OpenDeal();
  ASSERT_EQ(buyer_->Post(DealPath(id) + "/stage", {{"stage", "negotiating"}}).status, 200);
  auto proposed = buyer_->Post(DealPath(id) + "/stage", {{"stage", "signed"}});
  ASSERT_EQ(proposed.status, 202) << proposed.body;
  EXPECT_EQ(proposed.json["stage"], "negotiating");
  EXPECT_EQ(proposed.json["pending"]["stage"], "signed");
  EXPECT_EQ(proposed.json["pending"]["by_org_id"], buyer_->Get("/api/v1/me").json["org_id"]);
  // The same side cannot confirm its own proposal; the seller hears of it.
  auto again = buyer_->Post(DealPath(id) + "/stage", {{"stage", "signed"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.ErrorCode(), "awaiting_confirmation");
  auto note = seller_->Get("/api/v1/me/notifications").json["items"][0];
  EXPECT_EQ(note["kind"], "deal_proposal");
  EXPECT_EQ(note["detail"]["stage"], "signed");
  // The seller refuses it: nothing changed but the proposal is gone; then it proposes itself
  // and the buyer confirms.
  auto refused = seller_->Delete(DealPath(id) + "/proposal");
  ASSERT_EQ(refused.status, 200) << refused.body;
  EXPECT_TRUE(refused.json["pending"].is_null());
  EXPECT_EQ(seller_->Delete(DealPath(id) + "/proposal").status, 404);
  EXPECT_EQ(outsider_->Delete(DealPath(id) + "/proposal").status, 404);
  ASSERT_EQ(seller_->Post(DealPath(id) + "/stage", {{"stage", "signed"}}).status, 202);
  auto confirmed = buyer_->Post(DealPath(id) + "/stage", {{"stage", "signed"}});
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(confirmed.json["stage"], "signed");
  EXPECT_TRUE(confirmed.json["pending"].is_null());
  EXPECT_NE(confirmed.json["signed_at"], "");
  // Every history entry names its actor.
  auto history = seller_->Get(DealPath(id)).json["history"];
  std::vector<std::string> actions;
  for (const auto& e : history) {
    actions.push_back(e["action"]);
    EXPECT_TRUE(e["actor_name"].is_string()) << e.dump();
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"open", "stage", "propose", "proposal_refused",
                                               "propose", "stage"}));
  EXPECT_EQ(history.back()["actor_name"], "buyer");
  EXPECT_EQ(history.back()["detail"]["to"], "signed");
}

TEST_F(DealRoutesTest, ABrokerCannotBindTheParties) {
  Client agency = RegisterWithOrg("agent", "技术转移中心", "service_agency");
  auto opened =
      agency.Post("/api/v1/deals", {{"demand_id", demand_}, {"achievement_id", achievement_}});
  ASSERT_EQ(opened.status, 201) << opened.body;
  std::string path = DealPath(opened.json["id"]);
  ASSERT_EQ(agency.Post(path + "/stage", {{"stage", "negotiating"}}).status, 200);
  auto bind = agency.Post(path + "/stage", {{"stage", "signed"}});
  EXPECT_EQ(bind.status, 403);
  EXPECT_EQ(bind.ErrorCode(), "binding_step");
  // A proposal is cleared by any other move (here the buyer cancels).
  ASSERT_EQ(seller_->Post(path + "/stage", {{"stage", "signed"}}).status, 202);
  auto cancelled = buyer_->Post(path + "/stage", {{"stage", "cancelled"}, {"reason", "price"}});
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_TRUE(cancelled.json["pending"].is_null());
}

TEST_F(DealRoutesTest, OrgAdminsExportTheDealHistoryAsCsvAndXlsx) {
  int64_t id = OpenDeal();
  ASSERT_EQ(seller_->Post(DealPath(id) + "/messages", {{"text", "收到"}}).status, 201);
  int64_t org = buyer_->Get("/api/v1/me").json["org_id"];
  std::string path = "/api/v1/orgs/" + std::to_string(org) + "/deals/export";
  auto csv = buyer_->Get(path);
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_NE(csv.body.find("deal_id,title,buyer,seller"), std::string::npos);
  EXPECT_NE(csv.body.find(",open,"), std::string::npos);
  EXPECT_NE(csv.body.find(",message,"), std::string::npos);
  auto xlsx = buyer_->Get(path + "?format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_EQ(buyer_->Get(path + "?format=pdf").status, 400);
  EXPECT_EQ(outsider_->Get(path).status, 403);
  EXPECT_EQ(buyer_->Get("/api/v1/orgs/99999/deals/export").status, 404);
}

}  // namespace
}  // namespace kc::testing
