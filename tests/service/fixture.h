// The world most service tests start from: a fresh SQLite store in a temporary directory, a
// manual clock, and a few accounts (inserted directly, sharing one password hash, so that a test
// does not pay for argon2id per user).
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/listing.h"
#include "core/org.h"
#include "service/actor.h"
#include "service/crypto.h"
#include "service/listings.h"
#include "store/store.h"
#include "store/temp_db.h"

namespace kc::testing {

// 2026-01-01T00:00:00Z.
inline constexpr int64_t kT0 = 1767225600;
inline constexpr int64_t kDay = 24 * 3600;
inline constexpr int64_t kT1 = kT0 + 365 * kDay;
inline constexpr char kPassword[] = "correct horse battery";

// The argon2id hash of kPassword, computed once per process.
inline const std::string& PasswordHash() {
  static const std::string hash = [] {
    EXPECT_TRUE(InitCrypto().ok());
    auto h = HashPassword(kPassword);
    EXPECT_TRUE(h.ok());
    return h.ok() ? *h : std::string();
  }();
  return hash;
}

class ServiceTest : public ::testing::Test {
 protected:
  // The store is opened here rather than in SetUp so that subclasses may hold services built
  // on it as members.
  ServiceTest() : store_(OpenOrDie(dir_.File("kc.db"))) {
    EXPECT_TRUE(InitCrypto().ok());
    if (!store_) std::abort();
  }

  Store& store() { return *store_; }

  // Inserts an organisation straight into the store.
  Org AddOrg(const std::string& name) {
    Org org;
    org.name = name;
    org.type = OrgType::kEnterprise;
    org.country = "CN";
    org.created_at = clock_.Now();
    Status s = store_->Write([&](StoreTx& tx) -> Status {
      auto id = tx.InsertOrg(org);
      if (!id.ok()) return id.status();
      org.id = *id;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return org;
  }

  // Inserts a user with password kPassword straight into the store.
  User AddUser(const std::string& username, Role role, std::optional<int64_t> org_id,
               OrgRole org_role = OrgRole::kMember) {
    User u;
    u.username = username;
    u.display_name = "User " + username;
    u.role = role;
    u.org_role = org_role;
    u.org_id = org_id;
    u.password_hash = PasswordHash();
    u.created_at = clock_.Now();
    Status s = store_->Write([&](StoreTx& tx) -> Status {
      auto id = tx.InsertUser(u);
      if (!id.ok()) return id.status();
      u.id = *id;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return u;
  }

  // The stored state of a user (after a service changed it).
  User Reload(const User& u) {
    User out;
    Status s = store_->Read([&](StoreTx& tx) -> Status {
      auto got = tx.GetUser(u.id);
      if (!got.ok()) return got.status();
      out = *got;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return out;
  }

  // A platform admin in the platform's own organisation (as Accounts::EnsureAdmin makes it), a
  // reviewer without an organisation, two organisations A and B with an org admin and a member
  // in A and a member in B.
  void MakeWorld() {
    org_platform_ = AddOrg("平台运营方");
    org_a_ = AddOrg("甲公司");
    org_b_ = AddOrg("乙大学");
    admin_ = AddUser("admin", Role::kAdmin, org_platform_.id);
    reviewer_ = AddUser("reviewer", Role::kReviewer, std::nullopt);
    a_admin_ = AddUser("a-admin", Role::kMember, org_a_.id, OrgRole::kAdmin);
    a_member_ = AddUser("a-member", Role::kMember, org_a_.id);
    b_member_ = AddUser("b-member", Role::kMember, org_b_.id);
  }

  std::vector<Change> Changes() {
    std::vector<Change> out;
    Status s = store_->Read([&](StoreTx& tx) -> Status {
      auto c = tx.ChangesAfter(0, 100000);
      if (!c.ok()) return c.status();
      out = *c;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return out;
  }

  std::vector<AuditEntry> Audit(const std::string& entity, int64_t id) {
    std::vector<AuditEntry> out;
    Status s = store_->Read([&](StoreTx& tx) -> Status {
      auto a = tx.ListAudit(entity, id);
      if (!a.ok()) return a.status();
      out = *a;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return out;
  }

  std::vector<std::string> AuditActions(const std::string& entity, int64_t id) {
    std::vector<std::string> out;
    for (const auto& e : Audit(entity, id)) out.push_back(e.action);
    return out;
  }

  // Every stored listing, any status, oldest first.
  std::vector<Listing> AllListings() {
    std::vector<Listing> out;
    Status s = store_->Read([&](StoreTx& tx) -> Status {
      ListingQuery q;
      q.sort = ListingSort::kOldest;
      q.limit = 100000;
      auto page = tx.ListListings(q);
      if (!page.ok()) return page.status();
      out = page->items;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return out;
  }

  TempDir dir_;
  ManualClock clock_{kT0};
  std::unique_ptr<Store> store_;
  Org org_platform_, org_a_, org_b_;
  User admin_, reviewer_, a_admin_, a_member_, b_member_;
};

// Creates `draft` as `owner`, submits it and has `reviewer` approve it; returns it as created.
inline Listing PublishListing(Listings& listings, const User& owner, const User& reviewer,
                              Listing draft) {
  auto created = listings.Create(Actor::Of(owner), std::move(draft));
  EXPECT_TRUE(created.ok()) << created.status().message();
  if (!created.ok()) return Listing{};
  const Listing& l = created->listing;
  EXPECT_TRUE(listings.Apply(Actor::Of(owner), l.kind, l.id, ReviewAction::kSubmit).ok());
  EXPECT_TRUE(listings.Apply(Actor::Of(reviewer), l.kind, l.id, ReviewAction::kApprove).ok());
  return l;
}

// A valid demand draft.
inline Listing DemandDraft(const std::string& title) {
  Listing l;
  l.kind = ListingKind::kDemand;
  l.title = title;
  l.body = "寻求一种低成本的锂电池极片缺陷在线检测方案，要求检出率不低于99%。";
  l.keywords = {"锂电池", "缺陷检测"};
  l.category = "工学";
  l.discipline = "计算机科学与技术";
  l.region = "440305";
  l.contact = {"张工", "0755-1234567", "zhang@example.com"};
  return l;
}

// A valid achievement draft.
inline Listing AchievementDraft(const std::string& title) {
  Listing l;
  l.kind = ListingKind::kAchievement;
  l.title = title;
  l.body = "本成果提出一种基于声发射信号的轴承早期故障诊断方法，已在风电场完成验证。";
  l.keywords = {"故障诊断", "声发射"};
  l.discipline = "机械工程";
  l.maturity = 6;
  return l;
}

}  // namespace kc::testing
