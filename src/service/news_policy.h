// Who may read and write news (新闻资讯): the one place these rules live (docs/architecture.md,
// "Permissions: one policy per domain").
#pragma once

#include "core/news.h"
#include "service/actor.h"

namespace kc {

// True when the actor writes news: creates, edits, publishes, withdraws and deletes articles,
// adds columns and imports news pages. Editors and platform admins.
bool CanWriteNews(const Actor& actor);

// True when the actor sees draft articles: those who write news. Everyone else is told a draft
// does not exist, and lists show them published articles only.
bool SeesDraftNews(const Actor& actor);

// True when the actor may read the article: a published article is public.
bool CanReadArticle(const Actor& actor, const NewsArticle& article);

}  // namespace kc
