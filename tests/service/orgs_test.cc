#include "service/orgs.h"

#include <gtest/gtest.h>

#include <string>

#include "service/fixture.h"

namespace kc {
namespace {

class OrgsTest : public testing::ServiceTest {
 protected:
  void SetUp() override { MakeWorld(); }

  Org NewOrg(const std::string& name) {
    Org o;
    o.name = name;
    o.type = OrgType::kUniversity;
    o.region = "110108";
    return o;
  }

  Orgs orgs_{store(), clock_};
};

TEST_F(OrgsTest, AUserWithoutOrganisationCreatesOneAndBecomesItsAdmin) {
  User loner = AddUser("loner", Role::kMember, std::nullopt);
  auto org = orgs_.Create(Actor::Of(loner), NewOrg("  丙研究院 "));
  ASSERT_TRUE(org.ok()) << org.status().message();
  EXPECT_GT(org->id, 0);
  EXPECT_EQ(org->name, "丙研究院");
  EXPECT_EQ(org->country, "CN");
  EXPECT_EQ(org->created_at, testing::kT0);
  User after = Reload(loner);
  EXPECT_EQ(after.org_id, org->id);
  EXPECT_EQ(after.org_role, OrgRole::kAdmin);
  EXPECT_EQ(after.role, Role::kMember);
  EXPECT_EQ(AuditActions("org", org->id), std::vector<std::string>{"create"});
  EXPECT_EQ(Audit("org", org->id)[0].actor_id, loner.id);

  // A second organisation: they already belong to one.
  auto second = orgs_.Create(Actor::Of(after), NewOrg("丁公司"));
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().kind(), ErrorKind::kConflict);
  EXPECT_EQ(second.status().code(), "already_member");
  ASSERT_TRUE(store()
                  .Read([&](StoreTx& tx) -> Status {
                    EXPECT_FALSE(tx.FindOrgByName("丁公司")->has_value());
                    return Status::Ok();
                  })
                  .ok());
}

TEST_F(OrgsTest, CreateChecksTheCallerNameAndFields) {
  EXPECT_EQ(orgs_.Create(Actor::Visitor(), NewOrg("x")).status().kind(), ErrorKind::kUnauthorized);
  EXPECT_EQ(orgs_.Create(Actor::Of(a_member_), NewOrg("x")).status().code(), "already_member");

  User loner = AddUser("loner", Role::kMember, std::nullopt);
  auto taken = orgs_.Create(Actor::Of(loner), NewOrg("甲公司"));
  EXPECT_EQ(taken.status().kind(), ErrorKind::kConflict);
  EXPECT_EQ(taken.status().field(), "name");
  EXPECT_EQ(Reload(loner).org_role, OrgRole::kMember) << "a failed create changes nothing";
  EXPECT_FALSE(Reload(loner).org_id.has_value());

  // An admin creates organisations without joining them.
  auto by_admin = orgs_.Create(Actor::Of(admin_), NewOrg("戊中心"));
  ASSERT_TRUE(by_admin.ok()) << by_admin.status().message();
  EXPECT_EQ(Reload(admin_).org_id, admin_.org_id);
  EXPECT_EQ(Reload(admin_).role, Role::kAdmin);
}

TEST_F(OrgsTest, ValidateOrgNormalisesAndNamesTheBadField) {
  Org good = NewOrg(" 某大学 ");
  good.credit_code = " 91350100m000100y43 ";
  good.country = "";
  ASSERT_TRUE(ValidateOrg(good).ok());
  EXPECT_EQ(good.name, "某大学");
  EXPECT_EQ(good.credit_code, "91350100M000100Y43");
  EXPECT_EQ(good.country, "CN");

  struct Case {
    const char* what;
    void (*edit)(Org&);
    const char* field;
  };
  const Case cases[] = {
      {"no name", [](Org& o) { o.name = " "; }, "name"},
      {"long name", [](Org& o) { o.name = std::string(101, 'n'); }, "name"},
      {"bad credit code", [](Org& o) { o.credit_code = "91350100M000100Y44"; }, "credit_code"},
      {"bad region", [](Org& o) { o.region = "999999"; }, "region"},
      {"region abroad",
       [](Org& o) {
         o.country = "DE";
         o.region = "110108";
       },
       "region"},
      {"bad country", [](Org& o) { o.country = "XX"; }, "country"},
      {"bad utf8", [](Org& o) { o.description = "\xFF"; }, "description"},
  };
  for (const Case& c : cases) {
    Org o = NewOrg("某大学");
    c.edit(o);
    Status s = ValidateOrg(o);
    ASSERT_FALSE(s.ok()) << c.what;
    EXPECT_EQ(s.kind(), ErrorKind::kInvalid) << c.what;
    EXPECT_EQ(s.field(), c.field) << c.what;
  }
}

// Limits count characters (code points), not bytes: a Chinese name of 100 characters (300
// bytes) is valid, one of 101 is not, nor is an ASCII one of 101.
TEST_F(OrgsTest, TextLimitsCountCharactersNotBytes) {
  std::string hundred;
  for (int i = 0; i < 100; ++i) hundred += "研";
  Org chinese = NewOrg(hundred);
  EXPECT_TRUE(ValidateOrg(chinese).ok());
  auto expect_too_long = [](Org o, const char* field) {
    Status s = ValidateOrg(o);
    ASSERT_FALSE(s.ok()) << field;
    EXPECT_EQ(s.code(), "too_long");
    EXPECT_EQ(s.field(), field);
  };
  expect_too_long(NewOrg(hundred + "究"), "name");
  expect_too_long(NewOrg(std::string(101, 'n')), "name");
  Org site = NewOrg("某大学");
  site.website = "https://example.org/" + std::string(281, 'a');
  expect_too_long(site, "website");
}

TEST_F(OrgsTest, OnlyTheOrganisationsAdminsAndPlatformAdminsUpdateIt) {
  OrgPatch patch{.description = "新的简介"};
  EXPECT_EQ(orgs_.Update(Actor::Of(a_member_), org_a_.id, patch).status().kind(),
            ErrorKind::kForbidden);
  EXPECT_EQ(orgs_.Update(Actor::Of(b_member_), org_a_.id, patch).status().kind(),
            ErrorKind::kForbidden);
  User b_admin = AddUser("b-admin", Role::kMember, org_b_.id, OrgRole::kAdmin);
  EXPECT_EQ(orgs_.Update(Actor::Of(b_admin), org_a_.id, patch).status().kind(),
            ErrorKind::kForbidden);
  EXPECT_EQ(orgs_.Update(Actor::Of(reviewer_), org_a_.id, patch).status().kind(),
            ErrorKind::kForbidden);
  EXPECT_EQ(orgs_.Update(Actor::Visitor(), org_a_.id, patch).status().kind(),
            ErrorKind::kUnauthorized);
  EXPECT_EQ(orgs_.Get(org_a_.id)->description, "");

  auto mine = orgs_.Update(
      Actor::Of(a_admin_), org_a_.id,
      OrgPatch{.name = "甲公司（新）", .type = "institute", .description = "新的简介"});
  ASSERT_TRUE(mine.ok()) << mine.status().message();
  auto stored = orgs_.Get(org_a_.id);
  EXPECT_EQ(stored->name, "甲公司（新）");
  EXPECT_EQ(stored->type, OrgType::kInstitute);
  EXPECT_EQ(stored->description, "新的简介");
  EXPECT_EQ(AuditActions("org", org_a_.id), std::vector<std::string>{"update"});

  EXPECT_TRUE(orgs_.Update(Actor::Of(admin_), org_a_.id, OrgPatch{.website = "https://a.cn"}).ok());

  auto taken = orgs_.Update(Actor::Of(a_admin_), org_a_.id, OrgPatch{.name = "乙大学"});
  EXPECT_EQ(taken.status().kind(), ErrorKind::kConflict);
  EXPECT_EQ(taken.status().field(), "name");
  auto bad_type = orgs_.Update(Actor::Of(a_admin_), org_a_.id, OrgPatch{.type = "club"});
  EXPECT_EQ(bad_type.status().field(), "type");
  auto bad_code = orgs_.Update(Actor::Of(a_admin_), org_a_.id, OrgPatch{.credit_code = "123"});
  EXPECT_EQ(bad_code.status().field(), "credit_code");
  EXPECT_EQ(orgs_.Update(Actor::Of(admin_), 999, patch).status().kind(), ErrorKind::kNotFound);
  EXPECT_EQ(orgs_.Get(org_a_.id)->name, "甲公司（新）");
}

TEST_F(OrgsTest, MembersAreVisibleToTheOrganisation) {
  auto members = orgs_.Members(Actor::Of(a_member_), org_a_.id, 0, 10);
  ASSERT_TRUE(members.ok());
  EXPECT_EQ(members->total, 2);
  EXPECT_EQ(orgs_.Members(Actor::Of(b_member_), org_a_.id, 0, 10).status().kind(),
            ErrorKind::kForbidden);
  EXPECT_EQ(orgs_.Members(Actor::Visitor(), org_a_.id, 0, 10).status().kind(),
            ErrorKind::kUnauthorized);
  EXPECT_EQ(orgs_.Members(Actor::Of(admin_), org_a_.id, 1, 10)->items.size(), 1u);
  EXPECT_EQ(orgs_.Members(Actor::Of(admin_), 999, 0, 10).status().kind(), ErrorKind::kNotFound);
}

TEST_F(OrgsTest, OrgAdminsAddMembersToTheirOwnOrganisationOnly) {
  User loner = AddUser("loner", Role::kMember, std::nullopt);
  // A member of org B, a member of org A, or an org admin of org B cannot add to org A.
  User b_admin = AddUser("b-admin", Role::kMember, org_b_.id, OrgRole::kAdmin);
  for (const User& u : {b_member_, a_member_, b_admin}) {
    auto r = orgs_.AddMember(Actor::Of(u), org_a_.id, "loner", OrgRole::kMember);
    EXPECT_EQ(r.status().kind(), ErrorKind::kForbidden) << u.username;
  }
  EXPECT_FALSE(Reload(loner).org_id.has_value());

  auto added = orgs_.AddMember(Actor::Of(a_admin_), org_a_.id, "loner", OrgRole::kMember);
  ASSERT_TRUE(added.ok()) << added.status().message();
  EXPECT_EQ(Reload(loner).org_id, org_a_.id);
  EXPECT_EQ(Reload(loner).org_role, OrgRole::kMember);
  EXPECT_EQ(AuditActions("org", org_a_.id), std::vector<std::string>{"add_member"});

  auto other = orgs_.AddMember(Actor::Of(a_admin_), org_a_.id, "b-member", OrgRole::kMember);
  EXPECT_EQ(other.status().kind(), ErrorKind::kConflict);
  EXPECT_EQ(other.status().code(), "already_member");
  EXPECT_EQ(Reload(b_member_).org_id, org_b_.id);

  auto unknown = orgs_.AddMember(Actor::Of(a_admin_), org_a_.id, "nobody", OrgRole::kMember);
  EXPECT_EQ(unknown.status().kind(), ErrorKind::kInvalid);
  EXPECT_EQ(unknown.status().field(), "username");
  auto huge =
      orgs_.AddMember(Actor::Of(a_admin_), org_a_.id, std::string(1 << 20, 'x'), OrgRole::kMember);
  EXPECT_EQ(huge.status().field(), "username");
  EXPECT_LT(huge.status().message().size(), 100u) << "the name is not echoed";

  // A platform admin adds anyone to any organisation, as org admin if asked.
  User second = AddUser("second", Role::kMember, std::nullopt);
  auto by_admin = orgs_.AddMember(Actor::Of(admin_), org_b_.id, "second", OrgRole::kAdmin);
  ASSERT_TRUE(by_admin.ok());
  EXPECT_EQ(Reload(second).org_role, OrgRole::kAdmin);
  EXPECT_EQ(Reload(second).role, Role::kMember);
}

// The attack of an org admin on platform roles: pulling an organisation-less editor (or
// reviewer) into the organisation and setting their role there changes only the organisation
// role; the platform role stays, through removal too.
TEST_F(OrgsTest, OrganisationRolesNeverTouchPlatformRoles) {
  User editor = AddUser("editor", Role::kEditor, std::nullopt);
  ASSERT_TRUE(orgs_.AddMember(Actor::Of(a_admin_), org_a_.id, "editor", OrgRole::kMember).ok());
  EXPECT_EQ(Reload(editor).role, Role::kEditor);
  for (OrgRole r : {OrgRole::kAdmin, OrgRole::kMember}) {
    auto set = orgs_.SetMemberRole(Actor::Of(a_admin_), org_a_.id, editor.id, r);
    ASSERT_TRUE(set.ok()) << set.status().message();
    EXPECT_EQ(set->org_role, r);
    EXPECT_EQ(Reload(editor).role, Role::kEditor);
  }
  ASSERT_TRUE(orgs_.RemoveMember(Actor::Of(a_admin_), org_a_.id, editor.id).ok());
  EXPECT_EQ(Reload(editor).role, Role::kEditor);
  EXPECT_TRUE(Actor::Of(Reload(editor)).is_editor());

  ASSERT_TRUE(orgs_.AddMember(Actor::Of(a_admin_), org_a_.id, "reviewer", OrgRole::kAdmin).ok());
  User reviewer = Reload(reviewer_);
  EXPECT_EQ(reviewer.role, Role::kReviewer);
  EXPECT_TRUE(Actor::Of(reviewer).is_reviewer());
  EXPECT_TRUE(Actor::Of(reviewer).manages_org(org_a_.id)) << "both roles at once";
}

TEST_F(OrgsTest, AReviewerOrEditorWhoCreatesAnOrganisationKeepsTheirRole) {
  User editor = AddUser("editor", Role::kEditor, std::nullopt);
  for (const User* u : {&reviewer_, &editor}) {
    auto org = orgs_.Create(Actor::Of(*u), NewOrg("新机构" + u->username));
    ASSERT_TRUE(org.ok()) << org.status().message();
    User after = Reload(*u);
    EXPECT_EQ(after.role, u->role) << u->username;
    EXPECT_EQ(after.org_role, OrgRole::kAdmin) << u->username;
    EXPECT_EQ(after.org_id, org->id);
    EXPECT_TRUE(Actor::Of(after).manages_org(org->id));
  }
}

TEST_F(OrgsTest, SetMemberRoleWithinTheOrganisation) {
  auto promoted =
      orgs_.SetMemberRole(Actor::Of(a_admin_), org_a_.id, a_member_.id, OrgRole::kAdmin);
  ASSERT_TRUE(promoted.ok()) << promoted.status().message();
  EXPECT_EQ(Reload(a_member_).org_role, OrgRole::kAdmin);
  EXPECT_TRUE(Actor::Of(Reload(a_member_)).manages_org(org_a_.id));
  ASSERT_TRUE(
      orgs_.SetMemberRole(Actor::Of(a_admin_), org_a_.id, a_member_.id, OrgRole::kMember).ok());
  EXPECT_EQ(Reload(a_member_).org_role, OrgRole::kMember);
  EXPECT_FALSE(Actor::Of(Reload(a_member_)).manages_org(org_a_.id));

  User b_admin = AddUser("b-admin", Role::kMember, org_b_.id, OrgRole::kAdmin);
  EXPECT_EQ(orgs_.SetMemberRole(Actor::Of(b_admin), org_a_.id, a_member_.id, OrgRole::kAdmin)
                .status()
                .kind(),
            ErrorKind::kForbidden);
  EXPECT_EQ(orgs_.SetMemberRole(Actor::Of(a_member_), org_a_.id, a_member_.id, OrgRole::kAdmin)
                .status()
                .kind(),
            ErrorKind::kForbidden);
  // Org A's admin cannot reach org B's member through org A.
  EXPECT_EQ(orgs_.SetMemberRole(Actor::Of(a_admin_), org_a_.id, b_member_.id, OrgRole::kAdmin)
                .status()
                .kind(),
            ErrorKind::kNotFound);
  EXPECT_EQ(Reload(b_member_).org_role, OrgRole::kMember);
}

TEST_F(OrgsTest, RemoveMember) {
  ASSERT_TRUE(store()
                  .Write([&](StoreTx& tx) {
                    return tx.InsertSession(Session{"h", a_member_.id, "c", 0, testing::kT1});
                  })
                  .ok());
  User b_admin = AddUser("b-admin", Role::kMember, org_b_.id, OrgRole::kAdmin);
  EXPECT_EQ(orgs_.RemoveMember(Actor::Of(b_admin), org_a_.id, a_member_.id).kind(),
            ErrorKind::kForbidden);
  EXPECT_EQ(orgs_.RemoveMember(Actor::Of(a_member_), org_a_.id, a_admin_.id).kind(),
            ErrorKind::kForbidden);
  EXPECT_EQ(orgs_.RemoveMember(Actor::Of(a_admin_), org_a_.id, a_admin_.id).code(), "self_removal");
  EXPECT_EQ(orgs_.RemoveMember(Actor::Of(a_admin_), org_a_.id, b_member_.id).kind(),
            ErrorKind::kNotFound);
  EXPECT_EQ(Reload(b_member_).org_id, org_b_.id);

  ASSERT_TRUE(orgs_.RemoveMember(Actor::Of(a_admin_), org_a_.id, a_member_.id).ok());
  EXPECT_FALSE(Reload(a_member_).org_id.has_value());
  ASSERT_TRUE(store()
                  .Read([&](StoreTx& tx) -> Status {
                    EXPECT_EQ(tx.GetSession("h").status().kind(), ErrorKind::kNotFound)
                        << "the removed member's sessions end";
                    return Status::Ok();
                  })
                  .ok());

  // Removing an org admin (by a platform admin) leaves an account without organisation role.
  ASSERT_TRUE(orgs_.RemoveMember(Actor::Of(admin_), org_a_.id, a_admin_.id).ok());
  EXPECT_EQ(Reload(a_admin_).org_role, OrgRole::kMember);
  EXPECT_EQ(Reload(a_admin_).role, Role::kMember);
  EXPECT_FALSE(Reload(a_admin_).org_id.has_value());
}

TEST_F(OrgsTest, ListFiltersOrganisations) {
  auto all = orgs_.List(OrgQuery{});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->total, 3);
  auto uni = orgs_.List(OrgQuery{.text = "大学"});
  ASSERT_TRUE(uni.ok());
  ASSERT_EQ(uni->items.size(), 1u);
  EXPECT_EQ(uni->items[0].id, org_b_.id);
  EXPECT_EQ(orgs_.Get(999).status().kind(), ErrorKind::kNotFound);
}

}  // namespace
}  // namespace kc
