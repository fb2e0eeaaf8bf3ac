#include "service/news_policy.h"

#include <gtest/gtest.h>

#include <map>

#include "policy_table.h"

namespace kc {
namespace {

using testing::All;
using testing::Caller;
using testing::CheckTable;
using testing::PolicyRow;

const std::map<std::string, NewsStatus> kStates = {
    {"draft", NewsStatus::kDraft},
    {"published", NewsStatus::kPublished},
};

bool Ask(const std::string& action, const std::string& state, const Caller& caller) {
  NewsArticle article;
  article.status = kStates.at(state);
  if (action == "write") return CanWriteNews(caller.actor);
  if (action == "see_drafts") return SeesDraftNews(caller.actor);
  if (action == "read") return CanReadArticle(caller.actor, article);
  ADD_FAILURE() << "no action " << action;
  return false;
}

TEST(NewsPolicyTest, RoleByActionByState) {
  const testing::Callers editors = {"editor", "admin"};
  CheckTable(
      {
          {"write", "draft", editors},
          {"write", "published", editors},
          {"see_drafts", "draft", editors},
          // A draft is the editors' alone; a published article is public.
          {"read", "draft", editors},
          {"read", "published", All()},
      },
      Ask);
}

}  // namespace
}  // namespace kc
