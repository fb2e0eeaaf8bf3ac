// 中英术语对照: zh↔en translation of query terms for cross-lingual search and matching, from
// CC-CEDICT (CC BY-SA 4.0) plus a small built-in glossary of technology-transfer terms.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "text/analyzer.h"

namespace kc::search {

// One translated stretch of a query: the source words and the target texts, best first.
struct Translation {
  std::string source;                // 神经网络, or "neural network"
  std::vector<std::string> targets;  // neural network; or 神经网络
};

// A bilingual dictionary. Immutable after loading: safe to share between threads.
class Translator {
 public:
  // Loads a CC-CEDICT file in either of its two forms: the original lines
  // "傳統 传统 [chuan2 tong3] /tradition/traditional/" (# comments), or the tab-separated form
  // "traditional\tsimplified\tpinyin\tdefinitions\tclassifiers" with definitions joined by
  // " / " and an optional header line. The built-in glossary is added. Fails with
  // kUnavailable when the file cannot be read, kInvalid when no line could be parsed.
  //
  // Several Chinese words share an English gloss (product: 产品, 乘积, 副产品); they rank by the
  // gloss's place in each entry and by how common each word is in Chinese, from
  // options.word_frequencies (jieba's "word frequency part-of-speech" lines; the common word is
  // the likelier translation: docs/search.md, "Translations"). An unreadable frequency file
  // leaves the ranking by place alone.
  struct LoadOptions {
    std::string word_frequencies = "/usr/lib/python3/dist-packages/jieba/dict.txt";
    // Rank points per tenfold frequency (a gloss one place later costs 2 points); 0: off.
    double frequency_weight = 1.0;
  };
  static Result<std::unique_ptr<Translator>> Load(const std::string& cedict_path,
                                                  const LoadOptions& options);
  static Result<std::unique_ptr<Translator>> Load(const std::string& cedict_path) {
    return Load(cedict_path, LoadOptions());
  }

  // The built-in glossary alone.
  static std::unique_ptr<Translator> GlossaryOnly();

  // Adds one pair; the glossary's pairs are added this way and rank above dictionary entries.
  void AddPair(std::string_view english, std::string_view chinese);

  // Translations of the words of an analysed text (text::Analyze): each maximal run of Latin
  // words is matched greedily, longest phrase (up to 4 words) first, by English stems, to
  // Chinese; each CJK word to English. At most max_targets targets each, best first.
  std::vector<Translation> Translate(const text::Terms& terms, size_t max_targets) const;

  // The Chinese for an English phrase (any case, any inflection), best first.
  std::vector<std::string> ToChinese(std::string_view english) const;
  // The English of a Chinese word (simplified), best first.
  std::vector<std::string> ToEnglish(std::string_view chinese) const;

  size_t english_keys() const { return en_zh_.size(); }
  size_t chinese_keys() const { return zh_en_.size(); }

 private:
  struct Candidate {
    std::string text;
    double rank;  // lower is better
  };
  Translator() = default;
  // `frequency`: how common the word is in Chinese (0 when unknown).
  void AddEntry(std::string_view simplified, const std::vector<std::string>& definitions,
                double frequency, double frequency_weight);
  void Insert(std::unordered_map<std::string, std::vector<Candidate>>* map, std::string key,
              std::string text, double rank);

  std::unordered_map<std::string, std::vector<Candidate>> en_zh_;  // stems "neural network"
  std::unordered_map<std::string, std::vector<Candidate>> zh_en_;  // 神经网络
};

// The key of an English phrase: the stems of its words, stop words dropped, joined by spaces
// (Neural Networks → "neural network"). Empty when no word remains.
std::string EnglishKey(std::string_view phrase);

}  // namespace kc::search
