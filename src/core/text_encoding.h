// Character encodings of uploaded files. Bulk import files come from Excel on Chinese Windows,
// which writes CSV in GB18030/GBK ("ANSI") or UTF-16 ("Unicode text"); everything inside the
// platform is UTF-8, so such files are converted once, at the edge, by DecodeToUtf8 (core/utf8.h
// checks and measures UTF-8 text).
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace kc {

// Returns `s` without a leading UTF-8 byte order mark (EF BB BF), or `s` itself if it has none.
// The result views the same memory as `s`.
std::string_view StripUtf8Bom(std::string_view s);

// Returns the text of an uploaded file as UTF-8, recognising in this order:
//   1. a UTF-8 BOM: the BOM is dropped and the rest must be valid UTF-8;
//   2. a UTF-16LE (FF FE) or UTF-16BE (FE FF) BOM: the rest is converted, and must have an even
//      length and no unpaired surrogate;
//   3. valid UTF-8 (this includes plain ASCII): returned unchanged;
//   4. otherwise GB18030 (a superset of GBK and GB2312), converted with iconv.
// Fails with BadInput("bad_encoding") when the bytes fit none of these. Thread-safe.
Result<std::string> DecodeToUtf8(std::string_view bytes);

// Converts `bytes` in the character encoding named `charset` to UTF-8. The name is one that web
// pages and HTTP headers use, in any letter case: UTF-8; GB2312, GBK and GB18030 (all read as
// GB18030, their superset); Big5 (read as Big5-HKSCS, its superset, else as CP950); ISO-8859-1
// and Windows-1252 (read as Windows-1252). Fails with BadInput("unknown_charset") for another
// name and BadInput("bad_encoding") when the bytes are not in the encoding. Thread-safe.
Result<std::string> DecodeCharsetToUtf8(std::string_view bytes, std::string_view charset);

}  // namespace kc
