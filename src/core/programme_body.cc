#include "core/programme_body.h"

#include "core/utf8.h"

namespace kc {

namespace {

bool IsBlank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

}  // namespace

std::string_view ProgrammeBodyKindName(ProgrammeBodyKind k) {
  return k == ProgrammeBodyKind::kConsortium ? "consortium" : "advisory_committee";
}
std::optional<ProgrammeBodyKind> ProgrammeBodyKindFromName(std::string_view n) {
  if (n == "advisory_committee") return ProgrammeBodyKind::kAdvisoryCommittee;
  if (n == "consortium") return ProgrammeBodyKind::kConsortium;
  return std::nullopt;
}
std::string_view MemberTypeName(MemberType t) {
  return t == MemberType::kOrganisation ? "organisation" : "person";
}
std::optional<MemberType> MemberTypeFromName(std::string_view n) {
  if (n == "person") return MemberType::kPerson;
  if (n == "organisation") return MemberType::kOrganisation;
  return std::nullopt;
}

bool IsDateText(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (!AllDigits(s.substr(0, 4)) || !AllDigits(s.substr(5, 2)) || !AllDigits(s.substr(8, 2))) {
    return false;
  }
  int m = (s[5] - '0') * 10 + (s[6] - '0');
  int d = (s[8] - '0') * 10 + (s[9] - '0');
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

Status ValidateProgrammeBody(const ProgrammeBody& b) {
  if (b.slug.empty() || b.slug.size() > 60) {
    return Invalid("slug", "invalid_slug", "a slug has 1 to 60 characters");
  }
  for (char c : b.slug) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
      return Invalid("slug", "invalid_slug", "a slug uses a-z, 0-9 and '-'");
    }
  }
  if (IsBlank(b.name)) return Invalid("name", "required", "a body needs a name");
  if (Utf8Length(b.name) > 100) return Invalid("name", "too_long", "at most 100 characters");
  if (Utf8Length(b.description) > 5000) {
    return Invalid("description", "too_long", "at most 5000 characters");
  }
  if (!b.established.empty() && !IsDateText(b.established) &&
      !(b.established.size() == 4 && AllDigits(b.established))) {
    return Invalid("established", "invalid_date", "established is YYYY or YYYY-MM-DD");
  }
  return Status::Ok();
}

Status ValidateProgrammeBodyMember(const ProgrammeBodyMember& m) {
  if (IsBlank(m.name)) return Invalid("name", "required", "a member needs a name");
  if (Utf8Length(m.name) > 100) return Invalid("name", "too_long", "at most 100 characters");
  if (IsBlank(m.role)) return Invalid("role", "required", "a member needs a role");
  if (Utf8Length(m.role) > 40) return Invalid("role", "too_long", "at most 40 characters");
  if (Utf8Length(m.title) > 200) return Invalid("title", "too_long", "at most 200 characters");
  if (!m.term_start.empty() && !IsDateText(m.term_start)) {
    return Invalid("term_start", "invalid_date", "term_start is YYYY-MM-DD");
  }
  if (!m.term_end.empty() && !IsDateText(m.term_end)) {
    return Invalid("term_end", "invalid_date", "term_end is YYYY-MM-DD");
  }
  if (!m.term_start.empty() && !m.term_end.empty() && m.term_end < m.term_start) {
    return Invalid("term_end", "invalid_term", "the term ends before it starts");
  }
  return Status::Ok();
}

}  // namespace kc
