// Word segmentation of normalised text: friso's MMSEG (complex mode) over a lexicon of friso's
// own dictionaries plus jieba's dict.txt, so that technical terms (神经网络, 最小二乘, 飞行器,
// 收敛性) come out as one token; Latin words and numbers are split at non-word characters.
//
// friso loads the lexicon and defines the segmentation. Segment() applies friso's complex-mode
// rules (next_complex_cjk: three-word chunks ranked by total length, average word length,
// length variance, then the frequencies of single-character words) itself, over a compact
// index of friso's dictionary, because friso's driver is memory-bound (tens of chained-hash
// lookups per word, about 2 MB/s) and writes into shared dictionary entries (a data race).
// SegmentWithFrisoDriver() runs friso's own code; the tests check that both agree.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace kc::text {

// What a token is made of.
enum class TokenKind : uint8_t {
  kCjkWord,    // a dictionary word or a single character of a CJK run: 神经网络, 的
  kLatinWord,  // letters, possibly with digits: controller, h2o, 5g, v1.2, c++
  kNumber,     // digits with optional decimal points inside: 2023, 3.935
};

// One word of a text, in order of appearance.
struct Token {
  std::string text;  // as in the input, except that ASCII letters are lower-cased
  TokenKind kind;
  uint32_t offset;  // byte offset of the token in the segmented text

  bool operator==(const Token&) const = default;
};

// The kind a token of this text would have (by its first character and, for digits, whether
// it contains a letter). Meant for words taken out of Token, e.g. in Terms::words.
TokenKind KindOf(std::string_view token);

// A friso instance with its lexicon loaded, and the segmentation of text into Tokens.
// Construction is slow (see Load); segmentation is safe from several threads at once, since
// every call uses its own friso task and only reads the shared dictionary.
class Segmenter {
 public:
  struct Options {
    // Directory holding friso.lex.ini and the .lex files it names (friso-dict's UTF-8 set).
    std::string friso_lex_dir = "/usr/share/friso/dict/UTF-8/";
    // jieba's dictionary, "word frequency part-of-speech" per line; empty to load none.
    std::string jieba_dict = "/usr/lib/python3/dist-packages/jieba/dict.txt";
    // Longest dictionary word in characters (friso's max_len, 2..8); longer words are not loaded.
    int max_word_chars = 5;
  };

  // Loads friso's lexicon and then the jieba words missing from it (words of 2..max_word_chars
  // CJK characters; single characters and words with other characters are skipped) as CJK
  // words with their jieba frequency. Takes about a second. Fails with kUnavailable when a
  // dictionary file cannot be read.
  static Result<std::unique_ptr<Segmenter>> Load(const Options& options);

  // The process-wide segmenter with the default Options, loaded on first use (thread-safe).
  // If loading failed it still segments, one token per CJK character, and status() says why.
  static const Segmenter& Shared();

  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  // Splits text (expected to be Normalize()d) into tokens in order. CJK runs are segmented
  // with the dictionary (characters it does not know come out one per token); Latin words
  // and numbers are maximal runs of letters and digits, with '.' kept between two digits
  // (3.14, v1.2) and a trailing "+", "++" or "#" kept (c++, c#). Punctuation, symbols and
  // white space separate tokens and are not returned. Never fails.
  std::vector<Token> Segment(std::string_view normalized_text) const;

  // The same segmentation computed by friso's own next_complex_cjk for each CJK word, for tests
  // and comparisons; about ten times slower than Segment. Thread-safe.
  std::vector<Token> SegmentWithFrisoDriver(std::string_view normalized_text) const;

  // Whether text is a word of the loaded CJK lexicon.
  bool IsDictionaryWord(std::string_view text) const;

  // Number of CJK words in the lexicon, and how many of them came from jieba.
  size_t lexicon_size() const;
  size_t jieba_words_added() const { return jieba_added_; }
  // Ok, or why the lexicon could not be loaded (only for Shared()).
  const Status& status() const { return status_; }
  // Wall time Load took, in milliseconds.
  double load_millis() const { return load_millis_; }

 private:
  struct Friso;
  class Lexicon;
  using RunSegmenter = void (Segmenter::*)(std::string_view run, uint32_t offset,
                                           std::vector<Token>* out) const;

  Segmenter();
  std::vector<Token> SegmentWith(std::string_view text, RunSegmenter segment_run) const;
  void SegmentCjkRun(std::string_view run, uint32_t offset, std::vector<Token>* out) const;
  void SegmentCjkRunWithFriso(std::string_view run, uint32_t offset, std::vector<Token>* out) const;

  std::unique_ptr<Friso> friso_;
  std::unique_ptr<Lexicon> lexicon_;
  int max_word_chars_ = 0;
  size_t jieba_added_ = 0;
  double load_millis_ = 0;
  Status status_;
};

}  // namespace kc::text
