// Text for HTML and XML documents: the one escaper of the server-written pages, the sitemap and
// the Atom feed.
#pragma once

#include <string>
#include <string_view>

namespace kc {

// `text` with & < > " ' written as entities (&amp; &lt; &gt; &quot; &#39;, valid in element
// content and in quoted attributes of both HTML and XML), and the control characters that XML
// 1.0 forbids (below U+0020 other than tab, line feed and carriage return) left out. Other
// bytes, UTF-8 included, are kept as they are.
std::string EscapeMarkup(std::string_view text);

}  // namespace kc
