// Plain records the store keeps besides the domain types of core/: sessions, change-log entries,
// audit entries, and the query and page shapes of list calls.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/listing.h"

namespace kc {

// A signed-in session. The token itself is never stored, only its hash.
struct Session {
  std::string token_hash;
  int64_t user_id = 0;
  std::string csrf_token;
  int64_t created_at = 0;
  int64_t expires_at = 0;
};

// An attempt the throttle remembers (a failed sign-in, a registration) for a while: who tried,
// from which client address, when. Fields are bounded by the services before they get here.
struct Attempt {
  std::string action;    // "login_failure" or "register"
  std::string client;    // the client's address
  std::string username;  // the user name tried; "" when the action has none
  int64_t at = 0;
};

// How many attempts matched, and the times of the earliest and latest of them (0 when none).
struct AttemptCount {
  int64_t count = 0;
  int64_t first_at = 0;
  int64_t last_at = 0;
};

// One row of the outbox (change log): entity "listing", op "upsert" or "delete".
struct Change {
  int64_t seq = 0;
  std::string entity;
  int64_t entity_id = 0;
  std::string op;
  int64_t at = 0;
};

// One row of the append-only audit trail.
struct AuditEntry {
  int64_t id = 0;
  int64_t at = 0;
  std::optional<int64_t> actor_id;  // empty for the system (expiry, demo loading)
  std::string entity;               // "listing", "org", "user"
  int64_t entity_id = 0;
  std::string action;  // "create", "update", "submit", "approve", …
  std::string detail;  // JSON object text
};

// A user's saved search (kind "search", with the query as JSON) or followed listing (kind
// "listing"): new published listings that match it produce notifications.
struct Subscription {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string kind;
  std::string query = "{}";
  int64_t listing_id = 0;
  int64_t created_at = 0;
};

// An in-app notification: about a newly published listing (from a subscription), the review of
// one's own listing, or a deal or a challenge the user takes part in.
struct Notification {
  int64_t id = 0;
  int64_t user_id = 0;
  // "saved_search", "new_match"; "listing_approved", "listing_rejected"; "deal_opened",
  // "deal_stage", "deal_proposal", "proposal_withdrawn", "proposal_refused", "deal_message",
  // "deal_document", "deal_contract"; "call_proposal", "call_winner"; "join_request",
  // "join_approved", "join_rejected"; "event_seat" (off an event's waiting list)
  std::string kind;
  int64_t subscription_id = 0;  // 0 for deal and call notices
  int64_t listing_id = 0;
  std::string title;  // the new listing's title, or the deal's or call's title
  // The saved search's words, the followed listing's title, a rejection's reason, or what
  // happened.
  std::string message;
  int64_t created_at = 0;
  int64_t read_at = 0;       // 0 while unread
  std::string listing_kind;  // filled in by ListNotifications: "demand", …; "" when deleted
  int64_t deal_id = 0;       // the deal it is about, or 0
  int64_t call_id = 0;       // the challenge it is about, or 0
  // What happened, as codes and values for the reader's language (a JSON object, e.g.
  // {"from":"signed","to":"registered"}); `message` stays the plain-text fallback.
  std::string detail = "{}";
};

// One page of a list call: the items and the total that match the filters.
template <typename T>
struct Page {
  std::vector<T> items;
  int64_t total = 0;
};

// The order of a listing list.
enum class ListingSort { kNewest, kOldest, kUpdated, kTitle };

// Filters of a listing list; empty members do not filter.
struct ListingQuery {
  std::optional<ListingKind> kind;
  std::vector<ListingStatus> statuses;  // any of these
  std::optional<int64_t> org_id;
  std::string category;
  std::string discipline;
  std::string region_prefix;  // "44" matches every code of Guangdong
  std::string text;           // substring of title or keywords
  // Only ids in [id_from, id_to) when set. With sort kOldest, a reader walks a large table in
  // pages by passing the last id seen + 1 as id_from (keyset paging), which costs the same for
  // every page where an offset rereads all the rows it skips.
  std::optional<int64_t> id_from;
  std::optional<int64_t> id_to;
  ListingSort sort = ListingSort::kNewest;
  int64_t offset = 0;
  int64_t limit = 20;
  // When false, Page::total is left at -1 instead of counting every match (a walk through the
  // table needs no total, and the count is a scan of the matches on each page).
  bool count_total = true;
  // Reads only what a list shows: `body` holds at most its first kSummaryChars + 1
  // characters (enough for a summary that says it was cut), and contact, budget, deadline,
  // modes, maturity, patents, price, inventors and disciplines are left empty.
  bool summary_only = false;
  // Only these ids when set (an event's presented listings, read in one round trip).
  std::optional<std::vector<int64_t>> ids;
};

// Filters of an organisation list.
struct OrgQuery {
  std::string type;
  std::string region_prefix;
  std::string text;  // substring of the name
  int64_t offset = 0;
  int64_t limit = 20;
};

// Filters of a user list.
struct UserQuery {
  std::optional<int64_t> org_id;
  std::optional<int64_t> requested_org_id;  // users asking to join this organisation
  std::string role;                         // platform role name
  std::string org_role;                     // organisation role name ("member", "org_admin")
  std::string text;                         // substring of username or display name
  int64_t offset = 0;
  int64_t limit = 20;
};

}  // namespace kc
