// 术语变体: pairs of names for one thing mined from the indexed text itself — a Chinese term
// and the abbreviation, formula or English name written after it in parentheses
// (碾压混凝土(RCC), 铝酸锶(SrAl2O4), 修正Rodrigues参数(MRP)) or the reverse (SrAl2O4(铝酸锶)).
// A query naming one side also looks for the other.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kc::search {

// The alias pairs (a, b) written in a Normalize()d text, each in both orders. A Chinese side
// is a dictionary word or up to three words before the parenthesis, joined (2..12
// characters); a Latin side is lower case, words joined by one space (1..4 words, 2..40
// bytes, a letter in it).
std::vector<std::pair<std::string, std::string>> FindAliases(std::string_view normalized);

// The boolean term recording that `from` has the alias `to`: XA<from>\x1f<to>. One per pair
// and document, so a term's frequency counts the documents attesting the pair.
std::string AliasTerm(std::string_view from, std::string_view to);

// The aliases of `name` in db, the best attested first, at most max. Thread-safe given a db
// used by this thread only; throws Xapian::Error.
std::vector<std::string> LookupAliases(const Xapian::Database& db, std::string_view name,
                                       size_t max);

}  // namespace kc::search
