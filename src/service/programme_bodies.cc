#include "service/programme_bodies.h"

#include "core/trim.h"
#include "core/utf8.h"
#include "service/audit.h"
#include "service/programme_body_policy.h"

namespace kc {

namespace {

Status RequireMaintainer(const Actor& actor) {
  if (!actor.signed_in()) return Unauthorized();
  if (!CanMaintainProgrammeBodies(actor))
    return Forbidden("only platform admins maintain the bodies");
  return Status::Ok();
}

}  // namespace

Result<ProgrammeBody> ProgrammeBodies::Create(const Actor& actor, ProgrammeBody b) {
  KC_RETURN_IF_ERROR(RequireMaintainer(actor));
  for (const auto* f : {&b.name, &b.name_en, &b.description, &b.established}) {
    if (!IsValidUtf8(*f)) return BadInput("invalid_utf8", "not valid UTF-8");
  }
  b.name = Trim(b.name);
  KC_RETURN_IF_ERROR(ValidateProgrammeBody(b));
  b.created_at = clock_.Now();
  Status s = store_.Write([&](StoreTx& tx) {
    auto id = tx.campaigns().InsertProgrammeBody(b);
    if (!id.ok()) return id.status();
    b.id = *id;
    return tx.AppendAudit(
        AuditOf(b.created_at, actor.id(), "body", b.id, "create", {{"slug", b.slug}}));
  });
  if (!s.ok()) return s;
  return b;
}

Result<ProgrammeBodyMember> ProgrammeBodies::AddMember(const Actor& actor, std::string_view slug,
                                                       ProgrammeBodyMember m) {
  KC_RETURN_IF_ERROR(RequireMaintainer(actor));
  for (const auto* f : {&m.name, &m.title, &m.role, &m.term_start, &m.term_end}) {
    if (!IsValidUtf8(*f)) return BadInput("invalid_utf8", "not valid UTF-8");
  }
  m.name = Trim(m.name);
  m.role = Trim(m.role);
  KC_RETURN_IF_ERROR(ValidateProgrammeBodyMember(m));
  m.created_at = clock_.Now();
  Status s = store_.Write([&](StoreTx& tx) {
    auto body = tx.campaigns().GetProgrammeBody(slug);
    if (!body.ok()) return body.status();
    m.body_id = body->id;
    if (m.org_id) {
      auto org = tx.GetOrg(*m.org_id);
      if (!org.ok()) {
        return org.status().kind() == ErrorKind::kNotFound
                   ? Invalid("org_id", "unknown_org", "no such organisation")
                   : org.status();
      }
    }
    auto id = tx.campaigns().InsertProgrammeBodyMember(m);
    if (!id.ok()) return id.status();
    m.id = *id;
    return tx.AppendAudit(AuditOf(m.created_at, actor.id(), "body", body->id, "add_member",
                                  {{"member_id", m.id}, {"name", m.name}, {"role", m.role}}));
  });
  if (!s.ok()) return s;
  return m;
}

Status ProgrammeBodies::RemoveMember(const Actor& actor, std::string_view slug, int64_t member_id) {
  KC_RETURN_IF_ERROR(RequireMaintainer(actor));
  return store_.Write([&](StoreTx& tx) {
    auto body = tx.campaigns().GetProgrammeBody(slug);
    if (!body.ok()) return body.status();
    KC_RETURN_IF_ERROR(tx.campaigns().DeleteProgrammeBodyMember(body->id, member_id));
    return tx.AppendAudit(AuditOf(clock_.Now(), actor.id(), "body", body->id, "remove_member",
                                  {{"member_id", member_id}}));
  });
}

Result<std::vector<ProgrammeBody>> ProgrammeBodies::List() {
  std::vector<ProgrammeBody> out;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) {
    auto got = tx.campaigns().ListProgrammeBodies();
    if (!got.ok()) return got.status();
    out = std::move(*got);
    return Status::Ok();
  }));
  return out;
}

Result<ProgrammeBodyWithMembers> ProgrammeBodies::Get(std::string_view slug) {
  ProgrammeBodyWithMembers out;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) {
    auto body = tx.campaigns().GetProgrammeBody(slug);
    if (!body.ok()) return body.status();
    out.body = std::move(*body);
    auto members = tx.campaigns().ListProgrammeBodyMembers(out.body.id);
    if (!members.ok()) return members.status();
    out.members = std::move(*members);
    return Status::Ok();
  }));
  return out;
}

}  // namespace kc
