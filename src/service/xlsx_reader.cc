#include "service/xlsx_reader.h"

#include <expat.h>
#include <unzip.h>

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <set>

namespace kc {

namespace {

Status NotXlsx(const std::string& why) {
  return BadInput("invalid_xlsx", "the file is not a readable XLSX workbook: " + why);
}

Status TooLarge(const std::string& what) {
  return Status::Error(ErrorKind::kTooLarge, "xlsx_too_large",
                       "the workbook unpacks to more than the import accepts (" + what + ")");
}

// ---- The ZIP container, read from memory through minizip's I/O callbacks. -------------------

struct MemoryFile {
  std::string_view bytes;
  ZPOS64_T pos = 0;
};

voidpf ZCALLBACK MemOpen(voidpf opaque, const void*, int) { return opaque; }

uLong ZCALLBACK MemRead(voidpf, voidpf stream, void* buf, uLong size) {
  auto* f = static_cast<MemoryFile*>(stream);
  if (f->pos >= f->bytes.size()) return 0;
  const uLong n = static_cast<uLong>(std::min<ZPOS64_T>(size, f->bytes.size() - f->pos));
  std::memcpy(buf, f->bytes.data() + f->pos, n);
  f->pos += n;
  return n;
}

uLong ZCALLBACK MemWrite(voidpf, voidpf, const void*, uLong) { return 0; }

ZPOS64_T ZCALLBACK MemTell(voidpf, voidpf stream) { return static_cast<MemoryFile*>(stream)->pos; }

long ZCALLBACK MemSeek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  auto* f = static_cast<MemoryFile*>(stream);
  ZPOS64_T base = 0;
  switch (origin) {
    case ZLIB_FILEFUNC_SEEK_SET:
      base = 0;
      break;
    case ZLIB_FILEFUNC_SEEK_CUR:
      base = f->pos;
      break;
    case ZLIB_FILEFUNC_SEEK_END:
      base = f->bytes.size();
      break;
    default:
      return -1;
  }
  if (base + offset > f->bytes.size()) return -1;
  f->pos = base + offset;
  return 0;
}

int ZCALLBACK MemClose(voidpf, voidpf) { return 0; }
int ZCALLBACK MemError(voidpf, voidpf) { return 0; }

// Receives the events of one XML part. Names are local names (namespace prefixes dropped).
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void Start(std::string_view name, const char** attrs) = 0;
  virtual void End(std::string_view name) = 0;
  virtual void Text(std::string_view) {}
  // Set by a handler that finds the content wrong; parsing stops with this error.
  Status error;
};

std::string_view LocalName(const char* name) {
  std::string_view n(name);
  auto bar = n.rfind('|');  // "namespace-uri|local" (XML_ParserCreateNS with '|')
  return bar == std::string_view::npos ? n : n.substr(bar + 1);
}

// The value of the attribute whose local name is `name`, or nullptr.
const char* Attr(const char** attrs, std::string_view name) {
  for (int i = 0; attrs[i]; i += 2) {
    if (LocalName(attrs[i]) == name) return attrs[i + 1];
  }
  return nullptr;
}

// An open archive and what was read from it so far.
class Archive {
 public:
  Archive(std::string_view bytes, const XlsxLimits& limits) : file_{bytes}, limits_(limits) {
    zlib_filefunc64_def io = {};
    io.zopen64_file = MemOpen;
    io.zread_file = MemRead;
    io.zwrite_file = MemWrite;
    io.ztell64_file = MemTell;
    io.zseek64_file = MemSeek;
    io.zclose_file = MemClose;
    io.zerror_file = MemError;
    io.opaque = &file_;
    zip_ = unzOpen2_64("memory", &io);
  }
  ~Archive() {
    if (zip_) unzClose(zip_);
  }
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  bool ok() const { return zip_ != nullptr; }

  // True when the archive holds `name` (ASCII case-insensitively, as OPC part names compare).
  bool Has(const std::string& name) { return unzLocateFile(zip_, name.c_str(), 2) == UNZ_OK; }

  // Parses the part `name` with `handler`, streaming it out of the archive.
  Status Parse(const std::string& name, XmlHandler& handler) {
    if (!Has(name)) return NotXlsx("it has no part " + name);
    unz_file_info64 info;
    if (unzGetCurrentFileInfo64(zip_, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) {
      return NotXlsx("the entry of " + name + " is damaged");
    }
    if (info.flag & 1) return NotXlsx("it is encrypted");
    if (info.uncompressed_size > limits_.max_part_bytes) return TooLarge(name);
    if (unzOpenCurrentFile(zip_) != UNZ_OK) return NotXlsx(name + " cannot be opened");
    std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(
        XML_ParserCreateNS(nullptr, '|'), XML_ParserFree);
    if (!parser) return Internal("cannot create an XML parser");
    Context ctx{&handler, parser.get()};
    XML_SetUserData(parser.get(), &ctx);
    XML_SetElementHandler(parser.get(), OnStart, OnEnd);
    XML_SetCharacterDataHandler(parser.get(), OnText);
    XML_SetStartDoctypeDeclHandler(parser.get(), OnDoctype);
    Status s = Stream(name, parser.get(), handler);
    const int closed = unzCloseCurrentFile(zip_);
    if (s.ok() && closed == UNZ_CRCERROR) s = NotXlsx(name + " fails its checksum");
    return s;
  }

 private:
  struct Context {
    XmlHandler* handler;
    XML_Parser parser;
  };

  static void OnStart(void* data, const char* name, const char** attrs) {
    auto* c = static_cast<Context*>(data);
    c->handler->Start(LocalName(name), attrs);
    if (!c->handler->error.ok()) XML_StopParser(c->parser, XML_FALSE);
  }
  static void OnEnd(void* data, const char* name) {
    auto* c = static_cast<Context*>(data);
    c->handler->End(LocalName(name));
    if (!c->handler->error.ok()) XML_StopParser(c->parser, XML_FALSE);
  }
  static void OnText(void* data, const char* text, int len) {
    static_cast<Context*>(data)->handler->Text(std::string_view(text, static_cast<size_t>(len)));
  }
  // Spreadsheet parts never declare a document type; one that does may define entities to
  // expand, so it is refused.
  static void OnDoctype(void* data, const char*, const char*, const char*, int) {
    auto* c = static_cast<Context*>(data);
    c->handler->error = NotXlsx("an XML part declares a document type");
    XML_StopParser(c->parser, XML_FALSE);
  }

  Status Stream(const std::string& name, XML_Parser parser, XmlHandler& handler) {
    size_t part = 0;
    std::vector<char> buf(64 * 1024);
    for (;;) {
      const int n = unzReadCurrentFile(zip_, buf.data(), static_cast<unsigned>(buf.size()));
      if (n < 0) return NotXlsx(name + " is damaged");
      part += static_cast<size_t>(n);
      total_ += static_cast<size_t>(n);
      // The sizes in the archive may lie: what is unpacked is counted.
      if (part > limits_.max_part_bytes) return TooLarge(name);
      if (total_ > limits_.max_total_bytes) return TooLarge("all parts");
      if (XML_Parse(parser, buf.data(), n, n == 0) != XML_STATUS_OK) {
        if (!handler.error.ok()) return handler.error;
        return NotXlsx(name + " is not well-formed XML (line " +
                       std::to_string(XML_GetCurrentLineNumber(parser)) +
                       "): " + XML_ErrorString(XML_GetErrorCode(parser)));
      }
      if (!handler.error.ok()) return handler.error;
      if (n == 0) return Status::Ok();
    }
  }

  MemoryFile file_;
  XlsxLimits limits_;
  unzFile zip_ = nullptr;
  size_t total_ = 0;
};

// ---- The parts of a workbook. ------------------------------------------------------------------

// xl/workbook.xml: the first sheet's relationship id and the date system.
struct WorkbookHandler : XmlHandler {
  std::string first_sheet_rel;
  bool date1904 = false;
  void Start(std::string_view name, const char** attrs) override {
    if (name == "sheet" && first_sheet_rel.empty()) {
      if (const char* id = Attr(attrs, "id")) first_sheet_rel = id;
    } else if (name == "workbookPr") {
      const char* v = Attr(attrs, "date1904");
      date1904 = v && (std::strcmp(v, "1") == 0 || std::strcmp(v, "true") == 0);
    }
  }
  void End(std::string_view) override {}
};

// A .rels part: relationship id → target.
struct RelsHandler : XmlHandler {
  std::map<std::string, std::string> targets;
  void Start(std::string_view name, const char** attrs) override {
    if (name != "Relationship") return;
    const char* id = Attr(attrs, "Id");
    const char* target = Attr(attrs, "Target");
    if (id && target) targets[id] = target;
  }
  void End(std::string_view) override {}
};

// True when a number format code shows a date or time: it has a date or time letter outside
// quoted text, escapes and [colour]/[condition] brackets.
bool IsDateFormatCode(std::string_view code) {
  bool quoted = false;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (quoted) {
      quoted = c != '"';
      continue;
    }
    if (c == '"') {
      quoted = true;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal (or padding)
    } else if (c == '[') {
      auto close = code.find(']', i);
      if (close == std::string_view::npos) return false;
      std::string_view inside = code.substr(i + 1, close - i - 1);
      // [h], [mm], [ss]: elapsed time; anything else ([Red], [<100], [$-804]) is not a date.
      if (!inside.empty() && std::strchr("hHmMsS", inside[0]) &&
          inside.find_first_not_of(inside[0]) == std::string_view::npos) {
        return true;
      }
      i = close;
    } else if (std::strchr("yYmMdDhHsS", c)) {
      return true;
    }
  }
  return false;
}

// True for the built-in number formats that show dates or times (ECMA-376 §18.8.30, with the
// East Asian ones Chinese Excel writes: 27–36, 50–58).
bool IsBuiltInDateFormat(int id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
         (id >= 50 && id <= 58);
}

// xl/styles.xml: which cell styles (indexes into cellXfs) show dates.
struct StylesHandler : XmlHandler {
  std::set<int> custom_date_formats;
  std::vector<bool> date_styles;
  bool in_cell_xfs = false;
  void Start(std::string_view name, const char** attrs) override {
    if (name == "numFmt") {
      const char* id = Attr(attrs, "numFmtId");
      const char* code = Attr(attrs, "formatCode");
      if (id && code && IsDateFormatCode(code)) custom_date_formats.insert(std::atoi(id));
    } else if (name == "cellXfs") {
      in_cell_xfs = true;
    } else if (name == "xf" && in_cell_xfs) {
      const char* id = Attr(attrs, "numFmtId");
      const int fmt = id ? std::atoi(id) : 0;
      date_styles.push_back(IsBuiltInDateFormat(fmt) || custom_date_formats.count(fmt) > 0);
    }
  }
  void End(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs = false;
  }
};

// xl/sharedStrings.xml: the strings that cells of type "s" point at by index.
struct SharedStringsHandler : XmlHandler {
  std::vector<std::string> strings;
  bool in_si = false, in_t = false;
  int phonetic = 0;  // inside <rPh>: a reading guide, not part of the text
  void Start(std::string_view name, const char**) override {
    if (name == "si") {
      in_si = true;
      strings.emplace_back();
    } else if (name == "rPh") {
      ++phonetic;
    } else if (name == "t" && in_si && phonetic == 0) {
      in_t = true;
    }
  }
  void End(std::string_view name) override {
    if (name == "si") {
      in_si = false;
    } else if (name == "rPh") {
      --phonetic;
    } else if (name == "t") {
      in_t = false;
    }
  }
  void Text(std::string_view text) override {
    if (in_t) strings.back().append(text);
  }
};

// Column letters of a cell reference ("AB12" → 27, 0-based); -1 when there are none.
int ColumnOf(std::string_view ref) {
  int col = 0;
  size_t i = 0;
  for (; i < ref.size() && i < 4; ++i) {
    const char c = ref[i];
    if (c >= 'A' && c <= 'Z') {
      col = col * 26 + (c - 'A' + 1);
    } else if (c >= 'a' && c <= 'z') {
      col = col * 26 + (c - 'a' + 1);
    } else {
      break;
    }
  }
  return i == 0 ? -1 : col - 1;
}

// "2026-12-31" or "2026-12-31T08:30:00" for an Excel serial date; "" when out of range.
std::string SerialDate(double serial, bool date1904) {
  if (!(serial >= 0) || serial > 2958465) return "";  // up to 9999-12-31
  double whole = std::floor(serial);
  int64_t seconds = std::llround((serial - whole) * 86400);
  if (seconds >= 86400) {
    whole += 1;
    seconds -= 86400;
  }
  int64_t day = static_cast<int64_t>(whole);
  // Days since 1970-01-01. The 1900 system counts a 29 February 1900 that never was (serial
  // 60), so serials before it are one day later than the formula for the others gives.
  int64_t epoch_days = date1904 ? day - 24107 : (day >= 61 ? day - 25569 : day - 25568);
  using namespace std::chrono;
  const year_month_day ymd{sys_days{days{epoch_days}}};
  char out[32];
  if (seconds == 0) {
    std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  } else {
    std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02d:%02d:%02d", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(seconds / 3600), static_cast<int>(seconds / 60 % 60),
                  static_cast<int>(seconds % 60));
  }
  return out;
}

// A number cell's value as text: integers without a decimal point, others in their shortest
// form; the stored text when it is not a number.
std::string NumberText(const std::string& v) {
  char* end = nullptr;
  const double d = std::strtod(v.c_str(), &end);
  if (v.empty() || end != v.c_str() + v.size() || !std::isfinite(d)) return v;
  if (d == std::floor(d) && std::fabs(d) < 1e15) {
    return std::to_string(static_cast<long long>(d));
  }
  char buf[64];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, d);
  return ec == std::errc() ? std::string(buf, ptr) : v;
}

// A worksheet part: its rows of cells.
struct SheetHandler : XmlHandler {
  SheetHandler(const std::vector<std::string>& strings, const std::vector<bool>& date_styles,
               bool date1904, size_t max_columns)
      : strings(strings), date_styles(date_styles), date1904(date1904), max_columns(max_columns) {}

  const std::vector<std::string>& strings;
  const std::vector<bool>& date_styles;
  const bool date1904;
  const size_t max_columns;
  std::vector<XlsxRow> rows;

  // The cell being read.
  bool in_sheet_data = false, in_cell = false, in_value = false, in_inline = false;
  int phonetic = 0;
  int next_row = 1, column = -1;
  std::string type, value;
  int style = 0;
  bool has_value = false;

  void Start(std::string_view name, const char** attrs) override {
    if (name == "sheetData") {
      in_sheet_data = true;
    } else if (!in_sheet_data) {
      return;
    } else if (name == "row") {
      const char* r = Attr(attrs, "r");
      int number = r ? std::atoi(r) : next_row;
      if (number < next_row || number > 1048576) {
        error = NotXlsx("row numbers go backwards or past the last row");
        return;
      }
      rows.push_back({number, {}});
      next_row = number + 1;
      column = -1;
    } else if (name == "c") {
      if (rows.empty()) {
        error = NotXlsx("a cell outside a row");
        return;
      }
      const char* r = Attr(attrs, "r");
      const int col = r ? ColumnOf(r) : column + 1;
      if (col < 0 || col <= column) {
        error = NotXlsx("cells out of order in row " + std::to_string(rows.back().number));
        return;
      }
      if (static_cast<size_t>(col) >= max_columns) {
        error = BadInput("too_many_columns", "row " + std::to_string(rows.back().number) +
                                                 " has a cell right of column " +
                                                 std::to_string(max_columns));
        return;
      }
      column = col;
      const char* t = Attr(attrs, "t");
      type = t ? t : "n";
      const char* s = Attr(attrs, "s");
      style = s ? std::atoi(s) : 0;
      value.clear();
      has_value = false;
      in_cell = true;
    } else if (in_cell && name == "v") {
      in_value = true;
      has_value = true;
    } else if (in_cell && name == "is") {
      in_inline = true;
      has_value = true;
    } else if (in_inline && name == "rPh") {
      ++phonetic;
    } else if (in_inline && name == "t" && phonetic == 0) {
      in_value = true;
    }
  }

  void End(std::string_view name) override {
    if (name == "sheetData") {
      in_sheet_data = false;
    } else if (name == "v" || name == "t") {
      in_value = false;
    } else if (name == "rPh") {
      --phonetic;
    } else if (name == "is") {
      in_inline = false;
    } else if (name == "c" && in_cell) {
      in_cell = false;
      if (has_value) Store();
    }
  }

  void Text(std::string_view text) override {
    if (in_value) value.append(text);
  }

  void Store() {
    std::string text;
    if (type == "s") {
      char* end = nullptr;
      const long i = std::strtol(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0' || i < 0 || static_cast<size_t>(i) >= strings.size()) {
        error = NotXlsx("a cell points at a shared string that does not exist");
        return;
      }
      text = strings[static_cast<size_t>(i)];
    } else if (type == "b") {
      text = value == "1" || value == "true" ? "true" : "false";
    } else if (type == "n") {
      const bool date = style >= 0 && static_cast<size_t>(style) < date_styles.size() &&
                        date_styles[static_cast<size_t>(style)];
      text = NumberText(value);
      if (date && !value.empty()) {
        std::string d = SerialDate(std::strtod(value.c_str(), nullptr), date1904);
        if (!d.empty()) text = d;
      }
    } else if (type == "d") {
      text = value.ends_with("T00:00:00") ? value.substr(0, 10) : value;  // ISO 8601 already
    } else {
      text = value;  // inlineStr, str (a formula's text), e (an error code)
    }
    if (text.empty()) return;
    auto& cells = rows.back().cells;
    cells.resize(static_cast<size_t>(column) + 1);
    cells[static_cast<size_t>(column)] = std::move(text);
  }
};

// "worksheets/sheet1.xml" (relative to xl/) or "/xl/worksheets/sheet1.xml" → the part name.
std::string PartName(const std::string& target) {
  if (target.starts_with("/")) return target.substr(1);
  return "xl/" + target;
}

}  // namespace

bool LooksLikeZip(std::string_view bytes) {
  return bytes.starts_with(std::string_view("PK\3\4", 4));
}

Result<std::vector<XlsxRow>> ReadXlsxSheet(std::string_view bytes, const XlsxLimits& limits) {
  if (!LooksLikeZip(bytes)) return NotXlsx("it is not a ZIP archive");
  Archive zip(bytes, limits);
  if (!zip.ok()) return NotXlsx("its ZIP directory is damaged");

  WorkbookHandler workbook;
  KC_RETURN_IF_ERROR(zip.Parse("xl/workbook.xml", workbook));
  std::string sheet = "xl/worksheets/sheet1.xml";
  if (!workbook.first_sheet_rel.empty() && zip.Has("xl/_rels/workbook.xml.rels")) {
    RelsHandler rels;
    KC_RETURN_IF_ERROR(zip.Parse("xl/_rels/workbook.xml.rels", rels));
    auto it = rels.targets.find(workbook.first_sheet_rel);
    if (it != rels.targets.end()) sheet = PartName(it->second);
  }
  SharedStringsHandler shared;
  if (zip.Has("xl/sharedStrings.xml")) {
    KC_RETURN_IF_ERROR(zip.Parse("xl/sharedStrings.xml", shared));
  }
  StylesHandler styles;
  if (zip.Has("xl/styles.xml")) KC_RETURN_IF_ERROR(zip.Parse("xl/styles.xml", styles));
  SheetHandler rows(shared.strings, styles.date_styles, workbook.date1904, limits.max_columns);
  KC_RETURN_IF_ERROR(zip.Parse(sheet, rows));
  std::vector<XlsxRow> out;
  for (auto& r : rows.rows) {
    if (!r.cells.empty()) out.push_back(std::move(r));
  }
  return out;
}

}  // namespace kc
