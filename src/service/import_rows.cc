#include "service/import_rows.h"

#include <algorithm>

#include "core/csv.h"
#include "core/text_encoding.h"

namespace kc {

bool IsStoreFailure(const Status& row_status) {
  const ErrorKind k = row_status.kind();
  return k == ErrorKind::kInternal || k == ErrorKind::kUnavailable || k == ErrorKind::kStorageFull;
}

void AddRows(int created, std::vector<ImportFailure> failed, ImportReport* report) {
  report->created += created;
  report->failed.insert(report->failed.end(), failed.begin(), failed.end());
  std::stable_sort(report->failed.begin(), report->failed.end(),
                   [](const ImportFailure& a, const ImportFailure& b) { return a.line < b.line; });
}

Result<CsvRows> ReadCsvRows(std::string_view bytes,
                            const std::function<std::string(std::string_view)>& column_of,
                            ImportReport* report) {
  auto text = DecodeToUtf8(bytes);
  if (!text.ok()) return text.status();
  CsvReader reader(*text, DetectDelimiter(std::string_view(*text).substr(0, text->find('\n'))));
  CsvRecord rec;
  Status err;
  CsvRows out;
  while (reader.Next(&rec, &err)) {
    if (out.header.empty()) {
      if (!err.ok()) {
        return BadInput("bad_header", "the CSV header cannot be read: " + err.message());
      }
      for (const auto& h : rec.fields) out.header.push_back(column_of(h));
      continue;
    }
    if (!err.ok()) {
      report->failed.push_back({rec.line, err});
    } else {
      out.rows.emplace_back(rec.line, std::move(rec.fields));
    }
    err = Status::Ok();
  }
  if (out.header.empty()) return BadInput("empty_file", "the file has no header row");
  return out;
}

Status ImportRows(
    Store& store, const std::vector<std::pair<int, std::vector<std::string>>>& rows,
    const std::function<Status(StoreTx&, const std::vector<std::string>&)>& import_row,
    ImportReport* report) {
  std::vector<ImportFailure> failed;
  int created = 0;
  KC_RETURN_IF_ERROR(store.Write([&](StoreTx& tx) -> Status {
    failed.clear();  // a retried transaction starts again
    created = 0;
    for (const auto& [line, cells] : rows) {
      const Status row =
          tx.Nested([&](StoreTx& inner) -> Status { return import_row(inner, cells); });
      if (row.ok()) {
        ++created;
      } else if (IsStoreFailure(row)) {
        return row;  // the database failed, not the row
      } else {
        failed.push_back({line, row});
      }
    }
    return Status::Ok();
  }));
  AddRows(created, std::move(failed), report);
  return Status::Ok();
}

}  // namespace kc
