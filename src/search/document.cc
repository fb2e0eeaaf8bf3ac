#include "search/document.h"

#include <charconv>
#include <cstdlib>

#include "core/utf8.h"
#include "search/aliases.h"
#include "search/facets.h"
#include "search/schema.h"
#include "text/normalize.h"

namespace kc::search {
namespace {

std::string Utf8Prefix(std::string_view s, size_t max_chars) {
  size_t pos = 0;
  for (size_t n = 0; n < max_chars && pos < s.size(); ++n) DecodeUtf8(s, &pos);
  return std::string(s.substr(0, pos));
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out.append(sep);
    out.append(p);
  }
  return out;
}

// Adds the text's terms; `outer` goes before each (kMembersPrefix for members-only text).
void AddText(const text::Terms& terms, Xapian::termcount wdf, Xapian::Document* doc,
             std::string_view outer = "") {
  auto add = [&](std::string_view prefix, std::string_view value) {
    std::string term(outer);
    term.append(prefix).append(value);
    doc->add_term(term, wdf);
  };
  for (const std::string& w : terms.words) {
    if (w.size() <= kMaxTermBytes) add(kWordPrefix, w);
    for (std::string_view c : CjkChars(w)) add(kCharPrefix, c);
  }
  for (const std::string& b : terms.bigrams) add(kBigramPrefix, b);
  for (const std::string& s : terms.english_stems) {
    if (s.size() <= kMaxTermBytes) add(kStemPrefix, s);
  }
}

void AddBoolean(std::string_view prefix, std::string_view value, Xapian::Document* doc) {
  if (value.empty() || value.size() > kMaxTermBytes) return;
  doc->add_boolean_term(Term(prefix, value));
}

}  // namespace

StoredListing StoredFieldsOf(const Listing& l) {
  StoredListing s;
  s.id = l.id;
  s.kind = l.kind;
  s.org_id = l.org_id;
  s.ref = l.ref;
  s.title = l.title;
  s.excerpt = Utf8Prefix(l.body, kExcerptChars);
  s.members_only = l.visibility == Visibility::kMembers;
  s.keywords = l.keywords;
  s.category = l.category;
  s.discipline = l.discipline;
  s.disciplines = l.disciplines;
  s.region = l.region;
  s.maturity = l.maturity;
  s.inventors = l.inventors;
  s.published_at = l.published_at;
  s.updated_at = l.updated_at;
  return s;
}

// Document data: "kcdoc1" then each field as a netstring ("<length>:<bytes>"), lists as a
// count netstring followed by the items. Read for every hit, so it must be cheap to decode
// (JSON parsing cost a fifth of a search's time).
namespace {

constexpr std::string_view kDataMagic = "kcdoc1";

void Put(std::string_view field, std::string* out) {
  out->append(std::to_string(field.size())).push_back(':');
  out->append(field);
}
void PutList(const std::vector<std::string>& items, std::string* out) {
  Put(std::to_string(items.size()), out);
  for (const std::string& item : items) Put(item, out);
}

class Reader {
 public:
  explicit Reader(std::string_view data) : rest_(data) {}
  bool Get(std::string* out) {
    size_t len = 0;
    const auto [end, ec] = std::from_chars(rest_.data(), rest_.data() + rest_.size(), len);
    if (ec != std::errc() || end == rest_.data() + rest_.size() || *end != ':') return false;
    const size_t start = static_cast<size_t>(end - rest_.data()) + 1;
    if (rest_.size() - start < len) return false;
    out->assign(rest_.substr(start, len));
    rest_.remove_prefix(start + len);
    return true;
  }
  bool GetInt(int64_t* out) {
    std::string s;
    if (!Get(&s)) return false;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
    return ec == std::errc() && end == s.data() + s.size();
  }
  bool GetList(std::vector<std::string>* out) {
    int64_t n = 0;
    if (!GetInt(&n) || n < 0 || n > 100000) return false;
    out->resize(static_cast<size_t>(n));
    for (std::string& item : *out) {
      if (!Get(&item)) return false;
    }
    return true;
  }
  bool done() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

}  // namespace

std::string EncodeStored(const StoredListing& s) {
  std::string out(kDataMagic);
  Put(std::to_string(s.id), &out);
  Put(KindName(s.kind), &out);
  Put(std::to_string(s.org_id), &out);
  Put(s.ref, &out);
  Put(s.title, &out);
  Put(s.excerpt, &out);
  Put(s.members_only ? "1" : "0", &out);
  PutList(s.keywords, &out);
  Put(s.category, &out);
  Put(s.discipline, &out);
  PutList(s.disciplines, &out);
  Put(s.region, &out);
  Put(s.maturity ? std::to_string(*s.maturity) : "", &out);
  PutList(s.inventors, &out);
  Put(std::to_string(s.published_at), &out);
  Put(std::to_string(s.updated_at), &out);
  return out;
}

Result<StoredListing> DecodeStored(const std::string& data) {
  const Status bad = Internal("search index: bad document data");
  if (data.compare(0, kDataMagic.size(), kDataMagic) != 0) return bad;
  Reader r(std::string_view(data).substr(kDataMagic.size()));
  StoredListing s;
  std::string kind, members_only, maturity;
  int64_t published_at = 0, updated_at = 0;
  if (!r.GetInt(&s.id) || !r.Get(&kind) || !r.GetInt(&s.org_id) || !r.Get(&s.ref) ||
      !r.Get(&s.title) || !r.Get(&s.excerpt) || !r.Get(&members_only) || !r.GetList(&s.keywords) ||
      !r.Get(&s.category) || !r.Get(&s.discipline) || !r.GetList(&s.disciplines) ||
      !r.Get(&s.region) || !r.Get(&maturity) || !r.GetList(&s.inventors) ||
      !r.GetInt(&published_at) || !r.GetInt(&updated_at) || !r.done()) {
    return bad;
  }
  const auto k = KindFromName(kind);
  if (!k) return bad;
  s.kind = *k;
  s.members_only = members_only == "1";
  if (!maturity.empty()) s.maturity = std::atoi(maturity.c_str());
  s.published_at = published_at;
  s.updated_at = updated_at;
  return s;
}

ListingTerms AnalyzeListing(const Listing& l) {
  ListingTerms t;
  t.title = text::Analyze(l.title);
  std::string keywords = Join(l.keywords, "，");
  if (l.kind == ListingKind::kExpert || l.kind == ListingKind::kTalent) {
    if (!keywords.empty() && !l.disciplines.empty()) keywords.append("，");
    keywords.append(Join(l.disciplines, "，"));
  }
  t.keywords = text::Analyze(keywords);
  if (l.kind == ListingKind::kExpert) {
    t.body = text::Analyze(l.rank + "，" + l.affiliation + "，" + l.body);
  } else if (l.kind == ListingKind::kTalent) {
    // A talent's name and affiliation are for members only (docs/talent.md): never indexed, so
    // no search finds a profile by them.
    t.body = text::Analyze(l.rank + "，" + l.body);
  } else {
    t.body = text::Analyze(l.body);
  }
  return t;
}

Result<Xapian::Document> BuildDocument(const Listing& l) {
  if (l.id <= 0 || l.id > static_cast<int64_t>(UINT32_MAX)) {
    return Invalid("id", "bad_listing_id", "listing id out of the search index's range");
  }
  // What everyone may read is indexed as usual; what only members may read of a
  // members-only listing (its body past the summary, its inventors) under kMembersPrefix.
  Listing visible = l;
  std::string hidden_body;
  if (l.visibility == Visibility::kMembers) {
    visible.body = Utf8Prefix(l.body, kSummaryChars);
    hidden_body = l.body.substr(visible.body.size());
  }
  const ListingTerms terms = AnalyzeListing(visible);
  Xapian::Document doc;
  // An expert's name is not subject matter: it is matched by XN, not as text.
  if (l.kind != ListingKind::kExpert) AddText(terms.title, kTitleWdf, &doc);
  AddText(terms.keywords, kKeywordWdf, &doc);
  AddText(terms.body, kBodyWdf, &doc);
  if (!hidden_body.empty()) AddText(text::Analyze(hidden_body), kBodyWdf, &doc, kMembersPrefix);

  AddBoolean(kKindPrefix, KindName(l.kind), &doc);
  AddBoolean(kCategoryPrefix, l.category, &doc);
  AddBoolean(kDisciplinePrefix, l.discipline, &doc);
  for (const std::string& d : l.disciplines) AddBoolean(kDisciplinePrefix, d, &doc);
  for (const std::string& code : RegionLevels(l.region)) AddBoolean(kRegionPrefix, code, &doc);
  if (l.kind == ListingKind::kExpert) AddBoolean(kExpertNamePrefix, PersonKey(l.title), &doc);
  const std::string inventor_prefix = l.visibility == Visibility::kMembers
                                          ? MembersTerm(kInventorPrefix)
                                          : std::string(kInventorPrefix);
  for (const std::string& inventor : l.inventors) {
    AddBoolean(inventor_prefix, PersonKey(inventor), &doc);
  }
  for (const auto& [a, b] : FindAliases(text::Normalize(l.title + "。" + visible.body))) {
    const std::string term = AliasTerm(a, b);
    if (term.size() <= kMaxTermBytes) doc.add_boolean_term(term);
  }

  doc.add_value(kKindSlot, std::string(KindName(l.kind)));
  if (!l.category.empty()) doc.add_value(kCategorySlot, l.category);
  const std::string& discipline =
      !l.discipline.empty() || l.disciplines.empty() ? l.discipline : l.disciplines.front();
  if (!discipline.empty()) doc.add_value(kDisciplineSlot, discipline);
  const std::string province = ProvinceOf(l.region);
  if (!province.empty()) doc.add_value(kProvinceSlot, province);
  doc.add_value(kFacetsSlot, FacetsValue(KindName(l.kind), l.category, discipline, province));
  doc.add_value(kPublishedSlot, Xapian::sortable_serialise(static_cast<double>(l.published_at)));
  if (l.maturity) doc.add_value(kMaturitySlot, std::to_string(*l.maturity));

  doc.set_data(EncodeStored(StoredFieldsOf(l)));
  return doc;
}

}  // namespace kc::search
