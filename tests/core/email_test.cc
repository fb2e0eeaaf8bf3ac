#include "core/email.h"

#include <gtest/gtest.h>

#include <string>

namespace kc {
namespace {

TEST(EmailTest, AcceptsPlainAddresses) {
  EXPECT_TRUE(IsEmailAddress("li.ming@example.cn"));
  EXPECT_TRUE(IsEmailAddress("a@b.co"));
  EXPECT_TRUE(IsEmailAddress("张三@例子.中国"));
}

TEST(EmailTest, RefusesWhatIsNoAddress) {
  for (const char* bad : {"", "plain", "@example.cn", "a@", "a@example", "a@.cn", "a@example.",
                          "a b@example.cn", "a@b@example.cn", "a@exa\tmple.cn"}) {
    EXPECT_FALSE(IsEmailAddress(bad)) << bad;
  }
  EXPECT_FALSE(IsEmailAddress(std::string(250, 'a') + "@b.cn"));
}

}  // namespace
}  // namespace kc
