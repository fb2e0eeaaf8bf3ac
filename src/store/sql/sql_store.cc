#include "store/sql/sql_store.h"

#include <algorithm>

#include "store/sql/sql_tx.h"
#include "store/sql/statements.h"

namespace kc::sql {

namespace {

std::string TextFrom(const Row& r) { return r.Text(0); }

// The schema's tables in creation order (parents first), without schema_version.
Result<std::vector<std::string>> TableNames(Conn& c) {
  return All(c, TextFrom, c.dialect().TableNames());
}

Status ExportTable(Conn& c, const std::string& name,
                   const std::function<Status(const TableRows&)>& sink) {
  auto s = c.Prepare("SELECT * FROM " + QuoteName(name));
  if (!s.ok()) return s.status();
  TableRows t;
  t.name = name;
  while ((*s)->Step()) {
    std::vector<std::optional<std::string>> row;
    for (int col = 0; col < (*s)->ColumnCount(); ++col) {
      row.push_back((*s)->IsNull(col) ? std::nullopt : std::optional<std::string>((*s)->Text(col)));
    }
    t.rows.push_back(std::move(row));
  }
  KC_RETURN_IF_ERROR((*s)->status());
  for (int col = 0; col < (*s)->ColumnCount(); ++col) t.columns.push_back((*s)->ColumnName(col));
  s->reset();
  return sink(t);
}

// Refuses a database that holds rows beyond those its migrations seed.
Status CheckEmpty(Conn& c, const std::vector<std::string>& names) {
  for (const auto& name : names) {
    if (std::find(kSeededTables.begin(), kSeededTables.end(), name) != kSeededTables.end()) {
      continue;
    }
    auto rows = Scalar(c, "SELECT COUNT(*) FROM (SELECT 1 FROM " + QuoteName(name) + " LIMIT 1) t");
    if (!rows.ok()) return rows.status();
    if (*rows > 0) {
      return Conflict("not_empty", "the database already holds data (table " + name +
                                       "); restore into an empty one");
    }
  }
  return Status::Ok();
}

Status ImportTable(Conn& c, const TableRows& t) {
  // Tables kept by triggers (listing counts) were filled while their parents loaded; the
  // backup's own rows replace that.
  KC_RETURN_IF_ERROR(c.Exec("DELETE FROM " + QuoteName(t.name)));
  std::string cols;
  for (size_t i = 0; i < t.columns.size(); ++i) cols += (i ? ", " : "") + QuoteName(t.columns[i]);
  const std::string row_marks = "(" + Marks(static_cast<int>(t.columns.size())) + ")";
  // Many rows per statement: a round trip per row would dominate a large restore on PostgreSQL.
  const size_t per_statement = std::max<size_t>(1, 30000 / std::max<size_t>(1, t.columns.size()));
  for (size_t begin = 0; begin < t.rows.size(); begin += per_statement) {
    const size_t end = std::min(t.rows.size(), begin + per_statement);
    std::string sql = "INSERT INTO " + QuoteName(t.name) + " (" + cols + ") VALUES ";
    for (size_t i = begin; i < end; ++i) sql += (i == begin ? "" : ",") + row_marks;
    auto s = c.Prepare(sql);
    if (!s.ok()) return s.status();
    for (size_t i = begin; i < end; ++i) {
      const auto& row = t.rows[i];
      if (row.size() != t.columns.size()) {
        return BadInput("bad_backup", "a row of " + t.name + " has the wrong number of values");
      }
      // Values travel as text; integer columns take them as integers.
      for (const auto& v : row) v ? (*s)->Bind(*v) : (*s)->BindNull();
    }
    KC_RETURN_IF_ERROR((*s)->Run());
  }
  // New ids continue after the loaded ones.
  for (const char* serial : {"id", "seq"}) {
    if (std::find(t.columns.begin(), t.columns.end(), serial) == t.columns.end()) continue;
    const std::string sql = c.dialect().ContinueIds(t.name, serial);
    if (!sql.empty()) KC_RETURN_IF_ERROR(c.Exec(sql));
  }
  return Status::Ok();
}

}  // namespace

Status SqlStore::Read(const std::function<Status(StoreTx&)>& fn) {
  return b_->Read([&](Conn& c) {
    SqlTx tx(c);
    return fn(tx);
  });
}

Status SqlStore::Write(const std::function<Status(StoreTx&)>& fn) {
  return b_->Write([&](Conn& c) {
    SqlTx tx(c);
    return fn(tx);
  });
}

Status SqlStore::ExportTables(const std::function<Status(const TableRows&)>& sink) {
  // One read transaction, one snapshot for every table; writers go on meanwhile.
  return b_->Read([&](Conn& c) -> Status {
    auto names = TableNames(c);
    if (!names.ok()) return names.status();
    for (const auto& name : *names) KC_RETURN_IF_ERROR(ExportTable(c, name, sink));
    return Status::Ok();
  });
}

Status SqlStore::ImportTables(const std::vector<TableRows>& tables) {
  return b_->Write([&](Conn& c) -> Status {
    auto names = TableNames(c);
    if (!names.ok()) return names.status();
    KC_RETURN_IF_ERROR(CheckEmpty(c, *names));
    for (const auto& t : tables) {
      if (std::find(names->begin(), names->end(), t.name) == names->end()) {
        return BadInput("unknown_table", "the backup has a table this schema lacks: " + t.name);
      }
      KC_RETURN_IF_ERROR(ImportTable(c, t));
    }
    return Status::Ok();
  });
}

}  // namespace kc::sql
