// 咨询委员会与联合体: the programme's bodies — the advisory committee and the consortium — and
// their members (people or organisations) with roles and terms.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace kc {

enum class ProgrammeBodyKind { kAdvisoryCommittee, kConsortium };
std::string_view ProgrammeBodyKindName(
    ProgrammeBodyKind kind);  // "advisory_committee", "consortium"
std::optional<ProgrammeBodyKind> ProgrammeBodyKindFromName(std::string_view name);

// A body: 咨询委员会 or 联合体.
struct ProgrammeBody {
  int64_t id = 0;
  ProgrammeBodyKind kind = ProgrammeBodyKind::kAdvisoryCommittee;
  std::string slug;
  std::string name;
  std::string name_en;
  std::string description;
  std::string established;  // YYYY or YYYY-MM-DD
  int64_t created_at = 0;
};

enum class MemberType { kPerson, kOrganisation };
std::string_view MemberTypeName(MemberType type);  // "person", "organisation"
std::optional<MemberType> MemberTypeFromName(std::string_view name);

// A member with a role (主任, 委员, 理事长单位, 成员单位 …) for a term.
struct ProgrammeBodyMember {
  int64_t id = 0;
  int64_t body_id = 0;
  MemberType member_type = MemberType::kPerson;
  std::string name;
  std::optional<int64_t> org_id;  // the member organisation, or a person's organisation
  std::string title;              // a person's title or affiliation as shown
  std::string role;
  std::string term_start;  // YYYY-MM-DD
  std::string term_end;    // YYYY-MM-DD or empty (open-ended)
  int position = 0;        // display order
  int64_t created_at = 0;
};

// Checks a body: slug (a-z, 0-9, '-'), a name, an established date of YYYY or YYYY-MM-DD.
Status ValidateProgrammeBody(const ProgrammeBody& body);
// Checks a member: a name, a role, term dates YYYY-MM-DD with the end not before the start.
Status ValidateProgrammeBodyMember(const ProgrammeBodyMember& member);

// True for "YYYY-MM-DD" with a month 1..12 and a day 1..31.
bool IsDateText(std::string_view text);

}  // namespace kc
