// The campaign contract (store/campaign_tx.h), run on SQLite and, as "pg:SqlCampaignTxTest.*",
// on the test PostgreSQL server.
#include "store/sql/sql_campaign_tx.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/sqlite/sqlite_store.h"
#include "store/temp_db.h"

namespace kc {
namespace {

using ::testing::ElementsAre;
using testing::OpenOrDie;
using testing::TempDir;

class SqlCampaignTxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenOrDie(dir_.File("kc.db"));
    ASSERT_NE(store_, nullptr);
    Must([&](StoreTx& tx) -> Status {
      Org o;
      o.name = "提名单位";
      o.country = "CN";
      auto org = tx.InsertOrg(o);
      if (!org.ok()) return org.status();
      org_ = *org;
      for (const char* name : {"admin", "r1", "r2"}) {
        User u;
        u.username = name;
        auto id = tx.InsertUser(u);
        if (!id.ok()) return id.status();
        users_.push_back(*id);
      }
      return Status::Ok();
    });
  }

  void Must(const std::function<Status(StoreTx&)>& fn) {
    Status s = store_->Write(fn);
    ASSERT_TRUE(s.ok()) << s.code() << ": " << s.message();
  }

  Campaign Sample(int year) {
    Campaign c = *CampaignFromTemplate("qiushi-young-scientist-award", year);
    c.nomination_opens = 1000;
    c.nomination_closes = 2000;
    c.review_opens = 2000;
    c.review_closes = 3000;
    c.created_by = users_[0];
    c.created_at = 999;
    return c;
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
  int64_t org_ = 0;
  std::vector<int64_t> users_;
};

TEST_F(SqlCampaignTxTest, CampaignsRoundTripAndOneEditionPerYear) {
  Campaign c = Sample(2026);
  int64_t id = 0;
  Must([&](StoreTx& tx) -> Status {
    auto r = tx.campaigns().InsertCampaign(c);
    if (!r.ok()) return r.status();
    id = *r;
    return Status::Ok();
  });
  Campaign got;
  Must([&](StoreTx& tx) -> Status {
    auto r = tx.campaigns().GetCampaign(id);
    if (!r.ok()) return r.status();
    got = *r;
    return Status::Ok();
  });
  EXPECT_EQ(got.title, c.title);
  EXPECT_EQ(got.kind, CampaignKind::kAward);
  EXPECT_EQ(got.nominee_type, NomineeType::kPerson);
  ASSERT_EQ(got.criteria.size(), c.criteria.size());
  EXPECT_EQ(got.criteria[0].key, c.criteria[0].key);
  EXPECT_DOUBLE_EQ(got.criteria[0].weight, c.criteria[0].weight);
  EXPECT_EQ(got.rules.max_age, 40);
  EXPECT_EQ(got.rules.min_materials, 2);
  EXPECT_FALSE(got.rules.self_nomination);
  EXPECT_EQ(got.review_closes, 3000);

  Status dup = store_->Write(
      [&](StoreTx& tx) { return tx.campaigns().InsertCampaign(Sample(2026)).status(); });
  EXPECT_EQ(dup.kind(), ErrorKind::kConflict);
  EXPECT_EQ(dup.field(), "year");

  Must([&](StoreTx& tx) { return tx.campaigns().InsertCampaign(Sample(2025)).status(); });
  CampaignQuery q;
  q.series = "qiushi-young-scientist-award";
  Page<Campaign> page;
  Must([&](StoreTx& tx) -> Status {
    auto r = tx.campaigns().ListCampaigns(q);
    if (!r.ok()) return r.status();
    page = *r;
    return Status::Ok();
  });
  ASSERT_EQ(page.total, 2);
  EXPECT_EQ(page.items[0].year, 2026) << "newest year first";
  q.statuses = {CampaignStatus::kPublished};
  Must([&](StoreTx& tx) -> Status {
    auto r = tx.campaigns().ListCampaigns(q);
    if (!r.ok()) return r.status();
    page = *r;
    return Status::Ok();
  });
  EXPECT_EQ(page.total, 0);
}

TEST_F(SqlCampaignTxTest, NominationsAssignmentsScoresAndResults) {
  int64_t cid = 0, nid = 0;
  Nomination n;
  Must([&](StoreTx& tx) -> Status {
    auto c = tx.campaigns().InsertCampaign(Sample(2026));
    if (!c.ok()) return c.status();
    cid = *c;
    n.campaign_id = cid;
    n.nominator_org_id = org_;
    n.nominator_user_id = users_[0];
    n.nominee_type = NomineeType::kPerson;
    n.nominee_name = "张青年";
    n.nominee_org_id = org_;
    n.birth_date = "1990-01-01";
    n.founding_year = 2020;
    n.materials = {{"推荐书", "https://example.org/a.pdf"}};
    n.created_at = 1500;
    auto id = tx.campaigns().InsertNomination(n);
    if (!id.ok()) return id.status();
    nid = *id;
    return Status::Ok();
  });
  Status dup =
      store_->Write([&](StoreTx& tx) { return tx.campaigns().InsertNomination(n).status(); });
  EXPECT_EQ(dup.code(), "already_nominated");
  EXPECT_EQ(dup.field(), "nominee_name");

  Must([&](StoreTx& tx) -> Status {
    auto got = tx.campaigns().GetNomination(nid);
    if (!got.ok()) return got.status();
    EXPECT_EQ(got->nominee_name, "张青年");
    EXPECT_EQ(got->nominee_org_id, org_);
    EXPECT_EQ(got->founding_year, 2020);
    EXPECT_EQ(got->listing_id, std::nullopt);
    EXPECT_EQ(got->materials.size(), 1u);
    KC_RETURN_IF_ERROR(tx.campaigns().InsertAssignment(Assignment{cid, nid, users_[1], 2100}));
    KC_RETURN_IF_ERROR(tx.campaigns().InsertAssignment(Assignment{cid, nid, users_[2], 2100}));
    KC_RETURN_IF_ERROR(
        tx.campaigns().PutScore(cid, ScoreEntry{nid, users_[1], "transfer", 7.5}, 2200));
    KC_RETURN_IF_ERROR(
        tx.campaigns().PutScore(cid, ScoreEntry{nid, users_[1], "transfer", 8.5}, 2300));
    KC_RETURN_IF_ERROR(
        tx.campaigns().PutScore(cid, ScoreEntry{nid, users_[2], "transfer", 6}, 2300));
    return tx.campaigns().InsertConflict(ConflictDeclaration{cid, users_[1], org_, "校友", 2000});
  });
  Must([&](StoreTx& tx) -> Status {
    auto scores = tx.campaigns().ListScores(cid);
    if (!scores.ok()) return scores.status();
    EXPECT_EQ(scores->size(), 2u);
    EXPECT_DOUBLE_EQ((*scores)[0].value, 8.5) << "a second score replaces the first";
    auto conflicts = tx.campaigns().ListConflicts(cid);
    EXPECT_EQ(conflicts->size(), 1u);
    EXPECT_EQ(
        tx.campaigns().InsertConflict(ConflictDeclaration{cid, users_[1], org_, "", 1}).code(),
        "already_declared");
    // Removing an assignment removes that reviewer's scores of the nomination.
    KC_RETURN_IF_ERROR(tx.campaigns().DeleteAssignment(nid, users_[1]));
    EXPECT_EQ(tx.campaigns().ListScores(cid)->size(), 1u);
    EXPECT_EQ(tx.campaigns().ListAssignments(cid)->size(), 1u);
    EXPECT_EQ(tx.campaigns().AssignmentsOfReviewer(users_[2])->size(), 1u);
    EXPECT_EQ(tx.campaigns().DeleteAssignment(nid, users_[1]).kind(), ErrorKind::kNotFound);
    CampaignResult r{1, nid, "张青年", 6.25, {{"transfer", 6.0}, {"achievement", 6.5}}, 1};
    KC_RETURN_IF_ERROR(tx.campaigns().InsertResults(cid, {r}));
    EXPECT_EQ(tx.campaigns().InsertResults(cid, {r}).code(), "campaign_published");
    auto results = tx.campaigns().ListResults(cid);
    if (!results.ok()) return results.status();
    EXPECT_EQ(results->size(), 1u);
    EXPECT_DOUBLE_EQ((*results)[0].total, 6.25);
    EXPECT_DOUBLE_EQ((*results)[0].breakdown.at("achievement"), 6.5);
    return Status::Ok();
  });
}

TEST_F(SqlCampaignTxTest, BodiesAndMembers) {
  Must([&](StoreTx& tx) -> Status {
    ProgrammeBody b{0,
                    ProgrammeBodyKind::kConsortium,
                    "consortium",
                    "“科创中国”联合体",
                    "Sci-Tech China Consortium",
                    "",
                    "2021-01-18",
                    1};
    auto id = tx.campaigns().InsertProgrammeBody(b);
    if (!id.ok()) return id.status();
    EXPECT_EQ(tx.campaigns().InsertProgrammeBody(b).status().field(), "slug");
    ProgrammeBodyMember m;
    m.body_id = *id;
    m.member_type = MemberType::kOrganisation;
    m.name = "某大学";
    m.org_id = org_;
    m.role = "成员单位";
    m.position = 2;
    KC_RETURN_IF_ERROR(tx.campaigns().InsertProgrammeBodyMember(m));
    m.name = "某研究院";
    m.role = "理事长单位";
    m.position = 1;
    auto second = tx.campaigns().InsertProgrammeBodyMember(m);
    if (!second.ok()) return second.status();
    auto members = tx.campaigns().ListProgrammeBodyMembers(*id);
    if (!members.ok()) return members.status();
    EXPECT_EQ(members->size(), 2u);
    EXPECT_EQ((*members)[0].name, "某研究院") << "by position";
    EXPECT_EQ(tx.campaigns().DeleteProgrammeBodyMember(*id + 1, *second).kind(),
              ErrorKind::kNotFound);
    KC_RETURN_IF_ERROR(tx.campaigns().DeleteProgrammeBodyMember(*id, *second));
    EXPECT_EQ(tx.campaigns().ListProgrammeBodyMembers(*id)->size(), 1u);
    EXPECT_EQ(tx.campaigns().GetProgrammeBody("consortium")->kind, ProgrammeBodyKind::kConsortium);
    EXPECT_EQ(tx.campaigns().GetProgrammeBody("none").status().kind(), ErrorKind::kNotFound);
    EXPECT_EQ(tx.campaigns().ListProgrammeBodies()->size(), 1u);
    return Status::Ok();
  });
}

}  // namespace
}  // namespace kc
