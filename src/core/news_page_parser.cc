#include "core/news_page_parser.h"

#include <cctype>
#include <optional>

#include "core/html_text.h"

namespace kc {

namespace {

using Kind = TextBlock::Kind;

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
bool Contains(std::string_view s, std::string_view p) { return s.find(p) != std::string::npos; }

size_t CharCount(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string Trim(std::string_view s) { return CollapseWhitespace(s); }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads 1..max digits at *pos.
bool ReadNumber(std::string_view s, size_t* pos, size_t min, size_t max, int* out) {
  size_t i = *pos;
  int v = 0;
  while (i < s.size() && i - *pos < max && IsDigit(s[i])) v = v * 10 + (s[i++] - '0');
  if (i - *pos < min) return false;
  *pos = i;
  *out = v;
  return true;
}

// Consumes one of `seps` at *pos.
bool ReadSep(std::string_view s, size_t* pos, std::initializer_list<std::string_view> seps) {
  for (auto sep : seps) {
    if (s.substr(*pos, sep.size()) == sep) {
      *pos += sep.size();
      return true;
    }
  }
  return false;
}

void SkipSpaces(std::string_view s, size_t* pos) {
  while (*pos < s.size() && s[*pos] == ' ') ++*pos;
}

// A date and time found in a line.
struct FoundTime {
  size_t start = 0, end = 0;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  bool has_time = false;
  std::optional<int> offset;  // minutes, when the page states the zone
};

// Reads an explicit zone after a time: "+08:00", "UTC+8", "GMT+0800", "(UTC+08:00)".
std::optional<int> ReadZone(std::string_view s, size_t* pos) {
  size_t i = *pos;
  SkipSpaces(s, &i);
  bool paren = ReadSep(s, &i, {"(", "（"});
  bool named = ReadSep(s, &i, {"UTC", "GMT"});
  if (i >= s.size() || (s[i] != '+' && s[i] != '-')) {
    if (named && !paren) {
      *pos = i;
      return 0;
    }
    return std::nullopt;
  }
  if (!named && !paren && i != *pos) return std::nullopt;  // "+8" alone must follow the time
  int sign = s[i++] == '-' ? -1 : 1;
  int h = 0, m = 0;
  size_t digits_at = i;
  if (!ReadNumber(s, &i, 1, 2, &h)) return std::nullopt;
  if (ReadSep(s, &i, {":"})) {
    if (!ReadNumber(s, &i, 2, 2, &m)) return std::nullopt;
  } else if (i - digits_at == 2 && ReadNumber(s, &i, 2, 2, &m)) {
    // "+0800"
  }
  if (h > 14 || m > 59) return std::nullopt;
  if (paren) ReadSep(s, &i, {")", "）"});
  *pos = i;
  return sign * (h * 60 + m);
}

std::optional<FoundTime> FindTime(std::string_view s) {
  for (size_t i = 0; i + 8 <= s.size(); ++i) {
    if (!IsDigit(s[i]) || (i > 0 && IsDigit(s[i - 1]))) continue;
    FoundTime t;
    size_t p = i;
    if (!ReadNumber(s, &p, 4, 4, &t.y) || t.y < 1900 || t.y > 2200) continue;
    if (!ReadSep(s, &p, {"-", "/", ".", "年"})) continue;
    if (!ReadNumber(s, &p, 1, 2, &t.mo) || t.mo < 1 || t.mo > 12) continue;
    if (!ReadSep(s, &p, {"-", "/", ".", "月"})) continue;
    if (!ReadNumber(s, &p, 1, 2, &t.d) || t.d < 1 || t.d > 31) continue;
    ReadSep(s, &p, {"日"});
    t.start = i;
    t.end = p;
    size_t q = p;
    SkipSpaces(s, &q);
    if (ReadNumber(s, &q, 1, 2, &t.h) && ReadSep(s, &q, {":", "："}) &&
        ReadNumber(s, &q, 2, 2, &t.mi) && t.h < 24 && t.mi < 60) {
      t.has_time = true;
      size_t r = q;
      if (ReadSep(s, &r, {":", "："}) && ReadNumber(s, &r, 2, 2, &t.sec) && t.sec < 60) q = r;
      t.end = q;
      if (auto zone = ReadZone(s, &q)) {
        t.offset = *zone;
        t.end = q;
      }
    }
    if (Contains(s, "北京时间")) t.offset = 480;
    return t;
  }
  return std::nullopt;
}

// The value after a label such as "来源" ("来源:中国新闻网 作者:…" → "中国新闻网"), or "".
std::string LabelValue(std::string_view s, std::string_view label) {
  size_t at = s.find(label);
  if (at == std::string::npos) return "";
  size_t p = at + label.size();
  SkipSpaces(s, &p);
  if (!ReadSep(s, &p, {":", "："})) return "";
  SkipSpaces(s, &p);
  // The value runs to the next label, a separator, or a number after a space (a date).
  auto is_label = [](std::string_view rest) {
    for (std::string_view l :
         {"作者", "编辑", "责任编辑", "字号", "来源", "分享", "发布时间", "浏览", "丨", "|"}) {
      if (StartsWith(rest, l)) return true;
    }
    return false;
  };
  size_t end = p;
  while (end < s.size()) {
    std::string_view rest = s.substr(end);
    if (end > p && is_label(rest)) break;
    if (s[end] == ' ') {
      std::string_view next = s.substr(end + 1);
      if (next.empty() || next[0] == ' ' || IsDigit(next[0]) || is_label(next)) break;
    }
    ++end;
  }
  while (end > p && s[end - 1] == ' ') --end;
  return std::string(s.substr(p, end - p));
}

// "【编辑:房家梁】", "(责任编辑:张三)", "责任编辑:张三" → the name; "" otherwise.
std::string EditorOf(std::string_view line) {
  for (std::string_view label : {"责任编辑", "编辑"}) {
    size_t at = line.find(label);
    if (at == std::string::npos) continue;
    std::string_view before = line.substr(0, at);
    bool bracketed = EndsWith(before, "【") || EndsWith(before, "[") || EndsWith(before, "(") ||
                     EndsWith(before, "（");
    if (!bracketed && !Trim(before).empty()) continue;  // "编辑" inside a sentence
    std::string v = LabelValue(line.substr(at), label);
    for (std::string_view close : {"】", "]", ")", "）"}) {
      size_t c = v.find(close);
      if (c != std::string::npos) v.resize(c);
    }
    if (!v.empty() && CharCount(v) <= 20) return Trim(v);
  }
  return "";
}

// A site's headline or navigation list pasted as one line: many space-separated pieces and no
// full stop.
bool IsHeadlineList(std::string_view line) {
  if (Contains(line, "。")) return false;
  size_t pieces = 1;
  for (char c : line) pieces += c == ' ';
  return pieces >= 8 && CharCount(line) > 60;
}

// "您的位置:首页 >新闻资讯 >" → {"首页", "新闻资讯"}; nullopt when the line is no breadcrumb trail.
std::optional<std::vector<std::string>> Breadcrumbs(std::string_view line) {
  std::string_view rest = line;
  bool labelled = false;
  for (std::string_view label : {"您的位置", "当前位置", "您现在的位置", "所在位置", "位置"}) {
    if (StartsWith(line, label)) {
      size_t p = label.size();
      SkipSpaces(line, &p);
      if (!ReadSep(line, &p, {":", "："})) continue;
      rest = line.substr(p);
      labelled = true;
      break;
    }
  }
  if (!labelled && !(StartsWith(line, "首页") && (Contains(line, ">") || Contains(line, "»")))) {
    return std::nullopt;
  }
  std::vector<std::string> crumbs;
  std::string cur;
  auto flush = [&] {
    std::string t = Trim(cur);
    if (!t.empty()) crumbs.push_back(t);
    cur.clear();
  };
  for (size_t i = 0; i < rest.size();) {
    if (ReadSep(rest, &i, {">", "»", "＞", "›"})) {
      flush();
    } else {
      cur += rest[i++];
    }
  }
  flush();
  return crumbs;
}

// A caption the page printed twice in a row on one line ("X摄X摄"): X, else "".
std::string HalfOfDoubled(std::string_view line) {
  size_t n = line.size();
  if (n < 6) return "";
  for (size_t k = n / 2 >= 2 ? n / 2 - 2 : 0; k <= n / 2 + 2 && k < n; ++k) {
    std::string a = Trim(line.substr(0, k)), b = Trim(line.substr(k));
    if (!a.empty() && a == b) return a;
  }
  return "";
}

// Splits "万钢在会上讲话。 孙自法 摄" into caption and credit; false when no photo credit ends it.
bool SplitCredit(std::string_view line, NewsImage* img) {
  std::string t = Trim(line);
  if (!EndsWith(t, "摄") || CharCount(t) > 150) return false;
  std::string body = Trim(std::string_view(t).substr(0, t.size() - std::string_view("摄").size()));
  size_t space = body.rfind(' ');
  if (space == std::string::npos) {
    img->caption = body;
    img->credit = "";
  } else {
    img->caption = Trim(std::string_view(body).substr(0, space));
    img->credit = Trim(std::string_view(body).substr(space + 1));
  }
  return !img->caption.empty() || !img->credit.empty();
}

// The caption of a line, when the line is one: set in *img (url untouched).
bool CaptionOf(const TextBlock& b, NewsImage* img) {
  std::string line = b.text;
  std::string half = HalfOfDoubled(line);
  if (!half.empty()) line = half;
  if (SplitCredit(line, img)) return true;
  if (!half.empty() || b.kind == Kind::kCaption) {
    img->caption = line;
    img->credit = "";
    return true;
  }
  return false;
}

// Short lines of page furniture (share buttons, font size, print) that are not article text.
bool IsPageChrome(std::string_view line) {
  if (CharCount(line) > 20) return false;
  for (std::string_view w : {"分享", "字号", "打印", "关闭窗口", "纠错", "收藏", "大 中 小"}) {
    if (Contains(line, w)) return true;
  }
  return false;
}

// Removes a trailing end mark "(完)" / "（完）"; true when there was one.
bool StripEndMark(std::string* p) {
  for (std::string_view mark : {"(完)", "（完）"}) {
    if (EndsWith(*p, mark)) {
      *p = Trim(std::string_view(*p).substr(0, p->size() - mark.size()));
      return true;
    }
  }
  return false;
}

// Takes the dateline ("中新网北京1月18日电") and reporter ("(记者 孙自法)") off the front of
// the first paragraph.
void TakeDateline(std::string* para, ParsedNewsPage* out) {
  std::string_view p = *para;
  size_t end = std::string::npos;
  for (std::string_view mark : {"日电", "日讯", "本报讯", "电讯"}) {
    size_t at = p.find(mark);
    if (at != std::string::npos && at < 120) {
      end = std::min(end, at + mark.size());
    }
  }
  if (end == std::string::npos) return;
  std::string dateline = Trim(p.substr(0, end));
  if (CharCount(dateline) > 40 || Contains(dateline, "。") || Contains(dateline, "，")) return;
  out->dateline = dateline;
  size_t i = end;
  SkipSpaces(p, &i);
  if (ReadSep(p, &i, {"(", "（"})) {
    size_t close = std::min(p.find(')', i), p.find("）", i));
    if (close != std::string::npos && close - i < 120) {
      std::string inside = Trim(p.substr(i, close - i));
      for (std::string_view label : {"记者", "通讯员", "作者"}) {
        if (StartsWith(inside, label)) {
          std::string names = Trim(std::string_view(inside).substr(label.size()));
          if (StartsWith(names, ":") || StartsWith(names, "：")) {
            names = Trim(std::string_view(names).substr(StartsWith(names, ":") ? 1 : 3));
          }
          if (!names.empty()) out->author = names;
          break;
        }
      }
      i = close + (p[close] == ')' ? 1 : std::string_view("）").size());
    }
  }
  *para = Trim(p.substr(i));
}

bool LooksLikeHtml(std::string_view s) {
  std::string head(s.substr(0, 4096));
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string t = Trim(head);
  return StartsWith(t, "<") || Contains(head, "<html") || Contains(head, "<body") ||
         Contains(head, "<p>") || Contains(head, "<p ") || Contains(head, "<div");
}

std::vector<TextBlock> TextToBlocks(std::string_view text) {
  std::vector<TextBlock> blocks;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string line = Trim(text.substr(start, nl - start));
    if (!line.empty()) blocks.push_back(TextBlock{Kind::kText, std::move(line), ""});
    start = nl + 1;
  }
  return blocks;
}

// Adds an image unless its caption is already there (a page repeats captions).
void AddImage(std::vector<NewsImage>* images, NewsImage img) {
  for (auto& have : *images) {
    if (!img.caption.empty() && have.caption == img.caption) {
      if (have.url.empty()) have.url = img.url;
      if (have.credit.empty()) have.credit = img.credit;
      return;
    }
  }
  images->push_back(std::move(img));
}

// The site's name cut off a <title>: "标题_中国新闻网" → "标题".
std::string TitleOfDocument(std::string_view title) {
  std::string t(title);
  for (std::string_view sep : {"_", " - ", "|", "－"}) {
    size_t at = t.find(sep);
    if (at != std::string::npos && at > 0) t.resize(at);
  }
  return Trim(t);
}

}  // namespace

ParsedNewsPage ParseNewsPage(std::string_view content, PageFormat format) {
  ParsedNewsPage out;
  if (format == PageFormat::kAuto)
    format = LooksLikeHtml(content) ? PageFormat::kHtml : PageFormat::kText;
  out.format = format;
  std::vector<TextBlock> blocks =
      format == PageFormat::kHtml ? HtmlToBlocks(content) : TextToBlocks(content);

  // The breadcrumb trail; everything before it is the site's navigation.
  size_t begin = 0;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].kind != Kind::kText) continue;
    if (auto crumbs = Breadcrumbs(blocks[i].text)) {
      out.breadcrumbs = std::move(*crumbs);
      begin = i + 1;
      break;
    }
  }

  // The time line, and the title before it.
  size_t time_line = blocks.size();
  std::optional<FoundTime> time;
  for (size_t i = begin; i < blocks.size() && i < begin + 12; ++i) {
    if (blocks[i].kind != Kind::kText || IsHeadlineList(blocks[i].text)) continue;
    if (CharCount(blocks[i].text) > 120) continue;  // a paragraph mentioning a date
    if ((time = FindTime(blocks[i].text))) {
      time_line = i;
      break;
    }
  }
  size_t title_line = blocks.size();
  for (size_t i = begin; i < blocks.size(); ++i) {
    if (blocks[i].kind == Kind::kHeading) {
      title_line = i;
      break;
    }
  }
  if (title_line == blocks.size()) {
    size_t limit = time_line < blocks.size() ? time_line : std::min(blocks.size(), begin + 1);
    for (size_t i = limit; i-- > begin;) {
      const auto& b = blocks[i];
      if (b.kind == Kind::kText && !IsHeadlineList(b.text) && !IsPageChrome(b.text) &&
          CharCount(b.text) <= 100) {
        title_line = i;
        break;
      }
    }
  }
  if (title_line < blocks.size()) {
    out.title = blocks[title_line].text;
  } else {
    for (const auto& b : blocks) {
      if (b.kind == Kind::kTitle) {
        out.title = TitleOfDocument(b.text);
        break;
      }
    }
  }

  if (time) {
    const FoundTime& t = *time;
    out.local_time =
        Trim(std::string_view(blocks[time_line].text).substr(t.start, t.end - t.start));
    if (t.offset) {
      out.utc_offset_minutes = *t.offset;
    } else {
      out.utc_offset_minutes = 480;
      out.assumed.push_back("time_zone");
    }
    if (!t.has_time) out.assumed.push_back("time_of_day");
    out.published_at = EpochOfLocalTime(t.y, t.mo, t.d, t.h, t.mi, t.sec, out.utc_offset_minutes);
  }

  // The header lines (title, time, source) and the body after them.
  size_t body = begin;
  if (time_line < blocks.size()) {
    body = time_line + 1;
  } else if (title_line < blocks.size()) {
    body = title_line + 1;
  }
  for (size_t i = begin; i < std::min(body + 1, blocks.size()); ++i) {
    if (blocks[i].kind != Kind::kText) continue;
    if (out.source.empty()) out.source = LabelValue(blocks[i].text, "来源");
    if (out.author.empty()) out.author = LabelValue(blocks[i].text, "作者");
  }
  if (body < blocks.size() && blocks[body].kind == Kind::kText &&
      StartsWith(blocks[body].text, "来源")) {
    ++body;  // the source on a line of its own
  }

  bool ended = false;  // "(完)" seen: only captions and the editor may follow
  for (size_t i = body; i < blocks.size(); ++i) {
    const TextBlock& b = blocks[i];
    if (b.kind == Kind::kTitle || b.kind == Kind::kHeading) continue;
    if (b.kind == Kind::kImage) {
      NewsImage img{b.src, b.text, ""};
      if (i + 1 < blocks.size()) {
        NewsImage cap;
        if (CaptionOf(blocks[i + 1], &cap)) {
          img.caption = cap.caption;
          img.credit = cap.credit;
          ++i;
        }
      }
      if (!img.url.empty() || !img.caption.empty()) AddImage(&out.images, std::move(img));
      continue;
    }
    std::string editor = EditorOf(b.text);
    if (!editor.empty()) {
      out.editor = editor;
      if (!out.paragraphs.empty()) break;  // the footer follows
      continue;
    }
    NewsImage cap;
    if (CaptionOf(b, &cap)) {
      AddImage(&out.images, std::move(cap));
      continue;
    }
    if (ended || IsHeadlineList(b.text) || IsPageChrome(b.text) || Breadcrumbs(b.text)) continue;
    std::string para = b.text;
    ended = StripEndMark(&para);
    if (out.paragraphs.empty() && out.dateline.empty()) TakeDateline(&para, &out);
    if (!para.empty()) out.paragraphs.push_back(std::move(para));
  }

  auto check = [&](bool found, const char* name) {
    if (!found) out.missing.push_back(name);
  };
  check(!out.title.empty(), "title");
  check(out.published_at != 0, "published_at");
  check(!out.source.empty(), "source");
  check(!out.author.empty(), "author");
  check(!out.dateline.empty(), "dateline");
  check(!out.editor.empty(), "editor");
  check(!out.paragraphs.empty(), "paragraphs");
  check(!out.images.empty(), "images");
  return out;
}

}  // namespace kc
