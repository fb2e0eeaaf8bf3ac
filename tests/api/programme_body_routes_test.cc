// /api/v1/bodies against the real server: the consortium with its members.
#include <gtest/gtest.h>

#include "api/api_fixture.h"

namespace kc::testing {
namespace {

using nlohmann::json;

class ProgrammeBodyRoutesTest : public ApiTest {};

TEST_F(ProgrammeBodyRoutesTest, BodiesWithMembersRolesAndTerms) {
  Client admin = Admin();
  auto body = admin.Post("/api/v1/bodies", {{"kind", "consortium"},
                                            {"slug", "consortium"},
                                            {"name", "“科创中国”联合体"},
                                            {"name_en", "Sci-Tech China Consortium"},
                                            {"established", "2021-01-18"}});
  ASSERT_EQ(body.status, 201) << body.body;
  auto member = admin.Post("/api/v1/bodies/consortium/members", {{"member_type", "organisation"},
                                                                 {"name", "某大学"},
                                                                 {"role", "理事长单位"},
                                                                 {"term_start", "2021-01-18"},
                                                                 {"term_end", "2024-01-17"}});
  ASSERT_EQ(member.status, 201) << member.body;
  auto bad = admin.Post("/api/v1/bodies/consortium/members",
                        {{"member_type", "robot"}, {"name", "x"}, {"role", "y"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.json["error"]["field"], "member_type");
  EXPECT_EQ(RegisterUser("nobody")
                .Post("/api/v1/bodies", {{"kind", "consortium"}, {"slug", "x"}, {"name", "x"}})
                .status,
            403);
  auto read = Anonymous().Get("/api/v1/bodies/consortium");
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.json["name"], "“科创中国”联合体");
  ASSERT_EQ(read.json["members"].size(), 1u);
  EXPECT_EQ(read.json["members"][0]["role"], "理事长单位");
  EXPECT_EQ(Anonymous().Get("/api/v1/bodies").json["items"].size(), 1u);
  EXPECT_EQ(Anonymous().Get("/api/v1/bodies/none").status, 404);
}

}  // namespace
}  // namespace kc::testing
