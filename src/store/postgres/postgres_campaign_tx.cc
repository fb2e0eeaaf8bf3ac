#include "store/postgres/postgres_campaign_tx.h"

#include "store/json_columns.h"

namespace kc::pg {

namespace {

constexpr const char* kCampaignCols =
    "id, series, title, title_en, year, kind, nominee_type, description, criteria, rules, "
    "nomination_opens, nomination_closes, review_opens, review_closes, min_reviewers, status, "
    "created_by, created_at, published_at";
// The same columns after id.
constexpr const char* kCampaignValueCols =
    "series, title, title_en, year, kind, nominee_type, description, criteria, rules, "
    "nomination_opens, nomination_closes, review_opens, review_closes, min_reviewers, status, "
    "created_by, created_at, published_at";

Campaign CampaignFrom(const pqxx::row& r) {
  Campaign c;
  c.id = Int(r[0]);
  c.series = Text(r[1]);
  c.title = Text(r[2]);
  c.title_en = Text(r[3]);
  c.year = static_cast<int>(Int(r[4]));
  c.kind = CampaignKindFromName(Text(r[5])).value_or(CampaignKind::kList);
  c.nominee_type = NomineeTypeFromName(Text(r[6])).value_or(NomineeType::kAchievement);
  c.description = Text(r[7]);
  c.criteria = CampaignCriteriaFrom(Text(r[8]));
  c.rules = RulesFrom(Text(r[9]));
  c.nomination_opens = Int(r[10]);
  c.nomination_closes = Int(r[11]);
  c.review_opens = Int(r[12]);
  c.review_closes = Int(r[13]);
  c.min_reviewers = static_cast<int>(Int(r[14]));
  c.status = CampaignStatusFromName(Text(r[15])).value_or(CampaignStatus::kDraft);
  c.created_by = Int(r[16]);
  c.created_at = Int(r[17]);
  c.published_at = Int(r[18]);
  return c;
}

// The placeholders of every campaign column after id, in kCampaignValueCols order.
std::string CampaignValues(Params& p, const Campaign& c) {
  return p.Ref(c.series) + "," + p.Ref(c.title) + "," + p.Ref(c.title_en) + "," +
         p.Ref(int64_t{c.year}) + "," + p.Ref(CampaignKindName(c.kind)) + "," +
         p.Ref(NomineeTypeName(c.nominee_type)) + "," + p.Ref(c.description) + "," +
         p.Ref(CampaignCriteriaJson(c.criteria)) + "," + p.Ref(RulesJson(c.rules)) + "," +
         p.Ref(c.nomination_opens) + "," + p.Ref(c.nomination_closes) + "," +
         p.Ref(c.review_opens) + "," + p.Ref(c.review_closes) + "," +
         p.Ref(int64_t{c.min_reviewers}) + "," + p.Ref(CampaignStatusName(c.status)) + "," +
         p.Ref(c.created_by) + "," + p.Ref(c.created_at) + "," + p.Ref(c.published_at);
}

constexpr const char* kNominationCols =
    "id, campaign_id, nominator_org_id, nominator_user_id, nominee_type, nominee_name, "
    "nominee_org_id, listing_id, discipline, birth_date, founding_year, summary, materials, "
    "created_at";

Nomination NominationFrom(const pqxx::row& r) {
  Nomination n;
  n.id = Int(r[0]);
  n.campaign_id = Int(r[1]);
  n.nominator_org_id = Int(r[2]);
  n.nominator_user_id = Int(r[3]);
  n.nominee_type = NomineeTypeFromName(Text(r[4])).value_or(NomineeType::kAchievement);
  n.nominee_name = Text(r[5]);
  n.nominee_org_id = OptInt(r[6]);
  n.listing_id = OptInt(r[7]);
  n.discipline = Text(r[8]);
  n.birth_date = Text(r[9]);
  if (auto y = OptInt(r[10])) n.founding_year = static_cast<int>(*y);
  n.summary = Text(r[11]);
  n.materials = MaterialsFrom(Text(r[12]));
  n.created_at = Int(r[13]);
  return n;
}

// Another edition of a campaign's series in its year, as the SQLite store names it.
const Status kEditionExists =
    Conflict("edition_exists", "this series already has an edition for that year", "year");

constexpr const char* kBodyCols =
    "id, kind, slug, name, name_en, description, established, created_at";

Body BodyFrom(const pqxx::row& r) {
  Body b;
  b.id = Int(r[0]);
  b.kind = BodyKindFromName(Text(r[1])).value_or(BodyKind::kAdvisoryCommittee);
  b.slug = Text(r[2]);
  b.name = Text(r[3]);
  b.name_en = Text(r[4]);
  b.description = Text(r[5]);
  b.established = Text(r[6]);
  b.created_at = Int(r[7]);
  return b;
}

}  // namespace

Result<int64_t> PostgresCampaignTx::InsertCampaign(const Campaign& c) {
  Params p;
  return InsertUnique(t_,
                      std::string("INSERT INTO campaigns (") + kCampaignValueCols + ") VALUES (" +
                          CampaignValues(p, c) + ") ON CONFLICT DO NOTHING RETURNING id",
                      p, kEditionExists);
}

Result<Campaign> PostgresCampaignTx::GetCampaign(int64_t id) {
  Params p;
  auto r =
      t_.Run(std::string("SELECT ") + kCampaignCols + " FROM campaigns WHERE id = " + p.Ref(id), p);
  if (!r.ok()) return r.status();
  if (r->empty()) return NotFound("campaign");
  return CampaignFrom((*r)[0]);
}

Status PostgresCampaignTx::UpdateCampaign(const Campaign& c) {
  // An edition moved onto a year its series already has: refused without failing the
  // transaction, as in InsertCampaign.
  Params p;
  auto taken = Scalar(t_,
                      "SELECT COUNT(*) FROM campaigns WHERE series = " + p.Ref(c.series) +
                          " AND year = " + p.Ref(int64_t{c.year}) + " AND id <> " + p.Ref(c.id),
                      p);
  if (!taken.ok()) return taken.status();
  if (*taken > 0) return kEditionExists;
  Params q;
  return Touch(t_,
               std::string("UPDATE campaigns SET (") + kCampaignValueCols + ") = (" +
                   CampaignValues(q, c) + ") WHERE id = " + q.Ref(c.id),
               q, "campaign");
}

Result<Page<Campaign>> PostgresCampaignTx::ListCampaigns(const CampaignQuery& q) {
  Params p;
  Where w(p);
  if (!q.series.empty()) w.Add("series = " + p.Ref(q.series));
  if (!q.statuses.empty()) {
    std::vector<std::string> names;
    for (auto st : q.statuses) names.emplace_back(CampaignStatusName(st));
    w.Add("status = ANY(" + p.RefTexts(names) + ")");
  }
  // The total and the page in one round trip.
  auto r = t_.Run("SELECT (SELECT COUNT(*) FROM campaigns" + w.sql() +
                      "), c.* FROM (SELECT 1) one LEFT JOIN (SELECT " + kCampaignCols +
                      " FROM campaigns" + w.sql() + " ORDER BY year DESC, id DESC LIMIT " +
                      p.Ref(q.limit) + " OFFSET " + p.Ref(q.offset) + ") c ON true",
                  p);
  if (!r.ok()) return r.status();
  Page<Campaign> page;
  for (const auto& row : *r) {
    page.total = Int(row[0]);
    if (row[1].is_null()) continue;  // an empty page: only the total came back
    page.items.push_back(CampaignFrom(pqxx::row(row.slice(1, row.size()))));
  }
  return page;
}

Result<int64_t> PostgresCampaignTx::InsertNomination(const Nomination& n) {
  Params p;
  std::string sql =
      "INSERT INTO nominations (campaign_id, nominator_org_id, nominator_user_id, nominee_type, "
      "nominee_name, nominee_org_id, listing_id, discipline, birth_date, founding_year, summary, "
      "materials, created_at) VALUES (" +
      p.Ref(n.campaign_id) + "," + p.Ref(n.nominator_org_id) + "," + p.Ref(n.nominator_user_id) +
      "," + p.Ref(NomineeTypeName(n.nominee_type)) + "," + p.Ref(n.nominee_name) + "," +
      p.Ref(n.nominee_org_id) + "," + p.Ref(n.listing_id) + "," + p.Ref(n.discipline) + "," +
      p.Ref(n.birth_date) + "," +
      p.Ref(n.founding_year ? std::optional<int64_t>(*n.founding_year) : std::nullopt) + "," +
      p.Ref(n.summary) + "," + p.Ref(MaterialsJson(n.materials)) + "," + p.Ref(n.created_at) +
      ") ON CONFLICT DO NOTHING RETURNING id";
  return InsertUnique(
      t_, sql, p,
      Conflict("already_nominated", "this nominee is already nominated to the campaign",
               "nominee_name"));
}

Result<Nomination> PostgresCampaignTx::GetNomination(int64_t id) {
  Params p;
  auto r = t_.Run(
      std::string("SELECT ") + kNominationCols + " FROM nominations WHERE id = " + p.Ref(id), p);
  if (!r.ok()) return r.status();
  if (r->empty()) return NotFound("nomination");
  return NominationFrom((*r)[0]);
}

Result<std::vector<Nomination>> PostgresCampaignTx::ListNominations(int64_t campaign_id) {
  Params p;
  auto r =
      t_.Run(std::string("SELECT ") + kNominationCols +
                 " FROM nominations WHERE campaign_id = " + p.Ref(campaign_id) + " ORDER BY id",
             p);
  if (!r.ok()) return r.status();
  std::vector<Nomination> out;
  for (const auto& row : *r) out.push_back(NominationFrom(row));
  return out;
}

Status PostgresCampaignTx::InsertAssignment(const Assignment& a) {
  Params p;
  return InsertUnique(
             t_,
             "INSERT INTO campaign_assignments (campaign_id, nomination_id, reviewer_id, "
             "assigned_at) VALUES (" +
                 p.Ref(a.campaign_id) + "," + p.Ref(a.nomination_id) + "," + p.Ref(a.reviewer_id) +
                 "," + p.Ref(a.assigned_at) + ") ON CONFLICT DO NOTHING",
             p, Conflict("already_assigned", "the reviewer is already assigned", "reviewer_id"))
      .status();
}

Result<std::vector<Assignment>> PostgresCampaignTx::Assignments(const char* column, int64_t value) {
  Params p;
  auto r = t_.Run(std::string("SELECT campaign_id, nomination_id, reviewer_id, assigned_at FROM "
                              "campaign_assignments WHERE ") +
                      column + " = " + p.Ref(value) + " ORDER BY nomination_id, reviewer_id",
                  p);
  if (!r.ok()) return r.status();
  std::vector<Assignment> out;
  for (const auto& row : *r) {
    out.push_back(Assignment{Int(row[0]), Int(row[1]), Int(row[2]), Int(row[3])});
  }
  return out;
}

Result<std::vector<Assignment>> PostgresCampaignTx::ListAssignments(int64_t campaign_id) {
  return Assignments("campaign_id", campaign_id);
}

Result<std::vector<Assignment>> PostgresCampaignTx::AssignmentsOfReviewer(int64_t reviewer_id) {
  return Assignments("reviewer_id", reviewer_id);
}

Status PostgresCampaignTx::DeleteAssignment(int64_t nomination_id, int64_t reviewer_id) {
  // The reviewer's scores of the nomination go with the assignment, in the same statement.
  Params p;
  std::string nomination = p.Ref(nomination_id);
  std::string reviewer = p.Ref(reviewer_id);
  return Touch(t_,
               "WITH scores AS (DELETE FROM campaign_scores WHERE nomination_id = " + nomination +
                   " AND reviewer_id = " + reviewer +
                   ") DELETE FROM campaign_assignments WHERE nomination_id = " + nomination +
                   " AND reviewer_id = " + reviewer,
               p, "assignment");
}

Status PostgresCampaignTx::InsertConflict(const ConflictDeclaration& d) {
  Params p;
  return InsertUnique(
             t_,
             "INSERT INTO campaign_conflicts (campaign_id, reviewer_id, org_id, reason, "
             "declared_at) VALUES (" +
                 p.Ref(d.campaign_id) + "," + p.Ref(d.reviewer_id) + "," + p.Ref(d.org_id) + "," +
                 p.Ref(d.reason) + "," + p.Ref(d.declared_at) + ") ON CONFLICT DO NOTHING",
             p, Conflict("already_declared", "this conflict is already declared", "org_id"))
      .status();
}

Result<std::vector<ConflictDeclaration>> PostgresCampaignTx::ListConflicts(int64_t campaign_id) {
  Params p;
  auto r = t_.Run(
      "SELECT campaign_id, reviewer_id, org_id, reason, declared_at FROM campaign_conflicts "
      "WHERE campaign_id = " +
          p.Ref(campaign_id) + " ORDER BY reviewer_id, org_id",
      p);
  if (!r.ok()) return r.status();
  std::vector<ConflictDeclaration> out;
  for (const auto& row : *r) {
    out.push_back(
        ConflictDeclaration{Int(row[0]), Int(row[1]), Int(row[2]), Text(row[3]), Int(row[4])});
  }
  return out;
}

Status PostgresCampaignTx::PutScore(int64_t campaign_id, const ScoreEntry& e, int64_t at) {
  Params p;
  return Exec(t_,
              "INSERT INTO campaign_scores (campaign_id, nomination_id, reviewer_id, criterion, "
              "value, scored_at) VALUES (" +
                  p.Ref(campaign_id) + "," + p.Ref(e.nomination_id) + "," + p.Ref(e.reviewer_id) +
                  "," + p.Ref(e.criterion) + "," + p.RefDouble(e.value) + "," + p.Ref(at) +
                  ") ON CONFLICT (nomination_id, reviewer_id, criterion) DO UPDATE SET value = "
                  "excluded.value, scored_at = excluded.scored_at",
              p);
}

Result<std::vector<ScoreEntry>> PostgresCampaignTx::ListScores(int64_t campaign_id) {
  Params p;
  // Criterion keys in byte order, as SQLite sorts them.
  auto r = t_.Run(
      "SELECT nomination_id, reviewer_id, criterion, value FROM campaign_scores WHERE "
      "campaign_id = " +
          p.Ref(campaign_id) + " ORDER BY nomination_id, reviewer_id, criterion COLLATE \"C\"",
      p);
  if (!r.ok()) return r.status();
  std::vector<ScoreEntry> out;
  for (const auto& row : *r) {
    out.push_back(ScoreEntry{Int(row[0]), Int(row[1]), Text(row[2]), Double(row[3])});
  }
  return out;
}

Status PostgresCampaignTx::InsertResults(int64_t campaign_id,
                                         const std::vector<CampaignResult>& rows) {
  if (rows.empty()) return Status::Ok();
  // Every row in one statement, and none when the campaign has results already.
  Params p;
  std::string campaign = p.Ref(campaign_id) + "::bigint";
  std::string values;
  for (const auto& r : rows) {
    values += std::string(values.empty() ? "" : ",") + "(" + campaign + "," +
              p.Ref(int64_t{r.rank}) + "::bigint," + p.Ref(r.nomination_id) + "::bigint," +
              p.Ref(r.nominee_name) + "::text," + p.RefDouble(r.total) + "::float8," +
              p.Ref(BreakdownJson(r.breakdown)) + "::text," + p.Ref(int64_t{r.reviewers}) +
              "::bigint)";
  }
  return InsertUnique(t_,
                      "INSERT INTO campaign_results (campaign_id, rank, nomination_id, "
                      "nominee_name, total, breakdown, reviewers) SELECT * FROM (VALUES " +
                          values +
                          ") v WHERE NOT EXISTS (SELECT 1 FROM campaign_results WHERE "
                          "campaign_id = " +
                          campaign + ") ON CONFLICT DO NOTHING",
                      p, Conflict("campaign_published", "results are already published", ""))
      .status();
}

Result<std::vector<CampaignResult>> PostgresCampaignTx::ListResults(int64_t campaign_id) {
  Params p;
  auto r = t_.Run(
      "SELECT rank, nomination_id, nominee_name, total, breakdown, reviewers FROM "
      "campaign_results WHERE campaign_id = " +
          p.Ref(campaign_id) + " ORDER BY rank",
      p);
  if (!r.ok()) return r.status();
  std::vector<CampaignResult> out;
  for (const auto& row : *r) {
    CampaignResult c;
    c.rank = static_cast<int>(Int(row[0]));
    c.nomination_id = Int(row[1]);
    c.nominee_name = Text(row[2]);
    c.total = Double(row[3]);
    c.breakdown = BreakdownFrom(Text(row[4]));
    c.reviewers = static_cast<int>(Int(row[5]));
    out.push_back(std::move(c));
  }
  return out;
}

Result<int64_t> PostgresCampaignTx::InsertBody(const Body& b) {
  Params p;
  return InsertUnique(t_,
                      "INSERT INTO bodies (kind, slug, name, name_en, description, established, "
                      "created_at) VALUES (" +
                          p.Ref(BodyKindName(b.kind)) + "," + p.Ref(b.slug) + "," + p.Ref(b.name) +
                          "," + p.Ref(b.name_en) + "," + p.Ref(b.description) + "," +
                          p.Ref(b.established) + "," + p.Ref(b.created_at) +
                          ") ON CONFLICT DO NOTHING RETURNING id",
                      p, Conflict("slug_taken", "a body with this slug exists", "slug"));
}

Result<std::vector<Body>> PostgresCampaignTx::Bodies(const std::string& where, const Params& p) {
  auto r = t_.Run(std::string("SELECT ") + kBodyCols + " FROM bodies" + where + " ORDER BY id", p);
  if (!r.ok()) return r.status();
  std::vector<Body> out;
  for (const auto& row : *r) out.push_back(BodyFrom(row));
  return out;
}

Result<Body> PostgresCampaignTx::GetBody(std::string_view slug) {
  Params p;
  std::string where = " WHERE slug = " + p.Ref(slug);
  auto found = Bodies(where, p);
  if (!found.ok()) return found.status();
  if (found->empty()) return NotFound("body");
  return std::move(found->front());
}

Result<std::vector<Body>> PostgresCampaignTx::ListBodies() { return Bodies("", Params{}); }

Result<int64_t> PostgresCampaignTx::InsertBodyMember(const BodyMember& m) {
  Params p;
  return Scalar(t_,
                "INSERT INTO body_members (body_id, member_type, name, org_id, title, role, "
                "term_start, term_end, position, created_at) VALUES (" +
                    p.Ref(m.body_id) + "," + p.Ref(MemberTypeName(m.member_type)) + "," +
                    p.Ref(m.name) + "," + p.Ref(m.org_id) + "," + p.Ref(m.title) + "," +
                    p.Ref(m.role) + "," + p.Ref(m.term_start) + "," + p.Ref(m.term_end) + "," +
                    p.Ref(int64_t{m.position}) + "," + p.Ref(m.created_at) + ") RETURNING id",
                p);
}

Result<std::vector<BodyMember>> PostgresCampaignTx::ListBodyMembers(int64_t body_id) {
  Params p;
  auto r = t_.Run(
      "SELECT id, body_id, member_type, name, org_id, title, role, term_start, term_end, "
      "position, created_at FROM body_members WHERE body_id = " +
          p.Ref(body_id) + " ORDER BY position, id",
      p);
  if (!r.ok()) return r.status();
  std::vector<BodyMember> out;
  for (const auto& row : *r) {
    BodyMember m;
    m.id = Int(row[0]);
    m.body_id = Int(row[1]);
    m.member_type = MemberTypeFromName(Text(row[2])).value_or(MemberType::kPerson);
    m.name = Text(row[3]);
    m.org_id = OptInt(row[4]);
    m.title = Text(row[5]);
    m.role = Text(row[6]);
    m.term_start = Text(row[7]);
    m.term_end = Text(row[8]);
    m.position = static_cast<int>(Int(row[9]));
    m.created_at = Int(row[10]);
    out.push_back(std::move(m));
  }
  return out;
}

Status PostgresCampaignTx::DeleteBodyMember(int64_t body_id, int64_t member_id) {
  Params p;
  return Touch(t_,
               "DELETE FROM body_members WHERE id = " + p.Ref(member_id) +
                   " AND body_id = " + p.Ref(body_id),
               p, "member");
}

}  // namespace kc::pg
