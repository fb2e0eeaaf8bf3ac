#include "service/offshore_bases.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "service/fixture.h"

namespace kc {
namespace {

using ::testing::ElementsAre;

class OffshoreBasesTest : public testing::ServiceTest {
 protected:
  void SetUp() override { MakeWorld(); }

  OffshoreBase Draft(const std::string& name, std::optional<int64_t> org_id) {
    OffshoreBase b;
    b.name = name;
    b.country = "DE";
    b.city = "Munich";
    b.org_id = org_id;
    b.fields = {"Engineering"};
    b.services = {"incubation"};
    b.contact = Contact{"王芳", "+49 89 1234", "base@example.de"};
    return b;
  }

  OffshoreBase MustCreate(const User& by, OffshoreBase b) {
    auto got = bases_.Create(Actor::Of(by), std::move(b));
    EXPECT_TRUE(got.ok()) << got.status().message();
    return got.ok() ? *got : OffshoreBase{};
  }

  // A listing of org B inserted straight into the store.
  int64_t AddListing(const std::string& title, ListingStatus status) {
    Listing l = testing::AchievementDraft(title);
    l.org_id = org_b_.id;
    l.owner_id = b_member_.id;
    l.status = status;
    l.created_at = l.updated_at = testing::kT0;
    int64_t id = 0;
    Status s = store().Write([&](StoreTx& tx) -> Status {
      auto r = tx.InsertListing(l);
      if (!r.ok()) return r.status();
      id = *r;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return id;
  }

  std::vector<std::string> Names(const Actor& actor, BaseListFilter filter = {}) {
    std::vector<std::string> out;
    auto page = bases_.List(actor, filter);
    EXPECT_TRUE(page.ok()) << page.status().message();
    if (page.ok()) {
      for (const auto& b : page->items) out.push_back(b.name);
    }
    return out;
  }

  OffshoreBases bases_{store(), clock_};
};

TEST_F(OffshoreBasesTest, OrgAdminsAddBasesForTheirOwnOrganisationOnly) {
  EXPECT_EQ(bases_.Create(Actor::Visitor(), Draft("x", org_a_.id)).status().kind(),
            ErrorKind::kUnauthorized);
  EXPECT_EQ(bases_.Create(Actor::Of(a_member_), Draft("x", org_a_.id)).status().kind(),
            ErrorKind::kForbidden);
  EXPECT_EQ(bases_.Create(Actor::Of(a_admin_), Draft("x", org_b_.id)).status().kind(),
            ErrorKind::kForbidden);
  EXPECT_EQ(bases_.Create(Actor::Of(a_admin_), Draft("x", std::nullopt)).status().kind(),
            ErrorKind::kForbidden);
  OffshoreBase b = MustCreate(a_admin_, Draft("慕尼黑基地", org_a_.id));
  EXPECT_EQ(b.status, BaseStatus::kDraft);
  EXPECT_THAT(b.fields, ElementsAre("工学"));
  EXPECT_EQ(b.created_by, a_admin_.id);
  EXPECT_THAT(AuditActions("base", b.id), ElementsAre("create"));

  auto unknown_org = bases_.Create(Actor::Of(admin_), Draft("x", 99999));
  EXPECT_EQ(unknown_org.status().code(), "unknown_org");
  OffshoreBase bad = Draft("x", std::nullopt);
  bad.contact.email = "no-at-sign";
  EXPECT_EQ(bases_.Create(Actor::Of(admin_), bad).status().field(), "contact.email");
}

TEST_F(OffshoreBasesTest, DraftsAreInvisibleToThePublic) {
  OffshoreBase draft = MustCreate(a_admin_, Draft("草稿基地", org_a_.id));
  OffshoreBase pub = Draft("公开基地", org_a_.id);
  pub.status = BaseStatus::kPublished;
  pub = MustCreate(a_admin_, pub);
  OffshoreBase other = Draft("他方草稿", std::nullopt);
  other = MustCreate(admin_, other);

  for (const User* u : {&a_member_, &b_member_, &reviewer_}) {
    EXPECT_EQ(bases_.Get(Actor::Of(*u), draft.id).status().kind(), ErrorKind::kNotFound);
    EXPECT_THAT(Names(Actor::Of(*u)), ElementsAre("公开基地"));
  }
  EXPECT_EQ(bases_.Get(Actor::Visitor(), draft.id).status().kind(), ErrorKind::kNotFound);
  EXPECT_TRUE(bases_.Get(Actor::Visitor(), pub.id).ok());
  BaseListFilter drafts;
  drafts.status = BaseStatus::kDraft;
  EXPECT_TRUE(Names(Actor::Visitor(), drafts).empty());
  EXPECT_TRUE(Names(Actor::Of(b_member_), drafts).empty());
  // The org admin sees their organisation's drafts, not another's; the admin sees all.
  EXPECT_THAT(Names(Actor::Of(a_admin_), drafts), ElementsAre("草稿基地"));
  EXPECT_EQ(Names(Actor::Of(a_admin_)).size(), 2u);
  EXPECT_EQ(bases_.Get(Actor::Of(a_admin_), other.id).status().kind(), ErrorKind::kNotFound);
  EXPECT_EQ(Names(Actor::Of(admin_)).size(), 3u);
  EXPECT_EQ(Names(Actor::Of(admin_), drafts).size(), 2u);
}

TEST_F(OffshoreBasesTest, OnlyMaintainersEditAndNobodyElseTakesABaseOver) {
  OffshoreBase b = Draft("慕尼黑基地", org_a_.id);
  b.status = BaseStatus::kPublished;
  b = MustCreate(a_admin_, b);

  OffshoreBase edit = b;
  edit.city = "Berlin";
  EXPECT_EQ(bases_.Update(Actor::Visitor(), edit).status().kind(), ErrorKind::kUnauthorized);
  EXPECT_EQ(bases_.Update(Actor::Of(a_member_), edit).status().kind(), ErrorKind::kForbidden);
  EXPECT_EQ(bases_.Update(Actor::Of(b_member_), edit).status().kind(), ErrorKind::kForbidden);
  EXPECT_EQ(bases_.Delete(Actor::Of(b_member_), b.id).kind(), ErrorKind::kForbidden);
  EXPECT_EQ(bases_.SetPeople(Actor::Of(a_member_), b.id, {{0, 0, "x", "", 0}}).status().kind(),
            ErrorKind::kForbidden);

  auto updated = bases_.Update(Actor::Of(a_admin_), edit);
  ASSERT_TRUE(updated.ok()) << updated.status().message();
  EXPECT_EQ(updated->city, "Berlin");
  EXPECT_EQ(updated->created_by, a_admin_.id);

  // The org admin may neither give the base away nor free it of its organisation.
  OffshoreBase away = *updated;
  away.org_id = org_b_.id;
  EXPECT_EQ(bases_.Update(Actor::Of(a_admin_), away).status().kind(), ErrorKind::kForbidden);
  away.org_id.reset();
  EXPECT_EQ(bases_.Update(Actor::Of(a_admin_), away).status().kind(), ErrorKind::kForbidden);
  away.org_id = org_b_.id;
  EXPECT_TRUE(bases_.Update(Actor::Of(admin_), away).ok());
  // Now org B's: org A's admin has lost it.
  EXPECT_EQ(bases_.Update(Actor::Of(a_admin_), edit).status().kind(), ErrorKind::kForbidden);

  // Withdrawn to a draft, it disappears for those outside.
  away.status = BaseStatus::kDraft;
  ASSERT_TRUE(bases_.Update(Actor::Of(admin_), away).ok());
  EXPECT_EQ(bases_.Update(Actor::Of(a_admin_), edit).status().kind(), ErrorKind::kNotFound);
  EXPECT_EQ(bases_.Delete(Actor::Of(a_admin_), b.id).kind(), ErrorKind::kNotFound);
  EXPECT_TRUE(bases_.Delete(Actor::Of(admin_), b.id).ok());
  EXPECT_EQ(bases_.Get(Actor::Of(admin_), b.id).status().kind(), ErrorKind::kNotFound);
}

TEST_F(OffshoreBasesTest, PeopleAndProjects) {
  OffshoreBase b = Draft("慕尼黑基地", org_a_.id);
  b.status = BaseStatus::kPublished;
  b = MustCreate(a_admin_, b);
  int64_t published = AddListing("低温电解液", ListingStatus::kPublished);
  int64_t draft = AddListing("固态电池", ListingStatus::kDraft);

  auto people = bases_.SetPeople(Actor::Of(a_admin_), b.id,
                                 {{0, 0, " 王芳 ", "主任", 0}, {0, 0, "Anna Weber", "Mentor", 0}});
  ASSERT_TRUE(people.ok()) << people.status().message();
  EXPECT_EQ((*people)[0].name, "王芳");
  auto bad = bases_.SetPeople(Actor::Of(a_admin_), b.id, {{0, 0, "ok", "", 0}, {0, 0, "", "", 0}});
  EXPECT_EQ(bad.status().field(), "people[1].name");
  std::vector<BasePerson> crowd(kMaxBasePeople + 1, BasePerson{0, 0, "x", "", 0});
  EXPECT_EQ(bases_.SetPeople(Actor::Of(a_admin_), b.id, crowd).status().code(), "too_many_people");

  // Org A's admin cannot see org B's draft listing: it may not be linked.
  auto hidden =
      bases_.SetProjects(Actor::Of(a_admin_), b.id, {{0, published, "", 0}, {0, draft, "", 0}});
  EXPECT_EQ(hidden.status().code(), "unknown_project");
  EXPECT_EQ(hidden.status().field(), "projects[1].listing_id");
  EXPECT_EQ(bases_.SetProjects(Actor::Of(a_admin_), b.id, {{0, 999999, "", 0}}).status().code(),
            "unknown_project");
  auto projects = bases_.SetProjects(Actor::Of(a_admin_), b.id,
                                     {{0, published, "孵化中", 0}, {0, published, "", 0}});
  ASSERT_TRUE(projects.ok()) << projects.status().message();
  ASSERT_EQ(projects->size(), 1u);
  EXPECT_EQ((*projects)[0].project.note, "孵化中");
  // The platform admin links the draft; the public does not see it on the base.
  ASSERT_TRUE(
      bases_.SetProjects(Actor::Of(admin_), b.id, {{0, published, "", 0}, {0, draft, "", 0}}).ok());
  auto seen = bases_.Get(Actor::Visitor(), b.id);
  ASSERT_TRUE(seen.ok());
  ASSERT_EQ(seen->projects.size(), 1u);
  EXPECT_EQ(seen->projects[0].listing.title, "低温电解液");
  EXPECT_EQ(seen->people.size(), 2u);
  EXPECT_EQ(bases_.Get(Actor::Of(b_member_), b.id)->projects.size(), 2u);
  EXPECT_THAT(AuditActions("base", b.id),
              ElementsAre("create", "set_people", "set_projects", "set_projects"));
}

TEST_F(OffshoreBasesTest, CountsPublicBasesByCountry) {
  for (auto [name, country, status] : {std::tuple{"a", "DE", BaseStatus::kPublished},
                                       {"b", "DE", BaseStatus::kClosed},
                                       {"c", "US", BaseStatus::kPublished},
                                       {"d", "GB", BaseStatus::kDraft}}) {
    OffshoreBase b = Draft(name, std::nullopt);
    b.country = country;
    b.status = status;
    MustCreate(admin_, b);
  }
  auto counts = bases_.CountByCountry();
  ASSERT_TRUE(counts.ok());
  ASSERT_EQ(counts->size(), 2u);
  EXPECT_EQ((*counts)[0].country, "DE");
  EXPECT_EQ((*counts)[0].count, 2);
}

}  // namespace
}  // namespace kc
