#include "search/query.h"

#include <gtest/gtest.h>

#include <cmath>

#include "search/document.h"
#include "search/fixture.h"
#include "search/index.h"
#include "text/analyzer.h"

namespace kc::search {
namespace {

class QueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto index = SearchIndex::Open(dir_.path());
    ASSERT_TRUE(index.ok());
    index_ = std::move(*index);
    for (const Listing& l : testing::SampleListings()) ASSERT_TRUE(index_->Upsert(l).ok());
    ASSERT_TRUE(index_->Commit().ok());
    auto reader = index_->AcquireReader();
    ASSERT_TRUE(reader.ok());
    reader_ = std::move(*reader);
  }
  // Indexes a members-only demand "化工园区" whose `details` follow its public summary;
  // returns a reader that sees it (null on failure).
  SearchIndex::Reader AddMembersOnly(int64_t id, const std::string& details) {
    Listing l = testing::MakeListing(id, ListingKind::kDemand, "化工园区",
                                     std::string(kSummaryChars, 'x') + " " + details);
    l.visibility = Visibility::kMembers;
    if (!index_->Upsert(l).ok() || !index_->Commit().ok()) return nullptr;
    auto reader = index_->AcquireReader();
    return reader.ok() ? std::move(*reader) : nullptr;
  }

  testing::TempDir dir_;
  std::unique_ptr<SearchIndex> index_;
  SearchIndex::Reader reader_;
};

TEST_F(QueryTest, WordsBigramsAndStems) {
  const TextQuery q = BuildTextQuery("神经网络 controllers", *reader_, nullptr, QueryOptions());
  EXPECT_TRUE(q.terms.count("W神经网络"));
  EXPECT_TRUE(q.terms.count("B神经"));
  EXPECT_TRUE(q.terms.count("B网络"));
  EXPECT_TRUE(q.terms.count("Zcontrol"));
  EXPECT_FALSE(q.terms.count("Wcontrollers"));
  EXPECT_TRUE(q.terms.count("U神"));
  // Characters count less than words within a keyword.
  EXPECT_LT(q.terms.at("U神"), q.terms.at("W神经网络"));
  EXPECT_FALSE(q.empty());
}

TEST_F(QueryTest, EachKeywordIsScaledByItsNumberOfTerms) {
  QueryOptions o;
  o.bigram_weight = 1.0;
  o.char_weight = 0;
  const TextQuery q = BuildTextQuery("电池 锂离子电池正极材料", *reader_, nullptr, o);
  // 电池 is one word and one bigram: scale (4/2)^0.5; the long keyword has more terms and a
  // smaller scale, so its bigram 正极 weighs less than 电池's.
  EXPECT_NEAR(q.terms.at("W电池"), std::sqrt(2.0), 1e-9);
  EXPECT_LT(q.terms.at("B正极"), q.terms.at("W电池"));
}

TEST_F(QueryTest, FrequentTermsAreDropped) {
  QueryOptions o;
  o.min_docs_for_share = 1;
  o.max_term_share = 0.5;  // 工学-like terms in more than half of the five listings
  TermWeights terms{{"Kachievement", 1.0}, {"W污泥", 1.0}};
  DropFrequentTerms(*reader_, o, &terms);
  EXPECT_EQ(terms.size(), 1u);
  EXPECT_TRUE(terms.count("W污泥"));
  // If every term is frequent, all are kept.
  TermWeights only_frequent{{"Kachievement", 1.0}};
  DropFrequentTerms(*reader_, o, &only_frequent);
  EXPECT_EQ(only_frequent.size(), 1u);
  // A term no document has (e.g. a translation) does not count as kept: the frequent terms stay.
  TermWeights frequent_and_absent{{"Kachievement", 1.0}, {"Zunheardof", 0.5}};
  DropFrequentTerms(*reader_, o, &frequent_and_absent);
  EXPECT_TRUE(frequent_and_absent.count("Kachievement"));
}

TEST_F(QueryTest, CharacterTermsHaveALowerShareLimit) {
  ASSERT_EQ(reader_->get_termfreq("U检"), 2u);  // 检测 in listings 1 and 4
  ASSERT_EQ(reader_->get_termfreq("W检测"), 2u);
  ASSERT_EQ(reader_->get_termfreq("U污"), 1u);
  QueryOptions o;
  o.min_docs_for_share = 1;
  o.max_term_share = 0.5;
  o.max_char_share = 0.3;  // 2 of 5 documents is too many for a character, not for a word
  o.char_docs_floor = 1;
  TermWeights terms{{"U检", 0.3}, {"W检测", 1.0}, {"U污", 0.3}};
  DropFrequentTerms(*reader_, o, &terms);
  EXPECT_EQ(terms, (TermWeights{{"W检测", 1.0}, {"U污", 0.3}}));
  // A character in no more than char_docs_floor documents is kept whatever its share.
  o.char_docs_floor = 2;
  TermWeights floor{{"U检", 0.3}, {"W检测", 1.0}};
  DropFrequentTerms(*reader_, o, &floor);
  EXPECT_EQ(floor.size(), 2u);
  // The character limit never exceeds the general one.
  o.max_term_share = 0.3;
  o.max_char_share = 0.9;
  TermWeights all{{"U检", 0.3}, {"U污", 0.3}};
  DropFrequentTerms(*reader_, o, &all);
  EXPECT_EQ(all, (TermWeights{{"U污", 0.3}}));
}

TEST_F(QueryTest, BigramTermsHaveTheirOwnShareLimit) {
  ASSERT_EQ(reader_->get_termfreq("B缺陷"), 2u);  // 缺陷检测 in listings 1 and 4
  ASSERT_EQ(reader_->get_termfreq("B污泥"), 1u);
  QueryOptions o;
  o.min_docs_for_share = 1;
  o.max_term_share = 0.5;
  const TermWeights query{{"B缺陷", 1.0}, {"W检测", 1.0}, {"B污泥", 1.0}};
  // By default (search) a bigram obeys the general limit only.
  TermWeights by_default = query;
  DropFrequentTerms(*reader_, o, &by_default);
  EXPECT_EQ(by_default, query);
  // With a lower bigram share, 2 of 5 documents is too many for a bigram, not for a word.
  o.max_bigram_share = 0.3;
  o.bigram_docs_floor = 1;
  TermWeights lower = query;
  DropFrequentTerms(*reader_, o, &lower);
  EXPECT_EQ(lower, (TermWeights{{"W检测", 1.0}, {"B污泥", 1.0}}));
  // A bigram in no more than bigram_docs_floor documents is kept whatever its share: a small
  // index keeps all its bigrams.
  o.bigram_docs_floor = 2;
  TermWeights floor = query;
  DropFrequentTerms(*reader_, o, &floor);
  EXPECT_EQ(floor, query);
  // Given the query's own terms, a bigram only a translation brought is never dropped for
  // its share.
  o.bigram_docs_floor = 1;
  const TermWeights own{{"W检测", 1.0}, {"B污泥", 1.0}};
  TermWeights translated = query;
  DropFrequentTerms(*reader_, o, &translated, nullptr, &own);
  EXPECT_EQ(translated, query);
  const TermWeights own_too{{"B缺陷", 1.0}};
  TermWeights not_translated = query;
  DropFrequentTerms(*reader_, o, &not_translated, nullptr, &own_too);
  EXPECT_EQ(not_translated, lower);
  // Characters keep their own limit.
  o.max_char_share = 1.0;
  TermWeights chars{{"U检", 0.3}, {"B缺陷", 1.0}};
  DropFrequentTerms(*reader_, o, &chars);
  EXPECT_EQ(chars, (TermWeights{{"U检", 0.3}}));
}

TEST_F(QueryTest, CommonCharactersLeaveTheBuiltQuery) {
  QueryOptions o;
  o.min_docs_for_share = 1;
  o.max_term_share = 0.5;
  o.max_char_share = 0.3;
  o.char_docs_floor = 1;
  const TextQuery q = BuildTextQuery("检测 污泥", *reader_, nullptr, o);
  EXPECT_TRUE(q.terms.count("W检测"));
  EXPECT_TRUE(q.terms.count("U污"));
  EXPECT_FALSE(q.terms.count("U检"));
  o.max_char_share = 1.0;
  o.max_term_share = 1.0;
  EXPECT_TRUE(BuildTextQuery("检测 污泥", *reader_, nullptr, o).terms.count("U检"));
}

TEST(HeaviestTest, KeepsTheHeaviestTermsTiesByTerm) {
  const TermWeights t{{"Ba", 0.5}, {"Wb", 2.0}, {"Wc", 0.5}, {"Zd", 1.0}};
  EXPECT_EQ(Heaviest(t, 2), (TermWeights{{"Wb", 2.0}, {"Zd", 1.0}}));
  EXPECT_EQ(Heaviest(t, 3), (TermWeights{{"Ba", 0.5}, {"Wb", 2.0}, {"Zd", 1.0}}));
  EXPECT_EQ(Heaviest(t, 0), t);
  EXPECT_EQ(Heaviest(t, 9), t);
}

TEST_F(QueryTest, TranslatedTermsAreCapped) {
  auto translator = Translator::GlossaryOnly();
  QueryOptions o;
  auto translated = [&](const TextQuery& q) {
    size_t n = 0;
    for (const auto& [term, w] : q.terms) n += term[0] != 'Z';
    return n;
  };
  // 污泥 as a word, a bigram and two characters.
  o.max_translated_terms = 0;  // no limit
  EXPECT_EQ(translated(BuildTextQuery("sludge", *reader_, translator.get(), o)), 4u);
  o.max_translated_terms = 4;
  EXPECT_EQ(translated(BuildTextQuery("sludge", *reader_, translator.get(), o)), 4u);
  o.max_translated_terms = 1;
  const TextQuery q = BuildTextQuery("sludge", *reader_, translator.get(), o);
  EXPECT_EQ(translated(q), 1u);
  EXPECT_TRUE(q.terms.count("Zsludg"));
  EXPECT_EQ(q.translations.size(), 1u);  // still reported, for highlighting
}

TEST_F(QueryTest, PunctuationAndEmojiGiveNoTerms) {
  EXPECT_TRUE(BuildTextQuery("，。！？…😀🚀", *reader_, nullptr, QueryOptions()).empty());
  EXPECT_TRUE(BuildTextQuery("", *reader_, nullptr, QueryOptions()).empty());
  EXPECT_TRUE(BuildTextQuery("的 了 the of", *reader_, nullptr, QueryOptions()).empty());
}

TEST_F(QueryTest, TranslationsAreAddedWithLowerWeight) {
  auto translator = Translator::GlossaryOnly();
  QueryOptions o;  // not as a foreign query (the next tests)
  o.foreign_own_weight = 1;
  o.foreign_untranslated_weight = 1;
  const TextQuery q = BuildTextQuery("sludge", *reader_, translator.get(), o);
  ASSERT_TRUE(q.terms.count("W污泥"));
  EXPECT_LT(q.terms.at("W污泥"), q.terms.at("Zsludg"));
  ASSERT_EQ(q.translations.size(), 1u);
  EXPECT_EQ(q.translations[0].targets.front(), "污泥");
}

// An English query over Chinese listings: its words are in no document here, so it is foreign
// to the index and its own words weigh foreign_own_weight, or foreign_untranslated_weight
// when the dictionary has no translation for them (its translations carry it); its
// number is the same in every language and keeps its weight. An English query whose words the
// index has (the English achievement) is left as it is.
TEST_F(QueryTest, AForeignQuerysOwnWordsWeighLessButNotItsNumbers) {
  auto translator = Translator::GlossaryOnly();
  translator->AddPair("flight", "飞行");
  QueryOptions as_written;
  as_written.foreign_own_weight = 1;
  as_written.foreign_untranslated_weight = 1;
  const QueryOptions foreign;  // the defaults
  ASSERT_LT(foreign.foreign_own_weight, 1);

  const std::string sludge = "sludge dewatering 2023";
  const TextQuery before = BuildTextQuery(sludge, *reader_, translator.get(), as_written);
  const TextQuery after = BuildTextQuery(sludge, *reader_, translator.get(), foreign);
  ASSERT_TRUE(before.terms.count("Zsludg") && after.terms.count("Zsludg"));
  EXPECT_NEAR(after.terms.at("Zsludg"), before.terms.at("Zsludg") * foreign.foreign_own_weight,
              1e-12);
  // dewatering has no translation here
  EXPECT_NEAR(after.terms.at("Zdewat"),
              before.terms.at("Zdewat") * foreign.foreign_untranslated_weight, 1e-12);
  EXPECT_DOUBLE_EQ(after.terms.at("W2023"), before.terms.at("W2023"));
  EXPECT_DOUBLE_EQ(after.terms.at("W污泥"), before.terms.at("W污泥"));  // a translation
  EXPECT_LT(after.reference.own, before.reference.own);                 // the reference follows
  EXPECT_DOUBLE_EQ(after.reference.translated, before.reference.translated);

  const std::string flight = "adaptive flight controller";
  const TextQuery native = BuildTextQuery(flight, *reader_, translator.get(), foreign);
  EXPECT_EQ(native.terms, BuildTextQuery(flight, *reader_, translator.get(), as_written).terms);
  EXPECT_TRUE(native.terms.count("W飞行"));  // it has a translation, yet is not foreign
}

// A foreign query's word without a translation (a name: Sludgex) keeps
// foreign_untranslated_weight; a translated one (sludge → 污泥) weighs foreign_own_weight.
TEST_F(QueryTest, AForeignQuerysUntranslatedWordsKeepTheirOwnWeight) {
  auto translator = Translator::GlossaryOnly();
  ASSERT_TRUE(index_
                  ->Upsert(testing::MakeListing(90, ListingKind::kAchievement, "脱水设备",
                                                "Sludgex 脱水 污泥 设备 sludge"))
                  .ok());
  ASSERT_TRUE(index_->Commit().ok());
  auto reader = index_->AcquireReader();
  ASSERT_TRUE(reader.ok());
  QueryOptions as_written;
  as_written.foreign_own_weight = 1;
  as_written.foreign_untranslated_weight = 1;
  QueryOptions foreign;
  foreign.foreign_own_weight = 0.05;
  foreign.foreign_untranslated_weight = 0.5;
  // Six words in no document and two that some document has: foreign.
  const std::string q = "sludge Sludgex treatment plant operated efficiently everywhere today";
  const TextQuery before = BuildTextQuery(q, **reader, translator.get(), as_written);
  const TextQuery after = BuildTextQuery(q, **reader, translator.get(), foreign);
  ASSERT_TRUE(before.terms.count("Zsludg") && before.terms.count("Zsludgex"));
  EXPECT_NEAR(after.terms.at("Zsludg"), before.terms.at("Zsludg") * 0.05, 1e-12);
  EXPECT_NEAR(after.terms.at("Zsludgex"), before.terms.at("Zsludgex") * 0.5, 1e-12);
}

// Chinese text often writes a Latin name without its space (WPSOffice): "WPS Office" in a
// query also makes the joined term, but not across punctuation ("WPS, Office").
TEST_F(QueryTest, AdjacentLatinWordsAlsoMakeTheirJoinedTerm) {
  ASSERT_TRUE(index_
                  ->Upsert(testing::MakeListing(91, ListingKind::kAchievement, "办公软件",
                                                "WPSOffice办公软件的研发"))
                  .ok());
  ASSERT_TRUE(index_->Commit().ok());
  auto reader = index_->AcquireReader();
  ASSERT_TRUE(reader.ok());
  const std::string joined = "Z" + text::StemEnglish("wpsoffice");
  QueryOptions o;
  EXPECT_TRUE(BuildTextQuery("WPS Office 软件", **reader, nullptr, o).terms.count(joined));
  EXPECT_FALSE(BuildTextQuery("WPS, Office 软件", **reader, nullptr, o).terms.count(joined));
  o.joined_latin_weight = 0;
  EXPECT_FALSE(BuildTextQuery("WPS Office 软件", **reader, nullptr, o).terms.count(joined));
}

TEST(FilterQueryTest, FiltersAreBooleanTerms) {
  EXPECT_FALSE(FilterQuery(Filters{}).has_value());
  const auto f = FilterQuery(Filters{ListingKind::kDemand, "工学", "", "44"});
  ASSERT_TRUE(f.has_value());
  const std::string d = f->get_description();
  EXPECT_NE(d.find("Kdemand"), std::string::npos);
  EXPECT_NE(d.find("XC工学"), std::string::npos);
  EXPECT_NE(d.find("XR440000"), std::string::npos);
}

// A long query retrieves with its heaviest own terms (weight × idf) and every translation; the
// others stay in the query for everything but the OR.
TEST(TextQueryTest, TheOrHoldsTheHeaviestOwnTermsAndEveryTranslation) {
  TextQuery q;
  q.terms = {{"W甲", 1.0}, {"W乙", 1.0}, {"W丙", 2.0}, {"W丁", 0.5}, {"Zbattery", 0.4}};
  q.own = {{"W甲", 1.0}, {"W乙", 1.0}, {"W丙", 2.0}, {"W丁", 0.5}};
  q.idf = {{"W甲", 3.0}, {"W乙", 1.0}, {"W丙", 1.0}, {"W丁", 5.0}, {"Zbattery", 0.1}};
  // weight × idf: 甲 3, 乙 1, 丙 2, 丁 2.5 — the two heaviest are 甲 and 丁.
  q.max_terms = 2;
  const std::string limited = q.ToXapian().get_description();
  for (const char* kept : {"W甲", "W丁", "Zbattery"}) {
    EXPECT_NE(limited.find(kept), std::string::npos) << kept << " in " << limited;
  }
  for (const char* cut : {"W乙", "W丙"}) {
    EXPECT_EQ(limited.find(cut), std::string::npos) << cut << " in " << limited;
  }
  // The terms themselves are left whole, and without a limit the OR holds them all.
  EXPECT_EQ(q.terms.size(), 5u);
  q.max_terms = 0;
  const std::string all = q.ToXapian().get_description();
  for (const char* term : {"W甲", "W乙", "W丙", "W丁", "Zbattery"}) {
    EXPECT_NE(all.find(term), std::string::npos) << term;
  }
}

TEST_F(QueryTest, TheQueryTakesItsTermLimitFromTheOptions) {
  QueryOptions o;
  o.max_terms = 3;
  const TextQuery q = BuildTextQuery("锂离子电池正极材料 神经网络", *reader_, nullptr, o);
  EXPECT_EQ(q.max_terms, 3u);
  EXPECT_GT(q.terms.size(), 3u);
  EXPECT_EQ(QueryOptions().max_terms, 48u);
}

// Term frequencies are remembered per index revision: a commit's new frequencies are seen at once.
TEST_F(QueryTest, ANewRevisionsFrequenciesAreSeenAtOnce) {
  QueryOptions o;
  o.min_docs_for_share = 1000;  // drop nothing for its share
  auto idf_of = [&](const Xapian::Database& db) {
    TermWeights terms = {{"W钙钛矿", 1.0}, {"W化工", 1.0}};
    std::map<std::string, double> idf;
    DropFrequentTerms(db, o, &terms, &idf);
    return idf.count("W钙钛矿") ? idf.at("W钙钛矿") : -1.0;
  };
  const double before = idf_of(*reader_);
  EXPECT_EQ(idf_of(*reader_), before);  // the remembered frequency, the same
  ASSERT_TRUE(
      index_->Upsert(testing::MakeListing(41, ListingKind::kDemand, "钙钛矿", "钙钛矿")).ok());
  ASSERT_TRUE(index_->Commit().ok());
  auto fresh = index_->AcquireReader();
  ASSERT_TRUE(fresh.ok());
  const double after = idf_of(**fresh);
  EXPECT_GT(after, 0);
  // One more document has the term: a lower idf, or the term newly found at all.
  EXPECT_TRUE(before < 0 || after < before) << before << " → " << after;
}

TEST_F(QueryTest, MembersTextIsASynonymOnlyForMembers) {
  SearchIndex::Reader reader = AddMembersOnly(40, "钙钛矿催化剂配方");
  ASSERT_TRUE(reader);

  QueryOptions visitor;
  visitor.min_docs_for_share = 1000;  // keep every term: six documents
  const TextQuery v = BuildTextQuery("钙钛矿 化工", *reader, nullptr, visitor);
  EXPECT_TRUE(v.in_members_text.empty());
  EXPECT_EQ(v.ToXapian().get_description().find("MW钙钛矿"), std::string::npos);

  QueryOptions member = visitor;
  member.members_text = true;
  const TextQuery m = BuildTextQuery("钙钛矿 化工", *reader, nullptr, member);
  EXPECT_TRUE(m.in_members_text.count("W钙钛矿"));
  EXPECT_FALSE(m.in_members_text.count("W化工"));  // public text only
  const std::string described = m.ToXapian().get_description();
  EXPECT_NE(described.find("SYNONYM"), std::string::npos) << described;
  EXPECT_NE(described.find("MW钙钛矿"), std::string::npos) << described;

  EXPECT_EQ(PublicFormOf("MW钙钛矿"), "W钙钛矿");
  EXPECT_EQ(PublicFormOf("W钙钛矿"), "W钙钛矿");
}

TEST_F(QueryTest, AMembersOnlyTermIsKeptForMembersAndDroppedForVisitors) {
  SearchIndex::Reader reader = AddMembersOnly(41, "钙钛矿");
  ASSERT_TRUE(reader);
  QueryOptions o;
  o.min_docs_for_share = 1;
  // "W钙钛矿" is in no public text: a visitor's query has no use for it, a member's has.
  TermWeights visitor{{"W钙钛矿", 1.0}, {"W化工", 1.0}};
  DropFrequentTerms(*reader, o, &visitor);
  EXPECT_FALSE(visitor.count("W钙钛矿"));
  o.members_text = true;
  TermWeights member{{"W钙钛矿", 1.0}, {"W化工", 1.0}};
  DropFrequentTerms(*reader, o, &member);
  EXPECT_TRUE(member.count("W钙钛矿"));
}

}  // namespace
}  // namespace kc::search
