#include "service/password_policy.h"

#include <nlohmann/json.hpp>
#include <string>
#include <unordered_set>

#include "core/resources.h"
#include "core/utf8.h"

namespace kc {

namespace {

// The refused passwords and stems of data/common_passwords.json (written by
// tools/common_passwords/generate.py), loaded once.
struct CommonLists {
  std::unordered_set<std::string> passwords;
  std::unordered_set<std::string> stems;
};

const CommonLists& Lists() {
  static const CommonLists lists = [] {
    CommonLists out;
    auto text = Resource("data/common_passwords.json");
    if (!text) return out;
    auto j = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object()) return out;
    for (const auto& p : j.value("passwords", nlohmann::json::array())) {
      if (p.is_string()) out.passwords.insert(p.get<std::string>());
    }
    for (const auto& s : j.value("stems", nlohmann::json::array())) {
      if (s.is_string()) out.stems.insert(s.get<std::string>());
    }
    return out;
  }();
  return lists;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return c >= 'a' && c <= 'z'; }  // after AsciiLower
// Digits and ASCII punctuation: what people put around a word ("!Dragon2024").
bool IsFiller(char c) {
  return IsDigit(c) || (c >= 0x20 && c < 0x7F && !IsLetter(c) && !(c >= 'A' && c <= 'Z'));
}

bool IsSpace(char32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

// "abcabcabc", "12121212", "aaaaaaaa": the first one to three characters, repeated.
bool IsRepetition(std::string_view s) {
  for (size_t period = 1; period <= 3 && period < s.size(); ++period) {
    bool repeats = true;
    for (size_t i = period; i < s.size() && repeats; ++i) repeats = s[i] == s[i - period];
    if (repeats) return true;
  }
  return false;
}

// "abcdefgh", "98765432": each character one above (or each one below) the previous one.
bool IsRun(std::string_view s) {
  if (s.size() < 2) return false;
  const int step = s[1] - s[0];
  if (step != 1 && step != -1) return false;
  for (size_t i = 2; i < s.size(); ++i) {
    if (s[i] - s[i - 1] != step) return false;
  }
  return true;
}

int Number(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

bool IsDate(int year, int month, int day) {
  return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// Eight digits that read as a date: YYYYMMDD, DDMMYYYY or MMDDYYYY (birthdays).
bool IsDateDigits(std::string_view d) {
  if (d.size() != 8) return false;
  return IsDate(Number(d.substr(0, 4)), Number(d.substr(4, 2)), Number(d.substr(6, 2))) ||
         IsDate(Number(d.substr(4, 4)), Number(d.substr(2, 2)), Number(d.substr(0, 2))) ||
         IsDate(Number(d.substr(4, 4)), Number(d.substr(0, 2)), Number(d.substr(2, 2)));
}

}  // namespace

bool IsCommonPassword(std::string_view password) {
  const std::string lower = AsciiLower(password);
  const CommonLists& lists = Lists();
  if (lists.passwords.contains(lower) || IsRepetition(lower) || IsRun(lower)) return true;
  size_t begin = 0, end = lower.size();
  while (begin < end && IsFiller(lower[begin])) ++begin;
  while (end > begin && IsFiller(lower[end - 1])) --end;
  if (begin < end) return lists.stems.contains(lower.substr(begin, end - begin));
  // Only digits and punctuation: a date ("1988-08-08"), or digits repeated or in a run.
  std::string digits;
  for (char c : lower) {
    if (IsDigit(c)) digits += c;
  }
  return IsDateDigits(digits) || (digits.size() >= 4 && (IsRepetition(digits) || IsRun(digits)));
}

Status ValidatePassword(std::string_view password, std::string_view username) {
  // Nothing of the password is ever echoed in a message.
  if (password.size() > kMaxPasswordBytes) {
    return Invalid("password", "too_long", "a password has at most 128 characters");
  }
  size_t chars = 0;
  bool blank = true;
  for (size_t pos = 0; pos < password.size();) {
    char32_t cp = DecodeUtf8(password, &pos);
    if (cp == kInvalidCodePoint) {
      return Invalid("password", "invalid_password", "a password is UTF-8 text");
    }
    ++chars;
    if (!IsSpace(cp)) blank = false;
  }
  if (chars < kMinPasswordChars) {
    return Invalid("password", "weak_password", "a password has 8 characters or more");
  }
  if (chars > kMaxPasswordChars) {
    return Invalid("password", "too_long", "a password has at most 128 characters");
  }
  if (blank) return Invalid("password", "blank_password", "a password is more than white space");
  if (!username.empty() && AsciiLower(password).find(AsciiLower(username)) != std::string::npos) {
    return Invalid("password", "password_has_username", "a password must not hold the user name");
  }
  if (IsCommonPassword(password)) {
    return Invalid("password", "common_password",
                   "this password is among the most common ones; choose another");
  }
  return Status::Ok();
}

}  // namespace kc
