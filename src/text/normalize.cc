#include "text/normalize.h"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <memory>
#include <opencc/Config.hpp>
#include <opencc/Conversion.hpp>
#include <opencc/ConversionChain.hpp>
#include <opencc/Converter.hpp>
#include <opencc/DictEntry.hpp>
#include <opencc/DictGroup.hpp>
#include <opencc/Lexicon.hpp>
#include <vector>

#include "core/utf8.h"
#include "text/char_class.h"

namespace kc::text {
namespace {

struct FoldEntry {
  char32_t cp;
  const char* to;
};

constexpr FoldEntry kFoldTable[] = {
#include "text/fold_table.inc"
};

const char* LookupFold(char32_t cp) {
  const auto* end = std::end(kFoldTable);
  const auto* it = std::lower_bound(std::begin(kFoldTable), end, cp,
                                    [](const FoldEntry& e, char32_t c) { return e.cp < c; });
  return (it != end && it->cp == cp) ? it->to : nullptr;
}

bool IsSpace(char32_t cp) {
  return cp <= 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0xA0) || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000 || cp == kInvalidCodePoint;
}

// Characters that carry no text: zero-width spaces and joiners, word joiner, BOM, soft hyphen.
bool IsInvisible(char32_t cp) {
  return cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

// Steps 1, 2 and 4 of Normalize: compatibility folding, lower case, white space. Sets
// *has_non_ascii when the output may contain traditional characters.
std::string Fold(std::string_view in, bool* has_non_ascii) {
  std::string out;
  out.reserve(in.size());
  bool pending_space = false;
  *has_non_ascii = false;
  auto emit_space = [&] { pending_space = !out.empty(); };
  auto flush_space = [&] {
    if (pending_space) out.push_back(' ');
    pending_space = false;
  };
  for (size_t i = 0; i < in.size();) {
    const unsigned char b = static_cast<unsigned char>(in[i]);
    if (b < 0x80) {  // ASCII fast path.
      ++i;
      if (b <= 0x20 || b == 0x7F) {
        emit_space();
        continue;
      }
      flush_space();
      out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b));
      continue;
    }
    const size_t start = i;
    const char32_t cp = DecodeUtf8(in, &i);
    if (IsSpace(cp)) {
      emit_space();
      continue;
    }
    if (IsInvisible(cp)) continue;
    flush_space();
    *has_non_ascii = true;
    const char* folded = (cp >= 0x4E00 && cp <= 0x9FFF) ? nullptr : LookupFold(cp);
    if (folded == nullptr) {
      out.append(in.substr(start, i - start));
    } else {
      out.append(folded);  // Folded forms contain no white space (gen_fold_table.py).
    }
  }
  return out;
}

// OpenCC's t2s converter, and a set of characters such that a text without any of them
// converts to itself: the 4,105 single characters t2s changes (traditional ones: 於 網 ...),
// plus, for a changing phrase key with none of those (沈默 → 沉默), the phrase's characters.
// A simplified text rarely has one, which spares nearly all the conversion work.
struct T2s {
  opencc::ConverterPtr converter;
  std::vector<uint64_t> changing;  // bitmap over code points
  // True when every key is made of CJK characters only, so that no key spans a non-CJK
  // character and each CJK run can be converted on its own.
  bool runs_independent = true;
  Status status;

  bool Changes(char32_t cp) const {
    return cp < changing.size() * 64 && (changing[cp / 64] >> (cp % 64)) & 1;
  }
  void Mark(char32_t cp) { changing[cp / 64] |= uint64_t{1} << (cp % 64); }

  // Appends the keys of dict whose value differs from the key.
  static void ChangingKeys(const opencc::DictPtr& dict, std::vector<std::u32string>* keys) {
    if (auto group = std::dynamic_pointer_cast<opencc::DictGroup>(dict)) {
      for (const opencc::DictPtr& d : group->GetDicts()) ChangingKeys(d, keys);
      return;
    }
    for (const auto& entry : *dict->GetLexicon()) {
      const std::string key = entry->Key();
      if (entry->GetDefault() == key) continue;
      std::u32string cps;
      for (size_t i = 0; i < key.size();) cps.push_back(DecodeUtf8(key, &i));
      keys->push_back(std::move(cps));
    }
  }

  void MarkChanging() {
    std::vector<std::u32string> keys;
    for (const opencc::ConversionPtr& c : converter->GetConversionChain()->GetConversions()) {
      ChangingKeys(c->GetDict(), &keys);
    }
    changing.assign(0x110000 / 64, 0);
    for (const std::u32string& key : keys) {
      for (char32_t cp : key) runs_independent = runs_independent && IsCjkChar(cp);
      if (key.size() == 1 && key[0] != kInvalidCodePoint) Mark(key[0]);
    }
    for (const std::u32string& key : keys) {
      if (std::none_of(key.begin(), key.end(), [&](char32_t cp) { return Changes(cp); })) {
        for (char32_t cp : key) {
          if (cp != kInvalidCodePoint) Mark(cp);
        }
      }
    }
  }
};

const T2s& SharedT2s() {
  static const T2s* const t2s = [] {
    auto* t = new T2s;
    try {
      // OpenCC resolves a bare name against its package data directory (/usr/share/opencc).
      t->converter = opencc::Config().NewFromFile("t2s.json");
      t->MarkChanging();
    } catch (const std::exception& e) {
      t->converter = nullptr;
      t->status = Status::Error(ErrorKind::kUnavailable, "opencc_unavailable",
                                std::string("cannot load OpenCC t2s.json: ") + e.what());
    }
    return t;
  }();
  return *t2s;
}

// Step 3 of Normalize: traditional → simplified, converting only the CJK runs that contain a
// character OpenCC would change. Converter::Convert is const and keeps no state between calls.
std::string ToSimplified(const T2s& t2s, std::string text) {
  bool any = false;
  for (size_t i = 0; i < text.size() && !any;) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    any = t2s.Changes(DecodeUtf8(text, &i));
  }
  if (!any) return text;
  if (!t2s.runs_independent) return t2s.converter->Convert(text);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    bool changes = false;
    while (i < text.size()) {
      size_t next = i;
      const char32_t cp = DecodeUtf8(text, &next);
      if (!IsCjkChar(cp)) break;
      changes = changes || t2s.Changes(cp);
      i = next;
    }
    if (changes) {
      out.append(t2s.converter->Convert(text.substr(start, i - start)));
    } else {
      out.append(text, start, i - start);
    }
    if (i == start) {  // A non-CJK character.
      DecodeUtf8(text, &i);
      out.append(text, start, i - start);
    }
  }
  return out;
}

}  // namespace

const Status& TraditionalConversionStatus() { return SharedT2s().status; }

std::string Normalize(std::string_view utf8) {
  bool has_non_ascii = false;
  std::string folded = Fold(utf8, &has_non_ascii);
  if (!has_non_ascii) return folded;
  const T2s& t2s = SharedT2s();
  if (t2s.converter == nullptr) return folded;
  return ToSimplified(t2s, std::move(folded));
}

}  // namespace kc::text
