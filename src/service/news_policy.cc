#include "service/news_policy.h"

namespace kc {

bool CanWriteNews(const Actor& actor) { return actor.is_editor(); }

bool SeesDraftNews(const Actor& actor) { return CanWriteNews(actor); }

bool CanReadArticle(const Actor& actor, const NewsArticle& article) {
  return article.status == NewsStatus::kPublished || SeesDraftNews(actor);
}

}  // namespace kc
