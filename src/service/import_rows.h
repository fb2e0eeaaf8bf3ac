// What every importer (listings, events, offshore bases, plan tasks) does with a row that
// failed, and with its report at the end (docs/import.md): a row is blamed for its own bad
// input only; when the database fails the whole import stops.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "service/importer.h"
#include "store/store.h"

namespace kc {

// True when `row_status` is the database's failure (internal, unavailable, storage full) rather
// than the row's: the import must stop and return it instead of reporting the row.
bool IsStoreFailure(const Status& row_status);

// Adds `created` rows and the `failed` ones to `report`, its failures in line order.
void AddRows(int created, std::vector<ImportFailure> failed, ImportReport* report);

// A CSV file as an importer of a table reads it: the header's columns as `column_of` names them
// ("" for a column it does not know), and each well-formed row with its line number.
struct CsvRows {
  std::vector<std::string> header;
  std::vector<std::pair<int, std::vector<std::string>>> rows;
};

// Decodes `bytes` (core/text_encoding.h), takes the delimiter from the first line
// (core/csv.h) and reads every row; a row the CSV reader cannot read goes to report->failed
// with its line, the others are kept. 400 "bad_header" when the header cannot be read,
// "empty_file" when there is none; the decoder's error for bytes of no known encoding.
Result<CsvRows> ReadCsvRows(std::string_view bytes,
                            const std::function<std::string(std::string_view)>& column_of,
                            ImportReport* report);

// Imports `rows` in one write transaction of `store`, each row in a nested one by
// `import_row(tx, cells)`: a row that fails is rolled back alone and reported with its line;
// the database's failure (IsStoreFailure) stops the import and is returned, with nothing
// imported. Adds the rows imported and failed to `report`.
Status ImportRows(
    Store& store, const std::vector<std::pair<int, std::vector<std::string>>>& rows,
    const std::function<Status(StoreTx&, const std::vector<std::string>&)>& import_row,
    ImportReport* report);

}  // namespace kc
