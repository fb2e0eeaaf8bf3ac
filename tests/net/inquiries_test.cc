// Inquiries between nodes on a real store (docs/network.md §6): what a change of an inquiry's
// deal queues for the partner, what a partner's inquiry and events do here, and every refusal.
#include "net/inquiries.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "net/feed_apply.h"
#include "service/fixture.h"

namespace kc::net {
namespace {

using nlohmann::json;

class InquiriesTest : public testing::ServiceTest {
 protected:
  InquiriesTest() : deals_(store(), clock_), inquiries_(store(), clock_, deals_) {
    deals_.set_relay(&inquiries_);
  }

  void SetUp() override {
    MakeWorld();
    Peer p;
    p.node_id = "kc1tokyo";
    p.name = "Tokyo TLO";
    p.base_url = "http://kc1tokyo.test";
    p.public_key = std::string(43, 'A');
    p.fingerprint = std::string(64, 'a');
    p.country = "JP";
    p.status = PeerStatus::kActive;
    p.created_at = p.updated_at = clock_.Now();
    Must([&](StoreTx& tx) -> Status {
      auto id = tx.net().InsertPeer(p);
      if (!id.ok()) return id.status();
      p.id = *id;
      return Status::Ok();
    });
    tokyo_ = p;
  }

  void Must(const std::function<Status(StoreTx&)>& fn) {
    Status s = store().Write(fn);
    ASSERT_TRUE(s.ok()) << s.code() << ": " << s.message();
  }

  // A copy of Tokyo's achievement `origin_id`, as the feed makes it; its local id.
  int64_t Copy(const std::string& origin_id) {
    FeedEntry e;
    e.seq = 1;
    e.id = origin_id;
    e.listing.kind = ListingKind::kAchievement;
    e.listing.title = "Bearing fault diagnosis";
    e.listing.body = "Vibration analysis.";
    e.listing.updated_at = testing::kT0;
    e.listing.origin_url = tokyo_.base_url + "/achievements/" + origin_id;
    e.listing.origin_org_name = "University of Tokyo";
    e.country = "JP";
    e.language = "en";
    FeedPage page;
    page.node_id = tokyo_.node_id;
    page.entries = {e};
    page.next = 1;
    int64_t id = 0;
    Must([&](StoreTx& tx) -> Status {
      KC_RETURN_IF_ERROR(ApplyFeedPage(tx, tokyo_, page, clock_.Now()));
      auto found = tx.net().FindCopy(tokyo_.id, origin_id);
      if (!found.ok()) return found.status();
      id = found->value_or(0);
      return Status::Ok();
    });
    return id;
  }

  // A published, public listing of org A; its id.
  int64_t Own(ListingKind kind, bool shared = true) {
    Listing l;
    l.kind = kind;
    l.org_id = org_a_.id;
    l.owner_id = a_admin_.id;
    l.title = "低温电解液";
    l.body = "零下四十度仍可充放电。";
    l.status = ListingStatus::kPublished;
    l.shared = shared;
    l.created_at = l.updated_at = l.published_at = clock_.Now();
    int64_t id = 0;
    Must([&](StoreTx& tx) -> Status {
      auto r = tx.InsertListing(l);
      if (!r.ok()) return r.status();
      id = *r;
      return Status::Ok();
    });
    return id;
  }

  std::vector<NetTx::OutboxMessage> Outbox() {
    std::vector<NetTx::OutboxMessage> out;
    Must([&](StoreTx& tx) -> Status {
      auto p = tx.net().PendingMessages(100);
      if (!p.ok()) return p.status();
      out = *p;
      return Status::Ok();
    });
    return out;
  }

  static json Inquiry(const std::string& id, int64_t listing) {
    return {{"inquiry",
             {{"id", id},
              {"listing_id", std::to_string(listing)},
              {"title", "询价"},
              {"text", "Interested."},
              {"author", "Sato"},
              {"org", {{"id", "7"}, {"name", "Osaka Labs"}, {"type", "university"}, {"country", "JP"}}}}}};
  }

  Deals deals_;
  Inquiries inquiries_;
  Peer tokyo_;
};

TEST_F(InquiriesTest, OpeningADealOnAPartnersListingQueuesTheInquiryForItsOrigin) {
  const int64_t copy = Copy("1207");
  OpenDealRequest req;
  req.achievement_id = copy;
  req.note = "Can you license it?";
  auto view = deals_.Open(Actor::Of(a_member_), req);
  ASSERT_TRUE(view.ok()) << view.status().message();
  ASSERT_TRUE(view->network.has_value());
  EXPECT_EQ(view->network->node_name, "Tokyo TLO");
  EXPECT_EQ(view->network->pending, 1);
  EXPECT_EQ(view->deal.buyer_org_id, org_a_.id);

  auto out = Outbox();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].peer_id, tokyo_.id);
  EXPECT_EQ(out[0].path, "/api/v1/net/inquiries");
  EXPECT_EQ(out[0].message_id, view->deal.peer_ref);
  const json body = json::parse(out[0].body)["inquiry"];
  EXPECT_EQ(body["id"], view->deal.peer_ref);
  EXPECT_EQ(body["listing_id"], "1207");  // the id on the origin, not the copy's here
  EXPECT_EQ(body["text"], "Can you license it?");
  EXPECT_EQ(body["author"], a_member_.display_name);
  EXPECT_EQ(body["org"]["name"], org_a_.name);
  EXPECT_EQ(body["org"]["id"], std::to_string(org_a_.id));

  // A message and a stage move follow as events, in order.
  ASSERT_TRUE(deals_.PostMessage(Actor::Of(a_member_), view->deal.id, "Price?").ok());
  ASSERT_TRUE(deals_.ChangeStage(Actor::Of(a_member_), view->deal.id, DealStage::kCancelled,
                                 DealReason::kPrice, "too dear")
                  .ok());
  out = Outbox();
  ASSERT_EQ(out.size(), 3u);
  const json message = json::parse(out[1].body)["event"];
  EXPECT_EQ(message["type"], "message");
  EXPECT_EQ(message["inquiry"], view->deal.peer_ref);
  EXPECT_EQ(message["text"], "Price?");
  const json stage = json::parse(out[2].body)["event"];
  EXPECT_EQ(stage["type"], "stage");
  EXPECT_EQ(stage["stage"], "cancelled");
  EXPECT_EQ(stage["reason"], "price");
  EXPECT_EQ(stage["text"], "too dear");
  EXPECT_NE(message["id"], stage["id"]);
}

TEST_F(InquiriesTest, ADealNamingTwoPartnersListingsIsRefusedAndALocalDealQueuesNothing) {
  const int64_t copy = Copy("1207");
  Listing demand;
  Must([&](StoreTx& tx) -> Status {
    // A copy of a demand, from the same partner.
    demand.kind = ListingKind::kDemand;
    demand.org_id = org_b_.id;
    demand.owner_id = b_member_.id;
    demand.title = "需求";
    demand.status = ListingStatus::kPublished;
    demand.origin_peer_id = tokyo_.id;
    demand.origin_id = "88";
    auto id = tx.InsertListing(demand);
    if (!id.ok()) return id.status();
    demand.id = *id;
    return Status::Ok();
  });
  OpenDealRequest both;
  both.demand_id = demand.id;
  both.achievement_id = copy;
  auto refused = deals_.Open(Actor::Of(admin_), both);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), "remote_listing");

  OpenDealRequest local;
  local.demand_id = Own(ListingKind::kDemand);
  local.org_id = org_b_.id;
  ASSERT_TRUE(deals_.Open(Actor::Of(b_member_), local).ok());
  EXPECT_TRUE(Outbox().empty());
}

TEST_F(InquiriesTest, APartnersInquiryOpensADealWithItsOrganisationOnceOnly) {
  const int64_t achievement = Own(ListingKind::kAchievement);
  auto first = inquiries_.ReceiveInquiry(tokyo_, Inquiry("iq-1", achievement).dump());
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(first->status, 201);
  const std::string deal_id = json::parse(first->body)["inquiry"]["deal_id"];
  auto view = deals_.Get(Actor::Of(a_member_), std::stoll(deal_id));
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->deal.stage, DealStage::kIntent);
  EXPECT_EQ(view->deal.seller_org_id, org_a_.id);
  EXPECT_EQ(view->buyer.name, "Osaka Labs");
  EXPECT_EQ(view->buyer.type, OrgType::kUniversity);
  EXPECT_EQ(view->buyer.peer_id, tokyo_.id);
  EXPECT_EQ(view->deal.peer_ref, "iq-1");
  EXPECT_TRUE(Outbox().empty()) << "what a partner did is not sent back to it";

  auto again = inquiries_.ReceiveInquiry(tokyo_, Inquiry("iq-1", achievement).dump());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->status, 200);
  EXPECT_EQ(json::parse(again->body)["inquiry"]["deal_id"], deal_id);
  auto mine = deals_.ListMine(Actor::Of(a_member_), std::nullopt, 0, 10);
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->total, 1);

  // A second inquiry of the same partner organisation reuses its organisation here.
  auto second = inquiries_.ReceiveInquiry(tokyo_, Inquiry("iq-2", Own(ListingKind::kDemand)).dump());
  ASSERT_TRUE(second.ok());
  auto demand_deal = deals_.Get(Actor::Of(a_member_),
                                std::stoll(json::parse(second->body)["inquiry"]["deal_id"].get<std::string>()));
  ASSERT_TRUE(demand_deal.ok());
  EXPECT_EQ(demand_deal->deal.buyer_org_id, org_a_.id);  // on a demand, the partner sells
  EXPECT_EQ(demand_deal->deal.seller_org_id, view->deal.buyer_org_id);
}

TEST_F(InquiriesTest, AnInquiryAboutAnythingThisNodeDoesNotShareIsUnknown) {
  const int64_t copy = Copy("1207");
  for (int64_t listing : {Own(ListingKind::kAchievement, /*shared=*/false),
                          Own(ListingKind::kExpert), copy, int64_t{99999}}) {
    auto r = inquiries_.ReceiveInquiry(tokyo_, Inquiry("iq-x", listing).dump());
    ASSERT_FALSE(r.ok()) << listing;
    EXPECT_EQ(r.status().code(), "unknown_listing") << listing;
    EXPECT_EQ(r.status().kind(), ErrorKind::kNotFound);
  }
}

TEST_F(InquiriesTest, AMalformedInquiryOrEventIsRefusedNamingItsField) {
  const int64_t listing = Own(ListingKind::kAchievement);
  auto refuse = [&](json body, const std::string& field) {
    auto r = inquiries_.ReceiveInquiry(tokyo_, body.dump());
    ASSERT_FALSE(r.ok()) << body;
    EXPECT_EQ(r.status().code(), "bad_message") << body;
    EXPECT_EQ(r.status().field(), field) << body;
  };
  refuse(json::array(), "inquiry");
  json j = Inquiry("iq 1", listing);
  refuse(j, "id");
  j = Inquiry("iq-1", listing);
  j["inquiry"]["text"] = std::string(Deals::kMaxNote + 1, 'x');
  refuse(j, "text");
  j = Inquiry("iq-1", listing);
  j["inquiry"]["org"]["type"] = "pirate";
  refuse(j, "org.type");
  j = Inquiry("iq-1", listing);
  j["inquiry"]["org"]["country"] = "jp";
  refuse(j, "org.country");
  j = Inquiry("iq-1", listing);
  j["inquiry"].erase("org");
  refuse(j, "org");
  EXPECT_FALSE(inquiries_.ReceiveInquiry(tokyo_, "{not json").ok());

  ASSERT_TRUE(inquiries_.ReceiveInquiry(tokyo_, Inquiry("iq-1", listing).dump()).ok());
  for (const auto& [event, field] : std::vector<std::pair<json, std::string>>{
           {{{"event", {{"id", "e1"}, {"inquiry", "iq-1"}, {"type", "poke"}}}}, "type"},
           {{{"event", {{"id", "e1"}, {"inquiry", "iq-1"}, {"type", "message"}}}}, "text"},
           {{{"event", {{"id", "e1"}, {"inquiry", "iq-1"}, {"type", "stage"}, {"stage", "won"}}}},
            "stage"},
           {{{"event", {{"id", "e1"}, {"inquiry", "iq-1"}, {"type", "stage"},
                        {"stage", "declined"}, {"reason", "bored"}}}},
            "reason"}}) {
    auto r = inquiries_.ReceiveEvent(tokyo_, event.dump());
    ASSERT_FALSE(r.ok()) << event;
    EXPECT_EQ(r.status().code(), "bad_message") << event;
    EXPECT_EQ(r.status().field(), field) << event;
  }
}

TEST_F(InquiriesTest, APartnersEventsActAsItsPartyOnlyOnItsOwnInquiries) {
  const int64_t listing = Own(ListingKind::kAchievement);
  auto opened = inquiries_.ReceiveInquiry(tokyo_, Inquiry("iq-1", listing).dump());
  ASSERT_TRUE(opened.ok());
  const int64_t deal = std::stoll(json::parse(opened->body)["inquiry"]["deal_id"].get<std::string>());
  auto event = [&](const std::string& id, json fields) {
    fields["id"] = id;
    fields["inquiry"] = "iq-1";
    return inquiries_.ReceiveEvent(tokyo_, json{{"event", fields}}.dump());
  };
  // A message under its author's name, once.
  auto said = event("e1", {{"type", "message"}, {"text", "Hello"}, {"author", "Sato"}});
  ASSERT_TRUE(said.ok()) << said.status().message();
  EXPECT_TRUE(json::parse(said->body)["event"]["applied"]);
  auto repeat = event("e1", {{"type", "message"}, {"text", "Hello"}, {"author", "Sato"}});
  ASSERT_TRUE(repeat.ok());
  EXPECT_FALSE(json::parse(repeat->body)["event"]["applied"]);
  auto messages = deals_.Messages(Actor::Of(a_member_), deal);
  ASSERT_TRUE(messages.ok());
  ASSERT_EQ(messages->size(), 1u);
  EXPECT_EQ((*messages)[0].author_name, "Sato (Osaka Labs)");

  // Stage moves follow the deal's rules, as a local party's do.
  auto skipped = event("e2", {{"type", "stage"}, {"stage", "completed"}});
  ASSERT_FALSE(skipped.ok());
  EXPECT_EQ(skipped.status().code(), "invalid_transition");
  ASSERT_TRUE(event("e3", {{"type", "stage"}, {"stage", "negotiating"}}).ok());
  // A binding step the partner proposes waits for this side's confirmation, which goes back.
  ASSERT_TRUE(event("e4", {{"type", "stage"}, {"stage", "signed"}}).ok());
  auto view = deals_.Get(Actor::Of(a_member_), deal);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->deal.stage, DealStage::kNegotiating);
  ASSERT_TRUE(view->deal.proposed_stage.has_value());
  EXPECT_EQ(view->deal.proposed_by_org, std::optional<int64_t>(view->deal.buyer_org_id));
  auto confirmed =
      deals_.ChangeStage(Actor::Of(a_member_), deal, DealStage::kSigned, std::nullopt, "");
  ASSERT_TRUE(confirmed.ok()) << confirmed.status().message();
  EXPECT_EQ(confirmed->deal.stage, DealStage::kSigned);
  auto out = Outbox();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(json::parse(out[0].body)["event"]["stage"], "signed");

  // Another partner's inquiry ids mean nothing to this one.
  Peer kyoto = tokyo_;
  kyoto.node_id = "kc1kyoto";
  Must([&](StoreTx& tx) -> Status {
    auto id = tx.net().InsertPeer(kyoto);
    if (!id.ok()) return id.status();
    kyoto.id = *id;
    return Status::Ok();
  });
  auto foreign = inquiries_.ReceiveEvent(
      kyoto, json{{"event", {{"id", "e5"}, {"inquiry", "iq-1"}, {"type", "message"},
                             {"text", "hijack"}}}}
                 .dump());
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.status().code(), "unknown_inquiry");
}

}  // namespace
}  // namespace kc::net
