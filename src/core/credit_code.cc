#include "core/credit_code.h"

#include <cctype>
#include <cstddef>
#include <string>
#include <utility>

namespace kc {
namespace {

constexpr std::size_t kLength = 18;
constexpr int kModulus = 31;

// Returns the value of `c` in kCreditCodeAlphabet, or -1 when it is not in it.
int CharValue(char c) {
  std::size_t pos = kCreditCodeAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

// Describes `c` for an error message: printable ASCII as itself, anything else as a byte.
std::string Describe(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  if (u >= 0x21 && u < 0x7f) return std::string("'") + c + "'";
  static const char kHex[] = "0123456789abcdef";
  return std::string("byte 0x") + kHex[u >> 4] + kHex[u & 0xf];
}

}  // namespace

char CreditCodeCheckChar(std::string_view first17) {
  if (first17.size() != kLength - 1) return '\0';
  int sum = 0;
  int weight = 1;  // 3^i mod 31 for position i
  for (char c : first17) {
    int value = CharValue(c);
    if (value < 0) return '\0';
    sum += value * weight;
    weight = weight * 3 % kModulus;
  }
  int check = (kModulus - sum % kModulus) % kModulus;
  return kCreditCodeAlphabet[check];
}

Status ValidateCreditCode(std::string_view code) {
  auto invalid = [](std::string reason) {
    return Invalid("credit_code", "invalid_credit_code", std::move(reason));
  };
  if (code.size() != kLength) {
    std::string reason = "a credit code has 18 characters, this one has ";
    return invalid(reason.append(std::to_string(code.size())));
  }
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (CharValue(code[i]) < 0) {
      return invalid("character " + Describe(code[i]) + " at position " + std::to_string(i + 1) +
                     " is not allowed (digits and upper-case letters except I, O, S, V, Z)");
    }
  }
  char expected = CreditCodeCheckChar(code.substr(0, kLength - 1));
  if (code.back() != expected) {
    return invalid(std::string("check character is '") + code.back() + "', expected '" + expected +
                   "'");
  }
  return Status::Ok();
}

std::string NormalizeCreditCode(std::string_view code) {
  auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!code.empty() && is_space(code.front())) code.remove_prefix(1);
  while (!code.empty() && is_space(code.back())) code.remove_suffix(1);
  std::string out(code);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace kc
