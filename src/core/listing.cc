#include "core/listing.h"

#include <array>
#include <utility>

namespace kc {

namespace {
template <typename E, size_t N>
std::optional<E> Lookup(const std::array<std::pair<E, std::string_view>, N>& table,
                        std::string_view name) {
  for (const auto& [e, n] : table) {
    if (n == name) return e;
  }
  return std::nullopt;
}
template <typename E, size_t N>
std::string_view NameOf(const std::array<std::pair<E, std::string_view>, N>& table, E e) {
  for (const auto& [x, n] : table) {
    if (x == e) return n;
  }
  return "";
}

constexpr std::array<std::pair<ListingKind, std::string_view>, 5> kKinds{{
    {ListingKind::kDemand, "demand"},
    {ListingKind::kAchievement, "achievement"},
    {ListingKind::kExpert, "expert"},
    {ListingKind::kTalent, "talent"},
    {ListingKind::kTalentDemand, "talent_demand"},
}};
constexpr std::array<std::pair<ListingKind, std::string_view>, 5> kPlurals{{
    {ListingKind::kDemand, "demands"},
    {ListingKind::kAchievement, "achievements"},
    {ListingKind::kExpert, "experts"},
    {ListingKind::kTalent, "talents"},
    {ListingKind::kTalentDemand, "talent-demands"},
}};
constexpr std::array<std::pair<ListingStatus, std::string_view>, 6> kStatuses{{
    {ListingStatus::kDraft, "draft"},
    {ListingStatus::kPending, "pending"},
    {ListingStatus::kPublished, "published"},
    {ListingStatus::kRejected, "rejected"},
    {ListingStatus::kClosed, "closed"},
    {ListingStatus::kExpired, "expired"},
}};
constexpr std::array<std::pair<Visibility, std::string_view>, 2> kVisibilities{{
    {Visibility::kPublic, "public"},
    {Visibility::kMembers, "members"},
}};
constexpr std::array<std::string_view, 8> kModes{
    "transfer", "license", "joint_development", "commissioned_development", "consulting", "talent",
    "equity",   "other"};
constexpr std::array<std::string_view, 3> kTalentModes{"post", "partner", "funding"};
constexpr std::array<std::string_view, 3> kTalentTypes{"overseas", "returnee", "domestic"};

template <size_t N>
bool OneOf(const std::array<std::string_view, N>& names, std::string_view name) {
  for (auto n : names) {
    if (n == name) return true;
  }
  return false;
}
}  // namespace

std::string_view KindName(ListingKind kind) { return NameOf(kKinds, kind); }
std::string_view KindPlural(ListingKind kind) { return NameOf(kPlurals, kind); }
std::optional<ListingKind> KindFromName(std::string_view name) { return Lookup(kKinds, name); }
std::optional<ListingKind> KindFromPlural(std::string_view name) { return Lookup(kPlurals, name); }
std::string_view StatusName(ListingStatus status) { return NameOf(kStatuses, status); }
std::optional<ListingStatus> StatusFromName(std::string_view name) {
  return Lookup(kStatuses, name);
}
std::string_view VisibilityName(Visibility v) { return NameOf(kVisibilities, v); }
std::optional<Visibility> VisibilityFromName(std::string_view name) {
  return Lookup(kVisibilities, name);
}
const std::vector<ListingKind>& AllKinds() {
  static const std::vector<ListingKind> kinds = [] {
    std::vector<ListingKind> v;
    for (const auto& [k, name] : kKinds) v.push_back(k);
    return v;
  }();
  return kinds;
}
bool IsTalentKind(ListingKind kind) {
  return kind == ListingKind::kTalent || kind == ListingKind::kTalentDemand;
}
ListingKind DefaultMatchTarget(ListingKind kind) {
  switch (kind) {
    case ListingKind::kDemand:
      return ListingKind::kAchievement;
    case ListingKind::kAchievement:
    case ListingKind::kExpert:
      return ListingKind::kDemand;
    case ListingKind::kTalent:
      return ListingKind::kTalentDemand;
    case ListingKind::kTalentDemand:
      return ListingKind::kTalent;
  }
  return ListingKind::kAchievement;
}
bool IsCooperationMode(std::string_view mode) { return OneOf(kModes, mode); }
bool IsTalentMode(std::string_view mode) { return OneOf(kTalentModes, mode); }
bool IsTalentType(std::string_view type) { return OneOf(kTalentTypes, type); }

}  // namespace kc
