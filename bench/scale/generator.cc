#include "scale/generator.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>

#include "core/taxonomy.h"
#include "core/utf8.h"

namespace kc::scale {
namespace {

using nlohmann::json;

constexpr int64_t kT0 = 1735689600;  // 2025-01-01

// Real region codes (GB/T 2260) where technology markets are busy.
constexpr const char* kRegions[] = {
    "110000", "310000", "120000", "500000", "440100", "440300", "440600", "441900", "320100",
    "320500", "320200", "330100", "330200", "420100", "510100", "610100", "370100", "370200",
    "210100", "230100", "430100", "350200", "340100", "410100", "360100", "450100", "530100",
    "220100", "130100", "140100", "620100", "650100"};

constexpr const char* kAchievementSuffix[] = {"方法", "技术", "系统", "装置", "工艺",
                                              "研究",   "关键技术", "及其应用", "平台"};
constexpr const char* kDemandLead[] = {
    "我单位在生产中遇到以下技术难题，寻求合作解决。", "企业拟开展技术攻关，现征集解决方案。",
    "现有工艺存在瓶颈，希望与高校院所合作研发。", "公司计划引进成熟技术，要求可在一年内落地。"};
constexpr const char* kDemandTitle[] = {"{a}{b}技术需求", "寻求{a}相关的{b}解决方案",
                                        "{a}与{b}技术攻关", "征集{a}{b}改进方案"};

size_t CharCount(const std::string& s) {
  size_t n = 0, pos = 0;
  while (pos < s.size()) {
    DecodeUtf8(s, &pos);
    ++n;
  }
  return n;
}

// The characters [from, from + n) of s.
std::string Chars(const std::string& s, size_t from, size_t n) {
  size_t pos = 0, k = 0, begin = s.size();
  while (pos < s.size() && k < from + n) {
    if (k == from) begin = pos;
    DecodeUtf8(s, &pos);
    ++k;
  }
  if (begin == s.size()) return "";
  return s.substr(begin, pos - begin);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Sentences of an abstract: cut after 。！？； and after an ASCII '.' or ';' that is not a
// decimal point (the abstracts mix both styles).
std::vector<std::string> Sentences(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0, pos = 0;
  while (pos < s.size()) {
    const size_t at = pos;
    const char32_t c = DecodeUtf8(s, &pos);
    bool end = c == U'。' || c == U'！' || c == U'？' || c == U'；';
    if ((c == '.' || c == ';') && !(at > 0 && IsDigit(s[at - 1]) && pos < s.size() &&
                                    IsDigit(s[pos]))) {
      end = true;
    }
    if (end) {
      std::string sentence = s.substr(start, pos - start);
      if (CharCount(sentence) >= 8) out.push_back(std::move(sentence));
      start = pos;
    }
  }
  if (start < s.size() && CharCount(s.substr(start)) >= 8) out.push_back(s.substr(start) + "。");
  return out;
}

std::mt19937_64 RngFor(uint64_t i, uint64_t salt) {
  // splitmix64 of (i, salt): independent streams per document.
  uint64_t z = i * 0x9E3779B97F4A7C15ULL + salt * 0xBF58476D1CE4E5B9ULL + 0x94D049BB133111EBULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return std::mt19937_64(z ^ (z >> 31));
}

template <typename T>
const T& Pick(const std::vector<T>& v, std::mt19937_64& rng) {
  return v[rng() % v.size()];
}

std::string Replace(std::string t, const std::string& a, const std::string& b) {
  t.replace(t.find("{a}"), 3, a);
  t.replace(t.find("{b}"), 3, b);
  return t;
}

}  // namespace

Result<Generator> Generator::Load(const std::string& data_dir) {
  const std::string path = data_dir + "/zh-sci-abstracts/docs.jsonl";
  std::ifstream in(path);
  if (!in) return Status::Error(ErrorKind::kUnavailable, "no_data", "cannot read " + path);
  Generator g;
  std::map<std::string, int> by_name;
  const Taxonomy& taxonomy = Taxonomy::Get();
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const json j = json::parse(line);
    Seed s;
    s.sentences = Sentences(j.value("abstract", ""));
    if (s.sentences.empty()) continue;
    if (j.contains("keywords") && j["keywords"].is_array()) {
      for (const auto& k : j["keywords"]) {
        if (k.is_string() && !k.get<std::string>().empty()) s.keywords.push_back(k);
      }
    }
    if (j.contains("title") && j["title"].is_string()) s.title = j["title"];
    const std::string discipline =
        j.contains("discipline") && j["discipline"].is_string() ? j["discipline"] : "";
    if (!discipline.empty() && taxonomy.HasDiscipline(discipline)) {
      auto [it, added] = by_name.emplace(discipline, static_cast<int>(g.disciplines_.size()));
      if (added) {
        g.disciplines_.push_back(
            {discipline, std::string(taxonomy.CategoryOf(discipline).value_or("")), {}, {}});
      }
      s.discipline = it->second;
      Discipline& d = g.disciplines_[it->second];
      d.seeds.push_back(static_cast<uint32_t>(g.seeds_.size()));
      d.keywords.insert(d.keywords.end(), s.keywords.begin(), s.keywords.end());
      g.discipline_draw_.push_back(static_cast<uint32_t>(it->second));
    }
    g.all_keywords_.insert(g.all_keywords_.end(), s.keywords.begin(), s.keywords.end());
    g.seeds_.push_back(std::move(s));
  }
  if (g.seeds_.empty() || g.disciplines_.empty() || g.all_keywords_.empty()) {
    return Status::Error(ErrorKind::kUnavailable, "no_data", "no usable abstracts in " + path);
  }
  return g;
}

size_t Generator::sentences() const {
  size_t n = 0;
  for (const Seed& s : seeds_) n += s.sentences.size();
  return n;
}

Listing Generator::Make(uint64_t i) const {
  std::mt19937_64 rng = RngFor(i, 1);
  const Seed& seed = Pick(seeds_, rng);
  const int di = seed.discipline >= 0 ? seed.discipline
                                      : static_cast<int>(Pick(discipline_draw_, rng));
  const Discipline& d = disciplines_[di];

  Listing l;
  l.id = static_cast<int64_t>(i + 1);
  l.kind = rng() % 10 < 3 ? ListingKind::kDemand : ListingKind::kAchievement;
  l.status = ListingStatus::kPublished;
  l.org_id = static_cast<int64_t>(1 + rng() % 5000);
  l.ref = "S" + std::to_string(i);
  l.category = d.category;
  l.discipline = d.name;
  l.region = kRegions[rng() % std::size(kRegions)];
  l.published_at = l.created_at = l.updated_at = kT0 + static_cast<int64_t>(i % 31536000);

  // Keywords: the seed's own (some dropped) and a few of its discipline's, 3 to 6 in all.
  std::vector<std::string> kw = seed.keywords;
  std::shuffle(kw.begin(), kw.end(), rng);
  if (kw.size() > 3) kw.resize(kw.size() - rng() % 2);
  const std::vector<std::string>& pool = d.keywords.empty() ? all_keywords_ : d.keywords;
  const size_t want = 3 + rng() % 4;
  for (int tries = 0; kw.size() < want && tries < 20; ++tries) {
    const std::string& k = Pick(pool, rng);
    if (std::find(kw.begin(), kw.end(), k) == kw.end()) kw.push_back(k);
  }
  l.keywords = kw;

  // Body: a run of the seed's sentences, then sentences of other abstracts of the discipline.
  std::vector<std::string> body;
  const size_t own = std::min(seed.sentences.size(), static_cast<size_t>(2 + rng() % 3));
  const size_t start = rng() % (seed.sentences.size() - own + 1);
  for (size_t k = 0; k < own; ++k) body.push_back(seed.sentences[start + k]);
  const size_t other = 1 + rng() % 3;
  for (size_t k = 0; k < other; ++k) {
    const Seed& o = d.seeds.empty() ? Pick(seeds_, rng) : seeds_[Pick(d.seeds, rng)];
    body.push_back(Pick(o.sentences, rng));
  }
  std::shuffle(body.begin() + 1, body.end(), rng);
  if (l.kind == ListingKind::kDemand) {
    body.insert(body.begin(), kDemandLead[rng() % std::size(kDemandLead)]);
  }
  for (const std::string& s : body) l.body += s;

  // Title: the seed's title made into an offer, or one built from two keywords.
  const std::string& a = kw[0];
  const std::string& b = kw.size() > 1 ? kw[1] : kw[0];
  if (l.kind == ListingKind::kDemand) {
    l.title = Replace(kDemandTitle[rng() % std::size(kDemandTitle)], a, b);
  } else if (!seed.title.empty() && rng() % 2 == 0) {
    l.title = seed.title + kAchievementSuffix[rng() % std::size(kAchievementSuffix)];
  } else {
    l.title = "基于" + a + "的" + b + kAchievementSuffix[rng() % std::size(kAchievementSuffix)];
  }
  if (l.kind == ListingKind::kAchievement) {
    l.maturity = 3 + static_cast<int>(rng() % 7);
    l.transfer_modes = {rng() % 2 ? "license" : "transfer"};
  } else {
    l.cooperation_modes = {rng() % 2 ? "joint_development" : "commissioned_development"};
  }
  return l;
}

std::string Generator::QueryFor(uint64_t i, uint64_t salt) const {
  const Listing l = Make(i);
  std::mt19937_64 rng = RngFor(i, 1000 + salt);
  if (rng() % 2 == 0 && l.keywords.size() >= 2) {
    std::vector<std::string> kw = l.keywords;
    std::shuffle(kw.begin(), kw.end(), rng);
    kw.resize(std::min(kw.size(), static_cast<size_t>(2 + rng() % 2)));
    std::string q;
    for (const std::string& k : kw) q.append(q.empty() ? "" : " ").append(k);
    return q;
  }
  // A span of the title: a few characters off the front and the back.
  const size_t n = CharCount(l.title);
  const size_t front = n > 8 ? 1 + rng() % 2 : 0;
  const size_t back = n > 10 ? rng() % 4 : 0;
  return Chars(l.title, front, n - front - back);
}

}  // namespace kc::scale
