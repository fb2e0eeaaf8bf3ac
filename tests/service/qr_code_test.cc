#include "service/qr_code.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace kc {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST(QrCodeTest, WritesAnSvgOfTheSymbol) {
  auto svg = QrSvg("AB12CD34EF");
  ASSERT_TRUE(svg.ok()) << svg.status().message();
  EXPECT_THAT(*svg, StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  // Version 1 is 21 modules wide, plus 4 of quiet zone on each side.
  EXPECT_THAT(*svg, HasSubstr("viewBox=\"0 0 29 29\""));
  // The top-left finder pattern starts at the quiet zone's edge.
  EXPECT_THAT(*svg, HasSubstr("M4 4h1v1h-1z"));
  EXPECT_THAT(*svg, HasSubstr("</svg>"));
  // The same text gives the same picture; another text another.
  EXPECT_EQ(*QrSvg("AB12CD34EF"), *svg);
  EXPECT_NE(*QrSvg("ZZ12CD34EF"), *svg);
}

TEST(QrCodeTest, RefusesEmptyAndHugeTexts) {
  EXPECT_EQ(QrSvg("").status().code(), "invalid_qr_text");
  EXPECT_EQ(QrSvg(std::string(1001, 'x')).status().code(), "invalid_qr_text");
  EXPECT_TRUE(QrSvg(std::string(1000, 'x')).ok());
}

}  // namespace
}  // namespace kc
