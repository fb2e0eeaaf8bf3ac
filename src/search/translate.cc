#include "search/translate.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "text/normalize.h"
#include "text/stopwords.h"

namespace kc::search {
namespace {

constexpr size_t kMaxPhraseWords = 4;
constexpr double kGlossaryRank = -1e9;  // above every dictionary entry
constexpr double kDictionaryRank = 10;

// 领域术语表: terms of technology transfer and its main fields that CC-CEDICT lacks or ranks
// below everyday senses.
constexpr std::pair<std::string_view, std::string_view> kGlossary[] = {
    {"artificial intelligence", "人工智能"},
    {"machine learning", "机器学习"},
    {"deep learning", "深度学习"},
    {"neural network", "神经网络"},
    {"convolutional neural network", "卷积神经网络"},
    {"computer vision", "计算机视觉"},
    {"natural language processing", "自然语言处理"},
    {"big data", "大数据"},
    {"cloud computing", "云计算"},
    {"internet of things", "物联网"},
    {"blockchain", "区块链"},
    {"integrated circuit", "集成电路"},
    {"semiconductor", "半导体"},
    {"chip", "芯片"},
    {"sensor", "传感器"},
    {"robot", "机器人"},
    {"unmanned aerial vehicle", "无人机"},
    {"drone", "无人机"},
    {"aircraft", "飞行器"},
    {"lithium battery", "锂电池"},
    {"lithium ion battery", "锂离子电池"},
    {"fuel cell", "燃料电池"},
    {"new energy", "新能源"},
    {"new energy vehicle", "新能源汽车"},
    {"electric vehicle", "电动汽车"},
    {"photovoltaic", "光伏"},
    {"solar cell", "太阳能电池"},
    {"energy storage", "储能"},
    {"wastewater", "废水"},
    {"sewage", "污水"},
    {"sludge", "污泥"},
    {"waste gas", "废气"},
    {"gene", "基因"},
    {"genome", "基因组"},
    {"vaccine", "疫苗"},
    {"antibody", "抗体"},
    {"biomedicine", "生物医药"},
    {"medical device", "医疗器械"},
    {"diagnosis", "诊断"},
    {"new material", "新材料"},
    {"composite material", "复合材料"},
    {"nanomaterial", "纳米材料"},
    {"alloy", "合金"},
    {"coating", "涂层"},
    {"catalyst", "催化剂"},
    {"additive manufacturing", "增材制造"},
    {"3d printing", "3D打印"},
    {"intelligent manufacturing", "智能制造"},
    {"smart manufacturing", "智能制造"},
    {"industrial internet", "工业互联网"},
    {"numerical control", "数控"},
    {"machine tool", "机床"},
    {"software", "软件"},
    {"algorithm", "算法"},
    {"optimization", "优化"},
    {"simulation", "仿真"},
    {"control system", "控制系统"},
    {"image recognition", "图像识别"},
    {"speech recognition", "语音识别"},
    {"autonomous driving", "自动驾驶"},
    {"5g", "5G"},
    {"patent", "专利"},
    {"technology transfer", "技术转移"},
    {"licensing", "许可"},
    {"achievement transformation", "成果转化"},
    {"high-tech enterprise", "高新技术企业"},
    {"research and development", "研发"},
    {"r&d", "研发"},
    {"equipment", "设备"},
    {"reliability", "可靠性"},
    {"efficiency", "效率"},
};

std::string StripBrackets(std::string_view s) {
  std::string out;
  int depth = 0;
  for (char c : s) {
    if (c == '(' || c == '[') {
      ++depth;
    } else if ((c == ')' || c == ']') && depth > 0) {
      --depth;
    } else if (depth == 0) {
      out.push_back(c);
    }
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// A definition usable as a translation, cleaned ("to control (sth)" → "control"), or "".
std::string CleanDefinition(std::string_view raw) {
  std::string def = StripBrackets(raw);
  const size_t b = def.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  def = def.substr(b, def.find_last_not_of(' ') - b + 1);
  for (std::string_view skip :
       {"CL:", "see ", "variant of", "old variant", "surname ", "abbr. ", "used in", "pr. ",
        "Japanese variant", "also written", "also pr.", "erhua variant", "(Tw)", "(old)"}) {
    if (StartsWith(def, skip)) return "";
  }
  if (StartsWith(def, "to ")) def = def.substr(3);
  if (def.empty() || def.find(':') != std::string::npos) return "";
  return def;
}

std::vector<std::string> SplitDefinitions(std::string_view defs, std::string_view sep) {
  std::vector<std::string> out;
  while (!defs.empty()) {
    const size_t at = defs.find(sep);
    std::string_view one = defs.substr(0, at);
    if (!one.empty()) out.emplace_back(one);
    if (at == std::string_view::npos) break;
    defs.remove_prefix(at + sep.size());
  }
  return out;
}

std::vector<std::string> LatinWords(std::string_view phrase) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : phrase) {
    const unsigned char u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')) {
      cur.push_back(c);
    } else if (u >= 'A' && u <= 'Z') {
      cur.push_back(static_cast<char>(u - 'A' + 'a'));
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

bool IsCjkText(std::string_view s) {
  return !s.empty() && static_cast<unsigned char>(s[0]) >= 0xE0;
}

}  // namespace

std::string EnglishKey(std::string_view phrase) {
  std::string key;
  for (const std::string& w : LatinWords(phrase)) {
    if (text::IsStopWord(w)) continue;
    if (!key.empty()) key.push_back(' ');
    key.append(text::StemEnglish(w));
  }
  return key;
}

void Translator::Insert(std::unordered_map<std::string, std::vector<Candidate>>* map,
                        std::string key, std::string text, double rank) {
  std::vector<Candidate>& list = (*map)[std::move(key)];
  for (Candidate& c : list) {
    if (c.text == text) {
      c.rank = std::min(c.rank, rank);
      std::stable_sort(list.begin(), list.end(),
                       [](const Candidate& a, const Candidate& b) { return a.rank < b.rank; });
      return;
    }
  }
  auto at = std::upper_bound(list.begin(), list.end(), rank,
                             [](double r, const Candidate& c) { return r < c.rank; });
  list.insert(at, Candidate{std::move(text), rank});
}

void Translator::AddPair(std::string_view english, std::string_view chinese) {
  const std::string key = EnglishKey(english);
  const std::string zh = text::Normalize(chinese);
  if (key.empty() || zh.empty()) return;
  Insert(&en_zh_, key, zh, kGlossaryRank);
  Insert(&zh_en_, zh, std::string(english), kGlossaryRank);
}

void Translator::AddEntry(std::string_view simplified, const std::vector<std::string>& defs,
                          double frequency, double frequency_weight) {
  const std::string zh(simplified);
  const bool single_char = zh.size() <= 4;  // one CJK character is 3 bytes (4 for ext. B+)
  int index = 0;
  for (const std::string& sense : defs) {
    bool added = false;
    // One sense may list its glosses with semicolons ("main; principal; major"): each is a
    // translation at the sense's place.
    for (const std::string& raw : SplitDefinitions(sense, ";")) {
      const std::string def = CleanDefinition(raw);
      if (def.empty()) continue;
      const std::string key = EnglishKey(def);
      if (key.empty()) continue;
      added = true;
      const size_t words = std::count(key.begin(), key.end(), ' ') + 1;
      // A single character is rarely the term an English technical word means (control → 控).
      const double rank =
          kDictionaryRank + 2 * index + (single_char ? 6 : 0) + (defs.size() > 6 ? 2 : 0);
      if (words <= kMaxPhraseWords) {
        Insert(&en_zh_, key, zh, rank - frequency_weight * std::log10(1 + frequency));
      }
      if (index < 3) Insert(&zh_en_, zh, def, rank);
    }
    if (added) ++index;
  }
}

namespace {

// Word → frequency from jieba-style lines "word frequency part-of-speech"; empty when the file
// cannot be read.
std::unordered_map<std::string, double> ReadWordFrequencies(const std::string& path) {
  std::unordered_map<std::string, double> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    const size_t s1 = line.find(' ');
    if (s1 == std::string::npos || s1 == 0) continue;
    out.emplace(line.substr(0, s1), std::atof(line.c_str() + s1 + 1));
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<Translator>> Translator::Load(const std::string& path,
                                                     const LoadOptions& options) {
  std::ifstream in(path);
  if (!in) {
    return Status::Error(ErrorKind::kUnavailable, "dictionary_unavailable",
                         "cannot read the zh-en dictionary " + path);
  }
  const std::unordered_map<std::string, double> frequencies =
      options.frequency_weight > 0 ? ReadWordFrequencies(options.word_frequencies)
                                   : std::unordered_map<std::string, double>();
  auto frequency_of = [&](const std::string& zh) {
    auto it = frequencies.find(zh);
    return it == frequencies.end() ? 0.0 : it->second;
  };
  std::unique_ptr<Translator> t = GlossaryOnly();
  size_t parsed = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (line.find('\t') != std::string::npos) {
      // traditional \t simplified \t pinyin \t definitions \t classifiers
      std::vector<std::string> f = SplitDefinitions(line, "\t");
      if (f.size() < 4 || f[0] == "traditional") continue;
      t->AddEntry(f[1], SplitDefinitions(f[3], " / "), frequency_of(f[1]),
                  options.frequency_weight);
      ++parsed;
      continue;
    }
    // 傳統 传统 [chuan2 tong3] /tradition/traditional/
    const size_t s1 = line.find(' ');
    const size_t s2 = s1 == std::string::npos ? s1 : line.find(' ', s1 + 1);
    const size_t slash = line.find('/');
    if (s2 == std::string::npos || slash == std::string::npos) continue;
    const std::string simplified = line.substr(s1 + 1, s2 - s1 - 1);
    t->AddEntry(simplified, SplitDefinitions(std::string_view(line).substr(slash), "/"),
                frequency_of(simplified), options.frequency_weight);
    ++parsed;
  }
  if (parsed == 0) {
    return Invalid("dictionary", "bad_dictionary", "no CC-CEDICT entry in " + path);
  }
  return t;
}

std::unique_ptr<Translator> Translator::GlossaryOnly() {
  std::unique_ptr<Translator> t(new Translator());
  for (const auto& [en, zh] : kGlossary) t->AddPair(en, zh);
  return t;
}

std::vector<std::string> Translator::ToChinese(std::string_view english) const {
  std::vector<std::string> out;
  auto it = en_zh_.find(EnglishKey(english));
  if (it == en_zh_.end()) return out;
  for (const Candidate& c : it->second) out.push_back(c.text);
  return out;
}

std::vector<std::string> Translator::ToEnglish(std::string_view chinese) const {
  std::vector<std::string> out;
  auto it = zh_en_.find(std::string(chinese));
  if (it == zh_en_.end()) return out;
  for (const Candidate& c : it->second) out.push_back(c.text);
  return out;
}

std::vector<Translation> Translator::Translate(const text::Terms& terms, size_t max_targets) const {
  std::vector<Translation> out;
  auto take = [&](const std::vector<Candidate>& list, std::string source) {
    Translation t{std::move(source), {}};
    for (const Candidate& c : list) {
      if (t.targets.size() >= max_targets) break;
      t.targets.push_back(c.text);
    }
    out.push_back(std::move(t));
  };
  const std::vector<std::string>& words = terms.words;
  for (size_t i = 0; i < words.size();) {
    if (IsCjkText(words[i])) {
      auto it = zh_en_.find(words[i]);
      if (it != zh_en_.end()) take(it->second, words[i]);
      ++i;
      continue;
    }
    if (text::KindOf(words[i]) != text::TokenKind::kLatinWord) {
      ++i;
      continue;
    }
    // The run of Latin words starting here, adjacent but for dropped stop words.
    size_t run = 1;
    while (i + run < words.size() && run < kMaxPhraseWords &&
           text::KindOf(words[i + run]) == text::TokenKind::kLatinWord &&
           terms.positions[i + run] - terms.positions[i + run - 1] <= 2) {
      ++run;
    }
    size_t used = 1;
    for (size_t n = run; n >= 1; --n) {
      std::string key, source;
      for (size_t k = i; k < i + n; ++k) {
        if (!key.empty()) key.push_back(' '), source.push_back(' ');
        key.append(text::StemEnglish(words[k]));
        source.append(words[k]);
      }
      auto it = en_zh_.find(key);
      if (it != en_zh_.end()) {
        take(it->second, std::move(source));
        used = n;
        break;
      }
    }
    i += used;
  }
  return out;
}

}  // namespace kc::search
