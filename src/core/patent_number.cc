#include "core/patent_number.h"

#include <cctype>
#include <cstddef>
#include <initializer_list>
#include <utility>

namespace kc {
namespace {

constexpr int kWeights12[12] = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
constexpr int kWeights8[8] = {2, 3, 4, 5, 6, 7, 8, 9};

// Joins `parts` into one string (operator+ on a literal trips GCC 12's -Wrestrict at -O3).
std::string Cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view p : parts) out.append(p);
  return out;
}

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

bool IsCheckChar(char c) { return (c >= '0' && c <= '9') || c == 'X'; }

int ToInt(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

bool IsTypeDigit(char c) { return c == '1' || c == '2' || c == '3' || c == '8' || c == '9'; }

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// "CN" + 9 digits + kind letter.
bool IsPublicationNumber(std::string_view s) {
  static constexpr std::string_view kKinds = "ABCUS";
  return s.size() == 12 && StartsWith(s, "CN") && AllDigits(s.substr(2, 9)) &&
         kKinds.find(s.back()) != std::string_view::npos;
}

// Checks the year and type digit of the body (the digits before the '.'); returns a reason,
// or an empty string when they are valid.
std::string BodyProblem(std::string_view body) {
  if (body.size() == 12) {
    int year = ToInt(body.substr(0, 4));
    if (year < 1985 || year > 2099) {
      return Cat({"year ", body.substr(0, 4), " is outside 1985..2099"});
    }
    if (!IsTypeDigit(body[4])) {
      return Cat({"type digit (5th) is '", body.substr(4, 1), "', expected 1, 2, 3, 8 or 9"});
    }
    return "";
  }
  int year = ToInt(body.substr(0, 2));
  if (year > 3 && year < 85) {
    return Cat({"year ", body.substr(0, 2), " is outside 85..03 for an 8-digit number"});
  }
  if (!IsTypeDigit(body[2])) {
    return Cat({"type digit (3rd) is '", body.substr(2, 1), "', expected 1, 2, 3, 8 or 9"});
  }
  return "";
}

}  // namespace

char PatentCheckChar(std::string_view digits) {
  const int* weights = nullptr;
  if (digits.size() == 12) weights = kWeights12;
  if (digits.size() == 8) weights = kWeights8;
  if (weights == nullptr || !AllDigits(digits)) return '\0';
  int sum = 0;
  for (std::size_t i = 0; i < digits.size(); ++i) sum += (digits[i] - '0') * weights[i];
  int check = sum % 11;
  return check == 10 ? 'X' : static_cast<char>('0' + check);
}

std::string NormalizePatentNumber(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  if (IsPublicationNumber(out)) return out;
  std::string body = out;
  if (StartsWith(body, "CN") || StartsWith(body, "ZL")) body.erase(0, 2);
  std::size_t dot = body.find('.');
  if (dot == std::string::npos && (body.size() == 13 || body.size() == 9) &&
      AllDigits(std::string_view(body).substr(0, body.size() - 1)) && IsCheckChar(body.back())) {
    char check = body.back();
    body.back() = '.';
    body.push_back(check);
    dot = body.size() - 2;
  }
  bool application = dot != std::string::npos && (dot == 12 || dot == 8) &&
                     body.size() == dot + 2 && AllDigits(std::string_view(body).substr(0, dot));
  return application ? body : out;
}

Status ValidatePatentNumber(std::string_view s, std::string_view field) {
  auto invalid = [field](std::string reason) {
    return Invalid(std::string(field), "invalid_patent_number", std::move(reason));
  };
  std::string n = NormalizePatentNumber(s);
  if (IsPublicationNumber(n)) return Status::Ok();
  std::size_t dot = n.find('.');
  if (dot == std::string::npos || (dot != 12 && dot != 8) || n.size() != dot + 2 ||
      !AllDigits(std::string_view(n).substr(0, dot))) {
    return invalid(
        "not a patent number: expected 12 digits '.' check character (as in "
        "202010123456.7), 8 digits '.' check character, or CN + 9 digits + kind "
        "letter (as in CN112345678A)");
  }
  std::string_view body = std::string_view(n).substr(0, dot);
  std::string problem = BodyProblem(body);
  if (!problem.empty()) return invalid(problem);
  char expected = PatentCheckChar(body);
  if (n.back() != expected) {
    return invalid(Cat({"check character is '", std::string_view(&n.back(), 1), "', expected '",
                        std::string_view(&expected, 1), "'"}));
  }
  return Status::Ok();
}

}  // namespace kc
