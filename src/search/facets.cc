#include "search/facets.h"

#include <algorithm>
#include <vector>

#include "search/schema.h"

namespace kc::search {
namespace {

// Separates the four fields; no category, discipline or code holds it.
constexpr char kSeparator = '\x1f';

std::vector<FacetCount> Sorted(const std::map<std::string, uint64_t, std::less<>>& counts) {
  std::vector<FacetCount> out;
  out.reserve(counts.size());
  for (const auto& [value, n] : counts) out.push_back({value, n});
  std::stable_sort(out.begin(), out.end(),
                   [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
  return out;
}

}  // namespace

std::string FacetsValue(std::string_view kind, std::string_view category,
                        std::string_view discipline, std::string_view province) {
  std::string out;
  bool first = true;
  for (std::string_view field : {kind, category, discipline, province}) {
    if (!first) out += kSeparator;
    first = false;
    // A separator inside a field would shift the ones after it: it is dropped.
    for (char c : field) {
      if (c != kSeparator) out += c;
    }
  }
  return out;
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  const std::string value = doc.get_value(kFacetsSlot);
  std::string_view rest = value;
  for (auto& counts : counts_) {
    const size_t end = std::min(rest.find(kSeparator), rest.size());
    const std::string_view field = rest.substr(0, end);
    if (!field.empty()) {
      auto it = counts.find(field);
      if (it == counts.end()) it = counts.emplace(std::string(field), 0).first;
      ++it->second;
    }
    rest.remove_prefix(std::min(end + 1, rest.size()));
  }
}

Facets FacetSpy::Counts() const {
  return {Sorted(counts_[0]), Sorted(counts_[1]), Sorted(counts_[2]), Sorted(counts_[3])};
}

}  // namespace kc::search
