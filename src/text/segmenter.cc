#include "text/segmenter.h"

#include <array>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

extern "C" {
#include <friso/friso.h>
}

#include "core/utf8.h"
#include "text/char_class.h"

namespace kc::text {

// friso's instance (which owns the dictionary) and configuration, read-only after Load.
struct Segmenter::Friso {
  friso_t friso = nullptr;
  friso_config_t config = nullptr;

  ~Friso() {
    if (friso != nullptr) friso_free(friso);
    if (config != nullptr) friso_free_config(config);
  }
};

namespace {

// Words longer than this many characters cannot be matched (friso's max_len is a ushort but
// its chunk code is written for short words); Options::max_word_chars is clamped to it.
constexpr int kMaxWordChars = 8;

// The characters friso's UTF-8 reader counts as CJK (utf8_cjk_string) among those in a CJK
// run: friso extends a match only across these, so a word with another character never
// matches.
bool IsFrisoCjk(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FBF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

bool IsAsciiDigit(char32_t cp) { return cp >= '0' && cp <= '9'; }
bool IsWordChar(char32_t cp) { return IsAsciiDigit(cp) || IsWordLetter(cp); }

// Longer runs of letters and digits are hashes, base64 or garbage, not words.
constexpr size_t kMaxLatinTokenBytes = 64;

uint64_t HashBytes(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a, then a final mix for the low bits.
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

// Adds jieba's words that friso lacks. Returns the number added.
Result<size_t> LoadJieba(const std::string& path, int max_chars, friso_dic_t dic) {
  std::ifstream in(path);
  if (!in) {
    return Status::Error(ErrorKind::kUnavailable, "lexicon_unavailable",
                         "cannot read jieba dictionary " + path);
  }
  size_t added = 0;
  std::string line;
  while (std::getline(in, line)) {
    const size_t space = line.find(' ');
    if (space == std::string::npos || space == 0) continue;
    std::string word = line.substr(0, space);
    int chars = 0;
    bool cjk = true;
    for (size_t i = 0; i < word.size() && cjk;) {
      cjk = IsFrisoCjk(DecodeUtf8(word, &i));
      ++chars;
    }
    if (!cjk || chars < 2 || chars > max_chars) continue;
    if (friso_dic_match(dic, __LEX_CJK_WORDS__, word.data())) continue;
    const unsigned long freq = std::strtoul(line.c_str() + space + 1, nullptr, 10);
    // friso's dictionary takes ownership of the malloc'ed key (friso_dic_free frees it).
    friso_dic_add_with_fre(dic, __LEX_CJK_WORDS__, strdup(word.c_str()), nullptr,
                           static_cast<uint_t>(freq));
    ++added;
  }
  return added;
}

}  // namespace

// An open-addressing index of friso's CJK words and of their proper prefixes, so that a
// lookup usually costs one cache miss and matching can stop at the first non-prefix.
class Segmenter::Lexicon {
 public:
  static constexpr uint8_t kWord = 1;    // the key is a word
  static constexpr uint8_t kPrefix = 2;  // the key begins a longer word

  struct Entry {
    uint8_t flags = 0;
    uint32_t frequency = 0;  // friso's frequency of the word (0 when it has none)
  };

  explicit Lexicon(friso_hash_t words) {
    slots_.resize(1 << 20);
    for (uint_t b = 0; b < words->length; ++b) {
      for (hash_entry_t e = words->table[b]; e != nullptr; e = e->_next) {
        const auto* lex = static_cast<const lex_entry_cdt*>(e->_val);
        std::string_view word(lex->word, lex->length);
        Insert(word, kWord, lex->fre);
        ++words_;
        // Mark every proper prefix of two or more characters.
        size_t i = 0;
        DecodeUtf8(word, &i);
        while (i < word.size()) {
          DecodeUtf8(word, &i);
          if (i < word.size()) Insert(word.substr(0, i), kPrefix, 0);
        }
      }
    }
  }

  Entry Find(std::string_view key) const {
    const uint64_t h = HashBytes(key);
    const uint32_t tag = static_cast<uint32_t>(h >> 32);
    for (size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& s = slots_[i];
      if (s.flags == 0) return Entry{};
      if (s.tag == tag && s.bytes == key.size() &&
          std::memcmp(arena_.data() + s.offset, key.data(), key.size()) == 0) {
        return Entry{s.flags, s.frequency};
      }
    }
  }

  size_t words() const { return words_; }

 private:
  struct Slot {
    uint32_t tag = 0;
    uint32_t frequency = 0;
    uint32_t offset = 0;  // of the key in arena_
    uint8_t bytes = 0;
    uint8_t flags = 0;  // 0: empty
  };

  void Insert(std::string_view key, uint8_t flags, uint32_t frequency) {
    if ((used_ + 1) * 2 > slots_.size()) Grow();
    const uint64_t h = HashBytes(key);
    const uint32_t tag = static_cast<uint32_t>(h >> 32);
    for (size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      Slot& s = slots_[i];
      if (s.flags == 0) {
        s = Slot{tag, frequency, static_cast<uint32_t>(arena_.size()),
                 static_cast<uint8_t>(key.size()), flags};
        arena_.append(key);
        ++used_;
        return;
      }
      if (s.tag == tag && s.bytes == key.size() &&
          std::memcmp(arena_.data() + s.offset, key.data(), key.size()) == 0) {
        s.flags |= flags;
        if (flags & kWord) s.frequency = frequency;
        return;
      }
    }
  }

  void Grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& s : old) {
      if (s.flags == 0) continue;
      const uint64_t h = HashBytes(std::string_view(arena_.data() + s.offset, s.bytes));
      size_t i = h & (slots_.size() - 1);
      while (slots_[i].flags != 0) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  std::string arena_;
  size_t used_ = 0;
  size_t words_ = 0;
};

TokenKind KindOf(std::string_view token) {
  if (token.empty()) return TokenKind::kLatinWord;
  size_t i = 0;
  if (IsCjkChar(DecodeUtf8(token, &i))) return TokenKind::kCjkWord;
  for (size_t j = 0; j < token.size();) {
    if (IsWordLetter(DecodeUtf8(token, &j))) return TokenKind::kLatinWord;
  }
  return TokenKind::kNumber;
}

Segmenter::Segmenter() = default;
Segmenter::~Segmenter() = default;

Result<std::unique_ptr<Segmenter>> Segmenter::Load(const Options& options) {
  const auto start = std::chrono::steady_clock::now();
  std::string dir = options.friso_lex_dir;
  if (!dir.empty() && dir.back() != '/') dir.push_back('/');
  for (const char* file : {"friso.lex.ini", "lex-main.lex"}) {
    if (!std::filesystem::is_regular_file(dir + file)) {
      return Status::Error(ErrorKind::kUnavailable, "lexicon_unavailable",
                           "friso lexicon file missing: " + dir + file);
    }
  }
  const int max_chars = std::max(2, std::min(options.max_word_chars, kMaxWordChars));
  std::unique_ptr<Segmenter> seg(new Segmenter());
  seg->max_word_chars_ = max_chars;
  seg->friso_ = std::make_unique<Friso>();
  Friso& f = *seg->friso_;
  f.friso = friso_new();
  f.config = friso_new_config();
  f.friso->charset = FRISO_UTF8;
  friso_set_mode(f.config, __FRISO_COMPLEX_MODE__);
  f.config->max_len = static_cast<ushort_t>(max_chars);
  f.config->add_syn = 0;  // Synonyms would come out as extra tokens at the same offset.
  f.config->clr_stw = 0;  // Stop words are the analyzer's business.
  f.config->r_name = 0;
  f.friso->dic = friso_dic_new();
  friso_dic_load_from_ifile(f.friso, f.config, dir.data(), static_cast<uint_t>(max_chars * 3));
  if (!options.jieba_dict.empty()) {
    Result<size_t> added = LoadJieba(options.jieba_dict, max_chars, f.friso->dic);
    if (!added.ok()) return added.status();
    seg->jieba_added_ = *added;
  }
  seg->lexicon_ = std::make_unique<Lexicon>(f.friso->dic[__LEX_CJK_WORDS__]);
  seg->load_millis_ =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return seg;
}

const Segmenter& Segmenter::Shared() {
  static const Segmenter* const shared = [] {
    Result<std::unique_ptr<Segmenter>> loaded = Load(Options());
    if (loaded.ok()) return std::move(loaded).value().release();
    auto* fallback = new Segmenter();
    fallback->status_ = loaded.status();
    return fallback;
  }();
  return *shared;
}

size_t Segmenter::lexicon_size() const { return lexicon_ ? lexicon_->words() : 0; }

bool Segmenter::IsDictionaryWord(std::string_view text) const {
  return lexicon_ && (lexicon_->Find(text).flags & Lexicon::kWord) != 0;
}

std::vector<Token> Segmenter::Segment(std::string_view text) const {
  return SegmentWith(text, &Segmenter::SegmentCjkRun);
}

std::vector<Token> Segmenter::SegmentWithFrisoDriver(std::string_view text) const {
  return SegmentWith(text, &Segmenter::SegmentCjkRunWithFriso);
}

namespace {

// One candidate segmentation of the next one to three words, as friso's friso_chunk_entry.
struct Chunk {
  std::array<uint8_t, 3> chars{};  // length of each word in characters
  std::array<uint8_t, 3> bytes{};  // and in bytes
  std::array<uint32_t, 3> freq{};  // friso frequency of each word
  int words = 0;
  uint32_t length = 0;  // total bytes
};

// friso's mmseg_core_invoke: keeps the chunks that are best by each rule in turn and returns
// the first survivor. The float arithmetic mirrors friso's so that ties break the same way.
size_t BestChunk(const std::vector<Chunk>& chunks) {
  std::vector<size_t> alive(chunks.size());
  for (size_t i = 0; i < chunks.size(); ++i) alive[i] = i;
  auto keep = [&](auto score, bool larger_is_better) {
    std::vector<float> scores(chunks.size());
    float best = score(chunks[alive[0]]);
    for (size_t i : alive) {
      scores[i] = score(chunks[i]);
      if (larger_is_better ? scores[i] > best : scores[i] < best) best = scores[i];
    }
    std::vector<size_t> next;
    for (size_t i : alive) {
      if (larger_is_better ? scores[i] >= best : scores[i] <= best) next.push_back(i);
    }
    alive.swap(next);
    return alive.size() == 1;
  };
  auto avl = [](const Chunk& c) { return static_cast<float>(c.length) / c.words; };
  // 1. Largest total length.
  if (keep([](const Chunk& c) { return static_cast<float>(c.length); }, true)) return alive[0];
  // 2. Largest average word length.
  if (keep(avl, true)) return alive[0];
  // 3. Smallest variance of word lengths.
  if (keep(
          [&](const Chunk& c) {
            const float mean = avl(c);
            float var = 0;
            for (int w = 0; w < c.words; ++w) {
              const float d = c.bytes[w] - mean;
              var += d * d;
            }
            return var / c.words;
          },
          false)) {
    return alive[0];
  }
  // 4. Largest sum of log frequencies of single-character words (friso tests the byte length:
  // 3 for a CJK character in UTF-8, 2 in GBK).
  keep(
      [](const Chunk& c) {
        float mdf = 0;
        for (int w = 0; w < c.words; ++w) {
          if (c.bytes[w] == 3 || c.bytes[w] == 2) {
            mdf += static_cast<float>(std::log(static_cast<float>(c.freq[w])));
          }
        }
        return mdf;
      },
      true);
  return alive[0];
}

}  // namespace

// friso's next_complex_cjk, position by position: the dictionary matches starting at each
// character are computed once for the run, then chunks of up to three words are formed as
// friso forms them (a following word only if its first character is a CJK dictionary
// character) and the first word of the best chunk is taken.
void Segmenter::SegmentCjkRun(std::string_view run, uint32_t offset,
                              std::vector<Token>* out) const {
  struct Char {
    uint32_t begin;
    bool friso_cjk;
    // Bit l-1 set: the l characters from here form a word. freq[l-1]: its frequency.
    uint32_t matches = 0;
    std::array<uint32_t, kMaxWordChars> freq{};
  };
  std::vector<Char> chars;
  chars.reserve(run.size() / 3 + 1);
  for (size_t i = 0; i < run.size();) {
    const uint32_t begin = static_cast<uint32_t>(i);
    chars.push_back(Char{begin, IsFrisoCjk(DecodeUtf8(run, &i))});
  }
  const size_t n = chars.size();
  auto byte_at = [&](size_t c) { return c < n ? chars[c].begin : run.size(); };
  if (lexicon_) {
    for (size_t c = 0; c < n; ++c) {
      Char& ch = chars[c];
      const Lexicon::Entry single = lexicon_->Find(run.substr(ch.begin, byte_at(c + 1) - ch.begin));
      if (single.flags & Lexicon::kWord) {
        ch.matches = 1;
        ch.freq[0] = single.frequency;
      }
      for (size_t l = 2; l <= static_cast<size_t>(max_word_chars_) && c + l <= n; ++l) {
        if (!chars[c + l - 1].friso_cjk) break;
        const Lexicon::Entry e = lexicon_->Find(run.substr(ch.begin, byte_at(c + l) - ch.begin));
        if (e.flags & Lexicon::kWord) {
          ch.matches |= 1u << (l - 1);
          ch.freq[l - 1] = e.frequency;
        }
        if (!(e.flags & Lexicon::kPrefix)) break;
      }
    }
  }
  auto emit = [&](size_t c, size_t len) {
    const uint32_t begin = chars[c].begin;
    out->push_back(Token{std::string(run.substr(begin, byte_at(c + len) - begin)),
                         TokenKind::kCjkWord, offset + begin});
  };
  // A following word exists at c if friso would read a CJK character there that is a word.
  auto starts_word = [&](size_t c) {
    return c < n && chars[c].friso_cjk && (chars[c].matches & 1);
  };
  std::vector<Chunk> chunks;
  for (size_t c = 0; c < n;) {
    const uint32_t m1 = chars[c].matches;
    if (!(m1 & 1) || m1 == 1) {  // Unknown character, or no longer word starts here.
      emit(c, 1);
      ++c;
      continue;
    }
    chunks.clear();
    auto add_word = [&](Chunk* chunk, size_t at, size_t len) {
      const int w = chunk->words++;
      chunk->chars[w] = static_cast<uint8_t>(len);
      chunk->bytes[w] = static_cast<uint8_t>(byte_at(at + len) - byte_at(at));
      chunk->freq[w] = chars[at].freq[len - 1];
      chunk->length += chunk->bytes[w];
    };
    for (size_t l1 = 1; l1 <= static_cast<size_t>(max_word_chars_); ++l1) {
      if (!(m1 & (1u << (l1 - 1)))) continue;
      Chunk first;
      add_word(&first, c, l1);
      const size_t c2 = c + l1;
      if (!starts_word(c2)) {
        chunks.push_back(first);
        continue;
      }
      for (size_t l2 = 1; l2 <= static_cast<size_t>(max_word_chars_); ++l2) {
        if (!(chars[c2].matches & (1u << (l2 - 1)))) continue;
        Chunk second = first;
        add_word(&second, c2, l2);
        const size_t c3 = c2 + l2;
        if (!starts_word(c3)) {
          chunks.push_back(second);
          continue;
        }
        for (size_t l3 = 1; l3 <= static_cast<size_t>(max_word_chars_); ++l3) {
          if (!(chars[c3].matches & (1u << (l3 - 1)))) continue;
          Chunk third = second;
          add_word(&third, c3, l3);
          chunks.push_back(third);
        }
      }
    }
    const size_t len = chunks.size() == 1 ? chunks[0].chars[0] : chunks[BestChunk(chunks)].chars[0];
    emit(c, len);
    c += len;
  }
}

// The reference: friso's next_complex_cjk on each position. It expects the task positioned
// just after the next character, with that character in task->buffer, and returns the
// dictionary entry of the best word starting there. (friso's usual driver, next_mmseg_token,
// is not used: it writes the token offset into the shared dictionary entry.) The run is copied
// with a terminating NUL that counts as a character: at the very end of a text friso would
// otherwise read a stale character (utf8_next_word leaves task->bytes unchanged there).
void Segmenter::SegmentCjkRunWithFriso(std::string_view run, uint32_t offset,
                                       std::vector<Token>* out) const {
  auto emit = [&](size_t begin, size_t len) {
    out->push_back(Token{std::string(run.substr(begin, len)), TokenKind::kCjkWord,
                         static_cast<uint32_t>(offset + begin)});
  };
  if (!friso_) {
    for (size_t i = 0; i < run.size();) {
      const size_t begin = i;
      DecodeUtf8(run, &i);
      emit(begin, i - begin);
    }
    return;
  }
  std::string text(run);
  text.push_back('\0');
  friso_task_t task = friso_new_task();
  task->text = text.data();
  task->length = static_cast<uint_t>(text.size());
  friso_dic_t dic = friso_->friso->dic;
  for (size_t i = 0; i < run.size();) {
    size_t next = i;
    const char32_t cp = DecodeUtf8(run, &next);
    const size_t bytes = next - i;
    std::memcpy(task->buffer, run.data() + i, bytes);
    task->buffer[bytes] = '\0';
    task->bytes = static_cast<uint_t>(bytes);
    task->unicode = static_cast<uint_t>(cp);
    task->idx = static_cast<uint_t>(next);
    size_t len = bytes;
    if (friso_dic_match(dic, __LEX_CJK_WORDS__, task->buffer)) {
      lex_entry_t word = next_complex_cjk(friso_->friso, friso_->config, task);
      if (word != nullptr && word->length >= bytes && i + word->length <= run.size()) {
        len = word->length;
      }
    }
    emit(i, len);
    i += len;
  }
  friso_free_task(task);
}

std::vector<Token> Segmenter::SegmentWith(std::string_view text, RunSegmenter segment_run) const {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 4 + 1);
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    const char32_t cp = DecodeUtf8(text, &i);
    if (IsCjkChar(cp)) {
      size_t end = i;
      while (end < text.size()) {
        size_t next = end;
        if (!IsCjkChar(DecodeUtf8(text, &next))) break;
        end = next;
      }
      (this->*segment_run)(text.substr(start, end - start), static_cast<uint32_t>(start), &tokens);
      i = end;
      continue;
    }
    if (!IsWordChar(cp)) continue;
    bool has_letter = IsWordLetter(cp);
    char32_t prev = cp;
    size_t end = i;
    while (end < text.size()) {
      size_t next = end;
      const char32_t c = DecodeUtf8(text, &next);
      if (IsWordChar(c)) {
        has_letter = has_letter || IsWordLetter(c);
      } else if (c == '.' && IsAsciiDigit(prev) && next < text.size() &&
                 IsAsciiDigit(static_cast<unsigned char>(text[next]))) {
        // A decimal point: keep 3.14 and v1.2 whole.
      } else {
        break;
      }
      prev = c;
      end = next;
    }
    if (has_letter) {  // c++, c#: a suffix not followed by another word character.
      size_t suffix = end;
      if (suffix < text.size() && text[suffix] == '#') {
        ++suffix;
      } else {
        while (suffix < text.size() && suffix - end < 2 && text[suffix] == '+') ++suffix;
      }
      if (suffix != end) {
        size_t next = suffix;
        if (suffix == text.size() || !IsWordChar(DecodeUtf8(text, &next))) end = suffix;
      }
    }
    i = end;
    if (end - start > kMaxLatinTokenBytes) continue;
    std::string word(text.substr(start, end - start));
    for (char& c : word) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    }
    tokens.push_back(Token{std::move(word), has_letter ? TokenKind::kLatinWord : TokenKind::kNumber,
                           static_cast<uint32_t>(start)});
  }
  return tokens;
}

}  // namespace kc::text
