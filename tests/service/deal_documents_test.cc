#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "service/deals.h"
#include "service/fixture.h"

namespace kc {
namespace {

using ::testing::ElementsAre;

class DealDocumentsTest : public testing::ServiceTest {
 protected:
  void SetUp() override {
    MakeWorld();
    org_c_ = AddOrg("丙公司");
    c_member_ = AddUser("c-member", Role::kMember, org_c_.id);
    ASSERT_TRUE(store()
                    .Write([&](StoreTx& tx) -> Status {
                      deal_.title = "合作";
                      deal_.buyer_org_id = org_a_.id;
                      deal_.seller_org_id = org_b_.id;
                      deal_.opened_by = a_member_.id;
                      auto id = tx.deals().InsertDeal(deal_);
                      if (!id.ok()) return id.status();
                      deal_.id = *id;
                      return Status::Ok();
                    })
                    .ok());
  }

  std::string Dir() const { return dir_.File("attachments"); }

  Deals deals_{store(), clock_, dir_.File("attachments")};
  Org org_c_;
  User c_member_;
  Deal deal_;
};

TEST_F(DealDocumentsTest, MessagesAreForPartiesAndAudited) {
  auto m = deals_.PostMessage(Actor::Of(a_member_), deal_.id, "请提供检测报告");
  ASSERT_TRUE(m.ok()) << m.status().message();
  ASSERT_TRUE(deals_.PostMessage(Actor::Of(b_member_), deal_.id, "附件已上传").ok());
  auto list = deals_.Messages(Actor::Of(b_member_), deal_.id);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].text, "请提供检测报告");
  EXPECT_EQ((*list)[0].author_name, a_member_.display_name);
  EXPECT_EQ(deals_.Messages(Actor::Of(c_member_), deal_.id).status().kind(), ErrorKind::kNotFound);
  EXPECT_EQ(deals_.PostMessage(Actor::Of(c_member_), deal_.id, "hi").status().kind(),
            ErrorKind::kNotFound);
  EXPECT_EQ(deals_.PostMessage(Actor::Of(a_member_), deal_.id, "  \n").status().code(), "required");
  EXPECT_EQ(
      deals_.PostMessage(Actor::Of(a_member_), deal_.id, std::string(5001, 'x')).status().code(),
      "too_long");
  EXPECT_THAT(AuditActions("deal", deal_.id), ElementsAre("message", "message"));
}

TEST_F(DealDocumentsTest, AttachmentsAreStoredAsFilesAndDownloadableByPartiesOnly) {
  const std::string pdf = "%PDF-1.4\n合同草案\n%%EOF";
  auto a = deals_.Attach(Actor::Of(b_member_), deal_.id, "C:\\docs\\合同草案.PDF", pdf);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->file_name, "合同草案.PDF");
  EXPECT_EQ(a->content_type, "application/pdf");
  EXPECT_EQ(a->size, static_cast<int64_t>(pdf.size()));
  EXPECT_TRUE(std::filesystem::exists(Dir() + "/" + a->stored_name));
  auto got = deals_.Download(Actor::Of(a_member_), deal_.id, a->id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->second, pdf);
  EXPECT_EQ(deals_.Download(Actor::Of(c_member_), deal_.id, a->id).status().kind(),
            ErrorKind::kNotFound);
  EXPECT_EQ(deals_.Download(Actor::Of(a_member_), deal_.id + 1, a->id).status().kind(),
            ErrorKind::kNotFound);
  EXPECT_EQ(deals_.Attachments(Actor::Of(a_member_), deal_.id)->size(), 1u);
  EXPECT_THAT(AuditActions("deal", deal_.id), ElementsAre("document"));
}

TEST_F(DealDocumentsTest, SizeAndTypeLimits) {
  std::string big = "%PDF" + std::string(Deals::kMaxAttachmentBytes, 'x');
  auto too_big = deals_.Attach(Actor::Of(a_member_), deal_.id, "big.pdf", big);
  EXPECT_EQ(too_big.status().kind(), ErrorKind::kTooLarge);
  EXPECT_EQ(too_big.status().code(), "attachment_too_large");
  EXPECT_EQ(deals_.Attach(Actor::Of(a_member_), deal_.id, "x.exe", "MZ...").status().code(),
            "unsupported_type");
  EXPECT_EQ(deals_.Attach(Actor::Of(a_member_), deal_.id, "fake.pdf", "MZ...").status().code(),
            "unsupported_type")
      << "the bytes must match the extension";
  EXPECT_EQ(deals_.Attach(Actor::Of(a_member_), deal_.id, "noext", "hello").status().code(),
            "unsupported_type");
  EXPECT_EQ(deals_.Attach(Actor::Of(a_member_), deal_.id, "a.txt", "").status().code(),
            "empty_file");
  EXPECT_EQ(deals_.Attach(Actor::Of(a_member_), deal_.id, "a.txt", "\xff\xfe").status().code(),
            "unsupported_type");
  EXPECT_TRUE(deals_.Attach(Actor::Of(a_member_), deal_.id, "纪要.txt", "会议纪要").ok());
  EXPECT_TRUE(deals_.Attach(Actor::Of(a_member_), deal_.id, "p.JPEG", "\xFF\xD8\xFF\xE0").ok());
  // A stranger is told the deal does not exist, not that the file is too big.
  EXPECT_EQ(deals_.Attach(Actor::Of(c_member_), deal_.id, "big.pdf", big).status().kind(),
            ErrorKind::kNotFound);
  size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(Dir())) ++files;
  EXPECT_EQ(files, 2u) << "refused uploads leave no file behind";
}

}  // namespace
}  // namespace kc
