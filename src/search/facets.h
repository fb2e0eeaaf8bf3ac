// Facet counts of a search: the kind, category, discipline and province of the matching
// listings. A document keeps the four together in one value slot (kFacetsSlot, schema.h), so
// that counting reads one value per match rather than four, each a seek of its own in Xapian's
// value streams (docs/search.md, "Facets").
#pragma once

#include <xapian.h>

#include <array>
#include <map>
#include <string>
#include <string_view>

#include "search/search.h"

namespace kc::search {

// The value of kFacetsSlot for a listing's kind name, category, discipline and province code
// (any may be empty).
std::string FacetsValue(std::string_view kind, std::string_view category,
                        std::string_view discipline, std::string_view province);

// Counts the facet values of every match the matcher examines (Enquire::add_matchspy; with
// get_mset's checkatleast, exactly up to that many matches). One spy belongs to one search.
class FacetSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double weight) override;
  // The counts, each facet most frequent first (ties in the values' byte order); empty
  // values are not counted.
  Facets Counts() const;

 private:
  std::array<std::map<std::string, uint64_t, std::less<>>, 4> counts_;
};

}  // namespace kc::search
