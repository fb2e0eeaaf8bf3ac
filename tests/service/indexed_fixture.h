// Service tests that need the search index too: the world of fixture.h plus an index that
// follows the store (Indexer), the glossary translator, and listings published the way users
// publish them (created, submitted, approved by the reviewer, then indexed).
#pragma once

#include <cstdlib>
#include <memory>
#include <string>

#include "search/index.h"
#include "search/translate.h"
#include "service/fixture.h"
#include "service/indexer.h"
#include "service/listings.h"

namespace kc::testing {

class IndexedServiceTest : public ServiceTest {
 protected:
  IndexedServiceTest() : index_(OpenIndex(dir_.File("index"))), indexer_(store(), *index_) {}

  void SetUp() override { MakeWorld(); }

  static std::unique_ptr<search::SearchIndex> OpenIndex(const std::string& dir) {
    auto index = search::SearchIndex::Open(dir);
    EXPECT_TRUE(index.ok()) << index.status().message();
    if (!index.ok()) std::abort();
    return std::move(*index);
  }

  Listing MustCreate(const User& who, Listing draft) {
    auto r = listings_.Create(Actor::Of(who), std::move(draft));
    EXPECT_TRUE(r.ok()) << r.status().code() << ": " << r.status().message();
    return r.ok() ? r->listing : Listing{};
  }

  // Created by `who`, submitted, approved by the reviewer, and indexed (no hook is told: the
  // indexer has none unless a test sets one).
  Listing Publish(const User& who, Listing draft) {
    Listing l = MustCreate(who, std::move(draft));
    EXPECT_TRUE(listings_.Apply(Actor::Of(who), l.kind, l.id, ReviewAction::kSubmit).ok());
    auto r = listings_.Apply(Actor::Of(reviewer_), l.kind, l.id, ReviewAction::kApprove);
    EXPECT_TRUE(r.ok()) << r.status().message();
    auto n = indexer_.CatchUp();
    EXPECT_TRUE(n.ok()) << n.status().message();
    return r.ok() ? r->listing : l;
  }

  std::unique_ptr<search::Translator> translator_ = search::Translator::GlossaryOnly();
  std::unique_ptr<search::SearchIndex> index_;
  Indexer indexer_;
  Listings listings_{store(), clock_};
};

}  // namespace kc::testing
