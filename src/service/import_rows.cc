#include "service/import_rows.h"

#include <algorithm>

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

}  // namespace kc
