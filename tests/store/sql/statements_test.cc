// The statement shorthands (store/sql/statements.h), on SQLite and, as "pg:SqlStatementsTest.*",
// on the test PostgreSQL server.
#include "store/sql/statements.h"

#include <gtest/gtest.h>

#include "store/sql/conn_fixture.h"

namespace kc::sql {
namespace {

struct Item {
  int64_t id = 0;
  std::string name;
  std::optional<int64_t> n;
  double x = 0;
};

Item ItemFrom(const Row& r) { return Item{r.Int(0), r.Text(1), r.OptInt(2), r.Double(3)}; }

class SqlStatementsTest : public testing::SqlConnFixture {
 protected:
  void SetUp() override {
    SqlConnFixture::SetUp();
    CreateItems();
  }

  int64_t Add(const std::string& name, std::optional<int64_t> n, double x = 0) {
    auto id =
        Scalar(conn(), "INSERT INTO items (name, n, x) VALUES (?, ?, ?) RETURNING id", name, n, x);
    EXPECT_TRUE(id.ok()) << id.status().message();
    return id.ok() ? *id : 0;
  }

  static constexpr const char* kSelect = "SELECT id, name, n, x FROM items";
};

TEST_F(SqlStatementsTest, BindsEveryKindOfValueInOrder) {
  const int64_t id = Add("a", std::nullopt, 0.25);
  const bool yes = true;
  const int small = 3;
  ASSERT_TRUE(
      sql::Exec(conn(), "UPDATE items SET n = ? WHERE id = ? AND ? = 1", small, id, yes).ok());
  auto got = One(conn(), ItemFrom, "item", std::string(kSelect) + " WHERE name = ?", "a");
  ASSERT_TRUE(got.ok()) << got.status().message();
  EXPECT_EQ(got->n, 3);
  EXPECT_DOUBLE_EQ(got->x, 0.25);
  auto bound = Scalar(conn(), "SELECT COUNT(*) FROM items WHERE name = ? AND n = ?",
                      [](Stmt& s) { s.Bind("a").Bind(int64_t{3}); });
  EXPECT_EQ(bound.value(), 1);
}

TEST_F(SqlStatementsTest, TouchIsNotFoundWhenNoRowChanged) {
  const int64_t id = Add("a", 1);
  EXPECT_TRUE(Touch(conn(), "item", "UPDATE items SET n = 2 WHERE id = ?", id).ok());
  Status missing = Touch(conn(), "item", "DELETE FROM items WHERE id = ?", id + 1);
  EXPECT_EQ(missing.kind(), ErrorKind::kNotFound);
}

TEST_F(SqlStatementsTest, ScalarIsZeroWithoutRows) {
  EXPECT_EQ(Scalar(conn(), "SELECT id FROM items WHERE name = ?", "none").value(), 0);
  Add("a", 1);
  EXPECT_EQ(Scalar(conn(), "SELECT COUNT(*) FROM items").value(), 1);
}

TEST_F(SqlStatementsTest, InsertUniqueRefusesADuplicateAndTheTransactionGoesOn) {
  const Status taken = Conflict("taken", "taken", "name");
  auto id =
      InsertUnique(conn(), taken,
                   "INSERT INTO items (name) VALUES (?) ON CONFLICT DO NOTHING RETURNING id", "a");
  ASSERT_TRUE(id.ok()) << id.status().message();
  EXPECT_GT(*id, 0);
  auto again =
      InsertUnique(conn(), taken,
                   "INSERT INTO items (name) VALUES (?) ON CONFLICT DO NOTHING RETURNING id", "a");
  EXPECT_EQ(again.status().code(), "taken");
  // Without RETURNING: 0 when inserted.
  const char* plain = "INSERT INTO items (name) VALUES (?) ON CONFLICT DO NOTHING";
  EXPECT_EQ(InsertUnique(conn(), taken, plain, "b").value(), 0);
  EXPECT_EQ(InsertUnique(conn(), taken, plain, "b").status().code(), "taken");
  EXPECT_EQ(Scalar(conn(), "SELECT COUNT(*) FROM items").value(), 2);
}

TEST_F(SqlStatementsTest, AllFirstAndOne) {
  Add("a", 1);
  Add("b", 2);
  auto all = All(conn(), ItemFrom, std::string(kSelect) + " WHERE n >= ? ORDER BY id", 1);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[1].name, "b");
  auto none = First(conn(), ItemFrom, std::string(kSelect) + " WHERE name = ?", "c");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  auto missing = One(conn(), ItemFrom, "item", std::string(kSelect) + " WHERE name = ?", "c");
  EXPECT_EQ(missing.status().kind(), ErrorKind::kNotFound);
  auto bad = All(conn(), ItemFrom, "SELECT nothing FROM nowhere");
  EXPECT_FALSE(bad.ok());
}

TEST_F(SqlStatementsTest, WhereHoldsTheFiltersPresentWithTheirValues) {
  Where none;
  EXPECT_EQ(none.sql(), "");
  Where w;
  w.And("n = ?", 2).And("(name = ? OR name = ?)", "a", std::string("b")).And("x = 0");
  EXPECT_EQ(w.sql(), " WHERE n = ? AND (name = ? OR name = ?) AND x = 0");
  Add("a", 1);
  Add("b", 2);
  auto found = All(conn(), ItemFrom, std::string(kSelect) + w.sql(), w);
  ASSERT_TRUE(found.ok()) << found.status().message();
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].name, "b");
}

TEST_F(SqlStatementsTest, ReadPageBringsTheTotalWithAnyPage) {
  for (const char* name : {"a", "b", "c"}) Add(name, 1);
  Add("d", 2);
  Where w;
  w.And("n = ?", 1);
  auto read = [&](int64_t limit, int64_t offset) {
    return ReadPage(conn(), ItemFrom, "SELECT COUNT(*) FROM items" + w.sql(), w,
                    "id, name, n, x FROM items" + w.sql() + " ORDER BY id DESC LIMIT ? OFFSET ?", w,
                    limit, offset);
  };
  auto page = read(2, 0);
  ASSERT_TRUE(page.ok()) << page.status().message();
  EXPECT_EQ(page->total, 3);
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[0].name, "c");
  EXPECT_EQ(page->items[1].name, "b");
  auto past = read(2, 10);
  ASSERT_TRUE(past.ok()) << past.status().message();
  EXPECT_EQ(past->total, 3) << "an empty page still has its total";
  EXPECT_TRUE(past->items.empty());
  w = Where();
  w.And("n = ?", 9);
  auto none = read(2, 0);
  ASSERT_TRUE(none.ok()) << none.status().message();
  EXPECT_EQ(none->total, 0);
  EXPECT_TRUE(none->items.empty());
}

}  // namespace
}  // namespace kc::sql
