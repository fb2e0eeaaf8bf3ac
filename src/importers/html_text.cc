#include "importers/html_text.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "core/utf8.h"

namespace kc {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsIn(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements whose content is never reading text: skipped with everything inside.
bool IsSkipped(std::string_view tag) {
  return IsIn(tag, {"script", "style", "noscript", "template", "nav", "header", "footer", "aside",
                    "form", "select", "button", "iframe", "svg", "object"});
}

// Skipped elements that show nothing and so never break a line of text.
bool IsInvisibleInline(std::string_view tag) {
  return IsIn(tag, {"script", "style", "noscript", "template"});
}

// Elements that end the current block.
bool BreaksBlock(std::string_view tag) {
  return IsIn(tag, {"p",    "div",    "br",         "h1",      "h2",      "h3",         "h4",
                    "h5",   "h6",     "li",         "ul",      "ol",      "table",      "tr",
                    "td",   "th",     "section",    "article", "figure",  "figcaption", "dd",
                    "dt",   "dl",     "pre",        "hr",      "title",   "main",       "body",
                    "html", "center", "blockquote", "address", "caption", "tbody"});
}

struct Tag {
  std::string name;  // lower case
  bool closing = false;
  bool self_closing = false;
  std::map<std::string, std::string> attrs;  // lower-case names, decoded values
};

// Parses the tag starting at html[*pos] == '<'; advances past '>'. False when it is not a tag.
bool ReadTag(std::string_view html, size_t* pos, Tag* tag) {
  size_t i = *pos + 1;
  if (i < html.size() && html[i] == '/') {
    tag->closing = true;
    ++i;
  }
  size_t start = i;
  while (i < html.size() && (std::isalnum(static_cast<unsigned char>(html[i])) || html[i] == '-'))
    ++i;
  if (i == start) return false;
  tag->name = Lower(html.substr(start, i - start));
  while (i < html.size() && html[i] != '>') {
    if (std::isspace(static_cast<unsigned char>(html[i]))) {
      ++i;
      continue;
    }
    if (html[i] == '/') {
      tag->self_closing = true;
      ++i;
      continue;
    }
    size_t ns = i;
    while (i < html.size() && html[i] != '=' && html[i] != '>' && html[i] != '/' &&
           !std::isspace(static_cast<unsigned char>(html[i])))
      ++i;
    std::string name = Lower(html.substr(ns, i - ns));
    std::string value;
    while (i < html.size() && std::isspace(static_cast<unsigned char>(html[i]))) ++i;
    if (i < html.size() && html[i] == '=') {
      ++i;
      while (i < html.size() && std::isspace(static_cast<unsigned char>(html[i]))) ++i;
      if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
        char q = html[i++];
        size_t vs = i;
        while (i < html.size() && html[i] != q) ++i;
        value = DecodeHtmlEntities(html.substr(vs, i - vs));
        if (i < html.size()) ++i;
      } else {
        size_t vs = i;
        while (i < html.size() && html[i] != '>' &&
               !std::isspace(static_cast<unsigned char>(html[i])))
          ++i;
        value = DecodeHtmlEntities(html.substr(vs, i - vs));
      }
    }
    if (!name.empty()) tag->attrs[name] = value;
  }
  *pos = i < html.size() ? i + 1 : i;
  return true;
}

}  // namespace

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = 1;
    bool ws = std::isspace(c) != 0;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      ws = true, len = 2;
    } else if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               static_cast<unsigned char>(s[i + 2]) == 0x80) {
      ws = true, len = 3;
    }
    if (ws) {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

namespace {

std::string Collapse(std::string_view s) { return CollapseWhitespace(s); }

bool ClassNamesCaption(const Tag& tag) {
  auto it = tag.attrs.find("class");
  if (it == tag.attrs.end()) return false;
  std::string c = Lower(it->second);
  return c.find("caption") != std::string::npos || c.find("pictext") != std::string::npos ||
         c.find("pic_txt") != std::string::npos || c.find("img-desc") != std::string::npos;
}

class BlockBuilder {
 public:
  void Text(std::string_view raw) { pending_ += DecodeHtmlEntities(raw); }

  void Flush() {
    std::string t = Collapse(pending_);
    pending_.clear();
    if (t.empty()) return;
    TextBlock::Kind kind = TextBlock::Kind::kText;
    if (title_depth_ > 0) {
      kind = TextBlock::Kind::kTitle;
    } else if (heading_depth_ > 0) {
      kind = TextBlock::Kind::kHeading;
    } else if (caption_depth_ > 0) {
      kind = TextBlock::Kind::kCaption;
    }
    blocks_.push_back(TextBlock{kind, std::move(t), ""});
  }

  void Image(const Tag& tag) {
    Flush();
    auto src = tag.attrs.find("src");
    auto alt = tag.attrs.find("alt");
    blocks_.push_back(TextBlock{TextBlock::Kind::kImage,
                                alt == tag.attrs.end() ? "" : Collapse(alt->second),
                                src == tag.attrs.end() ? "" : src->second});
  }

  int title_depth_ = 0;
  int heading_depth_ = 0;
  int caption_depth_ = 0;
  std::vector<TextBlock> blocks_;

 private:
  std::string pending_;
};

}  // namespace

std::string DecodeHtmlEntities(std::string_view s) {
  static const std::map<std::string, char32_t, std::less<>> kNamed = {
      {"amp", '&'},      {"lt", '<'},        {"gt", '>'},       {"quot", '"'},
      {"apos", '\''},    {"nbsp", 0xA0},     {"middot", 0xB7},  {"mdash", 0x2014},
      {"ndash", 0x2013}, {"ldquo", 0x201C},  {"rdquo", 0x201D}, {"lsquo", 0x2018},
      {"rsquo", 0x2019}, {"hellip", 0x2026}, {"copy", 0xA9},    {"times", 0xD7},
      {"ensp", 0x2002},  {"emsp", 0x2003},   {"bull", 0x2022},  {"raquo", 0xBB},
      {"laquo", 0xAB}};
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    size_t semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 12) {
      out += '&';
      continue;
    }
    std::string_view ref = s.substr(i + 1, semi - i - 1);
    char32_t cp = 0;
    if (!ref.empty() && ref[0] == '#') {
      bool hex = ref.size() > 1 && (ref[1] == 'x' || ref[1] == 'X');
      std::string_view digits = ref.substr(hex ? 2 : 1);
      bool ok = !digits.empty();
      uint32_t v = 0;
      for (char c : digits) {
        int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                : hex && std::isxdigit(static_cast<unsigned char>(c))
                    ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                    : -1;
        if (d < 0 || v > 0x10FFFF) {
          ok = false;
          break;
        }
        v = v * (hex ? 16 : 10) + d;
      }
      if (ok && v > 0 && v <= 0x10FFFF && (v < 0xD800 || v > 0xDFFF)) cp = v;
    } else if (auto it = kNamed.find(ref); it != kNamed.end()) {
      cp = it->second;
    }
    if (cp == 0) {
      out += '&';
      continue;
    }
    AppendUtf8(cp, &out);
    i = semi;
  }
  return out;
}

std::vector<TextBlock> HtmlToBlocks(std::string_view html) {
  BlockBuilder b;
  std::vector<std::string> caption_close;  // names of open caption-by-class elements
  size_t i = 0;
  while (i < html.size()) {
    if (html[i] != '<') {
      size_t next = html.find('<', i);
      if (next == std::string_view::npos) next = html.size();
      b.Text(html.substr(i, next - i));
      i = next;
      continue;
    }
    if (html.substr(i, 4) == "<!--") {
      size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    if (html.substr(i, 2) == "<!" || html.substr(i, 2) == "<?") {
      size_t end = html.find('>', i);
      i = end == std::string_view::npos ? html.size() : end + 1;
      continue;
    }
    Tag tag;
    size_t at = i;
    if (!ReadTag(html, &i, &tag)) {
      b.Text("<");
      i = at + 1;
      continue;
    }
    if (!tag.closing && IsSkipped(tag.name) && !tag.self_closing) {
      // Skip to the matching end tag, counting nested ones of the same name. A script or style
      // inside a line ("浏览次数：<script>…</script>356") does not break it.
      if (!IsInvisibleInline(tag.name)) b.Flush();
      int depth = 1;
      while (i < html.size() && depth > 0) {
        size_t lt = html.find('<', i);
        if (lt == std::string_view::npos) {
          i = html.size();
          break;
        }
        Tag inner;
        i = lt;
        if (!ReadTag(html, &i, &inner)) {
          i = lt + 1;
          continue;
        }
        if (inner.name == tag.name && !inner.self_closing) depth += inner.closing ? -1 : 1;
        if (tag.name == "script" || tag.name == "style") {
          if (inner.closing && inner.name == tag.name) depth = 0;
        }
      }
      continue;
    }
    if (tag.name == "img" && !tag.closing) {
      b.Image(tag);
      continue;
    }
    if (BreaksBlock(tag.name) || ClassNamesCaption(tag)) b.Flush();
    int step = tag.closing ? -1 : (tag.self_closing ? 0 : 1);
    if (tag.name == "title") b.title_depth_ = std::max(0, b.title_depth_ + step);
    if (tag.name == "h1") b.heading_depth_ = std::max(0, b.heading_depth_ + step);
    if (tag.name == "figcaption") b.caption_depth_ = std::max(0, b.caption_depth_ + step);
    if (!tag.closing && ClassNamesCaption(tag) && tag.name != "figcaption" && !tag.self_closing) {
      // A caption by class: counted until the element of the same name closes. Nested
      // elements of the same name inside a caption are rare enough to ignore.
      b.caption_depth_ += 1;
      caption_close.push_back(tag.name);
    } else if (tag.closing && !caption_close.empty() && caption_close.back() == tag.name) {
      b.caption_depth_ = std::max(0, b.caption_depth_ - 1);
      caption_close.pop_back();
    }
  }
  b.Flush();
  return std::move(b.blocks_);
}

}  // namespace kc
