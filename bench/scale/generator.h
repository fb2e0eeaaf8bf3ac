// Synthetic listings for scale benchmarks: N Chinese technical documents (achievements and
// demands) made by recombining sentences of the real abstracts of
// ../shared/data/zh-sci-abstracts, with keywords and taxonomy fields sampled from the same
// corpus. Document i is a pure function of (seed corpus, i), so a benchmark can regenerate
// any document instead of holding a million of them in memory.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/listing.h"
#include "core/status.h"

namespace kc::scale {

class Generator {
 public:
  // Reads DATA/zh-sci-abstracts/docs.jsonl.
  static Result<Generator> Load(const std::string& data_dir);

  // Listing id i + 1, published; 30% demands, 70% achievements.
  Listing Make(uint64_t i) const;

  // A search query made from document i's title or keywords, never the field verbatim: two or
  // three of its keywords in another order, or a shortened span of its title.
  std::string QueryFor(uint64_t i, uint64_t salt) const;

  size_t seed_documents() const { return seeds_.size(); }
  size_t sentences() const;

 private:
  struct Seed {
    std::vector<std::string> sentences;
    std::vector<std::string> keywords;
    std::string title;
    int discipline = -1;  // index into disciplines_, -1 when the abstract has none
  };
  struct Discipline {
    std::string name;
    std::string category;
    std::vector<uint32_t> seeds;          // seeds of this discipline
    std::vector<std::string> keywords;    // keywords seen in those seeds
  };

  std::vector<Seed> seeds_;
  std::vector<Discipline> disciplines_;
  std::vector<uint32_t> discipline_draw_;  // discipline index per classified seed (by frequency)
  std::vector<std::string> all_keywords_;
};

}  // namespace kc::scale
