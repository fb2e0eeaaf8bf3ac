// Writes JSON text straight into a string: for answers where building an nlohmann::json tree
// first costs more than the answer itself (a page of listing summaries). The text equals
// nlohmann::json::dump() of the same values with keys written in sorted order by the caller:
// UTF-8 passes through, '"', '\\' and control characters are escaped, and invalid UTF-8 is
// replaced by U+FFFD (as dump() does with error_handler_t::replace).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kc {

class JsonWriter {
 public:
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  // The next member's name, inside an object; its value follows.
  JsonWriter& Key(std::string_view name);
  JsonWriter& String(std::string_view value);
  JsonWriter& Int(int64_t value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  JsonWriter& StringArray(const std::vector<std::string>& values);

  // The text written so far (complete once every object and array is closed).
  const std::string& text() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  void BeforeValue();
  void Open(char c);
  void Close(char c);

  std::string out_;
  std::vector<bool> first_;  // per open object or array: no member written yet
  bool after_key_ = false;
};

// `s` as a JSON string literal with its quotes, appended to `out` (see the file comment).
void AppendJsonString(std::string& out, std::string_view s);

}  // namespace kc
