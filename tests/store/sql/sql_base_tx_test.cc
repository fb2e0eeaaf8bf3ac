#include "store/sql/sql_base_tx.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/temp_db.h"

namespace kc {
namespace {

using ::testing::ElementsAre;
using testing::OpenOrDie;
using testing::TempDir;

// The offshore bases' store area, on SQLite and (pg: run) PostgreSQL alike.
class SqlBaseTxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenOrDie(dir_.File("kc.db"));
    ASSERT_NE(store_, nullptr);
    MustWrite([&](StoreTx& tx) -> Status {
      Org o;
      o.name = "示范基地运营公司";
      auto org = tx.InsertOrg(o);
      if (!org.ok()) return org.status();
      org_ = *org;
      User u;
      u.username = "base_admin";
      u.org_id = org_;
      u.created_at = 1;
      auto user = tx.InsertUser(u);
      if (!user.ok()) return user.status();
      user_ = *user;
      return Status::Ok();
    });
  }

  void MustWrite(const std::function<Status(StoreTx&)>& fn) {
    Status s = store_->Write(fn);
    ASSERT_TRUE(s.ok()) << s.code() << ": " << s.message();
  }

  OffshoreBase Base(const std::string& name, const std::string& country, BaseStatus status) {
    OffshoreBase b;
    b.name = name;
    b.name_en = name + " (en)";
    b.country = country;
    b.city = "City of " + name;
    b.org_id = org_;
    b.host_name = "Host";
    b.fields = {"工学", "计算机科学与技术"};
    b.services = {"incubation", "legal"};
    b.description = "一段介绍";
    b.contact = Contact{"王芳", "+49 89 1234", "base@example.de"};
    b.website = "https://base.example.de";
    b.established = "2019";
    b.status = status;
    b.created_by = user_;
    b.created_at = b.updated_at = 100;
    return b;
  }

  int64_t Insert(const OffshoreBase& b) {
    int64_t id = 0;
    MustWrite([&](StoreTx& tx) -> Status {
      auto r = tx.bases().InsertBase(b);
      if (!r.ok()) return r.status();
      id = *r;
      return Status::Ok();
    });
    return id;
  }

  int64_t InsertListing(const std::string& title, ListingStatus status) {
    int64_t id = 0;
    MustWrite([&](StoreTx& tx) -> Status {
      Listing l;
      l.kind = ListingKind::kAchievement;
      l.org_id = org_;
      l.owner_id = user_;
      l.title = title;
      l.category = "工学";
      l.status = status;
      auto r = tx.InsertListing(l);
      if (!r.ok()) return r.status();
      id = *r;
      return Status::Ok();
    });
    return id;
  }

  Page<OffshoreBase> List(const BaseQuery& q) {
    Page<OffshoreBase> out;
    MustWrite([&](StoreTx& tx) -> Status {
      auto r = tx.bases().ListBases(q);
      if (!r.ok()) return r.status();
      out = std::move(*r);
      return Status::Ok();
    });
    return out;
  }

  static std::vector<std::string> Names(const Page<OffshoreBase>& page) {
    std::vector<std::string> out;
    for (const auto& b : page.items) out.push_back(b.name);
    return out;
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
  int64_t org_ = 0;
  int64_t user_ = 0;
};

TEST_F(SqlBaseTxTest, InsertsReadsUpdatesAndDeletesABase) {
  OffshoreBase b = Base("慕尼黑基地", "DE", BaseStatus::kDraft);
  b.id = Insert(b);
  MustWrite([&](StoreTx& tx) -> Status {
    auto got = tx.bases().GetBase(b.id);
    if (!got.ok()) return got.status();
    EXPECT_EQ(got->name, "慕尼黑基地");
    EXPECT_EQ(got->org_id, org_);
    EXPECT_THAT(got->fields, ElementsAre("工学", "计算机科学与技术"));
    EXPECT_THAT(got->services, ElementsAre("incubation", "legal"));
    EXPECT_EQ(got->contact.email, "base@example.de");
    EXPECT_EQ(got->status, BaseStatus::kDraft);
    EXPECT_EQ(got->established, "2019");
    got->status = BaseStatus::kPublished;
    got->org_id.reset();
    got->updated_at = 200;
    KC_RETURN_IF_ERROR(tx.bases().UpdateBase(*got));
    auto again = tx.bases().GetBase(b.id);
    if (!again.ok()) return again.status();
    EXPECT_EQ(again->status, BaseStatus::kPublished);
    EXPECT_FALSE(again->org_id.has_value());
    EXPECT_EQ(again->updated_at, 200);
    KC_RETURN_IF_ERROR(tx.bases().ReplacePeople(b.id, {{0, 0, "王芳", "主任", 0}}));
    KC_RETURN_IF_ERROR(tx.bases().DeleteBase(b.id));
    EXPECT_EQ(tx.bases().GetBase(b.id).status().kind(), ErrorKind::kNotFound);
    EXPECT_EQ(tx.bases().DeleteBase(b.id).kind(), ErrorKind::kNotFound);
    auto people = tx.bases().ListPeople(b.id);
    EXPECT_TRUE(people.ok() && people->empty());
    OffshoreBase missing = *again;
    missing.id = b.id + 100;
    EXPECT_EQ(tx.bases().UpdateBase(missing).kind(), ErrorKind::kNotFound);
    return Status::Ok();
  });
}

TEST_F(SqlBaseTxTest, ListsFilterAndOrderByCountryCityAndName) {
  Insert(Base("慕尼黑基地", "DE", BaseStatus::kPublished));
  Insert(Base("柏林基地", "DE", BaseStatus::kClosed));
  Insert(Base("硅谷基地", "US", BaseStatus::kPublished));
  OffshoreBase other = Base("伦敦基地", "GB", BaseStatus::kDraft);
  other.org_id.reset();
  other.fields = {"医学"};
  Insert(other);

  BaseQuery all;
  Page<OffshoreBase> page = List(all);
  EXPECT_EQ(page.total, 4);
  // By country, then city, by bytes ("City of 慕…" is E6 85 95, before "City of 柏…", E6 9F 8F).
  EXPECT_THAT(Names(page), ElementsAre("慕尼黑基地", "柏林基地", "伦敦基地", "硅谷基地"));

  BaseQuery published;
  published.statuses = {BaseStatus::kPublished, BaseStatus::kClosed};
  EXPECT_THAT(Names(List(published)), ElementsAre("慕尼黑基地", "柏林基地", "硅谷基地"));

  BaseQuery org_view;  // public bases, and the drafts of the organisation's own
  org_view.or_org_id = org_;
  EXPECT_EQ(List(org_view).total, 3);

  BaseQuery by_field;
  by_field.field = "医学";
  EXPECT_THAT(Names(List(by_field)), ElementsAre("伦敦基地"));
  BaseQuery by_country;
  by_country.country = "DE";
  by_country.limit = 1;
  by_country.offset = 1;
  page = List(by_country);
  EXPECT_EQ(page.total, 2);
  EXPECT_THAT(Names(page), ElementsAre("柏林基地"));
  BaseQuery by_text;
  by_text.text = "硅谷";
  EXPECT_THAT(Names(List(by_text)), ElementsAre("硅谷基地"));
  by_text.text = "100%";  // a LIKE wildcard is a character like any other
  EXPECT_EQ(List(by_text).total, 0);
  BaseQuery by_org;
  by_org.org_id = org_;
  EXPECT_EQ(List(by_org).total, 3);

  MustWrite([&](StoreTx& tx) -> Status {
    auto counts = tx.bases().CountByCountry({BaseStatus::kPublished, BaseStatus::kClosed});
    if (!counts.ok()) return counts.status();
    EXPECT_EQ(counts->size(), 2u);
    EXPECT_EQ((*counts)[0].country, "DE");
    EXPECT_EQ((*counts)[0].count, 2);
    EXPECT_EQ((*counts)[1].country, "US");
    return Status::Ok();
  });
}

TEST_F(SqlBaseTxTest, ReplacesPeopleAndProjectsInOrder) {
  int64_t base = Insert(Base("慕尼黑基地", "DE", BaseStatus::kPublished));
  int64_t a = InsertListing("低温电解液", ListingStatus::kPublished);
  int64_t b = InsertListing("固态电池", ListingStatus::kDraft);
  MustWrite([&](StoreTx& tx) -> Status {
    KC_RETURN_IF_ERROR(
        tx.bases().ReplacePeople(base, {{0, 0, "王芳", "主任", 0}, {0, 0, "Anna Weber", "", 0}}));
    KC_RETURN_IF_ERROR(tx.bases().ReplacePeople(
        base, {{0, 0, "Anna Weber", "Mentor", 0}, {0, 0, "王芳", "主任", 0}}));
    auto people = tx.bases().ListPeople(base);
    if (!people.ok()) return people.status();
    EXPECT_EQ(people->size(), 2u);
    EXPECT_EQ((*people)[0].name, "Anna Weber");
    EXPECT_EQ((*people)[0].role, "Mentor");
    EXPECT_EQ((*people)[1].position, 1);

    KC_RETURN_IF_ERROR(tx.bases().ReplaceProjects(base, {{0, b, "孵化中", 0}, {0, a, "", 0}}));
    auto projects = tx.bases().ListProjects(base);
    if (!projects.ok()) return projects.status();
    EXPECT_EQ(projects->size(), 2u);
    EXPECT_EQ((*projects)[0].listing.title, "固态电池");
    EXPECT_EQ((*projects)[0].listing.status, ListingStatus::kDraft);
    EXPECT_EQ((*projects)[0].listing.kind, ListingKind::kAchievement);
    EXPECT_EQ((*projects)[0].listing.org_id, org_);
    EXPECT_EQ((*projects)[0].project.note, "孵化中");
    EXPECT_EQ((*projects)[1].listing.id, a);
    KC_RETURN_IF_ERROR(tx.bases().ReplaceProjects(base, {}));
    projects = tx.bases().ListProjects(base);
    EXPECT_TRUE(projects.ok() && projects->empty());
    return Status::Ok();
  });
}

TEST_F(SqlBaseTxTest, ADeletedListingLeavesTheBasesThatHostedIt) {
  int64_t base = Insert(Base("慕尼黑基地", "DE", BaseStatus::kPublished));
  int64_t a = InsertListing("低温电解液", ListingStatus::kPublished);
  MustWrite([&](StoreTx& tx) { return tx.bases().ReplaceProjects(base, {{0, a, "", 0}}); });
  MustWrite([&](StoreTx& tx) { return tx.DeleteListing(a); });
  MustWrite([&](StoreTx& tx) -> Status {
    auto projects = tx.bases().ListProjects(base);
    if (!projects.ok()) return projects.status();
    EXPECT_TRUE(projects->empty());
    return Status::Ok();
  });
}

}  // namespace
}  // namespace kc
