// Listings: the kinds of public offer a platform carries, and their review states.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kc {

// The kind of a listing; its API path is the plural ("demands", …).
enum class ListingKind {
  kDemand,       // 技术需求: an enterprise's technical problem looking for a solver
  kAchievement,  // 科技成果: a research result offered for transfer, licence or cooperation
  kExpert,       // 专家: a person's profile offered for consulting and cooperation
  // 引才引智 (docs/talent.md): a researcher abroad or a returning scholar and what they seek,
  // and the posts, partnerships and funding that enterprises, regions and bases offer them.
  kTalent,        // 人才: a talent profile (a public headline, the person's name for members)
  kTalentDemand,  // 人才需求: a post, a partnership or funding offered to talent
};
std::string_view KindName(ListingKind kind);                       // "demand"
std::string_view KindPlural(ListingKind kind);                     // "demands"
std::optional<ListingKind> KindFromName(std::string_view name);    // "demand" → kDemand
std::optional<ListingKind> KindFromPlural(std::string_view name);  // "demands" → kDemand
// Every kind, in the order above.
const std::vector<ListingKind>& AllKinds();
// True for kTalent and kTalentDemand: matched with each other, never shared with partner nodes.
bool IsTalentKind(ListingKind kind);
// The kind a listing's matches are of by default: achievements for a demand, demands for an
// achievement or an expert, talent demands for a talent and talent for a talent demand.
ListingKind DefaultMatchTarget(ListingKind kind);

// Review workflow (审核): draft → pending → published | rejected; published → closed | expired.
enum class ListingStatus { kDraft, kPending, kPublished, kRejected, kClosed, kExpired };
std::string_view StatusName(ListingStatus status);
std::optional<ListingStatus> StatusFromName(std::string_view name);

// Who may read the full text: everyone, or signed-in members only (visitors get the summary).
enum class Visibility { kPublic, kMembers };
std::string_view VisibilityName(Visibility v);
std::optional<Visibility> VisibilityFromName(std::string_view name);

// Code points of a listing's body in its summary: what lists show, and all of the body a
// visitor may read of a members-only listing (the API, the search index and matching agree).
inline constexpr size_t kSummaryChars = 120;

// A sum of money in CNY, or 面议 (negotiable) when both bounds are empty.
struct MoneyRange {
  std::optional<int64_t> min_cny;
  std::optional<int64_t> max_cny;
  bool negotiable() const { return !min_cny && !max_cny; }
};

// How to reach the owner about a listing; never shown to visitors.
struct Contact {
  std::string name;
  std::string phone;
  std::string email;
  bool empty() const { return name.empty() && phone.empty() && email.empty(); }
};

// Cooperation modes for demands and transfer modes for achievements share one vocabulary:
// transfer, license, joint_development, commissioned_development, consulting, talent,
// equity (作价入股), other.
bool IsCooperationMode(std::string_view mode);

// What talent seeks and what a talent demand offers share one vocabulary: post (a position),
// partner (a research or business partner), funding (grants or investment).
bool IsTalentMode(std::string_view mode);

// Where a talent stands: overseas (海外人才, working abroad), returnee (归国人才, back in China
// within the last years), domestic (国内人才).
bool IsTalentType(std::string_view type);

// A listing of any kind. Kind-specific fields are empty for the other kinds.
struct Listing {
  int64_t id = 0;
  ListingKind kind = ListingKind::kDemand;
  int64_t org_id = 0;
  int64_t owner_id = 0;  // the user who created it
  std::string ref;       // 项目编号: the owner's own reference, unique per org and kind
  std::string title;     // demand/achievement/talent title; an expert's name
  std::string body;      // description (demands), abstract (achievement), bio (expert, talent)
  std::vector<std::string> keywords;
  std::string category;    // 门类, from the taxonomy
  std::string discipline;  // 学科, from the taxonomy
  std::string region;      // GB/T 2260 six-digit code
  ListingStatus status = ListingStatus::kDraft;
  std::string reject_reason;
  Visibility visibility = Visibility::kPublic;
  Contact contact;
  bool demo = false;  // part of the shipped demo data set
  int64_t created_at = 0;
  int64_t updated_at = 0;
  int64_t published_at = 0;  // 0 when never published
  int64_t expires_at = 0;    // 0 when it never expires

  // Demand.
  MoneyRange budget;
  std::string deadline;  // YYYY-MM-DD or empty
  std::vector<std::string> cooperation_modes;

  // Achievement.
  std::optional<int> maturity;  // TRL 1–9
  std::vector<std::string> patents;
  std::vector<std::string> transfer_modes;
  MoneyRange price;
  std::vector<std::string> inventors;

  // Expert (rank, affiliation and disciplines also talent's).
  std::string rank;         // 职称, e.g. 教授; "title" in the expert's JSON, "rank" in talent's
  std::string affiliation;  // the organisation the expert works for, as a name
  std::vector<std::string> disciplines;

  // Talent and talent demand (docs/talent.md).
  std::string person_name;                // a talent's name: members only, never indexed
  std::string talent_type;                // IsTalentType, or empty
  std::vector<std::string> languages;     // ISO 639-1 codes (core/language_code.h)
  std::vector<std::string> talent_modes;  // IsTalentMode: sought (talent) or offered (demand)
  std::string country;                    // a talent's country, ISO 3166-1 alpha-2, or empty

  // The network (docs/network.md §4).
  bool shared = true;  // offered to partner nodes (the owner's opt-out when false)
  // A copy of a partner's listing, read-only on this node: the peer it came from (0: this
  // node's own listing), and its id, page and organisation's name on that node.
  int64_t origin_peer_id = 0;
  std::string origin_id;
  std::string origin_url;
  std::string origin_org_name;

  bool remote() const { return origin_peer_id != 0; }
};

}  // namespace kc
