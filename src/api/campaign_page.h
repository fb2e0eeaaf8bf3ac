// A ranked list's or award's (榜单与奖项) page as the server writes it for readers without
// JavaScript and for search engines (docs/pages.md).
#pragma once

#include <vector>

#include "api/page_html.h"
#include "core/campaign.h"
#include "store/campaign_tx.h"

namespace kc::api {

// The campaign's title (English title in English when it has one), status, description,
// windows (Asia/Shanghai dates), rules and criteria, and once published its results (rank,
// nominee, total, each criterion's score); schema.org JSON-LD: an ItemList of the ranked
// nominees once published, else a CreativeWork describing the call.
PageContent CampaignPage(const Campaign& campaign, const std::vector<CampaignResult>& results,
                         const PageText& text, std::string_view language,
                         std::string_view base_url);

}  // namespace kc::api
