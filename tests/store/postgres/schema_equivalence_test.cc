// After every migration, SQLite and PostgreSQL hold the same schema: the same tables, the same
// columns with the same nullability and the same kind of type, and the same indexes by name
// (docs/data-model.md, "Two databases, one schema"). Backup and restore between the backends
// rely on it, and the two migration lists are written by hand, so a column added on one side only
// fails here. Runs in the pg: run (it needs the test's PostgreSQL server).
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>
#include <string>

#include "store/postgres/migrate.h"
#include "store/postgres/pool.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/migrate.h"
#include "store/temp_db.h"

namespace kc {
namespace {

struct Column {
  std::string kind;  // integer, text, real or blob
  bool not_null = false;
  bool operator==(const Column&) const = default;
};

// table → column → its kind and nullability; and the names of the indexes made by migrations.
struct Schema {
  std::map<std::string, std::map<std::string, Column>> tables;
  std::set<std::string> indexes;
};

// The kind of a declared type, following SQLite's affinity rules (sqlite.org/datatype3.html,
// 3.1), which also cover PostgreSQL's type names.
std::string KindOf(std::string type) {
  for (char& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (type.find("INT") != std::string::npos || type.find("SERIAL") != std::string::npos) {
    return "integer";
  }
  if (type.find("CHAR") != std::string::npos || type.find("TEXT") != std::string::npos ||
      type.find("CLOB") != std::string::npos) {
    return "text";
  }
  if (type.find("BLOB") != std::string::npos || type.find("BYTEA") != std::string::npos) {
    return "blob";
  }
  if (type.find("REAL") != std::string::npos || type.find("DOUB") != std::string::npos ||
      type.find("FLOA") != std::string::npos) {
    return "real";
  }
  return "other: " + type;
}

Schema SqliteSchema(const std::string& path) {
  Schema s;
  auto conn = sqlite::Connection::Open(path);
  if (!conn.ok()) {
    ADD_FAILURE() << conn.status().message();
    return s;
  }
  auto migrated = sqlite::Migrate(**conn);
  EXPECT_TRUE(migrated.ok()) << migrated.status().message();
  auto tables = (*conn)->Prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  EXPECT_TRUE(tables.ok());
  std::vector<std::string> names;
  while ((*tables)->Step()) names.push_back((*tables)->Text(0));
  for (const std::string& table : names) {
    auto info = (*conn)->Prepare("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)");
    EXPECT_TRUE(info.ok());
    (*info)->Bind(1, table);
    while ((*info)->Step()) {
      // A primary key column is never null (an INTEGER PRIMARY KEY is the rowid), though
      // table_info only reports a NOT NULL that was written.
      s.tables[table][(*info)->Text(0)] = {KindOf((*info)->Text(1)),
                                           (*info)->Int(2) != 0 || (*info)->Int(3) != 0};
    }
  }
  auto indexes = (*conn)->Prepare(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL");
  EXPECT_TRUE(indexes.ok());
  while ((*indexes)->Step()) s.indexes.insert((*indexes)->Text(0));
  return s;
}

Schema PostgresSchema(const std::string& url) {
  Schema s;
  auto conn = pg::Connect(url);
  if (!conn.ok()) {
    ADD_FAILURE() << conn.status().message();
    return s;
  }
  auto migrated = pg::Migrate(**conn);
  EXPECT_TRUE(migrated.ok()) << migrated.status().message();
  pqxx::nontransaction tx(**conn);
  for (const auto& row : tx.exec(
           "SELECT c.table_name, c.column_name, c.data_type, c.is_nullable "
           "FROM information_schema.columns c JOIN information_schema.tables t "
           "ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
           "WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'")) {
    s.tables[row[0].as<std::string>()][row[1].as<std::string>()] = {
        KindOf(row[2].as<std::string>()), row[3].as<std::string>() == "NO"};
  }
  // Indexes that migrations name; those PostgreSQL makes for a primary key or a UNIQUE
  // constraint are SQLite's unnamed autoindexes.
  for (const auto& row : tx.exec(
           "SELECT i.indexname FROM pg_indexes i WHERE i.schemaname = 'public' AND NOT EXISTS ("
           "SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname AND k.contype IN "
           "('p', 'u'))")) {
    s.indexes.insert(row[0].as<std::string>());
  }
  return s;
}

// Lines naming what one side has and the other lacks or holds differently.
std::string Differences(const Schema& lite, const Schema& pg) {
  std::ostringstream out;
  for (const auto& [table, columns] : lite.tables) {
    auto other = pg.tables.find(table);
    if (other == pg.tables.end()) {
      out << "table " << table << ": only in SQLite\n";
      continue;
    }
    for (const auto& [name, col] : columns) {
      auto o = other->second.find(name);
      if (o == other->second.end()) {
        out << table << "." << name << ": only in SQLite\n";
      } else if (!(o->second == col)) {
        out << table << "." << name << ": SQLite " << col.kind
            << (col.not_null ? " NOT NULL" : " NULL") << ", PostgreSQL " << o->second.kind
            << (o->second.not_null ? " NOT NULL" : " NULL") << "\n";
      }
    }
    for (const auto& [name, col] : other->second) {
      if (!columns.contains(name)) out << table << "." << name << ": only in PostgreSQL\n";
    }
  }
  for (const auto& [table, columns] : pg.tables) {
    if (!lite.tables.contains(table)) out << "table " << table << ": only in PostgreSQL\n";
  }
  for (const auto& name : lite.indexes) {
    if (!pg.indexes.contains(name)) out << "index " << name << ": only in SQLite\n";
  }
  for (const auto& name : pg.indexes) {
    if (!lite.indexes.contains(name)) out << "index " << name << ": only in PostgreSQL\n";
  }
  return out.str();
}

TEST(KindOfTest, MapsBothDialectsTypeNames) {
  EXPECT_EQ(KindOf("INTEGER"), "integer");
  EXPECT_EQ(KindOf("bigint"), "integer");
  EXPECT_EQ(KindOf("BIGSERIAL"), "integer");
  EXPECT_EQ(KindOf("text"), "text");
  EXPECT_EQ(KindOf("character varying"), "text");
  EXPECT_EQ(KindOf("double precision"), "real");
  EXPECT_EQ(KindOf("REAL"), "real");
  EXPECT_EQ(KindOf("bytea"), "blob");
  EXPECT_EQ(KindOf("jsonb"), "other: JSONB");
}

TEST(KindOfTest, DifferencesNameTheColumnAndBothSides) {
  Schema a, b;
  a.tables["users"]["id"] = {"integer", true};
  b.tables["users"]["id"] = {"integer", true};
  EXPECT_EQ(Differences(a, b), "");
  a.tables["users"]["nickname"] = {"text", false};
  b.tables["users"]["id"] = {"integer", false};
  b.indexes.insert("users_by_name");
  EXPECT_EQ(Differences(a, b),
            "users.id: SQLite integer NOT NULL, PostgreSQL integer NULL\n"
            "users.nickname: only in SQLite\n"
            "index users_by_name: only in PostgreSQL\n");
}

TEST(PostgresSchemaTest, BothBackendsEndInTheSameTablesColumnsAndIndexes) {
  if (!testing::UsingPostgres()) GTEST_SKIP() << "needs KC_TEST_POSTGRES (the pg: run)";
  testing::TempDir dir;
  const Schema lite = SqliteSchema(dir.File("schema.db"));
  const Schema pg = PostgresSchema(testing::DatabaseFor(dir.File("schema-pg")));
  ASSERT_GT(lite.tables.size(), 10u);
  ASSERT_GT(pg.tables.size(), 10u);
  EXPECT_EQ(Differences(lite, pg), "");
}

}  // namespace
}  // namespace kc
