#include "store/sql/sql_campaign_tx.h"

#include "store/json_columns.h"
#include "store/sql/statements.h"

namespace kc::sql {

namespace {

constexpr const char* kCampaignCols =
    "id, series, title, title_en, year, kind, nominee_type, description, criteria, rules, "
    "nomination_opens, nomination_closes, review_opens, review_closes, min_reviewers, status, "
    "created_by, created_at, published_at";

Campaign CampaignFrom(const Row& r) {
  Campaign c;
  c.id = r.Int(0);
  c.series = r.Text(1);
  c.title = r.Text(2);
  c.title_en = r.Text(3);
  c.year = static_cast<int>(r.Int(4));
  c.kind = CampaignKindFromName(r.Text(5)).value_or(CampaignKind::kList);
  c.nominee_type = NomineeTypeFromName(r.Text(6)).value_or(NomineeType::kAchievement);
  c.description = r.Text(7);
  c.criteria = CampaignCriteriaFrom(r.Text(8));
  c.rules = RulesFrom(r.Text(9));
  c.nomination_opens = r.Int(10);
  c.nomination_closes = r.Int(11);
  c.review_opens = r.Int(12);
  c.review_closes = r.Int(13);
  c.min_reviewers = static_cast<int>(r.Int(14));
  c.status = CampaignStatusFromName(r.Text(15)).value_or(CampaignStatus::kDraft);
  c.created_by = r.Int(16);
  c.created_at = r.Int(17);
  c.published_at = r.Int(18);
  return c;
}

// Binds every campaign column after id, in kCampaignCols order.
void BindCampaign(Stmt& s, const Campaign& c) {
  s.Bind(c.series).Bind(c.title).Bind(c.title_en).Bind(int64_t{c.year});
  s.Bind(CampaignKindName(c.kind)).Bind(NomineeTypeName(c.nominee_type));
  s.Bind(c.description).Bind(CampaignCriteriaJson(c.criteria)).Bind(RulesJson(c.rules));
  s.Bind(c.nomination_opens).Bind(c.nomination_closes).Bind(c.review_opens);
  s.Bind(c.review_closes).Bind(int64_t{c.min_reviewers});
  s.Bind(CampaignStatusName(c.status)).Bind(c.created_by).Bind(c.created_at);
  s.Bind(c.published_at);
}

constexpr const char* kNominationCols =
    "id, campaign_id, nominator_org_id, nominator_user_id, nominee_type, nominee_name, "
    "nominee_org_id, listing_id, discipline, birth_date, founding_year, summary, materials, "
    "created_at";

Nomination NominationFrom(const Row& r) {
  Nomination n;
  n.id = r.Int(0);
  n.campaign_id = r.Int(1);
  n.nominator_org_id = r.Int(2);
  n.nominator_user_id = r.Int(3);
  n.nominee_type = NomineeTypeFromName(r.Text(4)).value_or(NomineeType::kAchievement);
  n.nominee_name = r.Text(5);
  n.nominee_org_id = r.OptInt(6);
  n.listing_id = r.OptInt(7);
  n.discipline = r.Text(8);
  n.birth_date = r.Text(9);
  if (auto y = r.OptInt(10)) n.founding_year = static_cast<int>(*y);
  n.summary = r.Text(11);
  n.materials = MaterialsFrom(r.Text(12));
  n.created_at = r.Int(13);
  return n;
}

Assignment AssignmentFrom(const Row& r) {
  return Assignment{r.Int(0), r.Int(1), r.Int(2), r.Int(3)};
}

constexpr const char* kAssignmentSelect =
    "SELECT campaign_id, nomination_id, reviewer_id, assigned_at FROM campaign_assignments ";

constexpr const char* kProgrammeBodyCols =
    "id, kind, slug, name, name_en, description, established, created_at";

ProgrammeBody ProgrammeBodyFrom(const Row& r) {
  ProgrammeBody b;
  b.id = r.Int(0);
  b.kind = ProgrammeBodyKindFromName(r.Text(1)).value_or(ProgrammeBodyKind::kAdvisoryCommittee);
  b.slug = r.Text(2);
  b.name = r.Text(3);
  b.name_en = r.Text(4);
  b.description = r.Text(5);
  b.established = r.Text(6);
  b.created_at = r.Int(7);
  return b;
}

ProgrammeBodyMember MemberFrom(const Row& r) {
  ProgrammeBodyMember m;
  m.id = r.Int(0);
  m.body_id = r.Int(1);
  m.member_type = MemberTypeFromName(r.Text(2)).value_or(MemberType::kPerson);
  m.name = r.Text(3);
  m.org_id = r.OptInt(4);
  m.title = r.Text(5);
  m.role = r.Text(6);
  m.term_start = r.Text(7);
  m.term_end = r.Text(8);
  m.position = static_cast<int>(r.Int(9));
  m.created_at = r.Int(10);
  return m;
}

// Another edition of a campaign's series in its year.
const Status kEditionExists =
    Conflict("edition_exists", "this series already has an edition for that year", "year");

}  // namespace

Result<int64_t> SqlCampaignTx::InsertCampaign(const Campaign& c) {
  return InsertUnique(
      c_, kEditionExists,
      "INSERT INTO campaigns (series, title, title_en, year, kind, nominee_type, description, "
      "criteria, rules, nomination_opens, nomination_closes, review_opens, review_closes, "
      "min_reviewers, status, created_by, created_at, published_at) VALUES "
      "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING RETURNING id",
      [&](Stmt& s) { BindCampaign(s, c); });
}

Result<Campaign> SqlCampaignTx::GetCampaign(int64_t id) {
  return One(c_, CampaignFrom, "campaign",
             std::string("SELECT ") + kCampaignCols + " FROM campaigns WHERE id = ?", id);
}

Status SqlCampaignTx::UpdateCampaign(const Campaign& c) {
  // An edition moved onto a year its series already has: refused without failing the
  // transaction, as in InsertCampaign.
  auto taken =
      Scalar(c_, "SELECT COUNT(*) FROM campaigns WHERE series = ? AND year = ? AND id <> ?",
             c.series, c.year, c.id);
  if (!taken.ok()) return taken.status();
  if (*taken > 0) return kEditionExists;
  return Touch(
      c_, "campaign",
      "UPDATE campaigns SET series=?, title=?, title_en=?, year=?, kind=?, "
      "nominee_type=?, description=?, criteria=?, rules=?, nomination_opens=?, "
      "nomination_closes=?, review_opens=?, review_closes=?, min_reviewers=?, status=?, "
      "created_by=?, created_at=?, published_at=? WHERE id=?",
      [&](Stmt& s) { BindCampaign(s, c); }, c.id);
}

Result<Page<Campaign>> SqlCampaignTx::ListCampaigns(const CampaignQuery& q) {
  Where w;
  if (!q.series.empty()) w.And("series = ?", q.series);
  if (!q.statuses.empty()) {
    std::vector<std::string> names;
    for (auto st : q.statuses) names.emplace_back(CampaignStatusName(st));
    w.And(c_.dialect().InTexts("status"), c_.dialect().TextList(names));
  }
  return ReadPage(c_, CampaignFrom, "SELECT COUNT(*) FROM campaigns" + w.sql(), w,
                  kCampaignCols + (" FROM campaigns" + w.sql()) +
                      " ORDER BY year DESC, id DESC LIMIT ? OFFSET ?",
                  w, q.limit, q.offset);
}

Result<int64_t> SqlCampaignTx::InsertNomination(const Nomination& n) {
  return InsertUnique(
      c_,
      Conflict("already_nominated", "this nominee is already nominated to the campaign",
               "nominee_name"),
      "INSERT INTO nominations (campaign_id, nominator_org_id, nominator_user_id, nominee_type, "
      "nominee_name, nominee_org_id, listing_id, discipline, birth_date, founding_year, summary, "
      "materials, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING "
      "RETURNING id",
      n.campaign_id, n.nominator_org_id, n.nominator_user_id, NomineeTypeName(n.nominee_type),
      n.nominee_name, n.nominee_org_id, n.listing_id, n.discipline, n.birth_date,
      n.founding_year ? std::optional<int64_t>(*n.founding_year) : std::nullopt, n.summary,
      MaterialsJson(n.materials), n.created_at);
}

Result<Nomination> SqlCampaignTx::GetNomination(int64_t id) {
  return One(c_, NominationFrom, "nomination",
             std::string("SELECT ") + kNominationCols + " FROM nominations WHERE id = ?", id);
}

Result<std::vector<Nomination>> SqlCampaignTx::ListNominations(int64_t campaign_id) {
  return All(c_, NominationFrom,
             std::string("SELECT ") + kNominationCols +
                 " FROM nominations WHERE campaign_id = ? ORDER BY id",
             campaign_id);
}

Status SqlCampaignTx::InsertAssignment(const Assignment& a) {
  return InsertUnique(
             c_, Conflict("already_assigned", "the reviewer is already assigned", "reviewer_id"),
             "INSERT INTO campaign_assignments (campaign_id, nomination_id, reviewer_id, "
             "assigned_at) VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
             a.campaign_id, a.nomination_id, a.reviewer_id, a.assigned_at)
      .status();
}

Result<std::vector<Assignment>> SqlCampaignTx::ListAssignments(int64_t campaign_id) {
  return All(
      c_, AssignmentFrom,
      std::string(kAssignmentSelect) + "WHERE campaign_id = ? ORDER BY nomination_id, reviewer_id",
      campaign_id);
}

Result<std::vector<Assignment>> SqlCampaignTx::AssignmentsOfReviewer(int64_t reviewer_id) {
  return All(
      c_, AssignmentFrom,
      std::string(kAssignmentSelect) + "WHERE reviewer_id = ? ORDER BY nomination_id, reviewer_id",
      reviewer_id);
}

Status SqlCampaignTx::DeleteAssignment(int64_t nomination_id, int64_t reviewer_id) {
  // The reviewer's scores of the nomination go with the assignment.
  KC_RETURN_IF_ERROR(Exec(c_,
                          "DELETE FROM campaign_scores WHERE nomination_id = ? AND reviewer_id = ?",
                          nomination_id, reviewer_id));
  return Touch(c_, "assignment",
               "DELETE FROM campaign_assignments WHERE nomination_id = ? AND reviewer_id = ?",
               nomination_id, reviewer_id);
}

Status SqlCampaignTx::InsertConflict(const ConflictDeclaration& d) {
  return InsertUnique(c_,
                      Conflict("already_declared", "this conflict is already declared", "org_id"),
                      "INSERT INTO campaign_conflicts (campaign_id, reviewer_id, org_id, reason, "
                      "declared_at) VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING",
                      d.campaign_id, d.reviewer_id, d.org_id, d.reason, d.declared_at)
      .status();
}

Result<std::vector<ConflictDeclaration>> SqlCampaignTx::ListConflicts(int64_t campaign_id) {
  return All(
      c_,
      [](const Row& r) {
        return ConflictDeclaration{r.Int(0), r.Int(1), r.Int(2), r.Text(3), r.Int(4)};
      },
      "SELECT campaign_id, reviewer_id, org_id, reason, declared_at FROM campaign_conflicts "
      "WHERE campaign_id = ? ORDER BY reviewer_id, org_id",
      campaign_id);
}

Status SqlCampaignTx::PutScore(int64_t campaign_id, const ScoreEntry& e, int64_t at) {
  return Exec(c_,
              "INSERT INTO campaign_scores (campaign_id, nomination_id, reviewer_id, criterion, "
              "value, scored_at) VALUES (?,?,?,?,?,?) ON CONFLICT (nomination_id, reviewer_id, "
              "criterion) DO UPDATE SET value = excluded.value, scored_at = excluded.scored_at",
              campaign_id, e.nomination_id, e.reviewer_id, e.criterion, e.value, at);
}

Result<std::vector<ScoreEntry>> SqlCampaignTx::ListScores(int64_t campaign_id) {
  return All(
      c_,
      [](const Row& r) {
        return ScoreEntry{r.Int(0), r.Int(1), r.Text(2), r.Double(3)};
      },
      "SELECT nomination_id, reviewer_id, criterion, value FROM campaign_scores WHERE "
      "campaign_id = ? ORDER BY nomination_id, reviewer_id, criterion" +
          std::string(c_.dialect().ByteOrder()),
      campaign_id);
}

Status SqlCampaignTx::InsertResults(int64_t campaign_id, const std::vector<CampaignResult>& rows) {
  if (rows.empty()) return Status::Ok();
  // Every row in one statement, and none when the campaign has results already.
  using T = Dialect::Type;
  JsonRows values;
  for (const auto& r : rows) {
    values.Row().Int(r.rank).Int(r.nomination_id).Text(r.nominee_name).Real(r.total);
    values.Text(BreakdownJson(r.breakdown)).Int(r.reviewers);
  }
  return InsertUnique(
             c_, Conflict("campaign_published", "results are already published", ""),
             "INSERT INTO campaign_results (campaign_id, rank, nomination_id, nominee_name, total, "
             "breakdown, reviewers) SELECT CAST(? AS BIGINT), r.rank, r.nomination_id, "
             "r.nominee_name, r.total, r.breakdown, r.reviewers FROM " +
                 c_.dialect().Rows({{"rank", T::kInt},
                                    {"nomination_id", T::kInt},
                                    {"nominee_name", T::kText},
                                    {"total", T::kReal},
                                    {"breakdown", T::kText},
                                    {"reviewers", T::kInt}}) +
                 " r WHERE NOT EXISTS (SELECT 1 FROM campaign_results WHERE campaign_id = ?) "
                 "ORDER BY r.position ON CONFLICT DO NOTHING",
             campaign_id, values.str(), campaign_id)
      .status();
}

Result<std::vector<CampaignResult>> SqlCampaignTx::ListResults(int64_t campaign_id) {
  return All(
      c_,
      [](const Row& r) {
        CampaignResult c;
        c.rank = static_cast<int>(r.Int(0));
        c.nomination_id = r.Int(1);
        c.nominee_name = r.Text(2);
        c.total = r.Double(3);
        c.breakdown = BreakdownFrom(r.Text(4));
        c.reviewers = static_cast<int>(r.Int(5));
        return c;
      },
      "SELECT rank, nomination_id, nominee_name, total, breakdown, reviewers FROM "
      "campaign_results WHERE campaign_id = ? ORDER BY rank",
      campaign_id);
}

Result<int64_t> SqlCampaignTx::InsertProgrammeBody(const ProgrammeBody& b) {
  return InsertUnique(c_, Conflict("slug_taken", "a body with this slug exists", "slug"),
                      "INSERT INTO bodies (kind, slug, name, name_en, description, established, "
                      "created_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT DO NOTHING RETURNING id",
                      ProgrammeBodyKindName(b.kind), b.slug, b.name, b.name_en, b.description,
                      b.established, b.created_at);
}

Result<ProgrammeBody> SqlCampaignTx::GetProgrammeBody(std::string_view slug) {
  return One(c_, ProgrammeBodyFrom, "body",
             std::string("SELECT ") + kProgrammeBodyCols + " FROM bodies WHERE slug = ?", slug);
}

Result<std::vector<ProgrammeBody>> SqlCampaignTx::ListProgrammeBodies() {
  return All(c_, ProgrammeBodyFrom,
             std::string("SELECT ") + kProgrammeBodyCols + " FROM bodies ORDER BY id");
}

Result<int64_t> SqlCampaignTx::InsertProgrammeBodyMember(const ProgrammeBodyMember& m) {
  return Scalar(c_,
                "INSERT INTO body_members (body_id, member_type, name, org_id, title, role, "
                "term_start, term_end, position, created_at) VALUES (?,?,?,?,?,?,?,?,?,?) "
                "RETURNING id",
                m.body_id, MemberTypeName(m.member_type), m.name, m.org_id, m.title, m.role,
                m.term_start, m.term_end, m.position, m.created_at);
}

Result<std::vector<ProgrammeBodyMember>> SqlCampaignTx::ListProgrammeBodyMembers(int64_t body_id) {
  return All(c_, MemberFrom,
             "SELECT id, body_id, member_type, name, org_id, title, role, term_start, term_end, "
             "position, created_at FROM body_members WHERE body_id = ? ORDER BY position, id",
             body_id);
}

Status SqlCampaignTx::DeleteProgrammeBodyMember(int64_t body_id, int64_t member_id) {
  return Touch(c_, "member", "DELETE FROM body_members WHERE id = ? AND body_id = ?", member_id,
               body_id);
}

}  // namespace kc::sql
