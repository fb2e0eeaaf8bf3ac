// The text of an HTML page as a sequence of blocks (paragraph-like pieces), for page import.
// Not a full HTML parser: it knows which elements break lines, which hold no reading text
// (script, style, nav, header, footer, aside, form …), and which hold headings, captions and
// images. Malformed markup never fails; it yields whatever text there is.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kc {

struct TextBlock {
  enum class Kind {
    kText,     // ordinary text (a paragraph, a list item, a table cell …)
    kTitle,    // the document's <title>
    kHeading,  // an <h1>
    kCaption,  // <figcaption>, or an element whose class names a caption
    kImage,    // an <img>: `src` and its alt text as `text`
  };
  Kind kind = Kind::kText;
  std::string text;  // entities decoded, white space collapsed, trimmed
  std::string src;   // kImage only
};

// The blocks of `html` in document order; empty text blocks are dropped.
std::vector<TextBlock> HtmlToBlocks(std::string_view html);

// Collapses runs of white space (ASCII, U+00A0 and the ideographic space U+3000) to one space
// and trims both ends.
std::string CollapseWhitespace(std::string_view text);

// Decodes character references (&amp; &#20013; &#x4e2d; and the common named ones).
std::string DecodeHtmlEntities(std::string_view text);

}  // namespace kc
