#include "importers/news_page_parser.h"

#include <cctype>
#include <optional>

#include "core/utf8.h"
#include "importers/html_text.h"
#include "importers/page_labels.h"

namespace kc {

namespace {

using Kind = TextBlock::Kind;

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
bool Contains(std::string_view s, std::string_view p) { return s.find(p) != std::string::npos; }

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
  bool named = ReadSep(s, &i, {"UTC", "GMT", "utc", "gmt"});
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
    if (!ReadSep(s, &q, {"T"})) SkipSpaces(s, &q);
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

// A label's value that can be a name or a source: short, and no sentence ("记者：今年的情况
//如何？" in an interview is a question, not a byline).
bool IsMetaValue(std::string_view v) {
  if (v.empty() || Utf8Length(v) > 30) return false;
  for (std::string_view p : {"。", "？", "！", "?", "，"}) {
    if (Contains(v, p)) return false;
  }
  return true;
}

// The value of a `kind` label at the start of `line` ("【编辑:房家梁】", "（责编：赵一鸣、钱佳）",
// "【纠错】 责任编辑：王珂"), or "" — a label inside a sentence ("他曾任杂志编辑:…") is none.
// A line of labels gives each of them: "审核：孙浩 编辑：李梦" has an editor.
std::string LeadingLabelValue(std::string_view line, PageLabel kind) {
  if (!StartsWithAnyLabel(line)) return "";
  std::string v = LabelValue(line, kind);
  return IsMetaValue(v) ? v : "";
}

// A person's name as a label gives it, without a trailing staff code ("刘洋 SN240" → "刘洋").
std::string WithoutStaffCode(std::string v) {
  size_t space = v.rfind(' ');
  if (space == std::string::npos) return v;
  std::string_view code = std::string_view(v).substr(space + 1);
  size_t letters = 0;
  while (letters < code.size() && std::isalpha(static_cast<unsigned char>(code[letters]))) {
    ++letters;
  }
  bool is_code = letters >= 1 && letters <= 4 && letters < code.size();
  for (size_t i = letters; is_code && i < code.size(); ++i) is_code = IsDigit(code[i]);
  if (is_code) v = Trim(std::string_view(v).substr(0, space));
  return v;
}

// The writer of an author label without the roles around it: "文/赵一帆 图/钱雨" → "赵一帆".
std::string AuthorOfLabel(std::string v) {
  std::string folded = FoldLabelText(v);
  for (std::string_view lead : {"文/", "文／", "文："}) {
    if (StartsWith(folded, lead)) {
      v = Trim(std::string_view(v).substr(lead.size()));
      folded = FoldLabelText(v);
      break;
    }
  }
  for (std::string_view photo : {" 图/", " 图／", " 图：", " 摄影/", " 摄影：", " 摄/"}) {
    size_t at = folded.find(photo);
    if (at != std::string::npos) {
      v = Trim(std::string_view(v).substr(0, at));
      folded = FoldLabelText(v);
    }
  }
  return v;
}

// A site's headline or navigation list pasted as one line: many space-separated pieces and no
// full stop.
bool IsHeadlineList(std::string_view line) {
  if (Contains(line, "。")) return false;
  size_t pieces = 1, ascii = 0;
  for (char c : line) {
    pieces += c == ' ';
    ascii += static_cast<unsigned char>(c) < 0x80 && c != ' ';
  }
  // Chinese headlines, not the words of an English sentence.
  return pieces >= 8 && Utf8Length(line) > 60 && ascii * 2 < Utf8Length(line);
}

// "您的位置:首页 >新闻资讯 >" → {"首页", "新闻资讯"}; nullopt when the line is no breadcrumb trail.
// A trail is labelled (您的位置, 当前位置 …), or starts with 首页 and a separator, or is three or
// more short pieces joined by separators ("江南在线 >> 科技 >> 科技要闻").
std::optional<std::vector<std::string>> Breadcrumbs(std::string_view line) {
  if (Utf8Length(line) > 100 || Contains(line, "。")) return std::nullopt;
  std::string folded = FoldLabelText(line);
  std::string_view rest = line;
  bool labelled = false;
  for (std::string_view label :
       {"您的位置", "当前位置", "您现在的位置", "您当前的位置", "所在位置", "位置"}) {
    if (StartsWith(folded, label)) {
      size_t p = label.size();
      SkipSpaces(folded, &p);
      if (!ReadSep(folded, &p, {":", "："})) continue;
      rest = line.substr(p);
      labelled = true;
      break;
    }
  }
  std::vector<std::string> crumbs;
  std::string cur;
  size_t separators = 0;
  auto flush = [&] {
    std::string t = Trim(cur);
    if (!t.empty()) crumbs.push_back(t);
    cur.clear();
  };
  for (size_t i = 0; i < rest.size();) {
    if (ReadSep(rest, &i, {">", "»", "＞", "›", "→"})) {
      ++separators;
      flush();
    } else {
      cur += rest[i++];
    }
  }
  flush();
  bool home_first = StartsWith(folded, "首页") && separators > 0;
  bool short_pieces = crumbs.size() >= 3;
  for (const auto& c : crumbs) short_pieces = short_pieces && Utf8Length(c) <= 16;
  if (!labelled && !home_first && !short_pieces) return std::nullopt;
  for (std::string_view last : {"正文", "正文内容", "内容", "详情", "详细内容"}) {
    if (!crumbs.empty() && crumbs.back() == last) crumbs.pop_back();
  }
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

// The opening bracket that the closing one at the end of `s` closes: its offset and length.
std::optional<std::pair<size_t, size_t>> OpeningOfLastBracket(std::string_view s) {
  size_t ascii = s.rfind('('), wide = s.rfind("（");
  if (ascii == std::string::npos && wide == std::string::npos) return std::nullopt;
  if (wide == std::string::npos || (ascii != std::string::npos && ascii > wide)) {
    return std::make_pair(ascii, size_t{1});
  }
  return std::make_pair(wide, std::string_view("（").size());
}

// Splits "万钢在会上讲话。 孙自法 摄" into caption and credit; false when no photo credit ends it.
// The credit is what follows the caption's last sentence ("…稻种。新华社记者 肖艺 摄"), else its
// last word; a credit in brackets ("…现场。（记者 王某 摄）") is taken out whole. "拍摄" at the
// end is a verb, not a credit.
bool SplitCredit(std::string_view line, NewsImage* img) {
  std::string t = Trim(line);
  if (Utf8Length(t) > 150) return false;
  const std::string folded = FoldLabelText(t);
  std::string_view f = folded;
  size_t caption_end = 0, credit_start = 0, credit_end = 0;
  std::string_view inner = f;  // the text that ends in the photo mark
  for (std::string_view close : {")", "）"}) {
    if (!EndsWith(f, close)) continue;
    std::string_view inside = f.substr(0, f.size() - close.size());
    auto open = OpeningOfLastBracket(inside);
    if (!open || !EndsWith(inside, "摄")) continue;
    caption_end = open->first;
    credit_start = open->first + open->second;
    inner = inside;
    break;
  }
  std::string_view mark = EndsWith(inner, "摄影") ? "摄影" : "摄";
  if (!EndsWith(inner, mark) || EndsWith(inner, "拍摄") || EndsWith(inner, "拍摄影")) return false;
  credit_end = inner.size() - mark.size();
  if (credit_start == 0) {  // not bracketed: find where the credit starts
    std::string_view body = f.substr(0, credit_end);
    size_t sentence = std::string::npos;
    for (std::string_view end : {"。", "！", "？", "!", "?"}) {
      size_t at = body.rfind(end);
      if (at != std::string::npos &&
          (sentence == std::string::npos || at + end.size() > sentence)) {
        sentence = at + end.size();
      }
    }
    std::string_view trimmed = body;
    while (EndsWith(trimmed, " ")) trimmed.remove_suffix(1);
    if (sentence != std::string::npos && sentence < trimmed.size() &&
        Utf8Length(body.substr(sentence)) <= 25) {
      credit_start = sentence;
    } else {
      size_t space = trimmed.rfind(' ');
      credit_start = space == std::string::npos ? trimmed.size() : space + 1;
    }
    caption_end = credit_start;
  }
  std::string_view orig = t;
  img->caption = Trim(orig.substr(0, caption_end));
  std::string credit = Trim(orig.substr(credit_start, credit_end - credit_start));
  for (std::string_view slash : {"/", "／"}) {
    if (EndsWith(credit, slash)) credit = Trim(credit.substr(0, credit.size() - slash.size()));
  }
  img->credit = credit;
  return !img->caption.empty() || !img->credit.empty();
}

// Splits "A researcher at work. [Photo by Liu Yang/Eastern Daily]" into caption and credit;
// false when no English photo credit in brackets ends the line.
bool SplitEnglishCredit(std::string_view line, NewsImage* img) {
  std::string t = Trim(line);
  const std::string folded = FoldLabelText(t);
  for (auto [open, close] : {std::pair{'[', ']'}, std::pair{'(', ')'}}) {
    if (!EndsWith(folded, std::string(1, close))) continue;
    size_t at = folded.rfind(open);
    if (at == std::string::npos) continue;
    std::string_view inside = std::string_view(folded).substr(at + 1, folded.size() - at - 2);
    for (std::string_view prefix : {"photo by ", "photos by ", "photo: ", "photo/", "photo / "}) {
      if (!StartsWith(inside, prefix)) continue;
      img->caption = Trim(std::string_view(t).substr(0, at));
      img->credit =
          Trim(std::string_view(t).substr(at + 1 + prefix.size(), inside.size() - prefix.size()));
      return !img->credit.empty();
    }
  }
  return false;
}

// A line right under a picture that names it: short, no sentence ("会议现场"), no label.
bool IsBareCaption(std::string_view line) {
  if (Utf8Length(line) > 40 || StartsWithAnyLabel(line) || IsPageChrome(line)) return false;
  for (std::string_view end : {"。", "！", "？", "；", "：", ".", "!", "?", ":"}) {
    if (EndsWith(line, end)) return false;
  }
  return true;
}

// The caption of a line, when the line is one: set in *img (url untouched). Right after an
// image, a line that says what the picture shows ("图为…", "▲…") is its caption too.
bool CaptionOf(const TextBlock& b, bool after_image, NewsImage* img) {
  std::string line = b.text;
  std::string half = HalfOfDoubled(line);
  if (!half.empty()) line = half;
  if (SplitCredit(line, img) || SplitEnglishCredit(line, img)) return true;
  bool says_picture = false;
  if (after_image && Utf8Length(line) <= 150) {
    std::string folded = FoldLabelText(line);
    for (std::string_view start : {"图为", "图：", "图:", "上图", "下图", "左图", "右图", "▲"}) {
      says_picture = says_picture || StartsWith(folded, start);
    }
    says_picture = says_picture || IsBareCaption(line);
  }
  if (!half.empty() || b.kind == Kind::kCaption || says_picture) {
    img->caption = line;
    img->credit = "";
    return true;
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

// The names in a byline ("记者 吴倩 通讯员 郑凯" → "吴倩 郑凯"): the role words taken out.
std::string NamesOfByline(std::string_view byline) {
  std::string folded = FoldLabelText(byline);
  std::string names;
  for (size_t i = 0; i < folded.size();) {
    size_t skip = 0;
    for (std::string_view role : {"本报记者", "特约记者", "见习记者", "实习记者", "记者", "通讯员",
                                  "实习生", "作者", ":", "："}) {
      if (folded.compare(i, role.size(), role) == 0) {
        skip = role.size();
        break;
      }
    }
    if (skip > 0) {
      names += ' ';
      i += skip;
    } else {
      names += byline[i++];
    }
  }
  return Trim(names);
}

// Takes a Taiwan-style byline ("（寶島資訊記者林雅婷／台中報導）") off the front of the first
// paragraph: it is the dateline, and its reporter the author. False when there is none.
bool TakeReportedFrom(std::string* para, ParsedNewsPage* out) {
  std::string folded = FoldLabelText(*para);
  std::string_view f = folded;
  size_t open = StartsWith(f, "(") ? 1 : StartsWith(f, "（") ? std::string_view("（").size() : 0;
  if (open == 0) return false;
  size_t close = std::min(f.find(')'), f.find("）"));
  if (close == std::string::npos || Utf8Length(f.substr(open, close - open)) > 40) return false;
  std::string_view inside = f.substr(open, close - open);
  size_t reporter = inside.find("记者");
  bool reported = EndsWith(inside, "报导") || EndsWith(inside, "报道") || EndsWith(inside, "电");
  if (reporter == std::string::npos || !reported) return false;
  out->dateline = Trim(std::string_view(*para).substr(open, close - open));
  size_t names_at = open + reporter + std::string_view("记者").size();
  size_t slash = std::min(f.find('/', names_at), f.find("／", names_at));
  if (slash < close) {
    std::string names = NamesOfByline(std::string_view(*para).substr(names_at, slash - names_at));
    if (!names.empty()) out->author = names;
  }
  size_t after = close + (f[close] == ')' ? 1 : std::string_view("）").size());
  *para = Trim(std::string_view(*para).substr(after));
  return true;
}

// Takes an English dateline ("HANGZHOU — …", "BEIJING, May 10 (Xinhua) -- …") off the front
// of the first paragraph: a place in capitals, then a dash. False when there is none.
bool TakeEnglishDateline(std::string* para, ParsedNewsPage* out) {
  std::string_view p = *para;
  size_t caps = 0;
  while (caps < p.size() && ((p[caps] >= 'A' && p[caps] <= 'Z') || p[caps] == ' ')) ++caps;
  if (caps < 4) return false;
  for (std::string_view dash : {" — ", " -- ", " – ", " - "}) {
    size_t at = p.find(dash);
    if (at == std::string_view::npos || at > 80) continue;
    out->dateline = Trim(p.substr(0, at));
    *para = Trim(p.substr(at + dash.size()));
    return true;
  }
  return false;
}

// Takes the dateline ("中新网北京1月18日电") and reporter ("(记者 孙自法)") off the front of
// the first paragraph.
void TakeDateline(std::string* para, ParsedNewsPage* out) {
  if (TakeReportedFrom(para, out) || TakeEnglishDateline(para, out)) return;
  std::string folded = FoldLabelText(*para);
  std::string_view f = folded;
  std::string_view p = *para;
  size_t end = std::string::npos;
  for (std::string_view mark : {"日电", "日讯", "本报讯", "电讯"}) {
    size_t at = f.find(mark);
    if (at != std::string::npos && at < 120) {
      end = std::min(end, at + mark.size());
    }
  }
  if (end == std::string::npos) return;
  std::string dateline = Trim(p.substr(0, end));
  if (Utf8Length(dateline) > 40 || Contains(dateline, "。") || Contains(dateline, "，")) return;
  out->dateline = dateline;
  size_t i = end;
  SkipSpaces(p, &i);
  if (ReadSep(p, &i, {"(", "（"})) {
    size_t close = std::min(p.find(')', i), p.find("）", i));
    if (close != std::string::npos && close - i < 120) {
      std::string inside = Trim(p.substr(i, close - i));
      std::string folded_inside = FoldLabelText(inside);
      for (std::string_view role : {"本报记者", "记者", "通讯员", "作者"}) {
        if (StartsWith(folded_inside, role)) {
          std::string names = NamesOfByline(inside);
          if (!names.empty()) out->author = names;
          break;
        }
      }
      i = close + (p[close] == ')' ? 1 : std::string_view("）").size());
    }
  }
  *para = Trim(p.substr(i));
}

// Pictures that are the site's furniture (icons, logos, QR codes, buttons, spacers), by name.
bool IsFurnitureImage(std::string_view src) {
  std::string s = FoldLabelText(src);
  for (std::string_view w :
       {"icon", "logo", "qrcode", "qr_code", "erweima", "ewm", "weixin", "wechat", "weibo", "share",
        "spacer", "blank.gif", "btn", "button", "arrow", "print", "close"}) {
    if (Contains(s, w)) return true;
  }
  return false;
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

// Joins a label with its value when a table or a list puts them in cells of their own
// ("發布單位：" | "產學及園區業務司").
void JoinBareLabels(std::vector<TextBlock>* blocks) {
  std::vector<TextBlock> joined;
  for (size_t i = 0; i < blocks->size(); ++i) {
    TextBlock b = std::move((*blocks)[i]);
    if (b.kind == Kind::kText && i + 1 < blocks->size() && IsBareLabel(b.text)) {
      const TextBlock& next = (*blocks)[i + 1];
      if (next.kind == Kind::kText && Utf8Length(next.text) <= 60 &&
          !StartsWithAnyLabel(next.text) && !IsPageChrome(next.text)) {
        b.text += next.text;
        ++i;
      }
    }
    joined.push_back(std::move(b));
  }
  *blocks = std::move(joined);
}

// The line of a newspaper's print edition under a reprinted article:
// "《 华声日报 》（ 2024年03月12日 06 版）".
bool IsPrintEditionLine(std::string_view line) {
  std::string t = Trim(line);
  return StartsWith(t, "《") && Utf8Length(t) <= 40 &&
         (EndsWith(t, "版）") || EndsWith(t, "版)") || EndsWith(t, "版 ）") || EndsWith(t, "版 )"));
}

// "原标题：…": the title the article had where it first appeared, not its text.
bool IsOriginalTitleLine(std::string_view line) {
  std::string folded = FoldLabelText(Trim(line));
  return StartsWith(folded, "原标题：") || StartsWith(folded, "原标题:") ||
         StartsWith(folded, "原题：");
}

// The breadcrumb trail: sets out->breadcrumbs and returns the index after it (everything before
// it is the site's navigation), or 0 when the page has none.
size_t FindBreadcrumbs(const std::vector<TextBlock>& blocks, ParsedNewsPage* out) {
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].kind != Kind::kText) continue;
    if (auto crumbs = Breadcrumbs(blocks[i].text)) {
      out->breadcrumbs = std::move(*crumbs);
      return i + 1;
    }
  }
  return 0;
}

// The line that holds the publication time, among the 20 after `begin`: a line whose time has
// a label (发布时间：…) wins over one without; npos when none has a date.
size_t FindTimeLine(const std::vector<TextBlock>& blocks, size_t begin,
                    std::optional<FoundTime>* time) {
  size_t first = blocks.size();
  std::optional<FoundTime> first_time;
  for (size_t i = begin; i < blocks.size() && i < begin + 20; ++i) {
    const TextBlock& b = blocks[i];
    if (b.kind != Kind::kText || IsHeadlineList(b.text)) continue;
    if (Utf8Length(b.text) > 120) continue;  // a paragraph mentioning a date
    auto found = FindTime(FoldLabelText(b.text));
    if (!found) continue;
    if (!LabelValue(b.text, PageLabel::kTime).empty()) {
      *time = found;
      return i;
    }
    if (first == blocks.size()) {
      first = i;
      first_time = found;
    }
  }
  *time = first_time;
  return first;
}

// The title: the <h1> nearest before the time line (else the first after `begin`), else the
// line before the time line, else the <title> without the site's name. Returns its index, or
// npos when it came from <title> or was not found.
size_t FindTitle(const std::vector<TextBlock>& blocks, size_t begin, size_t time_line,
                 ParsedNewsPage* out) {
  size_t title_line = blocks.size();
  for (size_t i = begin; i < blocks.size(); ++i) {
    if (blocks[i].kind != Kind::kHeading || IsPageChrome(blocks[i].text)) continue;
    bool before_time = time_line < blocks.size() && i < time_line;
    if (before_time || title_line == blocks.size()) title_line = i;
    if (!before_time) break;
  }
  if (title_line == blocks.size()) {
    size_t limit = time_line < blocks.size() ? time_line : std::min(blocks.size(), begin + 1);
    for (size_t i = limit; i-- > begin;) {
      const auto& b = blocks[i];
      if (b.kind == Kind::kText && !IsHeadlineList(b.text) && !IsPageChrome(b.text) &&
          !StartsWithAnyLabel(b.text) && Utf8Length(b.text) <= 100) {
        title_line = i;
        break;
      }
    }
  }
  if (title_line < blocks.size()) {
    out->title = WithoutTrailingChrome(blocks[title_line].text);
    return title_line;
  }
  for (const auto& b : blocks) {
    if (b.kind == Kind::kTitle) {
      out->title = TitleOfDocument(b.text);
      break;
    }
  }
  return blocks.size();
}

void SetTime(const FoundTime& t, std::string_view line, ParsedNewsPage* out) {
  out->local_time = Trim(line.substr(t.start, t.end - t.start));
  if (t.offset) {
    out->utc_offset_minutes = *t.offset;
  } else {
    out->utc_offset_minutes = 480;
    out->assumed.push_back("time_zone");
  }
  if (!t.has_time) out->assumed.push_back("time_of_day");
  out->published_at = EpochOfLocalTime(t.y, t.mo, t.d, t.h, t.mi, t.sec, out->utc_offset_minutes);
}

// Sets the source, author and editor that a labelled line gives, where not yet found.
void TakeLabelledFields(std::string_view line, ParsedNewsPage* out) {
  auto take = [&](std::string* field, PageLabel kind, std::string (*clean)(std::string)) {
    if (!field->empty()) return;
    std::string v = clean(LabelValue(line, kind));
    if (IsMetaValue(v)) *field = std::move(v);
  };
  take(&out->source, PageLabel::kSource, [](std::string v) { return v; });
  take(&out->author, PageLabel::kAuthor, AuthorOfLabel);
  take(&out->editor, PageLabel::kEditor, WithoutStaffCode);
}

// The source a commercial portal prints after the time without a label
// ("2023年07月21日 15:42 新闻晨报"): a short rest of the time line that is no label or
// furniture; "" otherwise.
std::string UnlabelledSource(std::string_view line, const FoundTime& t) {
  if (t.start != 0 && !Trim(line.substr(0, t.start)).empty()) return "";
  std::string rest = WithoutTrailingChrome(Trim(line.substr(t.end)));
  if (rest.empty() || Utf8Length(rest) > 20 || Contains(rest, ":") || Contains(rest, "：") ||
      IsPageChrome(rest) || !IsMetaValue(rest)) {
    return "";
  }
  for (char c : rest) {
    if (IsDigit(c)) return "";
  }
  return rest;
}

// The name of an English byline in a header line ("By Zhang Wei | Updated: …" → "Zhang Wei"),
// or "".
std::string EnglishByline(std::string_view line) {
  const std::string folded = FoldLabelText(line);
  for (size_t start = 0; start < folded.size();) {
    size_t bar = folded.find('|', start);
    if (bar == std::string::npos) bar = folded.size();
    std::string_view piece = std::string_view(folded).substr(start, bar - start);
    size_t lead = piece.find_first_not_of(' ');
    if (lead != std::string::npos && StartsWith(piece.substr(lead), "by ")) {
      size_t from = start + lead + 3;
      std::string name = Trim(line.substr(from, bar - from));
      bool plain = !name.empty() && Utf8Length(name) <= 40;
      for (char c : name) plain = plain && !IsDigit(c) && c != ':';
      if (plain) return name;
    }
    start = bar + 1;
  }
  return "";
}

void TakeHeaderFields(const TextBlock& b, ParsedNewsPage* out) {
  if (b.kind != Kind::kText) return;
  TakeLabelledFields(b.text, out);
  if (out->author.empty()) out->author = EnglishByline(b.text);
}

// The article from blocks[body] on: paragraphs, images with captions, the editor. The footer
// starts at the editor's line, a reviewer's line or the site's footer (上一篇, 相关链接, 版权所有
// …) once there is text; after it only the editor is still looked for.
void ReadBody(const std::vector<TextBlock>& blocks, size_t body, ParsedNewsPage* out) {
  bool ended = false;   // "(完)" seen: only captions and the editor may follow
  bool footer = false;  // past the article
  for (size_t i = body; i < blocks.size(); ++i) {
    const TextBlock& b = blocks[i];
    bool has_text = !out->paragraphs.empty() || !out->images.empty();
    if (b.kind == Kind::kTitle || b.kind == Kind::kHeading) continue;
    if (b.kind == Kind::kImage) {
      if (footer || IsFurnitureImage(b.src)) continue;
      NewsImage img{b.src, IsPageChrome(b.text) ? "" : b.text, ""};
      NewsImage cap;
      if (i + 1 < blocks.size() && CaptionOf(blocks[i + 1], /*after_image=*/true, &cap)) {
        img.caption = cap.caption;
        img.credit = cap.credit;
        ++i;
      }
      if (!img.url.empty() || !img.caption.empty()) AddImage(&out->images, std::move(img));
      continue;
    }
    std::string editor = WithoutStaffCode(LeadingLabelValue(b.text, PageLabel::kEditor));
    if (!editor.empty()) {
      TakeLabelledFields(b.text, out);
      footer = footer || has_text;
      continue;
    }
    if (footer) continue;
    if (StartsWithLabel(b.text, PageLabel::kReviewer) || StartsPageFooter(b.text)) {
      footer = has_text;
      continue;
    }
    // "来源：市科技局" or "（作者：…）" closing the article: a field, not text.
    if (Utf8Length(b.text) <= 60 && (StartsWithLabel(b.text, PageLabel::kSource) ||
                                     StartsWithLabel(b.text, PageLabel::kAuthor) ||
                                     StartsWithLabel(b.text, PageLabel::kCount))) {
      TakeLabelledFields(b.text, out);
      continue;
    }
    if (IsPrintEditionLine(b.text) || IsOriginalTitleLine(b.text)) continue;
    NewsImage cap;
    if (CaptionOf(b, /*after_image=*/false, &cap)) {
      AddImage(&out->images, std::move(cap));
      continue;
    }
    if (ended || IsHeadlineList(b.text) || IsPageChrome(b.text) || Breadcrumbs(b.text)) continue;
    std::string para = WithoutTrailingChrome(b.text);
    ended = StripEndMark(&para);
    if (out->paragraphs.empty() && out->dateline.empty()) TakeDateline(&para, out);
    if (!para.empty()) out->paragraphs.push_back(std::move(para));
  }
}

// The page as blocks of text in `format` (kAuto: as LooksLikeHtml decides), with a label and
// its value in separate table cells joined; sets out->format.
std::vector<TextBlock> ReadBlocks(std::string_view content, PageFormat format,
                                  ParsedNewsPage* out) {
  if (format == PageFormat::kAuto) {
    format = LooksLikeHtml(content) ? PageFormat::kHtml : PageFormat::kText;
  }
  out->format = format;
  std::vector<TextBlock> blocks =
      format == PageFormat::kHtml ? HtmlToBlocks(content) : TextToBlocks(content);
  JoinBareLabels(&blocks);
  return blocks;
}

// The header: the title, the time, and the source, author and editor of the lines from `begin`
// to the time line (else the title line) and of up to six labelled lines right after it.
// Returns the index where the article's text begins.
size_t ReadHeader(const std::vector<TextBlock>& blocks, size_t begin, ParsedNewsPage* out) {
  std::optional<FoundTime> time;
  const size_t time_line = FindTimeLine(blocks, begin, &time);
  const size_t title_line = FindTitle(blocks, begin, time_line, out);
  if (time) SetTime(*time, blocks[time_line].text, out);
  size_t body = begin;
  if (time_line < blocks.size()) {
    body = time_line + 1;
  } else if (title_line < blocks.size()) {
    body = title_line + 1;
  }
  for (size_t i = begin; i < body; ++i) TakeHeaderFields(blocks[i], out);
  if (out->source.empty() && time) out->source = UnlabelledSource(blocks[time_line].text, *time);
  for (size_t extra = 0; body < blocks.size() && extra < 6; ++extra, ++body) {
    const TextBlock& b = blocks[body];
    bool header = b.kind == Kind::kText && Utf8Length(b.text) <= 120 &&
                  (StartsWithAnyLabel(b.text) || IsPageChrome(b.text));
    if (!header) break;
    TakeHeaderFields(b, out);
  }
  return body;
}

// A picture story has no text but its captions: they are its paragraphs.
void CaptionsAsText(ParsedNewsPage* out) {
  if (!out->paragraphs.empty()) return;
  for (const auto& img : out->images) {
    if (!img.caption.empty()) out->paragraphs.push_back(img.caption);
  }
}

// Lists in out->missing every field the page did not give.
void ListMissing(ParsedNewsPage* out) {
  auto check = [out](bool found, const char* name) {
    if (!found) out->missing.push_back(name);
  };
  check(!out->title.empty(), "title");
  check(out->published_at != 0, "published_at");
  check(!out->source.empty(), "source");
  check(!out->author.empty(), "author");
  check(!out->dateline.empty(), "dateline");
  check(!out->editor.empty(), "editor");
  check(!out->paragraphs.empty(), "paragraphs");
  check(!out->images.empty(), "images");
}

}  // namespace

ParsedNewsPage ParseNewsPage(std::string_view content, PageFormat format) {
  ParsedNewsPage out;
  const std::vector<TextBlock> blocks = ReadBlocks(content, format, &out);
  const size_t begin = FindBreadcrumbs(blocks, &out);  // what comes before is navigation
  const size_t body = ReadHeader(blocks, begin, &out);
  ReadBody(blocks, body, &out);
  CaptionsAsText(&out);
  ListMissing(&out);
  return out;
}

}  // namespace kc
