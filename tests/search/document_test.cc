#include "search/document.h"

#include <gtest/gtest.h>

#include <set>

#include "search/fixture.h"
#include "search/schema.h"

namespace kc::search {
namespace {

std::set<std::string> TermsOf(const Xapian::Document& doc) {
  std::set<std::string> terms;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) terms.insert(*it);
  return terms;
}

Xapian::termcount Wdf(const Xapian::Document& doc, const std::string& term) {
  auto it = doc.termlist_begin();
  it.skip_to(term);
  return it != doc.termlist_end() && *it == term ? it.get_wdf() : 0;
}

TEST(DocumentTest, StoredFieldsRoundTrip) {
  Listing l = testing::SampleListings()[0];
  l.maturity = 6;
  l.inventors = {"张伟", "李娜"};
  l.visibility = Visibility::kMembers;
  const StoredListing s = StoredFieldsOf(l);
  EXPECT_TRUE(s.members_only);
  Result<StoredListing> back = DecodeStored(EncodeStored(s));
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(*back, s);
  EXPECT_FALSE(DecodeStored("not json").ok());
  EXPECT_FALSE(DecodeStored("{}").ok());
}

TEST(DocumentTest, ExcerptIsCutAtCodePoints) {
  std::string body;
  for (int i = 0; i < 400; ++i) body += "检";
  Listing l = testing::MakeListing(9, ListingKind::kDemand, "标题", body);
  EXPECT_EQ(StoredFieldsOf(l).excerpt.size(), kExcerptChars * 3);
}

TEST(DocumentTest, TermsFieldsAndWeights) {
  Listing l = testing::SampleListings()[0];
  Result<Xapian::Document> doc = BuildDocument(l);
  ASSERT_TRUE(doc.ok());
  const std::set<std::string> terms = TermsOf(*doc);
  for (const char* t : {"Kachievement", "XC工学", "XD计算机科学与技术", "XR440305", "XR440300",
                        "XR440000", "W神经网络", "B神经", "W缺陷", "B缺陷"}) {
    EXPECT_TRUE(terms.count(t)) << t;
  }
  // 工业 occurs in the title only, 准确率 in the body only, 卷积 in both.
  EXPECT_EQ(Wdf(*doc, "W工业"), kTitleWdf);
  EXPECT_EQ(Wdf(*doc, "W准确率"), kBodyWdf);
  EXPECT_EQ(Wdf(*doc, "W卷积"), kTitleWdf + kBodyWdf);
  EXPECT_EQ(doc->get_value(kProvinceSlot), "440000");
  EXPECT_EQ(doc->get_value(kKindSlot), "achievement");
}

TEST(DocumentTest, EnglishStemsAndExpertNames) {
  Listing expert = testing::MakeListing(11, ListingKind::kExpert, "王 强", "长期从事控制理论研究",
                                        {"flight controllers"});
  expert.disciplines = {"控制科学与工程"};
  Result<Xapian::Document> doc = BuildDocument(expert);
  ASSERT_TRUE(doc.ok());
  const std::set<std::string> terms = TermsOf(*doc);
  EXPECT_TRUE(terms.count("Zcontrol"));
  EXPECT_TRUE(terms.count("Wcontrollers"));
  EXPECT_TRUE(terms.count("XN王强"));
  EXPECT_TRUE(terms.count("XD控制科学与工程"));
  EXPECT_FALSE(terms.count("W王"));  // a name is not subject matter
}

// docs/talent.md: a talent is found by what they work on, never by their name or employer.
TEST(DocumentTest, ATalentsNameAndAffiliationAreNeverIndexed) {
  Listing talent = testing::MakeListing(13, ListingKind::kTalent, "固态电池电解质研究员",
                                        "长期从事硫化物固态电解质研究", {"固态电池"});
  talent.person_name = "欧阳明远";
  talent.affiliation = "慕尼黑工业大学";
  talent.rank = "研究员";
  talent.disciplines = {"材料科学与工程"};
  Result<Xapian::Document> doc = BuildDocument(talent);
  ASSERT_TRUE(doc.ok());
  const std::set<std::string> terms = TermsOf(*doc);
  EXPECT_TRUE(terms.count("Ktalent"));
  EXPECT_TRUE(terms.count("W电解质"));
  EXPECT_TRUE(terms.count("XD材料科学与工程"));
  for (const std::string& t : terms) {
    for (const char* secret : {"欧阳", "明远", "慕尼黑", "工业大学"}) {
      EXPECT_EQ(t.find(secret), std::string::npos) << t;
    }
  }
  EXPECT_EQ(doc->get_data().find("欧阳"), std::string::npos);
  EXPECT_EQ(doc->get_data().find("慕尼黑"), std::string::npos);
}

TEST(DocumentTest, IdOutsideXapianRangeIsInvalid) {
  Listing l = testing::SampleListings()[0];
  l.id = int64_t{1} << 33;
  EXPECT_FALSE(BuildDocument(l).ok());
  l.id = 0;
  EXPECT_EQ(BuildDocument(l).status().kind(), ErrorKind::kInvalid);
}

TEST(DocumentTest, MembersOnlyDetailsAreIndexedUnderTheMembersPrefix) {
  // The summary (the first kSummaryChars code points) is public; the rest only members read.
  std::string body(kSummaryChars - 6, 'x');
  body += " 粉体输送 保密细节：钙钛矿催化剂配方";
  Listing l = testing::MakeListing(12, ListingKind::kAchievement, "化工废料处理", body);
  l.inventors = {"张伟"};
  l.visibility = Visibility::kMembers;
  Result<Xapian::Document> doc = BuildDocument(l);
  ASSERT_TRUE(doc.ok());
  const std::set<std::string> terms = TermsOf(*doc);
  EXPECT_TRUE(terms.count("W化工"));  // the title, public
  EXPECT_TRUE(terms.count("W粉体"));  // inside the summary, public
  EXPECT_FALSE(terms.count("W钙钛矿"));
  EXPECT_FALSE(terms.count("B钙钛"));
  EXPECT_FALSE(terms.count("U钛"));
  EXPECT_TRUE(terms.count("MW钙钛矿"));
  EXPECT_TRUE(terms.count("MB钙钛"));
  EXPECT_TRUE(terms.count("MU钛"));
  EXPECT_FALSE(terms.count("XI张伟"));
  EXPECT_TRUE(terms.count("MXI张伟"));

  // The same listing made public has every term under its usual prefix.
  l.visibility = Visibility::kPublic;
  const std::set<std::string> public_terms = TermsOf(*BuildDocument(l));
  EXPECT_TRUE(public_terms.count("W钙钛矿"));
  EXPECT_TRUE(public_terms.count("XI张伟"));
  for (const std::string& t : public_terms) EXPECT_NE(t[0], 'M') << t;
}

}  // namespace
}  // namespace kc::search
