// The shared terms of a match explanation, as a person reads them: whole key terms (机器视觉),
// never the bigrams or single characters the index also matches on (docs/search.md).
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "core/listing.h"
#include "search/document.h"
#include "text/keyterms.h"

namespace kc::search {

// The phrases of one source listing that an explanation may name, and the index terms a
// candidate must hold to share each:
// - the source's keywords as its owner wrote them: all of their words and bigrams;
// - key terms that stand next to each other in the source and in the candidate, joined: the
//   segmenter splits 机器视觉 into 机器 + 视觉, and the candidate has it whole when it has both
//   words and the bigram across them (器视);
// - the other key terms, except single CJK characters and numbers.
// Built once per match; Shared() is called for every candidate. Thread-compatible.
class SharedTerms {
 public:
  SharedTerms(const Listing& source, const ListingTerms& analysed,
              const std::vector<text::WeightedTerm>& key_terms);

  // Every index term Shared() may ask about (unique, sorted): probe a candidate for these.
  const std::vector<std::string>& probes() const { return probes_; }

  // What a candidate holding the index terms `found` (public forms) shares with the source:
  // its keywords first (in the source's order), then joined and single key terms by weight;
  // a phrase contained in one already named is left out.
  std::vector<std::string> Shared(const std::unordered_set<std::string>& found) const;

  // The index term (W or Z) of a key term's key.
  static std::string IndexTermOf(const std::string& key);

 private:
  struct Phrase {
    std::string text;
    std::vector<std::string> needs;  // index terms the candidate must have
  };
  struct Join {  // key term `first` directly followed by key term `second` in the source
    size_t first = 0;
    size_t second = 0;
    std::string bigram;  // B term across the two
  };

  std::vector<Phrase> keywords_;
  std::vector<text::WeightedTerm> key_terms_;
  std::vector<std::string> key_index_terms_;  // key_terms_[i]'s index term
  std::vector<Join> joins_;
  std::vector<std::string> probes_;
};

}  // namespace kc::search
