#include "search/percolate.h"

#include <xapian.h>

#include "search/query.h"

namespace kc::search {

namespace {
// Accepts one document only.
class OnlyDocument : public Xapian::MatchDecider {
 public:
  explicit OnlyDocument(Xapian::docid id) : id_(id) {}
  bool operator()(const Xapian::Document& doc) const override { return doc.get_docid() == id_; }

 private:
  Xapian::docid id_;
};
}  // namespace

Result<bool> ListingMatches(const SearchIndex& index, const Translator* translator,
                            const SearchRequest& request, int64_t id, double min_share) {
  if (id <= 0 || id > 0xFFFFFFFFLL) return false;
  try {
    auto reader = index.AcquireReader();
    if (!reader.ok()) return reader.status();
    Xapian::Database& db = **reader;
    QueryOptions options;
    options.members_text = request.member;
    const TextQuery text = BuildTextQuery(request.q, db, translator, options);
    if (text.empty()) return false;
    Filters filters{request.kind, request.category, request.discipline, request.region};
    Xapian::Enquire enquire(db);
    enquire.set_query(ApplyFilters(text.ToXapian(), filters));
    OnlyDocument only(static_cast<Xapian::docid>(id));
    Xapian::MSet mset = enquire.get_mset(0, 1, nullptr, &only);
    if (mset.empty()) return false;
    double total = 0, found = 0;
    for (const auto& [term, weight] : text.terms) total += weight;
    for (auto t = enquire.get_matching_terms_begin(static_cast<Xapian::docid>(id));
         t != enquire.get_matching_terms_end(static_cast<Xapian::docid>(id)); ++t) {
      // A synonym's members-only form counts as its term.
      auto it = text.terms.find(std::string(PublicFormOf(*t)));
      if (it != text.terms.end()) found += it->second;
    }
    return total > 0 && found / total >= min_share;
  } catch (const Xapian::Error& e) {
    return Internal(std::string("percolate: ") + e.get_type() + ": " + e.get_msg());
  }
}

}  // namespace kc::search
