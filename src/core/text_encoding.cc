#include "core/text_encoding.h"

#include "core/utf8.h"


#include <iconv.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>


namespace kc {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Converts UTF-16 code units (after the BOM) to UTF-8.
Result<std::string> Utf16ToUtf8(std::string_view bytes, bool big_endian) {
  if (bytes.size() % 2 != 0) {
    return BadInput("bad_encoding", "the file has a UTF-16 byte order mark but an odd length");
  }
  const auto unit = [&](size_t i) -> uint32_t {
    const auto b0 = static_cast<uint8_t>(bytes[i]);
    const auto b1 = static_cast<uint8_t>(bytes[i + 1]);
    return big_endian ? (b0 << 8 | b1) : (b1 << 8 | b0);
  };
  std::string out;
  out.reserve(bytes.size() * 3 / 2);
  for (size_t i = 0; i < bytes.size(); i += 2) {
    uint32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 2 < bytes.size()) {
      const uint32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        i += 2;
      }
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      return BadInput("bad_encoding", "the UTF-16 text has an unpaired surrogate");
    }
    AppendUtf8(cp, &out);
  }
  return out;
}

// This thread's iconv descriptors to UTF-8, one per source encoding, opened on first use and
// kept: opening one loads the encoding's module (a dlopen), which costs more than converting a
// page.
class Utf8Converters {
 public:
  Utf8Converters() = default;
  Utf8Converters(const Utf8Converters&) = delete;
  Utf8Converters& operator=(const Utf8Converters&) = delete;
  ~Utf8Converters() {
    for (auto& [name, cd] : open_) iconv_close(cd);
  }

  // A descriptor from `from` to UTF-8 in its initial shift state; nullopt when iconv lacks it.
  std::optional<iconv_t> From(const char* from) {
    auto it = open_.find(from);
    if (it == open_.end()) {
      iconv_t cd = iconv_open("UTF-8", from);
      if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
      it = open_.emplace(from, cd).first;
    }
    iconv(it->second, nullptr, nullptr, nullptr, nullptr);  // back to the initial state
    return it->second;
  }

 private:
  std::map<std::string, iconv_t, std::less<>> open_;
};

// Converts `bytes` from the iconv encoding `from` to UTF-8; nullopt when iconv lacks the
// encoding or the bytes are not in it (an invalid or truncated sequence).
std::optional<std::string> IconvToUtf8(std::string_view bytes, const char* from) {
  static thread_local Utf8Converters converters;
  std::optional<iconv_t> opened = converters.From(from);
  if (!opened) return std::nullopt;
  iconv_t cd = *opened;
  std::string in(bytes);
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in_ptr = in.data();
  size_t in_left = in.size();
  char* out_ptr = out.data();
  size_t out_left = out.size();
  bool ok = true;
  while (in_left > 0) {
    if (iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) != static_cast<size_t>(-1)) continue;
    if (errno != E2BIG) {  // EILSEQ: invalid sequence; EINVAL: truncated at the end
      ok = false;
      break;
    }
    const size_t used = out.size() - out_left;
    out.resize(out.size() * 2);
    out_ptr = out.data() + used;
    out_left = out.size() - used;
  }
  if (ok && iconv(cd, nullptr, nullptr, &out_ptr, &out_left) == static_cast<size_t>(-1)) {
    ok = false;
  }
  if (!ok) return std::nullopt;
  out.resize(out.size() - out_left);
  if (!IsValidUtf8(out)) return std::nullopt;  // defensive: iconv must produce UTF-8
  return out;
}

// Converts GB18030 to UTF-8; bytes that are not GB18030 fail with bad_encoding.
Result<std::string> Gb18030ToUtf8(std::string_view bytes) {
  if (auto out = IconvToUtf8(bytes, "GB18030")) return std::move(*out);
  return BadInput("bad_encoding",
                  "the file is neither UTF-8 nor GB18030; save it as \"CSV UTF-8\" and upload "
                  "it again");
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::string_view StripUtf8Bom(std::string_view s) {
  if (s.starts_with(kUtf8Bom)) s.remove_prefix(kUtf8Bom.size());
  return s;
}

Result<std::string> DecodeToUtf8(std::string_view bytes) {
  if (bytes.starts_with(kUtf8Bom)) {
    const std::string_view rest = StripUtf8Bom(bytes);
    if (!IsValidUtf8(rest)) {
      return BadInput("bad_encoding",
                      "the file starts with a UTF-8 byte order mark but is not valid UTF-8");
    }
    return std::string(rest);
  }
  if (bytes.starts_with("\xFF\xFE")) return Utf16ToUtf8(bytes.substr(2), /*big_endian=*/false);
  if (bytes.starts_with("\xFE\xFF")) return Utf16ToUtf8(bytes.substr(2), /*big_endian=*/true);
  if (IsValidUtf8(bytes)) return std::string(bytes);
  return Gb18030ToUtf8(bytes);
}

Result<std::string> DecodeCharsetToUtf8(std::string_view bytes, std::string_view charset) {
  const std::string name = LowerAscii(charset);
  // Names as pages and HTTP headers write them, mapped to what glibc's iconv reads; a superset
  // stands for each older encoding, as browsers do (GB2312 and GBK pages are GB18030 text).
  std::vector<const char*> tries;
  if (name == "utf-8" || name == "utf8") {
    if (IsValidUtf8(StripUtf8Bom(bytes))) return std::string(StripUtf8Bom(bytes));
  } else if (name == "gb18030" || name == "gbk" || name == "gb2312" || name == "x-gbk" ||
             name == "cp936" || name == "windows-936" || name == "euc-cn" || name == "csgb2312" ||
             name == "chinese") {
    tries = {"GB18030"};
  } else if (name == "big5" || name == "big-5" || name == "cn-big5" || name == "x-x-big5" ||
             name == "csbig5" || name == "big5-hkscs" || name == "cp950" || name == "x-big5") {
    tries = {"BIG5-HKSCS", "CP950"};
  } else if (name == "iso-8859-1" || name == "latin1" || name == "windows-1252" ||
             name == "cp1252" || name == "us-ascii" || name == "ascii") {
    tries = {"WINDOWS-1252", "ISO-8859-1"};
  } else {
    return BadInput("unknown_charset", "the character encoding \"" + SanitizeUtf8(charset) +
                                           "\" is not one this platform reads");
  }
  for (const char* from : tries) {
    if (auto out = IconvToUtf8(bytes, from)) return std::move(*out);
  }
  return BadInput("bad_encoding",
                  "the text is not in the character encoding \"" + SanitizeUtf8(charset) + "\"");
}

}  // namespace kc
