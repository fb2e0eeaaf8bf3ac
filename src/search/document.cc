#include "search/document.h"

#include <nlohmann/json.hpp>

#include "search/schema.h"
#include "text/utf8.h"

namespace kc::search {
namespace {

using nlohmann::json;

std::string Utf8Prefix(std::string_view s, size_t max_chars) {
  size_t pos = 0;
  for (size_t n = 0; n < max_chars && pos < s.size(); ++n) text::DecodeUtf8(s, &pos);
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

void AddText(const text::Terms& terms, Xapian::termcount wdf, Xapian::Document* doc) {
  for (const std::string& w : terms.words) {
    if (w.size() <= kMaxTermBytes) doc->add_term(Term(kWordPrefix, w), wdf);
  }
  for (const std::string& b : terms.bigrams) doc->add_term(Term(kBigramPrefix, b), wdf);
  for (const std::string& s : terms.english_stems) {
    if (s.size() <= kMaxTermBytes) doc->add_term(Term(kStemPrefix, s), wdf);
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

std::string EncodeStored(const StoredListing& s) {
  json j = {{"id", s.id},
            {"kind", KindName(s.kind)},
            {"org_id", s.org_id},
            {"ref", s.ref},
            {"title", s.title},
            {"excerpt", s.excerpt},
            {"members_only", s.members_only},
            {"keywords", s.keywords},
            {"category", s.category},
            {"discipline", s.discipline},
            {"disciplines", s.disciplines},
            {"region", s.region},
            {"inventors", s.inventors},
            {"published_at", s.published_at},
            {"updated_at", s.updated_at}};
  if (s.maturity) j["maturity"] = *s.maturity;
  // Replace, not throw, on invalid UTF-8: the data of a listing must never block indexing.
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<StoredListing> DecodeStored(const std::string& data) {
  try {
    const json j = json::parse(data);
    StoredListing s;
    s.id = j.at("id").get<int64_t>();
    const auto kind = KindFromName(j.at("kind").get<std::string>());
    if (!kind) return Internal("search index: unknown kind in document data");
    s.kind = *kind;
    s.org_id = j.at("org_id").get<int64_t>();
    s.ref = j.at("ref").get<std::string>();
    s.title = j.at("title").get<std::string>();
    s.excerpt = j.at("excerpt").get<std::string>();
    s.members_only = j.at("members_only").get<bool>();
    s.keywords = j.at("keywords").get<std::vector<std::string>>();
    s.category = j.at("category").get<std::string>();
    s.discipline = j.at("discipline").get<std::string>();
    s.disciplines = j.at("disciplines").get<std::vector<std::string>>();
    s.region = j.at("region").get<std::string>();
    s.inventors = j.at("inventors").get<std::vector<std::string>>();
    s.published_at = j.at("published_at").get<int64_t>();
    s.updated_at = j.at("updated_at").get<int64_t>();
    if (j.contains("maturity")) s.maturity = j.at("maturity").get<int>();
    return s;
  } catch (const json::exception& e) {
    return Internal(std::string("search index: bad document data: ") + e.what());
  }
}

ListingTerms AnalyzeListing(const Listing& l) {
  ListingTerms t;
  t.title = text::Analyze(l.title);
  std::string keywords = Join(l.keywords, "，");
  if (l.kind == ListingKind::kExpert) {
    if (!keywords.empty() && !l.disciplines.empty()) keywords.append("，");
    keywords.append(Join(l.disciplines, "，"));
  }
  t.keywords = text::Analyze(keywords);
  if (l.kind == ListingKind::kExpert) {
    t.body = text::Analyze(l.rank + "，" + l.affiliation + "，" + l.body);
  } else {
    t.body = text::Analyze(l.body);
  }
  return t;
}

Result<Xapian::Document> BuildDocument(const Listing& l) {
  if (l.id <= 0 || l.id > static_cast<int64_t>(UINT32_MAX)) {
    return Invalid("id", "bad_listing_id", "listing id out of the search index's range");
  }
  const ListingTerms terms = AnalyzeListing(l);
  Xapian::Document doc;
  // An expert's name is not subject matter: it is matched by XN, not as text.
  if (l.kind != ListingKind::kExpert) AddText(terms.title, kTitleWdf, &doc);
  AddText(terms.keywords, kKeywordWdf, &doc);
  AddText(terms.body, kBodyWdf, &doc);

  AddBoolean(kKindPrefix, KindName(l.kind), &doc);
  AddBoolean(kCategoryPrefix, l.category, &doc);
  AddBoolean(kDisciplinePrefix, l.discipline, &doc);
  for (const std::string& d : l.disciplines) AddBoolean(kDisciplinePrefix, d, &doc);
  for (const std::string& code : RegionLevels(l.region)) AddBoolean(kRegionPrefix, code, &doc);
  if (l.kind == ListingKind::kExpert) AddBoolean(kExpertNamePrefix, PersonKey(l.title), &doc);
  for (const std::string& inventor : l.inventors) {
    AddBoolean(kInventorPrefix, PersonKey(inventor), &doc);
  }

  doc.add_value(kKindSlot, std::string(KindName(l.kind)));
  if (!l.category.empty()) doc.add_value(kCategorySlot, l.category);
  const std::string& discipline =
      !l.discipline.empty() || l.disciplines.empty() ? l.discipline : l.disciplines.front();
  if (!discipline.empty()) doc.add_value(kDisciplineSlot, discipline);
  const std::string province = ProvinceOf(l.region);
  if (!province.empty()) doc.add_value(kProvinceSlot, province);
  doc.add_value(kPublishedSlot, Xapian::sortable_serialise(static_cast<double>(l.published_at)));
  if (l.maturity) doc.add_value(kMaturitySlot, std::to_string(*l.maturity));

  doc.set_data(EncodeStored(StoredFieldsOf(l)));
  return doc;
}

}  // namespace kc::search
