#include "store/sqlite/sqlite_campaign_tx.h"

#include "store/json_columns.h"

namespace kc::sqlite {

namespace {

constexpr const char* kCampaignCols =
    "id, series, title, title_en, year, kind, nominee_type, description, criteria, rules, "
    "nomination_opens, nomination_closes, review_opens, review_closes, min_reviewers, status, "
    "created_by, created_at, published_at";

Campaign CampaignFrom(const Stmt& s) {
  Campaign c;
  c.id = s.Int(0);
  c.series = s.Text(1);
  c.title = s.Text(2);
  c.title_en = s.Text(3);
  c.year = static_cast<int>(s.Int(4));
  c.kind = CampaignKindFromName(s.Text(5)).value_or(CampaignKind::kList);
  c.nominee_type = NomineeTypeFromName(s.Text(6)).value_or(NomineeType::kAchievement);
  c.description = s.Text(7);
  c.criteria = CampaignCriteriaFrom(s.Text(8));
  c.rules = RulesFrom(s.Text(9));
  c.nomination_opens = s.Int(10);
  c.nomination_closes = s.Int(11);
  c.review_opens = s.Int(12);
  c.review_closes = s.Int(13);
  c.min_reviewers = static_cast<int>(s.Int(14));
  c.status = CampaignStatusFromName(s.Text(15)).value_or(CampaignStatus::kDraft);
  c.created_by = s.Int(16);
  c.created_at = s.Int(17);
  c.published_at = s.Int(18);
  return c;
}

void BindCampaign(Stmt& s, const Campaign& c) {
  s.Bind(1, c.series).Bind(2, c.title).Bind(3, c.title_en).Bind(4, int64_t{c.year});
  s.Bind(5, CampaignKindName(c.kind)).Bind(6, NomineeTypeName(c.nominee_type));
  s.Bind(7, c.description).Bind(8, CampaignCriteriaJson(c.criteria)).Bind(9, RulesJson(c.rules));
  s.Bind(10, c.nomination_opens).Bind(11, c.nomination_closes).Bind(12, c.review_opens);
  s.Bind(13, c.review_closes).Bind(14, int64_t{c.min_reviewers});
  s.Bind(15, CampaignStatusName(c.status)).Bind(16, c.created_by).Bind(17, c.created_at);
  s.Bind(18, c.published_at);
}

constexpr const char* kNominationCols =
    "id, campaign_id, nominator_org_id, nominator_user_id, nominee_type, nominee_name, "
    "nominee_org_id, listing_id, discipline, birth_date, founding_year, summary, materials, "
    "created_at";

Nomination NominationFrom(const Stmt& s) {
  Nomination n;
  n.id = s.Int(0);
  n.campaign_id = s.Int(1);
  n.nominator_org_id = s.Int(2);
  n.nominator_user_id = s.Int(3);
  n.nominee_type = NomineeTypeFromName(s.Text(4)).value_or(NomineeType::kAchievement);
  n.nominee_name = s.Text(5);
  n.nominee_org_id = s.OptInt(6);
  n.listing_id = s.OptInt(7);
  n.discipline = s.Text(8);
  n.birth_date = s.Text(9);
  if (auto y = s.OptInt(10)) n.founding_year = static_cast<int>(*y);
  n.summary = s.Text(11);
  n.materials = MaterialsFrom(s.Text(12));
  n.created_at = s.Int(13);
  return n;
}

Status Renamed(Status s, const char* code, const char* message, const char* field) {
  if (!s.ok() && s.kind() == ErrorKind::kConflict) return Conflict(code, message, field);
  return s;
}

constexpr const char* kBodyCols =
    "id, kind, slug, name, name_en, description, established, created_at";

Body BodyFrom(const Stmt& s) {
  Body b;
  b.id = s.Int(0);
  b.kind = BodyKindFromName(s.Text(1)).value_or(BodyKind::kAdvisoryCommittee);
  b.slug = s.Text(2);
  b.name = s.Text(3);
  b.name_en = s.Text(4);
  b.description = s.Text(5);
  b.established = s.Text(6);
  b.created_at = s.Int(7);
  return b;
}

}  // namespace

Result<int64_t> SqliteCampaignTx::InsertCampaign(const Campaign& c) {
  auto s = c_.Prepare(
      "INSERT INTO campaigns (series, title, title_en, year, kind, nominee_type, description, "
      "criteria, rules, nomination_opens, nomination_closes, review_opens, review_closes, "
      "min_reviewers, status, created_by, created_at, published_at) VALUES "
      "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!s.ok()) return s.status();
  BindCampaign(**s, c);
  KC_RETURN_IF_ERROR(Renamed((*s)->Run(), "edition_exists",
                             "this series already has an edition for that year", "year"));
  return c_.LastInsertId();
}

Result<Campaign> SqliteCampaignTx::GetCampaign(int64_t id) {
  auto s = c_.Prepare(std::string("SELECT ") + kCampaignCols + " FROM campaigns WHERE id = ?");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, id);
  if ((*s)->Step()) return CampaignFrom(**s);
  KC_RETURN_IF_ERROR((*s)->status());
  return NotFound("campaign");
}

Status SqliteCampaignTx::UpdateCampaign(const Campaign& c) {
  auto s = c_.Prepare(
      "UPDATE campaigns SET series=?, title=?, title_en=?, year=?, kind=?, nominee_type=?, "
      "description=?, criteria=?, rules=?, nomination_opens=?, nomination_closes=?, "
      "review_opens=?, review_closes=?, min_reviewers=?, status=?, created_by=?, created_at=?, "
      "published_at=? WHERE id=?");
  if (!s.ok()) return s.status();
  BindCampaign(**s, c);
  (*s)->Bind(19, c.id);
  KC_RETURN_IF_ERROR(Renamed((*s)->Run(), "edition_exists",
                             "this series already has an edition for that year", "year"));
  return (*s)->changes() ? Status::Ok() : NotFound("campaign");
}

Result<Page<Campaign>> SqliteCampaignTx::ListCampaigns(const CampaignQuery& q) {
  std::vector<std::string> names;
  for (auto st : q.statuses) names.emplace_back(CampaignStatusName(st));
  const std::string statuses = JoinArray(names);
  const std::string where =
      " FROM campaigns WHERE (? = '' OR series = ?) AND (? = '[]' OR status IN (SELECT value "
      "FROM json_each(?)))";
  auto bind = [&](Stmt& s) {
    s.Bind(1, q.series).Bind(2, q.series).Bind(3, statuses).Bind(4, statuses);
  };
  Page<Campaign> page;
  {
    auto c = c_.Prepare("SELECT COUNT(*)" + where);
    if (!c.ok()) return c.status();
    bind(**c);
    page.total = (*c)->Step() ? (*c)->Int(0) : 0;
    KC_RETURN_IF_ERROR((*c)->status());
  }
  auto s = c_.Prepare(std::string("SELECT ") + kCampaignCols + where +
                      " ORDER BY year DESC, id DESC LIMIT ? OFFSET ?");
  if (!s.ok()) return s.status();
  bind(**s);
  (*s)->Bind(5, q.limit).Bind(6, q.offset);
  while ((*s)->Step()) page.items.push_back(CampaignFrom(**s));
  KC_RETURN_IF_ERROR((*s)->status());
  return page;
}

Result<int64_t> SqliteCampaignTx::InsertNomination(const Nomination& n) {
  auto s = c_.Prepare(
      "INSERT INTO nominations (campaign_id, nominator_org_id, nominator_user_id, nominee_type, "
      "nominee_name, nominee_org_id, listing_id, discipline, birth_date, founding_year, summary, "
      "materials, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, n.campaign_id).Bind(2, n.nominator_org_id).Bind(3, n.nominator_user_id);
  (*s)->Bind(4, NomineeTypeName(n.nominee_type)).Bind(5, n.nominee_name);
  (*s)->Bind(6, n.nominee_org_id).Bind(7, n.listing_id).Bind(8, n.discipline);
  (*s)->Bind(9, n.birth_date);
  (*s)->Bind(10, n.founding_year ? std::optional<int64_t>(*n.founding_year) : std::nullopt);
  (*s)->Bind(11, n.summary).Bind(12, MaterialsJson(n.materials)).Bind(13, n.created_at);
  KC_RETURN_IF_ERROR(Renamed((*s)->Run(), "already_nominated",
                             "this nominee is already nominated to the campaign", "nominee_name"));
  return c_.LastInsertId();
}

Result<Nomination> SqliteCampaignTx::GetNomination(int64_t id) {
  auto s = c_.Prepare(std::string("SELECT ") + kNominationCols + " FROM nominations WHERE id = ?");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, id);
  if ((*s)->Step()) return NominationFrom(**s);
  KC_RETURN_IF_ERROR((*s)->status());
  return NotFound("nomination");
}

Result<std::vector<Nomination>> SqliteCampaignTx::ListNominations(int64_t campaign_id) {
  auto s = c_.Prepare(std::string("SELECT ") + kNominationCols +
                      " FROM nominations WHERE campaign_id = ? ORDER BY id");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, campaign_id);
  std::vector<Nomination> out;
  while ((*s)->Step()) out.push_back(NominationFrom(**s));
  KC_RETURN_IF_ERROR((*s)->status());
  return out;
}

Status SqliteCampaignTx::InsertAssignment(const Assignment& a) {
  auto s = c_.Prepare(
      "INSERT INTO campaign_assignments (campaign_id, nomination_id, reviewer_id, assigned_at) "
      "VALUES (?,?,?,?)");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, a.campaign_id).Bind(2, a.nomination_id).Bind(3, a.reviewer_id);
  (*s)->Bind(4, a.assigned_at);
  return Renamed((*s)->Run(), "already_assigned", "the reviewer is already assigned",
                 "reviewer_id");
}

Result<std::vector<Assignment>> SqliteCampaignTx::Assignments(std::string_view where,
                                                              int64_t value) {
  auto s = c_.Prepare(
      "SELECT campaign_id, nomination_id, reviewer_id, assigned_at FROM campaign_assignments "
      "WHERE " +
      std::string(where) + " = ? ORDER BY nomination_id, reviewer_id");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, value);
  std::vector<Assignment> out;
  while ((*s)->Step()) {
    out.push_back(Assignment{(*s)->Int(0), (*s)->Int(1), (*s)->Int(2), (*s)->Int(3)});
  }
  KC_RETURN_IF_ERROR((*s)->status());
  return out;
}

Result<std::vector<Assignment>> SqliteCampaignTx::ListAssignments(int64_t campaign_id) {
  return Assignments("campaign_id", campaign_id);
}

Result<std::vector<Assignment>> SqliteCampaignTx::AssignmentsOfReviewer(int64_t reviewer_id) {
  return Assignments("reviewer_id", reviewer_id);
}

Status SqliteCampaignTx::DeleteAssignment(int64_t nomination_id, int64_t reviewer_id) {
  {
    auto s = c_.Prepare("DELETE FROM campaign_scores WHERE nomination_id = ? AND reviewer_id = ?");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, nomination_id).Bind(2, reviewer_id);
    KC_RETURN_IF_ERROR((*s)->Run());
  }
  auto s =
      c_.Prepare("DELETE FROM campaign_assignments WHERE nomination_id = ? AND reviewer_id = ?");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, nomination_id).Bind(2, reviewer_id);
  KC_RETURN_IF_ERROR((*s)->Run());
  return (*s)->changes() ? Status::Ok() : NotFound("assignment");
}

Status SqliteCampaignTx::InsertConflict(const ConflictDeclaration& d) {
  auto s = c_.Prepare(
      "INSERT INTO campaign_conflicts (campaign_id, reviewer_id, org_id, reason, declared_at) "
      "VALUES (?,?,?,?,?)");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, d.campaign_id).Bind(2, d.reviewer_id).Bind(3, d.org_id).Bind(4, d.reason);
  (*s)->Bind(5, d.declared_at);
  return Renamed((*s)->Run(), "already_declared", "this conflict is already declared", "org_id");
}

Result<std::vector<ConflictDeclaration>> SqliteCampaignTx::ListConflicts(int64_t campaign_id) {
  auto s = c_.Prepare(
      "SELECT campaign_id, reviewer_id, org_id, reason, declared_at FROM campaign_conflicts "
      "WHERE campaign_id = ? ORDER BY reviewer_id, org_id");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, campaign_id);
  std::vector<ConflictDeclaration> out;
  while ((*s)->Step()) {
    out.push_back(
        ConflictDeclaration{(*s)->Int(0), (*s)->Int(1), (*s)->Int(2), (*s)->Text(3), (*s)->Int(4)});
  }
  KC_RETURN_IF_ERROR((*s)->status());
  return out;
}

Status SqliteCampaignTx::PutScore(int64_t campaign_id, const ScoreEntry& e, int64_t at) {
  auto s = c_.Prepare(
      "INSERT INTO campaign_scores (campaign_id, nomination_id, reviewer_id, criterion, value, "
      "scored_at) VALUES (?,?,?,?,?,?) ON CONFLICT (nomination_id, reviewer_id, criterion) DO "
      "UPDATE SET value = excluded.value, scored_at = excluded.scored_at");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, campaign_id).Bind(2, e.nomination_id).Bind(3, e.reviewer_id);
  (*s)->Bind(4, e.criterion).BindDouble(5, e.value).Bind(6, at);
  return (*s)->Run();
}

Result<std::vector<ScoreEntry>> SqliteCampaignTx::ListScores(int64_t campaign_id) {
  auto s = c_.Prepare(
      "SELECT nomination_id, reviewer_id, criterion, value FROM campaign_scores WHERE "
      "campaign_id = ? ORDER BY nomination_id, reviewer_id, criterion");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, campaign_id);
  std::vector<ScoreEntry> out;
  while ((*s)->Step()) {
    out.push_back(ScoreEntry{(*s)->Int(0), (*s)->Int(1), (*s)->Text(2), (*s)->Double(3)});
  }
  KC_RETURN_IF_ERROR((*s)->status());
  return out;
}

Status SqliteCampaignTx::InsertResults(int64_t campaign_id,
                                       const std::vector<CampaignResult>& rows) {
  for (const auto& r : rows) {
    auto s = c_.Prepare(
        "INSERT INTO campaign_results (campaign_id, rank, nomination_id, nominee_name, total, "
        "breakdown, reviewers) VALUES (?,?,?,?,?,?,?)");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, campaign_id).Bind(2, int64_t{r.rank}).Bind(3, r.nomination_id);
    (*s)->Bind(4, r.nominee_name).BindDouble(5, r.total).Bind(6, BreakdownJson(r.breakdown));
    (*s)->Bind(7, int64_t{r.reviewers});
    KC_RETURN_IF_ERROR(
        Renamed((*s)->Run(), "campaign_published", "results are already published", ""));
  }
  return Status::Ok();
}

Result<std::vector<CampaignResult>> SqliteCampaignTx::ListResults(int64_t campaign_id) {
  auto s = c_.Prepare(
      "SELECT rank, nomination_id, nominee_name, total, breakdown, reviewers FROM "
      "campaign_results WHERE campaign_id = ? ORDER BY rank");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, campaign_id);
  std::vector<CampaignResult> out;
  while ((*s)->Step()) {
    CampaignResult r;
    r.rank = static_cast<int>((*s)->Int(0));
    r.nomination_id = (*s)->Int(1);
    r.nominee_name = (*s)->Text(2);
    r.total = (*s)->Double(3);
    r.breakdown = BreakdownFrom((*s)->Text(4));
    r.reviewers = static_cast<int>((*s)->Int(5));
    out.push_back(std::move(r));
  }
  KC_RETURN_IF_ERROR((*s)->status());
  return out;
}

Result<int64_t> SqliteCampaignTx::InsertBody(const Body& b) {
  auto s = c_.Prepare(
      "INSERT INTO bodies (kind, slug, name, name_en, description, established, created_at) "
      "VALUES (?,?,?,?,?,?,?)");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, BodyKindName(b.kind)).Bind(2, b.slug).Bind(3, b.name).Bind(4, b.name_en);
  (*s)->Bind(5, b.description).Bind(6, b.established).Bind(7, b.created_at);
  KC_RETURN_IF_ERROR(Renamed((*s)->Run(), "slug_taken", "a body with this slug exists", "slug"));
  return c_.LastInsertId();
}

Result<Body> SqliteCampaignTx::GetBody(std::string_view slug) {
  auto s = c_.Prepare(std::string("SELECT ") + kBodyCols + " FROM bodies WHERE slug = ?");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, slug);
  if ((*s)->Step()) return BodyFrom(**s);
  KC_RETURN_IF_ERROR((*s)->status());
  return NotFound("body");
}

Result<std::vector<Body>> SqliteCampaignTx::ListBodies() {
  auto s = c_.Prepare(std::string("SELECT ") + kBodyCols + " FROM bodies ORDER BY id");
  if (!s.ok()) return s.status();
  std::vector<Body> out;
  while ((*s)->Step()) out.push_back(BodyFrom(**s));
  KC_RETURN_IF_ERROR((*s)->status());
  return out;
}

Result<int64_t> SqliteCampaignTx::InsertBodyMember(const BodyMember& m) {
  auto s = c_.Prepare(
      "INSERT INTO body_members (body_id, member_type, name, org_id, title, role, term_start, "
      "term_end, position, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, m.body_id).Bind(2, MemberTypeName(m.member_type)).Bind(3, m.name);
  (*s)->Bind(4, m.org_id).Bind(5, m.title).Bind(6, m.role).Bind(7, m.term_start);
  (*s)->Bind(8, m.term_end).Bind(9, int64_t{m.position}).Bind(10, m.created_at);
  KC_RETURN_IF_ERROR((*s)->Run());
  return c_.LastInsertId();
}

Result<std::vector<BodyMember>> SqliteCampaignTx::ListBodyMembers(int64_t body_id) {
  auto s = c_.Prepare(
      "SELECT id, body_id, member_type, name, org_id, title, role, term_start, term_end, "
      "position, created_at FROM body_members WHERE body_id = ? ORDER BY position, id");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, body_id);
  std::vector<BodyMember> out;
  while ((*s)->Step()) {
    BodyMember m;
    m.id = (*s)->Int(0);
    m.body_id = (*s)->Int(1);
    m.member_type = MemberTypeFromName((*s)->Text(2)).value_or(MemberType::kPerson);
    m.name = (*s)->Text(3);
    m.org_id = (*s)->OptInt(4);
    m.title = (*s)->Text(5);
    m.role = (*s)->Text(6);
    m.term_start = (*s)->Text(7);
    m.term_end = (*s)->Text(8);
    m.position = static_cast<int>((*s)->Int(9));
    m.created_at = (*s)->Int(10);
    out.push_back(std::move(m));
  }
  KC_RETURN_IF_ERROR((*s)->status());
  return out;
}

Status SqliteCampaignTx::DeleteBodyMember(int64_t body_id, int64_t member_id) {
  auto s = c_.Prepare("DELETE FROM body_members WHERE id = ? AND body_id = ?");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, member_id).Bind(2, body_id);
  KC_RETURN_IF_ERROR((*s)->Run());
  return (*s)->changes() ? Status::Ok() : NotFound("member");
}

}  // namespace kc::sqlite
