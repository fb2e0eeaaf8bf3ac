// The character encoding of an imported news page (新闻页面的字符编码). Pages from Chinese sites
// come in UTF-8, GB2312/GBK/GB18030 or Big5, and say which in a <meta> tag, in the HTTP header
// they were sent with, or not at all; page import (POST /news/import) reads them all as UTF-8
// with DecodePageToUtf8. docs/news-import.md describes the rules.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace kc {

// The charset that `html` declares in a <meta> tag within its first 4096 bytes
// (<meta charset="big5">, <meta http-equiv="Content-Type" content="text/html; charset=gb2312">),
// in lower case; "" when it declares none.
std::string DeclaredCharset(std::string_view html);

// The charset parameter of a Content-Type header value ("text/html; charset=Big5" → "big5"),
// in lower case; "" when it has none.
std::string CharsetOfContentType(std::string_view content_type);

// True when the double-byte characters of `bytes` read as Big5 rather than as GBK: at least one
// in ten has a second byte below 0xA1, which Big5 gives about four characters in ten (its
// punctuation included) and simplified Chinese in GB2312/GBK almost none, and no GB18030
// four-byte sequence occurs. False for text with fewer than four double-byte characters.
bool LooksLikeBig5(std::string_view bytes);

// The text of a page as UTF-8, recognising in this order:
//   1. a UTF-8 or UTF-16 byte order mark (as DecodeToUtf8 in core/text_encoding.h);
//   2. valid UTF-8, returned unchanged whatever the page declares (a page saved again as UTF-8
//      often keeps its old <meta> tag);
//   3. the charset `header_charset` names (from the request's Content-Type; may be ""), else the
//      one the page declares (DeclaredCharset), when it is known and decodes the bytes;
//   4. Big5 when the bytes look like Big5 (LooksLikeBig5) and decode as Big5; else GB18030.
// Fails with BadInput("bad_encoding") when none of these decodes the bytes. Thread-safe.
Result<std::string> DecodePageToUtf8(std::string_view bytes, std::string_view header_charset);

}  // namespace kc
