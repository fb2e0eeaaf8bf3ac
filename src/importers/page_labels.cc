#include "importers/page_labels.h"

#include <cstdint>
#include <initializer_list>
#include <unordered_map>
#include <vector>

#include "core/utf8.h"

namespace kc {

namespace {

// Traditional → simplified for the characters of the words below (three UTF-8 bytes each).
constexpr std::pair<std::string_view, std::string_view> kTraditional[] = {
    {"來", "来"}, {"資", "资"}, {"訊", "讯"}, {"聞", "闻"}, {"處", "处"}, {"記", "记"},
    {"責", "责"}, {"編", "编"}, {"輯", "辑"}, {"審", "审"}, {"對", "对"}, {"終", "终"},
    {"複", "复"}, {"覆", "复"}, {"簽", "签"}, {"發", "发"}, {"監", "监"}, {"製", "制"},
    {"佈", "布"}, {"時", "时"}, {"間", "间"}, {"點", "点"}, {"擊", "击"}, {"數", "数"},
    {"瀏", "浏"}, {"覽", "览"}, {"閱", "阅"}, {"讀", "读"}, {"訪", "访"}, {"問", "问"},
    {"頁", "页"}, {"關", "关"}, {"閉", "闭"}, {"號", "号"}, {"體", "体"}, {"掃", "扫"},
    {"糾", "纠"}, {"錯", "错"}, {"頂", "顶"}, {"鏈", "链"}, {"結", "结"}, {"連", "连"},
    {"條", "条"}, {"報", "报"}, {"導", "导"}, {"薦", "荐"}, {"熱", "热"}, {"權", "权"},
    {"聲", "声"}, {"辦", "办"}, {"單", "单"}, {"術", "术"}, {"網", "网"}, {"標", "标"},
    {"識", "识"}, {"碼", "码"}, {"備", "备"}, {"聯", "联"}, {"繫", "系"}, {"們", "们"},
    {"圖", "图"}, {"當", "当"}, {"現", "现"}, {"電", "电"}, {"攝", "摄"}, {"員", "员"},
    {"實", "实"}, {"習", "习"}, {"見", "见"}, {"約", "约"}, {"傳", "传"}, {"稱", "称"},
    {"據", "据"}, {"層", "层"}, {"滙", "汇"}, {"匯", "汇"}, {"機", "机"}, {"構", "构"},
    {"絡", "络"}, {"係", "系"}, {"話", "话"}, {"諮", "咨"}, {"詢", "询"},
};

// The label words of each kind, longest first where one contains another.
const std::vector<std::string_view>& Words(PageLabel kind) {
  static const std::vector<std::string_view> kSource = {
      "信息来源", "文章来源", "新闻来源", "稿件来源", "资讯来源", "资料来源", "来源",  "稿源",
      "出处",     "发布单位", "发布机构", "发文单位", "供稿单位", "供稿",     "source"};
  static const std::vector<std::string_view> kAuthor = {"作者", "记者", "撰稿", "撰文", "author"};
  static const std::vector<std::string_view> kEditor = {"责任编辑", "责编", "编辑", "editor"};
  static const std::vector<std::string_view> kReviewer = {
      "审核", "审校", "审稿", "审签", "校对", "终审", "复审", "初审", "签发", "监制", "reviewer"};
  static const std::vector<std::string_view> kTime = {"发布时间", "发表时间",  "发稿时间",
                                                      "更新时间", "发布日期",  "时间",
                                                      "日期",     "published", "date"};
  static const std::vector<std::string_view> kCount = {
      "点击数", "点击量", "点击率", "浏览次数", "浏览量", "阅读数", "阅读量",
      "访问量", "点击",   "浏览",   "阅读",     "人气",   "views"};
  static const std::vector<std::string_view> kContact = {
      "新闻联络人", "新闻联系人", "联络人", "联系人", "联系电话", "咨询电话", "contact"};
  switch (kind) {
    case PageLabel::kSource:
      return kSource;
    case PageLabel::kAuthor:
      return kAuthor;
    case PageLabel::kEditor:
      return kEditor;
    case PageLabel::kReviewer:
      return kReviewer;
    case PageLabel::kTime:
      return kTime;
    case PageLabel::kCount:
      return kCount;
    case PageLabel::kContact:
      break;
  }
  return kContact;
}

constexpr PageLabel kAllKinds[] = {PageLabel::kSource,   PageLabel::kAuthor, PageLabel::kEditor,
                                   PageLabel::kReviewer, PageLabel::kTime,   PageLabel::kCount,
                                   PageLabel::kContact};

// Buttons and widgets; a line made of these alone is furniture.
// clang-format off
constexpr std::string_view kChromeWords[] = {
    "扫一扫在手机打开当前页", "扫一扫在手机上打开当前页", "手机扫一扫", "扫一扫",
    "打印本页", "打印此页", "打印本文", "打印文章", "打印该页", "打印", "友善列印", "友善打印",
    "列印", "关闭窗口", "关闭本页", "关闭", "收藏本页", "加入收藏", "收藏", "分享到", "分享",
    "字号", "字体", "默认", "纠错", "我要纠错", "返回顶部", "回到顶部", "返回列表", "回上一页",
    "回上页", "回首页", "返回", "顶部", "复制链接", "复制网址", "微信", "微博", "朋友圈",
    "qq空间", "qq", "评论", "举报", "facebook", "twitter", "line", "print", "close", "share", "大", "中", "小"};
// clang-format on

// A line that starts with one of these is a widget whatever follows ("扫一扫，用手机看新闻！").
constexpr std::string_view kChromeStarts[] = {
    "分享到", "扫一扫", "扫描二维码", "用手机扫", "手机扫", "字号", "字体", "【字体", "【字号"};

// What follows an article.
constexpr std::string_view kFooterStarts[] = {
    "上一篇",   "下一篇",   "上一条",   "下一条",   "上一页",    "下一页",   "相关链接",
    "相关新闻", "相关阅读", "相关文章", "相关报道", "相关稿件",  "推荐阅读", "热点推荐",
    "热门推荐", "猜你喜欢", "版权所有", "版权声明", "copyright", "©",        "联系我们",
    "关于我们", "免责声明", "网站地图", "网站声明", "返回首页"};
// What follows an article when a colon follows it ("主办单位：…"; "主办单位表示…" is text).
constexpr std::string_view kFooterLabels[] = {"主办单位", "承办单位", "协办单位",   "技术支持",
                                              "主办",     "承办",     "网站标识码", "备案号"};
constexpr std::string_view kFooterAnywhere[] = {"icp备", "公网安备", "版权所有", "著作权",
                                                "all rights reserved"};

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Length of the colon at s[i] (":", "：", "︰"), 0 when there is none.
size_t ColonAt(std::string_view s, size_t i) {
  for (std::string_view colon : {":", "：", "︰"}) {
    if (s.substr(i, colon.size()) == colon) return colon.size();
  }
  return 0;
}

// Length of the bracket, separator or space at s[i] that a label may follow, 0 when none.
size_t OpenerAt(std::string_view s, size_t i) {
  for (std::string_view o : {" ", "【", "[",  "(",  "（", "〔", "|", "丨", "｜", "】", "]",
                             ")", "）", "〕", "，", ",",  "；", ";", "。", "/",  "／"}) {
    if (s.substr(i, o.size()) == o) return o.size();
  }
  return 0;
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The label of `kind` at folded[i] with its colon: returns the offset just past the colon (and
// the spaces after it), or 0.
size_t LabelAt(std::string_view folded, size_t i, PageLabel kind) {
  for (std::string_view word : Words(kind)) {
    if (folded.substr(i, word.size()) != word) continue;
    if (IsAsciiLetter(word[0]) && i > 0 && IsAsciiLetter(folded[i - 1])) continue;
    size_t p = i + word.size();
    while (p < folded.size() && folded[p] == ' ') ++p;
    size_t colon = ColonAt(folded, p);
    if (colon == 0) continue;
    p += colon;
    while (p < folded.size() && folded[p] == ' ') ++p;
    return p;
  }
  return 0;
}

// True when the characters before folded[i] let a label start there: the start of the line,
// an opener, a digit or an ASCII letter ("…17:45来源：", "Views: 3Source:"), or a closing colon
// value boundary. "网站编辑：" is a different word, so a CJK character before a label refuses it,
// unless the label is one of the long, unambiguous ones.
bool MayStartLabel(std::string_view folded, size_t i, std::string_view word) {
  if (i == 0) return true;
  for (size_t back = 1; back <= 3 && back <= i; ++back) {
    if (OpenerAt(folded, i - back) == back) return true;
  }
  unsigned char prev = static_cast<unsigned char>(folded[i - 1]);
  if (prev < 0x80) return true;  // a digit, a letter or ASCII punctuation
  return Utf8Length(word) >= 4;  // 发布时间, 责任编辑, 信息来源 …
}

// The label of any kind that starts at folded[i]: the offset of its value, or 0.
size_t AnyLabelAt(std::string_view folded, size_t i, PageLabel* kind_out) {
  for (PageLabel kind : kAllKinds) {
    if (size_t value = LabelAt(folded, i, kind)) {
      *kind_out = kind;
      return value;
    }
  }
  return 0;
}

// The first label at or after `from`: its start, or npos; *kind_out and *value_out (the offset
// of its value) are set when found. `strict` refuses a label glued to the word before it
// (MayStartLabel); inside a value that is already known to be one, any label ends it.
size_t NextLabel(std::string_view folded, size_t from, bool strict, PageLabel* kind_out,
                 size_t* value_out) {
  for (size_t i = from; i < folded.size(); ++i) {
    if ((static_cast<unsigned char>(folded[i]) & 0xC0) == 0x80) continue;
    size_t value = AnyLabelAt(folded, i, kind_out);
    if (value == 0) continue;
    if (strict && !MayStartLabel(folded, i, folded.substr(i, value - i))) continue;
    *value_out = value;
    return i;
  }
  return std::string_view::npos;
}

// Length of the chrome word at folded[i], 0 when none (longest first).
size_t ChromeWordAt(std::string_view folded, size_t i) {
  size_t best = 0;
  for (std::string_view w : kChromeWords) {
    if (w.size() > best && folded.substr(i, w.size()) == w) best = w.size();
  }
  return best;
}

// Skips the brackets, separators, spaces and colons that dress up furniture.
size_t DressingAt(std::string_view s, size_t i) {
  for (std::string_view d : {" ", "【", "】", "[", "]", "(", ")", "（", "）", "|",  "丨", "｜",
                             ":", "：", "·",  "-", "»", "<", ">", "！", "!",  "，", ","}) {
    if (s.substr(i, d.size()) == d) return d.size();
  }
  return 0;
}

bool IsChromeFolded(std::string_view folded) {
  if (folded.empty()) return false;
  for (std::string_view start : kChromeStarts) {
    if (StartsWith(folded, start) && Utf8Length(folded) <= 40) return true;
  }
  bool any_word = false;
  for (size_t i = 0; i < folded.size();) {
    if (size_t d = DressingAt(folded, i)) {
      i += d;
    } else if (size_t w = ChromeWordAt(folded, i)) {
      i += w;
      any_word = true;
    } else {
      return false;
    }
  }
  return any_word;
}

// A value ends before a closing bracket that it did not open.
size_t UnopenedCloserAt(std::string_view s, size_t i, int* depth) {
  for (std::string_view open : {"(", "（", "【", "[", "《", "〔"}) {
    if (s.substr(i, open.size()) == open) {
      ++*depth;
      return 0;
    }
  }
  for (std::string_view close : {")", "）", "】", "]", "》", "〕"}) {
    if (s.substr(i, close.size()) == close) {
      if (*depth == 0) return close.size();
      --*depth;
      return 0;
    }
  }
  return 0;
}

std::string TrimSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

// Where the value that starts at folded[p] ends. A time's value goes on past a space before a
// digit ("2023/10/12 14:05"); other values end there (a date follows them).
size_t ValueEnd(std::string_view folded, size_t p, bool is_time) {
  PageLabel kind;
  size_t value = 0;
  size_t next = NextLabel(folded, p, /*strict=*/false, &kind, &value);
  size_t limit = next == std::string_view::npos ? folded.size() : next;
  int depth = 0;
  for (size_t i = p; i < limit; ++i) {
    std::string_view rest = folded.substr(i);
    if (UnopenedCloserAt(folded, i, &depth) > 0) return i;
    for (std::string_view sep : {"|", "丨", "｜", "│", "【"}) {
      if (StartsWith(rest, sep) && i > p) return i;
    }
    if (folded[i] == ' ' && i + 1 < folded.size()) {
      char next_char = folded[i + 1];
      if (next_char >= '0' && next_char <= '9' && !is_time) return i;
      std::string_view after = folded.substr(i + 1);
      size_t w = static_cast<unsigned char>(after[0]) >= 0x80 ? ChromeWordAt(after, 0) : 0;
      // A furniture word that stands alone ("打印本页 关闭"), not the start of a longer word.
      if (w > 0 &&
          (w == after.size() || after[w] == ' ' || DressingAt(after, w) > 0 ||
           ChromeWordAt(after, w) > 0) &&
          Utf8Length(after.substr(0, w)) >= 2) {
        return i;
      }
    }
  }
  return limit;
}

// Where the text of `folded` starts once leading brackets and furniture are skipped.
size_t SkipLeadingDressing(std::string_view folded) {
  size_t i = 0;
  while (i < folded.size()) {
    if (size_t d = DressingAt(folded, i)) {
      i += d;
      continue;
    }
    // A bracketed furniture word before the label: "【纠错】 责任编辑：…".
    size_t w = ChromeWordAt(folded, i);
    if (w > 0 && Utf8Length(folded.substr(i, w)) >= 2) {
      i += w;
      continue;
    }
    break;
  }
  return i;
}

}  // namespace

std::string FoldLabelText(std::string_view text) {
  static const auto* const kMap = [] {
    auto* m = new std::unordered_map<std::string_view, std::string_view>;
    for (const auto& [from, to] : kTraditional) m->emplace(from, to);
    return m;
  }();
  std::string out(text);
  for (size_t i = 0; i < out.size();) {
    unsigned char c = static_cast<unsigned char>(out[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c - 'A' + 'a');
      ++i;
    } else if (c >= 0xE0 && c < 0xF0 && i + 3 <= out.size()) {
      auto it = kMap->find(std::string_view(out).substr(i, 3));
      if (it != kMap->end()) out.replace(i, 3, it->second);
      i += 3;
    } else {
      ++i;
    }
  }
  return out;
}

std::string LabelValue(std::string_view line, PageLabel kind) {
  std::string folded = FoldLabelText(line);
  PageLabel found;
  size_t value = 0;
  size_t at = NextLabel(folded, 0, /*strict=*/true, &found, &value);
  while (at != std::string_view::npos) {
    size_t end = ValueEnd(folded, value, found == PageLabel::kTime);
    if (found == kind) return TrimSpaces(line.substr(value, end - value));
    // Labels in a row ("来源：华夏网作者：周琳"): the next one starts where this value ends.
    size_t next_value = end < folded.size() ? AnyLabelAt(folded, end, &found) : 0;
    if (next_value > 0) {
      at = end;
      value = next_value;
    } else {
      at = NextLabel(folded, end, /*strict=*/true, &found, &value);
    }
  }
  return "";
}

bool StartsWithLabel(std::string_view line, PageLabel kind) {
  std::string folded = FoldLabelText(line);
  return LabelAt(folded, SkipLeadingDressing(folded), kind) > 0;
}

bool StartsWithAnyLabel(std::string_view line) {
  for (PageLabel kind : kAllKinds) {
    if (StartsWithLabel(line, kind)) return true;
  }
  return false;
}

bool IsBareLabel(std::string_view line) {
  std::string folded = FoldLabelText(line);
  while (!folded.empty() && folded.back() == ' ') folded.pop_back();
  size_t start = SkipLeadingDressing(folded);
  PageLabel kind;
  return start < folded.size() && AnyLabelAt(folded, start, &kind) == folded.size();
}

bool IsPageChrome(std::string_view line) { return IsChromeFolded(FoldLabelText(line)); }

bool StartsPageFooter(std::string_view line) {
  std::string folded = FoldLabelText(line);
  std::string_view rest = std::string_view(folded).substr(SkipLeadingDressing(folded));
  for (std::string_view start : kFooterStarts) {
    if (StartsWith(rest, start)) return true;
  }
  for (std::string_view label : kFooterLabels) {
    if (!StartsWith(rest, label)) continue;
    size_t p = label.size();
    while (p < rest.size() && rest[p] == ' ') ++p;
    if (ColonAt(rest, p) > 0) return true;
  }
  if (Utf8Length(folded) > 120) return false;
  for (std::string_view word : kFooterAnywhere) {
    if (folded.find(word) != std::string::npos) return true;
  }
  return false;
}

std::string WithoutTrailingChrome(std::string_view line) {
  std::string folded = FoldLabelText(line);
  // The earliest cut point whose rest is furniture that names itself as such.
  for (size_t i = 1; i < folded.size(); ++i) {
    bool boundary = folded[i - 1] == ' ' || StartsWith(folded.substr(i), "【") ||
                    StartsWith(folded.substr(i), "[");
    if (!boundary) continue;
    std::string_view rest = std::string_view(folded).substr(i);
    bool names_itself =
        rest.find("【") != std::string::npos || rest.find('[') != std::string::npos ||
        rest.find("打印") != std::string::npos || rest.find("列印") != std::string::npos ||
        rest.find("分享") != std::string::npos;
    if (names_itself && IsChromeFolded(rest)) return TrimSpaces(line.substr(0, i));
  }
  return std::string(line);
}

}  // namespace kc
