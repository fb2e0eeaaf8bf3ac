// Search normalisation of text: the one folding applied to documents and queries alike, so
// that "ＡＩ芯片", "AI芯片" and "ai芯片", or "神經網絡" and "神经网络", index to the same terms.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace kc::text {

// Folds UTF-8 text for indexing and querying:
//  - compatibility forms to their plain form, as Unicode NFKC does, by a table generated from
//    Unicode 14 (gen_fold_table.py) for the blocks that occur in Chinese and English technical
//    text: full-width ASCII (Ａ０，：（ → A0,:( ), half-width katakana, circled and parenthesised
//    numbers and letters (① ⑴ ⒜ → 1 (1) (a)), Roman numerals (Ⅻ → xii), super- and subscripts
//    (m² H₂O → m2 h2o), fractions (½ → 1/2), letterlike and CJK unit symbols (℃ ㎡ ㎏ → °c m2 kg),
//    Kangxi radicals and CJK compatibility ideographs (⽅ → 方), ligatures (ﬁ → fi),
//    mathematical alphanumerics (𝐀 → a), vertical and small punctuation forms. Not covered:
//    canonical composition of decomposed accents (e + U+0301 stays two code points) and the
//    blocks not listed in gen_fold_table.py;
//  - letters to lower case: ASCII, Latin-1, Latin Extended, Greek, Cyrillic;
//  - traditional Chinese to simplified with OpenCC's t2s (phrase-aware: 軟體 → 软体);
//  - every run of white space (ASCII controls, NBSP, U+2000–U+200A, ideographic space U+3000, …)
//    to one ASCII space, none at either end; zero-width characters and soft hyphens removed;
//  - bytes that are not valid UTF-8 become a space.
// Chinese punctuation without a compatibility form (。、“”《》) is kept as it is.
// Never fails; if OpenCC's configuration cannot be loaded the traditional → simplified step is
// skipped (see TraditionalConversionStatus). Safe to call from several threads at once.
std::string Normalize(std::string_view utf8);

// Whether the OpenCC t2s converter used by Normalize loaded; an error names the cause. Loading
// happens once, on the first call of this function or of Normalize. Thread-safe.
const Status& TraditionalConversionStatus();

}  // namespace kc::text
