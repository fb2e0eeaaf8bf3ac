// 专利号: a Chinese patent application number (申请号) or publication number (公开/公告号).
//
// Application numbers, normalised form first:
//   "202010123456.7"  since October 2003: year (4) + type (1) + serial (7), '.', check character;
//   "98123456.X"      1985 to 2003: year (2) + type (1) + serial (5), '.', check character.
// The type digit is 1 invention, 2 utility model, 3 design, 8 PCT invention, 9 PCT utility
// model. The check character is sum(digit[i] * weight[i]) mod 11, 10 written 'X'; weights are
// 2,3,4,5,6,7,8,9,2,3,4,5 for 12 digits and 2..9 for 8 digits.
// Publication numbers such as "CN112345678A" (CN + 9 digits + kind A, B, C, U or S) have no
// check character.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace kc {

// Returns OK when `s` normalises (NormalizePatentNumber) to a valid application number (correct
// length, year, type digit and check character) or publication number. Otherwise returns
// Invalid(field, "invalid_patent_number", reason) with the reason naming what is wrong.
// Accepted inputs include "CN202010123456.7", "ZL 202010123456.7", "202010123456.7",
// "98123456.X" and "CN112345678A".
Status ValidatePatentNumber(std::string_view s, std::string_view field = "patents");

// Returns the normalised form of `s`: whitespace removed, letters upper-cased, a "CN" or "ZL"
// prefix dropped from application numbers, and the '.' inserted before the check character
// when it was left out ("2020101234567" → "202010123456.7"). Publication numbers keep their
// "CN" ("cn112345678a" → "CN112345678A"). Does not validate: other input comes back with only
// whitespace removed and letters upper-cased.
std::string NormalizePatentNumber(std::string_view s);

// Returns the check character ('0'..'9' or 'X') for the 12 or 8 digits of an application
// number before its '.', or '\0' when `digits` is not 12 or 8 ASCII digits.
char PatentCheckChar(std::string_view digits);

}  // namespace kc
