#include <sqlite3.h>

#include <filesystem>
#include <set>

#include "core/utf8.h"
#include "eval/engine.h"
#include "text/char_class.h"

namespace kc::eval {
namespace {

// FTS5 query string: the OR of the text's distinct trigrams, each a quoted string.
std::string TrigramQuery(const std::string& query) {
  std::set<std::string> grams;
  std::vector<std::string> chars;
  auto flush = [&] {
    for (size_t i = 0; i + 3 <= chars.size(); ++i) {
      grams.insert(chars[i] + chars[i + 1] + chars[i + 2]);
    }
    chars.clear();
  };
  for (size_t i = 0; i < query.size();) {
    const size_t start = i;
    const char32_t c = DecodeUtf8(query, &i);
    const bool word = text::IsCjkChar(c) || text::IsWordLetter(c) || (c >= '0' && c <= '9');
    if (word) {
      chars.push_back(query.substr(start, i - start));
    } else {
      flush();
    }
  }
  flush();
  std::string out;
  for (const std::string& g : grams) {
    if (!out.empty()) out += " OR ";
    out += "\"" + g + "\"";
  }
  return out;
}

class Fts5TrigramEngine : public Engine {
 public:
  ~Fts5TrigramEngine() override {
    if (stmt_) sqlite3_finalize(stmt_);
    if (db_) sqlite3_close(db_);
  }
  std::string name() const override { return "fts5-trigram"; }

  Status Build(const std::vector<Doc>& docs, const std::string& work_dir) override {
    const std::string path = work_dir + "/fts5.db";
    std::filesystem::remove(path);
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) return Internal("fts5: cannot open");
    KC_RETURN_IF_ERROR(
        Exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
             "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, tokenize='trigram');"
             "BEGIN;"));
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db_, "INSERT INTO docs(id, title, body) VALUES (?, ?, ?)", -1, &insert,
                       nullptr);
    for (const Doc& d : docs) {
      sqlite3_bind_text(insert, 1, d.id.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(insert, 2, d.title.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(insert, 3, d.body.c_str(), -1, SQLITE_TRANSIENT);
      if (sqlite3_step(insert) != SQLITE_DONE) {
        sqlite3_finalize(insert);
        return Internal(std::string("fts5 insert: ") + sqlite3_errmsg(db_));
      }
      sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    KC_RETURN_IF_ERROR(Exec("COMMIT;"));
    if (sqlite3_prepare_v2(db_, "SELECT id FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?", -1,
                           &stmt_, nullptr) != SQLITE_OK) {
      return Internal(std::string("fts5 prepare: ") + sqlite3_errmsg(db_));
    }
    return Status::Ok();
  }

  Result<std::vector<std::string>> Search(const std::string& query, size_t k) override {
    std::vector<std::string> ids;
    const std::string match = TrigramQuery(query);
    if (match.empty()) return ids;
    sqlite3_reset(stmt_);
    sqlite3_bind_text(stmt_, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(stmt_, 2, static_cast<int>(k));
    int rc;
    while ((rc = sqlite3_step(stmt_)) == SQLITE_ROW) {
      ids.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt_, 0)));
    }
    if (rc != SQLITE_DONE) return Internal(std::string("fts5 query: ") + sqlite3_errmsg(db_));
    return ids;
  }

 private:
  Status Exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "?";
      sqlite3_free(err);
      return Internal("fts5: " + msg);
    }
    return Status::Ok();
  }

  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace

std::unique_ptr<Engine> MakeFts5TrigramEngine() { return std::make_unique<Fts5TrigramEngine>(); }

}  // namespace kc::eval
