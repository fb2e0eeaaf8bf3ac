// Fuzz target: a CSV import file as the importer reads it (src/service/importer.cc): the bytes
// decoded (UTF-8, UTF-16, GB18030), the delimiter detected from the first line, every record
// read, and every cell unguarded and split as a list cell.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/csv.h"
#include "core/text_encoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto text = kc::DecodeToUtf8(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!text.ok()) return 0;
  const std::string_view utf8 = *text;
  const char delimiter = kc::DetectDelimiter(utf8.substr(0, utf8.find('\n')));
  kc::CsvReader reader(utf8, delimiter);
  kc::CsvRecord record;
  kc::Status error;
  int previous_line = 0;
  for (int n = 0; reader.Next(&record, &error); ++n) {
    // Records come in order, and the reader always advances.
    if (record.line <= previous_line || n > static_cast<int>(size) + 1) __builtin_trap();
    previous_line = record.line;
    for (const auto& field : record.fields) {
      const std::string_view cell = kc::UnguardFormula(field);
      (void)kc::SplitListField(cell);
      if (kc::UnguardFormula(kc::GuardFormula(field)) != field) __builtin_trap();
      // What the reader returns, written again (after a first cell, as in an export's rows),
      // reads back as the same field.
      const std::string line = kc::CsvLine({"1", field}, delimiter);
      kc::CsvReader again(line, delimiter);
      kc::CsvRecord back;
      kc::Status back_error;
      if (!again.Next(&back, &back_error) || !back_error.ok() || back.fields.size() != 2 ||
          back.fields[1] != field) {
        __builtin_trap();
      }
    }
  }
  return 0;
}
